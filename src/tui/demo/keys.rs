//! The demo's own keys, over both halves: switch the half that has the keys, and the tour.

use crate::i18n::i18n_id;
use crate::tui::kit::commands::{self as kit, Command, Commands, HelpGroup, cmd};
use crate::tui::kit::keymap::key_modes;
use crate::tui::kit::{KeyAction, Keymap};
use serde::{Deserialize, Serialize};

key_modes!(
    /// The demo's one mode: its keys sit over the mode of the half that has the keys.
    Mode for Action {
        Demo = "demo",
    }
    text: []
);

/// What the demo's own keys ask for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Move the keys to the other half (or show it, when only one fits).
    SwitchHalf,
    /// Start the guided tour, or take its next step.
    Tour,
    /// End the guided tour.
    TourStop,
}

impl KeyAction for Action {}

impl Commands for Mode {
    fn title(self) -> &'static str {
        i18n_id("demo-mode")
    }

    fn commands(self) -> Vec<Command<Action>> {
        vec![
            cmd(Action::SwitchHalf, i18n_id("demo-cmd-switch-half"), true),
            cmd(Action::Tour, i18n_id("demo-cmd-tour"), true),
            cmd(Action::TourStop, i18n_id("demo-cmd-tour-stop"), false),
        ]
    }
}

/// The demo's group in help.
pub fn help(keymap: &Keymap) -> Vec<HelpGroup> {
    kit::help_groups(keymap, Mode::ALL)
}

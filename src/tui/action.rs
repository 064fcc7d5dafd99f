//! Everything the user can ask of the inbox, as data. Keys become actions through the keymap;
//! `App::update` turns actions into changes, so tests drive the app without a terminal.

use serde::{Deserialize, Serialize};

/// One thing the user asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    MoveUp,
    MoveDown,
    MoveTop,
    MoveBottom,
    PageUp,
    PageDown,
    /// Tab: from the chat list to the open chat and back.
    NextPane,
    Open,
    Back,
    Quit,
    Help,
    NextUnread,
    FilterNext,
    FilterPrev,
    FilterAll,
    FilterUnread,
    FilterPersonal,
    FilterBusiness,
    FilterOffers,
    FilterHeld,
    FilterArchived,
    Search,
    Reply,
    ToggleRead,
    ToggleMute,
    ToggleArchive,
    ToggleSubscribe,
    /// Block (with a confirmation that asks for a reason), or unblock.
    ToggleBlock,
    Report,
    Interested,
    NotInterested,
    Why,
    Profile,
    Subscriptions,
    Settings,
    ToggleAllOffers,
    Release,
    Delete,
    AdvanceHour,
    AdvanceDay,
    /// In a dialog or a settings row: confirm / the default choice.
    Confirm,
    /// In a dialog: switch the highlighted option (e.g. "also block").
    Toggle,
    /// In settings: one step down / up.
    Decrease,
    Increase,
    /// Typing in the composer or the search box.
    #[serde(skip)]
    Insert(char),
    Backspace,
    CursorLeft,
    CursorRight,
    /// A click at a cell of the screen.
    #[serde(skip)]
    Click {
        column: u16,
        row: u16,
    },
    #[serde(skip)]
    ScrollUp {
        column: u16,
        row: u16,
    },
    #[serde(skip)]
    ScrollDown {
        column: u16,
        row: u16,
    },
    /// The terminal's new size.
    #[serde(skip)]
    Resize {
        width: u16,
        height: u16,
    },
    /// Something changed in the store behind the app (new messages from the world or a server).
    #[serde(skip)]
    Refresh,
    /// Business console: go to one screen, or the next / previous one.
    ScreenTemplates,
    ScreenCompose,
    ScreenMetrics,
    ScreenStanding,
    NextScreen,
    PrevScreen,
    /// Business console: choose which business the console shows.
    SwitchBusiness,
    /// Business console: write a new template in the editor, or submit one from a TOML file.
    NewTemplate,
    SubmitFile,
    /// Business console: broadcast the selected template.
    Send,
    /// Business console forms: the next / previous field.
    NextField,
    PrevField,
    /// Business console: price the broadcast and show what the rules will do.
    DryRun,
    /// Demo: move the keys to the other half (or show it, when only one fits).
    SwitchHalf,
    /// Demo: start the guided tour, or take its next step.
    Tour,
    /// Demo: end the guided tour.
    TourStop,
}

impl Action {
    /// The action with this keymap name.
    pub fn from_name(name: &str) -> Option<Action> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }

    /// The keymap name of a unit action.
    pub fn name(&self) -> Option<String> {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => Some(s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        assert_eq!(
            Action::from_name("toggle_subscribe"),
            Some(Action::ToggleSubscribe)
        );
        assert_eq!(
            Action::ToggleSubscribe.name().as_deref(),
            Some("toggle_subscribe")
        );
        assert_eq!(Action::from_name("insert"), None);
        assert_eq!(Action::from_name("nonsense"), None);
    }
}

//! Each app declares its commands once per mode; its footer and its help screen are both
//! drawn from those lists and the keymap, so help never goes stale.

use super::keymap::{KeyAction, KeyMode, Keymap};
use crate::i18n::{self, i18n_id};

/// A command of a mode: what it does, and whether the footer shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Command<A> {
    pub action: A,
    /// The catalogue id of what the command does.
    pub label: &'static str,
    pub footer: bool,
}

/// A command.
pub fn cmd<A>(action: A, label: &'static str, footer: bool) -> Command<A> {
    Command {
        action,
        label,
        footer,
    }
}

/// The commands every app has, by keymap name, with their labels and footer flags.
const GLOBAL: [(&str, &str, bool); 6] = [
    ("help", i18n_id("kit-cmd-help"), true),
    ("notices", i18n_id("kit-cmd-notices"), false),
    ("command_line", i18n_id("kit-cmd-command-line"), false),
    ("advance_hour", i18n_id("kit-cmd-advance-hour"), false),
    ("advance_day", i18n_id("kit-cmd-advance-day"), false),
    ("quit", i18n_id("kit-cmd-quit"), false),
];

/// Commands that work in every mode of an app (unless a mode binds the key otherwise).
pub fn global<A: KeyAction>() -> Vec<Command<A>> {
    GLOBAL
        .iter()
        .filter_map(|(name, label, footer)| A::from_name(name).map(|a| cmd(a, label, *footer)))
        .collect()
}

/// One group of help: its title, then each command's keys and label, in the language in force.
pub type HelpGroup = (String, Vec<(String, String)>);

/// An app's modes with their commands, as help lists them.
pub trait Commands: KeyMode {
    /// The catalogue id of the title of the mode's group in help.
    fn title(self) -> &'static str;
    /// The commands of the mode.
    fn commands(self) -> Vec<Command<Self::Action>>;
}

/// Each command with all its keys in `mode`, leaving out those without a key.
pub fn rows<M: KeyMode>(
    keymap: &Keymap,
    mode: M,
    commands: Vec<Command<M::Action>>,
) -> Vec<(String, String)> {
    commands
        .into_iter()
        .filter_map(|c| {
            let keys = keymap.keys_for(mode, &c.action);
            (!keys.is_empty()).then(|| (keys.join(" "), i18n::text(c.label, None)))
        })
        .collect()
}

/// Help for some modes: each with its commands and all their keys.
pub fn help_groups<M: Commands>(keymap: &Keymap, modes: &[M]) -> Vec<HelpGroup> {
    modes
        .iter()
        .map(|mode| {
            let title = i18n::text(mode.title(), None);
            (title, rows(keymap, *mode, mode.commands()))
        })
        .collect()
}

/// The commands that work in every mode, with their keys as `mode` has them.
pub fn everywhere<M: KeyMode>(
    keymap: &Keymap,
    mode: M,
    global: Vec<Command<M::Action>>,
) -> HelpGroup {
    (tr!("kit-help-everywhere"), rows(keymap, mode, global))
}

/// "key label" pairs for the footer commands of `mode` that have a key there.
pub fn hints<M: KeyMode>(
    keymap: &Keymap,
    mode: M,
    commands: impl IntoIterator<Item = Command<M::Action>>,
) -> Vec<(String, String)> {
    commands
        .into_iter()
        .filter(|c| c.footer)
        .filter_map(|c| {
            let label = i18n::text(c.label, None);
            keymap.key_for(mode, &c.action).map(|k| (k, label))
        })
        .collect()
}

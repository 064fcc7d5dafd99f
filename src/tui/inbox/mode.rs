//! Where the inbox's keyboard focus is: each mode has its own keys.

use super::action::Action;
use crate::tui::kit::KeyMode;

code_enum!(
    /// Where the keyboard focus is in the inbox.
    Mode {
        Inbox = "inbox",
        Chat = "chat",
        Compose = "compose",
        Held = "held",
        Subscriptions = "subscriptions",
        Profile = "profile",
        Settings = "settings",
        Help = "help",
        Search = "search",
        Dialog = "dialog",
    }
);

impl KeyMode for Mode {
    type Action = Action;

    fn all() -> &'static [Mode] {
        Mode::ALL
    }

    fn name(self) -> &'static str {
        self.as_str()
    }

    fn takes_text(self) -> bool {
        matches!(self, Mode::Compose | Mode::Search)
    }
}

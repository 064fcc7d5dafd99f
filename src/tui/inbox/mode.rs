//! Where the inbox's keyboard focus is: each mode has its own keys.

use super::action::Action;
use crate::tui::kit::keymap::key_modes;

key_modes!(
    /// Where the keyboard focus is in the inbox.
    Mode for Action {
        Inbox = "inbox",
        Chat = "chat",
        Compose = "compose",
        Held = "held",
        Subscriptions = "subscriptions",
        Profile = "profile",
        Settings = "settings",
        Help = "help",
        Notices = "notices",
        Search = "search",
        Find = "find",
        Dialog = "dialog",
        Command = "command",
    }
    text: [Compose, Search, Find, Command]
);

//! Where the console's keyboard focus is: each mode has its own keys.

use super::action::Action;
use crate::tui::kit::keymap::key_modes;

key_modes!(
    /// Where the keyboard focus is in the console.
    Mode for Action {
        Templates = "console_templates",
        Editor = "console_editor",
        Prompt = "console_prompt",
        Compose = "console_compose",
        Confirm = "console_confirm",
        Metrics = "console_metrics",
        Standing = "console_standing",
        Conversations = "console_conversations",
        Dialog = "console_dialog",
        Help = "console_help",
    }
    text: [Editor, Prompt, Compose]
);

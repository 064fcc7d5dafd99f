//! Where the console's keyboard focus is: each mode has its own keys.

use super::action::Action;
use crate::tui::kit::KeyMode;

code_enum!(
    /// Where the keyboard focus is in the console.
    Mode {
        Templates = "console_templates",
        Editor = "console_editor",
        Prompt = "console_prompt",
        Compose = "console_compose",
        Confirm = "console_confirm",
        Metrics = "console_metrics",
        Standing = "console_standing",
        Dialog = "console_dialog",
        Help = "console_help",
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
        matches!(self, Mode::Editor | Mode::Prompt | Mode::Compose)
    }
}

//! Everything a business can ask of its console, as data. Keys become actions through the
//! keymap; `ConsoleApp::update` turns them into changes, so tests drive it without a terminal.

use crate::tui::kit::KeyAction;
use serde::{Deserialize, Serialize};

/// One thing the business asks of the console.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    MoveUp,
    MoveDown,
    MoveTop,
    MoveBottom,
    PageUp,
    PageDown,
    Back,
    Quit,
    Help,
    AdvanceHour,
    AdvanceDay,
    /// In a form, a dialog or the dry run: submit, choose or confirm.
    Confirm,
    /// As Confirm, where a list's row is chosen.
    Open,
    /// Typing in a form or the file prompt.
    #[serde(skip)]
    Insert(char),
    Backspace,
    CursorLeft,
    CursorRight,
    /// The terminal's new size.
    #[serde(skip)]
    Resize {
        width: u16,
        height: u16,
    },
    /// Something changed behind the console (another app on the store, the server).
    #[serde(skip)]
    Refresh,
    /// Go to one screen, or the next / previous one.
    ScreenTemplates,
    ScreenCompose,
    ScreenMetrics,
    ScreenStanding,
    ScreenConversations,
    NextScreen,
    PrevScreen,
    /// Choose which business the console shows.
    SwitchBusiness,
    /// Write a new template in the editor, or submit one from a TOML file.
    NewTemplate,
    SubmitFile,
    /// Write a new version of the selected template (a resubmission when it was rejected).
    EditTemplate,
    /// Delete the selected template, after asking.
    DeleteTemplate,
    /// Broadcast the selected template.
    Send,
    /// Forms: the next / previous field.
    NextField,
    PrevField,
    /// Price the broadcast and show what the rules will do.
    DryRun,
    /// On Standing: ask a platform reviewer to review a disable or suspension.
    AskReview,
}

impl KeyAction for Action {
    fn typed(c: char) -> Option<Action> {
        Some(Action::Insert(c))
    }
}

//! Everything the user can ask of the inbox, as data. Keys become actions through the keymap;
//! `App::update` turns actions into changes, so tests drive the app without a terminal.

use crate::tui::kit::KeyAction;
use serde::{Deserialize, Serialize};

/// One thing the user asks of the inbox.
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
    /// The notices screen: the last status sentences in full, with their times.
    Notices,
    NextUnread,
    /// Sorts the chat list again (the list keeps its order while the user works in it).
    Resort,
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
    /// In an open chat: finds text in that chat.
    Find,
    /// The next older hit of the find in the chat (without a find: the next unread chat).
    FindNext,
    /// The next newer hit of the find in the chat.
    FindPrevious,
    Reply,
    /// Copies the selected message, or the code of an authentication message, to the
    /// terminal's clipboard.
    Copy,
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
    /// In Held: deletes every held message from the selected message's business, after a
    /// confirmation that says how many.
    DeleteAllFromBusiness,
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
    /// In the composer: a new line instead of sending.
    NewLine,
    /// Readline's editing keys: start and end of the line, a word left or right.
    LineStart,
    LineEnd,
    WordLeft,
    WordRight,
    /// Deletes the word before the cursor, up to the line's start, up to its end, the
    /// character under the cursor.
    DeleteWord,
    DeleteToLineStart,
    DeleteToLineEnd,
    DeleteForward,
    Undo,
    Redo,
    /// Writes the message in `$EDITOR`.
    ExternalEditor,
    /// `:`: the command line.
    CommandLine,
    /// In the command line: completes the command's name.
    Complete,
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
}

impl KeyAction for Action {
    fn typed(c: char) -> Option<Action> {
        Some(Action::Insert(c))
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

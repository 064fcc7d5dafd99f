//! Each mode declares its commands once; the footer and the help screen are both drawn from
//! these lists and the keymap, so help never goes stale.

use super::action::Action;
use super::mode::Mode;
use super::state::{ChatView, Dialog, UiState};
use crate::model::{Category, Outcome};
use crate::tui::kit::commands::{self as kit, Commands, HelpGroup, cmd};
use crate::tui::kit::{KeyAction, Keymap};

/// A command of the inbox.
pub type Command = kit::Command<Action>;

/// Commands that work in every mode (unless a mode binds the key otherwise).
pub fn global() -> Vec<Command> {
    kit::global()
}

impl Commands for Mode {
    /// The title of a mode's group in help.
    fn title(self) -> &'static str {
        match self {
            Mode::Inbox => "Chat list",
            Mode::Chat => "Open chat",
            Mode::Compose => "Writing a message",
            Mode::Held => "Held tab",
            Mode::Subscriptions => "Subscriptions",
            Mode::Profile => "Business profile",
            Mode::Settings => "Settings",
            Mode::Help => "Help",
            Mode::Notices => "Notices",
            Mode::Search => "Search",
            Mode::Find => "Finding (/ in a chat or in Subscriptions)",
            Mode::Dialog => "Dialogs (Why?, report, block, first contact)",
            Mode::Command => "Command line (:)",
        }
    }

    /// The commands of one mode.
    fn commands(self) -> Vec<Command> {
        use Action::*;
        match self {
            Mode::Inbox => vec![
                cmd(MoveDown, "down", false),
                cmd(MoveUp, "up", false),
                cmd(MoveTop, "first", false),
                cmd(MoveBottom, "last", false),
                cmd(PageDown, "page down", false),
                cmd(PageUp, "page up", false),
                cmd(Open, "open", true),
                cmd(NextPane, "switch pane", false),
                cmd(NextUnread, "next unread", true),
                cmd(Resort, "re-sort", true),
                cmd(FilterNext, "next tab", true),
                cmd(FilterPrev, "previous tab", false),
                cmd(FilterAll, "tab: all", false),
                cmd(FilterUnread, "tab: unread", false),
                cmd(FilterPersonal, "tab: personal", false),
                cmd(FilterBusiness, "tab: business", false),
                cmd(FilterOffers, "tab: offers", false),
                cmd(FilterHeld, "tab: held", false),
                cmd(FilterArchived, "tab: archived", false),
                cmd(Search, "search", true),
                cmd(Reply, "reply", false),
                cmd(ToggleRead, "mark read / unread", false),
                cmd(ToggleMute, "mute / unmute", false),
                cmd(ToggleArchive, "archive / unarchive", false),
                cmd(ToggleSubscribe, "subscribe / unsubscribe", true),
                cmd(ToggleBlock, "block / unblock", true),
                cmd(Report, "report", true),
                cmd(Why, "why did its last message reach me?", false),
                cmd(Profile, "business profile", false),
                cmd(Subscriptions, "all subscriptions", false),
                cmd(Settings, "settings", false),
                cmd(Quit, "quit", true),
            ],
            Mode::Chat => vec![
                cmd(MoveUp, "previous message", false),
                cmd(MoveDown, "next message", false),
                cmd(MoveTop, "first loaded message", false),
                cmd(MoveBottom, "last message", false),
                cmd(Reply, "reply", true),
                cmd(Why, "why did this reach me?", true),
                cmd(Interested, "interested (offers)", true),
                cmd(NotInterested, "not interested (offers)", true),
                cmd(ToggleSubscribe, "subscribe / unsubscribe", true),
                cmd(ToggleBlock, "block / unblock", true),
                cmd(Report, "report", true),
                cmd(Profile, "business profile", false),
                cmd(ToggleRead, "mark read / unread", false),
                cmd(ToggleMute, "mute / unmute", false),
                cmd(ToggleArchive, "archive / unarchive", false),
                cmd(Copy, "copy the message (of a code, just the code)", false),
                cmd(Find, "find in this chat", true),
                cmd(
                    FindNext,
                    "next hit, older (without a find: next unread)",
                    true,
                ),
                cmd(FindPrevious, "next hit, newer", true),
                cmd(Back, "clear the find / back to the list", true),
            ],
            Mode::Compose => vec![
                cmd(Confirm, "send", true),
                cmd(NewLine, "new line", true),
                cmd(ExternalEditor, "write in $EDITOR", true),
                cmd(Undo, "undo", true),
                cmd(Redo, "redo", false),
                cmd(Back, "cancel", true),
                cmd(Backspace, "delete a character", false),
                cmd(
                    DeleteForward,
                    "delete the character under the cursor",
                    false,
                ),
                cmd(DeleteWord, "delete the word before the cursor", false),
                cmd(DeleteToLineStart, "delete to the start of the line", false),
                cmd(DeleteToLineEnd, "delete to the end of the line", false),
                cmd(CursorLeft, "cursor left", false),
                cmd(CursorRight, "cursor right", false),
                cmd(WordLeft, "a word left", false),
                cmd(WordRight, "a word right", false),
                cmd(LineStart, "start of the line", false),
                cmd(LineEnd, "end of the line", false),
                cmd(MoveUp, "line up", false),
                cmd(MoveDown, "line down", false),
            ],
            Mode::Held => vec![
                cmd(MoveDown, "down", false),
                cmd(MoveUp, "up", false),
                cmd(Release, "release into the chat", true),
                cmd(Delete, "delete", true),
                cmd(Undo, "undo the delete", false),
                cmd(
                    DeleteAllFromBusiness,
                    "delete all from this business",
                    false,
                ),
                cmd(Why, "why was it held?", true),
                cmd(ToggleSubscribe, "subscribe / unsubscribe", true),
                cmd(ToggleBlock, "block / unblock", false),
                cmd(Profile, "business profile", false),
                cmd(FilterNext, "next tab", false),
                cmd(Back, "back to all chats", true),
            ],
            Mode::Subscriptions => vec![
                cmd(MoveDown, "down", false),
                cmd(MoveUp, "up", false),
                cmd(ToggleSubscribe, "subscribe / unsubscribe", true),
                cmd(ToggleAllOffers, "all offers on / off", true),
                cmd(ToggleBlock, "block / unblock", true),
                cmd(Find, "find a business by name", true),
                cmd(Profile, "business profile", true),
                cmd(Back, "back", true),
            ],
            Mode::Profile => vec![
                cmd(ToggleSubscribe, "subscribe / unsubscribe", true),
                cmd(ToggleBlock, "block / unblock", true),
                cmd(Report, "report", true),
                cmd(Open, "open the chat", true),
                cmd(Back, "back", true),
            ],
            Mode::Settings => vec![
                cmd(MoveDown, "down", false),
                cmd(MoveUp, "up", false),
                cmd(Decrease, "less / previous", true),
                cmd(Increase, "more / next", true),
                cmd(PageDown, "next region of time zones", false),
                cmd(PageUp, "previous region of time zones", false),
                cmd(Toggle, "switch", true),
                cmd(Back, "back", true),
            ],
            Mode::Help => vec![
                cmd(MoveDown, "scroll down", false),
                cmd(MoveUp, "scroll up", false),
                cmd(PageDown, "page down", true),
                cmd(PageUp, "page up", false),
                cmd(MoveTop, "top", false),
                cmd(MoveBottom, "end", false),
                cmd(Back, "close help", true),
            ],
            Mode::Notices => vec![
                cmd(MoveDown, "scroll down", false),
                cmd(MoveUp, "scroll up", false),
                cmd(PageDown, "page down", false),
                cmd(PageUp, "page up", false),
                cmd(Back, "close notices", true),
            ],
            Mode::Search => vec![
                cmd(Open, "jump to it", true),
                cmd(MoveDown, "next result", true),
                cmd(MoveUp, "previous result", true),
                cmd(Back, "close", true),
            ],
            Mode::Find => vec![
                cmd(Confirm, "find", true),
                cmd(Back, "cancel", true),
                cmd(Backspace, "delete a character", false),
                cmd(CursorLeft, "cursor left", false),
                cmd(CursorRight, "cursor right", false),
            ],
            Mode::Command => vec![
                cmd(Confirm, "run", true),
                cmd(Complete, "complete", true),
                cmd(Back, "close", true),
                cmd(Backspace, "delete a character", false),
                cmd(DeleteWord, "delete a word", false),
                cmd(DeleteToLineStart, "delete to the start", false),
            ],
            Mode::Dialog => vec![
                cmd(MoveDown, "next option", true),
                cmd(MoveUp, "previous option", false),
                cmd(Toggle, "switch (also block)", true),
                cmd(Confirm, "confirm", true),
                cmd(Back, "cancel / close", true),
            ],
        }
    }
}

/// The modes whose commands the `:` line offers: those of the screens, not of typing or
/// dialogs.
const LINE_MODES: [Mode; 6] = [
    Mode::Inbox,
    Mode::Chat,
    Mode::Held,
    Mode::Subscriptions,
    Mode::Profile,
    Mode::Settings,
];

/// A command's name on the `:` line: its keymap name without `toggle_` or `filter_`, words
/// joined by `-` (`toggle_block` is `block`, `filter_held` is `held`).
pub fn line_name(action: &Action) -> Option<String> {
    let name = action.name()?;
    let short = name
        .strip_prefix("toggle_")
        .or_else(|| name.strip_prefix("filter_"))
        .unwrap_or(&name);
    Some(short.replace('_', "-"))
}

/// Every command the `:` line knows, once each, in the order help lists them: its name,
/// what it does, and its action. The same lists feed help and the footers.
pub fn line_commands() -> Vec<(String, &'static str, Action)> {
    let mut out: Vec<(String, &'static str, Action)> = Vec::new();
    let all = LINE_MODES.iter().flat_map(|m| m.commands()).chain(global());
    for command in all.filter(|c| c.action != Action::CommandLine) {
        if let Some(name) = line_name(&command.action)
            && !out.iter().any(|(n, ..)| *n == name)
        {
            out.push((name, command.label, command.action));
        }
    }
    out
}

/// The commands the footer offers where the user is: the dialog's own, the open chat's
/// (which depend on who the chat is with and on the selected message), or the mode's.
fn footer_commands(state: &UiState) -> Vec<Command> {
    use Action::*;
    if let Some(dialog) = &state.dialog {
        return match dialog {
            Dialog::Why { .. } => vec![cmd(Back, "close", true)],
            Dialog::Report { .. } => vec![
                cmd(MoveDown, "reason", true),
                cmd(Toggle, "also block", true),
                cmd(Confirm, "send report", true),
                cmd(Back, "cancel", true),
            ],
            Dialog::Block { .. } => vec![
                cmd(MoveDown, "reason", true),
                cmd(Confirm, "block", true),
                cmd(Back, "cancel", true),
            ],
            Dialog::DeleteHeld { .. } => vec![
                cmd(Confirm, "delete them", true),
                cmd(Back, "keep them", true),
            ],
            Dialog::FirstContact { .. } => {
                vec![
                    cmd(MoveDown, "choose", true),
                    cmd(Confirm, "confirm", true),
                    cmd(Back, "decide later", true),
                ]
            }
        };
    }
    match (state.mode(), &state.chat) {
        (Mode::Chat, Some(view)) => match state.find.as_ref().and_then(|f| f.found()) {
            Some(_) => find_commands(view),
            None => chat_commands(view),
        },
        (mode, _) => mode.commands().into_iter().filter(|c| c.footer).collect(),
    }
}

/// What can be done in an open chat, in its own words.
fn chat_commands(view: &ChatView) -> Vec<Command> {
    use Action::*;
    let offer = view.selected_message().is_some_and(|m| {
        m.message.category == Some(Category::Marketing)
            && m.message.decision.outcome == Outcome::Deliver
    });
    let mut list = Vec::new();
    match &view.card {
        Some(card) if card.relation.blocked.is_some() => {
            list.push(cmd(ToggleBlock, "unblock", true));
            list.push(cmd(Why, "why?", true));
            list.push(cmd(Profile, "profile", true));
        }
        Some(card) => {
            list.push(cmd(Reply, "reply", true));
            list.push(cmd(Why, "why?", true));
            if offer {
                list.push(cmd(Interested, "interested", true));
                list.push(cmd(NotInterested, "not interested", true));
            }
            list.push(cmd(
                ToggleSubscribe,
                if card.relation.subscribed {
                    "unsubscribe"
                } else {
                    "subscribe"
                },
                true,
            ));
            list.push(cmd(ToggleBlock, "block", true));
            list.push(cmd(Report, "report", true));
            list.push(cmd(Profile, "profile", true));
        }
        None if view.person.blocked.is_some() => {
            list.push(cmd(ToggleBlock, "unblock", true));
            list.push(cmd(Report, "report", true));
            list.push(cmd(Find, "find", true));
        }
        None => {
            list.push(cmd(Reply, "reply", true));
            list.push(cmd(Why, "why?", true));
            list.push(cmd(Find, "find", true));
            list.push(cmd(ToggleBlock, "block", true));
            list.push(cmd(Report, "report", true));
        }
    }
    list.push(cmd(Back, "back", true));
    list
}

/// In a chat with a find: its hits first, then what the chat offers.
fn find_commands(view: &ChatView) -> Vec<Command> {
    use Action::*;
    let mut list = vec![
        cmd(FindNext, "older hit", true),
        cmd(FindPrevious, "newer hit", true),
        cmd(Back, "clear find", true),
    ];
    list.extend(chat_commands(view).into_iter().filter(|c| c.action != Back));
    list
}

/// Footer hints: "key label" pairs for where the user is, then the global ones. Until the
/// demo world's clock first moves, the key that moves it comes first.
pub fn footer(keymap: &Keymap, state: &UiState) -> Vec<(String, String)> {
    let start = state
        .clock_untouched
        .then(|| cmd(Action::AdvanceDay, "clock +1 day", true));
    let commands = start
        .into_iter()
        .chain(footer_commands(state))
        .chain(global());
    kit::hints(keymap, state.mode(), commands)
}

/// Help: for every mode of the inbox, its commands with all their keys; then the global ones.
pub fn help(keymap: &Keymap) -> Vec<HelpGroup> {
    let mut groups = kit::help_groups(keymap, Mode::ALL);
    groups.push(kit::everywhere(keymap, Mode::Inbox, global()));
    groups
}

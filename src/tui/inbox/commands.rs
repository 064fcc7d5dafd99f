//! Each mode declares its commands once; the footer and the help screen are both drawn from
//! these lists and the keymap, so help never goes stale.

use super::action::Action;
use super::mode::Mode;
use super::state::{ChatView, Dialog, UiState};
use crate::model::{Category, Outcome};
use crate::tui::kit::Keymap;
use crate::tui::kit::commands::{self as kit, Commands, HelpGroup, cmd};

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
            Mode::Dialog => "Dialogs (Why?, report, block, first contact)",
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
                cmd(NextUnread, "next unread", false),
                cmd(Search, "search", false),
                cmd(Back, "back to the list", true),
            ],
            Mode::Compose => vec![
                cmd(Confirm, "send", true),
                cmd(Back, "cancel", true),
                cmd(Backspace, "delete a character", false),
                cmd(CursorLeft, "cursor left", false),
                cmd(CursorRight, "cursor right", false),
            ],
            Mode::Held => vec![
                cmd(MoveDown, "down", false),
                cmd(MoveUp, "up", false),
                cmd(Release, "release into the chat", true),
                cmd(Delete, "delete", true),
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
                cmd(Toggle, "switch", true),
                cmd(Back, "back", true),
            ],
            Mode::Help => vec![
                cmd(MoveDown, "scroll down", false),
                cmd(MoveUp, "scroll up", false),
                cmd(PageDown, "page down", false),
                cmd(PageUp, "page up", false),
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
        (Mode::Chat, Some(view)) => chat_commands(view),
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
        None => {
            list.push(cmd(Reply, "reply", true));
            list.push(cmd(Why, "why?", true));
        }
    }
    list.push(cmd(Back, "back", true));
    list
}

/// Footer hints: "key label" pairs for where the user is, then the global ones.
pub fn footer(keymap: &Keymap, state: &UiState) -> Vec<(String, &'static str)> {
    let commands = footer_commands(state).into_iter().chain(global());
    kit::hints(keymap, state.mode(), commands)
}

/// Help: for every mode of the inbox, its commands with all their keys; then the global ones.
pub fn help(keymap: &Keymap) -> Vec<HelpGroup> {
    let mut groups = kit::help_groups(keymap, Mode::ALL);
    groups.push(kit::everywhere(keymap, Mode::Inbox, global()));
    groups
}

//! Each mode declares its commands once; the footer and the help screen are both drawn from
//! these lists and the keymap, so help never goes stale.

use super::action::Action;
use super::mode::Mode;
use super::state::{ChatView, Dialog, UiState};
use crate::i18n::i18n_id;
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
            Mode::Inbox => i18n_id("inbox-mode-chat-list"),
            Mode::Chat => i18n_id("inbox-mode-open-chat"),
            Mode::Compose => i18n_id("inbox-mode-writing-a-message"),
            Mode::Held => i18n_id("inbox-mode-held-tab"),
            Mode::Subscriptions => i18n_id("inbox-mode-subscriptions"),
            Mode::Profile => i18n_id("inbox-mode-business-profile"),
            Mode::Settings => i18n_id("inbox-mode-settings"),
            Mode::Help => i18n_id("inbox-mode-help"),
            Mode::Notices => i18n_id("inbox-mode-notices"),
            Mode::Search => i18n_id("inbox-mode-search"),
            Mode::Find => i18n_id("inbox-mode-finding-in-a-chat-or-in-subscriptions"),
            Mode::Dialog => i18n_id("inbox-mode-dialogs-why-report-block-first-contac"),
            Mode::Command => i18n_id("inbox-mode-command-line"),
        }
    }

    /// The commands of one mode.
    fn commands(self) -> Vec<Command> {
        use Action::*;
        match self {
            Mode::Inbox => vec![
                cmd(MoveDown, i18n_id("inbox-cmd-down"), false),
                cmd(MoveUp, i18n_id("inbox-cmd-up"), false),
                cmd(MoveTop, i18n_id("inbox-cmd-first"), false),
                cmd(MoveBottom, i18n_id("inbox-cmd-last"), false),
                cmd(PageDown, i18n_id("inbox-cmd-page-down"), false),
                cmd(PageUp, i18n_id("inbox-cmd-page-up"), false),
                cmd(Open, i18n_id("inbox-cmd-open"), true),
                cmd(NextPane, i18n_id("inbox-cmd-switch-pane"), false),
                cmd(NextUnread, i18n_id("inbox-cmd-next-unread"), true),
                cmd(Resort, i18n_id("inbox-cmd-re-sort"), true),
                cmd(FilterNext, i18n_id("inbox-cmd-next-tab"), true),
                cmd(FilterPrev, i18n_id("inbox-cmd-previous-tab"), false),
                cmd(FilterAll, i18n_id("inbox-cmd-tab-all"), false),
                cmd(FilterUnread, i18n_id("inbox-cmd-tab-unread"), false),
                cmd(FilterPersonal, i18n_id("inbox-cmd-tab-personal"), false),
                cmd(FilterBusiness, i18n_id("inbox-cmd-tab-business"), false),
                cmd(FilterOffers, i18n_id("inbox-cmd-tab-offers"), false),
                cmd(FilterHeld, i18n_id("inbox-cmd-tab-held"), false),
                cmd(FilterArchived, i18n_id("inbox-cmd-tab-archived"), false),
                cmd(Search, i18n_id("inbox-cmd-search"), true),
                cmd(Reply, i18n_id("inbox-cmd-reply"), false),
                cmd(ToggleRead, i18n_id("inbox-cmd-mark-read-unread"), false),
                cmd(ToggleMute, i18n_id("inbox-cmd-mute-unmute"), false),
                cmd(ToggleArchive, i18n_id("inbox-cmd-archive-unarchive"), false),
                cmd(
                    ToggleSubscribe,
                    i18n_id("inbox-cmd-subscribe-unsubscribe"),
                    true,
                ),
                cmd(ToggleBlock, i18n_id("inbox-cmd-block-unblock"), true),
                cmd(Report, i18n_id("inbox-cmd-report"), true),
                cmd(
                    Why,
                    i18n_id("inbox-cmd-why-did-its-last-message-reach-me"),
                    false,
                ),
                cmd(Profile, i18n_id("inbox-cmd-business-profile"), false),
                cmd(Subscriptions, i18n_id("inbox-cmd-all-subscriptions"), false),
                cmd(Settings, i18n_id("inbox-cmd-settings"), false),
                cmd(Quit, i18n_id("inbox-cmd-quit"), true),
            ],
            Mode::Chat => vec![
                cmd(MoveUp, i18n_id("inbox-cmd-previous-message"), false),
                cmd(MoveDown, i18n_id("inbox-cmd-next-message"), false),
                cmd(MoveTop, i18n_id("inbox-cmd-first-loaded-message"), false),
                cmd(MoveBottom, i18n_id("inbox-cmd-last-message"), false),
                cmd(Reply, i18n_id("inbox-cmd-reply"), true),
                cmd(Why, i18n_id("inbox-cmd-why-did-this-reach-me"), true),
                cmd(Interested, i18n_id("inbox-cmd-interested-offers"), true),
                cmd(
                    NotInterested,
                    i18n_id("inbox-cmd-not-interested-offers"),
                    true,
                ),
                cmd(
                    ToggleSubscribe,
                    i18n_id("inbox-cmd-subscribe-unsubscribe"),
                    true,
                ),
                cmd(ToggleBlock, i18n_id("inbox-cmd-block-unblock"), true),
                cmd(Report, i18n_id("inbox-cmd-report"), true),
                cmd(Profile, i18n_id("inbox-cmd-business-profile"), false),
                cmd(ToggleRead, i18n_id("inbox-cmd-mark-read-unread"), false),
                cmd(ToggleMute, i18n_id("inbox-cmd-mute-unmute"), false),
                cmd(ToggleArchive, i18n_id("inbox-cmd-archive-unarchive"), false),
                cmd(
                    Copy,
                    i18n_id("inbox-cmd-copy-the-message-of-a-code-just-the-co"),
                    false,
                ),
                cmd(Find, i18n_id("inbox-cmd-find-in-this-chat"), true),
                cmd(
                    FindNext,
                    i18n_id("inbox-cmd-next-hit-older-without-a-find-next-unr"),
                    true,
                ),
                cmd(FindPrevious, i18n_id("inbox-cmd-next-hit-newer"), true),
                cmd(
                    Back,
                    i18n_id("inbox-cmd-clear-the-find-back-to-the-list"),
                    true,
                ),
            ],
            Mode::Compose => vec![
                cmd(Confirm, i18n_id("inbox-cmd-send"), true),
                cmd(NewLine, i18n_id("inbox-cmd-new-line"), true),
                cmd(ExternalEditor, i18n_id("inbox-cmd-write-in-editor"), true),
                cmd(Undo, i18n_id("inbox-cmd-undo"), true),
                cmd(Redo, i18n_id("inbox-cmd-redo"), false),
                cmd(Back, i18n_id("inbox-cmd-cancel"), true),
                cmd(Backspace, i18n_id("inbox-cmd-delete-a-character"), false),
                cmd(
                    DeleteForward,
                    i18n_id("inbox-cmd-delete-the-character-under-the-cursor"),
                    false,
                ),
                cmd(
                    DeleteWord,
                    i18n_id("inbox-cmd-delete-the-word-before-the-cursor"),
                    false,
                ),
                cmd(
                    DeleteToLineStart,
                    i18n_id("inbox-cmd-delete-to-the-start-of-the-line"),
                    false,
                ),
                cmd(
                    DeleteToLineEnd,
                    i18n_id("inbox-cmd-delete-to-the-end-of-the-line"),
                    false,
                ),
                cmd(CursorLeft, i18n_id("inbox-cmd-cursor-left"), false),
                cmd(CursorRight, i18n_id("inbox-cmd-cursor-right"), false),
                cmd(WordLeft, i18n_id("inbox-cmd-a-word-left"), false),
                cmd(WordRight, i18n_id("inbox-cmd-a-word-right"), false),
                cmd(LineStart, i18n_id("inbox-cmd-start-of-the-line"), false),
                cmd(LineEnd, i18n_id("inbox-cmd-end-of-the-line"), false),
                cmd(MoveUp, i18n_id("inbox-cmd-line-up"), false),
                cmd(MoveDown, i18n_id("inbox-cmd-line-down"), false),
            ],
            Mode::Held => vec![
                cmd(MoveDown, i18n_id("inbox-cmd-down"), false),
                cmd(MoveUp, i18n_id("inbox-cmd-up"), false),
                cmd(Release, i18n_id("inbox-cmd-release-into-the-chat"), true),
                cmd(Delete, i18n_id("inbox-cmd-delete"), true),
                cmd(Undo, i18n_id("inbox-cmd-undo-the-delete"), false),
                cmd(
                    DeleteAllFromBusiness,
                    i18n_id("inbox-cmd-delete-all-from-this-business"),
                    false,
                ),
                cmd(Why, i18n_id("inbox-cmd-why-was-it-held"), true),
                cmd(
                    ToggleSubscribe,
                    i18n_id("inbox-cmd-subscribe-unsubscribe"),
                    true,
                ),
                cmd(ToggleBlock, i18n_id("inbox-cmd-block-unblock"), false),
                cmd(Profile, i18n_id("inbox-cmd-business-profile"), false),
                cmd(FilterNext, i18n_id("inbox-cmd-next-tab"), false),
                cmd(Back, i18n_id("inbox-cmd-back-to-all-chats"), true),
            ],
            Mode::Subscriptions => vec![
                cmd(MoveDown, i18n_id("inbox-cmd-down"), false),
                cmd(MoveUp, i18n_id("inbox-cmd-up"), false),
                cmd(
                    ToggleSubscribe,
                    i18n_id("inbox-cmd-subscribe-unsubscribe"),
                    true,
                ),
                cmd(
                    ToggleAllOffers,
                    i18n_id("inbox-cmd-all-offers-on-off"),
                    true,
                ),
                cmd(ToggleBlock, i18n_id("inbox-cmd-block-unblock"), true),
                cmd(Find, i18n_id("inbox-cmd-find-a-business-by-name"), true),
                cmd(Profile, i18n_id("inbox-cmd-business-profile"), true),
                cmd(Back, i18n_id("inbox-cmd-back"), true),
            ],
            Mode::Profile => vec![
                cmd(
                    ToggleSubscribe,
                    i18n_id("inbox-cmd-subscribe-unsubscribe"),
                    true,
                ),
                cmd(ToggleBlock, i18n_id("inbox-cmd-block-unblock"), true),
                cmd(Report, i18n_id("inbox-cmd-report"), true),
                cmd(Open, i18n_id("inbox-cmd-open-the-chat"), true),
                cmd(Back, i18n_id("inbox-cmd-back"), true),
            ],
            Mode::Settings => vec![
                cmd(MoveDown, i18n_id("inbox-cmd-down"), false),
                cmd(MoveUp, i18n_id("inbox-cmd-up"), false),
                cmd(Decrease, i18n_id("inbox-cmd-less-previous"), true),
                cmd(Increase, i18n_id("inbox-cmd-more-next"), true),
                cmd(
                    PageDown,
                    i18n_id("inbox-cmd-next-region-of-time-zones"),
                    false,
                ),
                cmd(
                    PageUp,
                    i18n_id("inbox-cmd-previous-region-of-time-zones"),
                    false,
                ),
                cmd(Toggle, i18n_id("inbox-cmd-switch"), true),
                cmd(Back, i18n_id("inbox-cmd-back"), true),
            ],
            Mode::Help => vec![
                cmd(MoveDown, i18n_id("inbox-cmd-scroll-down"), false),
                cmd(MoveUp, i18n_id("inbox-cmd-scroll-up"), false),
                cmd(PageDown, i18n_id("inbox-cmd-page-down"), true),
                cmd(PageUp, i18n_id("inbox-cmd-page-up"), false),
                cmd(MoveTop, i18n_id("inbox-cmd-top"), false),
                cmd(MoveBottom, i18n_id("inbox-cmd-end"), false),
                cmd(Back, i18n_id("inbox-cmd-close-help"), true),
            ],
            Mode::Notices => vec![
                cmd(MoveDown, i18n_id("inbox-cmd-scroll-down"), false),
                cmd(MoveUp, i18n_id("inbox-cmd-scroll-up"), false),
                cmd(PageDown, i18n_id("inbox-cmd-page-down"), false),
                cmd(PageUp, i18n_id("inbox-cmd-page-up"), false),
                cmd(Back, i18n_id("inbox-cmd-close-notices"), true),
            ],
            Mode::Search => vec![
                cmd(Open, i18n_id("inbox-cmd-jump-to-it"), true),
                cmd(MoveDown, i18n_id("inbox-cmd-next-result"), true),
                cmd(MoveUp, i18n_id("inbox-cmd-previous-result"), true),
                cmd(Back, i18n_id("inbox-cmd-close"), true),
            ],
            Mode::Find => vec![
                cmd(Confirm, i18n_id("inbox-cmd-find"), true),
                cmd(Back, i18n_id("inbox-cmd-cancel"), true),
                cmd(Backspace, i18n_id("inbox-cmd-delete-a-character"), false),
                cmd(CursorLeft, i18n_id("inbox-cmd-cursor-left"), false),
                cmd(CursorRight, i18n_id("inbox-cmd-cursor-right"), false),
            ],
            Mode::Command => vec![
                cmd(Confirm, i18n_id("inbox-cmd-run"), true),
                cmd(Complete, i18n_id("inbox-cmd-complete"), true),
                cmd(Back, i18n_id("inbox-cmd-close"), true),
                cmd(Backspace, i18n_id("inbox-cmd-delete-a-character"), false),
                cmd(DeleteWord, i18n_id("inbox-cmd-delete-a-word"), false),
                cmd(
                    DeleteToLineStart,
                    i18n_id("inbox-cmd-delete-to-the-start"),
                    false,
                ),
            ],
            Mode::Dialog => vec![
                cmd(MoveDown, i18n_id("inbox-cmd-next-option"), true),
                cmd(MoveUp, i18n_id("inbox-cmd-previous-option"), false),
                cmd(Toggle, i18n_id("inbox-cmd-switch-also-block"), true),
                cmd(Confirm, i18n_id("inbox-cmd-confirm"), true),
                cmd(Back, i18n_id("inbox-cmd-cancel-close"), true),
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
            Dialog::Why { .. } => vec![cmd(Back, i18n_id("inbox-cmd-close"), true)],
            Dialog::Report { .. } => vec![
                cmd(MoveDown, i18n_id("inbox-cmd-reason"), true),
                cmd(Toggle, i18n_id("inbox-cmd-also-block"), true),
                cmd(Confirm, i18n_id("inbox-cmd-send-report"), true),
                cmd(Back, i18n_id("inbox-cmd-cancel"), true),
            ],
            Dialog::Block { .. } => vec![
                cmd(MoveDown, i18n_id("inbox-cmd-reason"), true),
                cmd(Confirm, i18n_id("inbox-cmd-block"), true),
                cmd(Back, i18n_id("inbox-cmd-cancel"), true),
            ],
            Dialog::DeleteHeld { .. } => vec![
                cmd(Confirm, i18n_id("inbox-cmd-delete-them"), true),
                cmd(Back, i18n_id("inbox-cmd-keep-them"), true),
            ],
            Dialog::FirstContact { .. } => {
                vec![
                    cmd(MoveDown, i18n_id("inbox-cmd-choose"), true),
                    cmd(Confirm, i18n_id("inbox-cmd-confirm"), true),
                    cmd(Back, i18n_id("inbox-cmd-decide-later"), true),
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
            list.push(cmd(ToggleBlock, i18n_id("inbox-cmd-unblock"), true));
            list.push(cmd(Why, i18n_id("inbox-cmd-why"), true));
            list.push(cmd(Profile, i18n_id("inbox-cmd-profile"), true));
        }
        Some(card) => {
            list.push(cmd(Reply, i18n_id("inbox-cmd-reply"), true));
            list.push(cmd(Why, i18n_id("inbox-cmd-why"), true));
            if offer {
                list.push(cmd(Interested, i18n_id("inbox-cmd-interested"), true));
                list.push(cmd(
                    NotInterested,
                    i18n_id("inbox-cmd-not-interested"),
                    true,
                ));
            }
            list.push(cmd(
                ToggleSubscribe,
                if card.relation.subscribed {
                    i18n_id("inbox-cmd-unsubscribe")
                } else {
                    i18n_id("inbox-cmd-subscribe")
                },
                true,
            ));
            list.push(cmd(ToggleBlock, i18n_id("inbox-cmd-block"), true));
            list.push(cmd(Report, i18n_id("inbox-cmd-report"), true));
            list.push(cmd(Profile, i18n_id("inbox-cmd-profile"), true));
        }
        None if view.person.blocked.is_some() => {
            list.push(cmd(ToggleBlock, i18n_id("inbox-cmd-unblock"), true));
            list.push(cmd(Report, i18n_id("inbox-cmd-report"), true));
            list.push(cmd(Find, i18n_id("inbox-cmd-find"), true));
        }
        None => {
            list.push(cmd(Reply, i18n_id("inbox-cmd-reply"), true));
            list.push(cmd(Why, i18n_id("inbox-cmd-why"), true));
            list.push(cmd(Find, i18n_id("inbox-cmd-find"), true));
            list.push(cmd(ToggleBlock, i18n_id("inbox-cmd-block"), true));
            list.push(cmd(Report, i18n_id("inbox-cmd-report"), true));
        }
    }
    list.push(cmd(Back, i18n_id("inbox-cmd-back"), true));
    list
}

/// In a chat with a find: its hits first, then what the chat offers.
fn find_commands(view: &ChatView) -> Vec<Command> {
    use Action::*;
    let mut list = vec![
        cmd(FindNext, i18n_id("inbox-cmd-older-hit"), true),
        cmd(FindPrevious, i18n_id("inbox-cmd-newer-hit"), true),
        cmd(Back, i18n_id("inbox-cmd-clear-find"), true),
    ];
    list.extend(chat_commands(view).into_iter().filter(|c| c.action != Back));
    list
}

/// Footer hints: "key label" pairs for where the user is, then the global ones. Until the
/// demo world's clock first moves, the key that moves it comes first.
pub fn footer(keymap: &Keymap, state: &UiState) -> Vec<(String, String)> {
    let start = state
        .clock_untouched
        .then(|| cmd(Action::AdvanceDay, i18n_id("inbox-cmd-clock-1-day"), true));
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

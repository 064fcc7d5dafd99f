//! The console's commands, declared once per mode: its footer and its help are both drawn
//! from these lists and the keymap, as the inbox's are.

use super::action::Action;
use super::mode::Mode;
use super::state::{BroadcastStage, ConsoleDialog, ConsoleState, not_sendable};
use crate::i18n::i18n_id;
use crate::tui::kit::commands::{self as kit, Commands, HelpGroup, cmd};
use crate::tui::kit::{KeyMode, Keymap};

/// A command of the console.
pub type Command = kit::Command<Action>;

/// Commands that work in every mode (unless a mode binds the key otherwise).
pub fn global() -> Vec<Command> {
    kit::global()
}

/// Keys that go from screen to screen, in the modes that are not typing.
fn screens() -> Vec<Command> {
    use Action::*;
    vec![
        cmd(NextScreen, i18n_id("console-cmd-next-screen"), true),
        cmd(PrevScreen, i18n_id("console-cmd-previous-screen"), false),
        cmd(ScreenTemplates, i18n_id("console-cmd-templates"), false),
        cmd(ScreenCompose, i18n_id("console-cmd-broadcast"), false),
        cmd(ScreenMetrics, i18n_id("console-cmd-metrics"), false),
        cmd(ScreenStanding, i18n_id("console-cmd-standing"), false),
        cmd(
            ScreenConversations,
            i18n_id("console-cmd-conversations"),
            false,
        ),
        cmd(SwitchBusiness, i18n_id("console-cmd-switch-business"), true),
        cmd(Quit, i18n_id("kit-cmd-quit"), false),
    ]
}

impl Commands for Mode {
    /// The title of a console mode's group in help.
    fn title(self) -> &'static str {
        match self {
            Mode::Templates => i18n_id("console-mode-templates"),
            Mode::Editor => i18n_id("console-mode-editor"),
            Mode::Prompt => i18n_id("console-mode-prompt"),
            Mode::Compose => i18n_id("console-mode-compose"),
            Mode::Confirm => i18n_id("console-mode-confirm"),
            Mode::Metrics => i18n_id("console-mode-metrics"),
            Mode::Standing => i18n_id("console-mode-standing"),
            Mode::Conversations => i18n_id("console-mode-conversations"),
            Mode::Dialog => i18n_id("console-mode-dialog"),
            Mode::Help => i18n_id("console-mode-help"),
        }
    }

    /// The commands of one console mode.
    fn commands(self) -> Vec<Command> {
        use Action::*;
        let mut list = match self {
            Mode::Templates => vec![
                cmd(MoveDown, i18n_id("console-cmd-next-template"), false),
                cmd(MoveUp, i18n_id("console-cmd-previous-template"), false),
                cmd(Send, i18n_id("console-cmd-broadcast-it"), true),
                cmd(NewTemplate, i18n_id("console-cmd-new-template"), true),
                cmd(SubmitFile, i18n_id("console-cmd-submit-a-file"), true),
                cmd(EditTemplate, i18n_id("console-cmd-edit-resubmit"), false),
                cmd(DeleteTemplate, i18n_id("console-cmd-delete"), false),
            ],
            Mode::Editor => vec![
                cmd(NextField, i18n_id("console-cmd-next-field"), true),
                cmd(PrevField, i18n_id("console-cmd-previous-field"), false),
                cmd(
                    CursorLeft,
                    i18n_id("console-cmd-cursor-left-previous-choice"),
                    false,
                ),
                cmd(
                    CursorRight,
                    i18n_id("console-cmd-cursor-right-next-choice"),
                    true,
                ),
                cmd(Backspace, i18n_id("console-cmd-delete-a-character"), false),
                cmd(Confirm, i18n_id("console-cmd-submit-for-review"), true),
                cmd(Back, i18n_id("console-cmd-cancel"), true),
            ],
            Mode::Prompt => vec![
                cmd(Confirm, i18n_id("console-cmd-submit-for-review"), true),
                cmd(Back, i18n_id("console-cmd-cancel"), true),
                cmd(Backspace, i18n_id("console-cmd-delete-a-character"), false),
                cmd(CursorLeft, i18n_id("console-cmd-cursor-left"), false),
                cmd(CursorRight, i18n_id("console-cmd-cursor-right"), false),
            ],
            Mode::Compose => vec![
                cmd(NextField, i18n_id("console-cmd-next-field"), true),
                cmd(PrevField, i18n_id("console-cmd-previous-field"), false),
                cmd(
                    CursorRight,
                    i18n_id("console-cmd-next-choice-cursor-right"),
                    true,
                ),
                cmd(
                    CursorLeft,
                    i18n_id("console-cmd-previous-choice-cursor-left"),
                    false,
                ),
                cmd(Backspace, i18n_id("console-cmd-delete-a-character"), false),
                cmd(DryRun, i18n_id("console-cmd-dry-run"), true),
                cmd(Back, i18n_id("console-cmd-back-to-templates"), true),
            ],
            Mode::Confirm => vec![
                cmd(Confirm, i18n_id("console-cmd-send-it-new-broadcast"), true),
                cmd(Back, i18n_id("console-cmd-change-the-broadcast"), true),
            ],
            Mode::Metrics => vec![
                cmd(MoveDown, i18n_id("console-cmd-next-figures"), true),
                cmd(MoveUp, i18n_id("console-cmd-previous-figures"), false),
            ],
            Mode::Standing => vec![
                cmd(AskReview, i18n_id("console-cmd-ask-for-a-review"), true),
                cmd(MoveDown, i18n_id("console-cmd-scroll-down"), true),
                cmd(MoveUp, i18n_id("console-cmd-scroll-up"), false),
                cmd(PageDown, i18n_id("console-cmd-page-down"), false),
                cmd(PageUp, i18n_id("console-cmd-page-up"), false),
            ],
            Mode::Conversations => vec![
                cmd(MoveDown, i18n_id("console-cmd-next-conversation"), false),
                cmd(MoveUp, i18n_id("console-cmd-previous-conversation"), false),
                cmd(Open, i18n_id("console-cmd-read-it"), true),
                cmd(Back, i18n_id("console-cmd-close-it"), true),
            ],
            Mode::Dialog => {
                return vec![
                    cmd(MoveDown, i18n_id("console-cmd-next-business"), true),
                    cmd(MoveUp, i18n_id("console-cmd-previous-business"), false),
                    cmd(Confirm, i18n_id("console-cmd-choose-close"), true),
                    cmd(Back, i18n_id("console-cmd-close"), true),
                ];
            }
            Mode::Help => {
                return vec![
                    cmd(MoveDown, i18n_id("console-cmd-scroll-down"), false),
                    cmd(MoveUp, i18n_id("console-cmd-scroll-up"), false),
                    cmd(PageDown, i18n_id("console-cmd-page-down"), false),
                    cmd(PageUp, i18n_id("console-cmd-page-up"), false),
                    cmd(Back, i18n_id("console-cmd-close-help"), true),
                ];
            }
        };
        if !self.takes_text() {
            list.extend(screens());
        }
        list
    }
}

/// One piece of the footer: a key and what it does, or a notice where a key would be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FooterItem {
    Key(String, String),
    Notice(String),
}

/// The footer where the user is: the mode's commands, in the words of the moment.
pub fn footer(keymap: &Keymap, state: &ConsoleState) -> Vec<FooterItem> {
    let mode = state.mode();
    if let Some(ConsoleDialog::Review { .. }) = state.dialog {
        let close = keymap.key_for(mode, &Action::Confirm).unwrap_or_default();
        return vec![FooterItem::Key(close, tr!("console-cmd-close"))];
    }
    if let Some(ConsoleDialog::Delete { .. }) = state.dialog {
        let key = |action| keymap.key_for(mode, &action).unwrap_or_default();
        return vec![
            FooterItem::Key(key(Action::Confirm), tr!("console-footer-delete-it")),
            FooterItem::Key(key(Action::Back), tr!("console-footer-keep-it")),
        ];
    }
    let mut items = Vec::new();
    if let Some(notice) = blocked_send(state) {
        items.push(FooterItem::Notice(notice));
    }
    let commands = mode
        .commands()
        .into_iter()
        .chain(global())
        .filter(|c| c.footer && shown(state, &c.action));
    for c in commands {
        if let Some(key) = keymap.key_for(mode, &c.action) {
            items.push(FooterItem::Key(
                key,
                crate::i18n::text(label(state, &c), None),
            ));
        }
    }
    items
}

/// The reason the selected template cannot be sent, shown where the send key would be.
fn blocked_send(state: &ConsoleState) -> Option<String> {
    if state.mode() != Mode::Templates {
        return None;
    }
    let card = state.templates.selected_card()?;
    not_sendable(&card.template, state.clock)
        .map(|why| tr!("console-footer-cannot-send", why = why))
}

fn shown(state: &ConsoleState, action: &Action) -> bool {
    match (state.mode(), action) {
        (Mode::Templates, Action::Send) => {
            state.templates.selected_card().is_some() && blocked_send(state).is_none()
        }
        (Mode::Confirm, Action::Confirm) => matches!(
            state.compose.stage,
            BroadcastStage::Reviewing(_) | BroadcastStage::Done(_)
        ),
        (Mode::Confirm, Action::Back) => !state.sending(),
        (_, Action::SwitchBusiness) => state.businesses.len() > 1,
        (Mode::Conversations, Action::Open) => state.conversations.selected_row().is_some(),
        (Mode::Conversations, Action::Back) => state.conversations.open.is_some(),
        (Mode::Standing, Action::AskReview) => review_askable(state),
        _ => true,
    }
}

/// Whether the business on Standing is disabled or suspended with no request waiting.
fn review_askable(state: &ConsoleState) -> bool {
    state.standing.as_ref().is_some_and(|view| {
        let r = &view.report;
        let restricted = r.restrictions.iter().any(|x| {
            crate::policy::reinstatement::under_review(x.kind) && x.active_at(state.clock)
        });
        restricted && r.review.waiting.is_none()
    })
}

fn label(state: &ConsoleState, c: &Command) -> &'static str {
    match (&state.compose.stage, &c.action) {
        (_, _) if state.mode() != Mode::Confirm => c.label,
        (BroadcastStage::Reviewing(_), Action::Confirm) => i18n_id("console-cmd-confirm-and-send"),
        (BroadcastStage::Done(_), Action::Confirm) => i18n_id("console-cmd-new-broadcast"),
        (_, Action::Back) => i18n_id("console-cmd-change-it"),
        _ => c.label,
    }
}

/// Help: every console mode with its commands and all their keys, then `more` (the demo's
/// keys, beside it), then the global ones.
pub fn help(keymap: &Keymap, more: Vec<HelpGroup>) -> Vec<HelpGroup> {
    let mut groups = kit::help_groups(keymap, Mode::ALL);
    groups.extend(more);
    groups.push(kit::everywhere(keymap, Mode::Templates, global()));
    groups
}

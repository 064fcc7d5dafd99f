//! The console's commands, declared once per mode: its footer and its help are both drawn
//! from these lists and the keymap, as the inbox's are.

use super::action::Action;
use super::mode::Mode;
use super::state::{BroadcastStage, ConsoleDialog, ConsoleState, not_sendable};
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
        cmd(NextScreen, "next screen", true),
        cmd(PrevScreen, "previous screen", false),
        cmd(ScreenTemplates, "templates", false),
        cmd(ScreenCompose, "broadcast", false),
        cmd(ScreenMetrics, "metrics", false),
        cmd(ScreenStanding, "standing", false),
        cmd(ScreenConversations, "conversations", false),
        cmd(SwitchBusiness, "switch business", true),
        cmd(Quit, "quit", false),
    ]
}

impl Commands for Mode {
    /// The title of a console mode's group in help.
    fn title(self) -> &'static str {
        match self {
            Mode::Templates => "Templates",
            Mode::Editor => "Writing a template",
            Mode::Prompt => "Submitting a template file",
            Mode::Compose => "Broadcast form",
            Mode::Confirm => "Dry run, sending and result",
            Mode::Metrics => "Metrics",
            Mode::Standing => "Standing",
            Mode::Conversations => "Conversations",
            Mode::Dialog => "Business switcher, review result and deleting",
            Mode::Help => "Help",
        }
    }

    /// The commands of one console mode.
    fn commands(self) -> Vec<Command> {
        use Action::*;
        let mut list = match self {
            Mode::Templates => vec![
                cmd(MoveDown, "next template", false),
                cmd(MoveUp, "previous template", false),
                cmd(Send, "broadcast it", true),
                cmd(NewTemplate, "new template", true),
                cmd(SubmitFile, "submit a file", true),
                cmd(EditTemplate, "edit / resubmit", false),
                cmd(DeleteTemplate, "delete", false),
            ],
            Mode::Editor => vec![
                cmd(NextField, "next field", true),
                cmd(PrevField, "previous field", false),
                cmd(CursorLeft, "cursor left / previous choice", false),
                cmd(CursorRight, "cursor right / next choice", true),
                cmd(Backspace, "delete a character", false),
                cmd(Confirm, "submit for review", true),
                cmd(Back, "cancel", true),
            ],
            Mode::Prompt => vec![
                cmd(Confirm, "submit for review", true),
                cmd(Back, "cancel", true),
                cmd(Backspace, "delete a character", false),
                cmd(CursorLeft, "cursor left", false),
                cmd(CursorRight, "cursor right", false),
            ],
            Mode::Compose => vec![
                cmd(NextField, "next field", true),
                cmd(PrevField, "previous field", false),
                cmd(CursorRight, "next choice / cursor right", true),
                cmd(CursorLeft, "previous choice / cursor left", false),
                cmd(Backspace, "delete a character", false),
                cmd(DryRun, "dry run", true),
                cmd(Back, "back to templates", true),
            ],
            Mode::Confirm => vec![
                cmd(Confirm, "send it / new broadcast", true),
                cmd(Back, "change the broadcast", true),
            ],
            Mode::Metrics => vec![
                cmd(MoveDown, "next figures", true),
                cmd(MoveUp, "previous figures", false),
            ],
            Mode::Standing => vec![
                cmd(AskReview, "ask for a review", true),
                cmd(MoveDown, "scroll down", true),
                cmd(MoveUp, "scroll up", false),
                cmd(PageDown, "page down", false),
                cmd(PageUp, "page up", false),
            ],
            Mode::Conversations => vec![
                cmd(MoveDown, "next conversation", false),
                cmd(MoveUp, "previous conversation", false),
                cmd(Open, "read it", true),
                cmd(Back, "close it", true),
            ],
            Mode::Dialog => {
                return vec![
                    cmd(MoveDown, "next business", true),
                    cmd(MoveUp, "previous business", false),
                    cmd(Confirm, "choose / close", true),
                    cmd(Back, "close", true),
                ];
            }
            Mode::Help => {
                return vec![
                    cmd(MoveDown, "scroll down", false),
                    cmd(MoveUp, "scroll up", false),
                    cmd(PageDown, "page down", false),
                    cmd(PageUp, "page up", false),
                    cmd(Back, "close help", true),
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
        return vec![FooterItem::Key(close, "close".to_string())];
    }
    if let Some(ConsoleDialog::Delete { .. }) = state.dialog {
        let key = |action| keymap.key_for(mode, &action).unwrap_or_default();
        return vec![
            FooterItem::Key(key(Action::Confirm), "delete it".to_string()),
            FooterItem::Key(key(Action::Back), "keep it".to_string()),
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
    not_sendable(&card.template, state.clock).map(|why| format!("⊘ cannot send: {why}"))
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
        (BroadcastStage::Reviewing(_), Action::Confirm) => "confirm and send",
        (BroadcastStage::Done(_), Action::Confirm) => "new broadcast",
        (_, Action::Back) => "change it",
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

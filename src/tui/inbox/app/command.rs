//! The `:` command line: a prompt over every command of the keymap, with Tab completion.
//! `:block spam` blocks the business where the user is, for spam (any block reason works);
//! `:block quickcash` acts on the business whose chat best matches "quickcash"; a command
//! without anything after it acts where the user is, as its key does.

use super::super::commands::line_commands;
use super::super::state::*;
use super::compose::edit;
use super::{Action, App};
use crate::i18n::Label;
use crate::model::text::{clean_typed, fold};
use crate::model::*;
use crate::store::Result;
use ratatui_textarea::CursorMove;

/// Commands that take a business's name after them.
const ON_A_BUSINESS: [Action; 4] = [
    Action::ToggleBlock,
    Action::ToggleSubscribe,
    Action::Report,
    Action::Profile,
];

impl App {
    /// Opens the command line, listing every command.
    pub(super) fn open_command_line(&mut self) {
        self.command_editor = text_field(Vec::new());
        self.state.command = Some(CommandLine {
            field: FieldText::of(&self.command_editor),
            completions: completions(""),
            selected: None,
        });
    }

    pub(super) fn command_action(&mut self, action: Action) -> Result<()> {
        let Some(line) = self.state.command.as_mut() else {
            return Ok(());
        };
        match action {
            Action::Back => self.state.command = None,
            Action::Quit => self.state.quit = true,
            Action::Confirm | Action::Open => return self.run_command(),
            Action::Complete => {
                if let Some(text) = complete(line) {
                    self.command_editor = text_field(vec![text]);
                    self.command_editor.move_cursor(CursorMove::End);
                    line.field = FieldText::of(&self.command_editor);
                }
            }
            Action::NewLine => {}
            other => {
                edit(&mut self.command_editor, other);
                line.field = FieldText::of(&self.command_editor);
                line.completions = completions(line.text());
                line.selected = None;
            }
        }
        Ok(())
    }

    /// Pasted text goes into the command line, on one line.
    pub(super) fn paste_into_command_line(&mut self, text: &str) {
        if let Some(line) = self.state.command.as_mut() {
            self.command_editor.insert_str(clean_typed(text, false));
            line.field = FieldText::of(&self.command_editor);
            line.completions = completions(line.text());
            line.selected = None;
        }
    }

    fn run_command(&mut self) -> Result<()> {
        let typed = self
            .state
            .command
            .take()
            .map(|l| l.text().trim().to_string())
            .unwrap_or_default();
        let (name, argument) = match typed.split_once(char::is_whitespace) {
            Some((name, rest)) => (name, rest.trim()),
            None => (typed.as_str(), ""),
        };
        if name.is_empty() {
            return Ok(());
        }
        let Some(action) = find(name) else {
            self.error(tr!("inbox-command-unknown", name = name));
            return Ok(());
        };
        if argument.is_empty() {
            return self.dispatch(action);
        }
        if let (Action::ToggleBlock, Some(reason)) = (&action, block_reason_named(argument)) {
            return self.block_for(reason);
        }
        if !ON_A_BUSINESS.contains(&action) {
            self.error(tr!("inbox-command-takes-nothing", name = name));
            return Ok(());
        }
        match self.business_chat_named(argument)? {
            Some(chat) => {
                self.open_chat(chat, None)?;
                // The user named the business: the first-contact question is answered.
                if matches!(self.state.dialog, Some(Dialog::FirstContact { .. })) {
                    self.state.dialog = None;
                }
                self.dispatch(action)
            }
            None => {
                self.error(tr!("inbox-command-no-business", name = argument));
                Ok(())
            }
        }
    }

    /// Blocks the business where the user is for `reason`, as the block dialog would.
    fn block_for(&mut self, reason: BlockReason) -> Result<()> {
        if let Some(name) = self.already_blocked()? {
            self.info(tr!("inbox-command-already-blocked", name = name));
            return Ok(());
        }
        self.dispatch(Action::ToggleBlock)?;
        let Some(Dialog::Block { reasons, .. }) = self.state.dialog.as_mut() else {
            return Ok(());
        };
        reasons.selected = reasons
            .options
            .iter()
            .position(|r| *r == reason)
            .unwrap_or(0);
        self.dispatch(Action::Confirm)
    }

    /// The name of the business or friend in focus, when the user already blocks them.
    fn already_blocked(&self) -> Result<Option<String>> {
        let db = self.store.db();
        if let Some(business) = self.context_business() {
            if db.relation(self.me, business)?.blocked.is_some() {
                return Ok(Some(db.business(business)?.name));
            }
        } else if let Some((contact, name)) = self.context_contact()
            && db.contact_block(self.me, contact)?.is_some()
        {
            return Ok(Some(name));
        }
        Ok(None)
    }

    /// The business chat whose name best matches `name` (accents and case aside).
    fn business_chat_named(&self, name: &str) -> Result<Option<ChatId>> {
        let chats = self.store.db().chat_titles(self.me)?;
        let best = super::search::rank_titles(&chats, name)
            .into_iter()
            .map(|i| &chats[i])
            .find(|(_, _, business)| *business);
        Ok(best.map(|(id, ..)| *id))
    }
}

/// The block reason `typed` names, by its code or its label ("spam", "didn't sign up").
fn block_reason_named(typed: &str) -> Option<BlockReason> {
    let typed = fold(typed).replace(['_', '\''], " ");
    BlockReason::ALL.iter().copied().find(|r| {
        fold(r.as_str()).replace('_', " ") == typed || fold(&r.text()).replace('\'', " ") == typed
    })
}

/// The command a typed name means: an exact name, else the only one it begins.
fn find(typed: &str) -> Option<Action> {
    let typed = fold(typed);
    let commands = line_commands();
    if let Some((_, _, action)) = commands.iter().find(|(n, ..)| *n == typed) {
        return Some(action.clone());
    }
    let mut starting = commands.into_iter().filter(|(n, ..)| n.starts_with(&typed));
    match (starting.next(), starting.next()) {
        (Some((_, _, action)), None) => Some(action),
        _ => None,
    }
}

/// The commands whose name begins with the typed word; none once a space follows it.
fn completions(typed: &str) -> Vec<(String, &'static str)> {
    if typed.contains(char::is_whitespace) {
        return Vec::new();
    }
    let typed = fold(typed);
    line_commands()
        .into_iter()
        .filter(|(name, ..)| name.starts_with(&typed))
        .map(|(name, label, _)| (name, label))
        .collect()
}

/// Tab: steps to the next completion, and returns the text that goes in the line (the only
/// completion is followed by a space).
fn complete(line: &mut CommandLine) -> Option<String> {
    if line.completions.is_empty() {
        return None;
    }
    let next = line
        .selected
        .map_or(0, |i| (i + 1) % line.completions.len());
    let name = &line.completions[next].0;
    let text = if line.completions.len() == 1 {
        format!("{name} ")
    } else {
        name.clone()
    };
    line.selected = Some(next);
    Some(text)
}

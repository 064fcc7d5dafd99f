//! The composer: a multi-line editor (the `ratatui-textarea` widget) driven by the keymap's
//! actions, so every editing key is rebindable and listed in help. What is typed, pasted or
//! written in `$EDITOR` is cleaned on the way in.

use super::super::state::*;
use super::{Action, App};
use crate::model::limits::MAX_BODY_CHARS;
use crate::model::text::{clean_typed, is_typeable};
use crate::model::*;
use crate::store::Result;
use ratatui_textarea::CursorMove;

impl App {
    /// Typing and editing in the composer.
    pub(super) fn compose_action(&mut self, action: Action) -> Result<()> {
        match action {
            Action::Back => self.state.composer = None,
            Action::Confirm | Action::Open => self.send_reply()?,
            Action::ExternalEditor => self.ask_for_editor(),
            Action::Undo | Action::Redo => {
                let undo = action == Action::Undo;
                let editor = &mut self.composer_editor;
                let done = if undo { editor.undo() } else { editor.redo() };
                self.state.composer = Some(FieldText::of(&self.composer_editor));
                if !done {
                    self.info(if undo {
                        tr!("inbox-compose-nothing-to-undo")
                    } else {
                        tr!("inbox-compose-nothing-to-redo")
                    });
                }
            }
            other => {
                edit(&mut self.composer_editor, other);
                self.state.composer = Some(FieldText::of(&self.composer_editor));
            }
        }
        Ok(())
    }

    /// Text pasted into the terminal goes, cleaned, into the field being typed in: the
    /// command line, the search box or the composer (only the composer keeps newlines).
    pub fn paste(&mut self, text: &str) {
        self.state.status = None;
        if self.state.command.is_some() {
            self.paste_into_command_line(text);
        } else if self.state.search.is_some() {
            if let Err(e) = self.paste_into_search(text) {
                self.error(e.to_string());
            }
        } else if self.state.find.as_ref().is_some_and(|f| f.typing) {
            self.paste_into_find(text);
        } else if self.state.screen == Screen::Subscriptions && self.state.subscriptions.typing {
            if let Err(e) = self.paste_into_business_find(text) {
                self.error(e.to_string());
            }
        } else if self.state.composer.is_some() {
            self.composer_editor.insert_str(clean_typed(text, true));
            self.state.composer = Some(FieldText::of(&self.composer_editor));
        }
    }

    /// Opens the composer on `text`, the cursor at its end, with a fresh undo history.
    pub(super) fn open_composer(&mut self, text: &str) {
        self.composer_editor = text_field(text.split('\n').map(String::from).collect());
        self.composer_editor.move_cursor(CursorMove::Bottom);
        self.composer_editor.move_cursor(CursorMove::End);
        self.state.composer = Some(FieldText::of(&self.composer_editor));
    }

    /// Asks the terminal side to open the message in `$EDITOR`.
    fn ask_for_editor(&mut self) {
        if let Some(c) = &self.state.composer {
            let id = self
                .state
                .external_edit
                .as_ref()
                .map_or(1, |(id, _)| id + 1);
            self.state.external_edit = Some((id, c.text()));
        }
    }

    /// What came back from `$EDITOR`: the new message, or why there is none.
    pub fn edited(&mut self, result: std::result::Result<String, String>) {
        match result {
            Ok(text) if self.state.composer.is_some() => {
                self.open_composer(&clean_typed(&text, true));
            }
            Ok(_) => {}
            Err(why) => self.error(why),
        }
    }

    fn send_reply(&mut self) -> Result<()> {
        let Some(composer) = self.state.composer.as_ref() else {
            return Ok(());
        };
        let (text, chars) = (composer.text().trim().to_string(), composer.chars());
        let Some(view) = self.state.chat.as_ref() else {
            return Ok(());
        };
        if text.is_empty() {
            self.state.composer = None;
            return Ok(());
        }
        if chars > MAX_BODY_CHARS {
            // Written like the composer's counter ("4100 / 4096"), without grouping.
            self.error(tr!(
                "inbox-compose-too-long",
                chars = chars.to_string(),
                most = MAX_BODY_CHARS.to_string()
            ));
            return Ok(());
        }
        let to = view.chat.counterpart;
        self.apply(&UserAction::Reply { to, text })?;
        self.state.composer = None;
        if let Counterpart::Business(_) = to {
            let hours = self.assets.policy.service_window.hours;
            self.info(tr!("inbox-compose-sent", hours = hours));
        }
        if let Some(view) = self.state.chat.as_mut() {
            view.selected = None;
        }
        Ok(())
    }
}

/// Applies one editing action to the editor.
pub(super) fn edit(editor: &mut ratatui_textarea::TextArea<'static>, action: Action) {
    match action {
        Action::Insert(c) if is_typeable(c) => editor.insert_char(c),
        Action::NewLine => editor.insert_newline(),
        Action::Backspace => {
            editor.delete_char();
        }
        Action::DeleteForward => {
            editor.delete_next_char();
        }
        Action::DeleteWord => {
            editor.delete_word();
        }
        Action::DeleteToLineStart => {
            editor.delete_line_by_head();
        }
        Action::DeleteToLineEnd => {
            editor.delete_line_by_end();
        }
        Action::Undo => {
            editor.undo();
        }
        Action::Redo => {
            editor.redo();
        }
        Action::CursorLeft => editor.move_cursor(CursorMove::Back),
        Action::CursorRight => editor.move_cursor(CursorMove::Forward),
        Action::MoveUp => editor.move_cursor(CursorMove::Up),
        Action::MoveDown => editor.move_cursor(CursorMove::Down),
        Action::LineStart => editor.move_cursor(CursorMove::Head),
        Action::LineEnd => editor.move_cursor(CursorMove::End),
        Action::WordLeft => editor.move_cursor(CursorMove::WordBack),
        Action::WordRight => editor.move_cursor(CursorMove::WordForward),
        _ => {}
    }
}

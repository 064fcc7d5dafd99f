//! Finding a business on the Subscriptions screen: `/` types part of a name, and the list
//! narrows as the user types (case and accents aside) to the businesses of the directory
//! whose name contains it; Enter keeps the filter to move and subscribe in, Esc clears it.

use super::super::state::Screen;
use super::search::byte_index;
use super::{Action, App};
use crate::model::text::{clean_typed, is_typeable};
use crate::store::Result;

/// Longest filter, in characters (the server's directory takes no longer query).
const MAX_FILTER_CHARS: usize = 64;

impl App {
    /// Opens the filter line, keeping what was typed before.
    pub(super) fn open_business_find(&mut self) {
        let s = &mut self.state.subscriptions;
        s.typing = true;
        s.cursor = s.filter.chars().count();
    }

    /// Clears the filter: every business again.
    pub(super) fn clear_business_find(&mut self) {
        let s = &mut self.state.subscriptions;
        s.filter.clear();
        s.cursor = 0;
        s.typing = false;
        s.selected = 0;
    }

    /// A key while the filter is typed.
    pub(super) fn business_find_action(&mut self, action: Action) -> Result<()> {
        let s = &mut self.state.subscriptions;
        match action {
            Action::Insert(c) if is_typeable(c) && s.filter.chars().count() < MAX_FILTER_CHARS => {
                s.filter.insert(byte_index(&s.filter, s.cursor), c);
                s.cursor += 1;
                s.selected = 0;
            }
            Action::Backspace if s.cursor > 0 => {
                s.cursor -= 1;
                s.filter.remove(byte_index(&s.filter, s.cursor));
                s.selected = 0;
            }
            Action::CursorLeft => s.cursor = s.cursor.saturating_sub(1),
            Action::CursorRight => s.cursor = (s.cursor + 1).min(s.filter.chars().count()),
            Action::Back => self.clear_business_find(),
            Action::Quit => self.state.quit = true,
            Action::Confirm | Action::Open => return self.keep_business_find(),
            _ => {}
        }
        Ok(())
    }

    /// Enter: the filter stays and the keys go back to the list.
    fn keep_business_find(&mut self) -> Result<()> {
        self.load_subscriptions()?;
        let s = &mut self.state.subscriptions;
        s.typing = false;
        let filter = s.filter.trim().to_string();
        if filter.is_empty() {
            self.clear_business_find();
        } else if s.rows.is_empty() {
            self.info(tr!("inbox-subs-no-match-esc", filter = filter));
        }
        Ok(())
    }

    /// Pasted text goes into the filter, on one line and bounded.
    pub(super) fn paste_into_business_find(&mut self, text: &str) -> Result<()> {
        if self.state.screen != Screen::Subscriptions {
            return Ok(());
        }
        let s = &mut self.state.subscriptions;
        let room = MAX_FILTER_CHARS.saturating_sub(s.filter.chars().count());
        let text: String = clean_typed(text, false).chars().take(room).collect();
        s.filter.insert_str(byte_index(&s.filter, s.cursor), &text);
        s.cursor += text.chars().count();
        s.selected = 0;
        self.load_subscriptions()
    }
}

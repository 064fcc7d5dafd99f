//! The search box: chat names and message text, live as the user types; Enter jumps there.

use super::super::state::*;
use super::{Action, App};
use crate::store::Result;

const CHAT_HITS: usize = 10;
const MESSAGE_HITS: usize = 50;

impl App {
    pub(super) fn search_action(&mut self, action: Action) -> Result<()> {
        let Some(search) = self.state.search.as_mut() else {
            return Ok(());
        };
        let mut changed = false;
        match action {
            Action::Insert(c) => {
                let at = search
                    .query
                    .char_indices()
                    .nth(search.cursor)
                    .map_or(search.query.len(), |(i, _)| i);
                search.query.insert(at, c);
                search.cursor += 1;
                changed = true;
            }
            Action::Backspace if search.cursor > 0 => {
                search.cursor -= 1;
                let at = search
                    .query
                    .char_indices()
                    .nth(search.cursor)
                    .map_or(search.query.len(), |(i, _)| i);
                search.query.remove(at);
                changed = true;
            }
            Action::CursorLeft => search.cursor = search.cursor.saturating_sub(1),
            Action::CursorRight => {
                search.cursor = (search.cursor + 1).min(search.query.chars().count())
            }
            Action::MoveDown => {
                search.selected = (search.selected + 1).min(search.hits.len().saturating_sub(1))
            }
            Action::MoveUp => search.selected = search.selected.saturating_sub(1),
            Action::Back => self.state.search = None,
            Action::Quit => self.state.quit = true,
            Action::Open | Action::Confirm => return self.jump_to_hit(),
            _ => {}
        }
        if changed {
            self.run_search()?;
        }
        Ok(())
    }

    fn run_search(&mut self) -> Result<()> {
        let Some(query) = self
            .state
            .search
            .as_ref()
            .map(|s| s.query.trim().to_string())
        else {
            return Ok(());
        };
        let mut hits = Vec::new();
        if !query.is_empty() {
            let db = self.store.db();
            for chat in db.search_chats(self.me, &query, CHAT_HITS)? {
                hits.push(SearchHit {
                    chat: chat.id,
                    title: chat.title.clone(),
                    message: None,
                    at: chat.last_at,
                    text: chat.title,
                });
            }
            for (chat, title, message, at, body) in
                db.search_messages(self.me, &query, MESSAGE_HITS)?
            {
                hits.push(SearchHit {
                    chat,
                    title,
                    message: Some(message),
                    at: Some(at),
                    text: body,
                });
            }
        }
        if let Some(search) = self.state.search.as_mut() {
            search.hits = hits;
            search.selected = 0;
        }
        Ok(())
    }

    fn jump_to_hit(&mut self) -> Result<()> {
        let Some(hit) = self
            .state
            .search
            .as_ref()
            .and_then(|s| s.hits.get(s.selected).cloned())
        else {
            return Ok(());
        };
        self.state.search = None;
        self.state.screen = Screen::Inbox;
        let chat = self.store.db().chat(hit.chat)?;
        let tab = if chat.archived {
            Tab::Chats(crate::model::ChatFilter::Archived)
        } else {
            Tab::Chats(crate::model::ChatFilter::All)
        };
        self.state.tab = tab;
        self.open_chat(hit.chat, hit.message)
    }
}

//! Finding text in the open chat: `/` types a query, Enter finds it in the whole chat (not
//! only the loaded messages) and shows the newest hit; `n` and `N` step to older and newer
//! hits, loading around a hit that is not loaded yet.

use super::super::state::{ChatFind, Pane};
use super::search::byte_index;
use super::{Action, App, CHAT_PAGE};
use crate::model::text::{clean_typed, is_typeable};
use crate::store::Result;

/// The most hits a find keeps; more are counted as "5000+".
const MAX_HITS: usize = 5_000;

impl App {
    /// Opens the find prompt over the open chat.
    pub(super) fn open_find(&mut self) {
        if let Some(view) = &self.state.chat {
            self.state.find = Some(ChatFind {
                chat: view.chat.id,
                query: String::new(),
                cursor: 0,
                typing: true,
                hits: Vec::new(),
                more: false,
                current: 0,
            });
        }
    }

    /// A key while the find prompt is open.
    pub(super) fn find_action(&mut self, action: Action) -> Result<()> {
        let Some(find) = self.state.find.as_mut() else {
            return Ok(());
        };
        match action {
            Action::Insert(c) if is_typeable(c) => {
                find.query.insert(byte_index(&find.query, find.cursor), c);
                find.cursor += 1;
            }
            Action::Backspace if find.cursor > 0 => {
                find.cursor -= 1;
                find.query.remove(byte_index(&find.query, find.cursor));
            }
            Action::CursorLeft => find.cursor = find.cursor.saturating_sub(1),
            Action::CursorRight => find.cursor = (find.cursor + 1).min(find.query.chars().count()),
            Action::Back => self.state.find = None,
            Action::Quit => self.state.quit = true,
            Action::Confirm | Action::Open => return self.run_find(),
            _ => {}
        }
        Ok(())
    }

    /// Pasted text goes into the find prompt, on one line.
    pub(super) fn paste_into_find(&mut self, text: &str) {
        if let Some(find) = self.state.find.as_mut() {
            let text = clean_typed(text, false);
            find.query
                .insert_str(byte_index(&find.query, find.cursor), &text);
            find.cursor += text.chars().count();
        }
    }

    /// Finds the query in the whole chat and shows the newest hit.
    fn run_find(&mut self) -> Result<()> {
        let Some(find) = self.state.find.as_mut() else {
            return Ok(());
        };
        let query = find.query.trim().to_string();
        if query.is_empty() {
            self.state.find = None;
            return Ok(());
        }
        let mut hits = self
            .store
            .db()
            .find_in_chat(find.chat, &query, MAX_HITS + 1)?;
        if hits.is_empty() {
            self.state.find = None;
            self.info(tr!("inbox-find-no-match", query = query.as_str()));
            return Ok(());
        }
        find.more = hits.len() > MAX_HITS;
        hits.truncate(MAX_HITS);
        find.hits = hits;
        find.typing = false;
        find.current = 0;
        self.show_hit(false)
    }

    /// `n` (older) or `N` (newer): the next hit, round from the oldest to the newest. Without
    /// a find, `n` opens the next unread chat as it does in the list.
    pub(super) fn step_find(&mut self, older: bool) -> Result<()> {
        let open = self.state.chat.as_ref().map(|c| c.chat.id);
        let Some(find) = self
            .state
            .find
            .as_mut()
            .filter(|f| Some(f.chat) == open && !f.hits.is_empty())
        else {
            return match older {
                true => self.inbox_action(Action::NextUnread),
                false => {
                    self.info(tr!("inbox-find-nothing-again"));
                    Ok(())
                }
            };
        };
        let count = find.hits.len();
        let next = match older {
            true => (find.current + 1) % count,
            false => (find.current + count - 1) % count,
        };
        let wrapped = (older && next < find.current) || (!older && next > find.current);
        find.current = next;
        self.show_hit(wrapped)
    }

    /// Esc in a chat with a find clears it; `false` when there is none to clear.
    pub(super) fn clear_find(&mut self) -> bool {
        let active = self.state.pane == Pane::Chat && self.state.find.is_some();
        if active {
            self.state.find = None;
        }
        active
    }

    /// Puts the current hit in view with messages on both sides, loading the chat back to it
    /// when it is older than the loaded messages, and says which hit it is.
    fn show_hit(&mut self, wrapped: bool) -> Result<()> {
        let Some(find) = &self.state.find else {
            return Ok(());
        };
        let (chat, hit) = (find.chat, find.hits[find.current]);
        let mut summary = find.summary();
        if wrapped {
            summary.push_str(&format!(" ({})", tr!("inbox-find-round-again")));
        }
        let newer = self.store.db().messages_after_count(chat, hit)?;
        let loaded = self.state.chat.as_ref().map_or(0, |v| v.window);
        let window = loaded.max(newer + CHAT_PAGE / 2).max(CHAT_PAGE);
        self.load_chat(chat, window, Some(hit))?;
        self.state.pane = Pane::Chat;
        self.info(summary);
        Ok(())
    }
}

//! The search box: chat names and message text, live as the user types; Enter jumps there.

use super::super::state::*;
use super::{Action, App};
use crate::model::ChatId;
use crate::model::text::{clean_typed, fold, is_typeable};
use crate::store::Result;
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

const CHAT_HITS: usize = 10;
const MESSAGE_HITS: usize = 50;
/// How many message ids one slice of a search covers: about 5 ms of scanning on a quiet
/// machine, so a key typed during a long search waits at most that long.
const SEARCH_SLICE: i64 = 10_000;

impl App {
    pub(super) fn search_action(&mut self, action: Action) -> Result<()> {
        let Some(search) = self.state.search.as_mut() else {
            return Ok(());
        };
        let mut changed = false;
        match action {
            Action::Insert(c) if is_typeable(c) => {
                let at = byte_index(&search.query, search.cursor);
                search.query.insert(at, c);
                search.cursor += 1;
                changed = true;
            }
            Action::Backspace if search.cursor > 0 => {
                search.cursor -= 1;
                let at = byte_index(&search.query, search.cursor);
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
            Action::Back => self.close_search(),
            Action::Quit => self.state.quit = true,
            Action::Open | Action::Confirm => return self.jump_to_hit(),
            _ => {}
        }
        if changed {
            self.run_search()?;
        }
        Ok(())
    }

    /// Starts the search over: chat names at once, messages from the newest down, the first
    /// slice now and the rest between keys ([`App::search_more`]).
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
        let mut below = None;
        if !query.is_empty() {
            let db = self.store.db();
            if self.search_titles.is_none() {
                self.search_titles = Some(db.chat_titles(self.me)?);
            }
            let chats = self.search_titles.as_deref().unwrap_or_default();
            for i in rank_titles(chats, &query).into_iter().take(CHAT_HITS) {
                let (chat, title, _) = &chats[i];
                hits.push(SearchHit {
                    chat: *chat,
                    title: title.clone(),
                    message: None,
                    at: None,
                    text: title.clone(),
                    mine: false,
                });
            }
            below = Some(db.message_id_end()?);
        }
        if let Some(search) = self.state.search.as_mut() {
            search.hits = hits;
            search.more = false;
            search.selected = 0;
            search.searching_below = below;
        }
        self.search_slice()
    }

    /// Closes the search box and forgets the names it matched.
    fn close_search(&mut self) {
        self.state.search = None;
        self.search_titles = None;
    }

    /// Whether messages are still being searched.
    pub fn searching(&self) -> bool {
        self.state
            .search
            .as_ref()
            .is_some_and(|s| s.searching_below.is_some())
    }

    /// Searches the next slice of older messages, if the search is not done.
    pub fn search_more(&mut self) {
        if let Err(e) = self.search_slice() {
            self.error(e.to_string());
            if let Some(search) = self.state.search.as_mut() {
                search.searching_below = None;
            }
        }
    }

    /// Searches the messages in the next slice of ids down and merges what it finds, newest
    /// first, keeping at most [`MESSAGE_HITS`].
    fn search_slice(&mut self) -> Result<()> {
        let Some((query, end)) = self.state.search.as_ref().and_then(|s| {
            s.searching_below
                .map(|end| (s.query.trim().to_string(), end))
        }) else {
            return Ok(());
        };
        let start = (end - SEARCH_SLICE).max(0);
        let found =
            self.store
                .db()
                .search_messages_in(self.me, &query, start..end, MESSAGE_HITS + 1)?;
        let Some(search) = self.state.search.as_mut() else {
            return Ok(());
        };
        search.searching_below = (start > 0).then_some(start);
        let (chats, mut messages): (Vec<_>, Vec<_>) =
            search.hits.drain(..).partition(|h| h.message.is_none());
        messages.extend(found.into_iter().map(|m| SearchHit {
            chat: m.chat,
            title: m.title,
            message: Some(m.message),
            at: Some(m.at),
            text: m.body,
            mine: m.mine,
        }));
        messages.sort_by_key(|m| std::cmp::Reverse((m.at, m.message)));
        search.more |= messages.len() > MESSAGE_HITS;
        messages.truncate(MESSAGE_HITS);
        search.hits = chats;
        search.hits.extend(messages);
        search.selected = search.selected.min(search.hits.len().saturating_sub(1));
        Ok(())
    }

    /// Pasted text goes into the search box, on one line.
    pub(super) fn paste_into_search(&mut self, text: &str) -> Result<()> {
        if let Some(search) = self.state.search.as_mut() {
            let text = clean_typed(text, false);
            let at = byte_index(&search.query, search.cursor);
            search.query.insert_str(at, &text);
            search.cursor += text.chars().count();
        }
        self.run_search()
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
        self.close_search();
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

/// The byte where character number `chars` of `text` starts.
pub(super) fn byte_index(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

/// The chats whose name matches `query` fuzzily (case and accents aside), best first: their
/// indexes in `chats`. Among equal scores the list's order (most recent first) stays.
pub(super) fn rank_titles(chats: &[(ChatId, String, bool)], query: &str) -> Vec<usize> {
    let pattern = Pattern::new(
        &fold(query),
        CaseMatching::Ignore,
        Normalization::Smart,
        AtomKind::Fuzzy,
    );
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buffer = Vec::new();
    let mut scored: Vec<(u32, usize)> = chats
        .iter()
        .enumerate()
        .filter_map(|(i, (_, title, _))| {
            let score = pattern.score(Utf32Str::new(title, &mut buffer), &mut matcher)?;
            Some((score, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(names: &[&str]) -> Vec<(ChatId, String, bool)> {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| (ChatId(i as i64), n.to_string(), false))
            .collect()
    }

    #[test]
    fn names_match_across_case_accents_and_gaps() {
        let chats = titles(&["Energía Verde", "Lucía", "Moda Lola"]);
        assert_eq!(rank_titles(&chats, "lucia"), [1]);
        assert_eq!(rank_titles(&chats, "LUCÍA"), [1]);
        assert_eq!(rank_titles(&chats, "energia"), [0]);
        assert_eq!(rank_titles(&chats, "mdlola"), [2]);
        assert!(rank_titles(&chats, "zzz").is_empty());
    }
}

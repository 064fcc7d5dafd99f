//! Queries behind the inbox's search and notifications.

use super::{Db, Result};
use crate::model::text::fold;
use crate::model::*;
use rusqlite::{OptionalExtension, params};

/// Escapes `%`, `_` and `\` for a LIKE pattern.
pub(super) fn like_pattern(query: &str) -> String {
    let escaped: String = query
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}

impl Db<'_> {
    /// Delivered messages to the user after message `after`, outside muted chats, oldest
    /// first: id, chat title, body.
    pub fn deliveries_after(
        &self,
        user: UserId,
        after: i64,
    ) -> Result<Vec<(MessageId, String, String)>> {
        self.list("SELECT m.id, c.title, m.body FROM messages m JOIN chats c ON c.id = m.chat_id
             WHERE m.user_id = ?1 AND m.id > ?2 AND m.direction = 'in' AND m.outcome = 'deliver' AND c.muted = 0
             ORDER BY m.id", params![user, after], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
    }

    /// The newest of the messages `deliveries_after` lists, without listing them: it walks
    /// the messages from the newest back (`+m.user_id` keeps the planner off the user's
    /// indexes, which would read every message of the user and sort them), so it stops at
    /// the first match.
    pub fn newest_delivery(&self, user: UserId) -> Result<Option<MessageId>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT m.id FROM messages m JOIN chats c ON c.id = m.chat_id
                 WHERE +m.user_id = ?1 AND m.direction = 'in' AND m.outcome = 'deliver' AND c.muted = 0
                 ORDER BY m.id DESC LIMIT 1",
            )?
            .query_row([user], |r| r.get(0))
            .optional()?)
    }

    /// The newest message id in the store (0 when there is none): a mark to count from.
    pub fn newest_message_id(&self) -> Result<i64> {
        let id: Option<i64> = self
            .conn
            .prepare_cached("SELECT max(id) FROM messages")?
            .query_row([], |r| r.get(0))?;
        Ok(id.unwrap_or(0))
    }

    /// How many messages to the user after message `after` the rules held.
    pub fn held_after(&self, user: UserId, after: i64) -> Result<usize> {
        let n: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM messages
             WHERE id > ?2 AND user_id = ?1 AND direction = 'in' AND outcome = 'hold'",
            )?
            .query_row(params![user, after], |r| r.get(0))?;
        Ok(n.max(0) as usize)
    }

    /// How many shown messages of a chat come after `message`.
    pub fn messages_after_count(&self, chat: ChatId, message: MessageId) -> Result<usize> {
        let n: i64 = self.conn.prepare_cached("SELECT count(*) FROM messages m, messages a
             WHERE a.id = ?2 AND m.chat_id = ?1 AND m.outcome != 'hold' AND (m.shown_at, m.id) > (a.shown_at, a.id)")?.query_row(params![chat, message],
            |r| r.get(0),
        )?;
        Ok(n.max(0) as usize)
    }

    /// Every chat of the user, most recent first: id, name, and whether it is a business's
    /// (for matching names in Rust, where search folds accents and matches fuzzily).
    pub fn chat_titles(&self, user: UserId) -> Result<Vec<(ChatId, String, bool)>> {
        self.list(
            "SELECT id, title, is_business FROM chats WHERE user_id = ?1 ORDER BY last_at DESC, id DESC",
            params![user],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
    }

    /// The user's shown messages whose text contains `query`, case and accents aside
    /// (`energia` finds "Energía"), newest first.
    pub fn search_messages(
        &self,
        user: UserId,
        query: &str,
        limit: usize,
    ) -> Result<Vec<MessageHit>> {
        self.search_messages_in(user, query, 0..i64::MAX, limit)
    }

    /// [`Db::search_messages`] over the messages whose ids fall in `ids` only, so that a long
    /// search can go a slice at a time between keys.
    pub fn search_messages_in(
        &self,
        user: UserId,
        query: &str,
        ids: std::ops::Range<i64>,
        limit: usize,
    ) -> Result<Vec<MessageHit>> {
        self.list("SELECT m.chat_id, c.title, m.id, m.shown_at, m.body, m.direction = 'out' FROM messages m JOIN chats c ON c.id = m.chat_id
             WHERE m.id >= ?4 AND m.id < ?5 AND m.user_id = ?1 AND m.outcome != 'hold' AND parley_fold(m.body) LIKE ?2 ESCAPE '\\'
             ORDER BY m.shown_at DESC, m.id DESC LIMIT ?3", params![user, like_pattern(&fold(query)), limit as i64, ids.start, ids.end], |r| {
                Ok(MessageHit { chat: r.get(0)?, title: r.get(1)?, message: r.get(2)?, at: r.get(3)?, body: r.get(4)?, mine: r.get(5)? })
            })
    }

    /// One more than the highest message id in the store: where a search from the newest
    /// message down starts.
    pub fn message_id_end(&self) -> Result<i64> {
        let max: Option<i64> = self
            .conn
            .prepare_cached("SELECT max(id) FROM messages")?
            .query_row([], |r| r.get(0))?;
        Ok(max.map_or(0, |m| m + 1))
    }

    /// The shown messages of one chat whose text contains `query`, case and accents aside,
    /// newest first, at most `limit`.
    pub fn find_in_chat(&self, chat: ChatId, query: &str, limit: usize) -> Result<Vec<MessageId>> {
        self.list("SELECT id FROM messages WHERE chat_id = ?1 AND outcome != 'hold' AND parley_fold(body) LIKE ?2 ESCAPE '\\'
             ORDER BY shown_at DESC, id DESC LIMIT ?3", params![chat, like_pattern(&fold(query.trim())), limit as i64], |r| r.get(0))
    }
}

/// A message that search found.
#[derive(Debug, Clone, PartialEq)]
pub struct MessageHit {
    pub chat: ChatId,
    /// The chat's name.
    pub title: String,
    pub message: MessageId,
    pub at: Timestamp,
    pub body: String,
    /// The user wrote it.
    pub mine: bool,
}

/// Registers `parley_fold(text)`: the text as search compares it (see [`fold`]).
pub(super) fn register_fold(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "parley_fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|text| fold(&text))),
    )
}

impl Db<'_> {
    /// Where a chat stands in a filtered, sorted list; `None` when the filter leaves it out.
    ///
    /// It counts the chats before it along the list's index: in "unread first" order, those
    /// as unread as it that are more recent, plus every unread chat before a read one. (One
    /// row-value comparison over `(unread > 0, last_at, id)` made SQLite read every chat of
    /// the user from the table, about 70 ms among 100 000 chats wherever the chat stood.)
    pub fn chat_position(
        &self,
        user: UserId,
        filter: ChatFilter,
        order: ChatOrder,
        chat: ChatId,
    ) -> Result<Option<usize>> {
        let condition = super::chats::filter_condition(filter);
        let key: Option<(bool, Timestamp, ChatId)> = self
            .conn
            .prepare_cached(&format!("SELECT unread > 0, last_at, id FROM chats WHERE id = ?1 AND user_id = ?2 AND {condition}"))?.query_row(params![chat, user],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((unread, last_at, id)) = key else {
            return Ok(None);
        };
        let count = |sql: String, params: &[&dyn rusqlite::ToSql]| -> Result<i64> {
            Ok(self
                .conn
                .prepare_cached(&sql)?
                .query_row(params, |r| r.get(0))?)
        };
        let n = match order {
            ChatOrder::UnreadFirst => {
                let alike = count(
                    format!(
                        "SELECT count(*) FROM chats WHERE user_id = ?1 AND {condition} AND (unread > 0) = ?2 AND (last_at, id) > (?3, ?4)"
                    ),
                    params![user, unread, last_at, id],
                )?;
                let unread_before = if unread {
                    0
                } else {
                    count(
                        format!(
                            "SELECT count(*) FROM chats WHERE user_id = ?1 AND {condition} AND (unread > 0) = 1"
                        ),
                        params![user],
                    )?
                };
                alike + unread_before
            }
            ChatOrder::Recent => count(
                format!(
                    "SELECT count(*) FROM chats WHERE user_id = ?1 AND {condition} AND (last_at, id) > (?2, ?3)"
                ),
                params![user, last_at, id],
            )?,
        };
        Ok(Some(n.max(0) as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(like_pattern("50%_off"), "%50\\%\\_off%");
    }
}

//! Queries behind the inbox's search and notifications.

use super::{Db, Result, rows};
use crate::model::*;
use rusqlite::{OptionalExtension, params};

/// Escapes `%`, `_` and `\` for a LIKE pattern.
fn like_pattern(query: &str) -> String {
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
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, c.title, m.body FROM messages m JOIN chats c ON c.id = m.chat_id
             WHERE m.user_id = ?1 AND m.id > ?2 AND m.direction = 'in' AND m.outcome = 'deliver' AND c.muted = 0
             ORDER BY m.id",
        )?;
        let list = stmt
            .query_map(params![user, after], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(list)
    }

    /// How many shown messages of a chat come after `message`.
    pub fn messages_after_count(&self, chat: ChatId, message: MessageId) -> Result<usize> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM messages m, messages a
             WHERE a.id = ?2 AND m.chat_id = ?1 AND m.outcome != 'hold' AND (m.shown_at, m.id) > (a.shown_at, a.id)",
            params![chat, message],
            |r| r.get(0),
        )?;
        Ok(n.max(0) as usize)
    }

    /// The user's chats whose name contains `query` (any case), most recent first.
    pub fn search_chats(&self, user: UserId, query: &str, limit: usize) -> Result<Vec<Chat>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT * FROM chats WHERE user_id = ?1 AND title LIKE ?2 ESCAPE '\\' ORDER BY last_at DESC LIMIT ?3",
        )?;
        let list = stmt
            .query_map(params![user, like_pattern(query), limit as i64], rows::chat)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(list)
    }

    /// The user's shown messages whose text contains `query` (any case), newest first: chat,
    /// chat title, message, time, body.
    #[allow(clippy::type_complexity)]
    pub fn search_messages(
        &self,
        user: UserId,
        query: &str,
        limit: usize,
    ) -> Result<Vec<(ChatId, String, MessageId, Timestamp, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.chat_id, c.title, m.id, m.shown_at, m.body FROM messages m JOIN chats c ON c.id = m.chat_id
             WHERE m.user_id = ?1 AND m.outcome != 'hold' AND m.body LIKE ?2 ESCAPE '\\'
             ORDER BY m.shown_at DESC, m.id DESC LIMIT ?3",
        )?;
        let list = stmt
            .query_map(params![user, like_pattern(query), limit as i64], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(list)
    }
}

impl Db<'_> {
    /// Where a chat stands in a filtered, sorted list; `None` when the filter leaves it out.
    pub fn chat_position(
        &self,
        user: UserId,
        filter: super::ChatFilter,
        order: super::ChatOrder,
        chat: ChatId,
    ) -> Result<Option<usize>> {
        let condition = filter.condition();
        let key: Option<(bool, Timestamp, ChatId)> = self
            .conn
            .query_row(
                &format!("SELECT unread > 0, last_at, id FROM chats WHERE id = ?1 AND user_id = ?2 AND {condition}"),
                params![chat, user],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((unread, last_at, id)) = key else {
            return Ok(None);
        };
        let before = match order {
            super::ChatOrder::UnreadFirst => "((unread > 0), last_at, id) > (?2, ?3, ?4)",
            super::ChatOrder::Recent => "(last_at, id) > (?3, ?4)",
        };
        let sql =
            format!("SELECT count(*) FROM chats WHERE user_id = ?1 AND {condition} AND {before}");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let n: i64 = match order {
            super::ChatOrder::UnreadFirst => {
                stmt.query_row(params![user, unread, last_at, id], |r| r.get(0))?
            }
            super::ChatOrder::Recent => stmt
                .query_row(params![user, rusqlite::types::Null, last_at, id], |r| {
                    r.get(0)
                })?,
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

//! A business's side of its chats: the conversations it has, one of them read, and the
//! user's messages marked as read by the business (the user's read ticks).

use super::{Db, Result, Tx};
use crate::model::*;
use rusqlite::params;

impl Db<'_> {
    /// One page of a business's conversations, most recent first, with what it has not read
    /// and the last message of each.
    pub fn business_conversations(
        &self,
        business: BusinessId,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<BusinessConversation>> {
        let mut list = self.list(
            "SELECT c.id, c.user_id, u.name, r.last_user_message_at,
                (SELECT count(*) FROM messages m
                 WHERE m.chat_id = c.id AND m.direction = 'out' AND m.seen_at IS NULL) AS unread
             FROM chats c JOIN users u ON u.id = c.user_id
             LEFT JOIN relations r ON r.user_id = c.user_id AND r.business_id = c.business_id
             WHERE c.business_id = ?1
             ORDER BY c.last_at DESC, c.id DESC LIMIT ?2 OFFSET ?3",
            params![business, limit as i64, offset as i64],
            |r| {
                Ok(BusinessConversation {
                    chat: r.get(0)?,
                    user: r.get(1)?,
                    user_name: r.get(2)?,
                    last_user_message_at: r.get(3)?,
                    unread: r.get(4)?,
                    last: None,
                })
            },
        )?;
        for conversation in &mut list {
            conversation.last = self.last_messages(conversation.chat, 1)?.pop();
        }
        Ok(list)
    }

    /// How many conversations a business has.
    pub fn business_conversation_count(&self, business: BusinessId) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM chats WHERE business_id = ?1",
            [business],
            |r| r.get(0),
        )?)
    }
}

impl Tx<'_> {
    /// The business has read the user's messages in `chat`: each one not read before is
    /// marked at `now` and stamped, so the user's devices show the read ticks. Returns how many.
    pub fn mark_seen_by_business(&self, chat: ChatId, now: Timestamp) -> Result<u32> {
        let unseen: Vec<MessageId> = self.db().list(
            "SELECT id FROM messages WHERE chat_id = ?1 AND direction = 'out' AND seen_at IS NULL",
            [chat],
            |r| r.get(0),
        )?;
        for id in &unseen {
            self.tx
                .prepare_cached("UPDATE messages SET seen_at = ?2 WHERE id = ?1")?
                .execute(params![id, now])?;
            self.stamp(*id)?;
        }
        Ok(unseen.len() as u32)
    }
}

//! A business's side of its chats: the conversations it has, one of them read, and the
//! user's messages marked as read by the business (the user's read ticks).

use super::{Db, Result, Tx};
use crate::model::*;
use crate::policy::PolicyConfig;
use crate::policy::conversation::{line, window};
use rusqlite::params;

impl Db<'_> {
    /// One page of a business's conversations, those with messages it has not read first,
    /// then the most recent, with the last message of each.
    pub fn business_conversations(
        &self,
        business: BusinessId,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<BusinessConversation>> {
        let mut list = self.list(
            "WITH unread AS (
                SELECT chat_id, count(*) AS n FROM messages
                WHERE business_id = ?1 AND direction = 'out' AND seen_at IS NULL
                GROUP BY chat_id)
             SELECT c.id, c.user_id, u.name, r.last_user_message_at, coalesce(n.n, 0)
             FROM chats c JOIN users u ON u.id = c.user_id
             LEFT JOIN unread n ON n.chat_id = c.id
             LEFT JOIN relations r ON r.user_id = c.user_id AND r.business_id = c.business_id
             WHERE c.business_id = ?1
             ORDER BY n.n IS NULL, c.last_at DESC, c.id DESC LIMIT ?2 OFFSET ?3",
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
        Ok(self
            .conn
            .prepare_cached("SELECT count(*) FROM chats WHERE business_id = ?1")?
            .query_row([business], |r| r.get(0))?)
    }
}

impl Tx<'_> {
    /// The business reads its conversation with `user`: the last `limit` messages, newest
    /// last, after the user's messages are marked read at `now`. `None` when neither has
    /// written yet.
    pub fn read_business_conversation(
        &self,
        business: BusinessId,
        user: &User,
        limit: usize,
        config: &PolicyConfig,
        now: Timestamp,
    ) -> Result<Option<ConversationPage>> {
        let db = self.db();
        let Some(chat) = db.chat_with(user.id, Counterpart::Business(business))? else {
            return Ok(None);
        };
        let marked_read = self.mark_seen_by_business(chat.id, now)?;
        let messages = db.last_messages(chat.id, limit)?;
        let older = db
            .message_count(chat.id)?
            .saturating_sub(messages.len() as u32);
        let opened = db.relation(user.id, business)?.last_user_message_at;
        Ok(Some(ConversationPage {
            user: text::clean_line(&user.name, limits::MAX_NAME_CHARS),
            messages: messages.into_iter().map(line).collect(),
            older,
            marked_read,
            window: window(opened, config, now),
            now,
        }))
    }

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

//! A business's side of its chats on PostgreSQL: the conversations it has, one of them read,
//! and the user's messages marked as read by the business (the user's read ticks).

use super::rows::{self, get, opt_wrapped, small, wrapped};
use super::tx::PgTx;
use crate::model::*;
use crate::policy::PolicyConfig;
use crate::policy::conversation::{line, window};
use crate::server::db::{DbResult, ServerReads};

impl PgTx<'_, '_> {
    /// The last `limit` messages shown in a chat (held ones are not), oldest first.
    fn last_messages(&self, chat: ChatId, limit: usize) -> DbResult<Vec<Message>> {
        let mut list = self.list(
            "SELECT * FROM messages WHERE chat_id = $1 AND outcome != 'hold'
             ORDER BY shown_at DESC, id DESC LIMIT $2",
            &[&chat.0, &(limit as i64)],
            rows::message,
        )?;
        list.reverse();
        Ok(list)
    }

    /// One page of a business's conversations, those with messages it has not read first,
    /// then the most recent, with the last message of each.
    pub fn conversations_page(
        &self,
        business: BusinessId,
        offset: usize,
        limit: usize,
    ) -> DbResult<Vec<BusinessConversation>> {
        let mut list = self.list(
            "WITH unread AS (
                SELECT chat_id, count(*) AS n FROM messages
                WHERE business_id = $1 AND direction = 'out' AND seen_at IS NULL
                GROUP BY chat_id)
             SELECT c.id, c.user_id, u.name, r.last_user_message_at, coalesce(n.n, 0) AS unread
             FROM chats c JOIN users u ON u.id = c.user_id
             LEFT JOIN unread n ON n.chat_id = c.id
             LEFT JOIN relations r ON r.user_id = c.user_id AND r.business_id = c.business_id
             WHERE c.business_id = $1
             ORDER BY n.n IS NULL, c.last_at DESC NULLS LAST, c.id DESC LIMIT $2 OFFSET $3",
            &[&business.0, &(limit as i64), &(offset as i64)],
            |r| {
                Ok(BusinessConversation {
                    chat: wrapped(r, "id", ChatId)?,
                    user: wrapped(r, "user_id", UserId)?,
                    user_name: get(r, "name")?,
                    last_user_message_at: opt_wrapped(r, "last_user_message_at", Timestamp)?,
                    unread: small(r, "unread")?,
                    last: None,
                })
            },
        )?;
        for conversation in &mut list {
            conversation.last = self.last_messages(conversation.chat, 1)?.pop();
        }
        Ok(list)
    }

    /// The business reads its conversation with `user`: the last `limit` messages, newest
    /// last, after the user's messages are marked read at `now`; `None` when neither has
    /// written yet.
    pub fn read_conversation(
        &self,
        business: BusinessId,
        user: &User,
        limit: usize,
        config: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Option<ConversationPage>> {
        let Some(chat) = self.chat_with(user.id, Counterpart::Business(business))? else {
            return Ok(None);
        };
        let marked_read = self.mark_seen_by_business(chat.id, user.id, now)?;
        let messages = self.last_messages(chat.id, limit)?;
        let shown = self.one(
            "SELECT count(*) AS n FROM messages WHERE chat_id = $1 AND outcome != 'hold'",
            &[&chat.id.0],
        )?;
        let older = small::<u32>(&shown, "n")?.saturating_sub(messages.len() as u32);
        let opened = self.relation(user.id, business)?.last_user_message_at;
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
    /// marked at `now` and stamped, so the user's devices show the read ticks.
    fn mark_seen_by_business(&self, chat: ChatId, user: UserId, now: Timestamp) -> DbResult<u32> {
        let unseen = self.list(
            "SELECT id FROM messages WHERE chat_id = $1 AND direction = 'out' AND seen_at IS NULL
             ORDER BY id",
            &[&chat.0],
            |r| wrapped(r, "id", MessageId),
        )?;
        if !unseen.is_empty() {
            self.lock_user(user)?;
        }
        for id in &unseen {
            self.execute(
                "UPDATE messages SET seen_at = $2 WHERE id = $1",
                &[&id.0, &now.0],
            )?;
            self.stamp(*id, user)?;
        }
        Ok(unseen.len() as u32)
    }
}

//! The inbox's copy of a server's data: businesses, the user's relations and messages, stored
//! under the server's own ids, and the outbox of actions waiting to reach the server.

use super::{Db, Result, StoreError, Tx};
use crate::model::*;
use crate::protocol::{Cursor, WireBusiness, WireMessage};
use rusqlite::{OptionalExtension, params};

/// One action waiting in the outbox.
#[derive(Debug, Clone, PartialEq)]
pub struct Queued {
    pub key: String,
    /// The action as JSON (a `protocol::WireAction`).
    pub action: String,
    pub attempts: u32,
}

impl Db<'_> {
    /// The oldest `limit` actions waiting for the server, in order.
    pub fn outbox(&self, limit: usize) -> Result<Vec<Queued>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key, action, attempts FROM outbox ORDER BY id LIMIT ?1")?;
        let list = stmt
            .query_map([limit as i64], |r| {
                Ok(Queued {
                    key: r.get(0)?,
                    action: r.get(1)?,
                    attempts: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(list)
    }

    /// How many actions wait for the server.
    pub fn outbox_len(&self) -> Result<usize> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM outbox", [], |r| r.get(0))?;
        Ok(n.max(0) as usize)
    }

    /// Where the last pull from the server ended.
    pub fn sync_cursor(&self) -> Result<Cursor> {
        Ok(self
            .meta("sync.cursor")?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default())
    }
}

impl Tx<'_> {
    /// Queues an action for the server (in the transaction that applied it locally).
    pub fn enqueue(&self, key: &str, action_json: &str, now: Timestamp) -> Result<()> {
        self.tx.execute(
            "INSERT INTO outbox (key, action, created_at) VALUES (?1, ?2, ?3)",
            params![key, action_json, now],
        )?;
        Ok(())
    }

    /// Removes actions the server has answered.
    pub fn outbox_done(&self, keys: &[String]) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached("DELETE FROM outbox WHERE key = ?1")?;
        for key in keys {
            stmt.execute([key])?;
        }
        Ok(())
    }

    /// Notes a failed attempt to deliver an action.
    pub fn outbox_failed(&self, key: &str, error: &str) -> Result<()> {
        self.tx.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE key = ?1",
            params![key, text::clean_line(error, 300)],
        )?;
        Ok(())
    }

    /// Writes the user's reply locally, under a negative id that no server message has, marked
    /// with the action's key so the server's copy replaces it when it arrives.
    pub fn reply_pending(
        &self,
        user: UserId,
        business: BusinessId,
        body: &str,
        key: &str,
        now: Timestamp,
    ) -> Result<MessageId> {
        let id = self.reply(user, Counterpart::Business(business), body, now)?;
        let local: i64 = self
            .tx
            .prepare_cached(
                "INSERT INTO counters (name, value) VALUES ('local_message', -1)
                 ON CONFLICT (name) DO UPDATE SET value = value - 1 RETURNING value",
            )?
            .query_row([], |r| r.get(0))?;
        self.tx.execute(
            "UPDATE messages SET id = ?2, client_key = ?3 WHERE id = ?1",
            params![id, local, key],
        )?;
        Ok(MessageId(local))
    }

    /// Stores a business as the server describes it, under the server's id, with the user's
    /// relation to it and its restrictions in force.
    pub fn mirror_business(&self, me: UserId, b: &WireBusiness, now: Timestamp) -> Result<()> {
        let name = text::clean_name(&b.name);
        self.tx.execute(
            "INSERT INTO businesses (id, name, verified, kind, quality, tier, tier_since, budget)
             VALUES (?1, ?2, ?3, ?4, 'high', 0, ?5, 0)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, verified = excluded.verified, kind = excluded.kind",
            params![b.id, name, b.verified, b.kind.as_str(), now],
        )?;
        self.put_relation(me, b.id, &b.relation)?;
        self.tx
            .execute("DELETE FROM restrictions WHERE business_id = ?1", [b.id])?;
        for r in &b.restrictions {
            self.tx.execute(
                "INSERT INTO restrictions (business_id, kind, reason, start, end_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![b.id, r.kind.as_str(), text::clean_line(&r.reason, 300), r.start, r.end],
            )?;
        }
        self.tx.execute(
            "UPDATE chats SET title = ?2, verified = ?3 WHERE business_id = ?1",
            params![b.id, name, b.verified],
        )?;
        Ok(())
    }

    /// Stores messages as the server sent them: new ones into their chats, changed ones
    /// updated, the user's own pending copies replaced. Chat previews and unread counts are
    /// recomputed once per chat touched.
    pub fn mirror_messages(&self, me: UserId, messages: &[WireMessage]) -> Result<()> {
        let mut touched = Vec::new();
        for m in messages {
            if let Some(key) = &m.client_key {
                self.tx.execute(
                    "DELETE FROM messages WHERE client_key = ?1 AND id < 0",
                    [key],
                )?;
            }
            let chat = self.ensure_chat(me, Counterpart::Business(m.business))?;
            self.mirror_template(m)?;
            self.upsert_message(me, chat, m)?;
            touched.push(chat);
        }
        touched.sort_unstable();
        touched.dedup();
        for chat in touched {
            self.refresh_chat(chat)?;
        }
        Ok(())
    }

    fn mirror_template(&self, m: &WireMessage) -> Result<()> {
        let (Some(id), Some(category)) = (m.template, m.category) else {
            return Ok(());
        };
        let name = m
            .template_name
            .as_deref()
            .map_or_else(|| format!("template {id}"), |n| text::clean_line(n, 64));
        self.tx.execute(
            "INSERT OR IGNORE INTO templates (id, business_id, name, requested_category, category, body, status,
                review_rule, review_note, allow_recategorise, submitted_at, quality, quality_since)
             VALUES (?1, ?2, ?3, ?4, ?4, '', 'approved', 'passed', 'Approved by the server.', 1, ?5, 'high', ?5)",
            params![id, m.business, name, category.as_str(), m.sent_at],
        )?;
        Ok(())
    }

    fn upsert_message(&self, me: UserId, chat: ChatId, m: &WireMessage) -> Result<()> {
        let shown_at = m.delivered_at.unwrap_or(m.sent_at);
        self.tx
            .prepare_cached(
                "INSERT INTO messages (id, chat_id, user_id, business_id, direction, category, template_id, body,
                    sent_at, shown_at, delivered_at, read_at, outcome, reason, sentence, feedback, client_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
                 ON CONFLICT (id) DO UPDATE SET shown_at = excluded.shown_at, delivered_at = excluded.delivered_at,
                    read_at = excluded.read_at, outcome = excluded.outcome, reason = excluded.reason,
                    sentence = excluded.sentence, feedback = excluded.feedback",
            )?
            .execute(params![
                m.id,
                chat,
                me,
                m.business,
                m.direction.as_str(),
                m.category.map(|c| c.as_str()),
                m.template,
                text::clean_body(&m.body),
                m.sent_at,
                shown_at,
                m.delivered_at,
                m.read_at,
                m.decision.outcome.as_str(),
                m.decision.reason.as_str(),
                text::clean_line(&m.decision.sentence, 512),
                m.feedback.map(|f| f.as_str()),
                m.client_key,
            ])?;
        Ok(())
    }

    /// Recomputes a chat's preview, time, unread count and offers mark from its messages.
    fn refresh_chat(&self, chat: ChatId) -> Result<()> {
        self.update_chat(
            chat,
            "UPDATE chats SET
                last_at = (SELECT max(shown_at) FROM messages WHERE chat_id = ?1 AND outcome != 'hold'),
                preview = coalesce((SELECT CASE direction WHEN 'out' THEN 'You: ' ELSE '' END || replace(substr(body, 1, 120), char(10), ' ')
                    FROM messages WHERE chat_id = ?1 AND outcome != 'hold' ORDER BY shown_at DESC, id DESC LIMIT 1), ''),
                unread = (SELECT count(*) FROM messages
                    WHERE chat_id = ?1 AND direction = 'in' AND outcome = 'deliver' AND read_at IS NULL),
                has_offers = EXISTS (SELECT 1 FROM messages
                    WHERE chat_id = ?1 AND category = 'marketing' AND outcome = 'deliver')
             WHERE id = ?1",
            [chat],
        )
    }

    /// Stores the server's decisions for the user (the decision log the profile reads).
    pub fn mirror_decisions(
        &self,
        me: UserId,
        decisions: &[crate::protocol::WireDecision],
    ) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO decisions (id, user_id, business_id, template_id, category, at, outcome, reason,
                sentence, message_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for d in decisions {
            stmt.execute(params![
                d.id,
                me,
                d.business,
                d.template,
                d.category.as_str(),
                d.at,
                d.decision.outcome.as_str(),
                d.decision.reason.as_str(),
                text::clean_line(&d.decision.sentence, 512),
                d.message
            ])?;
        }
        Ok(())
    }

    /// Removes messages the user deleted on another device or the server dropped.
    pub fn mirror_removed(&self, ids: &[MessageId]) -> Result<()> {
        for id in ids {
            let chat: Option<ChatId> = self
                .tx
                .query_row("SELECT chat_id FROM messages WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            self.tx
                .execute("DELETE FROM messages WHERE id = ?1", [id])?;
            if let Some(chat) = chat {
                self.refresh_chat(chat)?;
            }
        }
        Ok(())
    }

    /// Remembers where the last pull ended.
    pub fn set_sync_cursor(&self, cursor: Cursor) -> Result<()> {
        let json =
            serde_json::to_string(&cursor).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.set_meta("sync.cursor", &json)
    }
}

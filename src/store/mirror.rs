//! The inbox's copy of a server's data: businesses, the user's relations and messages, stored
//! under the server's own ids, and the outbox of actions waiting to reach the server. What it
//! stores are model values (`Synced*`): the store never sees the wire.

use super::touched::{AddedMessage, TouchedChats};
use super::{Db, Result, Tx};
use crate::model::*;
use rusqlite::{OptionalExtension, params};
use std::collections::{HashMap, HashSet};

/// A restriction as the mirror stores it: kind, reason, start and end.
type StoredRestriction = (String, String, Timestamp, Option<Timestamp>);

/// The stored copies of businesses, by id: the business's row (name, verified, kind), the
/// user's relation, the restrictions in the order they were written, and the chats' titles
/// and verified marks.
#[derive(Default)]
struct StoredBusinesses {
    rows: HashMap<BusinessId, (String, bool, String)>,
    relations: HashMap<BusinessId, Relation>,
    restrictions: HashMap<BusinessId, Vec<StoredRestriction>>,
    chats: HashMap<BusinessId, Vec<(String, bool)>>,
}

/// One action waiting in the outbox.
#[derive(Debug, Clone, PartialEq)]
pub struct Queued {
    pub key: String,
    /// The action as the sync client serialised it.
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
            .prepare_cached("SELECT count(*) FROM outbox")?
            .query_row([], |r| r.get(0))?;
        Ok(n.max(0) as usize)
    }

    /// Whether a stored restriction started or ended after `after`, up to `until`: the inbox
    /// then shows the business differently though nothing was written.
    pub fn restrictions_turned(&self, after: Timestamp, until: Timestamp) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM restrictions
                 WHERE (start > ?1 AND start <= ?2) OR (end_at > ?1 AND end_at <= ?2))",
            )?
            .query_row(params![after, until], |r| r.get(0))?)
    }

    /// The user's chats with businesses, by business.
    fn business_chats(&self, me: UserId) -> Result<HashMap<BusinessId, ChatId>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT business_id, id FROM chats WHERE user_id = ?1 AND business_id IS NOT NULL",
        )?;
        let chats = stmt
            .query_map([me], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(chats)
    }

    /// The ids of the stored templates.
    fn template_ids(&self) -> Result<HashSet<TemplateId>> {
        let mut stmt = self.conn.prepare_cached("SELECT id FROM templates")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// Where the last pull from the server ended: `(change, id)`, `(0, 0)` before the first.
    pub fn sync_cursor(&self) -> Result<(i64, i64)> {
        let stored = self.meta("sync.cursor")?;
        let json: serde_json::Value = stored
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        let part = |name: &str| json.get(name).and_then(serde_json::Value::as_i64);
        Ok(part("change").zip(part("id")).unwrap_or_default())
    }
}

impl Tx<'_> {
    /// Queues an action for the server (in the transaction that applied it locally).
    pub fn enqueue(&self, key: &str, action_json: &str, now: Timestamp) -> Result<()> {
        self.tx
            .prepare_cached("INSERT INTO outbox (key, action, created_at) VALUES (?1, ?2, ?3)")?
            .execute(params![key, action_json, now])?;
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
        self.tx
            .prepare_cached(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE key = ?1",
            )?
            .execute(params![key, text::clean_line(error, 300)])?;
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
        self.tx
            .prepare_cached("UPDATE messages SET id = ?2, client_key = ?3 WHERE id = ?1")?
            .execute(params![id, local, key])?;
        Ok(MessageId(local))
    }

    /// Stores businesses as the server describes them, under the server's ids, with the user's
    /// relation to each and its restrictions not yet ended; a business not given stays as it
    /// is. The first pages carry every business the user deals with, often as they already are
    /// here, so the stored copies are read in a few queries and only what differs is written:
    /// the store ends as if each business had been written whole. Returns whether anything
    /// differed.
    pub fn mirror_businesses(
        &self,
        me: UserId,
        businesses: &[SyncedBusiness],
        now: Timestamp,
    ) -> Result<bool> {
        if businesses.is_empty() {
            return Ok(false);
        }
        let mut stored = self.stored_businesses(me)?;
        let mut changed = false;
        for b in businesses {
            let name = text::clean_name(&b.name);
            let row = (name.clone(), b.verified, b.kind.as_str().to_string());
            if stored.rows.get(&b.id) != Some(&row) {
                self.tx
                    .prepare_cached(
                        "INSERT INTO businesses (id, name, verified, kind, quality, tier, tier_since, budget)
                         VALUES (?1, ?2, ?3, ?4, 'high', 0, ?5, 0)
                         ON CONFLICT (id) DO UPDATE SET name = excluded.name, verified = excluded.verified, kind = excluded.kind",
                    )?
                    .execute(params![b.id, name, b.verified, b.kind.as_str(), now])?;
                stored.rows.insert(b.id, row);
                changed = true;
            }
            if stored.relations.get(&b.id) != Some(&b.relation) {
                self.put_relation(me, b.id, &b.relation)?;
                stored.relations.insert(b.id, b.relation.clone());
                changed = true;
            }
            let restrictions: Vec<StoredRestriction> = b
                .restrictions
                .iter()
                .map(|r| {
                    (
                        r.kind.as_str().to_string(),
                        text::clean_line(&r.reason, 300),
                        r.start,
                        r.end,
                    )
                })
                .collect();
            if stored
                .restrictions
                .get(&b.id)
                .map_or(&[][..], Vec::as_slice)
                != restrictions
            {
                self.tx
                    .prepare_cached("DELETE FROM restrictions WHERE business_id = ?1")?
                    .execute([b.id])?;
                let mut insert = self.tx.prepare_cached(
                    "INSERT INTO restrictions (business_id, kind, reason, start, end_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?;
                for (kind, reason, start, end) in &restrictions {
                    insert.execute(params![b.id, kind, reason, start, end])?;
                }
                stored.restrictions.insert(b.id, restrictions);
                changed = true;
            }
            let titles = stored.chats.get(&b.id).map_or(&[][..], Vec::as_slice);
            if titles.iter().any(|(t, v)| *t != name || *v != b.verified) {
                self.tx
                    .prepare_cached(
                        "UPDATE chats SET title = ?2, verified = ?3 WHERE business_id = ?1",
                    )?
                    .execute(params![b.id, name, b.verified])?;
                let updated = vec![(name, b.verified); titles.len()];
                stored.chats.insert(b.id, updated);
                changed = true;
            }
        }
        Ok(changed)
    }

    /// What the store holds of the businesses `me` deals with, to compare a page's with.
    fn stored_businesses(&self, me: UserId) -> Result<StoredBusinesses> {
        let db = self.db();
        let mut stored = StoredBusinesses::default();
        let mut stmt = db
            .conn
            .prepare_cached("SELECT id, name, verified, kind FROM businesses")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            stored
                .rows
                .insert(r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?));
        }
        let mut stmt = db
            .conn
            .prepare_cached("SELECT * FROM relations WHERE user_id = ?1")?;
        let mut rows = stmt.query([me])?;
        while let Some(r) = rows.next()? {
            stored
                .relations
                .insert(r.get("business_id")?, super::rows::relation(r)?);
        }
        let mut stmt = db.conn.prepare_cached(
            "SELECT business_id, kind, reason, start, end_at FROM restrictions ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            stored.restrictions.entry(r.get(0)?).or_default().push((
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
            ));
        }
        let mut stmt = db.conn.prepare_cached(
            "SELECT business_id, title, verified FROM chats WHERE business_id IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            stored
                .chats
                .entry(r.get(0)?)
                .or_default()
                .push((r.get(1)?, r.get(2)?));
        }
        Ok(stored)
    }

    /// Stores messages as the server sent them: new ones into their chats, changed ones
    /// updated, the user's own pending copies replaced. How they moved each chat is noted in
    /// `touched`, for [`Tx::refresh_chats`] to bring the chats up to date once after a batch
    /// of pages. New chats open in the order of their first messages; the messages are then
    /// written business by business (see [`by_business`]).
    pub fn mirror_messages(
        &self,
        me: UserId,
        messages: &[SyncedMessage],
        touched: &mut TouchedChats,
    ) -> Result<()> {
        // A page holds many messages of fewer chats and templates: the chats and the stored
        // templates are read at once, and a template is stored only when it is new.
        let mut chats = self.db().business_chats(me)?;
        let mut templates = self.db().template_ids()?;
        for m in messages {
            if let std::collections::hash_map::Entry::Vacant(new) = chats.entry(m.business) {
                new.insert(self.ensure_chat(me, Counterpart::Business(m.business))?);
            }
        }
        // Sentences repeat from message to message: each is cleaned once.
        let mut sentences: HashMap<&str, String> = HashMap::new();
        for m in by_business(messages) {
            if let Some(key) = &m.client_key {
                self.tx
                    .prepare_cached("DELETE FROM messages WHERE client_key = ?1 AND id < 0")?
                    .execute([key])?;
            }
            let chat = chats[&m.business];
            if let (Some(id), Some(_)) = (m.template, m.category)
                && templates.insert(id)
            {
                self.mirror_template(m)?;
            }
            let sentence = sentences
                .entry(m.decision.sentence.as_str())
                .or_insert_with(|| {
                    text::clean_line(&m.decision.sentence, limits::MAX_SENTENCE_CHARS)
                });
            match self.upsert_message(me, chat, m, sentence)? {
                Some(added) if m.client_key.is_none() => touched.added(chat, &added),
                _ => touched.recount(chat),
            }
        }
        Ok(())
    }

    fn mirror_template(&self, m: &SyncedMessage) -> Result<()> {
        let (Some(id), Some(category)) = (m.template, m.category) else {
            return Ok(());
        };
        let name = m.template_name.as_deref().map_or_else(
            || format!("template {id}"),
            |n| text::clean_line(n, limits::MAX_TEMPLATE_NAME_CHARS),
        );
        self.tx.prepare_cached(
            "INSERT OR IGNORE INTO templates (id, business_id, name, requested_category, category, body, status,
                review_rule, review_note, allow_recategorise, submitted_at, quality, quality_since)
             VALUES (?1, ?2, ?3, ?4, ?4, '', 'approved', 'passed', 'Approved by the server.', 1, ?5, 'high', ?5)",
        )?
        .execute(params![id, m.business, name, category.as_str(), m.sent_at])?;
        Ok(())
    }

    /// Writes a message with its decision's sentence already cleaned; returns it as the chat
    /// list counts it when it is new to the store.
    fn upsert_message(
        &self,
        me: UserId,
        chat: ChatId,
        m: &SyncedMessage,
        sentence: &str,
    ) -> Result<Option<AddedMessage>> {
        // A message released from Held goes in its place by sent time, as it does locally.
        let shown_at = match m.decision.reason {
            Reason::ReleasedByUser => m.sent_at,
            _ => m.delivered_at.unwrap_or(m.sent_at),
        };
        let known: bool = self
            .tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM messages WHERE id = ?1)")?
            .query_row([m.id], |r| r.get(0))?;
        self.tx
            .prepare_cached(
                "INSERT INTO messages (id, chat_id, user_id, business_id, direction, category, template_id, body,
                    sent_at, shown_at, delivered_at, read_at, outcome, reason, sentence, feedback, client_key, seen_at, facts)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
                 ON CONFLICT (id) DO UPDATE SET shown_at = excluded.shown_at, delivered_at = excluded.delivered_at,
                    read_at = excluded.read_at, seen_at = excluded.seen_at, outcome = excluded.outcome, reason = excluded.reason,
                    sentence = excluded.sentence, feedback = excluded.feedback, facts = excluded.facts",
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
                sentence,
                m.feedback.map(|f| f.as_str()),
                m.client_key,
                m.seen_at,
                m.decision.facts_json(),
            ])?;
        if known {
            return Ok(None);
        }
        let delivered = m.decision.outcome == Outcome::Deliver;
        Ok(Some(AddedMessage {
            id: m.id,
            shown_at,
            shown: m.decision.outcome != Outcome::Hold,
            unread: delivered && m.direction == Direction::Inbound && m.read_at.is_none(),
            offer: delivered && m.category == Some(Category::Marketing),
        }))
    }

    /// Recomputes a chat's preview, time, unread count and offers mark from its messages, in
    /// one pass over them (the preview walks back from the newest).
    pub(super) fn recount_chat(&self, chat: ChatId) -> Result<()> {
        self.update_chat(
            chat,
            "UPDATE chats SET
                last_at = s.last_at,
                preview = coalesce((SELECT CASE direction WHEN 'out' THEN char(1) ELSE '' END || replace(substr(body, 1, 120), char(10), ' ')
                    FROM messages WHERE chat_id = ?1 AND outcome != 'hold' ORDER BY shown_at DESC, id DESC LIMIT 1), ''),
                unread = s.unread,
                has_offers = s.has_offers
             FROM (SELECT max(shown_at) FILTER (WHERE outcome != 'hold') AS last_at,
                    count(*) FILTER (WHERE direction = 'in' AND outcome = 'deliver' AND read_at IS NULL) AS unread,
                    count(*) FILTER (WHERE category = 'marketing' AND outcome = 'deliver') > 0 AS has_offers
                 FROM messages WHERE chat_id = ?1) AS s
             WHERE chats.id = ?1",
            [chat],
        )
    }

    /// Stores the server's decisions for the user (the decision log the profile reads).
    pub fn mirror_decisions(&self, me: UserId, decisions: &[SyncedDecision]) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO decisions (id, user_id, business_id, template_id, category, at, outcome, reason,
                sentence, message_id, facts)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
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
                text::clean_line(&d.decision.sentence, limits::MAX_SENTENCE_CHARS),
                d.message,
                d.decision.facts_json()
            ])?;
        }
        Ok(())
    }

    /// Stores decisions that made messages just stored and say what those messages say, each
    /// given as `(decision id, message)`: a decision is copied from its message's row
    /// (business, template, category, time, outcome, reason, sentence and facts, cleaned once
    /// when the message was written). A message without a category makes no decision.
    pub fn mirror_decisions_of_messages(
        &self,
        me: UserId,
        paired: &[(i64, MessageId)],
    ) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO decisions (id, user_id, business_id, template_id, category, at, outcome, reason,
                sentence, message_id, facts)
             SELECT ?1, ?2, business_id, template_id, category, sent_at, outcome, reason, sentence, id, facts
             FROM messages WHERE id = ?3 AND category IS NOT NULL",
        )?;
        for (decision, message) in paired {
            stmt.execute(params![decision, me, message])?;
        }
        Ok(())
    }

    /// Removes messages the user deleted on another device or the server dropped; the chats
    /// they leave are noted in `touched` (see [`Tx::mirror_messages`]).
    pub fn mirror_removed(&self, ids: &[MessageId], touched: &mut TouchedChats) -> Result<()> {
        for id in ids {
            let chat: Option<ChatId> = self
                .tx
                .prepare_cached("SELECT chat_id FROM messages WHERE id = ?1")?
                .query_row([id], |r| r.get(0))
                .optional()?;
            self.tx
                .prepare_cached("DELETE FROM messages WHERE id = ?1")?
                .execute([id])?;
            if let Some(chat) = chat {
                touched.recount(chat);
            }
        }
        Ok(())
    }

    /// Remembers where the last pull ended: `(change, id)`.
    pub fn set_sync_cursor(&self, (change, id): (i64, i64)) -> Result<()> {
        let json = serde_json::json!({ "change": change, "id": id });
        self.set_meta("sync.cursor", &json.to_string())
    }
}

/// Messages in the order they are written: business by business, and in the given order within
/// each business. What is stored does not depend on the order (each message is one row, and
/// a new template is written from its first message, which stays first), but consecutive
/// writes then land beside each other in every index keyed by chat, business or template, as
/// the import writes them, rather than all over each index.
fn by_business(messages: &[SyncedMessage]) -> Vec<&SyncedMessage> {
    let mut ordered: Vec<&SyncedMessage> = messages.iter().collect();
    ordered.sort_by_key(|m| m.business);
    ordered
}

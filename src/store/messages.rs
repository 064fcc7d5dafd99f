//! Reading messages: a chat's latest, the Held view, the decision log, report evidence and the
//! marketing history the rules need.

use super::{Db, Result, StoreError, rows};
use crate::model::*;
use crate::policy::{MarketingHistory, Reach};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

/// A message the rules held back, with what the Held view shows beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeldMessage {
    pub message: Message,
    pub business: BusinessId,
    pub business_name: String,
    pub verified: bool,
}

/// A message the rules rejected; its body is absent when it came from a blocked business.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RejectedAttempt {
    pub business: BusinessId,
    pub template: Option<TemplateId>,
    pub category: Category,
    pub at: Timestamp,
    pub decision: Decision,
    pub body: Option<String>,
}

impl Db<'_> {
    /// One message.
    pub fn message(&self, id: MessageId) -> Result<Message> {
        self.conn
            .prepare_cached("SELECT * FROM messages WHERE id = ?1")?
            .query_row([id], rows::message)
            .optional()?
            .ok_or_else(|| StoreError::not_found(format!("no message {id}")))
    }

    /// The business a message came from, if any.
    pub fn message_business(&self, id: MessageId) -> Result<Option<BusinessId>> {
        Ok(self
            .conn
            .prepare_cached("SELECT business_id FROM messages WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .flatten())
    }

    /// The last `limit` messages shown in a chat (held ones are not), oldest first.
    pub fn last_messages(&self, chat: ChatId, limit: usize) -> Result<Vec<Message>> {
        self.messages_before(chat, None, limit)
    }

    /// Up to `limit` shown messages of a chat that come before `before` (by position), oldest first.
    pub fn messages_before(
        &self,
        chat: ChatId,
        before: Option<(Timestamp, MessageId)>,
        limit: usize,
    ) -> Result<Vec<Message>> {
        let (at, id) = before.unwrap_or((Timestamp(i64::MAX), MessageId(i64::MAX)));
        let mut stmt = self.conn.prepare_cached(
            "SELECT * FROM messages WHERE chat_id = ?1 AND outcome != 'hold' AND (shown_at, id) < (?2, ?3)
             ORDER BY shown_at DESC, id DESC LIMIT ?4",
        )?;
        let mut list: Vec<Message> = stmt
            .query_map(params![chat, at, id, limit as i64], rows::message)?
            .collect::<rusqlite::Result<_>>()?;
        list.reverse();
        Ok(list)
    }

    /// How many messages a chat shows.
    pub fn message_count(&self, chat: ChatId) -> Result<u32> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM messages WHERE chat_id = ?1 AND outcome != 'hold'",
            )?
            .query_row([chat], |r| r.get(0))?)
    }

    /// Everything the rules hold back for a user, newest first.
    pub fn held(&self, user: UserId) -> Result<Vec<HeldMessage>> {
        self.held_page(user, usize::MAX >> 1)
    }

    /// The newest `limit` messages held back for a user.
    pub fn held_page(&self, user: UserId, limit: usize) -> Result<Vec<HeldMessage>> {
        self.list("SELECT m.*, b.name AS business_name, b.verified AS business_verified
             FROM messages m JOIN businesses b ON b.id = m.business_id
             WHERE m.user_id = ?1 AND m.outcome = 'hold' ORDER BY m.sent_at DESC, m.id DESC LIMIT ?2", params![user, limit as i64], |r| {
                Ok(HeldMessage {
                    message: rows::message(r)?,
                    business: r.get("business_id")?,
                    business_name: r.get("business_name")?,
                    verified: r.get("business_verified")?,
                })
            })
    }

    /// What a business tried to send a user and the rules rejected, newest first.
    pub fn rejected(
        &self,
        user: UserId,
        business: BusinessId,
        limit: usize,
    ) -> Result<Vec<RejectedAttempt>> {
        self.list(
            "SELECT * FROM decisions WHERE user_id = ?1 AND business_id = ?2 AND outcome = 'reject'
             ORDER BY at DESC, id DESC LIMIT ?3",
            params![user, business, limit as i64],
            |r| {
                Ok(RejectedAttempt {
                    business: r.get("business_id")?,
                    template: r.get("template_id")?,
                    category: rows::code(r, "category", Category::parse)?,
                    at: r.get("at")?,
                    decision: rows::decision(r)?,
                    body: r.get("body")?,
                })
            },
        )
    }

    /// Decisions a business got for one user, counted by category and outcome.
    pub fn sent_to_user(
        &self,
        user: UserId,
        business: BusinessId,
    ) -> Result<Vec<(Category, Outcome, u32)>> {
        self.list("SELECT category, outcome, count(*) FROM decisions WHERE user_id = ?1 AND business_id = ?2
             GROUP BY category, outcome ORDER BY category, outcome", params![user, business], |r| {
                Ok((
                    rows::code(r, "category", Category::parse)?,
                    rows::code(r, "outcome", Outcome::parse)?,
                    r.get(2)?,
                ))
            })
    }

    /// A business's decisions counted by outcome and reason, over every user.
    pub fn decision_counts(&self, business: BusinessId) -> Result<Vec<(Outcome, Reason, u32)>> {
        self.list(
            "SELECT outcome, reason, count(*) FROM decisions WHERE business_id = ?1
             GROUP BY outcome, reason ORDER BY outcome, count(*) DESC",
            [business],
            |r| {
                Ok((
                    rows::code(r, "outcome", Outcome::parse)?,
                    rows::code(r, "reason", Reason::parse)?,
                    r.get(2)?,
                ))
            },
        )
    }

    /// The last `n` messages of a chat as report evidence, oldest first.
    pub fn evidence(&self, chat: ChatId, n: usize) -> Result<Vec<EvidenceLine>> {
        let c = self.chat(chat)?;
        let me = self.user(c.user)?.name;
        Ok(self
            .last_messages(chat, n)?
            .into_iter()
            .map(|m| EvidenceLine {
                from: if m.direction == Direction::Outbound {
                    me.clone()
                } else {
                    c.title.clone()
                },
                at: m.sent_at,
                body: m.body,
            })
            .collect())
    }

    /// Marketing delivered to a user since `since`, for the caps.
    pub fn marketing_history(&self, user: UserId, since: Timestamp) -> Result<MarketingHistory> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT delivered_at, business_id FROM messages
             WHERE user_id = ?1 AND category = 'marketing' AND outcome = 'deliver' AND delivered_at > ?2",
        )?;
        let records = stmt
            .query_map(params![user, since], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<(Timestamp, BusinessId)>>>()?;
        Ok(MarketingHistory::from_records(records))
    }

    /// Unique users a business reached with templates since `since`, and whether `user` is one.
    pub fn reach(&self, business: BusinessId, user: UserId, since: Timestamp) -> Result<Reach> {
        Ok(Reach {
            unique_users: self.reached_count(business, since, None)?,
            includes_recipient: self.reached(business, user, since)?,
        })
    }

    /// Whether a business reached `user` with a template since `since`: one row read.
    pub fn reached(&self, business: BusinessId, user: UserId, since: Timestamp) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM template_reach WHERE business_id = ?1 AND user_id = ?2 AND at > ?3)",
            )?
            .query_row(params![business, user, since], |r| r.get(0))?)
    }

    /// How many users a business reached with templates since `since`, counted up to
    /// `at_most` (all of them when `None`): a tier's check reads no more than its limit.
    pub fn reached_count(
        &self,
        business: BusinessId,
        since: Timestamp,
        at_most: Option<u32>,
    ) -> Result<u32> {
        let at_most = at_most.map_or(-1, i64::from);
        Ok(self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM (SELECT 1 FROM template_reach WHERE business_id = ?1 AND at > ?2 LIMIT ?3)",
            )?
            .query_row(params![business, since, at_most], |r| r.get(0))?)
    }

    /// The template and broadcast of the last delivery from a business to a user since `since`:
    /// where a block or report that follows is counted.
    pub fn last_delivery(
        &self,
        user: UserId,
        business: BusinessId,
        since: Timestamp,
    ) -> Result<Option<(Option<TemplateId>, Option<BroadcastId>)>> {
        Ok(self
            .conn
            .prepare_cached("SELECT m.template_id, m.broadcast_id FROM chats c JOIN messages m ON m.chat_id = c.id
                 WHERE c.user_id = ?1 AND c.business_id = ?2 AND m.outcome = 'deliver' AND m.direction = 'in'
                    AND m.delivered_at > ?3
                 ORDER BY m.shown_at DESC, m.id DESC LIMIT 1")?.query_row(params![user, business, since],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }
}

//! What a user does, on PostgreSQL: each action is one transaction with all its effects
//! (relation, chat, signals for quality, figures for the business), taken under the user's
//! row lock so that a user's change numbers follow the order of the commits.

use super::figures::{Counter, MetricKey};
use super::rows::{self, get, wrapped};
use super::tx::PgTx;
use crate::model::*;
use crate::policy::SignalConfig;
use crate::server::db::{DbError, DbResult, ServerReads};

impl PgTx<'_, '_> {
    /// Applies one user action at `now`.
    pub fn apply_action(
        &self,
        user: UserId,
        action: &UserAction,
        now: Timestamp,
        signals: &SignalConfig,
    ) -> DbResult<()> {
        self.lock_user(user)?;
        match action {
            UserAction::Subscribe { business } => self.set_subscribed(user, *business, true),
            UserAction::Unsubscribe { business } => self.set_subscribed(user, *business, false),
            UserAction::Block { business, reason } => {
                self.block(user, *business, *reason, now, signals)
            }
            UserAction::Unblock { business } => self.update_relation(user, *business, |r| {
                r.blocked = None;
                r.blocked_at = None;
            }),
            UserAction::Report {
                business,
                reason,
                also_block,
            } => self.report(user, *business, *reason, *also_block, now, signals),
            UserAction::Feedback { message, feedback } => {
                self.feedback(user, *message, *feedback, now)
            }
            UserAction::Reply { to, text } => self.write_reply(user, *to, text, now).map(drop),
            UserAction::MarkRead { chat } => self.read_chat(self.own_chat(user, *chat)?, now),
            UserAction::AcceptChat { business } => self.accept_business(user, *business),
            UserAction::ReleaseHeld { message } => self.release_held(user, *message, now),
            UserAction::DeleteHeld { message } => self.delete_held(user, *message),
            UserAction::SetPrefs { prefs } => self.set_prefs(user, prefs),
            UserAction::MarkUnread { .. }
            | UserAction::Mute { .. }
            | UserAction::Archive { .. }
            | UserAction::BlockContact { .. }
            | UserAction::UnblockContact { .. }
            | UserAction::ReportContact { .. } => Err(DbError::Invalid(
                "this action stays on the user's device; a server does not keep it".into(),
            )),
        }
    }

    fn own_chat(&self, user: UserId, chat: ChatId) -> DbResult<ChatId> {
        let found = self.first("SELECT * FROM chats WHERE id = $1", &[&chat.0], rows::chat)?;
        match found {
            Some(c) if c.user == user => Ok(c.id),
            _ => Err(DbError::not_found(format!("no chat {chat}"))),
        }
    }

    /// A message of the user's, with the business it came from.
    fn own_message(
        &self,
        user: UserId,
        message: MessageId,
    ) -> DbResult<(Message, Option<BusinessId>)> {
        let found = self.first("SELECT * FROM messages WHERE id = $1", &[&message.0], |r| {
            Ok((
                rows::message(r)?,
                rows::opt_wrapped(r, "business_id", BusinessId)?,
            ))
        })?;
        match found {
            Some((m, business)) if m.user == user => Ok((m, business)),
            _ => Err(DbError::not_found(format!("no message {message}"))),
        }
    }

    /// Writes a user's relation with a business.
    fn put_relation(&self, user: UserId, business: BusinessId, rel: &Relation) -> DbResult<()> {
        self.execute(
            "INSERT INTO relations (user_id, business_id, subscribed, blocked, blocked_at,
                not_interested_at, interested_at, last_user_message_at, known)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (user_id, business_id) DO UPDATE SET subscribed = excluded.subscribed,
                blocked = excluded.blocked, blocked_at = excluded.blocked_at,
                not_interested_at = excluded.not_interested_at,
                interested_at = excluded.interested_at,
                last_user_message_at = excluded.last_user_message_at, known = excluded.known",
            &[
                &user.0,
                &business.0,
                &rel.subscribed,
                &rel.blocked.map(|b| b.as_str()),
                &rel.blocked_at.map(|t| t.0),
                &rel.not_interested_at.map(|t| t.0),
                &rel.interested_at.map(|t| t.0),
                &rel.last_user_message_at.map(|t| t.0),
                &rel.known,
            ],
        )?;
        Ok(())
    }

    /// Changes a user's relation with a business in place.
    fn update_relation(
        &self,
        user: UserId,
        business: BusinessId,
        change: impl FnOnce(&mut Relation),
    ) -> DbResult<()> {
        let mut rel = self.relation(user, business)?;
        change(&mut rel);
        self.put_relation(user, business, &rel)
    }

    fn accept_business(&self, user: UserId, business: BusinessId) -> DbResult<()> {
        self.update_relation(user, business, |r| r.known = true)
    }

    fn set_subscribed(&self, user: UserId, business: BusinessId, subscribed: bool) -> DbResult<()> {
        let name = self.business(business)?.name;
        self.update_relation(user, business, |r| {
            r.subscribed = subscribed;
            r.known = true;
        })?;
        if subscribed && self.user(user)?.prefs.all_offers {
            self.reword_held_offers(user, business, &name)?;
        }
        Ok(())
    }

    /// The offers a business sent while the user was not subscribed, still held, say that
    /// they came before the subscription.
    fn reword_held_offers(&self, user: UserId, business: BusinessId, name: &str) -> DbResult<()> {
        let held = self.list(
            "SELECT id FROM messages WHERE user_id = $1 AND business_id = $2
             AND outcome = 'hold' AND reason = 'not_subscribed' ORDER BY id",
            &[&user.0, &business.0],
            |r| wrapped(r, "id", MessageId),
        )?;
        let decision = crate::i18n::sentences::held_before_subscribing(name);
        for message in held {
            self.execute(
                "UPDATE messages SET sentence = $2, facts = $3 WHERE id = $1",
                &[&message.0, &decision.sentence, &decision.facts_json()],
            )?;
            self.stamp(message, user)?;
        }
        Ok(())
    }

    fn block(
        &self,
        user: UserId,
        business: BusinessId,
        reason: BlockReason,
        now: Timestamp,
        signals: &SignalConfig,
    ) -> DbResult<()> {
        self.business(business)?;
        if self.relation(user, business)?.blocked.is_some() {
            return Ok(());
        }
        self.update_relation(user, business, |r| {
            r.blocked = Some(reason);
            r.blocked_at = Some(now);
        })?;
        let signal = (SignalKind::Block, Some(reason.as_str()), Counter::Blocks);
        self.signal(user, business, signal, now, signals)?;
        self.accept_business(user, business)
    }

    fn report(
        &self,
        user: UserId,
        business: BusinessId,
        reason: ReportReason,
        also_block: bool,
        now: Timestamp,
        signals: &SignalConfig,
    ) -> DbResult<()> {
        self.business(business)?;
        let evidence = match self.chat_with(user, Counterpart::Business(business))? {
            Some(chat) => self.evidence(&chat, signals.evidence_messages)?,
            None => Vec::new(),
        };
        let json = serde_json::to_string(&evidence).map_err(|e| DbError::Invalid(e.to_string()))?;
        self.execute(
            "INSERT INTO reports (user_id, business_id, reason, also_block, at, evidence)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                &user.0,
                &business.0,
                &reason.as_str(),
                &also_block,
                &now.0,
                &json,
            ],
        )?;
        let signal = (SignalKind::Report, Some(reason.as_str()), Counter::Reports);
        self.signal(user, business, signal, now, signals)?;
        if also_block {
            self.block(user, business, reason.block_reason(), now, signals)?;
        }
        self.accept_business(user, business)
    }

    /// The last `n` messages shown in a chat, as a report's evidence.
    fn evidence(&self, chat: &Chat, n: usize) -> DbResult<Vec<EvidenceLine>> {
        let me = self.user(chat.user)?.name;
        let mut lines = self.list(
            "SELECT * FROM messages WHERE chat_id = $1 AND outcome != 'hold'
             ORDER BY shown_at DESC, id DESC LIMIT $2",
            &[&chat.id.0, &(n as i64)],
            rows::message,
        )?;
        lines.reverse();
        Ok(lines
            .into_iter()
            .map(|m| EvidenceLine {
                from: match m.direction {
                    Direction::Outbound => me.clone(),
                    _ => chat.title.clone(),
                },
                at: m.sent_at,
                body: m.body,
            })
            .collect())
    }

    /// Records a block or report, counted against the last delivery it follows within the
    /// attribution span.
    fn signal(
        &self,
        user: UserId,
        business: BusinessId,
        (kind, reason, counter): (SignalKind, Option<&str>, Counter),
        now: Timestamp,
        signals: &SignalConfig,
    ) -> DbResult<()> {
        let since = now - signals.attribution();
        let (template, broadcast) = self
            .first(
                "SELECT m.template_id, m.broadcast_id FROM chats c
                 JOIN messages m ON m.chat_id = c.id
                 WHERE c.user_id = $1 AND c.business_id = $2 AND m.outcome = 'deliver'
                    AND m.direction = 'in' AND m.delivered_at > $3
                 ORDER BY m.shown_at DESC, m.id DESC LIMIT 1",
                &[&user.0, &business.0, &since.0],
                |r| {
                    Ok((
                        rows::opt_wrapped(r, "template_id", TemplateId)?,
                        rows::opt_wrapped(r, "broadcast_id", BroadcastId)?,
                    ))
                },
            )?
            .unwrap_or((None, None));
        self.insert_signal(user, business, (template, broadcast), kind, reason, now)?;
        self.bump(
            &MetricKey::new(business, template, broadcast, now),
            counter,
            1,
        )
    }

    fn insert_signal(
        &self,
        user: UserId,
        business: BusinessId,
        (template, broadcast): (Option<TemplateId>, Option<BroadcastId>),
        kind: SignalKind,
        reason: Option<&str>,
        at: Timestamp,
    ) -> DbResult<()> {
        self.execute(
            "INSERT INTO signals (user_id, business_id, template_id, broadcast_id, kind, reason, at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                &user.0,
                &business.0,
                &template.map(|t| t.0),
                &broadcast.map(|b| b.0),
                &kind.as_str(),
                &reason,
                &at.0,
            ],
        )?;
        Ok(())
    }

    /// Interested / Not interested on one delivered marketing message.
    fn feedback(
        &self,
        user: UserId,
        message: MessageId,
        feedback: Feedback,
        now: Timestamp,
    ) -> DbResult<()> {
        let (m, business) = self.own_message(user, message)?;
        if m.category != Some(Category::Marketing) || m.decision.outcome != Outcome::Deliver {
            return Err(DbError::Invalid(
                "feedback is given on delivered offers only".into(),
            ));
        }
        if m.feedback == Some(feedback) {
            return Ok(());
        }
        let business = business.ok_or_else(|| DbError::Invalid("not a business message".into()))?;
        let row = self.one(
            "SELECT feedback_at FROM messages WHERE id = $1",
            &[&message.0],
        )?;
        let given_at = rows::opt_wrapped(&row, "feedback_at", Timestamp)?;
        self.execute(
            "UPDATE messages SET feedback = $2, feedback_at = $3 WHERE id = $1",
            &[&message.0, &feedback.as_str(), &now.0],
        )?;
        self.stamp(message, user)?;
        self.update_relation(user, business, |r| match feedback {
            Feedback::Interested => r.interested_at = Some(now),
            Feedback::NotInterested => r.not_interested_at = Some(now),
        })?;
        if let (Some(old), Some(given_at)) = (m.feedback, given_at) {
            self.execute(
                "DELETE FROM signals WHERE id = (SELECT id FROM signals
                    WHERE user_id = $1 AND business_id = $2 AND kind = $3 AND at = $4
                    ORDER BY id DESC LIMIT 1)",
                &[&user.0, &business.0, &signal_of(old).as_str(), &given_at.0],
            )?;
        }
        let source = (m.template, m.broadcast);
        self.insert_signal(user, business, source, signal_of(feedback), None, now)?;
        let key = MetricKey::new(business, m.template, m.broadcast, now);
        if let Some(old) = m.feedback {
            self.bump(&key, counter_of(old), -1)?;
        }
        self.bump(&key, counter_of(feedback), 1)
    }

    /// The user writes to a business: this opens its service window.
    pub fn write_reply(
        &self,
        user: UserId,
        to: Counterpart,
        body: &str,
        now: Timestamp,
    ) -> DbResult<MessageId> {
        let Counterpart::Business(business) = to else {
            return Err(DbError::Invalid(
                "a server carries messages to businesses only".into(),
            ));
        };
        let body = text::clean_body(body);
        if body.trim().is_empty() {
            return Err(DbError::Invalid("an empty message is not sent".into()));
        }
        self.lock_user(user)?;
        let chat = self.ensure_chat(user, business)?;
        let row = self.one(
            "INSERT INTO messages (chat_id, user_id, business_id, direction, body, sent_at, shown_at,
                delivered_at, read_at, outcome, reason, sentence)
             VALUES ($1, $2, $3, 'out', $4, $5, $5, $5, $5, 'deliver', 'sent', 'Sent by you.')
             RETURNING id",
            &[&chat.0, &user.0, &business.0, &body, &now.0],
        )?;
        let id = wrapped(&row, "id", MessageId)?;
        self.stamp(id, user)?;
        self.touch_chat(
            chat,
            now,
            &format!("{}{body}", crate::model::MINE_MARK),
            false,
            false,
        )?;
        self.read_chat(chat, now)?;
        self.update_relation(user, business, |r| {
            r.last_user_message_at = Some(now);
            r.known = true;
        })?;
        Ok(id)
    }

    /// Marks every delivered message of a chat as read, and counts the reads for businesses.
    pub fn read_chat(&self, chat: ChatId, now: Timestamp) -> DbResult<()> {
        let groups = self.list(
            "SELECT business_id, template_id, broadcast_id, count(*) AS n FROM messages
             WHERE chat_id = $1 AND direction = 'in' AND outcome = 'deliver' AND read_at IS NULL
             GROUP BY business_id, template_id, broadcast_id",
            &[&chat.0],
            |r| {
                Ok((
                    rows::opt_wrapped(r, "business_id", BusinessId)?,
                    rows::opt_wrapped(r, "template_id", TemplateId)?,
                    rows::opt_wrapped(r, "broadcast_id", BroadcastId)?,
                    get::<i64>(r, "n")?,
                ))
            },
        )?;
        if !groups.is_empty() {
            for &(business, template, broadcast, n) in &groups {
                if let Some(business) = business {
                    let key = MetricKey::new(business, template, broadcast, now);
                    self.bump(&key, Counter::Read, n)?;
                }
            }
            let owner = self.one("SELECT user_id FROM chats WHERE id = $1", &[&chat.0])?;
            let change = self.next_change(wrapped(&owner, "user_id", UserId)?)?;
            self.execute(
                "UPDATE messages SET read_at = $2, change = $3
                 WHERE chat_id = $1 AND direction = 'in' AND outcome = 'deliver'
                    AND read_at IS NULL",
                &[&chat.0, &now.0, &change],
            )?;
        }
        self.execute("UPDATE chats SET unread = 0 WHERE id = $1", &[&chat.0])?;
        Ok(())
    }

    /// The user lets a held message into its chat.
    fn release_held(&self, user: UserId, message: MessageId, now: Timestamp) -> DbResult<()> {
        let (m, business) = self.own_message(user, message)?;
        if m.decision.outcome != Outcome::Hold {
            return Err(DbError::Invalid(
                "only held messages can be released".into(),
            ));
        }
        let business = business.ok_or_else(|| DbError::Invalid("not a business message".into()))?;
        let decision = crate::i18n::sentences::released(m.decision.reason, now);
        self.deliver_held(&m, business, &decision, (now, m.sent_at))
    }

    /// Moves a held message into its chat with the given decision, placed at `shown_at`.
    pub fn deliver_held(
        &self,
        m: &Message,
        business: BusinessId,
        decision: &Decision,
        (now, shown_at): (Timestamp, Timestamp),
    ) -> DbResult<()> {
        self.execute(
            "UPDATE messages SET outcome = 'deliver', reason = $2, sentence = $3,
                delivered_at = $4, shown_at = $5, facts = $6
             WHERE id = $1",
            &[
                &m.id.0,
                &decision.reason.as_str(),
                &decision.sentence,
                &now.0,
                &shown_at.0,
                &decision.facts_json(),
            ],
        )?;
        self.stamp(m.id, m.user)?;
        if m.template.is_some() {
            self.note_reach(business, m.user, now)?;
        }
        let offer = m.category == Some(Category::Marketing);
        self.touch_chat(m.chat, now, &m.body, true, offer)?;
        let key = MetricKey::new(business, m.template, m.broadcast, now);
        self.bump(&key, Counter::Held, -1)?;
        self.bump(&key, Counter::Delivered, 1)
    }

    /// The user deletes a held message; its decision stays in the log.
    fn delete_held(&self, user: UserId, message: MessageId) -> DbResult<()> {
        let (m, _) = self.own_message(user, message)?;
        if m.decision.outcome != Outcome::Hold {
            return Err(DbError::Invalid("only held messages can be deleted".into()));
        }
        self.execute(
            "UPDATE decisions SET message_id = NULL WHERE message_id = $1",
            &[&message.0],
        )?;
        self.execute("DELETE FROM messages WHERE id = $1", &[&message.0])?;
        let change = self.next_change(user)?;
        self.execute(
            "INSERT INTO message_tombstones (message_id, user_id, change) VALUES ($1, $2, $3)
             ON CONFLICT (message_id) DO UPDATE SET user_id = excluded.user_id,
                change = excluded.change",
            &[&message.0, &user.0, &change],
        )?;
        Ok(())
    }

    fn set_prefs(&self, user: UserId, prefs: &UserPrefs) -> DbResult<()> {
        self.execute(
            "UPDATE users SET all_offers = $2, daily_cap = $3, weekly_cap = $4, quiet_start = $5,
                quiet_end = $6, time_zone = $7
             WHERE id = $1",
            &[
                &user.0,
                &prefs.all_offers,
                &i64::from(prefs.daily_marketing_cap),
                &i64::from(prefs.weekly_business_cap),
                &prefs.quiet_hours.map(|q| i64::from(q.start)),
                &prefs.quiet_hours.map(|q| i64::from(q.end)),
                &prefs.time_zone.as_ref().map(Zone::name),
            ],
        )?;
        Ok(())
    }
}

fn signal_of(feedback: Feedback) -> SignalKind {
    match feedback {
        Feedback::Interested => SignalKind::Interested,
        Feedback::NotInterested => SignalKind::NotInterested,
    }
}

fn counter_of(feedback: Feedback) -> Counter {
    match feedback {
        Feedback::Interested => Counter::Interested,
        Feedback::NotInterested => Counter::NotInterested,
    }
}

//! What a user does: each action is one transaction with all its effects (relation, chat,
//! signals for quality, figures for the business).

use super::metrics::{Counter, MetricKey};
use super::{Result, StoreError, Tx};
use crate::model::*;
use crate::policy::SignalConfig;
use rusqlite::params;

impl Tx<'_> {
    /// Applies one user action at `now`; `signals` says what a report keeps and which delivery
    /// a block or report counts against.
    pub fn apply(
        &self,
        user: UserId,
        action: &UserAction,
        now: Timestamp,
        signals: &SignalConfig,
    ) -> Result<()> {
        match action {
            UserAction::Subscribe { business } => self.set_subscribed(user, *business, true),
            UserAction::Unsubscribe { business } => self.set_subscribed(user, *business, false),
            UserAction::Block { business, reason } => {
                self.block(user, *business, *reason, now, signals)
            }
            UserAction::Unblock { business } => self
                .update_relation(user, *business, |r| {
                    r.blocked = None;
                    r.blocked_at = None;
                })
                .map(drop),
            UserAction::Report {
                business,
                reason,
                also_block,
            } => self
                .report(user, *business, *reason, *also_block, now, signals)
                .map(drop),
            UserAction::BlockContact { contact, reason } => {
                self.block_contact(user, *contact, *reason, now)
            }
            UserAction::UnblockContact { contact } => self.unblock_contact(user, *contact),
            UserAction::ReportContact {
                contact,
                reason,
                also_block,
            } => self
                .report_contact(user, *contact, *reason, *also_block, now, signals)
                .map(drop),
            UserAction::Feedback { message, feedback } => {
                self.feedback(user, *message, *feedback, now)
            }
            UserAction::Reply { to, text } => self.reply(user, *to, text, now).map(drop),
            UserAction::MarkRead { chat } => self.mark_read(self.own_chat(user, *chat)?, now),
            UserAction::MarkUnread { chat } => self.mark_unread(self.own_chat(user, *chat)?),
            UserAction::Mute { chat, muted } => self.set_muted(self.own_chat(user, *chat)?, *muted),
            UserAction::Archive { chat, archived } => {
                self.set_archived(self.own_chat(user, *chat)?, *archived)
            }
            UserAction::AcceptChat { business } => self.accept_business(user, *business),
            UserAction::ReleaseHeld { message } => self.release_held(user, *message, now),
            UserAction::DeleteHeld { message } => self.delete_held(user, *message),
            UserAction::SetPrefs { prefs } => self.set_prefs(user, prefs),
        }
    }

    fn own_chat(&self, user: UserId, chat: ChatId) -> Result<ChatId> {
        match self.db().chat(chat)? {
            c if c.user == user => Ok(c.id),
            _ => Err(StoreError::not_found(format!("no chat {chat}"))),
        }
    }

    fn own_message(&self, user: UserId, message: MessageId) -> Result<Message> {
        match self.db().message(message)? {
            m if m.user == user => Ok(m),
            _ => Err(StoreError::not_found(format!("no message {message}"))),
        }
    }

    /// Records that the user knows this business (no more first-contact choice).
    pub fn accept_business(&self, user: UserId, business: BusinessId) -> Result<()> {
        self.update_relation(user, business, |r| r.known = true)
            .map(drop)
    }

    /// Subscribes to (or unsubscribes from) a business's offers; effective at once.
    pub fn set_subscribed(
        &self,
        user: UserId,
        business: BusinessId,
        subscribed: bool,
    ) -> Result<()> {
        let name = self.db().business(business)?.name;
        self.update_relation(user, business, |r| {
            r.subscribed = subscribed;
            r.known = true;
        })?;
        if subscribed && self.db().user(user)?.prefs.all_offers {
            self.reword_held_offers(user, business, &name)?;
        }
        Ok(())
    }

    /// The offers a business sent while the user was not subscribed, still held, say that
    /// they came before the subscription.
    fn reword_held_offers(&self, user: UserId, business: BusinessId, name: &str) -> Result<()> {
        let held: Vec<MessageId> = self.db().list(
            "SELECT id FROM messages WHERE user_id = ?1 AND business_id = ?2
             AND outcome = 'hold' AND reason = 'not_subscribed'",
            params![user, business],
            |r| r.get(0),
        )?;
        let decision = crate::i18n::sentences::held_before_subscribing(name);
        for message in held {
            self.tx
                .prepare_cached("UPDATE messages SET sentence = ?2, facts = ?3 WHERE id = ?1")?
                .execute(params![message, decision.sentence, decision.facts_json()])?;
            self.stamp(message)?;
        }
        Ok(())
    }

    /// Blocks a business: nothing it sends reaches the user until unblocked.
    pub fn block(
        &self,
        user: UserId,
        business: BusinessId,
        reason: BlockReason,
        now: Timestamp,
        signals: &SignalConfig,
    ) -> Result<()> {
        self.db().business(business)?;
        let before = self.db().relation(user, business)?;
        if before.blocked.is_some() {
            return Ok(());
        }
        self.update_relation(user, business, |r| {
            r.blocked = Some(reason);
            r.blocked_at = Some(now);
        })?;
        self.signal(
            user,
            business,
            SignalKind::Block,
            Some(reason.as_str()),
            now,
            Counter::Blocks,
            signals,
        )?;
        self.accept_business(user, business)
    }

    /// Reports a business with the last messages of the chat as evidence, and blocks it too
    /// when asked. Returns the evidence sent.
    pub fn report(
        &self,
        user: UserId,
        business: BusinessId,
        reason: ReportReason,
        also_block: bool,
        now: Timestamp,
        signals: &SignalConfig,
    ) -> Result<Vec<EvidenceLine>> {
        self.db().business(business)?;
        let evidence = match self.db().chat_with(user, Counterpart::Business(business))? {
            Some(chat) => self.db().evidence(chat.id, signals.evidence_messages)?,
            None => Vec::new(),
        };
        let json =
            serde_json::to_string(&evidence).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.tx.prepare_cached("INSERT INTO reports (user_id, business_id, reason, also_block, at, evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?.execute(params![user, business, reason.as_str(), also_block, now, json],
        )?;
        self.signal(
            user,
            business,
            SignalKind::Report,
            Some(reason.as_str()),
            now,
            Counter::Reports,
            signals,
        )?;
        if also_block {
            self.block(user, business, reason.block_reason(), now, signals)?;
        }
        self.accept_business(user, business)?;
        Ok(evidence)
    }

    /// Records a block or report, counted against the last delivery it follows within the
    /// attribution span.
    #[allow(clippy::too_many_arguments)]
    fn signal(
        &self,
        user: UserId,
        business: BusinessId,
        kind: SignalKind,
        reason: Option<&str>,
        now: Timestamp,
        counter: Counter,
        signals: &SignalConfig,
    ) -> Result<()> {
        let since = now - signals.attribution();
        let (template, broadcast) = self
            .db()
            .last_delivery(user, business, since)?
            .unwrap_or((None, None));
        self.insert_signal(user, business, template, broadcast, kind, reason, now)?;
        self.bump(
            &MetricKey::new(business, template, broadcast, now),
            counter,
            1,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn insert_signal(
        &self,
        user: UserId,
        business: BusinessId,
        template: Option<TemplateId>,
        broadcast: Option<BroadcastId>,
        kind: SignalKind,
        reason: Option<&str>,
        at: Timestamp,
    ) -> Result<()> {
        self.tx.prepare_cached(
            "INSERT INTO signals (user_id, business_id, template_id, broadcast_id, kind, reason, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?.execute(params![user, business, template, broadcast, kind.as_str(), reason, at])?;
        Ok(())
    }

    /// Interested / Not interested on one delivered marketing message.
    pub fn feedback(
        &self,
        user: UserId,
        message: MessageId,
        feedback: Feedback,
        now: Timestamp,
    ) -> Result<()> {
        let m = self.own_message(user, message)?;
        if m.category != Some(Category::Marketing) || m.decision.outcome != Outcome::Deliver {
            return Err(StoreError::Invalid(
                "feedback is given on delivered offers only".into(),
            ));
        }
        if m.feedback == Some(feedback) {
            return Ok(());
        }
        let business = self
            .db()
            .message_business(message)?
            .ok_or_else(|| StoreError::Invalid("not a business message".into()))?;
        let given_at: Option<Timestamp> = self
            .tx
            .prepare_cached("SELECT feedback_at FROM messages WHERE id = ?1")?
            .query_row([message], |r| r.get(0))?;
        self.tx
            .prepare_cached("UPDATE messages SET feedback = ?2, feedback_at = ?3 WHERE id = ?1")?
            .execute(params![message, feedback.as_str(), now])?;
        self.stamp(message)?;
        self.update_relation(user, business, |r| match feedback {
            Feedback::Interested => r.interested_at = Some(now),
            Feedback::NotInterested => r.not_interested_at = Some(now),
        })?;
        let kind = match feedback {
            Feedback::Interested => SignalKind::Interested,
            Feedback::NotInterested => SignalKind::NotInterested,
        };
        if let (Some(old), Some(given_at)) = (m.feedback, given_at) {
            self.withdraw_feedback_signal(user, business, old, given_at)?;
        }
        self.insert_signal(user, business, m.template, m.broadcast, kind, None, now)?;
        let key = MetricKey::new(business, m.template, m.broadcast, now);
        let counter = |f: Feedback| match f {
            Feedback::Interested => Counter::Interested,
            Feedback::NotInterested => Counter::NotInterested,
        };
        if let Some(old) = m.feedback {
            self.bump(&key, counter(old), -1)?;
        }
        self.bump(&key, counter(feedback), 1)
    }

    /// Removes the signal of the feedback a message had: Interested withdraws that message's
    /// Not interested, and the other way round.
    fn withdraw_feedback_signal(
        &self,
        user: UserId,
        business: BusinessId,
        old: Feedback,
        given_at: Timestamp,
    ) -> Result<()> {
        let kind = match old {
            Feedback::Interested => SignalKind::Interested,
            Feedback::NotInterested => SignalKind::NotInterested,
        };
        self.tx.prepare_cached("DELETE FROM signals WHERE id = (SELECT id FROM signals
                WHERE user_id = ?1 AND business_id = ?2 AND kind = ?3 AND at = ?4 ORDER BY id DESC LIMIT 1)")?.execute(params![user, business, kind.as_str(), given_at],
        )?;
        Ok(())
    }

    /// The user writes in a chat; to a business, this opens its service window.
    pub fn reply(
        &self,
        user: UserId,
        to: Counterpart,
        body: &str,
        now: Timestamp,
    ) -> Result<MessageId> {
        let body = text::clean_body(body);
        if body.trim().is_empty() {
            return Err(StoreError::Invalid("an empty message is not sent".into()));
        }
        let chat = self.ensure_chat(user, to)?;
        self.tx.prepare_cached("INSERT INTO messages (chat_id, user_id, business_id, direction, body, sent_at, shown_at, delivered_at,
                read_at, outcome, reason, sentence)
             VALUES (?1, ?2, ?3, 'out', ?4, ?5, ?5, ?5, ?5, 'deliver', 'sent', 'Sent by you.')")?.execute(params![chat, user, business_of(to), body, now],
        )?;
        let id = MessageId(self.tx.last_insert_rowid());
        self.stamp(id)?;
        self.touch_chat(
            chat,
            now,
            &format!("{}{body}", crate::model::MINE_MARK),
            false,
            false,
        )?;
        self.mark_read(chat, now)?;
        if let Counterpart::Business(business) = to {
            self.update_relation(user, business, |r| {
                r.last_user_message_at = Some(now);
                r.known = true;
            })?;
        }
        Ok(id)
    }

    /// A friend's message arrives in the user's chat with them: they have read what the user
    /// wrote before it. From a friend the user blocked, nothing is kept: `None`.
    pub fn receive_personal(
        &self,
        user: UserId,
        contact: ContactId,
        body: &str,
        at: Timestamp,
    ) -> Result<Option<MessageId>> {
        if self.db().contact_block(user, contact)?.is_some() {
            return Ok(None);
        }
        let chat = self.ensure_chat(user, Counterpart::Contact(contact))?;
        let body = text::clean_body(body);
        self.tx.prepare_cached("INSERT INTO messages (chat_id, user_id, direction, body, sent_at, shown_at, delivered_at, outcome, reason, sentence)
             VALUES (?1, ?2, 'in', ?3, ?4, ?4, ?4, 'deliver', 'personal', 'Delivered: a message from a friend.')")?.execute(params![chat, user, body, at],
        )?;
        let id = MessageId(self.tx.last_insert_rowid());
        self.stamp(id)?;
        self.touch_chat(chat, at, &body, true, false)?;
        self.tx
            .prepare_cached(
                "UPDATE messages SET seen_at = ?2
             WHERE chat_id = ?1 AND direction = 'out' AND seen_at IS NULL AND sent_at <= ?2",
            )?
            .execute(params![chat, at])?;
        Ok(Some(id))
    }

    /// Marks every delivered message of a chat as read, and counts the reads for businesses.
    pub fn mark_read(&self, chat: ChatId, now: Timestamp) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT business_id, template_id, broadcast_id, count(*) FROM messages
             WHERE chat_id = ?1 AND direction = 'in' AND outcome = 'deliver' AND read_at IS NULL
             GROUP BY business_id, template_id, broadcast_id",
        )?;
        let groups = stmt
            .query_map([chat], |r| {
                Ok((
                    r.get::<_, Option<BusinessId>>(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (business, template, broadcast, n) in groups {
            if let Some(business) = business {
                self.bump(
                    &MetricKey::new(business, template, broadcast, now),
                    Counter::Read,
                    n,
                )?;
            }
        }
        self.tx
            .prepare_cached(
                "UPDATE messages SET read_at = ?2, change = ?3
             WHERE chat_id = ?1 AND direction = 'in' AND outcome = 'deliver' AND read_at IS NULL",
            )?
            .execute(params![chat, now, self.next_change()?])?;
        self.update_chat(chat, "UPDATE chats SET unread = 0 WHERE id = ?1", [chat])
    }

    /// The user lets a held message into its chat.
    pub fn release_held(&self, user: UserId, message: MessageId, now: Timestamp) -> Result<()> {
        let m = self.own_message(user, message)?;
        if m.decision.outcome != Outcome::Hold {
            return Err(StoreError::Invalid(
                "only held messages can be released".into(),
            ));
        }
        let business = self
            .db()
            .message_business(message)?
            .ok_or_else(|| StoreError::Invalid("not a business message".into()))?;
        let decision = crate::i18n::sentences::released(m.decision.reason, now);
        // It goes into the chat in its place by sent time.
        self.deliver_held(&m, business, &decision, (now, m.sent_at))
    }

    /// The user deletes a held message; its decision stays in the log.
    pub fn delete_held(&self, user: UserId, message: MessageId) -> Result<()> {
        let m = self.own_message(user, message)?;
        if m.decision.outcome != Outcome::Hold {
            return Err(StoreError::Invalid(
                "only held messages can be deleted".into(),
            ));
        }
        self.tx
            .prepare_cached("UPDATE decisions SET message_id = NULL WHERE message_id = ?1")?
            .execute([message])?;
        self.tx
            .prepare_cached("DELETE FROM messages WHERE id = ?1")?
            .execute([message])?;
        self.tombstone(user, message)?;
        Ok(())
    }
}

fn business_of(to: Counterpart) -> Option<BusinessId> {
    match to {
        Counterpart::Business(b) => Some(b),
        Counterpart::Contact(_) => None,
    }
}

//! A business message through the rules: load what the policy needs, decide, and write the
//! message, its decision and its figures in the caller's transaction.

use super::metrics::{Counter, MetricKey};
use super::send_reads::Parties;
use super::{Result, StoreError, Tx};
use crate::i18n::sentences;
use crate::model::*;
use crate::policy::decide::window_open;
use crate::policy::enforcement::standing;
use crate::policy::{Outgoing, PolicyConfig, Pricing, Reach, Recipient, decide};
use rusqlite::params;
use serde::{Deserialize, Serialize};

/// A message a business wants to send one user: a template with parameters, or free-form text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub business: BusinessId,
    pub user: UserId,
    pub template: Option<TemplateId>,
    #[serde(default)]
    pub params: Vec<String>,
    /// Free-form text (a service reply) when there is no template.
    pub text: Option<String>,
    pub broadcast: Option<BroadcastId>,
    pub at: Timestamp,
}

/// What a send writes for its message and its decision.
#[derive(Clone, Copy)]
struct Stored<'a> {
    body: &'a str,
    category: Category,
    decision: &'a Decision,
    charge: i64,
    /// The decision's facts as JSON, serialised once for both rows.
    facts: Option<&'a str>,
}

/// What became of an attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SendResult {
    pub decision: Decision,
    pub category: Category,
    /// The stored message, when delivered or held.
    pub message: Option<MessageId>,
    /// Credits charged (broadcasts only).
    pub charge: i64,
}

impl Tx<'_> {
    /// The parties of a send, in one read when they all exist; otherwise one by one, so that
    /// the error names what is missing.
    fn inputs(
        &self,
        business: BusinessId,
        user: UserId,
        template: Option<TemplateId>,
        reach_since: Timestamp,
    ) -> Result<Parties> {
        let db = self.db();
        if let Some(parties) = db.parties(business, user, template, reach_since)? {
            return Ok(parties);
        }
        let business = db.business(business)?;
        let template = match template {
            Some(id) => {
                let t = db.template(id)?;
                if t.business != business.id {
                    return Err(StoreError::not_found(format!(
                        "{} has no template {id}",
                        business.name
                    )));
                }
                Some(t)
            }
            None => None,
        };
        Ok(Parties {
            relation: db.relation(user, business.id)?,
            user: db.user(user)?,
            reached: db.reached(business.id, user, reach_since)?,
            business,
            template,
        })
    }

    fn decide_for(
        &self,
        inputs: &Parties,
        config: &PolicyConfig,
        now: Timestamp,
    ) -> Result<Decision> {
        let db = self.db();
        let restrictions = db.restrictions(inputs.business.id)?;
        let standing = standing(&inputs.business, &restrictions, config, now);
        let reach = self.tier_reach(inputs, standing.tier_limit, config, now)?;
        let history_days = config
            .caps
            .weekly_window_days
            .max(config.not_interested.window_days);
        let history_since =
            (now - Span::days(history_days)).min(now - Span::hours(config.caps.daily_window_hours));
        let history = db.marketing_history(inputs.user.id, history_since)?;
        let out = Outgoing {
            business: inputs.business.id,
            business_name: &inputs.business.name,
            template: inputs.template.as_ref(),
        };
        let to = Recipient {
            prefs: &inputs.user.prefs,
            relation: &inputs.relation,
            history: &history,
        };
        Ok(sentences::stamped(decide(
            &out, &standing, &to, reach, config, now,
        )))
    }

    /// What the tier's rule needs to know: whether the recipient is already reached and, when
    /// not and the tier has a limit, how many are (counted up to the limit, the most the rule
    /// compares). Its cost does not grow with the business's volume of messages.
    fn tier_reach(
        &self,
        inputs: &Parties,
        limit: Option<u32>,
        config: &PolicyConfig,
        now: Timestamp,
    ) -> Result<Reach> {
        let db = self.db();
        let since = reach_since(config, now);
        let includes_recipient = inputs.reached;
        let unique_users = match limit {
            Some(limit) if !includes_recipient => {
                db.reached_count(inputs.business.id, since, Some(limit))?
            }
            _ => 0,
        };
        Ok(Reach {
            unique_users,
            includes_recipient,
        })
    }

    /// Records that a business reached a user with a template at `at`, for the tier's check.
    pub(super) fn note_reach(
        &self,
        business: BusinessId,
        user: UserId,
        at: Timestamp,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO template_reach (business_id, user_id, at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (business_id, user_id) DO UPDATE SET at = max(at, excluded.at)",
            )?
            .execute(params![business, user, at])?;
        Ok(())
    }

    /// Decides one attempt and records it: the message (when delivered or held), the decision
    /// log, the chat list and the figures.
    pub fn send(
        &self,
        attempt: &Attempt,
        config: &PolicyConfig,
        pricing: &Pricing,
    ) -> Result<SendResult> {
        let reach_from = reach_since(config, attempt.at);
        let inputs = self.inputs(attempt.business, attempt.user, attempt.template, reach_from)?;
        if let Some(why) = inputs
            .template
            .as_ref()
            .and_then(|t| t.parameter_mismatch(&attempt.params))
        {
            return Err(StoreError::Conflict(sentences::parameter_mismatch(&why)));
        }
        let body = match (&inputs.template, &attempt.text) {
            (Some(t), _) => text::clean_body(&t.render(&clean_params(&attempt.params))),
            (None, Some(text)) if !text.trim().is_empty() => text::clean_body(text),
            _ => {
                return Err(StoreError::Invalid(
                    "a message needs a template or some text".into(),
                ));
            }
        };
        let at = attempt.at;
        let decision = self.decide_for(&inputs, config, at)?;
        let category = inputs
            .template
            .as_ref()
            .map_or(Category::Service, |t| t.category);
        let delivered = decision.outcome == Outcome::Deliver;
        let charge = match attempt.broadcast {
            Some(_) if delivered => {
                pricing.charge_for(category, window_open(&inputs.relation, config, at))
            }
            _ => 0,
        };
        let facts = decision.facts_json();
        let stored = Stored {
            body: &body,
            category,
            decision: &decision,
            charge,
            facts: facts.as_deref(),
        };
        let (message, change) = match decision.outcome {
            Outcome::Reject => (None, self.take_changes(1)?),
            _ => {
                let (message, last) = self.insert_business_message(attempt, &stored)?;
                (Some(message), last)
            }
        };
        let kept_body =
            (decision.reason != Reason::BlockedByUser && message.is_none()).then_some(&body);
        self.tx.prepare_cached(
            "INSERT INTO decisions (user_id, business_id, template_id, broadcast_id, category, at, outcome, reason, sentence, body, message_id, change, facts)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?.execute(params![
            attempt.user, attempt.business, attempt.template, attempt.broadcast, category.as_str(), at,
            decision.outcome.as_str(), decision.reason.as_str(), decision.sentence, kept_body, message,
            change, facts
        ])?;
        let key = MetricKey::new(attempt.business, attempt.template, attempt.broadcast, at);
        let decided = match decision.outcome {
            Outcome::Deliver => Counter::Delivered,
            Outcome::Hold => Counter::Held,
            Outcome::Reject => Counter::Rejected,
        };
        let moves = [(Counter::Sent, 1), (decided, 1), (Counter::Credits, charge)];
        self.bump_each(&key, &moves)?;
        if decision.outcome == Outcome::Reject {
            self.count_reject_reason(&key, decision.reason)?;
        }
        Ok(SendResult {
            decision,
            category,
            message,
            charge,
        })
    }

    /// Takes the next `n` change numbers in one statement; returns the last of them.
    fn take_changes(&self, n: i64) -> Result<i64> {
        Ok(self
            .tx
            .prepare_cached(
                "UPDATE counters SET value = value + ?1 WHERE name = 'change' RETURNING value",
            )?
            .query_row([n], |r| r.get(0))?)
    }

    /// Writes a delivered or held message into its chat, stamped with the first of the two
    /// change numbers it takes (the second is its decision's, which it returns).
    fn insert_business_message(
        &self,
        attempt: &Attempt,
        stored: &Stored,
    ) -> Result<(MessageId, i64)> {
        let chat = self.ensure_chat(attempt.user, Counterpart::Business(attempt.business))?;
        let last = self.take_changes(2)?;
        let Stored {
            body,
            category,
            decision,
            charge,
            facts,
        } = *stored;
        let delivered = decision.outcome == Outcome::Deliver;
        let at = attempt.at;
        // Stamped with its change number as it is written, so the row is written once.
        self.tx.prepare_cached(
            "INSERT INTO messages (chat_id, user_id, business_id, direction, category, template_id, broadcast_id,
                body, sent_at, shown_at, delivered_at, outcome, reason, sentence, charge, change, facts)
             VALUES (?1, ?2, ?3, 'in', ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?.execute(params![
            chat, attempt.user, attempt.business, category.as_str(), attempt.template, attempt.broadcast,
            body, at, delivered.then_some(at), decision.outcome.as_str(), decision.reason.as_str(),
            decision.sentence, charge, last - 1, facts
        ])?;
        let id = MessageId(self.tx.last_insert_rowid());
        if delivered {
            self.touch_chat(chat, at, body, true, category == Category::Marketing)?;
            if attempt.template.is_some() {
                self.note_reach(attempt.business, attempt.user, at)?;
            }
        }
        Ok((id, last))
    }

    /// Decides again a message held for quiet hours; delivers it when the rules now allow it.
    pub fn recheck_held(
        &self,
        message: MessageId,
        config: &PolicyConfig,
        now: Timestamp,
    ) -> Result<Option<Decision>> {
        let m = self.db().message(message)?;
        let Some(business) = self.db().message_business(message)? else {
            return Ok(None);
        };
        let inputs = self.inputs(business, m.user, m.template, reach_since(config, now))?;
        let decision = self.decide_for(&inputs, config, now)?;
        if decision.outcome != Outcome::Deliver {
            return Ok(None);
        }
        let decision = sentences::after_quiet_hours(decision);
        self.deliver_held(&m, business, &decision, (now, now))?;
        Ok(Some(decision))
    }

    /// Moves a held message into its chat with the given decision, placed in the chat at
    /// `shown_at`.
    pub(super) fn deliver_held(
        &self,
        m: &Message,
        business: BusinessId,
        decision: &Decision,
        (now, shown_at): (Timestamp, Timestamp),
    ) -> Result<()> {
        self.tx.prepare_cached("UPDATE messages SET outcome = 'deliver', reason = ?2, sentence = ?3, delivered_at = ?4, shown_at = ?5,
             facts = ?6 WHERE id = ?1")?.execute(params![m.id, decision.reason.as_str(), decision.sentence, now, shown_at, decision.facts_json()],
        )?;
        self.stamp(m.id)?;
        if m.template.is_some() {
            self.note_reach(business, m.user, now)?;
        }
        self.touch_chat(
            m.chat,
            now,
            &m.body,
            true,
            m.category == Some(Category::Marketing),
        )?;
        let key = MetricKey::new(business, m.template, m.broadcast, now);
        self.bump_each(&key, &[(Counter::Held, -1), (Counter::Delivered, 1)])
    }
}

/// The start of the tier's window at `now`: a user reached since then counts.
fn reach_since(config: &PolicyConfig, now: Timestamp) -> Timestamp {
    now - Span::hours(config.tiers.window_hours)
}

fn clean_params(params: &[String]) -> Vec<String> {
    params
        .iter()
        .take(limits::MAX_PARAMS)
        .map(|p| text::clean_line(p, limits::MAX_PARAM_CHARS))
        .collect()
}

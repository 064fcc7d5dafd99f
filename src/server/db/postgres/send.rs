//! A business message through the rules, on PostgreSQL: lock the business and the user (so
//! that decisions for either are taken one after the other, across every instance), load what
//! the policy needs, decide with the same functions as the SQLite store, and write the
//! message, its decision, the chat and the figures.

use super::figures::{Counter, MetricKey};
use super::rows::{self, get, wrapped};
use super::tx::PgTx;
use crate::i18n::sentences;
use crate::model::*;
use crate::policy::decide::window_open;
use crate::policy::enforcement::standing;
use crate::policy::{
    MarketingHistory, Outgoing, PolicyConfig, Pricing, Reach, Recipient, Standing, decide,
};
use crate::server::db::{Attempt, DbError, DbResult, SendResult, ServerReads};
use tokio_postgres::Row;

/// What the rules need to know about one business sending to one user.
pub(super) struct Inputs {
    pub business: Business,
    pub template: Option<Template>,
    pub user: User,
    pub relation: Relation,
}

impl PgTx<'_, '_> {
    /// Holds the business's row until the transaction ends: its decisions (tier reach, budget,
    /// caps) are taken one at a time, whichever instance takes them.
    pub fn lock_business(&self, business: BusinessId) -> DbResult<()> {
        let locked = self.execute(
            "SELECT 1 FROM businesses WHERE id = $1 FOR UPDATE",
            &[&business.0],
        )?;
        match locked {
            0 => Err(DbError::not_found(format!("no business {business}"))),
            _ => Ok(()),
        }
    }

    /// Holds the user's row until the transaction ends: the user's caps are decided, and the
    /// user's change numbers taken, one at a time.
    pub fn lock_user(&self, user: UserId) -> DbResult<()> {
        let locked = self.execute("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", &[&user.0])?;
        match locked {
            0 => Err(DbError::not_found(format!("no user {user}"))),
            _ => Ok(()),
        }
    }

    /// Takes the user's next change number, and tells every server listening that the user
    /// has changes once this transaction commits.
    pub fn next_change(&self, user: UserId) -> DbResult<i64> {
        let row = self.one(
            &format!(
                "WITH next AS (
                    UPDATE users SET last_change = last_change + 1 WHERE id = $1
                    RETURNING last_change)
                 SELECT last_change FROM next,
                    (SELECT pg_notify('{}', $1::TEXT)) AS told",
                super::listen::CHANNEL
            ),
            &[&user.0],
        )?;
        get(&row, "last_change")
    }

    /// Marks a message as changed, so its user's clients fetch it again.
    pub fn stamp(&self, message: MessageId, user: UserId) -> DbResult<()> {
        let change = self.next_change(user)?;
        self.execute(
            "UPDATE messages SET change = $2 WHERE id = $1",
            &[&message.0, &change],
        )?;
        Ok(())
    }

    /// What a user has chosen about a business (the default when nothing yet).
    pub fn relation(&self, user: UserId, business: BusinessId) -> DbResult<Relation> {
        Ok(self
            .first(
                "SELECT * FROM relations WHERE user_id = $1 AND business_id = $2",
                &[&user.0, &business.0],
                rows::relation,
            )?
            .unwrap_or_default())
    }

    /// The marketing a user was delivered since `since`, and from whom.
    fn marketing_history(&self, user: UserId, since: Timestamp) -> DbResult<MarketingHistory> {
        let rows = self.rows(MARKETING_SINCE, &[&user.0, &since.0])?;
        marketing_history_of(&rows)
    }

    /// What the tier's rule needs to know: whether `user` is already reached since `since`
    /// and, when not and the tier has a limit, how many are (counted up to the limit, the
    /// most the rule compares). Its cost does not grow with the business's volume of messages.
    fn tier_reach(
        &self,
        business: BusinessId,
        user: UserId,
        limit: Option<u32>,
        since: Timestamp,
    ) -> DbResult<Reach> {
        let row = self.one(REACHES_USER, &[&business.0, &user.0, &since.0])?;
        self.reach_given(business, get(&row, "includes")?, limit, since)
    }

    /// The tier's reach, knowing whether the recipient is already reached since `since`.
    pub(super) fn reach_given(
        &self,
        business: BusinessId,
        includes_recipient: bool,
        limit: Option<u32>,
        since: Timestamp,
    ) -> DbResult<Reach> {
        let unique_users = match limit {
            Some(limit) if !includes_recipient => {
                self.reached_since(business, since, Some(limit))?
            }
            _ => 0,
        };
        Ok(Reach {
            unique_users,
            includes_recipient,
        })
    }

    /// Records that a business reached a user with a template at `at`, for the tier's check.
    pub fn note_reach(&self, business: BusinessId, user: UserId, at: Timestamp) -> DbResult<()> {
        self.execute(
            "INSERT INTO template_reach (business_id, user_id, at) VALUES ($1, $2, $3)
             ON CONFLICT (business_id, user_id)
                DO UPDATE SET at = greatest(template_reach.at, excluded.at)",
            &[&business.0, &user.0, &at.0],
        )?;
        Ok(())
    }

    fn inputs(
        &self,
        business: BusinessId,
        user: UserId,
        template: Option<TemplateId>,
    ) -> DbResult<Inputs> {
        self.lock_business(business)?;
        self.lock_user(user)?;
        let business = self.business(business)?;
        let template = match template {
            Some(id) => {
                let t = self.template(id)?;
                if t.business != business.id {
                    return Err(DbError::not_found(format!(
                        "{} has no template {id}",
                        business.name
                    )));
                }
                Some(t)
            }
            None => None,
        };
        Ok(Inputs {
            relation: self.relation(user, business.id)?,
            user: self.user(user)?,
            business,
            template,
        })
    }

    fn decide_for(
        &self,
        inputs: &Inputs,
        config: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Decision> {
        let restrictions = self.restrictions(inputs.business.id)?;
        let standing = standing(&inputs.business, &restrictions, config, now);
        let reach = self.tier_reach(
            inputs.business.id,
            inputs.user.id,
            standing.tier_limit,
            reach_since(config, now),
        )?;
        let history = self.marketing_history(inputs.user.id, history_since(config, now))?;
        Ok(decided(inputs, &standing, reach, &history, config, now))
    }

    /// Decides again a message held for quiet hours; delivers it when the rules now allow it.
    /// Returns whether it was delivered.
    pub fn recheck_held(
        &self,
        message: MessageId,
        config: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<bool> {
        let found = self.first("SELECT * FROM messages WHERE id = $1", &[&message.0], |r| {
            Ok((
                rows::message(r)?,
                rows::opt_wrapped(r, "business_id", BusinessId)?,
            ))
        })?;
        let Some((m, Some(business))) = found else {
            return Ok(false);
        };
        let inputs = self.inputs(business, m.user, m.template)?;
        let decision = self.decide_for(&inputs, config, now)?;
        if decision.outcome != Outcome::Deliver {
            return Ok(false);
        }
        let decision = sentences::after_quiet_hours(decision);
        self.deliver_held(&m, business, &decision, (now, now))?;
        Ok(true)
    }

    /// Decides one attempt and records it: the message (when delivered or held), the decision
    /// log, the chat and the figures.
    pub fn send_one(
        &self,
        attempt: &Attempt,
        config: &PolicyConfig,
        pricing: &Pricing,
    ) -> DbResult<SendResult> {
        let inputs = self.inputs(attempt.business, attempt.user, attempt.template)?;
        let body = body_of(attempt, inputs.template.as_ref())?;
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
        let message = match decision.outcome {
            Outcome::Reject => None,
            _ => Some(self.insert_business_message(attempt, &body, category, &decision, charge)?),
        };
        self.log_decision(attempt, &body, category, &decision, message)?;
        let key = MetricKey::new(attempt.business, attempt.template, attempt.broadcast, at);
        self.bump(&key, Counter::Sent, 1)?;
        match decision.outcome {
            Outcome::Deliver => self.bump(&key, Counter::Delivered, 1)?,
            Outcome::Hold => self.bump(&key, Counter::Held, 1)?,
            Outcome::Reject => self.bump_rejected(&key, decision.reason)?,
        }
        self.bump(&key, Counter::Credits, charge)?;
        Ok(SendResult {
            decision,
            category,
            message,
            charge,
        })
    }

    /// Writes the decision log's row; the body of a rejection is kept, unless the user
    /// blocked the business.
    fn log_decision(
        &self,
        attempt: &Attempt,
        body: &str,
        category: Category,
        decision: &Decision,
        message: Option<MessageId>,
    ) -> DbResult<()> {
        let kept_body =
            (decision.reason != Reason::BlockedByUser && message.is_none()).then_some(body);
        let change = self.next_change(attempt.user)?;
        self.execute(
            "INSERT INTO decisions (user_id, business_id, template_id, broadcast_id, category, at,
                outcome, reason, sentence, body, message_id, change, facts)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            &[
                &attempt.user.0,
                &attempt.business.0,
                &attempt.template.map(|t| t.0),
                &attempt.broadcast.map(|b| b.0),
                &category.as_str(),
                &attempt.at.0,
                &decision.outcome.as_str(),
                &decision.reason.as_str(),
                &decision.sentence,
                &kept_body,
                &message.map(|m| m.0),
                &change,
                &decision.facts_json(),
            ],
        )?;
        Ok(())
    }

    fn insert_business_message(
        &self,
        attempt: &Attempt,
        body: &str,
        category: Category,
        decision: &Decision,
        charge: i64,
    ) -> DbResult<MessageId> {
        let chat = self.ensure_chat(attempt.user, attempt.business)?;
        let delivered = decision.outcome == Outcome::Deliver;
        let at = attempt.at;
        let row = self.one(
            "INSERT INTO messages (chat_id, user_id, business_id, direction, category, template_id,
                broadcast_id, body, sent_at, shown_at, delivered_at, outcome, reason, sentence, charge,
                facts)
             VALUES ($1, $2, $3, 'in', $4, $5, $6, $7, $8, $8, $9, $10, $11, $12, $13, $14)
             RETURNING id",
            &[
                &chat.0,
                &attempt.user.0,
                &attempt.business.0,
                &category.as_str(),
                &attempt.template.map(|t| t.0),
                &attempt.broadcast.map(|b| b.0),
                &body,
                &at.0,
                &delivered.then_some(at.0),
                &decision.outcome.as_str(),
                &decision.reason.as_str(),
                &decision.sentence,
                &charge,
                &decision.facts_json(),
            ],
        )?;
        let id = wrapped(&row, "id", MessageId)?;
        self.stamp(id, attempt.user)?;
        if delivered {
            self.touch_chat(chat, at, body, true, category == Category::Marketing)?;
            if attempt.template.is_some() {
                self.note_reach(attempt.business, attempt.user, at)?;
            }
        }
        Ok(id)
    }

    /// The user's chat with a business, created when missing.
    pub fn ensure_chat(&self, user: UserId, business: BusinessId) -> DbResult<ChatId> {
        if let Some(chat) = self.chat_with(user, Counterpart::Business(business))? {
            return Ok(chat.id);
        }
        let b = self.business(business)?;
        let row = self.one(
            "INSERT INTO chats (user_id, business_id, is_business, title, verified)
             VALUES ($1, $2, TRUE, $3, $4) RETURNING id",
            &[&user.0, &business.0, &b.name, &b.verified],
        )?;
        wrapped(&row, "id", ChatId)
    }

    /// Shows a new message in the chat: preview, time, unread count, offers mark.
    pub fn touch_chat(
        &self,
        chat: ChatId,
        at: Timestamp,
        preview: &str,
        inbound: bool,
        offer: bool,
    ) -> DbResult<()> {
        let preview = preview_of(preview);
        self.execute(
            "UPDATE chats SET preview = $2, last_at = greatest(coalesce(last_at, $3), $3),
                unread = unread + $4, has_offers = has_offers OR $5 WHERE id = $1",
            &[&chat.0, &preview, &at.0, &i64::from(inbound), &offer],
        )?;
        Ok(())
    }
}

/// The marketing history in the rows of [`MARKETING_SINCE`].
pub(super) fn marketing_history_of(rows: &[Row]) -> DbResult<MarketingHistory> {
    let records = rows.iter().map(|r| {
        Ok((
            wrapped(r, "delivered_at", Timestamp)?,
            wrapped(r, "business_id", BusinessId)?,
        ))
    });
    Ok(MarketingHistory::from_records(
        records.collect::<DbResult<Vec<_>>>()?,
    ))
}

/// Whether a business already reached a user with a template since `$3`.
pub(super) const REACHES_USER: &str = "SELECT EXISTS (SELECT 1 FROM template_reach
    WHERE business_id = $1 AND user_id = $2 AND at > $3) AS includes";

/// The marketing a user was delivered since `$2`, and from whom.
pub(super) const MARKETING_SINCE: &str = "SELECT delivered_at, business_id FROM messages
    WHERE user_id = $1 AND category = 'marketing' AND outcome = 'deliver' AND delivered_at > $2";

/// The start of the window the tier's reach is counted in, at `now`.
pub(super) fn reach_since(config: &PolicyConfig, now: Timestamp) -> Timestamp {
    now - Span::hours(config.tiers.window_hours)
}

/// The start of the marketing history the caps and the not-interested rule look at, at `now`.
pub(super) fn history_since(config: &PolicyConfig, now: Timestamp) -> Timestamp {
    let days = config
        .caps
        .weekly_window_days
        .max(config.not_interested.window_days);
    (now - Span::days(days)).min(now - Span::hours(config.caps.daily_window_hours))
}

/// The policy engine's decision on what was read, with its sentence.
pub(super) fn decided(
    inputs: &Inputs,
    standing: &Standing,
    reach: Reach,
    history: &MarketingHistory,
    config: &PolicyConfig,
    now: Timestamp,
) -> Decision {
    let out = Outgoing {
        business: inputs.business.id,
        business_name: &inputs.business.name,
        template: inputs.template.as_ref(),
    };
    let to = Recipient {
        prefs: &inputs.user.prefs,
        relation: &inputs.relation,
        history,
    };
    sentences::stamped(decide(&out, standing, &to, reach, config, now))
}

/// A message as its chat's preview shows it: one line, at most 120 characters.
pub(super) fn preview_of(body: &str) -> String {
    let line = body.split_whitespace().collect::<Vec<_>>().join(" ");
    line.chars().take(120).collect()
}

/// The body an attempt sends: its template filled in, or its text; an error when the
/// parameters do not fit the template or there is neither.
pub(super) fn body_of(attempt: &Attempt, template: Option<&Template>) -> DbResult<String> {
    if let Some(why) = template.and_then(|t| t.parameter_mismatch(&attempt.params)) {
        return Err(DbError::Conflict(sentences::parameter_mismatch(&why)));
    }
    match (template, &attempt.text) {
        (Some(t), _) => Ok(text::clean_body(&t.render(&clean_params(&attempt.params)))),
        (None, Some(text)) if !text.trim().is_empty() => Ok(text::clean_body(text)),
        _ => Err(DbError::Invalid(
            "a message needs a template or some text".into(),
        )),
    }
}

fn clean_params(params: &[String]) -> Vec<String> {
    params
        .iter()
        .take(limits::MAX_PARAMS)
        .map(|p| text::clean_line(p, limits::MAX_PARAM_CHARS))
        .collect()
}

//! A business's single send on PostgreSQL in a few round trips instead of thirty: everything
//! the rules read, the business's and then the user's row lock first, goes in one batch of
//! statements sent together; the policy engine decides as for any send; everything the
//! decision writes is one call of `parley_record_send` (schema 5). The answers, the decisions
//! and the rows written are those of [`ServerWrites::send_named`]'s steps one by one.

use super::rows::{self, get};
use super::send::{
    Inputs, body_of, decided, history_since, marketing_history_of, preview_of, reach_since,
};
use super::tx::PgTx;
use crate::model::*;
use crate::policy::enforcement::standing;
use crate::policy::{PolicyConfig, Pricing, Reach};
use crate::server::db::{
    Attempt, DbError, DbResult, NamedSend, NamedSent, SendResult, ServerWrites,
};
use tokio_postgres::Row;
use tokio_postgres::types::ToSql;

/// The business's row, locked until the transaction ends.
const BUSINESS_LOCKED: &str = "SELECT * FROM businesses WHERE id = $1 FOR UPDATE";
/// The user with a name, locked until the transaction ends.
const USER_LOCKED: &str = "SELECT * FROM users WHERE name = $1 ORDER BY id LIMIT 1 FOR UPDATE";
/// A business's restrictions, oldest first.
const RESTRICTIONS: &str = "SELECT * FROM restrictions WHERE business_id = $1 ORDER BY start, id";
/// What the user with a name has chosen about a business.
const RELATION: &str = "SELECT * FROM relations
    WHERE user_id = (SELECT id FROM users WHERE name = $1) AND business_id = $2";
/// Whether a business already reached the user with a name with a template since `$3` and,
/// when not, how many users it reached since then, counted up to `$4`.
const REACHES_USER: &str = "SELECT reach.includes,
        CASE WHEN reach.includes THEN 0 ELSE (SELECT count(*) FROM (SELECT 1 FROM template_reach
            WHERE business_id = $1 AND at > $3 LIMIT $4) AS reached) END AS counted
    FROM (SELECT EXISTS (SELECT 1 FROM template_reach
        WHERE business_id = $1 AND user_id = (SELECT id FROM users WHERE name = $2)
            AND at > $3) AS includes) AS reach";
/// The marketing delivered to the user with a name since `$2`, and from whom.
const MARKETING: &str = "SELECT delivered_at, business_id FROM messages
    WHERE user_id = (SELECT id FROM users WHERE name = $1) AND category = 'marketing'
        AND outcome = 'deliver' AND delivered_at > $2";
/// A business's template with a name.
const TEMPLATE: &str = "SELECT * FROM templates WHERE business_id = $1 AND name = $2";
/// The answer kept for a business's key.
const KEPT_ANSWER: &str = "SELECT result FROM applied_sends WHERE business_id = $1 AND key = $2";
/// Everything a decided send writes (schema 5).
const RECORD: &str = "SELECT parley_record_send($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
    $12, $13, $14, $15, $16, $17) AS message";

/// One parameter of a statement.
type Param<'p> = &'p (dyn ToSql + Sync);

/// What the batch of reads found for a send.
enum Found {
    /// The send needs no decision: its key's answer, or a name that is nobody's.
    Answered(NamedSent),
    /// What the rules read, the rows locked.
    Ready(Box<Read>),
}

/// What the rules read for one send.
struct Read {
    inputs: Inputs,
    restrictions: Vec<Restriction>,
    reaches_user: bool,
    /// When the recipient is new: the users reached, counted up to [`counting_cap`].
    counted: u32,
    history: crate::policy::MarketingHistory,
}

impl PgTx<'_, '_> {
    /// [`ServerWrites::send_named`] in one batch of reads, one call that writes, and (with a
    /// key) its answer; one more read when the batch's count of the business's reach does not
    /// settle the tier's check.
    pub fn send_named_at_once(
        &self,
        send: &NamedSend,
        (config, _pricing): (&PolicyConfig, &Pricing),
        answer: &dyn Fn(&SendResult) -> DbResult<String>,
    ) -> DbResult<NamedSent> {
        let read = match self.read_for(send, config)? {
            Found::Answered(sent) => return Ok(sent),
            Found::Ready(read) => read,
        };
        let user = read.inputs.user.id;
        let attempt = Attempt {
            business: send.business,
            user,
            template: read.inputs.template.as_ref().map(|t| t.id),
            params: send.params.to_vec(),
            text: send.text.map(str::to_string),
            broadcast: None,
            at: send.at,
        };
        let body = body_of(&attempt, read.inputs.template.as_ref())?;
        let decision = self.decide_read(&read, config, send.at)?;
        let category = read.inputs.template.as_ref();
        let category = category.map_or(Category::Service, |t| t.category);
        let message = self.record(&attempt, &read.inputs.business, &body, category, &decision)?;
        let sent = SendResult {
            decision,
            category,
            message,
            charge: 0,
        };
        if let Some(key) = send.key {
            self.record_send(send.business, key, &answer(&sent)?, send.at)?;
        }
        Ok(NamedSent::Decided(user, sent))
    }

    /// The policy engine's decision on what the batch read (counting the business's reach
    /// further when the batch's count does not settle it).
    fn decide_read(&self, read: &Read, config: &PolicyConfig, at: Timestamp) -> DbResult<Decision> {
        let business = &read.inputs.business;
        let standing = standing(business, &read.restrictions, config, at);
        let counted = (read.reaches_user, read.counted);
        let reach = match known_reach(counted, standing.tier_limit, counting_cap(config)) {
            Some(reach) => reach,
            None => {
                let since = reach_since(config, at);
                self.reach_given(business.id, false, standing.tier_limit, since)?
            }
        };
        let history = &read.history;
        Ok(decided(&read.inputs, &standing, reach, history, config, at))
    }

    /// Everything the rules read for a send, in one round trip, the business's row and then
    /// the user's locked first (the order of every decision, so no two wait on each other).
    fn read_for(&self, send: &NamedSend, config: &PolicyConfig) -> DbResult<Found> {
        let business = send.business.0;
        let (template, key) = (send.template.unwrap_or(""), send.key.unwrap_or(""));
        let reach_from = reach_since(config, send.at).0;
        let history_from = history_since(config, send.at).0;
        let by_business: [Param; 1] = [&business];
        let by_name: [Param; 1] = [&send.to];
        let relation: [Param; 2] = [&send.to, &business];
        let cap = i64::from(counting_cap(config));
        let reach: [Param; 4] = [&business, &send.to, &reach_from, &cap];
        let marketing: [Param; 2] = [&send.to, &history_from];
        let named_template: [Param; 2] = [&business, &template];
        let kept: [Param; 2] = [&business, &key];
        let mut statements = vec![
            (BUSINESS_LOCKED, &by_business[..]),
            (USER_LOCKED, &by_name[..]),
            (RESTRICTIONS, &by_business[..]),
            (RELATION, &relation[..]),
            (REACHES_USER, &reach[..]),
            (MARKETING, &marketing[..]),
        ];
        if send.template.is_some() {
            statements.push((TEMPLATE, &named_template[..]));
        }
        if send.key.is_some() {
            statements.push((KEPT_ANSWER, &kept[..]));
        }
        found_in(send, self.rows_together(&statements)?)
    }

    /// Writes a decided send: the message (unless rejected), the chat, the reach, the decision
    /// and the figures, in one call. Returns the message's id.
    fn record(
        &self,
        attempt: &Attempt,
        business: &Business,
        body: &str,
        category: Category,
        decision: &Decision,
    ) -> DbResult<Option<MessageId>> {
        let kept_body = (decision.outcome == Outcome::Reject
            && decision.reason != Reason::BlockedByUser)
            .then_some(body);
        let row = self.one(
            RECORD,
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
                &decision.facts_json(),
                &body,
                &kept_body,
                &0_i64,
                &business.name,
                &business.verified,
                &preview_of(body),
                &attempt.at.day_number(),
            ],
        )?;
        rows::opt_wrapped(&row, "message", MessageId)
    }
}

/// What the batch of [`PgTx::read_for`] found, its answers in the order of its statements.
fn found_in(send: &NamedSend, mut found: Vec<Vec<Row>>) -> DbResult<Found> {
    if send.key.is_some()
        && let Some(row) = found.pop().and_then(|rows| rows.into_iter().next())
    {
        return Ok(Found::Answered(NamedSent::Kept(get(&row, "result")?)));
    }
    let template = match send.template {
        Some(_) => match found.pop().and_then(|rows| rows.into_iter().next()) {
            Some(row) => Some(rows::template(&row)?),
            None => None,
        },
        None => None,
    };
    let [business_row, user, restrictions, relation, reach, marketing] =
        <[Vec<Row>; 6]>::try_from(found)
            .map_err(|_| DbError::Failed("PostgreSQL: a batch of reads fell short".into()))?;
    let Some(user) = user.first() else {
        return Ok(Found::Answered(NamedSent::NoUser));
    };
    if send.template.is_some() && template.is_none() {
        return Ok(Found::Answered(NamedSent::NoTemplate));
    }
    let Some(business_row) = business_row.first() else {
        return Err(DbError::not_found(format!("no business {}", send.business)));
    };
    let relation = match relation.first() {
        Some(row) => rows::relation(row)?,
        None => Relation::default(),
    };
    let (reaches_user, counted) = match reach.first() {
        Some(row) => (get(row, "includes")?, rows::small(row, "counted")?),
        None => (false, 0),
    };
    Ok(Found::Ready(Box::new(Read {
        inputs: Inputs {
            business: rows::business(business_row)?,
            template,
            user: rows::user(user)?,
            relation,
        },
        restrictions: restrictions
            .iter()
            .map(rows::restriction)
            .collect::<DbResult<_>>()?,
        reaches_user,
        counted,
        history: marketing_history_of(&marketing)?,
    })))
}

/// How far the batch of reads counts the users a business reached: the lowest tier's limit,
/// which settles every tier's check while the business has reached fewer.
fn counting_cap(config: &PolicyConfig) -> u32 {
    config.tiers.limits.first().copied().unwrap_or(0)
}

/// The tier's reach as the rule reads it (the users reached counted up to `limit`), when what
/// the batch found (whether the recipient is reached and, if not, the users reached counted up
/// to `cap`) settles it; `None` when the count must go further.
fn known_reach(
    (reaches_user, counted): (bool, u32),
    limit: Option<u32>,
    cap: u32,
) -> Option<Reach> {
    let unique_users = match limit {
        _ if reaches_user => 0,
        None => 0,
        Some(limit) if counted < cap => counted.min(limit),
        Some(limit) if limit <= cap => limit,
        Some(_) => return None,
    };
    Some(Reach {
        unique_users,
        includes_recipient: reaches_user,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The users reached counted up to `limit`, as the exact count gives it.
    fn exact(reached: u32, limit: u32) -> u32 {
        reached.min(limit)
    }

    #[test]
    fn the_batchs_count_settles_the_tier_or_asks_for_more() {
        let cap = 250;
        for reached in [0, 1, 249, 250, 251, 5_000] {
            let counted = reached.min(cap);
            for limit in [1, 100, 250, 2_000] {
                let known = known_reach((false, counted), Some(limit), cap);
                match known {
                    Some(reach) => assert_eq!(reach.unique_users, exact(reached, limit)),
                    None => assert!(reached >= cap && limit > cap, "{reached} {limit}"),
                }
            }
        }
        let reached = known_reach((true, 0), Some(1), cap).unwrap();
        assert_eq!(
            (reached.unique_users, reached.includes_recipient),
            (0, true)
        );
        let unlimited = known_reach((false, 250), None, cap).unwrap();
        assert_eq!(unlimited.unique_users, 0);
    }
}

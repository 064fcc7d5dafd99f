//! Broadcasts on PostgreSQL: reserve the price of the eligible audience, send to each person
//! through the rules (at once, or in parts), charge only what was delivered and return the
//! rest. The business's row is locked first, so its budget is read and spent by one
//! transaction at a time.

use super::rows::{get, wrapped};
use super::tx::PgTx;
use crate::model::*;
use crate::policy::broadcast::{InsufficientBudget, Quote, known_excluded, quote, settle};
use crate::policy::{PolicyConfig, Pricing};
use crate::server::db::{
    Attempt, BroadcastOutcome, BroadcastPart, BroadcastRequest, DbError, DbResult, OpenedBroadcast,
    ServerReads,
};
use std::collections::BTreeMap;

impl PgTx<'_, '_> {
    /// The users subscribed to a business's offers (and not blocking it), by id.
    fn subscribers(&self, business: BusinessId) -> DbResult<Vec<UserId>> {
        self.list(
            "SELECT user_id FROM relations
             WHERE business_id = $1 AND subscribed AND blocked IS NULL ORDER BY user_id",
            &[&business.0],
            |r| wrapped(r, "user_id", UserId),
        )
    }

    /// The eligible audience (by id) and price of a broadcast, or the refusal when the
    /// budget is short.
    fn quote_broadcast(
        &self,
        req: &BroadcastRequest,
        pricing: &Pricing,
        now: Timestamp,
    ) -> DbResult<(Vec<UserId>, Quote)> {
        self.lock_business(req.business)?;
        let business = self.business(req.business)?;
        let template = self.template(req.template)?;
        if template.business != business.id {
            return Err(DbError::not_found(format!(
                "{} has no template {}",
                business.name, req.template
            )));
        }
        let status = template.status_at(now);
        if status != TemplateStatus::Approved {
            return Err(DbError::Conflict(format!(
                "template '{}' is {status}; only approved templates can be broadcast",
                template.name
            )));
        }
        if let Some(why) = template.parameter_mismatch(&req.params) {
            let sentence = crate::i18n::sentences::parameter_mismatch(&why);
            return Err(DbError::Conflict(sentence));
        }
        let mut audience = match &req.audience {
            Some(list) => list.clone(),
            None => self.subscribers(business.id)?,
        };
        audience.sort_unstable();
        audience.dedup();
        let mut eligible = 0;
        for user in &audience {
            let relation = self.relation(*user, business.id)?;
            let prefs = self.user(*user)?.prefs;
            if !known_excluded(template.category, &relation, &prefs) {
                eligible += 1;
            }
        }
        let q = quote(
            template.category,
            audience.len() as u32,
            eligible,
            business.budget,
            pricing,
        )
        .map_err(DbError::Budget)?;
        Ok((audience, q))
    }

    /// Writes a broadcast down as running, its price reserved from the budget.
    fn insert_running(
        &self,
        req: &BroadcastRequest,
        q: &Quote,
        params: &str,
        now: Timestamp,
    ) -> DbResult<BroadcastId> {
        let row = self.one(
            "INSERT INTO broadcasts (business_id, template_id, category, created_at, audience,
                unit_price, reserved, status, params, touched_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'running', $8, $4) RETURNING id",
            &[
                &req.business.0,
                &req.template.0,
                &q.category.as_str(),
                &now.0,
                &i64::from(q.audience),
                &q.unit_price,
                &q.reserved,
                &params,
            ],
        )?;
        let id = wrapped(&row, "id", BroadcastId)?;
        self.adjust_budget(req.business, -q.reserved)?;
        Ok(id)
    }

    /// Runs a whole broadcast inside this transaction.
    pub fn broadcast_at_once(
        &self,
        req: &BroadcastRequest,
        config: &PolicyConfig,
        pricing: &Pricing,
        now: Timestamp,
    ) -> DbResult<BroadcastOutcome> {
        let (audience, q) = self.quote_broadcast(req, pricing, now)?;
        let id = self.insert_running(req, &q, "[]", now)?;
        let mut outcome = BroadcastOutcome {
            id,
            quote: q,
            settlement: settle(&q, 0),
            delivered: 0,
            held: BTreeMap::new(),
            rejected: BTreeMap::new(),
            results: Vec::with_capacity(audience.len()),
        };
        let mut charged = 0;
        for user in audience {
            let attempt = Attempt {
                business: req.business,
                user,
                template: Some(req.template),
                params: req.params.clone(),
                text: None,
                broadcast: Some(id),
                at: now,
            };
            let result = self.send_one(&attempt, config, pricing)?;
            charged += result.charge;
            let reason = result.decision.reason;
            match result.decision.outcome {
                Outcome::Deliver => outcome.delivered += 1,
                Outcome::Hold => *outcome.held.entry(reason).or_default() += 1,
                Outcome::Reject => *outcome.rejected.entry(reason).or_default() += 1,
            }
            outcome.results.push((user, result));
        }
        outcome.settlement = settle(&q, charged);
        self.adjust_budget(req.business, outcome.settlement.refunded)?;
        self.execute(
            "UPDATE broadcasts SET charged = $2, refunded = $3, status = 'done' WHERE id = $1",
            &[
                &id.0,
                &outcome.settlement.charged,
                &outcome.settlement.refunded,
            ],
        )?;
        Ok(outcome)
    }

    /// Keeps a broadcast the budget could not cover, with what it needed and what there was.
    pub fn keep_refused(
        &self,
        req: &BroadcastRequest,
        refusal: &InsufficientBudget,
        pricing: &Pricing,
        now: Timestamp,
    ) -> DbResult<BroadcastId> {
        let category = self.template(req.template)?.category;
        let row = self.one(
            "INSERT INTO broadcasts (business_id, template_id, category, created_at, audience,
                unit_price, reserved, status, needed, available)
             VALUES ($1, $2, $3, $4, $5, $6, 0, 'refused', $7, $8) RETURNING id",
            &[
                &req.business.0,
                &req.template.0,
                &category.as_str(),
                &now.0,
                &i64::from(refusal.eligible),
                &pricing.price(category),
                &refusal.needed,
                &refusal.available,
            ],
        )?;
        wrapped(&row, "id", BroadcastId)
    }

    /// Prices a broadcast for its whole eligible audience, reserves that amount and writes
    /// the audience down, to send in parts.
    pub fn open_in_parts(
        &self,
        req: &BroadcastRequest,
        pricing: &Pricing,
        now: Timestamp,
    ) -> DbResult<OpenedBroadcast> {
        let (audience, quote) = self.quote_broadcast(req, pricing, now)?;
        let params = serde_json::to_string(&req.params)
            .map_err(|e| DbError::Invalid(format!("the parameters cannot be kept: {e}")))?;
        let id = self.insert_running(req, &quote, &params, now)?;
        let users: Vec<i64> = audience.iter().map(|u| u.0).collect();
        self.execute(
            "INSERT INTO broadcast_pending (broadcast_id, user_id) SELECT $1, unnest($2::BIGINT[])",
            &[&id.0, &users],
        )?;
        Ok(OpenedBroadcast {
            id,
            quote,
            audience: quote.audience,
        })
    }

    /// Sends a running broadcast of `business` to at most `at_most` more of its audience.
    pub fn send_part(
        &self,
        id: BroadcastId,
        business: BusinessId,
        at_most: usize,
        (config, pricing): (&PolicyConfig, &Pricing),
        now: Timestamp,
    ) -> DbResult<BroadcastPart> {
        self.lock_business(business)?;
        let (template, params) = self.running(id, business)?;
        let users = self.take_pending(id, at_most)?;
        let mut part = BroadcastPart {
            results: Vec::with_capacity(users.len()),
            tally: BroadcastTally::default(),
            remaining: 0,
        };
        for user in users {
            let attempt = Attempt {
                business,
                user,
                template: Some(template),
                params: params.clone(),
                text: None,
                broadcast: Some(id),
                at: now,
            };
            let result = self.send_one(&attempt, config, pricing)?;
            part.tally.add(&result.decision, result.charge);
            part.results.push((user, result));
        }
        self.execute(
            "UPDATE broadcasts SET charged = charged + $2, touched_at = $3 WHERE id = $1",
            &[&id.0, &part.tally.charged, &now.0],
        )?;
        part.remaining = self.broadcast_state(id)?.map_or(0, |s| s.remaining);
        Ok(part)
    }

    /// The template and parameters of a running broadcast of `business`.
    fn running(
        &self,
        id: BroadcastId,
        business: BusinessId,
    ) -> DbResult<(TemplateId, Vec<String>)> {
        let state = self
            .broadcast_state(id)?
            .filter(|s| s.business == business)
            .ok_or_else(|| DbError::not_found(format!("you have no broadcast {id}")))?;
        if !state.running {
            return Err(DbError::Conflict(format!(
                "broadcast {id} is finished and settled; start a new one"
            )));
        }
        let row = self.one(
            "SELECT template_id, params FROM broadcasts WHERE id = $1",
            &[&id.0],
        )?;
        let params: String = get(&row, "params")?;
        let params = serde_json::from_str(&params).map_err(|e| {
            DbError::Invalid(format!("broadcast {id} has unreadable parameters: {e}"))
        })?;
        Ok((wrapped(&row, "template_id", TemplateId)?, params))
    }

    /// The next `at_most` people a broadcast has not sent to, no longer pending.
    fn take_pending(&self, id: BroadcastId, at_most: usize) -> DbResult<Vec<UserId>> {
        let mut users = self.list(
            "DELETE FROM broadcast_pending WHERE (broadcast_id, user_id) IN (
                SELECT broadcast_id, user_id FROM broadcast_pending WHERE broadcast_id = $1
                ORDER BY user_id LIMIT $2
             ) RETURNING user_id",
            &[&id.0, &(at_most as i64)],
            |r| wrapped(r, "user_id", UserId),
        )?;
        users.sort_unstable();
        Ok(users)
    }
}

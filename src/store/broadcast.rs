//! Broadcasts: reserve the price of the eligible audience, send to each person through
//! the rules, charge only what was delivered and return the rest.

use super::{Attempt, Result, SendResult, StoreError, Tx};
use crate::model::*;
use crate::policy::broadcast::{
    InsufficientBudget, Quote, Settlement, known_excluded, quote, settle,
};
use crate::policy::{PolicyConfig, Pricing};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A broadcast request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BroadcastRequest {
    pub business: BusinessId,
    pub template: TemplateId,
    #[serde(default)]
    pub params: Vec<String>,
    /// The people to reach; `None` means every subscriber of the business.
    pub audience: Option<Vec<UserId>>,
}

/// What a broadcast did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BroadcastOutcome {
    pub id: BroadcastId,
    pub quote: Quote,
    pub settlement: Settlement,
    pub delivered: u32,
    pub held: BTreeMap<Reason, u32>,
    pub rejected: BTreeMap<Reason, u32>,
    /// Each recipient and what became of their message.
    pub results: Vec<(UserId, SendResult)>,
}

impl Tx<'_> {
    /// The eligible audience and price of a broadcast, or the refusal when the budget is short.
    pub fn quote_broadcast(
        &self,
        req: &BroadcastRequest,
        pricing: &Pricing,
        now: Timestamp,
    ) -> Result<(Vec<UserId>, Quote)> {
        let db = self.db();
        let business = db.business(req.business)?;
        let template = db.template(req.template)?;
        if template.business != business.id {
            return Err(StoreError::not_found(format!(
                "{} has no template {}",
                business.name, req.template
            )));
        }
        let status = template.status_at(now);
        if status != TemplateStatus::Approved {
            return Err(StoreError::Conflict(format!(
                "template '{}' is {status}; only approved templates can be broadcast",
                template.name
            )));
        }
        if let Some(why) = template.parameter_mismatch(&req.params) {
            let sentence = crate::i18n::sentences::parameter_mismatch(&why);
            return Err(StoreError::Conflict(sentence));
        }
        let mut audience = match &req.audience {
            Some(list) => list.clone(),
            None => db.subscribers(business.id)?,
        };
        audience.sort_unstable();
        audience.dedup();
        let mut eligible = 0;
        for user in &audience {
            let relation = db.relation(*user, business.id)?;
            let prefs = db.user(*user)?.prefs;
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
        .map_err(StoreError::Budget)?;
        Ok((audience, q))
    }

    /// Runs a broadcast inside this transaction.
    pub fn broadcast(
        &self,
        req: &BroadcastRequest,
        config: &PolicyConfig,
        pricing: &Pricing,
        now: Timestamp,
    ) -> Result<BroadcastOutcome> {
        let (audience, q) = self.quote_broadcast(req, pricing, now)?;
        self.tx.prepare_cached("INSERT INTO broadcasts (business_id, template_id, category, created_at, audience, unit_price, reserved, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'running')")?.execute(params![req.business, req.template, q.category.as_str(), now, q.audience, q.unit_price, q.reserved],
        )?;
        let id = BroadcastId(self.tx.last_insert_rowid());
        self.adjust_budget(req.business, -q.reserved)?;
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
            let result = self.send(&attempt, config, pricing)?;
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
        self.tx
            .prepare_cached(
                "UPDATE broadcasts SET charged = ?2, refunded = ?3, status = 'done' WHERE id = ?1",
            )?
            .execute(params![
                id,
                outcome.settlement.charged,
                outcome.settlement.refunded
            ])?;
        Ok(outcome)
    }
}

impl Tx<'_> {
    /// Keeps a broadcast the budget could not cover, with what it needed and what there was.
    pub fn record_refused_broadcast(
        &self,
        req: &BroadcastRequest,
        refusal: &InsufficientBudget,
        pricing: &Pricing,
        now: Timestamp,
    ) -> Result<BroadcastId> {
        let category = self.db().template(req.template)?.category;
        self.tx.prepare_cached("INSERT INTO broadcasts (business_id, template_id, category, created_at, audience, unit_price, reserved, status, needed, available)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, 'refused', ?7, ?8)")?.execute(params![
                req.business, req.template, category.as_str(), now, refusal.eligible,
                pricing.price(category), refusal.needed, refusal.available
            ],
        )?;
        Ok(BroadcastId(self.tx.last_insert_rowid()))
    }
}

impl super::Db<'_> {
    /// A business's broadcasts, newest first.
    pub fn broadcasts(&self, business: BusinessId) -> Result<Vec<BroadcastRecord>> {
        self.list(
            "SELECT * FROM broadcasts WHERE business_id = ?1 ORDER BY created_at DESC, id DESC",
            [business],
            |r| {
                Ok(BroadcastRecord {
                    id: r.get("id")?,
                    template: r.get("template_id")?,
                    category: super::rows::code(r, "category", Category::parse)?,
                    created_at: r.get("created_at")?,
                    audience: r.get("audience")?,
                    unit_price: r.get("unit_price")?,
                    reserved: r.get("reserved")?,
                    charged: r.get("charged")?,
                    refunded: r.get("refunded")?,
                    refused: match r.get::<_, String>("status")?.as_str() {
                        "refused" => Some(BudgetShortfall {
                            needed: r.get("needed")?,
                            available: r.get("available")?,
                        }),
                        _ => None,
                    },
                })
            },
        )
    }
}

//! A broadcast in parts, for the business console (offline, or through a server): the price
//! of the whole eligible audience is reserved and the audience written down first; then it is
//! sent to a part at a time (one transaction each, so a progress bar follows real work); last,
//! only what was delivered is charged and the rest returned. A broadcast left unfinished is
//! settled the same way. The figures are the same as those of one `Tx::broadcast`.

use super::{BroadcastRequest, Result, SendResult, StoreError, Tx};
use crate::model::*;
use crate::policy::broadcast::{Quote, Settlement};
use crate::policy::{PolicyConfig, Pricing};
use rusqlite::{OptionalExtension, params};

/// A broadcast that is priced and reserved, and has not sent anything yet.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedBroadcast {
    pub id: BroadcastId,
    pub quote: Quote,
    /// People it will be sent to.
    pub audience: u32,
}

/// What one part of a broadcast did.
#[derive(Debug, Clone, PartialEq)]
pub struct BroadcastPart {
    /// Each recipient of the part and what became of their message.
    pub results: Vec<(UserId, SendResult)>,
    pub tally: BroadcastTally,
    /// People not sent to yet.
    pub remaining: u32,
}

/// Where a broadcast stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BroadcastState {
    pub business: BusinessId,
    pub running: bool,
    /// Credits charged so far (all of them once it is settled).
    pub charged: i64,
    pub refunded: i64,
    /// People not sent to yet.
    pub remaining: u32,
}

impl Tx<'_> {
    /// Prices a broadcast for its whole eligible audience, reserves that amount and writes the
    /// audience down; refused (`StoreError::Budget`) before anything is written when the budget
    /// cannot cover it.
    pub fn open_broadcast(
        &self,
        req: &BroadcastRequest,
        pricing: &Pricing,
        now: Timestamp,
    ) -> Result<OpenedBroadcast> {
        let (audience, quote) = self.quote_broadcast(req, pricing, now)?;
        let params = serde_json::to_string(&req.params)
            .map_err(|e| StoreError::Invalid(format!("the parameters cannot be kept: {e}")))?;
        self.tx.prepare_cached("INSERT INTO broadcasts (business_id, template_id, category, created_at, audience, unit_price, reserved, status, params, touched_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'running', ?8, ?4)")?.execute(params![req.business, req.template, quote.category.as_str(), now, quote.audience, quote.unit_price, quote.reserved, params],
        )?;
        let id = BroadcastId(self.tx.last_insert_rowid());
        let mut pending = self.tx.prepare_cached(
            "INSERT INTO broadcast_pending (broadcast_id, user_id) VALUES (?1, ?2)",
        )?;
        for user in &audience {
            pending.execute(params![id, user])?;
        }
        self.adjust_budget(req.business, -quote.reserved)?;
        Ok(OpenedBroadcast {
            id,
            quote,
            audience: quote.audience,
        })
    }

    /// Sends a running broadcast of `business` to at most `at_most` more of its audience, each
    /// through the rules at `now`.
    pub fn send_broadcast_part(
        &self,
        id: BroadcastId,
        business: BusinessId,
        at_most: usize,
        (config, pricing): (&PolicyConfig, &Pricing),
        now: Timestamp,
    ) -> Result<BroadcastPart> {
        let (template, params) = self.running(id, business)?;
        let users = self.take_pending(id, at_most)?;
        let mut part = BroadcastPart {
            results: Vec::with_capacity(users.len()),
            tally: BroadcastTally::default(),
            remaining: 0,
        };
        for user in users {
            let attempt = super::Attempt {
                business,
                user,
                template: Some(template),
                params: params.clone(),
                text: None,
                broadcast: Some(id),
                at: now,
            };
            let result = self.send(&attempt, config, pricing)?;
            part.tally.add(&result.decision, result.charge);
            part.results.push((user, result));
        }
        self.tx
            .prepare_cached(
                "UPDATE broadcasts SET charged = charged + ?2, touched_at = ?3 WHERE id = ?1",
            )?
            .execute(params![id, part.tally.charged, now])?;
        part.remaining = self.db().broadcast_state(id)?.map_or(0, |s| s.remaining);
        Ok(part)
    }

    /// Settles a broadcast of `business`: what its deliveries were charged is kept, the rest of
    /// the reservation goes back to the budget, and anyone not sent to yet is dropped. A
    /// broadcast already settled is left as it is.
    pub fn close_broadcast(&self, id: BroadcastId, business: BusinessId) -> Result<Settlement> {
        let state = self.own_state(id, business)?;
        if state.running {
            let reserved: i64 = self
                .tx
                .prepare_cached("SELECT reserved FROM broadcasts WHERE id = ?1")?
                .query_row([id], |r| r.get(0))?;
            let charged = state.charged.clamp(0, reserved);
            self.adjust_budget(business, reserved - charged)?;
            self.tx
                .prepare_cached("DELETE FROM broadcast_pending WHERE broadcast_id = ?1")?
                .execute([id])?;
            self.tx.prepare_cached("UPDATE broadcasts SET charged = ?2, refunded = ?3, status = 'done' WHERE id = ?1")?.execute(params![id, charged, reserved - charged],
            )?;
        }
        let settled = self.own_state(id, business)?;
        Ok(Settlement {
            charged: settled.charged,
            refunded: settled.refunded,
            budget_after: self.db().business(business)?.budget,
        })
    }

    /// Settles every running broadcast (of `business`, or of anyone) last touched at or before
    /// `idle_since`: a broadcast nobody finishes does not keep its reservation.
    pub fn settle_unfinished(
        &self,
        business: Option<BusinessId>,
        idle_since: Timestamp,
    ) -> Result<Vec<(BroadcastId, Settlement)>> {
        let stale: Vec<(BroadcastId, BusinessId)> = self
            .tx
            .prepare_cached(
                "SELECT id, business_id FROM broadcasts
                 WHERE status = 'running' AND touched_at <= ?2 AND (?1 IS NULL OR business_id = ?1)
                 ORDER BY id",
            )?
            .query_map(params![business, idle_since], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        stale
            .into_iter()
            .map(|(id, owner)| Ok((id, self.close_broadcast(id, owner)?)))
            .collect()
    }

    fn own_state(&self, id: BroadcastId, business: BusinessId) -> Result<BroadcastState> {
        self.db()
            .broadcast_state(id)?
            .filter(|s| s.business == business)
            .ok_or_else(|| StoreError::not_found(format!("you have no broadcast {id}")))
    }

    /// The template and parameters of a running broadcast of `business`.
    fn running(&self, id: BroadcastId, business: BusinessId) -> Result<(TemplateId, Vec<String>)> {
        if !self.own_state(id, business)?.running {
            return Err(StoreError::Conflict(format!(
                "broadcast {id} is finished and settled; start a new one"
            )));
        }
        let (template, params): (TemplateId, String) = self
            .tx
            .prepare_cached("SELECT template_id, params FROM broadcasts WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let params = serde_json::from_str(&params).map_err(|e| {
            StoreError::Invalid(format!("broadcast {id} has unreadable parameters: {e}"))
        })?;
        Ok((template, params))
    }

    /// The next `at_most` people a broadcast has not sent to, no longer pending.
    fn take_pending(&self, id: BroadcastId, at_most: usize) -> Result<Vec<UserId>> {
        let users: Vec<UserId> = self
            .tx
            .prepare_cached(
                "SELECT user_id FROM broadcast_pending WHERE broadcast_id = ?1 ORDER BY user_id LIMIT ?2",
            )?
            .query_map(params![id, at_most as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut done = self.tx.prepare_cached(
            "DELETE FROM broadcast_pending WHERE broadcast_id = ?1 AND user_id = ?2",
        )?;
        for user in &users {
            done.execute(params![id, user])?;
        }
        Ok(users)
    }
}

impl super::Db<'_> {
    /// Where a broadcast stands, if it exists.
    pub fn broadcast_state(&self, id: BroadcastId) -> Result<Option<BroadcastState>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT business_id, status = 'running', charged, refunded,
                    (SELECT count(*) FROM broadcast_pending WHERE broadcast_id = b.id)
                 FROM broadcasts b WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok(BroadcastState {
                    business: r.get(0)?,
                    running: r.get(1)?,
                    charged: r.get(2)?,
                    refunded: r.get(3)?,
                    remaining: r.get(4)?,
                })
            })
            .optional()?)
    }
}

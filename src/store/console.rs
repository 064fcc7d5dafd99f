//! A broadcast in parts, for the business console: the price of the whole eligible audience is
//! reserved first, then the audience is sent to a part at a time (one transaction each, so a
//! progress bar follows real work), and last only what was delivered is charged and the rest
//! returned. The figures are the same as those of one `Tx::broadcast`.

use super::{BroadcastRequest, Result, SendResult, Tx};
use crate::model::*;
use crate::policy::broadcast::{Quote, Settlement, settle};
use crate::policy::{PolicyConfig, Pricing};
use rusqlite::params;

/// A broadcast that is priced and reserved, and has not sent anything yet.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedBroadcast {
    pub id: BroadcastId,
    pub quote: Quote,
    /// The eligible audience, in the order it is sent to.
    pub audience: Vec<UserId>,
}

impl Tx<'_> {
    /// Prices a broadcast for its whole eligible audience and reserves that amount; refused
    /// (`StoreError::Budget`) before anything is written when the budget cannot cover it.
    pub fn open_broadcast(
        &self,
        req: &BroadcastRequest,
        pricing: &Pricing,
        now: Timestamp,
    ) -> Result<OpenedBroadcast> {
        let (audience, quote) = self.quote_broadcast(req, pricing, now)?;
        self.tx.execute(
            "INSERT INTO broadcasts (business_id, template_id, category, created_at, audience, unit_price, reserved, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'running')",
            params![req.business, req.template, quote.category.as_str(), now, quote.audience, quote.unit_price, quote.reserved],
        )?;
        let id = BroadcastId(self.tx.last_insert_rowid());
        self.adjust_budget(req.business, -quote.reserved)?;
        Ok(OpenedBroadcast {
            id,
            quote,
            audience,
        })
    }

    /// Sends an opened broadcast's message to some of its audience, each through the rules.
    pub fn send_broadcast_part(
        &self,
        id: BroadcastId,
        req: &BroadcastRequest,
        users: &[UserId],
        (config, pricing): (&PolicyConfig, &Pricing),
        at: Timestamp,
    ) -> Result<Vec<(UserId, SendResult)>> {
        let mut results = Vec::with_capacity(users.len());
        for &user in users {
            let attempt = super::Attempt {
                business: req.business,
                user,
                template: Some(req.template),
                params: req.params.clone(),
                text: None,
                broadcast: Some(id),
                at,
            };
            results.push((user, self.send(&attempt, config, pricing)?));
        }
        Ok(results)
    }

    /// Settles an opened broadcast: `charged` (the sum of its deliveries' charges) is kept,
    /// the rest of the reservation goes back to the budget.
    pub fn close_broadcast(
        &self,
        id: BroadcastId,
        business: BusinessId,
        quote: &Quote,
        charged: i64,
    ) -> Result<Settlement> {
        let settlement = settle(quote, charged);
        self.adjust_budget(business, settlement.refunded)?;
        self.tx.execute(
            "UPDATE broadcasts SET charged = ?2, refunded = ?3, status = 'done' WHERE id = ?1",
            params![id, settlement.charged, settlement.refunded],
        )?;
        Ok(settlement)
    }
}

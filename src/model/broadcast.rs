//! A broadcast as its business sees it: what it cost, and what became of its messages.

use super::{BroadcastId, Category, Decision, Outcome, Reason, TemplateId, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A broadcast as the business's history lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct BroadcastRecord {
    pub id: BroadcastId,
    pub template: TemplateId,
    pub category: Category,
    pub created_at: Timestamp,
    pub audience: u32,
    pub unit_price: i64,
    pub reserved: i64,
    pub charged: i64,
    pub refunded: i64,
    /// Set when the budget could not cover the eligible audience: nothing was sent.
    #[serde(default)]
    pub refused: Option<BudgetShortfall>,
}

/// What a refused broadcast needed, and what the budget held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct BudgetShortfall {
    pub needed: i64,
    pub available: i64,
}

/// How many of a broadcast's messages were delivered, held and rejected, and the charge.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct BroadcastTally {
    pub sent: u32,
    pub delivered: u32,
    pub held: BTreeMap<Reason, u32>,
    pub rejected: BTreeMap<Reason, u32>,
    /// Credits for the delivered messages.
    pub charged: i64,
}

impl BroadcastTally {
    /// Counts one decision and its charge.
    pub fn add(&mut self, decision: &Decision, charge: i64) {
        self.sent += 1;
        self.charged += charge;
        match decision.outcome {
            Outcome::Deliver => self.delivered += 1,
            Outcome::Hold => *self.held.entry(decision.reason).or_default() += 1,
            Outcome::Reject => *self.rejected.entry(decision.reason).or_default() += 1,
        }
    }

    /// Adds another part's counts to these.
    pub fn merge(&mut self, other: &BroadcastTally) {
        self.sent += other.sent;
        self.delivered += other.delivered;
        self.charged += other.charged;
        for (reason, n) in &other.held {
            *self.held.entry(*reason).or_default() += n;
        }
        for (reason, n) in &other.rejected {
            *self.rejected.entry(*reason).or_default() += n;
        }
    }
}

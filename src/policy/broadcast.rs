//! Paid broadcasts: a price per delivered message by category, a reservation for the whole
//! eligible audience, a charge for what was delivered and a refund of the rest.

use crate::model::{Category, Relation, UserPrefs};
use serde::{Deserialize, Serialize};

/// Credits per delivered message, by category (`assets/pricing.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Pricing {
    pub marketing: i64,
    pub utility: i64,
    pub authentication: i64,
    pub service: i64,
}

impl Default for Pricing {
    fn default() -> Self {
        Pricing {
            marketing: 25,
            utility: 4,
            authentication: 3,
            service: 0,
        }
    }
}

impl Pricing {
    /// Whether the prices make sense: none may be negative.
    pub fn check(&self) -> Result<(), &'static str> {
        let prices = [
            self.marketing,
            self.utility,
            self.authentication,
            self.service,
        ];
        match prices.iter().any(|p| *p < 0) {
            true => Err("prices may not be negative"),
            false => Ok(()),
        }
    }

    /// The list price of one delivered message of `category`.
    pub fn price(&self, category: Category) -> i64 {
        match category {
            Category::Marketing => self.marketing,
            Category::Utility => self.utility,
            Category::Authentication => self.authentication,
            Category::Service => self.service,
        }
    }

    /// What one delivery costs: a utility template inside an open service window is free.
    pub fn charge_for(&self, category: Category, in_service_window: bool) -> i64 {
        if category == Category::Utility && in_service_window {
            0
        } else {
            self.price(category)
        }
    }
}

/// A broadcast priced before anything is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Quote {
    pub category: Category,
    /// Everyone the broadcast goes to; each goes through the rules.
    pub audience: u32,
    /// The audience less those known in advance to be rejected or held.
    pub eligible: u32,
    pub unit_price: i64,
    /// Credits reserved for the eligible audience.
    pub reserved: i64,
    pub budget_before: i64,
    pub budget_after_reserve: i64,
}

/// The budget cannot cover the whole eligible audience (`i18n::sentences` says it in words).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, utoipa::ToSchema,
)]
#[error("insufficient_budget")]
pub struct InsufficientBudget {
    /// The eligible audience the budget had to cover.
    pub eligible: u32,
    pub needed: i64,
    pub available: i64,
    pub shortfall: i64,
}

/// Whether a message of `category` to a user is known in advance to be rejected or held:
/// the user blocked the business or, for marketing, is not subscribed or turned all offers off.
pub fn known_excluded(category: Category, relation: &Relation, prefs: &UserPrefs) -> bool {
    let marketing = category == Category::Marketing;
    relation.blocked.is_some() || (marketing && (!relation.subscribed || !prefs.all_offers))
}

/// Prices a broadcast of `category` to `audience` people, `eligible` of them not known in
/// advance to be rejected or held, against `budget`; no partial broadcasts.
pub fn quote(
    category: Category,
    audience: u32,
    eligible: u32,
    budget: i64,
    pricing: &Pricing,
) -> Result<Quote, InsufficientBudget> {
    let unit_price = pricing.price(category);
    let needed = unit_price.saturating_mul(i64::from(eligible));
    if needed > budget {
        return Err(InsufficientBudget {
            eligible,
            needed,
            available: budget,
            shortfall: needed - budget,
        });
    }
    Ok(Quote {
        category,
        audience,
        eligible,
        unit_price,
        reserved: needed,
        budget_before: budget,
        budget_after_reserve: budget - needed,
    })
}

/// What a finished broadcast cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Settlement {
    pub charged: i64,
    pub refunded: i64,
    /// The budget once the refund is back.
    pub budget_after: i64,
}

/// Settles a broadcast: `charged` is the sum of the charges of delivered messages.
pub fn settle(quote: &Quote, charged: i64) -> Settlement {
    let charged = charged.clamp(0, quote.reserved);
    let refunded = quote.reserved - charged;
    Settlement {
        charged,
        refunded,
        budget_after: quote.budget_after_reserve + refunded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_audience_is_reserved_or_nothing_is_sent() {
        let p = Pricing::default();
        let q = quote(Category::Marketing, 40, 40, 1000, &p).unwrap();
        assert_eq!((q.reserved, q.budget_after_reserve), (1000, 0));
        let err = quote(Category::Marketing, 41, 41, 1000, &p).unwrap_err();
        assert_eq!((err.needed, err.shortfall), (1025, 25));
        assert!(err.to_string().starts_with("insufficient_budget"));
    }

    #[test]
    fn only_delivered_messages_are_charged() {
        let q = quote(Category::Utility, 10, 10, 100, &Pricing::default()).unwrap();
        let s = settle(&q, 6 * 4);
        assert_eq!((s.charged, s.refunded, s.budget_after), (24, 16, 76));
    }

    #[test]
    fn utility_inside_the_service_window_is_free() {
        let p = Pricing::default();
        assert_eq!(p.charge_for(Category::Utility, true), 0);
        assert_eq!(p.charge_for(Category::Utility, false), 4);
        assert_eq!(p.charge_for(Category::Marketing, true), 25);
    }
}

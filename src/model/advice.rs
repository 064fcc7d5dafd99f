//! What a business must do to recover, as codes and values: the policy judges each step
//! (`policy::recovery`), the catalogue writes it (`i18n::sentences`).

use super::{Quality, RestrictionKind, Timestamp};
use serde::{Deserialize, Serialize};

/// One step back to good standing. Fractions are between 0 and 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Advice {
    /// A review was asked and waits for a reviewer.
    ReviewWaiting { asked: Timestamp },
    /// A reviewer reinstated the business; the strikes before still count.
    Reinstated {
        reviewer: String,
        on: Timestamp,
        reason: String,
    },
    /// A reviewer confirmed the restriction in force.
    Confirmed {
        reviewer: String,
        on: Timestamp,
        reason: String,
    },
    /// Disabled: nothing goes out until a review; whether one was asked already.
    Disabled { review_asked: bool },
    /// Only replies inside a service window until `until`.
    RepliesOnly { until: Timestamp },
    /// No offers until `until`.
    NoOffers { until: Timestamp },
    /// A lowered tier: at most `limit` people a day until `until`.
    TierLowered { limit: u32, until: Timestamp },
    /// Quality below High: bring negative feedback below `below` to reach `target`.
    Quality {
        quality: Quality,
        below: f64,
        now: Option<f64>,
        target: Quality,
        window_days: i64,
    },
    /// Too few people reached for the rating to count.
    TooFewPeople { min_users: u32, window_days: i64 },
    /// Days in a row at Low bring a strike.
    LowBringsStrike { days: i64 },
    /// A paused template; whether one more low rating disables it.
    TemplatePaused {
        template: String,
        until: Option<Timestamp>,
        last_pause: bool,
    },
    /// A template disabled for good.
    TemplateDisabled { template: String },
    /// The strikes that count, when the oldest stops, and what the next one brings.
    Strikes {
        count: usize,
        window_days: i64,
        oldest_ends: Timestamp,
        next: Option<RestrictionKind>,
    },
    /// Nothing to recover: keep negative feedback below `below`.
    NothingToRecover { quality: Quality, below: f64 },
}

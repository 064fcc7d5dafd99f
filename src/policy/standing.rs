//! A business's standing as its console shows it: quality with the signals behind it, tier
//! use, strikes and restrictions.

use super::enforcement::standing;
use super::quality::rate;
use super::{PolicyConfig, QualitySignals, Standing};
use crate::model::{Business, DayFigures, Restriction, ReviewState, Span, Strike, Timestamp};
use serde::{Deserialize, Serialize};

/// A business's standing with the platform, with the signals behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StandingReport {
    pub business: Business,
    /// Negative signals and people reached over the quality window.
    pub signals: QualitySignals,
    /// Whether enough people were reached to rate quality; if not, the rating shows as "not
    /// enough recent data" and has no consequence.
    pub enough_recent_data: bool,
    /// Days in the quality window.
    pub window_days: i64,
    /// Read / delivered over the quality window (shown beside quality; it does not lower it).
    pub read_rate: Option<f64>,
    /// The restrictions in force now.
    pub standing: Standing,
    /// The limit of the business's tier before any restriction (`None`: unlimited).
    pub tier_limit: Option<u32>,
    /// People reached by business-initiated messages in the tier window.
    pub reached: u32,
    /// Strikes within the strike window, oldest first.
    pub strikes: Vec<Strike>,
    /// Every restriction, oldest first.
    pub restrictions: Vec<Restriction>,
    /// The platform reviewers' decisions, newest first, and a request waiting for one.
    #[serde(default)]
    pub review: ReviewState,
}

/// What a store reads for a business's standing; [`StandingReport::from_facts`] judges it.
#[derive(Debug, Clone)]
pub struct StandingFacts {
    /// The business as stored (its quality as of the last review).
    pub business: Business,
    /// Its figures per day over the quality window.
    pub days: Vec<DayFigures>,
    /// Every restriction, oldest first.
    pub restrictions: Vec<Restriction>,
    /// Its signals over the quality window.
    pub signals: QualitySignals,
    /// People reached by business-initiated messages in the tier window.
    pub reached: u32,
    /// Every strike, oldest first.
    pub strikes: Vec<Strike>,
    /// The reviewers' decisions and a request waiting for one.
    pub review: ReviewState,
}

impl StandingReport {
    /// The standing at `now` from what the store read: quality rated from the signals, the
    /// read rate over the window, the restrictions in force and the strikes that still count.
    pub fn from_facts(facts: StandingFacts, policy: &PolicyConfig, now: Timestamp) -> Self {
        let StandingFacts {
            mut business,
            days,
            restrictions,
            signals,
            reached,
            strikes,
            review,
        } = facts;
        let (read, delivered) = days
            .iter()
            .fold((0, 0), |(r, d), f| (r + f.read, d + f.delivered));
        let strikes_since = now - Span::days(policy.enforcement.strike_window_days);
        business.quality = rate(&signals, business.quality, &policy.quality);
        StandingReport {
            enough_recent_data: signals.enough_data(&policy.quality),
            signals,
            window_days: policy.quality.window_days,
            read_rate: (delivered > 0).then(|| read as f64 / delivered as f64),
            standing: standing(&business, &restrictions, policy, now),
            tier_limit: policy.tiers.limit(business.tier),
            reached,
            strikes: strikes
                .into_iter()
                .filter(|s| s.at > strikes_since)
                .collect(),
            restrictions,
            review,
            business,
        }
    }
}

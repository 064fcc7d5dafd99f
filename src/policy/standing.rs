//! A business's standing as its console shows it: quality with the signals behind it, tier
//! use, strikes and restrictions.

use super::{QualitySignals, Standing};
use crate::model::{Business, Restriction, ReviewState, Strike};
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

//! Review by a platform reviewer: a business's request for one, and the reviewer's decision to
//! reinstate a disabled or suspended business or to confirm the restriction.

use super::{BusinessId, Timestamp};
use serde::{Deserialize, Serialize};

code_enum!(
    /// What a reviewer decided about a disabled or suspended business.
    Verdict {
        /// The disable and suspensions in force were lifted.
        Reinstated = "reinstated",
        /// The restrictions stay as they are.
        Confirmed = "confirmed",
    }
);

impl Verdict {}

/// A reviewer's decision, with who made it, when and why; the business sees all of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ReviewDecision {
    pub business: BusinessId,
    pub verdict: Verdict,
    /// The reviewer's name.
    pub reviewer: String,
    /// The reviewer's written reason.
    pub reason: String,
    pub at: Timestamp,
}

/// A business's request for a review of its restrictions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ReviewRequest {
    pub business: BusinessId,
    /// What the business wrote to the reviewer (may be empty).
    pub note: String,
    pub at: Timestamp,
}

/// Where a business's review stands: the decisions so far, newest first, and the request that
/// waits for a decision, if any.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ReviewState {
    pub decisions: Vec<ReviewDecision>,
    pub waiting: Option<ReviewRequest>,
}

impl ReviewState {
    /// The newest decision, if any.
    pub fn latest(&self) -> Option<&ReviewDecision> {
        self.decisions.first()
    }
}

/// One report of a business as a reviewer reads it: who reported, why, and the evidence.
/// Evidence is visible to reviewers only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ReportFile {
    /// The reporting user's name.
    pub reporter: String,
    pub reason: super::ReportReason,
    pub also_block: bool,
    pub at: Timestamp,
    /// The last messages of the chat when the user reported, oldest first.
    pub evidence: Vec<super::EvidenceLine>,
}

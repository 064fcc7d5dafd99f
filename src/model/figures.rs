//! The figures a business's console charts: counts per day, and quality over time.

use super::{BroadcastId, BusinessId, Quality, TemplateId, Timestamp};
use serde::{Deserialize, Serialize};

/// Which figures to read: a business's, one template's or one broadcast's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricScope {
    Business(BusinessId),
    Template(TemplateId),
    Broadcast(BroadcastId),
}

/// One day of figures, for charts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DayFigures {
    /// Days since 1970-01-01.
    pub day: i64,
    pub sent: u64,
    pub delivered: u64,
    pub read: u64,
    pub held: u64,
    pub rejected: u64,
}

/// One change of a business's quality or tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct QualityPoint {
    pub at: Timestamp,
    pub quality: Quality,
    pub tier: usize,
}

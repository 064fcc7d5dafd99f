//! The figures a business sees for a template, a broadcast or itself.

use crate::model::Reason;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Counts for one template, broadcast or business over some period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Metrics {
    /// Attempts, whatever their outcome.
    pub sent: u64,
    pub delivered: u64,
    pub held: u64,
    pub rejected: BTreeMap<Reason, u64>,
    pub read: u64,
    pub interested: u64,
    pub not_interested: u64,
    /// Blocks and reports that followed a delivery within 7 days.
    pub blocks: u64,
    pub reports: u64,
    pub credits: i64,
}

impl Metrics {
    /// Read / delivered, or `None` before anything was delivered.
    pub fn read_rate(&self) -> Option<f64> {
        (self.delivered > 0).then(|| self.read as f64 / self.delivered as f64)
    }

    /// "63 %" or "-".
    pub fn read_rate_label(&self) -> String {
        self.read_rate()
            .map(|r| format!("{:.0} %", r * 100.0))
            .unwrap_or_else(|| "-".to_string())
    }

    /// All rejections, whatever the reason.
    pub fn rejected_total(&self) -> u64 {
        self.rejected.values().sum()
    }

    /// Adds another period's counts to these.
    pub fn add(&mut self, other: &Metrics) {
        self.sent += other.sent;
        self.delivered += other.delivered;
        self.held += other.held;
        for (reason, n) in &other.rejected {
            *self.rejected.entry(*reason).or_default() += n;
        }
        self.read += other.read;
        self.interested += other.interested;
        self.not_interested += other.not_interested;
        self.blocks += other.blocks;
        self.reports += other.reports;
        self.credits += other.credits;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_rate_is_read_over_delivered() {
        let m = Metrics {
            delivered: 8,
            read: 6,
            ..Metrics::default()
        };
        assert_eq!(m.read_rate(), Some(0.75));
        assert_eq!(m.read_rate_label(), "75 %");
        assert_eq!(Metrics::default().read_rate_label(), "-");
    }

    #[test]
    fn periods_add_up() {
        let mut a = Metrics {
            sent: 2,
            rejected: [(Reason::BlockedByUser, 1)].into(),
            ..Metrics::default()
        };
        let b = Metrics {
            sent: 3,
            rejected: [(Reason::BlockedByUser, 2), (Reason::TemplatePaused, 1)].into(),
            ..Metrics::default()
        };
        a.add(&b);
        assert_eq!(a.sent, 5);
        assert_eq!(a.rejected_total(), 4);
        assert_eq!(a.rejected[&Reason::BlockedByUser], 3);
    }
}

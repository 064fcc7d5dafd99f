//! Quality ratings: weighted negative signals per user reached, over a rolling window.

use super::config::QualityConfig;
use crate::model::Quality;
use serde::{Deserialize, Serialize};

/// The signals behind a quality rating, counted over the quality window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct QualitySignals {
    pub reports: u32,
    pub blocks: u32,
    pub not_interested: u32,
    /// Unique users delivered to in the window.
    pub users_reached: u32,
}

impl QualitySignals {
    /// The weighted count of negative signals.
    pub fn negatives(&self, config: &QualityConfig) -> u32 {
        self.reports * config.report_weight
            + self.blocks * config.block_weight
            + self.not_interested * config.not_interested_weight
    }

    /// Whether enough users were reached to judge; if not, the rating is "not enough recent
    /// data" and has no consequence.
    pub fn enough_data(&self, config: &QualityConfig) -> bool {
        self.users_reached >= config.min_users.max(1)
    }

    /// Negatives per user reached, or `None` when too few users were reached to judge.
    pub fn negative_rate(&self, config: &QualityConfig) -> Option<f64> {
        self.enough_data(config)
            .then(|| f64::from(self.negatives(config)) / f64::from(self.users_reached))
    }
}

/// The rating the signals give; with too small a sample, the previous rating stays. The one
/// computation of quality: the periodic review records it, and every reader computes it from
/// the signals at the moment of reading, so what is shown is never older than the signals.
pub fn rate(signals: &QualitySignals, previous: Quality, config: &QualityConfig) -> Quality {
    match signals.negative_rate(config) {
        None => previous,
        Some(r) if r < config.high_below => Quality::High,
        Some(r) if r < config.medium_below => Quality::Medium,
        Some(_) => Quality::Low,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signals(reports: u32, blocks: u32, ni: u32, users: u32) -> QualitySignals {
        QualitySignals {
            reports,
            blocks,
            not_interested: ni,
            users_reached: users,
        }
    }

    #[test]
    fn thresholds_follow_the_weighted_rate() {
        let c = QualityConfig::default();
        assert_eq!(
            rate(&signals(0, 0, 0, 100), Quality::Low, &c),
            Quality::High
        );
        assert_eq!(
            rate(&signals(0, 0, 1, 101), Quality::Low, &c),
            Quality::High
        );
        assert_eq!(
            rate(&signals(0, 0, 1, 100), Quality::High, &c),
            Quality::Medium
        );
        assert_eq!(
            rate(&signals(0, 1, 0, 100), Quality::High, &c),
            Quality::Medium
        );
        assert_eq!(
            rate(&signals(1, 0, 0, 100), Quality::High, &c),
            Quality::Low
        );
        assert_eq!(
            rate(&signals(0, 0, 3, 100), Quality::High, &c),
            Quality::Low
        );
    }

    #[test]
    fn a_small_sample_keeps_the_previous_rating() {
        let c = QualityConfig::default();
        assert_eq!(
            rate(&signals(10, 10, 10, 19), Quality::High, &c),
            Quality::High
        );
        assert_eq!(
            rate(&signals(0, 0, 0, 19), Quality::Medium, &c),
            Quality::Medium
        );
        assert_eq!(rate(&signals(1, 0, 0, 20), Quality::High, &c), Quality::Low);
    }
}

//! A business's standing as its console shows it: quality with the signals behind it, tier use,
//! strikes and restrictions, and the log of its quality. One function computes the standing,
//! so the offline console and a server's give the same numbers.

use super::{Db, Result};
use crate::model::*;
use crate::policy::enforcement::standing;
use crate::policy::quality::rate;
use crate::policy::{PolicyConfig, StandingReport};

impl Db<'_> {
    /// A business's quality, tier use, strikes and restrictions at `now`.
    pub fn standing_report(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> Result<StandingReport> {
        let mut b = self.business(business)?;
        let window = Span::days(policy.quality.window_days);
        let days = self.daily(
            MetricScope::Business(business),
            (now - window).day_number() + 1,
            now.day_number(),
        )?;
        let (read, delivered) = days
            .iter()
            .fold((0, 0), |(r, d), f| (r + f.read, d + f.delivered));
        let restrictions = self.restrictions(business)?;
        let strikes_since = now - Span::days(policy.enforcement.strike_window_days);
        let reach_since = now - Span::hours(policy.tiers.window_hours);
        let signals = self.business_signals(business, now - window)?;
        b.quality = rate(&signals, b.quality, &policy.quality);
        Ok(StandingReport {
            enough_recent_data: signals.enough_data(&policy.quality),
            signals,
            window_days: policy.quality.window_days,
            read_rate: (delivered > 0).then(|| read as f64 / delivered as f64),
            standing: standing(&b, &restrictions, policy, now),
            tier_limit: policy.tiers.limit(b.tier),
            reached: self.reach(business, UserId(0), reach_since)?.unique_users,
            strikes: self
                .strikes(business)?
                .into_iter()
                .filter(|s| s.at > strikes_since)
                .collect(),
            restrictions,
            review: self.review_state(business, now)?,
            business: b,
        })
    }

    /// One business as it stands at `now`: its quality is what the signals of the window
    /// ending at `now` give, not the rating recorded at the last review.
    pub fn business_at(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> Result<Business> {
        let b = self.business(business)?;
        self.rated_now(b, policy, now)
    }

    /// Every business, each with its quality as the signals give it at `now`.
    pub fn businesses_at(&self, policy: &PolicyConfig, now: Timestamp) -> Result<Vec<Business>> {
        self.businesses()?
            .into_iter()
            .map(|b| self.rated_now(b, policy, now))
            .collect()
    }

    fn rated_now(
        &self,
        mut b: Business,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> Result<Business> {
        let window = Span::days(policy.quality.window_days);
        let signals = self.business_signals(b.id, now - window)?;
        b.quality = rate(&signals, b.quality, &policy.quality);
        Ok(b)
    }

    /// A business's quality and tier changes, oldest first, ending with its quality at `now`
    /// when the signals have moved it since the last recorded change.
    pub fn quality_points_at(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> Result<Vec<QualityPoint>> {
        let mut points = self.quality_points(business)?;
        let b = self.business_at(business, policy, now)?;
        if points.last().is_none_or(|p| p.quality != b.quality) {
            points.push(QualityPoint {
                at: now,
                quality: b.quality,
                tier: b.tier,
            });
        }
        Ok(points)
    }

    /// A business's quality and tier changes, oldest first.
    pub fn quality_points(&self, business: BusinessId) -> Result<Vec<QualityPoint>> {
        Ok(self
            .quality_log(business)?
            .into_iter()
            .map(|(at, quality, tier)| QualityPoint { at, quality, tier })
            .collect())
    }
}

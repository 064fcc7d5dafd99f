//! A business's standing as its console shows it: quality with the signals behind it, tier use,
//! strikes and restrictions, and the log of its quality. One function computes the standing,
//! so the offline console and a server's give the same numbers.

use super::{Db, Result};
use crate::model::*;
use crate::policy::quality::rate;
use crate::policy::{PolicyConfig, StandingFacts, StandingReport};

impl Db<'_> {
    /// A business's quality, tier use, strikes and restrictions at `now`.
    pub fn standing_report(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> Result<StandingReport> {
        let window = Span::days(policy.quality.window_days);
        let facts = StandingFacts {
            business: self.business(business)?,
            days: self.daily(
                MetricScope::Business(business),
                (now - window).day_number() + 1,
                now.day_number(),
            )?,
            restrictions: self.restrictions(business)?,
            signals: self.business_signals(business, now - window)?,
            reached: self
                .reach(
                    business,
                    UserId(0),
                    now - Span::hours(policy.tiers.window_hours),
                )?
                .unique_users,
            strikes: self.strikes(business)?,
            review: self.review_state(business, now)?,
        };
        Ok(StandingReport::from_facts(facts, policy, now))
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

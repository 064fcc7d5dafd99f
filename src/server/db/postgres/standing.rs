//! A business's standing on PostgreSQL, as its console shows it: quality with the signals
//! behind it, tier use, strikes, restrictions and review, and the log of its quality.

use super::rows::{self, get, small, wrapped};
use super::tx::PgTx;
use crate::model::*;
use crate::policy::reinstatement::reviewable;
use crate::policy::{PolicyConfig, StandingFacts, StandingReport};
use crate::server::db::{DbResult, ServerReads};

impl PgTx<'_, '_> {
    /// A business's quality, tier use, strikes and restrictions at `now`.
    pub fn standing_at(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<StandingReport> {
        let window = Span::days(policy.quality.window_days);
        let reach_since = now - Span::hours(policy.tiers.window_hours);
        let facts = StandingFacts {
            business: self.business(business)?,
            days: self.figures_per_day(
                MetricScope::Business(business),
                (now - window).day_number() + 1,
                now.day_number(),
            )?,
            restrictions: self.restrictions(business)?,
            signals: self.business_signals(business, now - window)?,
            reached: self.reached_since(business, reach_since, None)?,
            strikes: self.strikes(business)?,
            review: self.review_state_at(business, now)?,
        };
        Ok(StandingReport::from_facts(facts, policy, now))
    }

    /// How many users a business reached with templates since `since`, counted up to
    /// `at_most` (all of them when `None`).
    pub fn reached_since(
        &self,
        business: BusinessId,
        since: Timestamp,
        at_most: Option<u32>,
    ) -> DbResult<u32> {
        let row = self.one(
            "SELECT count(*) AS n FROM (SELECT 1 FROM template_reach
                WHERE business_id = $1 AND at > $2 LIMIT $3) AS reached",
            &[&business.0, &since.0, &at_most.map(i64::from)],
        )?;
        small(&row, "n")
    }

    /// A business's quality and tier changes, oldest first, ending with its quality at `now`
    /// when the signals have moved it since the last recorded change.
    pub fn quality_points_at(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Vec<QualityPoint>> {
        let mut points = self.list(
            "SELECT at, quality, tier FROM quality_log WHERE business_id = $1 ORDER BY at",
            &[&business.0],
            |r| {
                Ok(QualityPoint {
                    at: wrapped(r, "at", Timestamp)?,
                    quality: rows::code(r, "quality", Quality::parse)?,
                    tier: small(r, "tier")?,
                })
            },
        )?;
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

    /// Where a business's review stands at `now`: a request waits only while something is
    /// left to review.
    pub fn review_state_at(&self, business: BusinessId, now: Timestamp) -> DbResult<ReviewState> {
        let restrictions = self.restrictions(business)?;
        let decisions = self.list(
            "SELECT d.business_id, d.verdict, r.name, d.reason, d.at
             FROM review_decisions d JOIN reviewers r ON r.id = d.reviewer_id
             WHERE d.business_id = $1 ORDER BY d.at DESC, d.id DESC",
            &[&business.0],
            |r| {
                Ok(ReviewDecision {
                    business: wrapped(r, "business_id", BusinessId)?,
                    verdict: rows::code(r, "verdict", Verdict::parse)?,
                    reviewer: get(r, "name")?,
                    reason: get(r, "reason")?,
                    at: wrapped(r, "at", Timestamp)?,
                })
            },
        )?;
        let waiting = match reviewable(&restrictions, now).is_empty() {
            true => None,
            false => self.waiting_review_request(business)?,
        };
        Ok(ReviewState { decisions, waiting })
    }

    /// The business's newest request for a review made after its last decision, if any.
    pub fn waiting_review_request(&self, business: BusinessId) -> DbResult<Option<ReviewRequest>> {
        self.first(
            "SELECT business_id, note, at FROM review_requests
             WHERE business_id = $1 AND at >= coalesce(
                 (SELECT max(at) FROM review_decisions WHERE business_id = $1) + 1, 0)
             ORDER BY at DESC, id DESC LIMIT 1",
            &[&business.0],
            |r| {
                Ok(ReviewRequest {
                    business: wrapped(r, "business_id", BusinessId)?,
                    note: get(r, "note")?,
                    at: wrapped(r, "at", Timestamp)?,
                })
            },
        )
    }

    /// Up to `limit` reports of a business, newest first, with their evidence.
    pub fn reports_with_evidence(
        &self,
        business: BusinessId,
        limit: usize,
    ) -> DbResult<Vec<ReportFile>> {
        self.list(
            "SELECT coalesce(u.name, '#' || r.user_id) AS reporter, r.reason, r.also_block, r.at,
                r.evidence
             FROM reports r LEFT JOIN users u ON u.id = r.user_id
             WHERE r.business_id = $1 ORDER BY r.at DESC, r.id DESC LIMIT $2",
            &[&business.0, &(limit as i64)],
            |r| {
                let evidence: String = get(r, "evidence")?;
                Ok(ReportFile {
                    reporter: get(r, "reporter")?,
                    reason: rows::code(r, "reason", ReportReason::parse)?,
                    also_block: get(r, "also_block")?,
                    at: wrapped(r, "at", Timestamp)?,
                    evidence: serde_json::from_str(&evidence).unwrap_or_default(),
                })
            },
        )
    }

    /// Records a reviewer's decision and ends the restrictions it lifts.
    pub fn keep_review_decision(
        &self,
        reviewer: ReviewerId,
        decision: &ReviewDecision,
        lifted: &[Restriction],
    ) -> DbResult<()> {
        self.lock_business(decision.business)?;
        self.execute(
            "INSERT INTO review_decisions (business_id, reviewer_id, verdict, reason, at)
             VALUES ($1, $2, $3, $4, $5)",
            &[
                &decision.business.0,
                &reviewer.0,
                &decision.verdict.as_str(),
                &decision.reason,
                &decision.at.0,
            ],
        )?;
        for r in lifted {
            self.execute(
                "UPDATE restrictions SET end_at = $4
                 WHERE business_id = $1 AND kind = $2 AND start = $3",
                &[
                    &r.business.0,
                    &r.kind.as_str(),
                    &r.start.0,
                    &r.end.map(|e| e.0),
                ],
            )?;
        }
        Ok(())
    }

    /// Files a business's request for a review while it is disabled or suspended; a request
    /// already waiting is answered as it is. `None`: there is nothing to review.
    pub fn file_review_request(
        &self,
        business: BusinessId,
        note: &str,
        now: Timestamp,
    ) -> DbResult<Option<ReviewRequest>> {
        self.lock_business(business)?;
        if reviewable(&self.restrictions(business)?, now).is_empty() {
            return Ok(None);
        }
        if let Some(waiting) = self.waiting_review_request(business)? {
            return Ok(Some(waiting));
        }
        self.execute(
            "INSERT INTO review_requests (business_id, note, at) VALUES ($1, $2, $3)",
            &[&business.0, &note, &now.0],
        )?;
        Ok(Some(ReviewRequest {
            business,
            note: note.to_string(),
            at: now,
        }))
    }

    /// One page of the directory: businesses whose name contains `query` (case and accents
    /// aside), in id order after `after`.
    pub fn directory_page(
        &self,
        query: &str,
        after: BusinessId,
        limit: usize,
    ) -> DbResult<Vec<ListedBusiness>> {
        self.list(
            "SELECT id, name, kind, verified FROM businesses
             WHERE ($1 = '%%' OR name_folded LIKE $1) AND id > $2 ORDER BY id LIMIT $3",
            &[
                &like_pattern(&text::fold(query.trim())),
                &after.0,
                &(limit as i64),
            ],
            |r| {
                Ok(ListedBusiness {
                    id: wrapped(r, "id", BusinessId)?,
                    name: text::clean_name(&get::<String>(r, "name")?),
                    kind: rows::code(r, "kind", BusinessKind::parse)?,
                    verified: get(r, "verified")?,
                })
            },
        )
    }
}

/// A LIKE pattern that finds `query` anywhere, its wildcards taken literally (PostgreSQL's
/// LIKE escapes with a backslash).
fn like_pattern(query: &str) -> String {
    let escaped: String = query
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}

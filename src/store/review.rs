//! Platform reviewers, their decisions and the businesses' requests for a review, and the
//! reports with their evidence that only a reviewer reads.

use super::{Db, Result, StoreError, Tx, rows};
use crate::model::*;
use crate::policy::reinstatement::reviewable;
use rusqlite::{OptionalExtension, params};

impl Db<'_> {
    /// The reviewer with this id: their name, if they exist.
    pub fn reviewer_name(&self, reviewer: ReviewerId) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT name FROM reviewers WHERE id = ?1")?
            .query_row([reviewer], |r| r.get(0))
            .optional()?)
    }

    /// A business's review decisions, newest first.
    pub fn review_decisions(&self, business: BusinessId) -> Result<Vec<ReviewDecision>> {
        self.list(
            "SELECT d.business_id, d.verdict, r.name, d.reason, d.at
             FROM review_decisions d JOIN reviewers r ON r.id = d.reviewer_id
             WHERE d.business_id = ?1 ORDER BY d.at DESC, d.id DESC",
            [business],
            |r| {
                Ok(ReviewDecision {
                    business: r.get(0)?,
                    verdict: rows::code(r, "verdict", Verdict::parse)?,
                    reviewer: r.get(2)?,
                    reason: r.get(3)?,
                    at: r.get(4)?,
                })
            },
        )
    }

    /// The business's newest request for a review made after its last decision, if any.
    pub fn waiting_review_request(&self, business: BusinessId) -> Result<Option<ReviewRequest>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT business_id, note, at FROM review_requests
                 WHERE business_id = ?1 AND at >= coalesce(
                     (SELECT max(at) FROM review_decisions WHERE business_id = ?1) + 1, 0)
                 ORDER BY at DESC, id DESC LIMIT 1",
            )?
            .query_row([business], |r| {
                Ok(ReviewRequest {
                    business: r.get(0)?,
                    note: r.get(1)?,
                    at: r.get(2)?,
                })
            })
            .optional()?)
    }

    /// Where a business's review stands at `now`: a request waits only while something is
    /// left to review (a disable or suspension it asked about may have run out meanwhile).
    pub fn review_state(&self, business: BusinessId, now: Timestamp) -> Result<ReviewState> {
        let reviewable = !reviewable(&self.restrictions(business)?, now).is_empty();
        Ok(ReviewState {
            decisions: self.review_decisions(business)?,
            waiting: match reviewable {
                true => self.waiting_review_request(business)?,
                false => None,
            },
        })
    }

    /// How many reports a business has had since `since`.
    pub fn report_count(&self, business: BusinessId, since: Timestamp) -> Result<u32> {
        Ok(self
            .conn
            .prepare_cached("SELECT count(*) FROM reports WHERE business_id = ?1 AND at > ?2")?
            .query_row(params![business, since], |r| r.get(0))?)
    }

    /// Up to `limit` reports of a business, newest first, with their evidence.
    pub fn report_files(&self, business: BusinessId, limit: usize) -> Result<Vec<ReportFile>> {
        self.list(
            "SELECT coalesce(u.name, '#' || r.user_id) AS reporter, r.reason, r.also_block, r.at,
                    r.evidence
             FROM reports r LEFT JOIN users u ON u.id = r.user_id
             WHERE r.business_id = ?1 ORDER BY r.at DESC, r.id DESC LIMIT ?2",
            params![business, limit as i64],
            |r| {
                let evidence: String = r.get(4)?;
                Ok(ReportFile {
                    reporter: r.get(0)?,
                    reason: rows::code(r, "reason", ReportReason::parse)?,
                    also_block: r.get(2)?,
                    at: r.get(3)?,
                    evidence: serde_json::from_str(&evidence).unwrap_or_default(),
                })
            },
        )
    }
}

impl Tx<'_> {
    /// Adds a platform reviewer. Names are unique.
    pub fn add_reviewer(&self, name: &str) -> Result<ReviewerId> {
        let taken: bool = self
            .tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM reviewers WHERE name = ?1)")?
            .query_row([name], |r| r.get(0))?;
        if taken {
            return Err(StoreError::Invalid(format!(
                "a reviewer named {name} already exists on this server; pick another name"
            )));
        }
        self.tx
            .prepare_cached("INSERT INTO reviewers (name) VALUES (?1)")?
            .execute([name])?;
        Ok(ReviewerId(self.tx.last_insert_rowid()))
    }

    /// Stores the hash of a reviewer's token.
    pub fn set_reviewer_token(&self, reviewer: ReviewerId, hash: &[u8]) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE reviewers SET token_hash = ?2 WHERE id = ?1")?
            .execute(params![reviewer, hash])?;
        Ok(())
    }

    /// Records a reviewer's decision and ends the restrictions it lifts (as the policy engine
    /// named them, each with its new end).
    pub fn record_review_decision(
        &self,
        reviewer: ReviewerId,
        decision: &ReviewDecision,
        lifted: &[Restriction],
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO review_decisions (business_id, reviewer_id, verdict, reason, at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                decision.business,
                reviewer,
                decision.verdict.as_str(),
                decision.reason,
                decision.at
            ])?;
        let mut end = self.tx.prepare_cached(
            "UPDATE restrictions SET end_at = ?4
             WHERE business_id = ?1 AND kind = ?2 AND start = ?3",
        )?;
        for r in lifted {
            end.execute(params![r.business, r.kind.as_str(), r.start, r.end])?;
        }
        Ok(())
    }

    /// Files a business's request for a review while it is disabled or suspended; a request
    /// already waiting is answered as it is. `None`: there is nothing to review.
    pub fn ask_for_review(
        &self,
        business: BusinessId,
        note: &str,
        now: Timestamp,
    ) -> Result<Option<ReviewRequest>> {
        let db = self.db();
        if reviewable(&db.restrictions(business)?, now).is_empty() {
            return Ok(None);
        }
        if let Some(waiting) = db.waiting_review_request(business)? {
            return Ok(Some(waiting));
        }
        let request = ReviewRequest {
            business,
            note: note.to_string(),
            at: now,
        };
        self.tx
            .prepare_cached(
                "INSERT INTO review_requests (business_id, note, at) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![request.business, request.note, request.at])?;
        Ok(Some(request))
    }
}

//! The reviewer's desk: which businesses wait for a review, the case file a reviewer reads
//! (reports with their evidence, strikes, restrictions), the decision, and the business's
//! request for a review. What a decision lifts is the policy engine's rule.

use super::db::{DbError, DbResult, ServerReads, ServerWrites};
use crate::model::limits::{MAX_NAME_CHARS, MAX_REVIEW_REPORTS, MAX_REVIEW_TEXT_CHARS};
use crate::model::*;
use crate::policy::PolicyConfig;
use crate::policy::reinstatement::{lifted, reviewable};
use crate::protocol::*;

/// The businesses disabled or suspended now, with their strikes, reports and review (and the
/// request that waits, if they asked).
pub fn cases(
    db: &dyn ServerReads,
    policy: &PolicyConfig,
    now: Timestamp,
) -> DbResult<Vec<ReviewCase>> {
    let since = now - Span::days(policy.enforcement.strike_window_days);
    let mut list = Vec::new();
    for business in db.businesses_at(policy, now)? {
        let all = db.restrictions(business.id)?;
        let restrictions: Vec<Restriction> = reviewable(&all, now).into_iter().cloned().collect();
        if restrictions.is_empty() {
            continue;
        }
        let review = db.review_state(business.id, now)?;
        list.push(ReviewCase {
            strikes: db
                .strikes(business.id)?
                .iter()
                .filter(|s| s.at > since)
                .count() as u32,
            reports: db.report_count(business.id, since)?,
            business,
            restrictions,
            review,
        });
    }
    Ok(list)
}

/// The case file of the business with this name.
pub fn case_file(
    db: &dyn ServerReads,
    name: &str,
    policy: &PolicyConfig,
    now: Timestamp,
) -> DbResult<ReviewCaseFile> {
    let business = named(db, name)?;
    let id = business.id;
    Ok(ReviewCaseFile {
        restrictions: db
            .restrictions(id)?
            .into_iter()
            .map(|r| {
                let current = r.current_at(now);
                (r, current)
            })
            .collect(),
        strikes: db.strikes(id)?,
        strike_window_days: policy.enforcement.strike_window_days,
        reports: db.report_files(id, MAX_REVIEW_REPORTS)?,
        reports_total: db.report_count(id, Timestamp(i64::MIN))?,
        review: db.review_state(id, now)?,
        business,
    })
}

/// Records a reviewer's decision on a disabled or suspended business, ending what it lifts.
pub fn decide(
    tx: &dyn ServerWrites,
    reviewer: ReviewerId,
    submission: &DecisionSubmission,
    now: Timestamp,
) -> DbResult<DecisionRecorded> {
    let reason = checked_text(&submission.reason, "a reason")?;
    if !reason.chars().any(|c| c.is_alphanumeric() || c == '_') {
        return Err(DbError::Invalid(
            "give a reason in words: the business reads it beside the decision".into(),
        ));
    }
    let db = tx.reads();
    let business = named(db, &submission.business)?;
    let restrictions = db.restrictions(business.id)?;
    if reviewable(&restrictions, now).is_empty() {
        return Err(DbError::Conflict(format!(
            "{} is neither disabled nor suspended: there is nothing to review",
            business.name
        )));
    }
    let reviewer_name = db
        .reviewer_name(reviewer)?
        .ok_or_else(|| DbError::not_found("no such reviewer on this server"))?;
    let decision = ReviewDecision {
        business: business.id,
        verdict: submission.verdict,
        reviewer: reviewer_name,
        reason,
        at: now,
    };
    let lifted = lifted(&restrictions, submission.verdict, now);
    tx.record_review_decision(reviewer, &decision, &lifted)?;
    Ok(DecisionRecorded { decision, lifted })
}

/// Files a business's request for a review: only while it is disabled or suspended. A request
/// already waiting is answered as it is.
pub fn request(
    tx: &dyn ServerWrites,
    business: BusinessId,
    submission: &ReviewRequestSubmission,
    now: Timestamp,
) -> DbResult<ReviewRequest> {
    let note = checked_text(&submission.note, "a note")?;
    tx.ask_for_review(business, &note, now)?.ok_or_else(|| {
        DbError::Conflict(
            "the business is neither disabled nor suspended: there is nothing to review".into(),
        )
    })
}

fn named(db: &dyn ServerReads, name: &str) -> DbResult<Business> {
    let name = text::clean_line(name, MAX_NAME_CHARS);
    db.business_named(&name)?.ok_or_else(|| {
        DbError::not_found(format!(
            "no business named {name} on this server; `parley review list` names the ones to review"
        ))
    })
}

/// The text cleaned of escapes and invisible characters, refused past the length limit.
fn checked_text(raw: &str, what: &str) -> DbResult<String> {
    if raw.chars().count() > MAX_REVIEW_TEXT_CHARS {
        return Err(DbError::Invalid(format!(
            "{what} is at most {MAX_REVIEW_TEXT_CHARS} characters"
        )));
    }
    Ok(text::clean_line(raw, MAX_REVIEW_TEXT_CHARS)
        .trim()
        .to_string())
}

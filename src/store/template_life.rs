//! Templates after their first review: edited or resubmitted as a new version that review
//! judges again (the version it replaces is kept), and deleted (never sent again; its
//! versions, history and figures stay).

use super::{Db, Result, StoreError, Tx, rows};
use crate::i18n::sentences;
use crate::model::*;
use crate::policy::PolicyConfig;
use crate::policy::review::{self, Submission};
use rusqlite::params;

/// A new version of a template, as its business writes it.
#[derive(Debug, Clone, Copy)]
pub struct Revision<'a> {
    pub category: Category,
    pub body: &'a str,
    pub allow_recategorise: bool,
    /// A resubmission after a rejection (an edit otherwise).
    pub resubmit: bool,
}

impl Db<'_> {
    /// Every version of a template, oldest first, the current one last.
    pub fn template_versions(&self, template: TemplateId) -> Result<Vec<TemplateVersion>> {
        let version = |r: &rusqlite::Row| {
            Ok(TemplateVersion {
                version: r.get("version")?,
                requested_category: rows::code(r, "requested_category", Category::parse)?,
                category: rows::code(r, "category", Category::parse)?,
                body: r.get("body")?,
                status: rows::code(r, "status", TemplateStatus::parse)?,
                review_rule: rows::code(r, "review_rule", ReviewRule::parse)?,
                review_note: r.get("review_note")?,
                submitted_at: r.get("submitted_at")?,
                approved_at: r.get("approved_at")?,
                replaced_at: r.get("replaced_at")?,
            })
        };
        let mut versions = self.list(
            "SELECT * FROM template_versions WHERE template_id = ?1 ORDER BY version",
            [template],
            version,
        )?;
        versions.extend(self.list(
            "SELECT *, NULL AS replaced_at FROM templates WHERE id = ?1",
            [template],
            version,
        )?);
        Ok(versions)
    }

    /// The number of a template's current version.
    pub fn template_version(&self, template: TemplateId) -> Result<u32> {
        Ok(self
            .conn
            .prepare_cached("SELECT version FROM templates WHERE id = ?1")?
            .query_row([template], |r| r.get(0))?)
    }
}

impl Tx<'_> {
    /// Replaces a template's body and category with a new version: it waits for review, which
    /// then approves or rejects it like a submission. The version it replaces is kept. A paused,
    /// disabled or deleted template cannot be edited (that would dodge its enforcement), and
    /// only a rejected one is resubmitted. Returns the new version's number and its review.
    pub fn revise_template(
        &self,
        id: TemplateId,
        revision: &Revision,
        config: &PolicyConfig,
        now: Timestamp,
    ) -> Result<(u32, Review)> {
        let t = self.db().template(id)?;
        revisable(&t, revision.resubmit, now)?;
        self.not_broadcasting(&t)?;
        let body = text::clean_body(revision.body);
        let review = sentences::stamped_review(review::review(
            &Submission {
                category: revision.category,
                body: &body,
                allow_recategorise: revision.allow_recategorise,
            },
            config,
        ));
        self.tx.prepare_cached("INSERT INTO template_versions (template_id, version, requested_category, category, body, status,
                review_rule, review_note, submitted_at, approved_at, replaced_at)
             SELECT id, version, requested_category, category, body, status, review_rule, review_note,
                submitted_at, approved_at, ?2
             FROM templates WHERE id = ?1")?.execute(params![id, now],
        )?;
        let approved_at = (review.status == TemplateStatus::Approved).then_some(now);
        self.tx.prepare_cached("UPDATE templates SET version = version + 1, requested_category = ?2, category = ?3, body = ?4,
                status = ?5, review_rule = ?6, review_note = ?7, allow_recategorise = ?8, submitted_at = ?9,
                approved_at = ?10, review_finding = ?11
             WHERE id = ?1")?.execute(params![
                id,
                revision.category.as_str(),
                review.category.as_str(),
                body,
                review.status.as_str(),
                review.rule.as_str(),
                review.note,
                revision.allow_recategorise,
                now,
                approved_at,
                review.finding.to_json()
            ],
        )?;
        let version = self.db().template_version(id)?;
        let what = if revision.resubmit {
            "resubmitted"
        } else {
            "edited"
        };
        self.log_template(
            id,
            now,
            TemplateStatus::Pending,
            &format!(
                "Version {version} {what}: it waits for review; version {} is kept.",
                version - 1
            ),
        )?;
        self.log_template(
            id,
            now,
            review.status,
            &format!(
                "Review of version {version}: {} ({})",
                review.note, review.rule
            ),
        )?;
        Ok((version, review))
    }

    /// Deletes a template: it is never sent again, and leaves no name free (its history,
    /// versions and figures keep it).
    pub fn delete_template(&self, id: TemplateId, now: Timestamp) -> Result<()> {
        let t = self.db().template(id)?;
        if t.status == TemplateStatus::Deleted {
            return Err(StoreError::Conflict(format!(
                "template {} is already deleted",
                t.name
            )));
        }
        self.not_broadcasting(&t)?;
        self.tx
            .prepare_cached(
                "UPDATE templates SET status = 'deleted', paused_until = NULL WHERE id = ?1",
            )?
            .execute([id])?;
        self.log_template(
            id,
            now,
            TemplateStatus::Deleted,
            "Deleted by the business: it can no longer be sent; its history and figures stay.",
        )
    }

    /// Refuses to change a template while a broadcast of it is sending: its people would get
    /// two versions, or half of them nothing.
    fn not_broadcasting(&self, t: &Template) -> Result<()> {
        let running: i64 = self
            .tx
            .prepare_cached(
                "SELECT count(*) FROM broadcasts WHERE template_id = ?1 AND status = 'running'",
            )?
            .query_row([t.id], |r| r.get(0))?;
        match running {
            0 => Ok(()),
            _ => Err(StoreError::Conflict(format!(
                "a broadcast of template {} is still sending; change it once the broadcast is \
                 finished",
                t.name
            ))),
        }
    }
}

/// Why a template cannot take a new version now, if it cannot.
fn revisable(t: &Template, resubmit: bool, now: Timestamp) -> Result<()> {
    match review::revision_refused(t, resubmit, now) {
        Some(refusal) => Err(StoreError::Conflict(sentences::revision_refused(
            &t.name, refusal,
        ))),
        None => Ok(()),
    }
}

//! The platform's periodic review on PostgreSQL: gather a business's signals under its row
//! lock, let the policy engine evaluate them, and apply the changes it asks for; then give
//! the messages held for quiet hours to the rules again.

use super::rows::wrapped;
use super::tx::PgTx;
use crate::model::*;
use crate::policy::PolicyConfig;
use crate::policy::enforcement::{Change, EnforcementInput, evaluate};
use crate::server::db::{DbResult, ServerReads};

impl PgTx<'_, '_> {
    /// Reports of a business since `since`: when, and by whom.
    fn reports_since(
        &self,
        business: BusinessId,
        since: Timestamp,
    ) -> DbResult<Vec<(Timestamp, UserId)>> {
        self.list(
            "SELECT at, user_id FROM reports WHERE business_id = $1 AND at > $2 ORDER BY at",
            &[&business.0, &since.0],
            |r| Ok((wrapped(r, "at", Timestamp)?, wrapped(r, "user_id", UserId)?)),
        )
    }

    /// Deliveries of templates (business-initiated) since `since`: when, and to whom.
    fn template_deliveries(
        &self,
        business: BusinessId,
        since: Timestamp,
    ) -> DbResult<Vec<(Timestamp, UserId)>> {
        self.list(
            "SELECT delivered_at, user_id FROM messages
             WHERE business_id = $1 AND outcome = 'deliver' AND direction = 'in'
                AND template_id IS NOT NULL AND delivered_at > $2",
            &[&business.0, &since.0],
            |r| {
                Ok((
                    wrapped(r, "delivered_at", Timestamp)?,
                    wrapped(r, "user_id", UserId)?,
                ))
            },
        )
    }

    /// Evaluates one business at `now` and applies the result; returns what changed.
    pub fn review_one(
        &self,
        business: BusinessId,
        config: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Vec<Change>> {
        self.lock_business(business)?;
        let b = self.business(business)?;
        let quality_since = now - Span::days(config.quality.window_days);
        let templates: Vec<Template> = self
            .templates(business)?
            .into_iter()
            .filter(|t| matches!(t.status, TemplateStatus::Approved | TemplateStatus::Paused))
            .collect();
        let mut with_signals = Vec::with_capacity(templates.len());
        for t in &templates {
            let since = quality_since.max(t.quality_since - Span::seconds(1));
            with_signals.push((t, self.template_signals(t.id, since)?));
        }
        let strikes = self.strikes(business)?;
        let restrictions = self.restrictions(business)?;
        let active = |kind| {
            restrictions
                .iter()
                .any(|r| r.kind == kind && r.active_at(now))
        };
        let deliveries =
            self.template_deliveries(business, now - Span::days(config.tiers.review_days))?;
        let reports = self.reports_since(
            business,
            now - Span::days(config.enforcement.reporters_window_days),
        )?;
        let input = EnforcementInput {
            business: &b,
            signals: self.business_signals(business, quality_since)?,
            templates: with_signals,
            strikes: &strikes,
            reports: &reports,
            deliveries: &deliveries,
            tier_lowered: active(RestrictionKind::TierLowered),
            disabled: active(RestrictionKind::Disabled),
            sending_suspended: active(RestrictionKind::SendingSuspended),
        };
        let changes: Vec<Change> = evaluate(&input, config, now)
            .into_iter()
            .map(crate::store::change_in_english)
            .collect();
        for change in &changes {
            self.apply_change(&b, change, now)?;
        }
        Ok(changes)
    }

    fn apply_change(&self, b: &Business, change: &Change, now: Timestamp) -> DbResult<()> {
        match change {
            Change::Quality { to, .. } => {
                self.execute(
                    "UPDATE businesses SET quality = $2 WHERE id = $1",
                    &[&b.id.0, &to.as_str()],
                )?;
                let tier = self.business(b.id)?.tier;
                self.log_quality(b.id, now, *to, tier)?;
            }
            Change::LowSince(since) => {
                self.execute(
                    "UPDATE businesses SET low_since = $2 WHERE id = $1",
                    &[&b.id.0, &since.map(|s| s.0)],
                )?;
            }
            Change::TemplateQuality { template, quality } => {
                self.execute(
                    "UPDATE templates SET quality = $2 WHERE id = $1",
                    &[&template.0, &quality.as_str()],
                )?;
            }
            Change::TemplatePaused {
                template,
                until,
                pause_number,
            } => {
                self.execute(
                    "UPDATE templates SET status = 'paused', paused_until = $2, pause_count = $3
                     WHERE id = $1",
                    &[&template.0, &until.0, &i64::from(*pause_number)],
                )?;
                let note = format!(
                    "Pause {pause_number} for low quality, until {}",
                    until.date_time()
                );
                self.log_template(*template, now, TemplateStatus::Paused, &note)?;
            }
            Change::TemplateDisabled { template } => {
                self.execute(
                    "UPDATE templates SET status = 'disabled', paused_until = NULL WHERE id = $1",
                    &[&template.0],
                )?;
                let note = "Disabled after repeated low quality";
                self.log_template(*template, now, TemplateStatus::Disabled, note)?;
            }
            Change::TemplateResumed { template } => {
                self.execute(
                    "UPDATE templates SET status = 'approved', paused_until = NULL,
                        quality = 'medium', quality_since = $2
                     WHERE id = $1",
                    &[&template.0, &now.0],
                )?;
                let note = "Pause ended; quality is measured afresh";
                self.log_template(*template, now, TemplateStatus::Approved, note)?;
            }
            Change::Strike(s) => {
                let facts = s.facts.as_deref().map(StrikeFacts::to_json);
                self.execute(
                    "INSERT INTO strikes (business_id, at, cause, detail, facts)
                     VALUES ($1, $2, $3, $4, $5)",
                    &[&s.business.0, &s.at.0, &s.cause.as_str(), &s.detail, &facts],
                )?;
            }
            Change::Restriction(r) => {
                self.execute(
                    "INSERT INTO restrictions (business_id, kind, reason, start, end_at, strike)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                    &[
                        &r.business.0,
                        &r.kind.as_str(),
                        &r.reason,
                        &r.start.0,
                        &r.end.map(|e| e.0),
                        &r.strike.as_deref().map(RestrictionCause::to_json),
                    ],
                )?;
            }
            Change::Tier { to, .. } => {
                self.execute(
                    "UPDATE businesses SET tier = $2, tier_since = $3 WHERE id = $1",
                    &[&b.id.0, &(*to as i64), &now.0],
                )?;
                let quality = self.business(b.id)?.quality;
                self.log_quality(b.id, now, quality, *to)?;
            }
        }
        Ok(())
    }

    /// Gives held messages whose quiet hours ended to the rules again; returns how many were
    /// delivered.
    pub fn release_quiet_hours(&self, config: &PolicyConfig, now: Timestamp) -> DbResult<usize> {
        let held = self.list(
            "SELECT id FROM messages WHERE outcome = 'hold' AND reason = 'quiet_hours' ORDER BY id",
            &[],
            |r| wrapped(r, "id", MessageId),
        )?;
        let mut released = 0;
        for id in held {
            if self.recheck_held(id, config, now)? {
                released += 1;
            }
        }
        Ok(released)
    }
}

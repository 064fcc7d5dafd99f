//! The platform's periodic review of every business: gather the signals, let the policy
//! engine evaluate them, and apply the changes it asks for.

use super::{Db, Result, Tx};
use crate::i18n::sentences;
use crate::model::*;
use crate::policy::enforcement::{Change, EnforcementInput, evaluate};
use crate::policy::quality::rate;
use crate::policy::{PolicyConfig, QualitySignals};
use rusqlite::params;

impl Db<'_> {
    /// A business's quality signals over `(since, now]`.
    pub fn business_signals(
        &self,
        business: BusinessId,
        since: Timestamp,
    ) -> Result<QualitySignals> {
        let mut s = self.signal_counts("business_id = ?1", business.0, since)?;
        s.users_reached = self.conn.prepare_cached("SELECT count(DISTINCT user_id) FROM messages
             WHERE business_id = ?1 AND outcome = 'deliver' AND business_id IS NOT NULL AND direction = 'in' AND delivered_at > ?2")?.query_row(params![business, since],
            |r| r.get(0),
        )?;
        Ok(s)
    }

    /// A template's quality signals over `(since, now]`.
    pub fn template_signals(
        &self,
        template: TemplateId,
        since: Timestamp,
    ) -> Result<QualitySignals> {
        let mut s = self.signal_counts("template_id = ?1", template.0, since)?;
        s.users_reached = self.conn.prepare_cached("SELECT count(DISTINCT user_id) FROM messages
             WHERE template_id = ?1 AND outcome = 'deliver' AND template_id IS NOT NULL AND delivered_at > ?2")?.query_row(params![template, since],
            |r| r.get(0),
        )?;
        Ok(s)
    }

    /// A business's templates, each approved or paused one with its quality as its own
    /// signals give it at `now` (the hourly review records the change; readers see it at once).
    pub fn templates_at(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> Result<Vec<Template>> {
        let rolling = now - Span::days(policy.quality.window_days);
        self.templates(business)?
            .into_iter()
            .map(|mut t| {
                if matches!(t.status, TemplateStatus::Approved | TemplateStatus::Paused) {
                    let signals = self.template_signals(t.id, template_window(rolling, &t))?;
                    t.quality = rate(&signals, t.quality, &policy.quality);
                }
                Ok(t)
            })
            .collect()
    }

    /// Each user counts once per kind of signal: three reports by one user are one report.
    fn signal_counts(&self, condition: &str, id: i64, since: Timestamp) -> Result<QualitySignals> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT count(DISTINCT user_id) FILTER (WHERE kind = 'report'),
                    count(DISTINCT user_id) FILTER (WHERE kind = 'block'),
                    count(DISTINCT user_id) FILTER (WHERE kind = 'not_interested')
                 FROM signals WHERE {condition} AND at > ?2"
            ))?
            .query_row(params![id, since], |r| {
                Ok(QualitySignals {
                    reports: r.get(0)?,
                    blocks: r.get(1)?,
                    not_interested: r.get(2)?,
                    users_reached: 0,
                })
            })?)
    }

    /// Reports of a business since `since`: when, and by whom.
    pub fn reports_since(
        &self,
        business: BusinessId,
        since: Timestamp,
    ) -> Result<Vec<(Timestamp, UserId)>> {
        self.list(
            "SELECT at, user_id FROM reports WHERE business_id = ?1 AND at > ?2 ORDER BY at",
            params![business, since],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// Deliveries of templates (business-initiated) since `since`: when, and to whom.
    pub fn template_deliveries(
        &self,
        business: BusinessId,
        since: Timestamp,
    ) -> Result<Vec<(Timestamp, UserId)>> {
        self.list(
            "SELECT delivered_at, user_id FROM messages
             WHERE business_id = ?1 AND outcome = 'deliver' AND direction = 'in'
                AND template_id IS NOT NULL AND delivered_at > ?2",
            params![business, since],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// Held messages waiting for quiet hours to end.
    pub fn quiet_hours_held(&self) -> Result<Vec<MessageId>> {
        self.list(
            "SELECT id FROM messages WHERE outcome = 'hold' AND reason = 'quiet_hours' ORDER BY id",
            [],
            |r| r.get(0),
        )
    }
}

impl Tx<'_> {
    /// Evaluates one business at `now` and applies the result; returns what changed.
    pub fn review_business(
        &self,
        business: BusinessId,
        config: &PolicyConfig,
        now: Timestamp,
    ) -> Result<Vec<Change>> {
        let db = self.db();
        let b = db.business(business)?;
        let quality_since = now - Span::days(config.quality.window_days);
        let templates: Vec<Template> = db
            .templates(business)?
            .into_iter()
            .filter(|t| matches!(t.status, TemplateStatus::Approved | TemplateStatus::Paused))
            .collect();
        let mut with_signals = Vec::with_capacity(templates.len());
        for t in &templates {
            with_signals.push((
                t,
                db.template_signals(t.id, template_window(quality_since, t))?,
            ));
        }
        let strikes = db.strikes(business)?;
        let restrictions = db.restrictions(business)?;
        let active = |kind| {
            restrictions
                .iter()
                .any(|r| r.kind == kind && r.active_at(now))
        };
        let disabled = active(RestrictionKind::Disabled);
        let sending_suspended = active(RestrictionKind::SendingSuspended);
        let tier_lowered = active(RestrictionKind::TierLowered);
        let deliveries =
            db.template_deliveries(business, now - Span::days(config.tiers.review_days))?;
        let reports = db.reports_since(
            business,
            now - Span::days(config.enforcement.reporters_window_days),
        )?;
        let input = EnforcementInput {
            business: &b,
            signals: db.business_signals(business, quality_since)?,
            templates: with_signals,
            strikes: &strikes,
            reports: &reports,
            deliveries: &deliveries,
            tier_lowered,
            disabled,
            sending_suspended,
        };
        let changes: Vec<Change> = evaluate(&input, config, now)
            .into_iter()
            .map(change_in_english)
            .collect();
        for change in &changes {
            self.apply_change(&b, change, now)?;
        }
        Ok(changes)
    }

    fn apply_change(&self, b: &Business, change: &Change, now: Timestamp) -> Result<()> {
        let tx = &self.tx;
        match change {
            Change::Quality { to, .. } => {
                tx.prepare_cached("UPDATE businesses SET quality = ?2 WHERE id = ?1")?
                    .execute(params![b.id, to.as_str()])?;
                let tier = self.db().business(b.id)?.tier;
                self.log_quality(b.id, now, *to, tier)?;
            }
            Change::LowSince(since) => {
                tx.prepare_cached("UPDATE businesses SET low_since = ?2 WHERE id = ?1")?
                    .execute(params![b.id, since])?;
            }
            Change::TemplateQuality { template, quality } => {
                tx.prepare_cached("UPDATE templates SET quality = ?2 WHERE id = ?1")?
                    .execute(params![template, quality.as_str()])?;
            }
            Change::TemplatePaused {
                template,
                until,
                pause_number,
            } => {
                tx.prepare_cached("UPDATE templates SET status = 'paused', paused_until = ?2, pause_count = ?3 WHERE id = ?1")?.execute(params![template, until, pause_number],
                )?;
                let note = format!(
                    "Pause {pause_number} for low quality, until {}",
                    until.date_time()
                );
                self.log_template(*template, now, TemplateStatus::Paused, &note)?;
            }
            Change::TemplateDisabled { template } => {
                tx.prepare_cached(
                    "UPDATE templates SET status = 'disabled', paused_until = NULL WHERE id = ?1",
                )?
                .execute([template])?;
                self.log_template(
                    *template,
                    now,
                    TemplateStatus::Disabled,
                    "Disabled after repeated low quality",
                )?;
            }
            Change::TemplateResumed { template } => {
                tx.prepare_cached("UPDATE templates SET status = 'approved', paused_until = NULL, quality = 'medium', quality_since = ?2
                     WHERE id = ?1")?.execute(params![template, now],
                )?;
                self.log_template(
                    *template,
                    now,
                    TemplateStatus::Approved,
                    "Pause ended; quality is measured afresh",
                )?;
            }
            Change::Strike(s) => {
                let facts = s.facts.as_deref().map(StrikeFacts::to_json);
                tx.prepare_cached(
                    "INSERT INTO strikes (business_id, at, cause, detail, facts) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![s.business, s.at, s.cause.as_str(), s.detail, facts])?;
            }
            Change::Restriction(r) => {
                let strike = r.strike.as_deref().map(RestrictionCause::to_json);
                tx.prepare_cached("INSERT INTO restrictions (business_id, kind, reason, start, end_at, strike) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?.execute(params![r.business, r.kind.as_str(), r.reason, r.start, r.end, strike],
                )?;
            }
            Change::Tier { to, .. } => {
                tx.prepare_cached(
                    "UPDATE businesses SET tier = ?2, tier_since = ?3 WHERE id = ?1",
                )?
                .execute(params![b.id, *to as i64, now])?;
                let quality = self.db().business(b.id)?.quality;
                self.log_quality(b.id, now, quality, *to)?;
            }
        }
        Ok(())
    }

    /// Gives held messages whose quiet hours ended to the rules again.
    pub fn release_after_quiet_hours(
        &self,
        config: &PolicyConfig,
        now: Timestamp,
    ) -> Result<usize> {
        let mut released = 0;
        for id in self.db().quiet_hours_held()? {
            if self.recheck_held(id, config, now)?.is_some() {
                released += 1;
            }
        }
        Ok(released)
    }
}

/// Where a template's quality window starts, exclusive: the rolling window's start, or the
/// second before the template's own window began (its approval or its last resumption), so
/// that what was delivered in that very second counts.
fn template_window(rolling: Timestamp, template: &Template) -> Timestamp {
    rolling.max(template.quality_since - Span::seconds(1))
}

/// The change with its English sentences written, as it is stored and reported.
pub fn change_in_english(change: Change) -> Change {
    match change {
        Change::Strike(s) => Change::Strike(sentences::stamped_strike(s)),
        Change::Restriction(r) => Change::Restriction(sentences::stamped_restriction(r)),
        other => other,
    }
}

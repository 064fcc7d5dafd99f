//! What the server writes, on PostgreSQL: the same commands as the SQLite store's, each
//! calling the same policy functions with the same inputs, inside one transaction.

use super::rows::{get, small, wrapped};
use super::tx::PgTx;
use crate::model::*;
use crate::policy::broadcast::{InsufficientBudget, Settlement};
use crate::policy::enforcement::Change;
use crate::policy::review::{self, Submission};
use crate::policy::{PolicyConfig, Pricing, SignalConfig};
use crate::server::db::{
    Account, Attempt, BroadcastOutcome, BroadcastPart, BroadcastRequest, DbError, DbResult,
    NamedSend, NamedSent, NewBusiness, NewTemplate, OpenedBroadcast, Revision, SendResult,
    ServerReads, ServerWrites,
};

impl PgTx<'_, '_> {
    /// The id an `INSERT ... RETURNING id` gave.
    fn inserted(&self, sql: &str, params: super::tx::Params) -> DbResult<i64> {
        get(&self.one(sql, params)?, "id")
    }

    pub(super) fn log_quality(
        &self,
        business: BusinessId,
        at: Timestamp,
        quality: Quality,
        tier: usize,
    ) -> DbResult<()> {
        self.execute(
            "INSERT INTO quality_log (business_id, at, quality, tier) VALUES ($1, $2, $3, $4)",
            &[&business.0, &at.0, &quality.as_str(), &(tier as i64)],
        )?;
        Ok(())
    }

    pub(super) fn log_template(
        &self,
        template: TemplateId,
        at: Timestamp,
        status: TemplateStatus,
        note: &str,
    ) -> DbResult<()> {
        self.execute(
            "INSERT INTO template_log (template_id, at, status, note) VALUES ($1, $2, $3, $4)",
            &[&template.0, &at.0, &status.as_str(), &note],
        )?;
        Ok(())
    }

    pub(super) fn adjust_budget(&self, business: BusinessId, delta: i64) -> DbResult<()> {
        self.execute(
            "UPDATE businesses SET budget = budget + $2 WHERE id = $1",
            &[&business.0, &delta],
        )?;
        Ok(())
    }

    /// Refuses to change a template while a broadcast of it is sending: its people would get
    /// two versions, or half of them nothing.
    fn not_broadcasting(&self, t: &Template) -> DbResult<()> {
        let row = self.one(
            "SELECT count(*) AS n FROM broadcasts WHERE template_id = $1 AND status = 'running'",
            &[&t.id.0],
        )?;
        match get::<i64>(&row, "n")? {
            0 => Ok(()),
            _ => Err(DbError::Conflict(format!(
                "a broadcast of template {} is still sending; change it once the broadcast is \
                 finished",
                t.name
            ))),
        }
    }

    /// Keeps a template's current version, replaced at `now`.
    fn keep_version(&self, template: TemplateId, now: Timestamp) -> DbResult<()> {
        self.execute(
            "INSERT INTO template_versions (template_id, version, requested_category, category,
                body, status, review_rule, review_note, submitted_at, approved_at, replaced_at)
             SELECT id, version, requested_category, category, body, status, review_rule,
                review_note, submitted_at, approved_at, $2
             FROM templates WHERE id = $1",
            &[&template.0, &now.0],
        )?;
        Ok(())
    }

    /// Where a broadcast of `business` stands; not found when it is another's.
    fn own_state(
        &self,
        id: BroadcastId,
        business: BusinessId,
    ) -> DbResult<crate::server::db::BroadcastState> {
        self.broadcast_state(id)?
            .filter(|s| s.business == business)
            .ok_or_else(|| DbError::not_found(format!("you have no broadcast {id}")))
    }
}

impl ServerWrites for PgTx<'_, '_> {
    fn reads(&self) -> &dyn ServerReads {
        self
    }

    fn add_user(&self, name: &str, prefs: &UserPrefs) -> DbResult<UserId> {
        let quiet_start = prefs.quiet_hours.map(|q| i64::from(q.start));
        let quiet_end = prefs.quiet_hours.map(|q| i64::from(q.end));
        let id = self.inserted(
            "INSERT INTO users (name, all_offers, daily_cap, weekly_cap, quiet_start, quiet_end, time_zone)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            &[
                &text::clean_name(name),
                &prefs.all_offers,
                &i64::from(prefs.daily_marketing_cap),
                &i64::from(prefs.weekly_business_cap),
                &quiet_start,
                &quiet_end,
                &prefs.time_zone.as_ref().map(Zone::name),
            ],
        )?;
        Ok(UserId(id))
    }

    fn set_user_token(&self, user: UserId, hash: &[u8]) -> DbResult<()> {
        self.execute(
            "UPDATE users SET token_hash = $2 WHERE id = $1",
            &[&user.0, &hash],
        )?;
        Ok(())
    }

    fn add_business(&self, new: &NewBusiness, now: Timestamp) -> DbResult<BusinessId> {
        let name = text::clean_name(new.name);
        if self.business_named(&name)?.is_some() {
            return Err(DbError::Invalid(format!(
                "a business named {name} already exists"
            )));
        }
        let id = BusinessId(self.inserted(
            "INSERT INTO businesses (name, name_folded, verified, kind, quality, tier, tier_since,
                budget)
             VALUES ($1, $2, $3, $4, 'high', 0, $5, $6) RETURNING id",
            &[
                &name,
                &text::fold(&name),
                &new.verified,
                &new.kind.as_str(),
                &now.0,
                &new.budget,
            ],
        )?);
        self.log_quality(id, now, Quality::High, 0)?;
        Ok(id)
    }

    fn set_business_token(&self, business: BusinessId, hash: &[u8]) -> DbResult<()> {
        self.execute(
            "UPDATE businesses SET token_hash = $2 WHERE id = $1",
            &[&business.0, &hash],
        )?;
        Ok(())
    }

    fn submit_template(
        &self,
        new: &NewTemplate,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<TemplateId> {
        let name = text::clean_line(new.name, limits::MAX_TEMPLATE_NAME_CHARS);
        if name.is_empty() {
            return Err(DbError::Invalid("a template needs a name".into()));
        }
        if let Some(taken) = self.template_named(new.business, &name)? {
            let how = match taken.status {
                TemplateStatus::Deleted => " (deleted: its name stays with its history)",
                _ => "; edit it to change it",
            };
            return Err(DbError::Conflict(format!(
                "this business already has a template named {name}{how}"
            )));
        }
        let body = text::clean_body(new.body);
        let submission = Submission {
            category: new.category,
            body: &body,
            allow_recategorise: new.allow_recategorise,
        };
        let review = crate::i18n::sentences::stamped_review(review::review(&submission, policy));
        let approved_at = (review.status == TemplateStatus::Approved).then_some(now.0);
        let id = TemplateId(self.inserted(
            "INSERT INTO templates (business_id, name, requested_category, category, body, status,
                review_rule, review_note, allow_recategorise, submitted_at, approved_at, quality,
                quality_since, review_finding)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'high', $10, $12) RETURNING id",
            &[
                &new.business.0,
                &name,
                &new.category.as_str(),
                &review.category.as_str(),
                &body,
                &review.status.as_str(),
                &review.rule.as_str(),
                &review.note,
                &new.allow_recategorise,
                &now.0,
                &approved_at,
                &review.finding.to_json(),
            ],
        )?);
        self.log_template(
            id,
            now,
            review.status,
            &format!("Review: {} ({})", review.note, review.rule),
        )?;
        Ok(id)
    }

    fn revise_template(
        &self,
        template: TemplateId,
        revision: &Revision,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<u32> {
        let t = self.template(template)?;
        self.lock_business(t.business)?;
        if let Some(why) = review::revision_refused(&t, revision.resubmit, now) {
            let sentence = crate::i18n::sentences::revision_refused(&t.name, why);
            return Err(DbError::Conflict(sentence));
        }
        self.not_broadcasting(&t)?;
        let body = text::clean_body(revision.body);
        let submission = Submission {
            category: revision.category,
            body: &body,
            allow_recategorise: revision.allow_recategorise,
        };
        let review = crate::i18n::sentences::stamped_review(review::review(&submission, policy));
        self.keep_version(template, now)?;
        let approved_at = (review.status == TemplateStatus::Approved).then_some(now.0);
        let row = self.one(
            "UPDATE templates SET version = version + 1, requested_category = $2, category = $3,
                body = $4, status = $5, review_rule = $6, review_note = $7,
                allow_recategorise = $8, submitted_at = $9, approved_at = $10, review_finding = $11
             WHERE id = $1 RETURNING version",
            &[
                &template.0,
                &revision.category.as_str(),
                &review.category.as_str(),
                &body,
                &review.status.as_str(),
                &review.rule.as_str(),
                &review.note,
                &revision.allow_recategorise,
                &now.0,
                &approved_at,
                &review.finding.to_json(),
            ],
        )?;
        let version: u32 = small(&row, "version")?;
        let what = if revision.resubmit {
            "resubmitted"
        } else {
            "edited"
        };
        let waits = format!(
            "Version {version} {what}: it waits for review; version {} is kept.",
            version - 1
        );
        self.log_template(template, now, TemplateStatus::Pending, &waits)?;
        let reviewed = format!(
            "Review of version {version}: {} ({})",
            review.note, review.rule
        );
        self.log_template(template, now, review.status, &reviewed)?;
        Ok(version)
    }

    fn delete_template(&self, template: TemplateId, now: Timestamp) -> DbResult<()> {
        let t = self.template(template)?;
        self.lock_business(t.business)?;
        if t.status == TemplateStatus::Deleted {
            return Err(DbError::Conflict(format!(
                "template {} is already deleted",
                t.name
            )));
        }
        self.not_broadcasting(&t)?;
        self.execute(
            "UPDATE templates SET status = 'deleted', paused_until = NULL WHERE id = $1",
            &[&template.0],
        )?;
        self.log_template(
            template,
            now,
            TemplateStatus::Deleted,
            "Deleted by the business: it can no longer be sent; its history and figures stay.",
        )
    }

    fn send(
        &self,
        attempt: &Attempt,
        policy: &PolicyConfig,
        pricing: &Pricing,
    ) -> DbResult<SendResult> {
        self.send_one(attempt, policy, pricing)
    }

    fn send_named(
        &self,
        send: &NamedSend,
        rules: (&PolicyConfig, &Pricing),
        answer: &dyn Fn(&SendResult) -> DbResult<String>,
    ) -> DbResult<NamedSent> {
        self.send_named_at_once(send, rules, answer)
    }

    fn broadcast(
        &self,
        request: &BroadcastRequest,
        policy: &PolicyConfig,
        pricing: &Pricing,
        now: Timestamp,
    ) -> DbResult<BroadcastOutcome> {
        self.broadcast_at_once(request, policy, pricing, now)
    }

    fn record_refused_broadcast(
        &self,
        request: &BroadcastRequest,
        refusal: &InsufficientBudget,
        pricing: &Pricing,
        now: Timestamp,
    ) -> DbResult<BroadcastId> {
        self.keep_refused(request, refusal, pricing, now)
    }

    fn open_broadcast(
        &self,
        request: &BroadcastRequest,
        pricing: &Pricing,
        now: Timestamp,
    ) -> DbResult<OpenedBroadcast> {
        self.open_in_parts(request, pricing, now)
    }

    fn send_broadcast_part(
        &self,
        id: BroadcastId,
        business: BusinessId,
        at_most: usize,
        rules: (&PolicyConfig, &Pricing),
        now: Timestamp,
    ) -> DbResult<BroadcastPart> {
        self.send_part(id, business, at_most, rules, now)
    }

    fn close_broadcast(&self, id: BroadcastId, business: BusinessId) -> DbResult<Settlement> {
        self.lock_business(business)?;
        let state = self.own_state(id, business)?;
        if state.running {
            let row = self.one("SELECT reserved FROM broadcasts WHERE id = $1", &[&id.0])?;
            let reserved: i64 = get(&row, "reserved")?;
            let charged = state.charged.clamp(0, reserved);
            self.adjust_budget(business, reserved - charged)?;
            self.execute(
                "DELETE FROM broadcast_pending WHERE broadcast_id = $1",
                &[&id.0],
            )?;
            self.execute(
                "UPDATE broadcasts SET charged = $2, refunded = $3, status = 'done' WHERE id = $1",
                &[&id.0, &charged, &(reserved - charged)],
            )?;
        }
        let settled = self.own_state(id, business)?;
        Ok(Settlement {
            charged: settled.charged,
            refunded: settled.refunded,
            budget_after: self.business(business)?.budget,
        })
    }

    fn settle_unfinished(
        &self,
        business: Option<BusinessId>,
        idle_since: Timestamp,
    ) -> DbResult<Vec<(BroadcastId, Settlement)>> {
        let stale = self.list(
            "SELECT id, business_id FROM broadcasts
             WHERE status = 'running' AND touched_at <= $2
                AND ($1::BIGINT IS NULL OR business_id = $1)
             ORDER BY id",
            &[&business.map(|b| b.0), &idle_since.0],
            |r| {
                Ok((
                    wrapped(r, "id", BroadcastId)?,
                    wrapped(r, "business_id", BusinessId)?,
                ))
            },
        )?;
        stale
            .into_iter()
            .map(|(id, owner)| Ok((id, self.close_broadcast(id, owner)?)))
            .collect()
    }

    fn apply(
        &self,
        user: UserId,
        action: &UserAction,
        now: Timestamp,
        signals: &SignalConfig,
    ) -> DbResult<()> {
        self.apply_action(user, action, now, signals)
    }

    fn mark_read(&self, chat: ChatId, now: Timestamp) -> DbResult<()> {
        self.read_chat(chat, now)
    }

    fn read_business_conversation(
        &self,
        business: BusinessId,
        user: &User,
        limit: usize,
        config: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Option<ConversationPage>> {
        self.read_conversation(business, user, limit, config, now)
    }

    fn reply(
        &self,
        user: UserId,
        to: Counterpart,
        body: &str,
        now: Timestamp,
    ) -> DbResult<MessageId> {
        self.write_reply(user, to, body, now)
    }

    fn set_client_key(&self, message: MessageId, key: &str) -> DbResult<()> {
        self.execute(
            "UPDATE messages SET client_key = $2 WHERE id = $1",
            &[&message.0, &key],
        )?;
        Ok(())
    }

    fn replace_token(&self, account: Account, new: Option<&[u8]>, now: Timestamp) -> DbResult<()> {
        let (table, id) = match account {
            Account::User(u) => ("users", u.0),
            Account::Business(b) => ("businesses", b.0),
            Account::Reviewer(r) => ("reviewers", r.0),
        };
        self.execute(
            &format!(
                "INSERT INTO revoked_tokens (token_hash, at)
                 SELECT token_hash, $2 FROM {table} WHERE id = $1 AND token_hash IS NOT NULL
                 ON CONFLICT (token_hash) DO NOTHING"
            ),
            &[&id, &now.0],
        )?;
        self.execute(
            &format!("UPDATE {table} SET token_hash = $2 WHERE id = $1"),
            &[&id, &new],
        )?;
        Ok(())
    }

    fn forget_actions_before(&self, before: Timestamp) -> DbResult<usize> {
        let actions = self.execute("DELETE FROM applied_actions WHERE at < $1", &[&before.0])?;
        let sends = self.execute("DELETE FROM applied_sends WHERE at < $1", &[&before.0])?;
        Ok(usize::try_from(actions + sends).unwrap_or(usize::MAX))
    }

    fn record_action(&self, user: UserId, key: &str, result: &str, at: Timestamp) -> DbResult<()> {
        self.execute(
            "INSERT INTO applied_actions (user_id, key, result, at) VALUES ($1, $2, $3, $4)",
            &[&user.0, &key, &result, &at.0],
        )?;
        Ok(())
    }

    fn record_send(
        &self,
        business: BusinessId,
        key: &str,
        result: &str,
        at: Timestamp,
    ) -> DbResult<()> {
        self.execute(
            "INSERT INTO applied_sends (business_id, key, result, at) VALUES ($1, $2, $3, $4)",
            &[&business.0, &key, &result, &at.0],
        )?;
        Ok(())
    }

    fn review_business(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Vec<Change>> {
        self.review_one(business, policy, now)
    }

    fn release_after_quiet_hours(&self, policy: &PolicyConfig, now: Timestamp) -> DbResult<usize> {
        self.release_quiet_hours(policy, now)
    }

    fn add_reviewer(&self, name: &str) -> DbResult<ReviewerId> {
        if self
            .accounts_named(name)?
            .iter()
            .any(|a| matches!(a, Account::Reviewer(_)))
        {
            return Err(DbError::Invalid(format!(
                "a reviewer named {name} already exists on this server; pick another name"
            )));
        }
        let id = self.inserted(
            "INSERT INTO reviewers (name) VALUES ($1) RETURNING id",
            &[&name],
        )?;
        Ok(ReviewerId(id))
    }

    fn set_reviewer_token(&self, reviewer: ReviewerId, hash: &[u8]) -> DbResult<()> {
        self.execute(
            "UPDATE reviewers SET token_hash = $2 WHERE id = $1",
            &[&reviewer.0, &hash],
        )?;
        Ok(())
    }

    fn record_review_decision(
        &self,
        reviewer: ReviewerId,
        decision: &ReviewDecision,
        lifted: &[Restriction],
    ) -> DbResult<()> {
        self.keep_review_decision(reviewer, decision, lifted)
    }

    fn ask_for_review(
        &self,
        business: BusinessId,
        note: &str,
        now: Timestamp,
    ) -> DbResult<Option<ReviewRequest>> {
        self.file_review_request(business, note, now)
    }
}

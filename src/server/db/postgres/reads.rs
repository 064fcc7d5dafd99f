//! What the server reads, on PostgreSQL: the same questions as the SQLite store's, in the
//! same order, over a snapshot or inside a write transaction.

use super::rows::{self, get, opt_wrapped, small, wrapped};
use super::tx::PgTx;
use crate::model::*;
use crate::policy::quality::rate;
use crate::policy::{Metrics, PolicyConfig, QualitySignals, StandingReport};
use crate::server::db::{
    Account, BroadcastState, ChangeRows, ChangedDealing, ChangedMessage, DbError, DbResult,
    ServerReads, Tombstone,
};

impl PgTx<'_, '_> {
    /// Up to `limit` businesses `user` deals with that changed after `(change, id)`, in
    /// `(change, business)` order; after `(0, 0)`, every one. A change to a business or its
    /// restrictions reaches this through the user's relation or chat with it, which it stamps
    /// with the user's next number (schema_3.sql).
    fn changed_dealings(
        &self,
        user: UserId,
        after: (i64, i64),
        limit: usize,
    ) -> DbResult<Vec<ChangedDealing>> {
        self.list(
            "SELECT business_id, min(change) AS first, max(change) AS last FROM (
                SELECT business_id, change FROM relations WHERE user_id = $1 AND change >= $2
                UNION ALL
                SELECT business_id, change FROM chats
                WHERE user_id = $1 AND change >= $2 AND business_id IS NOT NULL
             ) AS changed WHERE change > $2 OR business_id > $3
             GROUP BY business_id ORDER BY first, business_id LIMIT $4",
            &[&user.0, &after.0, &after.1, &(limit as i64)],
            |r| {
                Ok(ChangedDealing {
                    business: wrapped(r, "business_id", BusinessId)?,
                    change: get(r, "first")?,
                    last: get(r, "last")?,
                })
            },
        )
    }

    /// A business's quality signals over `(since, now]`.
    pub fn business_signals(
        &self,
        business: BusinessId,
        since: Timestamp,
    ) -> DbResult<QualitySignals> {
        let mut s = self.signal_counts("business_id = $1", business.0, since)?;
        let reached = self.one(
            "SELECT count(DISTINCT user_id) FROM messages
             WHERE business_id = $1 AND outcome = 'deliver' AND direction = 'in'
                AND delivered_at > $2",
            &[&business.0, &since.0],
        )?;
        s.users_reached = small(&reached, "count")?;
        Ok(s)
    }

    /// A template's quality signals over `(since, now]`.
    pub fn template_signals(
        &self,
        template: TemplateId,
        since: Timestamp,
    ) -> DbResult<QualitySignals> {
        let mut s = self.signal_counts("template_id = $1", template.0, since)?;
        let reached = self.one(
            "SELECT count(DISTINCT user_id) FROM messages
             WHERE template_id = $1 AND outcome = 'deliver' AND delivered_at > $2",
            &[&template.0, &since.0],
        )?;
        s.users_reached = small(&reached, "count")?;
        Ok(s)
    }

    /// Each user counts once per kind of signal: three reports by one user are one report.
    fn signal_counts(
        &self,
        condition: &str,
        id: i64,
        since: Timestamp,
    ) -> DbResult<QualitySignals> {
        let row = self.one(
            &format!(
                "SELECT count(DISTINCT user_id) FILTER (WHERE kind = 'report') AS reports,
                    count(DISTINCT user_id) FILTER (WHERE kind = 'block') AS blocks,
                    count(DISTINCT user_id) FILTER (WHERE kind = 'not_interested') AS not_interested
                 FROM signals WHERE {condition} AND at > $2"
            ),
            &[&id, &since.0],
        )?;
        Ok(QualitySignals {
            reports: small(&row, "reports")?,
            blocks: small(&row, "blocks")?,
            not_interested: small(&row, "not_interested")?,
            users_reached: 0,
        })
    }

    /// A business with its quality as the signals of the window ending at `now` give it.
    fn rated_now(
        &self,
        mut b: Business,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Business> {
        let window = Span::days(policy.quality.window_days);
        let signals = self.business_signals(b.id, now - window)?;
        b.quality = rate(&signals, b.quality, &policy.quality);
        Ok(b)
    }

    /// The `count(*)` a statement returns.
    fn count(&self, sql: &str, params: super::tx::Params) -> DbResult<u32> {
        let n: i64 = get(&self.one(sql, params)?, "count")?;
        Ok(u32::try_from(n.max(0)).unwrap_or(u32::MAX))
    }
}

impl ServerReads for PgTx<'_, '_> {
    fn token_hash(&self, account: Account) -> DbResult<Option<Vec<u8>>> {
        let (sql, id) = token_query(account);
        Ok(self
            .first(sql, &[&id], |r| get::<Option<Vec<u8>>>(r, "token_hash"))?
            .flatten())
    }

    fn user(&self, id: UserId) -> DbResult<User> {
        self.first("SELECT * FROM users WHERE id = $1", &[&id.0], rows::user)?
            .ok_or_else(|| DbError::not_found(format!("no user {id}")))
    }

    fn user_named(&self, name: &str) -> DbResult<Option<User>> {
        self.first(
            "SELECT * FROM users WHERE name = $1 ORDER BY id LIMIT 1",
            &[&name],
            rows::user,
        )
    }

    fn business(&self, id: BusinessId) -> DbResult<Business> {
        self.first(
            "SELECT * FROM businesses WHERE id = $1",
            &[&id.0],
            rows::business,
        )?
        .ok_or_else(|| DbError::not_found(format!("no business {id}")))
    }

    fn businesses(&self) -> DbResult<Vec<Business>> {
        self.list(
            "SELECT * FROM businesses ORDER BY lower(name), id",
            &[],
            rows::business,
        )
    }

    fn business_at(
        &self,
        id: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Business> {
        let b = self.business(id)?;
        self.rated_now(b, policy, now)
    }

    fn templates_at(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Vec<Template>> {
        let rolling = now - Span::days(policy.quality.window_days);
        self.templates(business)?
            .into_iter()
            .map(|mut t| {
                if matches!(t.status, TemplateStatus::Approved | TemplateStatus::Paused) {
                    let since = rolling.max(t.quality_since - Span::seconds(1));
                    let signals = self.template_signals(t.id, since)?;
                    t.quality = rate(&signals, t.quality, &policy.quality);
                }
                Ok(t)
            })
            .collect()
    }

    fn businesses_at(&self, policy: &PolicyConfig, now: Timestamp) -> DbResult<Vec<Business>> {
        self.businesses()?
            .into_iter()
            .map(|b| self.rated_now(b, policy, now))
            .collect()
    }

    fn directory(
        &self,
        query: &str,
        after: BusinessId,
        limit: usize,
    ) -> DbResult<Vec<ListedBusiness>> {
        self.directory_page(query, after, limit)
    }

    fn subscriber_count(&self, business: BusinessId) -> DbResult<u32> {
        self.count(
            "SELECT count(*) FROM relations
             WHERE business_id = $1 AND subscribed AND blocked IS NULL",
            &[&business.0],
        )
    }

    fn restrictions(&self, business: BusinessId) -> DbResult<Vec<Restriction>> {
        self.list(
            "SELECT * FROM restrictions WHERE business_id = $1 ORDER BY start, id",
            &[&business.0],
            rows::restriction,
        )
    }

    fn strikes(&self, business: BusinessId) -> DbResult<Vec<Strike>> {
        self.list(
            "SELECT * FROM strikes WHERE business_id = $1 ORDER BY at, id",
            &[&business.0],
            rows::strike,
        )
    }

    fn template(&self, id: TemplateId) -> DbResult<Template> {
        self.first(
            "SELECT * FROM templates WHERE id = $1",
            &[&id.0],
            rows::template,
        )?
        .ok_or_else(|| DbError::not_found(format!("no template {id}")))
    }

    fn template_named(&self, business: BusinessId, name: &str) -> DbResult<Option<Template>> {
        self.first(
            "SELECT * FROM templates WHERE business_id = $1 AND name = $2",
            &[&business.0, &name],
            rows::template,
        )
    }

    fn templates(&self, business: BusinessId) -> DbResult<Vec<Template>> {
        self.list(
            "SELECT * FROM templates WHERE business_id = $1 ORDER BY id",
            &[&business.0],
            rows::template,
        )
    }

    fn template_log(&self, template: TemplateId) -> DbResult<Vec<TemplateEvent>> {
        self.list(
            "SELECT at, status, note FROM template_log WHERE template_id = $1 ORDER BY at, id",
            &[&template.0],
            |r| {
                Ok(TemplateEvent {
                    at: wrapped(r, "at", Timestamp)?,
                    status: rows::code(r, "status", TemplateStatus::parse)?,
                    note: get(r, "note")?,
                })
            },
        )
    }

    fn template_versions(&self, template: TemplateId) -> DbResult<Vec<TemplateVersion>> {
        let version = |r: &tokio_postgres::Row| {
            Ok(TemplateVersion {
                version: small(r, "version")?,
                requested_category: rows::code(r, "requested_category", Category::parse)?,
                category: rows::code(r, "category", Category::parse)?,
                body: get(r, "body")?,
                status: rows::code(r, "status", TemplateStatus::parse)?,
                review_rule: rows::code(r, "review_rule", ReviewRule::parse)?,
                review_note: get(r, "review_note")?,
                submitted_at: wrapped(r, "submitted_at", Timestamp)?,
                approved_at: opt_wrapped(r, "approved_at", Timestamp)?,
                replaced_at: opt_wrapped(r, "replaced_at", Timestamp)?,
            })
        };
        let mut versions = self.list(
            "SELECT * FROM template_versions WHERE template_id = $1 ORDER BY version",
            &[&template.0],
            version,
        )?;
        versions.extend(self.list(
            "SELECT *, NULL::BIGINT AS replaced_at FROM templates WHERE id = $1",
            &[&template.0],
            version,
        )?);
        Ok(versions)
    }

    fn broadcasts(&self, business: BusinessId) -> DbResult<Vec<BroadcastRecord>> {
        self.list(
            "SELECT * FROM broadcasts WHERE business_id = $1 ORDER BY created_at DESC, id DESC",
            &[&business.0],
            |r| {
                Ok(BroadcastRecord {
                    id: wrapped(r, "id", BroadcastId)?,
                    template: wrapped(r, "template_id", TemplateId)?,
                    category: rows::code(r, "category", Category::parse)?,
                    created_at: wrapped(r, "created_at", Timestamp)?,
                    audience: small(r, "audience")?,
                    unit_price: get(r, "unit_price")?,
                    reserved: get(r, "reserved")?,
                    charged: get(r, "charged")?,
                    refunded: get(r, "refunded")?,
                    refused: match get::<String>(r, "status")?.as_str() {
                        "refused" => Some(BudgetShortfall {
                            needed: get(r, "needed")?,
                            available: get(r, "available")?,
                        }),
                        _ => None,
                    },
                })
            },
        )
    }

    fn broadcast_owner(&self, broadcast: BroadcastId) -> DbResult<Option<BusinessId>> {
        self.first(
            "SELECT business_id FROM broadcasts WHERE id = $1",
            &[&broadcast.0],
            |r| wrapped(r, "business_id", BusinessId),
        )
    }

    fn broadcast_state(&self, broadcast: BroadcastId) -> DbResult<Option<BroadcastState>> {
        self.first(
            "SELECT business_id, status = 'running' AS running, charged, refunded,
                (SELECT count(*) FROM broadcast_pending WHERE broadcast_id = b.id) AS remaining
             FROM broadcasts b WHERE id = $1",
            &[&broadcast.0],
            |r| {
                Ok(BroadcastState {
                    business: wrapped(r, "business_id", BusinessId)?,
                    running: get(r, "running")?,
                    charged: get(r, "charged")?,
                    refunded: get(r, "refunded")?,
                    remaining: small(r, "remaining")?,
                })
            },
        )
    }

    fn metrics(&self, scope: MetricScope) -> DbResult<Metrics> {
        self.summed_metrics(scope)
    }

    fn daily(
        &self,
        scope: MetricScope,
        first_day: i64,
        last_day: i64,
    ) -> DbResult<Vec<DayFigures>> {
        self.figures_per_day(scope, first_day, last_day)
    }

    fn quality_points(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Vec<QualityPoint>> {
        self.quality_points_at(business, policy, now)
    }

    fn standing_report(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<StandingReport> {
        self.standing_at(business, policy, now)
    }

    fn changes_after(&self, user: UserId, after: (i64, i64), limit: usize) -> DbResult<ChangeRows> {
        let params: super::tx::Params = &[&user.0, &after.0, &after.1, &(limit as i64)];
        let messages = self.list(
            "SELECT m.*, t.name AS template_name FROM messages m
             LEFT JOIN templates t ON t.id = m.template_id
             WHERE m.user_id = $1 AND m.change > 0 AND (m.change, m.id) > ($2, $3)
               AND m.business_id IS NOT NULL
             ORDER BY m.change, m.id LIMIT $4",
            params,
            |r| {
                Ok(ChangedMessage {
                    message: rows::message(r)?,
                    business: wrapped(r, "business_id", BusinessId)?,
                    template_name: get(r, "template_name")?,
                    client_key: get(r, "client_key")?,
                    change: get(r, "change")?,
                })
            },
        )?;
        let removed = self.list(
            "SELECT message_id, change FROM message_tombstones
             WHERE user_id = $1 AND (change, message_id) > ($2, $3)
             ORDER BY change, message_id LIMIT $4",
            params,
            |r| {
                Ok(Tombstone {
                    message: wrapped(r, "message_id", MessageId)?,
                    change: get(r, "change")?,
                })
            },
        )?;
        let decisions = self.list(
            "SELECT * FROM decisions
             WHERE user_id = $1 AND change > 0 AND (change, id) > ($2, $3)
             ORDER BY change, id LIMIT $4",
            params,
            |r| {
                Ok(SyncedDecision {
                    id: get(r, "id")?,
                    business: wrapped(r, "business_id", BusinessId)?,
                    template: opt_wrapped(r, "template_id", TemplateId)?,
                    category: rows::code(r, "category", Category::parse)?,
                    at: wrapped(r, "at", Timestamp)?,
                    decision: rows::decision(r)?,
                    message: opt_wrapped(r, "message_id", MessageId)?,
                    change: get(r, "change")?,
                })
            },
        )?;
        Ok(ChangeRows {
            messages,
            removed,
            decisions,
            businesses: self.changed_dealings(user, after, limit)?,
            prefs_change: get(
                &self.one("SELECT prefs_change FROM users WHERE id = $1", &[&user.0])?,
                "prefs_change",
            )?,
        })
    }

    fn dealings(
        &self,
        user: UserId,
        among: &[BusinessId],
    ) -> DbResult<Vec<(Business, Relation, Vec<Restriction>)>> {
        let ids: Vec<i64> = among.iter().map(|b| b.0).collect();
        let mut dealings = self.list(
            "SELECT b.*, r.user_id AS related, r.subscribed, r.blocked, r.blocked_at,
                r.not_interested_at, r.interested_at, r.last_user_message_at, r.known
             FROM businesses b LEFT JOIN relations r ON r.user_id = $1 AND r.business_id = b.id
             WHERE b.id = ANY($2) ORDER BY b.id",
            &[&user.0, &ids],
            |r| {
                let relation = match get::<Option<i64>>(r, "related")? {
                    Some(_) => rows::relation(r)?,
                    None => Relation::default(),
                };
                Ok((rows::business(r)?, relation, Vec::new()))
            },
        )?;
        let restrictions = self.list(
            "SELECT * FROM restrictions WHERE business_id = ANY($1)
             ORDER BY business_id, start, id",
            &[&ids],
            rows::restriction,
        )?;
        for restriction in restrictions {
            let at = dealings.binary_search_by_key(&restriction.business, |(b, _, _)| b.id);
            if let Ok(at) = at {
                dealings[at].2.push(restriction);
            }
        }
        Ok(dealings)
    }

    fn chat_with(&self, user: UserId, with: Counterpart) -> DbResult<Option<Chat>> {
        let (sql, id) = match with {
            Counterpart::Business(b) => (
                "SELECT * FROM chats WHERE user_id = $1 AND business_id = $2",
                b.0,
            ),
            Counterpart::Contact(c) => (
                "SELECT * FROM chats WHERE user_id = $1 AND contact_id = $2",
                c.0,
            ),
        };
        self.first(sql, &[&user.0, &id], rows::chat)
    }

    fn accounts_named(&self, name: &str) -> DbResult<Vec<Account>> {
        self.list(
            "SELECT 'u' AS kind, id FROM users WHERE name = $1
             UNION ALL SELECT 'b', id FROM businesses WHERE name = $1
             UNION ALL SELECT 'r', id FROM reviewers WHERE name = $1",
            &[&name],
            |r| {
                let id: i64 = get(r, "id")?;
                Ok(match get::<String>(r, "kind")?.as_str() {
                    "u" => Account::User(UserId(id)),
                    "b" => Account::Business(BusinessId(id)),
                    _ => Account::Reviewer(ReviewerId(id)),
                })
            },
        )
    }

    fn token_revoked(&self, hash: &[u8]) -> DbResult<bool> {
        let row = self.one(
            "SELECT EXISTS (SELECT 1 FROM revoked_tokens WHERE token_hash = $1) AS revoked",
            &[&hash],
        )?;
        get(&row, "revoked")
    }

    fn applied_action(&self, user: UserId, key: &str) -> DbResult<Option<String>> {
        self.first(
            "SELECT result FROM applied_actions WHERE user_id = $1 AND key = $2",
            &[&user.0, &key],
            |r| get(r, "result"),
        )
    }

    fn applied_send(&self, business: BusinessId, key: &str) -> DbResult<Option<String>> {
        self.first(
            "SELECT result FROM applied_sends WHERE business_id = $1 AND key = $2",
            &[&business.0, &key],
            |r| get(r, "result"),
        )
    }

    fn business_conversations(
        &self,
        business: BusinessId,
        offset: usize,
        limit: usize,
    ) -> DbResult<Vec<BusinessConversation>> {
        self.conversations_page(business, offset, limit)
    }

    fn business_conversation_count(&self, business: BusinessId) -> DbResult<u32> {
        self.count(
            "SELECT count(*) FROM chats WHERE business_id = $1",
            &[&business.0],
        )
    }

    fn business_named(&self, name: &str) -> DbResult<Option<Business>> {
        self.first(
            "SELECT * FROM businesses WHERE name = $1",
            &[&name],
            rows::business,
        )
    }

    fn reviewer_name(&self, reviewer: ReviewerId) -> DbResult<Option<String>> {
        self.first(
            "SELECT name FROM reviewers WHERE id = $1",
            &[&reviewer.0],
            |r| get(r, "name"),
        )
    }

    fn review_state(&self, business: BusinessId, now: Timestamp) -> DbResult<ReviewState> {
        self.review_state_at(business, now)
    }

    fn report_count(&self, business: BusinessId, since: Timestamp) -> DbResult<u32> {
        self.count(
            "SELECT count(*) FROM reports WHERE business_id = $1 AND at > $2",
            &[&business.0, &since.0],
        )
    }

    fn report_files(&self, business: BusinessId, limit: usize) -> DbResult<Vec<ReportFile>> {
        self.reports_with_evidence(business, limit)
    }
}

/// The statement (on `$1`, the id) that reads an account's token hash, and the id.
pub fn token_query(account: Account) -> (&'static str, i64) {
    match account {
        Account::User(u) => ("SELECT token_hash FROM users WHERE id = $1", u.0),
        Account::Business(b) => ("SELECT token_hash FROM businesses WHERE id = $1", b.0),
        Account::Reviewer(r) => ("SELECT token_hash FROM reviewers WHERE id = $1", r.0),
    }
}

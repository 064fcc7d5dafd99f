//! Users, contacts, businesses, templates and the relation between a user and a business.

use super::{Db, Result, StoreError, Tx, rows};
use crate::model::*;
use crate::policy::PolicyConfig;
use crate::policy::review::{self, Submission};
use rusqlite::{OptionalExtension, params};

const TEMPLATE_COLUMNS: &str = "SELECT * FROM templates";

impl Db<'_> {
    /// One user.
    pub fn user(&self, id: UserId) -> Result<User> {
        self.conn
            .prepare_cached("SELECT * FROM users WHERE id = ?1")?
            .query_row([id], rows::user)
            .optional()?
            .ok_or_else(|| StoreError::not_found(format!("no user {id}")))
    }

    /// Every user, in creation order.
    pub fn users(&self) -> Result<Vec<User>> {
        self.list("SELECT * FROM users ORDER BY id", [], rows::user)
    }

    /// The user with this name, if any.
    pub fn user_named(&self, name: &str) -> Result<Option<User>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {} FROM users WHERE name = ?1 ORDER BY id LIMIT 1",
                rows::USER_COLUMNS
            ))?
            .query_row([name], |r| rows::user_at(r, 0))
            .optional()?)
    }

    /// The user holding a token (by its hash).
    pub fn user_by_token(&self, hash: &[u8]) -> Result<Option<User>> {
        Ok(self
            .conn
            .prepare_cached("SELECT * FROM users WHERE token_hash = ?1")?
            .query_row([hash], rows::user)
            .optional()?)
    }

    /// A user's contacts.
    pub fn contacts(&self, user: UserId) -> Result<Vec<Contact>> {
        self.list(
            "SELECT id, user_id, name FROM contacts WHERE user_id = ?1 ORDER BY id",
            [user],
            |r| {
                Ok(Contact {
                    id: r.get(0)?,
                    user: r.get(1)?,
                    name: r.get(2)?,
                })
            },
        )
    }

    /// One business.
    pub fn business(&self, id: BusinessId) -> Result<Business> {
        self.conn
            .prepare_cached("SELECT * FROM businesses WHERE id = ?1")?
            .query_row([id], rows::business)
            .optional()?
            .ok_or_else(|| StoreError::not_found(format!("no business {id}")))
    }

    /// The business with this name, if any.
    pub fn business_named(&self, name: &str) -> Result<Option<Business>> {
        Ok(self
            .conn
            .prepare_cached("SELECT * FROM businesses WHERE name = ?1")?
            .query_row([name], rows::business)
            .optional()?)
    }

    /// The business holding a token (by its hash).
    pub fn business_by_token(&self, hash: &[u8]) -> Result<Option<Business>> {
        Ok(self
            .conn
            .prepare_cached("SELECT * FROM businesses WHERE token_hash = ?1")?
            .query_row([hash], rows::business)
            .optional()?)
    }

    /// Every business, by name.
    pub fn businesses(&self) -> Result<Vec<Business>> {
        self.list(
            "SELECT * FROM businesses ORDER BY name COLLATE NOCASE",
            [],
            rows::business,
        )
    }

    /// One template.
    pub fn template(&self, id: TemplateId) -> Result<Template> {
        self.conn
            .prepare_cached(&format!("{TEMPLATE_COLUMNS} WHERE id = ?1"))?
            .query_row([id], rows::template)
            .optional()?
            .ok_or_else(|| StoreError::not_found(format!("no template {id}")))
    }

    /// A business's template by name.
    pub fn template_named(&self, business: BusinessId, name: &str) -> Result<Option<Template>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {} FROM templates WHERE business_id = ?1 AND name = ?2",
                rows::TEMPLATE_COLUMNS
            ))?
            .query_row(params![business, name], |r| rows::template_at(r, 0))
            .optional()?)
    }

    /// A business's templates, in submission order.
    pub fn templates(&self, business: BusinessId) -> Result<Vec<Template>> {
        self.list(
            &format!("{TEMPLATE_COLUMNS} WHERE business_id = ?1 ORDER BY id"),
            [business],
            rows::template,
        )
    }

    /// A template's status history: when, which status, and why.
    pub fn template_log(&self, template: TemplateId) -> Result<Vec<TemplateEvent>> {
        self.list(
            "SELECT at, status, note FROM template_log WHERE template_id = ?1 ORDER BY at, id",
            [template],
            |r| {
                Ok(TemplateEvent {
                    at: r.get(0)?,
                    status: rows::code(r, "status", TemplateStatus::parse)?,
                    note: r.get(2)?,
                })
            },
        )
    }

    /// What a user has chosen about a business (the default when nothing yet).
    pub fn relation(&self, user: UserId, business: BusinessId) -> Result<Relation> {
        Ok(self
            .conn
            .prepare_cached("SELECT * FROM relations WHERE user_id = ?1 AND business_id = ?2")?
            .query_row(params![user, business], rows::relation)
            .optional()?
            .unwrap_or_default())
    }

    /// When the user last reported the business, and why; `None` when never.
    pub fn last_report(
        &self,
        user: UserId,
        business: BusinessId,
    ) -> Result<Option<(Timestamp, ReportReason)>> {
        self.newest_report("reports", "business_id", user, business.0)
    }

    /// The user's newest report in `table` of the party whose id is in `column`.
    pub(super) fn newest_report(
        &self,
        table: &str,
        column: &str,
        user: UserId,
        party: i64,
    ) -> Result<Option<(Timestamp, ReportReason)>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT at, reason FROM {table} WHERE user_id = ?1 AND {column} = ?2
                     ORDER BY at DESC, id DESC LIMIT 1"
            ))?
            .query_row(params![user, party], |r| {
                Ok((r.get(0)?, rows::code(r, "reason", ReportReason::parse)?))
            })
            .optional()?)
    }

    /// The users subscribed to a business's offers (and not blocking it).
    pub fn subscribers(&self, business: BusinessId) -> Result<Vec<UserId>> {
        self.list("SELECT user_id FROM relations WHERE business_id = ?1 AND subscribed = 1 AND blocked IS NULL ORDER BY user_id", [business], |r| r.get(0))
    }

    /// A business's strikes, oldest first.
    pub fn strikes(&self, business: BusinessId) -> Result<Vec<Strike>> {
        self.list(
            "SELECT * FROM strikes WHERE business_id = ?1 ORDER BY at, id",
            [business],
            rows::strike,
        )
    }

    /// A business's restrictions, oldest first.
    pub fn restrictions(&self, business: BusinessId) -> Result<Vec<Restriction>> {
        self.list(
            "SELECT * FROM restrictions WHERE business_id = ?1 ORDER BY start, id",
            [business],
            rows::restriction,
        )
    }

    /// A business's quality and tier over time.
    pub fn quality_log(&self, business: BusinessId) -> Result<Vec<(Timestamp, Quality, usize)>> {
        self.list(
            "SELECT at, quality, tier FROM quality_log WHERE business_id = ?1 ORDER BY at",
            [business],
            |r| {
                Ok((
                    r.get(0)?,
                    rows::code(r, "quality", Quality::parse)?,
                    r.get::<_, i64>(2)?.max(0) as usize,
                ))
            },
        )
    }
}

/// A new business as it is registered.
#[derive(Debug, Clone)]
pub struct NewBusiness<'a> {
    pub name: &'a str,
    pub verified: bool,
    pub kind: BusinessKind,
    pub budget: i64,
}

/// A template as a business submits it.
#[derive(Debug, Clone)]
pub struct NewTemplate<'a> {
    pub business: BusinessId,
    pub name: &'a str,
    pub category: Category,
    pub body: &'a str,
    pub allow_recategorise: bool,
}

impl Tx<'_> {
    /// Creates a user with the given preferences.
    pub fn add_user(&self, name: &str, prefs: &UserPrefs) -> Result<UserId> {
        self.tx.prepare_cached("INSERT INTO users (name, all_offers, daily_cap, weekly_cap, quiet_start, quiet_end, time_zone)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?.execute(params![
                text::clean_name(name),
                prefs.all_offers,
                prefs.daily_marketing_cap,
                prefs.weekly_business_cap,
                prefs.quiet_hours.map(|q| q.start),
                prefs.quiet_hours.map(|q| q.end),
                prefs.time_zone.as_ref().map(Zone::name)
            ],
        )?;
        Ok(UserId(self.tx.last_insert_rowid()))
    }

    /// Gives a user another name (cleaned).
    pub fn rename_user(&self, user: UserId, name: &str) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE users SET name = ?2 WHERE id = ?1")?
            .execute(params![user, text::clean_name(name)])?;
        Ok(())
    }

    /// Stores a user's preferences.
    pub fn set_prefs(&self, user: UserId, prefs: &UserPrefs) -> Result<()> {
        self.tx.prepare_cached("UPDATE users SET all_offers = ?2, daily_cap = ?3, weekly_cap = ?4, quiet_start = ?5, quiet_end = ?6,
                time_zone = ?7
             WHERE id = ?1")?.execute(params![
                user,
                prefs.all_offers,
                prefs.daily_marketing_cap,
                prefs.weekly_business_cap,
                prefs.quiet_hours.map(|q| q.start),
                prefs.quiet_hours.map(|q| q.end),
                prefs.time_zone.as_ref().map(Zone::name)
            ],
        )?;
        Ok(())
    }

    /// Sets the token hash of a user.
    pub fn set_user_token(&self, user: UserId, hash: &[u8]) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE users SET token_hash = ?2 WHERE id = ?1")?
            .execute(params![user, hash])?;
        Ok(())
    }

    /// Adds a friend to a user's address book.
    pub fn add_contact(&self, user: UserId, name: &str) -> Result<ContactId> {
        self.tx
            .prepare_cached("INSERT INTO contacts (user_id, name) VALUES (?1, ?2)")?
            .execute(params![user, text::clean_name(name)])?;
        Ok(ContactId(self.tx.last_insert_rowid()))
    }

    /// Registers a business, starting at High quality in the first tier.
    pub fn add_business(&self, new: &NewBusiness, now: Timestamp) -> Result<BusinessId> {
        let name = text::clean_name(new.name);
        if self.db().business_named(&name)?.is_some() {
            return Err(StoreError::Invalid(format!(
                "a business named {name} already exists"
            )));
        }
        self.tx
            .prepare_cached(
                "INSERT INTO businesses (name, verified, kind, quality, tier, tier_since, budget)
             VALUES (?1, ?2, ?3, 'high', 0, ?4, ?5)",
            )?
            .execute(params![
                name,
                new.verified,
                new.kind.as_str(),
                now,
                new.budget
            ])?;
        let id = BusinessId(self.tx.last_insert_rowid());
        self.log_quality(id, now, Quality::High, 0)?;
        Ok(id)
    }

    /// Sets the token hash of a business.
    pub fn set_business_token(&self, business: BusinessId, hash: &[u8]) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE businesses SET token_hash = ?2 WHERE id = ?1")?
            .execute(params![business, hash])?;
        Ok(())
    }

    /// Adds credits to (or takes them from) a business's budget.
    pub fn adjust_budget(&self, business: BusinessId, delta: i64) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE businesses SET budget = budget + ?2 WHERE id = ?1")?
            .execute(params![business, delta])?;
        Ok(())
    }

    pub(super) fn log_quality(
        &self,
        business: BusinessId,
        at: Timestamp,
        quality: Quality,
        tier: usize,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO quality_log (business_id, at, quality, tier) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![business, at, quality.as_str(), tier as i64])?;
        Ok(())
    }

    /// Reviews a template submission and stores it with its review result.
    pub fn submit_template(
        &self,
        new: &NewTemplate,
        config: &PolicyConfig,
        now: Timestamp,
    ) -> Result<(TemplateId, Review)> {
        let name = text::clean_line(new.name, limits::MAX_TEMPLATE_NAME_CHARS);
        if name.is_empty() {
            return Err(StoreError::Invalid("a template needs a name".into()));
        }
        if let Some(taken) = self.db().template_named(new.business, &name)? {
            let how = match taken.status {
                TemplateStatus::Deleted => " (deleted: its name stays with its history)",
                _ => "; edit it to change it",
            };
            return Err(StoreError::Conflict(format!(
                "this business already has a template named {name}{how}"
            )));
        }
        let body = text::clean_body(new.body);
        let submission = Submission {
            category: new.category,
            body: &body,
            allow_recategorise: new.allow_recategorise,
        };
        let review = crate::i18n::sentences::stamped_review(review::review(&submission, config));
        let approved_at = (review.status == TemplateStatus::Approved).then_some(now);
        self.tx.prepare_cached("INSERT INTO templates (business_id, name, requested_category, category, body, status, review_rule,
                review_note, allow_recategorise, submitted_at, approved_at, quality, quality_since, review_finding)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'high', ?10, ?12)")?.execute(params![
                new.business,
                name,
                new.category.as_str(),
                review.category.as_str(),
                body,
                review.status.as_str(),
                review.rule.as_str(),
                review.note,
                new.allow_recategorise,
                now,
                approved_at,
                review.finding.to_json()
            ],
        )?;
        let id = TemplateId(self.tx.last_insert_rowid());
        self.log_template(
            id,
            now,
            review.status,
            &format!("Review: {} ({})", review.note, review.rule),
        )?;
        Ok((id, review))
    }

    pub(super) fn log_template(
        &self,
        template: TemplateId,
        at: Timestamp,
        status: TemplateStatus,
        note: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO template_log (template_id, at, status, note) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![template, at, status.as_str(), note])?;
        Ok(())
    }

    /// Writes a user's relation with a business.
    pub fn put_relation(&self, user: UserId, business: BusinessId, rel: &Relation) -> Result<()> {
        self.tx.prepare_cached("INSERT INTO relations (user_id, business_id, subscribed, blocked, blocked_at, not_interested_at,
                interested_at, last_user_message_at, known)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (user_id, business_id) DO UPDATE SET subscribed = excluded.subscribed,
                blocked = excluded.blocked, blocked_at = excluded.blocked_at,
                not_interested_at = excluded.not_interested_at, interested_at = excluded.interested_at,
                last_user_message_at = excluded.last_user_message_at, known = excluded.known")?.execute(params![
                user,
                business,
                rel.subscribed,
                rel.blocked.map(|b| b.as_str()),
                rel.blocked_at,
                rel.not_interested_at,
                rel.interested_at,
                rel.last_user_message_at,
                rel.known
            ],
        )?;
        Ok(())
    }

    /// Changes a user's relation with a business in place.
    pub fn update_relation(
        &self,
        user: UserId,
        business: BusinessId,
        change: impl FnOnce(&mut Relation),
    ) -> Result<Relation> {
        let mut rel = self.db().relation(user, business)?;
        change(&mut rel);
        self.put_relation(user, business, &rel)?;
        Ok(rel)
    }
}

//! Turning rows into model values. Codes that do not parse become a clear error, not a panic.

use crate::model::*;
use rusqlite::types::{FromSql, FromSqlResult, ValueRef};
use rusqlite::{Row, RowIndex};

/// Reads a code column into its enum.
pub fn code<T, I: RowIndex + Copy + std::fmt::Debug>(
    row: &Row,
    column: I,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = row.get(column)?;
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown code `{text}` in column {column:?}").into(),
        )
    })
}

/// Reads an optional code column into its enum.
pub fn opt_code<T, I: RowIndex>(
    row: &Row,
    column: I,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<Option<T>> {
    let text: Option<String> = row.get(column)?;
    Ok(text.and_then(|t| parse(&t)))
}

macro_rules! sql_newtype {
    ($($t:ident),*) => {$(
        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(value).map($t)
            }
        }
        impl rusqlite::ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.0.into())
            }
        }
    )*};
}

sql_newtype!(
    UserId,
    BusinessId,
    TemplateId,
    MessageId,
    ChatId,
    ContactId,
    ReviewerId,
    BroadcastId,
    Timestamp
);

pub fn user(row: &Row) -> rusqlite::Result<User> {
    let quiet = match (
        row.get::<_, Option<u32>>("quiet_start")?,
        row.get::<_, Option<u32>>("quiet_end")?,
    ) {
        (Some(start), Some(end)) => Some(QuietHours { start, end }),
        _ => None,
    };
    Ok(User {
        id: row.get("id")?,
        name: row.get("name")?,
        prefs: UserPrefs {
            all_offers: row.get("all_offers")?,
            daily_marketing_cap: row.get("daily_cap")?,
            weekly_business_cap: row.get("weekly_cap")?,
            quiet_hours: quiet,
            time_zone: row
                .get::<_, Option<String>>("time_zone")?
                .and_then(|name| Zone::named(&name).ok()),
        },
    })
}

pub fn business(row: &Row) -> rusqlite::Result<Business> {
    Ok(Business {
        id: row.get("id")?,
        name: row.get("name")?,
        verified: row.get("verified")?,
        kind: code(row, "kind", BusinessKind::parse)?,
        quality: code(row, "quality", Quality::parse)?,
        tier: row.get::<_, i64>("tier")?.max(0) as usize,
        tier_since: row.get("tier_since")?,
        low_since: row.get("low_since")?,
        budget: row.get("budget")?,
    })
}

pub fn template(row: &Row) -> rusqlite::Result<Template> {
    Ok(Template {
        id: row.get("id")?,
        business: row.get("business_id")?,
        name: row.get("name")?,
        requested_category: code(row, "requested_category", Category::parse)?,
        category: code(row, "category", Category::parse)?,
        body: row.get("body")?,
        status: code(row, "status", TemplateStatus::parse)?,
        review: code(row, "review_rule", ReviewRule::parse)?,
        review_note: row.get("review_note")?,
        review_finding: row
            .get::<_, Option<String>>("review_finding")?
            .as_deref()
            .and_then(ReviewFinding::from_json),
        allow_recategorise: row.get("allow_recategorise")?,
        submitted_at: row.get("submitted_at")?,
        approved_at: row.get("approved_at")?,
        paused_until: row.get("paused_until")?,
        pause_count: row.get("pause_count")?,
        quality: code(row, "quality", Quality::parse)?,
        quality_since: row.get("quality_since")?,
    })
}

pub fn relation(row: &Row) -> rusqlite::Result<Relation> {
    Ok(Relation {
        subscribed: row.get("subscribed")?,
        blocked: opt_code(row, "blocked", BlockReason::parse)?,
        blocked_at: row.get("blocked_at")?,
        not_interested_at: row.get("not_interested_at")?,
        interested_at: row.get("interested_at")?,
        last_user_message_at: row.get("last_user_message_at")?,
        known: row.get("known")?,
    })
}

pub fn chat(row: &Row) -> rusqlite::Result<Chat> {
    let counterpart = match row.get::<_, Option<BusinessId>>("business_id")? {
        Some(b) => Counterpart::Business(b),
        None => Counterpart::Contact(row.get("contact_id")?),
    };
    Ok(Chat {
        id: row.get("id")?,
        user: row.get("user_id")?,
        counterpart,
        title: row.get("title")?,
        verified: row.get("verified")?,
        muted: row.get("muted")?,
        archived: row.get("archived")?,
        unread: row.get("unread")?,
        last_at: row.get("last_at")?,
        preview: row.get("preview")?,
        has_offers: row.get("has_offers")?,
    })
}

pub fn message(row: &Row) -> rusqlite::Result<Message> {
    Ok(Message {
        id: row.get("id")?,
        chat: row.get("chat_id")?,
        user: row.get("user_id")?,
        direction: code(row, "direction", Direction::parse)?,
        category: opt_code(row, "category", Category::parse)?,
        template: row.get("template_id")?,
        broadcast: row.get("broadcast_id")?,
        body: row.get("body")?,
        sent_at: row.get("sent_at")?,
        delivered_at: row.get("delivered_at")?,
        read_at: row.get("read_at")?,
        seen_at: row.get("seen_at")?,
        decision: decision(row)?,
        feedback: opt_code(row, "feedback", Feedback::parse)?,
    })
}

/// The decision columns (outcome, reason, facts, sentence) of a message or a decision log row.
pub fn decision(row: &Row) -> rusqlite::Result<Decision> {
    Ok(Decision {
        outcome: code(row, "outcome", Outcome::parse)?,
        reason: code(row, "reason", Reason::parse)?,
        facts: row
            .get::<_, Option<String>>("facts")?
            .as_deref()
            .and_then(DecisionFacts::from_json)
            .map(Box::new),
        sentence: row.get("sentence")?,
    })
}

pub fn strike(row: &Row) -> rusqlite::Result<Strike> {
    Ok(Strike {
        business: row.get("business_id")?,
        at: row.get("at")?,
        cause: code(row, "cause", StrikeCause::parse)?,
        detail: row.get("detail")?,
        facts: row
            .get::<_, Option<String>>("facts")?
            .as_deref()
            .and_then(StrikeFacts::from_json)
            .map(Box::new),
    })
}

pub fn restriction(row: &Row) -> rusqlite::Result<Restriction> {
    Ok(Restriction {
        business: row.get("business_id")?,
        kind: code(row, "kind", RestrictionKind::parse)?,
        reason: row.get("reason")?,
        start: row.get("start")?,
        end: row.get("end_at")?,
        strike: row
            .get::<_, Option<String>>("strike")?
            .as_deref()
            .and_then(RestrictionCause::from_json)
            .map(Box::new),
    })
}

/// A user's columns, in the order [`user_at`] reads them.
pub const USER_COLUMNS: &str =
    "id, name, all_offers, daily_cap, weekly_cap, quiet_start, quiet_end, time_zone";

/// A template's columns, in the order [`template_at`] reads them.
pub const TEMPLATE_COLUMNS: &str = "id, business_id, name, requested_category, category, \
    body, status, review_rule, review_note, review_finding, allow_recategorise, submitted_at, \
    approved_at, paused_until, pause_count, quality, quality_since";

/// A user from its columns starting at `at`.
pub fn user_at(r: &Row, at: usize) -> rusqlite::Result<User> {
    let quiet = match (r.get::<_, Option<u32>>(at + 5)?, r.get(at + 6)?) {
        (Some(start), Some(end)) => Some(QuietHours { start, end }),
        _ => None,
    };
    Ok(User {
        id: r.get(at)?,
        name: r.get(at + 1)?,
        prefs: UserPrefs {
            all_offers: r.get(at + 2)?,
            daily_marketing_cap: r.get(at + 3)?,
            weekly_business_cap: r.get(at + 4)?,
            quiet_hours: quiet,
            time_zone: r
                .get::<_, Option<String>>(at + 7)?
                .and_then(|name| Zone::named(&name).ok()),
        },
    })
}

/// A template from its columns starting at `at`.
pub fn template_at(r: &Row, at: usize) -> rusqlite::Result<Template> {
    Ok(Template {
        id: r.get(at)?,
        business: r.get(at + 1)?,
        name: r.get(at + 2)?,
        requested_category: code(r, at + 3, Category::parse)?,
        category: code(r, at + 4, Category::parse)?,
        body: r.get(at + 5)?,
        status: code(r, at + 6, TemplateStatus::parse)?,
        review: code(r, at + 7, ReviewRule::parse)?,
        review_note: r.get(at + 8)?,
        review_finding: r
            .get::<_, Option<String>>(at + 9)?
            .as_deref()
            .and_then(ReviewFinding::from_json),
        allow_recategorise: r.get(at + 10)?,
        submitted_at: r.get(at + 11)?,
        approved_at: r.get(at + 12)?,
        paused_until: r.get(at + 13)?,
        pause_count: r.get(at + 14)?,
        quality: code(r, at + 15, Quality::parse)?,
        quality_since: r.get(at + 16)?,
    })
}

//! Turning PostgreSQL rows into model values. A column of the wrong type or a code that does
//! not parse becomes a clear error, not a panic.

use crate::model::*;
use crate::server::db::{DbError, DbResult};
use tokio_postgres::Row;
use tokio_postgres::types::FromSql;

/// One column's value.
pub fn get<'r, T: FromSql<'r>>(row: &'r Row, column: &str) -> DbResult<T> {
    row.try_get(column)
        .map_err(|e| DbError::Failed(format!("PostgreSQL: column {column}: {e}")))
}

/// An id or time column, wrapped in its model type.
pub fn wrapped<T>(row: &Row, column: &str, wrap: fn(i64) -> T) -> DbResult<T> {
    get::<i64>(row, column).map(wrap)
}

/// An optional id or time column, wrapped in its model type.
pub fn opt_wrapped<T>(row: &Row, column: &str, wrap: fn(i64) -> T) -> DbResult<Option<T>> {
    Ok(get::<Option<i64>>(row, column)?.map(wrap))
}

/// A count or small number column, which never holds more than its model type does.
pub fn small<T: TryFrom<i64> + Default>(row: &Row, column: &str) -> DbResult<T> {
    Ok(T::try_from(get::<i64>(row, column)?.max(0)).unwrap_or_default())
}

/// A code column, read into its enum.
pub fn code<T>(row: &Row, column: &str, parse: fn(&str) -> Option<T>) -> DbResult<T> {
    let text: String = get(row, column)?;
    parse(&text).ok_or_else(|| {
        DbError::Failed(format!(
            "PostgreSQL: unknown code `{}` in column {column}",
            text::clean_line(&text, 40)
        ))
    })
}

/// An optional code column, read into its enum.
pub fn opt_code<T>(row: &Row, column: &str, parse: fn(&str) -> Option<T>) -> DbResult<Option<T>> {
    let text: Option<String> = get(row, column)?;
    Ok(text.and_then(|t| parse(&t)))
}

pub fn user(row: &Row) -> DbResult<User> {
    let quiet = match (
        get::<Option<i64>>(row, "quiet_start")?,
        get::<Option<i64>>(row, "quiet_end")?,
    ) {
        (Some(start), Some(end)) => Some(QuietHours {
            start: u32::try_from(start).unwrap_or_default(),
            end: u32::try_from(end).unwrap_or_default(),
        }),
        _ => None,
    };
    Ok(User {
        id: wrapped(row, "id", UserId)?,
        name: get(row, "name")?,
        prefs: UserPrefs {
            all_offers: get(row, "all_offers")?,
            daily_marketing_cap: small(row, "daily_cap")?,
            weekly_business_cap: small(row, "weekly_cap")?,
            quiet_hours: quiet,
            time_zone: get::<Option<String>>(row, "time_zone")?
                .and_then(|name| Zone::named(&name).ok()),
        },
    })
}

pub fn business(row: &Row) -> DbResult<Business> {
    Ok(Business {
        id: wrapped(row, "id", BusinessId)?,
        name: get(row, "name")?,
        verified: get(row, "verified")?,
        kind: code(row, "kind", BusinessKind::parse)?,
        quality: code(row, "quality", Quality::parse)?,
        tier: small(row, "tier")?,
        tier_since: wrapped(row, "tier_since", Timestamp)?,
        low_since: opt_wrapped(row, "low_since", Timestamp)?,
        budget: get(row, "budget")?,
    })
}

pub fn template(row: &Row) -> DbResult<Template> {
    Ok(Template {
        id: wrapped(row, "id", TemplateId)?,
        business: wrapped(row, "business_id", BusinessId)?,
        name: get(row, "name")?,
        requested_category: code(row, "requested_category", Category::parse)?,
        category: code(row, "category", Category::parse)?,
        body: get(row, "body")?,
        status: code(row, "status", TemplateStatus::parse)?,
        review: code(row, "review_rule", ReviewRule::parse)?,
        review_note: get(row, "review_note")?,
        review_finding: get::<Option<String>>(row, "review_finding")?
            .as_deref()
            .and_then(ReviewFinding::from_json),
        allow_recategorise: get(row, "allow_recategorise")?,
        submitted_at: wrapped(row, "submitted_at", Timestamp)?,
        approved_at: opt_wrapped(row, "approved_at", Timestamp)?,
        paused_until: opt_wrapped(row, "paused_until", Timestamp)?,
        pause_count: small(row, "pause_count")?,
        quality: code(row, "quality", Quality::parse)?,
        quality_since: wrapped(row, "quality_since", Timestamp)?,
    })
}

pub fn relation(row: &Row) -> DbResult<Relation> {
    Ok(Relation {
        subscribed: get(row, "subscribed")?,
        blocked: opt_code(row, "blocked", BlockReason::parse)?,
        blocked_at: opt_wrapped(row, "blocked_at", Timestamp)?,
        not_interested_at: opt_wrapped(row, "not_interested_at", Timestamp)?,
        interested_at: opt_wrapped(row, "interested_at", Timestamp)?,
        last_user_message_at: opt_wrapped(row, "last_user_message_at", Timestamp)?,
        known: get(row, "known")?,
    })
}

pub fn chat(row: &Row) -> DbResult<Chat> {
    let counterpart = match opt_wrapped(row, "business_id", BusinessId)? {
        Some(b) => Counterpart::Business(b),
        None => Counterpart::Contact(wrapped(row, "contact_id", ContactId)?),
    };
    Ok(Chat {
        id: wrapped(row, "id", ChatId)?,
        user: wrapped(row, "user_id", UserId)?,
        counterpart,
        title: get(row, "title")?,
        verified: get(row, "verified")?,
        muted: get(row, "muted")?,
        archived: get(row, "archived")?,
        unread: small(row, "unread")?,
        last_at: opt_wrapped(row, "last_at", Timestamp)?,
        preview: get(row, "preview")?,
        has_offers: get(row, "has_offers")?,
    })
}

pub fn message(row: &Row) -> DbResult<Message> {
    Ok(Message {
        id: wrapped(row, "id", MessageId)?,
        chat: wrapped(row, "chat_id", ChatId)?,
        user: wrapped(row, "user_id", UserId)?,
        direction: code(row, "direction", Direction::parse)?,
        category: opt_code(row, "category", Category::parse)?,
        template: opt_wrapped(row, "template_id", TemplateId)?,
        broadcast: opt_wrapped(row, "broadcast_id", BroadcastId)?,
        body: get(row, "body")?,
        sent_at: wrapped(row, "sent_at", Timestamp)?,
        delivered_at: opt_wrapped(row, "delivered_at", Timestamp)?,
        read_at: opt_wrapped(row, "read_at", Timestamp)?,
        seen_at: opt_wrapped(row, "seen_at", Timestamp)?,
        decision: decision(row)?,
        feedback: opt_code(row, "feedback", Feedback::parse)?,
    })
}

/// The decision columns (outcome, reason, facts, sentence) of a message or a decision log row.
pub fn decision(row: &Row) -> DbResult<Decision> {
    Ok(Decision {
        outcome: code(row, "outcome", Outcome::parse)?,
        reason: code(row, "reason", Reason::parse)?,
        facts: get::<Option<String>>(row, "facts")?
            .as_deref()
            .and_then(DecisionFacts::from_json)
            .map(Box::new),
        sentence: get(row, "sentence")?,
    })
}

pub fn strike(row: &Row) -> DbResult<Strike> {
    Ok(Strike {
        business: wrapped(row, "business_id", BusinessId)?,
        at: wrapped(row, "at", Timestamp)?,
        cause: code(row, "cause", StrikeCause::parse)?,
        detail: get(row, "detail")?,
        facts: get::<Option<String>>(row, "facts")?
            .as_deref()
            .and_then(StrikeFacts::from_json)
            .map(Box::new),
    })
}

pub fn restriction(row: &Row) -> DbResult<Restriction> {
    Ok(Restriction {
        business: wrapped(row, "business_id", BusinessId)?,
        kind: code(row, "kind", RestrictionKind::parse)?,
        reason: get(row, "reason")?,
        start: wrapped(row, "start", Timestamp)?,
        end: opt_wrapped(row, "end_at", Timestamp)?,
        strike: get::<Option<String>>(row, "strike")?
            .as_deref()
            .and_then(RestrictionCause::from_json)
            .map(Box::new),
    })
}

//! A business's conversations through the server: the list with what it has not read and
//! each service window's time left, one conversation read (which shows the user read ticks),
//! and a free-form reply that goes through the same send path and rules as `business send`.

use super::business;
use super::db::{DbError, DbResult, ServerReads, ServerWrites};
use crate::model::limits::{MAX_BODY_CHARS, MAX_NAME_CHARS};
use crate::model::*;
use crate::policy::conversation;
use crate::policy::{PolicyConfig, Pricing};
use crate::protocol::*;

/// Most conversations one page lists.
pub const MAX_CONVERSATIONS: u32 = 200;
/// Conversations listed when the request does not say.
pub const DEFAULT_CONVERSATIONS: u32 = 50;
/// The furthest a page of conversations may start.
pub const MAX_OFFSET: u32 = 1_000_000_000;
/// Most messages one read returns.
pub const MAX_READ: u32 = 200;
/// Messages one read returns when the request does not say.
pub const DEFAULT_READ: u32 = 50;
/// Most approved templates named as the alternative to a refused reply.
const ALTERNATIVES_NAMED: usize = 5;

/// Checks a user's name as a request gives it.
pub fn check_name(name: &str) -> Result<(), String> {
    match name.trim().chars().count() {
        0 => Err("name the user".into()),
        n if n > MAX_NAME_CHARS => Err(format!(
            "a user name is at most {MAX_NAME_CHARS} characters"
        )),
        _ => Ok(()),
    }
}

/// Checks a page of conversations, `(offset, limit)`, and fills in the defaults.
pub fn check_page(offset: Option<u32>, limit: Option<u32>) -> Result<(u32, u32), String> {
    let (offset, limit) = (offset.unwrap_or(0), limit.unwrap_or(DEFAULT_CONVERSATIONS));
    if limit == 0 || limit > MAX_CONVERSATIONS || offset > MAX_OFFSET {
        return Err(format!(
            "limit is 1 to {MAX_CONVERSATIONS} conversations, offset 0 to {}",
            number::grouped(MAX_OFFSET as i64)
        ));
    }
    Ok((offset, limit))
}

/// Checks a read request.
pub fn check_read(r: &ReadRequest) -> Result<(), String> {
    check_name(&r.with)?;
    match r.limit {
        Some(n) if n == 0 || n > MAX_READ => Err(format!("limit is 1 to {MAX_READ} messages")),
        _ => Ok(()),
    }
}

/// Checks a reply.
pub fn check_reply(r: &ReplyRequest) -> Result<(), String> {
    check_name(&r.to)?;
    match r.text.chars().count() {
        _ if r.text.trim().is_empty() => Err("the reply is empty".into()),
        n if n > MAX_BODY_CHARS => Err(format!("a reply is at most {MAX_BODY_CHARS} characters")),
        _ => Ok(()),
    }
}

/// One page of the business's conversations, unread ones first, then the most recent.
pub fn list(
    db: &dyn ServerReads,
    business: BusinessId,
    (offset, limit): (u32, u32),
    policy: &PolicyConfig,
    now: Timestamp,
) -> DbResult<ConversationList> {
    let page = db.business_conversations(business, offset as usize, limit as usize)?;
    Ok(ConversationList {
        conversations: page
            .into_iter()
            .map(|c| conversation::summary(c, policy, now))
            .collect(),
        total: db.business_conversation_count(business)?,
        now,
    })
}

/// Reads the conversation with one user, newest last, and marks the user's messages in it
/// as read by the business; returns the page and the user, whose devices get the ticks.
pub fn read(
    tx: &dyn ServerWrites,
    business: BusinessId,
    r: &ReadRequest,
    policy: &PolicyConfig,
    now: Timestamp,
) -> DbResult<(ConversationPage, UserId)> {
    let user = tx.reads().user_named(r.with.trim())?.ok_or_else(|| {
        DbError::not_found(format!("no user named {} on this server", name(&r.with)))
    })?;
    let limit = r.limit.unwrap_or(DEFAULT_READ).min(MAX_READ) as usize;
    let page = tx.read_business_conversation(business, &user, limit, policy, now)?;
    let page = page.ok_or_else(|| {
        DbError::not_found(format!(
            "you have no conversation with {}: neither of you has written yet",
            name(&r.with)
        ))
    })?;
    Ok((page, user.id))
}

fn name(given: &str) -> String {
    text::clean_line(given, MAX_NAME_CHARS)
}

/// Sends a free-form reply through the rules, as `business send --text` does; when refused
/// outside the service window, says which approved templates may reach the user instead.
pub fn reply(
    tx: &dyn ServerWrites,
    business: BusinessId,
    r: &ReplyRequest,
    rules: (&PolicyConfig, &Pricing),
    now: Timestamp,
) -> DbResult<(ReplyResponse, Option<UserId>)> {
    let request = SendRequest {
        to: r.to.clone(),
        template: None,
        params: Vec::new(),
        text: Some(r.text.clone()),
        key: None,
    };
    let (sent, woken) = business::send(tx, business, &request, rules, now)?;
    let alternative = match sent.decision.reason {
        Reason::OutsideServiceWindow => {
            Some(alternative(tx.reads(), business, &r.to, rules.0, now)?)
        }
        _ => None,
    };
    let response = ReplyResponse {
        decision: sent.decision,
        category: sent.category,
        message: sent.message,
        alternative,
    };
    Ok((response, woken))
}

/// What a business may send instead of a free-form reply outside the window.
fn alternative(
    db: &dyn ServerReads,
    business: BusinessId,
    to: &str,
    policy: &PolicyConfig,
    now: Timestamp,
) -> DbResult<String> {
    let who = name(to);
    let hours = policy.service_window.hours;
    let approved: Vec<String> = db
        .templates(business)?
        .into_iter()
        .filter(|t| t.status_at(now) == TemplateStatus::Approved)
        .map(|t| format!("{} ({})", t.name, t.category.as_str()))
        .collect();
    if approved.is_empty() {
        return Ok(format!(
            "{who} has not written in the last {hours} hours, so only an approved template \
             reaches them; you have none yet: submit one for review."
        ));
    }
    let named: Vec<&str> = approved
        .iter()
        .take(ALTERNATIVES_NAMED)
        .map(String::as_str)
        .collect();
    let more = approved.len() - named.len();
    Ok(format!(
        "{who} has not written in the last {hours} hours, so only an approved template \
         reaches them: {}{}.",
        named.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    ))
}

//! What a business does through the server, over the store: templates, one message, a
//! broadcast (or its dry run), metrics and status. Everything is looked up within the
//! business's own templates and broadcasts, so another's are simply not found.

use super::db::{
    BroadcastOutcome, BroadcastRequest, DbError, DbResult, NamedSend, NamedSent, NewTemplate,
    Revision, SendResult, ServerConnection, ServerReads, ServerWrites,
};
use crate::model::limits::{MAX_BODY_CHARS, MAX_PARAM_CHARS, MAX_PARAMS, MAX_TEMPLATE_NAME_CHARS};
use crate::model::*;
use crate::policy::enforcement::standing;
use crate::policy::recovery;
use crate::policy::{PolicyConfig, Pricing};
use crate::protocol::*;

/// Most people named in one broadcast.
pub const MAX_AUDIENCE_NAMES: usize = 10_000;

/// Checks the sizes of a template submission.
pub fn check_submission(t: &TemplateSubmission) -> std::result::Result<(), String> {
    let name = t.name.trim();
    if name.is_empty() || name.chars().count() > MAX_TEMPLATE_NAME_CHARS {
        return Err(format!(
            "a template name is 1 to {MAX_TEMPLATE_NAME_CHARS} characters"
        ));
    }
    if t.body.chars().count() > MAX_BODY_CHARS {
        return Err(format!(
            "a template body is at most {MAX_BODY_CHARS} characters"
        ));
    }
    Ok(())
}

/// Checks the sizes of a message request.
pub fn check_send(r: &SendRequest) -> std::result::Result<(), String> {
    check_params(&r.params)?;
    if let Some(key) = &r.key {
        super::actions::check_key(key)?;
    }
    match (&r.template, &r.text) {
        (Some(_), Some(_)) => Err("give a template or text, not both".into()),
        (None, None) => Err("give a template (with its parameters) or some text".into()),
        (None, Some(t)) if t.trim().is_empty() => Err("the text is empty".into()),
        (None, Some(t)) if t.chars().count() > MAX_BODY_CHARS => {
            Err(format!("a message is at most {MAX_BODY_CHARS} characters"))
        }
        _ => Ok(()),
    }
}

/// Checks the sizes of a broadcast request.
pub fn check_broadcast(b: &BroadcastSubmission) -> std::result::Result<(), String> {
    if let Some(key) = &b.key {
        super::actions::check_key(key)?;
    }
    check_audience(&b.params, b.to.as_deref())
}

/// Checks the parameters and the list of people of a broadcast.
pub fn check_audience(params: &[String], to: Option<&[String]>) -> std::result::Result<(), String> {
    check_params(params)?;
    match to {
        Some([]) => Err("the list of people is empty".into()),
        Some(names) if names.len() > MAX_AUDIENCE_NAMES => Err(format!(
            "a broadcast names at most {MAX_AUDIENCE_NAMES} people; send several"
        )),
        _ => Ok(()),
    }
}

fn check_params(params: &[String]) -> std::result::Result<(), String> {
    if params.len() > MAX_PARAMS {
        return Err(format!("a template takes at most {MAX_PARAMS} parameters"));
    }
    if params.iter().any(|p| p.chars().count() > MAX_PARAM_CHARS) {
        return Err(format!(
            "a parameter is at most {MAX_PARAM_CHARS} characters"
        ));
    }
    Ok(())
}

/// A template as its business sees it.
pub fn wire_template(t: Template, now: Timestamp) -> WireTemplate {
    WireTemplate {
        status: t.status_at(now),
        id: t.id,
        name: t.name,
        requested_category: t.requested_category,
        category: t.category,
        review_rule: t.review,
        review_note: t.review_note,
        review_finding: t.review_finding,
        quality: t.quality,
        paused_until: t.paused_until,
        pause_count: t.pause_count,
        body: t.body,
        allow_recategorise: t.allow_recategorise,
        submitted_at: t.submitted_at,
        approved_at: t.approved_at,
        quality_since: t.quality_since,
    }
}

/// Reviews and stores a template.
pub fn submit_template(
    tx: &dyn ServerWrites,
    business: BusinessId,
    t: &TemplateSubmission,
    policy: &PolicyConfig,
    now: Timestamp,
) -> DbResult<WireTemplate> {
    let new = NewTemplate {
        business,
        name: t.name.trim(),
        category: t.category,
        body: &t.body,
        allow_recategorise: t.allow_recategorise,
    };
    let id = tx.submit_template(&new, policy, now)?;
    Ok(wire_template(tx.reads().template(id)?, now))
}

/// Checks the size of a template's new version.
pub fn check_edit(t: &TemplateEdit) -> std::result::Result<(), String> {
    if t.body.chars().count() > MAX_BODY_CHARS {
        return Err(format!(
            "a template body is at most {MAX_BODY_CHARS} characters"
        ));
    }
    Ok(())
}

/// One of the business's templates by id; another's is not found.
pub fn owned_template(
    db: &dyn ServerReads,
    business: BusinessId,
    id: TemplateId,
) -> DbResult<Template> {
    match db.template(id) {
        Ok(t) if t.business == business => Ok(t),
        _ => Err(DbError::not_found(format!("you have no template {id}"))),
    }
}

/// Stores an edit or resubmission of one of the business's templates as a new version, which
/// review judges at once, and answers with the template as it now is.
pub fn revise_template(
    tx: &dyn ServerWrites,
    business: BusinessId,
    id: TemplateId,
    edit: &TemplateEdit,
    resubmit: bool,
    policy: &PolicyConfig,
    now: Timestamp,
) -> DbResult<RevisedTemplate> {
    owned_template(tx.reads(), business, id)?;
    let revision = Revision {
        category: edit.category,
        body: &edit.body,
        allow_recategorise: edit.allow_recategorise,
        resubmit,
    };
    let version = tx.revise_template(id, &revision, policy, now)?;
    let template = wire_template(tx.reads().template(id)?, now);
    Ok(RevisedTemplate { version, template })
}

/// Deletes one of the business's templates.
pub fn delete_template(
    tx: &dyn ServerWrites,
    business: BusinessId,
    id: TemplateId,
    now: Timestamp,
) -> DbResult<DeletedTemplate> {
    let t = owned_template(tx.reads(), business, id)?;
    tx.delete_template(id, now)?;
    Ok(DeletedTemplate {
        id,
        name: t.name,
        at: now,
    })
}

/// Every version of one of the business's templates, oldest first.
pub fn template_versions(
    db: &dyn ServerReads,
    business: BusinessId,
    id: TemplateId,
) -> DbResult<Vec<TemplateVersion>> {
    owned_template(db, business, id)?;
    db.template_versions(id)
}

fn own_template(db: &dyn ServerReads, business: BusinessId, name: &str) -> DbResult<Template> {
    db.template_named(business, name.trim())?
        .ok_or_else(|| no_template_named(name))
}

fn no_template_named(name: &str) -> DbError {
    DbError::not_found(format!("you have no template named {name}"))
}

fn no_user_named(name: &str) -> DbError {
    DbError::not_found(format!("no user named {name} on this server"))
}

/// Sends one message through the rules, once per idempotency key: a retry with the key of a
/// send already made gets that send's answer and wakes no one. Returns the answer and the
/// user to wake.
pub fn send(
    tx: &dyn ServerWrites,
    business: BusinessId,
    r: &SendRequest,
    rules: (&PolicyConfig, &Pricing),
    now: Timestamp,
) -> DbResult<(SendResponse, Option<UserId>)> {
    let named = NamedSend {
        business,
        to: r.to.trim(),
        template: r.template.as_deref().map(str::trim),
        params: &r.params,
        text: r.text.as_deref(),
        key: r.key.as_deref(),
        at: now,
    };
    match tx.send_named(&named, rules, &|sent| to_keep(&response_of(sent)))? {
        NamedSent::Kept(first) => Ok((kept_answer(&first)?, None)),
        NamedSent::NoUser => Err(no_user_named(&r.to)),
        NamedSent::NoTemplate => Err(no_template_named(r.template.as_deref().unwrap_or(""))),
        // Every decision reaches the user: a message, or a rejection for the profile's log.
        NamedSent::Decided(user, sent) => Ok((response_of(&sent), Some(user))),
    }
}

/// What the business is told about one message.
fn response_of(sent: &SendResult) -> SendResponse {
    SendResponse {
        decision: sent.decision.clone(),
        category: sent.category,
        message: sent.message,
    }
}

/// The answer kept for a key, read back for a retry.
fn kept_answer<T: serde::de::DeserializeOwned>(kept: &str) -> DbResult<T> {
    serde_json::from_str(kept).map_err(|e| {
        DbError::Failed(format!(
            "the kept answer to this request is damaged ({e}); send it with a new key"
        ))
    })
}

/// An answer as it is kept for its key.
fn to_keep<T: serde::Serialize>(answer: &T) -> DbResult<String> {
    serde_json::to_string(answer)
        .map_err(|e| DbError::Failed(format!("cannot keep the answer to a request: {e}")))
}

/// The users a broadcast decided for, to wake: each gets a message or a logged rejection.
pub fn decided_users(results: &[(UserId, SendResult)]) -> Vec<UserId> {
    results.iter().map(|(u, _)| *u).collect()
}

/// Runs (or, with `dry_run`, prices and decides without writing) a broadcast, once per
/// idempotency key: a retry with the key of one already run gets its report and wakes no one.
/// Returns the report and the users to wake.
pub fn broadcast(
    db: &mut impl ServerConnection,
    business: BusinessId,
    b: &BroadcastSubmission,
    (policy, pricing): (&PolicyConfig, &Pricing),
    now: Timestamp,
) -> DbResult<(BroadcastReport, Vec<UserId>)> {
    let key = b.key.as_deref().filter(|_| !b.dry_run);
    if let Some(key) = key
        && let Some(first) = db.in_snapshot(|db| db.applied_send(business, key))?
    {
        return Ok((kept_answer(&first)?, Vec::new()));
    }
    let run = |tx: &dyn ServerWrites| -> DbResult<BroadcastOutcome> {
        let request = broadcast_request(tx.reads(), business, b)?;
        let outcome = tx.broadcast(&request, policy, pricing, now)?;
        if let Some(key) = key {
            tx.record_send(business, key, &to_keep(&report_of(b, &outcome))?, now)?;
        }
        Ok(outcome)
    };
    let outcome = if b.dry_run {
        db.in_dry_run(run)?
    } else {
        let result = db.in_transaction(run);
        refusal_kept(
            db,
            result,
            |tx| broadcast_request(tx, business, b),
            pricing,
            now,
        )?
    };
    let woken = match b.dry_run {
        true => Vec::new(),
        false => decided_users(&outcome.results),
    };
    Ok((report_of(b, &outcome), woken))
}

/// What the business is told about a broadcast it ran (or priced).
fn report_of(b: &BroadcastSubmission, outcome: &BroadcastOutcome) -> BroadcastReport {
    BroadcastReport {
        id: (!b.dry_run).then_some(outcome.id),
        dry_run: b.dry_run,
        quote: outcome.quote,
        settlement: outcome.settlement,
        delivered: outcome.delivered,
        held: outcome.held.clone(),
        rejected: outcome.rejected.clone(),
    }
}

/// Passes `result` on; when the budget refused a broadcast, first keeps the refusal in a
/// transaction of its own (the refused one was rolled back), so the business sees it later.
pub fn refusal_kept<T>(
    db: &mut impl ServerConnection,
    result: DbResult<T>,
    request: impl FnOnce(&dyn ServerReads) -> DbResult<BroadcastRequest>,
    pricing: &Pricing,
    now: Timestamp,
) -> DbResult<T> {
    if let Err(DbError::Budget(refusal)) = &result {
        db.in_transaction(|tx| {
            let request = request(tx.reads())?;
            tx.record_refused_broadcast(&request, refusal, pricing, now)
        })?;
    }
    result
}

fn broadcast_request(
    db: &dyn ServerReads,
    business: BusinessId,
    b: &BroadcastSubmission,
) -> DbResult<BroadcastRequest> {
    request_for(db, business, &b.template, &b.params, b.to.as_deref())
}

/// The store's request for a broadcast of the business's template `name` to `to` (user names;
/// `None`: every subscriber).
pub fn request_for(
    db: &dyn ServerReads,
    business: BusinessId,
    name: &str,
    params: &[String],
    to: Option<&[String]>,
) -> DbResult<BroadcastRequest> {
    let template = own_template(db, business, name)?.id;
    let audience = match to {
        None => None,
        Some(names) => Some(audience_of(db, names)?),
    };
    Ok(BroadcastRequest {
        business,
        template,
        params: params.to_vec(),
        audience,
    })
}

fn audience_of(db: &dyn ServerReads, names: &[String]) -> DbResult<Vec<UserId>> {
    let mut ids = Vec::with_capacity(names.len());
    let mut unknown = Vec::new();
    for name in names {
        match db.user_named(name.trim())? {
            Some(user) => ids.push(user.id),
            None => unknown.push(text::clean_line(name, 64)),
        }
    }
    if unknown.is_empty() {
        return Ok(ids);
    }
    let shown: Vec<&str> = unknown.iter().take(5).map(String::as_str).collect();
    Err(DbError::not_found(format!(
        "{} of the people named are not on this server: {}{}",
        unknown.len(),
        shown.join(", "),
        if unknown.len() > shown.len() {
            ", ..."
        } else {
            ""
        }
    )))
}

/// Which figures a business asks for.
#[derive(Debug, Clone, Default)]
pub struct MetricsFor {
    pub template: Option<String>,
    pub broadcast: Option<BroadcastId>,
}

/// The figures of the business, one of its templates or one of its broadcasts.
pub fn metrics(
    db: &dyn ServerReads,
    business: BusinessId,
    what: &MetricsFor,
) -> DbResult<MetricsReport> {
    let (scope, label) = scope_of(db, business, what)?;
    Ok(MetricsReport {
        scope: label,
        metrics: db.metrics(scope)?,
    })
}

/// The scope a business asks for, among its own templates and broadcasts, with its label.
pub fn scope_of(
    db: &dyn ServerReads,
    business: BusinessId,
    what: &MetricsFor,
) -> DbResult<(MetricScope, String)> {
    match what {
        MetricsFor {
            template: Some(name),
            broadcast: Some(id),
        } => {
            let t = own_template(db, business, name)?;
            match db.broadcasts(business)?.iter().find(|b| b.id == *id) {
                Some(b) if b.template == t.id => {
                    Ok((MetricScope::Broadcast(*id), format!("broadcast {id}")))
                }
                _ => Err(DbError::not_found(format!(
                    "you have no broadcast {id} of template {}",
                    t.name
                ))),
            }
        }
        MetricsFor {
            template: Some(name),
            ..
        } => {
            let t = own_template(db, business, name)?;
            Ok((MetricScope::Template(t.id), format!("template {}", t.name)))
        }
        MetricsFor {
            broadcast: Some(id),
            ..
        } => {
            if db.broadcast_owner(*id)? != Some(business) {
                return Err(DbError::not_found(format!("you have no broadcast {id}")));
            }
            Ok((MetricScope::Broadcast(*id), format!("broadcast {id}")))
        }
        _ => Ok((MetricScope::Business(business), "business".to_string())),
    }
}

/// The business's standing: quality, tier, budget, strikes and restrictions.
pub fn status(
    db: &dyn ServerReads,
    business: BusinessId,
    policy: &PolicyConfig,
    now: Timestamp,
) -> DbResult<StatusReport> {
    let b = db.business(business)?;
    let restrictions = db.restrictions(business)?;
    let since = now - Span::days(policy.enforcement.strike_window_days);
    let strikes = db
        .strikes(business)?
        .into_iter()
        .filter(|s| s.at > since)
        .collect();
    let report = db.standing_report(business, policy, now)?;
    let templates = db.templates(business)?;
    let live: Vec<&Template> = templates.iter().collect();
    let steps = recovery::advice(&report, &live, policy, now);
    Ok(StatusReport {
        advice: crate::i18n::sentences::advice_in_english(&steps),
        steps,
        enough_recent_data: report.enough_recent_data,
        tier_limit: standing(&b, &restrictions, policy, now).tier_limit,
        restrictions: restrictions
            .into_iter()
            .map(|r| {
                let active = r.current_at(now);
                (r, active)
            })
            .collect(),
        name: b.name,
        verified: b.verified,
        quality: report.business.quality,
        budget: b.budget,
        strikes,
        review: report.review.clone(),
    })
}

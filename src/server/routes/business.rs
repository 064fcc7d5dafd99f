//! The business's side: templates, one message, broadcasts, metrics and status.

use crate::model::BroadcastId;
use crate::protocol::*;
use crate::server::auth::BusinessAuth;
use crate::server::business::{self, MetricsFor};
use crate::server::console;
use crate::server::db::{ServerConnection, ServerDb};
use crate::server::error::{ApiFailure, ApiResult};
use crate::server::extract::{ApiJson, ApiQuery};
use crate::server::state::Shared;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::IntoParams;

/// Submits a template; automatic review decides it at once.
#[utoipa::path(post, path = "/v1/business/templates", tag = "business",
    request_body = TemplateSubmission, security(("bearer" = [])),
    responses(
        (status = 201, description = "Reviewed: approved, re-categorised or rejected, with the rule that fired", body = WireTemplate),
        (status = 400, description = "The body is not JSON", body = ApiError),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 413, description = "The body is too large", body = ApiError),
        (status = 415, description = "The body is not sent as JSON", body = ApiError),
        (status = 409, description = "The business already has a template of that name", body = ApiError),
        (status = 422, description = "A value is not valid", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn submit_template(
    State(state): State<Shared>,
    who: BusinessAuth,
    ApiJson(t): ApiJson<TemplateSubmission>,
) -> ApiResult<(StatusCode, Json<WireTemplate>)> {
    business::check_submission(&t).map_err(ApiFailure::invalid)?;
    let shared = state.clone();
    let template = state
        .db
        .write(move |tx| {
            business::submit_template(tx, who.0, &t, &shared.policy, shared.clock.now())
        })
        .await?;
    Ok((StatusCode::CREATED, Json(template)))
}

/// The business's templates, in submission order.
#[utoipa::path(get, path = "/v1/business/templates", tag = "business",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every template of the business", body = Vec<WireTemplate>),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn list_templates(
    State(state): State<Shared>,
    who: BusinessAuth,
) -> ApiResult<Json<Vec<WireTemplate>>> {
    let at = state.clock.now();
    let policy = state.policy.clone();
    let list = state
        .db
        .read(move |db| {
            let templates = db.templates_at(who.0, &policy, at)?;
            Ok(templates
                .into_iter()
                .map(|t| business::wire_template(t, at))
                .collect())
        })
        .await?;
    Ok(Json(list))
}

/// Sends one message to one user (by name) through the rules.
#[utoipa::path(post, path = "/v1/business/messages", tag = "business",
    request_body = SendRequest, security(("bearer" = [])),
    responses(
        (status = 200, description = "The decision, with its reason", body = SendResponse),
        (status = 400, description = "The body is not JSON", body = ApiError),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 404, description = "No such user, or no such template of this business", body = ApiError),
        (status = 413, description = "The body is too large", body = ApiError),
        (status = 415, description = "The body is not sent as JSON", body = ApiError),
        (status = 409, description = "The parameters do not fill the template's placeholders", body = ApiError),
        (status = 422, description = "A value is not valid", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn send_message(
    State(state): State<Shared>,
    who: BusinessAuth,
    ApiJson(r): ApiJson<SendRequest>,
) -> ApiResult<Json<SendResponse>> {
    business::check_send(&r).map_err(ApiFailure::invalid)?;
    let shared = state.clone();
    let (response, woken) = state
        .db
        .write(move |tx| {
            let rules = (&shared.policy, &shared.pricing);
            business::send(tx, who.0, &r, rules, shared.clock.now())
        })
        .await?;
    if let Some(user) = woken {
        state.hub.notify(user);
    }
    Ok(Json(response))
}

/// Prices and sends one template to many users; with `dry_run`, only prices and decides. The
/// business's broadcasts left idle are settled first.
#[utoipa::path(post, path = "/v1/business/broadcasts", tag = "business",
    request_body = BroadcastSubmission, security(("bearer" = [])),
    responses(
        (status = 200, description = "The price, the charge and refund, and what the rules did (or would do)", body = BroadcastReport),
        (status = 400, description = "The body is not JSON", body = ApiError),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 402, description = "insufficient_budget: the budget cannot cover the whole audience", body = ApiError),
        (status = 404, description = "No such template of this business, or a person named is not on the server", body = ApiError),
        (status = 409, description = "The template is not approved, or the parameters do not fill its placeholders", body = ApiError),
        (status = 413, description = "The body is too large", body = ApiError),
        (status = 415, description = "The body is not sent as JSON", body = ApiError),
        (status = 422, description = "A value is not valid", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn broadcast(
    State(state): State<Shared>,
    who: BusinessAuth,
    ApiJson(b): ApiJson<BroadcastSubmission>,
) -> ApiResult<Json<BroadcastReport>> {
    business::check_broadcast(&b).map_err(ApiFailure::invalid)?;
    let shared = state.clone();
    let (report, woken) = state
        .db
        .with_writer(move |conn| {
            let (rules, at) = ((&shared.policy, &shared.pricing), shared.clock.now());
            let idle_since = console::idle_since(at, shared.config.broadcast_idle);
            conn.in_transaction(|tx| console::settle_idle(tx, Some(who.0), idle_since))?;
            business::broadcast(conn, who.0, &b, rules, at)
        })
        .await?;
    state.hub.notify_all_of(woken);
    Ok(Json(report))
}

/// Which figures to read: the business's, one template's or one broadcast's.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MetricsQuery {
    /// A template's name.
    template: Option<String>,
    /// A broadcast's id (with `template`, a broadcast of that template).
    broadcast: Option<i64>,
}

/// Sent, delivered, held, rejected by reason, read, feedback, blocks, reports and credits.
#[utoipa::path(get, path = "/v1/business/metrics", tag = "business", params(MetricsQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The figures", body = MetricsReport),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 404, description = "No such template or broadcast of this business, or the broadcast is not of the template", body = ApiError),
        (status = 422, description = "A value of the wrong type", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn metrics(
    State(state): State<Shared>,
    who: BusinessAuth,
    ApiQuery(q): ApiQuery<MetricsQuery>,
) -> ApiResult<Json<MetricsReport>> {
    let what = MetricsFor {
        template: q.template,
        broadcast: q.broadcast.map(BroadcastId),
    };
    let report = state
        .db
        .read(move |db| business::metrics(db, who.0, &what))
        .await?;
    Ok(Json(report))
}

/// The business's quality, tier, budget, strikes and restrictions.
#[utoipa::path(get, path = "/v1/business/status", tag = "business",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The business's standing", body = StatusReport),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn status(
    State(state): State<Shared>,
    who: BusinessAuth,
) -> ApiResult<Json<StatusReport>> {
    let shared = state.clone();
    let report = state
        .db
        .read(move |db| business::status(db, who.0, &shared.policy, shared.clock.now()))
        .await?;
    Ok(Json(report))
}

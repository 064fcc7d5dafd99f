//! What the business console reads beyond the business tool's routes: the business and the
//! server's clock, the numbers of the rules, template histories, broadcasts, figures per day,
//! the quality log and the standing.

use crate::model::{BroadcastId, TemplateEvent, TemplateId};
use crate::model::{BroadcastRecord, DayFigures, QualityPoint};
use crate::policy::StandingReport;
use crate::protocol::*;
use crate::server::auth::BusinessAuth;
use crate::server::business::MetricsFor;
use crate::server::console;
use crate::server::db::ServerDb;
use crate::server::error::ApiResult;
use crate::server::extract::{ApiPath, ApiQuery};
use crate::server::state::Shared;
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;

/// The business itself, how many people subscribe to its offers, and the server's clock.
#[utoipa::path(get, path = "/v1/business/account", tag = "business",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The business, its subscribers and the server's clock", body = BusinessAccount),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn account(
    State(state): State<Shared>,
    who: BusinessAuth,
) -> ApiResult<Json<BusinessAccount>> {
    let shared = state.clone();
    let account = state
        .db
        .read(move |db| console::account(db, who.0, &shared.policy, shared.clock.now()))
        .await?;
    Ok(Json(account))
}

/// The numbers a business's quality, tier, strikes and template pauses are judged by.
#[utoipa::path(get, path = "/v1/business/rules", tag = "business",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Quality, tier and enforcement settings, and the pause ladder", body = BusinessRules),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn rules(State(state): State<Shared>, _who: BusinessAuth) -> Json<BusinessRules> {
    Json(console::rules(&state.policy))
}

/// A template's history: its review, pauses, resumptions and disabling, oldest first.
#[utoipa::path(get, path = "/v1/business/templates/{id}/history", tag = "business",
    params(("id" = i64, Path, description = "The template's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The template's history", body = Vec<TemplateEvent>),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 404, description = "No such template of this business", body = ApiError),
        (status = 422, description = "The id is not a number", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn template_history(
    State(state): State<Shared>,
    who: BusinessAuth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<TemplateEvent>>> {
    let log = state
        .db
        .read(move |db| console::template_history(db, who.0, TemplateId(id)))
        .await?;
    Ok(Json(log))
}

/// The business's broadcasts, newest first, with their price, charge and refund.
#[utoipa::path(get, path = "/v1/business/broadcasts", tag = "business",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every broadcast of the business", body = Vec<BroadcastRecord>),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn list_broadcasts(
    State(state): State<Shared>,
    who: BusinessAuth,
) -> ApiResult<Json<Vec<BroadcastRecord>>> {
    let list = state.db.read(move |db| db.broadcasts(who.0)).await?;
    Ok(Json(list))
}

/// Which figures per day to read, and over which days.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DailyQuery {
    /// A template's name.
    template: Option<String>,
    /// A broadcast's id (with `template`, a broadcast of that template).
    broadcast: Option<i64>,
    /// The first day, in days since 1970-01-01 (0 to 2 932 896, the last day of 9999).
    #[param(minimum = 0, maximum = 2_932_896)]
    first_day: i64,
    /// The last day: the answer covers at most 400 days from the first (ask again for the
    /// rest), and none when the last is before the first.
    #[param(minimum = 0, maximum = 2_932_896)]
    last_day: i64,
}

/// Sent, delivered, read, held and rejected per day: the business's, a template's or a
/// broadcast's; days without events are zero.
#[utoipa::path(get, path = "/v1/business/daily", tag = "business", params(DailyQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One entry per day, oldest first", body = Vec<DayFigures>),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 404, description = "No such template or broadcast of this business", body = ApiError),
        (status = 422, description = "A missing value, or one of the wrong type or out of range", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn daily(
    State(state): State<Shared>,
    who: BusinessAuth,
    ApiQuery(q): ApiQuery<DailyQuery>,
) -> ApiResult<Json<Vec<DayFigures>>> {
    let what = MetricsFor {
        template: q.template,
        broadcast: q.broadcast.map(BroadcastId),
    };
    let days = (q.first_day, q.last_day);
    let figures = state
        .db
        .read(move |db| console::daily(db, who.0, &what, days))
        .await?;
    Ok(Json(figures))
}

/// The business's quality and tier changes, oldest first, ending with its quality now when the
/// signals have moved it since the last review.
#[utoipa::path(get, path = "/v1/business/quality", tag = "business",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Each change of quality or tier", body = Vec<QualityPoint>),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn quality(
    State(state): State<Shared>,
    who: BusinessAuth,
) -> ApiResult<Json<Vec<QualityPoint>>> {
    let shared = state.clone();
    let log = state
        .db
        .read(move |db| db.quality_points(who.0, &shared.policy, shared.clock.now()))
        .await?;
    Ok(Json(log))
}

/// Quality with the signals behind it, tier use, strikes in the window and every restriction,
/// as the console's Standing screen shows them.
#[utoipa::path(get, path = "/v1/business/standing", tag = "business",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The business's standing now", body = StandingReport),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn standing(
    State(state): State<Shared>,
    who: BusinessAuth,
) -> ApiResult<Json<StandingReport>> {
    let shared = state.clone();
    let report = state
        .db
        .read(move |db| db.standing_report(who.0, &shared.policy, shared.clock.now()))
        .await?;
    Ok(Json(report))
}

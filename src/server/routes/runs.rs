//! A broadcast sent in parts, so a client can show real progress: start (price and reserve),
//! parts (send to the next people), finish (charge what was delivered, return the rest). A
//! broadcast nobody finishes is settled by the server once it sits idle.

use crate::model::BroadcastId;
use crate::policy::Settlement;
use crate::protocol::*;
use crate::server::auth::BusinessAuth;
use crate::server::business::{check_audience, refusal_kept, request_for};
use crate::server::console;
use crate::server::db::{ServerConnection, ServerDb, ServerReads};
use crate::server::error::{ApiFailure, ApiResult};
use crate::server::extract::{ApiJson, ApiPath};
use crate::server::state::Shared;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

/// Prices a broadcast for its whole eligible audience and reserves that amount; nothing is
/// sent yet. The business's broadcasts left idle are settled first.
#[utoipa::path(post, path = "/v1/business/broadcasts/start", tag = "business",
    request_body = BroadcastStart, security(("bearer" = [])),
    responses(
        (status = 201, description = "Priced and reserved; send it with parts", body = BroadcastStarted),
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
pub async fn start(
    State(state): State<Shared>,
    who: BusinessAuth,
    ApiJson(b): ApiJson<BroadcastStart>,
) -> ApiResult<(StatusCode, Json<BroadcastStarted>)> {
    check_audience(&b.params, b.to.as_deref()).map_err(ApiFailure::invalid)?;
    let shared = state.clone();
    let started = state
        .db
        .with_writer(move |conn| {
            let at = shared.clock.now();
            let idle_since = console::idle_since(at, shared.config.broadcast_idle);
            conn.in_transaction(|tx| console::settle_idle(tx, Some(who.0), idle_since))?;
            let result =
                conn.in_transaction(|tx| console::start(tx, who.0, &b, &shared.pricing, at));
            let request = |db: &dyn ServerReads| {
                request_for(db, who.0, &b.template, &b.params, b.to.as_deref())
            };
            refusal_kept(conn, result, request, &shared.pricing, at)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(started)))
}

/// Sends a started broadcast to its next people, each through the rules; a settled one sends
/// nothing and says how it was settled.
#[utoipa::path(post, path = "/v1/business/broadcasts/{id}/parts", tag = "business",
    params(("id" = i64, Path, description = "The broadcast's id")),
    request_body = PartRequest, security(("bearer" = [])),
    responses(
        (status = 200, description = "What the part did and how many people remain", body = BroadcastProgress),
        (status = 400, description = "The body is not JSON", body = ApiError),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 404, description = "No such broadcast of this business", body = ApiError),
        (status = 415, description = "The body is not sent as JSON", body = ApiError),
        (status = 409, description = "The broadcast is finished and settled", body = ApiError),
        (status = 422, description = "at_most is not 1 to 500, or the id is not a number", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn part(
    State(state): State<Shared>,
    who: BusinessAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(r): ApiJson<PartRequest>,
) -> ApiResult<Json<BroadcastProgress>> {
    let shared = state.clone();
    let (progress, woken) = state
        .db
        .write(move |tx| {
            let rules = (&shared.policy, &shared.pricing);
            console::part(
                tx,
                who.0,
                BroadcastId(id),
                r.at_most,
                rules,
                shared.clock.now(),
            )
        })
        .await?;
    state.hub.notify_all_of(woken);
    Ok(Json(progress))
}

/// Settles a broadcast: what was delivered is charged, the rest of the reservation returned,
/// and nobody else is sent to. Settling it again answers the same.
#[utoipa::path(post, path = "/v1/business/broadcasts/{id}/finish", tag = "business",
    params(("id" = i64, Path, description = "The broadcast's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The charge, the refund and the budget after", body = Settlement),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 404, description = "No such broadcast of this business", body = ApiError),
        (status = 422, description = "The id is not a number", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn finish(
    State(state): State<Shared>,
    who: BusinessAuth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Settlement>> {
    let settlement = state
        .db
        .write(move |tx| console::finish(tx, who.0, BroadcastId(id)))
        .await?;
    Ok(Json(settlement))
}

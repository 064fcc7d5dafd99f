//! The platform reviewer's routes (reviewer tokens): the businesses to review, a case file with
//! the reports' evidence, and the decision; and the business's route to ask for a review.
//! Report evidence is served here only.

use crate::model::ReviewRequest;
use crate::protocol::*;
use crate::server::auth::{BusinessAuth, ReviewerAuth};
use crate::server::db::ServerDb;
use crate::server::error::ApiResult;
use crate::server::extract::{ApiJson, ApiQuery};
use crate::server::review_desk;
use crate::server::state::Shared;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

/// The businesses disabled or suspended now, with their strikes and reports in the strike
/// window, their review so far and the request that waits, if they asked.
#[utoipa::path(get, path = "/v1/review/cases", tag = "review",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The businesses to review, by name", body = Vec<ReviewCase>),
        (status = 401, description = "No token, or not a reviewer's", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn cases(
    State(state): State<Shared>,
    _who: ReviewerAuth,
) -> ApiResult<Json<Vec<ReviewCase>>> {
    let shared = state.clone();
    let list = state
        .db
        .read(move |db| review_desk::cases(db, &shared.policy, shared.clock.now()))
        .await?;
    Ok(Json(list))
}

/// One business's case file: its reports with their evidence, every strike and restriction,
/// and its review so far.
#[utoipa::path(get, path = "/v1/review/case", tag = "review", params(CaseQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The case file", body = ReviewCaseFile),
        (status = 401, description = "No token, or not a reviewer's", body = ApiError),
        (status = 404, description = "No business of that name", body = ApiError),
        (status = 422, description = "The business's name is missing", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn case_file(
    State(state): State<Shared>,
    _who: ReviewerAuth,
    ApiQuery(q): ApiQuery<CaseQuery>,
) -> ApiResult<Json<ReviewCaseFile>> {
    let shared = state.clone();
    let file = state
        .db
        .read(move |db| review_desk::case_file(db, &q.business, &shared.policy, shared.clock.now()))
        .await?;
    Ok(Json(file))
}

/// Reinstates a disabled or suspended business (the disable and the suspensions in force end
/// now) or confirms its restrictions; either way the decision is recorded with the reviewer,
/// the time and the reason, and the business reads it in its status.
#[utoipa::path(post, path = "/v1/review/decisions", tag = "review",
    request_body = DecisionSubmission, security(("bearer" = [])),
    responses(
        (status = 201, description = "The decision as recorded and the restrictions it ended", body = DecisionRecorded),
        (status = 400, description = "The body is not JSON", body = ApiError),
        (status = 401, description = "No token, or not a reviewer's", body = ApiError),
        (status = 404, description = "No business of that name", body = ApiError),
        (status = 409, description = "The business is neither disabled nor suspended", body = ApiError),
        (status = 413, description = "The body is too large", body = ApiError),
        (status = 415, description = "The body is not sent as JSON", body = ApiError),
        (status = 422, description = "A value is not valid", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn decide(
    State(state): State<Shared>,
    who: ReviewerAuth,
    ApiJson(d): ApiJson<DecisionSubmission>,
) -> ApiResult<(StatusCode, Json<DecisionRecorded>)> {
    let at = state.clock.now();
    let recorded = state
        .db
        .write(move |tx| review_desk::decide(tx, who.0, &d, at))
        .await?;
    state.hub.notify_everyone();
    Ok((StatusCode::CREATED, Json(recorded)))
}

/// Asks the platform to review the business's disable or suspension; the reviewer sees the
/// request and its note in the list of cases. A request already waiting is answered as it is.
#[utoipa::path(post, path = "/v1/business/review-request", tag = "business",
    request_body = ReviewRequestSubmission, security(("bearer" = [])),
    responses(
        (status = 200, description = "The request, waiting for a reviewer", body = ReviewRequest),
        (status = 400, description = "The body is not JSON", body = ApiError),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 409, description = "The business is neither disabled nor suspended", body = ApiError),
        (status = 413, description = "The body is too large", body = ApiError),
        (status = 415, description = "The body is not sent as JSON", body = ApiError),
        (status = 422, description = "A value is not valid", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn ask_for_review(
    State(state): State<Shared>,
    who: BusinessAuth,
    ApiJson(r): ApiJson<ReviewRequestSubmission>,
) -> ApiResult<Json<ReviewRequest>> {
    let at = state.clock.now();
    let request = state
        .db
        .write(move |tx| review_desk::request(tx, who.0, &r, at))
        .await?;
    Ok(Json(request))
}

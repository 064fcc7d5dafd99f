//! `POST /v1/test/clock`: moves the server's clock on and runs the periodic review at once.
//! Registered only on a server started with `--movable-clock`, which tests use to reach
//! pauses, strikes and restrictions through HTTP without waiting days.

use crate::model::Span;
use crate::protocol::{ApiError, ClockAdvance, ClockMoved};
use crate::server::error::{ApiFailure, ApiResult};
use crate::server::extract::ApiJson;
use crate::server::review::review_once;
use crate::server::state::Shared;
use axum::Json;
use axum::extract::State;

/// The most one call may move the clock: 366 days.
const LONGEST_MOVE: i64 = 366 * 86_400;

/// Moves the clock on and reviews every business at the new time.
#[utoipa::path(post, path = "/v1/test/clock", tag = "server",
    request_body = ClockAdvance,
    responses(
        (status = 200, description = "The new time and what the review changed", body = ClockMoved),
        (status = 400, description = "The body is not JSON", body = ApiError),
        (status = 415, description = "The body is not sent as JSON", body = ApiError),
        (status = 422, description = "seconds is not 0 to 31 622 400", body = ApiError),
    ))]
pub async fn advance(
    State(state): State<Shared>,
    ApiJson(a): ApiJson<ClockAdvance>,
) -> ApiResult<Json<ClockMoved>> {
    if !(0..=LONGEST_MOVE).contains(&a.seconds) {
        return Err(ApiFailure::invalid(format!(
            "seconds must be 0 to {LONGEST_MOVE} (366 days)"
        )));
    }
    let now = state.clock.advance(Span(a.seconds)).ok_or_else(|| {
        ApiFailure::not_found("this server's clock is the real time; start it with --movable-clock")
    })?;
    let summary = review_once(&state).await?;
    Ok(Json(ClockMoved {
        now,
        businesses: summary.businesses,
        changes: summary.changes,
        released: summary.released,
    }))
}

//! The directory: every business a user can find by name and subscribe to before it writes.

use crate::model::BusinessId;
use crate::protocol::{ApiError, Directory};
use crate::server::auth::UserAuth;
use crate::server::db::ServerDb;
use crate::server::error::{ApiFailure, ApiResult};
use crate::server::extract::ApiQuery;
use crate::server::state::Shared;
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;

/// Businesses a page holds when the client does not say.
const DEFAULT_PAGE: usize = 50;
/// Most businesses in one page.
pub const MAX_PAGE: usize = 200;
/// Longest name query, in characters.
pub const MAX_QUERY_CHARS: usize = 64;

/// What to look for, and from where.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DirectoryQuery {
    /// Part of the name, case and accents aside (empty or absent: every business).
    #[param(max_length = 64)]
    q: Option<String>,
    /// The `next` of the page before (absent or 0: from the start).
    #[param(minimum = 0)]
    after: Option<i64>,
    /// Most businesses to return, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<usize>,
}

/// One page of the businesses whose name contains `q`, in id order, each with its kind and
/// verified mark.
#[utoipa::path(get, path = "/v1/directory", tag = "user", params(DirectoryQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of the directory", body = Directory),
        (status = 401, description = "No token, or not a user's", body = ApiError),
        (status = 422, description = "A query value is not valid", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn directory(
    State(state): State<Shared>,
    _user: UserAuth,
    ApiQuery(q): ApiQuery<DirectoryQuery>,
) -> ApiResult<Json<Directory>> {
    let query = q.q.unwrap_or_default();
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(ApiFailure::invalid(format!(
            "q is at most {MAX_QUERY_CHARS} characters"
        )));
    }
    let limit = q.limit.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ApiFailure::invalid(format!("limit is 1 to {MAX_PAGE}")));
    }
    let after = match q.after.unwrap_or(0) {
        after if after >= 0 => BusinessId(after),
        _ => return Err(ApiFailure::invalid("after is 0 or a business's id")),
    };
    let mut businesses = state
        .db
        .read(move |db| db.directory(&query, after, limit + 1))
        .await?;
    let next = match businesses.len() > limit {
        true => {
            businesses.truncate(limit);
            businesses.last().map(|b| b.id)
        }
        false => None,
    };
    Ok(Json(Directory { businesses, next }))
}

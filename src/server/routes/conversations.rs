//! A business's conversations: the list, one read (marking the user's messages read), and a
//! free-form reply through the rules.

use crate::model::ConversationPage;
use crate::protocol::*;
use crate::server::auth::BusinessAuth;
use crate::server::conversations;
use crate::server::db::ServerDb;
use crate::server::error::{ApiFailure, ApiResult};
use crate::server::extract::{ApiJson, ApiQuery};
use crate::server::state::Shared;
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;

/// Which page of conversations to list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConversationsQuery {
    /// How many to skip, in that order (default 0).
    #[param(minimum = 0, maximum = 1_000_000_000)]
    offset: Option<u32>,
    /// How many to list, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u32>,
}

/// The business's conversations, unread ones first, then the most recent: each user who wrote or was written to,
/// what the business has not read, the last message and the service window's time left.
#[utoipa::path(get, path = "/v1/business/conversations", tag = "business",
    params(ConversationsQuery), security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of conversations", body = ConversationList),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 422, description = "An offset or limit out of range", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn list(
    State(state): State<Shared>,
    who: BusinessAuth,
    ApiQuery(q): ApiQuery<ConversationsQuery>,
) -> ApiResult<Json<ConversationList>> {
    let page = conversations::check_page(q.offset, q.limit).map_err(ApiFailure::invalid)?;
    let shared = state.clone();
    let list = state
        .db
        .read(move |db| conversations::list(db, who.0, page, &shared.policy, shared.clock.now()))
        .await?;
    Ok(Json(list))
}

/// Reads the conversation with one user, newest last, and marks the user's messages as read
/// by the business: the user's devices show the read ticks.
#[utoipa::path(post, path = "/v1/business/conversations/read", tag = "business",
    request_body = ReadRequest, security(("bearer" = [])),
    responses(
        (status = 200, description = "The newest messages, and how many were marked read", body = ConversationPage),
        (status = 400, description = "The body is not JSON", body = ApiError),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 404, description = "No such user, or no conversation with them yet", body = ApiError),
        (status = 413, description = "The body is too large", body = ApiError),
        (status = 415, description = "The body is not sent as JSON", body = ApiError),
        (status = 422, description = "A value is not valid", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn read(
    State(state): State<Shared>,
    who: BusinessAuth,
    ApiJson(r): ApiJson<ReadRequest>,
) -> ApiResult<Json<ConversationPage>> {
    conversations::check_read(&r).map_err(ApiFailure::invalid)?;
    let shared = state.clone();
    let (page, user) = state
        .db
        .write(move |tx| conversations::read(tx, who.0, &r, &shared.policy, shared.clock.now()))
        .await?;
    if page.marked_read > 0 {
        state.hub.notify(user);
    }
    Ok(Json(page))
}

/// Replies free-form to one user: delivered inside the service window the user opened;
/// outside it, rejected (`outside_service_window`) with the approved templates to send
/// instead. The same rules as a free-form `POST /v1/business/messages`.
#[utoipa::path(post, path = "/v1/business/conversations/reply", tag = "business",
    request_body = ReplyRequest, security(("bearer" = [])),
    responses(
        (status = 200, description = "The decision, with its reason, and the alternative when refused outside the window", body = ReplyResponse),
        (status = 400, description = "The body is not JSON", body = ApiError),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 404, description = "No such user", body = ApiError),
        (status = 413, description = "The body is too large", body = ApiError),
        (status = 415, description = "The body is not sent as JSON", body = ApiError),
        (status = 422, description = "A value is not valid", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn reply(
    State(state): State<Shared>,
    who: BusinessAuth,
    ApiJson(r): ApiJson<ReplyRequest>,
) -> ApiResult<Json<ReplyResponse>> {
    conversations::check_reply(&r).map_err(ApiFailure::invalid)?;
    let shared = state.clone();
    let (response, woken) = state
        .db
        .write(move |tx| {
            let rules = (&shared.policy, &shared.pricing);
            conversations::reply(tx, who.0, &r, rules, shared.clock.now())
        })
        .await?;
    if let Some(user) = woken {
        state.hub.notify(user);
    }
    Ok(Json(response))
}

//! The user's side: changes after a cursor, a long poll for the next ones, and actions.

use crate::protocol::{ActionBatch, ActionResults, ApiError, Changes, Cursor};
use crate::server::actions::{self, MAX_BATCH};
use crate::server::auth::UserAuth;
use crate::server::changes::changes_after;
use crate::server::db::{DbResult, ServerDb};
use crate::server::error::{ApiFailure, ApiResult};
use crate::server::extract::{ApiJson, ApiQuery};
use crate::server::state::Shared;
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use std::time::Duration;
use utoipa::IntoParams;

/// Changes a page holds when the client does not say.
const DEFAULT_PAGE: usize = 500;
/// Most changes in one page (a client catching up asks for this many).
const MAX_PAGE: usize = 5000;

/// Where to read from, and how much.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChangesQuery {
    /// The cursor's change (0 to start from the beginning).
    change: Option<i64>,
    /// The cursor's id: of the message, decision or business its change touched (0 for the
    /// user's preferences).
    id: Option<i64>,
    /// Most changes to return, 1 to 5000 (default 500).
    #[param(minimum = 1, maximum = 5000)]
    limit: Option<usize>,
    /// `true`: a decision that made a message of the page and says what the message says
    /// comes in `paired`, by id, rather than whole in `decisions` (default `false`).
    pair_decisions: Option<bool>,
}

/// Like [`ChangesQuery`], with how long to wait for a change.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StreamQuery {
    /// The cursor's change (0 to start from the beginning).
    change: Option<i64>,
    /// The cursor's id: of the message, decision or business its change touched (0 for the
    /// user's preferences).
    id: Option<i64>,
    /// Most changes to return, 1 to 5000 (default 500).
    #[param(minimum = 1, maximum = 5000)]
    limit: Option<usize>,
    /// `true`: a decision that made a message of the page and says what the message says
    /// comes in `paired`, by id, rather than whole in `decisions` (default `false`).
    pair_decisions: Option<bool>,
    /// Seconds to wait for a change, at most 25 (the default; a longer wait is cut to 25).
    #[param(minimum = 0)]
    wait: Option<u64>,
}

/// Which page of changes a client asks for.
#[derive(Debug, Clone, Copy)]
struct Page {
    cursor: Cursor,
    limit: usize,
    pair_decisions: bool,
}

fn page(
    change: Option<i64>,
    id: Option<i64>,
    limit: Option<usize>,
    pair_decisions: Option<bool>,
) -> ApiResult<Page> {
    let limit = limit.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ApiFailure::invalid(format!("limit is 1 to {MAX_PAGE}")));
    }
    let cursor = Cursor {
        change: change.unwrap_or(0),
        id: id.unwrap_or(0),
    };
    Ok(Page {
        cursor,
        limit,
        pair_decisions: pair_decisions.unwrap_or(false),
    })
}

async fn read_changes(state: &Shared, user: UserAuth, page: Page) -> ApiResult<Changes> {
    let now = state.clock.now();
    let Page {
        cursor,
        limit,
        pair_decisions,
    } = page;
    let changes = state
        .db
        .read(move |db| changes_after(db, user.0, cursor, limit, pair_decisions, now))
        .await?;
    Ok(changes)
}

/// What changed for the user after the cursor, oldest first: messages, deletions, decisions,
/// the businesses whose row, restrictions or relation with the user changed, and the
/// preferences if they did. From the empty cursor (0, 0), every business the user deals with
/// and the preferences.
#[utoipa::path(get, path = "/v1/me/changes", tag = "user", params(ChangesQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The changes after the cursor", body = Changes),
        (status = 401, description = "No token, or not a user's", body = ApiError),
        (status = 422, description = "A query value is not valid", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn changes(
    State(state): State<Shared>,
    user: UserAuth,
    ApiQuery(q): ApiQuery<ChangesQuery>,
) -> ApiResult<Json<Changes>> {
    let page = page(q.change, q.id, q.limit, q.pair_decisions)?;
    Ok(Json(read_changes(&state, user, page).await?))
}

/// Like `/v1/me/changes`, but when nothing is new it waits (up to `wait` seconds) for the
/// next write for the user, and answers then.
#[utoipa::path(get, path = "/v1/me/stream", tag = "user", params(StreamQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The changes after the cursor; empty when the wait ended without one", body = Changes),
        (status = 401, description = "No token, or not a user's", body = ApiError),
        (status = 422, description = "A query value is not valid", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn stream(
    State(state): State<Shared>,
    user: UserAuth,
    ApiQuery(q): ApiQuery<StreamQuery>,
) -> ApiResult<Json<Changes>> {
    let page = page(q.change, q.id, q.limit, q.pair_decisions)?;
    let longest = state.config.long_poll;
    let wait = q.wait.map_or(longest, Duration::from_secs).min(longest);
    let deadline = tokio::time::Instant::now() + wait;
    let mut signal = state.hub.subscribe(user.0);
    let found = wait_for_changes(&state, user, page, deadline, &mut signal).await;
    drop(signal);
    state.hub.release(user.0);
    Ok(Json(found?))
}

/// Answers at once when there are changes; else waits for a write for the user (then answers
/// with whatever is new, businesses and preferences included), the deadline, or the server's
/// stop.
async fn wait_for_changes(
    state: &Shared,
    user: UserAuth,
    page: Page,
    deadline: tokio::time::Instant,
    signal: &mut tokio::sync::watch::Receiver<u64>,
) -> ApiResult<Changes> {
    let mut stopping = state.hub.stopping();
    let found = read_changes(state, user, page).await?;
    if !found.is_empty() || *stopping.borrow() {
        return Ok(found);
    }
    tracing::debug!("a poll of user {} waits for changes", user.0.0);
    tokio::select! {
        woken = tokio::time::timeout_at(deadline, signal.changed()) => match woken {
            Ok(Ok(())) => read_changes(state, user, page).await,
            _ => Ok(found),
        },
        _ = stopping.changed() => Ok(found),
    }
}

/// Applies the user's actions in order, each exactly once per key.
#[utoipa::path(post, path = "/v1/me/actions", tag = "user", request_body = ActionBatch,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "What became of each action, in order", body = ActionResults),
        (status = 400, description = "The body is not JSON", body = ApiError),
        (status = 401, description = "No token, or not a user's", body = ApiError),
        (status = 413, description = "The body is too large", body = ApiError),
        (status = 415, description = "The body is not sent as JSON", body = ApiError),
        (status = 422, description = "An action is not valid", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn post_actions(
    State(state): State<Shared>,
    user: UserAuth,
    ApiJson(batch): ApiJson<ActionBatch>,
) -> ApiResult<Json<ActionResults>> {
    if batch.actions.len() > MAX_BATCH {
        return Err(ApiFailure::invalid(format!(
            "send at most {MAX_BATCH} actions at a time"
        )));
    }
    for action in &batch.actions {
        actions::check(action)
            .map_err(|why| ApiFailure::invalid(format!("{}: {why}", shown_key(&action.key))))?;
    }
    let user_id = user.0;
    let shared = state.clone();
    let signals = state.policy.signals;
    let results = state
        .db
        .with_writer(move |conn| {
            let at = shared.clock.now();
            batch
                .actions
                .iter()
                .map(|action| actions::apply_once(conn, user_id, action, at, &signals))
                .collect::<DbResult<Vec<_>>>()
        })
        .await?;
    state.hub.notify(user_id);
    Ok(Json(ActionResults { results }))
}

/// An idempotency key as an error quotes it: cleaned, and cut when long.
fn shown_key(key: &str) -> String {
    crate::model::text::clean_line(key, 40)
}

//! A template's life after its first review: edited or resubmitted as a new version that
//! review judges again, deleted, and every version kept.

use crate::model::{TemplateId, TemplateVersion};
use crate::protocol::*;
use crate::server::auth::BusinessAuth;
use crate::server::business;
use crate::server::db::ServerDb;
use crate::server::error::{ApiFailure, ApiResult};
use crate::server::extract::{ApiJson, ApiPath};
use crate::server::state::Shared;
use axum::Json;
use axum::extract::State;

/// Edits a template: the body and category become a new version, which review judges at
/// once (approved, re-categorised or rejected); the version it replaces is kept. A paused,
/// disabled or deleted template cannot be edited.
#[utoipa::path(put, path = "/v1/business/templates/{id}", tag = "business",
    params(("id" = i64, Path, description = "The template's id")),
    request_body = TemplateEdit, security(("bearer" = [])),
    responses(
        (status = 200, description = "The new version, reviewed", body = RevisedTemplate),
        (status = 400, description = "The body is not JSON", body = ApiError),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 404, description = "No such template of this business", body = ApiError),
        (status = 413, description = "The body is too large", body = ApiError),
        (status = 415, description = "The body is not sent as JSON", body = ApiError),
        (status = 409, description = "The template is paused, disabled or deleted, or a broadcast of it is still sending", body = ApiError),
        (status = 422, description = "A value is not valid", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn edit_template(
    state: State<Shared>,
    who: BusinessAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(edit): ApiJson<TemplateEdit>,
) -> ApiResult<Json<RevisedTemplate>> {
    revise(state, who, TemplateId(id), edit, false).await
}

/// Resubmits a rejected template, usually with a new body: a new version that review
/// judges again; the rejected one is kept.
#[utoipa::path(post, path = "/v1/business/templates/{id}/resubmit", tag = "business",
    params(("id" = i64, Path, description = "The template's id")),
    request_body = TemplateEdit, security(("bearer" = [])),
    responses(
        (status = 200, description = "The new version, reviewed", body = RevisedTemplate),
        (status = 400, description = "The body is not JSON", body = ApiError),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 404, description = "No such template of this business", body = ApiError),
        (status = 413, description = "The body is too large", body = ApiError),
        (status = 415, description = "The body is not sent as JSON", body = ApiError),
        (status = 409, description = "The template is not rejected", body = ApiError),
        (status = 422, description = "A value is not valid", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn resubmit_template(
    state: State<Shared>,
    who: BusinessAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(edit): ApiJson<TemplateEdit>,
) -> ApiResult<Json<RevisedTemplate>> {
    revise(state, who, TemplateId(id), edit, true).await
}

async fn revise(
    State(state): State<Shared>,
    who: BusinessAuth,
    id: TemplateId,
    edit: TemplateEdit,
    resubmit: bool,
) -> ApiResult<Json<RevisedTemplate>> {
    business::check_edit(&edit).map_err(ApiFailure::invalid)?;
    let shared = state.clone();
    let revised = state
        .db
        .write(move |tx| {
            let now = shared.clock.now();
            business::revise_template(tx, who.0, id, &edit, resubmit, &shared.policy, now)
        })
        .await?;
    Ok(Json(revised))
}

/// Deletes a template: it is never sent again (a send is rejected with
/// `template_deleted`); its versions, history and figures stay, and so does its name.
#[utoipa::path(delete, path = "/v1/business/templates/{id}", tag = "business",
    params(("id" = i64, Path, description = "The template's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Deleted", body = DeletedTemplate),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 404, description = "No such template of this business", body = ApiError),
        (status = 409, description = "The template is already deleted, or a broadcast of it is still sending", body = ApiError),
        (status = 422, description = "The id is not a number", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn delete_template(
    State(state): State<Shared>,
    who: BusinessAuth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<DeletedTemplate>> {
    let shared = state.clone();
    let deleted = state
        .db
        .write(move |tx| business::delete_template(tx, who.0, TemplateId(id), shared.clock.now()))
        .await?;
    Ok(Json(deleted))
}

/// Every version of a template, oldest first, the current one last.
#[utoipa::path(get, path = "/v1/business/templates/{id}/versions", tag = "business",
    params(("id" = i64, Path, description = "The template's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The template's versions", body = Vec<TemplateVersion>),
        (status = 401, description = "No token, or not a business's", body = ApiError),
        (status = 404, description = "No such template of this business", body = ApiError),
        (status = 422, description = "The id is not a number", body = ApiError),
        (status = 429, description = "Too many requests with this token", body = ApiError),
    ))]
pub async fn template_versions(
    State(state): State<Shared>,
    who: BusinessAuth,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<TemplateVersion>>> {
    let versions = state
        .db
        .read(move |db| business::template_versions(db, who.0, TemplateId(id)))
        .await?;
    Ok(Json(versions))
}

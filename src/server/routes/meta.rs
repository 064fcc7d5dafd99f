//! Routes about the server itself: health and the OpenAPI document.

use crate::protocol::Health;
use crate::server::state::Shared;
use axum::Json;
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;

/// Whether the server answers; needs no token.
#[utoipa::path(get, path = "/v1/health", tag = "server",
    responses((status = 200, description = "The server is up", body = Health)))]
pub async fn health() -> Json<Health> {
    Json(Health {
        status: "ok".to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
    })
}

/// This API's OpenAPI document, generated from the routes and types.
#[utoipa::path(get, path = "/v1/openapi.json", tag = "server",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json")))]
pub async fn openapi(State(state): State<Shared>) -> impl IntoResponse {
    let document = state.openapi.get().cloned().unwrap_or_default();
    ([(CONTENT_TYPE, "application/json")], document)
}

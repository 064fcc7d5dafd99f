//! The routes under `/v1`, registered once with utoipa-axum so that the router and the
//! OpenAPI document come from the same definitions; and the layers around them: body limit,
//! time limits, JSON answers for unknown routes and methods, and a last net for panics.

mod business;
mod console;
mod conversations;
mod directory;
mod meta;
mod review;
mod runs;
mod template_life;
mod test_clock;
mod user;

use super::error::ApiFailure;
use super::state::Shared;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::StatusCode;
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use std::time::{Duration, Instant};
use tower_http::catch_panic::CatchPanicLayer;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Parley",
        description = "The Parley sync server: a user's inbox and actions, and a business's \
                       templates, messages, broadcasts and metrics, every message decided by \
                       the platform's rules, and a platform reviewer's review of disabled and \
                       suspended businesses. Every route but health needs a bearer token."
    ),
    modifiers(&BearerTokens),
    tags(
        (name = "user", description = "A user's changes and actions (user tokens)"),
        (name = "business", description = "A business's templates, sends and figures (business tokens)"),
        (name = "review", description = "A platform reviewer's cases, report evidence and decisions (reviewer tokens)"),
        (name = "server", description = "The server itself (no token)"),
    )
)]
struct ApiDoc;

/// Declares the bearer tokens the routes ask for.
struct BearerTokens;

impl Modify for BearerTokens {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The routes of the API, with their OpenAPI document.
fn api(config: &super::ServerConfig) -> OpenApiRouter<Shared> {
    let quick = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(meta::health))
        .routes(routes!(meta::openapi))
        .routes(routes!(user::changes))
        .routes(routes!(user::post_actions))
        .routes(routes!(directory::directory))
        .routes(routes!(business::submit_template, business::list_templates))
        .routes(routes!(business::send_message))
        .routes(routes!(business::broadcast, console::list_broadcasts))
        .routes(routes!(business::metrics))
        .routes(routes!(business::status))
        .routes(routes!(conversations::list))
        .routes(routes!(conversations::read))
        .routes(routes!(conversations::reply))
        .routes(routes!(console::account))
        .routes(routes!(console::rules))
        .routes(routes!(console::template_history))
        .routes(routes!(
            template_life::edit_template,
            template_life::delete_template
        ))
        .routes(routes!(template_life::resubmit_template))
        .routes(routes!(template_life::template_versions))
        .routes(routes!(console::daily))
        .routes(routes!(console::quality))
        .routes(routes!(console::standing))
        .routes(routes!(review::ask_for_review))
        .routes(routes!(review::cases))
        .routes(routes!(review::case_file))
        .routes(routes!(review::decide))
        .routes(routes!(runs::start))
        .routes(routes!(runs::part))
        .routes(routes!(runs::finish))
        .layer(from_fn_with_state(config.request_timeout, time_limit));
    let waiting = OpenApiRouter::new()
        .routes(routes!(user::stream))
        .layer(from_fn_with_state(
            config.long_poll + config.request_timeout,
            time_limit,
        ));
    let api = quick.merge(waiting);
    match config.movable_clock {
        true => api.routes(routes!(test_clock::advance)),
        false => api,
    }
}

/// The OpenAPI document of the server's routes.
pub fn openapi_document(config: &super::ServerConfig) -> utoipa::openapi::OpenApi {
    api(config).into_openapi()
}

/// The whole router, with its state; the OpenAPI document is kept in the state to be served.
pub fn router(state: Shared) -> Router {
    let (router, document) = api(&state.config).split_for_parts();
    let json = document
        .to_json()
        .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    let _ = state.openapi.set(json);
    router
        .fallback(unknown_route)
        .method_not_allowed_fallback(wrong_method)
        .layer(DefaultBodyLimit::max(state.config.body_limit))
        .layer(from_fn_with_state((), log_request))
        .layer(CatchPanicLayer::custom(panicked))
        .with_state(state)
}

async fn unknown_route() -> ApiFailure {
    ApiFailure::not_found("no such route; the routes are listed in /v1/openapi.json")
}

async fn wrong_method() -> ApiFailure {
    ApiFailure::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this route does not take that method; see /v1/openapi.json",
    )
}

/// Ends a request that takes longer than `limit` with a JSON 503.
async fn time_limit(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(response) => response,
        Err(_) => ApiFailure::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!(
                "the server did not answer within {} s; try again",
                limit.as_secs()
            ),
        )
        .into_response(),
    }
}

async fn log_request(State(()): State<()>, req: Request, next: Next) -> Response {
    let (method, path) = (req.method().clone(), req.uri().path().to_string());
    let started = Instant::now();
    let response = next.run(req).await;
    tracing::debug!(
        "{method} {path} -> {} in {:?}",
        response.status().as_u16(),
        started.elapsed()
    );
    response
}

fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    ApiFailure::internal("a handler panicked").into_response()
}

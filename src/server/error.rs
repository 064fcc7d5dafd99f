//! Every failure the server answers with: a status and a JSON [`ApiError`] that says what to fix.

use super::db::DbError;
use crate::model::number::credits;
use crate::model::plural;
use crate::model::text;
use crate::policy::broadcast::InsufficientBudget;
use crate::protocol::ApiError;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The longest sentence an error carries.
const MAX_MESSAGE_CHARS: usize = 400;

/// A refused or failed request, answered as a JSON [`ApiError`].
#[derive(Debug, Clone, PartialEq)]
pub struct ApiFailure {
    pub status: StatusCode,
    pub body: ApiError,
    /// Seconds to wait before trying again (429 only).
    pub retry_after: Option<u64>,
}

impl ApiFailure {
    /// A failure with this status, code and sentence; the sentence is cleaned and bounded, since
    /// it may quote what the client sent.
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> ApiFailure {
        ApiFailure {
            status,
            body: ApiError {
                error: code.to_string(),
                message: text::clean_line(&message.into(), MAX_MESSAGE_CHARS),
                budget: None,
            },
            retry_after: None,
        }
    }

    /// 400: the request could not be read.
    pub fn bad_request(message: impl Into<String>) -> ApiFailure {
        ApiFailure::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    /// 401: no token, or not a valid one for this route.
    pub fn unauthorized(message: impl Into<String>) -> ApiFailure {
        ApiFailure::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    /// 404: nothing of that name belongs to the caller.
    pub fn not_found(message: impl Into<String>) -> ApiFailure {
        ApiFailure::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 422: the request was read but a value is not acceptable.
    pub fn invalid(message: impl Into<String>) -> ApiFailure {
        ApiFailure::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid", message)
    }

    /// 415: the body is not sent as JSON.
    pub fn unsupported_media_type() -> ApiFailure {
        ApiFailure::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the body as JSON, with the header Content-Type: application/json",
        )
    }

    /// 413: the body is larger than the server accepts.
    pub fn too_large(limit: usize) -> ApiFailure {
        ApiFailure::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the body is larger than {limit} bytes; send less at a time"),
        )
    }

    /// 429: the token sent too many requests; try again after `seconds`.
    pub fn too_many_requests(seconds: u64) -> ApiFailure {
        ApiFailure {
            retry_after: Some(seconds),
            ..ApiFailure::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_requests",
                format!("too many requests with this token; wait {seconds} s and slow down"),
            )
        }
    }

    /// 402: the budget cannot cover the broadcast.
    pub fn insufficient_budget(shortfall: InsufficientBudget) -> ApiFailure {
        let mut failure = ApiFailure::new(
            StatusCode::PAYMENT_REQUIRED,
            "insufficient_budget",
            format!(
                "the broadcast needs {} for {} and the budget holds {}: add {} or send to fewer \
                 people",
                credits(shortfall.needed),
                plural(shortfall.eligible, "eligible person", "eligible people"),
                credits(shortfall.available),
                credits(shortfall.shortfall)
            ),
        );
        failure.body.budget = Some(shortfall);
        failure
    }

    /// 500: something failed on the server; the detail goes to the log, not to the client.
    pub fn internal(detail: impl std::fmt::Display) -> ApiFailure {
        tracing::error!("internal error: {detail}");
        ApiFailure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the server failed to answer; try again, and tell its operator if it goes on",
        )
    }
}

impl From<DbError> for ApiFailure {
    fn from(error: DbError) -> ApiFailure {
        match error {
            DbError::NotFound(what) => ApiFailure::not_found(what),
            DbError::Invalid(why) => ApiFailure::invalid(why),
            DbError::Conflict(why) => ApiFailure::new(StatusCode::CONFLICT, "conflict", why),
            DbError::Budget(shortfall) => ApiFailure::insufficient_budget(shortfall),
            DbError::Busy(_) => ApiFailure::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "the server's store is busy; try again in a moment",
            ),
            other => ApiFailure::internal(other),
        }
    }
}

impl IntoResponse for ApiFailure {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// What a handler returns: its answer, or a failure to send as JSON.
pub type ApiResult<T> = Result<T, ApiFailure>;

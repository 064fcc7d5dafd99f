//! Request extractors whose every rejection is a JSON [`ApiFailure`]: a body sent with another
//! content type than JSON is a 415, a body that is not JSON is a 400, JSON with a wrong value a 422, a body over the limit a 413, a path or query
//! value of the wrong type a 422.

use super::error::ApiFailure;
use super::state::Shared;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use serde::de::DeserializeOwned;

/// A JSON body, sent as `application/json` (or a `+json` type).
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<Shared> for ApiJson<T> {
    type Rejection = ApiFailure;

    async fn from_request(req: Request, state: &Shared) -> Result<Self, ApiFailure> {
        if !says_json(req.headers()) {
            return Err(ApiFailure::unsupported_media_type());
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            match rejection.status() {
                StatusCode::PAYLOAD_TOO_LARGE => ApiFailure::too_large(state.config.body_limit),
                _ => ApiFailure::bad_request(rejection.body_text()),
            }
        })?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// Whether the content type is JSON: `application/json` or `application/*+json`, any parameters.
fn says_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || essence
            .strip_prefix("application/")
            .is_some_and(|sub| sub.ends_with("+json"))
}

/// Parses a JSON body: unreadable JSON is a 400, a value of the wrong shape or range a 422. A
/// whole number written with a fraction (`2.0`) is the integer JSON Schema says it is.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiFailure> {
    let mut value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| ApiFailure::bad_request(format!("the body is not JSON: {e}")))?;
    whole_numbers_as_integers(&mut value);
    serde_json::from_value(value)
        .map_err(|e| ApiFailure::invalid(format!("the body is not valid: {e}")))
}

/// Rewrites every number with a zero fraction that fits an `i64` as that integer.
fn whole_numbers_as_integers(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Number(n) => {
            let whole = n.as_f64().filter(|f| n.is_f64() && f.fract() == 0.0);
            if let Some(f) = whole.filter(|f| f.abs() < 9.0e15) {
                *n = serde_json::Number::from(f as i64);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(whole_numbers_as_integers),
        serde_json::Value::Object(fields) => {
            fields.values_mut().for_each(whole_numbers_as_integers)
        }
        _ => {}
    }
}

/// A query string; a value of the wrong type is a 422.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiFailure> {
        Query::<T>::try_from_uri(&parts.uri)
            .map(|Query(value)| ApiQuery(value))
            .map_err(|rejection| {
                ApiFailure::invalid(format!(
                    "the query string is not valid: {}",
                    rejection.body_text()
                ))
            })
    }
}

/// Values from the path (an id); a value of the wrong type is a 422.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiFailure> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(value)| ApiPath(value))
            .map_err(|rejection| {
                ApiFailure::invalid(format!("the path is not valid: {}", rejection.body_text()))
            })
    }
}

//! The HTTP side shared by every client of a Parley server: a reqwest client on rustls (ring),
//! with timeouts, JSON both ways, and failures that say what to fix. A refusal by the server
//! carries the server's [`ApiError`].

use crate::policy::broadcast::InsufficientBudget;
use crate::protocol::{ApiError, PREFIX};
use reqwest::{Client, Method, RequestBuilder, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::sync::Once;
use std::time::Duration;

/// Longest wait for a connection.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Longest wait for an answer, the long poll aside.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Why a request to the server failed.
#[derive(Debug, Clone)]
pub enum HttpError {
    BadUrl { url: String, reason: String },
    Unreachable { url: String, detail: String },
    Timeout { url: String },
    Refused { status: u16, error: ApiError },
    Protocol { url: String, detail: String },
}

impl std::error::Error for HttpError {}

/// What went wrong asking the server, in the language in force (the server's own message, in
/// a refusal, as it sent it).
impl std::fmt::Display for HttpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            HttpError::BadUrl { url, reason } => {
                tr!("http-bad-url", url = url.as_str(), reason = reason.as_str())
            }
            HttpError::Unreachable { url, detail } => tr!(
                "http-unreachable",
                url = url.as_str(),
                detail = detail.as_str()
            ),
            HttpError::Timeout { url } => tr!("http-timeout", url = url.as_str()),
            HttpError::Refused { status, error } => tr!(
                "http-refused",
                message = error.message.as_str(),
                status = *status,
                code = error.error.as_str()
            ),
            HttpError::Protocol { url, detail } => tr!(
                "http-protocol",
                url = url.as_str(),
                detail = detail.as_str()
            ),
        };
        f.write_str(&text)
    }
}

impl HttpError {
    /// Whether the server answered and refused (as opposed to not being reached at all).
    pub fn is_refusal(&self) -> bool {
        matches!(self, HttpError::Refused { status, .. } if *status < 500)
    }

    /// Whether trying again later may succeed: no connection, a timeout, a busy server.
    pub fn is_transient(&self) -> bool {
        match self {
            HttpError::Unreachable { .. } | HttpError::Timeout { .. } => true,
            HttpError::Refused { status, .. } => *status == 429 || *status >= 500,
            HttpError::BadUrl { .. } | HttpError::Protocol { .. } => false,
        }
    }

    /// The server's error code, when it refused.
    pub fn code(&self) -> Option<&str> {
        match self {
            HttpError::Refused { error, .. } => Some(&error.error),
            _ => None,
        }
    }

    /// What a broadcast needed, when the server refused it for the budget.
    pub fn budget_refusal(&self) -> Option<InsufficientBudget> {
        match self {
            HttpError::Refused { error, .. } => error.budget,
            _ => None,
        }
    }
}

/// Installs rustls's ring provider, once per process, before any client is built.
pub fn install_crypto() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// How long an idle connection is kept for the next request: less than the server's default
/// header timeout (10 s), which also closes a connection idle for that long, so a request is
/// never sent on a connection the server is closing.
const IDLE_CONNECTION: std::time::Duration = std::time::Duration::from_secs(5);

/// A reqwest client with Parley's timeouts, on rustls.
pub fn client() -> Result<Client, HttpError> {
    install_crypto();
    Client::builder()
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(REQUEST_TIMEOUT)
        .pool_idle_timeout(IDLE_CONNECTION)
        .user_agent(concat!("parley/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| HttpError::Protocol {
            url: String::new(),
            detail: format!("the HTTP client could not start: {e}"),
        })
}

/// One server and one token: JSON requests under `/v1`.
#[derive(Debug, Clone)]
pub struct Api {
    http: Client,
    base: Url,
    token: String,
}

impl Api {
    /// A client of the server at `server` (http or https) acting with `token`.
    pub fn new(server: &str, token: &str) -> Result<Api, HttpError> {
        let bad = |reason: &str| HttpError::BadUrl {
            url: server.to_string(),
            reason: reason.to_string(),
        };
        let base = Url::parse(server.trim()).map_err(|e| bad(&e.to_string()))?;
        if !matches!(base.scheme(), "http" | "https") || base.host().is_none() {
            return Err(bad("it needs http:// or https:// and a host"));
        }
        Ok(Api {
            http: client()?,
            base,
            token: token.trim().to_string(),
        })
    }

    /// The address of `path` (relative to `/v1/`) with a query.
    pub fn url(&self, path: &str, query: &[(&str, String)]) -> Url {
        let mut url = self.base.clone();
        let prefix = self.base.path().trim_end_matches('/');
        url.set_path(&format!(
            "{prefix}{PREFIX}/{}",
            path.trim_start_matches('/')
        ));
        if !query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in query {
                pairs.append_pair(k, v);
            }
        }
        url
    }

    /// A request with the token, to adjust before [`Api::send`] (e.g. a longer timeout).
    pub fn request(&self, method: Method, path: &str, query: &[(&str, String)]) -> RequestBuilder {
        self.http
            .request(method, self.url(path, query))
            .bearer_auth(&self.token)
    }

    /// `GET path?query`, answered with JSON.
    pub async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, HttpError> {
        self.send(self.request(Method::GET, path, query)).await
    }

    /// `POST path` with a JSON body, answered with JSON.
    pub async fn post<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, HttpError> {
        self.send(self.request(Method::POST, path, &[]).json(body))
            .await
    }

    /// Sends a request; a non-2xx answer becomes [`HttpError::Refused`] with the server's error.
    pub async fn send<T: DeserializeOwned>(&self, request: RequestBuilder) -> Result<T, HttpError> {
        let response = request
            .send()
            .await
            .map_err(|e| transport(&self.base, &e))?;
        let status = response.status();
        let url = response.url().to_string();
        let body = response
            .bytes()
            .await
            .map_err(|e| transport(&self.base, &e))?;
        if !status.is_success() {
            return Err(HttpError::Refused {
                status: status.as_u16(),
                error: api_error(status, &body),
            });
        }
        serde_json::from_slice(&body).map_err(|e| HttpError::Protocol {
            url,
            detail: e.to_string(),
        })
    }
}

fn transport(base: &Url, e: &reqwest::Error) -> HttpError {
    let url = base.to_string();
    if e.is_timeout() {
        return HttpError::Timeout { url };
    }
    let mut detail = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(inner) = source {
        detail = inner.to_string();
        source = inner.source();
    }
    HttpError::Unreachable { url, detail }
}

/// The server's error body, or one made from the status when the body is not an [`ApiError`].
fn api_error(status: reqwest::StatusCode, body: &[u8]) -> ApiError {
    serde_json::from_slice(body).unwrap_or_else(|_| {
        let text = crate::model::text::clean_line(&String::from_utf8_lossy(body), 200);
        let message = match text.is_empty() {
            true => format!("the server answered {status}"),
            false => format!("the server answered {status}: {text}"),
        };
        ApiError {
            error: format!("http_{}", status.as_u16()),
            message,
            budget: None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_keep_the_base_path_and_encode_queries() {
        let api = Api::new("http://127.0.0.1:8787/parley/", "t").unwrap();
        let url = api.url("business/metrics", &[("template", "a b&c".to_string())]);
        assert_eq!(
            url.as_str(),
            "http://127.0.0.1:8787/parley/v1/business/metrics?template=a+b%26c"
        );
    }

    #[test]
    fn addresses_that_are_not_servers_are_refused() {
        for bad in ["127.0.0.1:8787", "ftp://x", "nonsense"] {
            assert!(
                matches!(Api::new(bad, "t"), Err(HttpError::BadUrl { .. })),
                "{bad}"
            );
        }
    }
}

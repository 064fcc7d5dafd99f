//! A business's client of a Parley server: templates, one message, broadcasts, metrics and
//! status, as typed calls over [`Api`].

use super::http::{Api, HttpError};
use crate::protocol::*;

/// Which figures to ask for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum MetricsScope {
    /// The whole business.
    #[default]
    Business,
    /// One of its templates, by name.
    Template(String),
    /// One of its broadcasts, by id.
    Broadcast(i64),
}

/// The server, as one business sees it.
#[derive(Debug, Clone)]
pub struct BusinessClient {
    api: Api,
}

impl BusinessClient {
    /// A client of `server` acting with a business's `token`.
    pub fn new(server: &str, token: &str) -> Result<BusinessClient, HttpError> {
        Ok(BusinessClient {
            api: Api::new(server, token)?,
        })
    }

    /// Submits a template for review; the answer carries the review's result.
    pub async fn submit_template(&self, t: &TemplateSubmission) -> Result<WireTemplate, HttpError> {
        self.api.post("business/templates", t).await
    }

    /// Every template of the business.
    pub async fn templates(&self) -> Result<Vec<WireTemplate>, HttpError> {
        self.api.get("business/templates", &[]).await
    }

    /// Sends one message; the answer is the rules' decision.
    pub async fn send(&self, request: &SendRequest) -> Result<SendResponse, HttpError> {
        self.api.post("business/messages", request).await
    }

    /// Runs or prices a broadcast.
    pub async fn broadcast(&self, b: &BroadcastSubmission) -> Result<BroadcastReport, HttpError> {
        self.api.post("business/broadcasts", b).await
    }

    /// The figures of the business, a template or a broadcast.
    pub async fn metrics(&self, scope: &MetricsScope) -> Result<MetricsReport, HttpError> {
        let query = match scope {
            MetricsScope::Business => vec![],
            MetricsScope::Template(name) => vec![("template", name.clone())],
            MetricsScope::Broadcast(id) => vec![("broadcast", id.to_string())],
        };
        self.api.get("business/metrics", &query).await
    }

    /// Quality, tier, budget, strikes and restrictions.
    pub async fn status(&self) -> Result<StatusReport, HttpError> {
        self.api.get("business/status", &[]).await
    }
}

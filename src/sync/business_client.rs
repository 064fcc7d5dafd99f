//! A business's client of a Parley server: templates, one message, broadcasts (at once, or in
//! parts), metrics, status and what the business console reads, as typed calls over [`Api`].

use super::http::{Api, HttpError};
use super::outbox::new_key;
use crate::model::TemplateVersion;
use crate::model::{
    BroadcastId, BroadcastRecord, ConversationPage, DayFigures, QualityPoint, TemplateEvent,
    TemplateId,
};
use crate::policy::{Settlement, StandingReport};
use crate::protocol::*;
use reqwest::Method;
use std::time::Duration;

/// How many times a send is tried when it gets no answer.
const SEND_TRIES: u32 = 3;
/// The wait before trying a send again, longer at each try.
const RETRY_AFTER: Duration = Duration::from_millis(200);

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

impl MetricsScope {
    /// The query string that names this scope.
    fn query(&self) -> Vec<(&'static str, String)> {
        match self {
            MetricsScope::Business => vec![],
            MetricsScope::Template(name) => vec![("template", name.clone())],
            MetricsScope::Broadcast(id) => vec![("broadcast", id.to_string())],
        }
    }
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

    /// Edits a template (or, with `resubmit`, resubmits a rejected one): a new version that
    /// review judges again.
    pub async fn revise_template(
        &self,
        id: TemplateId,
        edit: &TemplateEdit,
        resubmit: bool,
    ) -> Result<RevisedTemplate, HttpError> {
        match resubmit {
            true => {
                let path = format!("business/templates/{id}/resubmit");
                self.api.post(&path, edit).await
            }
            false => {
                let path = format!("business/templates/{id}");
                let request = self.api.request(Method::PUT, &path, &[]).json(edit);
                self.api.send(request).await
            }
        }
    }

    /// Deletes a template: never sent again, its history kept.
    pub async fn delete_template(&self, id: TemplateId) -> Result<DeletedTemplate, HttpError> {
        let path = format!("business/templates/{id}");
        let request = self.api.request(Method::DELETE, &path, &[]);
        self.api.send(request).await
    }

    /// Every version of a template, oldest first, the current one last.
    pub async fn template_versions(
        &self,
        id: TemplateId,
    ) -> Result<Vec<TemplateVersion>, HttpError> {
        self.api
            .get(&format!("business/templates/{id}/versions"), &[])
            .await
    }

    /// Sends one message; the answer is the rules' decision. The request carries an
    /// idempotency key (a new one unless it has its own), and a send that got no answer (the
    /// server unreachable, or too slow) is tried again with the same key, so it is decided once.
    pub async fn send(&self, request: &SendRequest) -> Result<SendResponse, HttpError> {
        let mut keyed = request.clone();
        keyed.key.get_or_insert_with(new_key);
        self.post_keyed("business/messages", &keyed).await
    }

    /// Posts a request that carries its idempotency key, trying it again (with the same key)
    /// when it got no answer.
    async fn post_keyed<B: serde::Serialize, T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, HttpError> {
        let mut tried = 1;
        loop {
            match self.api.post(path, body).await {
                Err(e) if e.is_transient() && tried < SEND_TRIES => {
                    tokio::time::sleep(RETRY_AFTER * tried).await;
                    tried += 1;
                }
                answer => return answer,
            }
        }
    }

    /// Runs or prices a broadcast, with an idempotency key (a new one unless it has its own),
    /// tried again with the same key when it got no answer.
    pub async fn broadcast(&self, b: &BroadcastSubmission) -> Result<BroadcastReport, HttpError> {
        let mut keyed = b.clone();
        keyed.key.get_or_insert_with(new_key);
        self.post_keyed("business/broadcasts", &keyed).await
    }

    /// The figures of the business, a template or a broadcast.
    pub async fn metrics(&self, scope: &MetricsScope) -> Result<MetricsReport, HttpError> {
        self.api.get("business/metrics", &scope.query()).await
    }

    /// Figures per day of the business, a template or a broadcast, `first_day` to `last_day`
    /// (days since 1970-01-01).
    pub async fn daily(
        &self,
        scope: &MetricsScope,
        first_day: i64,
        last_day: i64,
    ) -> Result<Vec<DayFigures>, HttpError> {
        let mut query = scope.query();
        query.push(("first_day", first_day.to_string()));
        query.push(("last_day", last_day.to_string()));
        self.api.get("business/daily", &query).await
    }

    /// The business, its subscribers and the server's clock.
    pub async fn account(&self) -> Result<BusinessAccount, HttpError> {
        self.api.get("business/account", &[]).await
    }

    /// The numbers the business's standing is judged by.
    pub async fn rules(&self) -> Result<BusinessRules, HttpError> {
        self.api.get("business/rules", &[]).await
    }

    /// A template's review, pauses and resumptions, oldest first.
    pub async fn template_history(&self, id: TemplateId) -> Result<Vec<TemplateEvent>, HttpError> {
        self.api
            .get(&format!("business/templates/{id}/history"), &[])
            .await
    }

    /// The business's broadcasts, newest first.
    pub async fn broadcasts(&self) -> Result<Vec<BroadcastRecord>, HttpError> {
        self.api.get("business/broadcasts", &[]).await
    }

    /// The business's quality and tier changes, oldest first.
    pub async fn quality(&self) -> Result<Vec<QualityPoint>, HttpError> {
        self.api.get("business/quality", &[]).await
    }

    /// Quality with its signals, tier use, strikes and restrictions.
    pub async fn standing(&self) -> Result<StandingReport, HttpError> {
        self.api.get("business/standing", &[]).await
    }

    /// Prices and reserves a broadcast to send in parts.
    pub async fn start_broadcast(&self, b: &BroadcastStart) -> Result<BroadcastStarted, HttpError> {
        self.api.post("business/broadcasts/start", b).await
    }

    /// Sends a started broadcast to at most `at_most` more people.
    pub async fn broadcast_part(
        &self,
        id: BroadcastId,
        at_most: u32,
    ) -> Result<BroadcastProgress, HttpError> {
        let path = format!("business/broadcasts/{id}/parts");
        self.api.post(&path, &PartRequest { at_most }).await
    }

    /// Settles a started broadcast: charged for what was delivered, the rest returned.
    pub async fn finish_broadcast(&self, id: BroadcastId) -> Result<Settlement, HttpError> {
        let path = format!("business/broadcasts/{id}/finish");
        self.api.post(&path, &serde_json::json!({})).await
    }

    /// Quality, tier, budget, strikes and restrictions.
    pub async fn status(&self) -> Result<StatusReport, HttpError> {
        self.api.get("business/status", &[]).await
    }

    /// One page of the business's conversations, unread ones first, then the most recent.
    pub async fn conversations(
        &self,
        offset: u32,
        limit: u32,
    ) -> Result<ConversationList, HttpError> {
        let query = [("offset", offset.to_string()), ("limit", limit.to_string())];
        self.api.get("business/conversations", &query).await
    }

    /// Reads the conversation with one user, marking the user's messages read.
    pub async fn read_conversation(&self, r: &ReadRequest) -> Result<ConversationPage, HttpError> {
        self.api.post("business/conversations/read", r).await
    }

    /// Replies free-form to one user; the answer is the rules' decision.
    pub async fn reply(&self, r: &ReplyRequest) -> Result<ReplyResponse, HttpError> {
        self.api.post("business/conversations/reply", r).await
    }

    /// Asks a platform reviewer to review the business's disable or suspension.
    pub async fn ask_for_review(
        &self,
        r: &ReviewRequestSubmission,
    ) -> Result<crate::model::ReviewRequest, HttpError> {
        self.api.post("business/review-request", r).await
    }
}

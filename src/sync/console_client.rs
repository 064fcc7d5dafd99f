//! The business console's client of a server: the calls of [`BusinessClient`] whose answers
//! are wire types, with those turned into the plain ones the console keeps (model, policy and
//! store types), so that the console never sees the wire.

use super::business_client::{BusinessClient, MetricsScope};
use super::http::HttpError;
use crate::model::*;
use crate::policy::config::TemplateConfig;
use crate::policy::{Metrics, PolicyConfig, Quote, Settlement};
use crate::protocol::{
    BroadcastReport, BroadcastStart, BroadcastSubmission, BusinessRules, ReadRequest, TemplateEdit,
    TemplateSubmission, WireTemplate,
};

/// The business a token acts for, how many people subscribe to its offers, and the server's
/// clock when it answered.
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub business: Business,
    pub subscribers: u32,
    pub now: Timestamp,
}

/// A broadcast the server priced and reserved, with nothing sent yet.
#[derive(Debug, Clone, PartialEq)]
pub struct Started {
    pub id: BroadcastId,
    pub quote: Quote,
    /// The server's clock when it started.
    pub at: Timestamp,
    /// People it will be sent to.
    pub remaining: u32,
}

/// What one part of a broadcast did, and where the broadcast stands.
#[derive(Debug, Clone, PartialEq)]
pub struct PartSent {
    pub tally: BroadcastTally,
    /// People not sent to yet.
    pub remaining: u32,
    /// Set once the broadcast is settled.
    pub settlement: Option<Settlement>,
}

/// A broadcast priced and decided for every recipient, and not sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Priced {
    pub quote: Quote,
    pub tally: BroadcastTally,
    /// The budget once the broadcast would be settled.
    pub settlement: Settlement,
}

/// Who a broadcast goes to and with what: a template by name, its parameters, and the people
/// by name (`None`: every subscriber).
#[derive(Debug, Clone, PartialEq)]
pub struct BroadcastOrder {
    pub template: String,
    pub params: Vec<String>,
    pub to: Option<Vec<String>>,
}

/// The server as the business console reads it, for the one business a token acts for.
#[derive(Debug, Clone)]
pub struct ConsoleClient {
    client: BusinessClient,
}

impl ConsoleClient {
    /// A client of `server` acting with a business's `token`.
    pub fn new(server: &str, token: &str) -> Result<ConsoleClient, HttpError> {
        Ok(ConsoleClient {
            client: BusinessClient::new(server, token)?,
        })
    }

    /// The business's client, for the calls whose answers are plain already: template
    /// histories, broadcasts, figures per day, the quality log, standing, and settling.
    pub fn business(&self) -> &BusinessClient {
        &self.client
    }

    /// The business, its subscribers and the server's clock.
    pub async fn account(&self) -> Result<Account, HttpError> {
        let account = self.client.account().await?;
        Ok(Account {
            business: account.business,
            subscribers: account.subscribers,
            now: account.now,
        })
    }

    /// The server's rules as a policy: what standing is judged by; the rest keeps its
    /// defaults, which the console does not read.
    pub async fn policy(&self) -> Result<PolicyConfig, HttpError> {
        Ok(policy(self.client.rules().await?))
    }

    /// Every template of `business` (the token's), in submission order.
    pub async fn templates(&self, business: BusinessId) -> Result<Vec<Template>, HttpError> {
        let list = self.client.templates().await?;
        Ok(list.into_iter().map(|t| template(t, business)).collect())
    }

    /// Submits a template of `business` for review; the answer carries the review's result.
    pub async fn submit_template(
        &self,
        business: BusinessId,
        name: &str,
        category: Category,
        body: &str,
        allow_recategorise: bool,
    ) -> Result<Template, HttpError> {
        let submission = TemplateSubmission {
            name: name.to_string(),
            category,
            body: body.to_string(),
            allow_recategorise,
        };
        let reviewed = self.client.submit_template(&submission).await?;
        Ok(template(reviewed, business))
    }

    /// Asks a platform reviewer to review the business's disable or suspension; `None` when
    /// the server says there is nothing to review.
    pub async fn ask_for_review(&self) -> Result<Option<ReviewRequest>, HttpError> {
        let asked = self
            .client
            .ask_for_review(&crate::protocol::ReviewRequestSubmission::default())
            .await;
        match asked {
            Ok(request) => Ok(Some(request)),
            Err(e) if e.code() == Some("conflict") => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Edits a template of `business` (or resubmits a rejected one): `revision` is the
    /// template, whether review may re-categorise it, and whether it is a resubmission. The
    /// answer carries the new version's review.
    pub async fn revise_template(
        &self,
        business: BusinessId,
        (id, allow_recategorise, resubmit): (TemplateId, bool, bool),
        category: Category,
        body: &str,
    ) -> Result<Template, HttpError> {
        let edit = TemplateEdit {
            category,
            body: body.to_string(),
            allow_recategorise,
        };
        let revised = self.client.revise_template(id, &edit, resubmit).await?;
        Ok(template(revised.template, business))
    }

    /// Deletes a template: never sent again; its history and figures stay.
    pub async fn delete_template(&self, id: TemplateId) -> Result<(), HttpError> {
        self.client.delete_template(id).await.map(drop)
    }

    /// Prices a broadcast and decides it for every recipient, without sending anything.
    pub async fn dry_run(&self, order: &BroadcastOrder) -> Result<Priced, HttpError> {
        let submission = BroadcastSubmission {
            template: order.template.clone(),
            params: order.params.clone(),
            to: order.to.clone(),
            dry_run: true,
            key: None,
        };
        Ok(priced(self.client.broadcast(&submission).await?))
    }

    /// Prices and reserves a broadcast to send in parts.
    pub async fn start_broadcast(&self, order: &BroadcastOrder) -> Result<Started, HttpError> {
        let start = BroadcastStart {
            template: order.template.clone(),
            params: order.params.clone(),
            to: order.to.clone(),
        };
        let started = self.client.start_broadcast(&start).await?;
        Ok(Started {
            id: started.id,
            quote: started.quote,
            at: started.at,
            remaining: started.remaining,
        })
    }

    /// Sends a started broadcast to at most `at_most` more people (kept within 1 to
    /// [`limits::MAX_PART`]).
    pub async fn broadcast_part(
        &self,
        id: BroadcastId,
        at_most: usize,
    ) -> Result<PartSent, HttpError> {
        let at_most = at_most.clamp(1, limits::MAX_PART as usize) as u32;
        let progress = self.client.broadcast_part(id, at_most).await?;
        Ok(PartSent {
            tally: progress.tally,
            remaining: progress.remaining,
            settlement: progress.settlement,
        })
    }

    /// The figures of the business, a template or a broadcast.
    pub async fn metrics(&self, scope: &MetricsScope) -> Result<Metrics, HttpError> {
        Ok(self.client.metrics(scope).await?.metrics)
    }

    /// The first `limit` conversations of the business, unread ones first.
    pub async fn conversations(&self, limit: u32) -> Result<Vec<ConversationSummary>, HttpError> {
        Ok(self.client.conversations(0, limit).await?.conversations)
    }

    /// Reads the conversation with `user` (its newest `limit` messages), marking the user's
    /// messages read.
    pub async fn read_conversation(
        &self,
        user: &str,
        limit: u32,
    ) -> Result<ConversationPage, HttpError> {
        let request = ReadRequest {
            with: user.to_string(),
            limit: Some(limit),
        };
        self.client.read_conversation(&request).await
    }
}

/// Where the status bar says the console's data comes from: the server's host and port.
pub fn server_label(server: &str) -> String {
    text::clean_line(super::server_host(server), 48)
}

/// A template as the console keeps it.
fn template(w: WireTemplate, business: BusinessId) -> Template {
    Template {
        id: w.id,
        business,
        name: w.name,
        requested_category: w.requested_category,
        category: w.category,
        body: w.body,
        status: w.status,
        review: w.review_rule,
        review_note: w.review_note,
        review_finding: w.review_finding,
        allow_recategorise: w.allow_recategorise,
        submitted_at: w.submitted_at,
        approved_at: w.approved_at,
        paused_until: w.paused_until,
        pause_count: w.pause_count,
        quality: w.quality,
        quality_since: w.quality_since,
    }
}

fn policy(rules: BusinessRules) -> PolicyConfig {
    PolicyConfig {
        quality: rules.quality,
        tiers: rules.tiers,
        enforcement: rules.enforcement,
        templates: TemplateConfig {
            pause_hours: rules.pause_hours,
            ..TemplateConfig::default()
        },
        ..PolicyConfig::default()
    }
}

fn priced(report: BroadcastReport) -> Priced {
    let sent = report.delivered
        + report.held.values().sum::<u32>()
        + report.rejected.values().sum::<u32>();
    Priced {
        quote: report.quote,
        tally: BroadcastTally {
            sent,
            delivered: report.delivered,
            held: report.held,
            rejected: report.rejected,
            charged: report.settlement.charged,
        },
        settlement: report.settlement,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_bar_names_the_host_cleanly() {
        assert_eq!(server_label("http://127.0.0.1:8787/"), "127.0.0.1:8787");
        assert_eq!(
            server_label("https://chat.example\u{1b}[2J"),
            "chat.example"
        );
    }
}

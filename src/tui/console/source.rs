//! Where the console's data comes from and where its actions go, behind one small trait: the
//! local store ([`super::StoreSource`]) or a server ([`super::RemoteSource`]). The console's
//! app and views only ever see this trait and the plain data below.

use crate::model::MetricScope;
use crate::model::*;
use crate::policy::broadcast::InsufficientBudget;
use crate::policy::{Metrics, PolicyConfig, Quote, Settlement};
use crate::store::StoreError;
use crate::sync::http::HttpError;
use serde::Deserialize;

pub use crate::model::{BroadcastTally, QualityPoint};
pub use crate::policy::StandingReport;

/// What the console's data source can answer.
#[derive(Debug, thiserror::Error)]
pub enum ConsoleError {
    /// The budget cannot cover the whole eligible audience: nothing was sent.
    #[error("{0}")]
    Refused(InsufficientBudget),
    #[error(transparent)]
    Store(StoreError),
    /// The server could not be reached, or refused.
    #[error(transparent)]
    Server(HttpError),
    /// The source cannot do this (a server has no demo clock, for one).
    #[error("{0}")]
    Unavailable(String),
}

impl From<StoreError> for ConsoleError {
    fn from(e: StoreError) -> ConsoleError {
        match e {
            StoreError::Budget(refusal) => ConsoleError::Refused(refusal),
            other => ConsoleError::Store(other),
        }
    }
}

impl From<HttpError> for ConsoleError {
    fn from(e: HttpError) -> ConsoleError {
        match e.budget_refusal() {
            Some(refusal) => ConsoleError::Refused(refusal),
            None => ConsoleError::Server(e),
        }
    }
}

impl From<crate::world::WorldError> for ConsoleError {
    fn from(e: crate::world::WorldError) -> ConsoleError {
        match e {
            crate::world::WorldError::Store(s) => s.into(),
            crate::world::WorldError::Config(c) => ConsoleError::Unavailable(c.to_string()),
        }
    }
}

/// Result of a console data call.
pub type Result<T> = std::result::Result<T, ConsoleError>;

/// A template with its history of review, pauses and resumptions, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateCard {
    pub template: Template,
    pub history: Vec<TemplateEvent>,
}

/// A template as a business writes it, in the editor or in a TOML file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateDraft {
    pub name: String,
    pub category: Category,
    pub body: String,
    /// Whether review may move a promotional utility template to marketing.
    #[serde(default = "allow_by_default")]
    pub allow_recategorise: bool,
}

fn allow_by_default() -> bool {
    true
}

/// Who a broadcast goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience {
    /// Every user subscribed to the business's offers (and not blocking it).
    Subscribers,
    /// These people, by name.
    Named(Vec<String>),
}

/// A broadcast as the business plans it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BroadcastPlan {
    pub business: BusinessId,
    pub template: TemplateId,
    pub params: Vec<String>,
    pub audience: Audience,
}

/// What a broadcast would do, decided for every recipient and then undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DryRun {
    pub quote: Quote,
    pub tally: BroadcastTally,
    /// The budget once the broadcast is settled.
    pub settlement: Settlement,
}

/// A broadcast under way: sent a part at a time, settled at the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BroadcastRun {
    pub id: BroadcastId,
    pub template: TemplateId,
    pub params: Vec<String>,
    pub business: BusinessId,
    pub quote: Quote,
    /// The moment the broadcast was sent (every part is sent at it).
    pub at: Timestamp,
    /// Recipients not sent to yet.
    pub remaining: u32,
    pub tally: BroadcastTally,
    /// Set once everything is sent and the broadcast is settled.
    pub settlement: Option<Settlement>,
}

impl BroadcastRun {
    /// Whether every recipient has been sent to and the broadcast settled.
    pub fn finished(&self) -> bool {
        self.settlement.is_some()
    }
}

/// The business console's data: read, submit, broadcast, and the demo world's clock.
pub trait ConsoleSource {
    /// The rules the figures are judged by.
    fn policy(&self) -> &PolicyConfig;
    /// The time the console works at.
    fn now(&self) -> Result<Timestamp>;
    /// Where the data comes from, for the status bar ("offline · demo world").
    fn connection(&self) -> String;
    /// Whether the last request reached the data (a server can be out of reach).
    fn online(&self) -> bool {
        true
    }
    /// The business the source acts for, when it is bound to one (a server token's).
    fn own_business(&self) -> Option<BusinessId> {
        None
    }
    /// Settles every broadcast an earlier console left sending, before the console opens:
    /// what was delivered is charged, the rest of its reservation returned.
    fn settle_unfinished(&mut self) -> Result<()> {
        Ok(())
    }
    /// How often what is on screen is reloaded while no key comes: data that changes on its
    /// own (a server's) is; `None`, only on keys.
    fn refresh_every(&self) -> Option<std::time::Duration> {
        None
    }
    /// The businesses this console may act as.
    fn businesses(&self) -> Result<Vec<Business>>;
    /// One business.
    fn business(&self, id: BusinessId) -> Result<Business>;
    /// A business's templates, in submission order, with their histories.
    fn templates(&self, business: BusinessId) -> Result<Vec<TemplateCard>>;
    /// Submits a template for review; the answer carries the review's result.
    fn submit(&mut self, business: BusinessId, draft: &TemplateDraft) -> Result<TemplateCard>;
    /// Edits a template (with `resubmit`, resubmits a rejected one): the draft's category and
    /// body become a new version, reviewed at once; the old version is kept.
    fn revise(
        &mut self,
        template: TemplateId,
        draft: &TemplateDraft,
        resubmit: bool,
    ) -> Result<TemplateCard>;
    /// Deletes a template: never sent again; its history and figures stay.
    fn delete(&mut self, template: TemplateId) -> Result<()>;
    /// How many people would receive a broadcast to all subscribers.
    fn subscribers(&self, business: BusinessId) -> Result<u32>;
    /// Prices a broadcast and decides it for every recipient, without sending anything.
    fn dry_run(&mut self, plan: &BroadcastPlan) -> Result<DryRun>;
    /// Reserves the price of a broadcast; sends nothing yet. Refused when the budget is short.
    fn start_broadcast(&mut self, plan: &BroadcastPlan) -> Result<BroadcastRun>;
    /// Sends to at most `at_most` more recipients; settles the broadcast after the last.
    fn continue_broadcast(&mut self, run: &mut BroadcastRun, at_most: usize) -> Result<()>;
    /// A business's broadcasts, newest first.
    fn broadcasts(&self, business: BusinessId) -> Result<Vec<BroadcastRecord>>;
    /// The figures of a business, template or broadcast.
    fn metrics(&self, scope: MetricScope) -> Result<Metrics>;
    /// Figures per day, `first_day` to `last_day` (days since 1970-01-01).
    fn daily(&self, scope: MetricScope, first_day: i64, last_day: i64) -> Result<Vec<DayFigures>>;
    /// A business's quality and tier changes, oldest first.
    fn quality_log(&self, business: BusinessId) -> Result<Vec<QualityPoint>>;
    /// A business's quality, tier, strikes and restrictions.
    fn standing(&self, business: BusinessId) -> Result<StandingReport>;
    /// Asks a platform reviewer to review the business's disable or suspension; `None` when
    /// there is nothing to review. A request already waiting is answered as it is.
    fn ask_for_review(&mut self, business: BusinessId) -> Result<Option<ReviewRequest>>;
    /// Moves the demo world's clock; a server's clock is the real one.
    fn advance_clock(&mut self, span: Span) -> Result<Timestamp>;
    /// A business's conversations with users, unread ones first, then the most recent (at most
    /// [`CONVERSATIONS_SHOWN`]).
    fn conversations(&self, business: BusinessId) -> Result<Vec<ConversationSummary>>;
    /// Reads the business's conversation with the user named `user` (its newest
    /// [`MESSAGES_SHOWN`] messages), marking the user's messages read.
    fn read_conversation(&mut self, business: BusinessId, user: &str) -> Result<ConversationPage>;
}

/// Most conversations the Conversations screen lists.
pub const CONVERSATIONS_SHOWN: u32 = 200;
/// Most messages of one conversation the Conversations screen shows.
pub const MESSAGES_SHOWN: u32 = 100;

//! What a server tells one user's client, under the server's ids: the messages of its business
//! chats, the decisions the rules made for it, and the businesses it deals with. The server
//! reads them from its store, the wire carries them, and the client's copy stores them.

use super::{
    BusinessId, BusinessKind, Category, Decision, Direction, Feedback, MessageId, Relation,
    Restriction, TemplateId, Timestamp,
};
use serde::{Deserialize, Serialize};

/// A message as the user's client receives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SyncedMessage {
    pub id: MessageId,
    pub business: BusinessId,
    pub direction: Direction,
    pub category: Option<Category>,
    pub template: Option<TemplateId>,
    pub template_name: Option<String>,
    pub body: String,
    pub sent_at: Timestamp,
    pub delivered_at: Option<Timestamp>,
    pub read_at: Option<Timestamp>,
    /// When the business read it (the user's own messages).
    #[serde(default)]
    pub seen_at: Option<Timestamp>,
    pub decision: Decision,
    pub feedback: Option<Feedback>,
    /// The idempotency key of the action that wrote it (the user's own replies).
    pub client_key: Option<String>,
    /// The change that last touched it.
    pub change: i64,
}

/// A decision the rules made about a message for the user: a rejected one never becomes a
/// message, so this is how the user's client learns of it (without its text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SyncedDecision {
    pub id: i64,
    pub business: BusinessId,
    pub template: Option<TemplateId>,
    pub category: Category,
    pub at: Timestamp,
    pub decision: Decision,
    /// The message it made, when delivered or held.
    pub message: Option<MessageId>,
    /// The change that wrote it.
    pub change: i64,
}

/// A business as the user's client shows it, with the user's own choices about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SyncedBusiness {
    pub id: BusinessId,
    pub name: String,
    pub verified: bool,
    pub kind: BusinessKind,
    pub relation: Relation,
    /// Restrictions not ended when the page was read (warnings aside), with their start and
    /// end: the client judges which are in force at its own clock.
    pub restrictions: Vec<Restriction>,
}

/// A business as the directory lists it: what a user needs to find it and opt in first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ListedBusiness {
    pub id: BusinessId,
    /// Its name, cleaned: at most 64 characters, and a cut mark after a longer one.
    #[schema(max_length = 65)]
    pub name: String,
    pub kind: BusinessKind,
    pub verified: bool,
}

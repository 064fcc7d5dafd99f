//! A business's side of its chats: one conversation per user who wrote to it or was written
//! to, as the business's inbox lists it.

use super::{ChatId, Message, MessageId, Timestamp, UserId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One user's conversation with a business: who, what the business has not read, the last
/// message and when the user last wrote (the start of the service window).
#[derive(Debug, Clone, PartialEq)]
pub struct BusinessConversation {
    pub user: UserId,
    pub user_name: String,
    pub chat: ChatId,
    /// The user's messages the business has not read.
    pub unread: u32,
    pub last: Option<Message>,
    pub last_user_message_at: Option<Timestamp>,
}

/// Who wrote a line of a business's conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    User,
    Business,
}

/// One message of a conversation, as its business sees it (messages the rules hold for the
/// user are not in it until the user sees them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConversationLine {
    pub id: MessageId,
    pub from: Author,
    /// Sanitised; in a list of conversations, cut to its first line's first 120 characters.
    pub body: String,
    pub at: Timestamp,
    /// When the other side read it: the user (a business message) or the business (the
    /// user's).
    pub read_at: Option<Timestamp>,
}

/// The service window the user opened by writing: until when the business may reply freely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ServiceWindow {
    pub closes_at: Timestamp,
    /// Seconds left, at least 1.
    pub seconds_left: i64,
}

/// One user's conversation in a business's inbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConversationSummary {
    /// The user's name.
    pub user: String,
    /// The user's messages the business has not read.
    pub unread: u32,
    pub last: Option<ConversationLine>,
    /// The service window, while it is open; `None` when closed.
    pub window: Option<ServiceWindow>,
}

/// The conversation with one user, newest last; the user's messages in it are now read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConversationPage {
    /// The user's name.
    pub user: String,
    pub messages: Vec<ConversationLine>,
    /// Older messages not in this page.
    pub older: u32,
    /// The user's messages this read marked as read.
    pub marked_read: u32,
    /// The service window, while it is open; `None` when closed.
    pub window: Option<ServiceWindow>,
    /// The time it was read at.
    pub now: Timestamp,
}

//! A business's side of its chats: one conversation per user who wrote to it or was written
//! to, as the business's inbox lists it.

use super::{ChatId, Message, Timestamp, UserId};

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

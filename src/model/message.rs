use super::{
    BroadcastId, BusinessId, Category, ChatId, ContactId, Decision, MessageId, TemplateId,
    Timestamp, UserId,
};
use serde::{Deserialize, Serialize};

code_enum!(
    /// Whether a message came to the user or went from the user.
    Direction {
        Inbound = "in",
        Outbound = "out",
    }
);

code_enum!(
    /// The user's answer to a marketing message.
    Feedback {
        Interested = "interested",
        NotInterested = "not_interested",
    }
);

impl Feedback {}

/// Who is on the other side of a chat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counterpart {
    Contact(ContactId),
    Business(BusinessId),
}

/// One conversation in a user's inbox, with what the list needs to show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chat {
    pub id: ChatId,
    pub user: UserId,
    pub counterpart: Counterpart,
    /// The name of the friend or business.
    pub title: String,
    pub verified: bool,
    pub muted: bool,
    pub archived: bool,
    pub unread: u32,
    pub last_at: Option<Timestamp>,
    pub preview: String,
    /// Whether any delivered offer is in this chat.
    pub has_offers: bool,
}

/// Starts a chat's preview when the last message is the user's own; the inbox writes it as
/// "You: " in the language in force. A control character, so no message text can begin with it
/// (text from outside is cleaned of them before it is stored).
pub const MINE_MARK: char = '\u{1}';

impl Chat {
    /// The preview's text, and whether it is the user's own message.
    pub fn preview_text(&self) -> (bool, &str) {
        match self.preview.strip_prefix(MINE_MARK) {
            Some(rest) => (true, rest),
            None => (false, &self.preview),
        }
    }

    /// Whether the other side is a business.
    pub fn is_business(&self) -> bool {
        matches!(self.counterpart, Counterpart::Business(_))
    }
}

/// A message stored in a chat: delivered, held back by the rules, or written by the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub id: MessageId,
    pub chat: ChatId,
    pub user: UserId,
    pub direction: Direction,
    /// Category of a business message; `None` for a personal one.
    pub category: Option<Category>,
    pub template: Option<TemplateId>,
    pub broadcast: Option<BroadcastId>,
    pub body: String,
    pub sent_at: Timestamp,
    pub delivered_at: Option<Timestamp>,
    pub read_at: Option<Timestamp>,
    /// When the other side read it (the user's own messages).
    #[serde(default)]
    pub seen_at: Option<Timestamp>,
    pub decision: Decision,
    pub feedback: Option<Feedback>,
}

/// How far one of the user's own messages got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// Written here, waiting for the server.
    Sending,
    Sent,
    Delivered,
    /// The other side read it.
    Read,
}

impl Delivery {}

impl Message {
    /// How far the user's own message got; `None` for a message the user received. A local
    /// copy waiting for the server has a negative id until the server's copy replaces it.
    pub fn delivery(&self) -> Option<Delivery> {
        if self.direction != Direction::Outbound {
            return None;
        }
        Some(if self.id.0 < 0 {
            Delivery::Sending
        } else if self.seen_at.is_some() {
            Delivery::Read
        } else if self.delivered_at.is_some() {
            Delivery::Delivered
        } else {
            Delivery::Sent
        })
    }
}

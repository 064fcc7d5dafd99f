//! What a user does to a chat, a message or a business: applied to the local store, and (for
//! the actions that travel) sent to a server.

use super::{
    BlockReason, BusinessId, ChatId, ContactId, Counterpart, Feedback, MessageId, ReportReason,
    UserPrefs,
};
use serde::{Deserialize, Serialize};

/// A user's action, as it is applied locally and sent to a server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum UserAction {
    Subscribe {
        business: BusinessId,
    },
    Unsubscribe {
        business: BusinessId,
    },
    Block {
        business: BusinessId,
        reason: BlockReason,
    },
    Unblock {
        business: BusinessId,
    },
    Report {
        business: BusinessId,
        reason: ReportReason,
        also_block: bool,
    },
    /// Blocks a friend: their messages stop reaching the user. Stays on this device.
    BlockContact {
        contact: ContactId,
        reason: BlockReason,
    },
    /// Unblocks a friend. Stays on this device.
    UnblockContact {
        contact: ContactId,
    },
    /// Reports a friend, with the chat's last messages as evidence. Stays on this device.
    ReportContact {
        contact: ContactId,
        reason: ReportReason,
        also_block: bool,
    },
    Feedback {
        message: MessageId,
        feedback: Feedback,
    },
    Reply {
        to: Counterpart,
        text: String,
    },
    MarkRead {
        chat: ChatId,
    },
    MarkUnread {
        chat: ChatId,
    },
    Mute {
        chat: ChatId,
        muted: bool,
    },
    Archive {
        chat: ChatId,
        archived: bool,
    },
    AcceptChat {
        business: BusinessId,
    },
    ReleaseHeld {
        message: MessageId,
    },
    DeleteHeld {
        message: MessageId,
    },
    SetPrefs {
        prefs: UserPrefs,
    },
}

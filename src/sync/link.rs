//! What the inbox sends to a server: its local actions turned into wire actions with keys that
//! make them apply exactly once.

use crate::model::*;
use crate::protocol::WireAction;
use crate::store::{Db, Result, UserAction};

/// A fresh idempotency key: 128 random bits, in hex.
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system gives random bytes");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The wire form of a local action, or `None` when it stays on this device (mute, archive,
/// marking unread, a chat with a friend).
pub fn to_wire(db: &Db, action: &UserAction) -> Result<Option<WireAction>> {
    let business_of_chat = |chat: ChatId| -> Result<Option<BusinessId>> {
        Ok(match db.chat(chat)?.counterpart {
            Counterpart::Business(b) => Some(b),
            Counterpart::Contact(_) => None,
        })
    };
    Ok(match action.clone() {
        UserAction::Subscribe { business } => Some(WireAction::Subscribe { business }),
        UserAction::Unsubscribe { business } => Some(WireAction::Unsubscribe { business }),
        UserAction::Block { business, reason } => Some(WireAction::Block { business, reason }),
        UserAction::Unblock { business } => Some(WireAction::Unblock { business }),
        UserAction::Report {
            business,
            reason,
            also_block,
        } => Some(WireAction::Report {
            business,
            reason,
            also_block,
        }),
        UserAction::Feedback { message, feedback } => {
            Some(WireAction::Feedback { message, feedback })
        }
        UserAction::MarkRead { chat } => {
            business_of_chat(chat)?.map(|business| WireAction::Read { business })
        }
        UserAction::Reply {
            to: Counterpart::Business(business),
            text,
        } => Some(WireAction::Reply { business, text }),
        UserAction::AcceptChat { business } => Some(WireAction::AcceptChat { business }),
        UserAction::ReleaseHeld { message } => Some(WireAction::ReleaseHeld { message }),
        UserAction::DeleteHeld { message } => Some(WireAction::DeleteHeld { message }),
        UserAction::SetPrefs { prefs } => Some(WireAction::SetPrefs { prefs }),
        UserAction::Reply {
            to: Counterpart::Contact(_),
            ..
        }
        | UserAction::MarkUnread { .. }
        | UserAction::Mute { .. }
        | UserAction::Archive { .. } => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_hex() {
        let (a, b) = (new_key(), new_key());
        assert_eq!(a.len(), 32);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }
}

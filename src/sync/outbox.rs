//! The outbox: which of the user's actions travel to the server, and how. An action that
//! travels is applied to the local store and queued, in one transaction, as its wire form
//! under a fresh key that makes it apply exactly once on the server. A reply is the one
//! special case: it is written locally under a pending id that the server's copy replaces.

use crate::model::*;
use crate::policy::SignalConfig;
use crate::protocol::{KeyedAction, WireAction};
use crate::store::{Db, Queued, Result, StoreError, Tx};

/// Applies `action` for `me` at `now` in `tx` and, when it travels, queues it for the server
/// in the same transaction. Returns the key it was queued under, or `None` when it stays on
/// this device. `signals` is as for `Tx::apply`.
pub fn record(
    tx: &Tx,
    me: UserId,
    action: &UserAction,
    now: Timestamp,
    signals: &SignalConfig,
) -> Result<Option<String>> {
    let Some(wire) = to_wire(&tx.db(), action)? else {
        tx.apply(me, action, now, signals)?;
        return Ok(None);
    };
    let key = new_key();
    match (action, &wire) {
        (UserAction::Reply { text, .. }, WireAction::Reply { business, .. }) => {
            tx.reply_pending(me, *business, text, &key, now)?;
        }
        _ => tx.apply(me, action, now, signals)?,
    }
    let payload = serde_json::to_string(&wire).map_err(|e| StoreError::Invalid(e.to_string()))?;
    tx.enqueue(&key, &payload, now)?;
    Ok(Some(key))
}

/// A queued action as the server takes it: its key and its wire form.
pub fn keyed(queued: &Queued) -> std::result::Result<KeyedAction, serde_json::Error> {
    Ok(KeyedAction {
        key: queued.key.clone(),
        action: serde_json::from_str(&queued.action)?,
    })
}

/// A fresh idempotency key: 128 random bits, in hex.
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system gives random bytes");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The wire form of a local action, or `None` when it stays on this device (mute, archive,
/// marking unread, a chat with a friend). Blocking and reporting a friend stay here too: the
/// server knows only businesses, and has no route for people.
fn to_wire(db: &Db, action: &UserAction) -> Result<Option<WireAction>> {
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
        | UserAction::BlockContact { .. }
        | UserAction::UnblockContact { .. }
        | UserAction::ReportContact { .. }
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

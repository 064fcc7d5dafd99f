//! A user's actions, each applied exactly once per idempotency key: the key is recorded in the
//! transaction that applies the action, and a replay answers from the record.

use super::db::{DbError, DbResult, ServerConnection, ServerWrites};
use crate::model::*;
use crate::policy::SignalConfig;
use crate::protocol::{ActionResult, KeyedAction, WireAction};
use serde::{Deserialize, Serialize};

/// Actions accepted in one batch.
pub const MAX_BATCH: usize = 100;
/// Longest idempotency key.
pub const MAX_KEY_CHARS: usize = 128;
/// Highest marketing cap a user may set.
const MAX_CAP: u32 = 10_000;

/// What is kept of an applied action, to answer a replay with.
#[derive(Debug, Serialize, Deserialize)]
struct Recorded {
    ok: bool,
    error: Option<String>,
}

/// Why an action was not acceptable before anything is applied, if it was not.
pub fn check(action: &KeyedAction) -> std::result::Result<(), String> {
    check_key(&action.key)?;
    match &action.action {
        WireAction::Reply { text, .. } if text.chars().count() > limits::MAX_BODY_CHARS => Err(
            format!("a reply is at most {} characters", limits::MAX_BODY_CHARS),
        ),
        WireAction::SetPrefs { prefs } => check_prefs(prefs),
        _ => Ok(()),
    }
}

/// Why an idempotency key is not acceptable, if it is not.
pub fn check_key(key: &str) -> std::result::Result<(), String> {
    if key.is_empty() || key.chars().count() > MAX_KEY_CHARS || key.chars().any(char::is_control) {
        return Err(format!(
            "an idempotency key is 1 to {MAX_KEY_CHARS} printable characters"
        ));
    }
    Ok(())
}

fn check_prefs(prefs: &UserPrefs) -> std::result::Result<(), String> {
    if let Some(q) = prefs.quiet_hours
        && (q.start > 23 || q.end > 23)
    {
        return Err("quiet hours start and end at an hour from 0 to 23".into());
    }
    if prefs.daily_marketing_cap > MAX_CAP || prefs.weekly_business_cap > MAX_CAP {
        return Err(format!("a marketing cap is at most {MAX_CAP}"));
    }
    Ok(())
}

/// Applies one keyed action for `user` at `now`, unless its key was seen before; `signals` is
/// the policy's, for reports and blocks.
pub fn apply_once(
    db: &mut impl ServerConnection,
    user: UserId,
    action: &KeyedAction,
    now: Timestamp,
    signals: &SignalConfig,
) -> DbResult<ActionResult> {
    let key = action.key.as_str();
    let first = db.in_transaction(|tx| {
        if let Some(recorded) = tx.reads().applied_action(user, key)? {
            return Ok(Some(recorded));
        }
        apply(tx, user, key, &action.action, now, signals)?;
        tx.record_action(user, key, &record(true, None), now)?;
        Ok(None)
    });
    match first {
        Ok(Some(recorded)) => Ok(replayed(key, &recorded)),
        Ok(None) => Ok(result(key, true, None, false)),
        Err(e @ (DbError::NotFound(_) | DbError::Invalid(_))) => {
            let error = e.to_string();
            db.in_transaction(|tx| match tx.reads().applied_action(user, key)? {
                Some(recorded) => Ok(replayed(key, &recorded)),
                None => {
                    tx.record_action(user, key, &record(false, Some(&error)), now)?;
                    Ok(result(key, false, Some(error.clone()), false))
                }
            })
        }
        Err(e) => Err(e),
    }
}

fn record(ok: bool, error: Option<&str>) -> String {
    let recorded = Recorded {
        ok,
        error: error.map(str::to_string),
    };
    serde_json::to_string(&recorded).unwrap_or_else(|_| r#"{"ok":false,"error":null}"#.into())
}

fn replayed(key: &str, recorded: &str) -> ActionResult {
    let recorded: Recorded = serde_json::from_str(recorded).unwrap_or(Recorded {
        ok: true,
        error: None,
    });
    result(key, recorded.ok, recorded.error, true)
}

fn result(key: &str, ok: bool, error: Option<String>, replayed: bool) -> ActionResult {
    ActionResult {
        key: key.to_string(),
        ok,
        error,
        replayed,
    }
}

/// Applies a wire action with the store's own commands, in the caller's transaction.
fn apply(
    tx: &dyn ServerWrites,
    user: UserId,
    key: &str,
    action: &WireAction,
    now: Timestamp,
    signals: &SignalConfig,
) -> DbResult<()> {
    if let Some(business) = business_of(action) {
        tx.reads().business(business)?;
    }
    match action {
        WireAction::Read { business } => {
            match tx
                .reads()
                .chat_with(user, Counterpart::Business(*business))?
            {
                Some(chat) => tx.mark_read(chat.id, now),
                None => Ok(()),
            }
        }
        WireAction::Reply { business, text } => {
            let message = tx.reply(user, Counterpart::Business(*business), text, now)?;
            tx.set_client_key(message, key)
        }
        other => match user_action(other) {
            Some(action) => tx.apply(user, &action, now, signals),
            None => Ok(()),
        },
    }
}

fn business_of(action: &WireAction) -> Option<BusinessId> {
    match action {
        WireAction::Subscribe { business }
        | WireAction::Unsubscribe { business }
        | WireAction::Block { business, .. }
        | WireAction::Unblock { business }
        | WireAction::Report { business, .. }
        | WireAction::Read { business }
        | WireAction::Reply { business, .. }
        | WireAction::AcceptChat { business } => Some(*business),
        WireAction::Feedback { .. }
        | WireAction::ReleaseHeld { .. }
        | WireAction::DeleteHeld { .. }
        | WireAction::SetPrefs { .. } => None,
    }
}

/// The store's form of the actions that map one to one (not Read and Reply).
fn user_action(action: &WireAction) -> Option<UserAction> {
    Some(match action.clone() {
        WireAction::Subscribe { business } => UserAction::Subscribe { business },
        WireAction::Unsubscribe { business } => UserAction::Unsubscribe { business },
        WireAction::Block { business, reason } => UserAction::Block { business, reason },
        WireAction::Unblock { business } => UserAction::Unblock { business },
        WireAction::Report {
            business,
            reason,
            also_block,
        } => UserAction::Report {
            business,
            reason,
            also_block,
        },
        WireAction::Feedback { message, feedback } => UserAction::Feedback { message, feedback },
        WireAction::AcceptChat { business } => UserAction::AcceptChat { business },
        WireAction::ReleaseHeld { message } => UserAction::ReleaseHeld { message },
        WireAction::DeleteHeld { message } => UserAction::DeleteHeld { message },
        WireAction::SetPrefs { prefs } => UserAction::SetPrefs { prefs },
        WireAction::Read { .. } | WireAction::Reply { .. } => return None,
    })
}

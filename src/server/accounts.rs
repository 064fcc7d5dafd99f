//! Registering users, businesses and platform reviewers on a server, each with a token shown
//! once.

use super::auth::{new_token, token_hash};
use super::db::{Account, DbError, DbResult, NewBusiness, ServerConnection};
use crate::model::{BusinessId, ReviewerId, Timestamp, UserId, limits, text};
use crate::policy::PolicyConfig;

/// Adds a user with the default preferences; returns the id and the token. Names are unique.
pub fn add_user(
    db: &mut impl ServerConnection,
    name: &str,
    policy: &PolicyConfig,
) -> DbResult<(UserId, String)> {
    let name = checked_name(name)?;
    db.in_transaction(|tx| {
        if tx.reads().user_named(&name)?.is_some() {
            return Err(DbError::Invalid(format!(
                "a user named {name} already exists on this server; pick another name"
            )));
        }
        let id = tx.add_user(&name, &policy.new_user_prefs())?;
        let token = fresh_token(Account::User(id))?;
        tx.set_user_token(id, &token_hash(&token))?;
        Ok((id, token))
    })
}

/// Registers a business; returns the id and the token.
pub fn add_business(
    db: &mut impl ServerConnection,
    new: &NewBusiness,
    now: Timestamp,
) -> DbResult<(BusinessId, String)> {
    let name = checked_name(new.name)?;
    if new.budget < 0 {
        return Err(DbError::Invalid("a budget cannot be negative".into()));
    }
    db.in_transaction(|tx| {
        let id = tx.add_business(
            &NewBusiness {
                name: &name,
                ..*new
            },
            now,
        )?;
        let token = fresh_token(Account::Business(id))?;
        tx.set_business_token(id, &token_hash(&token))?;
        Ok((id, token))
    })
}

/// Adds a platform reviewer; returns the id and the token. Names are unique.
pub fn add_reviewer(db: &mut impl ServerConnection, name: &str) -> DbResult<(ReviewerId, String)> {
    let name = checked_name(name)?;
    db.in_transaction(|tx| {
        let id = tx.add_reviewer(&name)?;
        let token = fresh_token(Account::Reviewer(id))?;
        tx.set_reviewer_token(id, &token_hash(&token))?;
        Ok((id, token))
    })
}

fn checked_name(name: &str) -> DbResult<String> {
    let clean = text::clean_name(name);
    if clean.is_empty() {
        return Err(DbError::Invalid("a name cannot be empty".into()));
    }
    if clean.chars().count() > limits::MAX_NAME_CHARS {
        return Err(DbError::Invalid(format!(
            "a name is at most {} characters",
            limits::MAX_NAME_CHARS
        )));
    }
    Ok(clean)
}

fn fresh_token(account: Account) -> DbResult<String> {
    new_token(account).map_err(|e| DbError::Invalid(format!("no random bytes for a token: {e}")))
}

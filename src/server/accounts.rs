//! Registering users, businesses and platform reviewers on a server, each with a token shown
//! once; revoking a token, or reissuing it (the old one stops working).

use super::auth::{new_token, token_hash};
use super::db::{Account, DbError, DbResult, NewBusiness, ServerConnection, ServerReads};
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

/// Which kind of account a name means, when one name belongs to several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AccountKind {
    User,
    Business,
    Reviewer,
}

impl AccountKind {
    fn of(account: Account) -> AccountKind {
        match account {
            Account::User(_) => AccountKind::User,
            Account::Business(_) => AccountKind::Business,
            Account::Reviewer(_) => AccountKind::Reviewer,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            AccountKind::User => "user",
            AccountKind::Business => "business",
            AccountKind::Reviewer => "reviewer",
        }
    }
}

/// Revokes the token of the account with this name (of `kind`, when given): every request
/// with it is refused from now on. Returns the account.
pub fn revoke(
    db: &mut impl ServerConnection,
    name: &str,
    kind: Option<AccountKind>,
    now: Timestamp,
) -> DbResult<Account> {
    db.in_transaction(|tx| {
        let account = account_named(tx.reads(), name, kind)?;
        tx.replace_token(account, None, now)?;
        Ok(account)
    })
}

/// Gives the account with this name (of `kind`, when given) a new token; the old one stops
/// working. Returns the account and the new token.
pub fn reissue(
    db: &mut impl ServerConnection,
    name: &str,
    kind: Option<AccountKind>,
    now: Timestamp,
) -> DbResult<(Account, String)> {
    db.in_transaction(|tx| {
        let account = account_named(tx.reads(), name, kind)?;
        let token = fresh_token(account)?;
        tx.replace_token(account, Some(&token_hash(&token)), now)?;
        Ok((account, token))
    })
}

/// The one account a name (and kind) names, or an error that says how to name one.
fn account_named(
    reads: &dyn ServerReads,
    name: &str,
    kind: Option<AccountKind>,
) -> DbResult<Account> {
    let name = text::clean_name(name);
    let found: Vec<Account> = reads
        .accounts_named(&name)?
        .into_iter()
        .filter(|a| kind.is_none_or(|k| AccountKind::of(*a) == k))
        .collect();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(DbError::Invalid(match kind {
            Some(k) => format!("no {} named {name} on this server", k.as_str()),
            None => format!("no user, business or reviewer named {name} on this server"),
        })),
        several => {
            let kinds: Vec<&str> = several
                .iter()
                .map(|a| AccountKind::of(*a).as_str())
                .collect();
            Err(DbError::Invalid(format!(
                "{name} is the name of a {}; say which with --kind",
                kinds.join(" and of a ")
            )))
        }
    }
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

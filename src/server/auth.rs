//! Bearer tokens: `u.<id>.<secret>` for a user, `b.<id>.<secret>` for a business,
//! `r.<id>.<secret>` for a platform reviewer. Only a SHA-256 of the token is stored; the row is
//! fetched by id and the hashes compared in constant time. Every route but health takes one of
//! the three extractors here.

use super::db::{Account, ServerDb};
use super::error::ApiFailure;
use super::state::Shared;
use crate::model::{BusinessId, ReviewerId, UserId};
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Random bytes in a token's secret.
const SECRET_BYTES: usize = 32;
/// Longest token read from a header; anything longer is not ours.
const MAX_TOKEN_CHARS: usize = 128;

/// The user a request acts for.
#[derive(Debug, Clone, Copy)]
pub struct UserAuth(pub UserId);

/// The business a request acts for.
#[derive(Debug, Clone, Copy)]
pub struct BusinessAuth(pub BusinessId);

/// The platform reviewer a request acts for.
#[derive(Debug, Clone, Copy)]
pub struct ReviewerAuth(pub ReviewerId);

/// The SHA-256 of a token, as stored.
pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// A new token for an account: random, shown once; only its hash is kept.
pub fn new_token(account: Account) -> std::io::Result<String> {
    let mut secret = [0u8; SECRET_BYTES];
    getrandom::fill(&mut secret).map_err(std::io::Error::other)?;
    let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
    Ok(match account {
        Account::User(u) => format!("u.{u}.{hex}"),
        Account::Business(b) => format!("b.{b}.{hex}"),
        Account::Reviewer(r) => format!("r.{r}.{hex}"),
    })
}

/// The account a token names, if it has the right shape.
fn parse(token: &str) -> Option<Account> {
    let mut parts = token.splitn(3, '.');
    let (kind, id, secret) = (parts.next()?, parts.next()?, parts.next()?);
    let id: i64 = id.parse().ok()?;
    if secret.len() != SECRET_BYTES * 2 || !secret.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    match kind {
        "u" => Some(Account::User(UserId(id))),
        "b" => Some(Account::Business(BusinessId(id))),
        "r" => Some(Account::Reviewer(ReviewerId(id))),
        _ => None,
    }
}

fn bearer(parts: &Parts) -> Result<&str, ApiFailure> {
    let header = parts.headers.get(AUTHORIZATION).ok_or_else(|| {
        ApiFailure::unauthorized("this route needs a token: send `Authorization: Bearer TOKEN`")
    })?;
    header
        .to_str()
        .ok()
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty() && t.len() <= MAX_TOKEN_CHARS)
        .ok_or_else(|| ApiFailure::unauthorized("the Authorization header must be `Bearer TOKEN`"))
}

/// Checks the request's token (after its rate limit) and returns the account it belongs to.
async fn authenticate(parts: &Parts, state: &Shared) -> Result<Account, ApiFailure> {
    let token = bearer(parts)?;
    state
        .limiter
        .check(token)
        .map_err(|wait| ApiFailure::too_many_requests(wait.as_secs().max(1)))?;
    let invalid = || ApiFailure::unauthorized("the token is not valid on this server");
    let account = parse(token).ok_or_else(invalid)?;
    let stored = state.db.token_hash(account).await?;
    // A missing account is compared against a hash nothing matches, in the same time.
    let stored = stored.unwrap_or_else(|| vec![0; 32]);
    let hash = token_hash(token);
    let matches: bool = hash.ct_eq(&stored).into();
    if matches {
        return Ok(account);
    }
    if state.db.read(move |db| db.token_revoked(&hash)).await? {
        return Err(ApiFailure::unauthorized(
            "this token was revoked; whoever runs this server can issue a new one with \
             `parley serve reissue NAME`",
        ));
    }
    Err(invalid())
}

impl FromRequestParts<Shared> for UserAuth {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, ApiFailure> {
        match authenticate(parts, state).await? {
            Account::User(user) => Ok(UserAuth(user)),
            Account::Business(_) => Err(ApiFailure::unauthorized(
                "this is a business token; the user routes (/v1/me, /v1/directory) need a user's token",
            )),
            Account::Reviewer(_) => Err(ApiFailure::unauthorized(
                "this is a reviewer's token; the /v1/me routes need a user's token",
            )),
        }
    }
}

impl FromRequestParts<Shared> for BusinessAuth {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, ApiFailure> {
        match authenticate(parts, state).await? {
            Account::Business(business) => Ok(BusinessAuth(business)),
            Account::User(_) => Err(ApiFailure::unauthorized(
                "this is a user's token; the /v1/business routes need a business token",
            )),
            Account::Reviewer(_) => Err(ApiFailure::unauthorized(
                "this is a reviewer's token; the /v1/business routes need a business token",
            )),
        }
    }
}

impl FromRequestParts<Shared> for ReviewerAuth {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, ApiFailure> {
        match authenticate(parts, state).await? {
            Account::Reviewer(reviewer) => Ok(ReviewerAuth(reviewer)),
            Account::User(_) | Account::Business(_) => Err(ApiFailure::unauthorized(
                "the /v1/review routes need a reviewer's token (`parley serve add-reviewer NAME` \
                 prints one)",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_name_their_account_and_differ() {
        let a = new_token(Account::User(UserId(7))).unwrap();
        let b = new_token(Account::User(UserId(7))).unwrap();
        assert_ne!(a, b);
        assert_eq!(parse(&a), Some(Account::User(UserId(7))));
        let c = new_token(Account::Business(BusinessId(3))).unwrap();
        assert_eq!(parse(&c), Some(Account::Business(BusinessId(3))));
        let r = new_token(Account::Reviewer(ReviewerId(4))).unwrap();
        assert_eq!(parse(&r), Some(Account::Reviewer(ReviewerId(4))));
    }

    #[test]
    fn malformed_tokens_name_nothing() {
        for token in [
            "",
            "u.1",
            "u.x.00",
            "x.1.00",
            "u.1.zz",
            &format!("u.1.{}", "g".repeat(64)),
        ] {
            assert_eq!(parse(token), None, "{token}");
        }
    }
}

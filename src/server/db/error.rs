//! What the server's store answers when it cannot do what was asked, in the terms the server
//! answers its clients in.

use crate::policy::broadcast::InsufficientBudget;

/// Why a query or command did not give its result.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// Nothing of that name belongs to the caller.
    #[error("{0}")]
    NotFound(String),
    /// A value is not acceptable.
    #[error("{0}")]
    Invalid(String),
    /// The request does not fit the state of what it names (nothing to review, say).
    #[error("{0}")]
    Conflict(String),
    /// The budget cannot cover a broadcast.
    #[error(
        "{}",
        crate::i18n::sentences::insufficient_budget(.0.needed, .0.eligible, .0.available, .0.shortfall)
    )]
    Budget(InsufficientBudget),
    /// The store is busy with another program; trying again may work.
    #[error("{0}")]
    Busy(String),
    /// The store itself failed: a sentence for the log or the operator.
    #[error("{0}")]
    Failed(String),
}

impl DbError {
    /// A "no such thing" error.
    pub fn not_found(what: impl Into<String>) -> DbError {
        DbError::NotFound(what.into())
    }
}

/// Result of a query or command of the server's store.
pub type DbResult<T> = Result<T, DbError>;

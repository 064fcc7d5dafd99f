use std::path::PathBuf;

/// What went wrong with the store, said so that a person knows what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path} is not a Parley database: it is not SQLite, or it is damaged beyond reading. \
         Parley left it untouched. Move it aside (or point --data-dir elsewhere) and start again."
    )]
    NotADatabase { path: PathBuf },
    #[error(
        "{path} is a SQLite database of another program. Parley left it untouched. \
         Point --data-dir (or PARLEY_DATA_DIR) at another directory."
    )]
    Foreign { path: PathBuf },
    #[error(
        "{path} was written by a newer Parley (schema version {found}; this one knows up to \
         {known}). Parley left it untouched. Run the newer Parley, or use another --data-dir."
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "{path} is damaged ({detail}). Parley stopped before changing anything. Keep a copy of \
         the file, then move it aside to start afresh."
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path} is in use by another Parley; close it and try again")]
    Busy { path: PathBuf },
    #[error(
        "{path}: the disk is full; free some space on it (or move --data-dir to another disk) and try again"
    )]
    DiskFull { path: PathBuf },
    #[error("cannot open {path}: {detail}")]
    CannotOpen { path: PathBuf, detail: String },
    #[error(
        "{}",
        crate::i18n::sentences::insufficient_budget(.0.needed, .0.eligible, .0.available, .0.shortfall)
    )]
    Budget(crate::policy::broadcast::InsufficientBudget),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
    /// A well-formed request that the state of things refuses (a name taken, a template
    /// deleted or not approved, a broadcast settled).
    #[error("{0}")]
    Conflict(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// A "no such thing" error.
    pub fn not_found(what: impl Into<String>) -> StoreError {
        StoreError::NotFound(what.into())
    }
}

use std::path::PathBuf;

/// What went wrong with the store, said so that a person knows what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", tr!("store-error-not-a-database", path = shown(.path)))]
    NotADatabase { path: PathBuf },
    #[error("{}", tr!("store-error-foreign", path = shown(.path)))]
    Foreign { path: PathBuf },
    #[error("{}", tr!("store-error-newer-schema", path = shown(.path), found = *.found, known = *.known))]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{}", tr!("store-error-corrupt", path = shown(.path), detail = .detail.as_str()))]
    Corrupt { path: PathBuf, detail: String },
    #[error("{}", tr!("store-error-busy", path = shown(.path)))]
    Busy { path: PathBuf },
    #[error("{}", tr!("store-error-disk-full", path = shown(.path)))]
    DiskFull { path: PathBuf },
    #[error("{}", tr!("store-error-cannot-open", path = shown(.path), detail = .detail.as_str()))]
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
    #[error("{}", tr!("store-error-database", detail = .0.to_string()))]
    Sqlite(#[from] rusqlite::Error),
}

/// A path as an error names it.
fn shown(path: &std::path::Path) -> String {
    path.display().to_string()
}

impl StoreError {
    /// A "no such thing" error.
    pub fn not_found(what: impl Into<String>) -> StoreError {
        StoreError::NotFound(what.into())
    }
}

//! Starting the demo world again: its store file deleted and written anew, never a file that
//! holds anything else.

use super::{Assets, WorldError};
use crate::store::{Store, StoreError};
use std::path::{Path, PathBuf};

/// What the file a reset would delete holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreFile {
    /// Nothing is there yet.
    Missing,
    /// The demo world.
    DemoWorld,
    /// Anything else, said in a few words.
    Other(String),
}

/// Looks at the store file at `path`; a file that is not Parley's is not changed.
pub fn inspect(path: &Path) -> StoreFile {
    if !path.exists() {
        return StoreFile::Missing;
    }
    let store = match Store::open(path) {
        Ok(store) => store,
        Err(e) => return StoreFile::Other(e.to_string()),
    };
    match store.db().meta("world") {
        Ok(Some(world)) if world == "demo" => StoreFile::DemoWorld,
        Ok(Some(world)) if world == "server" => StoreFile::Other(tr!("world-reset-synced-inbox")),
        Ok(_) => StoreFile::Other(tr!("world-reset-no-demo-world")),
        Err(e) => StoreFile::Other(e.to_string()),
    }
}

/// Deletes the demo world at `path` (with SQLite's side files) and writes a fresh one there;
/// a file that is not the demo world is refused and left as it is.
pub fn reset(path: &Path, assets: &Assets) -> Result<(), WorldError> {
    if let StoreFile::Other(what) = inspect(path) {
        let refusal = tr!(
            "world-reset-not-demo",
            path = path.display().to_string(),
            what = what
        );
        return Err(StoreError::Invalid(refusal).into());
    }
    for file in [
        path.to_path_buf(),
        side_file(path, "-wal"),
        side_file(path, "-shm"),
    ] {
        match std::fs::remove_file(&file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                let detail = tr!(
                    "world-reset-cannot-delete",
                    path = file.display().to_string(),
                    error = e.to_string()
                );
                return Err(StoreError::Invalid(detail).into());
            }
            _ => {}
        }
    }
    let mut store = Store::open(path)?;
    super::seed(&mut store, assets)
}

/// SQLite's file beside the database: `-wal` or `-shm`.
fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

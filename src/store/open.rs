//! Opening a database safely: a file that is not ours is refused before anything is written.

use super::{Result, StoreError};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags};
use rusqlite_migration::{M, Migrations};
use std::path::Path;

/// "PRLY": marks a SQLite file as Parley's.
const APPLICATION_ID: i64 = 0x5052_4C59;

fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("schema.sql")),
        M::up(include_str!("schema_2.sql")),
        M::up(include_str!("schema_3.sql")),
        M::up(include_str!("schema_4.sql")),
        M::up(include_str!("schema_5.sql")),
        M::up(include_str!("schema_6.sql")),
        M::up(include_str!("schema_7.sql")),
        M::up(include_str!("schema_8.sql")),
        M::up(include_str!("schema_9.sql")),
        M::up(include_str!("schema_10.sql")),
        M::up(include_str!("schema_11.sql")),
        M::up(include_str!("schema_12.sql")),
        M::up(include_str!("schema_13.sql")),
        M::up(include_str!("schema_14.sql")),
    ])
}

/// The newest schema version this build knows.
pub fn schema_version() -> i64 {
    14
}

/// Opens the database file; a locked, full or damaged file is an error that names it.
pub fn open_checked(path: &Path) -> Result<Connection> {
    open_file(path).map_err(|e| located(path, e))
}

/// The error as it concerns the database at `path`: SQLite's codes that the user can act on
/// (locked, disk full, damaged) become errors that name the file.
pub fn located(path: &Path, error: StoreError) -> StoreError {
    match error {
        StoreError::Sqlite(err) => classify(path, err),
        other => other,
    }
}

fn open_file(path: &Path) -> Result<Connection> {
    if path.is_dir() {
        return Err(StoreError::CannotOpen {
            path: path.into(),
            detail: "it is a directory; the database must be a file".into(),
        });
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // Closing the last connection to a WAL database checkpoints the -wal file into it and
    // deletes it: a file that turns out not to be ours keeps what its program left there.
    let pending_wal = wal_file(path).exists();
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, pending_wal)?;
    check_ownership(&conn, path)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(|e| classify(path, e))?;
    prepare(conn, path)
}

fn wal_file(path: &Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    name.into()
}

pub fn open_memory() -> Result<Connection> {
    prepare(Connection::open_in_memory()?, Path::new(":memory:"))
}

/// SQLite's page cache, in KiB (negative means KiB in the pragma): large enough that a big
/// inbox's chat indexes stay in memory while a sync writes a batch.
const CACHE_KIB: i64 = 64 * 1024;

/// Prepared statements kept per connection: every query the store runs more than once stays
/// parsed (a send alone runs a few dozen distinct ones).
const STATEMENT_CACHE: usize = 256;

fn prepare(mut conn: Connection, path: &Path) -> Result<Connection> {
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // Savepoints and statement journals in memory: the server's writer runs each write of a
    // batch in a savepoint, and a journal in a temporary file cost it a write per page.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    super::inbox::register_fold(&conn)?;
    migrations().to_latest(&mut conn).map_err(|e| match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => classify(path, err),
        other => StoreError::CannotOpen {
            path: path.into(),
            detail: other.to_string(),
        },
    })?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    Ok(conn)
}

/// Reads the header before any write: not SQLite, another program's, or too new.
fn check_ownership(conn: &Connection, path: &Path) -> Result<()> {
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if tables > 0 && app_id != APPLICATION_ID {
        return Err(StoreError::Foreign { path: path.into() });
    }
    if version > schema_version() {
        return Err(StoreError::NewerSchema {
            path: path.into(),
            found: version,
            known: schema_version(),
        });
    }
    Ok(())
}

/// Turns SQLite's error codes into errors that say what to do.
pub fn classify(path: &Path, err: rusqlite::Error) -> StoreError {
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path: path.into() },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path: path.into(),
            detail: err.to_string(),
        },
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            StoreError::Busy { path: path.into() }
        }
        Some(ErrorCode::DiskFull) => StoreError::DiskFull { path: path.into() },
        Some(ErrorCode::CannotOpen)
        | Some(ErrorCode::PermissionDenied)
        | Some(ErrorCode::ReadOnly) => StoreError::CannotOpen {
            path: path.into(),
            detail: err.to_string(),
        },
        _ => StoreError::Sqlite(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::ffi;

    #[test]
    fn a_full_disk_names_the_file_and_what_to_do() {
        let full = rusqlite::Error::SqliteFailure(ffi::Error::new(ffi::SQLITE_FULL), None);
        let said = located(Path::new("/d/parley.db"), StoreError::Sqlite(full)).to_string();
        assert!(
            said.contains("/d/parley.db") && said.contains("free some space"),
            "{said}"
        );
    }
}

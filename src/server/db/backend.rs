//! The backend a server runs: SQLite in its data directory (the default, nothing to start), or
//! a PostgreSQL database that several instances may share. Each call goes to the one chosen.

use super::*;
use crate::store::Store;
use std::path::PathBuf;

/// Where the server's store is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// `parley.db` in this directory.
    Sqlite(PathBuf),
    /// The PostgreSQL database at this address (`postgres://...` or `host=... dbname=...`).
    Postgres(String),
}

impl Place {
    /// The PostgreSQL database at `database` when one is given, else SQLite in `data_dir`.
    pub fn chosen(data_dir: &Path, database: Option<&str>) -> Place {
        match database.map(str::trim).filter(|d| !d.is_empty()) {
            Some(url) => Place::Postgres(url.to_string()),
            None => Place::Sqlite(data_dir.to_path_buf()),
        }
    }
}

/// The store the server runs on.
pub enum Backend {
    Sqlite(SqliteDb),
    Postgres(PgDb),
}

/// The writing connection of a [`Backend`], lent for one call.
pub enum Connection<'c> {
    Sqlite(&'c mut Store),
    Postgres(&'c mut PgConnection),
}

/// A connection of a [`Backend`] of its own, for the account commands.
pub enum OwnedConnection {
    Sqlite(Store),
    Postgres(PgConnection),
}

impl OwnedConnection {
    fn lent(&mut self) -> Connection<'_> {
        match self {
            OwnedConnection::Sqlite(store) => Connection::Sqlite(store),
            OwnedConnection::Postgres(pg) => Connection::Postgres(pg),
        }
    }
}

impl ServerConnection for Connection<'_> {
    fn in_snapshot<T>(&mut self, f: impl FnOnce(&dyn ServerReads) -> DbResult<T>) -> DbResult<T> {
        match self {
            Connection::Sqlite(store) => store.in_snapshot(f),
            Connection::Postgres(pg) => pg.in_snapshot(f),
        }
    }

    fn in_transaction<T>(
        &mut self,
        f: impl FnOnce(&dyn ServerWrites) -> DbResult<T>,
    ) -> DbResult<T> {
        match self {
            Connection::Sqlite(store) => store.in_transaction(f),
            Connection::Postgres(pg) => pg.in_transaction(f),
        }
    }

    fn in_dry_run<T>(&mut self, f: impl FnOnce(&dyn ServerWrites) -> DbResult<T>) -> DbResult<T> {
        match self {
            Connection::Sqlite(store) => store.in_dry_run(f),
            Connection::Postgres(pg) => pg.in_dry_run(f),
        }
    }
}

impl ServerConnection for OwnedConnection {
    fn in_snapshot<T>(&mut self, f: impl FnOnce(&dyn ServerReads) -> DbResult<T>) -> DbResult<T> {
        self.lent().in_snapshot(f)
    }

    fn in_transaction<T>(
        &mut self,
        f: impl FnOnce(&dyn ServerWrites) -> DbResult<T>,
    ) -> DbResult<T> {
        self.lent().in_transaction(f)
    }

    fn in_dry_run<T>(&mut self, f: impl FnOnce(&dyn ServerWrites) -> DbResult<T>) -> DbResult<T> {
        self.lent().in_dry_run(f)
    }
}

impl ServerDb for Backend {
    type Place = Place;
    type Connection<'c> = Connection<'c>;
    type Standalone = OwnedConnection;

    fn open(place: &Place, readers: usize) -> DbResult<Backend> {
        Ok(match place {
            Place::Sqlite(dir) => Backend::Sqlite(SqliteDb::open(dir, readers)?),
            Place::Postgres(url) => Backend::Postgres(PgDb::open(url, readers)?),
        })
    }

    fn connect(place: &Place) -> DbResult<OwnedConnection> {
        Ok(match place {
            Place::Sqlite(dir) => OwnedConnection::Sqlite(SqliteDb::connect(dir)?),
            Place::Postgres(url) => OwnedConnection::Postgres(PgDb::connect(url)?),
        })
    }

    fn location(place: &Place) -> String {
        match place {
            Place::Sqlite(dir) => SqliteDb::location(dir),
            Place::Postgres(url) => PgDb::location(url),
        }
    }

    async fn read<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&dyn ServerReads) -> DbResult<T> + Send + 'static,
    {
        match self {
            Backend::Sqlite(db) => db.read(f).await,
            Backend::Postgres(db) => db.read(f).await,
        }
    }

    async fn token_hash(&self, account: Account) -> DbResult<Option<Vec<u8>>> {
        match self {
            Backend::Sqlite(db) => db.token_hash(account).await,
            Backend::Postgres(db) => db.token_hash(account).await,
        }
    }

    async fn write<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&dyn ServerWrites) -> DbResult<T> + Send + 'static,
    {
        match self {
            Backend::Sqlite(db) => db.write(f).await,
            Backend::Postgres(db) => db.write(f).await,
        }
    }

    async fn with_writer<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&mut Connection<'c>) -> DbResult<T> + Send + 'static,
    {
        match self {
            Backend::Sqlite(db) => {
                db.with_writer(move |store| f(&mut Connection::Sqlite(store)))
                    .await
            }
            Backend::Postgres(db) => {
                db.with_writer(move |pg| f(&mut Connection::Postgres(pg)))
                    .await
            }
        }
    }

    async fn maintain(&self) {
        match self {
            Backend::Sqlite(db) => db.maintain().await,
            Backend::Postgres(db) => db.maintain().await,
        }
    }

    async fn leads(&self) -> bool {
        match self {
            Backend::Sqlite(db) => db.leads().await,
            Backend::Postgres(db) => db.leads().await,
        }
    }

    fn is_shared(&self) -> bool {
        match self {
            Backend::Sqlite(db) => db.is_shared(),
            Backend::Postgres(db) => db.is_shared(),
        }
    }

    async fn watch<F>(&self, changed: F)
    where
        F: Fn(Option<UserId>) + Send + Sync + 'static,
    {
        match self {
            Backend::Sqlite(db) => db.watch(changed).await,
            Backend::Postgres(db) => db.watch(changed).await,
        }
    }
}

//! The server's store on PostgreSQL, for several `parley serve` instances sharing one
//! database. A pool of connections (deadpool) over the async driver (tokio-postgres, no TLS:
//! a unix socket or loopback); each piece of work takes a connection and runs on a blocking
//! thread, where the synchronous traits block on the driver. Decisions for one business are
//! serialised by the database (a lock on the business's row), not by this process.

mod actions;
mod broadcast;
mod conversations;
mod enforce;
mod figures;
mod leader;
mod listen;
mod migrate;
mod named_send;
mod reads;
mod rows;
mod send;
mod standing;
mod tx;
mod writes;

use super::*;
use deadpool_postgres::{Manager, ManagerConfig, Object, Pool, RecyclingMethod};
use tokio::runtime::{Handle, Runtime};
use tokio_postgres::NoTls;
use tokio_postgres::config::Host;
use tokio_postgres::{Config, IsolationLevel};
use tx::{PgTx, db_error, explained};

/// The PostgreSQL backend: a pool of connections to one database.
pub struct PgDb {
    pool: Pool,
    /// Where the database is, for the connection that listens for other servers' changes.
    config: Box<Config>,
    /// The connection holding the leadership, while this server holds it.
    leadership: leader::Leadership,
    /// The database as people read it, for errors.
    location: String,
}

/// One connection of the pool, lent to a blocking thread.
pub struct PgConnection {
    client: Object,
    handle: Handle,
    /// The runtime a connection of its own (the account commands) runs on; dropped last.
    _runtime: Option<Runtime>,
}

impl ServerDb for PgDb {
    type Place = str;
    type Connection<'c> = PgConnection;
    type Standalone = PgConnection;

    /// Connects, upgrades the schema, and keeps a pool of `readers` connections for reads
    /// and as many for writes (writers need not wait for each other: each locks what it
    /// decides on).
    fn open(url: &str, readers: usize) -> DbResult<PgDb> {
        let config = config_of(url)?;
        upgraded(&config)?;
        let manager = Manager::from_config(
            config.clone(),
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(readers.max(1) * 2)
            .build()
            .map_err(|e| DbError::Failed(format!("cannot make a pool of connections: {e}")))?;
        Ok(PgDb {
            pool,
            location: described(&config),
            config: Box::new(config),
            leadership: leader::Leadership::default(),
        })
    }

    /// A connection with a runtime of its own, for the account commands: not to be called
    /// from inside an async runtime (it blocks on its own).
    fn connect(url: &str) -> DbResult<PgConnection> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .map_err(|e| DbError::Failed(format!("cannot start a runtime: {e}")))?;
        let db = PgDb::open(url, 1)?;
        let client = runtime.block_on(db.client())?;
        Ok(PgConnection {
            client,
            handle: runtime.handle().clone(),
            _runtime: Some(runtime),
        })
    }

    fn location(url: &str) -> String {
        match config_of(url) {
            Ok(config) => described(&config),
            Err(_) => "a PostgreSQL database".into(),
        }
    }

    async fn read<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&dyn ServerReads) -> DbResult<T> + Send + 'static,
    {
        self.on_connection(|pg| pg.in_snapshot(f)).await
    }

    /// One statement on a connection of the pool, from the async thread: no snapshot, no
    /// blocking thread.
    async fn token_hash(&self, account: Account) -> DbResult<Option<Vec<u8>>> {
        let client = self.client().await?;
        let (sql, id) = reads::token_query(account);
        let statement = client.prepare_cached(sql).await.map_err(db_error)?;
        let row = client
            .query_opt(&statement, &[&id])
            .await
            .map_err(db_error)?;
        let hash = row.map(|r| rows::get::<Option<Vec<u8>>>(&r, "token_hash"));
        Ok(hash.transpose()?.flatten())
    }

    async fn write<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&dyn ServerWrites) -> DbResult<T> + Send + 'static,
    {
        self.on_connection(|pg| pg.in_transaction(f)).await
    }

    /// Any connection of the pool: writers need not wait for each other on PostgreSQL.
    async fn with_writer<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&mut Self::Connection<'c>) -> DbResult<T> + Send + 'static,
    {
        self.on_connection(f).await
    }

    /// PostgreSQL keeps itself (autovacuum); there is nothing to do here.
    async fn maintain(&self) {
        std::future::pending::<()>().await
    }

    async fn leads(&self) -> bool {
        self.leadership.held(&self.config, &self.location).await
    }

    fn is_shared(&self) -> bool {
        true
    }

    /// Listens for the changes every server sharing the database writes (theirs and its own).
    async fn watch<F>(&self, changed: F)
    where
        F: Fn(Option<UserId>) + Send + Sync + 'static,
    {
        listen::changes(&self.config, &self.location, &changed).await
    }
}

impl PgDb {
    /// Runs `f` on a connection of the pool, on a blocking thread.
    async fn on_connection<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut PgConnection) -> DbResult<T> + Send + 'static,
    {
        let client = self.client().await?;
        let handle = Handle::current();
        let joined = tokio::task::spawn_blocking(move || {
            let mut pg = PgConnection {
                client,
                handle,
                _runtime: None,
            };
            f(&mut pg)
        })
        .await;
        joined.unwrap_or_else(|e| Err(DbError::Failed(format!("a store task failed: {e}"))))
    }

    /// A connection from the pool.
    async fn client(&self) -> DbResult<Object> {
        self.pool.get().await.map_err(|e| {
            let why = match &e {
                deadpool_postgres::PoolError::Backend(e) => explained(e),
                other => other.to_string(),
            };
            DbError::Busy(format!(
                "cannot reach the {}: {why}; check that PostgreSQL runs and --database names it",
                self.location
            ))
        })
    }
}

/// The address, parsed: `postgres://USER@HOST/DB` or `host=... dbname=...`.
fn config_of(url: &str) -> DbResult<Config> {
    url.parse::<Config>().map_err(|e| {
        DbError::Invalid(format!(
            "--database is not a PostgreSQL address ({e}); write it like \
             postgres://USER@localhost/parley or host=/run/postgresql dbname=parley"
        ))
    })
}

/// A database as people read it: its name and host, never its password.
fn described(config: &Config) -> String {
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(name)) => name.clone(),
        #[cfg(unix)]
        Some(Host::Unix(path)) => path.display().to_string(),
        None => "localhost".into(),
    };
    let name = config
        .get_dbname()
        .or(config.get_user())
        .unwrap_or("postgres");
    crate::model::text::clean_line(&format!("PostgreSQL database {name} on {host}"), 200)
}

/// Connects once on a thread of its own (the caller may be on an async thread, or on none)
/// and brings the schema up to date.
fn upgraded(config: &Config) -> DbResult<()> {
    let upgrade = || -> DbResult<()> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| DbError::Failed(format!("cannot start a runtime: {e}")))?;
        runtime.block_on(async {
            let (mut client, connection) = config.connect(NoTls).await.map_err(|e| {
                DbError::Failed(format!(
                    "cannot connect to {}: {}; check that PostgreSQL runs and --database names it",
                    described(config),
                    explained(&e)
                ))
            })?;
            let driver = tokio::spawn(connection);
            let upgraded = migrate::upgrade(&mut client).await;
            drop(client);
            let _ = driver.await;
            upgraded
        })
    };
    std::thread::scope(|s| {
        s.spawn(upgrade)
            .join()
            .unwrap_or_else(|_| Err(DbError::Failed("the schema upgrade panicked".into())))
    })
}

impl ServerConnection for PgConnection {
    fn in_snapshot<T>(&mut self, f: impl FnOnce(&dyn ServerReads) -> DbResult<T>) -> DbResult<T> {
        let handle = self.handle.clone();
        let start = self
            .client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start();
        let tx = handle.block_on(start).map_err(db_error)?;
        let value = f(&PgTx::new(&tx, &handle));
        handle.block_on(tx.rollback()).map_err(db_error)?;
        value
    }

    fn in_transaction<T>(
        &mut self,
        f: impl FnOnce(&dyn ServerWrites) -> DbResult<T>,
    ) -> DbResult<T> {
        let handle = self.handle.clone();
        let tx = handle
            .block_on(self.client.transaction())
            .map_err(db_error)?;
        match f(&PgTx::new(&tx, &handle)) {
            Ok(value) => {
                handle.block_on(tx.commit()).map_err(db_error)?;
                Ok(value)
            }
            Err(e) => {
                handle.block_on(tx.rollback()).map_err(db_error)?;
                Err(e)
            }
        }
    }

    fn in_dry_run<T>(&mut self, f: impl FnOnce(&dyn ServerWrites) -> DbResult<T>) -> DbResult<T> {
        let handle = self.handle.clone();
        let tx = handle
            .block_on(self.client.transaction())
            .map_err(db_error)?;
        let value = f(&PgTx::new(&tx, &handle));
        handle.block_on(tx.rollback()).map_err(db_error)?;
        value
    }
}

//! SQLite persistence: schema, migrations and queries. The only module that speaks SQL.
//!
//! Reads are methods of [`Db`], on the [`Store`] and inside a transaction ([`Tx`]);
//! writes are methods of [`Tx`], so that a message and its decision, or a user action and its
//! effects, always land in one transaction.

mod actions;
mod broadcast;
mod broadcast_parts;
mod changes;
mod chats;
mod conversations;
mod deltas;
mod directory;
mod enforce;
mod error;
mod import;
mod inbox;
mod messages;
mod metrics;
mod mirror;
mod open;
mod parties;
pub mod paths;
mod people;
mod review;
mod rows;
mod send;
mod send_reads;
mod server;
mod standing;
mod template_life;
mod touched;

pub use broadcast::{BroadcastOutcome, BroadcastRequest};
pub use broadcast_parts::{BroadcastPart, BroadcastState, OpenedBroadcast};
pub use deltas::ChangedDealing;
pub use enforce::change_in_english;
pub use error::StoreError;
pub use import::IncomingMessage;
pub use messages::{HeldMessage, RejectedAttempt};
pub use mirror::Queued;
pub use parties::{NewBusiness, NewTemplate};
pub use send::{Attempt, SendResult};
pub use server::{Account, ChangedMessage, Tombstone};
pub use template_life::Revision;
pub use touched::TouchedChats;

use crate::model::{Timestamp, UserId};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};

/// Result of a store operation.
pub type Result<T> = std::result::Result<T, StoreError>;

/// An open Parley database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// A write transaction: every method runs inside it, and nothing is visible until it commits.
pub struct Tx<'a> {
    tx: rusqlite::Transaction<'a>,
}

/// Read-only queries, on the store or inside a transaction.
#[derive(Clone, Copy)]
pub struct Db<'a> {
    conn: &'a Connection,
}

impl Db<'_> {
    /// Every row a query returns, each turned into a value by `row`.
    fn list<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        row: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let list = stmt
            .query_map(params, row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(list)
    }

    /// A value from the meta table.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    /// The simulated clock, if a world set it.
    pub fn clock(&self) -> Result<Option<Timestamp>> {
        Ok(self
            .meta("clock")?
            .and_then(|v| v.parse().ok())
            .map(Timestamp))
    }

    /// The user whose inbox this store shows.
    pub fn me(&self) -> Result<Option<UserId>> {
        Ok(self.meta("me")?.and_then(|v| v.parse().ok()).map(UserId))
    }
}

impl Store {
    /// Opens (or creates) the database at `path`. A file that is not a Parley database is
    /// never changed: the error says what it is and what to do.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = open::open_checked(path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// A private database in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        let conn = open::open_memory()?;
        Ok(Store {
            conn,
            path: PathBuf::from(":memory:"),
        })
    }

    /// Read-only queries.
    pub fn db(&self) -> Db<'_> {
        Db { conn: &self.conn }
    }

    /// Where the database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in a transaction that is always rolled back: a dry run shows what would happen.
    pub fn dry_run<T>(&mut self, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        let tx = Tx {
            tx: self.conn.transaction()?,
        };
        let value = f(&tx);
        tx.tx.rollback()?;
        value
    }

    /// Runs `f` in one write transaction; it commits when `f` succeeds and rolls back otherwise.
    /// A locked database or a full disk is an error naming the file and saying what to do.
    pub fn write<T>(&mut self, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        let written = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let tx = Tx { tx };
            let value = f(&tx)?;
            tx.tx.commit()?;
            Ok(value)
        })();
        written.map_err(|e: StoreError| open::located(&path, e))
    }
    /// Runs a batch of writes in one transaction, each in a savepoint of its own: a write for
    /// which `run` answers false is rolled back alone, and the rest commit together, once.
    pub fn write_each<W>(
        &mut self,
        writes: impl IntoIterator<Item = W>,
        mut run: impl FnMut(&Tx, W) -> bool,
    ) -> Result<()> {
        let path = self.path.clone();
        let written = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let tx = Tx { tx };
            for write in writes {
                tx.tx.prepare_cached("SAVEPOINT one_write")?.execute([])?;
                if !run(&tx, write) {
                    tx.tx.prepare_cached("ROLLBACK TO one_write")?.execute([])?;
                }
                tx.tx.prepare_cached("RELEASE one_write")?.execute([])?;
            }
            tx.tx.commit()?;
            Ok(())
        })();
        written.map_err(|e: StoreError| open::located(&path, e))
    }
}

impl Tx<'_> {
    /// Read-only queries inside this transaction.
    pub fn db(&self) -> Db<'_> {
        Db { conn: &self.tx }
    }

    /// Sets a value in the meta table.
    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?
            .execute(params![key, value])?;
        Ok(())
    }

    /// Moves the simulated clock.
    pub fn set_clock(&self, now: Timestamp) -> Result<()> {
        self.set_meta("clock", &now.0.to_string())
    }
}

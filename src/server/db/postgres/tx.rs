//! A PostgreSQL transaction as the server's synchronous traits use it: each statement blocks
//! on the async client from the blocking thread the pool runs the work on, and is prepared
//! once per connection.

use crate::server::db::{DbError, DbResult};
use deadpool_postgres::Transaction;
use futures::future::join_all;
use tokio::runtime::Handle;
use tokio_postgres::Row;
use tokio_postgres::error::SqlState;
use tokio_postgres::types::ToSql;

/// The values of a statement's `$1`, `$2`, ...
pub type Params<'p> = &'p [&'p (dyn ToSql + Sync)];

/// One open transaction, read-only (a snapshot) or read-write.
pub struct PgTx<'t, 'c> {
    tx: &'t Transaction<'c>,
    handle: &'t Handle,
}

impl<'t, 'c> PgTx<'t, 'c> {
    /// Statements in `tx`, run by blocking on `handle`.
    pub fn new(tx: &'t Transaction<'c>, handle: &'t Handle) -> PgTx<'t, 'c> {
        PgTx { tx, handle }
    }

    /// Every row a statement returns.
    pub fn rows(&self, sql: &str, params: Params) -> DbResult<Vec<Row>> {
        self.handle
            .block_on(async {
                let statement = self.tx.prepare_cached(sql).await?;
                self.tx.query(&statement, params).await
            })
            .map_err(db_error)
    }

    /// The one row a statement returns, if any.
    pub fn row(&self, sql: &str, params: Params) -> DbResult<Option<Row>> {
        self.handle
            .block_on(async {
                let statement = self.tx.prepare_cached(sql).await?;
                self.tx.query_opt(&statement, params).await
            })
            .map_err(db_error)
    }

    /// The one row a statement always returns (an aggregate, an `INSERT ... RETURNING`).
    pub fn one(&self, sql: &str, params: Params) -> DbResult<Row> {
        self.handle
            .block_on(async {
                let statement = self.tx.prepare_cached(sql).await?;
                self.tx.query_one(&statement, params).await
            })
            .map_err(db_error)
    }

    /// Runs a statement; returns how many rows it changed.
    pub fn execute(&self, sql: &str, params: Params) -> DbResult<u64> {
        self.handle
            .block_on(async {
                let statement = self.tx.prepare_cached(sql).await?;
                self.tx.execute(&statement, params).await
            })
            .map_err(db_error)
    }

    /// The rows of several statements sent together, in one round trip; PostgreSQL runs them
    /// in order. The first that fails (in that order) is the error.
    pub fn rows_together(&self, statements: &[(&str, Params)]) -> DbResult<Vec<Vec<Row>>> {
        self.handle.block_on(async {
            let preparing = statements
                .iter()
                .map(|(sql, _)| self.tx.prepare_cached(sql));
            let prepared = join_all(preparing).await.into_iter();
            let prepared: Vec<_> = prepared.collect::<Result<_, _>>().map_err(db_error)?;
            let queries = statements
                .iter()
                .zip(&prepared)
                .map(|((_, params), statement)| self.tx.query(statement, params));
            let answered = join_all(queries).await;
            answered.into_iter().map(|r| r.map_err(db_error)).collect()
        })
    }

    /// Every row a statement returns, each turned into a value by `row`.
    pub fn list<T>(
        &self,
        sql: &str,
        params: Params,
        row: impl Fn(&Row) -> DbResult<T>,
    ) -> DbResult<Vec<T>> {
        self.rows(sql, params)?.iter().map(row).collect()
    }

    /// The first row a statement returns, turned into a value by `row`, if any.
    pub fn first<T>(
        &self,
        sql: &str,
        params: Params,
        row: impl Fn(&Row) -> DbResult<T>,
    ) -> DbResult<Option<T>> {
        self.row(sql, params)?.as_ref().map(row).transpose()
    }
}

/// A PostgreSQL error in the server's terms: a name taken meanwhile by another request is a
/// conflict; any other clash with a concurrent transaction is worth a retry (an action key
/// recorded meanwhile by another instance included: the retry finds the record); anything
/// else is a failure for the operator.
pub fn db_error(error: tokio_postgres::Error) -> DbError {
    let Some(code) = error.code() else {
        return DbError::Failed(format!("PostgreSQL: {}", explained(&error)));
    };
    let clash = *code == SqlState::T_R_SERIALIZATION_FAILURE
        || *code == SqlState::T_R_DEADLOCK_DETECTED
        || *code == SqlState::UNIQUE_VIOLATION;
    if !clash {
        return DbError::Failed(format!("PostgreSQL: {}", explained(&error)));
    }
    match error.as_db_error().and_then(|e| e.constraint()) {
        Some(NAME_TAKEN_USER | NAME_TAKEN_BUSINESS | NAME_TAKEN_TEMPLATE | NAME_TAKEN_REVIEWER) => {
            DbError::Conflict(
                "that name was taken by another request at the same moment; pick another".into(),
            )
        }
        _ => DbError::Busy("the database was busy with a conflicting request; try again".into()),
    }
}

/// What PostgreSQL said, with its code, detail and hint, or the connection's failure and its
/// cause: the driver's own text for a database error is only "db error".
pub fn explained(error: &tokio_postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => {
            let mut said = format!("{} ({})", db.message(), db.code().code());
            for extra in [db.detail(), db.hint()].into_iter().flatten() {
                said.push_str("; ");
                said.push_str(extra);
            }
            said
        }
        None => match std::error::Error::source(error) {
            Some(cause) => format!("{error}: {cause}"),
            None => error.to_string(),
        },
    }
}

/// The unique names of the schema, by their constraints.
const NAME_TAKEN_USER: &str = "users_name";
const NAME_TAKEN_BUSINESS: &str = "businesses_name_key";
const NAME_TAKEN_TEMPLATE: &str = "templates_business_id_name_key";
const NAME_TAKEN_REVIEWER: &str = "reviewers_name_key";

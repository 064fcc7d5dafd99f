//! The PostgreSQL schema's versions, applied in order, each in one transaction with the
//! version it reaches. An advisory lock lets only one instance upgrade at a time; the others
//! wait, then find the work done.

use super::tx::db_error;
use crate::server::db::{DbError, DbResult};
use tokio_postgres::Client;

/// Every version of the schema, the first one first.
const MIGRATIONS: &[&str] = &[
    include_str!("schema_1.sql"),
    include_str!("schema_2.sql"),
    include_str!("schema_3.sql"),
    include_str!("schema_4.sql"),
    include_str!("schema_5.sql"),
];

/// The advisory lock held while the schema is upgraded ("parley" in ASCII).
const UPGRADE_LOCK: i64 = 0x7061_726c_6579;

/// Brings the database's schema up to the newest version this Parley knows.
pub async fn upgrade(client: &mut Client) -> DbResult<()> {
    let known = MIGRATIONS.len() as i64;
    let tx = client.transaction().await.map_err(db_error)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&UPGRADE_LOCK])
        .await
        .map_err(db_error)?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS parley_schema (
            version BIGINT PRIMARY KEY,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )",
    )
    .await
    .map_err(db_error)?;
    let found: i64 = tx
        .query_one("SELECT coalesce(max(version), 0) FROM parley_schema", &[])
        .await
        .map_err(db_error)?
        .get(0);
    if found > known {
        return Err(DbError::Failed(format!(
            "the database was written by a newer Parley (schema version {found}; this one \
             knows up to {known}). Parley left it untouched. Run the newer Parley, or point \
             --database at another database."
        )));
    }
    for (version, sql) in (found + 1..).zip(&MIGRATIONS[found as usize..]) {
        tx.batch_execute(sql).await.map_err(db_error)?;
        tx.execute(
            "INSERT INTO parley_schema (version) VALUES ($1)",
            &[&version],
        )
        .await
        .map_err(db_error)?;
    }
    tx.commit().await.map_err(db_error)
}

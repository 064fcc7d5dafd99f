//! Change numbers: every message a user sees carries the number of the change that last
//! touched it, so a client can ask a server for everything after the change it has.

use super::{Result, Tx};
use crate::model::*;
use rusqlite::params;

impl Tx<'_> {
    /// Takes the next change number.
    pub(super) fn next_change(&self) -> Result<i64> {
        Ok(self
            .tx
            .prepare_cached(
                "UPDATE counters SET value = value + 1 WHERE name = 'change' RETURNING value",
            )?
            .query_row([], |r| r.get(0))?)
    }

    /// Marks a message as changed, so clients fetch it again.
    pub(super) fn stamp(&self, message: MessageId) -> Result<()> {
        let change = self.next_change()?;
        self.tx
            .prepare_cached("UPDATE messages SET change = ?2 WHERE id = ?1")?
            .execute(params![message, change])?;
        Ok(())
    }

    /// Records that a message is gone, so clients remove it too.
    pub(super) fn tombstone(&self, user: UserId, message: MessageId) -> Result<()> {
        let change = self.next_change()?;
        self.tx
            .prepare_cached("INSERT OR REPLACE INTO message_tombstones (message_id, user_id, change) VALUES (?1, ?2, ?3)")?
            .execute(params![message, user, change])?;
        Ok(())
    }
}

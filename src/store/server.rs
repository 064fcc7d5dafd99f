//! The queries a sync server needs beyond the inbox's: tokens, users by name, a user's changes
//! after a cursor (with `deltas.rs`), and the idempotency keys of applied actions. Together
//! with `Tx::send`, `Tx::broadcast` and `Tx::apply` they are the narrow interface the server
//! stands on.

use super::{Db, Result, Store, Tx, rows};
use crate::model::*;
use rusqlite::{OptionalExtension, params};

/// A message of a user's stream of changes, with what the wire needs beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangedMessage {
    pub message: Message,
    pub business: BusinessId,
    pub template_name: Option<String>,
    pub client_key: Option<String>,
    pub change: i64,
}

/// A message the user deleted, at the change that deleted it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tombstone {
    pub message: MessageId,
    pub change: i64,
}

/// Which kind of account a token belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Account {
    User(UserId),
    Business(BusinessId),
    Reviewer(ReviewerId),
}

impl Store {
    /// Sets after how many WAL pages a commit checkpoints by itself; 0 leaves checkpoints to
    /// [`Store::checkpoint`], so a server's writer never waits for one.
    pub fn set_auto_checkpoint(&self, pages: u32) -> Result<()> {
        self.conn.pragma_update(None, "wal_autocheckpoint", pages)?;
        Ok(())
    }

    /// Copies the WAL into the database as far as readers allow, without blocking writers.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .prepare_cached("PRAGMA wal_checkpoint(PASSIVE)")?
            .query_row([], |_| Ok(()))?;
        Ok(())
    }

    /// Runs `f` over one consistent snapshot of the database (a read transaction).
    pub fn snapshot<T>(&mut self, f: impl FnOnce(Db) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction()?;
        let value = f(Db { conn: &tx });
        tx.rollback()?;
        value
    }
}

impl Db<'_> {
    /// The token hash stored for an account, if the account exists and has a token.
    pub fn token_hash(&self, account: Account) -> Result<Option<Vec<u8>>> {
        let (sql, id) = match account {
            Account::User(u) => ("SELECT token_hash FROM users WHERE id = ?1", u.0),
            Account::Business(b) => ("SELECT token_hash FROM businesses WHERE id = ?1", b.0),
            Account::Reviewer(r) => ("SELECT token_hash FROM reviewers WHERE id = ?1", r.0),
        };
        Ok(self
            .conn
            .prepare_cached(sql)?
            .query_row([id], |r| r.get::<_, Option<Vec<u8>>>(0))
            .optional()?
            .flatten())
    }

    /// The position of the `limit`-th of a user's messages and decisions changed after
    /// `(change, id)`, taken together in `(change, id)` order; `None` when there are fewer.
    /// A page of `limit` changes holds no message or decision after it, so the change queries
    /// read no row past it (a page is about half messages and half decisions: without the
    /// bound each query read `limit` rows and the page kept about half of them). The positions
    /// come from the change indexes, without reading the rows' other columns.
    fn page_end(&self, user: UserId, after: (i64, i64), limit: usize) -> Result<(i64, i64)> {
        let Some(offset) = limit.checked_sub(1) else {
            return Ok((i64::MIN, i64::MIN));
        };
        Ok(self
            .conn
            .prepare_cached(
                "SELECT change, id FROM messages
                 WHERE user_id = ?1 AND change >= ?2 AND change > 0 AND (change > ?2 OR id > ?3)
                   AND business_id IS NOT NULL
                 UNION ALL
                 SELECT change, id FROM decisions
                 WHERE user_id = ?1 AND change >= ?2 AND change > 0 AND (change > ?2 OR id > ?3)
                 ORDER BY 1, 2 LIMIT 1 OFFSET ?4",
            )?
            .query_row(params![user, after.0, after.1, offset as i64], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?
            .unwrap_or((i64::MAX, i64::MAX)))
    }

    /// Up to `limit` business-chat messages of a user changed after `(change, id)`, in
    /// `(change, id)` order, none past the `limit`-th change of messages and decisions
    /// together (see [`Db::page_end`]).
    ///
    /// In these change queries the cursor's bound (`change >= ?2`) comes before `change > 0`
    /// (the condition of the partial index): SQLite seeks the index on the first range term, and
    /// with `change > 0` first each page walked every change of the user from the start.
    pub fn changed_messages(
        &self,
        user: UserId,
        after: (i64, i64),
        limit: usize,
    ) -> Result<Vec<ChangedMessage>> {
        let end = self.page_end(user, after, limit)?;
        // The columns are read by position: a page reads thousands of rows, and finding each
        // column by name walks the row's names.
        self.list(
            "SELECT m.id, m.chat_id, m.user_id, m.direction, m.category, m.template_id,
                m.broadcast_id, m.body, m.sent_at, m.delivered_at, m.read_at, m.seen_at,
                m.outcome, m.reason, m.facts, m.sentence, m.feedback, m.business_id,
                t.name, m.client_key, m.change
             FROM messages m
             LEFT JOIN templates t ON t.id = m.template_id
             WHERE m.user_id = ?1 AND m.change >= ?2 AND m.change > 0 AND (m.change > ?2 OR m.id > ?3)
               AND m.change <= ?5 AND (m.change < ?5 OR m.id <= ?6)
               AND m.business_id IS NOT NULL
             ORDER BY m.change, m.id LIMIT ?4",
            params![user, after.0, after.1, limit as i64, end.0, end.1],
            |r| {
                Ok(ChangedMessage {
                    message: Message {
                        id: r.get(0)?,
                        chat: r.get(1)?,
                        user: r.get(2)?,
                        direction: rows::code(r, 3, Direction::parse)?,
                        category: rows::opt_code(r, 4, Category::parse)?,
                        template: r.get(5)?,
                        broadcast: r.get(6)?,
                        body: r.get(7)?,
                        sent_at: r.get(8)?,
                        delivered_at: r.get(9)?,
                        read_at: r.get(10)?,
                        seen_at: r.get(11)?,
                        decision: decision_at(r, 12)?,
                        feedback: rows::opt_code(r, 16, Feedback::parse)?,
                    },
                    business: r.get(17)?,
                    template_name: r.get(18)?,
                    client_key: r.get(19)?,
                    change: r.get(20)?,
                })
            },
        )
    }

    /// Up to `limit` of a user's deleted messages after `(change, id)`, in `(change, id)` order.
    pub fn tombstones(
        &self,
        user: UserId,
        after: (i64, i64),
        limit: usize,
    ) -> Result<Vec<Tombstone>> {
        self.list(
            "SELECT message_id, change FROM message_tombstones
             WHERE user_id = ?1 AND change >= ?2 AND (change > ?2 OR message_id > ?3)
             ORDER BY change, message_id LIMIT ?4",
            params![user, after.0, after.1, limit as i64],
            |r| {
                Ok(Tombstone {
                    message: r.get(0)?,
                    change: r.get(1)?,
                })
            },
        )
    }

    /// Up to `limit` decisions made for a user after `(change, id)`, in `(change, id)` order,
    /// none past the `limit`-th change of messages and decisions together (see
    /// [`Db::page_end`]).
    pub fn changed_decisions(
        &self,
        user: UserId,
        after: (i64, i64),
        limit: usize,
    ) -> Result<Vec<SyncedDecision>> {
        let end = self.page_end(user, after, limit)?;
        self.list(
            "SELECT id, business_id, template_id, category, at, outcome, reason, facts, sentence,
                message_id, change
             FROM decisions WHERE user_id = ?1 AND change >= ?2 AND change > 0 AND (change > ?2 OR id > ?3)
               AND change <= ?5 AND (change < ?5 OR id <= ?6)
             ORDER BY change, id LIMIT ?4",
            params![user, after.0, after.1, limit as i64, end.0, end.1],
            |r| {
                Ok(SyncedDecision {
                    id: r.get(0)?,
                    business: r.get(1)?,
                    template: r.get(2)?,
                    category: rows::code(r, 3, Category::parse)?,
                    at: r.get(4)?,
                    decision: decision_at(r, 5)?,
                    message: r.get(9)?,
                    change: r.get(10)?,
                })
            },
        )
    }

    /// The business that ran a broadcast, if the broadcast exists.
    pub fn broadcast_owner(&self, broadcast: BroadcastId) -> Result<Option<BusinessId>> {
        Ok(self
            .conn
            .prepare_cached("SELECT business_id FROM broadcasts WHERE id = ?1")?
            .query_row([broadcast], |r| r.get(0))
            .optional()?)
    }

    /// Every account with this name: users, businesses and reviewers each have unique names,
    /// but one name may belong to one of each.
    pub fn accounts_named(&self, name: &str) -> Result<Vec<Account>> {
        self.list(
            "SELECT 'u', id FROM users WHERE name = ?1
             UNION ALL SELECT 'b', id FROM businesses WHERE name = ?1
             UNION ALL SELECT 'r', id FROM reviewers WHERE name = ?1",
            params![name],
            |r| {
                let id: i64 = r.get(1)?;
                Ok(match r.get::<_, String>(0)?.as_str() {
                    "u" => Account::User(UserId(id)),
                    "b" => Account::Business(BusinessId(id)),
                    _ => Account::Reviewer(ReviewerId(id)),
                })
            },
        )
    }

    /// Whether a token with this hash was revoked or replaced by a new one.
    pub fn token_revoked(&self, hash: &[u8]) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM revoked_tokens WHERE token_hash = ?1)")?
            .query_row([hash], |r| r.get(0))?)
    }

    /// The stored answer to a send a business already made with this key.
    pub fn applied_send(&self, business: BusinessId, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT result FROM applied_sends WHERE business_id = ?1 AND key = ?2")?
            .query_row(params![business, key], |r| r.get(0))
            .optional()?)
    }

    /// The stored result of an action a user already sent with this key.
    pub fn applied_action(&self, user: UserId, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT result FROM applied_actions WHERE user_id = ?1 AND key = ?2")?
            .query_row(params![user, key], |r| r.get(0))
            .optional()?)
    }
}

impl Tx<'_> {
    /// Replaces an account's token hash with `new` (none: the account has no working token),
    /// keeping the old hash as revoked.
    pub fn replace_token(
        &self,
        account: Account,
        new: Option<&[u8]>,
        now: Timestamp,
    ) -> Result<()> {
        let (table, id) = match account {
            Account::User(u) => ("users", u.0),
            Account::Business(b) => ("businesses", b.0),
            Account::Reviewer(r) => ("reviewers", r.0),
        };
        self.tx
            .prepare_cached(&format!(
                "INSERT OR IGNORE INTO revoked_tokens (token_hash, at)
                 SELECT token_hash, ?2 FROM {table} WHERE id = ?1 AND token_hash IS NOT NULL"
            ))?
            .execute(params![id, now])?;
        self.tx
            .prepare_cached(&format!("UPDATE {table} SET token_hash = ?2 WHERE id = ?1"))?
            .execute(params![id, new])?;
        Ok(())
    }

    /// Forgets the idempotency keys of users' actions and businesses' sends made before
    /// `before`; returns how many.
    pub fn forget_actions_before(&self, before: Timestamp) -> Result<usize> {
        let actions = self
            .tx
            .prepare_cached("DELETE FROM applied_actions WHERE at < ?1")?
            .execute([before])?;
        let sends = self
            .tx
            .prepare_cached("DELETE FROM applied_sends WHERE at < ?1")?
            .execute([before])?;
        Ok(actions + sends)
    }

    /// Records the answer to a business's send with `key`, so a retry gets it again.
    pub fn record_send(
        &self,
        business: BusinessId,
        key: &str,
        result: &str,
        at: Timestamp,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO applied_sends (business_id, key, result, at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![business, key, result, at])?;
        Ok(())
    }

    /// Records that the action with `key` was applied, with its result, so a replay is not.
    pub fn record_action(
        &self,
        user: UserId,
        key: &str,
        result: &str,
        at: Timestamp,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO applied_actions (user_id, key, result, at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![user, key, result, at])?;
        Ok(())
    }

    /// Marks a message as written by the action with this idempotency key.
    pub fn set_client_key(&self, message: MessageId, key: &str) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE messages SET client_key = ?2 WHERE id = ?1")?
            .execute(params![message, key])?;
        Ok(())
    }
}

/// A decision from four columns in a row from `first`: outcome, reason, facts, sentence.
fn decision_at(r: &rusqlite::Row, first: usize) -> rusqlite::Result<Decision> {
    Ok(Decision {
        outcome: rows::code(r, first, Outcome::parse)?,
        reason: rows::code(r, first + 1, Reason::parse)?,
        facts: r
            .get::<_, Option<String>>(first + 2)?
            .as_deref()
            .and_then(DecisionFacts::from_json)
            .map(Box::new),
        sentence: r.get(first + 3)?,
    })
}

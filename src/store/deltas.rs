//! What a page of changes says about businesses and preferences: which businesses a user deals
//! with changed after a cursor (their row or restrictions, the user's relation with them, or
//! the chat that started the dealing), found through indexes whatever their number, and the
//! state of the few a page carries.

use super::{Db, Result, Tx, rows};
use crate::model::*;
use rusqlite::params;

/// A business a user deals with that changed after a cursor, placed in the stream at the
/// first of its changes after it (the client then has it before any message that needs it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangedDealing {
    pub business: BusinessId,
    /// The first of its changes after the cursor.
    pub change: i64,
    /// The last of them: a page that carries it has every change up to this one.
    pub last: i64,
}

impl Db<'_> {
    /// Up to `limit` businesses `user` deals with that changed after `(change, id)`, in
    /// `(change, business)` order; after `(0, 0)`, every one.
    pub fn changed_dealings(
        &self,
        user: UserId,
        after: (i64, i64),
        limit: usize,
    ) -> Result<Vec<ChangedDealing>> {
        self.list(
            "SELECT business_id, min(change) AS first, max(change) FROM (
                SELECT business_id, change FROM relations WHERE user_id = ?1 AND change >= ?2
                UNION ALL
                SELECT business_id, change FROM chats
                WHERE user_id = ?1 AND change >= ?2 AND business_id IS NOT NULL
                UNION ALL
                SELECT b.id, b.change FROM businesses b WHERE b.change >= ?2
                  AND (EXISTS (SELECT 1 FROM relations r WHERE r.user_id = ?1 AND r.business_id = b.id)
                    OR EXISTS (SELECT 1 FROM chats c WHERE c.user_id = ?1 AND c.business_id = b.id))
             ) WHERE change > ?2 OR business_id > ?3
             GROUP BY business_id ORDER BY first, business_id LIMIT ?4",
            params![user, after.0, after.1, limit as i64],
            |r| {
                Ok(ChangedDealing {
                    business: r.get(0)?,
                    change: r.get(1)?,
                    last: r.get(2)?,
                })
            },
        )
    }

    /// The businesses `among`, each with the user's relation with it and its restrictions
    /// (oldest first); an id with no business is left out.
    pub fn dealings_among(
        &self,
        user: UserId,
        among: &[BusinessId],
    ) -> Result<Vec<(Business, Relation, Vec<Restriction>)>> {
        let mut dealings = Vec::with_capacity(among.len());
        for &id in among {
            let found = self.list(
                "SELECT b.*, r.user_id AS related, r.subscribed, r.blocked, r.blocked_at,
                    r.not_interested_at, r.interested_at, r.last_user_message_at, r.known
                 FROM businesses b LEFT JOIN relations r ON r.user_id = ?1 AND r.business_id = b.id
                 WHERE b.id = ?2",
                params![user, id],
                |r| {
                    let relation = match r.get::<_, Option<i64>>("related")? {
                        Some(_) => rows::relation(r)?,
                        None => Relation::default(),
                    };
                    Ok((rows::business(r)?, relation))
                },
            )?;
            for (business, relation) in found {
                let restrictions = self.list(
                    "SELECT * FROM restrictions WHERE business_id = ?1 ORDER BY start, id",
                    [id],
                    rows::restriction,
                )?;
                dealings.push((business, relation, restrictions));
            }
        }
        Ok(dealings)
    }

    /// The change that last set a user's preferences (0 if none did since changes were numbered).
    pub fn prefs_change(&self, user: UserId) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT prefs_change FROM users WHERE id = ?1")?
            .query_row([user], |r| r.get(0))?)
    }
}

impl Tx<'_> {
    /// Gives a business chat just opened the next change number: the user now deals with the
    /// business, so a client fetches it before the chat's first message. (A chat imported
    /// locally has no server to tell, and keeps 0.)
    pub(super) fn stamp_chat(&self, chat: ChatId) -> Result<()> {
        let change = self.next_change()?;
        self.tx
            .prepare_cached("UPDATE chats SET change = ?2 WHERE id = ?1")?
            .execute(params![chat, change])?;
        Ok(())
    }
}

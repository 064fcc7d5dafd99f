//! The directory of businesses: found by name (case and accents aside) on the server and in
//! the inbox's copy, and the server's pages of it stored in that copy so that a user can
//! subscribe to a business before it writes.

use super::inbox::like_pattern;
use super::{Db, Result, Tx, rows};
use crate::model::text::{clean_name, fold};
use crate::model::*;
use rusqlite::params;

/// Which businesses a name query keeps: all when the query is empty.
const NAME_MATCHES: &str = "(?1 = '%%' OR parley_fold(name) LIKE ?1 ESCAPE '\\')";

impl Db<'_> {
    /// Businesses whose name contains `query` (case and accents aside), in id order after
    /// `after`, at most `limit`: one page of the directory.
    pub fn directory_page(
        &self,
        query: &str,
        after: BusinessId,
        limit: usize,
    ) -> Result<Vec<ListedBusiness>> {
        self.list(
            &format!(
                "SELECT id, name, kind, verified FROM businesses
                 WHERE {NAME_MATCHES} AND id > ?2 ORDER BY id LIMIT ?3"
            ),
            params![like_pattern(&fold(query.trim())), after, limit as i64],
            |r| {
                Ok(ListedBusiness {
                    id: r.get(0)?,
                    name: clean_name(&r.get::<_, String>(1)?),
                    kind: rows::code(r, "kind", BusinessKind::parse)?,
                    verified: r.get(3)?,
                })
            },
        )
    }

    /// Every business whose name contains `query` (case and accents aside), by name.
    pub fn businesses_named(&self, query: &str) -> Result<Vec<Business>> {
        self.list(
            &format!("SELECT * FROM businesses WHERE {NAME_MATCHES} ORDER BY name COLLATE NOCASE"),
            [like_pattern(&fold(query.trim()))],
            rows::business,
        )
    }

    /// Like [`Db::businesses_named`], each with `user`'s relation to it, in one query
    /// whatever the size of the directory.
    pub fn relations_named(&self, user: UserId, query: &str) -> Result<Vec<(Business, Relation)>> {
        self.list(
            &format!(
                "SELECT b.*, r.user_id AS related, r.subscribed, r.blocked, r.blocked_at,
                    r.not_interested_at, r.interested_at, r.last_user_message_at, r.known
                 FROM businesses b LEFT JOIN relations r ON r.user_id = ?2 AND r.business_id = b.id
                 WHERE {NAME_MATCHES} ORDER BY b.name COLLATE NOCASE"
            ),
            params![like_pattern(&fold(query.trim())), user],
            |r| {
                let relation = match r.get::<_, Option<i64>>("related")? {
                    Some(_) => rows::relation(r)?,
                    None => Relation::default(),
                };
                Ok((rows::business(r)?, relation))
            },
        )
    }
}

impl Tx<'_> {
    /// Stores the businesses of a directory page under the server's ids: new ones are added,
    /// known ones get their name, kind and verified mark; the user's choices stay as they are.
    /// Returns whether anything differed.
    pub fn mirror_directory(&self, listed: &[ListedBusiness], now: Timestamp) -> Result<bool> {
        let mut changed = 0;
        let mut upsert = self.tx.prepare_cached(
            "INSERT INTO businesses (id, name, verified, kind, quality, tier, tier_since, budget)
             VALUES (?1, ?2, ?3, ?4, 'high', 0, ?5, 0)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, verified = excluded.verified,
                kind = excluded.kind
             WHERE (name, verified, kind) IS NOT (excluded.name, excluded.verified, excluded.kind)",
        )?;
        for b in listed {
            changed += upsert.execute(params![
                b.id,
                clean_name(&b.name),
                b.verified,
                b.kind.as_str(),
                now
            ])?;
        }
        if changed > 0 {
            self.tx.prepare_cached("UPDATE chats SET title = b.name, verified = b.verified FROM businesses b
                 WHERE chats.business_id = b.id AND (chats.title, chats.verified) IS NOT (b.name, b.verified)")?.execute([],
            )?;
        }
        Ok(changed > 0)
    }
}

//! The chat list: filters, order, counts, and the per-chat switches (mute, archive, read).

use super::{Db, Result, StoreError, Tx, rows};
use crate::model::*;
use rusqlite::{OptionalExtension, params};

/// The SQL condition of a filter (chats with nothing shown yet are never listed).
pub(super) fn filter_condition(filter: ChatFilter) -> &'static str {
    match filter {
        ChatFilter::All => "last_at IS NOT NULL AND archived = 0",
        ChatFilter::Unread => "last_at IS NOT NULL AND archived = 0 AND unread > 0 AND muted = 0",
        ChatFilter::Personal => "last_at IS NOT NULL AND archived = 0 AND is_business = 0",
        ChatFilter::Business => "last_at IS NOT NULL AND archived = 0 AND is_business = 1",
        ChatFilter::Offers => "last_at IS NOT NULL AND archived = 0 AND has_offers = 1",
        ChatFilter::Archived => "last_at IS NOT NULL AND archived = 1",
    }
}

/// The SQL order of a chat list.
fn order_clause(order: ChatOrder) -> &'static str {
    match order {
        ChatOrder::UnreadFirst => "(unread > 0) DESC, last_at DESC, id DESC",
        ChatOrder::Recent => "last_at DESC, id DESC",
    }
}

impl Db<'_> {
    /// One page of a user's chat list.
    pub fn chats(
        &self,
        user: UserId,
        filter: ChatFilter,
        order: ChatOrder,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Chat>> {
        let sql = format!(
            "SELECT * FROM chats WHERE user_id = ?1 AND {} ORDER BY {} LIMIT ?2 OFFSET ?3",
            filter_condition(filter),
            order_clause(order)
        );
        self.list(&sql, params![user, limit as i64, offset as i64], rows::chat)
    }

    /// How many chats each filter holds.
    pub fn filter_counts(&self, user: UserId) -> Result<FilterCounts> {
        let mut counts = self
            .conn
            .prepare_cached("SELECT all_chats, unread_chats, personal, business, offers, archived, unread_messages
                 FROM chat_counts WHERE user_id = ?1")?.query_row([user],
                counts_row,
            )
            .optional()?
            .unwrap_or_default();
        counts.held = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM messages WHERE user_id = ?1 AND outcome = 'hold'",
            )?
            .query_row([user], |r| r.get(0))?;
        Ok(counts)
    }

    /// One chat.
    pub fn chat(&self, id: ChatId) -> Result<Chat> {
        self.conn
            .prepare_cached("SELECT * FROM chats WHERE id = ?1")?
            .query_row([id], rows::chat)
            .optional()?
            .ok_or_else(|| StoreError::not_found(format!("no chat {id}")))
    }

    /// A user's chat with a friend or a business, if there is one.
    pub fn chat_with(&self, user: UserId, with: Counterpart) -> Result<Option<Chat>> {
        let (column, id) = counterpart_column(with);
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT * FROM chats WHERE user_id = ?1 AND {column} = ?2"
            ))?
            .query_row(params![user, id], rows::chat)
            .optional()?)
    }

    /// The id of a user's chat with a friend or a business, if there is one.
    pub(super) fn chat_id_with(&self, user: UserId, with: Counterpart) -> Result<Option<ChatId>> {
        let (column, id) = counterpart_column(with);
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT id FROM chats WHERE user_id = ?1 AND {column} = ?2"
            ))?
            .query_row(params![user, id], |r| r.get(0))
            .optional()?)
    }

    /// Whether the user still has to answer the first-contact choice of this chat.
    pub fn first_contact_pending(&self, chat: &Chat) -> Result<bool> {
        Ok(match chat.counterpart {
            Counterpart::Business(b) => !self.relation(chat.user, b)?.known,
            Counterpart::Contact(_) => false,
        })
    }
}

/// The counts of a user's chats (`?1`), counted over the chats themselves.
const COUNT_CHATS: &str = "count(*) FILTER (WHERE archived = 0),
    count(*) FILTER (WHERE archived = 0 AND unread > 0 AND muted = 0),
    count(*) FILTER (WHERE archived = 0 AND is_business = 0),
    count(*) FILTER (WHERE archived = 0 AND is_business = 1),
    count(*) FILTER (WHERE archived = 0 AND has_offers = 1),
    count(*) FILTER (WHERE archived = 1),
    coalesce(sum(unread) FILTER (WHERE muted = 0), 0)
    FROM chats WHERE user_id = ?1 AND last_at IS NOT NULL";

/// The seven counts of a row, in `COUNT_CHATS` order; the held count is read apart.
fn counts_row(r: &rusqlite::Row) -> rusqlite::Result<FilterCounts> {
    Ok(FilterCounts {
        all: r.get(0)?,
        unread: r.get(1)?,
        personal: r.get(2)?,
        business: r.get(3)?,
        offers: r.get(4)?,
        archived: r.get(5)?,
        held: 0,
        unread_messages: r.get(6)?,
    })
}

/// A chat's user and its share of the user's counts, in [`CountedChat`]'s order.
const CHAT_SHARES: &str = "user_id,
    last_at IS NOT NULL AND archived = 0,
    last_at IS NOT NULL AND archived = 0 AND unread > 0 AND muted = 0,
    last_at IS NOT NULL AND archived = 0 AND is_business = 0,
    last_at IS NOT NULL AND archived = 0 AND is_business = 1,
    last_at IS NOT NULL AND archived = 0 AND has_offers = 1,
    last_at IS NOT NULL AND archived = 1,
    CASE WHEN last_at IS NOT NULL AND muted = 0 THEN unread ELSE 0 END";

fn counted_row(r: &rusqlite::Row) -> rusqlite::Result<CountedChat> {
    let mut shares = [0i64; 7];
    for (i, share) in shares.iter_mut().enumerate() {
        *share = r.get(i + 1)?;
    }
    Ok(CountedChat {
        user: r.get(0)?,
        shares,
    })
}

/// A chat's share of its user's counts: all, unread, personal, business, offers, archived,
/// unread messages.
struct CountedChat {
    user: UserId,
    shares: [i64; 7],
}

fn counterpart_column(with: Counterpart) -> (&'static str, i64) {
    match with {
        Counterpart::Business(b) => ("business_id", b.0),
        Counterpart::Contact(c) => ("contact_id", c.0),
    }
}

impl Tx<'_> {
    /// The user's chat with a friend or business, created when missing.
    pub fn ensure_chat(&self, user: UserId, with: Counterpart) -> Result<ChatId> {
        if let Some(chat) = self.db().chat_id_with(user, with)? {
            return Ok(chat);
        }
        let (title, verified, contact, business) = match with {
            Counterpart::Business(b) => {
                let business = self.db().business(b)?;
                (business.name, business.verified, None, Some(b))
            }
            Counterpart::Contact(c) => {
                let name: String = self
                    .tx
                    .prepare_cached("SELECT name FROM contacts WHERE id = ?1")?
                    .query_row([c], |r| r.get(0))
                    .optional()?
                    .ok_or_else(|| StoreError::not_found(format!("no contact {c}")))?;
                (name, false, Some(c), None)
            }
        };
        self.tx
            .prepare_cached(
                "INSERT INTO chats (user_id, contact_id, business_id, is_business, title, verified)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                user,
                contact,
                business,
                business.is_some(),
                title,
                verified
            ])?;
        let chat = ChatId(self.tx.last_insert_rowid());
        if business.is_some() {
            self.stamp_chat(chat)?;
        }
        Ok(chat)
    }

    /// Shows a new message in the chat list: preview, time, unread count, offers mark.
    pub(super) fn touch_chat(
        &self,
        chat: ChatId,
        at: Timestamp,
        preview: &str,
        inbound: bool,
        offer: bool,
    ) -> Result<()> {
        let preview: String = preview.split_whitespace().collect::<Vec<_>>().join(" ");
        let preview: String = preview.chars().take(120).collect();
        self.update_chat(
            chat,
            "UPDATE chats SET preview = ?2, last_at = max(coalesce(last_at, ?3), ?3),
                unread = unread + ?4, has_offers = has_offers OR ?5 WHERE id = ?1",
            params![chat, preview, at, i64::from(inbound), offer],
        )
    }

    /// Mutes or unmutes a chat.
    pub fn set_muted(&self, chat: ChatId, muted: bool) -> Result<()> {
        self.update_chat(
            chat,
            "UPDATE chats SET muted = ?2 WHERE id = ?1",
            params![chat, muted],
        )
    }

    /// Archives or unarchives a chat.
    pub fn set_archived(&self, chat: ChatId, archived: bool) -> Result<()> {
        self.update_chat(
            chat,
            "UPDATE chats SET archived = ?2 WHERE id = ?1",
            params![chat, archived],
        )
    }

    /// Runs one UPDATE of a chat and moves the user's kept chat counts by what it changed; the
    /// UPDATE returns the chat's shares after it, so the chat is read once before.
    pub(super) fn update_chat(
        &self,
        chat: ChatId,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<()> {
        let before = self.counted(chat)?;
        let after = self
            .tx
            .prepare_cached(&format!("{sql} RETURNING {CHAT_SHARES}"))?
            .query_row(params, counted_row)
            .optional()?;
        let Some(after) = after else {
            return Ok(());
        };
        let delta: Vec<i64> = after
            .shares
            .iter()
            .zip(before.shares)
            .map(|(a, b)| a - b)
            .collect();
        if delta.iter().all(|d| *d == 0) {
            return Ok(());
        }
        self.tx
            .prepare_cached(
                "INSERT INTO chat_counts (user_id, all_chats, unread_chats, personal, business, offers,
                    archived, unread_messages) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (user_id) DO UPDATE SET all_chats = all_chats + ?2,
                    unread_chats = unread_chats + ?3, personal = personal + ?4,
                    business = business + ?5, offers = offers + ?6, archived = archived + ?7,
                    unread_messages = unread_messages + ?8",
            )?
            .execute(params![after.user, delta[0], delta[1], delta[2], delta[3], delta[4], delta[5], delta[6]])?;
        Ok(())
    }

    /// What one chat adds to each of its user's counts.
    fn counted(&self, chat: ChatId) -> Result<CountedChat> {
        Ok(self
            .tx
            .prepare_cached(&format!("SELECT {CHAT_SHARES} FROM chats WHERE id = ?1"))?
            .query_row([chat], counted_row)?)
    }

    /// Counts a user's chats afresh into the kept counts (after a big import).
    pub(super) fn recount_chats(&self, user: UserId) -> Result<()> {
        self.tx.prepare_cached(&format!(
                "INSERT OR REPLACE INTO chat_counts
                    (user_id, all_chats, unread_chats, personal, business, offers, archived, unread_messages)
                 SELECT ?1, {COUNT_CHATS}"
            ))?.execute([user],
        )?;
        Ok(())
    }

    /// Marks a chat as needing attention again.
    pub fn mark_unread(&self, chat: ChatId) -> Result<()> {
        self.update_chat(
            chat,
            "UPDATE chats SET unread = max(unread, 1) WHERE id = ?1",
            [chat],
        )
    }
}

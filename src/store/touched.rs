//! What a batch of the server's pages did to the chats it touched. A chat that only gained
//! messages moves forward in place: a newer preview and time, more unread, an offers mark. A
//! chat where a message changed or went away, the user's own pending copy was replaced, or two
//! messages share the newest time is recounted from its messages. Either way the chat ends as
//! a recount would leave it, but a catch-up no longer reads every message of a chat again for
//! each batch.

use super::{Result, Tx};
use crate::model::*;
use rusqlite::{OptionalExtension, params};
use std::collections::HashMap;

/// The chats a batch of pages touched, and how (see the module's documentation).
#[derive(Debug, Default)]
pub struct TouchedChats {
    chats: HashMap<ChatId, Touch>,
}

#[derive(Debug)]
enum Touch {
    /// Only new messages: the newest one shown (not held), and the unread and offers among them.
    Added {
        newest: Option<(Timestamp, MessageId)>,
        unread: i64,
        offers: bool,
    },
    Recount,
}

/// A message just added to a chat, as the chat list counts it.
pub(super) struct AddedMessage {
    pub id: MessageId,
    pub shown_at: Timestamp,
    /// Shown in the chat (not held).
    pub shown: bool,
    pub unread: bool,
    pub offer: bool,
}

impl TouchedChats {
    /// Notes a message added to `chat`.
    pub(super) fn added(&mut self, chat: ChatId, m: &AddedMessage) {
        let touch = self.chats.entry(chat).or_insert(Touch::Added {
            newest: None,
            unread: 0,
            offers: false,
        });
        if let Touch::Added {
            newest,
            unread,
            offers,
        } = touch
        {
            if m.shown {
                *newest = (*newest).max(Some((m.shown_at, m.id)));
            }
            *unread += i64::from(m.unread);
            *offers |= m.offer;
        }
    }

    /// Notes that `chat` must be counted again from its messages.
    pub(super) fn recount(&mut self, chat: ChatId) {
        self.chats.insert(chat, Touch::Recount);
    }
}

impl Tx<'_> {
    /// Brings each chat in `touched` up to date once: its preview, time, unread count and
    /// offers mark.
    pub fn refresh_chats(&self, touched: TouchedChats) -> Result<()> {
        let mut chats: Vec<(ChatId, Touch)> = touched.chats.into_iter().collect();
        chats.sort_unstable_by_key(|(chat, _)| *chat);
        for (chat, touch) in chats {
            match touch {
                Touch::Recount => self.recount_chat(chat)?,
                Touch::Added {
                    newest,
                    unread,
                    offers,
                } => self.move_chat(chat, newest, unread, offers)?,
            }
        }
        Ok(())
    }

    /// Moves a chat forward by messages added to it; a newest message at the very time of the
    /// chat's last one may or may not come first, so that chat is recounted.
    fn move_chat(
        &self,
        chat: ChatId,
        newest: Option<(Timestamp, MessageId)>,
        unread: i64,
        offers: bool,
    ) -> Result<()> {
        let last_at: Option<Timestamp> = self
            .tx
            .prepare_cached("SELECT last_at FROM chats WHERE id = ?1")?
            .query_row([chat], |r| r.get(0))
            .optional()?
            .flatten();
        if newest.is_some_and(|(at, _)| Some(at) == last_at) {
            return self.recount_chat(chat);
        }
        let (at, id) = newest.unzip();
        self.update_chat(
            chat,
            "UPDATE chats SET
                preview = CASE WHEN ?2 IS NOT NULL AND (last_at IS NULL OR ?2 > last_at)
                    THEN coalesce((SELECT CASE direction WHEN 'out' THEN char(1) ELSE '' END || replace(substr(body, 1, 120), char(10), ' ')
                        FROM messages WHERE id = ?3), '')
                    ELSE preview END,
                last_at = CASE WHEN ?2 IS NOT NULL AND (last_at IS NULL OR ?2 > last_at) THEN ?2 ELSE last_at END,
                unread = unread + ?4,
                has_offers = has_offers OR ?5
             WHERE id = ?1",
            params![chat, at, id, unread, offers],
        )
    }
}

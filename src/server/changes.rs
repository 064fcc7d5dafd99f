//! A user's changes after a cursor: messages and deletions in `(change, id)` order, one page
//! at a time, with the businesses the user deals with and the user's preferences.

use super::db::{ChangedMessage, DbResult, ServerReads, Tombstone};
use crate::model::{SyncedBusiness, SyncedDecision, SyncedMessage, Timestamp, UserId};
use crate::protocol::{Changes, Cursor};

/// One entry of the stream, in the order the client must apply it.
enum Entry {
    Message(Box<ChangedMessage>),
    Removed(Tombstone),
    Decided(SyncedDecision),
}

impl Entry {
    fn position(&self) -> Cursor {
        match self {
            Entry::Message(m) => Cursor {
                change: m.change,
                id: m.message.id.0,
            },
            Entry::Removed(t) => Cursor {
                change: t.change,
                id: t.message.0,
            },
            Entry::Decided(d) => Cursor {
                change: d.change,
                id: d.id,
            },
        }
    }
}

/// Up to `limit` changes of `user` after `cursor`.
pub fn changes_after(
    db: &dyn ServerReads,
    user: UserId,
    cursor: Cursor,
    limit: usize,
    now: Timestamp,
) -> DbResult<Changes> {
    let rows = db.changes_after(user, (cursor.change, cursor.id), limit + 1)?;
    let mut entries: Vec<Entry> = rows
        .messages
        .into_iter()
        .map(|m| Entry::Message(Box::new(m)))
        .chain(rows.removed.into_iter().map(Entry::Removed))
        .chain(rows.decisions.into_iter().map(Entry::Decided))
        .collect();
    entries.sort_by_key(Entry::position);
    let more = entries.len() > limit;
    entries.truncate(limit);
    let next = entries.last().map_or(cursor, Entry::position);
    let (mut messages, mut removed, mut decisions) = (Vec::new(), Vec::new(), Vec::new());
    for entry in entries {
        match entry {
            Entry::Message(m) => messages.push(synced_message(*m)),
            Entry::Removed(t) => removed.push(t.message),
            Entry::Decided(d) => decisions.push(d),
        }
    }
    let me = db.user(user)?;
    Ok(Changes {
        messages,
        removed,
        decisions,
        businesses: businesses(db, user, now)?,
        prefs: me.prefs,
        me: me.name,
        cursor: next,
        more,
        now,
    })
}

fn synced_message(m: ChangedMessage) -> SyncedMessage {
    let ChangedMessage {
        message,
        business,
        template_name,
        client_key,
        change,
    } = m;
    SyncedMessage {
        id: message.id,
        business,
        direction: message.direction,
        category: message.category,
        template: message.template,
        template_name,
        body: message.body,
        sent_at: message.sent_at,
        delivered_at: message.delivered_at,
        read_at: message.read_at,
        seen_at: message.seen_at,
        decision: message.decision,
        feedback: message.feedback,
        client_key,
        change,
    }
}

fn businesses(db: &dyn ServerReads, user: UserId, now: Timestamp) -> DbResult<Vec<SyncedBusiness>> {
    Ok(db
        .dealings(user)?
        .into_iter()
        .map(|(b, relation, restrictions)| SyncedBusiness {
            id: b.id,
            name: b.name,
            verified: b.verified,
            kind: b.kind,
            relation,
            restrictions: restrictions
                .into_iter()
                .filter(|r| r.active_at(now))
                .collect(),
        })
        .collect())
}

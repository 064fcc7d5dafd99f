//! A user's changes after a cursor, one page at a time in `(change, id)` order: messages,
//! deletions, decisions, the businesses the user deals with that changed, and the user's
//! preferences when they did.

use super::db::{ChangedDealing, ChangedMessage, DbResult, ServerReads, Tombstone};
use crate::model::{
    BusinessId, MessageId, RestrictionKind, SyncedBusiness, SyncedDecision, SyncedMessage,
    Timestamp, UserId,
};
use crate::protocol::{Changes, Cursor, PairedDecision};
use std::collections::HashMap;

/// One entry of the stream, in the order the client must apply it.
enum Entry {
    Message(Box<ChangedMessage>),
    Removed(Tombstone),
    Decided(SyncedDecision),
    /// A business changed: it goes whole, as it is when the page is read.
    Business(ChangedDealing),
    /// The user's preferences changed, at this change.
    Prefs(i64),
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
            Entry::Business(b) => Cursor {
                change: b.change,
                id: b.business.0,
            },
            Entry::Prefs(change) => Cursor {
                change: *change,
                id: 0,
            },
        }
    }
}

/// Up to `limit` changes of `user` after `cursor`; after the empty cursor, the preferences
/// and every business the user deals with, each business before its messages. With
/// `pair_decisions`, a decision that says what its message in the page says goes by id only.
pub fn changes_after(
    db: &dyn ServerReads,
    user: UserId,
    cursor: Cursor,
    limit: usize,
    pair_decisions: bool,
    now: Timestamp,
) -> DbResult<Changes> {
    let rows = db.changes_after(user, (cursor.change, cursor.id), limit + 1)?;
    let prefs = Entry::Prefs(rows.prefs_change);
    let prefs_due = cursor == Cursor::default() || prefs.position() > cursor;
    let mut entries: Vec<Entry> = rows
        .messages
        .into_iter()
        .map(|m| Entry::Message(Box::new(m)))
        .chain(rows.removed.into_iter().map(Entry::Removed))
        .chain(rows.decisions.into_iter().map(Entry::Decided))
        .chain(rows.businesses.into_iter().map(Entry::Business))
        .chain(prefs_due.then_some(prefs))
        .collect();
    entries.sort_by_key(Entry::position);
    let more = entries.len() > limit;
    entries.truncate(limit);
    let mut next = entries.last().map_or(cursor, Entry::position).max(cursor);
    if !more {
        next = next.max(last_carried(&entries));
    }
    let (mut messages, mut removed, mut decisions) = (Vec::new(), Vec::new(), Vec::new());
    let (mut changed, mut prefs_changed) = (Vec::new(), false);
    for entry in entries {
        match entry {
            Entry::Message(m) => messages.push(synced_message(*m)),
            Entry::Removed(t) => removed.push(t.message),
            Entry::Decided(d) => decisions.push(d),
            Entry::Business(b) => changed.push(b.business),
            Entry::Prefs(_) => prefs_changed = true,
        }
    }
    let (paired, decisions) = match pair_decisions {
        true => pair(&messages, decisions),
        false => (Vec::new(), decisions),
    };
    let me = db.user(user)?;
    Ok(Changes {
        messages,
        removed,
        decisions,
        paired,
        businesses: businesses(db, user, &changed, now)?,
        prefs: prefs_changed.then_some(me.prefs),
        me: me.name,
        cursor: next,
        more,
        now,
    })
}

/// The position of the last change the businesses of a page carry: on the last page, the
/// cursor moves past it, so a business changed twice after the cursor is not sent again.
fn last_carried(entries: &[Entry]) -> Cursor {
    entries
        .iter()
        .filter_map(|entry| match entry {
            Entry::Business(b) => Some(Cursor {
                change: b.last,
                id: b.business.0,
            }),
            _ => None,
        })
        .max()
        .unwrap_or_default()
}

/// Splits `decisions` into those the client can rebuild from their message in `messages`
/// (carried by id) and the rest (carried whole).
fn pair(
    messages: &[SyncedMessage],
    decisions: Vec<SyncedDecision>,
) -> (Vec<PairedDecision>, Vec<SyncedDecision>) {
    let by_id: HashMap<MessageId, &SyncedMessage> = messages.iter().map(|m| (m.id, m)).collect();
    let mut paired = Vec::new();
    let mut whole = Vec::new();
    for d in decisions {
        match d.message.and_then(|id| by_id.get(&id)) {
            Some(m) if says_the_same(m, &d) => paired.push(PairedDecision {
                id: d.id,
                message: m.id,
                change: d.change,
            }),
            _ => whole.push(d),
        }
    }
    (paired, whole)
}

/// Whether a decision is what its message tells of it.
fn says_the_same(m: &SyncedMessage, d: &SyncedDecision) -> bool {
    m.business == d.business
        && m.template == d.template
        && m.category == Some(d.category)
        && m.sent_at == d.at
        && m.decision == d.decision
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

/// The businesses `changed`, each with the user's relation and its restrictions that have not
/// ended at `now` (warnings restrict nothing and stay on the server).
fn businesses(
    db: &dyn ServerReads,
    user: UserId,
    changed: &[BusinessId],
    now: Timestamp,
) -> DbResult<Vec<SyncedBusiness>> {
    if changed.is_empty() {
        return Ok(Vec::new());
    }
    Ok(db
        .dealings(user, changed)?
        .into_iter()
        .map(|(b, relation, restrictions)| SyncedBusiness {
            id: b.id,
            name: b.name,
            verified: b.verified,
            kind: b.kind,
            relation,
            restrictions: restrictions
                .into_iter()
                .filter(|r| r.kind != RestrictionKind::Warning && r.end.is_none_or(|end| end > now))
                .collect(),
        })
        .collect())
}

//! The server's changes stored in the inbox's copy of its data: each page's businesses,
//! messages, decisions and removals written in order, with the cursor that follows them.

use crate::model::{BusinessId, ListedBusiness, MessageId, UserId};
use crate::protocol::{Changes, Cursor};
use crate::store::{Result, Store, TouchedChats, Tx};
use std::collections::HashMap;

/// Stores consecutive pages of changes in order in one transaction, and moves the cursor past
/// the last. The chats whose messages they touched are brought up to date once, at the end:
/// the store ends as it would after storing the pages one by one. Returns whether a business,
/// the user's relation with one or its restrictions, or the user's preferences changed, or
/// whether a restriction started or ended between the clock the copy had and the pages'.
pub fn apply_pages(store: &mut Store, pages: &[Changes]) -> Result<bool> {
    store.write(|tx| {
        let before = tx.db().clock()?;
        let mut touched = TouchedChats::default();
        let mut changed = false;
        for changes in pages {
            changed |= apply_page(tx, changes, &mut touched)?;
        }
        tx.refresh_chats(touched)?;
        let after = tx.db().clock()?;
        let turned = match (before, after) {
            (Some(before), Some(after)) => tx.db().restrictions_turned(before, after)?,
            _ => false,
        };
        Ok(changed || turned)
    })
}

/// Stores one page, merging its businesses into the stored ones (a business the page leaves
/// out stays as it is); returns whether its businesses or preferences differed from the
/// stored ones.
fn apply_page(tx: &Tx, changes: &Changes, touched: &mut TouchedChats) -> Result<bool> {
    let me = ensure_me(tx, &changes.me)?;
    tx.rename_user(me, &changes.me)?;
    tx.set_clock(changes.now)?;
    if let Some(prefs) = &changes.prefs {
        tx.set_prefs(me, prefs)?;
    }
    let businesses_changed = tx.mirror_businesses(me, &changes.businesses, changes.now)?;
    tx.mirror_messages(me, &changes.messages, touched)?;
    tx.mirror_decisions(me, &changes.decisions)?;
    tx.mirror_decisions_of_messages(me, &paired_in_page(changes))?;
    tx.mirror_removed(&changes.removed, touched)?;
    tx.set_sync_cursor((changes.cursor.change, changes.cursor.id))?;
    Ok(businesses_changed || changes.prefs.is_some())
}

/// The page's paired decisions whose message the page holds, as `(decision id, message)`, by
/// their messages' business (as the messages are written); a paired decision whose message the
/// page lacks is left out.
fn paired_in_page(changes: &Changes) -> Vec<(i64, MessageId)> {
    let business: HashMap<MessageId, BusinessId> = changes
        .messages
        .iter()
        .map(|m| (m.id, m.business))
        .collect();
    let mut paired: Vec<(BusinessId, i64, MessageId)> = changes
        .paired
        .iter()
        .filter_map(|p| Some((*business.get(&p.message)?, p.id, p.message)))
        .collect();
    paired.sort_by_key(|(business, _, _)| *business);
    paired
        .into_iter()
        .map(|(_, id, message)| (id, message))
        .collect()
}

/// Stores the businesses of the server's directory, so the Subscriptions screen lists and
/// finds them before they write; returns whether any was new or changed.
pub fn apply_directory(store: &mut Store, listed: &[ListedBusiness]) -> Result<bool> {
    store.write(|tx| {
        let now = tx.db().clock()?.unwrap_or_else(crate::wall_clock::now);
        tx.mirror_directory(listed, now)
    })
}

/// The user whose copy this is, added under `name` (with the default preferences) when the
/// copy has none yet; the copy is marked as a server's, not a demo world.
pub fn ensure_me(tx: &Tx, name: &str) -> Result<UserId> {
    let me = match tx.db().me()? {
        Some(me) => me,
        None => {
            let prefs = crate::policy::PolicyConfig::default().new_user_prefs();
            let me = tx.add_user(name, &prefs)?;
            tx.set_meta("me", &me.0.to_string())?;
            me
        }
    };
    tx.set_meta("world", "server")?;
    Ok(me)
}

/// Where the last pull from the server ended.
pub fn cursor(store: &Store) -> Result<Cursor> {
    let (change, id) = store.db().sync_cursor()?;
    Ok(Cursor { change, id })
}

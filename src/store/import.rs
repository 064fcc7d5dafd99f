//! Bulk import of messages whose decision was made elsewhere: the way a sync client stores the
//! messages a server has already decided. One call stores a whole batch in the caller's
//! transaction, with prepared statements, and touches each chat of the batch once.

use super::{Result, StoreError, Tx};
use crate::model::*;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// From this many messages, an import counts its users' chats once at its end instead of
/// moving the kept counts chat by chat (one count costs about as much as a few thousand moves).
const RECOUNT_FROM: usize = 10_000;
/// Longest chat preview, in characters.
const PREVIEW_CHARS: usize = 120;

/// A message for a user that has already been decided: a friend's message, or a business
/// message with the decision the server's policy engine made for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncomingMessage {
    pub user: UserId,
    pub counterpart: Counterpart,
    /// The category of a business message; `None` for a friend's message.
    pub category: Option<Category>,
    /// The template of a business-initiated message; it must be known to this store.
    pub template: Option<TemplateId>,
    pub body: String,
    pub sent_at: Timestamp,
    /// A friend's message is always delivered.
    pub decision: Decision,
}

/// What a batch does to one chat: its newest delivered message, unread count and offers mark.
struct ChatTouch {
    /// Sent time and position in the batch of the newest delivered message.
    newest: (Timestamp, usize),
    unread: i64,
    offer: bool,
}

impl Tx<'_> {
    /// Stores a batch of already-decided incoming messages, the way `send` stores its own
    /// decisions: delivered and held messages go into their chats (created when missing), a
    /// rejected one only into the decision log (without its body when the user blocked the
    /// sender), and every business message gets its line in the decision log. Bodies and
    /// sentences are cleaned as they enter. Each touched chat's preview, time, unread count and
    /// offers mark are updated once for the whole batch. Figures are not counted: they belong
    /// to the side that decided. Messages are written chat by chat, so within a batch their ids
    /// follow the chats (and, inside a chat, the batch's order), not the batch as a whole.
    ///
    /// Returns how many messages were stored in chats or held (rejected ones are not).
    pub fn import_messages(&self, batch: &[IncomingMessage]) -> Result<usize> {
        for m in batch {
            check(m)?;
        }
        let recount = batch.len() >= RECOUNT_FROM;
        let chats = self.chats_for_import(batch)?;
        // Written in key order rather than batch order: friends' messages chat by chat, then
        // business messages business by business (the key of most indexes they enter), each in
        // batch order. Every index page is then visited once per batch instead of once per
        // message: on a database larger than SQLite's page cache, this more than doubles the
        // rate of big batches.
        let mut order: Vec<usize> = (0..batch.len()).collect();
        order.sort_by_key(|&i| {
            let m = &batch[i];
            let business = match m.counterpart {
                Counterpart::Business(b) => b.0,
                Counterpart::Contact(_) => i64::MIN,
            };
            (m.user, business, chats[i].map_or(i64::MAX, |c| c.0), i)
        });
        let mut sentences: HashMap<&str, String> = HashMap::new();
        let mut bodies = vec![String::new(); batch.len()];
        let mut touches: Vec<(ChatId, ChatTouch)> = Vec::new();
        let mut insert_message = self.tx.prepare_cached(
            "INSERT INTO messages (chat_id, user_id, business_id, direction, category, template_id,
                body, sent_at, shown_at, delivered_at, outcome, reason, sentence, facts)
             VALUES (?1, ?2, ?3, 'in', ?4, ?5, ?6, ?7, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        let mut insert_decision = self.tx.prepare_cached(
            "INSERT INTO decisions (user_id, business_id, template_id, category, at, outcome,
                reason, sentence, body, message_id, facts)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        let mut stored = 0;
        for index in order {
            let m = &batch[index];
            let body = text::clean_body(&m.body);
            // Sentences repeat within a batch: each is cleaned once.
            let sentence = &*sentences.entry(&m.decision.sentence).or_insert_with(|| {
                text::clean_line(&m.decision.sentence, limits::MAX_SENTENCE_CHARS)
            });
            let facts = m.decision.facts_json();
            let outcome = m.decision.outcome;
            let business = match m.counterpart {
                Counterpart::Business(b) => Some(b),
                Counterpart::Contact(_) => None,
            };
            let message = match chats[index] {
                None => None,
                Some(chat) => {
                    let delivered = outcome == Outcome::Deliver;
                    insert_message.execute(params![
                        chat,
                        m.user,
                        business,
                        m.category.map(Category::as_str),
                        m.template,
                        body,
                        m.sent_at,
                        delivered.then_some(m.sent_at),
                        outcome.as_str(),
                        m.decision.reason.as_str(),
                        sentence,
                        facts,
                    ])?;
                    stored += 1;
                    if delivered {
                        let offer = m.category == Some(Category::Marketing);
                        let newest = (m.sent_at, index);
                        // A chat's messages are consecutive in this order.
                        match touches.last_mut() {
                            Some((last, t)) if *last == chat => {
                                t.newest = t.newest.max(newest);
                                t.unread += 1;
                                t.offer |= offer;
                            }
                            _ => touches.push((
                                chat,
                                ChatTouch {
                                    newest,
                                    unread: 1,
                                    offer,
                                },
                            )),
                        }
                    }
                    Some(MessageId(self.tx.last_insert_rowid()))
                }
            };
            if let (Some(business), Some(category)) = (business, m.category) {
                let kept_body = (message.is_none() && m.decision.reason != Reason::BlockedByUser)
                    .then_some(&body);
                insert_decision.execute(params![
                    m.user,
                    business,
                    m.template,
                    category.as_str(),
                    m.sent_at,
                    outcome.as_str(),
                    m.decision.reason.as_str(),
                    sentence,
                    kept_body,
                    message,
                    facts,
                ])?;
            }
            bodies[index] = body;
        }
        // The preview changes only when the batch brings the chat's newest message; old
        // messages arriving late add to the unread count without moving the chat.
        const TOUCH: &str = "UPDATE chats SET
                preview = CASE WHEN last_at IS NULL OR last_at <= ?3 THEN ?2 ELSE preview END,
                last_at = max(coalesce(last_at, ?3), ?3),
                unread = unread + ?4, has_offers = has_offers OR ?5
             WHERE id = ?1";
        touches.sort_unstable_by_key(|(chat, _)| *chat);
        for (chat, t) in touches {
            let (at, index) = t.newest;
            let values = params![chat, preview(&bodies[index]), at, t.unread, t.offer];
            if recount {
                self.tx.prepare_cached(TOUCH)?.execute(values)?;
            } else {
                self.update_chat(chat, TOUCH, values)?;
            }
        }
        if recount {
            let mut users: Vec<UserId> = batch.iter().map(|m| m.user).collect();
            users.sort_unstable();
            users.dedup();
            for user in users {
                self.recount_chats(user)?;
            }
        }
        Ok(stored)
    }

    /// The chat of each message of a batch (`None` for a rejected one, which is not stored),
    /// looked up or created once per chat, in key order.
    fn chats_for_import(&self, batch: &[IncomingMessage]) -> Result<Vec<Option<ChatId>>> {
        let stored = |m: &IncomingMessage| m.decision.outcome != Outcome::Reject;
        let mut keys: Vec<(UserId, Counterpart)> = batch
            .iter()
            .filter(|m| stored(m))
            .map(|m| (m.user, m.counterpart))
            .collect();
        keys.sort_unstable_by_key(|&(user, with)| match with {
            Counterpart::Contact(c) => (user.0, 0, c.0),
            Counterpart::Business(b) => (user.0, 1, b.0),
        });
        keys.dedup();
        let mut found = HashMap::with_capacity(keys.len());
        for (user, with) in keys {
            found.insert((user, with), self.chat_for_import(user, with)?);
        }
        Ok(batch
            .iter()
            .map(|m| stored(m).then(|| found[&(m.user, m.counterpart)]))
            .collect())
    }

    /// The user's chat with a friend or business, created when missing (prepared statements:
    /// this runs once per chat of every batch).
    fn chat_for_import(&self, user: UserId, with: Counterpart) -> Result<ChatId> {
        let (find, id) = match with {
            Counterpart::Business(b) => (
                "SELECT id FROM chats WHERE user_id = ?1 AND business_id = ?2",
                b.0,
            ),
            Counterpart::Contact(c) => (
                "SELECT id FROM chats WHERE user_id = ?1 AND contact_id = ?2",
                c.0,
            ),
        };
        let found = self
            .tx
            .prepare_cached(find)?
            .query_row(params![user, id], |r| r.get(0))
            .optional()?;
        if let Some(chat) = found {
            return Ok(chat);
        }
        let (title, verified, contact, business): (String, bool, _, _) = match with {
            Counterpart::Business(b) => {
                let (name, verified) = self
                    .tx
                    .prepare_cached("SELECT name, verified FROM businesses WHERE id = ?1")?
                    .query_row([b], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?
                    .ok_or_else(|| StoreError::not_found(format!("no business {b}")))?;
                (name, verified, None, Some(b))
            }
            Counterpart::Contact(c) => {
                let name = self
                    .tx
                    .prepare_cached("SELECT name FROM contacts WHERE id = ?1 AND user_id = ?2")?
                    .query_row(params![c, user], |r| r.get(0))
                    .optional()?
                    .ok_or_else(|| {
                        StoreError::not_found(format!("user {user} has no contact {c}"))
                    })?;
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
        Ok(ChatId(self.tx.last_insert_rowid()))
    }
}

/// Refuses a message whose fields do not fit together, before anything of the batch is written.
fn check(m: &IncomingMessage) -> Result<()> {
    let problem = match (m.counterpart, m.category) {
        (Counterpart::Business(_), None) => Some("a business message needs a category"),
        (Counterpart::Contact(_), Some(_)) => Some("a friend's message has no category"),
        (Counterpart::Contact(_), None) if m.template.is_some() => {
            Some("a friend's message has no template")
        }
        (Counterpart::Contact(_), None) if m.decision.outcome != Outcome::Deliver => {
            Some("a friend's message is always delivered")
        }
        _ => None,
    };
    match problem {
        Some(p) => Err(StoreError::Invalid(format!(
            "{p} (message for user {} sent at {})",
            m.user,
            m.sent_at.date_time()
        ))),
        None => Ok(()),
    }
}

/// The chat list's one-line preview of a body.
fn preview(body: &str) -> String {
    let mut line = String::with_capacity(PREVIEW_CHARS + 8);
    let mut chars = 0;
    for word in body.split_whitespace() {
        if chars > 0 {
            line.push(' ');
            chars += 1;
        }
        line.push_str(word);
        chars += word.chars().count();
        if chars >= PREVIEW_CHARS {
            break;
        }
    }
    match line.char_indices().nth(PREVIEW_CHARS) {
        Some((cut, _)) => {
            line.truncate(cut);
            line
        }
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{NewBusiness, Store};

    struct World {
        store: Store,
        me: UserId,
        ana: ContactId,
        shop: BusinessId,
    }

    fn world() -> World {
        let mut store = Store::open_in_memory().unwrap();
        let (me, ana, shop) = store
            .write(|tx| {
                let prefs = UserPrefs {
                    all_offers: true,
                    daily_marketing_cap: 4,
                    weekly_business_cap: 2,
                    quiet_hours: None,
                    time_zone: None,
                };
                let me = tx.add_user("Me", &prefs)?;
                let ana = tx.add_contact(me, "Ana")?;
                let shop = tx.add_business(
                    &NewBusiness {
                        name: "Corner Shop",
                        verified: true,
                        kind: BusinessKind::Shop,
                        budget: 0,
                    },
                    Timestamp(0),
                )?;
                Ok((me, ana, shop))
            })
            .unwrap();
        World {
            store,
            me,
            ana,
            shop,
        }
    }

    fn personal(w: &World, body: &str, at: i64) -> IncomingMessage {
        IncomingMessage {
            user: w.me,
            counterpart: Counterpart::Contact(w.ana),
            category: None,
            template: None,
            body: body.into(),
            sent_at: Timestamp(at),
            decision: Decision::deliver(Reason::Personal, "Delivered: a message from a friend."),
        }
    }

    fn offer(w: &World, body: &str, at: i64, decision: Decision) -> IncomingMessage {
        IncomingMessage {
            user: w.me,
            counterpart: Counterpart::Business(w.shop),
            category: Some(Category::Marketing),
            template: None,
            body: body.into(),
            sent_at: Timestamp(at),
            decision,
        }
    }

    fn titles(w: &World) -> Vec<(String, u32, String)> {
        w.store
            .db()
            .chats(w.me, ChatFilter::All, ChatOrder::UnreadFirst, 0, 50)
            .unwrap()
            .into_iter()
            .map(|c| (c.title, c.unread, c.preview))
            .collect()
    }

    #[test]
    fn a_batch_sets_unread_counts_previews_and_order() {
        let mut w = world();
        let held = Decision::hold(Reason::UserMarketingCap, "Held: over your daily cap.");
        let rejected = Decision::reject(Reason::TemplatePaused, "Rejected: template paused.");
        let batch = vec![
            personal(&w, "hi", 100),
            offer(
                &w,
                "50% off\n  today",
                150,
                Decision::deliver(Reason::SubscribedOffer, "Delivered: an offer."),
            ),
            personal(&w, "are you\tthere?\u{1b}[2J", 200),
            offer(&w, "held offer", 300, held),
            offer(&w, "rejected offer", 400, rejected),
            // Late: older than the chat's newest message, so it leaves the preview alone.
            personal(&w, "an old one", 50),
        ];
        let stored = w.store.write(|tx| tx.import_messages(&batch)).unwrap();
        assert_eq!(stored, 5, "the rejected offer is not stored in a chat");
        assert_eq!(
            titles(&w),
            vec![
                ("Ana".into(), 3, "are you there?".into()),
                ("Corner Shop".into(), 1, "50% off today".into()),
            ]
        );
        let db = w.store.db();
        let shop_chat = db
            .chat_with(w.me, Counterpart::Business(w.shop))
            .unwrap()
            .unwrap();
        assert!(shop_chat.has_offers);
        assert_eq!(shop_chat.last_at, Some(Timestamp(150)));
        let ana_chat = db
            .chat_with(w.me, Counterpart::Contact(w.ana))
            .unwrap()
            .unwrap();
        assert!(!ana_chat.has_offers);
        let bodies: Vec<String> = db
            .last_messages(ana_chat.id, 50)
            .unwrap()
            .into_iter()
            .map(|m| m.body)
            .collect();
        assert_eq!(bodies, ["an old one", "hi", "are you there?"]);
        assert_eq!(db.held(w.me).unwrap().len(), 1);
        let rejected = db.rejected(w.me, w.shop, 10).unwrap();
        assert_eq!(rejected.len(), 1);
        assert_eq!(rejected[0].body.as_deref(), Some("rejected offer"));
        let counts = db.filter_counts(w.me).unwrap();
        assert_eq!((counts.all, counts.unread, counts.offers), (2, 2, 1));
        assert_eq!((counts.held, counts.unread_messages), (1, 4));
    }

    #[test]
    fn previews_are_one_line_of_at_most_120_characters() {
        let long = "ñandú  a\n".repeat(40);
        let expected: String = long
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(PREVIEW_CHARS)
            .collect();
        assert_eq!(preview(&long), expected);
        assert_eq!(preview(&long).chars().count(), PREVIEW_CHARS);
        assert_eq!(preview("  two\t words \n"), "two words");
        assert_eq!(preview(""), "");
    }

    #[test]
    fn a_later_batch_moves_a_read_chat_back_up() {
        let mut w = world();
        let first = vec![
            personal(&w, "from Ana", 100),
            offer(
                &w,
                "an offer",
                200,
                Decision::deliver(Reason::SubscribedOffer, "Delivered: an offer."),
            ),
        ];
        w.store.write(|tx| tx.import_messages(&first)).unwrap();
        let shop_chat = w
            .store
            .db()
            .chat_with(w.me, Counterpart::Business(w.shop))
            .unwrap()
            .unwrap();
        let ana_chat = w
            .store
            .db()
            .chat_with(w.me, Counterpart::Contact(w.ana))
            .unwrap()
            .unwrap();
        w.store
            .write(|tx| tx.mark_read(shop_chat.id, Timestamp(250)))
            .unwrap();
        // Read chats go below unread ones, whatever their time.
        assert_eq!(
            titles(&w),
            vec![
                ("Ana".into(), 1, "from Ana".into()),
                ("Corner Shop".into(), 0, "an offer".into()),
            ]
        );
        w.store
            .write(|tx| tx.mark_read(ana_chat.id, Timestamp(250)))
            .unwrap();
        let second = vec![
            offer(
                &w,
                "another offer",
                300,
                Decision::deliver(Reason::SubscribedOffer, "Delivered: an offer."),
            ),
            offer(
                &w,
                "the newest offer",
                400,
                Decision::deliver(Reason::SubscribedOffer, "Delivered: an offer."),
            ),
        ];
        w.store.write(|tx| tx.import_messages(&second)).unwrap();
        assert_eq!(
            titles(&w),
            vec![
                ("Corner Shop".into(), 2, "the newest offer".into()),
                ("Ana".into(), 0, "from Ana".into()),
            ]
        );
    }

    #[test]
    fn blocked_senders_leave_no_body_and_bad_batches_write_nothing() {
        let mut w = world();
        let blocked = Decision::reject(Reason::BlockedByUser, "Rejected: you blocked it.");
        let batch = [offer(&w, "secret", 10, blocked)];
        let stored = w.store.write(|tx| tx.import_messages(&batch)).unwrap();
        assert_eq!(stored, 0);
        let rejected = w.store.db().rejected(w.me, w.shop, 10).unwrap();
        assert_eq!(rejected.len(), 1);
        assert_eq!(rejected[0].body, None);
        assert!(titles(&w).is_empty(), "a rejection opens no chat");

        let mut bad = personal(&w, "hello", 20);
        bad.category = Some(Category::Marketing);
        let batch = vec![personal(&w, "fine", 10), bad];
        let err = w.store.write(|tx| tx.import_messages(&batch)).unwrap_err();
        assert!(matches!(err, StoreError::Invalid(_)), "{err}");
        assert!(titles(&w).is_empty());
    }
}

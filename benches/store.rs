//! The speed of the store on a big inbox: 1 000 000 messages across 100 000 chats of one user,
//! imported in batched transactions (target: 100 000 messages per second or more); then the
//! first screen of the inbox (target: 5 ms) and a chat's last 50 messages (target: 2 ms).
//!
//! The fixture is built once per run, in a file database in a temporary directory (WAL, as the
//! app opens it); its fill rate is timed and printed. Criterion then measures the reads on it,
//! and last the import of further batches into the full database.
//!
//! Run with `cargo bench --bench store`; the figures are in BENCHMARKS.md.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use parley::model::{
    BusinessId, BusinessKind, Category, ChatId, ContactId, Counterpart, Decision, Reason,
    TemplateId, Timestamp, UserId, UserPrefs,
};
use parley::policy::PolicyConfig;
use parley::store::{ChatFilter, ChatOrder, IncomingMessage, NewBusiness, NewTemplate, Store};
use std::hint::black_box;
use std::time::{Duration, Instant};

const CHATS: u64 = 100_000;
const MESSAGES: u64 = 1_000_000;
/// Messages per transaction while building the fixture.
const FILL_BATCH: u64 = 100_000;
/// Messages per transaction in the measured imports into the full database.
const IMPORT_BATCHES: [u64; 2] = [1_000, 10_000];
/// One chat in `BUSINESS_EVERY` is with a business; the others are with friends.
const BUSINESS_EVERY: u64 = 4;
/// One chat in `UNREAD_EVERY` is left unread after the fill; the rest are read.
const UNREAD_EVERY: u64 = 10;
/// One chat in `MUTED_EVERY` is muted, and one in `ARCHIVED_EVERY` archived.
const MUTED_EVERY: u64 = 50;
const ARCHIVED_EVERY: u64 = 97;
/// 2026-01-01 00:00 UTC; one message every 30 seconds after it.
const START: i64 = 1_767_225_600;

/// splitmix64: a fixed, dependency-free stream of pseudo-random numbers.
fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A uniform number in [0, 1) for message `i` and purpose `salt`.
fn unit(i: u64, salt: u64) -> f64 {
    (mix(i.wrapping_mul(8).wrapping_add(salt)) >> 11) as f64 / (1u64 << 53) as f64
}

/// The parties of the fixture: one user, their friends and the businesses that write to them.
struct Parties {
    me: UserId,
    contacts: Vec<ContactId>,
    /// Per business: its id and its marketing, utility and authentication templates.
    businesses: Vec<(BusinessId, [TemplateId; 3])>,
}

impl Parties {
    /// Who is on the other side of chat number `c`.
    fn counterpart(&self, c: u64) -> Counterpart {
        if c % BUSINESS_EVERY == 1 {
            Counterpart::Business(self.businesses[(c / BUSINESS_EVERY) as usize].0)
        } else {
            let friend = c - c / BUSINESS_EVERY - u64::from(c % BUSINESS_EVERY > 1);
            Counterpart::Contact(self.contacts[friend as usize])
        }
    }

    /// Message number `i`: the first `CHATS` messages open one chat each; after that a chat is
    /// drawn with a strong skew (u^3), so a few chats hold thousands of messages (the busiest
    /// about 20 000) and most hold a handful.
    fn message(&self, i: u64) -> IncomingMessage {
        let c = if i < CHATS {
            i
        } else {
            ((CHATS as f64 * unit(i, 0).powi(3)) as u64).min(CHATS - 1)
        };
        let counterpart = self.counterpart(c);
        let sent_at = Timestamp(START + 30 * i as i64);
        let words = 3 + (mix(i ^ 0xB0D1) % 30) as usize;
        let body: String = (0..words)
            .map(|w| WORDS[(mix(i * 64 + w as u64) % WORDS.len() as u64) as usize])
            .collect::<Vec<_>>()
            .join(" ");
        let Counterpart::Business(_) = counterpart else {
            return IncomingMessage {
                user: self.me,
                counterpart,
                category: None,
                template: None,
                body,
                sent_at,
                decision: Decision::deliver(
                    Reason::Personal,
                    "Delivered: a message from a friend.",
                ),
            };
        };
        let templates = self.businesses[(c / BUSINESS_EVERY) as usize].1;
        // A chat's first message is delivered, so that every chat is opened.
        let draw = if i < CHATS { 0.5 } else { unit(i, 1) };
        let (category, template, decision) = match draw {
            r if r < 0.4 => {
                let decision = match unit(i, 2) {
                    d if d < 0.80 => Decision::deliver(
                        Reason::SubscribedOffer,
                        "Delivered: an offer from a business you subscribe to; 2 of your 4 daily offers and 1 of 2 weekly from it.",
                    ),
                    d if d < 0.95 => Decision::hold(
                        Reason::UserMarketingCap,
                        "Held: you already received 4 offers in the last 24 hours (your limit is 4).",
                    ),
                    _ => Decision::reject(
                        Reason::MarketingSuspended,
                        "Rejected: this business may not send offers until 3 Dec.",
                    ),
                };
                (Category::Marketing, Some(templates[0]), decision)
            }
            r if r < 0.8 => (
                Category::Utility,
                Some(templates[1]),
                Decision::deliver(
                    Reason::UtilityUpdate,
                    "Delivered: utility message, template approved on 1 Jan; utility is never capped.",
                ),
            ),
            r if r < 0.9 => (
                Category::Authentication,
                Some(templates[2]),
                Decision::deliver(
                    Reason::AuthenticationCode,
                    "Delivered: one-time code, template approved on 1 Jan; codes are never capped.",
                ),
            ),
            _ => (
                Category::Service,
                None,
                Decision::deliver(
                    Reason::ServiceReply,
                    "Delivered: a reply inside the 24-hour window you opened by writing to it.",
                ),
            ),
        };
        IncomingMessage {
            user: self.me,
            counterpart,
            category: Some(category),
            template,
            body,
            sent_at,
            decision,
        }
    }

    fn batch(&self, from: u64, n: u64) -> Vec<IncomingMessage> {
        (from..from + n).map(|i| self.message(i)).collect()
    }
}

const WORDS: &[&str] = &[
    "hello",
    "see",
    "you",
    "tomorrow",
    "at",
    "the",
    "station",
    "your",
    "order",
    "is",
    "on",
    "its",
    "way",
    "thanks",
    "🙂",
    "dinner",
    "tonight?",
    "new",
    "arrivals",
    "this",
    "week",
    "meeting",
    "moved",
    "to",
    "3pm",
    "ok",
    "great",
    "¿vienes",
    "mañana?",
    "parcel",
    "delivered",
    "bill",
    "ready",
    "café",
    "weekend",
    "plans",
    "call",
    "me",
    "later",
    "tickets",
];

fn add_parties(store: &mut Store) -> Parties {
    let config = PolicyConfig::default();
    store
        .write(|tx| {
            let prefs = UserPrefs {
                all_offers: true,
                daily_marketing_cap: 4,
                weekly_business_cap: 2,
                quiet_hours: None,
            };
            let me = tx.add_user("Me", &prefs)?;
            tx.set_meta("me", &me.0.to_string())?;
            let businesses_n = CHATS.div_ceil(BUSINESS_EVERY);
            let mut contacts = Vec::new();
            for n in 0..CHATS - businesses_n {
                contacts.push(tx.add_contact(me, &format!("Friend {n}"))?);
            }
            let mut businesses = Vec::new();
            let since = Timestamp(START - 86_400 * 30);
            for n in 0..businesses_n {
                let name = format!("Business {n}");
                let b = tx.add_business(
                    &NewBusiness {
                        name: &name,
                        verified: n % 3 == 0,
                        kind: BusinessKind::Shop,
                        budget: 10_000,
                    },
                    since,
                )?;
                let mut templates = [TemplateId(0); 3];
                let kinds = [
                    (
                        Category::Marketing,
                        "offers",
                        "New this week: {{1}}. Reply STOP to stop offers.",
                    ),
                    (
                        Category::Utility,
                        "order",
                        "Your order {{1}} is on its way.",
                    ),
                    (
                        Category::Authentication,
                        "code",
                        "Your code is {{1}}. Do not share it.",
                    ),
                ];
                for (slot, (category, tname, body)) in kinds.into_iter().enumerate() {
                    let new = NewTemplate {
                        business: b,
                        name: tname,
                        category,
                        body,
                        allow_recategorise: false,
                    };
                    templates[slot] = tx.submit_template(&new, &config, since)?.0;
                }
                businesses.push((b, templates));
            }
            Ok(Parties {
                me,
                contacts,
                businesses,
            })
        })
        .expect("parties")
}

/// Imports `MESSAGES` messages in batches of `FILL_BATCH`, one transaction each; returns the
/// time spent in the transactions (generating the batches is not counted).
fn fill(store: &mut Store, parties: &Parties) -> Duration {
    let mut spent = Duration::ZERO;
    for from in (0..MESSAGES).step_by(FILL_BATCH as usize) {
        let batch = parties.batch(from, FILL_BATCH);
        let started = Instant::now();
        let stored = store
            .write(|tx| tx.import_messages(&batch))
            .expect("import");
        spent += started.elapsed();
        assert!(stored > 0);
    }
    spent
}

/// Reads most chats, mutes and archives a few, as a user would have over time.
fn settle(store: &mut Store, parties: &Parties) {
    let now = Timestamp(START + 30 * MESSAGES as i64);
    let chats = store
        .db()
        .chats(
            parties.me,
            ChatFilter::All,
            ChatOrder::Recent,
            0,
            CHATS as usize,
        )
        .expect("chats");
    assert_eq!(chats.len() as u64, CHATS, "every chat was created");
    let ids: Vec<ChatId> = chats.iter().map(|c| c.id).collect();
    store
        .write(|tx| {
            for (n, &chat) in ids.iter().enumerate() {
                let n = n as u64;
                if !n.is_multiple_of(UNREAD_EVERY) {
                    tx.mark_read(chat, now)?;
                }
                if n % MUTED_EVERY == 3 {
                    tx.set_muted(chat, true)?;
                }
                if n % ARCHIVED_EVERY == 5 {
                    tx.set_archived(chat, true)?;
                }
            }
            Ok(())
        })
        .expect("settle");
}

fn bench_store(c: &mut Criterion) {
    // PARLEY_BENCH_DIR keeps the fixture (in that directory, which must not hold a parley.db)
    // for a look with sqlite3 afterwards; by default it lives in a temporary directory.
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = std::env::var_os("PARLEY_BENCH_DIR")
        .map_or_else(|| dir.path().into(), std::path::PathBuf::from)
        .join("parley.db");
    let mut store = Store::open(&path).expect("open");

    let started = Instant::now();
    let parties = add_parties(&mut store);
    eprintln!(
        "fixture: {} contacts, {} businesses, {} templates in {:.1?}",
        parties.contacts.len(),
        parties.businesses.len(),
        parties.businesses.len() * 3,
        started.elapsed()
    );
    let spent = fill(&mut store, &parties);
    eprintln!(
        "fixture: imported {MESSAGES} messages into {CHATS} chats in batches of {FILL_BATCH}: {:.2?} in transactions, {:.0} messages/s",
        spent,
        MESSAGES as f64 / spent.as_secs_f64()
    );
    let started = Instant::now();
    settle(&mut store, &parties);
    eprintln!(
        "fixture: read, muted and archived chats in {:.1?}",
        started.elapsed()
    );

    let me = parties.me;
    let db = store.db();
    let counts = db.filter_counts(me).expect("counts");
    eprintln!("fixture: {counts:?}");
    // The busiest chat (number 0, a friend), a busy business chat (number 1), and a typical
    // chat from the tail.
    let chat_of = |n: u64| {
        db.chat_with(me, parties.counterpart(n))
            .expect("chat")
            .expect("chat exists")
            .id
    };
    let busy = [
        ("busiest", chat_of(0)),
        ("business", chat_of(1)),
        ("typical", chat_of(CHATS - 7)),
    ];
    for (name, chat) in busy {
        eprintln!(
            "fixture: {name} chat {chat} shows {} messages",
            db.message_count(chat).expect("count")
        );
    }

    let mut group = c.benchmark_group("inbox");
    group.bench_function("first_screen", |b| {
        b.iter(|| {
            let chats = db
                .chats(
                    black_box(me),
                    ChatFilter::All,
                    ChatOrder::UnreadFirst,
                    0,
                    50,
                )
                .expect("chats");
            let counts = db.filter_counts(black_box(me)).expect("counts");
            (chats, counts)
        })
    });
    group.bench_function("chats_page", |b| {
        b.iter(|| {
            db.chats(
                black_box(me),
                ChatFilter::All,
                ChatOrder::UnreadFirst,
                0,
                50,
            )
            .expect("chats")
        })
    });
    group.bench_function("filter_counts", |b| {
        b.iter(|| db.filter_counts(black_box(me)).expect("counts"))
    });
    group.finish();

    let mut group = c.benchmark_group("last_messages");
    for (name, chat) in busy {
        group.bench_with_input(BenchmarkId::new("50", name), &chat, |b, &chat| {
            b.iter(|| db.last_messages(black_box(chat), 50).expect("messages"))
        });
    }
    group.finish();

    // Further batches into the full database: each iteration is one transaction of `size`
    // messages, generated outside the timing. The database grows as it is measured.
    let mut next = MESSAGES;
    let mut group = c.benchmark_group("import");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));
    for size in IMPORT_BATCHES {
        group.throughput(Throughput::Elements(size));
        group.bench_function(BenchmarkId::new("batch", size), |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    let batch = parties.batch(next, size);
                    next += size;
                    let started = Instant::now();
                    store
                        .write(|tx| tx.import_messages(&batch))
                        .expect("import");
                    spent += started.elapsed();
                }
                spent
            })
        });
    }
    group.finish();
    eprintln!("import: the database ends with {next} messages imported");
}

criterion_group!(benches, bench_store);
criterion_main!(benches);

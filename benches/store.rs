//! The speed of the store on a big inbox: 1 000 000 messages across 100 000 chats of one user,
//! imported in batched transactions (target: 100 000 messages per second or more); then the
//! first screen of the inbox (target: 5 ms) and a chat's last 50 messages (target: 2 ms).
//!
//! The fixture is built once per run, in a file database in a temporary directory (WAL, as the
//! app opens it); its fill rate is timed and printed. Criterion then measures the reads on it,
//! and last the import of further batches into the full database.
//!
//! Run with `cargo bench --bench store`; the figures are in BENCHMARKS.md.

#[path = "fixture/mod.rs"]
mod fixture;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use fixture::{Fixture, Spec};
use parley::model::{ChatFilter, ChatOrder};
use std::hint::black_box;
use std::time::{Duration, Instant};

const CHATS: u64 = 100_000;
const MESSAGES: u64 = 1_000_000;
/// Messages per transaction in the measured imports into the full database.
const IMPORT_BATCHES: [u64; 2] = [1_000, 10_000];

fn bench_store(c: &mut Criterion) {
    // PARLEY_BENCH_DIR keeps the fixture (in that directory, which must not hold a parley.db)
    // for a look with sqlite3 afterwards; by default it lives in a temporary directory.
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = std::env::var_os("PARLEY_BENCH_DIR")
        .map_or_else(|| dir.path().into(), std::path::PathBuf::from)
        .join("parley.db");
    let Fixture { mut store, parties } = Fixture::build(
        &path,
        Spec {
            chats: CHATS,
            messages: MESSAGES,
        },
    );

    let me = parties.me;
    let db = store.db();
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

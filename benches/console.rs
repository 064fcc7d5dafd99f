//! The speed of the business console's Metrics screen for a business with 1 000 000 messages
//! over 90 days (target: the screen's figures and charts in at most 50 ms). The figures come
//! from `metric_days`, kept per business, template, broadcast and day, so the screen never
//! counts messages.
//!
//! The fixture is one business with four templates writing to 50 000 people: 1 000 000
//! messages, one every 7.8 seconds over 90 days, imported in batches of 100 000 with
//! `Tx::import_messages` into a file database. Marketing goes out in one broadcast a day.
//! An import does not count figures (they belong to the side that decided), so the fixture
//! then writes `metric_days` in one aggregate over the decision log and the messages, as
//! `Tx::send` would have kept them message by message. The bench checks that the console's
//! figures equal a direct count before it measures.
//!
//! Run with `cargo bench --bench console`; the figures are in BENCHMARKS.md.

use criterion::{Criterion, criterion_group, criterion_main};
use parley::model::*;
use parley::policy::PolicyConfig;
use parley::store::{IncomingMessage, NewBusiness, NewTemplate, Store};
use parley::tui::UiConfig;
use parley::tui::console::Action;
use parley::tui::console::{StoreSession, StoreSource};
use parley::tui::kit::Program;
use parley::tui::render::render;
use parley::world::Assets;
use rusqlite::Connection;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

const MESSAGES: u64 = 1_000_000;
const PEOPLE: u64 = 50_000;
const DAYS: i64 = 90;
const BATCH: u64 = 100_000;
/// 2026-08-25 00:00 UTC: 90 days before the clock.
const START: i64 = 1_787_616_000;

/// The business and its templates: marketing, utility, authentication, marketing.
struct Sender {
    business: BusinessId,
    templates: [TemplateId; 4],
    people: Vec<UserId>,
}

fn add_parties(store: &mut Store) -> Sender {
    let policy = PolicyConfig::default();
    let at = Timestamp(START - 86_400);
    store
        .write(|tx| {
            let business = tx.add_business(
                &NewBusiness {
                    name: "Big Lender",
                    verified: true,
                    kind: BusinessKind::Finance,
                    budget: 1_000_000_000,
                },
                at,
            )?;
            let bodies = [
                ("offer", Category::Marketing, "Loans from {{1}} % a year."),
                (
                    "statement",
                    Category::Utility,
                    "Your statement for {{1}} is ready.",
                ),
                ("code", Category::Authentication, "{{1}} is your code."),
                ("cards", Category::Marketing, "A new card for {{1}}."),
            ];
            let mut templates = [TemplateId(0); 4];
            for (slot, (name, category, body)) in templates.iter_mut().zip(bodies) {
                let new = NewTemplate {
                    business,
                    name,
                    category,
                    body,
                    allow_recategorise: true,
                };
                *slot = tx.submit_template(&new, &policy, at)?.0;
            }
            let prefs = policy.new_user_prefs();
            let people = (0..PEOPLE)
                .map(|i| tx.add_user(&format!("person {i}"), &prefs))
                .collect::<Result<_, _>>()?;
            tx.set_meta("me", "1")?;
            Ok(Sender {
                business,
                templates,
                people,
            })
        })
        .expect("the parties")
}

/// Message number `i`: spread evenly over the 90 days, to person `i mod PEOPLE`.
fn message(sender: &Sender, i: u64) -> IncomingMessage {
    let sent_at = Timestamp(START + (i as i64) * DAYS * 86_400 / MESSAGES as i64);
    let (category, template, decision) = match i % 10 {
        0..=3 => (
            Category::Marketing,
            sender.templates[(i % 2 * 3) as usize],
            match i % 20 {
                0 => Decision::hold(Reason::UserMarketingCap, "Held: the offer limit."),
                2 => Decision::reject(Reason::BlockedByUser, "Rejected: blocked."),
                _ => Decision::deliver(Reason::SubscribedOffer, "Delivered: an offer."),
            },
        ),
        4..=8 => (
            Category::Utility,
            sender.templates[1],
            Decision::deliver(Reason::UtilityUpdate, "Delivered: utility."),
        ),
        _ => (
            Category::Authentication,
            sender.templates[2],
            Decision::deliver(Reason::AuthenticationCode, "Delivered: a code."),
        ),
    };
    IncomingMessage {
        user: sender.people[(i % PEOPLE) as usize],
        counterpart: Counterpart::Business(sender.business),
        category: Some(category),
        template: Some(template),
        body: format!("message {i}"),
        sent_at,
        decision,
    }
}

/// One broadcast a day for the marketing, half the deliveries read, and the figures per day.
const FIGURES: &str = "
    INSERT INTO broadcasts (id, business_id, template_id, category, created_at, audience,
        unit_price, reserved, charged, refunded, status)
    SELECT d - ?2 + 1, ?1, 0, 'marketing', d * 86400, 0, 25, 0, 0, 0, 'done'
    FROM (SELECT DISTINCT sent_at / 86400 AS d FROM messages WHERE business_id = ?1);
    UPDATE messages SET broadcast_id = sent_at / 86400 - ?2 + 1,
        charge = CASE outcome WHEN 'deliver' THEN 25 ELSE 0 END
    WHERE business_id = ?1 AND category = 'marketing';
    UPDATE decisions SET broadcast_id = at / 86400 - ?2 + 1
    WHERE business_id = ?1 AND category = 'marketing';
    UPDATE messages SET read_at = sent_at + 600 WHERE business_id = ?1 AND outcome = 'deliver' AND id % 2 = 0;
    INSERT INTO metric_days (business_id, template_id, broadcast_id, day, sent, delivered, held, rejected)
    SELECT business_id, coalesce(template_id, 0), coalesce(broadcast_id, 0), at / 86400, count(*),
        sum(outcome = 'deliver'), sum(outcome = 'hold'), sum(outcome = 'reject')
    FROM decisions WHERE business_id = ?1 GROUP BY 1, 2, 3, 4;
    INSERT INTO metric_days (business_id, template_id, broadcast_id, day, read, credits)
    SELECT business_id, coalesce(template_id, 0), coalesce(broadcast_id, 0), sent_at / 86400,
        count(read_at), sum(charge)
    FROM messages WHERE business_id = ?1 GROUP BY 1, 2, 3, 4
    ON CONFLICT (business_id, template_id, broadcast_id, day)
    DO UPDATE SET read = excluded.read, credits = excluded.credits;
    INSERT INTO metric_rejects (business_id, template_id, broadcast_id, day, reason, n)
    SELECT business_id, coalesce(template_id, 0), coalesce(broadcast_id, 0), at / 86400, reason, count(*)
    FROM decisions WHERE business_id = ?1 AND outcome = 'reject' GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO quality_log (business_id, at, quality, tier)
    SELECT ?1, ?2 * 86400 + n * 86400 * 7, CASE n % 3 WHEN 0 THEN 'high' WHEN 1 THEN 'medium' ELSE 'low' END, 1
    FROM (WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 12) SELECT n FROM k);
";

fn build(path: &Path) -> (Store, BusinessId) {
    let mut store = Store::open(path).expect("open");
    let sender = add_parties(&mut store);
    let started = Instant::now();
    for first in (0..MESSAGES).step_by(BATCH as usize) {
        let batch: Vec<IncomingMessage> = (first..first + BATCH)
            .map(|i| message(&sender, i))
            .collect();
        store
            .write(|tx| tx.import_messages(&batch))
            .expect("import");
    }
    eprintln!(
        "fixture: {MESSAGES} messages to {PEOPLE} people over {DAYS} days in {:.1?}",
        started.elapsed()
    );
    let started = Instant::now();
    let sql = FIGURES
        .replace("?1", &sender.business.0.to_string())
        .replace("?2", &(START / 86_400).to_string());
    let conn = Connection::open(path).expect("open the file");
    conn.execute_batch(&format!("BEGIN; {sql} COMMIT;"))
        .expect("the figures");
    let clock = START + DAYS * 86_400;
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('clock', ?1), ('world', 'bench')",
        [clock.to_string()],
    )
    .expect("the clock");
    eprintln!("fixture: figures per day in {:.1?}", started.elapsed());
    (store, sender.business)
}

/// The console's figures for the business must be the messages' own.
fn check(path: &Path, session: &StoreSession, business: BusinessId) {
    let conn = Connection::open(path).expect("open the file");
    let count = |sql: &str| -> u64 {
        conn.query_row(sql, [business.0], |r| r.get::<_, i64>(0))
            .expect("count") as u64
    };
    let figures = &session.app.state.metrics.figures;
    assert_eq!(
        figures.sent,
        count("SELECT count(*) FROM decisions WHERE business_id = ?1")
    );
    assert_eq!(
        figures.delivered,
        count("SELECT count(*) FROM messages WHERE business_id = ?1 AND outcome = 'deliver'")
    );
    assert_eq!(
        figures.read,
        count("SELECT count(read_at) FROM messages WHERE business_id = ?1")
    );
    assert_eq!(figures.sent, MESSAGES);
    eprintln!(
        "fixture: the console shows {} sent, {} delivered, {} read, {} broadcasts",
        figures.sent,
        figures.delivered,
        figures.read,
        session.app.state.metrics.broadcasts.len()
    );
}

fn bench_console(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("parley.db");
    let (store, business) = build(&path);
    let config = UiConfig::defaults(true);
    let mut session = StoreSession::open(
        StoreSource::owned(store, Assets::built_in()),
        Some(business),
        120,
        40,
    )
    .expect("open");
    session.update(Action::ScreenMetrics);
    check(&path, &session, business);

    let mut group = c.benchmark_group("console");
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("metrics_screen", |b| {
        b.iter(|| {
            session.update(black_box(Action::ScreenMetrics));
            render(&session, &config.theme, &config.keymap)
        })
    });
    group.bench_function("metrics_business_figures", |b| {
        b.iter(|| {
            session
                .store()
                .db()
                .metrics(MetricScope::Business(business))
        })
    });
    session.update(Action::MoveDown);
    group.bench_function("metrics_template_screen", |b| {
        b.iter(|| {
            session.update(black_box(Action::ScreenMetrics));
            render(&session, &config.theme, &config.keymap)
        })
    });
    session.update(Action::MoveBottom);
    group.bench_function("metrics_broadcast_screen", |b| {
        b.iter(|| {
            session.update(black_box(Action::ScreenMetrics));
            render(&session, &config.theme, &config.keymap)
        })
    });
    session.update(Action::ScreenStanding);
    group.bench_function("standing_screen", |b| {
        b.iter(|| {
            session.update(black_box(Action::ScreenStanding));
            render(&session, &config.theme, &config.keymap)
        })
    });
    group.finish();
    let _ = session.view();
}

criterion_group!(benches, bench_console);
criterion_main!(benches);

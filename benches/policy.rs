//! The speed of one decision: `policy::decide` for a marketing message to a user whose
//! marketing history holds 10 000 delivery records. Target: 1 000 000 decisions per second.
//!
//! Run with `cargo bench --bench policy`; the figures are in BENCHMARKS.md.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use parley::model::{
    BusinessId, Category, Outcome, Quality, QuietHours, Reason, Relation, ReviewRule, Span,
    Template, TemplateId, TemplateStatus, Timestamp, UserPrefs,
};
use parley::policy::{MarketingHistory, Outgoing, PolicyConfig, Reach, Recipient, Standing};
use std::hint::black_box;

/// Delivery records in the user's history.
const RECORDS: i64 = 10_000;
/// Businesses those records come from.
const BUSINESSES: i64 = 200;
/// The sender: it has records in the history, none of them inside the weekly window.
const SENDER: BusinessId = BusinessId(100);

fn now() -> Timestamp {
    Timestamp::from_civil(2026, 11, 25, 12, 0)
}

/// `n` deliveries, one every 6 hours (the default daily cap of 4), the newest 20 hours ago,
/// from `BUSINESSES` businesses in turn; given newest first, the order a store query returns.
fn history(n: i64) -> MarketingHistory {
    let newest = now() - Span::hours(20);
    MarketingHistory::from_records(
        (0..n).map(|k| (newest - Span::hours(6 * k), BusinessId(1 + k % BUSINESSES))),
    )
}

fn template() -> Template {
    let at = now() - Span::days(60);
    Template {
        id: TemplateId(1),
        business: SENDER,
        name: "weekly_offers".into(),
        requested_category: Category::Marketing,
        category: Category::Marketing,
        body: "This week at {{1}}: {{2}}. Reply STOP to stop offers.".into(),
        status: TemplateStatus::Approved,
        review: ReviewRule::Passed,
        review_note: "Passed review.".into(),
        review_finding: None,
        allow_recategorise: false,
        submitted_at: at,
        approved_at: Some(at),
        paused_until: None,
        pause_count: 0,
        quality: Quality::High,
        quality_since: at,
    }
}

fn prefs(daily_marketing_cap: u32) -> UserPrefs {
    UserPrefs {
        all_offers: true,
        daily_marketing_cap,
        weekly_business_cap: 2,
        // Set, but not now (12:00): rule 10 is evaluated and passes.
        quiet_hours: Some(QuietHours { start: 22, end: 7 }),
        time_zone: None,
    }
}

/// Subscribed, and "Not interested" 10 days ago: rule 9 counts the sender's week too.
fn relation() -> Relation {
    Relation {
        subscribed: true,
        not_interested_at: Some(now() - Span::days(10)),
        known: true,
        ..Relation::default()
    }
}

fn bench_decide(c: &mut Criterion) {
    let config = PolicyConfig::default();
    let template = template();
    let out = Outgoing {
        business: SENDER,
        business_name: "Bench Outfitters",
        template: Some(&template),
    };
    let standing = Standing {
        tier_limit: Some(10_000),
        ..Standing::default()
    };
    let reach = Reach {
        unique_users: 4_000,
        includes_recipient: false,
    };
    let relation = relation();
    let delivered_prefs = prefs(4);
    // The history already holds one offer in the last 24 hours: a cap of 1 holds the message.
    let capped_prefs = prefs(1);

    let mut group = c.benchmark_group("decide");
    group.throughput(Throughput::Elements(1));
    for records in [0, RECORDS] {
        let history = history(records);
        assert_eq!(history.len(), records as usize);
        let cases = [
            (
                "marketing_delivered",
                &delivered_prefs,
                Reason::SubscribedOffer,
            ),
            (
                "marketing_held_cap",
                &capped_prefs,
                Reason::UserMarketingCap,
            ),
        ];
        for (name, prefs, expected) in cases {
            if records == 0 && expected == Reason::UserMarketingCap {
                continue; // an empty history holds nothing back
            }
            let to = Recipient {
                prefs,
                relation: &relation,
                history: &history,
            };
            // The case decides what it says it decides (checked once, outside the timing).
            let d = parley::policy::decide(&out, &standing, &to, reach, &config, now());
            assert_eq!(d.reason, expected, "{}", d.sentence);
            if expected == Reason::SubscribedOffer {
                assert_eq!(d.outcome, Outcome::Deliver);
            }
            group.bench_with_input(BenchmarkId::new(name, records), &to, |b, to| {
                b.iter(|| {
                    parley::policy::decide(
                        black_box(&out),
                        black_box(&standing),
                        black_box(to),
                        black_box(reach),
                        black_box(&config),
                        black_box(now()),
                    )
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_decide);
criterion_main!(benches);

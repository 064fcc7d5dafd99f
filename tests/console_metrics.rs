//! The console's numbers are the store's numbers: after a week of the demo world and a
//! broadcast sent from the console, every figure of every business, template and broadcast on
//! the Metrics screen equals a direct count of the messages, decisions and signals in the
//! database file, and `parley world summary` agrees to the message.

mod support;

use parley::model::MetricScope;
use parley::model::*;
use parley::policy::Metrics;
use parley::store::Store;
use parley::tui::UiConfig;
use parley::tui::console::Action;
use parley::tui::console::state::BroadcastStage;
use parley::tui::console::{StoreSession, StoreSource};
use parley::world::{self, Assets};
use rusqlite::{Connection, params};
use std::collections::BTreeMap;
use support::console::*;

/// The SQL condition and id of a scope, on tables with business_id, template_id, broadcast_id.
fn condition(scope: MetricScope) -> (&'static str, i64) {
    match scope {
        MetricScope::Business(b) => ("business_id = ?1", b.0),
        MetricScope::Template(t) => ("template_id = ?1", t.0),
        MetricScope::Broadcast(b) => ("broadcast_id = ?1", b.0),
    }
}

fn count(db: &Connection, sql: &str, id: i64) -> u64 {
    db.query_row(sql, params![id], |r| r.get::<_, i64>(0))
        .unwrap()
        .max(0) as u64
}

/// The figures of a scope, counted row by row from the database file.
fn counted(db: &Connection, scope: MetricScope) -> Metrics {
    let (cond, id) = condition(scope);
    let inbound = format!("FROM messages WHERE {cond} AND direction = 'in'");
    let mut rejected = BTreeMap::new();
    let mut stmt = db
        .prepare(&format!(
            "SELECT reason, count(*) FROM decisions WHERE {cond} AND outcome = 'reject' GROUP BY reason"
        ))
        .unwrap();
    for row in stmt
        .query_map(params![id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })
        .unwrap()
    {
        let (reason, n) = row.unwrap();
        rejected.insert(Reason::parse(&reason).unwrap(), n as u64);
    }
    Metrics {
        sent: count(
            db,
            &format!("SELECT count(*) FROM decisions WHERE {cond}"),
            id,
        ),
        delivered: count(
            db,
            &format!("SELECT count(*) {inbound} AND outcome = 'deliver'"),
            id,
        ),
        held: count(
            db,
            &format!("SELECT count(*) {inbound} AND outcome = 'hold'"),
            id,
        ),
        rejected,
        read: count(
            db,
            &format!("SELECT count(*) {inbound} AND outcome = 'deliver' AND read_at IS NOT NULL"),
            id,
        ),
        interested: count(
            db,
            &format!("SELECT count(*) {inbound} AND feedback = 'interested'"),
            id,
        ),
        not_interested: count(
            db,
            &format!("SELECT count(*) {inbound} AND feedback = 'not_interested'"),
            id,
        ),
        blocks: count(
            db,
            &format!("SELECT count(*) FROM signals WHERE {cond} AND kind = 'block'"),
            id,
        ),
        reports: count(
            db,
            &format!("SELECT count(*) FROM signals WHERE {cond} AND kind = 'report'"),
            id,
        ),
        credits: count(
            db,
            &format!("SELECT coalesce(sum(charge), 0) {inbound}"),
            id,
        ) as i64,
    }
}

/// A week of the demo world in a database file, plus a broadcast sent from the console.
fn seeded_run(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("parley.db");
    let assets = Assets::built_in();
    let mut store = Store::open(&path).unwrap();
    world::seed(&mut store, &assets).unwrap();
    world::advance(
        &mut store,
        &assets,
        assets.world.start + Span::days(7),
        |_| {},
    )
    .unwrap();
    let moda = business(&store, "Moda Lola");
    let mut session =
        StoreSession::open(StoreSource::owned(store, assets), Some(moda), 100, 30).unwrap();
    keys(
        &mut session,
        &UiConfig::defaults(true),
        "2 tab \"Winter\" tab \"20%\" tab right tab \"Ana G., Bruno G., Alex\" enter",
    );
    session.update(Action::Confirm);
    while session.app.busy() {
        session.tick();
    }
    assert!(matches!(
        session.app.state.compose.stage,
        BroadcastStage::Done(_)
    ));
    path
}

#[test]
fn every_figure_on_the_metrics_screen_equals_a_direct_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = seeded_run(dir.path());
    let raw = Connection::open(&path).unwrap();
    let config = UiConfig::defaults(true);
    let assets = Assets::built_in();
    let names: Vec<String> = Store::open(&path)
        .unwrap()
        .db()
        .businesses()
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect();
    let (mut scopes_checked, mut delivered, mut read) = (0, 0, 0);
    for name in names {
        let store = Store::open(&path).unwrap();
        let id = business(&store, &name);
        let mut session =
            StoreSession::open(StoreSource::owned(store, assets.clone()), Some(id), 120, 40)
                .unwrap();
        keys(&mut session, &config, "3");
        let count = session.app.state.metrics.scopes.len();
        for i in 0..count {
            let view = &session.app.state.metrics;
            assert_eq!(view.selected, i);
            let scope = view.scopes[i].scope;
            assert_eq!(
                view.figures,
                counted(&raw, scope),
                "{name}: {}",
                view.scopes[i].label
            );
            let per_day: u64 = view.days.iter().map(|d| d.delivered).sum();
            assert_eq!(
                per_day, view.figures.delivered,
                "{name}: the chart's days add up"
            );
            scopes_checked += 1;
            if let MetricScope::Business(_) = scope {
                delivered += view.figures.delivered;
                read += view.figures.read;
            }
            keys(&mut session, &config, "j");
        }
    }
    assert!(scopes_checked > 20, "{scopes_checked} scopes");
    assert!(
        delivered > 1000 && read > 500,
        "{delivered} delivered, {read} read"
    );
}

#[test]
fn the_metrics_screen_and_the_world_summary_agree_to_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = seeded_run(dir.path());
    let assets = Assets::built_in();
    let summary = world::summary(&Store::open(&path).unwrap(), &assets).unwrap();
    let config = UiConfig::defaults(true);
    for b in &summary.businesses {
        let store = Store::open(&path).unwrap();
        let mut session = StoreSession::open(
            StoreSource::owned(store, assets.clone()),
            Some(b.business.id),
            120,
            40,
        )
        .unwrap();
        keys(&mut session, &config, "3");
        let m = &session.app.state.metrics.figures;
        let name = &b.business.name;
        assert_eq!(
            m.delivered,
            u64::from(b.to_all.count(Outcome::Deliver)),
            "{name}"
        );
        assert_eq!(m.held, u64::from(b.to_all.count(Outcome::Hold)), "{name}");
        assert_eq!(
            m.rejected_total(),
            u64::from(b.to_all.count(Outcome::Reject)),
            "{name}"
        );
        for (reason, n) in &m.rejected {
            assert_eq!(
                *n,
                u64::from(b.to_all.reason(Outcome::Reject, *reason)),
                "{name}"
            );
        }
    }
}

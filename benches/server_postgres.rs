//! Message submissions per second through `parley serve --database` on a throwaway
//! PostgreSQL cluster (the tests' harness: initdb and pg_ctl in a temporary directory, on a
//! unix socket), side by side with a minimal baseline on the same cluster, at 64 clients under
//! the load generator of `benches/server.rs`.
//!
//! - **Baseline** (`benches/server_postgres/baseline.rs`): a minimal axum server on the same
//!   route and JSON body, one INSERT per request through `tokio-postgres` and a
//!   `deadpool-postgres` pool, in a process of its own.
//! - **One instance**: `parley serve --database` on a fresh database, one business per client
//!   and 100 users, each business with one approved utility template.
//! - **Two instances** on one fresh database, the clients split between them. After the run,
//!   each business's standing, status and figures, read through the server, show that it
//!   stayed within its tier and budget and that every acknowledged submission was stored once.
//!
//! Run with `cargo bench --bench server_postgres` (`PARLEY_BENCH_SECONDS` sets the measured
//! period, 10 s by default); the figures are in BENCHMARKS.md. Under `cargo test --benches` it
//! only runs one short round of each, to check that it works.

#[path = "../tests/support/mod.rs"]
mod support;

#[path = "server/load.rs"]
mod load;

#[path = "server_postgres/baseline.rs"]
mod baseline;

use baseline::PgBaseline;
use load::{Figures, USERS, measure, print, print_header};
use parley::model::{BusinessKind, Category, TemplateStatus};
use parley::policy::PolicyConfig;
use parley::protocol::TemplateSubmission;
use parley::server::db::{Backend, NewBusiness, Place, ServerDb};
use parley::server::{add_business, add_user};
use parley::sync::business_client::{BusinessClient, MetricsScope};
use std::time::Duration;
use support::postgres::TestDatabase;
use support::server::{TestServer, keep_store_in};

/// Concurrent business clients, one business each.
const CLIENTS: usize = 64;
/// Each business's budget, in credits: single sends never spend it.
const BUDGET: i64 = 10_000;

fn main() {
    baseline::serve_if_asked();
    let measuring = std::env::args().any(|a| a == "--bench");
    let period = match measuring {
        true => std::env::var("PARLEY_BENCH_SECONDS")
            .ok()
            .and_then(|s| s.parse().ok())
            .map_or(Duration::from_secs(10), Duration::from_secs_f64),
        false => Duration::from_millis(200),
    };
    let clients = if measuring { CLIENTS } else { 2 };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    // Held to the end, so that every run is on the same throwaway cluster.
    let baseline_database = TestDatabase::new();
    print_header();
    let base = runtime.block_on(run_baseline(&baseline_database, clients, period));
    print("baseline postgres", clients, &base);
    let one = run_parley(&runtime, 1, clients, period);
    print("parley, one instance", clients, &one);
    println!(
        "parley at {clients} clients: {:.2} of the baseline",
        one.rate() / base.rate()
    );
    let two = run_parley(&runtime, 2, clients, period);
    print("parley, two instances", clients, &two);
    println!(
        "two instances: {:.2} of one instance's rate, every business within its tier and budget",
        two.rate() / one.rate()
    );
}

async fn run_baseline(database: &TestDatabase, clients: usize, period: Duration) -> Figures {
    let server = PgBaseline::start(&database.url);
    let clients = (0..clients)
        .map(|_| BusinessClient::new(&server.url, "baseline").expect("a client"))
        .collect();
    measure(clients, period).await
}

/// `instances` servers on one fresh database, `clients` businesses sending through them in
/// turn; checks every business's limits through the server afterwards.
fn run_parley(
    runtime: &tokio::runtime::Runtime,
    instances: usize,
    clients: usize,
    period: Duration,
) -> Figures {
    let database = TestDatabase::new();
    let dir = tempfile::tempdir().expect("a temporary directory");
    let tokens = accounts(&database.url, clients);
    keep_store_in(dir.path(), &database.url);
    let servers: Vec<TestServer> = (0..instances)
        .map(|_| TestServer::start(dir.path(), &["--rate-limit", "0"]))
        .collect();
    let clients: Vec<BusinessClient> = tokens
        .iter()
        .enumerate()
        .map(|(n, token)| {
            let url = &servers[n % instances].url;
            BusinessClient::new(url, token).expect("a client")
        })
        .collect();
    runtime.block_on(async {
        for client in &clients {
            with_template(client).await;
        }
        let figures = measure(clients.clone(), period).await;
        let kept = limits_held(&clients).await;
        assert_eq!(
            kept, figures.acknowledged,
            "every submission acknowledged is stored once, no more"
        );
        figures
    })
}

/// Registers the users and `n` businesses straight in the database; returns the businesses'
/// tokens.
fn accounts(url: &str, n: usize) -> Vec<String> {
    let mut db = Backend::connect(&Place::Postgres(url.to_string())).expect("the database");
    let policy = PolicyConfig::default();
    for k in 0..USERS {
        add_user(&mut db, &format!("user{k}"), &policy).expect("a user");
    }
    let now = parley::wall_clock::now();
    (0..n)
        .map(|k| {
            let name = format!("Business {k}");
            let new = NewBusiness {
                name: &name,
                verified: true,
                kind: BusinessKind::Delivery,
                budget: BUDGET,
            };
            add_business(&mut db, &new, now).expect("a business").1
        })
        .collect()
}

/// Gives the business the approved utility template the load generator sends.
async fn with_template(client: &BusinessClient) {
    let submission = TemplateSubmission {
        name: "on_its_way".into(),
        category: Category::Utility,
        body: "Your parcel {{1}} is on its way".into(),
        allow_recategorise: false,
    };
    let template = client
        .submit_template(&submission)
        .await
        .expect("a template");
    assert_eq!(template.status, TemplateStatus::Approved, "{template:?}");
}

/// Checks, through the server, that no business reached more people than its tier allows,
/// that its budget is whole, and that nothing was held or rejected; returns the messages the
/// businesses delivered in all.
async fn limits_held(clients: &[BusinessClient]) -> usize {
    let mut delivered = 0;
    for client in clients {
        let standing = client.standing().await.expect("the standing");
        let limit = standing.tier_limit.expect("a tier with a limit");
        assert!(
            standing.reached <= limit,
            "{} reached {} people, past its tier's {limit}",
            standing.business.name,
            standing.reached
        );
        let status = client.status().await.expect("the status");
        assert_eq!(status.budget, BUDGET, "{}'s budget", status.name);
        let report = client
            .metrics(&MetricsScope::Business)
            .await
            .expect("the figures");
        let m = report.metrics;
        assert_eq!(
            (m.sent, m.held, m.rejected.len()),
            (m.delivered, 0, 0),
            "{}: every send delivered",
            status.name
        );
        delivered += m.delivered as usize;
    }
    delivered
}

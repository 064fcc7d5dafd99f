//! Message submissions per second through `parley serve` on loopback, side by side with two
//! minimal baselines under the same load generator, and how one business's sends hold up as
//! its volume grows.
//!
//! - **Baselines** (`benches/server/baseline.rs`): a minimal axum + rusqlite server on the same
//!   route and JSON body, one INSERT per request, committed per request or by a group-commit
//!   writer, with Parley's WAL and `synchronous` settings; 64 clients each.
//! - **Parley** at 1, 8 and 64 clients: the real binary on 127.0.0.1 with a fresh store in a
//!   temporary directory (rate limit off), one business per client and 100 users, each
//!   business with one approved utility template. Every submission goes through the rules and
//!   is stored with its decision, its figures and its idempotency key, as in production.
//! - **Growth**: one business, 8 clients, after 0, 1 000, 10 000 and 100 000 deliveries in its
//!   last 24 hours (written through the store's API before the server starts).
//!
//! Every client (the real `BusinessClient`, one connection pool each) sends
//! `POST /v1/business/messages` to the users in turn, one request at a time, for a warm-up and
//! then the measured period.
//!
//! Run with `cargo bench --bench server` (`PARLEY_BENCH_SECONDS` sets the measured period,
//! 10 s by default; `PARLEY_BENCH_TARGET_ONLY=1` measures only the two lines of the target,
//! group commit and Parley at 64 clients); the figures are in BENCHMARKS.md. Under `cargo test --benches` it only
//! runs one short round of each, to check that it works.

#[path = "../tests/support/mod.rs"]
mod support;

#[path = "server/baseline.rs"]
mod baseline;

#[path = "server/load.rs"]
mod load;

use baseline::{Baseline, Commit};
use load::{Figures, USERS, measure, print, print_header};
use parley::model::{BusinessKind, Category, Span, TemplateStatus, Timestamp, UserId};
use parley::policy::{PolicyConfig, Pricing};
use parley::server::{add_business, add_user};
use parley::store::{Attempt, NewBusiness, NewTemplate, Store, paths};
use parley::sync::business_client::BusinessClient;
use std::path::Path;
use std::time::Duration;
use support::server::TestServer;

/// Concurrent business clients, one business each.
const CLIENTS: [usize; 3] = [1, 8, 64];
/// Deliveries of one business in its last 24 hours before the growth runs.
const GROWTH: [usize; 4] = [0, 1_000, 10_000, 100_000];
/// Clients of the one business in the growth runs.
const GROWTH_CLIENTS: usize = 8;

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
    let target_only = std::env::var_os("PARLEY_BENCH_TARGET_ONLY").is_some();
    let (clients, growth): (&[usize], &[usize]) = match (measuring, target_only) {
        (true, false) => (&CLIENTS, &GROWTH),
        (true, true) => (&CLIENTS[CLIENTS.len() - 1..], &[]),
        (false, _) => (&[2], &[0, 100]),
    };
    let commits: &[Commit] = match target_only {
        true => &[Commit::Group],
        false => &[Commit::PerRequest, Commit::Group],
    };
    let most = clients[clients.len() - 1];
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    print_header();
    let mut group = 0.0;
    for &commit in commits {
        let f = runtime.block_on(run_baseline(commit, most, period));
        print(&format!("baseline {}", commit.name()), most, &f);
        group = f.rate();
    }
    for &n in clients {
        let f = runtime.block_on(run_parley(Load::businesses(n), period));
        print("parley", n, &f);
        if n == most {
            println!(
                "parley at {most} clients: {:.2} of group commit",
                f.rate() / group
            );
        }
    }
    let mut first = None;
    for &volume in growth {
        let f = runtime.block_on(run_parley(Load::grown(volume), period));
        print(&format!("growth {volume} deliveries"), GROWTH_CLIENTS, &f);
        let first = *first.get_or_insert(f.rate());
        println!("  {:.2} of the rate with none", f.rate() / first);
    }
}

/// Who sends in a Parley run.
struct Load {
    /// Businesses, each with one client.
    businesses: usize,
    /// Clients of each business.
    clients_each: usize,
    /// Deliveries each business made in its last 24 hours before the run.
    delivered: usize,
}

impl Load {
    fn businesses(n: usize) -> Load {
        Load {
            businesses: n,
            clients_each: 1,
            delivered: 0,
        }
    }

    fn grown(delivered: usize) -> Load {
        Load {
            businesses: 1,
            clients_each: GROWTH_CLIENTS,
            delivered,
        }
    }
}

/// Registers the accounts and templates straight in the server's store, and the deliveries
/// of `load`; returns the businesses' tokens.
fn accounts(dir: &Path, load: &Load) -> Vec<String> {
    let mut store = Store::open(&paths::database_file(dir)).expect("the server's store");
    let policy = PolicyConfig::default();
    let users: Vec<UserId> = (0..USERS)
        .map(|n| {
            add_user(&mut store, &format!("user{n}"), &policy)
                .expect("a user")
                .0
        })
        .collect();
    let now = parley::wall_clock::now();
    (0..load.businesses)
        .map(|n| {
            let name = format!("Business {n}");
            let new = NewBusiness {
                name: &name,
                verified: true,
                kind: BusinessKind::Delivery,
                budget: 0,
            };
            let (business, token) = add_business(&mut store, &new, now).expect("a business");
            store
                .write(|tx| {
                    let template = NewTemplate {
                        business,
                        name: "on_its_way",
                        category: Category::Utility,
                        body: "Your parcel {{1}} is on its way",
                        allow_recategorise: false,
                    };
                    let (template, review) = tx.submit_template(&template, &policy, now)?;
                    assert_eq!(review.status, TemplateStatus::Approved);
                    let day = Span::hours(23).0;
                    for k in 0..load.delivered {
                        let attempt = Attempt {
                            business,
                            user: users[k % USERS],
                            template: Some(template),
                            params: vec![format!("F-{k}")],
                            text: None,
                            broadcast: None,
                            at: Timestamp(now.0 - day + day * k as i64 / load.delivered as i64),
                        };
                        tx.send(&attempt, &policy, &Pricing::default())?;
                    }
                    Ok(())
                })
                .expect("a template and its deliveries");
            token
        })
        .collect()
}

async fn run_parley(load: Load, period: Duration) -> Figures {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let tokens = accounts(dir.path(), &load);
    let mut server = TestServer::start(dir.path(), &["--rate-limit", "0"]);
    let clients = tokens
        .iter()
        .flat_map(|token| std::iter::repeat_n(token, load.clients_each))
        .map(|token| BusinessClient::new(&server.url, token).expect("a client"))
        .collect();
    let figures = measure(clients, period).await;
    server.kill();
    figures
}

async fn run_baseline(commit: Commit, clients: usize, period: Duration) -> Figures {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let server = Baseline::start(commit, dir.path());
    let clients = (0..clients)
        .map(|_| BusinessClient::new(&server.url, "baseline").expect("a client"))
        .collect();
    measure(clients, period).await
}

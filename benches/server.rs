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
//! 10 s by default); the figures are in BENCHMARKS.md. Under `cargo test --benches` it only
//! runs one short round of each, to check that it works.

#[path = "../tests/support/mod.rs"]
mod support;

#[path = "server/baseline.rs"]
mod baseline;

use baseline::{Baseline, Commit};
use parley::model::{BusinessKind, Category, Span, TemplateStatus, Timestamp, UserId};
use parley::policy::{PolicyConfig, Pricing};
use parley::protocol::SendRequest;
use parley::server::{add_business, add_user};
use parley::store::{Attempt, NewBusiness, NewTemplate, Store, paths};
use parley::sync::business_client::BusinessClient;
use std::path::Path;
use std::time::{Duration, Instant};
use support::server::TestServer;

/// Users the businesses write to (below the first messaging tier of 250 a day).
const USERS: usize = 100;
/// Concurrent business clients, one business each.
const CLIENTS: [usize; 3] = [1, 8, 64];
/// Deliveries of one business in its last 24 hours before the growth runs.
const GROWTH: [usize; 4] = [0, 1_000, 10_000, 100_000];
/// Clients of the one business in the growth runs.
const GROWTH_CLIENTS: usize = 8;
/// Sending before the measured period, to fill connection pools and caches.
const WARM_UP: Duration = Duration::from_secs(1);

/// One run's figures.
struct Figures {
    sent: usize,
    elapsed: Duration,
    p50: Duration,
    p99: Duration,
    max: Duration,
}

impl Figures {
    fn rate(&self) -> f64 {
        self.sent as f64 / self.elapsed.as_secs_f64()
    }
}

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
    let (clients, growth): (&[usize], &[usize]) = match measuring {
        true => (&CLIENTS, &GROWTH),
        false => (&[2], &[0, 100]),
    };
    let most = clients[clients.len() - 1];
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    println!(
        "what                      clients  submissions/s  p50       p99       max       sent"
    );
    let mut group = 0.0;
    for commit in [Commit::PerRequest, Commit::Group] {
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

fn print(what: &str, clients: usize, f: &Figures) {
    println!(
        "{what:<24}  {clients:<7}  {:<13.0}  {:<8}  {:<8}  {:<8}  {}",
        f.rate(),
        ms(f.p50),
        ms(f.p99),
        ms(f.max),
        f.sent
    );
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
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

/// Every client sends at once, one request at a time: the load generator of every run.
async fn measure(clients: Vec<BusinessClient>, period: Duration) -> Figures {
    let tasks: Vec<_> = clients
        .into_iter()
        .enumerate()
        .map(|(n, client)| tokio::spawn(sender(client, n, period)))
        .collect();
    let mut latencies = Vec::new();
    let mut elapsed = Duration::ZERO;
    for task in tasks {
        let (times, took) = task.await.expect("a sender");
        latencies.extend(times);
        elapsed = elapsed.max(took);
    }
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    Figures {
        sent: latencies.len(),
        elapsed,
        p50: at(0.50),
        p99: at(0.99),
        max: *latencies.last().expect("some submissions"),
    }
}

/// Sends one message at a time: a warm-up, then `period` measured.
async fn sender(client: BusinessClient, n: usize, period: Duration) -> (Vec<Duration>, Duration) {
    let mut k = n;
    let send = async |k: usize| {
        let request = SendRequest {
            to: format!("user{}", k % USERS),
            template: Some("on_its_way".into()),
            params: vec![format!("P-{k}")],
            text: None,
            key: None,
        };
        let started = Instant::now();
        let sent = client.send(&request).await.expect("a submission");
        assert!(sent.message.is_some(), "delivered: {:?}", sent.decision);
        started.elapsed()
    };
    let warm_until = Instant::now() + WARM_UP.min(period);
    while Instant::now() < warm_until {
        send(k).await;
        k += 1;
    }
    let mut times = Vec::new();
    let started = Instant::now();
    while started.elapsed() < period {
        times.push(send(k).await);
        k += 1;
    }
    (times, started.elapsed())
}

//! Message submissions per second through `parley serve` on loopback, with 1, 8 and 64
//! concurrent business clients, and the latency of each submission (p50, p99).
//!
//! Each run starts the real binary on 127.0.0.1 with a fresh store in a temporary directory
//! (rate limit off), registers `clients` businesses and 100 users, and has each business
//! submit one approved utility template. Then every client sends `POST /v1/business/messages`
//! (the real `BusinessClient`, one connection pool each) to the users in turn, one request at
//! a time, for a warm-up and then the measured period. Every message goes through the rules
//! and is stored with its decision, as in production.
//!
//! Run with `cargo bench --bench server` (`PARLEY_BENCH_SECONDS` sets the measured period,
//! 10 s by default); the figures are in BENCHMARKS.md. Under `cargo test --benches` it only
//! runs one short round, to check that it works.

#[path = "../tests/support/mod.rs"]
mod support;

use parley::model::{BusinessKind, Category, Timestamp};
use parley::policy::PolicyConfig;
use parley::protocol::{SendRequest, TemplateSubmission};
use parley::server::{add_business, add_user};
use parley::store::{NewBusiness, Store, paths};
use parley::sync::business_client::BusinessClient;
use std::path::Path;
use std::time::{Duration, Instant};
use support::server::TestServer;

/// Users the businesses write to (below the first messaging tier of 250 a day).
const USERS: usize = 100;
/// Concurrent business clients, one run each.
const CLIENTS: [usize; 3] = [1, 8, 64];
/// Sending before the measured period, to fill connection pools and caches.
const WARM_UP: Duration = Duration::from_secs(1);

/// One run's figures.
struct Figures {
    clients: usize,
    sent: usize,
    elapsed: Duration,
    p50: Duration,
    p99: Duration,
    max: Duration,
}

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let period = match measuring {
        true => std::env::var("PARLEY_BENCH_SECONDS")
            .ok()
            .and_then(|s| s.parse().ok())
            .map_or(Duration::from_secs(10), Duration::from_secs_f64),
        false => Duration::from_millis(200),
    };
    let clients: &[usize] = if measuring { &CLIENTS } else { &[2] };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    println!("clients  submissions/s  p50       p99       max       sent");
    for &n in clients {
        let f = runtime.block_on(run(n, period));
        println!(
            "{:<7}  {:<13.0}  {:<8}  {:<8}  {:<8}  {}",
            f.clients,
            f.sent as f64 / f.elapsed.as_secs_f64(),
            ms(f.p50),
            ms(f.p99),
            ms(f.max),
            f.sent
        );
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Registers the accounts straight in the server's store; returns the businesses' tokens.
fn accounts(dir: &Path, clients: usize) -> Vec<String> {
    let mut store = Store::open(&paths::database_file(dir)).expect("the server's store");
    let policy = PolicyConfig::default();
    for n in 0..USERS {
        add_user(&mut store, &format!("user{n}"), &policy).expect("a user");
    }
    let now = Timestamp(0);
    (0..clients)
        .map(|n| {
            let name = format!("Business {n}");
            let new = NewBusiness {
                name: &name,
                verified: true,
                kind: BusinessKind::Delivery,
                budget: 0,
            };
            add_business(&mut store, &new, now).expect("a business").1
        })
        .collect()
}

async fn run(clients: usize, period: Duration) -> Figures {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let tokens = accounts(dir.path(), clients);
    let mut server = TestServer::start(dir.path(), &["--rate-limit", "0"]);
    let url = server.url.clone();
    let template = TemplateSubmission {
        name: "on_its_way".into(),
        category: Category::Utility,
        body: "Your parcel {{1}} is on its way".into(),
        allow_recategorise: false,
    };
    let mut ready = Vec::new();
    for token in tokens {
        let client = BusinessClient::new(&url, &token).expect("a client");
        client.submit_template(&template).await.expect("a template");
        ready.push(client);
    }
    let tasks: Vec<_> = ready
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
    server.kill();
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    Figures {
        clients,
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

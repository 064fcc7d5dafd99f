//! The load generator of the server benches: every client (the real `BusinessClient`, one
//! connection pool each) sends `POST /v1/business/messages` to the users in turn, one request
//! at a time, for a warm-up and then the measured period; and how its figures are printed.
//! Each bench takes the parts it needs.

#![allow(dead_code)]

use parley::protocol::SendRequest;
use parley::sync::business_client::BusinessClient;
use std::time::{Duration, Instant};

/// Users the businesses write to (below the first messaging tier of 250 a day).
pub const USERS: usize = 100;
/// Sending before the measured period, to fill connection pools and caches.
const WARM_UP: Duration = Duration::from_secs(1);

/// One run's figures.
pub struct Figures {
    /// Submissions answered in the measured period.
    pub sent: usize,
    /// Submissions answered as delivered, the warm-up's included.
    pub acknowledged: usize,
    pub elapsed: Duration,
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
}

impl Figures {
    /// Submissions per second in the measured period.
    pub fn rate(&self) -> f64 {
        self.sent as f64 / self.elapsed.as_secs_f64()
    }
}

/// The header of the table [`print`] writes lines of.
pub fn print_header() {
    println!(
        "what                      clients  submissions/s  p50       p99       max       sent"
    );
}

/// One line of the table.
pub fn print(what: &str, clients: usize, f: &Figures) {
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

/// Every client sends at once, one request at a time: the load generator of every run.
pub async fn measure(clients: Vec<BusinessClient>, period: Duration) -> Figures {
    let tasks: Vec<_> = clients
        .into_iter()
        .enumerate()
        .map(|(n, client)| tokio::spawn(sender(client, n, period)))
        .collect();
    let mut latencies = Vec::new();
    let mut elapsed = Duration::ZERO;
    let mut acknowledged = 0;
    for task in tasks {
        let (times, took, answered) = task.await.expect("a sender");
        latencies.extend(times);
        elapsed = elapsed.max(took);
        acknowledged += answered;
    }
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    Figures {
        sent: latencies.len(),
        acknowledged,
        elapsed,
        p50: at(0.50),
        p99: at(0.99),
        max: *latencies.last().expect("some submissions"),
    }
}

/// Sends one message at a time: a warm-up, then `period` measured. Returns the measured
/// latencies, how long they took, and how many submissions were answered in all.
async fn sender(
    client: BusinessClient,
    n: usize,
    period: Duration,
) -> (Vec<Duration>, Duration, usize) {
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
    (times, started.elapsed(), k - n)
}

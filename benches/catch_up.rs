//! The inbox catching up with a server after an offline period: 100 000 messages decided while
//! it was away, fetched from an empty cursor; and a new message reaching the open inbox's store
//! through the live stream.
//!
//! A child process (this binary, run again with `PARLEY_CATCH_UP_PREPARE`) writes the server's
//! store straight through the store API: one user, `BUSINESSES` businesses with a utility and a
//! marketing template each, and `MESSAGES` attempts decided by the policy engine with
//! `Tx::send`, one every 3 seconds up to now, in transactions of 10 000. Every tenth is an
//! offer the user did not subscribe to, so the rules hold it; the rest are delivered. Then the
//! real `parley serve` starts on 127.0.0.1 (rate limit off), and in this process the inbox's
//! sync engine (`Engine::pull`, as its sync loop does) fills an empty mirror store in a
//! temporary directory, a page of changes at a time, until the server has no more.
//!
//! Peak memory: the preparation runs in its own process so that it leaves nothing behind in
//! this one. Just before the catch-up, this process resets its peak resident set size to its
//! current one (`echo 5 > /proc/self/clear_refs`) and reads it (`VmHWM` in
//! `/proc/self/status`, the baseline); after it, it reads `VmHWM` again. The increase is what
//! the catch-up took at its peak: the pages of JSON, the changes decoded, SQLite's page cache.
//!
//! Latency: the engine's `run` loop (its long-poll stream) on the same mirror, and a business
//! sending one message at a time (`BusinessClient::send`); for each, the time from the answer
//! to the send to the loop's `Changed` event for a pull that stored it (the event is sent after
//! the transaction committed). `SAMPLES` sends, 100-200 ms apart.
//!
//! Baseline: the same messages imported into an empty local store with `Tx::import_messages`
//! (as the store's import writes already-decided messages, in one transaction of 100 000),
//! in the same run; the catch-up is reported as a ratio of it.
//!
//! The catch-up's parts: after the import, the same pages are fetched again (bodies kept),
//! then decoded, then stored into a new mirror, each part timed alone, and the CPU time of the
//! storing thread and of the import's are read from `/proc/thread-self/stat` (on a shared
//! machine the wall clock also counts the time a thread waited for a core).
//!
//! Empty pages: for 10, 1 000 and 5 000 businesses, each of which sent the user one message,
//! a server as above, a first sync from the empty cursor, then the bytes of the JSON body of
//! `GET /v1/me/changes` at the cursor it ended at.
//!
//! Run with `cargo bench --bench catch_up`; the figures are in BENCHMARKS.md.
//! `PARLEY_BENCH_MESSAGES` and `PARLEY_BENCH_BUSINESSES` change the size,
//! `PARLEY_BENCH_PAGE_BY_PAGE` catches up with `Engine::pull` a page at a time instead of
//! `Engine::catch_up` (for comparison), and `PARLEY_BENCH_DIR` keeps the stores. Under
//! `cargo test --benches` it only runs a small round (empty pages at 10 businesses only), to
//! check that it works.

#[path = "../tests/support/mod.rs"]
mod support;

use parley::model::{BusinessKind, Category, ChatFilter, ChatOrder, Counterpart, Outcome};
use parley::policy::{PolicyConfig, Pricing};
use parley::protocol::Cursor;
use parley::protocol::SendRequest;
use parley::server::{add_business, add_user};
use parley::store::{Attempt, IncomingMessage, NewBusiness, NewTemplate, Store, paths};
use parley::sync::business_client::BusinessClient;
use parley::sync::engine::{Engine, SyncConfig, SyncEvent};
use parley::sync::http::Api;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::server::TestServer;
use tokio::sync::{Notify, mpsc};

/// Messages decided for the user while the inbox was away.
const MESSAGES: usize = 100_000;
/// Businesses they come from (one chat each).
const BUSINESSES: usize = 1_000;
/// One attempt in `OFFER_EVERY` is an offer, held: the user subscribed to nobody.
const OFFER_EVERY: usize = 10;
/// Attempts per transaction while preparing the server's store.
const PREPARE_BATCH: usize = 10_000;
/// Seconds between two attempts; the last one is a little before now.
const EVERY_SECONDS: i64 = 3;
/// Sends whose arrival in the inbox is timed.
const SAMPLES: usize = 50;
/// Set (to the server's directory) when this binary runs as the preparing child.
const PREPARE_ENV: &str = "PARLEY_CATCH_UP_PREPARE";
/// Each page of a pull may take this long.
const PULL_TIMEOUT: Duration = Duration::from_secs(60);
/// Messages per transaction of the local import (the store's import benches use as many).
const IMPORT_BATCH: usize = 100_000;
/// Pages the catch-up stores in one transaction at most (as `Engine::catch_up` does).
const PAGES_PER_WRITE: usize = 4;
/// Businesses the user deals with, for the size of an empty page.
const EMPTY_PAGE_BUSINESSES: [usize; 3] = [10, 1_000, 5_000];

fn main() {
    if let Some(dir) = std::env::var_os(PREPARE_ENV) {
        prepare(Path::new(&dir), size("MESSAGES"), size("BUSINESSES"));
        return;
    }
    let measuring = std::env::args().any(|a| a == "--bench");
    let (messages, businesses, samples, dealings) = match measuring {
        true => (
            number("PARLEY_BENCH_MESSAGES").unwrap_or(MESSAGES),
            number("PARLEY_BENCH_BUSINESSES").unwrap_or(BUSINESSES),
            SAMPLES,
            &EMPTY_PAGE_BUSINESSES[..],
        ),
        false => (2_000, 20, 5, &EMPTY_PAGE_BUSINESSES[..1]),
    };
    let page_by_page = std::env::var_os("PARLEY_BENCH_PAGE_BY_PAGE").is_some();
    // PARLEY_BENCH_DIR keeps both stores (in `server` and `client` in that directory, which
    // must hold neither) for a look with sqlite3 afterwards.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = std::env::var_os("PARLEY_BENCH_DIR")
        .map_or_else(|| dir.path().to_path_buf(), std::path::PathBuf::from);
    let server_dir = root.join("server");
    std::fs::create_dir_all(&server_dir).expect("the server's directory");

    let started = Instant::now();
    let tokens = run_prepare(&server_dir, messages, businesses);
    println!(
        "prepared the server's store: {messages} messages from {businesses} businesses to one user in {:.1?}",
        started.elapsed()
    );

    let server = TestServer::start(&server_dir, &["--rate-limit", "0"]);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let mirror = root.join("client").join("mirror.db");
    std::fs::create_dir_all(mirror.parent().expect("a parent")).expect("the client's directory");
    parley::sync::prepare_mirror(&mut Store::open(&mirror).expect("the mirror")).expect("ready");
    let config = SyncConfig {
        server: server.url.clone(),
        token: tokens.user.clone(),
        store_path: mirror.clone(),
    };

    // The catch-up, from an empty cursor.
    let (events, mut news) = mpsc::channel(64);
    let mut engine = Engine::new(config.clone(), events).expect("an engine");
    let drain = runtime.spawn(async move { while news.recv().await.is_some() {} });
    let baseline = reset_peak_memory();
    let server_pid = child_named("parley");
    let cpu_before = (cpu_of("self"), cpu_of(&server_pid));
    let started = Instant::now();
    runtime.block_on(async {
        if page_by_page {
            while engine
                .pull("changes", PULL_TIMEOUT)
                .await
                .expect("a page of changes")
            {}
        } else {
            engine.catch_up().await.expect("the catch-up");
        }
    });
    let took = started.elapsed();
    let client_cpu = cpu_of("self").saturating_sub(cpu_before.0);
    let server_cpu = cpu_of(&server_pid).saturating_sub(cpu_before.1);
    let peak = memory_kb("VmHWM");
    drop(engine);
    let _ = runtime.block_on(drain);
    check_mirror(&mirror, messages);
    println!(
        "catch-up of {messages} messages ({} changes){}: {:.2?}, {:.0} messages/s",
        2 * messages,
        if page_by_page { ", page by page" } else { "" },
        took,
        messages as f64 / took.as_secs_f64()
    );
    let local = root.join("import").join("local.db");
    let (imported, import_cpu) = import_locally(&mirror, &local, businesses, messages);
    println!(
        "local import of the same {messages} messages: {:.2?}; the catch-up took {:.2}x as long",
        imported,
        took.as_secs_f64() / imported.as_secs_f64()
    );
    let split = runtime.block_on(time_split(
        &server.url,
        &tokens.user,
        &root.join("split").join("mirror.db"),
    ));
    println!(
        "CPU time of the catch-up: the client {:.2?}, the server {:.2?}, together {:.2}x the import's",
        client_cpu,
        server_cpu,
        (client_cpu + server_cpu).as_secs_f64() / import_cpu.as_secs_f64()
    );
    split.print(imported, import_cpu);
    println!(
        "client memory: {} MiB before (resident), peak {} MiB (VmHWM), {} MiB more at the peak",
        mib(baseline),
        mib(peak),
        mib(peak.saturating_sub(baseline))
    );

    // New messages through the live stream.
    let times = runtime.block_on(latency(config, &server.url, &tokens.business, samples));
    let median = times[times.len() / 2];
    let worst = *times.last().expect("some samples");
    println!(
        "a new message in the inbox's store after the server answered the send: median {}, worst {} ({} samples)",
        ms(median),
        ms(worst),
        times.len()
    );
    drop(server);

    for &n in dealings {
        let (first, empty) = runtime.block_on(empty_page(&root.join(format!("empty-{n}")), n));
        println!("an empty page at {n} businesses: {empty} bytes (the first sync: {first} bytes)");
    }
}

/// Imports the messages the mirror at `mirror` holds into an empty store at `path` (with the
/// same user, businesses and templates, made as the preparation makes them), in transactions
/// of `IMPORT_BATCH`; returns the time the transactions took, and the CPU time they used.
fn import_locally(
    mirror: &Path,
    path: &Path,
    businesses: usize,
    messages: usize,
) -> (Duration, Duration) {
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("the import's directory");
    let policy = PolicyConfig::default();
    let mut store = Store::open(path).expect("the local store");
    let batch = store
        .write(|tx| {
            let user = tx.add_user("alice", &policy.new_user_prefs())?;
            for n in 0..businesses {
                let new = NewBusiness {
                    name: &format!("Business {n}"),
                    verified: true,
                    kind: BusinessKind::Shop,
                    budget: 0,
                };
                let business = tx.add_business(&new, parley::model::Timestamp(0))?;
                for (name, category, body) in [
                    ("update", Category::Utility, "Order {{1}} shipped"),
                    ("offer", Category::Marketing, "This week: {{1}}"),
                ] {
                    let t = NewTemplate {
                        business,
                        name,
                        category,
                        body,
                        allow_recategorise: false,
                    };
                    tx.submit_template(&t, &policy, parley::model::Timestamp(0))?;
                }
            }
            Ok(incoming(mirror, user))
        })
        .expect("the local store's parties");
    assert_eq!(
        batch.len(),
        messages,
        "every message of the mirror is imported"
    );
    let started = Instant::now();
    let cpu = thread_cpu();
    for part in batch.chunks(IMPORT_BATCH) {
        store
            .write(|tx| tx.import_messages(part))
            .expect("an import");
    }
    (started.elapsed(), thread_cpu().saturating_sub(cpu))
}

/// Every message the mirror holds, as an import for `user` takes them, in id order.
fn incoming(mirror: &Path, user: parley::model::UserId) -> Vec<IncomingMessage> {
    let store = Store::open(mirror).expect("the mirror");
    let db = store.db();
    let me = db.me().expect("me").expect("a user");
    let chats = db
        .chats(me, ChatFilter::All, ChatOrder::Recent, 0, usize::MAX / 2)
        .expect("the chats");
    let mut messages = Vec::new();
    for chat in chats {
        let Counterpart::Business(business) = chat.counterpart else {
            continue;
        };
        for m in db.last_messages(chat.id, usize::MAX / 2).expect("messages") {
            messages.push((m.id, business, m));
        }
    }
    for held in db.held(me).expect("held") {
        messages.push((held.message.id, held.business, held.message));
    }
    messages.sort_by_key(|(id, _, _)| *id);
    messages.dedup_by_key(|(id, _, _)| *id);
    messages
        .into_iter()
        .map(|(_, business, m)| IncomingMessage {
            user,
            counterpart: Counterpart::Business(business),
            category: m.category,
            template: m.template,
            body: m.body,
            sent_at: m.sent_at,
            decision: m.decision,
        })
        .collect()
}

/// The catch-up's parts, each measured alone, one after the other, on the same pages.
struct Split {
    pages: usize,
    bytes: usize,
    /// Asking for every page and receiving its body: the server's reading and writing JSON.
    fetch: Duration,
    /// Decoding the bodies into pages of changes.
    decode: Duration,
    /// Storing the pages into an empty mirror, in batches as the catch-up makes them.
    store: Duration,
    /// The CPU time storing them used.
    store_cpu: Duration,
}

impl Split {
    fn print(&self, imported: Duration, import_cpu: Duration) {
        let ratio = |d: Duration| d.as_secs_f64() / imported.as_secs_f64();
        println!(
            "CPU time of the store: the import {:.2?}, storing the pages {:.2?} ({:.2}x)",
            import_cpu,
            self.store_cpu,
            self.store_cpu.as_secs_f64() / import_cpu.as_secs_f64()
        );
        println!(
            "the catch-up's parts alone ({} pages, {:.1} MB): fetching {:.2?} ({:.2}x the import), \
             decoding {:.2?} ({:.2}x), storing {:.2?} ({:.2}x)",
            self.pages,
            self.bytes as f64 / 1e6,
            self.fetch,
            ratio(self.fetch),
            self.decode,
            ratio(self.decode),
            self.store,
            ratio(self.store),
        );
    }
}

/// Times the catch-up's parts one at a time: every page fetched as the catch-up asks for it
/// (pages of 5 000, decisions paired), the bodies decoded, then the pages stored into a new
/// mirror at `mirror`, four to a transaction, with the log copied into the file at the end.
async fn time_split(url: &str, token: &str, mirror: &Path) -> Split {
    let api = Api::new(url, token).expect("an api");
    let mut cursor = Cursor::default();
    let mut bodies = Vec::new();
    let started = Instant::now();
    loop {
        let body = changes_body(
            &api,
            cursor,
            &[("limit", "5000"), ("pair_decisions", "true")],
        )
        .await;
        let page: parley::protocol::Changes =
            serde_json::from_slice(&body).expect("a page of changes");
        bodies.push(body);
        cursor = page.cursor;
        if !page.more {
            break;
        }
    }
    // The loop above decoded each page to find the next cursor: that is timed below, apart.
    let fetch_and_decode = started.elapsed();
    let started = Instant::now();
    let pages: Vec<parley::protocol::Changes> = bodies
        .iter()
        .map(|b| serde_json::from_slice(b).expect("a page of changes"))
        .collect();
    let decode = started.elapsed();
    std::fs::create_dir_all(mirror.parent().expect("a parent")).expect("the mirror's directory");
    let mut store = Store::open(mirror).expect("the mirror");
    parley::sync::prepare_mirror(&mut store).expect("ready");
    let started = Instant::now();
    let cpu = thread_cpu();
    store.set_auto_checkpoint(0).expect("no checkpoints");
    for batch in pages.chunks(PAGES_PER_WRITE) {
        parley::sync::mirror::apply_pages(&mut store, batch).expect("stored");
    }
    store.checkpoint().expect("a checkpoint");
    let store_took = started.elapsed();
    let store_cpu = thread_cpu().saturating_sub(cpu);
    Split {
        pages: bodies.len(),
        bytes: bodies.iter().map(|b| b.len()).sum(),
        fetch: fetch_and_decode.saturating_sub(decode),
        decode,
        store: store_took,
        store_cpu,
    }
}

/// A server where `businesses` businesses each sent the user one message: the bytes of the
/// first sync (every page), and of the page after it, which has nothing new.
async fn empty_page(dir: &Path, businesses: usize) -> (usize, usize) {
    std::fs::create_dir_all(dir).expect("the server's directory");
    let tokens = run_prepare(dir, businesses, businesses);
    let server = TestServer::start(dir, &["--rate-limit", "0"]);
    let api = Api::new(&server.url, &tokens.user).expect("an api");
    let mut cursor = Cursor::default();
    let mut first = 0;
    loop {
        let (bytes, page) = page_bytes(&api, cursor).await;
        first += bytes;
        cursor = page.cursor;
        if !page.more {
            break;
        }
    }
    let (empty, page) = page_bytes(&api, cursor).await;
    assert!(
        page.is_empty(),
        "nothing new after the first sync: {page:?}"
    );
    (first, empty)
}

/// One page of changes after `cursor` (the client's page size), and the bytes of its body.
async fn page_bytes(api: &Api, cursor: Cursor) -> (usize, parley::protocol::Changes) {
    let body = changes_body(api, cursor, &[("limit", "1000")]).await;
    let page = serde_json::from_slice(&body).expect("a page of changes");
    (body.len(), page)
}

/// The body of `GET /v1/me/changes` after `cursor`, with `extra` parameters.
async fn changes_body(
    api: &Api,
    cursor: Cursor,
    extra: &[(&str, &str)],
) -> impl std::ops::Deref<Target = [u8]> + use<> {
    let mut query = vec![
        ("change", cursor.change.to_string()),
        ("id", cursor.id.to_string()),
    ];
    query.extend(extra.iter().map(|&(name, value)| (name, value.to_string())));
    api.request(reqwest::Method::GET, "me/changes", &query)
        .send()
        .await
        .expect("an answer")
        .bytes()
        .await
        .expect("a body")
}

fn size(name: &str) -> usize {
    number(&format!("{PREPARE_ENV}_{name}")).expect("the preparing child's sizes")
}

fn number(var: &str) -> Option<usize> {
    std::env::var(var).ok().and_then(|v| v.parse().ok())
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn mib(kb: u64) -> String {
    format!("{:.1}", kb as f64 / 1024.0)
}

/// The tokens the child printed.
struct Tokens {
    user: String,
    business: String,
}

/// Runs this binary again to write the server's store, and reads the tokens it printed.
fn run_prepare(dir: &Path, messages: usize, businesses: usize) -> Tokens {
    let out = Command::new(std::env::current_exe().expect("this binary"))
        .env(PREPARE_ENV, dir)
        .env(format!("{PREPARE_ENV}_MESSAGES"), messages.to_string())
        .env(format!("{PREPARE_ENV}_BUSINESSES"), businesses.to_string())
        .stderr(Stdio::inherit())
        .output()
        .expect("the preparing child runs");
    assert!(out.status.success(), "the preparation failed");
    let text = String::from_utf8_lossy(&out.stdout);
    let token = |label: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(label))
            .unwrap_or_else(|| panic!("no {label} in {text:?}"))
            .trim()
            .to_string()
    };
    Tokens {
        user: token("user "),
        business: token("business "),
    }
}

/// The child's work: the accounts, the templates and the decided messages, straight into the
/// server's store. Prints the user's token and the first business's.
fn prepare(dir: &Path, messages: usize, businesses: usize) {
    let mut store = Store::open(&paths::database_file(dir)).expect("the server's store");
    let policy = PolicyConfig::default();
    let pricing = Pricing::default();
    let (user, user_token) = add_user(&mut store, "alice", &policy).expect("the user");
    let now = parley::wall_clock::now();
    let first = now - parley::model::Span(EVERY_SECONDS * messages as i64 + 60);
    let new = NewBusiness {
        name: "Business 0",
        verified: true,
        kind: BusinessKind::Shop,
        budget: 0,
    };
    let (b0, business_token) = add_business(&mut store, &new, first).expect("a business");
    let templates = store
        .write(|tx| {
            let mut ids = Vec::with_capacity(businesses);
            for n in 0..businesses {
                let business = match n {
                    0 => b0,
                    n => tx.add_business(
                        &NewBusiness {
                            name: &format!("Business {n}"),
                            ..new
                        },
                        first,
                    )?,
                };
                let template = |name, category, body| {
                    let t = NewTemplate {
                        business,
                        name,
                        category,
                        body,
                        allow_recategorise: false,
                    };
                    tx.submit_template(&t, &policy, first).map(|(id, _)| id)
                };
                let update = template("update", Category::Utility, "Order {{1}} shipped")?;
                let offer = template("offer", Category::Marketing, "This week: {{1}}")?;
                ids.push((business, update, offer));
            }
            Ok(ids)
        })
        .expect("businesses and templates");
    let started = Instant::now();
    let mut outcomes = [0usize; 3];
    for batch in (0..messages).collect::<Vec<_>>().chunks(PREPARE_BATCH) {
        store
            .write(|tx| {
                for &i in batch {
                    let (business, update, offer) = templates[i % businesses];
                    let attempt = Attempt {
                        business,
                        user,
                        template: Some(if i % OFFER_EVERY == OFFER_EVERY - 1 {
                            offer
                        } else {
                            update
                        }),
                        params: vec![format!("P-{i}")],
                        text: None,
                        broadcast: None,
                        at: first + parley::model::Span(EVERY_SECONDS * i as i64),
                    };
                    let sent = tx.send(&attempt, &policy, &pricing)?;
                    outcomes[match sent.decision.outcome {
                        Outcome::Deliver => 0,
                        Outcome::Hold => 1,
                        Outcome::Reject => 2,
                    }] += 1;
                }
                Ok(())
            })
            .expect("a batch of messages");
    }
    eprintln!(
        "prepare: {messages} attempts decided in {:.1?}: {} delivered, {} held, {} rejected",
        started.elapsed(),
        outcomes[0],
        outcomes[1],
        outcomes[2]
    );
    assert_eq!(outcomes[2], 0, "every attempt leaves a message");
    println!("user {user_token}");
    println!("business {business_token}");
}

/// Checks that the mirror holds every message, as the inbox counts them.
fn check_mirror(path: &Path, messages: usize) {
    let store = Store::open(path).expect("the mirror");
    let me = store.db().me().expect("me").expect("a user");
    let counts = store.db().filter_counts(me).expect("counts");
    let held = messages / OFFER_EVERY;
    assert_eq!(
        (counts.unread_messages as usize, counts.held as usize),
        (messages - held, held),
        "every message reached the mirror: {counts:?}"
    );
}

/// The pid of this process's child running the program `name`, as `/proc` names it.
fn child_named(name: &str) -> String {
    let main_thread = std::process::id();
    let children = std::fs::read_to_string(format!("/proc/self/task/{main_thread}/children"))
        .expect("this process's children");
    children
        .split_whitespace()
        .find(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim() == name)
        })
        .unwrap_or_else(|| panic!("no child named {name}"))
        .to_string()
}

/// The CPU time (user and system, every thread) the process `pid` ("self" for this one) has
/// used so far, from `/proc/PID/stat`.
fn cpu_of(pid: &str) -> Duration {
    stat_cpu(&format!("/proc/{pid}/stat"))
}

/// The CPU time this thread has used so far (user and system), from `/proc/thread-self/stat`
/// in clock ticks of 10 ms: unlike the wall clock, it does not count the time the thread
/// waited for a core another process held.
fn thread_cpu() -> Duration {
    stat_cpu("/proc/thread-self/stat")
}

/// The user and system time in a `stat` file of `/proc`, in clock ticks of 10 ms.
fn stat_cpu(path: &str) -> Duration {
    let stat = std::fs::read_to_string(path).unwrap_or_else(|_| panic!("{path}"));
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .expect("a stat line")
        .1
        .split_whitespace()
        .collect();
    // After the command's closing parenthesis: utime and stime are the 12th and 13th fields.
    let ticks = |i: usize| fields[i].parse::<u64>().expect("a tick count");
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

/// Resets the peak resident set size to the current one and returns it, in kB.
fn reset_peak_memory() -> u64 {
    if std::fs::write("/proc/self/clear_refs", "5").is_err() {
        eprintln!("cannot reset VmHWM; the baseline is the peak so far");
        return memory_kb("VmHWM");
    }
    memory_kb("VmHWM")
}

/// A field of /proc/self/status, in kB.
fn memory_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("no {field} in /proc/self/status"))
}

/// Times `samples` new messages from the answer to their send to the inbox's store.
async fn latency(config: SyncConfig, url: &str, token: &str, samples: usize) -> Vec<Duration> {
    let mirror = config.store_path.clone();
    let (events, mut news) = mpsc::channel(64);
    let engine = Engine::new(config, events).expect("an engine");
    let wake = Arc::new(Notify::new());
    let running = tokio::spawn(engine.run(wake));
    // Each `Changed` is stamped as it arrives, whatever the sender is doing then.
    let (stamped_tx, mut stamped) = mpsc::unbounded_channel();
    let (ready_tx, ready) = tokio::sync::oneshot::channel::<()>();
    let mut ready_tx = Some(ready_tx);
    let stamper = tokio::spawn(async move {
        while let Some(event) = news.recv().await {
            match event {
                SyncEvent::Status(s) if s.starts_with("online") => {
                    if let Some(tx) = ready_tx.take() {
                        let _ = tx.send(());
                    }
                }
                SyncEvent::Changed => {
                    if stamped_tx.send(Instant::now()).is_err() {
                        return;
                    }
                }
                SyncEvent::Status(_) | SyncEvent::Stopped(_) => {}
            }
        }
    });
    tokio::time::timeout(Duration::from_secs(30), ready)
        .await
        .expect("the sync loop goes online")
        .expect("the sync loop runs");
    let business = BusinessClient::new(url, token).expect("a business client");
    let store = Store::open(&mirror).expect("the mirror");
    let mut times = Vec::with_capacity(samples);
    for i in 0..samples {
        while stamped.try_recv().is_ok() {}
        let request = SendRequest {
            to: "alice".into(),
            template: Some("update".into()),
            params: vec![format!("L-{i}")],
            text: None,
            key: None,
        };
        let sent = business.send(&request).await.expect("a send");
        let answered = Instant::now();
        let id = sent.message.expect("delivered");
        let arrived = loop {
            let at = tokio::time::timeout(Duration::from_secs(10), stamped.recv())
                .await
                .expect("the message within 10 s")
                .expect("the sync loop runs");
            if store.db().message(id).is_ok() {
                break at;
            }
        };
        times.push(arrived.saturating_duration_since(answered));
        tokio::time::sleep(Duration::from_millis(100 + (i as u64 * 37) % 100)).await;
    }
    running.abort();
    stamper.abort();
    times.sort_unstable();
    times
}

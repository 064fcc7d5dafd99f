//! The baselines the server is measured against: a minimal axum + rusqlite server that stores
//! each submission with one INSERT, committed per request or by a group-commit writer (one
//! thread fed by a channel, many requests per transaction). It takes the same route, JSON body
//! and token header as `parley serve`, answers the same shape, and opens its file as Parley
//! does (WAL, `synchronous = NORMAL`). It runs in a process of its own, like `parley serve`:
//! the bench binary started again with `--baseline per-request|group-commit DIR`.

use axum::extract::{Json, State};
use axum::routing::post;
use parley::model::{Category, Decision, MessageId, Reason};
use parley::protocol::{SendRequest, SendResponse};
use rusqlite::{Connection, TransactionBehavior, params};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// Requests committed together at most, as Parley's writer.
const MAX_BATCH: usize = 256;

/// How a baseline commits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commit {
    /// One transaction per request, behind a FIFO lock.
    PerRequest,
    /// One writer thread commits whatever is waiting in one transaction.
    Group,
}

impl Commit {
    /// Its name on the command line and in the report.
    pub fn name(self) -> &'static str {
        match self {
            Commit::PerRequest => "per-request",
            Commit::Group => "group-commit",
        }
    }

    fn named(name: &str) -> Option<Commit> {
        [Commit::PerRequest, Commit::Group]
            .into_iter()
            .find(|c| c.name() == name)
    }
}

/// A running baseline server, killed when dropped.
pub struct Baseline {
    child: Child,
    _stdout: BufReader<ChildStdout>,
    pub url: String,
}

impl Baseline {
    /// Starts the bench binary as a baseline server with its file in `dir`.
    pub fn start(commit: Commit, dir: &Path) -> Baseline {
        let exe = std::env::current_exe().expect("the bench binary's path");
        let mut child = Command::new(exe)
            .args(["--baseline", commit.name()])
            .arg(dir)
            .stdout(Stdio::piped())
            .spawn()
            .expect("the baseline server starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let mut line = String::new();
        stdout
            .read_line(&mut line)
            .expect("the baseline prints its address");
        Baseline {
            child,
            _stdout: stdout,
            url: line.trim().to_string(),
        }
    }
}

impl Drop for Baseline {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// When the binary was started as a baseline server (`--baseline KIND DIR`), serves until
/// killed; otherwise returns.
pub fn serve_if_asked() {
    let args: Vec<String> = std::env::args().collect();
    let Some(at) = args.iter().position(|a| a == "--baseline") else {
        return;
    };
    let commit = args.get(at + 1).and_then(|n| Commit::named(n));
    let (Some(commit), Some(dir)) = (commit, args.get(at + 2)) else {
        panic!("--baseline takes per-request or group-commit, then a directory");
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(serve(commit, Path::new(dir)));
    std::process::exit(0);
}

/// Where submissions go.
enum Writer {
    PerRequest(Arc<tokio::sync::Mutex<Connection>>),
    Group(mpsc::Sender<(SendRequest, oneshot::Sender<i64>)>),
}

async fn serve(commit: Commit, dir: &Path) {
    let conn = open(dir);
    let writer = match commit {
        Commit::PerRequest => Writer::PerRequest(Arc::new(tokio::sync::Mutex::new(conn))),
        Commit::Group => {
            let (jobs, queue) = mpsc::channel(1024);
            std::thread::spawn(move || group_writer(conn, queue));
            Writer::Group(jobs)
        }
    };
    let app = axum::Router::new()
        .route("/v1/business/messages", post(submit))
        .with_state(Arc::new(writer));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    println!("http://{}", listener.local_addr().expect("an address"));
    axum::serve(listener, app)
        .await
        .expect("the baseline serves");
}

fn open(dir: &Path) -> Connection {
    let conn = Connection::open(dir.join("baseline.db")).expect("the baseline's file");
    conn.pragma_update(None, "journal_mode", "WAL")
        .expect("WAL");
    conn.pragma_update(None, "synchronous", "NORMAL")
        .expect("synchronous");
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY, recipient TEXT NOT NULL,
            template TEXT, body TEXT NOT NULL)",
    )
    .expect("the baseline's table");
    conn
}

fn insert(conn: &Connection, r: &SendRequest) -> rusqlite::Result<i64> {
    conn.prepare_cached("INSERT INTO messages (recipient, template, body) VALUES (?1, ?2, ?3)")?
        .execute(params![r.to, r.template, r.params.join(" ")])?;
    Ok(conn.last_insert_rowid())
}

async fn submit(
    State(writer): State<Arc<Writer>>,
    Json(r): Json<SendRequest>,
) -> Json<SendResponse> {
    let id = match &*writer {
        Writer::PerRequest(conn) => {
            let mut conn = Arc::clone(conn).lock_owned().await;
            tokio::task::spawn_blocking(move || {
                let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let id = insert(&tx, &r)?;
                tx.commit()?;
                Ok::<_, rusqlite::Error>(id)
            })
            .await
            .expect("a store task")
            .expect("an insert")
        }
        Writer::Group(jobs) => {
            let (reply, answer) = oneshot::channel();
            jobs.send((r, reply)).await.expect("the writer runs");
            answer.await.expect("an insert")
        }
    };
    Json(SendResponse {
        decision: Decision::deliver(Reason::UtilityUpdate, "Delivered."),
        category: Category::Utility,
        message: Some(MessageId(id)),
    })
}

/// Takes the first request waiting and every one behind it (up to a batch), inserts them in
/// one transaction, commits, then answers each.
fn group_writer(
    mut conn: Connection,
    mut queue: mpsc::Receiver<(SendRequest, oneshot::Sender<i64>)>,
) {
    while let Some(first) = queue.blocking_recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .expect("a transaction");
        let ids: Vec<i64> = batch
            .iter()
            .map(|(r, _)| insert(&tx, r).expect("an insert"))
            .collect();
        tx.commit().expect("a commit");
        for ((_, reply), id) in batch.into_iter().zip(ids) {
            let _ = reply.send(id);
        }
    }
}

//! The baseline Parley on PostgreSQL is measured against: a minimal axum server that stores
//! each submission with one INSERT through `tokio-postgres`, on a `deadpool-postgres` pool as
//! large as a `parley serve`'s (8 connections), each statement its own transaction. It takes
//! the same route, JSON body and token header as `parley serve` and answers the same shape.
//! It runs in a process of its own, like `parley serve`: the bench binary started again with
//! `--pg-baseline URL`.

use axum::extract::{Json, State};
use axum::routing::post;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use parley::model::{Category, Decision, MessageId, Reason};
use parley::protocol::{SendRequest, SendResponse};
use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdout, Command, Stdio};
use tokio_postgres::NoTls;

/// Connections in the pool: as many as `parley serve` keeps (4 readers and 4 writers).
const POOL: usize = 8;

/// A running baseline server, killed when dropped.
pub struct PgBaseline {
    child: Child,
    _stdout: BufReader<ChildStdout>,
    pub url: String,
}

impl PgBaseline {
    /// Starts the bench binary as a baseline server on the database at `database`.
    pub fn start(database: &str) -> PgBaseline {
        let exe = std::env::current_exe().expect("the bench binary's path");
        let mut child = Command::new(exe)
            .args(["--pg-baseline", database])
            .stdout(Stdio::piped())
            .spawn()
            .expect("the baseline server starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let mut line = String::new();
        stdout
            .read_line(&mut line)
            .expect("the baseline prints its address");
        PgBaseline {
            child,
            _stdout: stdout,
            url: line.trim().to_string(),
        }
    }
}

impl Drop for PgBaseline {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// When the binary was started as a baseline server (`--pg-baseline URL`), serves until
/// killed; otherwise returns.
pub fn serve_if_asked() {
    let args: Vec<String> = std::env::args().collect();
    let Some(at) = args.iter().position(|a| a == "--pg-baseline") else {
        return;
    };
    let Some(database) = args.get(at + 1) else {
        panic!("--pg-baseline takes the address of a PostgreSQL database");
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(serve(database));
    std::process::exit(0);
}

async fn serve(database: &str) {
    let pool = pool(database);
    pool.get()
        .await
        .expect("a connection to the baseline's database")
        .batch_execute(
            "CREATE TABLE IF NOT EXISTS messages (id BIGSERIAL PRIMARY KEY,
                recipient TEXT NOT NULL, template TEXT, body TEXT NOT NULL)",
        )
        .await
        .expect("the baseline's table");
    let app = axum::Router::new()
        .route("/v1/business/messages", post(submit))
        .with_state(pool);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    println!("http://{}", listener.local_addr().expect("an address"));
    axum::serve(listener, app)
        .await
        .expect("the baseline serves");
}

fn pool(database: &str) -> Pool {
    let config: tokio_postgres::Config = database.parse().expect("a PostgreSQL address");
    let manager = Manager::from_config(
        config,
        NoTls,
        ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        },
    );
    Pool::builder(manager)
        .max_size(POOL)
        .build()
        .expect("a pool of connections")
}

async fn submit(State(pool): State<Pool>, Json(r): Json<SendRequest>) -> Json<SendResponse> {
    let client = pool.get().await.expect("a connection");
    let insert = client
        .prepare_cached(
            "INSERT INTO messages (recipient, template, body) VALUES ($1, $2, $3) RETURNING id",
        )
        .await
        .expect("the INSERT is prepared");
    let row = client
        .query_one(&insert, &[&r.to, &r.template, &r.params.join(" ")])
        .await
        .expect("an insert");
    Json(SendResponse {
        decision: Decision::deliver(Reason::UtilityUpdate, "Delivered."),
        category: Category::Utility,
        message: Some(MessageId(row.get(0))),
    })
}

//! How a server runs: its address, its directory, and its limits.

use super::db::Place;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Largest request body accepted, in bytes.
pub const DEFAULT_BODY_LIMIT: usize = 64 * 1024;

/// Requests a token may make: a steady rate and a burst above it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateLimit {
    /// Requests per second; 0 turns the limit off.
    pub per_second: f64,
    pub burst: u32,
}

/// Everything `parley serve` can be told.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub addr: SocketAddr,
    /// Where the server's log lives, and its own store (`parley.db`) unless `database`.
    pub data_dir: PathBuf,
    /// The PostgreSQL database to keep the store in instead of SQLite in `data_dir`.
    pub database: Option<String>,
    /// How often the platform reviews every business and releases messages after quiet hours.
    pub review_every: Duration,
    pub rate: RateLimit,
    pub body_limit: usize,
    /// Longest a request may take, the long poll aside.
    pub request_timeout: Duration,
    /// Longest a long poll waits for a change.
    pub long_poll: Duration,
    /// Read connections to the store beside the one writer.
    pub readers: usize,
    /// How long a broadcast sent in parts may sit without a part before the server settles it
    /// (charged for what was delivered, the rest returned).
    pub broadcast_idle: Duration,
    /// How long an applied action's idempotency key is kept; the periodic review forgets
    /// older ones, and a replay with a forgotten key is applied as a new action.
    pub key_retention: Duration,
    /// Longest a client may take to send a request's headers before it is disconnected (an
    /// idle kept-alive connection waiting for its next request included).
    pub header_timeout: Duration,
    /// For tests only: `POST /v1/test/clock` may move the server's clock on.
    pub movable_clock: bool,
}

impl ServerConfig {
    /// The defaults, at `addr` with its store in `data_dir`.
    pub fn new(addr: SocketAddr, data_dir: PathBuf) -> ServerConfig {
        ServerConfig {
            addr,
            data_dir,
            database: None,
            review_every: Duration::from_secs(3600),
            rate: RateLimit {
                per_second: 20.0,
                burst: 40,
            },
            body_limit: DEFAULT_BODY_LIMIT,
            request_timeout: Duration::from_secs(15),
            long_poll: Duration::from_secs(25),
            readers: 4,
            broadcast_idle: Duration::from_secs(60),
            key_retention: Duration::from_secs(7 * 86_400),
            header_timeout: Duration::from_secs(10),
            movable_clock: false,
        }
    }

    /// Where the store is: the PostgreSQL database when one is given, else `data_dir`.
    pub fn place(&self) -> Place {
        Place::chosen(&self.data_dir, self.database.as_deref())
    }
}

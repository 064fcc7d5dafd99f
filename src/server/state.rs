//! What every request shares: the store (through [`Backend`]), the rules and prices, and the
//! in-memory caches (long-poll signals, rate buckets).

use super::clock::ServerClock;
use super::config::ServerConfig;
use super::db::{Backend, DbResult, ServerDb};
use super::hub::Hub;
use super::limit::RateLimiter;
use crate::policy::{PolicyConfig, Pricing};
use std::sync::{Arc, OnceLock};

/// The state behind every route.
pub struct AppState {
    pub db: Backend,
    pub policy: PolicyConfig,
    pub pricing: Pricing,
    pub hub: Hub,
    pub limiter: RateLimiter,
    pub config: ServerConfig,
    /// The server's time (movable only when started for tests with `--movable-clock`).
    pub clock: ServerClock,
    /// The OpenAPI document, as served.
    pub openapi: OnceLock<String>,
}

/// The state as handlers receive it.
pub type Shared = Arc<AppState>;

impl AppState {
    /// Opens the server's store: in its data directory, or in its PostgreSQL database.
    pub fn open(
        config: ServerConfig,
        policy: PolicyConfig,
        pricing: Pricing,
    ) -> DbResult<AppState> {
        Ok(AppState {
            db: Backend::open(&config.place(), config.readers)?,
            limiter: RateLimiter::new(config.rate),
            hub: Hub::default(),
            openapi: OnceLock::new(),
            clock: match config.movable_clock {
                true => ServerClock::movable(),
                false => ServerClock::real(),
            },
            policy,
            pricing,
            config,
        })
    }
}

//! What every request shares: the store (one writer and a few readers, SQLite in WAL mode),
//! the rules and prices, and the in-memory caches (long-poll signals, rate buckets).

use super::config::ServerConfig;
use super::error::{ApiFailure, ApiResult};
use super::hub::Hub;
use super::limit::RateLimiter;
use crate::model::Timestamp;
use crate::policy::{PolicyConfig, Pricing};
use crate::store::{self, Db, Store, Tx, paths};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// The state behind every route.
pub struct AppState {
    pub stores: Stores,
    pub policy: PolicyConfig,
    pub pricing: Pricing,
    pub hub: Hub,
    pub limiter: RateLimiter,
    pub config: ServerConfig,
    /// The OpenAPI document, as served.
    pub openapi: OnceLock<String>,
}

/// The state as handlers receive it.
pub type Shared = Arc<AppState>;

impl AppState {
    /// Opens the server's store in its data directory.
    pub fn open(
        config: ServerConfig,
        policy: PolicyConfig,
        pricing: Pricing,
    ) -> store::Result<AppState> {
        Ok(AppState {
            stores: Stores::open(&config)?,
            limiter: RateLimiter::new(config.rate),
            hub: Hub::default(),
            openapi: OnceLock::new(),
            policy,
            pricing,
            config,
        })
    }
}

/// One connection that writes, a few that read, and one that checkpoints, each used on a
/// blocking thread.
pub struct Stores {
    /// Fair (first come, first served), so that no writer waits behind a stream of others.
    writer: Arc<tokio::sync::Mutex<Store>>,
    readers: Vec<Arc<Mutex<Store>>>,
    next: AtomicUsize,
    /// Copies the WAL into the database in the background, so no commit waits for it.
    checkpointer: Arc<Mutex<Store>>,
}

impl Stores {
    /// Opens (creating when needed) `parley.db` in the configured directory, and settles the
    /// broadcasts a previous run left unfinished.
    pub fn open(config: &ServerConfig) -> store::Result<Stores> {
        std::fs::create_dir_all(&config.data_dir).map_err(|e| store::StoreError::CannotOpen {
            path: config.data_dir.clone(),
            detail: e.to_string(),
        })?;
        let path = paths::database_file(&config.data_dir);
        let mut writer = Store::open(&path)?;
        writer.set_auto_checkpoint(0)?;
        let before_start = Timestamp(i64::MAX);
        writer.write(|tx| super::console::settle_idle(tx, None, before_start))?;
        let open = || Store::open(&path).map(|s| Arc::new(Mutex::new(s)));
        Ok(Stores {
            writer: Arc::new(tokio::sync::Mutex::new(writer)),
            readers: (0..config.readers.max(1))
                .map(|_| open())
                .collect::<store::Result<_>>()?,
            next: AtomicUsize::new(0),
            checkpointer: open()?,
        })
    }

    /// Checkpoints the WAL every `every`, for as long as the server runs.
    pub async fn run_checkpoints(&self, every: std::time::Duration) {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let checkpointer = Arc::clone(&self.checkpointer);
            if let Err(e) = on_connection(checkpointer, |store| store.checkpoint()).await {
                tracing::warn!("checkpoint failed: {}", e.body.message);
            }
        }
    }

    /// Runs `f` on a consistent snapshot, on a read connection.
    pub async fn read<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(Db) -> store::Result<T> + Send + 'static,
    {
        let n = self.next.fetch_add(1, Ordering::Relaxed) % self.readers.len();
        let reader = Arc::clone(&self.readers[n]);
        on_connection(reader, |store| store.snapshot(f)).await
    }

    /// Runs `f` in one write transaction.
    pub async fn write<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Tx) -> store::Result<T> + Send + 'static,
    {
        self.with_writer(|store| store.write(f)).await
    }

    /// Runs `f` with the writing connection, for work of several transactions or a dry run.
    pub async fn with_writer<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> store::Result<T> + Send + 'static,
    {
        let mut store = Arc::clone(&self.writer).lock_owned().await;
        let joined = tokio::task::spawn_blocking(move || f(&mut store)).await;
        finish(joined)
    }
}

async fn on_connection<T, F>(store: Arc<Mutex<Store>>, f: F) -> ApiResult<T>
where
    T: Send + 'static,
    F: FnOnce(&mut Store) -> store::Result<T> + Send + 'static,
{
    let joined = tokio::task::spawn_blocking(move || {
        let mut store = store.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut store)
    })
    .await;
    finish(joined)
}

fn finish<T>(joined: Result<store::Result<T>, tokio::task::JoinError>) -> ApiResult<T> {
    match joined {
        Ok(result) => result.map_err(ApiFailure::from),
        Err(e) => Err(ApiFailure::internal(format!("a store task failed: {e}"))),
    }
}

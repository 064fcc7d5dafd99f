//! The sync loop: send the outbox in order, pull what changed after the cursor, then wait on
//! the server's stream (or for the user's next action) and start again. Network trouble means
//! "offline": the inbox keeps working on the local store and the loop retries with backoff.

use super::backoff::Backoff;
use super::http::{Api, HttpError};
use crate::model::Timestamp;
use crate::protocol::{ActionBatch, ActionResults, Changes, KeyedAction, WireAction};
use crate::store::{Store, StoreError};
use reqwest::Method;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{Notify, mpsc};

/// Most actions sent in one request.
const ACTIONS_PER_REQUEST: usize = 100;
/// Most changes asked for in one pull.
const CHANGES_PER_PULL: usize = 1_000;
/// How long a pull may take; the stream's long poll gets more than the server waits.
const REQUEST_TIMEOUT: Duration = super::http::REQUEST_TIMEOUT;
const STREAM_TIMEOUT: Duration = Duration::from_secs(40);

/// Where to sync and how.
#[derive(Debug, Clone)]
pub struct SyncConfig {
    /// The server's base URL, e.g. `http://127.0.0.1:8787`.
    pub server: String,
    pub token: String,
    /// The local copy of this server's data.
    pub store_path: PathBuf,
}

/// What the loop tells the inbox.
#[derive(Debug, Clone, PartialEq)]
pub enum SyncEvent {
    /// The connection state, in words for the status bar.
    Status(String),
    /// The local store changed: reload what is on screen.
    Changed,
}

/// A sync failure: the network or the server's answer, or the local store.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Http(#[from] HttpError),
    #[error("the server's changes were not understood: {0}")]
    Malformed(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the local store's worker stopped: {0}")]
    Worker(String),
}

impl SyncError {
    /// Whether trying again later can help (a refused token will not get better by itself).
    pub fn retryable(&self) -> bool {
        match self {
            SyncError::Http(e) => e.is_transient(),
            SyncError::Malformed(_) | SyncError::Store(_) | SyncError::Worker(_) => true,
        }
    }
}

/// The running loop's handle on the network and the local store.
pub struct Engine {
    api: Api,
    store: Arc<Mutex<Store>>,
    events: mpsc::Sender<SyncEvent>,
    last_sync: Option<Timestamp>,
}

impl Engine {
    /// Opens its own connection to the local store and builds the HTTP client.
    pub fn new(config: SyncConfig, events: mpsc::Sender<SyncEvent>) -> Result<Engine, SyncError> {
        let api = Api::new(&config.server, &config.token)?;
        let store = Store::open(&config.store_path)?;
        Ok(Engine {
            api,
            store: Arc::new(Mutex::new(store)),
            events,
            last_sync: None,
        })
    }

    /// Runs until the inbox goes away; `wake` is notified when the user queues an action.
    pub async fn run(mut self, wake: Arc<Notify>) {
        let mut backoff = Backoff::new(Duration::from_millis(500), Duration::from_secs(30));
        loop {
            match self.cycle(&wake).await {
                Ok(()) => backoff.reset(),
                Err(e) => {
                    let delay = backoff.next_delay();
                    let last = self
                        .last_sync
                        .map(|t| format!(" · last sync {}", t.clock()))
                        .unwrap_or_default();
                    let what = if e.retryable() { "offline" } else { "refused" };
                    tracing::warn!("sync: {e}");
                    if !self
                        .status(format!(
                            "{what} · retry in {}s{last}",
                            delay.as_secs().max(1)
                        ))
                        .await
                    {
                        return;
                    }
                    tokio::select! {
                        _ = tokio::time::sleep(delay) => {}
                        _ = wake.notified() => {}
                    }
                }
            }
            if self.events.is_closed() {
                return;
            }
        }
    }

    /// One round: push, pull until up to date, then wait on the stream for the next change.
    async fn cycle(&mut self, wake: &Notify) -> Result<(), SyncError> {
        self.push().await?;
        while self.pull("changes", REQUEST_TIMEOUT).await? {}
        let _ = self.status(self.online()).await;
        tokio::select! {
            pulled = self.pull("stream", STREAM_TIMEOUT) => { pulled?; }
            _ = wake.notified() => {}
        }
        Ok(())
    }

    fn online(&self) -> String {
        let last = self
            .last_sync
            .map(|t| format!(" · synced {}", t.clock()))
            .unwrap_or_default();
        format!("online{last}")
    }

    async fn status(&self, text: String) -> bool {
        self.events.send(SyncEvent::Status(text)).await.is_ok()
    }

    /// Sends the outbox in order, a request at a time, until it is empty.
    pub async fn push(&mut self) -> Result<(), SyncError> {
        loop {
            let queued = self
                .with_store(|s| s.db().outbox(ACTIONS_PER_REQUEST))
                .await?;
            if queued.is_empty() {
                return Ok(());
            }
            let _ = self.status("syncing…".to_string()).await;
            let actions = queued
                .iter()
                .map(|q| {
                    let action: WireAction = serde_json::from_str(&q.action)
                        .map_err(|e| SyncError::Malformed(e.to_string()))?;
                    Ok(KeyedAction {
                        key: q.key.clone(),
                        action,
                    })
                })
                .collect::<Result<Vec<_>, SyncError>>()?;
            let answer: ActionResults = self
                .api
                .post("me/actions", &ActionBatch { actions })
                .await?;
            let done: Vec<String> = answer.results.iter().map(|r| r.key.clone()).collect();
            for failed in answer.results.iter().filter(|r| !r.ok) {
                tracing::warn!(
                    "sync: the server did not apply {}: {:?}",
                    failed.key,
                    failed.error
                );
            }
            self.with_store(move |s| s.write(|tx| tx.outbox_done(&done)))
                .await?;
        }
    }

    /// Asks for the changes after the cursor (`route` is "changes", or "stream" to wait for
    /// them) and stores them. Returns whether more are waiting.
    pub async fn pull(&mut self, route: &str, timeout: Duration) -> Result<bool, SyncError> {
        let cursor = self.with_store(|s| s.db().sync_cursor()).await?;
        let query = [
            ("change", cursor.change.to_string()),
            ("id", cursor.id.to_string()),
            ("limit", CHANGES_PER_PULL.to_string()),
        ];
        let request = self
            .api
            .request(Method::GET, &format!("me/{route}"), &query)
            .timeout(timeout);
        let changes: Changes = self.api.send(request).await?;
        let more = changes.more;
        let news = !changes.messages.is_empty()
            || !changes.removed.is_empty()
            || !changes.decisions.is_empty();
        self.last_sync = Some(changes.now);
        self.with_store(move |s| apply_changes(s, &changes)).await?;
        if news {
            let _ = self.events.send(SyncEvent::Changed).await;
        }
        Ok(more)
    }

    async fn with_store<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store) -> crate::store::Result<T> + Send + 'static,
    ) -> Result<T, SyncError> {
        let store = Arc::clone(&self.store);
        let joined = tokio::task::spawn_blocking(move || {
            let mut guard = store
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut guard)
        })
        .await
        .map_err(|e| SyncError::Worker(e.to_string()))?;
        Ok(joined?)
    }
}

/// Stores one page of changes in one transaction, and moves the cursor past it.
pub fn apply_changes(store: &mut Store, changes: &Changes) -> crate::store::Result<()> {
    store.write(|tx| {
        let me = match tx.db().me()? {
            Some(me) => me,
            None => {
                let me = tx.add_user(
                    &changes.me,
                    &crate::policy::PolicyConfig::default().new_user_prefs(),
                )?;
                tx.set_meta("me", &me.0.to_string())?;
                me
            }
        };
        tx.set_meta("world", "server")?;
        tx.rename_user(me, &changes.me)?;
        tx.set_clock(changes.now)?;
        tx.set_prefs(me, &changes.prefs)?;
        for b in &changes.businesses {
            tx.mirror_business(me, b, changes.now)?;
        }
        tx.mirror_messages(me, &changes.messages)?;
        tx.mirror_decisions(me, &changes.decisions)?;
        tx.mirror_removed(&changes.removed)?;
        tx.set_sync_cursor(changes.cursor)
    })
}

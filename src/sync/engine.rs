//! The sync loop: send the outbox in order, pull what changed after the cursor, then wait on
//! the server's stream (or for the user's next action) and start again. Network trouble means
//! "offline": the inbox keeps working on the local store and the loop retries with backoff.

use super::backoff::Backoff;
use super::http::{Api, HttpError};
use super::{mirror, outbox};
use crate::model::Timestamp;
use crate::protocol::{ActionBatch, ActionResults, Changes, Cursor, Directory};
use crate::store::{Store, StoreError};
use reqwest::Method;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{Notify, mpsc};

/// Most actions sent in one request.
const ACTIONS_PER_REQUEST: usize = 100;
/// Most changes asked for in one pull (any server allows as many).
const CHANGES_PER_PULL: usize = 1_000;
/// Most changes asked for in one page of a catch-up; a server that allows fewer refuses the
/// request (422), and the catch-up asks for `CHANGES_PER_PULL` instead.
const CHANGES_PER_CATCH_UP_PAGE: usize = 5_000;
/// While catching up: most pages waiting to be stored, and most stored in one transaction.
const PAGES_PER_WRITE: usize = 4;
/// After how many pages of log the local store copies it into its file (SQLite's default).
const AUTO_CHECKPOINT_PAGES: u32 = 1_000;
/// How long a pull may take; the stream's long poll gets more than the server waits.
const REQUEST_TIMEOUT: Duration = super::http::REQUEST_TIMEOUT;
const STREAM_TIMEOUT: Duration = Duration::from_secs(40);
/// How often the directory of businesses is read again.
const DIRECTORY_EVERY: Duration = Duration::from_secs(10 * 60);
/// How old the directory may be when the inbox asks for news (the user opened
/// Subscriptions, or acted), and after a failed read.
const DIRECTORY_SOON: Duration = Duration::from_secs(60);
/// Businesses asked for in one page of the directory (the server's most).
const DIRECTORY_PAGE: usize = 200;
/// Most pages of the directory kept in the local copy: 10 000 businesses.
const DIRECTORY_PAGES: usize = 50;

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
    /// The loop stopped for good, for the reason given in a sentence for the user.
    Stopped(String),
}

/// What the inbox says when the server refuses its token; the loop stops there.
pub fn token_refused_sentence() -> String {
    tr!("sync-token-refused")
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
    /// Whether the server said the token is not valid (HTTP 401).
    pub fn token_refused(&self) -> bool {
        matches!(
            self,
            SyncError::Http(HttpError::Refused { status: 401, .. })
        )
    }

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
    /// When the directory was last read (or its read failed), on this computer's monotonic
    /// clock.
    directory_read: Option<Instant>,
    /// The inbox woke the loop since the last round.
    woken: bool,
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
            directory_read: None,
            woken: false,
        })
    }

    /// Runs until the inbox goes away; `wake` is notified when the user queues an action.
    pub async fn run(mut self, wake: Arc<Notify>) {
        let mut backoff = Backoff::new(Duration::from_millis(500), Duration::from_secs(30));
        loop {
            match self.cycle(&wake).await {
                Ok(()) => backoff.reset(),
                Err(e) if e.token_refused() => {
                    tracing::warn!("sync: {e}");
                    let _ = self.status(tr!("sync-status-token-refused")).await;
                    let _ = self
                        .events
                        .send(SyncEvent::Stopped(token_refused_sentence()))
                        .await;
                    return;
                }
                Err(e) => {
                    let delay = backoff.next_delay();
                    let last = self
                        .last_sync
                        .map(|t| format!(" · {}", tr!("sync-status-last-sync", at = t.clock())))
                        .unwrap_or_default();
                    let seconds = delay.as_secs().max(1);
                    let status = match e.retryable() {
                        true => tr!("sync-status-offline-retry", seconds = seconds, last = last),
                        false => tr!("sync-status-refused-retry", seconds = seconds, last = last),
                    };
                    tracing::warn!("sync: {e}");
                    if !self.status(status).await {
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
        self.catch_up().await?;
        let age = self.directory_read.map(|at| at.elapsed());
        if directory_due(age, std::mem::take(&mut self.woken)) {
            self.directory_read = Some(Instant::now());
            if let Err(e) = self.refresh_directory().await {
                tracing::warn!("sync: the directory of businesses was not read: {e}");
                self.directory_read = Instant::now().checked_sub(DIRECTORY_EVERY - DIRECTORY_SOON);
            }
        }
        let _ = self.status(self.online()).await;
        tokio::select! {
            pulled = self.pull("stream", STREAM_TIMEOUT) => { pulled?; }
            _ = wake.notified() => self.woken = true,
        }
        Ok(())
    }

    fn online(&self) -> String {
        let last = self
            .last_sync
            .map(|t| format!(" · {}", tr!("sync-status-synced", at = t.clock())))
            .unwrap_or_default();
        tr!("sync-status-online", last = last)
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
            let _ = self.status(tr!("sync-status-syncing")).await;
            let actions = queued
                .iter()
                .map(|q| outbox::keyed(q).map_err(|e| SyncError::Malformed(e.to_string())))
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

    /// Reads the server's directory of businesses, page after page, and stores it in the
    /// local copy, so the user can find a business and subscribe before it writes. Returns
    /// whether a business was new or changed (the inbox is then told to reload).
    pub async fn refresh_directory(&mut self) -> Result<bool, SyncError> {
        let mut listed = Vec::new();
        let mut after = 0;
        for _ in 0..DIRECTORY_PAGES {
            let query = [
                ("after", after.to_string()),
                ("limit", DIRECTORY_PAGE.to_string()),
            ];
            let page: Directory = self.api.get("directory", &query).await?;
            listed.extend(page.businesses);
            match page.next {
                Some(next) => after = next.0,
                None => break,
            }
        }
        let changed = self
            .with_store(move |s| mirror::apply_directory(s, &listed))
            .await?;
        if changed {
            let _ = self.events.send(SyncEvent::Changed).await;
        }
        Ok(changed)
    }

    /// Asks for the changes after the cursor (`route` is "changes", or "stream" to wait for
    /// them) and stores them. Returns whether more are waiting.
    pub async fn pull(&mut self, route: &str, timeout: Duration) -> Result<bool, SyncError> {
        let cursor = self.with_store(|s| mirror::cursor(s)).await?;
        let changes = fetch(&self.api, route, cursor, CHANGES_PER_PULL, timeout).await?;
        let more = changes.more;
        self.store_pages(vec![changes]).await?;
        Ok(more)
    }

    /// Pulls every change after the cursor, as repeated [`Engine::pull`]s would, but faster:
    /// the next page is asked for while the last ones are being stored, and the pages that
    /// arrived meanwhile (up to `PAGES_PER_WRITE`) are stored together in one transaction,
    /// so the server's work and the store's overlap, and the store commits and brings each
    /// chat up to date once per batch rather than once per page. The store's log is copied
    /// into its file once, at the end, rather than at the commits of the batches. A page that
    /// fails to arrive ends the catch-up after the pages before it are stored.
    pub async fn catch_up(&mut self) -> Result<(), SyncError> {
        self.with_store(|s| s.set_auto_checkpoint(0)).await?;
        let caught_up = self.store_all().await;
        self.with_store(|s| {
            s.set_auto_checkpoint(AUTO_CHECKPOINT_PAGES)?;
            s.checkpoint()
        })
        .await?;
        caught_up
    }

    /// Stores every page after the cursor, a batch of the waiting ones at a time.
    async fn store_all(&mut self) -> Result<(), SyncError> {
        let cursor = self.with_store(|s| mirror::cursor(s)).await?;
        let (pages_tx, mut pages) = mpsc::channel(PAGES_PER_WRITE);
        let _fetcher = AbortOnDrop(tokio::spawn(fetch_all(self.api.clone(), cursor, pages_tx)));
        while let Some(first) = pages.recv().await {
            let mut batch = vec![first?];
            let mut failed = None;
            while batch.len() < PAGES_PER_WRITE {
                match pages.try_recv() {
                    Ok(Ok(page)) => batch.push(page),
                    Ok(Err(e)) => {
                        failed = Some(e);
                        break;
                    }
                    Err(_) => break,
                }
            }
            self.store_pages(batch).await?;
            if let Some(e) = failed {
                return Err(e);
            }
        }
        Ok(())
    }

    /// Stores pages of changes in one transaction, and tells the inbox when they hold news:
    /// messages, decisions, removals, a business or relation or restriction that changed, and
    /// always the first pages since the start (they name the user and set the clock).
    async fn store_pages(&mut self, pages: Vec<Changes>) -> Result<(), SyncError> {
        let first = self.last_sync.is_none();
        let messages = pages.iter().any(Changes::touches_messages);
        self.last_sync = pages.last().map(|c| c.now).or(self.last_sync);
        let businesses = self
            .with_store(move |s| mirror::apply_pages(s, &pages))
            .await?;
        if first || messages || businesses {
            let _ = self.events.send(SyncEvent::Changed).await;
        }
        Ok(())
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

/// One page of the changes after `cursor`, from `me/changes` or (waiting for them) `me/stream`.
async fn fetch(
    api: &Api,
    route: &str,
    cursor: Cursor,
    limit: usize,
    timeout: Duration,
) -> Result<Changes, SyncError> {
    let query = [
        ("change", cursor.change.to_string()),
        ("id", cursor.id.to_string()),
        ("limit", limit.to_string()),
        ("pair_decisions", "true".to_string()),
    ];
    let request = api
        .request(Method::GET, &format!("me/{route}"), &query)
        .timeout(timeout);
    Ok(api.send(request).await?)
}

/// Fetches page after page from `cursor` into `pages` until the server has no more, a page
/// fails (its error is the last thing sent) or nobody takes them.
async fn fetch_all(api: Api, mut cursor: Cursor, pages: mpsc::Sender<Result<Changes, SyncError>>) {
    let mut limit = CHANGES_PER_CATCH_UP_PAGE;
    loop {
        let mut page = fetch(&api, "changes", cursor, limit, REQUEST_TIMEOUT).await;
        if limit > CHANGES_PER_PULL && refused_as_invalid(&page) {
            limit = CHANGES_PER_PULL;
            page = fetch(&api, "changes", cursor, limit, REQUEST_TIMEOUT).await;
        }
        let next = match &page {
            Ok(changes) if changes.more => Some(changes.cursor),
            _ => None,
        };
        if pages.send(page).await.is_err() {
            return;
        }
        match next {
            Some(next) => cursor = next,
            None => return,
        }
    }
}

/// Whether the server refused the request as not valid (HTTP 422), as a server that allows
/// smaller pages refuses a catch-up's page size.
fn refused_as_invalid(page: &Result<Changes, SyncError>) -> bool {
    matches!(
        page,
        Err(SyncError::Http(HttpError::Refused { status: 422, .. }))
    )
}

/// A task that stops when its handle goes away.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Whether to read the directory again, given how old the last read is (`None`: never read)
/// and whether the inbox asked for news since.
fn directory_due(age: Option<Duration>, woken: bool) -> bool {
    match age {
        None => true,
        Some(age) => age >= DIRECTORY_EVERY || (woken && age >= DIRECTORY_SOON),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_directory_is_read_at_start_every_ten_minutes_and_sooner_when_asked() {
        let minutes = |m: u64| Some(Duration::from_secs(m * 60));
        assert!(directory_due(None, false));
        assert!(!directory_due(minutes(5), false));
        assert!(directory_due(minutes(10), false));
        assert!(!directory_due(Some(Duration::from_secs(30)), true));
        assert!(directory_due(minutes(2), true));
    }
}

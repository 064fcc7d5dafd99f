//! `parley serve`: the sync server. axum over HTTP+JSON under `/v1`, its own SQLite store in
//! its data directory (or a PostgreSQL database several instances share), every business
//! message decided there by the same policy engine as the inbox's, with the real clock. State
//! lives in the store; memory holds only caches (long-poll signals and rate buckets), so
//! instances sharing a store are interchangeable.

mod accounts;
mod actions;
mod auth;
mod business;
mod changes;
pub mod cli;
mod clock;
mod config;
mod connections;
mod console;
mod conversations;
pub mod db;
mod error;
mod extract;
mod hub;
mod limit;
mod review;
mod review_desk;
mod routes;
mod state;

pub use accounts::{AccountKind, add_business, add_reviewer, add_user, reissue, revoke};
pub use config::{DEFAULT_BODY_LIMIT, RateLimit, ServerConfig};
pub use routes::openapi_document;

use crate::model::{Timestamp, UserId};
use crate::policy::{PolicyConfig, Pricing};
use db::{DbError, ServerDb};
use state::{AppState, Shared};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

/// What can stop a server from starting or running.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("cannot listen on {addr}: {source}; pick another --addr or stop what uses it")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
}

/// A server bound to its address, ready to run.
pub struct Server {
    listener: TcpListener,
    state: Shared,
}

impl Server {
    /// Opens the store, settles the broadcasts a previous run left unfinished (on a store no
    /// other server shares; on a shared one the leader settles idle ones), and binds the
    /// address (port 0 picks a free one).
    pub async fn bind(
        config: ServerConfig,
        policy: PolicyConfig,
        pricing: Pricing,
    ) -> Result<Server, ServerError> {
        let addr = config.addr;
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Bind { addr, source })?;
        let state = Arc::new(AppState::open(config, policy, pricing)?);
        if !state.db.is_shared() {
            let before_start = Timestamp(i64::MAX);
            (state.db)
                .write(move |tx| console::settle_idle(tx, None, before_start))
                .await?;
        }
        Ok(Server { listener, state })
    }

    /// The address it listens on.
    pub fn local_addr(&self) -> Result<SocketAddr, ServerError> {
        Ok(self.listener.local_addr()?)
    }

    /// Serves until `shutdown` completes; long polls end at once when it does.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServerError> {
        let state = self.state;
        let review = tokio::spawn(review::run(state.clone(), state.config.review_every));
        let checkpoints = tokio::spawn({
            let state = state.clone();
            async move { state.db.maintain().await }
        });
        let changes = tokio::spawn(wake_on_changes(state.clone()));
        let stopping = state.clone();
        let header_timeout = state.config.header_timeout;
        let app = routes::router(state);
        connections::serve(self.listener, app, header_timeout, async move {
            shutdown.await;
            stopping.hub.stop();
        })
        .await;
        review.abort();
        checkpoints.abort();
        changes.abort();
        Ok(())
    }
}

/// Wakes the long polls of the users whose streams any server sharing the store wrote to.
async fn wake_on_changes(state: Shared) {
    let hub = state.clone();
    let wake = move |user: Option<UserId>| match user {
        Some(user) => hub.hub.notify(user),
        None => hub.hub.notify_everyone(),
    };
    state.db.watch(wake).await
}

//! The platform's periodic review: every business's quality, templates, strikes and
//! restrictions, then the messages whose quiet hours have ended.

use super::db::ServerDb;
use super::error::ApiResult;
use super::state::Shared;
use crate::model::Span;
use std::time::Duration;

/// What one review changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReviewSummary {
    pub businesses: usize,
    pub changes: usize,
    pub released: usize,
    /// Broadcasts that sat unfinished and were settled.
    pub settled: usize,
    /// Idempotency keys older than the retention window, forgotten.
    pub keys_forgotten: usize,
}

/// Reviews every business, one transaction each, then releases what quiet hours held.
pub async fn review_once(state: &Shared) -> ApiResult<ReviewSummary> {
    let ids: Vec<_> = state
        .db
        .read(|db| Ok(db.businesses()?.into_iter().map(|b| b.id).collect()))
        .await?;
    let mut summary = ReviewSummary {
        businesses: ids.len(),
        ..ReviewSummary::default()
    };
    for id in ids {
        let shared = state.clone();
        summary.changes += state
            .db
            .write(move |tx| {
                Ok(tx
                    .review_business(id, &shared.policy, shared.clock.now())?
                    .len())
            })
            .await?;
    }
    let idle_since = super::console::idle_since(state.clock.now(), state.config.broadcast_idle);
    summary.settled = state
        .db
        .write(move |tx| super::console::settle_idle(tx, None, idle_since))
        .await?;
    let shared = state.clone();
    summary.released = state
        .db
        .write(move |tx| tx.release_after_quiet_hours(&shared.policy, shared.clock.now()))
        .await?;
    let retention = i64::try_from(state.config.key_retention.as_secs()).unwrap_or(i64::MAX);
    let keys_before = state.clock.now() - Span(retention);
    summary.keys_forgotten = state
        .db
        .write(move |tx| tx.forget_actions_before(keys_before))
        .await?;
    if summary.released > 0 {
        state.hub.notify_everyone();
    }
    Ok(summary)
}

/// Runs the review at start and then every `every`, for as long as the server runs; on a
/// store several servers share, only the one that leads runs it.
pub async fn run(state: Shared, every: Duration) {
    let mut ticks = tokio::time::interval(every.max(Duration::from_secs(1)));
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if !state.db.leads().await {
            tracing::debug!("another server sharing the store runs the review");
            continue;
        }
        match review_once(&state).await {
            Ok(s) => tracing::info!(
                "review: {} businesses, {} changes, {} messages released after quiet hours, \
                 {} unfinished broadcasts settled, {} old idempotency keys forgotten",
                s.businesses,
                s.changes,
                s.released,
                s.settled,
                s.keys_forgotten
            ),
            Err(e) => tracing::error!("review failed: {}", e.body.message),
        }
    }
}

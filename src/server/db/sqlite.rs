//! The server's store on SQLite, in WAL mode: one connection that writes, on a thread of its
//! own that commits writes in batches ([`Writer`]), a few that read, and one that copies the
//! WAL into the database in the background, each used on a blocking thread.

use super::writer::Writer;
use super::*;
use crate::store::{self, Db, Store, StoreError, Tx, paths};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How often the WAL is copied into the database, off the writer's path.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(500);

/// The SQLite backend: `parley.db` in the server's data directory.
pub struct SqliteDb {
    writer: Writer,
    readers: Vec<Arc<Mutex<Store>>>,
    next: AtomicUsize,
    /// Copies the WAL into the database in the background, so no commit waits for it.
    checkpointer: Arc<Mutex<Store>>,
}

impl ServerDb for SqliteDb {
    type Place = Path;
    type Connection<'c> = Store;
    type Standalone = Store;

    fn open(data_dir: &Path, readers: usize) -> DbResult<SqliteDb> {
        std::fs::create_dir_all(data_dir).map_err(|e| StoreError::CannotOpen {
            path: data_dir.to_path_buf(),
            detail: e.to_string(),
        })?;
        let path = paths::database_file(data_dir);
        let writer = Store::open(&path)?;
        writer.set_auto_checkpoint(0)?;
        let open = || Store::open(&path).map(|s| Arc::new(Mutex::new(s)));
        Ok(SqliteDb {
            writer: Writer::start(writer)?,
            readers: (0..readers.max(1))
                .map(|_| open())
                .collect::<store::Result<_>>()?,
            next: AtomicUsize::new(0),
            checkpointer: open()?,
        })
    }

    fn connect(data_dir: &Path) -> DbResult<Store> {
        std::fs::create_dir_all(data_dir).map_err(|e| StoreError::CannotOpen {
            path: data_dir.to_path_buf(),
            detail: e.to_string(),
        })?;
        Ok(Store::open(&paths::database_file(data_dir))?)
    }

    fn location(data_dir: &Path) -> String {
        paths::database_file(data_dir).display().to_string()
    }

    async fn read<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&dyn ServerReads) -> DbResult<T> + Send + 'static,
    {
        let n = self.next.fetch_add(1, Ordering::Relaxed) % self.readers.len();
        let reader = Arc::clone(&self.readers[n]);
        on_connection(reader, |store| store.in_snapshot(f)).await
    }

    async fn write<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&dyn ServerWrites) -> DbResult<T> + Send + 'static,
    {
        self.writer.write(move |tx| f(&Writes::new(tx))).await
    }

    async fn with_writer<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> DbResult<T> + Send + 'static,
    {
        self.writer.alone(f).await
    }

    async fn maintain(&self) {
        let mut ticks = tokio::time::interval(CHECKPOINT_EVERY);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let checkpointer = Arc::clone(&self.checkpointer);
            let checkpoint = |store: &mut Store| Ok(store.checkpoint()?);
            if let Err(e) = on_connection(checkpointer, checkpoint).await {
                tracing::warn!("checkpoint failed: {e}");
            }
        }
    }
}

async fn on_connection<T, F>(store: Arc<Mutex<Store>>, f: F) -> DbResult<T>
where
    T: Send + 'static,
    F: FnOnce(&mut Store) -> DbResult<T> + Send + 'static,
{
    let joined = tokio::task::spawn_blocking(move || {
        let mut store = store.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut store)
    })
    .await;
    finish(joined)
}

fn finish<T>(joined: Result<DbResult<T>, tokio::task::JoinError>) -> DbResult<T> {
    joined.unwrap_or_else(|e| Err(DbError::Failed(format!("a store task failed: {e}"))))
}

impl From<StoreError> for DbError {
    fn from(error: StoreError) -> DbError {
        match error {
            StoreError::NotFound(what) => DbError::NotFound(what),
            StoreError::Invalid(why) => DbError::Invalid(why),
            StoreError::Conflict(why) => DbError::Conflict(why),
            StoreError::Budget(shortfall) => DbError::Budget(shortfall),
            busy @ StoreError::Busy { .. } => DbError::Busy(busy.to_string()),
            other => DbError::Failed(other.to_string()),
        }
    }
}

impl ServerConnection for Store {
    fn in_snapshot<T>(&mut self, f: impl FnOnce(&dyn ServerReads) -> DbResult<T>) -> DbResult<T> {
        let mut failed = None;
        let done = self.snapshot(|db| kept(f(&db), &mut failed));
        settled(done, failed)
    }

    fn in_transaction<T>(
        &mut self,
        f: impl FnOnce(&dyn ServerWrites) -> DbResult<T>,
    ) -> DbResult<T> {
        let mut failed = None;
        let done = self.write(|tx| kept(f(&Writes::new(tx)), &mut failed));
        settled(done, failed)
    }

    fn in_dry_run<T>(&mut self, f: impl FnOnce(&dyn ServerWrites) -> DbResult<T>) -> DbResult<T> {
        let mut failed = None;
        let done = self.dry_run(|tx| kept(f(&Writes::new(tx)), &mut failed));
        settled(done, failed)
    }
}

/// Hands the store a failure (so that it rolls back) while keeping the error `f` gave.
fn kept<T>(result: DbResult<T>, failed: &mut Option<DbError>) -> store::Result<T> {
    result.map_err(|e| {
        *failed = Some(e);
        StoreError::Invalid("rolled back".into())
    })
}

/// The caller's answer: the error kept by [`kept`], else the store's own.
fn settled<T>(done: store::Result<T>, failed: Option<DbError>) -> DbResult<T> {
    match failed {
        Some(e) => Err(e),
        None => Ok(done?),
    }
}

/// A write transaction, with reads inside it.
struct Writes<'t, 'c> {
    tx: &'t Tx<'c>,
    db: Db<'t>,
}

impl<'t, 'c> Writes<'t, 'c> {
    fn new(tx: &'t Tx<'c>) -> Writes<'t, 'c> {
        Writes { tx, db: tx.db() }
    }
}

impl ServerReads for Db<'_> {
    fn token_hash(&self, account: Account) -> DbResult<Option<Vec<u8>>> {
        Ok(Db::token_hash(self, account)?)
    }

    fn user(&self, id: UserId) -> DbResult<User> {
        Ok(Db::user(self, id)?)
    }

    fn user_named(&self, name: &str) -> DbResult<Option<User>> {
        Ok(Db::user_named(self, name)?)
    }

    fn accounts_named(&self, name: &str) -> DbResult<Vec<Account>> {
        Ok(Db::accounts_named(self, name)?)
    }

    fn token_revoked(&self, hash: &[u8]) -> DbResult<bool> {
        Ok(Db::token_revoked(self, hash)?)
    }

    fn business(&self, id: BusinessId) -> DbResult<Business> {
        Ok(Db::business(self, id)?)
    }

    fn businesses(&self) -> DbResult<Vec<Business>> {
        Ok(Db::businesses(self)?)
    }

    fn business_at(
        &self,
        id: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Business> {
        Ok(Db::business_at(self, id, policy, now)?)
    }

    fn templates_at(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Vec<Template>> {
        Ok(Db::templates_at(self, business, policy, now)?)
    }

    fn businesses_at(&self, policy: &PolicyConfig, now: Timestamp) -> DbResult<Vec<Business>> {
        Ok(Db::businesses_at(self, policy, now)?)
    }

    fn directory(
        &self,
        query: &str,
        after: BusinessId,
        limit: usize,
    ) -> DbResult<Vec<ListedBusiness>> {
        Ok(Db::directory_page(self, query, after, limit)?)
    }

    fn subscriber_count(&self, business: BusinessId) -> DbResult<u32> {
        Ok(Db::subscribers(self, business)?.len() as u32)
    }

    fn restrictions(&self, business: BusinessId) -> DbResult<Vec<Restriction>> {
        Ok(Db::restrictions(self, business)?)
    }

    fn strikes(&self, business: BusinessId) -> DbResult<Vec<Strike>> {
        Ok(Db::strikes(self, business)?)
    }

    fn template(&self, id: TemplateId) -> DbResult<Template> {
        Ok(Db::template(self, id)?)
    }

    fn template_named(&self, business: BusinessId, name: &str) -> DbResult<Option<Template>> {
        Ok(Db::template_named(self, business, name)?)
    }

    fn templates(&self, business: BusinessId) -> DbResult<Vec<Template>> {
        Ok(Db::templates(self, business)?)
    }

    fn template_log(&self, template: TemplateId) -> DbResult<Vec<TemplateEvent>> {
        Ok(Db::template_log(self, template)?)
    }

    fn template_versions(&self, template: TemplateId) -> DbResult<Vec<TemplateVersion>> {
        Ok(Db::template_versions(self, template)?)
    }

    fn broadcasts(&self, business: BusinessId) -> DbResult<Vec<BroadcastRecord>> {
        Ok(Db::broadcasts(self, business)?)
    }

    fn broadcast_owner(&self, broadcast: BroadcastId) -> DbResult<Option<BusinessId>> {
        Ok(Db::broadcast_owner(self, broadcast)?)
    }

    fn broadcast_state(&self, broadcast: BroadcastId) -> DbResult<Option<BroadcastState>> {
        Ok(Db::broadcast_state(self, broadcast)?)
    }

    fn metrics(&self, scope: MetricScope) -> DbResult<Metrics> {
        Ok(Db::metrics(self, scope)?)
    }

    fn daily(
        &self,
        scope: MetricScope,
        first_day: i64,
        last_day: i64,
    ) -> DbResult<Vec<DayFigures>> {
        Ok(Db::daily(self, scope, first_day, last_day)?)
    }

    fn quality_points(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Vec<QualityPoint>> {
        Ok(Db::quality_points_at(self, business, policy, now)?)
    }

    fn standing_report(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<StandingReport> {
        Ok(Db::standing_report(self, business, policy, now)?)
    }

    fn changes_after(&self, user: UserId, after: (i64, i64), limit: usize) -> DbResult<ChangeRows> {
        Ok(ChangeRows {
            messages: Db::changed_messages(self, user, after, limit)?,
            removed: Db::tombstones(self, user, after, limit)?,
            decisions: Db::changed_decisions(self, user, after, limit)?,
            businesses: Db::changed_dealings(self, user, after, limit)?,
            prefs_change: Db::prefs_change(self, user)?,
        })
    }

    fn dealings(
        &self,
        user: UserId,
        among: &[BusinessId],
    ) -> DbResult<Vec<(Business, Relation, Vec<Restriction>)>> {
        Ok(Db::dealings_among(self, user, among)?)
    }

    fn chat_with(&self, user: UserId, with: Counterpart) -> DbResult<Option<Chat>> {
        Ok(Db::chat_with(self, user, with)?)
    }

    fn applied_action(&self, user: UserId, key: &str) -> DbResult<Option<String>> {
        Ok(Db::applied_action(self, user, key)?)
    }

    fn applied_send(&self, business: BusinessId, key: &str) -> DbResult<Option<String>> {
        Ok(Db::applied_send(self, business, key)?)
    }

    fn business_conversations(
        &self,
        business: BusinessId,
        offset: usize,
        limit: usize,
    ) -> DbResult<Vec<BusinessConversation>> {
        Ok(Db::business_conversations(self, business, offset, limit)?)
    }

    fn business_conversation_count(&self, business: BusinessId) -> DbResult<u32> {
        Ok(Db::business_conversation_count(self, business)?)
    }

    fn business_named(&self, name: &str) -> DbResult<Option<Business>> {
        Ok(Db::business_named(self, name)?)
    }

    fn reviewer_name(&self, reviewer: ReviewerId) -> DbResult<Option<String>> {
        Ok(Db::reviewer_name(self, reviewer)?)
    }

    fn review_state(&self, business: BusinessId, now: Timestamp) -> DbResult<ReviewState> {
        Ok(Db::review_state(self, business, now)?)
    }

    fn report_count(&self, business: BusinessId, since: Timestamp) -> DbResult<u32> {
        Ok(Db::report_count(self, business, since)?)
    }

    fn report_files(&self, business: BusinessId, limit: usize) -> DbResult<Vec<ReportFile>> {
        Ok(Db::report_files(self, business, limit)?)
    }
}

impl ServerWrites for Writes<'_, '_> {
    fn reads(&self) -> &dyn ServerReads {
        &self.db
    }

    fn add_user(&self, name: &str, prefs: &UserPrefs) -> DbResult<UserId> {
        Ok(self.tx.add_user(name, prefs)?)
    }

    fn set_user_token(&self, user: UserId, hash: &[u8]) -> DbResult<()> {
        Ok(self.tx.set_user_token(user, hash)?)
    }

    fn replace_token(&self, account: Account, new: Option<&[u8]>, now: Timestamp) -> DbResult<()> {
        Ok(self.tx.replace_token(account, new, now)?)
    }

    fn forget_actions_before(&self, before: Timestamp) -> DbResult<usize> {
        Ok(self.tx.forget_actions_before(before)?)
    }

    fn add_business(&self, new: &NewBusiness, now: Timestamp) -> DbResult<BusinessId> {
        Ok(self.tx.add_business(new, now)?)
    }

    fn set_business_token(&self, business: BusinessId, hash: &[u8]) -> DbResult<()> {
        Ok(self.tx.set_business_token(business, hash)?)
    }

    fn submit_template(
        &self,
        new: &NewTemplate,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<TemplateId> {
        Ok(self.tx.submit_template(new, policy, now)?.0)
    }

    fn revise_template(
        &self,
        template: TemplateId,
        revision: &Revision,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<u32> {
        Ok(self.tx.revise_template(template, revision, policy, now)?.0)
    }

    fn delete_template(&self, template: TemplateId, now: Timestamp) -> DbResult<()> {
        Ok(self.tx.delete_template(template, now)?)
    }

    fn send(
        &self,
        attempt: &Attempt,
        policy: &PolicyConfig,
        pricing: &Pricing,
    ) -> DbResult<SendResult> {
        Ok(self.tx.send(attempt, policy, pricing)?)
    }

    fn broadcast(
        &self,
        request: &BroadcastRequest,
        policy: &PolicyConfig,
        pricing: &Pricing,
        now: Timestamp,
    ) -> DbResult<BroadcastOutcome> {
        Ok(self.tx.broadcast(request, policy, pricing, now)?)
    }

    fn record_refused_broadcast(
        &self,
        request: &BroadcastRequest,
        refusal: &InsufficientBudget,
        pricing: &Pricing,
        now: Timestamp,
    ) -> DbResult<BroadcastId> {
        Ok(self
            .tx
            .record_refused_broadcast(request, refusal, pricing, now)?)
    }

    fn open_broadcast(
        &self,
        request: &BroadcastRequest,
        pricing: &Pricing,
        now: Timestamp,
    ) -> DbResult<OpenedBroadcast> {
        Ok(self.tx.open_broadcast(request, pricing, now)?)
    }

    fn send_broadcast_part(
        &self,
        id: BroadcastId,
        business: BusinessId,
        at_most: usize,
        rules: (&PolicyConfig, &Pricing),
        now: Timestamp,
    ) -> DbResult<BroadcastPart> {
        Ok(self
            .tx
            .send_broadcast_part(id, business, at_most, rules, now)?)
    }

    fn close_broadcast(&self, id: BroadcastId, business: BusinessId) -> DbResult<Settlement> {
        Ok(self.tx.close_broadcast(id, business)?)
    }

    fn settle_unfinished(
        &self,
        business: Option<BusinessId>,
        idle_since: Timestamp,
    ) -> DbResult<Vec<(BroadcastId, Settlement)>> {
        Ok(self.tx.settle_unfinished(business, idle_since)?)
    }

    fn apply(
        &self,
        user: UserId,
        action: &UserAction,
        now: Timestamp,
        signals: &SignalConfig,
    ) -> DbResult<()> {
        Ok(self.tx.apply(user, action, now, signals)?)
    }

    fn mark_read(&self, chat: ChatId, now: Timestamp) -> DbResult<()> {
        Ok(self.tx.mark_read(chat, now)?)
    }

    fn read_business_conversation(
        &self,
        business: BusinessId,
        user: &User,
        limit: usize,
        config: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Option<ConversationPage>> {
        Ok(self
            .tx
            .read_business_conversation(business, user, limit, config, now)?)
    }

    fn reply(
        &self,
        user: UserId,
        to: Counterpart,
        body: &str,
        now: Timestamp,
    ) -> DbResult<MessageId> {
        Ok(self.tx.reply(user, to, body, now)?)
    }

    fn set_client_key(&self, message: MessageId, key: &str) -> DbResult<()> {
        Ok(self.tx.set_client_key(message, key)?)
    }

    fn record_action(&self, user: UserId, key: &str, result: &str, at: Timestamp) -> DbResult<()> {
        Ok(self.tx.record_action(user, key, result, at)?)
    }

    fn record_send(
        &self,
        business: BusinessId,
        key: &str,
        result: &str,
        at: Timestamp,
    ) -> DbResult<()> {
        Ok(self.tx.record_send(business, key, result, at)?)
    }

    fn review_business(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Vec<Change>> {
        Ok(self.tx.review_business(business, policy, now)?)
    }

    fn release_after_quiet_hours(&self, policy: &PolicyConfig, now: Timestamp) -> DbResult<usize> {
        Ok(self.tx.release_after_quiet_hours(policy, now)?)
    }

    fn add_reviewer(&self, name: &str) -> DbResult<ReviewerId> {
        Ok(self.tx.add_reviewer(name)?)
    }

    fn set_reviewer_token(&self, reviewer: ReviewerId, hash: &[u8]) -> DbResult<()> {
        Ok(self.tx.set_reviewer_token(reviewer, hash)?)
    }

    fn record_review_decision(
        &self,
        reviewer: ReviewerId,
        decision: &ReviewDecision,
        lifted: &[Restriction],
    ) -> DbResult<()> {
        Ok(self.tx.record_review_decision(reviewer, decision, lifted)?)
    }

    fn ask_for_review(
        &self,
        business: BusinessId,
        note: &str,
        now: Timestamp,
    ) -> DbResult<Option<ReviewRequest>> {
        Ok(self.tx.ask_for_review(business, note, now)?)
    }
}

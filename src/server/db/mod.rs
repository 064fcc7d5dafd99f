//! The server's one way to its store: the queries and commands it runs, named in two traits
//! ([`ServerReads`], [`ServerWrites`]), run on a connection ([`ServerConnection`]) from a
//! pool that keeps them off the async threads ([`ServerDb`]). Nothing else in the server
//! speaks to the store. Two backends implement these traits: SQLite ([`SqliteDb`], the
//! embedded default) and PostgreSQL ([`PgDb`], for several instances sharing one database);
//! [`Backend`] is the one the server runs, chosen by [`Place`].
//!
//! The traits are synchronous because SQLite is: its calls block, and the pool runs them on
//! blocking threads. The PostgreSQL backend drives its async client with `Handle::block_on`
//! from the pool's blocking task; only its [`PgDb`] knows, since the handlers only ever await
//! [`ServerDb::read`], [`ServerDb::write`] and [`ServerDb::with_writer`].

mod backend;
mod error;
mod postgres;
mod sqlite;
mod writer;

pub use crate::store::{
    Account, Attempt, BroadcastOutcome, BroadcastPart, BroadcastRequest, BroadcastState,
    ChangedDealing, ChangedMessage, NewBusiness, NewTemplate, OpenedBroadcast, Revision,
    SendResult, Tombstone,
};
pub use backend::{Backend, Connection, OwnedConnection, Place};
pub use error::{DbError, DbResult};
pub use postgres::{PgConnection, PgDb};
pub use sqlite::SqliteDb;

use crate::model::*;
use crate::policy::broadcast::InsufficientBudget;
use crate::policy::enforcement::Change;
use crate::policy::{Metrics, PolicyConfig, Pricing, Settlement, SignalConfig, StandingReport};
use std::future::Future;
use std::path::Path;

/// A user's changes after a cursor, each kind in `(change, id)` order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChangeRows {
    /// Business-chat messages written or changed.
    pub messages: Vec<ChangedMessage>,
    /// Messages the user deleted.
    pub removed: Vec<Tombstone>,
    /// Decisions the rules made for the user.
    pub decisions: Vec<SyncedDecision>,
    /// Businesses the user deals with whose row, restrictions, relation or chat changed.
    pub businesses: Vec<ChangedDealing>,
    /// The change that last set the user's preferences.
    pub prefs_change: i64,
}

/// A business's message to a user named, as the business sent it: the template named (or the
/// text), and the idempotency key it came with.
#[derive(Debug, Clone, Copy)]
pub struct NamedSend<'a> {
    pub business: BusinessId,
    /// The user's name, trimmed.
    pub to: &'a str,
    /// The template's name, trimmed; `None`: free text.
    pub template: Option<&'a str>,
    pub params: &'a [String],
    pub text: Option<&'a str>,
    pub key: Option<&'a str>,
    pub at: Timestamp,
}

/// What became of a [`NamedSend`].
#[derive(Debug, Clone, PartialEq)]
pub enum NamedSent {
    /// Its key was already answered: the answer kept for it.
    Kept(String),
    /// No user has that name.
    NoUser,
    /// The business has no template of that name.
    NoTemplate,
    /// Decided and stored, for this user.
    Decided(UserId, SendResult),
}

/// What the server reads, inside one consistent snapshot (or inside a write transaction).
pub trait ServerReads {
    /// The token hash stored for an account, if the account exists and has a token.
    fn token_hash(&self, account: Account) -> DbResult<Option<Vec<u8>>>;
    /// One user.
    fn user(&self, id: UserId) -> DbResult<User>;
    /// The user with this name, if any.
    fn user_named(&self, name: &str) -> DbResult<Option<User>>;
    /// One business.
    fn business(&self, id: BusinessId) -> DbResult<Business>;
    /// Every business.
    fn businesses(&self) -> DbResult<Vec<Business>>;
    /// One business, its quality as the signals of the window ending at `now` give it.
    fn business_at(
        &self,
        id: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Business>;
    /// A business's templates, each with its quality as its signals give it at `now`.
    fn templates_at(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Vec<Template>>;
    /// Every business, each with its quality as the signals give it at `now`.
    fn businesses_at(&self, policy: &PolicyConfig, now: Timestamp) -> DbResult<Vec<Business>>;
    /// One page of the directory: businesses whose name contains `query` (case and accents
    /// aside), in id order after `after`, at most `limit`.
    fn directory(
        &self,
        query: &str,
        after: BusinessId,
        limit: usize,
    ) -> DbResult<Vec<ListedBusiness>>;
    /// How many people subscribe to a business's offers (and do not block it).
    fn subscriber_count(&self, business: BusinessId) -> DbResult<u32>;
    /// A business's restrictions, oldest first.
    fn restrictions(&self, business: BusinessId) -> DbResult<Vec<Restriction>>;
    /// A business's strikes, oldest first.
    fn strikes(&self, business: BusinessId) -> DbResult<Vec<Strike>>;
    /// One template.
    fn template(&self, id: TemplateId) -> DbResult<Template>;
    /// A business's template with this name, if any.
    fn template_named(&self, business: BusinessId, name: &str) -> DbResult<Option<Template>>;
    /// A business's templates, in submission order.
    fn templates(&self, business: BusinessId) -> DbResult<Vec<Template>>;
    /// A template's review, pauses and resumptions, oldest first.
    fn template_log(&self, template: TemplateId) -> DbResult<Vec<TemplateEvent>>;
    /// Every version of a template, oldest first, the current one last.
    fn template_versions(&self, template: TemplateId) -> DbResult<Vec<TemplateVersion>>;
    /// A business's broadcasts, newest first.
    fn broadcasts(&self, business: BusinessId) -> DbResult<Vec<BroadcastRecord>>;
    /// The business that ran a broadcast, if the broadcast exists.
    fn broadcast_owner(&self, broadcast: BroadcastId) -> DbResult<Option<BusinessId>>;
    /// Where a broadcast stands, if it exists.
    fn broadcast_state(&self, broadcast: BroadcastId) -> DbResult<Option<BroadcastState>>;
    /// The figures of a business, template or broadcast.
    fn metrics(&self, scope: MetricScope) -> DbResult<Metrics>;
    /// Figures per day, `first_day` to `last_day` (days since 1970-01-01).
    fn daily(&self, scope: MetricScope, first_day: i64, last_day: i64)
    -> DbResult<Vec<DayFigures>>;
    /// A business's quality and tier changes, oldest first, ending with its quality at `now`.
    fn quality_points(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Vec<QualityPoint>>;
    /// A business's quality, tier use, strikes and restrictions at `now`.
    fn standing_report(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<StandingReport>;
    /// Up to `limit` of each kind of a user's changes after `(change, id)`.
    fn changes_after(&self, user: UserId, after: (i64, i64), limit: usize) -> DbResult<ChangeRows>;
    /// The businesses `among`, the user's relation with each and its restrictions.
    fn dealings(
        &self,
        user: UserId,
        among: &[BusinessId],
    ) -> DbResult<Vec<(Business, Relation, Vec<Restriction>)>>;
    /// The user's chat with a counterpart, if there is one.
    fn chat_with(&self, user: UserId, with: Counterpart) -> DbResult<Option<Chat>>;
    /// Every account with this name (one of each kind at most).
    fn accounts_named(&self, name: &str) -> DbResult<Vec<Account>>;
    /// Whether a token with this hash was revoked or replaced by a new one.
    fn token_revoked(&self, hash: &[u8]) -> DbResult<bool>;
    /// The stored result of an action a user already sent with this key.
    fn applied_action(&self, user: UserId, key: &str) -> DbResult<Option<String>>;
    /// The stored answer to a send a business already made with this key.
    fn applied_send(&self, business: BusinessId, key: &str) -> DbResult<Option<String>>;
    /// One page of a business's conversations, unread ones first, then the most recent.
    fn business_conversations(
        &self,
        business: BusinessId,
        offset: usize,
        limit: usize,
    ) -> DbResult<Vec<BusinessConversation>>;
    /// How many conversations a business has.
    fn business_conversation_count(&self, business: BusinessId) -> DbResult<u32>;
    /// The business with this name, if any.
    fn business_named(&self, name: &str) -> DbResult<Option<Business>>;
    /// A reviewer's name, if the reviewer exists.
    fn reviewer_name(&self, reviewer: ReviewerId) -> DbResult<Option<String>>;
    /// Where a business's review stands at `now`: decisions newest first, and a request
    /// waiting while something is left to review.
    fn review_state(&self, business: BusinessId, now: Timestamp) -> DbResult<ReviewState>;
    /// How many reports a business has had since `since`.
    fn report_count(&self, business: BusinessId, since: Timestamp) -> DbResult<u32>;
    /// Up to `limit` reports of a business, newest first, with their evidence (reviewers only).
    fn report_files(&self, business: BusinessId, limit: usize) -> DbResult<Vec<ReportFile>>;
}

/// What the server writes, inside one transaction; [`ServerWrites::reads`] reads inside it.
pub trait ServerWrites {
    /// Reads inside this transaction.
    fn reads(&self) -> &dyn ServerReads;
    /// Adds a user with these preferences.
    fn add_user(&self, name: &str, prefs: &UserPrefs) -> DbResult<UserId>;
    /// Stores the hash of a user's token.
    fn set_user_token(&self, user: UserId, hash: &[u8]) -> DbResult<()>;
    /// Registers a business.
    fn add_business(&self, new: &NewBusiness, now: Timestamp) -> DbResult<BusinessId>;
    /// Stores the hash of a business's token.
    fn set_business_token(&self, business: BusinessId, hash: &[u8]) -> DbResult<()>;
    /// Reviews a template submission and stores it with its review result.
    fn submit_template(
        &self,
        new: &NewTemplate,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<TemplateId>;
    /// Stores a template's new version with its review; returns the version's number.
    fn revise_template(
        &self,
        template: TemplateId,
        revision: &Revision,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<u32>;
    /// Deletes a template: never sent again, its history kept.
    fn delete_template(&self, template: TemplateId, now: Timestamp) -> DbResult<()>;
    /// Sends one message through the rules and stores it with its decision.
    fn send(
        &self,
        attempt: &Attempt,
        policy: &PolicyConfig,
        pricing: &Pricing,
    ) -> DbResult<SendResult>;
    /// Sends a business's message to a user named through the rules, once per idempotency key:
    /// `answer` gives the answer to keep for the key. A backend may do it in fewer steps.
    fn send_named(
        &self,
        send: &NamedSend,
        (policy, pricing): (&PolicyConfig, &Pricing),
        answer: &dyn Fn(&SendResult) -> DbResult<String>,
    ) -> DbResult<NamedSent> {
        let reads = self.reads();
        if let Some(key) = send.key
            && let Some(first) = reads.applied_send(send.business, key)?
        {
            return Ok(NamedSent::Kept(first));
        }
        let Some(user) = reads.user_named(send.to)? else {
            return Ok(NamedSent::NoUser);
        };
        let template = match send.template {
            Some(name) => match reads.template_named(send.business, name)? {
                Some(t) => Some(t.id),
                None => return Ok(NamedSent::NoTemplate),
            },
            None => None,
        };
        let attempt = Attempt {
            business: send.business,
            user: user.id,
            template,
            params: send.params.to_vec(),
            text: send.text.map(str::to_string),
            broadcast: None,
            at: send.at,
        };
        let sent = self.send(&attempt, policy, pricing)?;
        if let Some(key) = send.key {
            self.record_send(send.business, key, &answer(&sent)?, send.at)?;
        }
        Ok(NamedSent::Decided(user.id, sent))
    }
    /// Prices, reserves and sends a broadcast at once.
    fn broadcast(
        &self,
        request: &BroadcastRequest,
        policy: &PolicyConfig,
        pricing: &Pricing,
        now: Timestamp,
    ) -> DbResult<BroadcastOutcome>;
    /// Keeps a broadcast the budget refused, with what it needed and what there was.
    fn record_refused_broadcast(
        &self,
        request: &BroadcastRequest,
        refusal: &InsufficientBudget,
        pricing: &Pricing,
        now: Timestamp,
    ) -> DbResult<BroadcastId>;
    /// Prices and reserves a broadcast to send in parts.
    fn open_broadcast(
        &self,
        request: &BroadcastRequest,
        pricing: &Pricing,
        now: Timestamp,
    ) -> DbResult<OpenedBroadcast>;
    /// Sends a running broadcast to at most `at_most` more of its audience.
    fn send_broadcast_part(
        &self,
        id: BroadcastId,
        business: BusinessId,
        at_most: usize,
        rules: (&PolicyConfig, &Pricing),
        now: Timestamp,
    ) -> DbResult<BroadcastPart>;
    /// Settles a broadcast: what was delivered is charged, the rest returned.
    fn close_broadcast(&self, id: BroadcastId, business: BusinessId) -> DbResult<Settlement>;
    /// Settles the running broadcasts (of `business`, or of anyone) idle since `idle_since`.
    fn settle_unfinished(
        &self,
        business: Option<BusinessId>,
        idle_since: Timestamp,
    ) -> DbResult<Vec<(BroadcastId, Settlement)>>;
    /// Applies one user action at `now`.
    fn apply(
        &self,
        user: UserId,
        action: &UserAction,
        now: Timestamp,
        signals: &SignalConfig,
    ) -> DbResult<()>;
    /// Marks everything delivered in a chat as read.
    fn mark_read(&self, chat: ChatId, now: Timestamp) -> DbResult<()>;
    /// The business reads its conversation with a user (the last `limit` messages), marking
    /// the user's messages read; `None` when neither has written yet.
    fn read_business_conversation(
        &self,
        business: BusinessId,
        user: &User,
        limit: usize,
        config: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Option<ConversationPage>>;
    /// Stores the user's reply in the chat with `to`.
    fn reply(
        &self,
        user: UserId,
        to: Counterpart,
        body: &str,
        now: Timestamp,
    ) -> DbResult<MessageId>;
    /// Marks a message as written by the action with this idempotency key.
    fn set_client_key(&self, message: MessageId, key: &str) -> DbResult<()>;
    /// Replaces an account's token hash with `new` (none: no working token), keeping the old
    /// one as revoked.
    fn replace_token(&self, account: Account, new: Option<&[u8]>, now: Timestamp) -> DbResult<()>;
    /// Forgets the idempotency keys of users' actions and businesses' sends made before
    /// `before`; returns how many.
    fn forget_actions_before(&self, before: Timestamp) -> DbResult<usize>;
    /// Records that the action with `key` was applied, with its result.
    fn record_action(&self, user: UserId, key: &str, result: &str, at: Timestamp) -> DbResult<()>;
    /// Records the answer to a business's send with `key`, so a retry gets it again.
    fn record_send(
        &self,
        business: BusinessId,
        key: &str,
        result: &str,
        at: Timestamp,
    ) -> DbResult<()>;
    /// Reviews one business's quality, templates, strikes and restrictions at `now`.
    fn review_business(
        &self,
        business: BusinessId,
        policy: &PolicyConfig,
        now: Timestamp,
    ) -> DbResult<Vec<Change>>;
    /// Delivers the messages held for quiet hours that have ended; returns how many.
    fn release_after_quiet_hours(&self, policy: &PolicyConfig, now: Timestamp) -> DbResult<usize>;
    /// Adds a platform reviewer.
    fn add_reviewer(&self, name: &str) -> DbResult<ReviewerId>;
    /// Stores the hash of a reviewer's token.
    fn set_reviewer_token(&self, reviewer: ReviewerId, hash: &[u8]) -> DbResult<()>;
    /// Records a reviewer's decision and ends the restrictions it lifts.
    fn record_review_decision(
        &self,
        reviewer: ReviewerId,
        decision: &ReviewDecision,
        lifted: &[Restriction],
    ) -> DbResult<()>;
    /// Files a business's request for a review while it is disabled or suspended (a request
    /// already waiting is answered as it is); `None`: there is nothing to review.
    fn ask_for_review(
        &self,
        business: BusinessId,
        note: &str,
        now: Timestamp,
    ) -> DbResult<Option<ReviewRequest>>;
}

/// One connection to the store, for work of several transactions in a row.
pub trait ServerConnection: Send {
    /// Runs `f` on one consistent snapshot.
    fn in_snapshot<T>(&mut self, f: impl FnOnce(&dyn ServerReads) -> DbResult<T>) -> DbResult<T>;
    /// Runs `f` in one transaction; it commits when `f` succeeds and rolls back otherwise.
    fn in_transaction<T>(
        &mut self,
        f: impl FnOnce(&dyn ServerWrites) -> DbResult<T>,
    ) -> DbResult<T>;
    /// Runs `f` in a transaction that is always rolled back: a dry run.
    fn in_dry_run<T>(&mut self, f: impl FnOnce(&dyn ServerWrites) -> DbResult<T>) -> DbResult<T>;
}

/// The server's store as a whole: where it lives, and connections that run work off the async
/// threads, one writer at a time (first come, first served) beside several readers.
pub trait ServerDb: Sized + Send + Sync + 'static {
    /// Where a store of this kind is found: a directory, a database's address.
    type Place: ?Sized;
    /// One connection, as [`ServerDb::with_writer`] lends it for the time of the call.
    type Connection<'c>: ServerConnection;
    /// A connection of its own, as [`ServerDb::connect`] opens it.
    type Standalone: ServerConnection;

    /// Opens (creating or upgrading when needed) the store at `place`, with `readers` read
    /// connections beside the writer.
    fn open(place: &Self::Place, readers: usize) -> DbResult<Self>;
    /// One connection to the store at `place`, for the account commands.
    fn connect(place: &Self::Place) -> DbResult<Self::Standalone>;
    /// Where the store at `place` is, for people (never with a password).
    fn location(place: &Self::Place) -> String;

    /// Runs `f` on a consistent snapshot.
    fn read<T, F>(&self, f: F) -> impl Future<Output = DbResult<T>> + Send
    where
        T: Send + 'static,
        F: FnOnce(&dyn ServerReads) -> DbResult<T> + Send + 'static;
    /// The token hash stored for an account (as [`ServerReads::token_hash`]): one read, which
    /// needs no snapshot of its own.
    fn token_hash(
        &self,
        account: Account,
    ) -> impl Future<Output = DbResult<Option<Vec<u8>>>> + Send {
        self.read(move |db| db.token_hash(account))
    }
    /// Runs `f` as one write: it is kept whole or not at all, and answered only once it is
    /// durable (it may share its commit with other writes: group commit).
    fn write<T, F>(&self, f: F) -> impl Future<Output = DbResult<T>> + Send
    where
        T: Send + 'static,
        F: FnOnce(&dyn ServerWrites) -> DbResult<T> + Send + 'static;
    /// Runs `f` with the writing connection, for work of several transactions (or a dry
    /// run) with no other writer in between.
    fn with_writer<T, F>(&self, f: F) -> impl Future<Output = DbResult<T>> + Send
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&mut Self::Connection<'c>) -> DbResult<T> + Send + 'static;
    /// The store's housekeeping, for as long as the server runs.
    fn maintain(&self) -> impl Future<Output = ()> + Send;
    /// Whether this server runs the platform's periodic jobs now (the review, settling idle
    /// broadcasts, forgetting old keys): always on a store no other server shares; on a shared
    /// one, only the server holding the leadership, which passes on when its holder stops.
    fn leads(&self) -> impl Future<Output = bool> + Send {
        std::future::ready(true)
    }
    /// Whether other servers may share this store, so that what a previous run of this one
    /// left running may be another's work in progress.
    fn is_shared(&self) -> bool {
        false
    }
    /// Calls `changed` with each user whose stream any server sharing this store wrote to,
    /// for as long as the server runs; with `None` when some may have been missed (everyone
    /// may have changes). A store no other server shares has nothing to tell: the server
    /// wakes its own polls.
    fn watch<F>(&self, changed: F) -> impl Future<Output = ()> + Send
    where
        F: Fn(Option<UserId>) + Send + Sync + 'static,
    {
        drop(changed);
        std::future::pending()
    }
}

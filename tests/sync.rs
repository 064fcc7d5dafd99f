//! The inbox against a real server on 127.0.0.1: the outbox drains once after an offline
//! period, a retried request whose first answer was lost applies once, a server killed in the
//! middle of a catch-up costs nothing, the stream brings new messages as they are decided, and
//! a page carries only the businesses and preferences that changed after the cursor. Each runs
//! on a server on SQLite and again on PostgreSQL (`NAME::sqlite`, `NAME::postgres`), unless it
//! writes the server's SQLite file itself.

mod support;

use parley::i18n::{Catalogues, sentences};
use parley::model::*;
use parley::policy::{PolicyConfig, Pricing, SignalConfig};
use parley::protocol::{
    BroadcastSubmission, Changes, Cursor, KeyedAction, SendRequest, TemplateSubmission, WireAction,
};
use parley::server::db::{Backend, ServerConnection, ServerDb};
use parley::server::{Server, ServerConfig, add_business, add_user};
use parley::store::{NewBusiness, Store, paths};
use parley::sync::business_client::BusinessClient;
use parley::sync::engine::{Engine, SyncConfig, SyncEvent};
use parley::sync::http::Api;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use support::server::{ServerDir, TestServer, act, on_both_backends};
use tempfile::TempDir;
use tokio::runtime::Runtime;
use tokio::sync::{mpsc, oneshot};

/// The report and attribution rules of POLICY.md.
const RULES: SignalConfig = SignalConfig::POLICY;

/// A server in this process, on a free port of 127.0.0.1.
struct LocalServer {
    url: String,
    stop: Option<oneshot::Sender<()>>,
    done: Option<tokio::task::JoinHandle<()>>,
}

impl LocalServer {
    fn start(rt: &Runtime, dir: &ServerDir) -> LocalServer {
        rt.block_on(async {
            let mut config =
                ServerConfig::new("127.0.0.1:0".parse().unwrap(), dir.path().to_path_buf());
            config.database = dir.database_url().map(str::to_string);
            let server = Server::bind(config, PolicyConfig::default(), Pricing::default())
                .await
                .expect("the server binds");
            let url = format!("http://{}", server.local_addr().unwrap());
            let (stop, stopped) = oneshot::channel::<()>();
            let done = tokio::spawn(async move {
                let _ = server
                    .run(async move {
                        let _ = stopped.await;
                    })
                    .await;
            });
            LocalServer {
                url,
                stop: Some(stop),
                done: Some(done),
            }
        })
    }

    fn stop(&mut self, rt: &Runtime) {
        if let (Some(stop), Some(done)) = (self.stop.take(), self.done.take()) {
            let _ = stop.send(());
            let _ = rt.block_on(done);
        }
    }
}

/// The accounts of a small world: one user, a shop and a lender, with their tokens.
struct Accounts {
    alice: String,
    shop: String,
    lender: String,
    shop_id: BusinessId,
    lender_id: BusinessId,
}

fn accounts(dir: &ServerDir) -> Accounts {
    let mut store = Backend::connect(&dir.place()).unwrap();
    let policy = PolicyConfig::default();
    let (_, alice) = add_user(&mut store, "alice", &policy).unwrap();
    let new = |name| NewBusiness {
        name,
        verified: true,
        kind: BusinessKind::Shop,
        budget: 10_000,
    };
    let (shop_id, shop) = add_business(&mut store, &new("Shop"), Timestamp(0)).unwrap();
    let (lender_id, lender) = add_business(&mut store, &new("Lender"), Timestamp(0)).unwrap();
    Accounts {
        alice,
        shop,
        lender,
        shop_id,
        lender_id,
    }
}

fn template(rt: &Runtime, client: &BusinessClient, name: &str, category: Category, body: &str) {
    let t = TemplateSubmission {
        name: name.into(),
        category,
        body: body.into(),
        allow_recategorise: false,
    };
    let review = rt.block_on(client.submit_template(&t)).unwrap();
    assert_eq!(
        review.status,
        TemplateStatus::Approved,
        "{}",
        review.review_note
    );
}

fn send(rt: &Runtime, client: &BusinessClient, template: &str) -> Decision {
    let request = SendRequest {
        to: "alice".into(),
        template: Some(template.into()),
        params: vec!["x".into()],
        text: None,
        key: None,
    };
    rt.block_on(client.send(&request)).unwrap().decision
}

/// The inbox's side: its copy of the server's data and a sync engine on it.
struct Client {
    _dir: TempDir,
    path: PathBuf,
    events: mpsc::Receiver<SyncEvent>,
    engine: Engine,
}

fn client(url: &str, token: &str) -> Client {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mirror.db");
    parley::sync::prepare_mirror(&mut Store::open(&path).unwrap()).unwrap();
    let (tx, events) = mpsc::channel(64);
    let engine = Engine::new(
        SyncConfig {
            server: url.into(),
            token: token.into(),
            store_path: path.clone(),
        },
        tx,
    )
    .unwrap();
    Client {
        _dir: dir,
        path,
        events,
        engine,
    }
}

impl Client {
    /// Points the engine at a (restarted) server, keeping the local copy.
    fn reconnect(&mut self, url: &str, token: &str) {
        let (tx, events) = mpsc::channel(64);
        self.events = events;
        self.engine = Engine::new(
            SyncConfig {
                server: url.into(),
                token: token.into(),
                store_path: self.path.clone(),
            },
            tx,
        )
        .unwrap();
    }

    fn catch_up(&mut self, rt: &Runtime) {
        while rt
            .block_on(self.engine.pull("changes", Duration::from_secs(10)))
            .expect("pull")
        {}
    }

    fn store(&self) -> Store {
        Store::open(&self.path).unwrap()
    }

    /// Applies a user action locally and queues it for the server, as the inbox does.
    fn act(&self, action: &UserAction) {
        let mut store = self.store();
        let me = store.db().me().unwrap().unwrap();
        let now = store.db().clock().unwrap().unwrap();
        store
            .write(|tx| parley::sync::outbox::record(tx, me, action, now, &RULES))
            .unwrap()
            .expect("a synced action");
    }
}

/// A test's runtime, and the small world in `dir` (SQLite or PostgreSQL) with its accounts.
fn world(dir: ServerDir) -> (Runtime, ServerDir, Accounts) {
    let acc = accounts(&dir);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    (rt, dir, acc)
}

on_both_backends!(fn actions_taken_offline_reach_the_server_once_and_take_effect);
fn actions_taken_offline_reach_the_server_once_and_take_effect(dir: ServerDir) {
    let (rt, dir, acc) = world(dir);
    let mut server = LocalServer::start(&rt, &dir);
    let shop = BusinessClient::new(&server.url, &acc.shop).unwrap();
    let lender = BusinessClient::new(&server.url, &acc.lender).unwrap();
    template(&rt, &shop, "offer", Category::Marketing, "This week: {{1}}");
    template(
        &rt,
        &shop,
        "update",
        Category::Utility,
        "Order {{1}} shipped",
    );
    template(
        &rt,
        &lender,
        "notice",
        Category::Utility,
        "Your application {{1}} is waiting",
    );
    assert_eq!(send(&rt, &shop, "update").outcome, Outcome::Deliver);
    assert_eq!(send(&rt, &lender, "notice").outcome, Outcome::Deliver);
    let mut c = client(&server.url, &acc.alice);
    c.catch_up(&rt);
    c.act(&UserAction::Subscribe {
        business: acc.shop_id,
    });
    rt.block_on(c.engine.push()).unwrap();
    assert_eq!(
        send(&rt, &shop, "offer").outcome,
        Outcome::Deliver,
        "subscribed online"
    );

    server.stop(&rt);
    c.act(&UserAction::Unsubscribe {
        business: acc.shop_id,
    });
    c.act(&UserAction::Block {
        business: acc.lender_id,
        reason: BlockReason::Spam,
    });
    assert!(rt.block_on(c.engine.push()).is_err(), "the server is down");
    assert_eq!(
        c.store().db().outbox_len().unwrap(),
        2,
        "both actions wait in the outbox"
    );
    let local = c
        .store()
        .db()
        .relation(c.store().db().me().unwrap().unwrap(), acc.shop_id)
        .unwrap();
    assert!(!local.subscribed, "the local store changed at once");

    let server = LocalServer::start(&rt, &dir);
    c.reconnect(&server.url, &acc.alice);
    rt.block_on(c.engine.push()).unwrap();
    assert_eq!(
        c.store().db().outbox_len().unwrap(),
        0,
        "the outbox drained"
    );
    let shop = BusinessClient::new(&server.url, &acc.shop).unwrap();
    let lender = BusinessClient::new(&server.url, &acc.lender).unwrap();
    let offer = send(&rt, &shop, "offer");
    assert_eq!(
        (offer.outcome, offer.reason),
        (Outcome::Hold, Reason::NotSubscribed)
    );
    let notice = send(&rt, &lender, "notice");
    assert_eq!(
        (notice.outcome, notice.reason),
        (Outcome::Reject, Reason::BlockedByUser)
    );
    c.catch_up(&rt);
    let store = c.store();
    let held = store.db().held(store.db().me().unwrap().unwrap()).unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(
        held[0].message.decision.reason,
        Reason::NotSubscribed,
        "the server's reason reaches the inbox"
    );
}

on_both_backends!(fn a_retried_request_whose_answer_was_lost_applies_once);
fn a_retried_request_whose_answer_was_lost_applies_once(dir: ServerDir) {
    let (rt, dir, acc) = world(dir);
    let server = LocalServer::start(&rt, &dir);
    let lender = BusinessClient::new(&server.url, &acc.lender).unwrap();
    template(
        &rt,
        &lender,
        "notice",
        Category::Utility,
        "Your application {{1}} is waiting",
    );
    send(&rt, &lender, "notice");
    let mut c = client(&server.url, &acc.alice);
    c.catch_up(&rt);
    c.act(&UserAction::Report {
        business: acc.lender_id,
        reason: ReportReason::Spam,
        also_block: false,
    });
    let queued = c.store().db().outbox(10).unwrap();
    assert_eq!(queued.len(), 1);
    // The first attempt reaches the server, but its answer never reaches the client.
    let first = KeyedAction {
        key: queued[0].key.clone(),
        action: serde_json::from_str::<WireAction>(&queued[0].action).unwrap(),
    };
    let api = Api::new(&server.url, &acc.alice).unwrap();
    let answer = rt.block_on(act(&api, vec![(first.key.as_str(), first.action)]));
    assert!(answer.results[0].ok && !answer.results[0].replayed);
    // The client retries what is still in its outbox.
    rt.block_on(c.engine.push()).unwrap();
    assert_eq!(c.store().db().outbox_len().unwrap(), 0);
    let status = rt
        .block_on(lender.metrics(&parley::sync::business_client::MetricsScope::Business))
        .unwrap();
    assert_eq!(status.metrics.reports, 1, "reported once, not twice");
}

on_both_backends!(fn a_server_killed_in_the_middle_of_a_catch_up_costs_nothing);
fn a_server_killed_in_the_middle_of_a_catch_up_costs_nothing(dir: ServerDir) {
    let (rt, dir, acc) = world(dir);
    let backlog = backlog(&dir, acc.shop_id, 4_500);
    let mut server = TestServer::start(dir.path(), &[]);
    let mut c = client(&server.url, &acc.alice);
    assert!(
        rt.block_on(c.engine.pull("changes", Duration::from_secs(10)))
            .unwrap(),
        "more pages wait"
    );
    server.kill();
    assert!(
        rt.block_on(c.engine.pull("changes", Duration::from_secs(5)))
            .is_err()
    );
    let server = TestServer::start(dir.path(), &[]);
    c.reconnect(&server.url, &acc.alice);
    c.catch_up(&rt);
    let store = c.store();
    let chat = store
        .db()
        .chat_with(
            store.db().me().unwrap().unwrap(),
            Counterpart::Business(acc.shop_id),
        )
        .unwrap()
        .unwrap();
    let mut ids: Vec<i64> = store
        .db()
        .last_messages(chat.id, 10_000)
        .unwrap()
        .iter()
        .map(|m| m.id.0)
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, backlog, "every message once, none skipped");
}

/// Decides `n` utility messages from the shop to alice in the server's store, and returns their ids.
fn backlog(dir: &ServerDir, shop: BusinessId, n: usize) -> Vec<i64> {
    let mut store = Backend::connect(&dir.place()).unwrap();
    let policy = PolicyConfig::default();
    store
        .in_transaction(|tx| {
            let alice = tx.reads().user_named("alice")?.expect("alice").id;
            let new = parley::store::NewTemplate {
                business: shop,
                name: "update",
                category: Category::Utility,
                body: "Order {{1}} shipped",
                allow_recategorise: false,
            };
            let template = tx.submit_template(&new, &policy, Timestamp(0))?;
            let mut ids = Vec::with_capacity(n);
            for i in 0..n {
                let attempt = parley::store::Attempt {
                    business: shop,
                    user: alice,
                    template: Some(template),
                    params: vec![i.to_string()],
                    text: None,
                    broadcast: None,
                    at: Timestamp(1_000 + i as i64),
                };
                ids.push(
                    tx.send(&attempt, &policy, &Pricing::default())?
                        .message
                        .expect("delivered")
                        .0,
                );
            }
            Ok(ids)
        })
        .unwrap()
}

on_both_backends!(fn the_stream_brings_a_new_message_as_soon_as_it_is_decided);
fn the_stream_brings_a_new_message_as_soon_as_it_is_decided(dir: ServerDir) {
    let (rt, dir, acc) = world(dir);
    let server = LocalServer::start(&rt, &dir);
    let shop = BusinessClient::new(&server.url, &acc.shop).unwrap();
    template(
        &rt,
        &shop,
        "update",
        Category::Utility,
        "Order {{1}} shipped",
    );
    let Client {
        _dir,
        path,
        mut events,
        engine,
    } = client(&server.url, &acc.alice);
    let wake = std::sync::Arc::new(tokio::sync::Notify::new());
    rt.spawn(engine.run(wake));
    wait_for(
        &rt,
        &mut events,
        |e| matches!(e, SyncEvent::Status(s) if s.starts_with("online")),
    );
    let sent = Instant::now();
    assert_eq!(send(&rt, &shop, "update").outcome, Outcome::Deliver);
    wait_for(&rt, &mut events, |e| *e == SyncEvent::Changed);
    eprintln!(
        "a new message reached the inbox's store {:?} after the server accepted it",
        sent.elapsed()
    );
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store
            .db()
            .filter_counts(store.db().me().unwrap().unwrap())
            .unwrap()
            .unread_messages,
        1
    );
}

/// Waits (up to 10 s) for an event that matches.
fn wait_for(
    rt: &Runtime,
    events: &mut mpsc::Receiver<SyncEvent>,
    wanted: impl Fn(&SyncEvent) -> bool,
) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    rt.block_on(async {
        loop {
            match tokio::time::timeout_at(deadline, events.recv()).await {
                Ok(Some(e)) if wanted(&e) => return,
                Ok(Some(_)) => continue,
                Ok(None) => panic!("the sync loop stopped"),
                Err(_) => panic!("no such event within 10 s"),
            }
        }
    });
}

/// What a mirror shows: its chats, their messages, the held list, the rejections, the
/// relations, the counts and the cursor.
fn snapshot(store: &Store, businesses: &[BusinessId]) -> String {
    let db = store.db();
    let me = db.me().unwrap().unwrap();
    let chats = db
        .chats(me, ChatFilter::All, ChatOrder::Recent, 0, 100)
        .unwrap();
    let messages: Vec<_> = chats
        .iter()
        .map(|c| db.last_messages(c.id, 100_000).unwrap())
        .collect();
    let per_business: Vec<_> = businesses
        .iter()
        .map(|&b| {
            (
                db.relation(me, b).unwrap(),
                db.rejected(me, b, 100).unwrap(),
            )
        })
        .collect();
    format!(
        "{chats:#?}\n{messages:#?}\n{:#?}\n{per_business:#?}\n{:?}\n{:?}",
        db.held(me).unwrap(),
        db.filter_counts(me).unwrap(),
        db.sync_cursor().unwrap()
    )
}

on_both_backends!(fn a_catch_up_stores_what_pulling_page_by_page_stores);
fn a_catch_up_stores_what_pulling_page_by_page_stores(dir: ServerDir) {
    let (rt, dir, acc) = world(dir);
    // Several pages of delivered, held and rejected messages, a held one released and one
    // deleted after they were sent (so later pages change and remove earlier messages), and
    // relations that change on the way.
    {
        let mut store = Backend::connect(&dir.place()).unwrap();
        let policy = PolicyConfig::default();
        store
            .in_transaction(|tx| {
                let alice = tx.reads().user_named("alice")?.expect("alice").id;
                let template = |business, name, category, body| {
                    let new = parley::store::NewTemplate {
                        business,
                        name,
                        category,
                        body,
                        allow_recategorise: false,
                    };
                    tx.submit_template(&new, &policy, Timestamp(0))
                };
                let update = template(acc.shop_id, "update", Category::Utility, "Order {{1}}")?;
                let offer = template(acc.shop_id, "offer", Category::Marketing, "Sale {{1}}")?;
                let notice = template(acc.lender_id, "notice", Category::Utility, "Loan {{1}}")?;
                let mut held = Vec::new();
                for i in 0..1_300i64 {
                    let (business, template) = match i % 5 {
                        0 => (acc.shop_id, offer),
                        1 | 3 => (acc.lender_id, notice),
                        _ => (acc.shop_id, update),
                    };
                    if i == 1_000 {
                        let block = UserAction::Block {
                            business: acc.lender_id,
                            reason: BlockReason::Spam,
                        };
                        tx.apply(alice, &block, Timestamp(1_000 + i), &RULES)?;
                    }
                    let attempt = parley::store::Attempt {
                        business,
                        user: alice,
                        template: Some(template),
                        params: vec![i.to_string()],
                        text: None,
                        broadcast: None,
                        at: Timestamp(1_000 + i),
                    };
                    let sent = tx.send(&attempt, &policy, &Pricing::default())?;
                    if sent.decision.outcome == Outcome::Hold {
                        held.extend(sent.message);
                    }
                }
                let now = Timestamp(10_000);
                tx.apply(
                    alice,
                    &UserAction::ReleaseHeld { message: held[0] },
                    now,
                    &RULES,
                )?;
                tx.apply(
                    alice,
                    &UserAction::DeleteHeld { message: held[1] },
                    now,
                    &RULES,
                )?;
                Ok(())
            })
            .unwrap();
    }
    let server = LocalServer::start(&rt, &dir);
    let businesses = [acc.shop_id, acc.lender_id];

    // Page by page, as `Engine::pull` stores them.
    let mut one_by_one = client(&server.url, &acc.alice);
    let mut pages = 1;
    while rt
        .block_on(one_by_one.engine.pull("changes", Duration::from_secs(10)))
        .unwrap()
    {
        pages += 1;
    }
    assert!(pages >= 3, "several pages: {pages}");
    let expected = snapshot(&one_by_one.store(), &businesses);
    assert!(expected.contains("NotSubscribed") && expected.contains("BlockedByUser"));

    // The sync loop's catch-up: pages stored while the next ones arrive, several at a time.
    let mut caught_up = client(&server.url, &acc.alice);
    rt.block_on(caught_up.engine.catch_up()).unwrap();
    assert_eq!(snapshot(&caught_up.store(), &businesses), expected);

    // Every page in one transaction.
    let api = Api::new(&server.url, &acc.alice).unwrap();
    let mut all = Vec::new();
    let mut cursor = parley::protocol::Cursor::default();
    loop {
        let query = [
            ("change", cursor.change.to_string()),
            ("id", cursor.id.to_string()),
            ("limit", "1000".to_string()),
        ];
        let page: parley::protocol::Changes = rt.block_on(api.get("me/changes", &query)).unwrap();
        cursor = page.cursor;
        let more = page.more;
        all.push(page);
        if !more {
            break;
        }
    }
    // Those pages are shaped as a server before paired decisions sends them, to a client
    // that does not ask for them: every decision whole.
    assert!(all.iter().all(|page| page.paired.is_empty()));
    let together = client(&server.url, &acc.alice);
    parley::sync::mirror::apply_pages(&mut together.store(), &all).unwrap();
    assert_eq!(snapshot(&together.store(), &businesses), expected);
    let log = decision_log(&together);
    assert!(
        log.len() >= 1_300,
        "every decision is stored: {}",
        log.len()
    );
    assert_eq!(decision_log(&one_by_one), log);
    assert_eq!(decision_log(&caught_up), log);

    // Asked for, a decision that says what its message in the page says comes by id only;
    // the released one (its message now says otherwise) comes whole, and at most one more
    // whose message is on another page.
    let first = paired_page(&rt, &api, Cursor::default());
    assert!(first.paired.len() > 400, "paired: {}", first.paired.len());
    assert!(first.decisions.len() <= 2, "{:?}", first.decisions);
}

/// A page of up to 1000 changes after `cursor`, with the decisions paired with their messages.
fn paired_page(rt: &Runtime, api: &Api, cursor: Cursor) -> Changes {
    let query = [
        ("change", cursor.change.to_string()),
        ("id", cursor.id.to_string()),
        ("limit", "1000".to_string()),
        ("pair_decisions", "true".to_string()),
    ];
    rt.block_on(api.get("me/changes", &query)).unwrap()
}

/// Every decision the client's copy holds, in id order, as the profile's log reads them.
fn decision_log(c: &Client) -> Vec<String> {
    let db = rusqlite::Connection::open(&c.path).unwrap();
    let mut stmt = db
        .prepare(
            "SELECT id, business_id, template_id, category, at, outcome, reason, sentence,
                message_id, facts FROM decisions ORDER BY id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok((0..10)
            .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
            .collect::<Vec<_>>()
            .join("|"))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// The chat list of the store's first user (the mirror's only one, the server's alice): each
/// chat's counterpart, unread count, time, preview and offers mark.
fn chat_list(store: &Store) -> Vec<(Counterpart, u32, Option<Timestamp>, String, bool)> {
    let db = store.db();
    let me = db.users().unwrap()[0].id;
    let mut chats: Vec<_> = db
        .chats(me, ChatFilter::All, ChatOrder::Recent, 0, 100)
        .unwrap()
        .into_iter()
        .map(|c| (c.counterpart, c.unread, c.last_at, c.preview, c.has_offers))
        .collect();
    chats.sort_by_key(|c| format!("{:?}", c.0));
    chats
}

/// Whether the engine told the inbox to reload since the last call (the events are sent
/// before `pull` returns).
fn reloaded(events: &mut mpsc::Receiver<SyncEvent>) -> bool {
    let mut changed = false;
    while let Ok(event) = events.try_recv() {
        changed |= event == SyncEvent::Changed;
    }
    changed
}

on_both_backends!(fn a_subscription_made_on_another_device_reloads_the_inbox);
fn a_subscription_made_on_another_device_reloads_the_inbox(dir: ServerDir) {
    let (rt, dir, acc) = world(dir);
    let server = LocalServer::start(&rt, &dir);
    let mut inbox = client(&server.url, &acc.alice);
    let pull = |c: &mut Client| {
        rt.block_on(c.engine.pull("changes", Duration::from_secs(10)))
            .unwrap()
    };
    pull(&mut inbox);
    assert!(reloaded(&mut inbox.events), "the first page names the user");
    pull(&mut inbox);
    assert!(
        !reloaded(&mut inbox.events),
        "nothing changed, nothing to reload"
    );

    // The other device subscribes, then unsubscribes; no message comes with either.
    let other = Api::new(&server.url, &acc.alice).unwrap();
    for (key, action) in [
        (
            "sub-1",
            WireAction::Subscribe {
                business: acc.shop_id,
            },
        ),
        (
            "unsub-1",
            WireAction::Unsubscribe {
                business: acc.shop_id,
            },
        ),
    ] {
        let answer = rt.block_on(act(&other, vec![(key, action)]));
        assert!(answer.results.iter().all(|r| r.ok), "{answer:?}");
        pull(&mut inbox);
        assert!(
            reloaded(&mut inbox.events),
            "after {key}, the inbox reloads"
        );
        let store = inbox.store();
        let me = store.db().me().unwrap().unwrap();
        let subscribed = store.db().relation(me, acc.shop_id).unwrap().subscribed;
        assert_eq!(subscribed, key.starts_with("sub"), "after {key}");
    }
    pull(&mut inbox);
    assert!(!reloaded(&mut inbox.events));
}

/// The user's own messages in the local copy of the chat with `business`.
fn own_messages(c: &Client, business: BusinessId) -> Vec<Message> {
    let store = c.store();
    let me = store.db().me().unwrap().unwrap();
    let chat = store
        .db()
        .chat_with(me, Counterpart::Business(business))
        .unwrap()
        .expect("a chat with the business");
    let messages = store.db().last_messages(chat.id, 50).unwrap();
    messages
        .into_iter()
        .filter(|m| m.direction == Direction::Outbound)
        .collect()
}

on_both_backends!(fn when_the_business_reads_the_conversation_the_users_device_shows_read_ticks);
fn when_the_business_reads_the_conversation_the_users_device_shows_read_ticks(dir: ServerDir) {
    let (rt, dir, acc) = world(dir);
    let server = LocalServer::start(&rt, &dir);
    let shop = BusinessClient::new(&server.url, &acc.shop).unwrap();
    template(
        &rt,
        &shop,
        "update",
        Category::Utility,
        "Order {{1}} shipped",
    );
    assert_eq!(send(&rt, &shop, "update").outcome, Outcome::Deliver);
    let mut c = client(&server.url, &acc.alice);
    c.catch_up(&rt);
    c.act(&UserAction::Reply {
        to: Counterpart::Business(acc.shop_id),
        text: "Where is it now?".into(),
    });
    rt.block_on(c.engine.push()).unwrap();
    c.catch_up(&rt);
    let sent = own_messages(&c, acc.shop_id);
    assert_eq!(sent.len(), 1, "the server's copy replaced the local one");
    assert_eq!(sent[0].delivery(), Some(Delivery::Delivered));

    let read = parley::protocol::ReadRequest {
        with: "alice".into(),
        limit: None,
    };
    let page = rt.block_on(shop.read_conversation(&read)).unwrap();
    assert_eq!(page.marked_read, 1);
    c.catch_up(&rt);
    let seen = own_messages(&c, acc.shop_id);
    assert_eq!(seen[0].delivery(), Some(Delivery::Read), "{seen:?}");
    assert_eq!(seen[0].seen_at, page.messages[1].read_at);
}

on_both_backends!(fn a_business_found_in_the_directory_gets_a_subscription_before_it_writes);
fn a_business_found_in_the_directory_gets_a_subscription_before_it_writes(dir: ServerDir) {
    let (rt, dir, acc) = world(dir);
    let server = LocalServer::start(&rt, &dir);
    let shop = BusinessClient::new(&server.url, &acc.shop).unwrap();
    template(&rt, &shop, "offer", Category::Marketing, "This week: {{1}}");
    let mut c = client(&server.url, &acc.alice);
    c.catch_up(&rt);
    assert!(
        c.store().db().businesses().unwrap().is_empty(),
        "no business has written to alice, so the changes name none"
    );
    assert!(rt.block_on(c.engine.refresh_directory()).unwrap());
    let found: Vec<BusinessId> = c
        .store()
        .db()
        .businesses_named("SHOP")
        .unwrap()
        .iter()
        .map(|b| b.id)
        .collect();
    assert_eq!(found, [acc.shop_id], "found by name in the local copy");
    assert!(
        !rt.block_on(c.engine.refresh_directory()).unwrap(),
        "reading an unchanged directory again changes nothing"
    );

    c.act(&UserAction::Subscribe {
        business: acc.shop_id,
    });
    rt.block_on(c.engine.push()).unwrap();
    let broadcast = BroadcastSubmission {
        template: "offer".into(),
        params: vec!["2x1".into()],
        to: None,
        dry_run: false,
        key: None,
    };
    let report = rt.block_on(shop.broadcast(&broadcast)).unwrap();
    assert_eq!(
        report.delivered, 1,
        "the server counts alice among the shop's subscribers and delivers its offer"
    );
    c.catch_up(&rt);
    let store = c.store();
    let db = store.db();
    let me = db.me().unwrap().unwrap();
    let chats = db
        .chats(me, ChatFilter::All, ChatOrder::Recent, 0, 10)
        .unwrap();
    assert_eq!(chats.len(), 1);
    assert_eq!(chats[0].preview, "This week: 2x1");
    assert!(db.relation(me, acc.shop_id).unwrap().subscribed);
}

on_both_backends!(fn the_time_zone_set_on_the_device_decides_quiet_hours_on_the_server);
fn the_time_zone_set_on_the_device_decides_quiet_hours_on_the_server(dir: ServerDir) {
    let (rt, dir, acc) = world(dir);
    let server = LocalServer::start(&rt, &dir);
    let shop = BusinessClient::new(&server.url, &acc.shop).unwrap();
    template(&rt, &shop, "offer", Category::Marketing, "This week: {{1}}");
    template(
        &rt,
        &shop,
        "update",
        Category::Utility,
        "Order {{1}} shipped",
    );
    assert_eq!(send(&rt, &shop, "update").outcome, Outcome::Deliver);
    let mut c = client(&server.url, &acc.alice);
    c.catch_up(&rt);
    let me = c.store().db().me().unwrap().unwrap();
    assert_eq!(c.store().db().user(me).unwrap().prefs.time_zone, None);
    c.act(&UserAction::Subscribe {
        business: acc.shop_id,
    });
    // Quiet for the two hours from now on the clocks of Kathmandu (UTC+5:45): hours that
    // are not the present hour in UTC.
    let kathmandu = Zone::named("Asia/Kathmandu").unwrap();
    let hour = kathmandu.hour_at(parley::wall_clock::now());
    let prefs = UserPrefs {
        quiet_hours: Some(QuietHours {
            start: hour,
            end: (hour + 2) % 24,
        }),
        time_zone: Some(kathmandu.clone()),
        ..c.store().db().user(me).unwrap().prefs
    };
    c.act(&UserAction::SetPrefs { prefs });
    rt.block_on(c.engine.push()).unwrap();

    let offer = send(&rt, &shop, "offer");
    assert_eq!(
        (offer.outcome, offer.reason),
        (Outcome::Hold, Reason::QuietHours),
        "{}",
        offer.sentence
    );
    assert!(
        offer.sentence.contains("Asia/Kathmandu"),
        "{}",
        offer.sentence
    );

    let mut other_device = client(&server.url, &acc.alice);
    other_device.catch_up(&rt);
    let store = other_device.store();
    let me = store.db().me().unwrap().unwrap();
    let synced = store.db().user(me).unwrap();
    assert_eq!(synced.prefs.time_zone, Some(kathmandu));

    // The facts behind the sentence reach the other device's store, which writes the
    // sentence in its own language.
    let held = store.db().held(me).unwrap();
    let kept = &held
        .first()
        .expect("the offer is held on the device")
        .message
        .decision;
    let facts = kept
        .facts
        .as_ref()
        .expect("the decision's facts are synced");
    assert_eq!(facts.zone.as_deref(), Some("Asia/Kathmandu"));
    let spanish = Catalogues::embedded().get("es").unwrap();
    let shown = parley::i18n::scoped(spanish, || sentences::decision(kept));
    assert!(
        shown.starts_with("Retenido: llegó a las ")
            && shown.contains(" en tu hora (Asia/Kathmandu), en tus horas de silencio ("),
        "{shown}"
    );
}

/// One page of the changes after `cursor`, at most `limit` long, as the server sends it.
fn page_after(rt: &Runtime, api: &Api, cursor: Cursor, limit: usize) -> Changes {
    let query = [
        ("change", cursor.change.to_string()),
        ("id", cursor.id.to_string()),
        ("limit", limit.to_string()),
    ];
    rt.block_on(api.get("me/changes", &query)).unwrap()
}

/// The ids of the businesses a page carries, in order.
fn carried(page: &Changes) -> Vec<BusinessId> {
    let mut ids: Vec<BusinessId> = page.businesses.iter().map(|b| b.id).collect();
    ids.sort_unstable();
    ids
}

/// The shop and the lender each send alice a utility message.
fn both_write(rt: &Runtime, url: &str, acc: &Accounts) {
    let shop = BusinessClient::new(url, &acc.shop).unwrap();
    let lender = BusinessClient::new(url, &acc.lender).unwrap();
    template(
        rt,
        &shop,
        "update",
        Category::Utility,
        "Order {{1}} shipped",
    );
    template(
        rt,
        &lender,
        "notice",
        Category::Utility,
        "Loan {{1}} is waiting",
    );
    assert_eq!(send(rt, &shop, "update").outcome, Outcome::Deliver);
    assert_eq!(send(rt, &lender, "notice").outcome, Outcome::Deliver);
}

on_both_backends!(fn after_the_first_sync_an_empty_page_carries_no_business_and_no_preferences);
fn after_the_first_sync_an_empty_page_carries_no_business_and_no_preferences(dir: ServerDir) {
    let (rt, dir, acc) = world(dir);
    let server = LocalServer::start(&rt, &dir);
    both_write(&rt, &server.url, &acc);
    let api = Api::new(&server.url, &acc.alice).unwrap();

    let first = page_after(&rt, &api, Cursor::default(), 1000);
    assert_eq!(carried(&first), [acc.shop_id, acc.lender_id]);
    assert!(
        first.prefs.is_some(),
        "the first sync carries the preferences"
    );
    assert_eq!((first.messages.len(), first.more), (2, false));

    let next = page_after(&rt, &api, first.cursor, 1000);
    assert!(next.is_empty(), "{next:?}");
    assert_eq!(next.cursor, first.cursor);
    let bytes = serde_json::to_vec(&next).unwrap().len();
    assert!(bytes < 300, "an empty page is {bytes} bytes");

    let mut inbox = client(&server.url, &acc.alice);
    inbox.catch_up(&rt);
    assert!(reloaded(&mut inbox.events));
    inbox.catch_up(&rt);
    assert!(
        !reloaded(&mut inbox.events),
        "nothing new, nothing to reload"
    );
    let store = inbox.store();
    let names: Vec<String> = store
        .db()
        .businesses()
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(
        names,
        ["Lender", "Shop"],
        "what the first page carried stays"
    );
}

on_both_backends!(fn blocking_and_subscribing_on_one_device_reach_the_other_as_business_deltas);
fn blocking_and_subscribing_on_one_device_reach_the_other_as_business_deltas(dir: ServerDir) {
    let (rt, dir, acc) = world(dir);
    let server = LocalServer::start(&rt, &dir);
    both_write(&rt, &server.url, &acc);
    let mut phone = client(&server.url, &acc.alice);
    let mut laptop = client(&server.url, &acc.alice);
    phone.catch_up(&rt);
    laptop.catch_up(&rt);
    let api = Api::new(&server.url, &acc.alice).unwrap();
    let cursor = mirror_cursor(&laptop);

    phone.act(&UserAction::Block {
        business: acc.lender_id,
        reason: BlockReason::Spam,
    });
    rt.block_on(phone.engine.push()).unwrap();
    let delta = page_after(&rt, &api, cursor, 1000);
    assert_eq!(
        carried(&delta),
        [acc.lender_id],
        "only the business that changed"
    );
    assert!(delta.prefs.is_none() && delta.messages.is_empty());
    laptop.catch_up(&rt);
    assert!(reloaded(&mut laptop.events));

    phone.act(&UserAction::Subscribe {
        business: acc.shop_id,
    });
    rt.block_on(phone.engine.push()).unwrap();
    let delta = page_after(&rt, &api, mirror_cursor(&laptop), 1000);
    assert_eq!(carried(&delta), [acc.shop_id]);
    laptop.catch_up(&rt);
    assert!(reloaded(&mut laptop.events));

    let prefs = UserPrefs {
        daily_marketing_cap: 1,
        ..phone
            .store()
            .db()
            .user(phone.store().db().me().unwrap().unwrap())
            .unwrap()
            .prefs
    };
    phone.act(&UserAction::SetPrefs {
        prefs: prefs.clone(),
    });
    rt.block_on(phone.engine.push()).unwrap();
    let delta = page_after(&rt, &api, mirror_cursor(&laptop), 1000);
    assert_eq!(
        delta.prefs.as_ref(),
        Some(&prefs),
        "the preferences, as they changed"
    );
    assert!(delta.businesses.is_empty(), "{delta:?}");
    laptop.catch_up(&rt);

    let store = laptop.store();
    let me = store.db().me().unwrap().unwrap();
    assert_eq!(store.db().user(me).unwrap().prefs, prefs);
    assert!(
        store
            .db()
            .relation(me, acc.lender_id)
            .unwrap()
            .blocked
            .is_some()
    );
    assert!(store.db().relation(me, acc.shop_id).unwrap().subscribed);
    let names: Vec<String> = store
        .db()
        .businesses()
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(
        names,
        ["Lender", "Shop"],
        "a business a page leaves out keeps what it had"
    );
}

/// Where a client's last pull ended.
fn mirror_cursor(c: &Client) -> Cursor {
    parley::sync::mirror::cursor(&c.store()).unwrap()
}

/// The sentences the inbox shows for a business's restrictions, at the local copy's clock.
fn restrictions_shown(store: &Store, business: BusinessId) -> Vec<String> {
    let db = store.db();
    let name = db.business(business).unwrap().name;
    let now = db.clock().unwrap().unwrap();
    let all = db.restrictions(business).unwrap();
    sentences::restrictions(
        &name,
        parley::policy::notice::strongest_restriction(&all, now),
    )
}

on_both_backends!(fn a_restriction_that_starts_and_one_that_ends_reach_the_inbox);
fn a_restriction_that_starts_and_one_that_ends_reach_the_inbox(dir: ServerDir) {
    let acc = accounts(&dir);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = TestServer::start(dir.path(), &["--movable-clock"]);
    both_write(&rt, &server.url, &acc);
    let mut inbox = client(&server.url, &acc.alice);
    inbox.catch_up(&rt);
    let now = inbox.store().db().clock().unwrap().unwrap();
    assert!(restrictions_shown(&inbox.store(), acc.shop_id).is_empty());

    // Enforcement suspends the shop's marketing for an hour, and disables the lender until a
    // reviewer looks at it.
    let insert = |business: BusinessId, kind: &str, end: &str| {
        dir.execute(&format!(
            "INSERT INTO restrictions (business_id, kind, reason, start, end_at)
             VALUES ({}, '{kind}', 'Too many reports', {}, {end})",
            business.0, now.0
        ));
    };
    let hour_later = now + Span::hours(1);
    insert(
        acc.shop_id,
        "marketing_suspended",
        &hour_later.0.to_string(),
    );
    insert(acc.lender_id, "disabled", "NULL");
    inbox.catch_up(&rt);
    assert!(reloaded(&mut inbox.events));
    let shop_shown = restrictions_shown(&inbox.store(), acc.shop_id);
    assert_eq!(shop_shown.len(), 1, "{shop_shown:?}");
    assert_eq!(restrictions_shown(&inbox.store(), acc.lender_id).len(), 1);

    // A reviewer reinstates the lender: its restriction ends by a write.
    dir.execute(&format!(
        "UPDATE restrictions SET end_at = {} WHERE business_id = {}",
        now.0, acc.lender_id.0
    ));
    let api = Api::new(&server.url, &acc.alice).unwrap();
    let delta = page_after(&rt, &api, mirror_cursor(&inbox), 1000);
    assert_eq!(carried(&delta), [acc.lender_id]);
    assert!(delta.businesses[0].restrictions.is_empty(), "{delta:?}");

    // Two hours on, the shop's suspension is over with nothing written: the page says nothing
    // of the shop, and the inbox judges it at its own clock.
    let moved: parley::protocol::ClockMoved = rt
        .block_on(api.post(
            "test/clock",
            &parley::protocol::ClockAdvance { seconds: 7_200 },
        ))
        .unwrap();
    assert!(moved.now > hour_later);
    let delta = page_after(&rt, &api, delta.cursor, 1000);
    assert!(!carried(&delta).contains(&acc.shop_id), "{delta:?}");
    inbox.catch_up(&rt);
    assert!(
        reloaded(&mut inbox.events),
        "the inbox reloads as the suspension ends"
    );
    assert!(restrictions_shown(&inbox.store(), acc.shop_id).is_empty());
    assert!(restrictions_shown(&inbox.store(), acc.lender_id).is_empty());
}

on_both_backends!(fn a_business_renamed_or_verified_on_the_server_reaches_the_inbox);
fn a_business_renamed_or_verified_on_the_server_reaches_the_inbox(dir: ServerDir) {
    let (rt, dir, acc) = world(dir);
    let server = LocalServer::start(&rt, &dir);
    both_write(&rt, &server.url, &acc);
    let mut inbox = client(&server.url, &acc.alice);
    inbox.catch_up(&rt);
    dir.execute(&format!(
        "UPDATE businesses SET name = 'Shop & Co' WHERE id = {}",
        acc.shop_id.0
    ));
    dir.execute(&format!(
        "UPDATE businesses SET verified = FALSE WHERE id = {}",
        acc.lender_id.0
    ));
    let api = Api::new(&server.url, &acc.alice).unwrap();
    let delta = page_after(&rt, &api, mirror_cursor(&inbox), 1000);
    assert_eq!(carried(&delta), [acc.shop_id, acc.lender_id]);
    inbox.catch_up(&rt);
    assert!(reloaded(&mut inbox.events));
    let store = inbox.store();
    let me = store.db().me().unwrap().unwrap();
    let chat = |b| {
        store
            .db()
            .chat_with(me, Counterpart::Business(b))
            .unwrap()
            .unwrap()
    };
    assert_eq!(chat(acc.shop_id).title, "Shop & Co");
    assert!(!chat(acc.lender_id).verified);
    assert!(!store.db().business(acc.lender_id).unwrap().verified);
    assert!(page_after(&rt, &api, mirror_cursor(&inbox), 1000).is_empty());
}

/// On SQLite only: it writes the server's store through the SQLite store's own API.
#[test]
fn a_catch_up_cut_into_many_pages_gives_what_one_page_gives() {
    let (rt, dir, acc) = world(ServerDir::sqlite());
    // Twelve more businesses write to alice; on the way she blocks, subscribes and changes
    // her preferences, businesses are restricted and renamed, and later messages change
    // earlier ones.
    {
        let mut store = Store::open(&paths::database_file(dir.path())).unwrap();
        let policy = PolicyConfig::default();
        let alice = store.db().user_named("alice").unwrap().unwrap().id;
        store
            .write(|tx| {
                let mut senders = Vec::new();
                for n in 0..12 {
                    let name = format!("Seller {n}");
                    let new = NewBusiness {
                        name: &name,
                        verified: n % 2 == 0,
                        kind: BusinessKind::Shop,
                        budget: 10_000,
                    };
                    let business = tx.add_business(&new, Timestamp(0))?;
                    let t = parley::store::NewTemplate {
                        business,
                        name: "update",
                        category: Category::Utility,
                        body: "Order {{1}}",
                        allow_recategorise: false,
                    };
                    senders.push((business, tx.submit_template(&t, &policy, Timestamp(0))?.0));
                }
                for i in 0..120i64 {
                    let (business, template) = senders[(i % 12) as usize];
                    let at = Timestamp(1_000 + i);
                    match i {
                        30 => tx.apply(
                            alice,
                            &UserAction::Block {
                                business: senders[3].0,
                                reason: BlockReason::Spam,
                            },
                            at,
                            &RULES,
                        )?,
                        50 => tx.apply(
                            alice,
                            &UserAction::Subscribe {
                                business: senders[4].0,
                            },
                            at,
                            &RULES,
                        )?,
                        70 => {
                            let mut prefs = tx.db().user(alice)?.prefs;
                            prefs.daily_marketing_cap = 3;
                            tx.set_prefs(alice, &prefs)?;
                        }
                        _ => {}
                    }
                    let attempt = parley::store::Attempt {
                        business,
                        user: alice,
                        template: Some(template),
                        params: vec![i.to_string()],
                        text: None,
                        broadcast: None,
                        at,
                    };
                    tx.send(&attempt, &policy, &Pricing::default())?;
                }
                Ok(())
            })
            .unwrap();
    }
    dir.execute(
        "INSERT INTO restrictions (business_id, kind, reason, start, end_at)
         SELECT id, 'disabled', 'Too many reports', 0, NULL FROM businesses WHERE name = 'Seller 5'",
    );
    dir.execute("UPDATE businesses SET name = 'Seller One' WHERE name = 'Seller 1'");
    let server = LocalServer::start(&rt, &dir);
    let api = Api::new(&server.url, &acc.alice).unwrap();

    let whole = page_after(&rt, &api, Cursor::default(), 1000);
    assert!(!whole.more);
    assert_eq!(whole.businesses.len(), 12);
    assert!(
        page_after(&rt, &api, whole.cursor, 1000).is_empty(),
        "nothing is sent twice"
    );
    let at_once = client(&server.url, &acc.alice);
    parley::sync::mirror::apply_pages(&mut at_once.store(), &[whole]).unwrap();

    let cut = client(&server.url, &acc.alice);
    let mut cursor = Cursor::default();
    let mut pages = 0;
    loop {
        let page = page_after(&rt, &api, cursor, 7);
        assert!(page.cursor > cursor || !page.more);
        // The server reads rows only up to the page's last position: a page before the last
        // still holds as many changes as asked for.
        let carried = page.messages.len()
            + page.removed.len()
            + page.decisions.len()
            + page.businesses.len()
            + usize::from(page.prefs.is_some());
        assert!(
            carried == 7 || !page.more,
            "{carried} changes in a page of 7"
        );
        cursor = page.cursor;
        pages += 1;
        let more = page.more;
        parley::sync::mirror::apply_pages(&mut cut.store(), &[page]).unwrap();
        if !more {
            break;
        }
    }
    assert!(pages > 20, "{pages} pages");
    let everything = |c: &Client| {
        let store = c.store();
        let db = store.db();
        let me = db.me().unwrap().unwrap();
        let businesses = db.businesses().unwrap();
        let ids: Vec<BusinessId> = businesses.iter().map(|b| b.id).collect();
        let restrictions: Vec<_> = ids.iter().map(|&b| db.restrictions(b).unwrap()).collect();
        let rows: Vec<_> = businesses
            .iter()
            .map(|b| (b.id, b.name.clone(), b.verified, b.kind))
            .collect();
        format!(
            "{}\n{rows:?}\n{restrictions:?}\n{:?}",
            snapshot(&store, &ids),
            db.user(me).unwrap().prefs
        )
    };
    let expected = everything(&at_once);
    assert!(expected.contains("Seller One") && expected.contains("daily_marketing_cap: 3"));
    assert!(expected.contains("Disabled") && expected.contains("Spam"));
    assert_eq!(everything(&cut), expected);

    // The chat list the mirror builds is the one the server keeps for alice.
    let server_store = Store::open(&paths::database_file(dir.path())).unwrap();
    assert_eq!(chat_list(&cut.store()), chat_list(&server_store));
}

//! The inbox against a real server on 127.0.0.1: the outbox drains once after an offline
//! period, a retried request whose first answer was lost applies once, a server killed in the
//! middle of a catch-up costs nothing, and the stream brings new messages as they are decided.

mod support;

use parley::model::*;
use parley::policy::{PolicyConfig, Pricing, SignalConfig};
use parley::protocol::{
    BroadcastSubmission, KeyedAction, SendRequest, TemplateSubmission, WireAction,
};
use parley::server::{Server, ServerConfig, add_business, add_user};
use parley::store::{NewBusiness, Store, paths};
use parley::sync::business_client::BusinessClient;
use parley::sync::engine::{Engine, SyncConfig, SyncEvent};
use parley::sync::http::Api;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::server::{TestServer, act};
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
    fn start(rt: &Runtime, dir: &Path) -> LocalServer {
        rt.block_on(async {
            let config = ServerConfig::new("127.0.0.1:0".parse().unwrap(), dir.to_path_buf());
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

fn accounts(dir: &Path) -> Accounts {
    let mut store = Store::open(&paths::database_file(dir)).unwrap();
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

/// A test's runtime, and the small world's server directory and accounts.
fn world() -> (Runtime, TempDir, Accounts) {
    let dir = tempfile::tempdir().unwrap();
    let acc = accounts(dir.path());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    (rt, dir, acc)
}

#[test]
fn actions_taken_offline_reach_the_server_once_and_take_effect() {
    let (rt, dir, acc) = world();
    let mut server = LocalServer::start(&rt, dir.path());
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

    let server = LocalServer::start(&rt, dir.path());
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

#[test]
fn a_retried_request_whose_answer_was_lost_applies_once() {
    let (rt, dir, acc) = world();
    let server = LocalServer::start(&rt, dir.path());
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

#[test]
fn a_server_killed_in_the_middle_of_a_catch_up_costs_nothing() {
    let (rt, dir, acc) = world();
    let backlog = backlog(dir.path(), acc.shop_id, 4_500);
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
fn backlog(dir: &Path, shop: BusinessId, n: usize) -> Vec<i64> {
    let mut store = Store::open(&paths::database_file(dir)).unwrap();
    let policy = PolicyConfig::default();
    let alice = store.db().user_named("alice").unwrap().unwrap().id;
    store
        .write(|tx| {
            let new = parley::store::NewTemplate {
                business: shop,
                name: "update",
                category: Category::Utility,
                body: "Order {{1}} shipped",
                allow_recategorise: false,
            };
            let (template, _) = tx.submit_template(&new, &policy, Timestamp(0))?;
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

#[test]
fn the_stream_brings_a_new_message_as_soon_as_it_is_decided() {
    let (rt, dir, acc) = world();
    let server = LocalServer::start(&rt, dir.path());
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

#[test]
fn a_catch_up_stores_what_pulling_page_by_page_stores() {
    let (rt, dir, acc) = world();
    // Several pages of delivered, held and rejected messages, a held one released and one
    // deleted after they were sent (so later pages change and remove earlier messages), and
    // relations that change on the way.
    {
        let mut store = Store::open(&paths::database_file(dir.path())).unwrap();
        let policy = PolicyConfig::default();
        let alice = store.db().user_named("alice").unwrap().unwrap().id;
        store
            .write(|tx| {
                let template = |business, name, category, body| {
                    let new = parley::store::NewTemplate {
                        business,
                        name,
                        category,
                        body,
                        allow_recategorise: false,
                    };
                    tx.submit_template(&new, &policy, Timestamp(0))
                        .map(|(t, _)| t)
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
    let server = LocalServer::start(&rt, dir.path());
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
    let together = client(&server.url, &acc.alice);
    parley::sync::mirror::apply_pages(&mut together.store(), &all).unwrap();
    assert_eq!(snapshot(&together.store(), &businesses), expected);
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

#[test]
fn a_subscription_made_on_another_device_reloads_the_inbox() {
    let (rt, dir, acc) = world();
    let server = LocalServer::start(&rt, dir.path());
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

#[test]
fn when_the_business_reads_the_conversation_the_users_device_shows_read_ticks() {
    let (rt, dir, acc) = world();
    let server = LocalServer::start(&rt, dir.path());
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

#[test]
fn a_business_found_in_the_directory_gets_a_subscription_before_it_writes() {
    let (rt, dir, acc) = world();
    let server = LocalServer::start(&rt, dir.path());
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

#[test]
fn the_time_zone_set_on_the_device_decides_quiet_hours_on_the_server() {
    let (rt, dir, acc) = world();
    let server = LocalServer::start(&rt, dir.path());
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
    let synced = store.db().user(store.db().me().unwrap().unwrap()).unwrap();
    assert_eq!(synced.prefs.time_zone, Some(kathmandu));
}

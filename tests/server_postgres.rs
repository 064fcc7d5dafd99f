//! `parley serve --database`: the server's store on PostgreSQL (a throwaway cluster, or the
//! server `PARLEY_TEST_DATABASE_URL` names), through the real binary and the real client code.

mod support;

use parley::model::*;
use parley::protocol::*;
use parley::sync::business_client::BusinessClient;
use parley::sync::http::HttpError;
use proptest::prelude::*;
use std::time::{Duration, Instant};
use support::postgres::TestDatabase;
use support::server::*;
use tempfile::TempDir;

/// A server directory whose store is `database`.
fn directory_on(database: &TestDatabase) -> TempDir {
    let dir = TempDir::new().unwrap();
    keep_store_in(dir.path(), &database.url);
    dir
}

#[test]
fn the_schema_is_versioned_and_a_newer_one_is_left_untouched() {
    let database = TestDatabase::new();
    let dir = directory_on(&database);
    let names = ["ana", "bob", "cy", "dee"];
    std::thread::scope(|scope| {
        for name in names {
            scope.spawn(|| add_user(dir.path(), name));
        }
    });
    assert_eq!(
        database.query("SELECT count(*) || ' ' || max(version) FROM parley_schema"),
        ["5 5"],
        "each version applied once, though four commands met a new database at once"
    );

    database.query("INSERT INTO parley_schema (version) VALUES (99)");
    let ran = serve_tool(dir.path(), &["add-user", "carla"]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("newer Parley") && ran.stderr.contains("untouched"),
        "{}",
        ran.stderr
    );
    assert_eq!(database.query("SELECT count(*) FROM users"), ["4"]);
}

#[test]
fn a_database_that_cannot_be_reached_is_named_without_its_password() {
    let dir = TempDir::new().unwrap();
    let ran = run(&[
        "serve",
        "--data-dir",
        dir.path().to_str().unwrap(),
        "--database",
        "postgres://ana:s3cret@127.0.0.1:1/parley",
        "add-user",
        "ana",
    ]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert!(
        ran.stderr
            .contains("PostgreSQL database parley on 127.0.0.1")
            && ran.stderr.contains("Connection refused")
            && ran.stderr.contains("--database"),
        "{}",
        ran.stderr
    );
    assert!(!ran.stderr.contains("s3cret"), "{}", ran.stderr);

    let ran = run(&["serve", "--database", "postgres://[oops", "add-user", "ana"]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("not a PostgreSQL address"),
        "{}",
        ran.stderr
    );
}

#[tokio::test]
async fn tokens_made_on_postgres_sign_in_and_a_revoked_one_is_refused() {
    let database = TestDatabase::new();
    let dir = directory_on(&database);
    let token = add_user(dir.path(), "ana");
    let server = TestServer::start(dir.path(), &[]);
    let changes = all_changes(&server.api(&token)).await;
    assert_eq!(changes.me, "ana");
    assert!(changes.messages.is_empty() && changes.businesses.is_empty());

    let ran = serve_tool(dir.path(), &["revoke", "ana"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stderr.contains("PostgreSQL database"), "{}", ran.stderr);
    let (code, error) = status_of(server.api(&token).get::<Changes>("me/changes", &[]).await);
    assert_eq!(code, 401);
    assert!(error.message.contains("revoked"), "{}", error.message);

    let ran = serve_tool(dir.path(), &["reissue", "ana"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let reissued = ran.stdout.trim();
    assert_eq!(all_changes(&server.api(reissued)).await.me, "ana");
}

#[tokio::test]
async fn two_servers_on_one_database_answer_for_the_same_templates() {
    let database = TestDatabase::new();
    let dir = directory_on(&database);
    let token = add_business(dir.path(), "Tienda Sol", &["--kind", "shop"]);
    let first = TestServer::start(dir.path(), &[]);
    let second = TestServer::start(dir.path(), &[]);
    let through_first = BusinessClient::new(&first.url, &token).unwrap();
    let through_second = BusinessClient::new(&second.url, &token).unwrap();

    let submission = TemplateSubmission {
        name: "order_ready".into(),
        category: Category::Utility,
        body: "Your order is ready".into(),
        allow_recategorise: true,
    };
    let submitted = through_first.submit_template(&submission).await.unwrap();
    assert_eq!(submitted.status, TemplateStatus::Approved, "{submitted:?}");
    let listed = through_second.templates().await.unwrap();
    assert_eq!(
        listed.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        ["order_ready"]
    );
    let (code, error) = status_of(through_second.submit_template(&submission).await);
    assert_eq!(code, 409, "{error:?}");
    assert!(
        error.message.contains("already has a template"),
        "{}",
        error.message
    );
}

/// A template of the shop's, approved.
async fn approved(shop: &BusinessClient, name: &str, category: Category, body: &str) {
    let submission = TemplateSubmission {
        name: name.into(),
        category,
        body: body.into(),
        allow_recategorise: false,
    };
    let t = shop.submit_template(&submission).await.unwrap();
    assert_eq!(t.status, TemplateStatus::Approved, "{}", t.review_note);
}

/// Sends `template` to each of `users` at once, alternating between the two servers.
async fn sent_at_once(
    shops: &[BusinessClient; 2],
    template: &str,
    users: &[String],
) -> Vec<Decision> {
    let sends = users.iter().enumerate().map(|(n, user)| {
        let request = SendRequest {
            to: user.clone(),
            template: Some(template.into()),
            params: vec![],
            text: None,
            key: None,
        };
        let shop = shops[n % 2].clone();
        async move { shop.send(&request).await.unwrap().decision }
    });
    futures::future::join_all(sends).await
}

fn delivered(decisions: &[Decision]) -> usize {
    decisions
        .iter()
        .filter(|d| d.outcome == Outcome::Deliver)
        .count()
}

#[tokio::test]
async fn sends_at_once_through_two_servers_keep_a_users_cap_the_tier_and_the_budget() {
    let database = TestDatabase::new();
    let dir = directory_on(&database);
    let assets = dir.path().join("assets");
    std::fs::create_dir(&assets).unwrap();
    let policy = include_str!("../assets/policy.toml")
        .replace("limits = [250, 2000, 10000, 100000]", "limits = [3, 2000]");
    assert!(policy.contains("limits = [3, 2000]"));
    std::fs::write(assets.join("policy.toml"), policy).unwrap();
    let people: Vec<String> = (0..7).map(|n| format!("u{n}")).collect();
    let ana = add_user(dir.path(), "ana");
    for name in &people {
        add_user(dir.path(), name);
    }
    let token = add_business(dir.path(), "Tienda Sol", &["--budget", "20"]);
    let extra = ["--rate-limit", "0", "--assets", assets.to_str().unwrap()];
    let servers = [
        TestServer::start(dir.path(), &extra),
        TestServer::start(dir.path(), &extra),
    ];
    let shops = servers
        .each_ref()
        .map(|s| BusinessClient::new(&s.url, &token).unwrap());
    approved(
        &shops[0],
        "sale",
        Category::Marketing,
        "Spring sale starts now",
    )
    .await;
    approved(&shops[1], "hello", Category::Utility, "Your order is ready").await;
    let shop_id = token.split('.').nth(1).unwrap().parse().unwrap();
    let subscribe = WireAction::Subscribe {
        business: BusinessId(shop_id),
    };
    assert!(
        act(&servers[1].api(&ana), vec![("s", subscribe)])
            .await
            .results[0]
            .ok
    );

    let twelve_offers = vec!["ana".to_string(); 12];
    let offers = sent_at_once(&shops, "sale", &twelve_offers).await;
    assert_eq!(
        delivered(&offers),
        2,
        "ana's weekly cap for one business: {offers:?}"
    );

    let notices = sent_at_once(&shops, "hello", &people).await;
    assert_eq!(
        delivered(&notices),
        2,
        "a tier of 3 people, ana one of them already: {notices:?}"
    );

    let reached: Vec<String> = people
        .iter()
        .zip(&notices)
        .filter(|(_, d)| d.outcome == Outcome::Deliver)
        .map(|(name, _)| name.clone())
        .chain(["ana".to_string()])
        .collect();
    let broadcast = BroadcastSubmission {
        template: "hello".into(),
        params: vec![],
        to: Some(reached),
        dry_run: false,
        key: None,
    };
    let [first, second] = shops.clone().map(|shop| {
        let broadcast = broadcast.clone();
        async move { shop.broadcast(&broadcast).await }
    });
    let (first, second) = tokio::join!(first, second);
    let refused = [&first, &second]
        .into_iter()
        .filter(|r| matches!(r, Err(HttpError::Refused { status: 402, .. })))
        .count();
    assert_eq!(
        refused, 1,
        "a budget of 20 covers one broadcast to 3 people at 4 credits, not two: \
         {first:?} {second:?}"
    );
}

#[tokio::test]
async fn a_user_streaming_from_one_server_hears_within_a_second_what_another_accepted() {
    const PARKED: &str = "waits for changes";
    let database = TestDatabase::new();
    let dir = directory_on(&database);
    let ana = add_user(dir.path(), "ana");
    let token = add_business(dir.path(), "Tienda Sol", &[]);
    let accepting = TestServer::start(dir.path(), &[]);
    let streaming = TestServer::start_logging(dir.path(), &[], "info,parley::server=debug");
    let shop = BusinessClient::new(&accepting.url, &token).unwrap();
    approved(&shop, "ready", Category::Utility, "Your order is ready").await;
    let api = streaming.api(&ana);
    let cursor = all_changes(&api).await.cursor;
    let query = vec![
        ("change", cursor.change.to_string()),
        ("id", cursor.id.to_string()),
    ];
    let poll = tokio::spawn(async move {
        let changes: Changes = api.get("me/stream", &query).await.unwrap();
        (changes, Instant::now())
    });
    eventually("ana's poll to wait on the streaming server", || async {
        (streaming.log_lines_with(PARKED) > 0).then_some(())
    })
    .await;

    let request = SendRequest {
        to: "ana".into(),
        template: Some("ready".into()),
        params: vec![],
        text: None,
        key: None,
    };
    let sent = shop.send(&request).await.unwrap();
    let accepted_at = Instant::now();
    let (changes, heard_at) = poll.await.unwrap();
    assert_eq!(
        changes
            .messages
            .iter()
            .map(|m| Some(m.id))
            .collect::<Vec<_>>(),
        [sent.message]
    );
    assert!(
        heard_at.duration_since(accepted_at) < Duration::from_secs(1),
        "heard {:?} after the other server accepted it",
        heard_at.duration_since(accepted_at)
    );
}

#[tokio::test]
async fn one_server_runs_the_review_and_another_takes_over_when_it_dies() {
    const REVIEWED: &str = "review: 1 businesses";
    let database = TestDatabase::new();
    let dirs = [directory_on(&database), directory_on(&database)];
    add_business(dirs[0].path(), "Tienda Sol", &[]);
    let mut servers = dirs
        .each_ref()
        .map(|dir| TestServer::start_logging(dir.path(), &["--review-every", "1s"], "info"));
    let reviews =
        |servers: &[TestServer; 2]| servers.each_ref().map(|s| s.log_lines_with(REVIEWED));
    let leader = eventually("one server to review twice", || async {
        let [a, b] = reviews(&servers);
        (a.max(b) >= 2).then_some(if a >= b { 0 } else { 1 })
    })
    .await;
    let follower = 1 - leader;
    assert_eq!(
        reviews(&servers)[follower],
        0,
        "only the leader reviews: {:?}",
        reviews(&servers)
    );

    servers[leader].kill();
    eventually("the other server to take the review over", || async {
        (servers[follower].log_lines_with(REVIEWED) > 0).then_some(())
    })
    .await;
}

#[tokio::test]
async fn a_server_killed_amid_sends_loses_none_it_answered_and_the_other_takes_the_rest_once() {
    let database = TestDatabase::new();
    let dirs = [directory_on(&database), directory_on(&database)];
    let ana = add_user(dirs[0].path(), "ana");
    let token = add_business(dirs[0].path(), "Tienda Sol", &[]);
    let mut killed = TestServer::start(dirs[0].path(), &["--rate-limit", "0"]);
    let surviving = TestServer::start(dirs[1].path(), &["--rate-limit", "0"]);
    let shop = BusinessClient::new(&killed.url, &token).unwrap();
    approved(
        &shop,
        "ready",
        Category::Utility,
        "Your order {{1}} is ready",
    )
    .await;

    let (answers, mut answered_so_far) = tokio::sync::mpsc::unbounded_channel();
    let sends: Vec<_> = (0..64)
        .map(|n| {
            let (shop, answers) = (shop.clone(), answers.clone());
            tokio::spawn(async move {
                let request = SendRequest {
                    to: "ana".into(),
                    template: Some("ready".into()),
                    params: vec![format!("A-{n}")],
                    text: None,
                    key: Some(format!("A-{n}")),
                };
                let sent = shop.send(&request).await.ok().and_then(|sent| sent.message);
                let _ = answers.send(());
                (request, sent)
            })
        })
        .collect();
    for _ in 0..16 {
        answered_so_far.recv().await;
    }
    killed.kill();
    let (mut answered, mut unanswered) = (Vec::new(), Vec::new());
    for send in sends {
        match send.await.unwrap() {
            (_, Some(message)) => answered.push(message),
            (request, None) => unanswered.push(request),
        }
    }
    assert!(
        !answered.is_empty(),
        "some sends were answered before the kill"
    );
    let other = BusinessClient::new(&surviving.url, &token).unwrap();
    for request in &unanswered {
        let retried = other.send(request).await.unwrap();
        assert!(retried.message.is_some(), "{:?}", retried.decision);
    }

    let stored: Vec<MessageId> = all_changes(&surviving.api(&ana))
        .await
        .messages
        .iter()
        .map(|m| m.id)
        .collect();
    let lost: Vec<&MessageId> = answered.iter().filter(|m| !stored.contains(m)).collect();
    assert!(
        lost.is_empty(),
        "{} of {} answered sends are missing: {lost:?}",
        lost.len(),
        answered.len()
    );
    assert_eq!(
        stored.len(),
        64,
        "each send, answered before the kill or retried with its key after it, is stored once \
         ({} answered, {} retried)",
        answered.len(),
        unanswered.len()
    );
}

/// One request of a plan: an offer or a notice to one of the four users, or a notice
/// broadcast to all of them, through one of the two servers.
#[derive(Debug, Clone, Copy)]
enum Request {
    Offer { user: usize, server: usize },
    Notice { user: usize, server: usize },
    Broadcast { server: usize },
}

fn request() -> impl Strategy<Value = Request> {
    prop_oneof![
        (0..4usize, 0..2usize).prop_map(|(user, server)| Request::Offer { user, server }),
        (0..4usize, 0..2usize).prop_map(|(user, server)| Request::Notice { user, server }),
        (0..2usize).prop_map(|server| Request::Broadcast { server }),
    ]
}

/// What a run of a plan left: each user's delivered offers and messages, and the budget.
struct Delivered {
    offers: Vec<usize>,
    messages: Vec<usize>,
    budget: i64,
}

/// Runs every request of `plan` at once against two servers on one new database, with a
/// tier of `tier` people and a budget of `budget` credits, each user subscribed.
fn run_at_once(tier: u32, budget: i64, plan: &[Request]) -> Delivered {
    let database = TestDatabase::new();
    let dir = directory_on(&database);
    let assets = dir.path().join("assets");
    std::fs::create_dir(&assets).unwrap();
    let policy = include_str!("../assets/policy.toml").replace(
        "limits = [250, 2000, 10000, 100000]",
        &format!("limits = [{tier}, 2000]"),
    );
    std::fs::write(assets.join("policy.toml"), policy).unwrap();
    let names: Vec<String> = (0..4).map(|n| format!("u{n}")).collect();
    let users: Vec<String> = names.iter().map(|n| add_user(dir.path(), n)).collect();
    let token = add_business(dir.path(), "Tienda Sol", &["--budget", &budget.to_string()]);
    let extra = ["--rate-limit", "0", "--assets", assets.to_str().unwrap()];
    let servers = [
        TestServer::start(dir.path(), &extra),
        TestServer::start(dir.path(), &extra),
    ];
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let shops = servers
            .each_ref()
            .map(|s| BusinessClient::new(&s.url, &token).unwrap());
        approved(
            &shops[0],
            "sale",
            Category::Marketing,
            "Spring sale starts now",
        )
        .await;
        approved(&shops[0], "hello", Category::Utility, "Your order is ready").await;
        let business = BusinessId(token.split('.').nth(1).unwrap().parse().unwrap());
        for user in &users {
            let subscribe = WireAction::Subscribe { business };
            assert!(
                act(&servers[1].api(user), vec![("s", subscribe)])
                    .await
                    .results[0]
                    .ok
            );
        }
        let requests = plan.iter().map(|&r| {
            let (shops, names) = (shops.clone(), names.clone());
            async move {
                let send = |server: usize, user: usize, template: &str| {
                    let request = SendRequest {
                        to: names[user].clone(),
                        template: Some(template.into()),
                        params: vec![],
                        text: None,
                        key: None,
                    };
                    let shop = shops[server].clone();
                    async move { shop.send(&request).await.map(drop) }
                };
                match r {
                    Request::Offer { user, server } => send(server, user, "sale").await,
                    Request::Notice { user, server } => send(server, user, "hello").await,
                    Request::Broadcast { server } => {
                        let broadcast = BroadcastSubmission {
                            template: "hello".into(),
                            params: vec![],
                            to: Some(names.clone()),
                            dry_run: false,
                            key: None,
                        };
                        match shops[server].broadcast(&broadcast).await {
                            Err(HttpError::Refused { status: 402, .. }) => Ok(()),
                            other => other.map(drop),
                        }
                    }
                }
            }
        });
        for answer in futures::future::join_all(requests).await {
            answer.expect("every request is answered");
        }
        let mut outcome = Delivered {
            offers: Vec::new(),
            messages: Vec::new(),
            budget: shops[1].status().await.unwrap().budget,
        };
        for user in &users {
            let delivered: Vec<_> = all_changes(&servers[0].api(user))
                .await
                .messages
                .into_iter()
                .filter(|m| m.decision.outcome == Outcome::Deliver)
                .collect();
            let offers = delivered
                .iter()
                .filter(|m| m.category == Some(Category::Marketing))
                .count();
            outcome.offers.push(offers);
            outcome.messages.push(delivered.len());
        }
        outcome
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 4,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Whatever two servers on one database are asked at once, no user gets more than two
    /// offers from the business in a week, no more people than its tier are reached, and
    /// its budget never goes below zero.
    #[test]
    fn requests_at_once_through_two_servers_never_exceed_a_cap_the_tier_or_the_budget(
        tier in 1u32..=3,
        budget in 0i64..=40,
        plan in prop::collection::vec(request(), 4..20),
    ) {
        let outcome = run_at_once(tier, budget, &plan);
        prop_assert!(outcome.offers.iter().all(|&n| n <= 2), "offers per user: {:?}", outcome.offers);
        let reached = outcome.messages.iter().filter(|&&n| n > 0).count();
        prop_assert!(reached <= tier as usize, "{reached} people reached with a tier of {tier}");
        prop_assert!(outcome.budget >= 0, "budget {}", outcome.budget);
    }
}

/// Takes a database back to schema 1: schema 5's function, schema 4's columns, schema 3's
/// numbers and triggers and schema 2's tables dropped, as a Parley from before them left it.
const BACK_TO_SCHEMA_1: &str = "
    DROP FUNCTION parley_record_send;
    ALTER TABLE messages DROP COLUMN facts; ALTER TABLE decisions DROP COLUMN facts;
    ALTER TABLE strikes DROP COLUMN facts; ALTER TABLE restrictions DROP COLUMN strike;
    ALTER TABLE templates DROP COLUMN review_finding;
    DROP FUNCTION parley_stamp_dealing() CASCADE; DROP FUNCTION parley_stamp_prefs() CASCADE;
    DROP FUNCTION parley_business_changed() CASCADE;
    DROP FUNCTION parley_restriction_changed() CASCADE;
    DROP FUNCTION parley_fan_out(BIGINT); DROP FUNCTION parley_next_change(BIGINT);
    ALTER TABLE relations DROP COLUMN change; ALTER TABLE chats DROP COLUMN change;
    ALTER TABLE users DROP COLUMN prefs_change; DROP INDEX chats_business;
    DROP TABLE template_reach; DROP TABLE applied_sends;
    DELETE FROM parley_schema WHERE version > 1;";

#[tokio::test]
async fn a_database_from_schema_1_keeps_the_tier_and_syncs_only_what_changed_once_upgraded() {
    let database = TestDatabase::new();
    let dir = directory_on(&database);
    let assets = dir.path().join("assets");
    std::fs::create_dir(&assets).unwrap();
    let policy = include_str!("../assets/policy.toml")
        .replace("limits = [250, 2000, 10000, 100000]", "limits = [1, 2000]");
    std::fs::write(assets.join("policy.toml"), policy).unwrap();
    let extra = ["--assets", assets.to_str().unwrap()];
    let (ana, bob) = (add_user(dir.path(), "ana"), add_user(dir.path(), "bob"));
    let token = add_business(dir.path(), "Tienda Sol", &[]);
    let to = |name: &str| SendRequest {
        to: name.into(),
        template: Some("ready".into()),
        params: vec![],
        text: None,
        key: None,
    };
    let mut before = TestServer::start(dir.path(), &extra);
    let shop = BusinessClient::new(&before.url, &token).unwrap();
    approved(&shop, "ready", Category::Utility, "Your order is ready").await;
    let sent = shop.send(&to("ana")).await.unwrap();
    assert_eq!(sent.decision.outcome, Outcome::Deliver, "{sent:?}");
    before.kill();
    database.query(BACK_TO_SCHEMA_1);

    let server = TestServer::start(dir.path(), &extra);
    assert_eq!(
        database.query("SELECT max(version) FROM parley_schema"),
        ["5"]
    );
    let shop = BusinessClient::new(&server.url, &token).unwrap();
    let refused = shop.send(&to("bob")).await.unwrap();
    assert_eq!(
        refused.decision.reason,
        Reason::TierLimitReached,
        "ana, reached before the upgrade, fills a tier of one: {refused:?}"
    );
    let again = shop.send(&to("ana")).await.unwrap();
    assert_eq!(again.decision.outcome, Outcome::Deliver, "{again:?}");

    let api = server.api(&ana);
    let first = all_changes(&api).await;
    assert!(
        first.prefs.is_some() && first.businesses.len() == 1,
        "{first:?}"
    );
    let query = [
        ("change", first.cursor.change.to_string()),
        ("id", first.cursor.id.to_string()),
    ];
    let next: Changes = api.get("me/changes", &query).await.unwrap();
    assert!(next.is_empty(), "nothing changed since: {next:?}");
    let bob_first = all_changes(&server.api(&bob)).await;
    assert!(bob_first.cursor > Cursor::default(), "{bob_first:?}");
}

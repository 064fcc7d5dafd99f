//! `parley serve` end to end: the real binary on 127.0.0.1 with an ephemeral port and a
//! temporary directory, driven by the real client code (`sync::http`, `sync::business`) and by
//! `parley business` itself. Nothing is mocked and nothing sleeps to wait for a state. Each
//! test runs twice: on SQLite, and on a throwaway PostgreSQL (`NAME::sqlite`, `NAME::postgres`).

mod support;

use parley::model::*;
use parley::protocol::*;
use parley::sync::business_client::{BusinessClient, MetricsScope};
use parley::sync::http::{self, HttpError};
use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};
use support::server::*;
use tempfile::TempDir;

fn submission(name: &str, category: Category, body: &str) -> TemplateSubmission {
    TemplateSubmission {
        name: name.into(),
        category,
        body: body.into(),
        allow_recategorise: true,
    }
}

fn to(user: &str, template: &str, params: &[&str]) -> SendRequest {
    SendRequest {
        to: user.into(),
        template: Some(template.into()),
        params: params.iter().map(|p| p.to_string()).collect(),
        text: None,
        key: None,
    }
}

/// A server with users ana and bob and the shop Tienda Sol (budget 1000).
struct Scene {
    server: TestServer,
    ana: String,
    bob: String,
    shop: String,
    /// Declared last: dropped after the server.
    _dir: ServerDir,
}

/// The scene in `dir` (SQLite or PostgreSQL), its server started by `start`.
fn scene_in(dir: ServerDir, start: impl FnOnce(&Path) -> TestServer) -> Scene {
    let ana = add_user(dir.path(), "ana");
    let bob = add_user(dir.path(), "bob");
    let shop = add_business(
        dir.path(),
        "Tienda Sol",
        &["--verified", "--kind", "shop", "--budget", "1000"],
    );
    let server = start(dir.path());
    Scene {
        _dir: dir,
        server,
        ana,
        bob,
        shop,
    }
}

impl Scene {
    fn shop(&self) -> BusinessClient {
        BusinessClient::new(&self.server.url, &self.shop).unwrap()
    }
}

async fn approved(
    shop: &BusinessClient,
    name: &str,
    category: Category,
    body: &str,
) -> WireTemplate {
    let t = shop
        .submit_template(&submission(name, category, body))
        .await
        .unwrap();
    assert_eq!(t.status, TemplateStatus::Approved, "{t:?}");
    t
}

fn shop_id(changes: &Changes) -> BusinessId {
    changes
        .businesses
        .iter()
        .find(|b| b.name == "Tienda Sol")
        .expect("the shop is among the user's businesses")
        .id
}

on_both_backends!(async fn templates_are_reviewed_and_the_user_sees_what_the_rules_allowed_with_reasons);
async fn templates_are_reviewed_and_the_user_sees_what_the_rules_allowed_with_reasons(
    dir: ServerDir,
) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &[]));
    let shop = s.shop();
    let ready = approved(
        &shop,
        "order_ready",
        Category::Utility,
        "Your order {{1}} is ready",
    )
    .await;
    assert_eq!(ready.review_rule, ReviewRule::Passed);
    let loan = shop
        .submit_template(&submission(
            "loan",
            Category::Marketing,
            "Guaranteed loan for you",
        ))
        .await
        .unwrap();
    assert_eq!(
        (loan.status, loan.review_rule),
        (TemplateStatus::Rejected, ReviewRule::ForbiddenContent)
    );
    let deals = shop
        .submit_template(&submission(
            "deals",
            Category::Utility,
            "Big discount on {{1}} today",
        ))
        .await
        .unwrap();
    assert_eq!(
        (
            deals.status,
            deals.category,
            deals.requested_category,
            deals.review_rule
        ),
        (
            TemplateStatus::Approved,
            Category::Marketing,
            Category::Utility,
            ReviewRule::PromotionalRecategorised
        )
    );
    let listed: Vec<String> = shop
        .templates()
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(listed, ["order_ready", "loan", "deals"]);

    let sent = shop
        .send(&to("ana", "order_ready", &["A-42"]))
        .await
        .unwrap();
    assert_eq!(sent.decision.reason, Reason::UtilityUpdate);
    let held = shop.send(&to("ana", "deals", &["shoes"])).await.unwrap();
    assert_eq!(
        (held.decision.outcome, held.decision.reason),
        (Outcome::Hold, Reason::NotSubscribed)
    );
    let rejected = shop.send(&to("ana", "loan", &[])).await.unwrap();
    assert_eq!(
        (
            rejected.decision.outcome,
            rejected.decision.reason,
            rejected.message
        ),
        (Outcome::Reject, Reason::TemplateNotApproved, None)
    );

    let ana = s.server.api(&s.ana);
    let before = all_changes(&ana).await;
    let business = shop_id(&before);
    let results = act(&ana, vec![("sub-1", WireAction::Subscribe { business })]).await;
    assert!(results.results[0].ok, "{results:?}");
    let offer = shop.send(&to("ana", "deals", &["hats"])).await.unwrap();
    assert_eq!(offer.decision.reason, Reason::SubscribedOffer);

    let changes = all_changes(&ana).await;
    let seen: Vec<(String, Outcome, Reason)> = changes
        .messages
        .iter()
        .map(|m| (m.body.clone(), m.decision.outcome, m.decision.reason))
        .collect();
    assert_eq!(
        seen,
        [
            (
                "Your order A-42 is ready".to_string(),
                Outcome::Deliver,
                Reason::UtilityUpdate
            ),
            (
                "Big discount on shoes today".to_string(),
                Outcome::Hold,
                Reason::NotSubscribed
            ),
            (
                "Big discount on hats today".to_string(),
                Outcome::Deliver,
                Reason::SubscribedOffer
            ),
        ]
    );
    assert!(
        changes
            .messages
            .iter()
            .all(|m| !m.decision.sentence.is_empty())
    );
    assert_eq!(changes.messages[2].template_name.as_deref(), Some("deals"));
    let shop_row = &changes.businesses[0];
    assert!(shop_row.verified && shop_row.relation.subscribed);
    assert_eq!((changes.me.as_str(), changes.more), ("ana", false));

    let bob = all_changes(&s.server.api(&s.bob)).await;
    assert!(
        bob.messages.is_empty() && bob.businesses.is_empty(),
        "{bob:?}"
    );
}

on_both_backends!(async fn the_cursor_pages_through_changes_and_sees_deletions);
async fn the_cursor_pages_through_changes_and_sees_deletions(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &[]));
    let shop = s.shop();
    approved(
        &shop,
        "code",
        Category::Authentication,
        "Your code is {{1}}",
    )
    .await;
    approved(&shop, "promo", Category::Marketing, "New arrivals").await;
    for n in 0..5 {
        shop.send(&to("ana", "code", &[&n.to_string()]))
            .await
            .unwrap();
    }
    let held = shop.send(&to("ana", "promo", &[])).await.unwrap();
    let ana = s.server.api(&s.ana);
    let mut cursor = Cursor::default();
    let mut bodies = Vec::new();
    loop {
        let query = [
            ("change", cursor.change.to_string()),
            ("id", cursor.id.to_string()),
            ("limit", "2".to_string()),
        ];
        let page: Changes = ana.get("me/changes", &query).await.unwrap();
        assert!(page.messages.len() <= 2);
        bodies.extend(page.messages.iter().map(|m| m.body.clone()));
        assert!(page.cursor > cursor || !page.more);
        cursor = page.cursor;
        if !page.more {
            break;
        }
    }
    assert_eq!(bodies.len(), 6, "{bodies:?}");
    let message = held.message.expect("a held message is stored");
    let results = act(&ana, vec![("del-1", WireAction::DeleteHeld { message })]).await;
    assert!(results.results[0].ok, "{results:?}");
    let query = [
        ("change", cursor.change.to_string()),
        ("id", cursor.id.to_string()),
    ];
    let next: Changes = ana.get("me/changes", &query).await.unwrap();
    assert_eq!((next.removed, next.messages.len()), (vec![message], 0));
}

on_both_backends!(
    async fn broadcasts_dry_run_writes_nothing_short_budgets_are_refused_and_only_delivered_is_charged
);
async fn broadcasts_dry_run_writes_nothing_short_budgets_are_refused_and_only_delivered_is_charged(
    dir: ServerDir,
) {
    let users: Vec<String> = ["ana", "bob", "cy"]
        .iter()
        .map(|n| add_user(dir.path(), n))
        .collect();
    let token = add_business(dir.path(), "Tienda Sol", &["--budget", "90"]);
    let server = TestServer::start(dir.path(), &[]);
    let shop = BusinessClient::new(&server.url, &token).unwrap();
    approved(&shop, "welcome", Category::Utility, "Welcome to Tienda Sol").await;
    approved(&shop, "sale", Category::Marketing, "Spring sale starts now").await;
    for name in ["ana", "bob", "cy"] {
        shop.send(&to(name, "welcome", &[])).await.unwrap();
    }
    for (n, user) in users.iter().enumerate() {
        let api = server.api(user);
        let business = shop_id(&all_changes(&api).await);
        let mut actions = vec![("sub", WireAction::Subscribe { business })];
        if n == 2 {
            let prefs = UserPrefs {
                all_offers: false,
                daily_marketing_cap: 4,
                weekly_business_cap: 2,
                quiet_hours: None,
                time_zone: None,
            };
            actions.push(("offers-off", WireAction::SetPrefs { prefs }));
        }
        assert!(act(&api, actions).await.results.iter().all(|r| r.ok));
    }
    let before = shop.metrics(&MetricsScope::Business).await.unwrap().metrics;
    let cy_before = all_changes(&server.api(&users[2])).await.messages.len();

    let mut sale = BroadcastSubmission {
        template: "sale".into(),
        params: vec![],
        to: None,
        dry_run: true,
        key: None,
    };
    let dry = shop.broadcast(&sale).await.unwrap();
    assert!(dry.dry_run && dry.id.is_none());
    assert_eq!(
        (
            dry.quote.audience,
            dry.quote.eligible,
            dry.quote.unit_price,
            dry.quote.reserved
        ),
        (3, 2, 25, 50),
        "cy turned offers off: known in advance, not reserved for"
    );
    assert_eq!(
        (dry.delivered, dry.held.get(&Reason::NotSubscribed)),
        (2, Some(&1))
    );
    assert_eq!((dry.settlement.charged, dry.settlement.refunded), (50, 0));
    assert_eq!(
        shop.status().await.unwrap().budget,
        90,
        "a dry run charges nothing"
    );
    assert_eq!(
        shop.metrics(&MetricsScope::Business).await.unwrap().metrics,
        before
    );
    assert_eq!(
        all_changes(&server.api(&users[2])).await.messages.len(),
        cy_before
    );

    sale.dry_run = false;
    let done = shop.broadcast(&sale).await.unwrap();
    let id = done.id.expect("a real broadcast has an id");
    assert_eq!(
        (
            done.delivered,
            done.settlement.charged,
            done.settlement.refunded
        ),
        (2, 50, 0)
    );
    assert_eq!(done.settlement.budget_after, 40);
    assert_eq!(shop.status().await.unwrap().budget, 40);
    let figures = shop.metrics(&MetricsScope::Broadcast(id.0)).await.unwrap();
    assert_eq!(figures.scope, format!("broadcast {id}"));
    assert_eq!(
        (
            figures.metrics.delivered,
            figures.metrics.held,
            figures.metrics.credits
        ),
        (2, 1, 50)
    );

    let (status, error) = status_of(shop.broadcast(&sale).await);
    assert_eq!((status, error.error.as_str()), (402, "insufficient_budget"));
    let short = error.budget.expect("the refusal says how much is missing");
    assert_eq!(
        (
            short.eligible,
            short.needed,
            short.available,
            short.shortfall
        ),
        (2, 50, 40, 10)
    );
    assert_eq!(
        shop.status().await.unwrap().budget,
        40,
        "a refusal charges nothing"
    );
    let kept = shop.broadcasts().await.unwrap();
    assert_eq!(
        kept.len(),
        2,
        "the refusal is kept beside the broadcast: {kept:?}"
    );
    assert_eq!(
        kept[0].refused,
        Some(BudgetShortfall {
            needed: 50,
            available: 40
        })
    );
    assert_eq!((kept[0].reserved, kept[1].refused), (0, None));
}

on_both_backends!(async fn each_action_key_applies_once);
async fn each_action_key_applies_once(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &[]));
    let shop = s.shop();
    approved(
        &shop,
        "order_ready",
        Category::Utility,
        "Your order is ready",
    )
    .await;
    shop.send(&to("ana", "order_ready", &[])).await.unwrap();
    let ana = s.server.api(&s.ana);
    let business = shop_id(&all_changes(&ana).await);
    let reply = WireAction::Reply {
        business,
        text: "Thanks!".into(),
    };
    let report = WireAction::Report {
        business,
        reason: ReportReason::Spam,
        also_block: false,
    };
    let first = act(
        &ana,
        vec![("k-reply", reply.clone()), ("k-report", report.clone())],
    )
    .await;
    assert!(
        first.results.iter().all(|r| r.ok && !r.replayed),
        "{first:?}"
    );
    let again = act(
        &ana,
        vec![
            ("k-reply", reply.clone()),
            ("k-report", report),
            ("k-reply", reply),
        ],
    )
    .await;
    assert!(
        again.results.iter().all(|r| r.ok && r.replayed),
        "{again:?}"
    );

    let changes = all_changes(&ana).await;
    let replies: Vec<&SyncedMessage> = changes
        .messages
        .iter()
        .filter(|m| m.direction == Direction::Outbound)
        .collect();
    assert_eq!(replies.len(), 1, "{replies:?}");
    assert_eq!(replies[0].client_key.as_deref(), Some("k-reply"));
    assert_eq!(
        shop.metrics(&MetricsScope::Business)
            .await
            .unwrap()
            .metrics
            .reports,
        1
    );

    let unknown = WireAction::Subscribe {
        business: BusinessId(999),
    };
    let failed = act(&ana, vec![("k-bad", unknown.clone())])
        .await
        .results
        .remove(0);
    assert!(
        !failed.ok && !failed.replayed && failed.error.is_some(),
        "{failed:?}"
    );
    let replay = act(&ana, vec![("k-bad", unknown)]).await.results.remove(0);
    assert_eq!(
        (replay.ok, replay.replayed, replay.error),
        (false, true, failed.error)
    );
}

on_both_backends!(async fn a_long_poll_wakes_within_a_second_of_a_send);
async fn a_long_poll_wakes_within_a_second_of_a_send(dir: ServerDir) {
    const PARKED: &str = "waits for changes";
    let s = scene_in(dir, |dir| {
        TestServer::start_logging(dir, &[], "info,parley::server=debug")
    });
    let shop = s.shop();
    approved(
        &shop,
        "order_ready",
        Category::Utility,
        "Your order is ready",
    )
    .await;
    let ana = s.server.api(&s.ana);
    let cursor = all_changes(&ana).await.cursor;
    let query = vec![
        ("change", cursor.change.to_string()),
        ("id", cursor.id.to_string()),
    ];
    let mut short = query.clone();
    short.push(("wait", "1".to_string()));
    let started = Instant::now();
    let empty: Changes = ana.get("me/stream", &short).await.unwrap();
    assert!(empty.messages.is_empty() && empty.cursor == cursor);
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "it waited for a change"
    );

    // The short poll above waited too: its line is in the log before the next one is counted.
    let parked_before = eventually("the short poll's line in the log", || async {
        Some(s.server.log_lines_with(PARKED)).filter(|n| *n > 0)
    })
    .await;
    let poll = tokio::spawn({
        let ana = ana.clone();
        async move {
            let changes: Changes = ana.get("me/stream", &query).await.unwrap();
            (changes, Instant::now())
        }
    });
    eventually("the poll to wait on the server", || async {
        (s.server.log_lines_with(PARKED) > parked_before).then_some(())
    })
    .await;
    assert!(
        !poll.is_finished(),
        "the poll waits until something is sent"
    );
    shop.send(&to("ana", "order_ready", &[])).await.unwrap();
    let sent_at = Instant::now();
    let (changes, answered_at) = poll.await.unwrap();
    assert_eq!(changes.messages.len(), 1);
    let lag = answered_at.saturating_duration_since(sent_at);
    assert!(
        lag < Duration::from_secs(1),
        "the poll answered {lag:?} after the send"
    );
}

on_both_backends!(async fn users_and_businesses_reach_only_their_own);
async fn users_and_businesses_reach_only_their_own(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &[]));
    let dir = &s.server.dir;
    let other = BusinessClient::new(&s.server.url, &add_business(dir, "Quick Cash", &[])).unwrap();
    let shop = s.shop();
    approved(
        &shop,
        "order_ready",
        Category::Utility,
        "Your order is ready",
    )
    .await;
    approved(&other, "cash", Category::Utility, "Your cash is ready").await;
    let sent = shop.send(&to("bob", "order_ready", &[])).await.unwrap();
    let bobs_message = sent.message.unwrap();
    let broadcast = BroadcastSubmission {
        template: "order_ready".into(),
        params: vec![],
        to: Some(vec!["bob".into()]),
        dry_run: false,
        key: None,
    };
    let shops_broadcast = shop.broadcast(&broadcast).await.unwrap().id.unwrap();

    let ana = s.server.api(&s.ana);
    assert!(
        all_changes(&ana).await.messages.is_empty(),
        "ana sees none of bob's chats"
    );
    let feedback = WireAction::Feedback {
        message: bobs_message,
        feedback: Feedback::NotInterested,
    };
    let result = act(&ana, vec![("f", feedback)]).await.results.remove(0);
    assert!(!result.ok && result.error.as_deref().unwrap().contains("no message"));

    let (code, _) = status_of(other.send(&to("ana", "order_ready", &[])).await);
    assert_eq!(code, 404, "X cannot use Y's template");
    let (code, _) = status_of(
        other
            .metrics(&MetricsScope::Template("order_ready".into()))
            .await,
    );
    assert_eq!(code, 404, "X cannot read Y's template metrics");
    let (code, _) = status_of(
        other
            .metrics(&MetricsScope::Broadcast(shops_broadcast.0))
            .await,
    );
    assert_eq!(code, 404, "X cannot read Y's broadcast metrics");
    let (code, _) = status_of(other.send(&to("nobody", "cash", &[])).await);
    assert_eq!(code, 404);

    let as_business = BusinessClient::new(&s.server.url, &s.ana).unwrap();
    let (code, error) = status_of(as_business.status().await);
    assert_eq!((code, error.error.as_str()), (401, "unauthorized"));
    let flipped = if s.ana.ends_with('0') { '1' } else { '0' };
    let forged = format!("{}{flipped}", &s.ana[..s.ana.len() - 1]);
    let (code, _) = status_of(
        s.server
            .api(&forged)
            .get::<Changes>("me/changes", &[])
            .await,
    );
    assert_eq!(code, 401, "a wrong secret is refused");
    let (code, _) = status_of(
        s.server
            .api("nonsense")
            .get::<Changes>("me/changes", &[])
            .await,
    );
    assert_eq!(code, 401);
}

/// A raw request sent as JSON, to send what the typed client never would.
async fn raw(
    server: &TestServer,
    method: reqwest::Method,
    path: &str,
    token: Option<&str>,
    body: Vec<u8>,
) -> (u16, ApiError) {
    raw_as(server, method, path, token, Some("application/json"), body).await
}

/// A raw request with this content type (`None`: no content type at all).
async fn raw_as(
    server: &TestServer,
    method: reqwest::Method,
    path: &str,
    token: Option<&str>,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> (u16, ApiError) {
    let client = http::client().unwrap();
    let mut request = client
        .request(method, format!("{}{path}", server.url))
        .body(body);
    if let Some(content_type) = content_type {
        request = request.header(reqwest::header::CONTENT_TYPE, content_type);
    }
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let error: ApiError = response
        .json()
        .await
        .expect("every error is a JSON ApiError");
    (status, error)
}

/// A route, a token, a body, and the status and error code it must get.
type BadCase<'a> = (&'a str, Option<&'a str>, Vec<u8>, u16, &'a str);

on_both_backends!(async fn bad_input_gets_clear_json_errors);
async fn bad_input_gets_clear_json_errors(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &[]));
    let post = reqwest::Method::POST;
    let shop = Some(s.shop.as_str());
    let cases: Vec<BadCase> = vec![
        (
            "/v1/business/templates",
            None,
            b"{}".to_vec(),
            401,
            "unauthorized",
        ),
        (
            "/v1/business/templates",
            shop,
            b"{\"name\": ".to_vec(),
            400,
            "bad_request",
        ),
        (
            "/v1/business/templates",
            shop,
            b"not json".to_vec(),
            400,
            "bad_request",
        ),
        (
            "/v1/business/templates",
            shop,
            br#"{"name":"x","category":"gossip","body":"hi"}"#.to_vec(),
            422,
            "invalid",
        ),
        (
            "/v1/business/messages",
            shop,
            br#"{"to":"ana","template":"a","text":"b"}"#.to_vec(),
            422,
            "invalid",
        ),
        (
            "/v1/business/templates",
            shop,
            vec![b' '; 100 * 1024],
            413,
            "payload_too_large",
        ),
        ("/v1/nowhere", shop, b"{}".to_vec(), 404, "not_found"),
        (
            "/v1/health",
            None,
            b"{}".to_vec(),
            405,
            "method_not_allowed",
        ),
    ];
    for (path, token, body, status, code) in cases {
        let (got, error) = raw(&s.server, post.clone(), path, token, body).await;
        assert_eq!(
            (got, error.error.as_str()),
            (status, code),
            "{path}: {error:?}"
        );
        assert!(!error.message.is_empty());
    }
    let ana = s.server.api(&s.ana);
    let (code, _) = status_of(
        ana.get::<Changes>("me/changes", &[("limit", "lots".into())])
            .await,
    );
    assert_eq!(code, 422);
    let (code, _) = status_of(
        ana.get::<Changes>("me/changes", &[("limit", "0".into())])
            .await,
    );
    assert_eq!(code, 422);
}

on_both_backends!(async fn json_routes_answer_415_to_a_body_not_sent_as_json);
async fn json_routes_answer_415_to_a_body_not_sent_as_json(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &[]));
    let post = reqwest::Method::POST;
    let body = br#"{"name":"hi","category":"utility","body":"Hello"}"#.to_vec();
    let path = "/v1/business/templates";
    let shop = Some(s.shop.as_str());
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let (got, error) = raw_as(
            &s.server,
            post.clone(),
            path,
            shop,
            content_type,
            body.clone(),
        )
        .await;
        assert_eq!(
            (got, error.error.as_str()),
            (415, "unsupported_media_type"),
            "{content_type:?}: {error:?}"
        );
        assert!(
            error.message.contains("application/json"),
            "{}",
            error.message
        );
    }
    let gossip = br#"{"name":"hi","category":"gossip","body":"Hello"}"#.to_vec();
    for content_type in [
        "application/json; charset=utf-8",
        "application/problem+json",
    ] {
        let (got, error) = raw_as(
            &s.server,
            post.clone(),
            path,
            shop,
            Some(content_type),
            gossip.clone(),
        )
        .await;
        assert_eq!(
            (got, error.error.as_str()),
            (422, "invalid"),
            "{content_type} is read as JSON"
        );
    }
}

on_both_backends!(async fn an_error_never_echoes_a_long_or_hostile_input_back_in_full);
async fn an_error_never_echoes_a_long_or_hostile_input_back_in_full(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &[]));
    let key = format!(r"\u001b]0;PWNED\u0007{}", "k".repeat(60 * 1024));
    let body = format!(r#"{{"actions":[{{"key":"{key}","action":"subscribe","business":1}}]}}"#);
    let (got, error) = raw(
        &s.server,
        reqwest::Method::POST,
        "/v1/me/actions",
        Some(&s.ana),
        body.into_bytes(),
    )
    .await;
    assert_eq!((got, error.error.as_str()), (422, "invalid"), "{error:?}");
    assert!(error.message.len() < 600, "{} bytes", error.message.len());
    assert!(
        error.message.contains("idempotency key"),
        "{}",
        error.message
    );
    assert!(
        !error.message.chars().any(|c| c.is_control()) && !error.message.contains("PWNED"),
        "{:?}",
        error.message
    );
}

on_both_backends!(async fn flooding_gets_429_and_the_server_stays_responsive);
async fn flooding_gets_429_and_the_server_stays_responsive(dir: ServerDir) {
    let s = scene_in(dir, |dir| {
        TestServer::start(dir, &["--rate-limit", "5", "--burst", "10"])
    });
    let ana = s.server.api(&s.ana);
    let flood: Vec<_> = (0..200)
        .map(|_| {
            let ana = ana.clone();
            tokio::spawn(async move { ana.get::<Changes>("me/changes", &[]).await })
        })
        .collect();
    let health = s.server.api("");
    let started = Instant::now();
    let answer: Health = health.get("health", &[]).await.unwrap();
    assert_eq!(answer.status, "ok");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "health answered during the flood"
    );
    let mut limited = 0;
    for request in flood {
        match request.await.unwrap() {
            Ok(_) => {}
            Err(HttpError::Refused { status: 429, error }) => {
                assert_eq!(error.error, "too_many_requests");
                limited += 1;
            }
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    assert!(limited >= 150, "only {limited} of 200 were limited");
    let client = http::client().unwrap();
    let response = client
        .get(format!("{}/v1/me/changes", s.server.url))
        .bearer_auth(&s.ana)
        .send()
        .await
        .unwrap();
    if response.status() == 429 {
        assert!(response.headers().contains_key("retry-after"));
    }
    let bob: Changes = s.server.api(&s.bob).get("me/changes", &[]).await.unwrap();
    assert_eq!(bob.me, "bob", "another token is not limited by ana's flood");
}

on_both_backends!(async fn data_survives_a_server_crash_and_restart);
async fn data_survives_a_server_crash_and_restart(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &[]));
    let shop = s.shop();
    approved(
        &shop,
        "order_ready",
        Category::Utility,
        "Your order is ready",
    )
    .await;
    shop.send(&to("ana", "order_ready", &[])).await.unwrap();
    let ana_before = all_changes(&s.server.api(&s.ana)).await;
    let Scene {
        _dir,
        mut server,
        ana,
        shop: shop_token,
        ..
    } = s;
    let dir = server.dir.clone();
    server.kill();

    let server = TestServer::start(&dir, &[]);
    let after = all_changes(&server.api(&ana)).await;
    assert_eq!(after.messages, ana_before.messages);
    let shop = BusinessClient::new(&server.url, &shop_token).unwrap();
    assert_eq!(shop.templates().await.unwrap().len(), 1);
    assert_eq!(
        shop.metrics(&MetricsScope::Business)
            .await
            .unwrap()
            .metrics
            .delivered,
        1
    );
}

on_both_backends!(async fn the_openapi_document_lists_every_route);
async fn the_openapi_document_lists_every_route(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &[]));
    let document: serde_json::Value = s.server.api("").get("openapi.json", &[]).await.unwrap();
    let listed: BTreeSet<(String, String)> = document["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(move |method| (method.clone(), path.clone()))
        })
        .collect();
    let expected: BTreeSet<(String, String)> = [
        ("get", "/v1/health"),
        ("get", "/v1/openapi.json"),
        ("get", "/v1/me/changes"),
        ("get", "/v1/me/stream"),
        ("post", "/v1/me/actions"),
        ("get", "/v1/directory"),
        ("get", "/v1/business/templates"),
        ("post", "/v1/business/templates"),
        ("post", "/v1/business/messages"),
        ("post", "/v1/business/broadcasts"),
        ("get", "/v1/business/metrics"),
        ("get", "/v1/business/status"),
        ("get", "/v1/business/account"),
        ("get", "/v1/business/rules"),
        ("get", "/v1/business/templates/{id}/history"),
        ("put", "/v1/business/templates/{id}"),
        ("delete", "/v1/business/templates/{id}"),
        ("post", "/v1/business/templates/{id}/resubmit"),
        ("get", "/v1/business/templates/{id}/versions"),
        ("get", "/v1/business/broadcasts"),
        ("get", "/v1/business/daily"),
        ("get", "/v1/business/quality"),
        ("get", "/v1/business/standing"),
        ("post", "/v1/business/broadcasts/start"),
        ("post", "/v1/business/broadcasts/{id}/parts"),
        ("post", "/v1/business/broadcasts/{id}/finish"),
        ("get", "/v1/business/conversations"),
        ("post", "/v1/business/conversations/read"),
        ("post", "/v1/business/conversations/reply"),
        ("post", "/v1/business/review-request"),
        ("get", "/v1/review/cases"),
        ("get", "/v1/review/case"),
        ("post", "/v1/review/decisions"),
    ]
    .iter()
    .map(|(m, p)| (m.to_string(), p.to_string()))
    .collect();
    assert_eq!(listed, expected);
    let reviewer = add_reviewer(s._dir.path(), "rita");
    for (method, path) in &listed {
        let method = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let client = http::client().unwrap();
        let response = client
            .request(method, format!("{}{path}?wait=0", s.server.url))
            .bearer_auth(if path.contains("/me/") || path.ends_with("/directory") {
                &s.ana
            } else if path.contains("/review/") {
                &reviewer
            } else {
                &s.shop
            })
            .send()
            .await
            .unwrap();
        assert!(
            ![404, 405].contains(&response.status().as_u16()),
            "{path} is listed but not served"
        );
    }
    let schemas = &document["components"]["schemas"];
    let reasons = schemas["Reason"]["enum"]
        .as_array()
        .expect("Reason is a string enum");
    assert!(reasons.iter().any(|r| r == "not_subscribed"));
    assert!(document["components"]["securitySchemes"]["bearer"].is_object());
}

/// `parley business` against the server, as a script would run it.
fn business(server: &TestServer, token: &str, args: &[&str]) -> Ran {
    business_tool(&server.url, token, args)
}

on_both_backends!(async fn the_business_tool_prints_tables_json_and_trustworthy_exit_codes);
async fn the_business_tool_prints_tables_json_and_trustworthy_exit_codes(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &[]));
    let files = TempDir::new().unwrap();
    let file = |name: &str, text: &str| {
        let path = files.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    let ready = file(
        "ready.toml",
        "name = \"order_ready\"\ncategory = \"utility\"\nbody = \"Your order {{1}} is ready\"\n",
    );
    let loan = file(
        "loan.toml",
        "name = \"loan\"\ncategory = \"marketing\"\nbody = \"Guaranteed loan today\"\n",
    );
    let deals = file(
        "deals.toml",
        "name = \"deals\"\ncategory = \"utility\"\nbody = \"A deal for you\"\n",
    );
    let broken = file("broken.toml", "name = \"x\"\n");

    let ran = business(&s.server, &s.shop, &["templates", "submit", &ready]);
    assert_eq!(ran.code, 0, "{ran:?}");
    assert!(
        ran.stdout.contains("Approved: order_ready"),
        "{}",
        ran.stdout
    );
    let ran = business(&s.server, &s.shop, &["templates", "submit", &loan]);
    assert_eq!(ran.code, 1, "a rejected template exits 1: {ran:?}");
    assert!(ran.stdout.contains("forbidden_content"), "{}", ran.stdout);
    let ran = business(
        &s.server,
        &s.shop,
        &["--json", "templates", "submit", &deals],
    );
    assert_eq!(ran.code, 0);
    let t: WireTemplate = serde_json::from_str(&ran.stdout).expect("--json prints the answer");
    assert_eq!(
        (t.category, t.review_rule),
        (Category::Marketing, ReviewRule::PromotionalRecategorised)
    );
    let ran = business(&s.server, &s.shop, &["templates", "submit", &broken]);
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr.contains("missing field") && ran.stderr.contains("category"),
        "{}",
        ran.stderr
    );

    let ran = business(&s.server, &s.shop, &["templates", "list"]);
    assert_eq!(ran.code, 0);
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert!(
        lines[0].starts_with("NAME") && lines[0].contains("REVIEW RULE"),
        "{}",
        ran.stdout
    );
    assert!(
        lines[3].contains("marketing (asked utility)"),
        "{}",
        ran.stdout
    );

    let ran = business(
        &s.server,
        &s.shop,
        &[
            "send",
            "--to",
            "ana",
            "--template",
            "order_ready",
            "--param",
            "7",
        ],
    );
    assert_eq!(ran.code, 0, "{ran:?}");
    assert!(
        ran.stdout
            .starts_with("Delivered to ana (utility, utility_update)"),
        "{}",
        ran.stdout
    );
    let ran = business(
        &s.server,
        &s.shop,
        &["--json", "send", "--to", "ana", "--template", "deals"],
    );
    assert_eq!(ran.code, 1, "a held message exits 1");
    let held: SendResponse = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(held.decision.reason, Reason::NotSubscribed);
    let json: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(
        (
            &json["decision"]["reason"],
            &json["decision"]["facts"]["business"]
        ),
        (
            &serde_json::json!("not_subscribed"),
            &serde_json::json!("Tienda Sol")
        ),
        "--json gives the code and the facts behind the sentence: {}",
        ran.stdout
    );
    let ran = business(
        &s.server,
        &s.shop,
        &["send", "--to", "nobody", "--template", "order_ready"],
    );
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr.contains("no user named nobody"),
        "{}",
        ran.stderr
    );

    let names = file("people.txt", "ana\n# a comment\n\nbob\n");
    let ran = business(
        &s.server,
        &s.shop,
        &[
            "broadcast",
            "--template",
            "order_ready",
            "--param",
            "A-1",
            "--to",
            &names,
            "--dry-run",
        ],
    );
    assert_eq!(ran.code, 0, "{ran:?}");
    assert!(
        ran.stdout.contains("Dry run") && ran.stdout.contains("2 people"),
        "{}",
        ran.stdout
    );

    let ran = business(
        &s.server,
        &s.shop,
        &["--json", "metrics", "--template", "order_ready"],
    );
    let m: MetricsReport = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!((ran.code, m.metrics.delivered), (0, 1));
    let ran = business(&s.server, &s.shop, &["status"]);
    assert_eq!(ran.code, 0);
    assert!(
        ran.stdout.contains("quality") && ran.stdout.contains("1,000 cr"),
        "{}",
        ran.stdout
    );

    let ran = business(&s.server, "b.1.00", &["status"]);
    assert_eq!(ran.code, 1, "a refused token exits 1");
    assert!(ran.stderr.contains("--token"), "{}", ran.stderr);
    let ran = run(&["business", "--token", &s.shop, "status"]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("--server URL"), "{}", ran.stderr);
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let ran = run(&[
        "business",
        "--server",
        &format!("http://{closed}"),
        "--token",
        &s.shop,
        "status",
    ]);
    assert_eq!(ran.code, 2, "{ran:?}");
    assert!(ran.stderr.contains("cannot reach"), "{}", ran.stderr);
    let ran = run(&["business", "--server", &s.server.url]);
    assert_eq!(
        ran.code, 2,
        "without a command it opens the console, which needs a token"
    );
    assert!(ran.stderr.contains("--token"), "{}", ran.stderr);
    let ran = run(&["business", "--help"]);
    assert_eq!(ran.code, 0, "{ran:?}");
    assert!(
        ran.stdout.contains("templates") && ran.stdout.contains("broadcast"),
        "{}",
        ran.stdout
    );
}

on_both_backends!(fn user_names_are_unique_on_a_server);
fn user_names_are_unique_on_a_server(dir: ServerDir) {
    add_user(dir.path(), "ana");
    let ran = serve_tool(dir.path(), &["add-user", "ana"]);
    assert_eq!(ran.code, 1);
    assert!(ran.stderr.contains("already exists"), "{}", ran.stderr);
}

on_both_backends!(async fn a_movable_clock_reaches_strikes_and_warnings_through_http);
async fn a_movable_clock_reaches_strikes_and_warnings_through_http(dir: ServerDir) {
    let users: Vec<String> = ["ana", "bob", "cy"]
        .iter()
        .map(|n| add_user(dir.path(), n))
        .collect();
    let token = add_business(dir.path(), "Tienda Sol", &[]);
    let server = TestServer::start(dir.path(), &["--movable-clock"]);
    let shop = BusinessClient::new(&server.url, &token).unwrap();
    approved(&shop, "welcome", Category::Utility, "Welcome to Tienda Sol").await;
    for name in ["ana", "bob", "cy"] {
        shop.send(&to(name, "welcome", &[])).await.unwrap();
    }
    for user in &users {
        let api = server.api(user);
        let business = shop_id(&all_changes(&api).await);
        let report = WireAction::Report {
            business,
            reason: ReportReason::Spam,
            also_block: false,
        };
        assert!(act(&api, vec![("r", report)]).await.results[0].ok);
    }
    let clock = server.api("");
    let advance = |seconds: i64| {
        let clock = &clock;
        async move {
            let moved: ClockMoved = clock
                .post("test/clock", &ClockAdvance { seconds })
                .await
                .unwrap();
            moved
        }
    };
    let moved = advance(3_600).await;
    assert!(moved.changes > 0, "{moved:?}");
    let status = shop.status().await.unwrap();
    assert_eq!(status.strikes.len(), 1, "{status:?}");
    assert_eq!(
        status
            .restrictions
            .iter()
            .map(|(r, shown)| (r.kind, *shown))
            .collect::<Vec<_>>(),
        [(RestrictionKind::Warning, true)],
        "3 people reported it: a warning, shown"
    );

    advance(91 * 86_400).await;
    let status = shop.status().await.unwrap();
    assert!(status.strikes.is_empty(), "{status:?}");
    assert_eq!(status.restrictions.len(), 1);
    assert!(
        !status.restrictions[0].1,
        "the warning ended with its strike"
    );

    let real = TestServer::start(&dir.path().join("other"), &[]);
    let (status, _) = status_of(
        real.api("")
            .post::<_, ClockMoved>("test/clock", &ClockAdvance { seconds: 1 })
            .await,
    );
    assert_eq!(
        status, 404,
        "only a server started with --movable-clock has it"
    );
}

/// The names on one page of the directory, and where the next page starts.
async fn directory_page(
    api: &http::Api,
    query: &[(&str, &str)],
) -> (Vec<String>, Option<BusinessId>) {
    let query: Vec<(&str, String)> = query.iter().map(|(k, v)| (*k, v.to_string())).collect();
    let page: Directory = api
        .get("directory", &query)
        .await
        .expect("a directory page");
    let names = page.businesses.into_iter().map(|b| b.name).collect();
    (names, page.next)
}

on_both_backends!(async fn the_directory_finds_businesses_by_name_in_pages_for_users_only);
async fn the_directory_finds_businesses_by_name_in_pages_for_users_only(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &[]));
    let dir = &s.server.dir;
    add_business(dir, "Luz Verde Energía", &["--kind", "energy"]);
    add_business(dir, "Solar\u{1b}]0;pwned\u{7}Mar", &[]);
    add_business(dir, "Quick Cash", &["--kind", "finance"]);
    let ana = s.server.api(&s.ana);

    let page: Directory = ana.get("directory", &[]).await.unwrap();
    let names: Vec<&str> = page.businesses.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        names.len(),
        4,
        "every business, none has written to ana: {names:?}"
    );
    assert_eq!(page.next, None);
    let shop = &page.businesses[0];
    assert_eq!(
        (shop.name.as_str(), shop.kind, shop.verified),
        ("Tienda Sol", BusinessKind::Shop, true)
    );
    assert!(
        names.iter().all(|n| !n.chars().any(|c| c.is_control())),
        "names come back cleaned: {names:?}"
    );

    let (found, _) = directory_page(&ana, &[("q", "ENERGIA")]).await;
    assert_eq!(found, ["Luz Verde Energía"], "case and accents aside");
    let (found, _) = directory_page(&ana, &[("q", "sol")]).await;
    assert_eq!(found.len(), 2, "{found:?}");
    let (found, _) = directory_page(&ana, &[("q", "50%_off")]).await;
    assert!(found.is_empty(), "LIKE wildcards are plain characters");

    let mut paged = Vec::new();
    let mut after = "0".to_string();
    loop {
        let (names, next) =
            directory_page(&ana, &[("limit", "3"), ("after", after.as_str())]).await;
        assert!(names.len() <= 3);
        paged.extend(names);
        match next {
            Some(next) => after = next.0.to_string(),
            None => break,
        }
    }
    assert_eq!(
        paged, names,
        "pages of 3 hold the same businesses, once each"
    );

    let long_query = format!("q={}", "x".repeat(65));
    for (query, bad) in [
        ("limit=0", "limit"),
        ("limit=201", "limit"),
        ("after=-1", "after"),
        (long_query.as_str(), "q"),
    ] {
        let (code, error) = raw_as(
            &s.server,
            reqwest::Method::GET,
            &format!("/v1/directory?{query}"),
            Some(&s.ana),
            None,
            Vec::new(),
        )
        .await;
        assert_eq!(code, 422, "{query}");
        assert!(error.message.contains(bad), "{query}: {}", error.message);
    }
    let (code, error) = status_of(
        s.server
            .api(&s.shop)
            .get::<Directory>("directory", &[])
            .await,
    );
    assert_eq!(
        (code, error.error.as_str()),
        (401, "unauthorized"),
        "a business token is refused"
    );
    let (code, _) = status_of(s.server.api("").get::<Directory>("directory", &[]).await);
    assert_eq!(code, 401, "no token, no directory");
}

fn edit(category: Category, body: &str) -> TemplateEdit {
    TemplateEdit {
        category,
        body: body.into(),
        allow_recategorise: false,
    }
}

/// The decision on one send of `template` to ana with one parameter.
async fn send_to_ana(shop: &BusinessClient, template: &str) -> Decision {
    shop.send(&to("ana", template, &["A-2"]))
        .await
        .unwrap()
        .decision
}

on_both_backends!(async fn an_edit_is_a_new_version_that_waits_for_review_and_the_old_one_is_kept);
async fn an_edit_is_a_new_version_that_waits_for_review_and_the_old_one_is_kept(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &[]));
    let shop = s.shop();
    let v1 = approved(
        &shop,
        "shipped",
        Category::Utility,
        "Your order {{1}} has shipped.",
    )
    .await;
    assert_eq!(
        send_to_ana(&shop, "shipped").await.outcome,
        Outcome::Deliver
    );

    let bad = edit(
        Category::Utility,
        "Your order {{1}} has shipped: 20% discount inside.",
    );
    let r = shop.revise_template(v1.id, &bad, false).await.unwrap();
    assert_eq!(
        (r.version, r.template.status),
        (2, TemplateStatus::Rejected)
    );
    let refused = send_to_ana(&shop, "shipped").await;
    assert_eq!(
        (refused.outcome, refused.reason),
        (Outcome::Reject, Reason::TemplateNotApproved),
        "an edited template is not sent until its new version is approved"
    );

    let good = edit(Category::Utility, "Your order {{1}} is on its way.");
    let r = shop.revise_template(v1.id, &good, false).await.unwrap();
    assert_eq!(
        (r.version, r.template.status),
        (3, TemplateStatus::Approved)
    );
    assert_eq!(
        r.template.id, v1.id,
        "the same template, under the same name"
    );
    assert_eq!(
        send_to_ana(&shop, "shipped").await.outcome,
        Outcome::Deliver
    );
    let bodies: Vec<String> = all_changes(&s.server.api(&s.ana))
        .await
        .messages
        .into_iter()
        .map(|m| m.body)
        .collect();
    assert_eq!(
        bodies,
        [
            "Your order A-2 has shipped.",
            "Your order A-2 is on its way."
        ],
        "what was sent keeps its words; the next send has the new version's"
    );

    let versions = shop.template_versions(v1.id).await.unwrap();
    let kept: Vec<(u32, TemplateStatus, &str, bool)> = versions
        .iter()
        .map(|v| {
            (
                v.version,
                v.status,
                v.body.as_str(),
                v.replaced_at.is_some(),
            )
        })
        .collect();
    assert_eq!(
        kept,
        [
            (
                1,
                TemplateStatus::Approved,
                "Your order {{1}} has shipped.",
                true
            ),
            (
                2,
                TemplateStatus::Rejected,
                "Your order {{1}} has shipped: 20% discount inside.",
                true
            ),
            (
                3,
                TemplateStatus::Approved,
                "Your order {{1}} is on its way.",
                false
            ),
        ]
    );
    let history = shop.template_history(v1.id).await.unwrap();
    let steps: Vec<TemplateStatus> = history.iter().map(|e| e.status).collect();
    assert_eq!(
        steps,
        [
            TemplateStatus::Approved,
            TemplateStatus::Pending,
            TemplateStatus::Rejected,
            TemplateStatus::Pending,
            TemplateStatus::Approved,
        ],
        "each version waits for review, then review decides: {history:?}"
    );
    assert!(history[1].note.contains("Version 2 edited"), "{history:?}");

    let (code, error) = status_of(shop.revise_template(v1.id, &good, true).await);
    assert_eq!(code, 409);
    assert!(
        error
            .message
            .contains("only a rejected template is resubmitted"),
        "{error:?}"
    );
    let start = BroadcastStart {
        template: "shipped".into(),
        params: vec!["A-3".into()],
        to: Some(vec!["ana".into(), "bob".into()]),
    };
    let running = shop.start_broadcast(&start).await.unwrap();
    for refused in [
        status_of(shop.revise_template(v1.id, &good, false).await.map(drop)),
        status_of(shop.delete_template(v1.id).await.map(drop)),
    ] {
        assert_eq!(refused.0, 409);
        assert!(refused.1.message.contains("still sending"), "{refused:?}");
    }
    shop.finish_broadcast(running.id).await.unwrap();
    let r = shop.revise_template(v1.id, &good, false).await.unwrap();
    assert_eq!(r.version, 4, "once the broadcast is finished, it is edited");
    let other =
        BusinessClient::new(&s.server.url, &add_business(&s.server.dir, "Other", &[])).unwrap();
    let (code, _) = status_of(other.revise_template(v1.id, &good, false).await);
    assert_eq!(code, 404, "a business edits only its own templates");
    let (code, _) = status_of(other.template_versions(v1.id).await);
    assert_eq!(code, 404);
    let as_user = BusinessClient::new(&s.server.url, &s.ana).unwrap();
    let (code, _) = status_of(as_user.revise_template(v1.id, &good, false).await);
    assert_eq!(code, 401);
}

on_both_backends!(async fn a_rejected_template_is_resubmitted_and_a_deleted_one_is_never_sent_again);
async fn a_rejected_template_is_resubmitted_and_a_deleted_one_is_never_sent_again(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &[]));
    let shop = s.shop();
    let code = shop
        .submit_template(&submission(
            "code",
            Category::Authentication,
            "Your code is 1234",
        ))
        .await
        .unwrap();
    assert_eq!(code.status, TemplateStatus::Rejected);
    let fixed = edit(Category::Authentication, "Your code is {{1}}");
    let r = shop.revise_template(code.id, &fixed, true).await.unwrap();
    assert_eq!(
        (r.version, r.template.status),
        (2, TemplateStatus::Approved)
    );
    let history = shop.template_history(code.id).await.unwrap();
    assert!(
        history
            .iter()
            .any(|e| e.note.contains("Version 2 resubmitted")),
        "{history:?}"
    );
    assert_eq!(send_to_ana(&shop, "code").await.outcome, Outcome::Deliver);

    let deleted = shop.delete_template(code.id).await.unwrap();
    assert_eq!(deleted.name, "code");
    let refused = send_to_ana(&shop, "code").await;
    assert_eq!(
        (refused.outcome, refused.reason),
        (Outcome::Reject, Reason::TemplateDeleted)
    );
    let broadcast = BroadcastSubmission {
        template: "code".into(),
        params: vec!["1".into()],
        to: Some(vec!["ana".into()]),
        dry_run: false,
        key: None,
    };
    let (status, error) = status_of(shop.broadcast(&broadcast).await);
    assert_eq!(status, 409, "no broadcast sends it either");
    assert!(error.message.contains("is deleted"), "{error:?}");

    let listed = shop.templates().await.unwrap();
    assert_eq!(
        listed[0].status,
        TemplateStatus::Deleted,
        "listed, with its history"
    );
    assert_eq!(shop.template_versions(code.id).await.unwrap().len(), 2);
    let history = shop.template_history(code.id).await.unwrap();
    assert_eq!(history.last().unwrap().status, TemplateStatus::Deleted);
    let metrics = shop
        .metrics(&MetricsScope::Template("code".into()))
        .await
        .unwrap();
    assert_eq!(metrics.metrics.delivered, 1, "its figures stay");

    let (status, error) = status_of(shop.delete_template(code.id).await);
    assert_eq!(status, 409, "{error:?}");
    let (status, error) = status_of(shop.revise_template(code.id, &fixed, false).await);
    assert_eq!(status, 409);
    assert!(error.message.contains("was deleted"), "{error:?}");
    let (status, error) = status_of(
        shop.submit_template(&submission("code", Category::Authentication, "Code {{1}}"))
            .await,
    );
    assert_eq!(status, 409);
    assert!(error.message.contains("deleted"), "{error:?}");
    let other =
        BusinessClient::new(&s.server.url, &add_business(&s.server.dir, "Other", &[])).unwrap();
    let mine = approved(&shop, "mine", Category::Utility, "Order {{1}} ready").await;
    let (status, _) = status_of(other.delete_template(mine.id).await);
    assert_eq!(status, 404, "a business deletes only its own templates");
}

on_both_backends!(async fn the_business_tool_edits_resubmits_deletes_and_lists_versions);
async fn the_business_tool_edits_resubmits_deletes_and_lists_versions(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &[]));
    let files = TempDir::new().unwrap();
    let file = |name: &str, text: &str| {
        let path = files.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    let code = file(
        "code.toml",
        "name = \"code\"\ncategory = \"authentication\"\nbody = \"Your code is 1234\"\n",
    );
    let fixed = file(
        "fixed.toml",
        "category = \"authentication\"\nbody = \"Your code is {{1}}\"\n",
    );
    let wrong_name = file(
        "other.toml",
        "name = \"other\"\ncategory = \"utility\"\nbody = \"Hi\"\n",
    );
    let ran = business(&s.server, &s.shop, &["templates", "submit", &code]);
    assert_eq!(ran.code, 1, "{ran:?}");

    let ran = business(
        &s.server,
        &s.shop,
        &["templates", "edit", "code", &wrong_name],
    );
    assert_eq!(
        ran.code, 2,
        "a file naming another template is a usage error: {ran:?}"
    );
    assert!(
        ran.stderr.contains("names the template other, not code"),
        "{}",
        ran.stderr
    );
    let ran = business(&s.server, &s.shop, &["templates", "resubmit", "code"]);
    assert_eq!(ran.code, 1, "the same body is rejected again: {ran:?}");
    assert!(
        ran.stdout.contains("Version 2. Rejected: code"),
        "{}",
        ran.stdout
    );
    let ran = business(
        &s.server,
        &s.shop,
        &["templates", "resubmit", "code", &fixed],
    );
    assert_eq!(ran.code, 0, "{ran:?}");
    assert!(
        ran.stdout.contains("Version 3. Approved: code"),
        "{}",
        ran.stdout
    );
    let ran = business(&s.server, &s.shop, &["templates", "edit", "code", &fixed]);
    assert_eq!(ran.code, 0, "{ran:?}");
    assert!(ran.stdout.contains("Version 4. Approved"), "{}", ran.stdout);

    let ran = business(&s.server, &s.shop, &["templates", "versions", "code"]);
    assert_eq!(ran.code, 0, "{ran:?}");
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert_eq!(
        lines.len(),
        6,
        "a title, a header and four versions: {}",
        ran.stdout
    );
    assert!(
        lines[2].starts_with("1") && lines[2].contains("rejected"),
        "{}",
        ran.stdout
    );
    assert!(
        lines[5].starts_with("4") && lines[5].contains("approved"),
        "{}",
        ran.stdout
    );

    let ran = business(&s.server, &s.shop, &["templates", "delete", "code"]);
    assert_eq!(ran.code, 0, "{ran:?}");
    assert!(
        ran.stdout
            .contains("Deleted code: it can no longer be sent"),
        "{}",
        ran.stdout
    );
    let ran = business(
        &s.server,
        &s.shop,
        &["send", "--to", "ana", "--template", "code", "--param", "77"],
    );
    assert_eq!(ran.code, 1, "{ran:?}");
    assert!(ran.stdout.contains("template_deleted"), "{}", ran.stdout);
    let ran = business(&s.server, &s.shop, &["templates", "list"]);
    assert!(ran.stdout.contains("deleted"), "{}", ran.stdout);
    let ran = business(&s.server, &s.shop, &["templates", "delete", "nothing"]);
    assert_eq!(ran.code, 1, "{ran:?}");
    assert!(
        ran.stderr.contains("you have no template named nothing"),
        "{}",
        ran.stderr
    );
    let ran = business(
        &s.server,
        &s.shop,
        &["--json", "templates", "versions", "code"],
    );
    let versions: Vec<TemplateVersion> = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(versions.last().unwrap().status, TemplateStatus::Deleted);
}

/// The user's preferences, as a first sync carries them.
async fn prefs_of(api: &http::Api) -> UserPrefs {
    all_changes(api)
        .await
        .prefs
        .expect("the first sync carries the preferences")
}

on_both_backends!(async fn a_time_zone_reaches_the_server_with_the_prefs_and_an_unknown_one_is_refused);
async fn a_time_zone_reaches_the_server_with_the_prefs_and_an_unknown_one_is_refused(
    dir: ServerDir,
) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &[]));
    let ana = s.server.api(&s.ana);
    assert_eq!(prefs_of(&ana).await.time_zone, None);
    let prefs = UserPrefs {
        quiet_hours: Some(QuietHours { start: 22, end: 7 }),
        time_zone: Some(Zone::named("america/new_york").unwrap()),
        ..prefs_of(&ana).await
    };
    let action = WireAction::SetPrefs {
        prefs: prefs.clone(),
    };
    let results = act(&ana, vec![("zone-1", action.clone())]).await;
    assert!(results.results[0].ok, "{results:?}");
    let stored = prefs_of(&ana).await;
    assert_eq!(stored, prefs);
    assert_eq!(stored.zone().name(), "America/New_York");

    let mut unknown = serde_json::to_value(KeyedAction {
        key: "zone-2".into(),
        action,
    })
    .unwrap();
    unknown["prefs"]["time_zone"] = "Mars/Olympus\u{1b}[2J".into();
    let body = serde_json::json!({ "actions": [unknown] }).to_string();
    let (got, error) = raw(
        &s.server,
        reqwest::Method::POST,
        "/v1/me/actions",
        Some(&s.ana),
        body.into_bytes(),
    )
    .await;
    assert_eq!((got, error.error.as_str()), (422, "invalid"), "{error:?}");
    assert!(
        error
            .message
            .contains("'Mars/Olympus' is not a time zone Parley knows")
            && error.message.contains("Europe/Madrid")
            && !error.message.chars().any(|c| c.is_control()),
        "{}",
        error.message
    );
    assert_eq!(prefs_of(&ana).await, prefs, "nothing changed");

    let document: serde_json::Value = s.server.api("").get("openapi.json", &[]).await.unwrap();
    let zones = document["components"]["schemas"]["Zone"]["enum"]
        .as_array()
        .expect("the document lists the zones a user may have");
    assert!(zones.contains(&"Europe/Madrid".into()) && !zones.contains(&"Mars/Olympus".into()));
}

/// Moves a `--movable-clock` server's clock by `seconds`, running its hourly review for each
/// hour passed.
async fn advance_clock(server: &TestServer, seconds: i64) -> ClockMoved {
    server
        .api("")
        .post("test/clock", &ClockAdvance { seconds })
        .await
        .expect("the test clock moves")
}

/// The template named `name`, as the business lists it.
async fn template_named(shop: &BusinessClient, name: &str) -> WireTemplate {
    let templates = shop.templates().await.unwrap();
    templates.into_iter().find(|t| t.name == name).unwrap()
}

on_both_backends!(async fn a_template_pause_starts_and_ends_on_the_servers_movable_clock);
async fn a_template_pause_starts_and_ends_on_the_servers_movable_clock(dir: ServerDir) {
    let names: Vec<String> = (0..20).map(|i| format!("user{i}")).collect();
    let users: Vec<String> = names.iter().map(|n| add_user(dir.path(), n)).collect();
    let token = add_business(dir.path(), "Tienda Sol", &[]);
    let server = TestServer::start(dir.path(), &["--movable-clock"]);
    let shop = BusinessClient::new(&server.url, &token).unwrap();
    approved(&shop, "welcome", Category::Utility, "Welcome to Tienda Sol").await;
    for name in &names {
        shop.send(&to(name, "welcome", &[])).await.unwrap();
    }
    let api = server.api(&users[0]);
    let business = shop_id(&all_changes(&api).await);
    let block = WireAction::Block {
        business,
        reason: BlockReason::Spam,
    };
    assert!(act(&api, vec![("block", block)]).await.results[0].ok);
    assert_eq!(
        template_named(&shop, "welcome").await.status,
        TemplateStatus::Approved,
        "nothing is paused before the platform's review"
    );

    let moved = advance_clock(&server, 3_600).await;
    let paused = template_named(&shop, "welcome").await;
    assert_eq!(paused.status, TemplateStatus::Paused, "{paused:?}");
    assert_eq!(paused.pause_count, 1);
    assert_eq!(
        paused.paused_until,
        Some(moved.now + Span::hours(3)),
        "1 block from 20 people reached is Low: the first pause lasts 3 hours"
    );
    let refused = shop.send(&to("user1", "welcome", &[])).await.unwrap();
    assert_eq!(refused.decision.reason, Reason::TemplatePaused);

    advance_clock(&server, 3 * 3_600).await;
    let resumed = template_named(&shop, "welcome").await;
    assert_eq!(
        (resumed.status, resumed.paused_until, resumed.pause_count),
        (TemplateStatus::Approved, None, 1),
        "three hours on, the review resumes it, its pause counted: {resumed:?}"
    );
    assert_eq!(
        resumed.quality,
        Quality::Medium,
        "a fresh window starts at Medium"
    );
    let sent = shop.send(&to("user1", "welcome", &[])).await.unwrap();
    assert_eq!(sent.decision.outcome, Outcome::Deliver, "{sent:?}");
}

on_both_backends!(async fn a_held_offer_released_by_its_user_takes_her_feedback_once);
async fn a_held_offer_released_by_its_user_takes_her_feedback_once(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &[]));
    let shop = s.shop();
    approved(&shop, "promo", Category::Marketing, "New arrivals").await;
    let held = shop.send(&to("ana", "promo", &[])).await.unwrap();
    assert_eq!(
        (held.decision.outcome, held.decision.reason),
        (Outcome::Hold, Reason::NotSubscribed)
    );
    let message = held.message.unwrap();
    let feedback = |feedback| WireAction::Feedback { message, feedback };
    let ana = s.server.api(&s.ana);
    let results = act(
        &ana,
        vec![
            ("release", WireAction::ReleaseHeld { message }),
            ("no", feedback(Feedback::NotInterested)),
            ("yes", feedback(Feedback::Interested)),
        ],
    )
    .await;
    assert!(results.results.iter().all(|r| r.ok), "{results:?}");

    let changes = all_changes(&ana).await;
    let released = changes.messages.iter().find(|m| m.id == message).unwrap();
    assert_eq!(
        (
            released.decision.outcome,
            released.decision.reason,
            released.feedback
        ),
        (
            Outcome::Deliver,
            Reason::ReleasedByUser,
            Some(Feedback::Interested)
        )
    );
    let figures = shop.metrics(&MetricsScope::Business).await.unwrap().metrics;
    assert_eq!(
        (
            figures.delivered,
            figures.held,
            figures.interested,
            figures.not_interested
        ),
        (1, 0, 1, 0),
        "the release moves the offer from held to delivered, and only the last feedback counts"
    );
}

on_both_backends!(async fn an_offer_held_for_quiet_hours_is_delivered_when_they_end);
async fn an_offer_held_for_quiet_hours_is_delivered_when_they_end(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &["--movable-clock"]));
    let shop = s.shop();
    approved(&shop, "promo", Category::Marketing, "New arrivals").await;
    let ana = s.server.api(&s.ana);
    let business = BusinessId(s.shop.split('.').nth(1).unwrap().parse().unwrap());
    let now = all_changes(&ana).await.now;
    let utc = Zone::named("UTC").unwrap();
    let prefs = UserPrefs {
        quiet_hours: Some(QuietHours {
            start: utc.hour_at(now),
            end: (utc.hour_at(now) + 2) % 24,
        }),
        time_zone: Some(utc),
        ..prefs_of(&ana).await
    };
    let results = act(
        &ana,
        vec![
            ("subscribe", WireAction::Subscribe { business }),
            ("quiet", WireAction::SetPrefs { prefs }),
        ],
    )
    .await;
    assert!(results.results.iter().all(|r| r.ok), "{results:?}");
    let held = shop.send(&to("ana", "promo", &[])).await.unwrap();
    assert_eq!(
        (held.decision.outcome, held.decision.reason),
        (Outcome::Hold, Reason::QuietHours),
        "{}",
        held.decision.sentence
    );

    let moved = advance_clock(&s.server, 3 * 3_600).await;
    assert_eq!(moved.released, 1, "{moved:?}");
    let changes = all_changes(&ana).await;
    let delivered = changes
        .messages
        .iter()
        .find(|m| Some(m.id) == held.message)
        .unwrap();
    assert_eq!(delivered.decision.outcome, Outcome::Deliver);
    assert!(
        delivered.decision.sentence.contains("quiet hours to end"),
        "{}",
        delivered.decision.sentence
    );
}

on_both_backends!(async fn a_send_retried_with_its_key_gets_the_first_answer_and_is_stored_once);
async fn a_send_retried_with_its_key_gets_the_first_answer_and_is_stored_once(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &["--rate-limit", "0"]));
    let shop = s.shop();
    approved(
        &shop,
        "order_ready",
        Category::Utility,
        "Your order {{1}} is ready",
    )
    .await;
    let request = SendRequest {
        key: Some("order-77".into()),
        ..to("ana", "order_ready", &["77"])
    };
    let first = shop.send(&request).await.unwrap();
    let again = shop.send(&request).await.unwrap();
    assert_eq!(again, first, "the retry is answered as the first send was");
    let other = shop
        .send(&SendRequest {
            key: Some("order-78".into()),
            ..to("ana", "order_ready", &["78"])
        })
        .await
        .unwrap();
    assert_ne!(other.message, first.message, "another key is another send");
    let ana = all_changes(&s.server.api(&s.ana)).await;
    let bodies: Vec<&str> = ana.messages.iter().map(|m| m.body.as_str()).collect();
    assert_eq!(bodies, ["Your order 77 is ready", "Your order 78 is ready"]);

    let control = SendRequest {
        key: Some("bad\u{7}key".into()),
        ..to("ana", "order_ready", &["79"])
    };
    let (status, error) = status_of(shop.send(&control).await);
    assert_eq!(status, 422);
    assert!(error.message.contains("idempotency key"), "{error:?}");
}

on_both_backends!(async fn a_broadcast_retried_with_its_key_gets_the_first_report_and_runs_once);
async fn a_broadcast_retried_with_its_key_gets_the_first_report_and_runs_once(dir: ServerDir) {
    let s = scene_in(dir, |dir| TestServer::start(dir, &["--rate-limit", "0"]));
    let shop = s.shop();
    approved(&shop, "welcome", Category::Utility, "Welcome to Tienda Sol").await;
    let welcome = BroadcastSubmission {
        template: "welcome".into(),
        params: vec![],
        to: Some(vec!["ana".into(), "bob".into()]),
        dry_run: false,
        key: Some("welcome-1".into()),
    };
    let first = shop.broadcast(&welcome).await.unwrap();
    assert_eq!(first.delivered, 2, "{first:?}");
    let again = shop.broadcast(&welcome).await.unwrap();
    assert_eq!(again, first, "the retry is answered with the first report");
    assert_eq!(
        shop.broadcasts().await.unwrap().len(),
        1,
        "one broadcast ran"
    );
    let ana = all_changes(&s.server.api(&s.ana)).await;
    assert_eq!(ana.messages.len(), 1, "ana got the welcome once");
}

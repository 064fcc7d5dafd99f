//! `parley serve`'s housekeeping, through the real binary: tokens revoked and reissued by
//! `parley serve revoke` and `reissue`, idempotency keys forgotten after their retention
//! window, and slow clients disconnected when their headers take too long.

mod support;

use parley::model::{BusinessId, Category};
use parley::protocol::*;
use parley::sync::business_client::BusinessClient;
use parley::sync::http::Api;
use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};
use support::server::*;
use tempfile::TempDir;

/// Whether a user's token is accepted, or the refusal's status and message.
async fn user_answer(api: &Api) -> Result<(), (u16, String)> {
    let query = [("change", "0".to_string()), ("id", "0".to_string())];
    match api.get::<Changes>("me/changes", &query).await {
        Ok(_) => Ok(()),
        Err(e) => {
            let (status, error) = status_of::<Changes>(Err(e));
            Err((status, error.message))
        }
    }
}

fn assert_revoked(answer: Result<(), (u16, String)>) {
    let (status, message) = answer.expect_err("a revoked token is refused");
    assert_eq!(status, 401);
    assert!(
        message.contains("revoked") && message.contains("parley serve reissue NAME"),
        "{message}"
    );
}

on_both_backends!(async fn a_revoked_token_is_refused_at_once_with_who_can_reissue_it);
async fn a_revoked_token_is_refused_at_once_with_who_can_reissue_it(dir: ServerDir) {
    let ana = add_user(dir.path(), "ana");
    let bob = add_user(dir.path(), "bob");
    let shop = add_business(dir.path(), "Tienda Sol", &[]);
    let server = TestServer::start(dir.path(), &[]);
    assert_eq!(user_answer(&server.api(&ana)).await, Ok(()));

    let ran = serve_tool(dir.path(), &["revoke", "ana"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("Revoked the token of user ana"),
        "{}",
        ran.stderr
    );
    assert_eq!(ran.stdout, "", "revoking prints no token");
    assert_revoked(user_answer(&server.api(&ana)).await);
    assert_eq!(
        user_answer(&server.api(&bob)).await,
        Ok(()),
        "only ana's token was revoked"
    );

    let shop_client = BusinessClient::new(&server.url, &shop).unwrap();
    assert!(shop_client.status().await.is_ok());
    let ran = serve_tool(dir.path(), &["revoke", "Tienda Sol"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let (status, error) = status_of(shop_client.status().await);
    assert_eq!(status, 401);
    assert!(error.message.contains("revoked"), "{}", error.message);
}

on_both_backends!(async fn a_reissued_token_works_and_the_old_one_no_longer_does);
async fn a_reissued_token_works_and_the_old_one_no_longer_does(dir: ServerDir) {
    let old = add_user(dir.path(), "ana");
    let server = TestServer::start(dir.path(), &[]);
    let ran = serve_tool(dir.path(), &["reissue", "ana"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let new = ran.stdout.trim();
    assert!(new.starts_with("u.") && new != old, "{new}");
    assert_revoked(user_answer(&server.api(&old)).await);
    assert_eq!(user_answer(&server.api(new)).await, Ok(()));

    serve_tool(dir.path(), &["revoke", "ana"]);
    let again = serve_tool(dir.path(), &["reissue", "ana"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_revoked(user_answer(&server.api(new)).await);
    assert_eq!(
        user_answer(&server.api(again.stdout.trim())).await,
        Ok(()),
        "a revoked account is given a working token again"
    );
}

on_both_backends!(fn a_name_shared_by_a_user_and_a_business_needs_its_kind);
fn a_name_shared_by_a_user_and_a_business_needs_its_kind(dir: ServerDir) {
    add_user(dir.path(), "Sol");
    add_business(dir.path(), "Sol", &[]);
    let ran = serve_tool(dir.path(), &["revoke", "Sol"]);
    assert_ne!(ran.code, 0);
    assert!(
        ran.stderr.contains("user and of a business") && ran.stderr.contains("--kind"),
        "{}",
        ran.stderr
    );
    let ran = serve_tool(dir.path(), &["reissue", "Sol", "--kind", "business"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stdout.trim().starts_with("b."), "{}", ran.stdout);

    let unknown = serve_tool(dir.path(), &["revoke", "nobody"]);
    assert_ne!(unknown.code, 0);
    assert!(
        unknown
            .stderr
            .contains("no user, business or reviewer named nobody"),
        "{}",
        unknown.stderr
    );
}

on_both_backends!(async fn a_reviewers_token_is_reissued_too);
async fn a_reviewers_token_is_reissued_too(dir: ServerDir) {
    let old = add_reviewer(dir.path(), "rita");
    let server = TestServer::start(dir.path(), &[]);
    let ran = serve_tool(dir.path(), &["reissue", "rita", "--kind", "reviewer"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let new = ran.stdout.trim().to_string();
    let queue = |token: &str| {
        let api = server.api(token);
        async move { api.get::<serde_json::Value>("review/cases", &[]).await }
    };
    let (status, error) = status_of(queue(&old).await);
    assert_eq!(status, 401);
    assert!(error.message.contains("revoked"), "{}", error.message);
    assert!(queue(&new).await.is_ok());
}

/// Subscribes to the first business with `key`; whether the server said it was a replay.
async fn subscribe_replayed(api: &Api, key: &str) -> bool {
    let action = WireAction::Subscribe {
        business: BusinessId(1),
    };
    let results = act(api, vec![(key, action)]).await;
    assert!(results.results[0].ok, "{results:?}");
    results.results[0].replayed
}

on_both_backends!(async fn idempotency_keys_are_forgotten_after_the_retention_window);
async fn idempotency_keys_are_forgotten_after_the_retention_window(dir: ServerDir) {
    let ana = add_user(dir.path(), "ana");
    let shop = add_business(dir.path(), "Tienda Sol", &[]);
    let server = TestServer::start(dir.path(), &["--movable-clock", "--keep-keys", "2d"]);
    let api = server.api(&ana);
    assert!(!subscribe_replayed(&api, "k1").await);
    assert!(subscribe_replayed(&api, "k1").await, "a repeat is a replay");
    let shop = BusinessClient::new(&server.url, &shop).unwrap();
    let ready = TemplateSubmission {
        name: "order_ready".into(),
        category: Category::Utility,
        body: "Your order is ready".into(),
        allow_recategorise: true,
    };
    shop.submit_template(&ready).await.unwrap();
    let send = SendRequest {
        to: "ana".into(),
        template: Some("order_ready".into()),
        params: Vec::new(),
        text: None,
        key: Some("s1".into()),
    };
    let first = shop.send(&send).await.unwrap().message;
    assert!(first.is_some());
    assert_eq!(
        shop.send(&send).await.unwrap().message,
        first,
        "a repeat is answered as the first"
    );

    let clock = server.api("");
    let move_clock = |seconds: i64| {
        let clock = &clock;
        async move {
            let _: ClockMoved = clock
                .post("test/clock", &ClockAdvance { seconds })
                .await
                .expect("the test clock moves");
        }
    };
    move_clock(86_400).await;
    assert!(
        subscribe_replayed(&api, "k1").await,
        "a day on, inside the window, the key is still known"
    );
    assert_eq!(
        shop.send(&send).await.unwrap().message,
        first,
        "so is the send's"
    );
    move_clock(86_400 + 60).await;
    assert!(
        !subscribe_replayed(&api, "k1").await,
        "past the window the key was forgotten, so the action is applied as new"
    );
    let again = shop.send(&send).await.unwrap().message;
    assert!(
        again.is_some() && again != first,
        "and the send is decided as new"
    );
}

/// Reads until the server closes the connection; how long that took, or `None` if it was
/// still open at the deadline.
fn time_to_close(stream: &mut TcpStream) -> Option<Duration> {
    let start = Instant::now();
    let mut buf = [0u8; 1024];
    while start.elapsed() < DEADLINE {
        let left = DEADLINE
            .saturating_sub(start.elapsed())
            .max(Duration::from_millis(1));
        stream.set_read_timeout(Some(left)).unwrap();
        match stream.read(&mut buf) {
            Ok(0) => return Some(start.elapsed()),
            Ok(_) => continue,
            Err(e) if e.kind() == ErrorKind::ConnectionReset => return Some(start.elapsed()),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => break,
            Err(e) => panic!("reading from the server: {e}"),
        }
    }
    None
}

#[test]
fn a_client_that_sends_its_headers_too_slowly_is_disconnected() {
    let dir = TempDir::new().unwrap();
    let server = TestServer::start(dir.path(), &["--header-timeout", "1s"]);
    let addr = server.url.trim_start_matches("http://");
    let mut slow = TcpStream::connect(addr).unwrap();
    slow.write_all(b"GET /v1/health HTTP/1.1\r\n").unwrap();
    let closed = time_to_close(&mut slow).expect("the slow client is disconnected");
    assert!(
        closed >= Duration::from_millis(900),
        "closed after {closed:?}, before the timeout"
    );

    let mut prompt = TcpStream::connect(addr).unwrap();
    prompt
        .write_all(b"GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut answer = String::new();
    prompt.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

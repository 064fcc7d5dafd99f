//! `parley serve` killed with SIGKILL in the middle of a stream of concurrent sends, each with
//! its idempotency key, then started again on the same data directory: every send it answered
//! is stored exactly once, and every send it did not answer, tried again with its key, is
//! stored exactly once too. The real binary and the real client code; nothing is mocked.

mod support;

use parley::model::*;
use parley::protocol::*;
use parley::sync::http::{Api, HttpError};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use support::server::*;
use tempfile::TempDir;

/// People the shop writes to.
const USERS: usize = 8;
/// Concurrent senders.
const SENDERS: usize = 16;
/// Answered sends before the server is killed.
const KILL_AFTER: usize = 300;

/// The send with this key: the parcel's number is the key, so each message names its send.
fn parcel(key: &str, n: usize) -> SendRequest {
    SendRequest {
        to: format!("user{}", n % USERS),
        template: Some("on_its_way".into()),
        params: vec![key.into()],
        text: None,
        key: Some(key.into()),
    }
}

/// What one sender saw: the sends answered, and the one left without an answer, if any.
struct Seen {
    answered: Vec<String>,
    unanswered: Vec<(String, SendRequest)>,
}

/// Sends one message at a time until a send gets no answer.
async fn sender(api: Api, n: usize, answered: Arc<AtomicUsize>) -> Seen {
    let mut seen = Seen {
        answered: Vec::new(),
        unanswered: Vec::new(),
    };
    for k in 0.. {
        let key = format!("S{n}-{k}");
        let request = parcel(&key, n + k);
        let sent: Result<SendResponse, HttpError> = api.post("business/messages", &request).await;
        match sent {
            Ok(response) => {
                assert!(response.message.is_some(), "{:?}", response.decision);
                seen.answered.push(key);
                answered.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => {
                assert!(e.is_transient(), "only the crash stops a sender: {e}");
                seen.unanswered.push((key, request));
                return seen;
            }
        }
    }
    seen
}

/// How many times each parcel appears in the users' messages.
async fn stored(url: &str, tokens: &[String]) -> BTreeMap<String, usize> {
    let mut count = BTreeMap::new();
    for token in tokens {
        let api = Api::new(url, token).unwrap();
        let mut cursor = ("0".to_string(), "0".to_string());
        loop {
            let query = [("change", cursor.0.clone()), ("id", cursor.1.clone())];
            let page: Changes = api.get("me/changes", &query).await.unwrap();
            for m in &page.messages {
                let key = m.body.split_whitespace().nth(2).unwrap_or_default();
                *count.entry(key.to_string()).or_insert(0) += 1;
            }
            if !page.more {
                break;
            }
            cursor = (page.cursor.change.to_string(), page.cursor.id.to_string());
        }
    }
    count
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_send_answered_before_a_kill_is_stored_once_and_a_retried_one_once_too() {
    let dir = TempDir::new().unwrap();
    let users: Vec<String> = (0..USERS)
        .map(|n| add_user(dir.path(), &format!("user{n}")))
        .collect();
    let shop = add_business(dir.path(), "Tienda Sol", &["--verified", "--kind", "shop"]);
    let mut server = TestServer::start(dir.path(), &["--rate-limit", "0"]);
    let template = TemplateSubmission {
        name: "on_its_way".into(),
        category: Category::Utility,
        body: "Your parcel {{1}} is on its way".into(),
        allow_recategorise: false,
    };
    let submitted: WireTemplate = server
        .api(&shop)
        .post("business/templates", &template)
        .await
        .unwrap();
    assert_eq!(submitted.status, TemplateStatus::Approved);

    let answered = Arc::new(AtomicUsize::new(0));
    let senders: Vec<_> = (0..SENDERS)
        .map(|n| tokio::spawn(sender(server.api(&shop), n, Arc::clone(&answered))))
        .collect();
    eventually("enough answered sends", || {
        let done = answered.load(Ordering::Relaxed) >= KILL_AFTER;
        async move { done.then_some(()) }
    })
    .await;
    server.kill();
    let mut seen = Vec::new();
    for s in senders {
        seen.push(s.await.unwrap());
    }

    let server = TestServer::start(dir.path(), &["--rate-limit", "0"]);
    let api = server.api(&shop);
    let mut expected: Vec<String> = Vec::new();
    for s in &seen {
        expected.extend(s.answered.iter().cloned());
        for (key, request) in &s.unanswered {
            let retried: SendResponse = api.post("business/messages", request).await.unwrap();
            assert!(retried.message.is_some(), "{key}: {:?}", retried.decision);
            expected.push(key.clone());
        }
    }
    assert!(expected.len() >= KILL_AFTER);
    let unanswered: usize = seen.iter().map(|s| s.unanswered.len()).sum();
    assert_eq!(
        unanswered, SENDERS,
        "each sender lost its answer to the crash"
    );

    let count = stored(&server.url, &users).await;
    let twice: Vec<_> = count.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "stored more than once: {twice:?}");
    let missing: Vec<_> = expected
        .iter()
        .filter(|k| !count.contains_key(*k))
        .collect();
    assert!(
        missing.is_empty(),
        "answered or retried, yet not stored: {missing:?}"
    );
    assert_eq!(count.len(), expected.len(), "nothing else is stored");
}

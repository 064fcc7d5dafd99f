//! Who may call what: every route in the server's OpenAPI document, called with no token, a
//! well-formed wrong token, and the token of a user, a business and a platform reviewer. Each
//! route answers only the role its tag names, so a new route cannot be forgotten; and report
//! evidence appears on no answer but a reviewer's.

mod support;

use parley::model::*;
use parley::protocol::*;
use serde_json::Value;
use support::server::*;

/// Text in the reported chat, and so in the report's evidence.
const EVIDENCE: &str = "evidence-marker-5150";

/// A server where ana reported the shop, with a reviewer; the tokens by role.
struct Scene {
    server: TestServer,
    tokens: Vec<(&'static str, String)>,
    /// Declared last: dropped after the server.
    _dir: ServerDir,
}

async fn scene(dir: ServerDir) -> Scene {
    let ana = add_user(dir.path(), "ana");
    let shop = add_business(dir.path(), "Tienda Sol", &["--budget", "100"]);
    let reviewer = add_reviewer(dir.path(), "rita");
    let server = TestServer::start(dir.path(), &["--rate-limit", "0"]);
    let business = parley::sync::business_client::BusinessClient::new(&server.url, &shop).unwrap();
    let t = business
        .submit_template(&TemplateSubmission {
            name: "ready".into(),
            category: Category::Utility,
            body: "Order {{1}} is ready.".into(),
            allow_recategorise: false,
        })
        .await
        .unwrap();
    assert_eq!(t.status, TemplateStatus::Approved);
    let sent = business
        .send(&SendRequest {
            to: "ana".into(),
            template: Some("ready".into()),
            params: vec![EVIDENCE.into()],
            text: None,
            key: None,
        })
        .await
        .unwrap();
    assert_eq!(sent.decision.outcome, Outcome::Deliver);
    let api = server.api(&ana);
    let id = all_changes(&api).await.businesses[0].id;
    let report = WireAction::Report {
        business: id,
        reason: ReportReason::Scam,
        also_block: false,
    };
    assert!(act(&api, vec![("report", report)]).await.results[0].ok);
    let wrong = format!("r.1.{}", "0".repeat(64));
    Scene {
        _dir: dir,
        server,
        tokens: vec![
            ("none", String::new()),
            ("wrong", wrong),
            ("user", ana),
            ("business", shop),
            ("review", reviewer),
        ],
    }
}

/// One operation of the document: method, path with its parameters filled, and its tag.
struct Operation {
    method: reqwest::Method,
    path: String,
    query: Vec<(String, String)>,
    tag: String,
}

fn operations(document: &Value) -> Vec<Operation> {
    let mut list = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("an operation per method") {
            let tag = op["tags"][0].as_str().expect("every route has a tag");
            let mut query = vec![("wait".to_string(), "0".to_string())];
            for p in op["parameters"].as_array().into_iter().flatten() {
                let value = match p["name"].as_str() {
                    Some("business") => "Tienda Sol".to_string(),
                    _ => "1".to_string(),
                };
                if p["in"] == "query" && p["required"] == true {
                    query.push((p["name"].as_str().unwrap().to_string(), value));
                }
            }
            list.push(Operation {
                method: method.to_uppercase().parse().unwrap(),
                path: path.replace(['{', '}'], "").replace("id", "1"),
                query,
                tag: tag.to_string(),
            });
        }
    }
    list
}

on_both_backends!(async fn every_route_answers_only_its_role_and_evidence_reaches_reviewers_only);
async fn every_route_answers_only_its_role_and_evidence_reaches_reviewers_only(dir: ServerDir) {
    let s = scene(dir).await;
    let document: Value = s.server.api("").get("openapi.json", &[]).await.unwrap();
    let operations = operations(&document);
    assert!(operations.len() > 20, "the document lists the routes");
    let client = parley::sync::http::client().unwrap();
    let mut evidence_seen_by = Vec::new();
    for op in &operations {
        assert!(
            ["server", "user", "business", "review"].contains(&op.tag.as_str()),
            "{} {} has tag {}: give it a role here",
            op.method,
            op.path,
            op.tag
        );
        for (role, token) in &s.tokens {
            let mut url = reqwest::Url::parse(&format!("{}{}", s.server.url, op.path)).unwrap();
            url.query_pairs_mut().extend_pairs(&op.query);
            let mut request = client.request(op.method.clone(), url);
            if !token.is_empty() {
                request = request.bearer_auth(token);
            }
            if op.method == reqwest::Method::POST {
                request = request
                    .header("content-type", "application/json")
                    .body("{}");
            }
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let body = response.text().await.unwrap();
            let allowed = op.tag == "server" || op.tag == *role;
            let what = format!(
                "{} {} with {role}'s token: {status} {body}",
                op.method, op.path
            );
            match allowed {
                true => assert!(![401, 403].contains(&status), "{what}"),
                false => assert_eq!(status, 401, "{what}"),
            }
            // The document describes the evidence field; only a case file fills it.
            if op.tag != "server" && body.contains("\"evidence\"") {
                assert!(body.contains(EVIDENCE), "the reported chat: {body}");
                evidence_seen_by.push((*role, op.path.clone()));
            }
        }
    }
    assert_eq!(
        evidence_seen_by,
        [("review", "/v1/review/case".to_string())],
        "only a reviewer's case file carries the evidence"
    );
}

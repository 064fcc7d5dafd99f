//! The OpenAPI document is the contract: schemathesis reads `/v1/openapi.json` from a real
//! `parley serve`, sends schema-valid requests to every operation with a token of the role the
//! operation is for, and checks that none is refused as invalid, none fails with a 5xx, and
//! every answer has a documented status and matches its schema.

mod support;

use std::process::{Command, Output};
use support::server::*;
use tempfile::TempDir;

/// What schemathesis checks on every answer.
const CHECKS: &str = "not_a_server_error,response_schema_conformance,\
                      status_code_conformance,positive_data_acceptance";

/// Requests per operation and phase: enough to reach the edges of every constraint, few
/// enough for the whole run to take seconds on two cores.
const EXAMPLES: &str = "25";

/// A fixed seed, so a failure found once is found again.
const SEED: &str = "20261201";

/// The operations of each tag, with the token of the role they are for (`None`: no token):
/// the people, business and template the document's examples name, so that those requests
/// reach the rules rather than a 404.
fn roles(server: &TestServer) -> Vec<(&'static str, Option<String>)> {
    let dir = server.dir.as_path();
    let user = add_user(dir, "alice");
    let shop = add_business(dir, "Acme", &["--verified", "--budget", "1000"]);
    let template = dir.join("shipped.toml");
    std::fs::write(
        &template,
        "name = \"shipped\"\ncategory = \"utility\"\nbody = \"Your order {{1}} has shipped.\"\n",
    )
    .unwrap();
    let submitted = business_tool(
        &server.url,
        &shop,
        &["templates", "submit", template.to_str().unwrap()],
    );
    assert_eq!(
        submitted.code, 0,
        "the example template is submitted: {submitted:?}"
    );
    vec![
        ("user", Some(user)),
        ("business", Some(shop)),
        ("review", Some(add_reviewer(dir, "rita"))),
        ("server", None),
    ]
}

/// The schemathesis command (`st`, or the module through `python3` when its script is not on
/// the PATH, as after a fresh pip install under pyenv), or a failure that says how to install
/// it.
fn schemathesis() -> Command {
    let works = |mut command: Command| {
        command
            .arg("--version")
            .output()
            .is_ok_and(|out| out.status.success())
    };
    if works(Command::new("st")) {
        return Command::new("st");
    }
    let module = || {
        let mut command = Command::new("python3");
        command.args(["-m", "schemathesis.cli"]);
        command
    };
    if works(module()) {
        return module();
    }
    panic!(
        "schemathesis is not installed (neither `st` nor `python3 -m schemathesis.cli` runs): \
         the OpenAPI contract test runs it against `parley serve`. Install it with \
         `python3 -m pip install schemathesis==4.32.5`; CI installs it in .ci/run."
    )
}

/// Runs schemathesis over the operations of `tag` with `token`, in `workdir` (where it keeps
/// its reports).
fn run_schemathesis(
    url: &str,
    tag: &str,
    token: Option<&str>,
    workdir: &std::path::Path,
) -> Output {
    let mut st = schemathesis();
    st.current_dir(workdir)
        .env("NO_COLOR", "1")
        .args(["run", &format!("{url}/v1/openapi.json")])
        .args(["--include-tag", tag])
        // A long poll holds each request up to 25 s while nothing changes; its query is the
        // one of /v1/me/changes, checked by the same code.
        .args(["--exclude-path", "/v1/me/stream"])
        .args(["--checks", CHECKS, "--mode", "positive"])
        .args(["--phases", "examples,coverage,fuzzing"])
        .args(["--max-examples", EXAMPLES, "--seed", SEED, "--workers", "2"])
        .args(["--continue-on-failure", "--output-sanitize", "false"])
        .args(["--request-timeout", "10"]);
    if let Some(token) = token {
        st.args(["--header", &format!("Authorization: Bearer {token}")]);
    }
    st.output().expect("schemathesis runs")
}

on_both_backends!(fn every_schema_valid_request_is_accepted_and_answered_as_documented);
fn every_schema_valid_request_is_accepted_and_answered_as_documented(dir: ServerDir) {
    let workdir = TempDir::new().unwrap();
    // No --movable-clock: the test clock route is then neither served nor documented.
    // Schemathesis moving the clock up to a year per call would age every template, pause
    // and restriction under the other operations; it is a test-only route, tested in
    // tests/review.rs. The rate limit is off so that no answer is a 429 from the test's pace.
    let server = TestServer::start(dir.path(), &["--rate-limit", "0"]);
    let mut failed = Vec::new();
    for (tag, token) in roles(&server) {
        let out = run_schemathesis(&server.url, tag, token.as_deref(), workdir.path());
        if !out.status.success() {
            failed.push(format!(
                "== operations tagged {tag}:\n{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "schemathesis found requests the OpenAPI document allows that the server refuses or \
         answers off the document:\n{}",
        failed.join("\n")
    );
}

/// The document's numbers are the ones the server checks against, and a message is one of a
/// template or text.
#[test]
fn the_document_carries_the_limits_the_server_checks() {
    use parley::model::limits::*;
    let config = parley::server::ServerConfig::new(
        "127.0.0.1:0".parse().unwrap(),
        std::path::PathBuf::from("unused"),
    );
    let document = parley::server::openapi_document(&config);
    let document = serde_json::to_value(&document).unwrap();
    let schemas = &document["components"]["schemas"];
    let property = |schema: &str, name: &str| schemas[schema]["properties"][name].clone();
    let key = &schemas["KeyedAction"]["allOf"][1]["properties"]["key"];
    assert_eq!(key["maxLength"], 128);
    assert_eq!(
        property("TemplateSubmission", "name")["maxLength"],
        MAX_TEMPLATE_NAME_CHARS
    );
    assert_eq!(
        property("TemplateSubmission", "body")["maxLength"],
        MAX_BODY_CHARS
    );
    assert_eq!(property("PartRequest", "at_most")["maximum"], MAX_PART);
    assert_eq!(property("BroadcastStart", "params")["maxItems"], MAX_PARAMS);
    assert_eq!(schemas["Param"]["maxLength"], MAX_PARAM_CHARS);
    let shapes = schemas["SendRequest"]["oneOf"].as_array().expect("a oneOf");
    let required: Vec<&serde_json::Value> = shapes.iter().map(|s| &s["required"]).collect();
    assert_eq!(
        required,
        [
            &serde_json::json!(["to", "template"]),
            &serde_json::json!(["to", "text"])
        ]
    );
    assert_eq!(shapes[1]["properties"]["text"]["maxLength"], MAX_BODY_CHARS);
    assert_eq!(
        shapes[0]["examples"][0]["template"], "shipped",
        "the example the test seeds"
    );
}

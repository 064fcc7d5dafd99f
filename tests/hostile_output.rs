//! Every line a command prints goes through the same sanitiser as the screen: names and bodies
//! from a world file, server-side names and templates, and echoed mistakes, full of escape
//! sequences, C1 controls and bidi characters, never reach the terminal live.

mod support;

use std::path::Path;
use support::server::{Ran, TestServer, add_business, add_user, business_tool, run};
use tempfile::TempDir;

/// A title change, a screen clear, a C1 CSI, a right-to-left override and an isolate, written
/// as TOML escapes, then a visible marker.
const HOSTILE_TOML: &str = r"\u001b]0;PWNED\u0007\u001b[2J\u009b31m\u202e\u2066\u200dEvil";
/// The same, as Rust text.
const HOSTILE: &str = "\u{1b}]0;PWNED\u{07}\u{1b}[2J\u{9b}31m\u{202e}\u{2066}\u{200d}Evil";

/// A character that changes what a terminal does or which way text runs.
fn is_live(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c,
            '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn assert_inert(what: &str, ran: &Ran) {
    for (stream, text) in [("stdout", &ran.stdout), ("stderr", &ran.stderr)] {
        if let Some(c) = text.chars().find(|c| is_live(*c)) {
            panic!("`{what}` printed {c:?} on {stream}: {text:?}");
        }
        assert!(
            !text.contains("PWNED"),
            "`{what}` printed an OSC payload: {text:?}"
        );
    }
}

/// The built-in world with hostile business names, template bodies and chat text.
fn hostile_assets(dir: &Path) {
    let world = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/world.toml"))
        .expect("the built-in world reads");
    let world = world
        .replace("Rutas Bus", &format!("Rutas{HOSTILE_TOML}"))
        .replace(
            "Your ticket {{1}}",
            &format!("{HOSTILE_TOML} ticket {{{{1}}}}"),
        )
        .replace("Did you see the match?", HOSTILE_TOML);
    std::fs::write(dir.join("world.toml"), world).expect("the hostile world writes");
}

#[test]
fn world_and_render_commands_print_world_file_text_inertly() {
    let assets = TempDir::new().unwrap();
    hostile_assets(assets.path());
    let data = TempDir::new().unwrap();
    let base = [
        "--data-dir",
        data.path().to_str().unwrap(),
        "--assets",
        assets.path().to_str().unwrap(),
    ];
    let with = |args: &[&str]| {
        let mut all = base.to_vec();
        all.extend_from_slice(args);
        all.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let advance = run_owned(&with(&["world", "advance", "3d"]));
    assert_eq!(advance.code, 0, "{advance:?}");
    assert!(advance.stdout.contains("RutasEvil"), "{}", advance.stdout);
    assert_inert("world advance", &advance);
    let summary = run_owned(&with(&["world", "summary"]));
    assert!(summary.stdout.contains("RutasEvil"), "{}", summary.stdout);
    assert_inert("world summary", &summary);
    for args in [
        vec!["world", "clock"],
        vec!["render", "--screen", "inbox", "--advance", "1d"],
        vec!["world", "advance", HOSTILE],
        vec!["world", "advance", "1h", &format!("--bogus{HOSTILE}")],
        vec!["render", "--screen", HOSTILE],
    ] {
        let ran = run_owned(&with(&args));
        assert_inert(&args.join(" "), &ran);
    }
}

#[test]
fn serve_and_business_commands_print_hostile_names_and_bodies_inertly() {
    let dir = TempDir::new().unwrap();
    let serve = ["serve", "--data-dir", dir.path().to_str().unwrap()];
    let added = run_owned(&[&serve[..], &["add-user", &format!("ana{HOSTILE}")]].concat());
    assert_eq!(added.code, 0, "{added:?}");
    assert!(added.stderr.contains("anaEvil"), "{}", added.stderr);
    assert_inert("serve add-user", &added);
    let added = run_owned(&[&serve[..], &["add-business", &format!("Shop{HOSTILE}")]].concat());
    assert_inert("serve add-business", &added);
    add_user(dir.path(), "bob");
    let shop = add_business(dir.path(), "Tienda", &["--verified", "--budget", "1000"]);
    let server = TestServer::start(dir.path(), &[]);

    let template = dir.path().join("hostile.toml");
    std::fs::write(
        &template,
        format!(
            "name = \"t{HOSTILE_TOML}\"\ncategory = \"utility\"\nbody = \"Order {{{{1}}}} {HOSTILE_TOML} ready.\"\n"
        ),
    )
    .unwrap();
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, format!("name = \"x\"\n{HOSTILE} = 1\n")).unwrap();
    let file = template.to_str().unwrap();
    let listed = business_tool(&server.url, &shop, &["templates", "submit", file]);
    assert!(listed.stdout.contains("tEvil"), "{listed:?}");
    let template_name = format!("t{HOSTILE}");
    let edit = dir.path().join("edit.toml");
    std::fs::write(
        &edit,
        format!("category = \"utility\"\nbody = \"Order {{{{1}}}} {HOSTILE_TOML} on its way.\"\n"),
    )
    .unwrap();
    let edit = edit.to_str().unwrap();
    let long_name = format!("{HOSTILE}{}", "x".repeat(60_000));
    let runs: Vec<Vec<&str>> = vec![
        vec!["templates", "submit", file],
        vec!["--json", "templates", "submit", file],
        vec!["templates", "submit", broken.to_str().unwrap()],
        vec!["templates", "list"],
        vec!["--json", "templates", "list"],
        vec![
            "send",
            "--to",
            "bob",
            "--template",
            "tEvil",
            "--param",
            HOSTILE,
        ],
        vec!["send", "--to", HOSTILE, "--text", HOSTILE],
        vec!["--json", "send", "--to", HOSTILE, "--text", HOSTILE],
        vec!["send", "--to", "bob", "--template", &template_name],
        vec![
            "broadcast",
            "--template",
            "tEvil",
            "--param",
            HOSTILE,
            "--dry-run",
        ],
        vec!["metrics"],
        vec!["metrics", "--template", &template_name],
        vec!["--json", "metrics", "--template", &template_name],
        vec!["status"],
        vec!["--json", "status"],
        vec!["reply", "--to", "bob", HOSTILE],
        vec!["reply", "--to", HOSTILE, HOSTILE],
        vec!["--json", "reply", "--to", "bob", HOSTILE],
        vec!["inbox"],
        vec!["--json", "inbox"],
        vec!["read", "--with", "bob"],
        vec!["read", "--with", HOSTILE],
        vec!["--json", "read", "--with", "bob"],
        vec!["templates", "edit", &template_name, edit],
        vec!["--json", "templates", "edit", "tEvil", edit],
        vec!["templates", "edit", "tEvil", file],
        vec!["templates", "resubmit", "tEvil"],
        vec!["templates", "versions", &template_name],
        vec!["--json", "templates", "versions", "tEvil"],
        vec!["templates", "delete", &long_name],
        vec!["templates", "delete", &template_name],
        vec!["--json", "templates", "delete", "tEvil"],
    ];
    for args in runs {
        let ran = business_tool(&server.url, &shop, &args);
        assert_inert(&args.join(" "), &ran);
    }
    let ran = business_tool(&server.url, &shop, &["templates", "edit", &long_name, edit]);
    assert_eq!(ran.code, 1, "{ran:?}");
    assert!(
        ran.stderr.len() < 500,
        "a long name is not echoed in full: {} bytes",
        ran.stderr.len()
    );
}

fn run_owned(args: &[impl AsRef<str>]) -> Ran {
    let args: Vec<&str> = args.iter().map(|a| a.as_ref()).collect();
    run(&args)
}

#[test]
fn review_commands_print_hostile_names_reasons_and_evidence_inertly() {
    use parley::protocol::{SendRequest, TemplateSubmission, WireAction};
    let dir = TempDir::new().unwrap();
    let serve = ["serve", "--data-dir", dir.path().to_str().unwrap()];
    let added = run_owned(&[&serve[..], &["add-reviewer", &format!("rita{HOSTILE}")]].concat());
    assert_eq!(added.code, 0, "{added:?}");
    assert!(added.stderr.contains("ritaEvil"), "{}", added.stderr);
    assert_inert("serve add-reviewer", &added);
    let reviewer = added.stdout.trim().to_string();
    let bob = add_user(dir.path(), &format!("bob{HOSTILE}"));
    let shop = add_business(dir.path(), &format!("Tienda{HOSTILE}"), &[]);
    let server = TestServer::start(dir.path(), &[]);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let business =
            parley::sync::business_client::BusinessClient::new(&server.url, &shop).unwrap();
        let submission = TemplateSubmission {
            name: "ready".into(),
            category: parley::model::Category::Utility,
            body: "Order {{1}} is ready.".into(),
            allow_recategorise: false,
        };
        business.submit_template(&submission).await.unwrap();
        let send = SendRequest {
            to: "bobEvil".into(),
            template: Some("ready".into()),
            params: vec![HOSTILE.into()],
            text: None,
            key: None,
        };
        business.send(&send).await.unwrap();
        let api = server.api(&bob);
        let id = support::server::all_changes(&api).await.businesses[0].id;
        let report = WireAction::Report {
            business: id,
            reason: parley::model::ReportReason::Scam,
            also_block: false,
        };
        support::server::act(&api, vec![("report", report)]).await;
    });
    let review = |args: &[&str]| {
        let mut all = vec!["review", "--server", &server.url, "--token", &reviewer];
        all.extend_from_slice(args);
        run(&all)
    };
    let shown = review(&["show", "TiendaEvil"]);
    assert_eq!(shown.code, 0, "{shown:?}");
    assert!(
        shown.stdout.contains("Order Evil is ready."),
        "{}",
        shown.stdout
    );
    assert_inert("review show", &shown);
    for args in [
        vec!["list"],
        vec!["--json", "show", "TiendaEvil"],
        vec!["show", HOSTILE],
        vec!["reinstate", "TiendaEvil", "--reason", HOSTILE],
        vec!["--json", "confirm", HOSTILE, "--reason", HOSTILE],
    ] {
        assert_inert(&args.join(" "), &review(&args));
    }
    let asked = business_tool(&server.url, &shop, &["ask-review", "--note", HOSTILE]);
    assert_inert("business ask-review", &asked);
}

#[test]
fn revoking_and_reissuing_print_hostile_names_inertly() {
    let dir = TempDir::new().unwrap();
    let serve = ["serve", "--data-dir", dir.path().to_str().unwrap()];
    let name = format!("bob{HOSTILE}");
    add_user(dir.path(), &name);
    for command in ["revoke", "reissue"] {
        let ran = run_owned(&[&serve[..], &[command, &name]].concat());
        assert_eq!(ran.code, 0, "{ran:?}");
        assert!(ran.stderr.contains("bobEvil"), "{}", ran.stderr);
        assert_inert(&format!("serve {command}"), &ran);
    }
    let unknown = run_owned(&[&serve[..], &["revoke", &format!("nobody{HOSTILE}")]].concat());
    assert_ne!(unknown.code, 0);
    assert!(unknown.stderr.contains("nobodyEvil"), "{}", unknown.stderr);
    assert_inert("serve revoke of an unknown name", &unknown);
}

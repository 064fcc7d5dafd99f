//! The command line is consistent: `--json` goes anywhere around a business subcommand, and
//! `serve add-business --kind` takes every kind the apps show, by code or by label.

mod support;

use parley::protocol::StatusReport;
use support::server::{TestServer, add_business, business_tool, run};
use tempfile::TempDir;

#[test]
fn json_works_before_or_after_the_business_subcommand() {
    let dir = TempDir::new().unwrap();
    let shop = add_business(dir.path(), "Tienda", &[]);
    let server = TestServer::start(dir.path(), &[]);
    for args in [["--json", "status"], ["status", "--json"]] {
        let ran = business_tool(&server.url, &shop, &args);
        assert_eq!(ran.code, 0, "{args:?}: {ran:?}");
        let status: StatusReport = serde_json::from_str(&ran.stdout).expect("--json prints JSON");
        assert_eq!(status.name, "Tienda");
    }
    let first = [
        "--json",
        "business",
        "--server",
        &server.url,
        "--token",
        &shop,
        "status",
    ];
    let ran = run(&first);
    assert_eq!(ran.code, 0, "{ran:?}");
    let status: StatusReport = serde_json::from_str(&ran.stdout).expect("--json prints JSON");
    assert_eq!(status.name, "Tienda");
}

#[test]
fn json_elsewhere_is_refused_with_where_it_applies() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().display().to_string();
    let ran = run(&["--json", "--data-dir", &data, "world", "summary"]);
    assert_ne!(ran.code, 0, "{ran:?}");
    assert!(
        ran.stderr.contains("parley --json business status"),
        "{ran:?}"
    );
}

#[test]
fn add_business_takes_every_kind_the_apps_show() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().to_str().unwrap();
    let kinds = [
        "grocery",
        "Supermarket",
        "parcel-delivery",
        "Parcel delivery",
        "lending",
        "bank",
    ];
    for (i, kind) in kinds.iter().enumerate() {
        let name = format!("Business {i}");
        let ran = run(&[
            "serve",
            "--data-dir",
            data,
            "add-business",
            &name,
            "--kind",
            kind,
        ]);
        assert_eq!(ran.code, 0, "--kind {kind}: {}", ran.stderr);
    }
    let ran = run(&[
        "serve",
        "--data-dir",
        data,
        "add-business",
        "X",
        "--kind",
        "casino",
    ]);
    assert_ne!(ran.code, 0);
    assert!(ran.stderr.contains("kinds are"), "{}", ran.stderr);
}

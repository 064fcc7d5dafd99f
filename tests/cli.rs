//! The command line is consistent: `--json` goes anywhere around a business subcommand, every
//! argument and option has help, each subcommand lists only the options it uses, and
//! `serve add-business --kind` takes every kind the apps show, by code or by label.

mod support;

use clap::CommandFactory;
use parley::cli::Cli;
use parley::protocol::StatusReport;
use parley::world::Assets;
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
    let last = [
        "business",
        "status",
        "--server",
        &server.url,
        "--token",
        &shop,
        "--json",
    ];
    for args in [&first, &last] {
        let ran = run(args);
        assert_eq!(ran.code, 0, "{ran:?}");
        let status: StatusReport = serde_json::from_str(&ran.stdout).expect("--json prints JSON");
        assert_eq!(status.name, "Tienda");
    }
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

/// Every subcommand under `command`, with its path (`parley serve add-user`), itself first.
fn subcommands(command: &clap::Command, path: &str) -> Vec<(String, clap::Command)> {
    let mut out = vec![(path.to_string(), command.clone())];
    for sub in command.get_subcommands() {
        out.extend(subcommands(sub, &format!("{path} {}", sub.get_name())));
    }
    out
}

/// The command line as `--help` shows it, globals carried down to every subcommand.
fn every_command() -> Vec<(String, clap::Command)> {
    let mut cli = Cli::command();
    cli.build();
    subcommands(&cli, "parley")
}

/// The long options `--help` lists for the subcommand at `path`.
fn options_of(path: &str) -> Vec<String> {
    let (_, command) = every_command()
        .into_iter()
        .find(|(p, _)| p == path)
        .unwrap_or_else(|| panic!("no subcommand `{path}`"));
    command
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .collect()
}

#[test]
fn every_argument_option_and_subcommand_has_help() {
    let mut missing = Vec::new();
    for (path, command) in every_command() {
        if path != "parley" && command.get_about().is_none() {
            missing.push(path.clone());
        }
        for arg in command.get_arguments() {
            if arg.get_help().is_none() && !arg.is_hide_set() {
                missing.push(format!("{path} {}", arg.get_id()));
            }
        }
    }
    assert!(missing.is_empty(), "no help text: {missing:?}");
}

#[test]
fn each_subcommand_lists_only_the_options_it_uses() {
    let never: &[(&str, &[&str])] = &[
        (
            "parley serve",
            &["--server", "--token", "--config", "--json"],
        ),
        (
            "parley serve add-user",
            &["--server", "--token", "--config", "--json"],
        ),
        (
            "parley serve add-business",
            &["--server", "--token", "--config", "--json"],
        ),
        (
            "parley serve add-reviewer",
            &["--server", "--token", "--config", "--json"],
        ),
        (
            "parley serve revoke",
            &["--server", "--token", "--config", "--json"],
        ),
        (
            "parley serve reissue",
            &["--server", "--token", "--config", "--json"],
        ),
        (
            "parley world",
            &["--server", "--token", "--config", "--json"],
        ),
        (
            "parley world advance",
            &["--server", "--token", "--config", "--json"],
        ),
        (
            "parley world reset",
            &["--server", "--token", "--config", "--json"],
        ),
        (
            "parley render",
            &["--server", "--token", "--data-dir", "--json"],
        ),
        ("parley demo", &["--server", "--token", "--json"]),
    ];
    let mut wrong = Vec::new();
    for (path, absent) in never {
        let listed = options_of(path);
        wrong.extend(
            absent
                .iter()
                .filter(|o| listed.iter().any(|l| l == *o))
                .map(|o| format!("{path} lists {o}")),
        );
    }
    for (path, _) in every_command() {
        let tool = path.starts_with("parley review") || path.starts_with("parley business ");
        if !tool || path.split(' ').any(|word| word == "help") {
            continue;
        }
        let listed = options_of(&path);
        for o in ["--data-dir", "--assets", "--config"] {
            if listed.iter().any(|l| l == o) {
                wrong.push(format!("{path} lists {o}"));
            }
        }
        for o in ["--server", "--token", "--json"] {
            if !listed.iter().any(|l| l == o) {
                wrong.push(format!("{path} does not list {o}, which it uses"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn options_before_the_subcommand_still_count_for_it() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().to_str().unwrap();
    let ran = run(&["--data-dir", data, "world", "clock"]);
    assert_eq!(ran.code, 0, "{ran:?}");
    assert!(dir.path().join("parley.db").is_file(), "{ran:?}");
    let missing = dir.path().join("no-such-assets");
    let ran = run(&["--assets", missing.to_str().unwrap(), "world", "clock"]);
    assert_ne!(ran.code, 0, "{ran:?}");
    assert!(ran.stderr.contains("no such assets directory"), "{ran:?}");
}

#[test]
fn add_business_takes_the_kind_of_every_business_in_the_demo_world() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().to_str().unwrap();
    let assets = Assets::built_in();
    for (i, business) in assets.world.def.businesses.iter().enumerate() {
        let label = parley::i18n::Label::text(business.kind);
        for kind in [business.kind.as_str(), label.as_str()] {
            let name = format!("Business {i} {kind}");
            let ran = run(&[
                "serve",
                "add-business",
                &name,
                "--kind",
                kind,
                "--data-dir",
                data,
            ]);
            assert_eq!(ran.code, 0, "--kind {kind}: {}", ran.stderr);
        }
    }
}

//! Mistakes around a command (a missing file or directory, a database another program holds)
//! are errors that name the path and say what to do, never silently ignored.

mod support;

use support::server::run;
use tempfile::TempDir;

#[test]
fn a_missing_config_file_is_an_error_naming_it() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("nope.toml");
    let ran = run(&[
        "--config",
        missing.to_str().unwrap(),
        "render",
        "--screen",
        "inbox",
    ]);
    assert_ne!(ran.code, 0, "{ran:?}");
    assert!(
        ran.stderr.contains(missing.to_str().unwrap())
            && ran.stderr.contains("no such config file"),
        "{}",
        ran.stderr
    );
    assert!(ran.stdout.is_empty(), "nothing is drawn: {}", ran.stdout);
}

#[test]
fn a_missing_config_file_is_an_error_for_every_command() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("nope.toml");
    let data = dir.path().join("data");
    let missing = missing.to_str().unwrap();
    let data = data.to_str().unwrap();
    for command in [
        vec!["--config", missing, "--data-dir", data, "world", "clock"],
        vec![
            "--config",
            missing,
            "--data-dir",
            data,
            "serve",
            "add-user",
            "ana",
        ],
        vec!["--config", missing, "business", "status"],
    ] {
        let ran = run(&command);
        assert_ne!(ran.code, 0, "{command:?}: {ran:?}");
        assert!(
            ran.stderr.contains(missing) && ran.stderr.contains("no such config file"),
            "{command:?}: {}",
            ran.stderr
        );
        assert!(ran.stdout.is_empty(), "{command:?}: {}", ran.stdout);
    }
}

#[test]
fn a_missing_assets_directory_is_an_error_naming_it() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("assets");
    let data = dir.path().join("data");
    let ran = run(&[
        "--data-dir",
        data.to_str().unwrap(),
        "--assets",
        missing.to_str().unwrap(),
        "world",
        "clock",
    ]);
    assert_ne!(ran.code, 0, "{ran:?}");
    assert!(
        ran.stderr.contains(missing.to_str().unwrap())
            && ran.stderr.contains("no such assets directory"),
        "{}",
        ran.stderr
    );
}

#[test]
fn a_locked_database_is_an_error_naming_the_file_and_what_to_do() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().to_str().unwrap();
    let ran = run(&["--data-dir", data, "world", "clock"]);
    assert_eq!(ran.code, 0, "{ran:?}");
    let file = dir.path().join("parley.db");
    let holder = rusqlite::Connection::open(&file).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();

    let ran = run(&["--data-dir", data, "world", "advance", "1h"]);
    assert_ne!(ran.code, 0, "{ran:?}");
    assert!(
        ran.stderr.contains(file.to_str().unwrap()) && ran.stderr.contains("try again"),
        "{}",
        ran.stderr
    );
    holder.execute_batch("ROLLBACK").unwrap();
    let ran = run(&["--data-dir", data, "world", "advance", "1h"]);
    assert_eq!(ran.code, 0, "released, it works again: {ran:?}");
}

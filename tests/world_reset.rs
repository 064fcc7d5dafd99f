//! `parley world reset`: it asks before it deletes, starts the demo week again, refuses without
//! a terminal to ask (unless --yes), and never touches a store that is not the demo world.

mod support;

use parley::store::Store;
use std::path::Path;
use support::server::{Ran, run};
use support::tmux::{Ended, Tmux, shell_quote};
use tempfile::TempDir;

/// The demo world's clock when it starts, as `world clock` prints it.
const START: &str = "Mon 23 Nov 08:00";

fn world(dir: &Path, args: &[&str]) -> Ran {
    let data = dir.to_str().expect("a UTF-8 temporary path");
    let mut all = vec!["--data-dir", data, "world"];
    all.extend_from_slice(args);
    run(&all)
}

fn clock(dir: &Path) -> String {
    let ran = world(dir, &["clock"]);
    assert_eq!(ran.code, 0, "{ran:?}");
    ran.stdout.trim().to_string()
}

/// A demo world whose clock has run two days.
fn world_two_days_on() -> TempDir {
    let dir = TempDir::new().unwrap();
    let ran = world(dir.path(), &["advance", "2d", "--quiet"]);
    assert_eq!(ran.code, 0, "{ran:?}");
    assert_eq!(clock(dir.path()), "Wed 25 Nov 08:00");
    dir
}

/// `parley world reset` in a real terminal, waiting at its question.
fn reset_in_a_terminal(dir: &Path) -> Tmux {
    let command = format!(
        "exec env -u PARLEY_ASSETS {} --data-dir {} world reset",
        shell_quote(env!("CARGO_BIN_EXE_parley")),
        shell_quote(&dir.display().to_string()),
    );
    let tmux = Tmux::start("world-reset", 200, 10, &command);
    let db = dir.join("parley.db").display().to_string();
    tmux.wait_text(&[&format!(
        "Delete the demo world at {db} and start again? [y/N]"
    )]);
    tmux
}

#[test]
fn reset_asks_first_no_keeps_the_world_and_yes_starts_the_week_again() {
    let dir = world_two_days_on();
    let tmux = reset_in_a_terminal(dir.path());
    tmux.type_text("n");
    tmux.press("Enter");
    assert_eq!(tmux.wait_exit(), Ended::Exit(0));
    assert!(tmux.screen().text.contains("Kept the demo world"));
    assert_eq!(clock(dir.path()), "Wed 25 Nov 08:00", "n keeps the world");

    let tmux = reset_in_a_terminal(dir.path());
    tmux.type_text("y");
    tmux.press("Enter");
    assert_eq!(tmux.wait_exit(), Ended::Exit(0));
    assert!(tmux.screen().text.contains("A fresh demo world"));
    assert_eq!(clock(dir.path()), START, "y starts the week again");
}

#[test]
fn without_a_terminal_reset_needs_yes() {
    let dir = world_two_days_on();
    let ran = world(dir.path(), &["reset"]);
    assert_ne!(ran.code, 0, "{ran:?}");
    assert!(
        ran.stderr.contains("no terminal to ask") && ran.stderr.contains("--yes"),
        "{}",
        ran.stderr
    );
    assert_eq!(clock(dir.path()), "Wed 25 Nov 08:00");
    let ran = world(dir.path(), &["reset", "--yes"]);
    assert_eq!(ran.code, 0, "{ran:?}");
    assert_eq!(clock(dir.path()), START);
}

#[test]
fn reset_never_touches_a_store_that_is_not_the_demo_world() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("parley.db");
    let mut synced = Store::open(&path).unwrap();
    synced.write(|tx| tx.set_meta("world", "server")).unwrap();
    drop(synced);
    let ran = world(dir.path(), &["reset", "--yes"]);
    assert_ne!(ran.code, 0, "{ran:?}");
    assert!(
        ran.stderr.contains(&path.display().to_string())
            && ran.stderr.contains("is not the demo world"),
        "{}",
        ran.stderr
    );
    let kept = Store::open(&path).unwrap();
    assert_eq!(kept.db().meta("world").unwrap().as_deref(), Some("server"));

    let other = TempDir::new().unwrap();
    let file = other.path().join("parley.db");
    std::fs::write(&file, "notes that are not a database").unwrap();
    let ran = world(other.path(), &["reset", "--yes"]);
    assert_ne!(ran.code, 0, "{ran:?}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "notes that are not a database"
    );
}

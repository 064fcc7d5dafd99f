//! The real `parley` binary killed (SIGKILL) while it advances the demo world: the database
//! opens again, passes SQLite's integrity check, and finishing the week from where the clock
//! stopped tells exactly the story of an uninterrupted week.

use parley::model::{Span, Timestamp};
use parley::store::Store;
use parley::world::{self, Assets, Summary};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long any one run of the binary may take before the test gives up on it.
const DEADLINE: Duration = Duration::from_secs(120);

fn week_end(assets: &Assets) -> Timestamp {
    assets.world.start + Span::days(7)
}

fn db_file(dir: &Path) -> PathBuf {
    dir.join("parley.db")
}

/// The summary of a week advanced in this process, without interruption.
fn uninterrupted_week(assets: &Assets) -> Summary {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&db_file(dir.path())).unwrap();
    world::advance(&mut store, assets, week_end(assets), |_| {}).unwrap();
    world::summary(&store, assets).unwrap()
}

/// `parley --data-dir DIR world advance SPAN --pace-ms PACE`, with stdout piped.
fn spawn_advance(dir: &Path, span: Span, pace_ms: u64) -> Child {
    Command::new(env!("CARGO_BIN_EXE_parley"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .arg("--data-dir")
        .arg(dir)
        .args(["world", "advance", &format!("{}s", span.0)])
        .args(["--pace-ms", &pace_ms.to_string()])
        .env_remove("PARLEY_DATA_DIR")
        .env_remove("PARLEY_ASSETS")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the parley binary runs")
}

/// Reads the child's stdout until `lines` lines have appeared (within the deadline), then
/// kills it. Returns the lines read; fewer only if the run ended first.
fn kill_after_lines(mut child: Child, lines: usize) -> Vec<String> {
    let stdout = child.stdout.take().unwrap();
    let (send, receive) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if send.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + DEADLINE;
    let mut seen = Vec::new();
    while seen.len() < lines {
        let left = deadline.saturating_duration_since(Instant::now());
        match receive.recv_timeout(left) {
            Ok(line) => seen.push(line),
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let _ = child.kill();
                panic!("no progress within {DEADLINE:?}; saw {seen:?}");
            }
        }
    }
    child.kill().expect("the child can be killed");
    child.wait().unwrap();
    reader.join().unwrap();
    seen
}

/// The store opens, SQLite finds it sound, and the clock stands within the week.
fn check_after_kill(dir: &Path, assets: &Assets) -> Timestamp {
    let store = Store::open(&db_file(dir)).expect("the store opens after a kill");
    let clock = store.db().clock().unwrap().unwrap_or(assets.world.start);
    drop(store);
    let conn = rusqlite::Connection::open(db_file(dir)).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert!(
        assets.world.start <= clock && clock <= week_end(assets),
        "clock {clock:?}"
    );
    clock
}

/// The time left until the end of the week, by the store's clock.
fn remaining(dir: &Path, assets: &Assets) -> Span {
    let store = Store::open(&db_file(dir)).unwrap();
    let clock = store.db().clock().unwrap().unwrap_or(assets.world.start);
    week_end(assets) - clock
}

/// Runs the binary to the end of the week and returns the summary of the store.
fn finish_with_binary(dir: &Path, assets: &Assets) -> Summary {
    let left = remaining(dir, assets);
    if left.0 > 0 {
        let out = Command::new(env!("CARGO_BIN_EXE_parley"))
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .arg("--data-dir")
            .arg(dir)
            .args(["world", "advance", &format!("{}s", left.0), "--quiet"])
            .env_remove("PARLEY_DATA_DIR")
            .env_remove("PARLEY_ASSETS")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let store = Store::open(&db_file(dir)).unwrap();
    assert_eq!(store.db().clock().unwrap(), Some(week_end(assets)));
    world::summary(&store, assets).unwrap()
}

#[test]
fn killed_while_advancing_then_resumed_tells_the_same_week() {
    let assets = Assets::built_in();
    let reference = uninterrupted_week(&assets);
    let dir = tempfile::tempdir().unwrap();
    let mut clocks = Vec::new();

    // Paced runs, killed after a few and after many progress lines, each resuming the last.
    for lines in [3, 12, 25] {
        let child = spawn_advance(dir.path(), remaining(dir.path(), &assets), 20);
        let seen = kill_after_lines(child, lines);
        assert_eq!(seen.len(), lines, "the run ended before the kill: {seen:?}");
        clocks.push(check_after_kill(dir.path(), &assets));
    }
    // Unpaced, killed as soon as it shows life: wherever the next step happens to be.
    for lines in [1, 2, 1, 3, 1] {
        let child = spawn_advance(dir.path(), remaining(dir.path(), &assets), 0);
        kill_after_lines(child, lines);
        clocks.push(check_after_kill(dir.path(), &assets));
    }

    assert!(
        clocks.windows(2).all(|w| w[0] <= w[1]),
        "the clock never goes back: {clocks:?}"
    );
    assert!(
        clocks[0] > assets.world.start,
        "the first run made progress"
    );
    let resumed = finish_with_binary(dir.path(), &assets);
    assert_eq!(resumed, reference);
}

#[test]
fn killed_then_finished_in_process_tells_the_same_week() {
    let assets = Assets::built_in();
    let reference = uninterrupted_week(&assets);
    let dir = tempfile::tempdir().unwrap();
    let child = spawn_advance(dir.path(), Span::days(7), 20);
    let seen = kill_after_lines(child, 8);
    assert_eq!(seen.len(), 8);
    check_after_kill(dir.path(), &assets);

    let mut store = Store::open(&db_file(dir.path())).unwrap();
    world::advance(&mut store, &assets, week_end(&assets), |_| {}).unwrap();
    assert_eq!(world::summary(&store, &assets).unwrap(), reference);
}

//! Key press to updated screen, in a real terminal: the release `parley` binary in tmux at
//! 120x40, `j` and `k` pressed in turn, each timed from sending the key to reading a screen
//! whose selected row moved (the screen is read as fast as tmux answers). First on the demo
//! world, then on a store of 100 000 chats and 1 000 000 messages (the fixture of
//! `benches/store.rs`, built first, about 25 s).
//!
//! The figure includes tmux: sending the key and reading the screen each run a tmux client,
//! so one screen read alone is printed too. It is a measurement, not a test: nothing here
//! fails on a slow figure.
//!
//! Run with `cargo bench --bench key_latency` (tmux must be installed); the figures are in
//! BENCHMARKS.md.

#[path = "fixture/mod.rs"]
mod fixture;
#[path = "../tests/support/mod.rs"]
mod support;

use fixture::{Fixture, Spec};
use std::path::Path;
use std::time::{Duration, Instant};
use support::tmux::{Tmux, shell_quote};

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
/// Presses timed per store.
const PRESSES: usize = 60;

fn main() {
    // `cargo test --benches` runs bench binaries without `--bench`: nothing to check here.
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!("key_latency: a measurement; run it with `cargo bench --bench key_latency`");
        return;
    }
    let demo = tempfile::tempdir().expect("temporary directory");
    measure("demo world", demo.path());

    let big = tempfile::tempdir().expect("temporary directory");
    drop(Fixture::build(
        &big.path().join("parley.db"),
        Spec {
            chats: 100_000,
            messages: 1_000_000,
        },
    ));
    measure("100 000 chats, 1 000 000 messages", big.path());
}

/// Starts `parley` on `data` in tmux, times `PRESSES` presses of j/k and prints the figures.
fn measure(name: &str, data: &Path) {
    let command = format!(
        "exec env -u PARLEY_ASSETS TERM=xterm-256color {} --data-dir {} --config {}",
        shell_quote(env!("CARGO_BIN_EXE_parley")),
        shell_quote(&data.display().to_string()),
        shell_quote(&data.join("none.toml").display().to_string()),
    );
    let started = Instant::now();
    let tmux = Tmux::start("key_latency", WIDTH, HEIGHT, &command);
    tmux.wait_with("the inbox", Duration::ZERO, |s| {
        selected_line(&s.text).is_some()
    });
    let start = started.elapsed();
    let mut keys = Vec::with_capacity(PRESSES);
    let mut reads = Vec::with_capacity(PRESSES);
    for i in 0..PRESSES {
        let read = Instant::now();
        let before = selected_line(&tmux.screen().text);
        reads.push(read.elapsed());
        let sent = Instant::now();
        tmux.press(if i % 2 == 0 { "j" } else { "k" });
        tmux.wait_with("the selection to move", Duration::ZERO, |s| {
            selected_line(&s.text) != before
        });
        keys.push(sent.elapsed());
    }
    tmux.press("q");
    tmux.wait_exit();
    let (median, worst) = median_and_worst(&mut keys);
    let (read_median, read_worst) = median_and_worst(&mut reads);
    eprintln!(
        "key_latency: {name}, {WIDTH}x{HEIGHT}, {PRESSES} presses of j/k, from sending the key to \
         reading the moved selection: median {median:.1?}, worst {worst:.1?} (one screen read \
         alone: median {read_median:.1?}, worst {read_worst:.1?}; start to the first screen in \
         tmux: {start:.1?})"
    );
}

/// The selected row's line in the list (the one with ▸), left of the split between panes.
fn selected_line(text: &str) -> Option<String> {
    text.lines()
        .map(|l| l.split("││").next().unwrap_or(l))
        .find(|l| l.contains('▸'))
        .map(str::to_string)
}

fn median_and_worst(samples: &mut [Duration]) -> (Duration, Duration) {
    samples.sort();
    let n = samples.len();
    ((samples[(n - 1) / 2] + samples[n / 2]) / 2, samples[n - 1])
}

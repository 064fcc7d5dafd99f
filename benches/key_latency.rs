//! Key press to updated screen, in a real terminal, beside the terminal's own echo of a key.
//! Everything runs in the same tmux harness at 120x40, in the same run:
//! - the baseline: `cat` in the pane, so the terminal's line discipline echoes each key;
//! - the release `parley` binary in the chat list, `j` and `k` pressed in turn;
//! - the same binary in the composer of a personal chat, letters typed one at a time.
//!
//! Each press is timed from sending the key to reading a screen that changed (read as fast as
//! tmux answers). The list is measured on the demo world, then on a store of 100 000 chats and
//! 1 000 000 messages (the fixture of `benches/store.rs`, built first, about 25 s). What Parley
//! adds is its median minus the echo's median. It is a measurement, not a test: nothing here
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
use support::tmux::{Tmux, default_config, shell_quote};

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
/// Presses timed per measurement.
const PRESSES: usize = 60;
/// Letters typed into the composer and into `cat`, one per press.
const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";

fn main() {
    // `cargo test --benches` runs bench binaries without `--bench`: nothing to check here.
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!("key_latency: a measurement; run it with `cargo bench --bench key_latency`");
        return;
    }
    let echo = echo_baseline();
    report("the terminal's own echo (`cat`)", echo, echo);

    let demo = tempfile::tempdir().expect("temporary directory");
    let tmux = start_parley("key_latency_demo", demo.path());
    report("parley, demo world, list j/k", list_presses(&tmux), echo);
    report(
        "parley, demo world, composer",
        composer_presses(&tmux),
        echo,
    );
    drop(tmux);

    let big = tempfile::tempdir().expect("temporary directory");
    drop(Fixture::build(
        &big.path().join("parley.db"),
        Spec {
            chats: 100_000,
            messages: 1_000_000,
        },
    ));
    let tmux = start_parley("key_latency_big", big.path());
    report(
        "parley, 100 000 chats and 1 000 000 messages, list j/k",
        list_presses(&tmux),
        echo,
    );
}

/// Median and worst of one measurement.
#[derive(Clone, Copy)]
struct Figures {
    median: Duration,
    worst: Duration,
}

/// Times `cat` echoing typed letters: the fastest a key can reach the screen in this harness.
fn echo_baseline() -> Figures {
    let tmux = Tmux::start("key_latency_echo", WIDTH, HEIGHT, "exec cat");
    tmux.wait_for("the shell to start cat", |s| !s.dead);
    let letters: Vec<char> = LETTERS.chars().collect();
    time_presses(&tmux, |i| letters[i % letters.len()].to_string())
}

/// Starts the release binary on `data` in tmux and waits for the list.
fn start_parley(name: &str, data: &Path) -> Tmux {
    let command = format!(
        "exec env -u PARLEY_ASSETS TERM=xterm-256color {} --data-dir {} --config {}",
        shell_quote(env!("CARGO_BIN_EXE_parley")),
        shell_quote(&data.display().to_string()),
        shell_quote(&default_config(data).display().to_string()),
    );
    let tmux = Tmux::start(name, WIDTH, HEIGHT, &command);
    tmux.wait_with("the inbox", Duration::ZERO, |s| {
        selected_line(&s.text).is_some()
    });
    tmux
}

/// Times j and k in turn in the chat list.
fn list_presses(tmux: &Tmux) -> Figures {
    time_presses(tmux, |i| if i % 2 == 0 { "j" } else { "k" }.to_string())
}

/// Opens the first personal chat's composer and times typed letters.
fn composer_presses(tmux: &Tmux) -> Figures {
    tmux.press("3");
    tmux.press("Enter");
    tmux.press("r");
    tmux.wait_text(&["enter send"]);
    let letters: Vec<char> = LETTERS.chars().collect();
    time_presses(tmux, |i| letters[i % letters.len()].to_string())
}

/// Sends `PRESSES` keys named by `key(i)`, each timed until the screen differs from before it.
fn time_presses(tmux: &Tmux, key: impl Fn(usize) -> String) -> Figures {
    let mut samples = Vec::with_capacity(PRESSES);
    for i in 0..PRESSES {
        let before = tmux.screen().text;
        let sent = Instant::now();
        tmux.type_text(&key(i));
        tmux.wait_with("the screen to change", Duration::ZERO, |s| s.text != before);
        samples.push(sent.elapsed());
    }
    samples.sort();
    let n = samples.len();
    Figures {
        median: (samples[(n - 1) / 2] + samples[n / 2]) / 2,
        worst: samples[n - 1],
    }
}

fn report(what: &str, figures: Figures, echo: Figures) {
    let added = figures.median.saturating_sub(echo.median);
    eprintln!(
        "key_latency: {what}, {WIDTH}x{HEIGHT}, {PRESSES} presses, key sent to changed screen: \
         median {:.1?}, worst {:.1?}; over the echo's median: {added:.1?}",
        figures.median, figures.worst
    );
}

/// The selected row's line in the list (the one with ▸), left of the split between panes.
fn selected_line(text: &str) -> Option<String> {
    text.lines()
        .map(|l| l.split("││").next().unwrap_or(l))
        .find(|l| l.contains('▸'))
        .map(str::to_string)
}

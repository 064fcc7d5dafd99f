//! Key press to updated screen, in a real terminal, beside the terminal's own echo of a key.
//! Everything runs in the same tmux harness at 120x40, in the same run:
//! - the baseline: `cat` in a pane, so the terminal's line discipline echoes each key;
//! - the release `parley` binary in the chat list, `j` and `k` pressed in turn;
//! - the same binary in the composer of a personal chat, letters typed one at a time.
//!
//! Each press is timed from sending the key to reading a screen that changed (read as fast as
//! tmux answers). Parley's presses alternate with the echo's, one each in turn, so that both
//! see the same load on a shared machine. The list is measured on the demo world, then on a
//! store of 100 000 chats and 1 000 000 messages (the fixture of `benches/store.rs`, built
//! first). What Parley adds is its median minus the echo's median, and, steadier under load,
//! the median over the pairs of one Parley press minus the echo press just before it. It is a
//! measurement, not a test: nothing here fails on a slow figure.
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
    let echo = Tmux::start("key_latency_echo", WIDTH, HEIGHT, "exec cat");
    echo.wait_for("the shell to start cat", |s| !s.dead);

    let demo = tempfile::tempdir().expect("temporary directory");
    let tmux = start_parley("key_latency_demo", demo.path());
    report(
        "parley, demo world, list j/k",
        paired_presses(&echo, &tmux, |i| list_key(i).to_string()),
    );
    open_composer(&tmux);
    report(
        "parley, demo world, composer",
        paired_presses(&echo, &tmux, letter),
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
        paired_presses(&echo, &tmux, |i| list_key(i).to_string()),
    );
}

/// Median and worst of one series of presses.
#[derive(Clone, Copy)]
struct Figures {
    median: Duration,
    worst: Duration,
}

impl Figures {
    fn of(mut samples: Vec<Duration>) -> Figures {
        samples.sort();
        let n = samples.len();
        Figures {
            median: (samples[(n - 1) / 2] + samples[n / 2]) / 2,
            worst: samples[n - 1],
        }
    }
}

/// Parley's presses beside the echo's, taken in turn so both see the same load, and the
/// median of what each Parley press took over the echo press just before it.
struct Paired {
    echo: Figures,
    parley: Figures,
    added_median: Duration,
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

/// `j` and `k` in turn, for the chat list.
fn list_key(i: usize) -> &'static str {
    if i.is_multiple_of(2) { "j" } else { "k" }
}

/// A letter to type, for `cat` and the composer.
fn letter(i: usize) -> String {
    let letters: Vec<char> = LETTERS.chars().collect();
    letters[i % letters.len()].to_string()
}

/// Opens the first personal chat's composer.
fn open_composer(tmux: &Tmux) {
    tmux.press("3");
    tmux.press("Enter");
    tmux.press("r");
    tmux.wait_text(&["enter send"]);
}

/// Sends `PRESSES` letters to `cat` and keys named by `key(i)` to Parley, in turn, each timed
/// until its screen differs from before it.
fn paired_presses(echo: &Tmux, parley: &Tmux, key: impl Fn(usize) -> String) -> Paired {
    let (mut echoes, mut presses, mut added) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..PRESSES {
        let echoed = time_press(echo, &letter(i));
        let pressed = time_press(parley, &key(i));
        echoes.push(echoed);
        presses.push(pressed);
        added.push(pressed.as_secs_f64() - echoed.as_secs_f64());
    }
    added.sort_by(f64::total_cmp);
    let n = added.len();
    let median = (added[(n - 1) / 2] + added[n / 2]) / 2.0;
    Paired {
        echo: Figures::of(echoes),
        parley: Figures::of(presses),
        added_median: Duration::from_secs_f64(median.max(0.0)),
    }
}

/// Sends one key and times it until the screen changes.
fn time_press(tmux: &Tmux, key: &str) -> Duration {
    let before = tmux.screen().text;
    let sent = Instant::now();
    tmux.type_text(key);
    tmux.wait_with("the screen to change", Duration::ZERO, |s| s.text != before);
    sent.elapsed()
}

fn report(what: &str, paired: Paired) {
    let over = paired.parley.median.saturating_sub(paired.echo.median);
    eprintln!(
        "key_latency: {what}, {WIDTH}x{HEIGHT}, {PRESSES} presses each, in turn with `cat`: \
         parley median {:.1?} (worst {:.1?}), echo median {:.1?} (worst {:.1?}); \
         over the echo: {over:.1?} by medians, {:.1?} median of the pairs",
        paired.parley.median,
        paired.parley.worst,
        paired.echo.median,
        paired.echo.worst,
        paired.added_median
    );
}

/// The selected row's line in the list (the one with ▸), left of the split between panes.
fn selected_line(text: &str) -> Option<String> {
    text.lines()
        .map(|l| l.split("││").next().unwrap_or(l))
        .find(|l| l.contains('▸'))
        .map(str::to_string)
}

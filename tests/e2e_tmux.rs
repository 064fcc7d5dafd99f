//! End to end: the real `parley` binary in a real terminal (tmux), keys sent as a user types
//! them, the screen read back. Each test has its own data directory and its own tmux server,
//! so the tests run in parallel; nothing waits a fixed time for a state, every step polls the
//! screen until it shows what the user should see.
//!
//! tmux is required: CI installs it (.ci/run); without it these tests fail and say so.

mod support;

use std::path::Path;
use support::tmux::{Ended, Tmux, framed, shell_quote};
use tempfile::TempDir;

/// The demo world's clock when it starts, as the status bar shows it.
const START: &str = "Mon 23 Nov 08:00";

/// Parley running on a fresh data directory in its own tmux server.
struct Parley {
    /// Declared first, so it is dropped first: the server dies before the directory goes.
    tmux: Tmux,
    _dir: TempDir,
}

impl std::ops::Deref for Parley {
    type Target = Tmux;
    fn deref(&self) -> &Tmux {
        &self.tmux
    }
}

impl Parley {
    /// Starts Parley on a new data directory with the built-in assets; returns once the inbox shows.
    fn start(name: &str, width: u16, height: u16) -> Parley {
        Parley::start_with(name, width, height, None)
    }

    /// Like [`Parley::start`], with `--assets DIR` when given.
    fn start_with(name: &str, width: u16, height: u16, assets: Option<&Path>) -> Parley {
        let dir = tempfile::tempdir().expect("a temporary data directory");
        let tmux = Tmux::start(name, width, height, &command_line(dir.path(), assets));
        let parley = Parley { tmux, _dir: dir };
        parley.wait_text(&["All · 6", START]);
        parley
    }

    /// Quits with `q` (from a chat, twice) and checks the program ended well and gave the terminal back.
    fn quit(&self) {
        if self.screen().text.contains("esc back") {
            // In a chat, q goes back to the list first.
            self.press("q");
            self.wait_for("the list", |s| !s.text.contains("esc back"));
        }
        self.press("q");
        let status = self.wait_exit();
        let screen = self.screen();
        assert_eq!(
            status,
            Ended::Exit(0),
            "parley should exit with status 0 on q; the screen was:\n{}",
            framed(&screen.text)
        );
        assert!(
            !screen.text.contains("demo world"),
            "after quitting, the inbox should be gone (the alternate screen left); the screen was:\n{}",
            framed(&screen.text)
        );
    }

    /// Presses a key and waits for the status bar's clock to read `clock`.
    fn advance(&self, key: &str, clock: &str) -> String {
        self.press(key);
        self.wait_text(&[&format!("Clock moved to {clock}"), clock])
    }

    /// Moves the selection (j/k, one step at a time) onto the row that names `name`.
    fn select(&self, name: &str) -> String {
        for _ in 0..40 {
            let text = self.screen().text;
            let before = selected_line(&text);
            if before.as_deref().is_some_and(|l| l.contains(name)) {
                return text;
            }
            let lines: Vec<&str> = text.lines().collect();
            let target = lines.iter().position(|l| left_pane(l).contains(name));
            let target = target.unwrap_or_else(|| {
                panic!("no row names {name}; the screen was:\n{}", framed(&text))
            });
            let here = lines.iter().position(|l| left_pane(l).contains('▸'));
            self.press(if here.is_some_and(|h| target < h) {
                "k"
            } else {
                "j"
            });
            self.wait_for("the selection to move", |s| {
                selected_line(&s.text) != before
            });
        }
        panic!(
            "could not select {name}; the screen was:\n{}",
            framed(&self.screen().text)
        );
    }
}

/// The shell command tmux runs: the binary on `data`, with an empty config file (so the
/// defaults), and a known terminal type.
fn command_line(data: &Path, assets: Option<&Path>) -> String {
    let path = |p: &Path| shell_quote(&p.display().to_string());
    let mut line = format!(
        "exec env -u PARLEY_ASSETS TERM=xterm-256color {} --data-dir {} --config {}",
        shell_quote(env!("CARGO_BIN_EXE_parley")),
        path(data),
        path(&support::tmux::default_config(data)),
    );
    if let Some(dir) = assets {
        line.push_str(&format!(" --assets {}", path(dir)));
    }
    line
}

/// The part of a screen line left of a split between two panes ("││"), or the whole line.
fn left_pane(line: &str) -> &str {
    line.split("││").next().unwrap_or(line)
}

/// The selected row's line (the one with ▸) in the list, the subscriptions or the held list.
fn selected_line(text: &str) -> Option<String> {
    text.lines()
        .map(left_pane)
        .find(|l| l.contains('▸'))
        .map(str::to_string)
}

/// The first line that contains `needle`, to check what else that row says.
fn line_with<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| {
            panic!(
                "no line shows {needle:?}; the screen was:\n{}",
                framed(text)
            )
        })
}

#[test]
fn the_demo_world_starts_and_its_clock_moves_on() {
    let p = Parley::start("start", 120, 40);
    let text = p.wait_text(&["Marta", "Leo", "Javi", "Mamá", "Lucía 李", START]);
    assert!(
        text.lines()
            .map(left_pane)
            .any(|row| row.contains("Banco Claro [biz]")),
        "the bank's code came just before the start:\n{}",
        framed(&text)
    );
    assert!(
        text.contains("Business 1"),
        "the Business tab counts the bank alone:\n{}",
        framed(&text)
    );

    let text = p.advance("T", "Tue 24 Nov 08:00");
    for name in [
        "Rutas Bus",
        "Moda Lola",
        "Paquexpress",
        "Banco Claro",
        "QuickCash Loans",
    ] {
        let mark = format!("{name} [biz]");
        assert!(
            text.lines().map(left_pane).any(|row| row.contains(&mark)),
            "{name} is marked as a business:\n{}",
            framed(&text)
        );
    }
    assert!(
        text.contains("Business 5"),
        "the Business tab counts them:\n{}",
        framed(&text)
    );
    assert!(
        !text.contains(START),
        "the old time is gone:\n{}",
        framed(&text)
    );
}

#[test]
fn controls_are_kept_across_a_restart() {
    let p = Parley::start("persist", 120, 40);
    p.advance("T", "Tue 24 Nov 08:00");

    // Subscriptions: subscribe to one business, unsubscribe from another.
    p.press("S");
    p.wait_text(&["Businesses and their offers", "Luz Verde Energía"]);
    p.select("Luz Verde Energía");
    p.press("Space");
    let text = p.wait_text(&["Subscribed to Luz Verde Energía's offers"]);
    assert!(
        line_with(&text, "Luz Verde").contains("[x] subscribed"),
        "{}",
        framed(&text)
    );
    p.select("Moda Lola");
    p.press("Space");
    let text = p.wait_text(&["Unsubscribed from Moda Lola"]);
    assert!(
        line_with(&text, "Moda Lola").contains("[ ] not subscribed"),
        "{}",
        framed(&text)
    );
    p.press("Escape");
    p.wait_text(&["All · 10"]);

    // Block one business from its row.
    p.select("Rutas Bus");
    p.press("b");
    p.wait_text(&["Block Rutas Bus?", "Why are you blocking it?"]);
    p.press("Enter");
    let text = p.wait_text(&["Blocked Rutas Bus"]);
    assert!(
        line_with(&text, "Rutas Bus [biz]").contains("⊘blocked"),
        "{}",
        framed(&text)
    );

    // Report another through the report dialog (which also blocks it, as offered).
    p.select("QuickCash Loans");
    p.press("!");
    p.wait_text(&[
        "Report QuickCash Loans",
        "[x] also block QuickCash Loans",
        "Evidence sent with the report",
    ]);
    p.press("Enter");
    let text = p.wait_text(&["Reported QuickCash Loans (spam) with"]);
    assert!(
        line_with(&text, "QuickCash Loans [biz]").contains("⊘blocked"),
        "{}",
        framed(&text)
    );

    // Not interested in Moda Lola's offer, from its chat.
    p.select("Moda Lola");
    p.press("Enter");
    p.wait_text(&["Moda Lola [BUSINESS]", "+ interested  - not interested"]);
    p.type_text("-");
    let text = p.wait_text(&["Not interested: not subscribed, so they are held"]);
    assert!(
        line_with(&text, "Moda Lola [Offer] · Mon 12:00").contains("· Not interested"),
        "{}",
        framed(&text)
    );

    p.advance("T", "Wed 25 Nov 08:00");
    p.quit();

    // The same data directory again.
    p.respawn();
    let text = p.wait_text(&["Wed 25 Nov 08:00", "Rutas Bus", "QuickCash Loans"]);
    assert!(
        line_with(&text, "Rutas Bus [biz]").contains("⊘blocked"),
        "{}",
        framed(&text)
    );
    assert!(
        line_with(&text, "QuickCash Loans [biz]").contains("⊘blocked"),
        "{}",
        framed(&text)
    );

    p.select("Rutas Bus");
    p.press("p");
    p.wait_text(&["Business profile", "Blocked      yes (No longer needed)"]);
    p.press("Escape");
    p.wait_text(&["Wed 25 Nov 08:00", "All · "]);

    p.press("S");
    let text = p.wait_text(&["Businesses and their offers", "Luz Verde Energía"]);
    assert!(
        line_with(&text, "Luz Verde").contains("[x] subscribed"),
        "{}",
        framed(&text)
    );
    assert!(
        line_with(&text, "Moda Lola").contains("[ ] not subscribed"),
        "{}",
        framed(&text)
    );
    assert!(
        line_with(&text, "Paquexpress").contains("[ ] not subscribed"),
        "{}",
        framed(&text)
    );
    p.press("Escape");
    p.wait_text(&["Wed 25 Nov 08:00", "All · "]);

    p.select("Moda Lola");
    p.press("Enter");
    let text = p.wait_text(&["Moda Lola [BUSINESS]", "Black Week at Moda Lola"]);
    assert!(
        line_with(&text, "Moda Lola [Offer] · Mon 12:00").contains("· Not interested"),
        "{}",
        framed(&text)
    );
    p.quit();
}

#[test]
fn an_offer_from_an_unsubscribed_business_is_held() {
    let p = Parley::start("held", 120, 40);
    p.press("S");
    p.wait_text(&["Businesses and their offers", "Moda Lola"]);
    p.select("Moda Lola");
    p.press("Space");
    let text = p.wait_text(&["Unsubscribed from Moda Lola: its next offers will be held"]);
    assert!(
        line_with(&text, "Moda Lola").contains("[ ] not subscribed"),
        "{}",
        framed(&text)
    );
    p.press("Escape");
    let mut held = held_count(&p.wait_text(&["All · 6", START]));

    // Hour by hour until its next offer is due (Monday 12:00 in the demo world).
    for hour in 9..=12 {
        let text = p.advance("t", &format!("Mon 23 Nov {hour:02}:00"));
        let now = held_count(&text);
        assert!(
            hour < 12 || now > held,
            "at 12:00 the Held tab should count Moda Lola's offer ({held} before, {now} now):\n{}",
            framed(&text)
        );
        held = now;
    }
    let text = p.screen().text;
    assert!(
        !text.contains("Black Week"),
        "the held offer is not in the inbox:\n{}",
        framed(&text)
    );

    p.press("6");
    p.wait_text(&[&format!("Held · {held}"), "Held message"]);
    p.select("Moda Lola");
    let text = p.wait_text(&["Why it waits here", "Black Week at Moda Lola"]);
    assert!(
        text.contains("An offer from Moda Lola, and you are") && !text.contains("not_subscribed"),
        "the held row says why in words, the rule's code stays in Why?:\n{}",
        framed(&text)
    );
}

/// The number on the Held tab.
fn held_count(text: &str) -> u32 {
    let tabs = text.lines().next().unwrap_or_default();
    tabs.split('│')
        .find_map(|tab| tab.trim().strip_prefix("Held ")?.parse().ok())
        .unwrap_or_else(|| panic!("no Held tab; the screen was:\n{}", framed(text)))
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let world = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/world.toml"))
        .expect("assets/world.toml is readable");
    let plain = r#"text = "Board games on Saturday at mine?""#;
    assert!(
        world.contains(plain),
        "Javi's message in assets/world.toml changed; update this test"
    );
    // TOML escapes: the loaded text holds a real ESC, BEL and bidi override.
    let hostile =
        r#"text = "Board games \u001b]0;PWNED\u0007 \u001b[2J \u202Eevil\u202C \u001b[31mred""#;
    let assets = tempfile::tempdir().expect("a temporary assets directory");
    std::fs::write(
        assets.path().join("world.toml"),
        world.replace(plain, hostile),
    )
    .expect("the world is written");

    let p = Parley::start_with("hostile", 100, 30, Some(assets.path()));
    p.select("Javi");
    let text = p.wait_text(&["Board games evil red"]);
    assert!(!text.contains("PWNED"), "{}", framed(&text));
    p.press("Enter");
    let text = p.wait_text(&["Javi · Fri 18:00", "evil red"]);

    assert!(text.contains("Board games"), "{}", framed(&text));
    assert!(
        !text.contains("PWNED"),
        "the title payload shows nowhere:\n{}",
        framed(&text)
    );
    assert!(
        text.contains("All · 6") && text.contains("Marta"),
        "nothing cleared the screen:\n{}",
        framed(&text)
    );
    let title = p.display("#{pane_title}");
    assert!(
        !title.contains("PWNED"),
        "the pane title was set to {title:?}"
    );

    let raw = p.screen_with_escapes();
    assert!(
        !raw.contains("\x1b]"),
        "an OSC sequence reached the terminal:\n{raw:?}"
    );
    assert!(
        !raw.contains('\u{202E}') && !raw.contains('\u{202C}'),
        "a bidi control reached the terminal:\n{raw:?}"
    );
    let line = line_with(&raw, "evil red");
    assert!(
        !line.contains("\x1b[31m"),
        "the message's colour reached the terminal: {line:?}"
    );
    p.quit();
}

#[test]
fn a_too_small_terminal_says_so_and_recovers() {
    let p = Parley::start("resize", 80, 24);
    p.resize(30, 10);
    p.wait_text(&["Terminal too small"]);
    p.resize(80, 24);
    let text = p.wait_text(&["All · 6", "Marta", START]);
    assert!(!text.contains("Terminal too small"), "{}", framed(&text));
    assert_eq!(p.screen().ended, None, "parley should still run");
    // Still answering keys.
    p.select("Javi");
    p.quit();
}

/// Keys typed faster than the screen redraws land in the mode the previous key opened: a
/// search typed in one burst is a search, not a quit, and a reply typed at once is kept.
#[test]
fn fast_typing_lands_in_the_mode_the_previous_key_opened() {
    let p = Parley::start("fast_typing", 100, 30);
    p.type_text("/quick");
    p.wait_text(&["/ quick", "No match."]);
    p.press("Escape");
    p.wait_text(&["Marta"]);
    p.type_text("/Marta");
    p.wait_text(&["/ Marta"]);
    p.press("Enter");
    p.type_text("rhello there");
    p.wait_text(&["> hello there"]);
    p.press("Enter");
    p.wait_text(&["You: hello there"]);
}

/// Moving up in a chat keeps the later messages below the highlighted one, and a marker says
/// how many newer ones are off screen.
#[test]
fn moving_up_in_a_chat_keeps_later_messages_in_view() {
    let p = Parley::start("scroll", 100, 20);
    p.type_text("/Marta");
    p.wait_text(&["/ Marta"]);
    p.press("Enter");
    p.wait_text(&["Perfect, book me a seat"]);
    for n in 1..=4 {
        p.type_text(&format!("rline {n}"));
        p.wait_text(&[&format!("> line {n}")]);
        p.press("Enter");
        p.wait_text(&[&format!("You: line {n}")]);
    }
    p.press("k");
    let text = p
        .wait_for("the selection to move up", |s| {
            s.text.contains("▸ You") && !s.text.contains("> ")
        })
        .text;
    assert!(
        text.contains("  line 4"),
        "one step up, the newest message stays in view:\n{}",
        framed(&text)
    );

    p.press("g");
    let text = p.wait_text(&["Still on for Valencia", "newer (G for the newest)"]);
    assert!(
        text.contains("Yes! I'll book the 14:30 bus"),
        "the message after the highlighted one shows below it:\n{}",
        framed(&text)
    );
    assert!(
        !text.contains("  line 4"),
        "the newest is off screen, so the marker stands for it:\n{}",
        framed(&text)
    );
    p.press("G");
    let text = p.wait_text(&["  line 4"]);
    assert!(!text.contains("newer"), "{}", framed(&text));
}

/// The chat list's rows (left pane, without the cursor's mark), top to bottom, for the rows
/// that name one of `names`.
fn rows_naming<'a>(text: &str, names: &[&'a str]) -> Vec<&'a str> {
    text.lines()
        .filter(|l| l.starts_with('│'))
        .map(left_pane)
        .filter_map(|l| names.iter().find(|n| l.contains(*n)).copied())
        .collect()
}

/// With unread chats first, opening the top one keeps it where it is: the next row down is
/// still the chat that was below it, until the user re-sorts with R.
#[test]
fn opening_a_chat_keeps_the_list_still_under_the_cursor() {
    let p = Parley::start("still_list", 120, 40);
    p.advance("T", "Tue 24 Nov 08:00");
    p.press("g");
    let text = p
        .wait_for("the top row selected", |s| {
            s.text.lines().nth(2).is_some_and(|l| l.starts_with("│▸"))
        })
        .text;
    let unread = line_with(&text, "Unread")
        .split('│')
        .nth(1)
        .unwrap_or("")
        .trim()
        .to_string();
    let names = [
        "Rutas Bus",
        "Moda Lola",
        "Paquexpress",
        "Banco Claro",
        "QuickCash Loans",
        "Marta",
        "Leo",
        "Javi",
        "Mamá",
        "Lucía",
    ];
    let before = rows_naming(&text, &names);
    let (top, second) = (before[0], before[1]);
    assert!(
        selected_line(&text).is_some_and(|l| l.contains(top)),
        "{}",
        framed(&text)
    );

    p.press("Enter");
    p.wait_for("the chat to open and be read", |s| {
        !s.text.contains(&unread)
    });
    p.press("Escape");
    p.wait_for("the list to have the keys", |s| {
        !s.text.contains("esc back")
    });
    p.press("j");
    let text = p
        .wait_for("the selection to move down", |s| {
            selected_line(&s.text).is_some_and(|l| !l.contains(top))
        })
        .text;
    assert_eq!(rows_naming(&text, &names), before, "{}", framed(&text));
    assert!(
        selected_line(&text).is_some_and(|l| l.contains(second)),
        "j goes to the chat that was below the opened one:\n{}",
        framed(&text)
    );

    p.press("R");
    let text = p.wait_text(&["sorted again"]);
    let after = rows_naming(&text, &names);
    assert_ne!(after[0], top, "the read chat sorts below the unread ones");
    assert!(
        selected_line(&text).is_some_and(|l| l.contains(second)),
        "re-sorting keeps the selection on its chat:\n{}",
        framed(&text)
    );
}

/// A status sentence too long for the status bar shows its start and the key to the notices
/// screen, which has it in full with its time.
#[test]
fn a_long_status_sentence_can_be_read_in_full() {
    let p = Parley::start("notices", 80, 24);
    p.select("Marta");
    p.press("s");
    let text = p.wait_text(&["This is a personal chat", "[L: read all]"]);
    assert!(
        !text.contains("businesses."),
        "the sentence does not fit at 80 columns:\n{}",
        framed(&text)
    );
    p.press("L");
    let text = p.wait_text(&["Notices", "businesses."]);
    let line = line_with(&text, "This is a personal chat");
    assert!(line.contains("08:00"), "with its time:\n{}", framed(&text));
    p.press("Escape");
    p.wait_text(&["All · 6"]);
    p.quit();
}

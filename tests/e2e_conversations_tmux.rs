//! End to end, both sides of a conversation, as two people try it in two terminals:
//! `parley serve` on 127.0.0.1, the user's inbox (`parley --server URL --token T`) in tmux,
//! and the business tool (`parley business ...`) run as a command. The user receives an offer
//! and replies; the business finds the unread conversation in `business inbox`, reads it and
//! replies free-form; the user sees the reply and the read mark on her message. Nothing waits
//! a fixed time: each step polls the screen or the business tool.

mod support;

use std::path::Path;
use support::server::{TestServer, add_business, add_user, business_tool, poll_tool, row};
use support::tmux::{Ended, Screen, Tmux, framed, shell_quote};

/// The inbox against `url` with `token`, its local copy in `data`, colours off so the
/// delivery marks read as words ("delivered", "read").
fn inbox_command(url: &str, token: &str, data: &Path) -> String {
    let path = |p: &Path| shell_quote(&p.display().to_string());
    format!(
        "exec env -u PARLEY_SERVER -u PARLEY_TOKEN -u PARLEY_ASSETS NO_COLOR=1 TERM=xterm-256color {} --server {} --token {} --data-dir {} --config {}",
        shell_quote(env!("CARGO_BIN_EXE_parley")),
        shell_quote(url),
        shell_quote(token),
        path(data),
        path(&support::tmux::default_config(data)),
    )
}

/// The header of the user's own message `body` in the open chat, its words squeezed
/// ("You · 09:01 · read"); empty when the chat does not show it.
fn header_of(screen: &Screen, body: &str) -> String {
    let lines: Vec<&str> = screen.text.lines().collect();
    let pane = |line: &str| {
        line.rsplit("││")
            .next()
            .unwrap_or("")
            .trim_end_matches('│')
            .to_string()
    };
    lines
        .iter()
        .position(|l| pane(l).trim() == body)
        .and_then(|at| at.checked_sub(1))
        .map(|above| {
            pane(lines[above])
                .trim_start_matches('▸')
                .trim()
                .to_string()
        })
        .unwrap_or_default()
}

const SHIPPED: &str =
    "name = \"shipped\"\ncategory = \"utility\"\nbody = \"Your order {{1}} has shipped.\"\n";
const WEEKLY: &str = "name = \"weekly\"\ncategory = \"marketing\"\nbody = \"This week at Moda Lola: {{1}} off coats.\"\n";
const QUESTION: &str = "Do you have them in blue?";
const ANSWER: &str = "Yes, in navy and sky blue.";

#[test]
fn a_user_replies_to_an_offer_and_the_business_reads_and_answers_in_the_window() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let server_dir = dir.path().join("server");
    let alice = add_user(&server_dir, "alice");
    let shop = add_business(
        &server_dir,
        "Moda Lola",
        &["--verified", "--kind", "shop", "--budget", "1000"],
    );
    let server = TestServer::start(&server_dir, &[]);
    let url = server.url.clone();
    let tool = |args: &[&str]| business_tool(&url, &shop, args);
    for (name, text) in [("shipped", SHIPPED), ("weekly", WEEKLY)] {
        let path = dir.path().join(format!("{name}.toml"));
        std::fs::write(&path, text).expect("a template file");
        let ran = tool(&["templates", "submit", &path.display().to_string()]);
        assert!(ran.stdout.contains(&format!("Approved: {name}")), "{ran:?}");
    }

    // The user's terminal: an order update arrives, she subscribes to the shop's offers.
    let inbox = Tmux::start(
        "conversation",
        120,
        32,
        &inbox_command(&url, &alice, &dir.path().join("client")),
    );
    inbox.wait_text(&["online"]);
    let shipped = tool(&[
        "send",
        "--to",
        "alice",
        "--template",
        "shipped",
        "--param",
        "A-1",
    ]);
    assert_eq!(shipped.code, 0, "{shipped:?}");
    inbox.wait_text(&["Your order A-1 has shipped."]);
    inbox.press("s");
    inbox.wait_text(&["Subscribed to Moda Lola"]);

    // The business's terminal: once the subscription is on the server, the offer goes out.
    let dry_run = [
        "broadcast",
        "--template",
        "weekly",
        "--param",
        "30%",
        "--dry-run",
    ];
    poll_tool(
        &url,
        &shop,
        &dry_run,
        "the subscription on the server",
        |ran| row(ran, "delivered") == "delivered 1",
    );
    let offer = tool(&[
        "send",
        "--to",
        "alice",
        "--template",
        "weekly",
        "--param",
        "30%",
    ]);
    assert_eq!(offer.code, 0, "{offer:?}");

    // She opens the chat, reads the offer and asks a question.
    inbox.wait_text(&["This week at Moda Lola: 30% off coats."]);
    inbox.press("Enter");
    inbox.press("r");
    inbox.type_text(QUESTION);
    inbox.wait_text(&[&format!("> {QUESTION}")]);
    inbox.press("Enter");
    inbox.wait_for("her question delivered to the server", |s| {
        header_of(s, QUESTION).ends_with("· delivered")
    });

    // The business sees one unread conversation with her question and the window open.
    let listed = poll_tool(
        &url,
        &shop,
        &["inbox"],
        "the question in the inbox",
        |ran| row(ran, "alice").starts_with(&format!("alice 1 {QUESTION}")),
    );
    let alice_row = row(&listed, "alice");
    assert!(
        alice_row.ends_with("23 h 59 min") || alice_row.ends_with("24 h"),
        "the window's time left: {listed:?}"
    );

    // It reads the conversation: her message is marked read, and her screen shows it.
    let read = tool(&["read", "--with", "alice"]);
    assert_eq!(read.code, 0, "{read:?}");
    assert!(
        read.stdout
            .contains("you: This week at Moda Lola: 30% off coats."),
        "{read:?}"
    );
    assert!(
        read.stdout.contains(&format!("alice: {QUESTION}")),
        "{read:?}"
    );
    assert!(read.stdout.contains("Marked 1 message read"), "{read:?}");
    let unread = tool(&["inbox"]);
    assert!(row(&unread, "alice").starts_with("alice 0"), "{unread:?}");

    // It answers free-form, inside the window she opened.
    let reply = tool(&["reply", "--to", "alice", ANSWER]);
    assert_eq!(reply.code, 0, "{reply:?}");
    assert!(
        reply
            .stdout
            .starts_with("Delivered to alice (service, service_reply)"),
        "{reply:?}"
    );

    let screen = inbox.wait_for("the reply and the read mark", |s| {
        s.text.contains(ANSWER) && header_of(s, QUESTION).ends_with("· read")
    });
    assert!(
        header_of(&screen, QUESTION).starts_with("You ·"),
        "{}",
        framed(&screen.text)
    );

    inbox.press("C-c");
    assert_eq!(inbox.wait_exit(), Ended::Exit(0));
    drop(server);
}

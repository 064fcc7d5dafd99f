//! End to end, both sides of a conversation, as two people try it in two terminals:
//! `parley serve` on 127.0.0.1, the user's inbox (`parley --server URL --token T`) in tmux,
//! and the business tool (`parley business ...`) run as a command. Before any message, the
//! user finds the business in the server's directory and subscribes; its offer to its
//! subscribers reaches her and she replies; the business finds the unread conversation in
//! `business inbox`, reads it and replies free-form; the user sees the reply and the read mark
//! on her message. Nothing waits a fixed time: each step polls the screen or the business
//! tool.

mod support;

use support::server::{TestServer, add_business, add_user, business_tool, poll_tool, row};
use support::synced::{
    inbox_command, submit_template, subscribe_from_directory, wait_for_audience,
};
use support::tmux::{Ended, Screen, Tmux, framed};

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

const WEEKLY: &str = "name = \"weekly\"\ncategory = \"marketing\"\nbody = \"This week at Moda Lola: {{1}} off coats.\"\n";
const QUESTION: &str = "Do you have them in blue?";
const ANSWER: &str = "Yes, in navy and sky blue.";

#[test]
fn a_user_subscribes_from_the_directory_replies_to_the_offer_and_sees_it_read() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let server_dir = dir.path().join("server");
    let alice = add_user(&server_dir, "alice");
    let shop = add_business(
        &server_dir,
        "Moda Lola",
        &["--verified", "--kind", "shop", "--budget", "1000"],
    );
    add_business(
        &server_dir,
        "Banco Claro",
        &["--verified", "--kind", "bank"],
    );
    let server = TestServer::start(&server_dir, &[]);
    let url = server.url.clone();
    let tool = |args: &[&str]| business_tool(&url, &shop, args);
    submit_template(&url, &shop, dir.path(), "weekly", WEEKLY);

    // The user's terminal: nobody has written to her; she finds the shop in the directory
    // and subscribes to its offers. Colours off, so delivery marks read as words.
    let inbox = Tmux::start(
        "conversation",
        120,
        32,
        &inbox_command(&url, &alice, &dir.path().join("client"), "NO_COLOR=1"),
    );
    inbox.wait_text(&["alice · 0 held", "online", "Messages appear here"]);
    inbox.press("S");
    inbox.wait_text(&["Businesses and their offers", "Banco Claro", "Moda Lola"]);
    let found = subscribe_from_directory(&inbox, "moda", "Moda Lola");
    assert!(!found.contains("Banco Claro"), "{}", framed(&found));

    // The business's terminal: once the subscription is on the server, its offer to its
    // subscribers goes out, and reaches her because she subscribed.
    wait_for_audience(&url, &shop, "weekly", "30%", 1);
    let offer = tool(&["broadcast", "--template", "weekly", "--param", "30%"]);
    assert_eq!(offer.code, 0, "{offer:?}");
    assert_eq!(row(&offer, "delivered"), "delivered 1", "{offer:?}");

    // She goes back to her chats, opens the offer and asks a question.
    inbox.press("Escape");
    inbox.wait_text(&["/ finds a business by name"]);
    inbox.press("Escape");
    inbox.wait_text(&[
        "Moda Lola [biz] ✓",
        "This week at Moda Lola: 30% off coats.",
    ]);
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

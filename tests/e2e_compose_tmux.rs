//! End to end, writing and finding: the real `parley` binary in tmux, keys sent as a user
//! types them, then the store read back. The composer's readline keys and new lines, the
//! `:` command line, accent-blind search, and `$EDITOR`.

mod support;

use parley::model::{ChatId, Counterpart};
use parley::store::Store;
use support::tmux::{DemoInbox, framed};

/// The bodies of the messages the user wrote, oldest first.
fn my_messages(store: &Store) -> Vec<String> {
    let db = store.db();
    let me = db.me().unwrap().unwrap();
    let mut mine: Vec<_> = db
        .search_messages(me, "", 1000)
        .unwrap()
        .into_iter()
        .filter(|m| m.mine)
        .collect();
    mine.sort_by_key(|m| (m.at, m.message));
    mine.into_iter().map(|m| m.body).collect()
}

/// The chat of the business named `name`.
fn business_chat(store: &Store, name: &str) -> (ChatId, parley::model::BusinessId) {
    let db = store.db();
    let me = db.me().unwrap().unwrap();
    let (chat, ..) = db
        .chat_titles(me)
        .unwrap()
        .into_iter()
        .find(|(_, title, _)| title == name)
        .unwrap_or_else(|| panic!("no chat with {name}"));
    match db.chat(chat).unwrap().counterpart {
        Counterpart::Business(b) => (chat, b),
        other => panic!("{name} is not a business: {other:?}"),
    }
}

#[test]
fn a_two_line_reply_written_with_readline_keys_is_stored_as_typed() {
    let parley = DemoInbox::start("compose", None);
    parley.open("marta", "Marta");
    parley.press("r");
    parley.type_text("Hi there");
    parley.wait_text(&["> Hi there"]);
    // A word back, then cut to the end of the line: "Hi ", then the right name.
    parley.press("M-b");
    parley.press("C-k");
    parley.type_text("Ana");
    parley.press("M-Enter");
    parley.type_text("see you typo");
    parley.wait_text(&["> Hi Ana", "see you typo"]);
    // Ctrl-W cuts the last word; Ctrl-A goes to the start of the line.
    parley.press("C-w");
    parley.type_text("soon");
    parley.press("C-a");
    parley.type_text("OK, ");
    parley.wait_text(&["> Hi Ana", "OK, see you soon"]);
    parley.press("Enter");
    parley.wait_for("the composer to close", |s| !s.text.contains("> Hi Ana"));
    let store = parley.quit();
    assert_eq!(
        my_messages(&store).last().map(String::as_str),
        Some("Hi Ana\nOK, see you soon")
    );
}

#[test]
fn search_ignores_accents_and_the_command_line_blocks_a_business() {
    let parley = DemoInbox::start("find", None);
    parley.press("T");
    parley.wait_text(&["Clock moved to Tue 24 Nov 08:00"]);
    parley.press("T");
    parley.wait_text(&["Clock moved to Wed 25 Nov 08:00"]);
    parley.press("/");
    parley.type_text("energia");
    let text = parley.wait_text(&["chat Luz Verde Energía", "Search: 1 chat"]);
    assert!(
        text.contains("Energía"),
        "the hit should show the name as written:\n{}",
        framed(&text)
    );
    parley.press("Escape");
    parley.wait_for("the search to close", |s| !s.text.contains("Search:"));
    parley.press(":");
    parley.type_text("blo");
    parley.wait_text(&["block", "block / unblock"]);
    parley.press("Tab");
    parley.type_text("quickcash");
    parley.wait_text(&[":block quickcash"]);
    parley.press("Enter");
    parley.wait_text(&["Why are you blocking it?"]);
    parley.press("Enter");
    parley.wait_text(&["Blocked QuickCash Loans"]);
    let store = parley.quit();
    let (_, business) = business_chat(&store, "QuickCash Loans");
    let me = store.db().me().unwrap().unwrap();
    assert!(
        store.db().relation(me, business).unwrap().blocked.is_some(),
        ":block quickcash should block QuickCash Loans"
    );
}

#[test]
fn colon_block_spam_blocks_the_business_where_you_are_for_spam() {
    let parley = DemoInbox::start("block_spam", None);
    parley.wait_text(&["▸ Banco Claro"]);
    parley.press(":");
    parley.type_text("block spam");
    parley.wait_text(&[":block spam"]);
    parley.press("Enter");
    parley.wait_text(&["Blocked Banco Claro"]);
    let store = parley.quit();
    let (_, business) = business_chat(&store, "Banco Claro");
    let me = store.db().me().unwrap().unwrap();
    assert_eq!(
        store.db().relation(me, business).unwrap().blocked,
        Some(parley::model::BlockReason::Spam)
    );
}

#[test]
fn an_unknown_command_is_answered_with_a_sentence() {
    let parley = DemoInbox::start("unknown", None);
    parley.press(":");
    parley.type_text("frobnicate");
    parley.press("Enter");
    parley.wait_text(&["There is no command :frobnicate"]);
}

#[test]
fn the_message_can_be_written_in_the_editor() {
    let parley = DemoInbox::start("editor", Some("printf 'Written in the editor' >"));
    parley.open("marta", "Marta");
    parley.press("r");
    parley.type_text("draft");
    parley.wait_text(&["> draft"]);
    parley.press("C-x");
    parley.wait_text(&["> Written in the editor"]);
    parley.press("Enter");
    parley.wait_for("the composer to close", |s| !s.text.contains("> Written"));
    let store = parley.quit();
    assert_eq!(
        my_messages(&store).last().map(String::as_str),
        Some("Written in the editor")
    );
}

#[test]
fn without_an_editor_the_status_line_says_so() {
    let parley = DemoInbox::start("no-editor", None);
    parley.open("marta", "Marta");
    parley.press("r");
    parley.type_text("draft");
    parley.wait_text(&["> draft"]);
    parley.press("C-x");
    parley.wait_text(&["$EDITOR is not set", "> draft"]);
}

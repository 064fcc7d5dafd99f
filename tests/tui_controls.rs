//! The user's controls show their effect where the user looks: the chat's notice, the
//! profile and the Held list say what each choice changed, and for how long.

mod support;

use parley::model::MessageId;
use parley::tui::App;
use parley::tui::inbox::Action;
use parley::tui::inbox::app::UNDO_SECONDS;
use parley::tui::inbox::state::BusinessCard;
use parley::tui::inbox::state::Dialog;
use std::sync::atomic::Ordering;
use support::inbox::{demo, keys, movable_clock, open_chat, screen};

/// The business card of the open chat.
fn card(app: &App) -> BusinessCard {
    let chat = app.state.chat.as_ref().expect("a chat is open");
    chat.card.clone().expect("a business chat")
}

/// Everything the open chat's header says about its business, on one line.
fn notice(app: &App) -> String {
    let card = card(app);
    [card.notice, card.restrictions].concat().join(" ")
}

/// The screen's text with borders and line breaks taken out, so that wrapped sentences read
/// whole again.
fn flat(app: &App, config: &parley::tui::UiConfig) -> String {
    let text = screen(app, config);
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || "│╭╮╰╯─".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

#[test]
fn not_interested_says_the_new_limit_and_its_end_in_the_chat_and_the_profile() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "Moda Lola");
    keys(&mut app, &config, "-");
    let limit = "at most 1 offer a week from Moda Lola until 24 Dec, because you said Not \
                 interested; + lifts it.";
    assert!(notice(&app).contains(limit), "{}", notice(&app));
    let text = screen(&app, &config);
    assert!(
        text.contains("at most 1 offer a week from Moda Lola until 24 Dec"),
        "{text}"
    );
    assert!(
        text.contains("because you said Not interested; + lifts it."),
        "{text}"
    );
    keys(&mut app, &config, "p");
    assert!(
        flat(&app, &config).contains(limit),
        "{}",
        screen(&app, &config)
    );
    keys(&mut app, &config, "esc +");
    assert!(!notice(&app).contains("Not interested"), "{}", notice(&app));
    assert!(
        notice(&app).contains("you subscribed (at most 2 a week from it)"),
        "{}",
        notice(&app)
    );
}

#[test]
fn a_changed_weekly_cap_shows_at_once_in_the_notice() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "Moda Lola");
    assert!(
        notice(&app).contains("at most 2 a week"),
        "{}",
        notice(&app)
    );
    keys(&mut app, &config, ", j h esc");
    assert!(
        notice(&app).contains("at most 1 a week"),
        "{}",
        notice(&app)
    );
}

#[test]
fn a_disabled_business_is_described_as_disabled_and_promises_nothing() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "QuickCash Loans");
    keys(&mut app, &config, "esc ! space enter t");
    let said = notice(&app);
    assert!(
        said.contains(
            "QuickCash Loans may not send you anything: the platform disabled it on 24 Nov"
        ),
        "{said}"
    );
    for contradiction in [
        "held",
        "always reach you",
        "May reach fewer people",
        "offers until",
    ] {
        assert!(!said.contains(contradiction), "{contradiction:?} in {said}");
    }
}

#[test]
fn a_suspended_business_says_it_may_only_reply_and_hides_the_lines_for_the_business() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "QuickCash Loans");
    keys(&mut app, &config, "esc");
    let said = notice(&app);
    assert!(
        said.contains("may only reply to you, not start conversations, until 24 Dec"),
        "{said}"
    );
    assert!(!said.contains("May reach fewer people"), "{said}");
    assert!(!said.contains("so they are held"), "{said}");
    keys(&mut app, &config, "p");
    assert!(
        !flat(&app, &config).contains("fewer people"),
        "{}",
        screen(&app, &config)
    );
}

#[test]
fn the_profile_says_when_you_reported_the_business() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "Moda Lola");
    keys(&mut app, &config, "p");
    assert!(
        flat(&app, &config).contains("Reported no"),
        "{}",
        screen(&app, &config)
    );
    keys(&mut app, &config, "esc ! space enter p");
    assert!(
        flat(&app, &config).contains("Reported yes (Spam), on 24 Nov 12:00"),
        "{}",
        screen(&app, &config)
    );
}

fn held_ids(app: &App) -> Vec<MessageId> {
    app.state.held.rows.iter().map(|r| r.message.id).collect()
}

fn in_store(app: &App, id: MessageId) -> bool {
    app.store().db().message(id).is_ok()
}

#[test]
fn the_held_list_gives_the_reason_in_words_and_keeps_the_code_for_why() {
    let (mut app, config) = demo("3d", 100, 30);
    keys(&mut app, &config, "6");
    let text = screen(&app, &config);
    assert!(
        text.contains("Moda Lola already sent you 2 offers"),
        "{text}"
    );
    assert!(!text.contains("user_marketing_cap"), "{text}");
    keys(&mut app, &config, "w");
    let Some(Dialog::Why { lines, .. }) = &app.state.dialog else {
        panic!("Why? opens")
    };
    assert!(lines.contains(&("Rule".to_string(), "user_marketing_cap".to_string())));
}

#[test]
fn a_deleted_held_message_can_be_brought_back_until_its_deadline() {
    let (mut app, config) = demo("3d", 100, 30);
    let clock = movable_clock(&mut app);
    keys(&mut app, &config, "6");
    let first = held_ids(&app)[0];
    let held = app.state.counts.held;
    keys(&mut app, &config, "d");
    assert!(
        !held_ids(&app).contains(&first),
        "it leaves the list at once"
    );
    assert_eq!(app.state.counts.held, held - 1, "and the Held count");
    assert!(screen(&app, &config).contains("u undo"));
    keys(&mut app, &config, "u");
    assert_eq!(held_ids(&app)[0], first, "u brings it back in its place");
    assert!(in_store(&app, first));

    keys(&mut app, &config, "d");
    clock.fetch_add(UNDO_SECONDS - 1, Ordering::SeqCst);
    app.update(Action::Refresh);
    assert!(in_store(&app, first), "still undoable before the deadline");
    clock.fetch_add(1, Ordering::SeqCst);
    app.update(Action::Refresh);
    assert!(!in_store(&app, first), "deleted for good at the deadline");
    keys(&mut app, &config, "u");
    assert!(!in_store(&app, first), "too late to undo");
}

#[test]
fn quitting_deletes_for_good_what_waits_for_its_undo() {
    let (mut app, config) = demo("3d", 100, 30);
    movable_clock(&mut app);
    keys(&mut app, &config, "6");
    let first = held_ids(&app)[0];
    keys(&mut app, &config, "d q");
    assert!(app.state.quit);
    assert!(!in_store(&app, first));
}

#[test]
fn delete_all_from_a_business_says_how_many_and_spares_the_others() {
    let (mut app, config) = demo("6d", 100, 30);
    let clock = movable_clock(&mut app);
    keys(&mut app, &config, "6");
    let rows = app.state.held.rows.clone();
    let business = rows[0].business;
    let (theirs, others): (Vec<_>, Vec<_>) = rows.iter().partition(|r| r.business == business);
    assert!(theirs.len() >= 2, "{} held from one business", theirs.len());
    assert!(!others.is_empty());
    keys(&mut app, &config, "D");
    let text = screen(&app, &config);
    let asked = format!(
        "Delete {} held messages from {}?",
        theirs.len(),
        rows[0].business_name
    );
    assert!(text.contains(&asked), "{text}");
    keys(&mut app, &config, "enter");
    assert!(app.state.held.rows.iter().all(|r| r.business != business));
    clock.fetch_add(UNDO_SECONDS, Ordering::SeqCst);
    app.update(Action::Refresh);
    assert!(theirs.iter().all(|r| !in_store(&app, r.message.id)));
    assert!(others.iter().all(|r| in_store(&app, r.message.id)));
}

// --- the screens, reviewed by eye -------------------------------------------------------------

fn snap_chat(name: &str, size: (u16, u16), chat: &str, script: &str) {
    let (mut app, config) = demo("1d4h", size.0, size.1);
    open_chat(&mut app, &config, chat);
    keys(&mut app, &config, script);
    insta::assert_snapshot!(name, screen(&app, &config));
}

#[test]
fn a_chat_after_not_interested_shows_its_limit() {
    snap_chat("not_interested_chat_80x24", (80, 24), "Moda Lola", "-");
    snap_chat("not_interested_chat_120x40", (120, 40), "Moda Lola", "-");
}

#[test]
fn a_chat_of_a_disabled_business() {
    snap_chat(
        "disabled_business_chat_80x24",
        (80, 24),
        "QuickCash Loans",
        "esc ! space enter t",
    );
}

#[test]
fn the_profile_after_a_report() {
    snap_chat(
        "profile_after_report_80x24",
        (80, 24),
        "Moda Lola",
        "! space enter p",
    );
}

#[test]
fn the_held_list_with_its_reasons() {
    for (name, size) in [
        ("held_reasons_80x24", (80, 24)),
        ("held_reasons_120x40", (120, 40)),
    ] {
        let (mut app, config) = demo("3d", size.0, size.1);
        keys(&mut app, &config, "6");
        insta::assert_snapshot!(name, screen(&app, &config));
    }
}

#[test]
fn the_delete_all_confirmation() {
    let (mut app, config) = demo("6d", 80, 24);
    keys(&mut app, &config, "6 D");
    insta::assert_snapshot!("delete_all_held_80x24", screen(&app, &config));
}

#[test]
fn the_status_line_says_what_its_counts_count() {
    let (app, config) = demo("1d4h", 120, 40);
    let counts = app.state.counts;
    assert!(
        counts.unread > 1 && counts.unread_messages > 1,
        "{counts:?}"
    );
    let said = format!(
        "{} chats unread · {} messages",
        counts.unread, counts.unread_messages
    );
    assert!(
        screen(&app, &config).contains(&said),
        "{}",
        screen(&app, &config)
    );
}

#[test]
fn a_released_message_goes_into_its_chat_in_its_place_by_sent_time() {
    let (mut app, config) = demo("6d", 100, 30);
    keys(&mut app, &config, "6");
    let rows = app.state.held.rows.clone();
    let db_later = |app: &App, row: &parley::tui::inbox::state::HeldRow| {
        app.store()
            .db()
            .last_messages(row.message.chat, 50)
            .unwrap()
            .iter()
            .any(|m| m.sent_at > row.message.sent_at)
    };
    let index = rows
        .iter()
        .position(|r| db_later(&app, r))
        .expect("a held message older than a message in its chat");
    let released = rows[index].message.id;
    for _ in 0..index {
        keys(&mut app, &config, "j");
    }
    keys(&mut app, &config, "enter");
    let chat = app
        .store()
        .db()
        .last_messages(rows[index].message.chat, 50)
        .unwrap();
    let sent: Vec<_> = chat.iter().map(|m| m.sent_at).collect();
    assert!(
        sent.windows(2).all(|w| w[0] <= w[1]),
        "in sent order: {sent:?}"
    );
    assert_ne!(chat.last().unwrap().id, released, "not at the bottom");
    let message = app.store().db().message(released).unwrap();
    assert_eq!(
        message.decision.reason,
        parley::model::Reason::ReleasedByUser
    );
}

#[test]
fn subscribing_from_held_rewords_what_is_still_held() {
    let (mut app, config) = demo("3d", 100, 30);
    keys(&mut app, &config, "6");
    let index = app
        .state
        .held
        .rows
        .iter()
        .position(|r| r.business_name == "FreshMart")
        .expect("an offer from FreshMart held");
    let id = app.state.held.rows[index].message.id;
    for _ in 0..index {
        keys(&mut app, &config, "j");
    }
    keys(&mut app, &config, "s");
    let row = app.state.held.rows.iter().find(|r| r.message.id == id);
    let sentence = &row.expect("still held").message.decision.sentence;
    assert!(
        sentence.contains("it came before you subscribed to FreshMart's offers"),
        "{sentence}"
    );
    assert!(!sentence.contains("you are not subscribed"), "{sentence}");
}

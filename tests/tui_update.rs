//! Every control of the inbox, driven through `App::update` with the real keymap, checked on
//! the screen state and in the store.

mod support;

use parley::model::ChatFilter;
use parley::model::*;
use parley::tui::App;
use parley::tui::inbox::Action;
use parley::tui::inbox::state::{Dialog, Pane, Screen, Tab};
use support::inbox::{demo, keys, movable_clock, open_chat, screen, status};

fn business(app: &parley::tui::App, name: &str) -> BusinessId {
    app.store()
        .db()
        .business_named(name)
        .unwrap()
        .expect("a demo business")
        .id
}

fn relation(app: &parley::tui::App, name: &str) -> Relation {
    app.store()
        .db()
        .relation(app.me(), business(app, name))
        .unwrap()
}

#[test]
fn opening_a_chat_focuses_it_and_marks_it_read() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "Paquexpress");
    let chat = app.state.chat.as_ref().unwrap().chat.id;
    assert_eq!(app.state.pane, Pane::Chat);
    assert_eq!(app.store().db().chat(chat).unwrap().unread, 0);
    keys(&mut app, &config, "u");
    assert!(
        app.store().db().chat(chat).unwrap().unread > 0,
        "u marks it unread again"
    );
    keys(&mut app, &config, "u");
    assert_eq!(app.store().db().chat(chat).unwrap().unread, 0);
}

#[test]
fn unsubscribing_sends_the_next_offer_to_held_with_not_subscribed() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "Moda Lola");
    keys(&mut app, &config, "s");
    assert!(!relation(&app, "Moda Lola").subscribed);
    assert!(status(&app).contains("not_subscribed"), "{}", status(&app));
    keys(&mut app, &config, "T T");
    let held = app.store().db().held(app.me()).unwrap();
    let from_shop: Vec<_> = held
        .iter()
        .filter(|h| h.business_name == "Moda Lola")
        .collect();
    assert!(!from_shop.is_empty(), "the next offer is held");
    assert!(
        from_shop
            .iter()
            .all(|h| h.message.decision.reason == Reason::NotSubscribed)
    );
    keys(&mut app, &config, "6");
    assert_eq!(app.state.tab, Tab::Held);
    assert!(screen(&app, &config).contains("you are not subscribed"));
}

#[test]
fn subscriptions_screen_toggles_in_one_key() {
    let (mut app, config) = demo("1d4h", 100, 30);
    keys(&mut app, &config, "S");
    assert_eq!(app.state.screen, Screen::Subscriptions);
    let row = app
        .state
        .subscriptions
        .rows
        .iter()
        .position(|r| r.business.name == "Rutas Bus")
        .unwrap();
    for _ in 0..row {
        keys(&mut app, &config, "j");
    }
    keys(&mut app, &config, "space");
    assert!(relation(&app, "Rutas Bus").subscribed);
    keys(&mut app, &config, "space");
    assert!(!relation(&app, "Rutas Bus").subscribed);
    keys(&mut app, &config, "o");
    assert!(!prefs(&app).all_offers);
    keys(&mut app, &config, "esc");
    assert_eq!(app.state.screen, Screen::Inbox);
}

#[test]
fn blocking_asks_for_a_reason_and_rejects_later_sends() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "Paquexpress");
    keys(&mut app, &config, "b");
    assert!(matches!(app.state.dialog, Some(Dialog::Block { .. })));
    keys(&mut app, &config, "j j enter");
    assert_eq!(
        relation(&app, "Paquexpress").blocked,
        Some(BlockReason::Spam)
    );
    keys(&mut app, &config, "T");
    let rejected = app
        .store()
        .db()
        .rejected(app.me(), business(&app, "Paquexpress"), 10)
        .unwrap();
    assert_eq!(rejected.len(), 1, "the 13:10 parcel update was rejected");
    assert_eq!(rejected[0].decision.reason, Reason::BlockedByUser);
    keys(&mut app, &config, "p");
    assert!(
        screen(&app, &config).contains("Spam"),
        "the profile says it is blocked and why"
    );
    keys(&mut app, &config, "b");
    assert_eq!(
        relation(&app, "Paquexpress").blocked,
        None,
        "b on a blocked business unblocks"
    );
}

#[test]
fn a_blocked_lender_is_rejected_and_the_profile_shows_it() {
    let (mut app, config) = demo("10h", 100, 30);
    open_chat(&mut app, &config, "QuickCash Loans");
    assert!(matches!(
        app.state.dialog,
        Some(Dialog::FirstContact { .. })
    ));
    keys(&mut app, &config, "j enter");
    assert!(
        matches!(app.state.dialog, Some(Dialog::Block { .. })),
        "Block from the first contact asks for a reason"
    );
    keys(&mut app, &config, "enter");
    assert!(relation(&app, "QuickCash Loans").blocked.is_some());
    keys(&mut app, &config, "T");
    let rejected = app
        .store()
        .db()
        .rejected(app.me(), business(&app, "QuickCash Loans"), 50)
        .unwrap();
    assert!(
        rejected
            .iter()
            .any(|r| r.decision.reason == Reason::BlockedByUser)
    );
    assert!(
        rejected
            .iter()
            .filter(|r| r.decision.reason == Reason::BlockedByUser)
            .all(|r| r.body.is_none()),
        "no body kept from a blocked business"
    );
    keys(&mut app, &config, "esc p");
    assert!(
        screen(&app, &config).contains("blocked"),
        "{}",
        screen(&app, &config)
    );
}

#[test]
fn reporting_sends_evidence_and_can_block_in_the_same_step() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "QuickCash Loans");
    keys(&mut app, &config, "esc !");
    let Some(Dialog::Report {
        evidence,
        also_block,
        ..
    }) = &app.state.dialog
    else {
        panic!("the report dialog opens")
    };
    assert!(*also_block, "also block is offered and on by default");
    assert!(!evidence.is_empty() && evidence.len() <= 5);
    keys(&mut app, &config, "j enter");
    assert!(relation(&app, "QuickCash Loans").blocked.is_some());
    let metrics = app
        .store()
        .db()
        .metrics(parley::model::MetricScope::Business(business(
            &app,
            "QuickCash Loans",
        )))
        .unwrap();
    assert!(metrics.reports >= 1);
    assert!(
        status(&app).contains("Reported QuickCash Loans"),
        "{}",
        status(&app)
    );
}

#[test]
fn report_without_blocking() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "Moda Lola");
    keys(&mut app, &config, "! space enter");
    assert_eq!(relation(&app, "Moda Lola").blocked, None);
}

#[test]
fn not_interested_thins_out_offers_and_interested_lifts_it() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "Moda Lola");
    let offer = app
        .state
        .chat
        .as_ref()
        .unwrap()
        .selected_message()
        .unwrap()
        .message
        .clone();
    assert_eq!(offer.category, Some(Category::Marketing));
    keys(&mut app, &config, "-");
    assert_eq!(
        app.store().db().message(offer.id).unwrap().feedback,
        Some(Feedback::NotInterested)
    );
    assert!(relation(&app, "Moda Lola").not_interested_at.is_some());
    assert!(screen(&app, &config).contains("Not interested"));
    keys(&mut app, &config, "+");
    assert_eq!(
        app.store().db().message(offer.id).unwrap().feedback,
        Some(Feedback::Interested)
    );
    let rel = relation(&app, "Moda Lola");
    assert!(!rel.not_interested_since(app.state.clock - Span::days(30)));
}

#[test]
fn feedback_is_only_for_offers() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "Rutas Bus");
    keys(&mut app, &config, "+");
    assert!(status(&app).contains("for offers"));
}

#[test]
fn why_explains_the_rule_behind_a_message() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "Banco Claro");
    keys(&mut app, &config, "w");
    let Some(Dialog::Why { lines, .. }) = &app.state.dialog else {
        panic!("Why? opens")
    };
    let rule = lines.iter().find(|(k, _)| k == "Rule").unwrap();
    assert_eq!(rule.1, "authentication_code");
    assert!(
        lines
            .iter()
            .any(|(k, v)| k == "Why" && v.contains("never capped"))
    );
    keys(&mut app, &config, "esc");
    assert!(app.state.dialog.is_none());
}

#[test]
fn held_messages_can_be_released_or_deleted() {
    let (mut app, config) = demo("3d", 100, 30);
    keys(&mut app, &config, "6");
    let before = app.state.held.rows.len();
    assert!(before >= 2);
    let first = app.state.held.rows[0].message.id;
    keys(&mut app, &config, "w");
    assert!(matches!(app.state.dialog, Some(Dialog::Why { .. })));
    keys(&mut app, &config, "esc enter");
    let released = app.store().db().message(first).unwrap();
    assert_eq!(released.decision.reason, Reason::ReleasedByUser);
    assert_eq!(app.state.held.rows.len(), before - 1);
    let second = app.state.held.rows[0].message.id;
    let clock = movable_clock(&mut app);
    keys(&mut app, &config, "d");
    assert_eq!(app.state.held.rows.len(), before - 2);
    clock.fetch_add(
        parley::tui::inbox::app::UNDO_SECONDS,
        std::sync::atomic::Ordering::SeqCst,
    );
    app.update(Action::Refresh);
    assert!(app.store().db().message(second).is_err(), "deleted");
}

#[test]
fn mute_and_archive() {
    let (mut app, config) = demo("1d4h", 100, 30);
    let unread_before = app.state.counts.unread_messages;
    open_chat(&mut app, &config, "Leo");
    keys(&mut app, &config, "esc u");
    let leo = app.state.list.selected_row().unwrap().chat.clone();
    assert_eq!(leo.title, "Leo");
    keys(&mut app, &config, "m");
    assert!(app.store().db().chat(leo.id).unwrap().muted);
    assert!(
        app.state.counts.unread_messages < unread_before,
        "muted chats do not count as unread"
    );
    keys(&mut app, &config, "a");
    assert!(app.store().db().chat(leo.id).unwrap().archived);
    keys(&mut app, &config, "7");
    assert_eq!(app.state.tab, Tab::Chats(ChatFilter::Archived));
    assert_eq!(app.state.list.rows.len(), 1);
    keys(&mut app, &config, "a");
    assert!(!app.store().db().chat(leo.id).unwrap().archived);
}

#[test]
fn replying_to_a_business_opens_its_service_window() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "Paquexpress");
    keys(&mut app, &config, "r \"Thanks, got it\" enter");
    assert!(app.state.composer.is_none());
    let view = app.state.chat.as_ref().unwrap();
    let last = &view.messages.last().unwrap().message;
    assert_eq!(
        (last.direction, last.body.as_str()),
        (Direction::Outbound, "Thanks, got it")
    );
    assert_eq!(
        relation(&app, "Paquexpress").last_user_message_at,
        Some(app.state.clock)
    );
    assert!(screen(&app, &config).contains("may reply freely"));
}

#[test]
fn filters_tabs_and_next_unread() {
    let (mut app, config) = demo("1d4h", 100, 30);
    keys(&mut app, &config, "4");
    assert!(app.state.list.rows.iter().all(|r| r.chat.is_business()));
    keys(&mut app, &config, "3");
    assert!(app.state.list.rows.iter().all(|r| !r.chat.is_business()));
    keys(&mut app, &config, "5");
    assert!(app.state.list.rows.iter().all(|r| r.chat.has_offers));
    keys(&mut app, &config, "1 n");
    let opened = app.state.chat.as_ref().unwrap().chat.id;
    assert_eq!(app.store().db().chat(opened).unwrap().unread, 0);
    keys(&mut app, &config, "esc ]");
    assert_eq!(app.state.tab, Tab::Chats(ChatFilter::Unread));
}

#[test]
fn settings_change_caps_and_quiet_hours_at_once() {
    let (mut app, config) = demo("0", 100, 30);
    keys(&mut app, &config, ", l l");
    assert_eq!(prefs(&app).daily_marketing_cap, 6);
    keys(&mut app, &config, "j h");
    assert_eq!(prefs(&app).weekly_business_cap, 1);
    keys(&mut app, &config, "j l");
    assert_eq!(
        prefs(&app).quiet_hours,
        Some(QuietHours { start: 22, end: 7 })
    );
    keys(&mut app, &config, "j j j space");
    assert!(!prefs(&app).all_offers);
}

#[test]
fn a_user_without_a_time_zone_takes_the_devices_and_keeps_the_one_they_have() {
    let (mut app, config) = demo("0", 100, 30);
    let me = app.me();
    let unset = UserPrefs {
        time_zone: None,
        ..prefs(&app)
    };
    app.store_mut()
        .write(|tx| tx.set_prefs(me, &unset))
        .unwrap();
    app.update(Action::Refresh);
    keys(&mut app, &config, ", j j j j");
    assert!(screen(&app, &config).contains("‹ UTC (not set) ›"));
    app.adopt_device_zone(Zone::named("Asia/Tokyo").unwrap());
    assert_eq!(prefs(&app).zone().name(), "Asia/Tokyo");
    assert!(screen(&app, &config).contains("‹ Asia/Tokyo ›"));
    app.adopt_device_zone(Zone::named("Europe/London").unwrap());
    assert_eq!(
        prefs(&app).zone().name(),
        "Asia/Tokyo",
        "a zone the user has is kept on the next start"
    );
}

#[test]
fn the_time_zone_row_names_the_zone_and_changing_it_moves_the_quiet_hours() {
    let (mut app, config) = demo("0", 100, 30);
    let now = app.state.clock;
    assert_eq!(now, Timestamp::from_civil(2026, 11, 23, 8, 0));
    keys(&mut app, &config, ", j j j j");
    let shown = screen(&app, &config);
    assert!(
        shown.contains("▸ Time zone (quiet hours follow it) ‹ Europe/Madrid ›"),
        "{shown}"
    );
    assert!(shown.contains("Quiet hours are in your time zone (Europe/Madrid)."));
    // Quiet from 09:00 to 10:00: 08:00 UTC is 09:00 in Madrid.
    keys(&mut app, &config, "k k l l l l l l l l l l l l j l l l");
    assert_eq!(
        prefs(&app).quiet_hours,
        Some(QuietHours { start: 9, end: 10 })
    );
    assert!(prefs(&app).in_quiet_hours(now), "09:00 in Madrid is quiet");
    // Two zones back in the list is Europe/London, where it is 08:00.
    keys(&mut app, &config, "j h h");
    assert_eq!(prefs(&app).zone().name(), "Europe/London");
    assert!(screen(&app, &config).contains("‹ Europe/London ›"));
    assert!(!prefs(&app).in_quiet_hours(now), "08:00 in London is not");
    let stored = app.store().db().user(app.me()).unwrap().prefs;
    assert_eq!(stored.zone().name(), "Europe/London", "saved at once");
    // PgDn and PgUp jump a region at a time.
    keys(&mut app, &config, "pagedown");
    assert_eq!(prefs(&app).zone().name(), "Indian/Antananarivo");
    keys(&mut app, &config, "pageup pageup");
    assert!(prefs(&app).zone().name().starts_with("Australia/"));
    keys(&mut app, &config, "k pagedown");
    assert_eq!(
        status(&app),
        "PgUp and PgDn jump between regions on the Time zone row."
    );
}

#[test]
fn quiet_hours_hold_offers_until_they_end() {
    let (mut app, config) = demo("1d", 100, 30);
    keys(&mut app, &config, ", j j l");
    keys(&mut app, &config, "l l l l l l l l l l l l l l");
    let q = prefs(&app).quiet_hours.unwrap();
    assert_eq!(q.start, 12, "quiet from noon");
    keys(&mut app, &config, "esc T");
    let held = app.store().db().held(app.me()).unwrap();
    assert!(
        held.iter()
            .all(|h| h.message.decision.reason != Reason::QuietHours),
        "released when they ended: {held:?}"
    );
    let chat = app
        .store()
        .db()
        .chat_with(app.me(), Counterpart::Business(business(&app, "Moda Lola")))
        .unwrap()
        .unwrap();
    let released: Vec<_> = app
        .store()
        .db()
        .last_messages(chat.id, 50)
        .unwrap()
        .into_iter()
        .filter(|m| m.decision.sentence.contains("quiet hours"))
        .collect();
    assert_eq!(
        released.len(),
        1,
        "Tuesday's noon offer waited for the quiet hours to end"
    );
}

#[test]
fn advancing_the_clock_announces_new_messages() {
    let (mut app, config) = demo("0", 100, 30);
    let before = app.state.notify_count;
    keys(&mut app, &config, "t");
    assert_eq!(app.state.clock, Timestamp::from_civil(2026, 11, 23, 9, 0));
    assert_eq!(
        app.state.notify_count,
        before + 1,
        "the 09:00 ticket arrived"
    );
    assert!(
        app.state
            .notification
            .as_deref()
            .unwrap_or_default()
            .starts_with("Rutas Bus: Your ticket")
    );
    assert_eq!(status(&app), "Clock moved to Mon 23 Nov 09:00: 1 new.");
    keys(&mut app, &config, "t");
    assert_eq!(
        app.state.notify_count,
        before + 2,
        "Marta wrote at 09:10, the bus company at 09:41"
    );
    assert!(
        app.state
            .notification
            .as_deref()
            .unwrap_or_default()
            .starts_with("Rutas Bus: Hello Alex")
    );
}

#[test]
fn moving_the_clock_says_what_was_delivered_and_what_was_held() {
    let (mut app, config) = demo("0", 100, 30);
    keys(&mut app, &config, "T");
    let held = app.store().db().held(app.me()).unwrap().len();
    assert!(held > 0, "Monday brings offers the rules hold");
    assert!(
        status(&app).starts_with("Clock moved to Tue 24 Nov 08:00: ")
            && status(&app).ends_with(&format!(" new, {held} held.")),
        "{}",
        status(&app)
    );
}

#[test]
fn an_hour_without_deliveries_or_holds_is_nothing_new() {
    let (mut app, config) = demo("11h", 100, 30);
    keys(&mut app, &config, "t");
    assert_eq!(
        status(&app),
        "Clock moved to Mon 23 Nov 20:00: nothing new."
    );
}

#[test]
fn after_the_last_scripted_event_the_clock_says_how_to_start_again() {
    let (mut app, config) = demo("6d9h", 100, 30);
    keys(&mut app, &config, "t");
    assert_eq!(
        status(&app),
        "Clock moved to Sun 29 Nov 18:00: 1 new. The demo week is over: to start it again, \
         quit and run `parley world reset`."
    );
    keys(&mut app, &config, "T");
    assert!(
        status(&app).contains("nothing new. The demo week is over"),
        "{}",
        status(&app)
    );
}

#[test]
fn the_footer_names_the_clock_key_until_the_clock_first_moves() {
    let (mut app, config) = demo("0", 80, 24);
    let footer = |app: &App| screen(app, &config).lines().last().unwrap().to_string();
    assert!(footer(&app).contains("T clock +1 day"), "{}", footer(&app));
    keys(&mut app, &config, "t");
    assert!(!footer(&app).contains("T clock +1 day"), "{}", footer(&app));
}

#[test]
fn muted_chats_do_not_notify() {
    let (mut app, config) = demo("1d", 100, 30);
    open_chat(&mut app, &config, "Paquexpress");
    keys(&mut app, &config, "m esc");
    let before = app.state.notify_count;
    app.update(Action::AdvanceHour);
    assert_eq!(
        app.state.notify_count, before,
        "08:45's parcel update is in a muted chat"
    );
    app.update(Action::AdvanceHour);
    assert_eq!(
        app.state.notify_count,
        before + 1,
        "10:00's reminder from the lender is not"
    );
}

#[test]
fn search_jumps_to_the_message() {
    let (mut app, config) = demo("1d4h", 100, 30);
    keys(&mut app, &config, "/ \"folding\"");
    let search = app.state.search.as_ref().unwrap();
    assert!(search.hits.len() >= 2);
    assert!(
        search
            .hits
            .iter()
            .all(|h| h.text.to_lowercase().contains("folding"))
    );
    keys(&mut app, &config, "enter");
    let view = app.state.chat.as_ref().unwrap();
    assert_eq!(view.chat.title, "Rutas Bus");
    assert!(
        view.selected_message()
            .unwrap()
            .message
            .body
            .contains("folding")
    );
}

#[test]
fn clicks_select_chats_and_tabs() {
    let (mut app, config) = demo("1d4h", 100, 30);
    let second = app.state.list.rows[1].chat.id;
    app.update(Action::Click { column: 5, row: 4 });
    assert_eq!(
        app.state.list.selected_row().map(|r| r.chat.id),
        Some(second),
        "the second row was clicked"
    );
    assert_eq!(app.state.chat.as_ref().map(|c| c.chat.id), Some(second));
    keys(&mut app, &config, "esc");
    let held_tab = parley::tui::inbox::layout::tab_positions(&app.state)
        .into_iter()
        .find(|(t, ..)| *t == Tab::Held)
        .unwrap();
    app.update(Action::Click {
        column: held_tab.2 + 1,
        row: 0,
    });
    assert_eq!(app.state.tab, Tab::Held);
    let _ = config;
}

#[test]
fn help_lists_every_control() {
    let (mut app, config) = demo("0", 100, 200);
    keys(&mut app, &config, "?");
    let text = screen(&app, &config);
    for label in [
        "subscribe / unsubscribe",
        "block / unblock",
        "report",
        "why did this reach me?",
        "not interested",
        "release into the chat",
        "clock +1 hour",
        "clock +1 day",
        "search",
        "all offers on / off",
    ] {
        assert!(text.contains(label), "help lacks {label}");
    }
}

#[test]
fn new_messages_show_in_the_chat_being_read() {
    let (mut app, config) = demo("1d", 100, 30);
    open_chat(&mut app, &config, "Moda Lola");
    keys(&mut app, &config, "T");
    let view = app.state.chat.as_ref().unwrap();
    let newest = view.messages.last().unwrap();
    assert!(
        newest.message.body.contains("winter coats"),
        "Tuesday's offer arrived in the open chat"
    );
    assert_eq!(
        view.selected,
        Some(view.messages.len() - 1),
        "the view follows the newest message"
    );
    assert!(screen(&app, &config).contains("winter coats"));
    assert_eq!(
        app.store().db().chat(view.chat.id).unwrap().unread,
        0,
        "it is read while the chat is open"
    );
}

#[test]
fn the_selection_follows_its_chat_off_the_page() {
    // Four chats to a page at 80x14. Opening the first one, unread, reads it: it keeps its
    // row while the user works in the list. Sorted again, in "unread first" order it moves
    // below the unread chats, off the first page, and the selection and the page go with it.
    let (mut app, config) = demo("1d4h", 80, 14);
    let first = app.state.list.rows[0].chat.id;
    assert!(app.state.list.rows[0].chat.unread > 0);
    keys(&mut app, &config, "enter");
    assert_eq!(app.state.list.rows[0].chat.id, first, "it keeps its row");
    assert_eq!(app.state.list.selected, 0);
    keys(&mut app, &config, "esc R");
    let list = &app.state.list;
    let position = app
        .store()
        .db()
        .chat_position(app.me(), ChatFilter::All, config.settings.order, first)
        .unwrap()
        .expect("the chat is listed");
    assert!(position >= list.rows.len(), "it left the first page");
    assert_eq!(list.selected_chat, Some(first));
    assert_eq!(list.selected, position);
    assert_eq!(list.rows[list.selected - list.offset].chat.id, first);
    // On the page, j and k move the selection and it stays with its chat.
    keys(&mut app, &config, "esc k j");
    assert_eq!(app.state.list.selected, position);
    assert_eq!(app.state.list.selected_chat, Some(first));
}

#[test]
fn new_messages_from_elsewhere_keep_the_selection_on_its_chat() {
    let (mut app, config) = demo("1d4h", 100, 30);
    keys(&mut app, &config, "j j");
    let chosen = app.state.list.selected_chat.expect("a chat is selected");
    let (me, now) = (app.me(), app.state.clock);
    let contacts = app.store().db().contacts(me).unwrap();
    let lucia = contacts
        .iter()
        .find(|c| c.name.starts_with("Lucía"))
        .expect("Lucía is a friend")
        .id;
    let lucia_chat = app.store().db().chat_with(me, Counterpart::Contact(lucia));
    assert_ne!(lucia_chat.unwrap().map(|c| c.id), Some(chosen));
    app.store_mut()
        .write(|tx| {
            tx.receive_personal(me, lucia, "Are you there?", now)
                .map(|_| ())
        })
        .unwrap();
    app.update(Action::Refresh);
    assert_eq!(app.state.list.selected_chat, Some(chosen));
    let row = app
        .state
        .list
        .selected_row()
        .expect("the selected row is on the page");
    assert_eq!(row.chat.id, chosen);
}

#[test]
fn leaving_the_tab_sorts_the_list_again() {
    let (mut app, config) = demo("1d4h", 100, 30);
    let first = app.state.list.rows[0].chat.id;
    keys(&mut app, &config, "enter esc");
    assert_eq!(app.state.list.rows[0].chat.id, first, "it keeps its row");
    keys(&mut app, &config, "2 1");
    assert_ne!(
        app.state.list.rows[0].chat.id, first,
        "read, it sorts below the unread chats"
    );
}

#[test]
fn q_in_a_chat_goes_back_to_the_list() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "Marta");
    keys(&mut app, &config, "q");
    assert_eq!(app.state.pane, Pane::List);
    assert!(!app.state.quit, "q in a chat does not quit");
    keys(&mut app, &config, "q");
    assert!(app.state.quit, "q in the list quits");
}

/// The user's preferences as the store holds them.
fn prefs(app: &App) -> UserPrefs {
    app.store().db().user(app.me()).unwrap().prefs
}

#[test]
fn invisible_and_bidi_characters_are_not_typed_so_the_cursor_moves_by_what_is_seen() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "Paquexpress");
    keys(
        &mut app,
        &config,
        "r \"a\u{200D}b\u{202E}c\u{2066}\" left left \"X\" enter",
    );
    let view = app.state.chat.as_ref().unwrap();
    let last = &view.messages.last().unwrap().message;
    assert_eq!(
        (last.direction, last.body.as_str()),
        (Direction::Outbound, "aXbc")
    );
}

#[test]
fn why_and_profile_in_the_list_act_on_the_selected_chat() {
    let (mut app, config) = demo("1d4h", 100, 30);
    open_chat(&mut app, &config, "Rutas Bus");
    keys(&mut app, &config, "esc w");
    assert_eq!(app.state.pane, Pane::List);
    match &app.state.dialog {
        Some(Dialog::Why { title, lines }) => {
            assert_eq!(title, "Why? Message from Rutas Bus");
            assert!(
                lines
                    .iter()
                    .any(|(k, v)| k == "Rule" && v == "service_reply"),
                "the last message is the bus company's reply: {lines:?}"
            );
        }
        other => panic!("w in the list shows Why?, not {other:?}"),
    }
    keys(&mut app, &config, "esc p");
    assert_eq!(
        app.state.screen,
        Screen::Profile(business(&app, "Rutas Bus"))
    );
}

#[test]
fn help_scrolls_to_its_last_line_and_straight_back() {
    let (mut app, config) = demo("0", 80, 24);
    let help = |app: &App| {
        let text = screen(app, &config);
        let lines: Vec<&str> = text.lines().collect();
        lines[..lines.len() - 2].join("\n")
    };
    keys(&mut app, &config, "?");
    let top = help(&app);
    assert!(
        top.contains("more below") && !top.contains("more above"),
        "{top}"
    );
    let mut presses = 0;
    while status(&app) != "This is the end of help." {
        keys(&mut app, &config, "pagedown");
        presses += 1;
        assert!(presses < 100, "help never reached its end");
    }
    let bottom = help(&app);
    assert!(
        bottom.contains("ctrl-c") && bottom.contains("quit"),
        "the last line of help is on screen:\n{bottom}"
    );
    assert!(bottom.contains("more above") && !bottom.contains("more below"));
    keys(&mut app, &config, "pageup");
    assert_ne!(help(&app), bottom, "one PageUp moves up at once");
    keys(&mut app, &config, "G");
    assert_eq!(help(&app), bottom);
    keys(&mut app, &config, "g");
    assert_eq!(help(&app), top);
    keys(&mut app, &config, "k");
    assert_eq!(status(&app), "This is the top of help.");
}

#[test]
fn remapped_keys_show_in_the_footer_and_in_help() {
    let remapped = "[keys.inbox]\no = \"open\"\nenter = \"none\"\n";
    let config = parley::tui::UiConfig::from_toml("config.toml", remapped, true).unwrap();
    let (mut app, _) = demo("1d4h", 80, 24);
    let text = screen(&app, &config);
    let footer = text.lines().last().unwrap();
    assert!(
        footer.contains("o open") && !footer.contains("enter open"),
        "{footer}"
    );
    keys(&mut app, &config, "?");
    let help = screen(&app, &config);
    let open = help
        .lines()
        .find(|l| l.trim_end_matches('│').trim_end().ends_with(" open"))
        .unwrap_or_else(|| panic!("help lists open:\n{help}"));
    assert!(
        open.contains("o l right") && !open.contains("enter"),
        "{open}"
    );
}

#[test]
fn subscriptions_find_a_business_by_name_and_subscribe_to_it() {
    let (mut app, config) = demo("0", 100, 30);
    keys(&mut app, &config, "S");
    let everyone = parley::world::Assets::built_in().world.def.businesses.len();
    assert_eq!(
        app.state.subscriptions.rows.len(),
        everyone,
        "at the start of the world, before any of them wrote, every business is listed"
    );
    keys(&mut app, &config, "/ \"ENERGIA\"");
    let names: Vec<&str> = app
        .state
        .subscriptions
        .rows
        .iter()
        .map(|r| r.business.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Luz Verde Energía"],
        "case and accents aside, as typed"
    );
    assert!(screen(&app, &config).contains("Find a business: ENERGIA"));
    keys(&mut app, &config, "enter space");
    assert!(
        relation(&app, "Luz Verde Energía").subscribed,
        "space subscribes to the business found"
    );
    assert!(status(&app).contains("Subscribed to Luz Verde Energía"));
    assert!(screen(&app, &config).contains("/ ENERGIA · 1 business · esc shows all"));
    keys(&mut app, &config, "esc");
    assert_eq!(
        app.state.screen,
        Screen::Subscriptions,
        "esc clears the filter first"
    );
    assert_eq!(app.state.subscriptions.rows.len(), everyone);
    keys(&mut app, &config, "/ \"zzz\" enter");
    assert!(app.state.subscriptions.rows.is_empty());
    assert!(
        status(&app).contains("No business's name contains “zzz”"),
        "{}",
        status(&app)
    );
    keys(
        &mut app,
        &config,
        "/ backspace backspace backspace \"lola\" esc",
    );
    assert!(
        app.state.subscriptions.filter.is_empty(),
        "esc while typing clears it"
    );
    keys(&mut app, &config, "esc");
    assert_eq!(app.state.screen, Screen::Inbox);
}

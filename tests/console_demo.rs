//! `parley demo` as a test: the user blocks the lender in the inbox, the clock moves in the
//! console, and the snapshots show its quality falling, its template paused (3 hours, then 6,
//! then disabled) and its restrictions escalating; then the user reports it too, the third
//! reporter in a week, and the lender is disabled. All in order. Then the guided tour walks
//! the same way on its own.
//!
//! (Reporting it first makes the reports strike come early: sending is suspended before the
//! template's third low rating, so it is never disabled. The block comes first here.)

mod support;

use parley::model::*;
use parley::tui::console::state::ConsoleScreen;
use parley::tui::demo::DemoApp;
use parley::tui::demo::{Half, TOUR};
use support::console::*;

fn lender_templates(demo: &DemoApp) -> Vec<Template> {
    let id = demo.console.business().unwrap();
    demo.inbox.store().db().templates(id).unwrap()
}

fn reminder(demo: &DemoApp) -> Template {
    lender_templates(demo)
        .into_iter()
        .find(|t| t.name == "application_reminder")
        .unwrap()
}

fn restrictions(demo: &DemoApp) -> Vec<RestrictionKind> {
    let id = demo.console.business().unwrap();
    let list = demo.inbox.store().db().restrictions(id).unwrap();
    list.into_iter().map(|r| r.kind).collect()
}

fn quality(demo: &DemoApp) -> Quality {
    demo.console.state.business.as_ref().unwrap().quality
}

#[test]
fn a_block_then_a_report_take_the_lender_down_step_by_step() {
    let (mut demo, config) = demo((160, 40));
    let lender = demo.console.business().unwrap();
    let me = demo.inbox.me();
    keys(
        &mut demo,
        &config,
        "/ \"QuickCash\" enter j enter j j enter",
    );
    let relation = demo.inbox.store().db().relation(me, lender).unwrap();
    assert_eq!(relation.blocked, Some(BlockReason::Spam));
    let recorded = demo.inbox.store().db().business(lender).unwrap().quality;
    assert_eq!(recorded, Quality::High, "no review has run yet");
    assert_eq!(
        quality(&demo),
        Quality::Low,
        "the console reads the quality the blocks give now"
    );
    insta::assert_snapshot!("demo_path_1_blocked", demo_screen(&demo, &config));

    keys(&mut demo, &config, "f2 4 t");
    assert_eq!(demo.state.focus, Half::Console);
    assert_eq!(quality(&demo), Quality::Low);
    assert_eq!(restrictions(&demo), [RestrictionKind::Warning]);
    insta::assert_snapshot!("demo_path_2_quality_low", demo_screen(&demo, &config));

    keys(&mut demo, &config, "1 j j");
    let t = reminder(&demo);
    assert_eq!((t.status, t.pause_count), (TemplateStatus::Paused, 1));
    let review = demo.console.state.clock - Span::minutes(5);
    assert_eq!(t.paused_until, Some(review + Span::hours(3)));
    insta::assert_snapshot!("demo_path_3_paused_3_hours", demo_screen(&demo, &config));

    keys(&mut demo, &config, "t t t 4");
    assert_eq!(
        restrictions(&demo),
        [RestrictionKind::Warning, RestrictionKind::TierLowered]
    );
    insta::assert_snapshot!("demo_path_4_tier_lowered", demo_screen(&demo, &config));

    keys(&mut demo, &config, "t t 1");
    let t = reminder(&demo);
    assert_eq!((t.status, t.pause_count), (TemplateStatus::Paused, 2));
    let review = demo.console.state.clock - Span::minutes(5);
    assert_eq!(t.paused_until, Some(review + Span::hours(6)));
    assert_eq!(
        restrictions(&demo).last(),
        Some(&RestrictionKind::MarketingSuspended)
    );
    insta::assert_snapshot!("demo_path_5_paused_6_hours", demo_screen(&demo, &config));

    keys(&mut demo, &config, "T");
    assert_eq!(reminder(&demo).status, TemplateStatus::Disabled);
    assert_eq!(
        restrictions(&demo).last(),
        Some(&RestrictionKind::SendingSuspended)
    );
    insta::assert_snapshot!("demo_path_6_template_disabled", demo_screen(&demo, &config));

    keys(&mut demo, &config, "f2 p ! enter");
    let since = demo.inbox.state.clock - Span::hours(1);
    let reports = demo
        .inbox
        .store()
        .db()
        .reports_since(lender, since)
        .unwrap();
    assert_eq!(reports.len(), 1, "Alex's report");
    keys(&mut demo, &config, "esc f2 4 t");
    let ladder = [
        RestrictionKind::Warning,
        RestrictionKind::TierLowered,
        RestrictionKind::MarketingSuspended,
        RestrictionKind::SendingSuspended,
        RestrictionKind::Disabled,
    ];
    assert_eq!(
        restrictions(&demo),
        ladder,
        "the ladder, step by step, in order"
    );
    insta::assert_snapshot!(
        "demo_path_7_reported_and_disabled",
        demo_screen(&demo, &config)
    );
}

#[test]
fn the_guided_tour_walks_the_same_steps() {
    let (mut demo, config) = demo((80, 24));
    let lender = demo.console.business().unwrap();
    let me = demo.inbox.me();
    keys(&mut demo, &config, "f3");
    assert_eq!(demo.state.tour, Some(0));
    assert!(demo.inbox.state.chat.is_some(), "the lender's chat is open");
    keys(&mut demo, &config, "f3");
    let relation = demo.inbox.store().db().relation(me, lender).unwrap();
    assert_eq!(relation.blocked, Some(BlockReason::Spam));
    keys(&mut demo, &config, "f3");
    assert_eq!(quality(&demo), Quality::Low);
    assert_eq!(demo.console.state.screen, ConsoleScreen::Standing);
    keys(&mut demo, &config, "f3");
    assert_eq!(demo.console.state.screen, ConsoleScreen::Templates);
    let selected = demo.console.state.templates.selected_card().unwrap();
    assert_eq!(selected.template.status, TemplateStatus::Paused);
    insta::assert_snapshot!("demo_tour_step_4_80x24", demo_screen(&demo, &config));
    keys(&mut demo, &config, "f3");
    assert_eq!(reminder(&demo).pause_count, 2);
    keys(&mut demo, &config, "f3");
    assert_eq!(reminder(&demo).status, TemplateStatus::Disabled);
    keys(&mut demo, &config, "f3");
    assert_eq!(demo.state.tour, Some(TOUR.len() - 1));
    let since = demo.inbox.state.clock - Span::days(7);
    let reports = demo
        .inbox
        .store()
        .db()
        .reports_since(lender, since)
        .unwrap();
    assert!(
        reports.iter().any(|(_, user)| *user == me),
        "Alex reported it"
    );
    assert_eq!(restrictions(&demo).last(), Some(&RestrictionKind::Disabled));
    insta::assert_snapshot!("demo_tour_last_step_80x24", demo_screen(&demo, &config));
    keys(&mut demo, &config, "f3");
    assert_eq!(demo.state.tour, None, "the tour ends after its last step");
}

#[test]
fn the_tour_stops_on_its_key_and_the_halves_flip() {
    let (mut demo, config) = demo((100, 30));
    keys(&mut demo, &config, "f3 f4");
    assert_eq!(demo.state.tour, None);
    let before = demo.state.focus;
    keys(&mut demo, &config, "ctrl-w");
    assert_ne!(demo.state.focus, before);
    keys(&mut demo, &config, "q");
    assert!(demo.state.quit);
}

/// The user's own messages to the business the console acts as, as the inbox stores them.
fn own_messages(demo: &DemoApp) -> Vec<Message> {
    let business = demo.console.business().unwrap();
    let db = demo.inbox.store().db();
    let chat = db
        .chat_with(demo.inbox.me(), Counterpart::Business(business))
        .unwrap()
        .unwrap();
    let messages = db.last_messages(chat.id, 50).unwrap();
    messages
        .into_iter()
        .filter(|m| m.direction == Direction::Outbound)
        .collect()
}

#[test]
fn the_business_reads_what_the_user_writes_and_the_user_sees_it_read() {
    let (mut demo, config) = demo((160, 40));
    // The lender is first in the list; the user continues past its first-contact question.
    keys(
        &mut demo,
        &config,
        "g enter enter r \"Who gave you my number?\" enter",
    );
    assert_eq!(own_messages(&demo)[0].delivery(), Some(Delivery::Delivered));

    keys(&mut demo, &config, "f2 5");
    assert_eq!(demo.console.state.screen, ConsoleScreen::Conversations);
    let rows = &demo.console.state.conversations.rows;
    let at = rows
        .iter()
        .position(|r| r.user == "Alex")
        .expect("Alex's conversation");
    assert_eq!((rows[at].unread, rows[at].window.is_some()), (1, true));
    let others = rows.iter().filter(|r| r.user != "Alex");
    assert!(others.clone().all(|r| r.unread == 0), "only Alex wrote");
    keys(&mut demo, &config, &format!("g {}enter", "j ".repeat(at)));
    let open = demo.console.state.conversations.open.clone().unwrap();
    assert_eq!(
        open.messages.last().unwrap().body,
        "Who gave you my number?"
    );
    assert_eq!(own_messages(&demo)[0].delivery(), Some(Delivery::Read));
    assert_eq!(demo.console.state.conversations.rows[at].unread, 0);

    // The user writes again while the conversation is open: it shows there, read.
    keys(&mut demo, &config, "f2 r \"Stop writing to me.\" enter f2");
    let open = demo.console.state.conversations.open.clone().unwrap();
    assert_eq!(open.messages.last().unwrap().body, "Stop writing to me.");
    assert!(
        own_messages(&demo)
            .iter()
            .all(|m| m.delivery() == Some(Delivery::Read))
    );
}

#[test]
fn the_guided_tour_in_spanish_keeps_its_captions_whole() {
    let spanish = parley::i18n::Catalogues::embedded()
        .get("es")
        .expect("Spanish is shipped");
    parley::i18n::scoped(spanish, || {
        let (mut demo, config) = demo((80, 24));
        keys(&mut demo, &config, "f3");
        insta::assert_snapshot!("demo_tour_first_step_es_80x24", demo_screen(&demo, &config));
        keys(&mut demo, &config, "f3 f3 f3 f3 f3 f3");
        assert_eq!(demo.state.tour, Some(TOUR.len() - 1));
        insta::assert_snapshot!("demo_tour_last_step_es_80x24", demo_screen(&demo, &config));
    });
}

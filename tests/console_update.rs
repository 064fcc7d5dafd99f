//! The console's logic, driven through the real keymap without a terminal, checked on its
//! state and in the store: templates and their review, sending rules, broadcasts in parts,
//! refusals, switching business, untrusted text.

mod support;

use parley::model::MetricScope;
use parley::model::*;
use parley::tui::console::Action;
use parley::tui::console::app::BROADCAST_PART;
use parley::tui::console::commands::{FooterItem, footer};
use parley::tui::console::state::{BroadcastStage, ConsoleDialog, ConsoleScreen};
use parley::tui::console::{ConsoleState, StoreSession, StoreSource};
use support::console::*;

fn status(state: &ConsoleState) -> String {
    state
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn decisions(session: &StoreSession, business: BusinessId) -> u64 {
    session
        .store()
        .db()
        .metrics(MetricScope::Business(business))
        .unwrap()
        .sent
}

#[test]
fn it_opens_on_the_lender_and_switches_business() {
    let (mut session, config) = console("1d4h", None, (100, 30));
    let lender = session.app.state.business.clone().unwrap();
    assert_eq!(lender.name, "QuickCash Loans");
    keys(&mut session, &config, "b");
    assert!(matches!(
        session.app.state.dialog,
        Some(ConsoleDialog::Switcher { .. })
    ));
    keys(&mut session, &config, "g k k k k k k enter");
    let now = session.app.state.business.clone().unwrap();
    assert_eq!(now.name, "Banco Claro");
    assert!(status(&session.app.state).contains("Banco Claro"));
    assert_eq!(session.app.state.templates.rows.len(), 2);
}

#[test]
fn a_paused_template_cannot_be_sent_and_the_footer_says_why() {
    let (mut session, config) = console("4h", None, (100, 30));
    keys(&mut session, &config, "j j");
    let card = session.app.state.templates.selected_card().unwrap().clone();
    assert_eq!(card.template.name, "application_reminder");
    assert_eq!(card.template.status, TemplateStatus::Paused);
    let items = footer(&config.keymap, &session.app.state);
    assert_eq!(
        items.first(),
        Some(&FooterItem::Notice(
            "⊘ cannot send: paused until 23 Nov 15:00".to_string()
        ))
    );
    assert!(
        !items
            .iter()
            .any(|i| matches!(i, FooterItem::Key(_, label) if label == "broadcast it"))
    );
    keys(&mut session, &config, "enter");
    assert_eq!(session.app.state.screen, ConsoleScreen::Templates);
    assert!(status(&session.app.state).contains("cannot be sent: paused until"));
    keys(&mut session, &config, "2");
    let sendable: Vec<&str> = session
        .app
        .state
        .compose
        .sendable
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert!(!sendable.contains(&"application_reminder"), "{sendable:?}");
    assert!(!sendable.contains(&"guaranteed"), "{sendable:?}");
}

#[test]
fn a_disabled_template_cannot_be_sent_either() {
    let (mut session, config) = console("1d4h", None, (100, 30));
    keys(&mut session, &config, "j j enter");
    assert_eq!(session.app.state.screen, ConsoleScreen::Templates);
    assert!(
        status(&session.app.state).contains("disabled after repeated low quality"),
        "{}",
        status(&session.app.state)
    );
}

#[test]
fn a_broadcast_the_budget_cannot_cover_is_refused_before_anything_is_sent() {
    let (mut session, config) = console("1d4h", Some("Rutas Bus"), (100, 30));
    let rutas = business(session.store(), "Rutas Bus");
    let (budget, sent) = (
        session.store().db().business(rutas).unwrap().budget,
        decisions(&session, rutas),
    );
    keys(
        &mut session,
        &config,
        "2 right right tab \"Madrid\" tab \"Teruel\" enter",
    );
    let BroadcastStage::Refused(refusal) = session.app.state.compose.stage.clone() else {
        panic!("refused: {:?}", session.app.state.compose.stage)
    };
    assert_eq!(
        (refusal.needed, refusal.available, refusal.shortfall),
        (2500, 2000, 500)
    );
    assert_eq!(session.store().db().business(rutas).unwrap().budget, budget);
    assert_eq!(decisions(&session, rutas), sent);
    assert!(session.store().db().broadcasts(rutas).unwrap().is_empty());
    let screen = console_screen(&session, &config);
    assert!(screen.contains("Shortfall    500 cr"), "{screen}");
}

#[test]
fn a_broadcast_is_priced_runs_in_parts_and_charges_only_deliveries() {
    let (mut session, config) = console("1d4h", Some("Moda Lola"), (100, 30));
    let moda = business(session.store(), "Moda Lola");
    let before = session.store().db().business(moda).unwrap().budget;
    keys(&mut session, &config, "2 tab \"Sale\" tab \"15%\" enter");
    let BroadcastStage::Reviewing(dry) = session.app.state.compose.stage.clone() else {
        panic!("a dry run: {:?}", session.app.state.compose.stage)
    };
    assert_eq!(dry.quote.unit_price, 25);
    assert_eq!(dry.quote.reserved, 25 * i64::from(dry.quote.audience));
    assert_eq!(
        session.store().db().business(moda).unwrap().budget,
        before,
        "a dry run reserves nothing"
    );
    session.update(Action::Confirm);
    let mut seen = Vec::new();
    while let BroadcastStage::Running(run) = &session.app.state.compose.stage {
        seen.push(run.tally.sent);
        session.tick();
    }
    let expected: Vec<u32> = (0..dry.quote.audience).step_by(BROADCAST_PART).collect();
    assert_eq!(seen, expected, "one part per tick");
    let BroadcastStage::Done(run) = session.app.state.compose.stage.clone() else {
        panic!("done")
    };
    let settled = run.settlement.unwrap();
    assert_eq!(run.tally, dry.tally, "the dry run said what would happen");
    assert_eq!(settled.charged, 25 * i64::from(run.tally.delivered));
    assert_eq!(settled.refunded, run.quote.reserved - settled.charged);
    let after = session.store().db().business(moda).unwrap().budget;
    assert_eq!(after, before - settled.charged);
    let figures = session
        .store()
        .db()
        .metrics(MetricScope::Broadcast(run.id))
        .unwrap();
    assert_eq!(figures.credits, settled.charged);
    assert_eq!(figures.sent, u64::from(run.quote.audience));
}

#[test]
fn a_list_audience_names_unknown_people() {
    let (mut session, config) = console("1d4h", Some("Moda Lola"), (100, 30));
    keys(
        &mut session,
        &config,
        "2 tab \"Sale\" tab \"15%\" tab right tab \"Ana G., Nobody Here\" enter",
    );
    assert_eq!(session.app.state.compose.stage, BroadcastStage::Editing);
    let text = status(&session.app.state);
    assert!(text.contains("Nobody Here"), "{text}");
    assert!(session.app.state.status.as_ref().unwrap().error);
}

#[test]
fn placeholders_must_be_filled_first() {
    let (mut session, config) = console("1d4h", Some("Moda Lola"), (100, 30));
    keys(&mut session, &config, "2 tab \"Sale\" enter");
    assert_eq!(session.app.state.compose.stage, BroadcastStage::Editing);
    assert!(status(&session.app.state).contains("Fill {{2}}"));
}

#[test]
fn a_template_written_in_the_editor_is_reviewed_at_once() {
    let (mut session, config) = console("1d4h", Some("Luz Verde Energía"), (100, 30));
    keys(
        &mut session,
        &config,
        "n \"cut_notice\" tab right tab tab \"Supply cut on {{1}} from {{2}}\" enter",
    );
    let Some(ConsoleDialog::Review { card }) = session.app.state.dialog.clone() else {
        panic!("the review shows at once")
    };
    assert_eq!(card.template.name, "cut_notice");
    assert_eq!(card.template.category, Category::Utility);
    assert_eq!(card.template.status, TemplateStatus::Approved);
    assert_eq!(card.template.review, ReviewRule::Passed);
    keys(&mut session, &config, "enter");
    assert!(session.app.state.dialog.is_none());
    assert_eq!(
        session
            .app
            .state
            .templates
            .selected_card()
            .unwrap()
            .template
            .name,
        "cut_notice"
    );
}

#[test]
fn a_template_file_is_submitted_and_a_bad_one_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("offer.toml");
    std::fs::write(
        &good,
        "name = \"flash\"\ncategory = \"utility\"\nallow_recategorise = false\n\
         body = \"Flash sale: 30% off today\"\n",
    )
    .unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "name = \"x\"\ncategory = \"spam\"\nbody = \"b\"\n").unwrap();
    let (mut session, config) = console("1d4h", Some("FreshMart"), (100, 30));
    keys(
        &mut session,
        &config,
        &format!("f \"{}\" enter", bad.display()),
    );
    assert!(session.app.state.prompt.is_some(), "the prompt stays open");
    let text = status(&session.app.state);
    assert!(text.contains("is not a template file"), "{text}");
    keys(&mut session, &config, "esc");
    keys(
        &mut session,
        &config,
        &format!("f \"{}\" enter", good.display()),
    );
    let Some(ConsoleDialog::Review { card }) = session.app.state.dialog.clone() else {
        panic!("reviewed: {}", status(&session.app.state))
    };
    assert_eq!(card.template.status, TemplateStatus::Rejected);
    assert_eq!(card.template.review, ReviewRule::PromotionalForbidden);
}

#[test]
fn untrusted_template_text_is_cleaned_before_it_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parley.db");
    let assets = parley::world::Assets::built_in();
    let mut store = parley::store::Store::open(&path).unwrap();
    parley::world::seed(&mut store, &assets).unwrap();
    let id = business(&store, "FreshMart");
    drop(store);
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute(
        "UPDATE templates SET name = 'deals\u{1b}]0;pwned\u{7}', body = 'Hi\u{1b}[2J there\u{202e}!',
            review_note = 'ok\u{1b}[31m' WHERE business_id = ?1",
        [id.0],
    )
    .unwrap();
    drop(raw);
    let store = parley::store::Store::open(&path).unwrap();
    let session = StoreSession::open(StoreSource::owned(store, assets), Some(id), 100, 30).unwrap();
    let card = session.app.state.templates.selected_card().unwrap();
    assert_eq!(card.template.name, "deals");
    assert_eq!(card.template.body, "Hi there!");
    assert_eq!(card.template.review_note, "ok");
    let config = parley::tui::UiConfig::defaults(true);
    let screen = console_screen(&session, &config);
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{202e}'));
}

#[test]
fn the_clock_moves_from_the_console_and_help_opens_and_closes() {
    let (mut session, config) = console("0", None, (100, 30));
    let start = session.app.state.clock;
    keys(&mut session, &config, "t");
    assert_eq!(session.app.state.clock, start + Span::hours(1));
    keys(&mut session, &config, "T");
    assert_eq!(session.app.state.clock, start + Span::hours(25));
    keys(&mut session, &config, "?");
    assert!(session.app.state.help.is_some());
    keys(&mut session, &config, "j esc");
    assert!(session.app.state.help.is_none());
    keys(&mut session, &config, "3 tab");
    assert_eq!(session.app.state.screen, ConsoleScreen::Standing);
    keys(&mut session, &config, "q");
    assert!(session.app.state.quit);
}

#[test]
fn a_broadcast_left_sending_is_settled_when_the_console_opens_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parley.db");
    let assets = parley::world::Assets::built_in();
    let mut store = parley::store::Store::open(&path).unwrap();
    parley::world::seed(&mut store, &assets).unwrap();
    let moda = business(&store, "Moda Lola");
    let budget = store.db().business(moda).unwrap().budget;
    let config = parley::tui::UiConfig::defaults(true);
    let mut session = StoreSession::open(
        StoreSource::owned(store, assets.clone()),
        Some(moda),
        100,
        30,
    )
    .unwrap();
    keys(
        &mut session,
        &config,
        "2 tab \"Winter\" tab \"20%\" tab right tab \"Ana G., Bruno G., Alex\" enter",
    );
    session.update(Action::Confirm);
    let BroadcastStage::Running(run) = session.app.state.compose.stage.clone() else {
        panic!("sending");
    };
    let reserved = run.quote.reserved;
    assert!(reserved > 0);
    assert_eq!(
        session.store().db().business(moda).unwrap().budget,
        budget - reserved
    );
    drop(session);

    let store = parley::store::Store::open(&path).unwrap();
    let state = store.db().broadcast_state(run.id).unwrap().unwrap();
    assert!(state.running, "quitting mid-broadcast leaves it running");
    let session =
        StoreSession::open(StoreSource::owned(store, assets), Some(moda), 100, 30).unwrap();
    let db = session.store().db();
    let state = db.broadcast_state(run.id).unwrap().unwrap();
    assert!(!state.running, "opening the console settles it");
    assert_eq!(
        (state.charged, state.refunded, state.remaining),
        (0, reserved, 0)
    );
    assert_eq!(db.business(moda).unwrap().budget, budget);
}

#[test]
fn settling_a_broadcast_charges_the_parts_sent_and_returns_the_rest() {
    let (mut store, assets) = world("0");
    let moda = business(&store, "Moda Lola");
    let template = store.db().templates(moda).unwrap()[0].clone();
    let users: Vec<UserId> = ["Ana G.", "Bruno G.", "Alex"]
        .iter()
        .map(|n| store.db().user_named(n).unwrap().unwrap().id)
        .collect();
    let budget = store.db().business(moda).unwrap().budget;
    let request = parley::store::BroadcastRequest {
        business: moda,
        template: template.id,
        params: vec!["Winter".into(), "20%".into()],
        audience: Some(users),
    };
    let now = store.db().clock().unwrap().unwrap();
    let rules = (&assets.policy, &assets.pricing);
    let opened = store
        .write(|tx| tx.open_broadcast(&request, &assets.pricing, now))
        .unwrap();
    let part = store
        .write(|tx| tx.send_broadcast_part(opened.id, moda, 1, rules, now))
        .unwrap();
    assert_eq!((part.tally.sent, part.remaining), (1, 2));
    let settled = store
        .write(|tx| tx.settle_unfinished(Some(moda), now))
        .unwrap();
    let charged = part.tally.charged;
    assert_eq!(settled.len(), 1);
    let s = settled[0].1;
    assert_eq!(
        (s.charged, s.refunded, s.budget_after),
        (charged, opened.quote.reserved - charged, budget - charged)
    );
    let again = store.write(|tx| tx.send_broadcast_part(opened.id, moda, 1, rules, now));
    assert!(
        matches!(again, Err(parley::store::StoreError::Conflict(_))),
        "a settled broadcast sends nothing more: {again:?}"
    );
    let figures = store
        .db()
        .metrics(MetricScope::Broadcast(opened.id))
        .unwrap();
    assert_eq!((figures.sent, figures.credits), (1, charged));
}

#[test]
fn a_suspended_business_asks_for_a_review_from_standing_once() {
    let (mut session, config) = console("1d4h", None, (120, 40));
    keys(&mut session, &config, "4");
    let offered = |session: &StoreSession| {
        footer(&config.keymap, &session.app.state)
            .iter()
            .any(|item| matches!(item, FooterItem::Key(_, label) if label == "ask for a review"))
    };
    assert!(offered(&session), "the lender is suspended: it may ask");
    keys(&mut session, &config, "r");
    let said = status(&session.app.state);
    assert!(said.starts_with("Review asked on"), "{said}");
    let advice = &session.app.state.standing.as_ref().unwrap().recovery;
    assert!(
        advice
            .iter()
            .any(|a| a.starts_with("A review was asked on")),
        "{advice:?}"
    );
    assert!(
        !offered(&session),
        "asked already: the key is not offered again"
    );

    let (mut good, config) = console("1d4h", Some("Banco Claro"), (120, 40));
    keys(&mut good, &config, "4 r");
    assert!(
        status(&good.app.state).starts_with("Nothing to review"),
        "{}",
        status(&good.app.state)
    );
}

#[test]
fn a_template_is_edited_resubmitted_and_deleted_with_its_history_kept() {
    let (mut session, config) = console("1d4h", Some("Luz Verde Energía"), (100, 30));
    keys(
        &mut session,
        &config,
        "n \"cut_notice\" tab right tab tab \"Supply cut on {{1}}\" enter enter",
    );
    let first = session.app.state.templates.selected_card().unwrap().clone();
    keys(&mut session, &config, "e \" from {{2}}\"");
    let editor = session.app.state.editor.clone().expect("the editor opens");
    assert_eq!(editor.name.text, "cut_notice");
    assert!(editor.revising.is_some_and(|r| !r.resubmit));
    keys(&mut session, &config, "tab tab tab \"x\" enter");
    let Some(ConsoleDialog::Review { card }) = session.app.state.dialog.clone() else {
        panic!("the new version's review shows at once")
    };
    assert_eq!(card.template.id, first.template.id, "the same template");
    assert_eq!(card.template.name, "cut_notice", "its name is not edited");
    assert_eq!(card.template.body, "Supply cut on {{1}} from {{2}}x");
    assert!(
        card.history
            .iter()
            .any(|e| e.note.contains("Version 2 edited")),
        "{:?}",
        card.history
    );
    let versions = session
        .store()
        .db()
        .template_versions(first.template.id)
        .unwrap();
    assert_eq!(
        versions[0].body, "Supply cut on {{1}}",
        "the old version is kept"
    );
    keys(&mut session, &config, "enter");

    keys(
        &mut session,
        &config,
        "n \"late_notice\" tab tab tab enter enter",
    );
    let rejected = session.app.state.templates.selected_card().unwrap().clone();
    assert_eq!(
        rejected.template.status,
        TemplateStatus::Rejected,
        "{rejected:?} {}",
        status(&session.app.state)
    );
    keys(
        &mut session,
        &config,
        "e \"Your bill {{1}} is ready\" enter",
    );
    let Some(ConsoleDialog::Review { card }) = session.app.state.dialog.clone() else {
        panic!("the resubmission's review shows at once")
    };
    assert_eq!(card.template.status, TemplateStatus::Approved);
    assert!(
        card.history
            .iter()
            .any(|e| e.note.contains("Version 2 resubmitted"))
    );
    keys(&mut session, &config, "enter");

    keys(&mut session, &config, "d");
    assert!(matches!(
        session.app.state.dialog,
        Some(ConsoleDialog::Delete { .. })
    ));
    let items = footer(&config.keymap, &session.app.state);
    assert_eq!(
        items,
        [
            FooterItem::Key("enter".into(), "delete it".into()),
            FooterItem::Key("esc".into(), "keep it".into())
        ]
    );
    keys(&mut session, &config, "esc");
    let kept = session.app.state.templates.selected_card().unwrap();
    assert_eq!(
        kept.template.status,
        TemplateStatus::Approved,
        "esc keeps it"
    );
    keys(&mut session, &config, "d enter");
    let gone = session.app.state.templates.selected_card().unwrap().clone();
    assert_eq!(gone.template.status, TemplateStatus::Deleted);
    assert!(status(&session.app.state).contains("Deleted 'late_notice'"));
    keys(&mut session, &config, "enter");
    assert_eq!(session.app.state.screen, ConsoleScreen::Templates);
    assert!(
        status(&session.app.state).contains("'late_notice' cannot be sent: deleted"),
        "{}",
        status(&session.app.state)
    );
    keys(&mut session, &config, "e");
    assert!(session.app.state.editor.is_none());
    assert!(status(&session.app.state).contains("cannot be edited: deleted"));
}

#[test]
fn a_paused_template_cannot_be_edited_out_of_its_pause() {
    let (mut session, config) = console("4h", None, (100, 30));
    keys(&mut session, &config, "j j e");
    assert!(session.app.state.editor.is_none());
    assert!(
        status(&session.app.state)
            .contains("'application_reminder' cannot be edited: paused until"),
        "{}",
        status(&session.app.state)
    );

    let (mut store, assets) = world("4h");
    let lender = business(&store, "QuickCash Loans");
    let paused = store
        .db()
        .template_named(lender, "application_reminder")
        .unwrap()
        .unwrap();
    let ended = paused.paused_until.unwrap() + Span::minutes(1);
    store.write(|tx| tx.set_clock(ended)).unwrap();
    let revision = parley::store::Revision {
        category: paused.requested_category,
        body: "Your application {{1}} is waiting for you.",
        allow_recategorise: false,
        resubmit: false,
    };
    let refused = store
        .write(|tx| tx.revise_template(paused.id, &revision, &assets.policy, ended))
        .unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("resumes at the platform's next review"),
        "an ended pause is not a way around its resumption: {refused}"
    );
}

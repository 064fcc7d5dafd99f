//! Every screen of the business console, drawn headless at 80x24 and 120x40 and compared
//! with reviewed snapshots (tests/snapshots), with the empty states, a paused template, a
//! refused broadcast and a business at Low quality under restrictions; then the demo.

mod support;

use parley::model::{BusinessKind, Counterpart, Timestamp};
use parley::store::NewBusiness;
use parley::tui::UiConfig;
use parley::tui::console::Action;
use parley::tui::console::source::{Audience, BroadcastPlan, ConsoleError, ConsoleSource};
use parley::tui::console::state::BroadcastStage;
use parley::tui::console::{StoreSession, StoreSource};
use support::console::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Snapshots the console after `advance`, acting as `business`, after `script`, at both sizes.
fn snap(name: &str, advance: &str, business: Option<&str>, script: &str) {
    for size in SIZES {
        let (mut session, config) = console(advance, business, size);
        keys(&mut session, &config, script);
        let screen = console_screen(&session, &config);
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), screen);
    }
}

#[test]
fn templates_with_a_paused_one() {
    snap("templates_paused", "4h", None, "j j");
}

#[test]
fn templates_empty() {
    for size in SIZES {
        let (mut store, assets) = world("0");
        let now = Timestamp::from_civil(2026, 11, 23, 8, 0);
        let new = NewBusiness {
            name: "Panadería Nueva",
            verified: false,
            kind: BusinessKind::Shop,
            budget: 100,
        };
        let id = store.write(|tx| tx.add_business(&new, now)).unwrap();
        let session =
            StoreSession::open(StoreSource::owned(store, assets), Some(id), size.0, size.1)
                .unwrap();
        let config = UiConfig::defaults(true);
        let name = format!("templates_empty_{}x{}", size.0, size.1);
        insta::assert_snapshot!(name, console_screen(&session, &config));
    }
}

#[test]
fn a_template_edited_and_deleted() {
    snap(
        "template_edit",
        "1d4h",
        Some("Luz Verde Energía"),
        "e \" Thank you.\"",
    );
    snap("template_delete", "1d4h", Some("Luz Verde Energía"), "d");
}

#[test]
fn template_editor_prompt_and_review() {
    snap(
        "template_editor",
        "1d4h",
        None,
        "n \"winter_deal\" tab right tab tab \"Winter deal: 20% off {{1}} until Sunday\"",
    );
    snap(
        "template_file_prompt",
        "1d4h",
        None,
        "f \"templates/winter.toml\"",
    );
    snap(
        "template_review",
        "1d4h",
        None,
        "n \"winter_deal\" tab right tab tab \"Winter deal: 20% off {{1}} until Sunday\" enter",
    );
}

#[test]
fn broadcast_form_and_dry_run() {
    snap(
        "broadcast_form",
        "0",
        Some("Moda Lola"),
        "2 tab \"Black Friday\"",
    );
    snap(
        "broadcast_dry_run",
        "0",
        Some("Moda Lola"),
        "2 tab \"Black Friday\" tab \"35%\" enter",
    );
}

#[test]
fn broadcast_refused_for_budget() {
    snap(
        "broadcast_refused",
        "1d4h",
        Some("Rutas Bus"),
        "2 right right tab \"Madrid\" tab \"Teruel and Cuenca\" enter",
    );
}

#[test]
fn a_refused_broadcast_shows_in_metrics_with_what_it_needed() {
    for size in SIZES {
        let (store, assets) = world("1d4h");
        let id = business(&store, "Rutas Bus");
        let template = store.db().template_named(id, "winter_routes").unwrap();
        let mut source = StoreSource::owned(store, assets);
        let plan = BroadcastPlan {
            business: id,
            template: template.expect("the bus line's marketing template").id,
            params: vec!["Madrid".into(), "Teruel and Cuenca".into()],
            audience: Audience::Subscribers,
        };
        let refused = source.start_broadcast(&plan);
        assert!(
            matches!(refused, Err(ConsoleError::Refused(_))),
            "{refused:?}"
        );
        let mut session = StoreSession::open(source, Some(id), size.0, size.1).unwrap();
        let config = UiConfig::defaults(true);
        keys(&mut session, &config, "3 j j j j j j");
        let screen = console_screen(&session, &config);
        assert!(
            screen.contains("2,500 cr, the budget held 2,000 cr"),
            "{screen}"
        );
        let name = format!("broadcast_refused_metrics_{}x{}", size.0, size.1);
        insta::assert_snapshot!(name, screen);
    }
}

#[test]
fn broadcast_sending_and_sent() {
    for size in SIZES {
        let (mut session, config) = console("0", Some("Moda Lola"), size);
        keys(
            &mut session,
            &config,
            "2 tab \"Black Friday\" tab \"35%\" enter",
        );
        session.update(Action::Confirm);
        session.tick();
        session.tick();
        assert!(matches!(
            session.app.state.compose.stage,
            BroadcastStage::Running(_)
        ));
        let name = format!("broadcast_sending_{}x{}", size.0, size.1);
        insta::assert_snapshot!(name, console_screen(&session, &config));
        while session.app.busy() {
            session.tick();
        }
        let name = format!("broadcast_sent_{}x{}", size.0, size.1);
        insta::assert_snapshot!(name, console_screen(&session, &config));
    }
}

#[test]
fn broadcast_sent_with_a_refund() {
    snap(
        "broadcast_sent_refund",
        "4h",
        Some("Rutas Bus"),
        "2 right tab \"RB-7731\" tab \"14:30\" tab \"Estación Sur\" tab right tab \"Alex, Ana G., Bruno G.\" enter y",
    );
}

#[test]
fn metrics() {
    snap("metrics_business", "1d4h", None, "3");
    snap("metrics_template", "1d4h", None, "3 j j");
    snap("metrics_broadcast", "3d", Some("Moda Lola"), "3 G");
    snap("metrics_empty", "0", Some("Paquexpress"), "3");
}

#[test]
fn standing() {
    snap("standing_low_restricted", "1d4h", None, "4");
    snap("standing_good", "1d4h", Some("Banco Claro"), "4");
}

/// Snapshots the console in Spanish after `advance`, acting as `business`, after `script`, at
/// `size`.
fn snap_es(name: &str, advance: &str, business: Option<&str>, script: &str, size: (u16, u16)) {
    let spanish = parley::i18n::Catalogues::embedded()
        .get("es")
        .expect("Spanish is shipped");
    parley::i18n::scoped(spanish, || {
        let (mut session, config) = console(advance, business, size);
        keys(&mut session, &config, script);
        let screen = console_screen(&session, &config);
        insta::assert_snapshot!(format!("{name}_es_{}x{}", size.0, size.1), screen);
    });
}

#[test]
fn standing_in_spanish() {
    for size in SIZES {
        snap_es("standing_low_restricted", "1d4h", None, "4", size);
    }
    snap_es("standing_good", "1d4h", Some("Banco Claro"), "4", (80, 24));
}

#[test]
fn metrics_and_templates_in_spanish() {
    snap_es("metrics_business", "1d4h", None, "3", (80, 24));
    snap_es(
        "metrics_broadcast",
        "3d",
        Some("Moda Lola"),
        "3 G",
        (80, 24),
    );
    snap_es("templates_paused", "4h", None, "j j", (80, 24));
    let dry_run = "2 tab \"Black Friday\" tab \"35%\" enter";
    snap_es(
        "broadcast_dry_run",
        "0",
        Some("Moda Lola"),
        dry_run,
        (80, 24),
    );
}

#[test]
fn switcher_and_help() {
    snap("business_switcher", "1d4h", None, "b");
    snap("console_help", "1d4h", None, "?");
}

#[test]
fn demo_side_by_side_and_flipped() {
    let (wide, config) = demo((160, 40));
    insta::assert_snapshot!("demo_160x40", demo_screen(&wide, &config));
    let (mut narrow, config) = demo((80, 24));
    insta::assert_snapshot!("demo_inbox_80x24", demo_screen(&narrow, &config));
    keys(&mut narrow, &config, "f2");
    insta::assert_snapshot!("demo_console_80x24", demo_screen(&narrow, &config));
}

#[test]
fn too_small_and_tiny_sizes_never_panic() {
    let (session, config) = console("1d4h", None, (39, 11));
    insta::assert_snapshot!("console_too_small_39x11", console_screen(&session, &config));
    for (w, h) in [
        (1, 1),
        (2, 2),
        (10, 3),
        (40, 12),
        (79, 24),
        (80, 12),
        (300, 5),
        (41, 100),
    ] {
        let (mut session, config) = console("1d4h", Some("Moda Lola"), (w, h));
        for script in [
            "",
            "j",
            "2 tab \"x\" tab \"y\" enter",
            "3",
            "4 j",
            "n",
            "f",
            "b",
            "?",
        ] {
            keys(&mut session, &config, script);
            let text = console_screen(&session, &config);
            assert_eq!(text.lines().count(), h as usize, "{w}x{h} after {script:?}");
            keys(&mut session, &config, "esc esc esc 1");
        }
        let (mut small, config) = demo((w, h));
        for script in ["", "f2", "f3", "f3", "f2 f3"] {
            keys(&mut small, &config, script);
            let text = demo_screen(&small, &config);
            assert_eq!(
                text.lines().count(),
                h as usize,
                "demo {w}x{h} after {script:?}"
            );
        }
    }
}

#[test]
fn conversations_listed_and_one_opened() {
    for size in SIZES {
        // Five minutes after Moda Lola's offer went out, the user asks about it.
        let (mut store, assets) = world("4h5m");
        let shop = business(&store, "Moda Lola");
        let me = store.db().me().unwrap().unwrap();
        let now = store.db().clock().unwrap().unwrap();
        let to = Counterpart::Business(shop);
        store
            .write(|tx| tx.reply(me, to, "Do you have the coat in blue?", now))
            .unwrap();
        let mut session = StoreSession::open(
            StoreSource::owned(store, assets),
            Some(shop),
            size.0,
            size.1,
        )
        .unwrap();
        let config = UiConfig::defaults(true);
        keys(&mut session, &config, "5");
        let name = format!("conversations_list_{}x{}", size.0, size.1);
        insta::assert_snapshot!(name, console_screen(&session, &config));
        keys(&mut session, &config, "enter");
        let name = format!("conversations_open_{}x{}", size.0, size.1);
        insta::assert_snapshot!(name, console_screen(&session, &config));
    }
}

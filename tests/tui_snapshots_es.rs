//! The inbox in Spanish, drawn headless at 80x24 and 120x40 and compared with snapshots a
//! Spanish reader reviewed: nothing overlaps or is cut at 80x24. Each test puts Spanish in
//! force on its own thread only, so the English tests beside it are not touched.

mod support;

use parley::i18n::{Catalogues, Requested, Started};
use parley::tui::{App, UiConfig};
use support::inbox::{demo, keys, open_chat, screen};

/// The demo inbox in Spanish, as `LANG=es_ES.UTF-8 parley` opens it, after `advance`.
fn demo_es(advance: &str, (width, height): (u16, u16)) -> (App, UiConfig) {
    let catalogues = Catalogues::embedded();
    parley::i18n::set_for_this_thread(catalogues.get("es").expect("Spanish is shipped"));
    let (mut app, config) = demo(advance, width, height);
    app.speak(&Started {
        catalogues,
        requested: Requested::Environment("es_ES.UTF-8".into()),
        unavailable: None,
        problems: Vec::new(),
    });
    (app, config)
}

/// Snapshots `script`'s screen at both sizes, named `name_es_WxH`.
fn snap_both(name: &str, advance: &str, script: impl Fn(&mut App, &UiConfig)) {
    for size in [(80, 24), (120, 40)] {
        let (mut app, config) = demo_es(advance, size);
        script(&mut app, &config);
        let shot = format!("{name}_es_{}x{}", size.0, size.1);
        insta::assert_snapshot!(shot, screen(&app, &config));
    }
}

#[test]
fn inbox() {
    snap_both("inbox", "1d4h", |_, _| {});
}

#[test]
fn business_chat_with_its_notice() {
    snap_both("business_chat", "1d4h", |app, config| {
        open_chat(app, config, "Rutas Bus")
    });
}

#[test]
fn why_on_a_delivered_message() {
    snap_both("why_delivered", "1d4h", |app, config| {
        open_chat(app, config, "Rutas Bus");
        keys(app, config, "w");
    });
}

#[test]
fn why_on_a_held_message() {
    snap_both("why_held", "3d", |app, config| keys(app, config, "6 w"));
}

#[test]
fn report_dialog() {
    snap_both("report", "1d4h", |app, config| {
        open_chat(app, config, "QuickCash Loans");
        keys(app, config, "esc !");
    });
}

#[test]
fn held_tab() {
    snap_both("held", "3d", |app, config| keys(app, config, "6"));
}

#[test]
fn settings() {
    snap_both("settings", "1d4h", |app, config| keys(app, config, ","));
}

#[test]
fn help() {
    snap_both("help", "0", |app, config| keys(app, config, "?"));
}

#[test]
fn plurals_in_the_status_bar_follow_spanish() {
    let (app, config) = demo_es("1d4h", (80, 24));
    let shown = screen(&app, &config);
    assert!(shown.contains("1 retenido "), "{shown}");
    assert!(shown.contains("sin leer en 8 chats"), "{shown}");
    assert!(shown.contains("mar 24 nov 12:00"), "{shown}");
}

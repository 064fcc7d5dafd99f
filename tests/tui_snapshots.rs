//! Every screen and dialog, drawn headless at fixed sizes and compared with reviewed
//! snapshots (tests/snapshots). NO_COLOR styling keeps them about text and layout.

mod support;

use parley::tui::inbox::state::Status;
use support::inbox::{demo, keys, open_chat, screen};

fn snap(name: &str, advance: &str, size: (u16, u16), script: &str) {
    let (mut app, config) = demo(advance, size.0, size.1);
    keys(&mut app, &config, script);
    insta::assert_snapshot!(name, screen(&app, &config));
}

#[test]
fn inbox_at_three_sizes() {
    snap("inbox_80x24", "1d4h", (80, 24), "");
    snap("inbox_120x40", "1d4h", (120, 40), "");
    snap("inbox_40x12", "1d4h", (40, 12), "");
}

#[test]
fn business_chat_at_three_sizes() {
    for (name, size) in [
        ("business_chat_80x24", (80, 24)),
        ("business_chat_120x40", (120, 40)),
        ("business_chat_40x12", (40, 12)),
    ] {
        let (mut app, config) = demo("1d4h", size.0, size.1);
        open_chat(&mut app, &config, "Rutas Bus");
        insta::assert_snapshot!(name, screen(&app, &config));
    }
}

#[test]
fn personal_chat_with_composer() {
    let (mut app, config) = demo("1d4h", 80, 24);
    open_chat(&mut app, &config, "Marta");
    keys(&mut app, &config, "r \"See you at the station!\"");
    insta::assert_snapshot!("personal_chat_composing_80x24", screen(&app, &config));
}

#[test]
fn offer_in_a_chat_with_feedback_hint() {
    let (mut app, config) = demo("1d4h", 80, 24);
    open_chat(&mut app, &config, "Moda Lola");
    insta::assert_snapshot!("offer_chat_80x24", screen(&app, &config));
}

#[test]
fn dialogs() {
    let (mut app, config) = demo("1d4h", 80, 24);
    open_chat(&mut app, &config, "QuickCash Loans");
    insta::assert_snapshot!("first_contact_80x24", screen(&app, &config));
    keys(&mut app, &config, "esc !");
    insta::assert_snapshot!("report_80x24", screen(&app, &config));
    keys(&mut app, &config, "esc b");
    insta::assert_snapshot!("block_80x24", screen(&app, &config));
    keys(&mut app, &config, "esc w");
    insta::assert_snapshot!("why_80x24", screen(&app, &config));
}

#[test]
fn held_tab() {
    snap("held_80x24", "3d", (80, 24), "6");
}

#[test]
fn full_screens() {
    snap(
        "profile_80x24",
        "1d4h",
        (80, 24),
        "/ \"QuickCash\" enter esc p",
    );
    snap("subscriptions_80x24", "1d4h", (80, 24), "S");
    snap("settings_80x24", "1d4h", (80, 24), ",");
    snap("help_80x24", "0", (80, 24), "?");
    snap("search_80x24", "1d4h", (80, 24), "/ \"ticket\"");
}

/// A server's copy that knows only the directory: no business has written yet.
fn directory_only(width: u16, height: u16) -> (parley::tui::App, parley::tui::UiConfig) {
    use parley::model::{BusinessId, BusinessKind, ListedBusiness, Timestamp};
    let mut store = parley::store::Store::open_in_memory().unwrap();
    parley::sync::prepare_mirror(&mut store).unwrap();
    let listed = [
        (1, "Tienda Sol", BusinessKind::Shop, true),
        (2, "Banco Claro", BusinessKind::Bank, true),
        (3, "Sol y Mar Viajes", BusinessKind::Transport, false),
        (4, "Paquexpress", BusinessKind::Delivery, true),
        (5, "SOLAR\u{1b}[31m Energía", BusinessKind::Energy, false),
    ]
    .map(|(id, name, kind, verified)| ListedBusiness {
        id: BusinessId(id),
        name: name.to_string(),
        kind,
        verified,
    });
    let assets = parley::world::Assets::built_in();
    let start = assets.world.start;
    store
        .write(|tx| {
            tx.set_clock(start)?;
            tx.mirror_directory(&listed, Timestamp(0))
        })
        .unwrap();
    let config = parley::tui::UiConfig::defaults(true);
    let app = parley::tui::App::open(store, assets, config.settings.clone(), width, height)
        .unwrap()
        .with_sync(std::sync::Arc::new(tokio::sync::Notify::new()));
    (app, config)
}

#[test]
fn subscriptions_with_directory_results() {
    let (mut app, config) = directory_only(80, 24);
    app.set_connection("online".to_string());
    keys(&mut app, &config, "S / \"sol\" enter");
    insta::assert_snapshot!("subscriptions_directory_80x24", screen(&app, &config));
}

#[test]
fn empty_states() {
    snap("empty_held_80x24", "0", (80, 24), "6");
    snap("empty_offers_80x24", "0", (80, 24), "5");
    snap("start_of_the_world_80x24", "0", (80, 24), "");
    snap("start_of_the_world_120x40", "0", (120, 40), "");
}

#[test]
fn error_banner() {
    let (mut app, config) = demo("1d4h", 80, 24);
    app.state.status = Some(Status {
        text: "/tmp/parley.db is damaged (database disk image is malformed). Parley stopped before changing anything.".into(),
        error: true,
    });
    insta::assert_snapshot!("error_banner_80x24", screen(&app, &config));
}

#[test]
fn too_small_and_tiny_sizes_never_panic() {
    snap("too_small_39x11", "1d4h", (39, 11), "");
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
        let (mut app, config) = demo("1d4h", w, h);
        for script in ["", "enter", "tab w", "esc 6", "S", "?", ",", "/ \"a\""] {
            keys(&mut app, &config, script);
            let text = screen(&app, &config);
            assert_eq!(text.lines().count(), h as usize, "{w}x{h} after {script:?}");
            keys(&mut app, &config, "esc esc");
        }
    }
}

#[test]
fn chat_scrolled_up_with_its_newer_marker() {
    let (mut app, config) = demo("1d4h", 80, 24);
    open_chat(&mut app, &config, "Marta");
    keys(
        &mut app,
        &config,
        "r \"one\" enter r \"two\" enter r \"three\" enter r \"four\" enter g",
    );
    insta::assert_snapshot!("chat_scrolled_up_80x24", screen(&app, &config));
}

#[test]
fn notices_screen_keeps_each_sentence_in_full() {
    let (mut app, config) = demo("1d4h", 80, 24);
    keys(&mut app, &config, "t s");
    insta::assert_snapshot!("status_cut_with_notices_key_80x24", screen(&app, &config));
    keys(&mut app, &config, "L");
    insta::assert_snapshot!("notices_80x24", screen(&app, &config));
}

#[test]
fn block_and_report_a_friend() {
    let (mut app, config) = demo("1d4h", 80, 24);
    open_chat(&mut app, &config, "Marta");
    keys(&mut app, &config, "!");
    insta::assert_snapshot!("person_report_80x24", screen(&app, &config));
    keys(&mut app, &config, "esc b");
    insta::assert_snapshot!("person_block_80x24", screen(&app, &config));
    keys(&mut app, &config, "enter");
    insta::assert_snapshot!("person_chat_blocked_80x24", screen(&app, &config));
}

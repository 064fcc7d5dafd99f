//! Writing and finding in the inbox, driven through the real keymap and drawn headless: the
//! multi-line composer and its readline keys, pastes, the `:` command line, and search that
//! ignores case and accents.

mod support;

use parley::model::text::fold;
use parley::tui::App;
use support::inbox::{demo, keys, open_chat, screen, status};

fn composer_text(app: &App) -> String {
    app.state
        .composer
        .as_ref()
        .map(|c| c.text())
        .unwrap_or_default()
}

#[test]
fn the_composer_takes_several_lines() {
    let (mut app, config) = demo("1d4h", 80, 24);
    open_chat(&mut app, &config, "Marta");
    keys(
        &mut app,
        &config,
        "r \"Running late, sorry!\" alt-enter \"Save me a seat\" ctrl-j \"at the front.\"",
    );
    assert_eq!(
        composer_text(&app),
        "Running late, sorry!\nSave me a seat\nat the front."
    );
    insta::assert_snapshot!("composer_three_lines_80x24", screen(&app, &config));
}

#[test]
fn readline_keys_edit_and_undo_brings_text_back() {
    let (mut app, config) = demo("1d4h", 80, 24);
    open_chat(&mut app, &config, "Marta");
    keys(&mut app, &config, "r \"see you at ten\" ctrl-w");
    assert_eq!(composer_text(&app), "see you at ");
    keys(&mut app, &config, "ctrl-a \"OK, \" ctrl-e \"nine\"");
    assert_eq!(composer_text(&app), "OK, see you at nine");
    keys(&mut app, &config, "alt-b alt-b ctrl-k");
    assert_eq!(composer_text(&app), "OK, see you ");
    keys(&mut app, &config, "ctrl-u");
    assert_eq!(composer_text(&app), "");
    keys(&mut app, &config, "ctrl-z");
    assert_eq!(composer_text(&app), "OK, see you ");
    keys(&mut app, &config, "ctrl-y");
    assert_eq!(composer_text(&app), "");
}

#[test]
fn pasted_and_typed_text_lose_controls_and_invisible_characters() {
    let (mut app, config) = demo("1d4h", 80, 24);
    open_chat(&mut app, &config, "Marta");
    keys(&mut app, &config, "r");
    app.paste("one\u{200D}\u{202E} line\u{1b}[2J\r\ntwo\u{7}");
    keys(&mut app, &config, "\"\u{200B}!\"");
    assert_eq!(composer_text(&app), "one line\ntwo!");
}

#[test]
fn a_message_over_the_limit_shows_the_count_and_is_not_sent() {
    let (mut app, config) = demo("1d4h", 80, 24);
    open_chat(&mut app, &config, "Marta");
    keys(&mut app, &config, "r");
    app.paste(&"a".repeat(4000));
    let shown = screen(&app, &config);
    assert!(shown.contains("4000 / 4096"), "{shown}");
    app.paste(&"b".repeat(100));
    keys(&mut app, &config, "enter");
    assert!(
        app.state.composer.is_some(),
        "the message stays to be shortened"
    );
    assert!(status(&app).contains("4100 characters"), "{}", status(&app));
}

#[test]
fn the_command_line_lists_and_completes_commands() {
    let (mut app, config) = demo("1d4h", 80, 24);
    keys(&mut app, &config, ": \"su\"");
    insta::assert_snapshot!("command_line_completions_80x24", screen(&app, &config));
    keys(&mut app, &config, "tab");
    let line = app
        .state
        .command
        .as_ref()
        .expect("the command line is open");
    assert_eq!(line.text(), "subscribe");
    keys(&mut app, &config, "tab");
    let line = app
        .state
        .command
        .as_ref()
        .expect("the command line is open");
    assert_eq!(line.text(), "subscriptions");
    keys(&mut app, &config, "enter");
    assert_eq!(
        app.state.screen,
        parley::tui::inbox::state::Screen::Subscriptions
    );
}

#[test]
fn command_names_run_their_action() {
    let (mut app, config) = demo("3d", 80, 24);
    keys(&mut app, &config, ": \"held\" enter");
    assert_eq!(app.state.tab, parley::tui::inbox::state::Tab::Held);
    keys(&mut app, &config, ": \"help\" enter");
    assert_eq!(app.state.screen, parley::tui::inbox::state::Screen::Help);
}

#[test]
fn a_command_with_a_business_acts_on_that_business() {
    let (mut app, config) = demo("1d4h", 80, 24);
    keys(&mut app, &config, ": \"subscribe moda\" enter");
    assert!(status(&app).contains("Moda Lola"), "{}", status(&app));
    keys(&mut app, &config, ": \"block quickcash\" enter");
    assert!(matches!(
        app.state.dialog,
        Some(parley::tui::inbox::state::Dialog::Block { ref name, .. }) if name == "QuickCash Loans"
    ));
}

#[test]
fn unknown_commands_and_names_get_a_sentence() {
    let (mut app, config) = demo("1d4h", 80, 24);
    keys(&mut app, &config, ": \"frobnicate\" enter");
    assert!(
        status(&app).contains("There is no command :frobnicate"),
        "{}",
        status(&app)
    );
    keys(&mut app, &config, ": \"block nobody-at-all\" enter");
    assert!(status(&app).contains("No business"), "{}", status(&app));
    keys(&mut app, &config, ": \"held now\" enter");
    assert!(
        status(&app).contains("takes nothing after it"),
        "{}",
        status(&app)
    );
}

#[test]
fn search_folds_case_and_accents_and_counts_hits() {
    let (mut app, config) = demo("3d", 80, 24);
    for query in ["lucia", "LUCÍA", "Lucía"] {
        keys(&mut app, &config, &format!("/ \"{query}\""));
        let search = app.state.search.as_ref().unwrap();
        assert!(
            search.hits.iter().any(|h| h.title.starts_with("Lucía")),
            "{query} should find Lucía"
        );
        keys(&mut app, &config, "esc");
    }
    keys(&mut app, &config, "/ \"energia\"");
    let search = app.state.search.as_ref().unwrap();
    assert!(search.hits.iter().any(|h| h.title == "Luz Verde Energía"));
    assert!(
        search
            .hits
            .iter()
            .filter(|h| h.message.is_some())
            .all(|h| fold(&h.text).contains("energia") || fold(&h.title).contains("energia")),
        "message hits contain the word"
    );
    insta::assert_snapshot!("search_folded_80x24", screen(&app, &config));
}

#[test]
fn the_users_own_messages_are_marked_you_in_search() {
    let (mut app, config) = demo("1d4h", 80, 24);
    open_chat(&mut app, &config, "Marta");
    keys(
        &mut app,
        &config,
        "r \"Meet at the kiosk\" enter esc / \"kiosk\"",
    );
    let search = app.state.search.as_ref().unwrap();
    assert!(
        search
            .hits
            .iter()
            .any(|h| h.mine && h.text == "Meet at the kiosk")
    );
    let shown = screen(&app, &config);
    assert!(shown.contains("Marta · You: Meet at the kiosk"), "{shown}");
}

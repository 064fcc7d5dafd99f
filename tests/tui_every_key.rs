//! No silent keys: in every mode of the inbox, every key the default keymap binds either
//! changes what is on screen or says in the status bar why it does nothing here.

mod support;

use parley::model::Span;
use parley::store::Store;
use parley::tui::inbox::Mode;
use parley::tui::kit::KeyMode;
use parley::tui::{App, UiConfig, UiState};
use parley::world::{self, Assets};
use std::path::Path;
use support::inbox::{keys, screen};
use tempfile::TempDir;

/// Where each mode is tried: the keys that reach it from the chat list of a demo inbox whose
/// clock ran three days. Lists start at their first row, the open chat at its newest message.
const PLACES: [(Mode, &str); 12] = [
    (Mode::Inbox, ""),
    (Mode::Chat, "/ \"Rutas Bus\" enter"),
    (
        Mode::Compose,
        "/ \"Marta\" enter r \"one two\" alt-enter \"three four\" alt-enter \"five six\" up left left",
    ),
    (Mode::Held, "6"),
    (Mode::Subscriptions, "S"),
    (Mode::Profile, "/ \"Rutas Bus\" enter p"),
    (Mode::Settings, ","),
    (Mode::Help, "? pagedown"),
    (
        Mode::Notices,
        "u u u u u u u u u u u u u u u u u u u u u u u u u u u u u u L j",
    ),
    (Mode::Search, "/ \"an\" down left"),
    (Mode::Dialog, "/ \"Rutas Bus\" enter ! j"),
    (Mode::Command, ": \"sub\" left"),
];

/// A demo world three days on, written once to a file that each try copies.
fn world_three_days_on(dir: &Path) -> std::path::PathBuf {
    let assets = Assets::built_in();
    let path = dir.join("base.db");
    let mut store = Store::open(&path).expect("the store opens");
    world::seed(&mut store, &assets).expect("the demo world seeds");
    world::advance(
        &mut store,
        &assets,
        assets.world.start + Span::days(3),
        |_| {},
    )
    .expect("the world advances");
    path
}

/// The inbox at `place`, on a fresh copy of the world.
fn inbox_at(base: &Path, copy: &Path, config: &UiConfig, place: &str) -> App {
    std::fs::copy(base, copy).expect("the world is copied");
    let store = Store::open(copy).expect("the copy opens");
    let mut app = App::open(store, Assets::built_in(), config.settings.clone(), 80, 24)
        .expect("the inbox opens");
    keys(&mut app, config, place);
    app
}

/// What a key may change: the screen, and the state behind it (a cursor, a request to
/// quit or to open `$EDITOR`), the status sentence aside.
fn seen(app: &App, config: &UiConfig) -> (String, UiState) {
    let mut state = app.state.clone();
    state.status = None;
    (screen(app, config), state)
}

#[test]
fn every_bound_key_in_every_mode_acts_or_says_why_not() {
    let dir = TempDir::new().unwrap();
    let base = world_three_days_on(dir.path());
    let config = UiConfig::defaults(true);
    let mut silent = Vec::new();
    for (mode, place) in PLACES {
        let copy = dir.path().join(format!("{}.db", mode.name()));
        let bindings = config.keymap.bindings(mode);
        assert!(!bindings.is_empty(), "{} binds no key", mode.name());
        for (key, action) in bindings {
            let mut app = inbox_at(&base, &copy, &config, place);
            assert_eq!(app.state.mode(), mode, "{place:?} reaches {}", mode.name());
            let before = seen(&app, &config);
            keys(&mut app, &config, &key);
            let said = app.state.status.is_some();
            if seen(&app, &config) == before && !said {
                silent.push(format!("{}: {key} ({action:?})", mode.name()));
            }
        }
    }
    assert!(
        silent.is_empty(),
        "keys that do nothing and say nothing:\n{}",
        silent.join("\n")
    );
}

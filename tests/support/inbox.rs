//! A demo inbox for tests: an in-memory store with the demo world, its clock moved forward,
//! driven through the real keymap and drawn with the real views.

use parley::model::Span;
use parley::store::Store;
use parley::tui::render::{buffer_text, parse_keys, press, render};
use parley::tui::{App, UiConfig};
use parley::world::{self, Assets};

/// The demo inbox after the world ran for `advance` (e.g. "1d4h"; "0" keeps the start).
pub fn demo(advance: &str, width: u16, height: u16) -> (App, UiConfig) {
    let assets = Assets::built_in();
    let mut store = Store::open_in_memory().expect("an in-memory store opens");
    world::seed(&mut store, &assets).expect("the demo world seeds");
    if advance != "0" {
        let span = Span::parse(advance).expect("a valid span");
        world::advance(&mut store, &assets, assets.world.start + span, |_| {})
            .expect("the world advances");
    }
    let config = UiConfig::defaults(true);
    let app =
        App::open(store, assets, config.settings.clone(), width, height).expect("the inbox opens");
    (app, config)
}

/// Presses keys written as in the keymap ("j j enter", "\"text\"" types text).
pub fn keys(app: &mut App, config: &UiConfig, script: &str) {
    let events = parse_keys(script).expect("a valid key script");
    press(app, &config.keymap, &events);
}

/// The screen as text.
pub fn screen(app: &App, config: &UiConfig) -> String {
    buffer_text(&render(app, &config.theme, &config.keymap))
}

/// Opens the chat whose name matches `name` through the search box.
pub fn open_chat(app: &mut App, config: &UiConfig, name: &str) {
    keys(app, config, &format!("/ \"{name}\" enter"));
    let open = app.state.chat.as_ref().map(|c| c.chat.title.clone());
    assert_eq!(
        open.as_deref(),
        Some(name),
        "search should open the chat with {name}"
    );
}

/// Gives the app a real-time clock the test moves: the returned cell holds its seconds.
pub fn movable_clock(app: &mut App) -> std::sync::Arc<std::sync::atomic::AtomicI64> {
    use std::sync::atomic::{AtomicI64, Ordering};
    let seconds = std::sync::Arc::new(AtomicI64::new(app.state.clock.0));
    let read = seconds.clone();
    app.set_real_clock(std::sync::Arc::new(move || {
        parley::model::Timestamp(read.load(Ordering::SeqCst))
    }));
    seconds
}

/// The status line's sentence now ("" when there is none).
pub fn status(app: &App) -> String {
    app.state
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

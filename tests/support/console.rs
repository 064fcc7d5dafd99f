//! The business console and the demo for tests: an in-memory demo world, its clock moved
//! forward, driven through the real keymap and drawn with the real views.

use parley::model::{BusinessId, Span};
use parley::store::Store;
use parley::tui::UiConfig;
use parley::tui::console::{StoreSession, StoreSource};
use parley::tui::demo::{DemoApp, fresh_world};
use parley::tui::kit::Program;
use parley::tui::render::{buffer_text, parse_keys, press, render};
use parley::world::{self, Assets};

/// The demo world after it ran for `advance` (e.g. "1d4h"; "0" keeps the start).
pub fn world(advance: &str) -> (Store, Assets) {
    let assets = Assets::built_in();
    let mut store = Store::open_in_memory().expect("an in-memory store opens");
    world::seed(&mut store, &assets).expect("the demo world seeds");
    if advance != "0" {
        let span = Span::parse(advance).expect("a valid span");
        world::advance(&mut store, &assets, assets.world.start + span, |_| {})
            .expect("the world advances");
    }
    (store, assets)
}

/// The id of the demo business with this name.
pub fn business(store: &Store, name: &str) -> BusinessId {
    store
        .db()
        .business_named(name)
        .expect("a query")
        .expect("a demo business")
        .id
}

/// The console on the demo world after `advance`, acting as `name` (`None`: the default).
pub fn console(advance: &str, name: Option<&str>, size: (u16, u16)) -> (StoreSession, UiConfig) {
    let (store, assets) = world(advance);
    let id = name.map(|n| business(&store, n));
    let session = StoreSession::open(StoreSource::owned(store, assets), id, size.0, size.1)
        .expect("the console opens");
    (session, UiConfig::defaults(true))
}

/// The demo on a fresh world (its clock at the demo's start).
pub fn demo(size: (u16, u16)) -> (DemoApp, UiConfig) {
    let assets = Assets::built_in();
    let store = fresh_world(&assets).expect("the demo world");
    let config = UiConfig::defaults(true);
    let demo = DemoApp::open(store, assets, config.settings.clone(), size.0, size.1)
        .expect("the demo opens");
    (demo, config)
}

/// Presses keys written as in the keymap; a broadcast a key starts runs to its end.
pub fn keys<P: Program>(program: &mut P, config: &UiConfig, script: &str) {
    let events = parse_keys(script).expect("a valid key script");
    press(program, &config.keymap, &events);
}

/// The console's screen as text.
pub fn console_screen(session: &StoreSession, config: &UiConfig) -> String {
    buffer_text(&render(session, &config.theme, &config.keymap))
}

/// The demo's screen as text.
pub fn demo_screen(demo: &DemoApp, config: &UiConfig) -> String {
    buffer_text(&render(demo, &config.theme, &config.keymap))
}

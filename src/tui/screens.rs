//! `parley render`: one named screen of a scripted session on a fresh demo world, as text.

use super::UiConfig;
use super::console::{Session, StoreSource};
use super::demo::DemoApp;
use super::inbox::App;
use super::kit::Program;
use super::kit::render::{buffer_text, parse_keys, press, render};
use crate::i18n::Started;
use crate::model::Span;
use crate::store::Store;
use crate::world::{self, Assets};
use crossterm::event::KeyEvent;

/// The keys that reach a named screen from a fresh start, for `parley render --screen`. The
/// scripts name a business by its key in world.toml, so a translated world works too.
pub fn screen_script(name: &str, assets: &Assets) -> Option<String> {
    let open = |key: &str, then: &[&str]| {
        let business = assets
            .world
            .def
            .businesses
            .iter()
            .find(|b| b.key == key)
            .map_or(key, |b| b.name.as_str());
        format!("/ \"{business}\" {}", then.join(" "))
    };
    Some(match name {
        "inbox" | "console-templates" | "demo" => String::new(),
        "chat" => open("rutas", &["enter"]),
        "first-contact" => open("quickcash", &["enter"]),
        "held" => "6".into(),
        "why" => open("rutas", &["enter", "w"]),
        "report" => open("quickcash", &["enter", "esc", "!"]),
        "block" => open("quickcash", &["enter", "esc", "b"]),
        "profile" => open("quickcash", &["enter", "esc", "p"]),
        "subscriptions" => "S".into(),
        "settings" => ",".into(),
        "help" => "?".into(),
        "search" => format!("/ \"{}\"", "ticket"),
        "console-compose" => "2".into(),
        "console-metrics" => "3".into(),
        "console-standing" => "4".into(),
        _ => return None,
    })
}

/// The screen names `parley render` knows.
pub const SCREENS: [&str; 17] = [
    "inbox",
    "chat",
    "first-contact",
    "held",
    "why",
    "report",
    "block",
    "profile",
    "subscriptions",
    "settings",
    "help",
    "search",
    "console-templates",
    "console-compose",
    "console-metrics",
    "console-standing",
    "demo",
];

/// `parley render`: one named screen of a scripted session on a fresh demo world whose clock
/// moved by `advance` ("0" keeps the start), after `keys`, as text, in the language chosen
/// at start.
pub fn named_screen(
    assets: Assets,
    (config, started): (&UiConfig, &Started),
    screen: &str,
    (width, height): (u16, u16),
    keys: &str,
    advance: &str,
) -> Result<String, String> {
    let script = screen_script(screen, &assets).ok_or_else(|| {
        tr!(
            "kit-render-unknown-screen",
            screen = screen,
            screens = SCREENS.join(", ")
        )
    })?;
    let keys = parse_keys(&format!("{script} {keys}"))?;
    let mut store = Store::open_in_memory().map_err(|e| e.to_string())?;
    world::seed(&mut store, &assets).map_err(|e| e.to_string())?;
    if advance != "0" {
        let span =
            Span::parse(advance).ok_or_else(|| tr!("kit-render-not-a-span", advance = advance))?;
        world::advance(&mut store, &assets, assets.world.start + span, |_| {})
            .map_err(|e| e.to_string())?;
    }
    if screen == "demo" {
        let demo = DemoApp::open(store, assets, config.settings.clone(), width, height);
        return Ok(scripted(demo.map_err(|e| e.to_string())?, config, &keys));
    }
    if screen.starts_with("console-") {
        let session = Session::open(StoreSource::owned(store, assets), None, width, height);
        return Ok(scripted(session.map_err(|e| e.to_string())?, config, &keys));
    }
    let mut app = App::open(store, assets, config.settings.clone(), width, height)
        .map_err(|e| e.to_string())?;
    app.speak(started);
    app.state.status = None;
    Ok(scripted(app, config, &keys))
}

/// A program after a script of keys, drawn as text.
fn scripted<P: Program>(mut program: P, config: &UiConfig, keys: &[KeyEvent]) -> String {
    press(&mut program, &config.keymap, keys);
    buffer_text(&render(&program, &config.theme, &config.keymap))
}

//! `parley render`: one named screen of a scripted session on a fresh demo world, as text.

use super::UiConfig;
use super::console::{Session, StoreSource};
use super::demo::DemoApp;
use super::inbox::App;
use super::kit::Program;
use super::kit::render::{buffer_text, parse_keys, press, render};
use crate::model::Span;
use crate::store::Store;
use crate::world::{self, Assets};
use crossterm::event::KeyEvent;

/// The keys that reach a named screen from a fresh start, for `parley render --screen`.
pub fn screen_script(name: &str) -> Option<&'static str> {
    Some(match name {
        "inbox" => "",
        "chat" => "/ \"Rutas Bus\" enter",
        "first-contact" => "/ \"QuickCash\" enter",
        "held" => "6",
        "why" => "/ \"Rutas Bus\" enter w",
        "report" => "/ \"QuickCash\" enter esc !",
        "block" => "/ \"QuickCash\" enter esc b",
        "profile" => "/ \"QuickCash\" enter esc p",
        "subscriptions" => "S",
        "settings" => ",",
        "help" => "?",
        "search" => "/ \"ticket\"",
        "console-templates" => "",
        "console-compose" => "2",
        "console-metrics" => "3",
        "console-standing" => "4",
        "demo" => "",
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
/// moved by `advance` ("0" keeps the start), after `keys`, as text.
pub fn named_screen(
    assets: Assets,
    config: &UiConfig,
    screen: &str,
    (width, height): (u16, u16),
    keys: &str,
    advance: &str,
) -> Result<String, String> {
    let script = screen_script(screen).ok_or_else(|| {
        format!(
            "unknown screen `{screen}`; screens are {}",
            SCREENS.join(", ")
        )
    })?;
    let keys = parse_keys(&format!("{script} {keys}"))?;
    let mut store = Store::open_in_memory().map_err(|e| e.to_string())?;
    world::seed(&mut store, &assets).map_err(|e| e.to_string())?;
    if advance != "0" {
        let span = Span::parse(advance)
            .ok_or_else(|| format!("`{advance}` is not a span of time; write it like 1d4h"))?;
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
    let app = App::open(store, assets, config.settings.clone(), width, height);
    Ok(scripted(app.map_err(|e| e.to_string())?, config, &keys))
}

/// A program after a script of keys, drawn as text.
fn scripted<P: Program>(mut program: P, config: &UiConfig, keys: &[KeyEvent]) -> String {
    press(&mut program, &config.keymap, keys);
    buffer_text(&render(&program, &config.theme, &config.keymap))
}

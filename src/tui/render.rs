//! Headless rendering: one screen of a scripted session as text, for tests, docs and
//! `parley render`.

use super::console::runtime::Program;
use super::console::{ConsoleSession, DemoApp};
use super::keymap::Keymap;
use super::theme::Theme;
use super::{App, UiConfig, views};
use crate::model::Span;
use crate::store::Store;
use crate::world::{self, Assets};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// Draws the app's current state into a buffer of the app's size.
pub fn render(app: &App, theme: &Theme, keymap: &Keymap) -> Buffer {
    let (w, h) = (app.state.width.max(1), app.state.height.max(1));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test backend never fails");
    terminal
        .draw(|frame| views::draw(frame, &app.state, theme, keymap))
        .expect("a test backend never fails");
    terminal.backend().buffer().clone()
}

/// The buffer as lines of text, trailing spaces removed.
pub fn buffer_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Parses a script of keys: space-separated key names as in the keymap ("j j enter"),
/// with `"text"` typing each character of the text.
pub fn parse_keys(script: &str) -> Result<Vec<KeyEvent>, String> {
    let mut keys = Vec::new();
    let mut rest = script.trim();
    while !rest.is_empty() {
        if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted
                .find('"')
                .ok_or("a quoted text in --keys is not closed")?;
            keys.extend(
                quoted[..end]
                    .chars()
                    .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            );
            rest = quoted[end + 1..].trim_start();
            continue;
        }
        let (word, tail) = rest.split_once(' ').unwrap_or((rest, ""));
        keys.push(key_event(word).ok_or_else(|| {
            format!("`{word}` is not a key (see the key names in assets/keymap.toml)")
        })?);
        rest = tail.trim_start();
    }
    Ok(keys)
}

fn key_event(word: &str) -> Option<KeyEvent> {
    super::keymap::Key::parse(word)?;
    let mut mods = KeyModifiers::NONE;
    let (ctrl, rest) = word
        .strip_prefix("ctrl-")
        .map_or((false, word), |r| (true, r));
    if ctrl {
        mods |= KeyModifiers::CONTROL;
    }
    let code = match rest {
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "backspace" => KeyCode::Backspace,
        "delete" => KeyCode::Delete,
        other if other.chars().count() == 1 => KeyCode::Char(other.chars().next()?),
        other => KeyCode::F(other.strip_prefix('f')?.parse().ok()?),
    };
    Some(KeyEvent::new(code, mods))
}

/// Feeds keys to the app through the keymap, as the terminal would.
pub fn press(app: &mut App, keymap: &Keymap, keys: &[KeyEvent]) {
    for key in keys {
        if let Some(action) = keymap.action(app.state.mode(), key) {
            app.update(action);
        }
    }
}

/// Runs a scripted session and returns the screen as text.
pub fn scripted_screen(app: &mut App, config: &UiConfig, keys: &[KeyEvent]) -> String {
    press(app, &config.keymap, keys);
    buffer_text(&render(app, &config.theme, &config.keymap))
}

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

/// Feeds keys to a console or demo through the keymap, running any broadcast a key starts to
/// its end (headless, there is no one to watch the progress).
pub fn press_program<P: Program>(program: &mut P, keymap: &Keymap, keys: &[KeyEvent]) {
    for key in keys {
        program.key(keymap, key);
        while program.busy() {
            program.tick();
        }
    }
}

/// Draws a console or demo into a buffer of `width` x `height`.
pub fn render_program<P: Program>(
    program: &P,
    theme: &Theme,
    keymap: &Keymap,
    width: u16,
    height: u16,
) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width.max(1), height.max(1)))
        .expect("a test backend never fails");
    let view = program.view();
    terminal
        .draw(|frame| P::draw(frame, &view, theme, keymap))
        .expect("a test backend never fails");
    terminal.backend().buffer().clone()
}

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
    let (theme, keymap) = (&config.theme, &config.keymap);
    if screen == "demo" {
        let mut demo = DemoApp::open(store, assets, config.settings.clone(), width, height)
            .map_err(|e| e.to_string())?;
        press_program(&mut demo, keymap, &keys);
        return Ok(buffer_text(&render_program(
            &demo, theme, keymap, width, height,
        )));
    }
    if screen.starts_with("console-") {
        let mut console =
            ConsoleSession::open(store, assets, None, width, height).map_err(|e| e.to_string())?;
        press_program(&mut console, keymap, &keys);
        return Ok(buffer_text(&render_program(
            &console, theme, keymap, width, height,
        )));
    }
    let mut app = App::open(store, assets, config.settings.clone(), width, height)
        .map_err(|e| e.to_string())?;
    Ok(scripted_screen(&mut app, config, &keys))
}

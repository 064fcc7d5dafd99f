//! Headless rendering: one screen of a scripted session as text, for tests, docs and
//! `parley render`.

use super::keymap::Keymap;
use super::theme::Theme;
use super::{App, UiConfig, views};
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
        _ => return None,
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
        _ => return None,
    })
}

/// The screen names `parley render` knows.
pub const SCREENS: [&str; 12] = [
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
];

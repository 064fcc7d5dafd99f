//! Headless rendering: any program's screen into a buffer, as text, driven by a script of
//! keys; for tests, benchmarks, docs and `parley render`.

use super::keymap::Keymap;
use super::runtime::Program;
use super::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// Draws a program as it is now into a buffer of its size.
pub fn render<P: Program>(program: &P, theme: &Theme, keymap: &Keymap) -> Buffer {
    let (width, height) = program.size();
    let mut terminal = Terminal::new(TestBackend::new(width.max(1), height.max(1)))
        .expect("a test backend never fails");
    terminal
        .draw(|frame| program.draw_now(frame, theme, keymap))
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
                .ok_or_else(|| tr!("kit-render-quote-not-closed"))?;
            keys.extend(
                quoted[..end]
                    .chars()
                    .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            );
            rest = quoted[end + 1..].trim_start();
            continue;
        }
        let (word, tail) = rest.split_once(' ').unwrap_or((rest, ""));
        keys.push(key_event(word).ok_or_else(|| tr!("kit-render-not-a-key", word = word))?);
        rest = tail.trim_start();
    }
    Ok(keys)
}

fn key_event(word: &str) -> Option<KeyEvent> {
    super::key::Key::parse(word)?;
    let mut mods = KeyModifiers::NONE;
    let mut rest = word;
    loop {
        if let Some(r) = rest.strip_prefix("ctrl-") {
            (mods, rest) = (mods | KeyModifiers::CONTROL, r);
        } else if let Some(r) = rest.strip_prefix("alt-") {
            (mods, rest) = (mods | KeyModifiers::ALT, r);
        } else if let Some(r) = rest.strip_prefix("shift-") {
            (mods, rest) = (mods | KeyModifiers::SHIFT, r);
        } else {
            break;
        }
    }
    let code = match rest {
        "tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
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

/// Feeds keys to a program through the keymap, as the terminal would, running any work a key
/// starts (a broadcast) to its end: headless, there is no one to watch the progress.
pub fn press<P: Program>(program: &mut P, keymap: &Keymap, keys: &[KeyEvent]) {
    for key in keys {
        program.key(keymap, key);
        while program.busy() {
            program.tick();
        }
    }
}

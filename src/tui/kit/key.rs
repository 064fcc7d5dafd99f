//! One key with its modifiers, as the keymap writes it ("j", "ctrl-c", "pagedown") and as
//! the terminal reports it.

use crate::model::text;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    code: KeyCodeOrd,
    ctrl: bool,
    alt: bool,
    /// Shift with a named key ("shift-enter"); a shifted character is its own character.
    shift: bool,
}

/// `KeyCode` made orderable for the maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum KeyCodeOrd {
    Char(char),
    Named(u8),
    F(u8),
}

const NAMES: [(&str, KeyCode); 15] = [
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("space", KeyCode::Char(' ')),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
];

impl Key {
    /// Parses "j", "G", "ctrl-c", "shift-tab", "pagedown", "f1".
    pub fn parse(text: &str) -> Option<Key> {
        let mut rest = text;
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-") {
                (ctrl, rest) = (true, r);
            } else if let Some(r) = rest.strip_prefix("alt-") {
                (alt, rest) = (true, r);
            } else if let Some(r) = rest.strip_prefix("shift-") {
                (shift, rest) = (true, r);
            } else {
                break;
            }
        }
        let code = match rest {
            "tab" if shift => KeyCode::BackTab,
            _ if rest.chars().count() == 1 => KeyCode::Char(rest.chars().next()?),
            _ => match NAMES.iter().find(|(n, _)| *n == rest) {
                Some((_, code)) => *code,
                None => KeyCode::F(
                    rest.strip_prefix('f')?
                        .parse()
                        .ok()
                        .filter(|n| (1..=12).contains(n))?,
                ),
            },
        };
        Key::from_code(code, ctrl, alt, shift)
    }

    fn from_code(code: KeyCode, ctrl: bool, alt: bool, shift: bool) -> Option<Key> {
        let shift = shift && !matches!(code, KeyCode::Char(_) | KeyCode::BackTab);
        let code = match code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            other => KeyCodeOrd::Named(NAMES.iter().position(|(_, c)| *c == other)? as u8),
        };
        Some(Key {
            code,
            ctrl,
            alt,
            shift,
        })
    }

    /// The key of a terminal event.
    pub fn from_event(event: &KeyEvent) -> Option<Key> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        let shift = event.modifiers.contains(KeyModifiers::SHIFT);
        Key::from_code(event.code, ctrl, alt, shift)
    }

    /// The character typed, when this key is plain text that survives cleaning (no control,
    /// bidi or invisible character is ever typed in).
    pub fn text(&self) -> Option<char> {
        match self.code {
            KeyCodeOrd::Char(c) if !self.ctrl && !self.alt && text::is_typeable(c) => Some(c),
            _ => None,
        }
    }

    /// How the key is written in help: "j", "ctrl-c", "enter".
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCodeOrd::Char(' ') => "space".to_string(),
            KeyCodeOrd::Char(c) => c.to_string(),
            KeyCodeOrd::Named(i) => NAMES[i as usize].0.to_string(),
            KeyCodeOrd::F(n) => format!("f{n}"),
        };
        format!(
            "{}{}{}{base}",
            if self.ctrl { "ctrl-" } else { "" },
            if self.alt { "alt-" } else { "" },
            if self.shift { "shift-" } else { "" }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_written_as_in_the_keymap() {
        assert_eq!(Key::parse("ctrl-c").unwrap().label(), "ctrl-c");
        assert_eq!(Key::parse("shift-tab").unwrap().label(), "backtab");
        assert_eq!(Key::parse("shift-enter").unwrap().label(), "shift-enter");
        assert_ne!(Key::parse("shift-enter"), Key::parse("enter"));
    }

    #[test]
    fn shift_counts_with_named_keys_only() {
        let event = |code, mods| Key::from_event(&KeyEvent::new(code, mods));
        assert_eq!(
            event(KeyCode::Enter, KeyModifiers::SHIFT),
            Key::parse("shift-enter")
        );
        assert_eq!(
            event(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Key::parse("G")
        );
        assert_eq!(
            event(KeyCode::BackTab, KeyModifiers::SHIFT),
            Key::parse("backtab")
        );
    }
}

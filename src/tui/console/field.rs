//! A one-line text field: what is typed, and where the cursor is.

use crate::tui::console::Action;

/// Typed text with a cursor, counted in characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    pub text: String,
    pub cursor: usize,
}

impl TextField {
    /// Applies an editing action; returns whether it was one. Control characters are never
    /// typed in.
    pub fn edit(&mut self, action: &Action) -> bool {
        match action {
            Action::Insert(c) if !c.is_control() => {
                let at = self.byte_index();
                self.text.insert(at, *c);
                self.cursor += 1;
            }
            Action::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte_index();
                self.text.remove(at);
            }
            Action::CursorLeft => self.cursor = self.cursor.saturating_sub(1),
            Action::CursorRight => self.cursor = (self.cursor + 1).min(self.text.chars().count()),
            Action::Insert(_) | Action::Backspace => {}
            _ => return false,
        }
        true
    }

    /// The text, trimmed.
    pub fn value(&self) -> &str {
        self.text.trim()
    }

    fn byte_index(&self) -> usize {
        self.text
            .char_indices()
            .nth(self.cursor)
            .map_or(self.text.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_moves_the_cursor_and_skips_control_characters() {
        let mut f = TextField::default();
        for c in ['h', 'é', '\u{1b}', 'y'] {
            f.edit(&Action::Insert(c));
        }
        assert_eq!(f.text, "héy");
        f.edit(&Action::CursorLeft);
        f.edit(&Action::Backspace);
        assert_eq!((f.text.as_str(), f.cursor), ("hy", 1));
        assert!(!f.edit(&Action::Confirm));
    }
}

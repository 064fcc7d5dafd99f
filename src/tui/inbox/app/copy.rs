//! `y` in a chat: the selected message goes to the terminal's clipboard, or only the code of
//! an authentication message. The app only says what to copy; the runtime writes it.

use super::super::state::MessageRow;
use super::App;
use crate::model::Category;

impl App {
    /// Copies the selected message, or its code, unless copying is off in Settings.
    pub(super) fn copy_selected(&mut self) {
        if !self.state.settings.copy {
            self.info(tr!("inbox-copy-off"));
            return;
        }
        let Some(row) = self.state.chat.as_ref().and_then(|c| c.selected_message()) else {
            self.info(tr!("inbox-copy-nothing-selected"));
            return;
        };
        let (text, said) = match code_of(row) {
            Some(code) => (code.clone(), tr!("inbox-copy-code", code = code.as_str())),
            None => {
                let text = row.message.body.clone();
                let said = tr!("inbox-copy-message", count = text.chars().count());
                (text, said)
            }
        };
        let next = self.state.clipboard.as_ref().map_or(1, |(id, _)| id + 1);
        self.state.clipboard = Some((next, text));
        self.info(said);
    }
}

/// The code in an authentication message, without the spaces that group its digits: the
/// value of the template's first placeholder, or else the first run of digits.
fn code_of(row: &MessageRow) -> Option<String> {
    if row.message.category != Some(Category::Authentication) {
        return None;
    }
    let body = &row.message.body;
    let value = row
        .template
        .as_ref()
        .and_then(|t| t.value_in(body, 1))
        .unwrap_or_else(|| first_digits(body));
    let code: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    (!code.is_empty()).then_some(code)
}

/// The first run of digits in `text`, spaces and hyphens between digits included.
fn first_digits(text: &str) -> String {
    let Some(start) = text.find(|c: char| c.is_ascii_digit()) else {
        return String::new();
    };
    let run: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ' ' || *c == '-')
        .collect();
    run.trim_end_matches([' ', '-']).replace('-', "")
}

#[cfg(test)]
mod tests {
    use super::first_digits;

    #[test]
    fn digits_are_read_with_their_group_spaces() {
        assert_eq!(first_digits("Use 482 913 to log in"), "482 913");
        assert_eq!(first_digits("Code: 12-34. Thanks"), "1234");
        assert_eq!(first_digits("no code"), "");
    }
}

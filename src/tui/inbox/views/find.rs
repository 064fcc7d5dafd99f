//! The find line under an open chat: the query as it is typed, then which hit is in view.

use super::super::state::{ChatFind, UiState};
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The prompt before the query as it is typed.
fn prompt() -> String {
    format!("{} ", tr!("inbox-find-prompt"))
}

/// The find of the chat on screen, if it has one and the composer is closed.
pub fn shown(state: &UiState) -> Option<&ChatFind> {
    let open = state.chat.as_ref()?.chat.id;
    state
        .find
        .as_ref()
        .filter(|f| f.chat == open && state.composer.is_none())
}

/// Draws the find line in `area` (one row).
pub fn draw(frame: &mut Frame, find: &ChatFind, theme: &Theme, area: Rect) {
    if area.height == 0 {
        return;
    }
    let cells = usize::from(area.width);
    let line = if find.typing {
        Line::from(vec![
            Span::styled(prompt(), theme.get("key")),
            Span::raw(find.query.clone()),
        ])
    } else {
        Line::from(vec![
            Span::styled("/ ", theme.get("key")),
            Span::styled(
                truncate(find.query.trim(), cells / 2),
                theme.get("highlight"),
            ),
            Span::styled(format!(" · {}", find.summary()), theme.get("dim")),
        ])
    };
    frame.render_widget(Paragraph::new(line), area);
    if find.typing {
        let typed: String = find.query.chars().take(find.cursor).collect();
        let x = (width(&prompt()) + width(&typed)).min(cells.saturating_sub(1)) as u16;
        frame.set_cursor_position((area.x + x, area.y));
    }
}

//! The notices screen: the last status sentences in full, newest first, with their times.

use super::super::state::UiState;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{draw_hint, when_exact, width, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the notices screen.
pub fn draw(frame: &mut Frame, state: &UiState, theme: &Theme, area: Rect) {
    if state.notices.is_empty() {
        draw_hint(frame, &tr!("inbox-notices-empty"), theme, area);
        return;
    }
    let cells = usize::from(area.width);
    let mut lines = Vec::new();
    for notice in state.notices.iter().rev() {
        let when = format!(" {} ", when_exact(notice.at, state.clock));
        let mark = if notice.status.error { "✗ " } else { "" };
        let indent = width(&when);
        let style = theme.get(if notice.status.error {
            "rejected"
        } else {
            "text"
        });
        let text = format!("{mark}{}", notice.status.text);
        for (i, part) in wrap(&text, cells.saturating_sub(indent + 1))
            .into_iter()
            .enumerate()
        {
            let lead = match i {
                0 => Span::styled(when.clone(), theme.get("dim")),
                _ => Span::raw(" ".repeat(indent)),
            };
            lines.push(Line::from(vec![lead, Span::styled(part, style)]));
        }
    }
    let scroll = usize::from(state.notices_scroll).min(lines.len().saturating_sub(1));
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(area.height))
        .collect();
    frame.render_widget(Paragraph::new(shown), area);
}

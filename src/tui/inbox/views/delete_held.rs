//! The confirmation before deleting every held message from one business: how many, and
//! that the delete can be undone for a moment.

use super::super::state::Dialog;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{dialog_width, draw_dialog, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draws the "delete all from this business" dialog.
pub fn draw(frame: &mut Frame, dialog: &Dialog, theme: &Theme, area: Rect) {
    let Dialog::DeleteHeld { name, count, .. } = dialog else {
        return;
    };
    let cells = dialog_width(area, 56);
    let explain = tr!("inbox-delete-held-explained", count = *count, name = name);
    let mut lines: Vec<Line> = wrap(&explain, cells)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.get("notice"))))
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        tr!("inbox-delete-held-keys"),
        theme.get("dim"),
    )));
    let title = format!(" {} ", tr!("inbox-delete-held-title", count = *count));
    draw_dialog(frame, area, 56, title, lines, theme);
}

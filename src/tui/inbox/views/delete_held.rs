//! The confirmation before deleting every held message from one business: how many, and
//! that the delete can be undone for a moment.

use super::super::state::Dialog;
use crate::model::plural;
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
    let what = plural(*count, "held message", "held messages");
    let explain = format!(
        "Delete {what} from {name}? They leave Held for good; its next messages still go \
         through your rules. You can undo for a few seconds."
    );
    let mut lines: Vec<Line> = wrap(&explain, cells)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.get("notice"))))
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        "Enter delete · Esc keep them",
        theme.get("dim"),
    )));
    draw_dialog(frame, area, 56, format!(" Delete {what}? "), lines, theme);
}

//! Why? on a message: the decision, the rule and the sentence behind it.

use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{dialog_width, draw_dialog, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draws the Why? dialog.
pub fn draw(
    frame: &mut Frame,
    title: &str,
    fields: &[(String, String)],
    theme: &Theme,
    area: Rect,
) {
    let cells = dialog_width(area, 72).saturating_sub(15);
    let mut lines = Vec::new();
    for (label, value) in fields {
        for (i, part) in wrap(value, cells).into_iter().enumerate() {
            let head = if i == 0 {
                format!("{label:<14} ")
            } else {
                " ".repeat(15)
            };
            let style = match (label.as_str(), value.as_str()) {
                ("Outcome", "Delivered") => theme.get("delivered"),
                ("Outcome", "Held") => theme.get("held"),
                ("Outcome", "Rejected") => theme.get("rejected"),
                ("Rule", _) => theme.get("key"),
                _ => theme.get("text"),
            };
            lines.push(Line::from(vec![
                Span::styled(head, theme.get("dim")),
                Span::styled(part, style),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled("Esc close", theme.get("dim"))));
    draw_dialog(frame, area, 72, format!(" {title} "), lines, theme);
}

//! The block confirmation: what blocking does, and the reason the user picks.

use super::super::state::Dialog;
use crate::model::Counterpart;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{dialog_width, draw_dialog, radio, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draws the block dialog.
pub fn draw(frame: &mut Frame, dialog: &Dialog, theme: &Theme, area: Rect) {
    let Dialog::Block { who, name, reasons } = dialog else {
        return;
    };
    let person = matches!(who, Counterpart::Contact(_));
    let cells = dialog_width(area, 64);
    let explain = if person {
        format!(
            "{name}'s messages will no longer reach you: what they send from now on is not kept. \
             {name} is not told. You can unblock them at any time."
        )
    } else {
        format!(
            "Nothing {name} sends will reach you: not offers, not updates, not codes. \
             Its attempts are only logged, without their text. You can unblock it at any time."
        )
    };
    let mut lines: Vec<Line> = wrap(&explain, cells)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.get("notice"))))
        .collect();
    lines.push(Line::raw(""));
    let question = if person {
        "Why are you blocking them?"
    } else {
        "Why are you blocking it?"
    };
    lines.push(Line::from(Span::styled(question, theme.get("title"))));
    lines.extend(radio(
        reasons.options.iter().map(|r| match person {
            true => r.person_label(),
            false => r.label(),
        }),
        reasons.selected,
        theme,
    ));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        "Enter block · Esc cancel",
        theme.get("dim"),
    )));
    draw_dialog(frame, area, 64, format!(" Block {name}? "), lines, theme);
}

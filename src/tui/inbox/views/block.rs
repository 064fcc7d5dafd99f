//! The block confirmation: what blocking does, and the reason the user picks.

use super::super::state::Dialog;
use crate::i18n::Label;
use crate::i18n::labels::person_block_reason;
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
        tr!("inbox-block-person-explained", name = name)
    } else {
        tr!("inbox-block-business-explained", name = name)
    };
    let mut lines: Vec<Line> = wrap(&explain, cells)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.get("notice"))))
        .collect();
    lines.push(Line::raw(""));
    let question = if person {
        tr!("inbox-block-why-person")
    } else {
        tr!("inbox-block-why-business")
    };
    lines.push(Line::from(Span::styled(question, theme.get("title"))));
    let labels: Vec<String> = reasons
        .options
        .iter()
        .map(|r| match person {
            true => person_block_reason(*r),
            false => r.text(),
        })
        .collect();
    lines.extend(radio(
        labels.iter().map(String::as_str),
        reasons.selected,
        theme,
    ));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        tr!("inbox-block-keys"),
        theme.get("dim"),
    )));
    let title = format!(" {} ", tr!("inbox-block-title", name = name));
    draw_dialog(frame, area, 64, title, lines, theme);
}

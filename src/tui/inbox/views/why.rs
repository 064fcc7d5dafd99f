//! Why? on a message: the decision, the rule and the sentence behind it.

use crate::i18n::Label;
use crate::model::Outcome;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{dialog_width, draw_dialog, pad, wrap};
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
    let (outcome, rule) = (tr!("inbox-why-outcome"), tr!("inbox-why-rule"));
    let styles = [
        (Outcome::Deliver.text(), theme.get("delivered")),
        (Outcome::Hold.text(), theme.get("held")),
        (Outcome::Reject.text(), theme.get("rejected")),
    ];
    let mut lines = Vec::new();
    for (label, value) in fields {
        for (i, part) in wrap(value, cells).into_iter().enumerate() {
            let head = if i == 0 {
                format!("{} ", pad(label, 14))
            } else {
                " ".repeat(15)
            };
            let outcome_style = styles.iter().find(|(word, _)| word == value);
            let style = match outcome_style {
                Some((_, style)) if *label == outcome => *style,
                _ if *label == rule => theme.get("key"),
                _ => theme.get("text"),
            };
            lines.push(Line::from(vec![
                Span::styled(head, theme.get("dim")),
                Span::styled(part, style),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        tr!("inbox-why-close"),
        theme.get("dim"),
    )));
    draw_dialog(frame, area, 72, format!(" {title} "), lines, theme);
}

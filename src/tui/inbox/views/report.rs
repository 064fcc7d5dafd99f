//! The report dialog: a reason, "also block" in the same step, and the evidence that goes
//! with the report, shown before it is sent.

use super::super::state::Dialog;
use crate::model::Counterpart;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{dialog_width, draw_dialog, radio, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draws the report dialog.
pub fn draw(frame: &mut Frame, dialog: &Dialog, theme: &Theme, area: Rect) {
    let Dialog::Report {
        who,
        name,
        reasons,
        also_block,
        evidence,
        ..
    } = dialog
    else {
        return;
    };
    let cells = dialog_width(area, 76);
    let question = match who {
        Counterpart::Business(_) => "Why are you reporting it?",
        Counterpart::Contact(_) => "Why are you reporting them?",
    };
    let mut lines = vec![Line::from(Span::styled(question, theme.get("title")))];
    lines.extend(radio(
        reasons.options.iter().map(|r| r.label()),
        reasons.selected,
        theme,
    ));
    lines.push(Line::raw(""));
    let check = if *also_block { "[x]" } else { "[ ]" };
    lines.push(Line::from(vec![
        Span::styled(format!("{check} also block {name}"), theme.get("key")),
        Span::styled("  (space)", theme.get("dim")),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        format!(
            "Evidence sent with the report: the last {}",
            crate::model::plural(evidence.len(), "message", "messages")
        ),
        theme.get("title"),
    )));
    if evidence.is_empty() {
        lines.push(Line::from(Span::styled(
            "  (no messages in this chat)",
            theme.get("dim"),
        )));
    }
    for e in evidence {
        let text = format!(
            "  {} {}: {}",
            e.at.date_time(),
            e.from,
            e.body.replace('\n', " ")
        );
        lines.push(Line::from(Span::styled(
            truncate(&text, cells),
            theme.get("dim"),
        )));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        "Enter send report · Esc cancel",
        theme.get("dim"),
    )));
    draw_dialog(frame, area, 76, format!(" Report {name} "), lines, theme);
}

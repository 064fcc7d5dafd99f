//! The report dialog: a reason, "also block" in the same step, and the evidence that goes
//! with the report, shown before it is sent.

use super::super::state::Dialog;
use crate::i18n::Label;
use crate::i18n::date_time;
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
        Counterpart::Business(_) => tr!("inbox-report-why-business"),
        Counterpart::Contact(_) => tr!("inbox-report-why-person"),
    };
    let mut lines = vec![Line::from(Span::styled(question, theme.get("title")))];
    let labels: Vec<String> = reasons.options.iter().map(|r| r.text()).collect();
    lines.extend(radio(
        labels.iter().map(String::as_str),
        reasons.selected,
        theme,
    ));
    lines.push(Line::raw(""));
    let check = if *also_block { "[x]" } else { "[ ]" };
    lines.push(Line::from(vec![
        Span::styled(
            format!("{check} {}", tr!("inbox-report-also-block", name = name)),
            theme.get("key"),
        ),
        Span::styled(
            format!("  ({})", tr!("inbox-report-space")),
            theme.get("dim"),
        ),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        tr!("inbox-report-evidence", count = evidence.len()),
        theme.get("title"),
    )));
    if evidence.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  ({})", tr!("inbox-report-no-evidence")),
            theme.get("dim"),
        )));
    }
    for e in evidence {
        let text = format!(
            "  {} {}: {}",
            date_time(e.at),
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
        tr!("inbox-report-keys"),
        theme.get("dim"),
    )));
    let title = format!(" {} ", tr!("inbox-report-title", name = name));
    draw_dialog(frame, area, 76, title, lines, theme);
}

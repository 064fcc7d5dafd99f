//! The Templates screen: each template with its category and status, and the selected one in
//! full: its review (the rule that fired), quality, body and pause history.

use super::super::source::TemplateCard;
use super::super::state::{ConsoleState, category_word, not_sendable, status_word};
use crate::i18n::Label;
use crate::i18n::date_time;
use crate::model::*;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{draw_hint, draw_rows, pad, pane, truncate, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Lines per template in the list.
const ROW_HEIGHT: u16 = 2;

/// Draws the Templates screen.
pub fn draw(frame: &mut Frame, state: &ConsoleState, theme: &Theme, area: Rect) {
    let list_width = match area.width >= 80 {
        true => (area.width * 38 / 100).clamp(30, 44),
        false => area.width,
    };
    draw_list(
        frame,
        state,
        theme,
        Rect {
            width: list_width,
            ..area
        },
    );
    if area.width >= 80 {
        let detail = Rect::new(
            area.x + list_width,
            area.y,
            area.width - list_width,
            area.height,
        );
        draw_detail(frame, state, theme, detail);
    }
}

fn draw_list(frame: &mut Frame, state: &ConsoleState, theme: &Theme, area: Rect) {
    let list = &state.templates;
    let block = pane(
        format!(
            " {} ",
            tr!("console-templates-title", count = list.rows.len())
        ),
        true,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if list.rows.is_empty() {
        draw_hint(frame, &tr!("console-templates-empty"), theme, inner);
        return;
    }
    let cells = usize::from(inner.width);
    let shape = (list.rows.len(), list.selected, ROW_HEIGHT);
    draw_rows(frame, inner, theme, shape, |i, selected| {
        row_lines(&list.rows[i], selected, state.clock, theme, cells)
    });
}

fn row_lines(
    card: &TemplateCard,
    selected: bool,
    now: Timestamp,
    theme: &Theme,
    cells: usize,
) -> Vec<Line<'static>> {
    let t = &card.template;
    let pointer = if selected { "▸ " } else { "  " };
    let status = status_label(t, now);
    let first = Line::from(vec![
        Span::raw(pointer),
        Span::styled(
            truncate(&t.name, cells.saturating_sub(2)),
            theme.get("text"),
        ),
    ]);
    let category = format!("  {} · ", category_word(t.category));
    let second = Line::from(vec![
        Span::styled(category.clone(), theme.get("dim")),
        Span::styled(
            pad(&status, cells.saturating_sub(category.chars().count())),
            status_style(t.status_at(now), theme),
        ),
    ]);
    vec![first, second]
}

/// "Approved", "Paused until 23 Nov 15:00", "Disabled"...
pub fn status_label(t: &Template, now: Timestamp) -> String {
    match (t.status_at(now), t.paused_until) {
        (TemplateStatus::Paused, Some(until)) => {
            tr!("console-status-paused-until", until = date_time(until))
        }
        (status, _) => status_word(status),
    }
}

/// The style of a template status.
pub fn status_style(status: TemplateStatus, theme: &Theme) -> ratatui::style::Style {
    theme.get(match status {
        TemplateStatus::Approved => "delivered",
        TemplateStatus::Pending | TemplateStatus::Paused => "held",
        TemplateStatus::Rejected | TemplateStatus::Disabled => "rejected",
        TemplateStatus::Deleted => "dim",
    })
}

fn draw_detail(frame: &mut Frame, state: &ConsoleState, theme: &Theme, area: Rect) {
    let Some(card) = state.templates.selected_card() else {
        let block = pane(format!(" {} ", tr!("console-template-title")), false, theme);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        draw_hint(frame, &tr!("console-template-hint"), theme, inner);
        return;
    };
    let t = &card.template;
    let block = pane(format!(" {} ", truncate(&t.name, 40)), false, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cells = usize::from(inner.width);
    let now = state.clock;
    let category = match t.category == t.requested_category {
        true => category_word(t.category),
        false => tr!(
            "console-template-category-changed",
            category = category_word(t.category),
            asked = category_word(t.requested_category)
        ),
    };
    let mut lines = vec![
        field(tr!("console-template-category"), Span::raw(category)),
        field(
            tr!("console-template-status"),
            Span::styled(status_label(t, now), status_style(t.status_at(now), theme)),
        ),
    ];
    match not_sendable(t, now) {
        Some(why) => lines.extend(wrapped_field(
            tr!("console-template-send"),
            &tr!("console-template-cannot", why = why),
            cells,
            theme.get("rejected"),
        )),
        None => lines.push(field(
            tr!("console-template-send"),
            Span::raw(tr!("console-template-can")),
        )),
    }
    lines.extend([
        field(tr!("console-template-quality"), Span::raw(t.quality.text())),
        field(
            tr!("console-template-review"),
            Span::styled(t.review.to_string(), theme.get("key")),
        ),
    ]);
    let note = crate::i18n::sentences::template_note(t.review_finding.as_ref(), &t.review_note);
    lines.extend(indented(&note, cells, theme.get("dim")));
    lines.push(Line::from(Span::styled(
        tr!("console-template-body"),
        theme.get("title"),
    )));
    lines.extend(indented(&t.body, cells, theme.get("text")));
    lines.push(Line::from(Span::styled(
        tr!("console-template-history"),
        theme.get("title"),
    )));
    for event in &card.history {
        let text = format!(
            "{} {}: {}",
            date_time(event.at),
            status_word(event.status).to_lowercase(),
            event.note
        );
        lines.extend(indented(&text, cells, theme.get("dim")));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn field(label: String, value: Span<'static>) -> Line<'static> {
    Line::from(vec![Span::raw(format!("{label:<9} ")), value])
}

/// A field whose value wraps under itself, so that no word of it is cut.
fn wrapped_field(
    label: String,
    value: &str,
    cells: usize,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let head = field(label, Span::raw(""));
    let indent = head.width();
    let parts = wrap(value, cells.saturating_sub(indent).max(1));
    parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| match i {
            0 => {
                let mut line = head.clone();
                line.spans.push(Span::styled(part, style));
                line
            }
            _ => Line::from(Span::styled(format!("{}{part}", " ".repeat(indent)), style)),
        })
        .collect()
}

/// Text wrapped to the width, two cells in.
pub fn indented(text: &str, cells: usize, style: ratatui::style::Style) -> Vec<Line<'static>> {
    wrap(text, cells.saturating_sub(2).max(1))
        .into_iter()
        .map(|l| Line::from(Span::styled(format!("  {l}"), style)))
        .collect()
}

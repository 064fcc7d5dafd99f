//! The Templates screen: each template with its category and status, and the selected one in
//! full: its review (the rule that fired), quality, body and pause history.

use super::super::source::TemplateCard;
use super::super::state::{ConsoleState, not_sendable};
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
    let block = pane(format!(" Templates · {} ", list.rows.len()), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if list.rows.is_empty() {
        let text = "No templates yet. Write one with n, or submit a TOML file with f \
                    (name, category, body). Review is automatic: you see the result at once.";
        draw_hint(frame, text, theme, inner);
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
    let category = format!("  {} · ", t.category);
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
        (TemplateStatus::Paused, Some(until)) => format!("Paused until {}", until.date_time()),
        (status, _) => capitalised(status.as_str()),
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
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
        let block = pane(" Template ", false, theme);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let text = "A business starts a conversation only with an approved template. Review \
                    checks the body's length, its placeholders {{1}}, {{2}}..., promotional \
                    words in a utility template, and forbidden content.";
        draw_hint(frame, text, theme, inner);
        return;
    };
    let t = &card.template;
    let block = pane(format!(" {} ", truncate(&t.name, 40)), false, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cells = usize::from(inner.width);
    let now = state.clock;
    let category = match t.category == t.requested_category {
        true => t.category.to_string(),
        false => format!("{} (submitted as {})", t.category, t.requested_category),
    };
    let mut lines = vec![
        field("Category", Span::raw(category)),
        field(
            "Status",
            Span::styled(status_label(t, now), status_style(t.status_at(now), theme)),
        ),
        match not_sendable(t, now) {
            Some(why) => field(
                "Send",
                Span::styled(
                    truncate(&format!("⊘ cannot: {why}"), cells),
                    theme.get("rejected"),
                ),
            ),
            None => field("Send", Span::raw("yes, it can be broadcast")),
        },
        field("Quality", Span::raw(t.quality.label())),
        field(
            "Review",
            Span::styled(t.review.to_string(), theme.get("key")),
        ),
    ];
    let note = crate::i18n::sentences::template_note(t.review_finding.as_ref(), &t.review_note);
    lines.extend(indented(&note, cells, theme.get("dim")));
    lines.push(Line::from(Span::styled("Body", theme.get("title"))));
    lines.extend(indented(&t.body, cells, theme.get("text")));
    lines.push(Line::from(Span::styled(
        "History (review, pauses, resumptions)",
        theme.get("title"),
    )));
    for event in &card.history {
        let text = format!("{} {}: {}", event.at.date_time(), event.status, event.note);
        lines.extend(indented(&text, cells, theme.get("dim")));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn field(label: &str, value: Span<'static>) -> Line<'static> {
    Line::from(vec![Span::raw(format!("{label:<10}")), value])
}

/// Text wrapped to the width, two cells in.
pub fn indented(text: &str, cells: usize, style: ratatui::style::Style) -> Vec<Line<'static>> {
    wrap(text, cells.saturating_sub(2).max(1))
        .into_iter()
        .map(|l| Line::from(Span::styled(format!("  {l}"), style)))
        .collect()
}

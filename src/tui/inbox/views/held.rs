//! The Held tab: what the rules held back, each with its reason; release or delete.

use super::super::layout::ROW_HEIGHT;
use super::super::state::{HeldRow, Pane, UiState};
use crate::i18n;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{
    business_mark, category_tag, draw_hint, draw_rows, pad, pane, truncate, when, width, wrap,
};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The list of held messages in the left pane.
pub fn draw_list(frame: &mut Frame, state: &UiState, theme: &Theme, area: Rect) {
    let held = &state.held;
    let block = pane(
        format!(" {} · {} ", tr!("inbox-held-title"), held.rows.len()),
        state.pane == Pane::List,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if held.rows.is_empty() {
        draw_hint(frame, &tr!("inbox-held-empty"), theme, inner);
        return;
    }
    let cells = inner.width as usize;
    let shape = (held.rows.len(), held.selected, ROW_HEIGHT);
    draw_rows(frame, inner, theme, shape, |i, selected| {
        row_lines(&held.rows[i], selected, state, theme, cells)
    });
}

fn row_lines(
    row: &HeldRow,
    selected: bool,
    state: &UiState,
    theme: &Theme,
    cells: usize,
) -> Vec<Line<'static>> {
    let time = when(Some(row.message.sent_at), state.clock);
    let pointer = if selected { "▸ " } else { "  " };
    let mark = business_mark(theme);
    let verified = if row.verified { "✓" } else { " " };
    let name_room = cells.saturating_sub(2 + width(&mark.content) + 2 + width(&time) + 1);
    let name = pad(&truncate(&row.business_name, name_room), name_room);
    let first = Line::from(vec![
        Span::raw(pointer),
        Span::raw(name),
        Span::raw(" "),
        mark,
        Span::styled(verified, theme.get("verified")),
        Span::raw(" "),
        Span::styled(time, theme.get("dim")),
    ]);
    let second = Line::from(vec![
        Span::raw("  "),
        Span::styled(
            truncate(&reason_sentence(row), cells.saturating_sub(2)),
            theme.get("held"),
        ),
    ]);
    vec![first, second]
}

/// The selected held message in full, with its reason and what the user can do.
pub fn draw_detail(frame: &mut Frame, state: &UiState, theme: &Theme, area: Rect) {
    let block = pane(format!(" {} ", tr!("inbox-held-message")), false, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(row) = state.held.rows.get(state.held.selected) else {
        draw_hint(frame, &tr!("inbox-held-explained"), theme, inner);
        return;
    };
    let cells = inner.width as usize;
    let m = &row.message;
    let mut head = vec![
        Span::styled(row.business_name.clone(), theme.get("business")),
        Span::raw(" "),
    ];
    if let Some(c) = m.category {
        head.push(category_tag(c, theme));
    }
    head.push(Span::styled(
        format!(" · {}", i18n::day_time(m.sent_at)),
        theme.get("dim"),
    ));
    let mut lines = vec![Line::from(head), Line::raw("")];
    lines.extend(wrap(&m.body, cells).into_iter().map(Line::from));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        tr!("inbox-held-why-it-waits"),
        theme.get("held"),
    )));
    lines.extend(
        wrap(&reason_sentence(row), cells)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme.get("notice")))),
    );
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Why a message is held, in the words of the rule that held it, without the "Held:" lead.
fn reason_sentence(row: &HeldRow) -> String {
    let rest = crate::i18n::sentences::reason(&row.message.decision);
    let mut chars = rest.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => row.message.decision.reason.to_string(),
    }
}

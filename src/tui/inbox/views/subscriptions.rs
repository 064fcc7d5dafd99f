//! Every business in one list with its subscription state, toggled in one key, and the
//! all-offers switch.

use super::super::state::UiState;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{pad, pane, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the Subscriptions screen.
pub fn draw(frame: &mut Frame, state: &UiState, theme: &Theme, area: Rect) {
    let s = &state.subscriptions;
    let block = pane(" Businesses and their offers ", true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cells = inner.width as usize;
    let all = if s.all_offers {
        "[x] all offers on: subscribed businesses may send offers"
    } else {
        "[ ] all offers off: every offer is held"
    };
    let mut lines = vec![
        Line::from(Span::styled(
            all,
            theme.get(if s.all_offers { "delivered" } else { "held" }),
        )),
        Line::from(Span::styled(
            "Updates, bills and codes reach you whatever you choose here.",
            theme.get("dim"),
        )),
        Line::raw(""),
    ];
    let visible = (inner.height as usize).saturating_sub(lines.len()).max(1);
    let offset = s.selected.saturating_sub(visible - 1);
    for (i, row) in s.rows.iter().enumerate().skip(offset).take(visible) {
        let selected = i == s.selected;
        let check = if row.relation.subscribed {
            "[x] subscribed    "
        } else {
            "[ ] not subscribed"
        };
        let mut spans = vec![
            Span::raw(if selected { "▸ " } else { "  " }),
            Span::styled(
                check,
                theme.get(if row.relation.subscribed {
                    "delivered"
                } else {
                    "dim"
                }),
            ),
            Span::raw("  "),
        ];
        let mut tail = String::new();
        if row.business.verified {
            tail.push_str(" ✓");
        }
        if row.relation.blocked.is_some() {
            tail.push_str(" ⊘ blocked");
        }
        let kind = format!("  {}", row.business.kind.label());
        let name_room = cells.saturating_sub(2 + 18 + 2 + width(&tail) + width(&kind));
        spans.push(Span::styled(
            pad(&row.business.name, name_room),
            theme.get("business"),
        ));
        spans.push(Span::styled(tail, theme.get("verified")));
        spans.push(Span::styled(kind, theme.get("dim")));
        let mut line = Line::from(spans);
        if selected {
            line = line.style(theme.get("selected"));
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

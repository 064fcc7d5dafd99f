//! Every business in one list with its subscription state, toggled in one key, and the
//! all-offers switch; `/` finds a business by name, among the server's directory too.

use super::super::state::{Subscriptions, UiState};
use crate::model::{number, plural_word};
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{pad, pane, truncate, width};
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
        find_line(s, theme, cells),
    ];
    if s.rows.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            empty_text(s, cells),
            theme.get("dim"),
        )));
    }
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
    if s.typing && inner.height > 2 {
        let typed: String = s.filter.chars().take(s.cursor).collect();
        let x = (width(PROMPT) + width(&typed)).min(cells.saturating_sub(1)) as u16;
        frame.set_cursor_position((inner.x + x, inner.y + 2));
    }
}

const PROMPT: &str = "Find a business: ";

/// The line under the switch: the filter as it is typed, the filter kept and what it found,
/// or the key that finds a business.
fn find_line<'a>(s: &Subscriptions, theme: &Theme, cells: usize) -> Line<'a> {
    if s.typing {
        return Line::from(vec![
            Span::styled(PROMPT, theme.get("key")),
            Span::raw(s.filter.clone()),
        ]);
    }
    if s.filter.is_empty() {
        return Line::from(vec![
            Span::styled("/", theme.get("key")),
            Span::styled(
                " finds a business by name, to subscribe before it writes",
                theme.get("dim"),
            ),
        ]);
    }
    let found = format!(
        " · {} {} · esc shows all",
        number::grouped(s.rows.len() as u64),
        plural_word(s.rows.len(), "business", "businesses")
    );
    Line::from(vec![
        Span::styled("/ ", theme.get("key")),
        Span::styled(
            truncate(s.filter.trim(), cells.saturating_sub(2 + width(&found))),
            theme.get("highlight"),
        ),
        Span::styled(found, theme.get("dim")),
    ])
}

/// What an empty list says: nothing matches the filter, or no business is known yet.
fn empty_text(s: &Subscriptions, cells: usize) -> String {
    let text = match s.filter.trim() {
        "" => {
            "No business yet: with a server, its directory arrives with the next sync.".to_string()
        }
        filter => format!("No business's name contains “{filter}”."),
    };
    truncate(&text, cells)
}

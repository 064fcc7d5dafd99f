//! Every business in one list with its subscription state, toggled in one key, and the
//! all-offers switch; `/` finds a business by name, among the server's directory too.

use super::super::state::{Subscriptions, UiState};
use crate::i18n::Label;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{pad, pane, truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the Subscriptions screen.
pub fn draw(frame: &mut Frame, state: &UiState, theme: &Theme, area: Rect) {
    let s = &state.subscriptions;
    let block = pane(format!(" {} ", tr!("inbox-subs-title")), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cells = inner.width as usize;
    let all = if s.all_offers {
        format!("[x] {}", tr!("inbox-subs-all-on"))
    } else {
        format!("[ ] {}", tr!("inbox-subs-all-off"))
    };
    let mut lines = vec![
        Line::from(Span::styled(
            all,
            theme.get(if s.all_offers { "delivered" } else { "held" }),
        )),
        Line::from(Span::styled(tr!("inbox-subs-always"), theme.get("dim"))),
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
            format!("[x] {}", tr!("inbox-subs-subscribed"))
        } else {
            format!("[ ] {}", tr!("inbox-subs-not-subscribed"))
        };
        let check = pad(&check, CHECK_CELLS);
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
            tail.push_str(&format!(" ⊘ {}", tr!("inbox-mark-blocked")));
        }
        let kind = format!("  {}", row.business.kind.text());
        let name_room = cells.saturating_sub(2 + CHECK_CELLS + 2 + width(&tail) + width(&kind));
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
        let x = (width(&prompt()) + width(&typed)).min(cells.saturating_sub(1)) as u16;
        frame.set_cursor_position((inner.x + x, inner.y + 2));
    }
}

/// The cells of the subscription mark, "[x] subscribed" or "[ ] not subscribed", padded.
const CHECK_CELLS: usize = 18;

/// The prompt before a business's name as it is typed.
fn prompt() -> String {
    format!("{} ", tr!("inbox-subs-find-prompt"))
}

/// The line under the switch: the filter as it is typed, the filter kept and what it found,
/// or the key that finds a business.
fn find_line<'a>(s: &Subscriptions, theme: &Theme, cells: usize) -> Line<'a> {
    if s.typing {
        return Line::from(vec![
            Span::styled(prompt(), theme.get("key")),
            Span::raw(s.filter.clone()),
        ]);
    }
    if s.filter.is_empty() {
        return Line::from(vec![
            Span::styled("/", theme.get("key")),
            Span::styled(
                format!(" {}", tr!("inbox-subs-find-hint")),
                theme.get("dim"),
            ),
        ]);
    }
    let found = format!(" · {}", tr!("inbox-subs-found", count = s.rows.len()));
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
        "" => tr!("inbox-subs-empty"),
        filter => tr!("inbox-subs-no-match", filter = filter),
    };
    truncate(&text, cells)
}

//! The inbox: filter tabs with counts, the chat list, and the open chat (or the Held tab).

use super::super::layout::{self, Areas, ROW_HEIGHT};
use super::super::state::{ChatFilter, ChatRow, Pane, Tab, UiState};
use super::{chat, held};
use crate::i18n;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{business_mark, draw_hint, pad, pane, truncate, when, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the inbox screen.
pub fn draw(frame: &mut Frame, state: &UiState, theme: &Theme, areas: &Areas) {
    draw_tabs(frame, state, theme, areas.tabs);
    if let Some(list) = areas.list {
        match state.tab {
            Tab::Held => held::draw_list(frame, state, theme, list),
            Tab::Chats(_) => draw_list(frame, state, theme, list),
        }
    }
    if let Some(area) = areas.chat {
        match (state.tab, state.pane) {
            (Tab::Held, Pane::List) => held::draw_detail(frame, state, theme, area),
            _ => chat::draw(frame, state, theme, area),
        }
    }
}

fn draw_tabs(frame: &mut Frame, state: &UiState, theme: &Theme, area: Rect) {
    let mut spans = Vec::new();
    let mut x = 0;
    for (tab, label, start, end) in layout::tab_positions(state) {
        if start > x {
            spans.push(Span::styled("│", theme.get("dim")));
        }
        let style = if tab == state.tab {
            theme.get("tab_active")
        } else {
            theme.get("tab")
        };
        spans.push(Span::styled(label, style));
        x = end;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_list(frame: &mut Frame, state: &UiState, theme: &Theme, area: Rect) {
    let focused = state.pane == Pane::List;
    let list = &state.list;
    let title = format!(
        " {} · {} ",
        state.tab.label(),
        i18n::number(list.total as u64)
    );
    let block = pane(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if list.rows.is_empty() {
        let empty = match state.tab {
            Tab::Chats(ChatFilter::Unread) => tr!("inbox-list-empty-unread"),
            Tab::Chats(ChatFilter::Archived) => tr!("inbox-list-empty-archived"),
            Tab::Chats(ChatFilter::Offers) => tr!("inbox-list-empty-offers"),
            _ if state.server => tr!("inbox-list-empty-server"),
            _ => tr!("inbox-list-empty-demo"),
        };
        draw_hint(frame, &empty, theme, inner);
        return;
    }
    for (i, row) in list.rows.iter().enumerate() {
        let y = inner.y + i as u16 * ROW_HEIGHT;
        if y + ROW_HEIGHT > inner.y + inner.height {
            break;
        }
        let selected = list.offset + i == list.selected;
        let lines = row_lines(row, selected, state, theme, inner.width as usize);
        let mut style = ratatui::style::Style::default();
        if selected {
            style = theme.get("selected");
        }
        frame.render_widget(
            Paragraph::new(lines).style(style),
            Rect::new(inner.x, y, inner.width, ROW_HEIGHT),
        );
    }
}

/// The two lines of one chat: name, marks and time; preview and unread count.
fn row_lines(
    row: &ChatRow,
    selected: bool,
    state: &UiState,
    theme: &Theme,
    cells: usize,
) -> Vec<Line<'static>> {
    let chat = &row.chat;
    let time = when(chat.last_at, state.clock);
    let mut marks = Vec::new();
    if chat.is_business() {
        marks.push(business_mark(theme));
        if chat.verified {
            marks.push(Span::styled("✓", theme.get("verified")));
        }
    }
    if row.blocked {
        marks.push(Span::styled(
            format!("⊘{}", tr!("inbox-mark-blocked")),
            theme.get("rejected"),
        ));
    } else if row.first_contact {
        marks.push(Span::styled(tr!("inbox-mark-new"), theme.get("notice")));
    }
    if chat.muted {
        marks.push(Span::styled(tr!("inbox-mark-muted"), theme.get("dim")));
    }
    if chat.archived {
        marks.push(Span::styled(tr!("inbox-mark-archived"), theme.get("dim")));
    }
    let marks_width: usize = marks.iter().map(|s| width(&s.content) + 1).sum();
    let pointer = if selected { "▸" } else { " " };
    let name_room = cells.saturating_sub(2 + marks_width + width(&time) + 1);
    let name_style = if chat.unread > 0 && !chat.muted {
        theme.get("unread")
    } else if chat.is_business() {
        theme.get("text")
    } else {
        theme.get("personal")
    };
    let mut first = vec![
        Span::raw(pointer.to_string()),
        Span::raw(" ".to_string()),
        Span::styled(truncate(&chat.title, name_room), name_style),
    ];
    for mark in marks {
        first.push(Span::raw(" "));
        first.push(mark);
    }
    let used: usize = first.iter().map(|s| width(&s.content)).sum();
    first.push(Span::raw(
        " ".repeat(cells.saturating_sub(used + width(&time))),
    ));
    first.push(Span::styled(time, theme.get("dim")));
    let badge = match chat.unread {
        0 => String::new(),
        n if chat.muted => format!(" ({n})"),
        n => format!(" {n}"),
    };
    let preview_room = cells.saturating_sub(2 + width(&badge));
    let preview = if chat.preview.is_empty() {
        format!("({})", tr!("inbox-list-no-messages"))
    } else {
        match chat.preview_text() {
            (true, text) => tr!("inbox-list-preview-mine", text = text),
            (false, text) => text.to_string(),
        }
    };
    let second = vec![
        Span::raw("  "),
        Span::styled(pad(&preview, preview_room), theme.get("dim")),
        Span::styled(badge, theme.get("unread")),
    ];
    vec![Line::from(first), Line::from(second)]
}

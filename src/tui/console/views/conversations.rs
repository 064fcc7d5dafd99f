//! The Conversations screen: each user who wrote to the business or was written to, with
//! what the business has not read and the time left of the service window; and the
//! conversation opened, newest last, with when each message was read.

use super::super::state::{ConsoleState, ConversationsView};
use crate::i18n::hours_minutes;
use crate::model::*;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{
    draw_hint, draw_rows, pad, pane, truncate, when, when_exact, wrap,
};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Lines per conversation in the list.
const ROW_HEIGHT: u16 = 2;

/// Draws the Conversations screen.
pub fn draw(frame: &mut Frame, state: &ConsoleState, theme: &Theme, area: Rect) {
    let wide = area.width >= 80;
    let list_width = match wide {
        true => (area.width * 38 / 100).clamp(30, 44),
        false => area.width,
    };
    let list = Rect {
        width: list_width,
        ..area
    };
    let view = &state.conversations;
    match (wide, &view.open) {
        (false, Some(page)) => draw_page(frame, page, state.clock, theme, area),
        (false, None) => draw_list(frame, view, state.clock, theme, list),
        (true, open) => {
            draw_list(frame, view, state.clock, theme, list);
            let detail = Rect::new(
                area.x + list_width,
                area.y,
                area.width - list_width,
                area.height,
            );
            match open {
                Some(page) => draw_page(frame, page, state.clock, theme, detail),
                None => draw_preview(frame, view, theme, detail),
            }
        }
    }
}

fn window_left(window: Option<ServiceWindow>) -> String {
    match window {
        Some(w) => tr!("console-window-left", left = hours_minutes(w.seconds_left)),
        None => tr!("console-window-closed"),
    }
}

fn draw_list(
    frame: &mut Frame,
    view: &ConversationsView,
    now: Timestamp,
    theme: &Theme,
    area: Rect,
) {
    let block = pane(
        format!(
            " {} ",
            tr!("console-conversations-title", count = view.rows.len())
        ),
        true,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if view.rows.is_empty() {
        draw_hint(frame, &tr!("console-conversations-none"), theme, inner);
        return;
    }
    let cells = usize::from(inner.width);
    let shape = (view.rows.len(), view.selected, ROW_HEIGHT);
    draw_rows(frame, inner, theme, shape, |i, selected| {
        row_lines(&view.rows[i], selected, now, theme, cells)
    });
}

fn row_lines(
    row: &ConversationSummary,
    selected: bool,
    now: Timestamp,
    theme: &Theme,
    cells: usize,
) -> Vec<Line<'static>> {
    let pointer = if selected { "▸ " } else { "  " };
    let at = when(row.last.as_ref().map(|l| l.at), now);
    let unread = match row.unread {
        0 => String::new(),
        n => format!("{} · ", tr!("console-conversations-new", count = n)),
    };
    let right = format!("{unread}{at}");
    let name_cells = cells.saturating_sub(right.chars().count() + 3);
    let first = Line::from(vec![
        Span::raw(pointer),
        Span::styled(
            pad(&truncate(&row.user, name_cells), name_cells + 1),
            theme.get("text"),
        ),
        Span::styled(
            right,
            theme.get(if row.unread > 0 { "held" } else { "dim" }),
        ),
    ]);
    let window = window_left(row.window);
    let last = row.last.as_ref().map_or(String::new(), |l| match l.from {
        Author::Business => format!(" · {}", tr!("console-you-said", body = l.body.as_str())),
        Author::User => format!(" · {}", l.body),
    });
    let window_style = theme.get(if row.window.is_some() {
        "delivered"
    } else {
        "dim"
    });
    let second = Line::from(vec![
        Span::styled(format!("  {window}"), window_style),
        Span::styled(
            truncate(&last, cells.saturating_sub(window.chars().count() + 2)),
            theme.get("dim"),
        ),
    ]);
    vec![first, second]
}

fn draw_preview(frame: &mut Frame, view: &ConversationsView, theme: &Theme, area: Rect) {
    let block = pane(
        format!(" {} ", tr!("console-conversation-title")),
        false,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(row) = view.selected_row() else {
        return;
    };
    let text = tr!(
        "console-conversation-preview",
        user = row.user.as_str(),
        unread = row.unread,
        window = window_left(row.window)
    );
    draw_hint(frame, &text, theme, inner);
}

fn draw_page(
    frame: &mut Frame,
    page: &ConversationPage,
    now: Timestamp,
    theme: &Theme,
    area: Rect,
) {
    let title = format!(" {} · {} ", page.user, window_left(page.window));
    let block = pane(title, true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cells = usize::from(inner.width).max(4);
    let mut lines = Vec::new();
    if page.older > 0 {
        lines.push(Line::from(Span::styled(
            format!(
                "  {}",
                tr!("console-conversation-older", count = page.older)
            ),
            theme.get("dim"),
        )));
    }
    for m in &page.messages {
        message_lines(m, &page.user, now, theme, cells, &mut lines);
    }
    let skip = lines.len().saturating_sub(usize::from(inner.height));
    let shown: Vec<Line> = lines.into_iter().skip(skip).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

fn message_lines(
    m: &ConversationLine,
    user: &str,
    now: Timestamp,
    theme: &Theme,
    cells: usize,
    out: &mut Vec<Line<'static>>,
) {
    let who = match m.from {
        Author::User => user.to_string(),
        Author::Business => tr!("console-you"),
    };
    let mut head = vec![
        Span::styled(format!("  {who}"), theme.get("title")),
        Span::styled(format!(" · {}", when_exact(m.at, now)), theme.get("dim")),
    ];
    if let Some(read) = m.read_at {
        head.push(Span::styled(
            format!(" · {}", tr!("console-read-at", at = when_exact(read, now))),
            theme.get("read"),
        ));
    }
    out.push(Line::from(head));
    for part in wrap(&m.body, cells.saturating_sub(4)) {
        out.push(Line::from(Span::styled(
            format!("    {part}"),
            theme.get("text"),
        )));
    }
    out.push(Line::raw(""));
}

//! Search across chat names and message text, matches highlighted.

use super::super::state::{Search, UiState};
use crate::model::text::find_folded;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{highlighted, pane, truncate, when, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the search box and its results.
pub fn draw(frame: &mut Frame, search: &Search, state: &UiState, theme: &Theme, area: Rect) {
    let block = pane(title(search), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cells = inner.width as usize;
    let mut lines = vec![
        Line::from(vec![
            Span::styled("/ ", theme.get("key")),
            Span::raw(search.query.clone()),
        ]),
        Line::from(Span::styled("─".repeat(cells), theme.get("border"))),
    ];
    if search.query.trim().is_empty() {
        lines.push(Line::from(Span::styled(
            tr!("inbox-search-hint"),
            theme.get("dim"),
        )));
    } else if search.hits.is_empty() && search.searching_below.is_none() {
        lines.push(Line::from(Span::styled(
            tr!("inbox-search-no-match"),
            theme.get("dim"),
        )));
    }
    let visible = (inner.height as usize).saturating_sub(2).max(1);
    let offset = search.selected.saturating_sub(visible - 1);
    for (i, hit) in search.hits.iter().enumerate().skip(offset).take(visible) {
        let selected = i == search.selected;
        let time = when(hit.at, state.clock);
        let kind = match hit.message {
            Some(_) => String::new(),
            None => format!("{} ", tr!("inbox-search-chat")),
        };
        let who = match hit.mine {
            true => format!("{}: ", tr!("inbox-you")),
            false => String::new(),
        };
        let head = format!(
            "{}{kind}{} · {who}",
            if selected { "▸ " } else { "  " },
            truncate(&hit.title, 20)
        );
        let room = cells.saturating_sub(width(&head) + width(&time) + 1);
        let text = hit.text.replace('\n', " ");
        let mut spans = vec![Span::raw(head)];
        spans.extend(highlighted(
            &snippet(&text, &search.query, room),
            &search.query,
            theme,
        ));
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        spans.push(Span::raw(
            " ".repeat(cells.saturating_sub(used + width(&time))),
        ));
        spans.push(Span::styled(time, theme.get("dim")));
        let mut line = Line::from(spans);
        if selected {
            line = line.style(theme.get("selected"));
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let x = inner.x
        + (2 + width(&search.query.chars().take(search.cursor).collect::<String>()))
            .min(cells.saturating_sub(1)) as u16;
    frame.set_cursor_position((x, inner.y));
}

/// The pane's title: what it searches, then how many hits.
fn title(search: &Search) -> String {
    if search.query.trim().is_empty() {
        return format!(" {} ", tr!("inbox-search-title"));
    }
    let chats = search.hits.iter().filter(|h| h.message.is_none()).count();
    let messages = search.hits.len() - chats;
    let messages = match search.more {
        true => tr!("inbox-search-more-than-messages", count = messages),
        false => tr!("inbox-search-messages", count = messages),
    };
    let still = match search.searching_below {
        Some(_) => format!(" · {}…", tr!("inbox-search-searching-older")),
        None => String::new(),
    };
    let found = tr!("inbox-search-found", chats = chats, messages = messages);
    format!(" {found}{still} ")
}

/// The whole text when it fits in `cells`, else the part around the first match that does.
fn snippet(text: &str, query: &str, cells: usize) -> String {
    if width(text) <= cells {
        return text.to_string();
    }
    let start = find_folded(text, query).first().map_or(0, |r| r.start);
    let before: String = text[..start]
        .chars()
        .rev()
        .take(cells / 3)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let from = start - before.len();
    let prefix = if from > 0 { "…" } else { "" };
    truncate(&format!("{prefix}{}", &text[from..]), cells)
}

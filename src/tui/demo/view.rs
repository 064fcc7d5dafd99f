//! `parley demo`: a line for the demo (which half has the keys, the tour's caption), then the
//! inbox and the console side by side, or the half that has the keys.

use super::keys::{self, Action, Mode};
use super::{DemoView, Half, TOUR, bar_height};
use crate::tui::console::views as console;
use crate::tui::inbox::views as inbox;
use crate::tui::kit::views::common::{truncate, width};
use crate::tui::kit::views::too_small;
use crate::tui::kit::{Keymap, Theme};
use ratatui::Frame;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the demo.
pub fn draw(frame: &mut Frame, view: &DemoView, theme: &Theme, keymap: &Keymap) {
    let area = frame.area();
    if too_small(frame, area, &tr!("demo-name")) {
        return;
    }
    let bar = bar_height(&view.demo).min(area.height);
    draw_bar(
        frame,
        view,
        theme,
        keymap,
        Rect {
            height: bar,
            ..area
        },
    );
    let body = Rect::new(area.x, area.y + bar, area.width, area.height - bar);
    let (inbox, console_area) = match (view.demo.side_by_side(), view.demo.focus) {
        (true, _) => {
            let w = body.width / 2;
            (
                Some(Rect { width: w, ..body }),
                Some(Rect::new(body.x + w, body.y, body.width - w, body.height)),
            )
        }
        (false, Half::Inbox) => (Some(body), None),
        (false, Half::Console) => (None, Some(body)),
    };
    if let Some(rect) = inbox {
        draw_inbox(frame, view, theme, keymap, rect);
    }
    if let Some(rect) = console_area {
        let demo_help = || keys::help(keymap);
        console::draw_with_help(frame, rect, &view.console, theme, keymap, demo_help);
    }
}

/// The inbox draws itself from the top-left corner of a terminal of its own size: it is
/// drawn apart, then copied into its half.
fn draw_inbox(frame: &mut Frame, view: &DemoView, theme: &Theme, keymap: &Keymap, rect: Rect) {
    let (w, h) = (view.inbox.width.max(1), view.inbox.height.max(1));
    let Ok(mut terminal) = Terminal::new(TestBackend::new(w, h));
    if terminal
        .draw(|f| inbox::draw(f, &view.inbox, theme, keymap))
        .is_err()
    {
        return;
    }
    let drawn = terminal.backend().buffer();
    let target = frame.buffer_mut();
    for y in 0..rect.height.min(h) {
        for x in 0..rect.width.min(w) {
            target[(rect.x + x, rect.y + y)] = drawn[(x, y)].clone();
        }
    }
}

fn draw_bar(frame: &mut Frame, view: &DemoView, theme: &Theme, keymap: &Keymap, area: Rect) {
    let key = |action: Action| keymap.key_for(Mode::Demo, &action).unwrap_or_default();
    let cells = usize::from(area.width);
    let (text, hint) = match view.demo.tour {
        Some(i) if i + 1 == TOUR.len() => (
            format!(" {}", super::tour::caption_line(i)),
            format!(" {} ", tr!("demo-bar-close", key = key(Action::Tour))),
        ),
        Some(i) => (
            format!(" {}", super::tour::caption_line(i)),
            format!(
                " {} ",
                tr!(
                    "demo-bar-next",
                    next = key(Action::Tour),
                    end = key(Action::TourStop)
                )
            ),
        ),
        None => {
            let who = match view.demo.focus {
                Half::Inbox => tr!("demo-keys-inbox", me = view.inbox.me.as_str()),
                Half::Console => tr!("demo-keys-console"),
            };
            (
                format!(" {}", tr!("demo-bar", who = who)),
                format!(
                    " {} ",
                    tr!(
                        "demo-bar-keys",
                        switch = key(Action::SwitchHalf),
                        tour = key(Action::Tour)
                    )
                ),
            )
        }
    };
    let room = cells.saturating_sub(width(&hint));
    let mut rest = text.as_str();
    let mut lines: Vec<Line> = Vec::new();
    for line in 1..area.height {
        let indent = if line == 1 { "" } else { " " };
        let part = fit_words(rest, cells.saturating_sub(indent.len()));
        lines.push(Line::from(Span::styled(
            format!("{indent}{part}"),
            theme.get("title"),
        )));
        rest = rest[part.len()..].trim_start();
    }
    let indent = if lines.is_empty() { "" } else { " " };
    let left = truncate(&format!("{indent}{rest}"), room);
    let gap = room.saturating_sub(width(&left));
    lines.push(Line::from(vec![
        Span::styled(left, theme.get("title")),
        Span::raw(" ".repeat(gap)),
        Span::styled(truncate(&hint, cells), theme.get("key")),
    ]));
    frame.render_widget(Paragraph::new(lines).style(theme.get("status")), area);
}

/// The longest start of `text` that fits in `cells`, cut at a space when it must be cut.
pub(super) fn fit_words(text: &str, cells: usize) -> &str {
    if width(text) <= cells {
        return text;
    }
    let mut end = 0;
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += width(c.encode_utf8(&mut [0; 4]));
        if used > cells {
            break;
        }
        if c == ' ' {
            end = i;
        }
    }
    &text[..end]
}

//! The title line of full screens, the error banner, the status bar and the footer of keys.

use super::super::Action;
use super::super::commands;
use super::super::layout::Areas;
use super::super::state::{Screen, UiState};
use crate::i18n;
use crate::tui::kit::Keymap;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{status_clock, truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The title line over a full screen.
pub fn title_line(frame: &mut Frame, state: &UiState, theme: &Theme, area: Rect) {
    let title = match state.screen {
        Screen::Subscriptions => tr!("inbox-title-subscriptions"),
        Screen::Profile(_) => tr!("inbox-title-profile"),
        Screen::Settings => tr!("inbox-title-settings"),
        Screen::Help => tr!("inbox-title-help"),
        Screen::Notices => tr!("inbox-title-notices"),
        Screen::Inbox => String::new(),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!(" {}", tr!("inbox-title-line", title = title)),
            theme.get("title"),
        )),
        area,
    );
}

/// The banner (errors), the status bar and the footer.
pub fn draw(frame: &mut Frame, state: &UiState, theme: &Theme, keymap: &Keymap, areas: &Areas) {
    let notices_key = keymap.key_for(state.mode(), &Action::Notices);
    if let (Some(area), Some(status)) = (areas.banner, &state.status) {
        let text = fit(
            &format!(" ✗ {}", status.text),
            usize::from(area.width),
            notices_key.as_deref(),
        );
        frame.render_widget(Paragraph::new(text).style(theme.get("error")), area);
    }
    let line = status_line(state, areas.status.width as usize, notices_key.as_deref());
    frame.render_widget(
        Paragraph::new(line).style(theme.get("status")),
        areas.status,
    );
    frame.render_widget(
        Paragraph::new(footer_line(
            state,
            theme,
            keymap,
            areas.footer.width as usize,
        )),
        areas.footer,
    );
}

/// A sentence in `cells`: whole when it fits, else its start and where to read it in full.
fn fit(text: &str, cells: usize, notices_key: Option<&str>) -> String {
    if width(text) <= cells {
        return text.to_string();
    }
    let hint = match notices_key {
        Some(key) => format!(" [{}]", tr!("inbox-status-read-all", key = key)),
        None => String::new(),
    };
    if width(&hint) + 8 > cells {
        return truncate(text, cells);
    }
    format!("{}{hint}", truncate(text, cells - width(&hint)))
}

fn status_line(state: &UiState, cells: usize, notices_key: Option<&str>) -> String {
    let message = state
        .status
        .as_ref()
        .filter(|s| !s.error)
        .map(|s| s.text.clone());
    let right = match &message {
        // With a server, the sync state stays in sight beside a message.
        Some(_) if state.server => format!("{} · {} ", status_clock(state.clock), state.connection),
        Some(_) => format!("{} ", status_clock(state.clock)),
        None => {
            let counts = &state.counts;
            let unread = match counts.unread_messages {
                0 => tr!("inbox-status-no-unread"),
                n => tr!("inbox-status-unread", chats = counts.unread, messages = n),
            };
            format!(
                "{} · {unread} · {} ",
                status_clock(state.clock),
                state.connection
            )
        }
    };
    if width(&right) + 4 > cells {
        let text = message.unwrap_or_else(|| i18n::day_time(state.clock));
        return fit(&format!(" {text}"), cells, notices_key);
    }
    let room = cells - width(&right) - 1;
    let left = match message {
        Some(text) => fit(&format!(" {text}"), room, notices_key),
        None => {
            let held = tr!("inbox-status-held", count = state.counts.held);
            let full = format!(" {} · {held}", state.me);
            match width(&full) <= room {
                true => full,
                false => truncate(&format!(" {held}"), room),
            }
        }
    };
    let gap = cells.saturating_sub(width(&left) + width(&right));
    format!("{left}{}{right}", " ".repeat(gap))
}

fn footer_line(state: &UiState, theme: &Theme, keymap: &Keymap, cells: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, label) in commands::footer(keymap, state) {
        let piece = width(&key) + width(&label) + 3;
        if used + piece > cells {
            break;
        }
        spans.push(Span::styled(format!(" {key}"), theme.get("key")));
        spans.push(Span::raw(format!(" {label} ")));
        used += piece;
    }
    Line::from(spans)
}

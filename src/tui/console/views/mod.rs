//! The business console's frame: screen tabs with the business, the current screen, the
//! error banner, the status bar and the footer of keys, then any box over them. A pure
//! function of the console's state, drawn into any area (the whole terminal, or half of it).

mod compose;
mod conversations;
mod dialogs;
mod metrics;
mod standing;
mod templates;

use super::commands::{self, FooterItem};
use super::state::{ConsoleDialog, ConsoleScreen, ConsoleState};
use crate::i18n::{Label, credits};
use crate::tui::kit::commands::HelpGroup;
use crate::tui::kit::layout::{self, Parts};
use crate::tui::kit::views::common::{status_clock, truncate, width};
use crate::tui::kit::views::{draw_banner, help, too_small};
use crate::tui::kit::{Keymap, Theme};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the console into `area`.
pub fn draw(frame: &mut Frame, area: Rect, state: &ConsoleState, theme: &Theme, keymap: &Keymap) {
    draw_with_help(frame, area, state, theme, keymap, Vec::new);
}

/// Draws the console into `area`; its help lists `more_help` (the keys of an app around it)
/// after its own.
pub fn draw_with_help(
    frame: &mut Frame,
    area: Rect,
    state: &ConsoleState,
    theme: &Theme,
    keymap: &Keymap,
    more_help: impl FnOnce() -> Vec<HelpGroup>,
) {
    if too_small(frame, area, &tr!("console-name")) {
        return;
    }
    let banner = state.status.as_ref().is_some_and(|s| s.error);
    let p = layout::parts(area, banner);
    draw_tabs(frame, state, theme, p.tabs);
    match state.screen {
        ConsoleScreen::Templates => templates::draw(frame, state, theme, p.main),
        ConsoleScreen::Compose => compose::draw(frame, state, theme, p.main),
        ConsoleScreen::Metrics => metrics::draw(frame, state, theme, p.main),
        ConsoleScreen::Standing => standing::draw(frame, state, theme, p.main),
        ConsoleScreen::Conversations => conversations::draw(frame, state, theme, p.main),
    }
    draw_status(frame, state, theme, &p);
    draw_footer(frame, state, theme, keymap, p.footer);
    if let Some(editor) = &state.editor {
        dialogs::editor(frame, editor, theme, p.main);
    }
    if let Some(prompt) = &state.prompt {
        dialogs::prompt(frame, prompt, theme, p.main);
    }
    match &state.dialog {
        Some(ConsoleDialog::Switcher { selected }) => {
            dialogs::switcher(frame, state, *selected, theme, p.main)
        }
        Some(ConsoleDialog::Review { card }) => dialogs::review(frame, card, theme, p.main),
        Some(ConsoleDialog::Delete { name, .. }) => dialogs::delete(frame, name, theme, p.main),
        None => {}
    }
    if let Some(scroll) = state.help {
        let rows = commands::help(keymap, more_help());
        help::draw_groups(frame, rows, scroll, theme, p.main);
    }
}

fn draw_tabs(frame: &mut Frame, state: &ConsoleState, theme: &Theme, area: Rect) {
    let mut spans = Vec::new();
    let compact = area.width < 100;
    for (i, screen) in ConsoleScreen::ALL.iter().enumerate() {
        let style = match *screen == state.screen {
            true => theme.get("tab_active"),
            false => theme.get("tab"),
        };
        let label = match compact {
            true => format!(" {} {} ", i + 1, short_label(*screen)),
            false => format!(" {} {} ", i + 1, screen.label()),
        };
        if i > 0 {
            spans.push(Span::styled("│", theme.get("dim")));
        }
        spans.push(Span::styled(label, style));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    if let Some(b) = &state.business {
        let budget = format!(" · {} ", credits(b.budget));
        let room = usize::from(area.width).saturating_sub(used + width(&budget) + 1);
        if room >= 6 {
            let name = truncate(&b.name, room);
            let gap = usize::from(area.width).saturating_sub(used + width(&name) + width(&budget));
            spans.push(Span::raw(" ".repeat(gap)));
            spans.push(Span::styled(name, theme.get("business")));
            spans.push(Span::styled(budget, theme.get("dim")));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn short_label(screen: ConsoleScreen) -> String {
    match screen {
        ConsoleScreen::Templates => tr!("console-tab-short-templates"),
        ConsoleScreen::Compose => tr!("console-tab-short-broadcast"),
        ConsoleScreen::Metrics => tr!("console-tab-short-metrics"),
        ConsoleScreen::Standing => tr!("console-tab-short-standing"),
        ConsoleScreen::Conversations => tr!("console-tab-short-conversations"),
    }
}

/// The status bar: a sentence the console says, or the business and its quality, beside the
/// clock and the connection; a sentence too long to sit beside them takes the whole line.
fn draw_status(frame: &mut Frame, state: &ConsoleState, theme: &Theme, p: &Parts) {
    draw_banner(frame, p.banner, state.status.as_ref(), theme);
    let cells = usize::from(p.status.width);
    let right = format!("{} · {} ", status_clock(state.clock), state.connection);
    let message = state
        .status
        .as_ref()
        .filter(|s| !s.error)
        .map(|s| s.text.clone());
    let saying = message.is_some();
    let left_text = message.unwrap_or_else(|| match &state.business {
        Some(b) => tr!(
            "console-status-business",
            name = b.name.as_str(),
            quality = b.quality.text()
        ),
        None => tr!("console-status-no-business"),
    });
    let crowded = width(&left_text) + width(&right) + 2 > cells;
    let line = if width(&right) + 10 > cells || saying && crowded {
        truncate(&format!(" {left_text}"), cells)
    } else {
        let left = truncate(&format!(" {left_text}"), cells - width(&right) - 1);
        let gap = cells.saturating_sub(width(&left) + width(&right));
        format!("{left}{}{right}", " ".repeat(gap))
    };
    frame.render_widget(Paragraph::new(line).style(theme.get("status")), p.status);
}

fn draw_footer(
    frame: &mut Frame,
    state: &ConsoleState,
    theme: &Theme,
    keymap: &Keymap,
    area: Rect,
) {
    let cells = usize::from(area.width);
    let mut spans = Vec::new();
    let mut used = 0;
    for item in commands::footer(keymap, state) {
        let (piece, new_spans) = match item {
            FooterItem::Key(key, label) => (
                width(&key) + width(&label) + 3,
                vec![
                    Span::styled(format!(" {key}"), theme.get("key")),
                    Span::raw(format!(" {label} ")),
                ],
            ),
            FooterItem::Notice(text) => {
                let text = truncate(&format!(" {text} "), cells);
                (
                    width(&text),
                    vec![Span::styled(text, theme.get("rejected"))],
                )
            }
        };
        if used + piece > cells {
            break;
        }
        spans.extend(new_spans);
        used += piece;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

//! The business console's frame: screen tabs with the business, the current screen, the
//! error banner, the status bar and the footer of keys, then any box over them. A pure
//! function of the console's state, drawn into any area (the whole terminal, or half of it).

use super::super::console::commands::{self, FooterItem};
use super::super::console::state::{ConsoleDialog, ConsoleScreen, ConsoleState};
use super::super::keymap::Keymap;
use super::super::theme::Theme;
use super::common::{truncate, width};
use super::{console_compose, console_dialogs, console_metrics, console_standing};
use super::{console_templates, help};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The parts of the console's area.
struct Parts {
    tabs: Rect,
    main: Rect,
    banner: Option<Rect>,
    status: Rect,
    footer: Rect,
}

fn parts(area: Rect, state: &ConsoleState) -> Parts {
    let banner = u16::from(state.status.as_ref().is_some_and(|s| s.error));
    let main_height = area.height.saturating_sub(3 + banner);
    let row = |y: u16| Rect::new(area.x, area.y + y, area.width, 1);
    Parts {
        tabs: row(0),
        main: Rect::new(area.x, area.y + 1, area.width, main_height),
        banner: (banner > 0).then(|| row(1 + main_height)),
        status: row(area.height.saturating_sub(2)),
        footer: row(area.height.saturating_sub(1)),
    }
}

/// Draws the console into `area`.
pub fn draw(frame: &mut Frame, area: Rect, state: &ConsoleState, theme: &Theme, keymap: &Keymap) {
    if super::too_small(frame, area, "The console") {
        return;
    }
    let p = parts(area, state);
    draw_tabs(frame, state, theme, p.tabs);
    match state.screen {
        ConsoleScreen::Templates => console_templates::draw(frame, state, theme, p.main),
        ConsoleScreen::Compose => console_compose::draw(frame, state, theme, p.main),
        ConsoleScreen::Metrics => console_metrics::draw(frame, state, theme, p.main),
        ConsoleScreen::Standing => console_standing::draw(frame, state, theme, p.main),
    }
    draw_status(frame, state, theme, &p);
    draw_footer(frame, state, theme, keymap, p.footer);
    if let Some(editor) = &state.editor {
        console_dialogs::editor(frame, editor, theme, p.main);
    }
    if let Some(prompt) = &state.prompt {
        console_dialogs::prompt(frame, prompt, theme, p.main);
    }
    match &state.dialog {
        Some(ConsoleDialog::Switcher { selected }) => {
            console_dialogs::switcher(frame, state, *selected, theme, p.main)
        }
        Some(ConsoleDialog::Review { card }) => console_dialogs::review(frame, card, theme, p.main),
        None => {}
    }
    if let Some(scroll) = state.help {
        let rows = commands::help(keymap);
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
        let budget = format!(" · {} cr ", group_credits(b.budget));
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

fn short_label(screen: ConsoleScreen) -> &'static str {
    match screen {
        ConsoleScreen::Templates => "Templ",
        ConsoleScreen::Compose => "Send",
        ConsoleScreen::Metrics => "Metrics",
        ConsoleScreen::Standing => "Standing",
    }
}

fn draw_status(frame: &mut Frame, state: &ConsoleState, theme: &Theme, p: &Parts) {
    if let (Some(area), Some(status)) = (p.banner, &state.status) {
        let text = format!(" ✗ {}", status.text);
        frame.render_widget(
            Paragraph::new(truncate(&text, usize::from(area.width))).style(theme.get("error")),
            area,
        );
    }
    let cells = usize::from(p.status.width);
    let right = format!("{} · {} ", state.clock.long(), state.connection);
    let message = state
        .status
        .as_ref()
        .filter(|s| !s.error)
        .map(|s| s.text.clone());
    let left_text = message.unwrap_or_else(|| match &state.business {
        Some(b) => format!("{} · quality {}", b.name, b.quality.label()),
        None => "No business in this store".to_string(),
    });
    let line = if width(&right) + 10 > cells {
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

/// Credits with thousands grouped ("20,000"); negative amounts keep their sign.
pub fn group_credits(n: i64) -> String {
    let grouped = group_count(n.unsigned_abs());
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A count with thousands grouped ("1,000,000").
pub fn group_count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

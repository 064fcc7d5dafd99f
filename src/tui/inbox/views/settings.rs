//! Settings: marketing caps, quiet hours and their time zone, the all-offers switch, and the
//! interface's own.

use super::super::state::{ChatOrder, SettingRow, UiState};
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the Settings screen.
pub fn draw(frame: &mut Frame, state: &UiState, theme: &Theme, area: Rect) {
    let block = pane(" Settings (saved as you change them) ", true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = vec![Line::from(Span::styled("Offers", theme.get("title")))];
    for (i, row) in SettingRow::ALL.iter().enumerate() {
        if *row == SettingRow::Notifications {
            lines.push(Line::raw(""));
            lines.push(Line::from(Span::styled("Interface", theme.get("title"))));
        }
        let (label, value) = describe(*row, state);
        let selected = i == state.settings_row;
        let mut line = Line::from(vec![
            Span::raw(if selected { "▸ " } else { "  " }),
            Span::raw(format!("{label:<34}")),
            Span::styled(format!("‹ {value} ›"), theme.get("key")),
        ]);
        if selected {
            line = line.style(theme.get("selected"));
        }
        lines.push(line);
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        format!(
            "Quiet hours are in your time zone ({}).",
            state.prefs.zone()
        ),
        theme.get("dim"),
    )));
    lines.push(Line::from(Span::styled(
        "They hold offers until they end; updates and codes still arrive.",
        theme.get("dim"),
    )));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn describe(row: SettingRow, state: &UiState) -> (&'static str, String) {
    let p = &state.prefs;
    let quiet = |start: bool| match p.quiet_hours {
        None => "off".to_string(),
        Some(q) if !start && q.start == q.end => format!("{:02}:00 (same as start: off)", q.end),
        Some(q) => format!("{:02}:00", if start { q.start } else { q.end }),
    };
    match row {
        SettingRow::DailyCap => (
            "Offers a day, all businesses",
            p.daily_marketing_cap.to_string(),
        ),
        SettingRow::WeeklyCap => (
            "Offers a week, from one business",
            p.weekly_business_cap.to_string(),
        ),
        SettingRow::QuietStart => ("Quiet hours start", quiet(true)),
        SettingRow::QuietEnd => ("Quiet hours end", quiet(false)),
        SettingRow::TimeZone => (
            "Time zone (quiet hours follow it)",
            match &p.time_zone {
                Some(zone) => zone.to_string(),
                None => "UTC (not set)".to_string(),
            },
        ),
        SettingRow::AllOffers => (
            "All offers",
            if p.all_offers { "on" } else { "off" }.to_string(),
        ),
        SettingRow::Notifications => (
            "Notifications for new messages",
            state.settings.notifications.to_string(),
        ),
        SettingRow::Mouse => (
            "Mouse (takes over text selection)",
            if state.settings.mouse { "on" } else { "off" }.to_string(),
        ),
        SettingRow::Copy => (
            "Copy with y (terminal clipboard)",
            if state.settings.copy { "on" } else { "off" }.to_string(),
        ),
        SettingRow::Order => (
            "Chat order",
            match state.settings.order {
                ChatOrder::UnreadFirst => "unread first",
                ChatOrder::Recent => "most recent",
            }
            .to_string(),
        ),
    }
}

//! Settings: marketing caps, quiet hours and their time zone, the all-offers switch, and the
//! interface's own.

use super::super::state::{ChatOrder, LanguageSource, SettingRow, UiState};
use crate::i18n;
use crate::tui::kit::Theme;
use crate::tui::kit::notify::Notifications;
use crate::tui::kit::views::common::{pad, pane, width, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the Settings screen.
pub fn draw(frame: &mut Frame, state: &UiState, theme: &Theme, area: Rect) {
    let block = pane(format!(" {} ", tr!("inbox-settings-title")), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = vec![Line::from(Span::styled(
        tr!("inbox-settings-offers"),
        theme.get("title"),
    ))];
    let rows: Vec<(String, String)> = SettingRow::ALL
        .iter()
        .map(|row| describe(*row, state))
        .collect();
    let label_cells = rows
        .iter()
        .map(|(l, _)| width(l) + 1)
        .max()
        .unwrap_or(0)
        .max(34);
    for (i, (row, (label, value))) in SettingRow::ALL.iter().zip(rows).enumerate() {
        if *row == SettingRow::Notifications {
            lines.push(Line::raw(""));
            lines.push(Line::from(Span::styled(
                tr!("inbox-settings-interface"),
                theme.get("title"),
            )));
        }
        let selected = i == state.settings_row;
        let mut line = Line::from(vec![
            Span::raw(if selected { "▸ " } else { "  " }),
            Span::raw(pad(&label, label_cells)),
            Span::styled(format!("‹ {value} ›"), theme.get("key")),
        ]);
        if selected {
            line = line.style(theme.get("selected"));
        }
        lines.push(line);
    }
    lines.push(Line::raw(""));
    let zone = tr!(
        "inbox-settings-quiet-zone",
        zone = state.prefs.zone().to_string()
    );
    for text in [zone, tr!("inbox-settings-quiet-explained")] {
        for part in wrap(&text, usize::from(inner.width)) {
            lines.push(Line::from(Span::styled(part, theme.get("dim"))));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn on_off(on: bool) -> String {
    match on {
        true => tr!("inbox-settings-on"),
        false => tr!("inbox-settings-off"),
    }
}

fn describe(row: SettingRow, state: &UiState) -> (String, String) {
    let p = &state.prefs;
    let quiet = |start: bool| match p.quiet_hours {
        None => on_off(false),
        Some(q) if !start && q.start == q.end => {
            tr!(
                "inbox-settings-quiet-same",
                hour = format!("{:02}:00", q.end)
            )
        }
        Some(q) => format!("{:02}:00", if start { q.start } else { q.end }),
    };
    match row {
        SettingRow::DailyCap => (
            tr!("inbox-settings-daily-cap"),
            i18n::number(p.daily_marketing_cap),
        ),
        SettingRow::WeeklyCap => (
            tr!("inbox-settings-weekly-cap"),
            i18n::number(p.weekly_business_cap),
        ),
        SettingRow::QuietStart => (tr!("inbox-settings-quiet-start"), quiet(true)),
        SettingRow::QuietEnd => (tr!("inbox-settings-quiet-end"), quiet(false)),
        SettingRow::TimeZone => (
            tr!("inbox-settings-zone"),
            match &p.time_zone {
                Some(zone) => zone.to_string(),
                None => tr!("inbox-settings-zone-unset"),
            },
        ),
        SettingRow::AllOffers => (tr!("inbox-settings-all-offers"), on_off(p.all_offers)),
        SettingRow::Notifications => (
            tr!("inbox-settings-notifications"),
            match state.settings.notifications {
                Notifications::Bell => tr!("inbox-settings-notify-bell"),
                Notifications::Desktop => tr!("inbox-settings-notify-desktop"),
                Notifications::Off => on_off(false),
            },
        ),
        SettingRow::Mouse => (tr!("inbox-settings-mouse"), on_off(state.settings.mouse)),
        SettingRow::Copy => (tr!("inbox-settings-copy"), on_off(state.settings.copy)),
        SettingRow::Order => (
            tr!("inbox-settings-order"),
            match state.settings.order {
                ChatOrder::UnreadFirst => tr!("inbox-settings-order-unread"),
                ChatOrder::Recent => tr!("inbox-settings-order-recent"),
            },
        ),
        SettingRow::Language => (tr!("inbox-settings-language"), language(state)),
    }
}

/// The language in force by its own name (its tag when a language of the user's has no
/// name), and where it came from.
fn language(state: &UiState) -> String {
    let from = match state.language_source {
        LanguageSource::Settings => tr!("inbox-settings-language-from-settings"),
        LanguageSource::Config => tr!("inbox-settings-language-from-config"),
        LanguageSource::Environment => tr!("inbox-settings-language-from-environment"),
        LanguageSource::Default => tr!("inbox-settings-language-from-default"),
    };
    let catalogue = i18n::current();
    let name = match catalogue.defines("language-name") {
        true => tr!("language-name"),
        false => catalogue.tag().to_string(),
    };
    format!("{name} ({from})")
}

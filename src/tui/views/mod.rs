//! Drawing: a pure function of the state, the theme and the keymap. One screen, one file.

mod block;
mod chat;
pub mod common;
pub mod console;
mod console_compose;
mod console_dialogs;
mod console_metrics;
mod console_standing;
mod console_templates;
pub mod demo;
mod first_contact;
mod held;
mod help;
mod inbox;
mod profile;
mod report;
mod search;
mod settings;
mod status;
mod subscriptions;
mod why;

use super::keymap::Keymap;
use super::layout;
use super::state::{Dialog, Screen, UiState};
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::widgets::{Clear, Paragraph, Wrap};

/// When `area` is below the smallest size, says so (naming `what` needs more) in its place
/// and returns true.
pub fn too_small(frame: &mut Frame, area: ratatui::layout::Rect, what: &str) -> bool {
    if !layout::too_small(area.width, area.height) {
        return false;
    }
    let text = format!(
        "Terminal too small: {}x{}. {what} needs at least {}x{}.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center),
        area,
    );
    true
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, state: &UiState, theme: &Theme, keymap: &Keymap) {
    let area = frame.area();
    if too_small(frame, area, "Parley") {
        return;
    }
    let areas = layout::areas(state);
    match state.screen {
        Screen::Inbox => inbox::draw(frame, state, theme, &areas),
        Screen::Subscriptions => subscriptions::draw(frame, state, theme, areas.main),
        Screen::Profile(_) => profile::draw(frame, state, theme, areas.main),
        Screen::Settings => settings::draw(frame, state, theme, areas.main),
        Screen::Help => help::draw(frame, state, theme, keymap, areas.main),
    }
    if state.screen != Screen::Inbox {
        status::title_line(frame, state, theme, areas.tabs);
    }
    status::draw(frame, state, theme, keymap, &areas);
    if let Some(search) = &state.search {
        frame.render_widget(Clear, areas.main);
        search::draw(frame, search, state, theme, areas.main);
    }
    if let Some(dialog) = &state.dialog {
        match dialog {
            Dialog::Why { title, lines } => why::draw(frame, title, lines, theme, areas.main),
            Dialog::Report { .. } => report::draw(frame, dialog, theme, areas.main),
            Dialog::Block { .. } => block::draw(frame, dialog, theme, areas.main),
            Dialog::FirstContact { .. } => first_contact::draw(frame, dialog, theme, areas.main),
        }
    }
}

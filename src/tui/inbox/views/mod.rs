//! Drawing the inbox: a pure function of the state, the theme and the keymap. One screen,
//! one file.

mod block;
mod chat;
mod command;
mod composer;
mod delete_held;
mod find;
mod first_contact;
mod held;
mod help;
mod inbox;
mod notices;
mod profile;
mod report;
mod search;
mod settings;
mod status;
mod subscriptions;
mod why;

use super::layout;
use super::state::{Dialog, Screen, UiState};
use crate::tui::kit::views::too_small;
use crate::tui::kit::{Keymap, Theme};
use ratatui::Frame;
use ratatui::widgets::Clear;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, state: &UiState, theme: &Theme, keymap: &Keymap) {
    let area = frame.area();
    if too_small(frame, area, &tr!("inbox-app-name")) {
        return;
    }
    let areas = layout::areas(state);
    match state.screen {
        Screen::Inbox => inbox::draw(frame, state, theme, &areas),
        Screen::Subscriptions => subscriptions::draw(frame, state, theme, areas.main),
        Screen::Profile(_) => profile::draw(frame, state, theme, areas.main),
        Screen::Settings => settings::draw(frame, state, theme, areas.main),
        Screen::Help => help::draw(frame, state, theme, keymap, areas.main),
        Screen::Notices => notices::draw(frame, state, theme, areas.main),
    }
    if state.screen != Screen::Inbox {
        status::title_line(frame, state, theme, areas.tabs);
    }
    status::draw(frame, state, theme, keymap, &areas);
    if let Some(search) = &state.search {
        frame.render_widget(Clear, areas.main);
        search::draw(frame, search, state, theme, areas.main);
    }
    if let Some(line) = &state.command {
        command::draw(frame, line, theme, areas.main, areas.footer);
    }
    if let Some(dialog) = &state.dialog {
        match dialog {
            Dialog::Why { title, lines } => why::draw(frame, title, lines, theme, areas.main),
            Dialog::Report { .. } => report::draw(frame, dialog, theme, areas.main),
            Dialog::Block { .. } => block::draw(frame, dialog, theme, areas.main),
            Dialog::FirstContact { .. } => first_contact::draw(frame, dialog, theme, areas.main),
            Dialog::DeleteHeld { .. } => delete_held::draw(frame, dialog, theme, areas.main),
        }
    }
}

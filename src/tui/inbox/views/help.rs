//! Help: every key of the inbox, grouped by where it works.

use super::super::commands;
use super::super::state::UiState;
use crate::tui::kit::keymap::Keymap;
use crate::tui::kit::theme::Theme;
use crate::tui::kit::views::help::draw_groups;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Draws the help screen.
pub fn draw(frame: &mut Frame, state: &UiState, theme: &Theme, keymap: &Keymap, area: Rect) {
    draw_groups(
        frame,
        commands::help(keymap),
        state.help_scroll,
        theme,
        area,
    );
}

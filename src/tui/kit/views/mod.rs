//! View pieces every app draws with: text by cell width, boxes and badges, the "too small"
//! notice, the error banner and the help screen.

pub mod common;
pub mod help;

use super::layout;
use super::status::Status;
use super::theme::Theme;
use common::truncate;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::widgets::{Paragraph, Wrap};

/// When `area` is below the smallest size, says so (naming `what` needs more) in its place
/// and returns true.
pub fn too_small(frame: &mut Frame, area: Rect, what: &str) -> bool {
    if !layout::too_small(area.width, area.height) {
        return false;
    }
    let text = tr!(
        "kit-too-small",
        size = format!("{}x{}", area.width, area.height),
        what = what,
        least = format!("{}x{}", layout::MIN_WIDTH, layout::MIN_HEIGHT)
    );
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center),
        area,
    );
    true
}

/// Draws an error in the banner's line, when there is a line for it and an error to show.
pub fn draw_banner(frame: &mut Frame, area: Option<Rect>, status: Option<&Status>, theme: &Theme) {
    if let (Some(area), Some(status)) = (area, status) {
        let text = format!(" ✗ {}", status.text);
        frame.render_widget(
            Paragraph::new(truncate(&text, usize::from(area.width))).style(theme.get("error")),
            area,
        );
    }
}

//! The frame every app shares: a tab line at the top, the main area, an error banner when
//! there is an error, then the status bar and the footer of keys. A pure function of the area.

use ratatui::layout::Rect;

/// Smallest size that shows anything but a "too small" notice.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// Whether the terminal is too small to use.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// The rows of a frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Parts {
    pub tabs: Rect,
    pub main: Rect,
    pub banner: Option<Rect>,
    pub status: Rect,
    pub footer: Rect,
}

/// Splits `area` into the frame's rows; with `banner`, a line for an error above the status.
pub fn parts(area: Rect, banner: bool) -> Parts {
    let banner_lines = u16::from(banner);
    let main_height = area.height.saturating_sub(3 + banner_lines);
    let row = |y: u16| Rect::new(area.x, area.y + y, area.width, 1);
    Parts {
        tabs: row(0),
        main: Rect::new(area.x, area.y + 1, area.width, main_height),
        banner: banner.then(|| row(1 + main_height)),
        status: row(area.height.saturating_sub(2)),
        footer: row(area.height.saturating_sub(1)),
    }
}

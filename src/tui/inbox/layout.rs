//! Where each part of the screen goes, as a pure function of the state: `draw` uses it to
//! paint, and the app uses it to turn a mouse click into a row.

use super::state::{Pane, Screen, Tab, UiState};
use crate::tui::kit::layout;
use ratatui::layout::Rect;

/// Lines per chat in the list.
pub const ROW_HEIGHT: u16 = 2;

/// The areas of the screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub tabs: Rect,
    pub main: Rect,
    pub list: Option<Rect>,
    pub chat: Option<Rect>,
    pub banner: Option<Rect>,
    pub status: Rect,
    pub footer: Rect,
}

/// Splits the screen for the current state.
pub fn areas(state: &UiState) -> Areas {
    let w = state.width;
    let banner = state.status.as_ref().is_some_and(|s| s.error);
    let frame = layout::parts(Rect::new(0, 0, w, state.height), banner);
    let main = frame.main;
    let mut a = Areas {
        tabs: frame.tabs,
        main,
        list: None,
        chat: None,
        banner: frame.banner,
        status: frame.status,
        footer: frame.footer,
    };
    if state.screen != Screen::Inbox {
        return a;
    }
    if state.two_panes() {
        let list_width = (w * 36 / 100).clamp(30, 44);
        a.list = Some(Rect::new(0, main.y, list_width, main.height));
        a.chat = Some(Rect::new(list_width, main.y, w - list_width, main.height));
    } else if state.pane == Pane::Chat && state.chat.is_some() {
        a.chat = Some(main);
    } else {
        a.list = Some(main);
    }
    a
}

/// How many chats fit in the list pane.
pub fn list_rows(state: &UiState) -> usize {
    areas(state)
        .list
        .map_or(10, |r| usize::from(r.height.saturating_sub(2) / ROW_HEIGHT))
        .max(1)
}

/// The label of each tab and where it sits on the tab line.
pub fn tab_positions(state: &UiState) -> Vec<(Tab, String, u16, u16)> {
    let compact = state.width < 100;
    let mut x = 0u16;
    let mut out = Vec::new();
    for tab in Tab::ALL {
        let name = if compact {
            tab.short_label()
        } else {
            tab.label()
        };
        let label = format!(" {} {} ", name, tab.count(&state.counts));
        let width = label.chars().count() as u16;
        if x + width > state.width {
            break;
        }
        out.push((tab, label, x, x + width));
        x += width + 1;
    }
    out
}

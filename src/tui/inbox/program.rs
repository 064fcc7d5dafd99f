//! The inbox as a full-screen program of the kit's event loop: keys and clicks become
//! actions, the sync loop's news becomes the connection line and reloads.

use super::views;
use super::{Action, App, UiState};
use crate::sync::engine::SyncEvent;
use crate::tui::kit::notify::Alert;
use crate::tui::kit::{Keymap, Program, Theme};
use crossterm::event::{KeyEvent, MouseEvent, MouseEventKind};
use ratatui::Frame;

impl Program for App {
    type View = UiState;
    type News = SyncEvent;

    fn key(&mut self, keymap: &Keymap, event: &KeyEvent) {
        if let Some(action) = keymap.action(self.state.mode(), event) {
            self.learn_help_length(keymap);
            self.update(action);
        }
    }

    fn mouse(&mut self, event: &MouseEvent) {
        if let Some(action) = mouse_action(event, &self.state) {
            self.update(action);
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.update(Action::Resize { width, height });
    }

    fn paste(&mut self, _keymap: &Keymap, text: &str) {
        self.paste(text);
    }

    fn edited(&mut self, result: Result<String, String>) {
        App::edited(self, result);
    }

    fn news(&mut self, news: SyncEvent) {
        match news {
            SyncEvent::Status(text) => self.set_connection(text),
            SyncEvent::Changed => self.update(Action::Refresh),
            SyncEvent::Stopped(sentence) => self.sync_stopped(sentence),
        }
    }

    fn busy(&self) -> bool {
        self.searching()
    }

    fn tick(&mut self) {
        self.search_more();
    }

    fn size(&self) -> (u16, u16) {
        (self.state.width, self.state.height)
    }

    fn refresh_every(&self) -> Option<std::time::Duration> {
        self.undo_pending()
            .then(|| std::time::Duration::from_secs(1))
    }

    fn refresh(&mut self) {
        self.update(Action::Refresh);
    }

    fn view(&self) -> UiState {
        self.state.clone()
    }

    fn draw(frame: &mut Frame, view: &UiState, theme: &Theme, keymap: &Keymap) {
        views::draw(frame, view, theme, keymap);
    }

    fn draw_now(&self, frame: &mut Frame, theme: &Theme, keymap: &Keymap) {
        views::draw(frame, &self.state, theme, keymap);
    }

    fn quits(view: &UiState) -> bool {
        view.quit
    }

    fn wants_mouse(view: &UiState) -> bool {
        view.settings.mouse
    }

    fn external_edit(view: &UiState) -> Option<(u64, &str)> {
        view.external_edit
            .as_ref()
            .map(|(id, text)| (*id, text.as_str()))
    }

    fn clipboard(view: &UiState) -> Option<(u64, &str)> {
        view.clipboard
            .as_ref()
            .map(|(id, text)| (*id, text.as_str()))
    }

    fn alert(view: &UiState) -> Option<Alert<'_>> {
        Some(Alert {
            count: view.notify_count,
            how: view.settings.notifications,
            text: view.notification.as_deref(),
        })
    }
}

/// The action a mouse event asks for, while the mouse is on in the settings.
fn mouse_action(event: &MouseEvent, state: &UiState) -> Option<Action> {
    if !state.settings.mouse {
        return None;
    }
    let (column, row) = (event.column, event.row);
    match event.kind {
        MouseEventKind::Down(_) => Some(Action::Click { column, row }),
        MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
        _ => None,
    }
}

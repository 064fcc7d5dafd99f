//! The console over a server, as a full-screen program: the app and its remote source, with
//! the screen reloaded every few seconds, since a server's data changes on its own.

use super::RemoteSource;
use crate::tui::Action;
use crate::tui::console::runtime::Program;
use crate::tui::console::source::Result;
use crate::tui::console::{ConsoleApp, ConsoleState};
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use std::time::Duration;

/// How often the screen is reloaded while no key comes.
const REFRESH_EVERY: Duration = Duration::from_secs(5);

/// The console of the one business a server token acts for.
pub struct RemoteSession {
    source: RemoteSource,
    pub app: ConsoleApp,
}

impl RemoteSession {
    /// Opens the console on the token's business.
    pub fn open(mut source: RemoteSource, width: u16, height: u16) -> Result<RemoteSession> {
        let business = source.business_id();
        let app = ConsoleApp::open(&mut source, Some(business), width, height)?;
        Ok(RemoteSession { source, app })
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        self.app.update(&mut self.source, action);
    }

    /// Sends the next part of a running broadcast.
    pub fn tick(&mut self) {
        self.app.tick(&mut self.source);
    }

    /// The source, to read what the console reads.
    pub fn source(&mut self) -> &mut RemoteSource {
        &mut self.source
    }
}

impl Program for RemoteSession {
    type View = ConsoleState;

    fn key(&mut self, keymap: &Keymap, event: &KeyEvent) {
        if let Some(action) = keymap.action(self.app.state.mode(), event) {
            self.update(action);
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.update(Action::Resize { width, height });
    }

    fn busy(&self) -> bool {
        self.app.busy()
    }

    fn tick(&mut self) {
        RemoteSession::tick(self);
    }

    fn refresh_every(&self) -> Option<Duration> {
        Some(REFRESH_EVERY)
    }

    fn refresh(&mut self) {
        let was_unreachable = !self.source.online();
        self.app.refresh(&mut self.source);
        if was_unreachable && self.source.online() {
            self.app.state.status = None;
        }
    }

    fn view(&self) -> ConsoleState {
        self.app.state.clone()
    }

    fn quit(&self) -> bool {
        self.app.state.quit
    }

    fn draw(frame: &mut Frame, view: &ConsoleState, theme: &Theme, keymap: &Keymap) {
        crate::tui::views::console::draw(frame, frame.area(), view, theme, keymap);
    }
}

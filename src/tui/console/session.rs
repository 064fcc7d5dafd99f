//! The console as a full-screen program: the app and the source it reads and acts through,
//! the local store or a server. What differs between them is the source's: a server's data is
//! reloaded every few seconds; a store's unfinished broadcasts are settled when it opens.

use super::action::Action;
use super::source::{ConsoleSource, Result};
use super::store_source::StoreSource;
use super::{ConsoleApp, ConsoleState, views};
use crate::model::BusinessId;
use crate::store::Store;
use crate::tui::kit::{Keymap, Program, Theme};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use std::time::Duration;

/// The console over one source.
pub struct Session<S> {
    source: S,
    pub app: ConsoleApp,
}

impl<S: ConsoleSource> Session<S> {
    /// Opens the console on `source`, acting as `business` (by default the source's own
    /// business, else the lender, else the first business).
    pub fn open(
        mut source: S,
        business: Option<BusinessId>,
        width: u16,
        height: u16,
    ) -> Result<Session<S>> {
        source.settle_unfinished()?;
        let business = business.or_else(|| source.own_business());
        let app = ConsoleApp::open(&mut source, business, width, height)?;
        Ok(Session { source, app })
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
    pub fn source(&self) -> &S {
        &self.source
    }
}

impl Session<StoreSource> {
    /// The store behind the console.
    pub fn store(&self) -> &Store {
        self.source.store()
    }
}

impl<S: ConsoleSource + Send + 'static> Program for Session<S> {
    type View = ConsoleState;
    type News = ();

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
        Session::tick(self);
    }

    fn refresh_every(&self) -> Option<Duration> {
        self.source.refresh_every()
    }

    fn refresh(&mut self) {
        let was_unreachable = !self.source.online();
        self.app.refresh(&mut self.source);
        if was_unreachable && self.source.online() {
            self.app.state.status = None;
        }
    }

    fn size(&self) -> (u16, u16) {
        (self.app.state.width, self.app.state.height)
    }

    fn view(&self) -> ConsoleState {
        self.app.state.clone()
    }

    fn draw(frame: &mut Frame, view: &ConsoleState, theme: &Theme, keymap: &Keymap) {
        views::draw(frame, frame.area(), view, theme, keymap);
    }

    fn draw_now(&self, frame: &mut Frame, theme: &Theme, keymap: &Keymap) {
        views::draw(frame, frame.area(), &self.app.state, theme, keymap);
    }

    fn quits(view: &ConsoleState) -> bool {
        view.quit
    }
}

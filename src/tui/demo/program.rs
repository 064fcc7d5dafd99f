//! The demo as a full-screen program of the kit's event loop.

use super::view;
use super::{DemoApp, DemoView};
use crate::tui::kit::{Keymap, Program, Theme};
use crossterm::event::KeyEvent;
use ratatui::Frame;

impl Program for DemoApp {
    type View = DemoView;
    type News = ();

    fn key(&mut self, keymap: &Keymap, event: &KeyEvent) {
        DemoApp::key(self, keymap, event);
    }

    fn resize(&mut self, width: u16, height: u16) {
        DemoApp::resize(self, width, height);
    }

    fn busy(&self) -> bool {
        DemoApp::busy(self)
    }

    fn tick(&mut self) {
        DemoApp::tick(self);
    }

    fn size(&self) -> (u16, u16) {
        (self.state.width, self.state.height)
    }

    fn view(&self) -> DemoView {
        DemoApp::view(self)
    }

    fn draw(frame: &mut Frame, view: &DemoView, theme: &Theme, keymap: &Keymap) {
        view::draw(frame, view, theme, keymap);
    }

    fn quits(view: &DemoView) -> bool {
        view.demo.quit
    }
}

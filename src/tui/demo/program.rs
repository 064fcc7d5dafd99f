//! The demo as a full-screen program of the kit's event loop.

use super::view;
use super::{DemoApp, DemoView, Half};
use crate::tui::kit::{Keymap, Program, Theme};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
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

    fn paste(&mut self, keymap: &Keymap, text: &str) {
        match self.state.focus {
            Half::Inbox => self.inbox.paste(text),
            Half::Console => {
                for c in text.chars().filter(|c| !c.is_control()) {
                    let typed = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
                    DemoApp::key(self, keymap, &typed);
                }
            }
        }
    }

    fn edited(&mut self, result: Result<String, String>) {
        self.inbox.edited(result);
    }

    fn external_edit(view: &DemoView) -> Option<(u64, &str)> {
        <crate::tui::inbox::App as Program>::external_edit(&view.inbox)
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

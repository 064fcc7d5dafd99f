//! `parley demo`: the user's inbox and one business's console over the same demo world, side
//! by side when the terminal is wide enough (or one at a time, with a key to flip), so a
//! person can block or report the lender, move the clock, and watch its quality, templates
//! and restrictions change. A guided tour walks through those steps.

pub mod keys;
mod program;
mod tour;
pub mod view;

pub use keys::{Action, Mode};
pub use tour::{Milestone, TOUR, TourMove, TourStep};

use super::console::state::{ConsoleScreen, ConsoleState};
use super::console::{self, ConsoleApp, ConsoleError, ConsoleSource, StoreSource};
use super::inbox::{self, App, UiSettings, UiState};
use super::kit::Keymap;
use crate::model::Span;
use crate::store::Store;
use crate::world::{self, Assets, WorldError};
use crossterm::event::KeyEvent;

/// Where the demo's clock starts: just after the lender's first messages (d0 11:05).
pub const DEMO_START: Span = Span::minutes(3 * 60 + 5);
/// From this width, both halves are on screen.
pub const SIDE_BY_SIDE_WIDTH: u16 = 160;

/// Which half has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    Inbox,
    Console,
}

/// The demo's own state: size, focus and tour.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoState {
    pub width: u16,
    pub height: u16,
    pub focus: Half,
    /// The tour step shown (index into [`TOUR`]), while the tour runs.
    pub tour: Option<usize>,
    pub quit: bool,
}

impl DemoState {
    /// Whether both halves fit side by side.
    pub fn side_by_side(&self) -> bool {
        self.width >= SIDE_BY_SIDE_WIDTH
    }
}

/// Everything the demo's view draws.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoView {
    pub demo: DemoState,
    pub inbox: UiState,
    pub console: ConsoleState,
}

/// The inbox and a console over one store.
pub struct DemoApp {
    pub inbox: App,
    pub console: ConsoleApp,
    assets: Assets,
    pub state: DemoState,
}

/// A fresh demo world in memory, its clock at [`DEMO_START`].
pub fn fresh_world(assets: &Assets) -> Result<Store, WorldError> {
    let mut store = Store::open_in_memory()?;
    world::seed(&mut store, assets)?;
    world::advance(&mut store, assets, assets.world.start + DEMO_START, |_| {})?;
    Ok(store)
}

impl DemoApp {
    /// Opens the inbox and the console of the lender (else the first business) on `store`.
    pub fn open(
        mut store: Store,
        assets: Assets,
        settings: UiSettings,
        width: u16,
        height: u16,
    ) -> Result<DemoApp, ConsoleError> {
        let state = DemoState {
            width,
            height,
            focus: Half::Inbox,
            tour: None,
            quit: false,
        };
        let (w, h) = half_size(&state);
        StoreSource::new(&mut store, &assets).settle_unfinished()?;
        let mut inbox = App::open(store, assets.clone(), settings, w, h)?;
        let mut source = StoreSource::new(inbox.store_mut(), &assets);
        let mut console = ConsoleApp::open(&mut source, None, w, h)?;
        console.show(ConsoleScreen::Standing);
        console.refresh(&mut source);
        Ok(DemoApp {
            inbox,
            console,
            assets,
            state,
        })
    }

    /// What to draw.
    pub fn view(&self) -> DemoView {
        DemoView {
            demo: self.state.clone(),
            inbox: self.inbox.state.clone(),
            console: self.console.state.clone(),
        }
    }

    /// A key: the demo's own keys first, then the half that has the keys.
    pub fn key(&mut self, keymap: &Keymap, event: &KeyEvent) {
        if let Some(action) = keymap.own_action(Mode::Demo, event) {
            return self.update(action);
        }
        match self.state.focus {
            Half::Inbox => {
                if let Some(action) = keymap.action(self.inbox.state.mode(), event) {
                    self.inbox.learn_help_length(keymap);
                    self.inbox_update(action);
                }
            }
            Half::Console => {
                if let Some(action) = keymap.action(self.console.state.mode(), event) {
                    self.console_update(action);
                }
            }
        }
    }

    /// Applies one of the demo's own actions.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::SwitchHalf => self.switch_half(),
            Action::Tour => {
                self.tour_step();
                self.resize(self.state.width, self.state.height);
            }
            Action::TourStop => {
                self.state.tour = None;
                self.resize(self.state.width, self.state.height);
            }
        }
    }

    /// Whether the console has a broadcast to send (see [`DemoApp::tick`]).
    pub fn busy(&self) -> bool {
        self.console.busy()
    }

    /// Sends the next part of a running broadcast, then refreshes the inbox.
    pub fn tick(&mut self) {
        let mut source = StoreSource::new(self.inbox.store_mut(), &self.assets);
        self.console.tick(&mut source);
        self.inbox.update(inbox::Action::Refresh);
    }

    fn switch_half(&mut self) {
        self.state.focus = match self.state.focus {
            Half::Inbox => Half::Console,
            Half::Console => Half::Inbox,
        };
    }

    /// The terminal's new size: each half gets its share.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.state.width = width;
        self.state.height = height;
        let (w, h) = half_size(&self.state);
        self.inbox.update(inbox::Action::Resize {
            width: w,
            height: h,
        });
        self.with_console(|console, source| {
            console.update(
                source,
                console::Action::Resize {
                    width: w,
                    height: h,
                },
            )
        });
    }

    fn inbox_update(&mut self, action: inbox::Action) {
        self.inbox.update(action);
        self.state.quit |= self.inbox.state.quit;
        self.with_console(|console, source| console.refresh(source));
    }

    fn console_update(&mut self, action: console::Action) {
        self.with_console(|console, source| console.update(source, action));
        self.state.quit |= self.console.state.quit;
        self.inbox.update(inbox::Action::Refresh);
    }

    /// Runs `f` on the console with a source over the inbox's store.
    fn with_console<R>(
        &mut self,
        f: impl FnOnce(&mut ConsoleApp, &mut dyn ConsoleSource) -> R,
    ) -> R {
        let mut source = StoreSource::new(self.inbox.store_mut(), &self.assets);
        f(&mut self.console, &mut source)
    }
}

/// Most lines the demo's caption takes.
const MAX_BAR_LINES: u16 = 3;
/// Fewest cells the demo's line keeps for its keys.
const BAR_KEYS: usize = 20;

/// Lines at the top for the demo: as many as the tour's caption needs beside the keys (one,
/// two, or three for a long caption in a narrow terminal).
pub fn bar_height(state: &DemoState) -> u16 {
    let Some(step) = state.tour else {
        return 1;
    };
    let text = format!(" {}", tour::caption_line(step));
    let keys = tr!("demo-bar-next", next = "f3", end = "f4")
        .chars()
        .count()
        + 2;
    let keys = keys.max(BAR_KEYS);
    let cells = usize::from(state.width).max(1);
    let mut rest = text.as_str();
    for lines in 1..MAX_BAR_LINES {
        let indent = usize::from(lines > 1);
        if indent + rest.chars().count() + keys <= cells {
            return lines;
        }
        let part = view::fit_words(rest, cells.saturating_sub(indent));
        rest = rest[part.len()..].trim_start();
    }
    MAX_BAR_LINES
}

/// The size each half is drawn at: half the width side by side, else the whole width; the
/// top lines are the demo's.
pub fn half_size(state: &DemoState) -> (u16, u16) {
    let h = state.height.saturating_sub(bar_height(state));
    match state.side_by_side() {
        true => (state.width / 2, h),
        false => (state.width, h),
    }
}

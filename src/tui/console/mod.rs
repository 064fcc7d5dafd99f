//! The business console: the platform from a business's side. Its templates and their
//! reviews, broadcasts (priced, dry-run, confirmed, sent with progress, charged for what was
//! delivered), metrics with charts, and its standing: quality, tier, strikes, restrictions.
//!
//! The console reads and acts through a [`ConsoleSource`]: the local store ([`StoreSource`],
//! the demo world offline) or a server ([`RemoteSource`], the one business a token acts for),
//! without the views changing. `parley business` opens it alone (with `--server URL --token T`,
//! on the server); `parley demo` puts it beside the user's inbox.

pub mod app;
pub mod commands;
pub mod demo;
pub mod field;
pub mod recovery;
pub mod remote;
pub mod runtime;
pub mod source;
pub mod state;
mod store_source;

pub use app::ConsoleApp;
pub use demo::DemoApp;
pub use remote::{RemoteSession, RemoteSource};
pub use source::{ConsoleError, ConsoleSource};
pub use state::ConsoleState;
pub use store_source::StoreSource;

use super::UiConfig;
use super::keymap::Keymap;
use super::theme::Theme;
use crate::model::BusinessId;
use crate::store::{Store, StoreError, paths};
use crate::tui::Action;
use crate::world::{self, Assets};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use std::path::Path;

/// What can stop the console or the demo.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Console(#[from] ConsoleError),
    #[error("the terminal failed: {0}")]
    Terminal(#[from] std::io::Error),
}

impl From<StoreError> for RunError {
    fn from(e: StoreError) -> RunError {
        RunError::Console(e.into())
    }
}

impl From<world::WorldError> for RunError {
    fn from(e: world::WorldError) -> RunError {
        RunError::Console(e.into())
    }
}

/// Options of `parley demo`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DemoArgs {
    /// Run on the store in the data directory (the inbox's world, as far as its clock went)
    /// instead of a fresh demo world in memory.
    #[arg(long)]
    pub store: bool,
}

/// `parley business` with neither a subcommand nor a server: the console on the demo
/// world's store in `data_dir` (written on first start), acting as the business named
/// `business` (by default the lender, else the first business; `b` switches).
pub fn run_console(
    data_dir: &Path,
    assets: Assets,
    config: UiConfig,
    business: Option<&str>,
) -> Result<(), RunError> {
    let mut store = open_store(data_dir)?;
    world::seed(&mut store, &assets)?;
    let business = match business {
        Some(name) => Some(business_named(&store, name)?),
        None => None,
    };
    let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
    let session = ConsoleSession::open(store, assets, business, width, height)?;
    run_full_screen(session, config)
}

/// `parley business --server URL --token T` without a subcommand: the console on the server,
/// acting as the business the token belongs to.
pub fn run_remote_console(server: &str, token: &str, config: UiConfig) -> Result<(), RunError> {
    let source = RemoteSource::connect(server, token)?;
    let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
    let session = RemoteSession::open(source, width, height)?;
    run_full_screen(session, config)
}

/// `parley demo`: the inbox and the lender's console side by side (or a key apart), on a
/// fresh demo world, or with `--store` on the one in `data_dir`.
pub fn run_demo(
    data_dir: &Path,
    assets: Assets,
    config: UiConfig,
    args: &DemoArgs,
) -> Result<(), RunError> {
    let store = match args.store {
        true => open_store(data_dir)?,
        false => demo::fresh_world(&assets)?,
    };
    let (width, height) = crossterm::terminal::size().unwrap_or((160, 40));
    let demo = DemoApp::open(store, assets, config.settings.clone(), width, height)?;
    run_full_screen(demo, config)
}

fn run_full_screen<P: runtime::Program>(program: P, config: UiConfig) -> Result<(), RunError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(runtime::run(program, config))?;
    Ok(())
}

fn open_store(data_dir: &Path) -> Result<Store, RunError> {
    std::fs::create_dir_all(data_dir)?;
    Ok(Store::open(&paths::database_file(data_dir))?)
}

fn business_named(store: &Store, name: &str) -> Result<BusinessId, RunError> {
    let found = store.db().business_named(name.trim())?;
    found.map(|b| b.id).ok_or_else(|| {
        let known: Vec<String> = store
            .db()
            .businesses()
            .map(|list| list.into_iter().map(|b| b.name).collect())
            .unwrap_or_default();
        RunError::Console(ConsoleError::Unavailable(format!(
            "no business named {}; the businesses are {}",
            crate::model::text::clean_line(name, 64),
            known.join(", ")
        )))
    })
}

/// Settles every broadcast an earlier console left sending: what was delivered is charged,
/// the rest of its reservation returned.
pub fn settle_unfinished(store: &mut Store) -> Result<(), StoreError> {
    let every = crate::model::Timestamp(i64::MAX);
    store.write(|tx| tx.settle_unfinished(None, every).map(drop))
}

/// The console on its own, over a store it owns.
pub struct ConsoleSession {
    store: Store,
    assets: Assets,
    pub app: ConsoleApp,
}

impl ConsoleSession {
    /// Opens the console on `store`, acting as `business` (default: the lender, else the
    /// first business).
    pub fn open(
        mut store: Store,
        assets: Assets,
        business: Option<BusinessId>,
        width: u16,
        height: u16,
    ) -> Result<ConsoleSession, ConsoleError> {
        settle_unfinished(&mut store)?;
        let app = ConsoleApp::open(
            &mut StoreSource::new(&mut store, &assets),
            business,
            width,
            height,
        )?;
        Ok(ConsoleSession { store, assets, app })
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        let mut source = StoreSource::new(&mut self.store, &self.assets);
        self.app.update(&mut source, action);
    }

    /// Sends the next part of a running broadcast.
    pub fn tick(&mut self) {
        let mut source = StoreSource::new(&mut self.store, &self.assets);
        self.app.tick(&mut source);
    }

    /// The store behind the console.
    pub fn store(&self) -> &Store {
        &self.store
    }
}

impl runtime::Program for ConsoleSession {
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
        ConsoleSession::tick(self);
    }

    fn view(&self) -> ConsoleState {
        self.app.state.clone()
    }

    fn quit(&self) -> bool {
        self.app.state.quit
    }

    fn draw(frame: &mut Frame, view: &ConsoleState, theme: &Theme, keymap: &Keymap) {
        let area = frame.area();
        super::views::console::draw(frame, area, view, theme, keymap);
    }
}

impl runtime::Program for DemoApp {
    type View = demo::DemoView;

    fn key(&mut self, keymap: &Keymap, event: &KeyEvent) {
        DemoApp::key(self, keymap, event);
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.update(Action::Resize { width, height });
    }

    fn busy(&self) -> bool {
        DemoApp::busy(self)
    }

    fn tick(&mut self) {
        DemoApp::tick(self);
    }

    fn view(&self) -> demo::DemoView {
        DemoApp::view(self)
    }

    fn quit(&self) -> bool {
        self.state.quit
    }

    fn draw(frame: &mut Frame, view: &demo::DemoView, theme: &Theme, keymap: &Keymap) {
        super::views::demo::draw(frame, view, theme, keymap);
    }
}

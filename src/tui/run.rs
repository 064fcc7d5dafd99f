//! Full-screen entry points: each app opened on its data and run by the kit's event loop,
//! `parley` (the inbox, alone or syncing), `parley business` (the console, on the demo world
//! or a server) and `parley demo` (both).

use super::UiConfig;
use super::console::{ConsoleError, RemoteSource, Session, StoreSource};
use super::demo::{self, DemoApp};
use super::inbox::App;
use super::kit::runtime::{self, EVENT_QUEUE, Program};
use crate::model::BusinessId;
use crate::store::{Store, StoreError, paths};
use crate::sync::engine::{Engine, SyncConfig, SyncEvent};
use crate::world::{self, Assets};
use std::path::Path;
use std::sync::Arc;
use tokio::sync::{Notify, mpsc};

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

/// Runs the inbox until the user quits; with `sync`, the sync loop runs beside it.
pub async fn run_inbox(
    app: App,
    config: UiConfig,
    sync: Option<(SyncConfig, Arc<Notify>)>,
) -> std::io::Result<()> {
    let news = start_sync(sync);
    runtime::run(app, config.theme, config.keymap, Some(news)).await
}

/// Starts the sync loop; its news comes back through the returned channel.
fn start_sync(sync: Option<(SyncConfig, Arc<Notify>)>) -> mpsc::Receiver<SyncEvent> {
    let (tx, rx) = mpsc::channel(EVENT_QUEUE);
    if let Some((config, wake)) = sync {
        match Engine::new(config, tx.clone()) {
            Ok(engine) => {
                tokio::spawn(engine.run(wake));
            }
            Err(e) => {
                let _ = tx.try_send(SyncEvent::Status(tr!(
                    "inbox-sync-stopped",
                    error = e.to_string()
                )));
            }
        }
    }
    rx
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
    let source = StoreSource::owned(store, assets);
    let session = Session::open(source, business, width, height)?;
    run_full_screen(session, config)
}

/// `parley business --server URL --token T` without a subcommand: the console on the server,
/// acting as the business the token belongs to.
pub fn run_remote_console(server: &str, token: &str, config: UiConfig) -> Result<(), RunError> {
    let source = RemoteSource::connect(server, token)?;
    let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
    let session = Session::open(source, None, width, height)?;
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

fn run_full_screen<P: Program>(program: P, config: UiConfig) -> Result<(), RunError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(runtime::run(program, config.theme, config.keymap, None))?;
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
        RunError::Console(ConsoleError::Unavailable(tr!(
            "kit-run-no-business-named",
            name = crate::model::text::clean_line(name, 64),
            known = known.join(", ")
        )))
    })
}

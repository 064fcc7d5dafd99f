//! The `parley` binary: parses the command line and wires the library's parts together.

use clap::{Parser, Subcommand};
use color_eyre::eyre::{Result, WrapErr, eyre};
use parley::model::{Span, Timestamp};
use parley::store::{Store, paths};
use parley::world::{self, Assets};
use std::io::Write;
use std::path::PathBuf;

/// A terminal chat inbox that marks business chats clearly and puts you in charge of them.
#[derive(Parser)]
#[command(name = "parley", version, about)]
struct Cli {
    /// Directory of the local store (parley.db) and logs.
    #[arg(long, global = true, env = "PARLEY_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Directory with policy.toml, pricing.toml or world.toml to use instead of the built-in ones.
    #[arg(long, global = true, env = "PARLEY_ASSETS", value_name = "DIR")]
    assets: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// The demo world, headless: move its clock, read its state.
    World {
        #[command(subcommand)]
        action: WorldAction,
    },
}

#[derive(Subcommand)]
enum WorldAction {
    /// Move the simulated clock forward (e.g. 1h, 1d, 7d), running everything scheduled.
    Advance {
        /// How far: a number and a unit (m, h, d, w), e.g. 7d or 1d12h.
        span: String,
        /// Print nothing but the new time.
        #[arg(long)]
        quiet: bool,
        /// Wait this many milliseconds after each step, to watch the world unfold.
        #[arg(long, value_name = "MS", default_value_t = 0)]
        pace_ms: u64,
    },
    /// Per business: delivered, held and rejected with reasons; quality, tier, strikes,
    /// restrictions and template reviews.
    Summary,
    /// The simulated clock.
    Clock,
}

fn main() -> Result<()> {
    color_eyre::config::HookBuilder::default()
        .display_env_section(false)
        .install()?;
    let cli = Cli::parse();
    let data_dir = paths::data_dir(cli.data_dir.clone()).ok_or_else(|| {
        eyre!("no data directory could be found; pass --data-dir DIR or set PARLEY_DATA_DIR")
    })?;
    let assets = Assets::load(cli.assets.as_deref())?;
    match cli.command {
        Some(Command::World { action }) => run_world(&data_dir, &assets, action),
        None => Err(eyre!(
            "the inbox is not built yet; try `parley world advance 1d` and `parley world summary`"
        )),
    }
}

fn open_store(data_dir: &std::path::Path) -> Result<Store> {
    std::fs::create_dir_all(data_dir)
        .wrap_err_with(|| format!("cannot create the data directory {}", data_dir.display()))?;
    Ok(Store::open(&paths::database_file(data_dir))?)
}

fn run_world(data_dir: &std::path::Path, assets: &Assets, action: WorldAction) -> Result<()> {
    let mut store = open_store(data_dir)?;
    world::seed(&mut store, assets)?;
    let now = store.db().clock()?.unwrap_or(assets.world.start);
    let mut out = std::io::stdout().lock();
    match action {
        WorldAction::Advance {
            span,
            quiet,
            pace_ms,
        } => {
            let span = Span::parse(&span).ok_or_else(|| {
                eyre!("`{span}` is not a span of time; write it like 30m, 1h, 1d or 7d")
            })?;
            let until: Timestamp = now + span;
            world::advance(&mut store, assets, until, |p| {
                if !quiet {
                    let _ = writeln!(out, "{p}");
                    let _ = out.flush();
                }
                if pace_ms > 0 {
                    std::thread::sleep(std::time::Duration::from_millis(pace_ms));
                }
            })?;
            writeln!(out, "Clock: {}", until.long())?;
        }
        WorldAction::Summary => write!(out, "{}", world::summary(&store, assets)?)?,
        WorldAction::Clock => writeln!(out, "{}", now.long())?,
    }
    Ok(())
}

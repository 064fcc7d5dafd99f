//! The `parley` binary: parses the command line and wires the library's parts together.

use clap::{Parser, Subcommand};
use color_eyre::eyre::{Result, WrapErr, bail, eyre};
use parley::model::text::printable;
use parley::model::{Span, Timestamp};
use parley::store::{Store, paths};
use parley::sync::{self, engine::SyncConfig};
use parley::tui::run::{self as full_screen, DemoArgs, run_console, run_demo, run_remote_console};
use parley::tui::{App, UiConfig, screens};
use parley::world::{self, Assets};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::Notify;

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
    /// Sync with this Parley server (e.g. http://127.0.0.1:8787) instead of the demo world.
    #[arg(long, global = true, env = "PARLEY_SERVER", value_name = "URL")]
    server: Option<String>,
    /// Your token on the server (printed by `parley serve add-user`).
    #[arg(
        long,
        global = true,
        env = "PARLEY_TOKEN",
        value_name = "TOKEN",
        hide_env_values = true
    )]
    token: Option<String>,
    /// The interface's config file (keys, colours, mouse, notifications).
    #[arg(long, global = true, env = "PARLEY_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,
    /// With `business` or `review`: print the server's answers as JSON (it may also follow the
    /// subcommand).
    #[arg(long)]
    json: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Print one screen of a scripted session as text, headless (for docs and tests).
    Render {
        /// inbox, chat, first-contact, held, why, report, block, profile, subscriptions,
        /// settings, help, search, console-templates, console-compose, console-metrics,
        /// console-standing or demo.
        #[arg(long, default_value = "inbox")]
        screen: String,
        /// Width x height in cells.
        #[arg(long, default_value = "80x24")]
        size: String,
        /// Keys pressed after reaching the screen, as in the keymap: "j j enter", with "text" typed.
        #[arg(long, default_value = "")]
        keys: String,
        /// How far to move the demo world's clock first, e.g. 1d4h (0 keeps the start).
        #[arg(long, default_value = "1d4h")]
        advance: String,
    },
    /// The demo world, headless: move its clock, read its state.
    World {
        #[command(subcommand)]
        action: WorldAction,
    },
    /// The sync server (its store in --data-dir DIR, else in the data dir's `server`), or its
    /// accounts: `serve add-user NAME`, `serve add-business NAME`, `serve add-reviewer NAME`.
    Serve(parley::server::cli::ServeArgs),
    /// Act as a business: without a subcommand, the business console (offline on the demo
    /// world, or with --server URL --token T on the server); with one, against a server:
    /// templates, send, broadcast, metrics, status.
    Business(parley::business_cli::BusinessArgs),
    /// Act as a platform reviewer against a server (--server URL --token T, from `serve
    /// add-reviewer`): list disabled and suspended businesses, show one's reports with their
    /// evidence, reinstate it or confirm its restrictions with a reason.
    Review(parley::review_cli::ReviewArgs),
    /// The inbox and the lender's business console side by side (F2 flips between them below
    /// 160 columns) on a fresh demo world: block or report it, move the clock, watch its
    /// standing fall. F3 starts a guided tour.
    Demo(DemoArgs),
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
    /// Delete the demo world and write a fresh one, its clock back at the start. Asks first;
    /// never touches a store that is not the demo world.
    Reset {
        /// Do not ask (for scripts); without a terminal to ask, this is required.
        #[arg(long)]
        yes: bool,
    },
}

fn main() -> std::process::ExitCode {
    let _ = color_eyre::config::HookBuilder::default()
        .display_env_section(false)
        .install();
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("parley: {}", printable(&format!("{error:#}")));
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let cli = parse_command_line();
    let data_dir = paths::data_dir(cli.data_dir.clone()).ok_or_else(|| {
        eyre!("no data directory could be found; pass --data-dir DIR or set PARLEY_DATA_DIR")
    })?;
    let assets = Assets::load(cli.assets.as_deref())?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let tool_json = match &cli.command {
        Some(Command::Business(a)) => a.command.is_some(),
        Some(Command::Review(a)) => a.command.is_some(),
        _ => false,
    };
    if cli.json && !tool_json {
        bail!(
            "--json applies to the business and review tools' commands, e.g. `parley --json \
             business status` or `parley review list --json`"
        );
    }
    match cli.command {
        Some(Command::World { action }) => run_world(&data_dir, &assets, action),
        Some(Command::Serve(args)) => Ok(parley::server::cli::run(
            args,
            cli.data_dir,
            &data_dir,
            &assets.policy,
            &assets.pricing,
        )?),
        Some(Command::Business(args)) if args.command.is_none() => {
            let config = ui_config(cli.config, no_color)?;
            run_business_console(&data_dir, assets, config, cli.server, cli.token)
        }
        Some(Command::Demo(args)) => {
            let config = ui_config(cli.config, no_color)?;
            Ok(run_demo(&data_dir, assets, config, &args)?)
        }
        Some(Command::Business(mut args)) => {
            args.json |= cli.json;
            std::process::exit(parley::business_cli::run(args, cli.server, cli.token))
        }
        Some(Command::Review(mut args)) => {
            args.json |= cli.json;
            std::process::exit(parley::review_cli::run(args, cli.server, cli.token))
        }
        Some(Command::Render {
            screen,
            size,
            keys,
            advance,
        }) => {
            let config = ui_config(cli.config, no_color)?;
            render(assets, &config, &screen, &size, &keys, &advance)
        }
        None => {
            let config = ui_config(cli.config, no_color)?;
            let server = cli.server.or_else(|| config.server.clone());
            let token = cli.token.or_else(|| config.token.clone());
            if let (Some(server), None) = (&server, &token) {
                eprintln!(
                    "parley: {server} needs a token, and none was given. The server's operator \
                     makes one with `parley serve add-user NAME`; pass it with --token T, set \
                     PARLEY_TOKEN, or write `token = \"T\"` in config.toml."
                );
                std::process::exit(2);
            }
            run_inbox(&data_dir, assets, config, server.zip(token))
        }
    }
}

/// The command line; a mistake in it is reported cleaned, since it echoes what was typed.
fn parse_command_line() -> Cli {
    use clap::error::ErrorKind;
    match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            e.exit()
        }
        Err(e) => {
            eprint!("{}", printable(&e.to_string()));
            std::process::exit(e.exit_code());
        }
    }
}

/// `parley business` without a subcommand: the console offline on the demo world, or with
/// --server on the one business the token acts for.
fn run_business_console(
    data_dir: &std::path::Path,
    assets: Assets,
    config: UiConfig,
    server: Option<String>,
    token: Option<String>,
) -> Result<()> {
    let Some(server) = server else {
        return Ok(run_console(data_dir, assets, config, None)?);
    };
    let Some(token) = token else {
        eprintln!(
            "parley business: no token given: pass --token T or set PARLEY_TOKEN (`parley serve \
             add-business` prints one)"
        );
        std::process::exit(parley::business_cli::EXIT_FAILED);
    };
    Ok(run_remote_console(&server, &token, config)?)
}

/// The interface's config: the file given with --config (which must exist), else the one in
/// the config directory when there is one, else the defaults.
fn ui_config(flag: Option<PathBuf>, no_color: bool) -> Result<UiConfig> {
    if let Some(path) = flag {
        if !path.is_file() {
            return Err(eyre!(
                "{}: no such config file; check the --config path (or PARLEY_CONFIG)",
                path.display()
            ));
        }
        return Ok(UiConfig::load(&path, no_color)?);
    }
    Ok(
        match paths::config_dir(None).map(|d| d.join("config.toml")) {
            Some(path) => UiConfig::load(&path, no_color)?,
            None => UiConfig::defaults(no_color),
        },
    )
}

fn run_inbox(
    data_dir: &std::path::Path,
    assets: Assets,
    config: UiConfig,
    server: Option<(String, String)>,
) -> Result<()> {
    let (store, sync) = match server {
        None => (open_store(data_dir)?, None),
        Some((url, token)) => {
            let path = sync::mirror_path(data_dir, &url);
            std::fs::create_dir_all(path.parent().unwrap_or(data_dir))?;
            let mut store = Store::open(&path)?;
            sync::prepare_mirror(&mut store)?;
            let wake = Arc::new(Notify::new());
            (
                store,
                Some((
                    SyncConfig {
                        server: url,
                        token,
                        store_path: path,
                    },
                    wake,
                )),
            )
        }
    };
    let _log = start_log(data_dir);
    let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::open(store, assets, config.settings.clone(), width, height)?;
    if let Some((_, wake)) = &sync {
        app = app.with_sync(Arc::clone(wake));
    }
    app.adopt_device_zone(parley::wall_clock::device_zone());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(full_screen::run_inbox(app, config, sync))?;
    Ok(())
}

/// Logs go to parley.log in the data directory, never to the screen.
fn start_log(data_dir: &std::path::Path) -> tracing_appender::non_blocking::WorkerGuard {
    let guard = parley::log_file::start(data_dir, "parley.log");
    tracing::info!(
        "parley {} started on {}",
        env!("CARGO_PKG_VERSION"),
        data_dir.display()
    );
    guard
}

fn render(
    assets: Assets,
    config: &UiConfig,
    screen: &str,
    size: &str,
    keys: &str,
    advance: &str,
) -> Result<()> {
    let (width, height) = size
        .split_once('x')
        .and_then(|(w, h)| Some((w.parse::<u16>().ok()?, h.parse::<u16>().ok()?)))
        .ok_or_else(|| eyre!("`{size}` is not a size; write it like 80x24"))?;
    let text = screens::named_screen(assets, config, screen, (width, height), keys, advance)
        .map_err(|e| eyre!(e))?;
    print!("{text}");
    Ok(())
}

fn open_store(data_dir: &std::path::Path) -> Result<Store> {
    std::fs::create_dir_all(data_dir)
        .wrap_err_with(|| format!("cannot create the data directory {}", data_dir.display()))?;
    Ok(Store::open(&paths::database_file(data_dir))?)
}

fn run_world(data_dir: &std::path::Path, assets: &Assets, action: WorldAction) -> Result<()> {
    if let WorldAction::Reset { yes } = action {
        return reset_world(data_dir, assets, yes);
    }
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
                    let _ = writeln!(out, "{}", printable(&p.to_string()));
                    let _ = out.flush();
                }
                if pace_ms > 0 {
                    std::thread::sleep(std::time::Duration::from_millis(pace_ms));
                }
            })?;
            writeln!(out, "Clock: {}", until.long())?;
        }
        WorldAction::Summary => {
            let summary = world::summary(&store, assets)?.to_string();
            write!(out, "{}", printable(&summary))?
        }
        WorldAction::Clock => writeln!(out, "{}", now.long())?,
        WorldAction::Reset { .. } => unreachable!("reset runs before the store opens"),
    }
    Ok(())
}

/// `parley world reset`: asks (unless `yes`), then deletes the demo world and writes a fresh
/// one. A store that is not the demo world, or no terminal to ask, is a refusal.
fn reset_world(data_dir: &std::path::Path, assets: &Assets, yes: bool) -> Result<()> {
    use std::io::IsTerminal;
    let path = paths::database_file(data_dir);
    let shown = printable(&path.display().to_string());
    match world::inspect(&path) {
        world::StoreFile::Other(what) => {
            return Err(eyre!(
                "{shown} is not the demo world ({what}); `parley world reset` deletes only the \
                 demo world, so it is left as it is."
            ));
        }
        world::StoreFile::DemoWorld if !yes => {
            if !std::io::stdin().is_terminal() {
                return Err(eyre!(
                    "not deleting the demo world at {shown}: there is no terminal to ask. Pass \
                     --yes to reset it without asking."
                ));
            }
            print!("Delete the demo world at {shown} and start again? [y/N] ");
            std::io::stdout().flush()?;
            let mut answer = String::new();
            std::io::stdin().read_line(&mut answer)?;
            if !matches!(answer.trim(), "y" | "Y" | "yes" | "Yes") {
                println!("Kept the demo world at {shown}.");
                return Ok(());
            }
        }
        _ => {}
    }
    std::fs::create_dir_all(data_dir)
        .wrap_err_with(|| format!("cannot create the data directory {}", data_dir.display()))?;
    world::reset(&path, assets)?;
    println!(
        "A fresh demo world is at {shown}, its clock at {}.",
        assets.world.start.long()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// The arguments and subcommands under `command` that have no help text.
    fn undocumented(command: &clap::Command, path: &str, out: &mut Vec<String>) {
        for arg in command.get_arguments() {
            if arg.get_help().is_none() {
                out.push(format!("{path} {}", arg.get_id()));
            }
        }
        for sub in command.get_subcommands() {
            let here = format!("{path} {}", sub.get_name());
            if sub.get_about().is_none() {
                out.push(here.clone());
            }
            undocumented(sub, &here, out);
        }
    }

    #[test]
    fn every_argument_option_and_subcommand_has_help() {
        let mut missing = Vec::new();
        undocumented(&Cli::command(), "parley", &mut missing);
        assert!(missing.is_empty(), "no help text: {missing:?}");
    }
}

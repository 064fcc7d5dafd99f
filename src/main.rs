//! The `parley` binary: parses the command line and wires the library's parts together.

use clap::Parser;
use color_eyre::eyre::{Result, WrapErr, bail, eyre};
use parley::cli::{Cli, Command, WorldAction};
use parley::cli_options::{AssetsOptions, ConfigOptions, DataOptions, InboxOptions, ServerOptions};
use parley::model::text::printable;
use parley::model::{Span, Timestamp};
use parley::store::{Store, paths};
use parley::sync::{self, engine::SyncConfig};
use parley::tr;
use parley::tui::run::{self as full_screen, run_console, run_demo, run_remote_console};
use parley::tui::{App, UiConfig, screens};
use parley::world::{self, Assets};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::Notify;

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
    let outer = cli.options;
    config_exists(&outer.config())?;
    let started = speak(&outer.config());
    match cli.command {
        Some(Command::World {
            data,
            assets,
            action,
        }) => {
            let assets = load_assets(assets.or(outer.assets()))?;
            run_world(&data_dir(data.or(outer.data()))?, &assets, action)
        }
        Some(Command::Serve(args)) => {
            let flag = args.data.clone().or(outer.data()).data_dir;
            let assets = load_assets(args.assets.clone().or(outer.assets()))?;
            let client_dir = data_dir(DataOptions::default())?;
            Ok(parley::server::cli::run(
                args,
                flag,
                &client_dir,
                &assets.policy,
                &assets.pricing,
            )?)
        }
        Some(Command::Business(args)) if args.command.is_none() => {
            let config = ui_config(args.config.or(outer.config()), no_color)?;
            let assets = load_assets(args.assets.or(outer.assets()))?;
            let data_dir = data_dir(args.data.or(outer.data()))?;
            let server = args.server.or(outer.server());
            run_business_console(&data_dir, assets, config, server)
        }
        Some(Command::Demo {
            demo,
            data,
            assets,
            config,
        }) => {
            let config = ui_config(config.or(outer.config()), no_color)?;
            let assets = load_assets(assets.or(outer.assets()))?;
            Ok(run_demo(
                &data_dir(data.or(outer.data()))?,
                assets,
                config,
                &demo,
            )?)
        }
        Some(Command::Business(mut args)) => {
            args.json |= cli.json;
            args.server = args.server.or(outer.server());
            std::process::exit(parley::business_cli::run(args))
        }
        Some(Command::Review(mut args)) => {
            args.json |= cli.json;
            args.server = args.server.or(outer.server());
            std::process::exit(parley::review_cli::run(args))
        }
        Some(Command::Render {
            screen,
            size,
            keys,
            advance,
            assets,
            config,
        }) => {
            let config = ui_config(config.or(outer.config()), no_color)?;
            let assets = load_assets(assets.or(outer.assets()))?;
            render(assets, (&config, &started), &screen, &size, &keys, &advance)
        }
        None => run_inbox_with(outer, no_color, &started),
    }
}

/// `parley` without a subcommand: the inbox, on the demo world or synced with a server.
fn run_inbox_with(
    options: InboxOptions,
    no_color: bool,
    started: &parley::i18n::Started,
) -> Result<()> {
    let config = ui_config(options.config(), no_color)?;
    let assets = load_assets(options.assets())?;
    let data_dir = data_dir(options.data())?;
    let server = options.server.or_else(|| config.server.clone());
    let token = options.token.or_else(|| config.token.clone());
    if let (Some(server), None) = (&server, &token) {
        eprintln!(
            "parley: {server} needs a token, and none was given. The server's operator \
             makes one with `parley serve add-user NAME`; pass it with --token T, set \
             PARLEY_TOKEN, or write `token = \"T\"` in config.toml."
        );
        std::process::exit(2);
    }
    run_inbox(&data_dir, assets, config, server.zip(token), started)
}

/// The data directory: the one given, else the platform's.
fn data_dir(options: DataOptions) -> Result<PathBuf> {
    paths::data_dir(options.data_dir).ok_or_else(|| eyre!("{}", tr!("main-no-data-directory")))
}

/// The rules, prices and world: from the directory given, else the built-in ones.
fn load_assets(options: AssetsOptions) -> Result<Assets> {
    Ok(Assets::load(options.assets.as_deref())?)
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
    options: ServerOptions,
) -> Result<()> {
    let ServerOptions { server, token } = options;
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

/// Puts in force the language config.toml's `language` asks for, else the locale's; a
/// catalogue file of the user's that cannot be used is named on stderr.
fn speak(options: &ConfigOptions) -> parley::i18n::Started {
    let config_dir = paths::config_dir(None);
    let file = options
        .config
        .clone()
        .or_else(|| config_dir.as_ref().map(|d| d.join("config.toml")));
    let configured = file
        .and_then(|f| std::fs::read_to_string(f).ok())
        .and_then(|text| text.parse::<toml::Table>().ok())
        .and_then(|t| t.get("language")?.as_str().map(str::to_string));
    let started = parley::i18n::start(configured, config_dir.as_deref());
    for problem in &started.problems {
        eprintln!("parley: {}", printable(&problem.to_string()));
    }
    started
}

/// A config file given with --config (or PARLEY_CONFIG) must exist, whatever the command.
fn config_exists(options: &ConfigOptions) -> Result<()> {
    match &options.config {
        Some(path) if !path.is_file() => Err(eyre!(
            "{}",
            tr!("main-no-config-file", path = path.display().to_string())
        )),
        _ => Ok(()),
    }
}

/// The interface's config: the file given with --config (which must exist), else the one in
/// the config directory when there is one, else the defaults.
fn ui_config(options: ConfigOptions, no_color: bool) -> Result<UiConfig> {
    config_exists(&options)?;
    if let Some(path) = options.config {
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
    started: &parley::i18n::Started,
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
    app.speak(started);
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
    config: (&UiConfig, &parley::i18n::Started),
    screen: &str,
    size: &str,
    keys: &str,
    advance: &str,
) -> Result<()> {
    let (width, height) = size
        .split_once('x')
        .and_then(|(w, h)| Some((w.parse::<u16>().ok()?, h.parse::<u16>().ok()?)))
        .ok_or_else(|| eyre!("{}", tr!("main-not-a-size", size = size)))?;
    let text = screens::named_screen(assets, config, screen, (width, height), keys, advance)
        .map_err(|e| eyre!(e))?;
    print!("{text}");
    Ok(())
}

/// "cannot create the data directory DIR".
fn cannot_create(data_dir: &std::path::Path) -> String {
    tr!(
        "main-cannot-create-data-dir",
        path = data_dir.display().to_string()
    )
}

/// An answer that means yes: "y" or "yes", or the language's own word ("s", "sí").
fn is_yes(answer: &str) -> bool {
    let answer = answer.trim().to_lowercase();
    answer == "y" || answer == "yes" || tr!("main-yes-answers").split(' ').any(|w| w == answer)
}

fn open_store(data_dir: &std::path::Path) -> Result<Store> {
    std::fs::create_dir_all(data_dir).wrap_err_with(|| cannot_create(data_dir))?;
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
            let span = Span::parse(&span)
                .ok_or_else(|| eyre!("{}", tr!("main-not-a-span", span = span.as_str())))?;
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
            writeln!(out, "{}", world::clock_line(until))?;
        }
        WorldAction::Summary => {
            let summary = world::summary(&store, assets)?.to_string();
            write!(out, "{}", printable(&summary))?
        }
        WorldAction::Clock => writeln!(out, "{}", parley::i18n::day_time(now))?,
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
            let what = what.to_string();
            return Err(eyre!(
                "{}",
                tr!("main-reset-not-demo", path = shown.as_str(), what = what)
            ));
        }
        world::StoreFile::DemoWorld if !yes => {
            if !std::io::stdin().is_terminal() {
                return Err(eyre!(
                    "{}",
                    tr!("main-reset-no-terminal", path = shown.as_str())
                ));
            }
            print!("{} ", tr!("main-reset-ask", path = shown.as_str()));
            std::io::stdout().flush()?;
            let mut answer = String::new();
            std::io::stdin().read_line(&mut answer)?;
            if !is_yes(&answer) {
                println!("{}", tr!("main-reset-kept", path = shown.as_str()));
                return Ok(());
            }
        }
        _ => {}
    }
    std::fs::create_dir_all(data_dir).wrap_err_with(|| cannot_create(data_dir))?;
    world::reset(&path, assets)?;
    let start = parley::i18n::day_time(assets.world.start);
    println!(
        "{}",
        tr!("main-reset-done", path = shown.as_str(), start = start)
    );
    Ok(())
}

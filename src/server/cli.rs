//! `parley serve`, `parley serve add-user NAME`, `parley serve add-business NAME` and
//! `parley serve add-reviewer NAME`.
//!
//! The server keeps its store in the directory given with `--data-dir` on the command line;
//! without it, in the `server` directory inside the client's data directory (so the inbox's
//! and the server's stores never mix). With `--database` (or `PARLEY_DATABASE_URL`) it keeps
//! it in that PostgreSQL database instead, which several servers may share; its log stays in
//! the directory.

use super::db::Account;
use super::db::{Backend, NewBusiness, Place, ServerDb};
use super::{
    AccountKind, ServerConfig, ServerError, add_business, add_reviewer, add_user, reissue, revoke,
};
use crate::cli_options::{AssetsOptions, DataOptions};
use crate::model::text::clean_name;
use crate::model::{BusinessKind, Span};
use crate::policy::{PolicyConfig, Pricing};
use clap::{Args, Subcommand};
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The sync server, or its accounts.
#[derive(Debug, Args)]
#[command(mut_arg("data_dir", |a| a.global(true)), mut_arg("assets", |a| a.global(true)))]
pub struct ServeArgs {
    #[command(subcommand)]
    pub command: Option<ServeCommand>,
    #[command(flatten)]
    pub data: DataOptions,
    #[command(flatten)]
    pub assets: AssetsOptions,
    /// Keep the server's store in this PostgreSQL database instead of SQLite in the data
    /// directory (postgres://USER@HOST/DB, or host=/run/postgresql dbname=parley); several
    /// servers may share it. No TLS: a unix socket or loopback.
    #[arg(
        long,
        value_name = "URL",
        env = "PARLEY_DATABASE_URL",
        hide_env_values = true,
        global = true
    )]
    pub database: Option<String>,
    /// Address to listen on; port 0 picks a free one. The address is printed on start.
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8787")]
    pub addr: SocketAddr,
    /// How often the platform reviews every business and releases messages held for quiet
    /// hours (e.g. 30m, 1h).
    #[arg(long, value_name = "SPAN", default_value = "1h", value_parser = parse_every)]
    pub review_every: Duration,
    /// Requests per second each token may make (0 turns the limit off).
    #[arg(long, value_name = "N", default_value_t = 20.0)]
    pub rate_limit: f64,
    /// Requests a token may make in a burst above its rate.
    #[arg(long, value_name = "N", default_value_t = 40)]
    pub burst: u32,
    /// How long a broadcast sent in parts may sit without a part before it is settled, charged
    /// for what was delivered with the rest returned (e.g. 1m; 0 settles a business's
    /// unfinished broadcast as soon as it starts another).
    #[arg(long, value_name = "SPAN", default_value = "1m", value_parser = parse_idle)]
    pub broadcast_idle: Duration,
    /// How long the idempotency key of a user's action is kept (e.g. 7d); the periodic review
    /// forgets older keys, and an action replayed with a forgotten key is applied as new.
    #[arg(long, value_name = "SPAN", default_value = "7d", value_parser = parse_every)]
    pub keep_keys: Duration,
    /// Longest a client may take to send a request's headers (e.g. 10s) before it is
    /// disconnected, so a slow client cannot hold a connection open; an idle kept-alive
    /// connection is closed after it too.
    #[arg(long, value_name = "SPAN", default_value = "10s", value_parser = parse_every)]
    pub header_timeout: Duration,
    /// For tests only, never in use: let `POST /v1/test/clock` move the server's clock on
    /// (and run the review at once), with no token asked.
    #[arg(long)]
    pub movable_clock: bool,
}

/// Accounts on the server; each prints its token once.
#[derive(Debug, Subcommand)]
pub enum ServeCommand {
    /// Add a user (names are unique on a server) and print their token.
    AddUser {
        /// The user's name, as businesses address them.
        name: String,
    },
    /// Register a business and print its token.
    AddBusiness {
        /// The business's name, as users see it (names are unique on a server).
        name: String,
        /// Show the verified mark beside its name.
        #[arg(long)]
        verified: bool,
        /// transport, delivery (or parcel-delivery), energy, bank, shop, grocery (or
        /// supermarket), finance (or lending) or other: a code or the label the apps show.
        #[arg(long, default_value = "other", value_parser = parse_kind)]
        kind: BusinessKind,
        /// Credits for broadcasts.
        #[arg(long, value_name = "N", default_value_t = 0)]
        budget: i64,
    },
    /// Add a platform reviewer, who reads reports with their evidence and reinstates or
    /// confirms disabled and suspended businesses (`parley review`); print their token.
    AddReviewer {
        /// The reviewer's name, as businesses read it beside each decision (unique).
        name: String,
    },
    /// Revoke an account's token: every request with it is refused from now on, until
    /// `parley serve reissue NAME` gives the account a new one.
    Revoke {
        /// The user's, business's or reviewer's name.
        name: String,
        /// user, business or reviewer: which account, when the name belongs to more than one.
        #[arg(long, value_enum)]
        kind: Option<AccountKind>,
    },
    /// Give an account a new token and print it; the old token stops working at once.
    Reissue {
        /// The user's, business's or reviewer's name.
        name: String,
        /// user, business or reviewer: which account, when the name belongs to more than one.
        #[arg(long, value_enum)]
        kind: Option<AccountKind>,
    },
}

fn parse_every(text: &str) -> Result<Duration, String> {
    Span::parse(text)
        .map(|s| Duration::from_secs(s.0.unsigned_abs()))
        .ok_or_else(|| format!("`{text}` is not a span of time; write it like 30m, 1h or 1d"))
}

fn parse_idle(text: &str) -> Result<Duration, String> {
    match text.trim() {
        "0" => Ok(Duration::ZERO),
        _ => parse_every(text),
    }
}

/// The words the apps show for a kind, in English and in the language in force, lower case.
fn kind_words(kind: BusinessKind) -> [String; 2] {
    use crate::i18n::Label;
    let english = crate::i18n::Catalogues::embedded().english();
    let in_english = crate::i18n::scoped(english, || kind.text());
    [in_english.to_lowercase(), kind.text().to_lowercase()]
}

/// A kind by its code or by the label the apps show ("Supermarket", "parcel-delivery"), in
/// any case.
fn parse_kind(text: &str) -> Result<BusinessKind, String> {
    let wanted = text.trim().to_lowercase().replace(['-', '_'], " ");
    let found = BusinessKind::ALL
        .iter()
        .copied()
        .find(|k| k.as_str() == wanted || kind_words(*k).contains(&wanted));
    found.ok_or_else(|| {
        let kinds: Vec<&str> = BusinessKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("`{text}` is not a kind; kinds are {}", kinds.join(", "))
    })
}

/// The server's directory: `--data-dir` given on the command line, else `server` inside the
/// client's data directory (`data_dir_flag` also carries PARLEY_DATA_DIR, which names the
/// client's directory, so it counts as the flag only when it differs from it).
pub fn server_dir(data_dir_flag: Option<PathBuf>, client_data_dir: &Path) -> PathBuf {
    let from_env = std::env::var_os("PARLEY_DATA_DIR").map(PathBuf::from);
    match data_dir_flag {
        Some(dir) if from_env.as_ref() != Some(&dir) => dir,
        _ => client_data_dir.join("server"),
    }
}

/// Runs `parley serve` and its subcommands.
pub fn run(
    args: ServeArgs,
    data_dir_flag: Option<PathBuf>,
    client_data_dir: &Path,
    policy: &PolicyConfig,
    pricing: &Pricing,
) -> Result<(), ServerError> {
    let dir = server_dir(data_dir_flag, client_data_dir);
    let place = Place::chosen(&dir, args.database.as_deref());
    let server = server_at(&place);
    match args.command {
        Some(ServeCommand::AddUser { ref name }) => {
            let mut db = Backend::connect(&place)?;
            let (id, token) = add_user(&mut db, name, policy)?;
            announce(
                &format!("user {} (id {id})", clean_name(name)),
                &server,
                &token,
            )
        }
        Some(ServeCommand::AddBusiness {
            ref name,
            verified,
            kind,
            budget,
        }) => {
            let mut db = Backend::connect(&place)?;
            let new = NewBusiness {
                name,
                verified,
                kind,
                budget,
            };
            let (id, token) = add_business(&mut db, &new, crate::wall_clock::now())?;
            announce(
                &format!("business {} (id {id})", clean_name(name)),
                &server,
                &token,
            )
        }
        Some(ServeCommand::AddReviewer { ref name }) => {
            let mut db = Backend::connect(&place)?;
            let (id, token) = add_reviewer(&mut db, name)?;
            announce(
                &format!("reviewer {} (id {id})", clean_name(name)),
                &server,
                &token,
            )
        }
        Some(ServeCommand::Revoke { ref name, kind }) => {
            let mut db = Backend::connect(&place)?;
            let account = revoke(&mut db, name, kind, crate::wall_clock::now())?;
            let sentence = format!(
                "Revoked the token of {} on {server}; `parley serve reissue` gives it a new one.",
                described(account, name),
            );
            eprintln!("{}", crate::model::text::printable(&sentence));
            Ok(())
        }
        Some(ServeCommand::Reissue { ref name, kind }) => {
            let mut db = Backend::connect(&place)?;
            let (account, token) = reissue(&mut db, name, kind, crate::wall_clock::now())?;
            let sentence = format!(
                "Issued a new token to {} on {server}; the old one no longer works. \
                 The token, shown only this once:",
                described(account, name),
            );
            print_token(&sentence, &token)
        }
        None => serve(&args, dir, policy.clone(), *pricing),
    }
}

/// An account as a sentence names it: "user ana (id 3)".
fn described(account: Account, name: &str) -> String {
    let name = clean_name(name);
    match account {
        Account::User(id) => format!("user {name} (id {id})"),
        Account::Business(id) => format!("business {name} (id {id})"),
        Account::Reviewer(id) => format!("reviewer {name} (id {id})"),
    }
}

/// The server as a sentence names it: "the server in DIR", or on its PostgreSQL database.
fn server_at(place: &Place) -> String {
    match place {
        Place::Sqlite(dir) => format!("the server in {}", dir.display()),
        Place::Postgres(_) => format!("the server on the {}", Backend::location(place)),
    }
}

/// The token goes alone to stdout, for scripts; the sentence around it to stderr.
fn announce(what: &str, server: &str, token: &str) -> Result<(), ServerError> {
    let sentence = format!("Added {what} to {server}. The token, shown only this once:");
    print_token(&sentence, token)
}

/// The sentence to stderr, the token alone to stdout.
fn print_token(sentence: &str, token: &str) -> Result<(), ServerError> {
    eprintln!("{}", crate::model::text::printable(sentence));
    let mut out = std::io::stdout().lock();
    writeln!(out, "{token}")?;
    out.flush()?;
    Ok(())
}

fn serve(
    args: &ServeArgs,
    dir: PathBuf,
    policy: PolicyConfig,
    pricing: Pricing,
) -> Result<(), ServerError> {
    let mut config = ServerConfig::new(args.addr, dir);
    config.database = args.database.clone();
    config.review_every = args.review_every;
    config.broadcast_idle = args.broadcast_idle;
    config.key_retention = args.keep_keys;
    config.header_timeout = args.header_timeout;
    config.movable_clock = args.movable_clock;
    config.rate = super::RateLimit {
        per_second: args.rate_limit.max(0.0),
        burst: args.burst,
    };
    std::fs::create_dir_all(&config.data_dir)?;
    let _log = crate::log_file::start(&config.data_dir, "server.log");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let store = Backend::location(&config.place());
        let server = super::Server::bind(config, policy, pricing).await?;
        let addr = server.local_addr()?;
        announce_address(addr, &store);
        server.run(stop_signal()).await
    })
}

/// The address, on one line a test or script can read; a closed stdout does not stop the server.
fn announce_address(addr: SocketAddr, store: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "parley serve: listening on http://{addr} (store: {store})"
    );
    let _ = out.flush();
    tracing::info!("listening on {addr}, store {store}");
}

/// Completes on Ctrl-C or SIGTERM.
async fn stop_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {},
        _ = terminate => {},
    }
    tracing::info!("stopping");
}

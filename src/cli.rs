//! The `parley` command line: its subcommands, each listing only the options it uses.

use crate::business_cli::BusinessArgs;
use crate::cli_options::{AssetsOptions, ConfigOptions, DataOptions, InboxOptions};
use crate::review_cli::ReviewArgs;
use crate::server::cli::ServeArgs;
use crate::tui::run::DemoArgs;
use clap::{Parser, Subcommand};

/// A terminal chat inbox that marks business chats clearly and puts you in charge of them.
#[derive(Parser)]
#[command(name = "parley", version, about)]
pub struct Cli {
    #[command(flatten)]
    pub options: InboxOptions,
    /// With `business` or `review`: print the server's answers as JSON (it may also follow the
    /// subcommand).
    #[arg(long)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
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
        #[command(flatten)]
        assets: AssetsOptions,
        #[command(flatten)]
        config: ConfigOptions,
    },
    /// The demo world, headless: move its clock, read its state.
    #[command(mut_arg("data_dir", |a| a.global(true)), mut_arg("assets", |a| a.global(true)))]
    World {
        #[command(flatten)]
        data: DataOptions,
        #[command(flatten)]
        assets: AssetsOptions,
        #[command(subcommand)]
        action: WorldAction,
    },
    /// The sync server (its store in --data-dir DIR, else in the data dir's `server`), or its
    /// accounts: `serve add-user NAME`, `serve add-business NAME`, `serve add-reviewer NAME`.
    Serve(ServeArgs),
    /// Act as a business: without a subcommand, the business console (offline on the demo
    /// world, or with --server URL --token T on the server); with one, against a server:
    /// templates, send, broadcast, metrics, status.
    Business(BusinessArgs),
    /// Act as a platform reviewer against a server (--server URL --token T, from `serve
    /// add-reviewer`): list disabled and suspended businesses, show one's reports with their
    /// evidence, reinstate it or confirm its restrictions with a reason.
    Review(ReviewArgs),
    /// The inbox and the lender's business console side by side (F2 flips between them below
    /// 160 columns) on a fresh demo world: block or report it, move the clock, watch its
    /// standing fall. F3 starts a guided tour.
    Demo {
        #[command(flatten)]
        demo: DemoArgs,
        #[command(flatten)]
        data: DataOptions,
        #[command(flatten)]
        assets: AssetsOptions,
        #[command(flatten)]
        config: ConfigOptions,
    },
}

#[derive(Subcommand)]
pub enum WorldAction {
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

//! `parley review`: a platform reviewer's tool against a server. It lists the disabled and
//! suspended businesses, shows one business's reports with their evidence and its strikes, and
//! reinstates it or confirms its restrictions with a reason. Text for people, `--json` for
//! scripts, and the exit codes of `parley business`: 0 done, 1 refused by the server, 2 could
//! not ask.

mod output;

use crate::cli_answer::{Done, Failure, TokenMaker, Tool, report};
use crate::cli_options::ServerOptions;
use crate::model::Verdict;
use crate::protocol::DecisionSubmission;
use crate::sync::review_client::ReviewClient;
use clap::{Args, Subcommand};

/// `parley review [--json] <command>`: the server and token go before or after the command
/// (or in PARLEY_SERVER and PARLEY_TOKEN).
#[derive(Debug, Args)]
#[command(mut_arg("server", |a| a.global(true)), mut_arg("token", |a| a.global(true)))]
pub struct ReviewArgs {
    /// Print the server's answers as JSON, for scripts (before or after the subcommand).
    #[arg(long, global = true)]
    pub json: bool,
    #[command(flatten)]
    pub server: ServerOptions,
    #[command(subcommand)]
    pub command: Option<ReviewCommand>,
}

/// What a platform reviewer can do.
#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// The businesses disabled or suspended now, with their strikes, reports and requests for
    /// a review.
    List,
    /// One business's reports with their evidence, its strikes and restrictions, and its
    /// review so far.
    Show {
        /// The business's name, as `review list` prints it.
        business: String,
    },
    /// Lift the business's disable and suspensions now; it reads your reason in its status.
    Reinstate {
        /// The business's name, as `review list` prints it.
        business: String,
        /// Why, in words the business will read (up to 1000 characters).
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// Keep the business's disable or suspensions, and record why; it reads your reason.
    Confirm {
        /// The business's name, as `review list` prints it.
        business: String,
        /// Why, in words the business will read (up to 1000 characters).
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
}

/// Runs `parley review` and returns the exit code.
pub fn run(args: ReviewArgs) -> i32 {
    let Some(command) = args.command else {
        return print_help();
    };
    crate::cli_answer::speaking_for(args.json, || {
        let outcome = connect(args.server.server, args.server.token)
            .and_then(|client| crate::cli_answer::block_on(execute(&client, command)));
        report(Tool::Review.name(), outcome, args.json)
    })
}

fn print_help() -> i32 {
    crate::cli_answer::print_help::<ReviewHelp>(Tool::Review)
}

/// Only for printing `parley review`'s help.
#[derive(clap::Parser)]
#[command(
    about = "Review disabled and suspended businesses on a Parley server (--server URL --token T)"
)]
struct ReviewHelp {
    #[command(flatten)]
    args: ReviewArgs,
}

fn connect(server: Option<String>, token: Option<String>) -> Result<ReviewClient, Failure> {
    let (server, token) = crate::cli_answer::server_and_token(server, token, TokenMaker::Reviewer)?;
    Ok(ReviewClient::new(&server, &token)?)
}

async fn execute(client: &ReviewClient, command: ReviewCommand) -> Result<Done, Failure> {
    match command {
        ReviewCommand::List => {
            let cases = client.cases().await?;
            Ok(Done::of(&cases, output::cases(&cases), true))
        }
        ReviewCommand::Show { business } => {
            let file = client.case_file(&business).await?;
            Ok(Done::of(&file, output::case_file(&file), true))
        }
        ReviewCommand::Reinstate { business, reason } => {
            decide(client, business, Verdict::Reinstated, reason).await
        }
        ReviewCommand::Confirm { business, reason } => {
            decide(client, business, Verdict::Confirmed, reason).await
        }
    }
}

async fn decide(
    client: &ReviewClient,
    business: String,
    verdict: Verdict,
    reason: String,
) -> Result<Done, Failure> {
    if reason.trim().is_empty() {
        return Err(Failure::usage(tr!("review-reason-needed")));
    }
    let submission = DecisionSubmission {
        business,
        verdict,
        reason,
    };
    let recorded = client.decide(&submission).await?;
    Ok(Done::of(
        &recorded,
        output::decided(&submission.business, &recorded),
        true,
    ))
}

//! `parley business`: act as a business against a server. Tables in the terminal, `--json`
//! for scripts, and exit codes scripts can trust: 0 done, 1 refused (by the rules or by the
//! server), 2 could not ask (a usage mistake, an unreadable file, no connection, a server
//! failure).

mod conversations;
mod output;

use crate::cli_answer::{Done, Failure, TokenMaker, Tool, report};
use crate::cli_options::{AssetsOptions, ConfigOptions, DataOptions, ServerOptions};
use crate::protocol::*;
use crate::sync::business_client::{BusinessClient, MetricsScope};
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};

pub use crate::cli_answer::{EXIT_FAILED, EXIT_OK, EXIT_REFUSED};

/// `parley business [--json] <command>`: the server and token go before or after the command
/// (or in PARLEY_SERVER and PARLEY_TOKEN); the data directory, assets and config only serve
/// the console, without a command.
#[derive(Debug, Args)]
#[command(mut_arg("server", |a| a.global(true)), mut_arg("token", |a| a.global(true)))]
pub struct BusinessArgs {
    /// Print the server's answers as JSON, for scripts (before or after the subcommand).
    #[arg(long, global = true)]
    pub json: bool,
    #[command(flatten)]
    pub server: ServerOptions,
    #[command(flatten)]
    pub data: DataOptions,
    #[command(flatten)]
    pub assets: AssetsOptions,
    #[command(flatten)]
    pub config: ConfigOptions,
    #[command(subcommand)]
    pub command: Option<BusinessCommand>,
}

/// What a business can do.
#[derive(Debug, Subcommand)]
pub enum BusinessCommand {
    /// Submit a template for review, or list them.
    Templates {
        #[command(subcommand)]
        action: TemplatesCommand,
    },
    /// Send one message to one user, with a template or as a free-form service reply.
    Send {
        /// The user's name.
        #[arg(long, value_name = "USER")]
        to: String,
        /// The template's name.
        #[arg(long, value_name = "NAME")]
        #[arg(required_unless_present = "text", conflicts_with = "text")]
        template: Option<String>,
        /// A value for the template's next placeholder ({{1}}, then {{2}}...).
        #[arg(long = "param", value_name = "V")]
        params: Vec<String>,
        /// Free-form text: allowed only inside the 24-hour window the user opened.
        #[arg(long, value_name = "T")]
        text: Option<String>,
    },
    /// Send one template to all subscribers, or to the people listed in a file.
    Broadcast {
        /// The approved template to send.
        #[arg(long, value_name = "NAME")]
        template: String,
        /// A file of user names, one per line (`-` reads them from stdin).
        #[arg(long, value_name = "FILE")]
        to: Option<PathBuf>,
        /// A value for the template's next placeholder ({{1}}, then {{2}}...).
        #[arg(long = "param", value_name = "V")]
        params: Vec<String>,
        /// Price it and show what the rules would do, without sending or charging.
        #[arg(long)]
        dry_run: bool,
    },
    /// Sent, delivered, held, rejected, read and feedback: the business's, or one template's
    /// or broadcast's.
    Metrics {
        /// Only this template's messages.
        #[arg(long, value_name = "NAME", conflicts_with = "broadcast")]
        template: Option<String>,
        /// Only this broadcast's messages (its id, as `broadcast` printed it).
        #[arg(long, value_name = "ID")]
        broadcast: Option<i64>,
    },
    /// Quality, messaging tier, budget, strikes and restrictions.
    Status,
    /// The conversations with users: unread messages, the last one, and the time left of
    /// each 24-hour window in which a free-form reply is allowed.
    Inbox {
        /// How many conversations to list, unread ones first, then the most recent (1 to 200).
        #[arg(long, value_name = "N", default_value_t = 50,
              value_parser = clap::value_parser!(u32).range(1..=200))]
        limit: u32,
        /// How many of the most recent to skip, to see older ones.
        #[arg(long, value_name = "N", default_value_t = 0)]
        offset: u32,
    },
    /// Read the conversation with one user, newest last; their messages are marked read and
    /// they see the read ticks.
    Read {
        /// The user's name.
        #[arg(long = "with", value_name = "USER")]
        with: String,
        /// How many of the newest messages to show (1 to 200).
        #[arg(long, value_name = "N", default_value_t = 50,
              value_parser = clap::value_parser!(u32).range(1..=200))]
        limit: u32,
    },
    /// Reply free-form to one user: allowed inside the 24-hour window their last message
    /// opened; outside it, refused with the templates to send instead.
    Reply {
        /// The user's name.
        #[arg(long, value_name = "USER")]
        to: String,
        /// The reply.
        #[arg(value_name = "TEXT")]
        text: String,
    },
    /// Ask a platform reviewer to review the business's disable or suspension.
    AskReview {
        /// A note to the reviewer: what went wrong and what changed (up to 1000 characters).
        #[arg(long, value_name = "TEXT", default_value = "")]
        note: String,
    },
}

/// Templates.
#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Submit the template in a TOML file (name, category, body, allow_recategorise).
    Submit {
        /// The TOML file, e.g. name = "order_ready", category = "utility", body = "Order {{1}} is ready."
        file: PathBuf,
    },
    /// List the business's templates with their review.
    List,
    /// Edit a template: the body and category in the TOML file become a new version, reviewed
    /// again; the old version is kept.
    Edit {
        /// The template's name.
        name: String,
        /// The TOML file: category, body and (optionally) allow_recategorise.
        file: PathBuf,
    },
    /// Resubmit a rejected template, from a TOML file (or as it is, to be reviewed again).
    Resubmit {
        /// The template's name.
        name: String,
        /// The TOML file: category, body and (optionally) allow_recategorise.
        file: Option<PathBuf>,
    },
    /// Delete a template: it can no longer be sent; its versions, history and figures stay.
    Delete {
        /// The template's name.
        name: String,
    },
    /// Every version of a template, oldest first.
    Versions {
        /// The template's name.
        name: String,
    },
}

/// Runs `parley business` and returns the exit code.
pub fn run(args: BusinessArgs) -> i32 {
    let Some(command) = args.command else {
        return print_help();
    };
    crate::cli_answer::speaking_for(args.json, || {
        let outcome = connect(args.server.server, args.server.token)
            .and_then(|client| crate::cli_answer::block_on(execute(&client, command)));
        report(Tool::Business.name(), outcome, args.json)
    })
}

fn print_help() -> i32 {
    crate::cli_answer::print_help::<BusinessHelp>(Tool::Business)
}

/// Only for printing `parley business`'s help.
#[derive(clap::Parser)]
#[command(about = "Act as a business against a Parley server (--server URL --token T)")]
struct BusinessHelp {
    #[command(flatten)]
    args: BusinessArgs,
}

fn connect(server: Option<String>, token: Option<String>) -> Result<BusinessClient, Failure> {
    let (server, token) = crate::cli_answer::server_and_token(server, token, TokenMaker::Business)?;
    Ok(BusinessClient::new(&server, &token)?)
}

async fn execute(client: &BusinessClient, command: BusinessCommand) -> Result<Done, Failure> {
    match command {
        BusinessCommand::Templates {
            action: TemplatesCommand::Submit { file },
        } => {
            let t = client.submit_template(&read_template(&file)?).await?;
            let accepted = t.status != crate::model::TemplateStatus::Rejected;
            Ok(Done::of(&t, output::submitted(&t), accepted))
        }
        BusinessCommand::Templates {
            action: TemplatesCommand::List,
        } => {
            let list = client.templates().await?;
            Ok(Done::of(&list, output::templates(&list), true))
        }
        BusinessCommand::Templates { action } => template_life(client, action).await,
        BusinessCommand::Send {
            to,
            template,
            params,
            text,
        } => {
            let request = SendRequest {
                to,
                template,
                params,
                text,
                key: None,
            };
            let sent = client.send(&request).await?;
            let delivered = sent.decision.outcome == crate::model::Outcome::Deliver;
            Ok(Done::of(&sent, output::sent(&request.to, &sent), delivered))
        }
        BusinessCommand::Broadcast {
            template,
            to,
            params,
            dry_run,
        } => {
            let to = match to {
                Some(file) => Some(read_names(&file)?),
                None => None,
            };
            let b = BroadcastSubmission {
                template,
                params,
                to,
                dry_run,
                key: None,
            };
            let report = client.broadcast(&b).await?;
            Ok(Done::of(
                &report,
                output::broadcast(&b.template, &report),
                true,
            ))
        }
        BusinessCommand::Metrics {
            template,
            broadcast,
        } => {
            let scope = match (template, broadcast) {
                (Some(name), _) => MetricsScope::Template(name),
                (None, Some(id)) => MetricsScope::Broadcast(id),
                (None, None) => MetricsScope::Business,
            };
            let m = client.metrics(&scope).await?;
            Ok(Done::of(&m, output::metrics(&m), true))
        }
        BusinessCommand::Status => {
            let s = client.status().await?;
            Ok(Done::of(&s, output::status(&s), true))
        }
        BusinessCommand::Inbox { limit, offset } => {
            let list = client.conversations(offset, limit).await?;
            Ok(Done::of(&list, conversations::inbox(&list, offset), true))
        }
        BusinessCommand::Read { with, limit } => {
            let request = ReadRequest {
                with,
                limit: Some(limit),
            };
            let page = client.read_conversation(&request).await?;
            Ok(Done::of(&page, conversations::page(&page), true))
        }
        BusinessCommand::Reply { to, text } => {
            let request = ReplyRequest { to, text };
            let sent = client.reply(&request).await?;
            let delivered = sent.decision.outcome == crate::model::Outcome::Deliver;
            let shown = conversations::replied(&request.to, &sent);
            Ok(Done::of(&sent, shown, delivered))
        }
        BusinessCommand::AskReview { note } => {
            let r = client
                .ask_for_review(&ReviewRequestSubmission { note })
                .await?;
            Ok(Done::of(&r, output::review_asked(&r), true))
        }
    }
}

/// Edits, resubmits, deletes or lists the versions of a template named on the command line.
async fn template_life(client: &BusinessClient, action: TemplatesCommand) -> Result<Done, Failure> {
    let list = client.templates().await?;
    let named = |name: &str| {
        let name = template_name(name);
        list.iter()
            .find(|t| t.name == name)
            .cloned()
            .ok_or_else(|| Failure::refused(tr!("cli-no-such-template", name = name.as_str())))
    };
    match action {
        TemplatesCommand::Edit { name, file } => {
            let t = named(&name)?;
            revised(client, &t, read_edit(&file, &t.name)?, false).await
        }
        TemplatesCommand::Resubmit { name, file } => {
            let t = named(&name)?;
            let edit = match file {
                Some(file) => read_edit(&file, &t.name)?,
                None => TemplateEdit {
                    category: t.requested_category,
                    body: t.body.clone(),
                    allow_recategorise: t.allow_recategorise,
                },
            };
            revised(client, &t, edit, true).await
        }
        TemplatesCommand::Delete { name } => {
            let deleted = client.delete_template(named(&name)?.id).await?;
            Ok(Done::of(&deleted, output::deleted(&deleted), true))
        }
        TemplatesCommand::Versions { name } => {
            let t = named(&name)?;
            let versions = client.template_versions(t.id).await?;
            Ok(Done::of(
                &versions,
                output::versions(&t.name, &versions),
                true,
            ))
        }
        TemplatesCommand::Submit { .. } | TemplatesCommand::List => {
            unreachable!("submit and list are handled before a template's life")
        }
    }
}

async fn revised(
    client: &BusinessClient,
    t: &WireTemplate,
    edit: TemplateEdit,
    resubmit: bool,
) -> Result<Done, Failure> {
    let r = client.revise_template(t.id, &edit, resubmit).await?;
    let accepted = r.template.status != crate::model::TemplateStatus::Rejected;
    Ok(Done::of(&r, output::revised(&r), accepted))
}

/// A template's name as the server keeps it: cleaned and bounded.
fn template_name(name: &str) -> String {
    crate::model::text::clean_line(name, crate::model::limits::MAX_TEMPLATE_NAME_CHARS)
}

/// A template file for an edit: like a submission's, its name (if any) the edited one's.
fn read_edit(file: &Path, name: &str) -> Result<TemplateEdit, Failure> {
    #[derive(serde::Deserialize)]
    struct EditFile {
        name: Option<String>,
        category: crate::model::Category,
        body: String,
        #[serde(default = "yes")]
        allow_recategorise: bool,
    }
    fn yes() -> bool {
        true
    }
    let text = read_file(file)?;
    let parsed: EditFile = toml::from_str(&text).map_err(|e| not_a_template(file, &e, false))?;
    if let Some(other) = parsed.name.map(|n| template_name(&n)).filter(|n| n != name) {
        return Err(Failure::usage(tr!(
            "cli-template-file-other-name",
            file = file.display().to_string(),
            other = other,
            name = name
        )));
    }
    Ok(TemplateEdit {
        category: parsed.category,
        body: parsed.body,
        allow_recategorise: parsed.allow_recategorise,
    })
}

fn read_file(file: &Path) -> Result<String, Failure> {
    if file == Path::new("-") {
        return std::io::read_to_string(std::io::stdin())
            .map_err(|e| Failure::usage(tr!("cli-cannot-read-stdin", error = e.to_string())));
    }
    std::fs::read_to_string(file).map_err(|e| {
        Failure::usage(tr!(
            "cli-cannot-read",
            file = file.display().to_string(),
            error = e.to_string()
        ))
    })
}

/// A file that does not parse as a template, with what one looks like (`named`: with its
/// name line, as a submission has).
fn not_a_template(file: &Path, e: &toml::de::Error, named: bool) -> Failure {
    Failure::usage(tr!(
        "cli-not-a-template-file",
        file = file.display().to_string(),
        error = e.message(),
        example = match named {
            true => tr!("cli-template-example-named"),
            false => tr!("cli-template-example"),
        }
    ))
}

/// A template file: TOML with name, category, body and (optionally) allow_recategorise.
fn read_template(file: &Path) -> Result<TemplateSubmission, Failure> {
    let text = read_file(file)?;
    toml::from_str(&text).map_err(|e| not_a_template(file, &e, true))
}

/// User names, one per line; blank lines and `#` comments are skipped.
fn read_names(file: &Path) -> Result<Vec<String>, Failure> {
    let names: Vec<String> = read_file(file)?
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    if names.is_empty() {
        return Err(Failure::usage(tr!(
            "cli-names-nobody",
            file = file.display().to_string()
        )));
    }
    Ok(names)
}

//! `parley business`: act as a business against a server. Tables in the terminal, `--json`
//! for scripts, and exit codes scripts can trust: 0 done, 1 refused (by the rules or by the
//! server), 2 could not ask (a usage mistake, an unreadable file, no connection, a server
//! failure).

mod output;

use crate::model::text;
use crate::protocol::*;
use crate::sync::business_client::{BusinessClient, MetricsScope};
use crate::sync::http::HttpError;
use clap::{Args, Subcommand};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Exit code: done.
pub const EXIT_OK: i32 = 0;
/// Exit code: refused, by the rules (rejected, held) or by the server (4xx).
pub const EXIT_REFUSED: i32 = 1;
/// Exit code: could not ask (usage, file, connection, server failure).
pub const EXIT_FAILED: i32 = 2;

/// `parley business [--json] <command>`; the server and token are the global `--server` and
/// `--token` (or PARLEY_SERVER and PARLEY_TOKEN).
#[derive(Debug, Args)]
pub struct BusinessArgs {
    /// Print the server's answers as JSON, for scripts (before or after the subcommand).
    #[arg(long, global = true)]
    pub json: bool,
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
        #[arg(
            long,
            value_name = "NAME",
            required_unless_present = "text",
            conflicts_with = "text"
        )]
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

/// A failed command: what to print, and the exit code.
struct Failure {
    code: i32,
    message: String,
    error: Option<ApiError>,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_FAILED,
            message: message.into(),
            error: None,
        }
    }
}

impl From<HttpError> for Failure {
    fn from(e: HttpError) -> Failure {
        let code = if e.is_refusal() {
            EXIT_REFUSED
        } else {
            EXIT_FAILED
        };
        let error = match &e {
            HttpError::Refused { error, .. } => Some(error.clone()),
            _ => None,
        };
        Failure {
            code,
            message: crate::model::text::clean_line(&e.to_string(), 600),
            error,
        }
    }
}

/// What a command printed, and whether the rules let it through.
struct Done {
    text: String,
    json: String,
    accepted: bool,
}

impl Done {
    fn of<T: Serialize>(answer: &T, text: String, accepted: bool) -> Done {
        Done {
            text,
            json: serde_json::to_string_pretty(answer).unwrap_or_default(),
            accepted,
        }
    }
}

/// Runs `parley business` and returns the exit code.
pub fn run(args: BusinessArgs, server: Option<String>, token: Option<String>) -> i32 {
    let Some(command) = args.command else {
        return print_help();
    };
    let outcome = connect(server, token).and_then(|client| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Failure::usage(format!("cannot start: {e}")))?;
        runtime.block_on(execute(&client, command))
    });
    report(outcome, args.json)
}

fn print_help() -> i32 {
    use clap::CommandFactory;
    let mut help = BusinessHelp::command().name("parley business");
    let _ = help.print_help();
    EXIT_OK
}

/// Only for printing `parley business`'s help.
#[derive(clap::Parser)]
#[command(about = "Act as a business against a Parley server (--server URL --token T)")]
struct BusinessHelp {
    #[command(flatten)]
    args: BusinessArgs,
}

fn connect(server: Option<String>, token: Option<String>) -> Result<BusinessClient, Failure> {
    let server = server
        .ok_or_else(|| Failure::usage("no server given: pass --server URL or set PARLEY_SERVER"))?;
    let token = token.ok_or_else(|| {
        Failure::usage(
            "no token given: pass --token T or set PARLEY_TOKEN (`parley serve add-business` prints one)",
        )
    })?;
    Ok(BusinessClient::new(&server, &token)?)
}

fn report(outcome: Result<Done, Failure>, json: bool) -> i32 {
    let mut out = std::io::stdout().lock();
    let code = match outcome {
        Ok(done) => {
            let shown = if json {
                text::printable_json(&done.json)
            } else {
                text::printable(&done.text)
            };
            let _ = writeln!(out, "{shown}");
            if done.accepted { EXIT_OK } else { EXIT_REFUSED }
        }
        Err(failure) => {
            if json {
                let body = failure.error.clone().unwrap_or(ApiError {
                    error: "client".into(),
                    message: failure.message.clone(),
                    budget: None,
                });
                let json = serde_json::to_string_pretty(&body).unwrap_or_default();
                let _ = writeln!(out, "{}", text::printable_json(&json));
            }
            eprintln!("parley business: {}", text::printable(&failure.message));
            failure.code
        }
    };
    let _ = out.flush();
    code
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
            .ok_or_else(|| Failure {
                code: EXIT_REFUSED,
                message: format!(
                    "you have no template named {name}; `parley business templates list` shows them"
                ),
                error: None,
            })
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
            Err(Failure::usage("submit and list are not a template's life"))
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
    text::clean_line(name, crate::model::limits::MAX_TEMPLATE_NAME_CHARS)
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
    let parsed: EditFile = toml::from_str(&text).map_err(|e| {
        Failure::usage(format!(
            "{} is not a template file: {}\nA template file reads like:\n  \
             category = \"utility\"   # marketing, utility or authentication\n  body = \"Your order \
             {{{{1}}}} is ready\"\n  allow_recategorise = true",
            file.display(),
            e.message()
        ))
    })?;
    if let Some(other) = parsed.name.map(|n| template_name(&n)).filter(|n| n != name) {
        return Err(Failure::usage(format!(
            "{} names the template {other}, not {name}: fix the name, or leave it out",
            file.display()
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
            .map_err(|e| Failure::usage(format!("cannot read stdin: {e}")));
    }
    std::fs::read_to_string(file)
        .map_err(|e| Failure::usage(format!("cannot read {}: {e}", file.display())))
}

/// A template file: TOML with name, category, body and (optionally) allow_recategorise.
fn read_template(file: &Path) -> Result<TemplateSubmission, Failure> {
    let text = read_file(file)?;
    toml::from_str(&text).map_err(|e| {
        Failure::usage(format!(
            "{} is not a template file: {}\nA template file reads like:\n  name = \"order_ready\"\n  \
             category = \"utility\"   # marketing, utility or authentication\n  body = \"Your order \
             {{{{1}}}} is ready\"\n  allow_recategorise = true",
            file.display(),
            e.message()
        ))
    })
}

/// User names, one per line; blank lines and `#` comments are skipped.
fn read_names(file: &Path) -> Result<Vec<String>, Failure> {
    let names: Vec<String> = read_file(file)?
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    if names.is_empty() {
        return Err(Failure::usage(format!(
            "{} names nobody: write one user name per line",
            file.display()
        )));
    }
    Ok(names)
}

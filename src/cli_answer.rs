//! What the command-line tools (`parley business`, `parley review`) print and how they end:
//! text for people or `--json` for scripts, every string from the server cleaned, and exit
//! codes scripts can trust: 0 done, 1 refused (by the rules or by the server), 2 could not ask
//! (a usage mistake, an unreadable file, no connection, a server failure).

use crate::i18n::date_time;
use crate::model::text;
use crate::protocol::ApiError;
use crate::sync::http::HttpError;
use serde::Serialize;
use std::io::Write;
use unicode_width::UnicodeWidthStr;

/// Exit code: done.
pub const EXIT_OK: i32 = 0;
/// Exit code: refused, by the rules (rejected, held) or by the server (4xx).
pub const EXIT_REFUSED: i32 = 1;
/// Exit code: could not ask (usage, file, connection, server failure).
pub const EXIT_FAILED: i32 = 2;

/// A failed command: what to print, and the exit code.
pub struct Failure {
    code: i32,
    message: String,
    error: Option<ApiError>,
}

impl Failure {
    /// Refused before asking the server, for a reason only this side can see.
    pub fn refused(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_REFUSED,
            message: message.into(),
            error: None,
        }
    }

    /// A mistake before asking: usage, a file, the connection.
    pub fn usage(message: impl Into<String>) -> Failure {
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
pub struct Done {
    text: String,
    json: String,
    accepted: bool,
}

impl Done {
    /// The answer, its text for people, and whether the rules let it through.
    pub fn of<T: Serialize>(answer: &T, text: String, accepted: bool) -> Done {
        Done {
            text,
            json: serde_json::to_string_pretty(answer).unwrap_or_default(),
            accepted,
        }
    }
}

/// Prints a command's answer (as JSON with `json`) or its failure, and returns the exit code;
/// The server and token a tool needs, or a usage failure saying how to give them; `maker`
/// names the command that prints a token of the right kind.
pub fn server_and_token(
    server: Option<String>,
    token: Option<String>,
    maker: TokenMaker,
) -> Result<(String, String), Failure> {
    let server = server.ok_or_else(|| Failure::usage(tr!("cli-no-server")))?;
    let token =
        token.ok_or_else(|| Failure::usage(tr!("cli-no-token", maker = maker.command())))?;
    Ok((server, token))
}

/// The command that prints a token of the kind a tool needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenMaker {
    Business,
    Reviewer,
}

impl TokenMaker {
    /// The command line, as the user types it.
    pub fn command(self) -> &'static str {
        match self {
            TokenMaker::Business => "parley serve add-business",
            TokenMaker::Reviewer => "parley serve add-reviewer",
        }
    }
}

/// Runs `f` in the language in force, or in English when the answer is `json`: JSON is for
/// scripts, so its messages are the same whatever the user's language.
pub fn speaking_for<T>(json: bool, f: impl FnOnce() -> T) -> T {
    match json {
        true => crate::i18n::scoped(crate::i18n::Catalogues::embedded().english(), f),
        false => f(),
    }
}

/// Runs a tool's work to its end on a runtime of its own.
pub fn block_on<T>(
    work: impl std::future::Future<Output = Result<T, Failure>>,
) -> Result<T, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::usage(tr!("cli-cannot-start", error = e.to_string())))?
        .block_on(work)
}

/// A command-line tool of Parley.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Business,
    Review,
}

impl Tool {
    /// Its name after `parley`, as error lines give it (`parley business: ...`).
    pub fn name(self) -> &'static str {
        match self {
            Tool::Business => "business",
            Tool::Review => "review",
        }
    }

    /// The whole command, as its help gives it.
    pub fn command(self) -> &'static str {
        match self {
            Tool::Business => "parley business",
            Tool::Review => "parley review",
        }
    }
}

/// Prints a tool's help under its full name (`parley review`) and returns the exit code.
pub fn print_help<C: clap::CommandFactory>(tool: Tool) -> i32 {
    let _ = C::command().name(tool.command()).print_help();
    EXIT_OK
}

/// `tool` names the command in error lines (`parley business: ...`).
pub fn report(tool: &str, outcome: Result<Done, Failure>, json: bool) -> i32 {
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
            eprintln!("parley {tool}: {}", text::printable(&failure.message));
            failure.code
        }
    };
    let _ = out.flush();
    code
}

/// Columns aligned under a header; the last column is not padded.
pub fn table<H: AsRef<str>>(header: &[H], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.as_ref().width()).collect();
    for row in rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.width());
        }
    }
    let line = |cells: Vec<&str>| {
        let last = cells.len().saturating_sub(1);
        let mut out = String::new();
        for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
            out.push_str(c);
            if i < last {
                out.push_str(&" ".repeat(w - c.width() + 2));
            }
        }
        out.trim_end().to_string()
    };
    let mut lines = vec![line(header.iter().map(AsRef::as_ref).collect())];
    lines.extend(
        rows.iter()
            .map(|r| line(r.iter().map(String::as_str).collect())),
    );
    lines.join("\n")
}

/// Label and value pairs, aligned.
pub fn pairs<K: AsRef<str>>(rows: &[(K, String)]) -> String {
    let width = rows
        .iter()
        .map(|(k, _)| k.as_ref().width())
        .max()
        .unwrap_or(0);
    rows.iter()
        .map(|(k, v)| {
            let k = k.as_ref();
            format!("{k}{}  {v}", " ".repeat(width - k.width()))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A business's restrictions as a table (what, its state now, from, until, why), or "none".
pub fn restrictions_table(list: &[(crate::model::Restriction, bool)]) -> String {
    use crate::i18n::Label;
    use crate::model::RestrictionKind;
    if list.is_empty() {
        return tr!("cli-none");
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|(r, current)| {
            let state = match (r.kind, *current) {
                (RestrictionKind::Warning, true) => tr!("cli-restriction-shown"),
                (_, true) => tr!("cli-restriction-in-force"),
                (_, false) => tr!("cli-restriction-ended"),
            };
            vec![
                r.kind.text(),
                state,
                date_time(r.start),
                r.end
                    .map_or_else(|| tr!("cli-restriction-until-reviewed"), date_time),
                text::clean_line(&crate::i18n::sentences::restriction_reason(r), 72),
            ]
        })
        .collect();
    let header = [
        tr!("cli-head-restriction"),
        tr!("cli-head-state"),
        tr!("cli-head-from"),
        tr!("cli-head-until"),
        tr!("cli-head-reason"),
    ];
    table(&header, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_wide_characters() {
        let t = table(
            &["NAME", "N"],
            &[
                vec!["añb".into(), "1".into()],
                vec!["日本".into(), "22".into()],
            ],
        );
        assert_eq!(t, "NAME  N\nañb   1\n日本  22");
    }
}

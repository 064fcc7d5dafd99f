//! The reviewer's answers as text for a terminal. Names, reasons and report evidence are
//! untrusted text: each is cleaned and bounded before it is printed.

use crate::cli_answer::{pairs, restrictions_table, table};
use crate::i18n::date_time;
use crate::i18n::{Label, number};
use crate::model::text::clean_line;
use crate::model::*;
use crate::protocol::*;

/// Longest cell, in characters.
const MAX_CELL: usize = 72;
/// Longest line of evidence or reason, in characters.
const MAX_TEXT: usize = 300;

fn cell(text: &str) -> String {
    clean_line(text, MAX_CELL)
}

fn restriction_kinds(list: &[Restriction]) -> String {
    let kinds: Vec<String> = list.iter().map(|r| r.kind.text()).collect();
    kinds.join("; ")
}

/// The businesses to review.
pub fn cases(list: &[ReviewCase]) -> String {
    if list.is_empty() {
        return tr!("review-nothing");
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|c| {
            let request = match (&c.review.waiting, c.review.latest()) {
                (Some(r), _) => tr!("review-asked-at", at = date_time(r.at)),
                (None, Some(d)) => format!("{} {}", d.verdict.text(), date_time(d.at)),
                (None, None) => "-".into(),
            };
            vec![
                cell(&c.business.name),
                restriction_kinds(&c.restrictions),
                number(c.strikes),
                number(c.reports),
                request,
            ]
        })
        .collect();
    let header = [
        tr!("review-head-business"),
        tr!("review-head-in-force"),
        tr!("review-head-strikes"),
        tr!("review-head-reports"),
        tr!("review-head-review"),
    ];
    let mut out = table(&header, &rows);
    let notes: Vec<String> = list
        .iter()
        .filter_map(|c| c.review.waiting.as_ref().map(|r| (c, r)))
        .filter(|(_, r)| !r.note.trim().is_empty())
        .map(|(c, r)| {
            tr!(
                "review-asks",
                name = cell(&c.business.name),
                note = clean_line(&r.note, MAX_TEXT)
            )
        })
        .collect();
    for note in notes {
        out.push('\n');
        out.push_str(&note);
    }
    out.push_str("\n\n");
    out.push_str(&tr!("review-read-one"));
    out
}

/// One business's case file: restrictions, strikes, reports with their evidence, review.
pub fn case_file(f: &ReviewCaseFile) -> String {
    let b = &f.business;
    let verified = match b.verified {
        true => tr!("cli-yes"),
        false => tr!("cli-no"),
    };
    let head = [
        (tr!("cli-row-business"), cell(&b.name)),
        (tr!("review-row-kind"), b.kind.text()),
        (tr!("cli-row-verified"), verified),
        (tr!("cli-row-quality"), b.quality.text()),
        (
            tr!("cli-row-reports"),
            tr!("review-reports-in-all", count = f.reports_total),
        ),
    ];
    let mut out = pairs(&head);
    out.push_str(&section(tr!("cli-restrictions-heading")));
    out.push_str(&restrictions_table(&f.restrictions));
    out.push_str(&section(tr!(
        "review-strikes-heading",
        days = f.strike_window_days
    )));
    out.push_str(&strikes(&f.strikes));
    out.push_str(&section(tr!(
        "review-reports-heading",
        count = f.reports.len()
    )));
    out.push_str(&reports(&f.reports));
    out.push_str(&section(tr!("cli-review-heading")));
    out.push_str(&review(&f.review));
    out
}

/// A heading between the parts of a case file, a blank line above it.
fn section(title: String) -> String {
    format!("\n\n{title}\n")
}

fn strikes(list: &[Strike]) -> String {
    if list.is_empty() {
        return tr!("cli-none");
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|s| {
            let detail = crate::i18n::sentences::strike(s);
            vec![date_time(s.at), s.cause.to_string(), cell(&detail)]
        })
        .collect();
    let header = [
        tr!("cli-head-at"),
        tr!("cli-head-cause"),
        tr!("cli-head-detail"),
    ];
    table(&header, &rows)
}

fn reports(list: &[ReportFile]) -> String {
    if list.is_empty() {
        return tr!("cli-none");
    }
    let mut out = Vec::new();
    for r in list {
        out.push(tr!(
            "review-report",
            at = date_time(r.at),
            reporter = cell(&r.reporter),
            reason = r.reason.as_str(),
            blocked = if r.also_block { "yes" } else { "no" }
        ));
        if r.evidence.is_empty() {
            out.push(format!("  {}", tr!("review-no-evidence")));
        }
        for line in &r.evidence {
            out.push(format!(
                "  {} {}: {}",
                date_time(line.at),
                cell(&line.from),
                clean_line(&line.body, MAX_TEXT)
            ));
        }
    }
    out.join("\n")
}

fn review(r: &ReviewState) -> String {
    let mut out = Vec::new();
    if let Some(request) = &r.waiting {
        let note = match request.note.trim().is_empty() {
            true => String::new(),
            false => format!(": {}", clean_line(&request.note, MAX_TEXT)),
        };
        out.push(format!(
            "{}{note}",
            tr!("review-asked-on", at = date_time(request.at))
        ));
    }
    for d in &r.decisions {
        out.push(tr!(
            "review-decision",
            at = date_time(d.at),
            verdict = d.verdict.text(),
            reviewer = cell(&d.reviewer),
            reason = clean_line(&d.reason, MAX_TEXT)
        ));
    }
    match out.is_empty() {
        true => tr!("review-never"),
        false => out.join("\n"),
    }
}

/// What a decision did.
pub fn decided(business: &str, r: &DecisionRecorded) -> String {
    let name = cell(business);
    let head = match r.decision.verdict {
        Verdict::Reinstated if r.lifted.is_empty() => {
            tr!("review-reinstated", name = name.as_str())
        }
        Verdict::Reinstated => tr!(
            "review-reinstated-lifted",
            name = name.as_str(),
            lifted = restriction_kinds(&r.lifted)
        ),
        Verdict::Confirmed => tr!("review-confirmed", name = name.as_str()),
    };
    let recorded = tr!(
        "review-recorded",
        at = date_time(r.decision.at),
        reviewer = cell(&r.decision.reviewer),
        reason = clean_line(&r.decision.reason, MAX_TEXT)
    );
    format!("{head}\n{recorded}")
}

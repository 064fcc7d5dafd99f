//! The reviewer's answers as text for a terminal. Names, reasons and report evidence are
//! untrusted text: each is cleaned and bounded before it is printed.

use crate::cli_answer::{pairs, restrictions_table, table};
use crate::model::number::grouped;
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
    let kinds: Vec<&str> = list.iter().map(|r| r.kind.label()).collect();
    kinds.join("; ")
}

/// The businesses to review.
pub fn cases(list: &[ReviewCase]) -> String {
    if list.is_empty() {
        return "Nothing to review: no business is disabled or suspended.".into();
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|c| {
            let request = match (&c.review.waiting, c.review.latest()) {
                (Some(r), _) => format!("asked {}", r.at.date_time()),
                (None, Some(d)) => format!("{} {}", d.verdict.label(), d.at.date_time()),
                (None, None) => "-".into(),
            };
            vec![
                cell(&c.business.name),
                restriction_kinds(&c.restrictions),
                grouped(c.strikes),
                grouped(c.reports),
                request,
            ]
        })
        .collect();
    let mut out = table(
        &["BUSINESS", "IN FORCE", "STRIKES", "REPORTS", "REVIEW"],
        &rows,
    );
    let notes: Vec<String> = list
        .iter()
        .filter_map(|c| c.review.waiting.as_ref().map(|r| (c, r)))
        .filter(|(_, r)| !r.note.trim().is_empty())
        .map(|(c, r)| {
            format!(
                "{} asks: {}",
                cell(&c.business.name),
                clean_line(&r.note, MAX_TEXT)
            )
        })
        .collect();
    for note in notes {
        out.push('\n');
        out.push_str(&note);
    }
    out.push_str("\n\nRead one with `parley review show BUSINESS`.");
    out
}

/// One business's case file: restrictions, strikes, reports with their evidence, review.
pub fn case_file(f: &ReviewCaseFile) -> String {
    let b = &f.business;
    let head = [
        ("business", cell(&b.name)),
        ("kind", b.kind.label().to_string()),
        (
            "verified",
            if b.verified { "yes" } else { "no" }.to_string(),
        ),
        ("quality", b.quality.label().to_string()),
        ("reports", format!("{} in all", grouped(f.reports_total))),
    ];
    let mut out = pairs(&head);
    out.push_str("\n\nRestrictions\n");
    out.push_str(&restrictions_table(&f.restrictions));
    out.push_str(&format!(
        "\n\nStrikes (each counts {} days)\n",
        f.strike_window_days
    ));
    out.push_str(&strikes(&f.strikes));
    out.push_str(&format!(
        "\n\nReports, newest first ({} shown)\n",
        grouped(f.reports.len() as u32)
    ));
    out.push_str(&reports(&f.reports));
    out.push_str("\n\nReview\n");
    out.push_str(&review(&f.review));
    out
}

fn strikes(list: &[Strike]) -> String {
    if list.is_empty() {
        return "none".into();
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|s| {
            let detail = crate::i18n::sentences::strike(s);
            vec![s.at.date_time(), s.cause.to_string(), cell(&detail)]
        })
        .collect();
    table(&["AT", "CAUSE", "DETAIL"], &rows)
}

fn reports(list: &[ReportFile]) -> String {
    if list.is_empty() {
        return "none".into();
    }
    let mut out = Vec::new();
    for r in list {
        let block = if r.also_block { ", and blocked" } else { "" };
        out.push(format!(
            "{} by {}: {}{block}",
            r.at.date_time(),
            cell(&r.reporter),
            r.reason
        ));
        if r.evidence.is_empty() {
            out.push("  (no messages in the chat)".into());
        }
        for line in &r.evidence {
            out.push(format!(
                "  {} {}: {}",
                line.at.date_time(),
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
        out.push(format!("asked on {}{note}", request.at.date_time()));
    }
    for d in &r.decisions {
        out.push(format!(
            "{} {} by {}: {}",
            d.at.date_time(),
            d.verdict.label(),
            cell(&d.reviewer),
            clean_line(&d.reason, MAX_TEXT)
        ));
    }
    match out.is_empty() {
        true => "never reviewed".into(),
        false => out.join("\n"),
    }
}

/// What a decision did.
pub fn decided(business: &str, r: &DecisionRecorded) -> String {
    let name = cell(business);
    let head = match r.decision.verdict {
        Verdict::Reinstated if r.lifted.is_empty() => format!("Reinstated {name}."),
        Verdict::Reinstated => format!(
            "Reinstated {name}: lifted {}. It may send again now.",
            restriction_kinds(&r.lifted)
        ),
        Verdict::Confirmed => format!("Confirmed the restrictions of {name}; nothing was lifted."),
    };
    format!(
        "{head}\nRecorded {} by {}, with the reason the business reads: {}",
        r.decision.at.date_time(),
        cell(&r.decision.reviewer),
        clean_line(&r.decision.reason, MAX_TEXT)
    )
}

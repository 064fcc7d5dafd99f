//! The server's answers as text for a terminal: aligned tables and short sentences. Every
//! string from the server is cleaned before it is printed.

use crate::cli_answer::{pairs, restrictions_table, table};
use crate::model::number::credits;
use crate::model::text::clean_line;
use crate::model::*;
use crate::protocol::*;
use std::collections::BTreeMap;

/// Longest cell, in characters.
const MAX_CELL: usize = 72;

fn cell(text: &str) -> String {
    clean_line(text, MAX_CELL)
}

fn category(t: &WireTemplate) -> String {
    match t.requested_category == t.category {
        true => t.category.to_string(),
        false => format!("{} (asked {})", t.category, t.requested_category),
    }
}

fn template_status(t: &WireTemplate) -> String {
    match (t.status, t.paused_until) {
        (TemplateStatus::Paused, Some(until)) => format!("paused until {}", until.date_time()),
        (status, _) => status.to_string(),
    }
}

/// A submitted template's review, in a sentence and the note.
pub fn submitted(t: &WireTemplate) -> String {
    let name = cell(&t.name);
    let verdict = match t.status {
        TemplateStatus::Rejected => format!("Rejected: {name}"),
        _ if t.category != t.requested_category => format!(
            "Re-categorised: {name} was submitted as {} and is {} as {}",
            t.requested_category, t.status, t.category
        ),
        status => format!(
            "{}: {name} is a {} template",
            capital(status.as_str()),
            t.category
        ),
    };
    format!(
        "{verdict} (review rule: {}).\n{}",
        t.review_rule,
        clean_line(
            &crate::i18n::sentences::template_note(t.review_finding.as_ref(), &t.review_note),
            400
        )
    )
}

fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A template's new version and its review.
pub fn revised(r: &RevisedTemplate) -> String {
    format!("Version {}. {}", r.version, submitted(&r.template))
}

/// A deleted template.
pub fn deleted(d: &DeletedTemplate) -> String {
    format!(
        "Deleted {}: it can no longer be sent; its versions, history and figures stay.",
        cell(&d.name)
    )
}

/// Every version of a template.
pub fn versions(name: &str, list: &[TemplateVersion]) -> String {
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|v| {
            vec![
                v.version.to_string(),
                v.status.to_string(),
                v.category.to_string(),
                v.review_rule.to_string(),
                v.submitted_at.date_time(),
                clean_line(&v.body, 48),
            ]
        })
        .collect();
    format!(
        "Versions of {}:\n{}",
        cell(name),
        table(
            &[
                "VERSION",
                "STATUS",
                "CATEGORY",
                "REVIEW RULE",
                "SUBMITTED",
                "BODY"
            ],
            &rows
        )
    )
}

/// The business's templates.
pub fn templates(list: &[WireTemplate]) -> String {
    if list.is_empty() {
        return "No templates yet: submit one with `parley business templates submit FILE`.".into();
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|t| {
            vec![
                cell(&t.name),
                template_status(t),
                category(t),
                t.review_rule.to_string(),
                t.quality.label().to_string(),
            ]
        })
        .collect();
    table(
        &["NAME", "STATUS", "CATEGORY", "REVIEW RULE", "QUALITY"],
        &rows,
    )
}

/// What became of one message.
pub fn sent(to: &str, s: &SendResponse) -> String {
    let verb = match s.decision.outcome {
        Outcome::Deliver => "Delivered to",
        Outcome::Hold => "Held for",
        Outcome::Reject => "Rejected for",
    };
    let sentence = clean_line(&crate::i18n::sentences::decision(&s.decision), 400);
    let head = format!(
        "{verb} {} ({}, {})",
        cell(to),
        s.category,
        s.decision.reason
    );
    match s.decision.outcome {
        Outcome::Deliver => format!("{head}: {sentence}"),
        _ => format!(
            "{head}: {}.\n  What {} sees: {sentence}",
            s.decision.reason.for_business(),
            cell(to)
        ),
    }
}

fn counts(map: &BTreeMap<Reason, u32>) -> String {
    let total: u32 = map.values().sum();
    match map.is_empty() {
        true => "0".into(),
        false => {
            let parts: Vec<String> = map.iter().map(|(r, n)| format!("{r} {n}")).collect();
            format!("{total} ({})", parts.join(", "))
        }
    }
}

/// A broadcast's price, charge and outcome.
pub fn broadcast(template: &str, r: &BroadcastReport) -> String {
    let head = match r.id {
        Some(id) => format!("Broadcast {id} of {}", cell(template)),
        None => format!(
            "Dry run of a broadcast of {}: nothing was sent or charged",
            cell(template)
        ),
    };
    let q = &r.quote;
    let rows = [
        ("category", q.category.to_string()),
        ("audience", format!("{} people", q.audience)),
        ("eligible", format!("{} people", q.eligible)),
        ("unit price", credits(q.unit_price)),
        ("reserved", credits(q.reserved)),
        ("charged", credits(r.settlement.charged)),
        ("refunded", credits(r.settlement.refunded)),
        ("budget after", credits(r.settlement.budget_after)),
        ("delivered", r.delivered.to_string()),
        ("held", counts(&r.held)),
        ("rejected", counts(&r.rejected)),
    ];
    let mut out = format!("{head}\n{}", pairs(&rows));
    if q.audience == 0 {
        out.push_str(
            "\nNobody to send to: people must subscribe to your offers first, or be listed \
             with --to FILE.",
        );
    }
    out
}

/// A business's, template's or broadcast's figures.
pub fn metrics(m: &MetricsReport) -> String {
    let f = &m.metrics;
    let rejected = match f.rejected.is_empty() {
        true => "0".to_string(),
        false => {
            let parts: Vec<String> = f.rejected.iter().map(|(r, n)| format!("{r} {n}")).collect();
            format!("{} ({})", f.rejected_total(), parts.join(", "))
        }
    };
    let rows = [
        ("scope", cell(&m.scope)),
        ("sent", f.sent.to_string()),
        ("delivered", f.delivered.to_string()),
        ("held", f.held.to_string()),
        ("rejected", rejected),
        ("read", f.read.to_string()),
        ("read rate", f.read_rate_label()),
        ("interested", f.interested.to_string()),
        ("not interested", f.not_interested.to_string()),
        ("blocks", f.blocks.to_string()),
        ("reports", f.reports.to_string()),
        ("credits spent", credits(f.credits)),
    ];
    pairs(&rows)
}

/// "Low", or "Low (not enough recent data)" when too few people were reached to rate it.
fn quality_label(quality: Quality, enough_recent_data: bool) -> String {
    match enough_recent_data {
        true => quality.label().to_string(),
        false => format!("{} (not enough recent data)", quality.label()),
    }
}

/// The business's standing.
pub fn status(s: &StatusReport) -> String {
    let tier = s
        .tier_limit
        .map_or("unlimited".to_string(), |n| format!("{n} people a day"));
    let rows = [
        ("business", cell(&s.name)),
        (
            "verified",
            if s.verified { "yes" } else { "no" }.to_string(),
        ),
        ("quality", quality_label(s.quality, s.enough_recent_data)),
        ("messaging tier", tier),
        ("budget", credits(s.budget)),
    ];
    let strikes: Vec<Vec<String>> = s
        .strikes
        .iter()
        .map(|k| {
            let detail = crate::i18n::sentences::strike(k);
            vec![k.at.date_time(), k.cause.to_string(), cell(&detail)]
        })
        .collect();
    let mut out = pairs(&rows);
    out.push_str("\n\nStrikes (last 90 days)\n");
    out.push_str(&match strikes.is_empty() {
        true => "none".to_string(),
        false => table(&["AT", "CAUSE", "DETAIL"], &strikes),
    });
    out.push_str("\n\nRestrictions\n");
    out.push_str(&restrictions_table(&s.restrictions));
    out.push_str(&review(&s.review));
    let advice = match s.steps.is_empty() {
        true => s.advice.clone(),
        false => crate::i18n::sentences::advice(&s.steps),
    };
    if !advice.is_empty() {
        out.push_str("\n\nWhat to do\n");
        for line in advice.iter().take(MAX_ADVICE) {
            out.push_str(&format!("- {}\n", clean_line(line, MAX_ADVICE_CHARS)));
        }
    }
    out
}

/// A request for a review, filed.
pub fn review_asked(r: &ReviewRequest) -> String {
    format!(
        "Asked for a review on {}. A platform reviewer reads the reports and decides; the \
         decision and its reason show in `parley business status`.",
        r.at.date_time()
    )
}

/// The reviewers' decisions, newest first, and a request waiting for one; nothing when the
/// business was never reviewed.
fn review(r: &ReviewState) -> String {
    let mut out = String::new();
    if r.decisions.is_empty() && r.waiting.is_none() {
        return out;
    }
    out.push_str("\n\nReview\n");
    if let Some(request) = &r.waiting {
        out.push_str(&format!(
            "asked on {}, waiting for a reviewer\n",
            request.at.date_time()
        ));
    }
    let rows: Vec<Vec<String>> = r
        .decisions
        .iter()
        .map(|d| {
            vec![
                d.at.date_time(),
                d.verdict.label().to_string(),
                cell(&d.reviewer),
                clean_line(&d.reason, MAX_ADVICE_CHARS),
            ]
        })
        .collect();
    if !rows.is_empty() {
        out.push_str(&table(
            &["DECIDED", "DECISION", "REVIEWER", "REASON"],
            &rows,
        ));
    }
    out.trim_end().to_string()
}

/// At most this many lines of advice from the server are printed, each at most this long.
const MAX_ADVICE: usize = 20;
const MAX_ADVICE_CHARS: usize = 600;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_text_is_cleaned() {
        assert_eq!(cell("a\u{1b}[2Jb\nc"), "ab c");
    }
}

//! The server's answers as text for a terminal: aligned tables and short sentences. Every
//! string from the server is cleaned before it is printed.

use crate::cli_answer::{pairs, restrictions_table, table};
use crate::i18n::date_time;
use crate::i18n::{Label, credits, number, percent};
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
        true => category_word(t.category),
        false => tr!(
            "cli-category-asked",
            category = category_word(t.category),
            asked = category_word(t.requested_category)
        ),
    }
}

/// A category by the platform's name for it: "utility" / "utilidad".
fn category_word(category: Category) -> String {
    match category {
        Category::Marketing => tr!("cli-category-marketing"),
        Category::Utility => tr!("cli-category-utility"),
        Category::Authentication => tr!("cli-category-authentication"),
        Category::Service => tr!("cli-category-service"),
    }
}

/// A template's status as a word: "approved" / "aprobada".
fn status_word(status: TemplateStatus) -> String {
    match status {
        TemplateStatus::Pending => tr!("cli-status-pending"),
        TemplateStatus::Approved => tr!("cli-status-approved"),
        TemplateStatus::Rejected => tr!("cli-status-rejected"),
        TemplateStatus::Paused => tr!("cli-status-paused"),
        TemplateStatus::Disabled => tr!("cli-status-disabled"),
        TemplateStatus::Deleted => tr!("cli-status-deleted"),
    }
}

fn template_status(t: &WireTemplate) -> String {
    match (t.status, t.paused_until) {
        (TemplateStatus::Paused, Some(until)) => {
            tr!("cli-status-paused-until", until = date_time(until))
        }
        (status, _) => status_word(status),
    }
}

/// A submitted template's review, in a sentence and the note.
pub fn submitted(t: &WireTemplate) -> String {
    let name = cell(&t.name);
    let verdict = match t.status {
        TemplateStatus::Rejected => tr!("cli-submitted-rejected", name = name),
        _ if t.category != t.requested_category => tr!(
            "cli-submitted-recategorised",
            name = name,
            asked = category_word(t.requested_category),
            status = status_word(t.status),
            category = category_word(t.category)
        ),
        status => tr!(
            "cli-submitted",
            status = status.as_str(),
            name = name,
            category = category_word(t.category)
        ),
    };
    let note = crate::i18n::sentences::template_note(t.review_finding.as_ref(), &t.review_note);
    tr!(
        "cli-submitted-review",
        verdict = verdict,
        rule = t.review_rule.as_str(),
        note = clean_line(&note, 400)
    )
}

/// A template's new version and its review.
pub fn revised(r: &RevisedTemplate) -> String {
    tr!(
        "cli-revised",
        version = r.version,
        review = submitted(&r.template)
    )
}

/// A deleted template.
pub fn deleted(d: &DeletedTemplate) -> String {
    tr!("cli-deleted", name = cell(&d.name))
}

/// Every version of a template.
pub fn versions(name: &str, list: &[TemplateVersion]) -> String {
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|v| {
            vec![
                v.version.to_string(),
                status_word(v.status),
                category_word(v.category),
                v.review_rule.to_string(),
                date_time(v.submitted_at),
                clean_line(&v.body, 48),
            ]
        })
        .collect();
    let header = [
        tr!("cli-head-version"),
        tr!("cli-head-status"),
        tr!("cli-head-category"),
        tr!("cli-head-review-rule"),
        tr!("cli-head-submitted"),
        tr!("cli-head-body"),
    ];
    tr!(
        "cli-versions",
        name = cell(name),
        table = table(&header, &rows)
    )
}

/// The business's templates.
pub fn templates(list: &[WireTemplate]) -> String {
    if list.is_empty() {
        return tr!("cli-templates-none");
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|t| {
            vec![
                cell(&t.name),
                template_status(t),
                category(t),
                t.review_rule.to_string(),
                t.quality.text(),
            ]
        })
        .collect();
    let header = [
        tr!("cli-head-name"),
        tr!("cli-head-status"),
        tr!("cli-head-category"),
        tr!("cli-head-review-rule"),
        tr!("cli-head-quality"),
    ];
    table(&header, &rows)
}

/// What became of one message.
pub fn sent(to: &str, s: &SendResponse) -> String {
    let outcome = match s.decision.outcome {
        Outcome::Deliver => "deliver",
        Outcome::Hold => "hold",
        Outcome::Reject => "reject",
    };
    let sentence = clean_line(&crate::i18n::sentences::decision(&s.decision), 400);
    let head = tr!(
        "cli-sent-head",
        outcome = outcome,
        to = cell(to),
        category = s.category.as_str(),
        reason = s.decision.reason.as_str()
    );
    match s.decision.outcome {
        Outcome::Deliver => format!("{head}: {sentence}"),
        _ => tr!(
            "cli-sent-refused",
            head = head,
            why = crate::i18n::labels::reason_for_business(s.decision.reason),
            to = cell(to),
            sentence = sentence
        ),
    }
}

fn counts(map: &BTreeMap<Reason, u32>) -> String {
    let total: u32 = map.values().sum();
    match map.is_empty() {
        true => "0".into(),
        false => {
            let parts: Vec<String> = map
                .iter()
                .map(|(r, n)| format!("{r} {}", number(*n)))
                .collect();
            format!("{} ({})", number(total), parts.join(", "))
        }
    }
}

/// A broadcast's price, charge and outcome.
pub fn broadcast(template: &str, r: &BroadcastReport) -> String {
    let head = match r.id {
        Some(id) => tr!(
            "cli-broadcast-head",
            id = id.to_string(),
            template = cell(template)
        ),
        None => tr!("cli-broadcast-dry-run", template = cell(template)),
    };
    let q = &r.quote;
    let rows = [
        (tr!("cli-row-category"), category_word(q.category)),
        (
            tr!("cli-row-audience"),
            tr!("cli-people", count = q.audience),
        ),
        (
            tr!("cli-row-eligible"),
            tr!("cli-people", count = q.eligible),
        ),
        (tr!("cli-row-unit-price"), credits(q.unit_price)),
        (tr!("cli-row-reserved"), credits(q.reserved)),
        (tr!("cli-row-charged"), credits(r.settlement.charged)),
        (tr!("cli-row-refunded"), credits(r.settlement.refunded)),
        (
            tr!("cli-row-budget-after"),
            credits(r.settlement.budget_after),
        ),
        (tr!("cli-row-delivered"), number(r.delivered)),
        (tr!("cli-row-held"), counts(&r.held)),
        (tr!("cli-row-rejected"), counts(&r.rejected)),
    ];
    let mut out = format!("{head}\n{}", pairs(&rows));
    if q.audience == 0 {
        out.push('\n');
        out.push_str(&tr!("cli-broadcast-nobody"));
    }
    out
}

/// A business's, template's or broadcast's figures.
pub fn metrics(m: &MetricsReport) -> String {
    let f = &m.metrics;
    let rejected = match f.rejected.is_empty() {
        true => "0".to_string(),
        false => {
            let parts: Vec<String> = f
                .rejected
                .iter()
                .map(|(r, n)| format!("{r} {}", number(*n)))
                .collect();
            format!("{} ({})", number(f.rejected_total()), parts.join(", "))
        }
    };
    let read_rate = f
        .read_rate()
        .map_or_else(|| "-".to_string(), |r| percent(r * 100.0));
    let rows = [
        (tr!("cli-row-scope"), cell(&m.scope)),
        (tr!("cli-row-sent"), number(f.sent)),
        (tr!("cli-row-delivered"), number(f.delivered)),
        (tr!("cli-row-held"), number(f.held)),
        (tr!("cli-row-rejected"), rejected),
        (tr!("cli-row-read"), number(f.read)),
        (tr!("cli-row-read-rate"), read_rate),
        (tr!("cli-row-interested"), number(f.interested)),
        (tr!("cli-row-not-interested"), number(f.not_interested)),
        (tr!("cli-row-blocks"), number(f.blocks)),
        (tr!("cli-row-reports"), number(f.reports)),
        (tr!("cli-row-credits-spent"), credits(f.credits)),
    ];
    pairs(&rows)
}

/// "Low", or "Low (not enough recent data)" when too few people were reached to rate it.
fn quality_label(quality: Quality, enough_recent_data: bool) -> String {
    match enough_recent_data {
        true => quality.text(),
        false => tr!("cli-quality-too-little-data", quality = quality.text()),
    }
}

/// The business's standing.
pub fn status(s: &StatusReport) -> String {
    let tier = s.tier_limit.map_or_else(
        || tr!("cli-tier-unlimited"),
        |n| tr!("cli-tier-limit", people = n),
    );
    let verified = match s.verified {
        true => tr!("cli-yes"),
        false => tr!("cli-no"),
    };
    let rows = [
        (tr!("cli-row-business"), cell(&s.name)),
        (tr!("cli-row-verified"), verified),
        (
            tr!("cli-row-quality"),
            quality_label(s.quality, s.enough_recent_data),
        ),
        (tr!("cli-row-messaging-tier"), tier),
        (tr!("cli-row-budget"), credits(s.budget)),
    ];
    let strikes: Vec<Vec<String>> = s
        .strikes
        .iter()
        .map(|k| {
            let detail = crate::i18n::sentences::strike(k);
            vec![date_time(k.at), k.cause.to_string(), cell(&detail)]
        })
        .collect();
    let mut out = pairs(&rows);
    out.push_str(&section(tr!("cli-strikes-heading")));
    out.push_str(&match strikes.is_empty() {
        true => tr!("cli-none"),
        false => {
            let header = [
                tr!("cli-head-at"),
                tr!("cli-head-cause"),
                tr!("cli-head-detail"),
            ];
            table(&header, &strikes)
        }
    });
    out.push_str(&section(tr!("cli-restrictions-heading")));
    out.push_str(&restrictions_table(&s.restrictions));
    out.push_str(&review(&s.review));
    let advice = match s.steps.is_empty() {
        true => s.advice.clone(),
        false => crate::i18n::sentences::advice(&s.steps),
    };
    if !advice.is_empty() {
        out.push_str(&section(tr!("cli-advice-heading")));
        for line in advice.iter().take(MAX_ADVICE) {
            out.push_str(&format!("- {}\n", clean_line(line, MAX_ADVICE_CHARS)));
        }
    }
    out
}

/// A heading between the parts of a report, a blank line above it.
fn section(title: String) -> String {
    format!("\n\n{title}\n")
}

/// A request for a review, filed.
pub fn review_asked(r: &ReviewRequest) -> String {
    tr!("cli-review-asked", at = date_time(r.at))
}

/// The reviewers' decisions, newest first, and a request waiting for one; nothing when the
/// business was never reviewed.
fn review(r: &ReviewState) -> String {
    let mut out = String::new();
    if r.decisions.is_empty() && r.waiting.is_none() {
        return out;
    }
    out.push_str(&section(tr!("cli-review-heading")));
    if let Some(request) = &r.waiting {
        out.push_str(&tr!("cli-review-waiting", at = date_time(request.at)));
        out.push('\n');
    }
    let rows: Vec<Vec<String>> = r
        .decisions
        .iter()
        .map(|d| {
            vec![
                date_time(d.at),
                d.verdict.text(),
                cell(&d.reviewer),
                clean_line(&d.reason, MAX_ADVICE_CHARS),
            ]
        })
        .collect();
    if !rows.is_empty() {
        let header = [
            tr!("cli-head-decided"),
            tr!("cli-head-decision"),
            tr!("cli-head-reviewer"),
            tr!("cli-head-reason"),
        ];
        out.push_str(&table(&header, &rows));
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

    #[test]
    fn a_refused_message_says_why_and_what_the_person_sees_in_either_language() {
        let answer = SendResponse {
            decision: Decision {
                outcome: Outcome::Reject,
                reason: Reason::BlockedByUser,
                facts: None,
                sentence: "Blocked.".into(),
            },
            category: Category::Marketing,
            message: None,
        };
        let catalogues = crate::i18n::Catalogues::embedded();
        crate::i18n::scoped(catalogues.english(), || {
            assert_eq!(
                sent("ana", &answer),
                "Rejected for ana (marketing, blocked_by_user): the person blocked you.\n  \
                 What ana sees: Blocked."
            );
        });
        crate::i18n::scoped(catalogues.get("es").unwrap(), || {
            let text = sent("ana", &answer);
            assert!(text.starts_with("Rechazado para ana (marketing, blocked_by_user): "));
            assert!(text.ends_with("\n  Lo que ve ana: Blocked."), "{text}");
        });
    }
}

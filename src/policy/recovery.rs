//! What a business must do to recover, in sentences, from its standing and the platform's
//! rules (every number comes from the policy config). One source for the console's Standing
//! screen and `parley business status`.

use super::{PolicyConfig, StandingReport};
use crate::model::*;

/// The steps back to good standing, most pressing first.
pub fn advice(
    report: &StandingReport,
    templates: &[&Template],
    policy: &PolicyConfig,
    now: Timestamp,
) -> Vec<String> {
    let mut lines = Vec::new();
    review_advice(report, policy, now, &mut lines);
    restrictions_advice(report, now, &mut lines);
    quality_advice(report, policy, &mut lines);
    templates_advice(templates, policy, now, &mut lines);
    strikes_advice(report, policy, &mut lines);
    if lines.is_empty() {
        lines.push(format!(
            "Nothing to recover: quality {} and no restriction in force. Keep negative feedback \
             below {} of the people you reach.",
            report.business.quality.label(),
            percent(policy.quality.high_below)
        ));
    }
    lines
}

/// The newest reviewer's decision with its reason (a reinstatement while the strikes before it
/// still count), or the request that waits for one.
fn review_advice(
    report: &StandingReport,
    policy: &PolicyConfig,
    now: Timestamp,
    lines: &mut Vec<String>,
) {
    let review = &report.review;
    if let Some(request) = &review.waiting {
        lines.push(format!(
            "A review was asked on {}: a platform reviewer reads the reports and decides; the \
             decision and its reason will show here.",
            request.at.date_time()
        ));
    }
    let Some(decision) = review.latest().filter(|_| review.waiting.is_none()) else {
        return;
    };
    let strikes_since = now - Span::days(policy.enforcement.strike_window_days);
    let in_force = report
        .restrictions
        .iter()
        .any(|r| super::reinstatement::under_review(r.kind) && r.active_at(now));
    match decision.verdict {
        Verdict::Reinstated if decision.at > strikes_since => lines.push(format!(
            "Reinstated by {} on {}: \"{}\". The strikes before it still count for their \
             window.",
            decision.reviewer,
            decision.at.date_time(),
            decision.reason
        )),
        Verdict::Confirmed if in_force => lines.push(format!(
            "A reviewer, {}, confirmed the restriction on {}: \"{}\".",
            decision.reviewer,
            decision.at.date_time(),
            decision.reason
        )),
        Verdict::Reinstated | Verdict::Confirmed => {}
    }
}

fn restrictions_advice(report: &StandingReport, now: Timestamp, lines: &mut Vec<String>) {
    let s = &report.standing;
    if s.disabled {
        let ask = match report.review.waiting {
            Some(_) => "Meanwhile",
            None => "Ask for a review; meanwhile",
        };
        lines.push(format!(
            "The business is disabled: nothing can be sent until the platform reviews it. {ask} \
             fix what each strike names."
        ));
        return;
    }
    if let Some(until) = s.sending_suspended_until.filter(|u| *u > now) {
        lines.push(format!(
            "Only replies inside a service window until {}: business-initiated messages resume \
             then, if no new strike comes first.",
            until.date_time()
        ));
    }
    if let Some(until) = s.marketing_suspended_until.filter(|u| *u > now) {
        lines.push(format!(
            "No offers until {}; utility and authentication templates still go out.",
            until.date_time()
        ));
    }
    let lowered = report
        .restrictions
        .iter()
        .filter(|r| r.kind == RestrictionKind::TierLowered && r.active_at(now))
        .filter_map(|r| r.end)
        .max();
    if let (Some(until), Some(limit)) = (lowered, s.tier_limit) {
        lines.push(format!(
            "Reach at most {limit} people a day until {}.",
            until.date_time()
        ));
    }
}

fn quality_advice(report: &StandingReport, policy: &PolicyConfig, lines: &mut Vec<String>) {
    let q = &policy.quality;
    let target = match report.business.quality {
        Quality::High => return,
        Quality::Medium => ("High", q.high_below),
        Quality::Low => ("Medium", q.medium_below),
    };
    lines.push(format!(
        "Quality {}: bring blocks, reports and Not interested below {} of the people reached \
         (now {}) for {}. Send offers only to people who subscribed, and fewer of them; \
         signals older than {} stop counting.",
        report.business.quality.label(),
        percent(target.1),
        report
            .signals
            .negative_rate(q)
            .map_or("too few people to judge".to_string(), percent),
        target.0,
        crate::model::plural(q.window_days, "day", "days")
    ));
    if !report.enough_recent_data {
        lines.push(format!(
            "Fewer than {} reached in {}: not enough recent data, so this rating \
             has no consequence for now.",
            crate::model::plural(q.min_users, "person", "people"),
            crate::model::plural(q.window_days, "day", "days")
        ));
    } else if report.business.quality == Quality::Low {
        lines.push(format!(
            "{} in a row at Low bring a strike (one for each spell at Low).",
            crate::model::plural(policy.enforcement.low_quality_strike_days, "day", "days")
        ));
    }
}

fn templates_advice(
    templates: &[&Template],
    policy: &PolicyConfig,
    now: Timestamp,
    lines: &mut Vec<String>,
) {
    for t in templates {
        match t.status_at(now) {
            TemplateStatus::Paused => lines.push(format!(
                "Template '{}' is paused until {}; it resumes then with its quality measured \
                 afresh. {}",
                t.name,
                t.paused_until.map(|u| u.date_time()).unwrap_or_default(),
                if t.pause_count as usize >= policy.templates.pause_hours.len() {
                    "One more low rating disables it."
                } else {
                    "Another low rating pauses it for longer."
                }
            )),
            TemplateStatus::Disabled => lines.push(format!(
                "Template '{}' is disabled for good: write a new one that people want.",
                t.name
            )),
            _ => {}
        }
    }
}

fn strikes_advice(report: &StandingReport, policy: &PolicyConfig, lines: &mut Vec<String>) {
    let Some(oldest) = report.strikes.first() else {
        return;
    };
    let window = policy.enforcement.strike_window_days;
    let next = match RestrictionKind::for_strikes(report.strikes.len() + 1) {
        _ if report.standing.disabled => String::new(),
        Some(kind) => format!(" The next strike brings: {}.", kind.label().to_lowercase()),
        None => String::new(),
    };
    lines.push(format!(
        "{} strike{} in {window} days; the oldest stops counting on {}.{next}",
        report.strikes.len(),
        if report.strikes.len() == 1 { "" } else { "s" },
        (oldest.at + Span::days(window)).short_date()
    ));
}

/// 0.03 -> "3 %", 0.125 -> "12.5 %".
pub fn percent(fraction: f64) -> String {
    let p = fraction * 100.0;
    if (p - p.round()).abs() < 0.05 {
        format!("{:.0} %", p)
    } else {
        format!("{p:.1} %")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_drop_needless_decimals() {
        assert_eq!(percent(0.03), "3 %");
        assert_eq!(percent(0.125), "12.5 %");
        assert_eq!(percent(0.0), "0 %");
    }
}

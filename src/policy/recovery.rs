//! What a business must do to recover, from its standing and the platform's rules (every
//! number comes from the policy config), as codes and values that `i18n::sentences` writes.
//! One source for the console's Standing screen and `parley business status`.

use super::{PolicyConfig, StandingReport};
use crate::model::*;

/// The steps back to good standing, most pressing first.
pub fn advice(
    report: &StandingReport,
    templates: &[&Template],
    policy: &PolicyConfig,
    now: Timestamp,
) -> Vec<Advice> {
    let mut lines = Vec::new();
    review_advice(report, policy, now, &mut lines);
    restrictions_advice(report, now, &mut lines);
    quality_advice(report, policy, &mut lines);
    templates_advice(templates, policy, now, &mut lines);
    strikes_advice(report, policy, &mut lines);
    if lines.is_empty() {
        lines.push(Advice::NothingToRecover {
            quality: report.business.quality,
            below: policy.quality.high_below,
        });
    }
    lines
}

/// The newest reviewer's decision with its reason (a reinstatement while the strikes before it
/// still count), or the request that waits for one.
fn review_advice(
    report: &StandingReport,
    policy: &PolicyConfig,
    now: Timestamp,
    lines: &mut Vec<Advice>,
) {
    let review = &report.review;
    if let Some(request) = &review.waiting {
        lines.push(Advice::ReviewWaiting { asked: request.at });
    }
    let Some(decision) = review.latest().filter(|_| review.waiting.is_none()) else {
        return;
    };
    let strikes_since = now - Span::days(policy.enforcement.strike_window_days);
    let in_force = report
        .restrictions
        .iter()
        .any(|r| super::reinstatement::under_review(r.kind) && r.active_at(now));
    let reviewer = decision.reviewer.clone();
    let reason = decision.reason.clone();
    let on = decision.at;
    match decision.verdict {
        Verdict::Reinstated if decision.at > strikes_since => lines.push(Advice::Reinstated {
            reviewer,
            on,
            reason,
        }),
        Verdict::Confirmed if in_force => lines.push(Advice::Confirmed {
            reviewer,
            on,
            reason,
        }),
        Verdict::Reinstated | Verdict::Confirmed => {}
    }
}

fn restrictions_advice(report: &StandingReport, now: Timestamp, lines: &mut Vec<Advice>) {
    let s = &report.standing;
    if s.disabled {
        lines.push(Advice::Disabled {
            review_asked: report.review.waiting.is_some(),
        });
        return;
    }
    if let Some(until) = s.sending_suspended_until.filter(|u| *u > now) {
        lines.push(Advice::RepliesOnly { until });
    }
    if let Some(until) = s.marketing_suspended_until.filter(|u| *u > now) {
        lines.push(Advice::NoOffers { until });
    }
    let lowered = report
        .restrictions
        .iter()
        .filter(|r| r.kind == RestrictionKind::TierLowered && r.active_at(now))
        .filter_map(|r| r.end)
        .max();
    if let (Some(until), Some(limit)) = (lowered, s.tier_limit) {
        lines.push(Advice::TierLowered { limit, until });
    }
}

fn quality_advice(report: &StandingReport, policy: &PolicyConfig, lines: &mut Vec<Advice>) {
    let q = &policy.quality;
    let (target, below) = match report.business.quality {
        Quality::High => return,
        Quality::Medium => (Quality::High, q.high_below),
        Quality::Low => (Quality::Medium, q.medium_below),
    };
    lines.push(Advice::Quality {
        quality: report.business.quality,
        below,
        now: report.signals.negative_rate(q),
        target,
        window_days: q.window_days,
    });
    if !report.enough_recent_data {
        lines.push(Advice::TooFewPeople {
            min_users: q.min_users,
            window_days: q.window_days,
        });
    } else if report.business.quality == Quality::Low {
        lines.push(Advice::LowBringsStrike {
            days: policy.enforcement.low_quality_strike_days,
        });
    }
}

fn templates_advice(
    templates: &[&Template],
    policy: &PolicyConfig,
    now: Timestamp,
    lines: &mut Vec<Advice>,
) {
    for t in templates {
        match t.status_at(now) {
            TemplateStatus::Paused => lines.push(Advice::TemplatePaused {
                template: t.name.clone(),
                until: t.paused_until,
                last_pause: t.pause_count as usize >= policy.templates.pause_hours.len(),
            }),
            TemplateStatus::Disabled => lines.push(Advice::TemplateDisabled {
                template: t.name.clone(),
            }),
            _ => {}
        }
    }
}

fn strikes_advice(report: &StandingReport, policy: &PolicyConfig, lines: &mut Vec<Advice>) {
    let Some(oldest) = report.strikes.first() else {
        return;
    };
    let window = policy.enforcement.strike_window_days;
    let next = match RestrictionKind::for_strikes(report.strikes.len() + 1) {
        _ if report.standing.disabled => None,
        next => next,
    };
    lines.push(Advice::Strikes {
        count: report.strikes.len(),
        window_days: window,
        oldest_ends: oldest.at + Span::days(window),
        next,
    });
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

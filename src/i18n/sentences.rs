//! The policy's sentences in the language in force: the engine returns codes and the values
//! that explain them (a decision's `DecisionFacts`, a strike's `StrikeFacts`, `Advice`, a
//! review's finding…); this module writes them as sentences a person reads ("Held: it arrived
//! at 23:00 your time…", "Retenido: llegó a las 23:00…"). What is stored or sent to older
//! clients is written in English by the `…_in_english` and `stamped…` functions.

mod advice;
mod budget;
mod notice;
mod review;
mod strike;
mod template;

pub use advice::{advice, advice_in_english};
pub use budget::insufficient_budget;
pub use notice::{business_notice, offers_allowed, restriction, restrictions};
pub use review::{review_note, stamped_review, template_note};
pub use strike::{
    restriction_reason, restriction_reason_in_english, stamped_restriction, stamped_strike, strike,
    strike_in_english, tier_limit, tier_reason,
};
pub use template::{parameter_mismatch, revision_refused};

use super::{Catalogues, Label, scoped, short_date, time_of_day};
use crate::model::{Decision, DecisionFacts, Outcome, Reason, Timestamp};

/// The decision's sentence in the language in force: written from its facts, or the sentence
/// stored with it when it has none (kept before Parley stored facts).
pub fn decision(d: &Decision) -> String {
    if d.reason == Reason::Sent {
        return tr!("policy-sent");
    }
    match own_words(d) {
        Some(reason) => head(d.outcome, &reason),
        None => d.sentence.clone(),
    }
}

/// Why the decision was made, without the outcome before it ("it arrived at 23:00…" rather
/// than "Held: it arrived at 23:00…"), for a list that shows the outcome already.
pub fn reason(d: &Decision) -> String {
    match own_words(d) {
        Some(reason) => reason,
        None => {
            let head = format!("{}: ", tr!("outcome-hold"));
            let stored = d.sentence.as_str();
            stored
                .strip_prefix(head.as_str())
                .or_else(|| stored.strip_prefix("Held: "))
                .unwrap_or(stored)
                .to_string()
        }
    }
}

/// The decision's sentence in English, as it is stored and sent to clients that do not read
/// the facts.
pub fn english(d: &Decision) -> String {
    scoped(Catalogues::embedded().english(), || decision(d))
}

/// The decision with its English sentence written from its facts, ready to be stored.
pub fn stamped(d: Decision) -> Decision {
    if d.facts.is_none() {
        return d;
    }
    let sentence = english(&d);
    Decision { sentence, ..d }
}

/// A delivery of a message that waited for the user's quiet hours to end, saying so.
pub fn after_quiet_hours(d: Decision) -> Decision {
    let facts = DecisionFacts {
        waited_quiet_hours: true,
        ..d.facts.as_deref().cloned().unwrap_or_default()
    };
    stamped(Decision {
        facts: Some(Box::new(facts)),
        ..d
    })
}

/// Why an offer is still held after the user subscribed to its sender: it came before.
pub fn held_before_subscribing(business: &str) -> Decision {
    let facts = DecisionFacts {
        business: Some(business.to_string()),
        before_subscribing: true,
        ..DecisionFacts::default()
    };
    stamped(Decision::explained(
        Outcome::Hold,
        Reason::NotSubscribed,
        facts,
    ))
}

/// A held message the user released on `on`.
pub fn released(held_for: Reason, on: Timestamp) -> Decision {
    let facts = DecisionFacts {
        on: Some(on),
        held_for: Some(held_for),
        ..DecisionFacts::default()
    };
    stamped(Decision::explained(
        Outcome::Deliver,
        Reason::ReleasedByUser,
        facts,
    ))
}

fn head(outcome: Outcome, reason: &str) -> String {
    tr!("policy-sentence", outcome = outcome.text(), reason = reason)
}

/// The reason in the language in force, when the decision carries what it needs.
fn own_words(d: &Decision) -> Option<String> {
    match d.reason {
        Reason::Personal => return Some(tr!("policy-delivered-personal")),
        Reason::Sent => return Some(tr!("policy-sent")),
        _ => {}
    }
    let f = d.facts.as_ref()?.cleaned();
    let reason = match d.reason {
        Reason::BusinessSuspended => business_suspended(&f),
        Reason::BlockedByUser => blocked(&f),
        Reason::TemplateNotApproved
        | Reason::TemplatePaused
        | Reason::TemplateDisabled
        | Reason::TemplateDeleted => template(d.reason, &f),
        Reason::OutsideServiceWindow => tr!(
            "policy-rejected-outside-service-window",
            business = name(&f),
            hours = f.hours.unwrap_or_default()
        ),
        Reason::TierLimitReached => tr!(
            "policy-rejected-tier-limit",
            business = name(&f),
            limit = f.limit.unwrap_or_default()
        ),
        Reason::MarketingSuspended => tr!(
            "policy-rejected-marketing-suspended",
            business = name(&f),
            until = date(f.until)
        ),
        Reason::NotSubscribed => not_subscribed(&f),
        Reason::UserMarketingCap => marketing_cap(&f),
        Reason::NotInterestedRecently => tr!(
            "policy-held-not-interested",
            business = name(&f),
            limit = f.limit.unwrap_or_default(),
            days = f.days.unwrap_or_default()
        ),
        Reason::QuietHours => quiet_hours(&f),
        Reason::ReleasedByUser => tr!(
            "policy-delivered-released",
            on = date(f.on),
            held = f.held_for.map(|r| r.to_string()).unwrap_or_default()
        ),
        _ => delivered(d.reason, &f),
    };
    Some(reason)
}

fn name(f: &DecisionFacts) -> String {
    f.business.clone().unwrap_or_default()
}

fn date(at: Option<Timestamp>) -> String {
    at.map(short_date).unwrap_or_default()
}

fn business_suspended(f: &DecisionFacts) -> String {
    match f.until {
        Some(until) => tr!(
            "policy-rejected-sending-suspended",
            business = name(f),
            until = short_date(until)
        ),
        None => tr!("policy-rejected-disabled", business = name(f)),
    }
}

fn blocked(f: &DecisionFacts) -> String {
    match f.on {
        Some(on) => tr!(
            "policy-rejected-blocked-on",
            business = name(f),
            on = short_date(on)
        ),
        None => tr!("policy-rejected-blocked", business = name(f)),
    }
}

fn template(reason: Reason, f: &DecisionFacts) -> String {
    let t = f.template.clone().unwrap_or_default();
    match reason {
        Reason::TemplateNotApproved => tr!(
            "policy-rejected-template-not-approved",
            template = t,
            review = f.review.map(|r| r.to_string()).unwrap_or_default()
        ),
        Reason::TemplatePaused => tr!(
            "policy-rejected-template-paused",
            template = t,
            until = date(f.until),
            time = f.until.map(time_of_day).unwrap_or_default()
        ),
        Reason::TemplateDisabled => tr!("policy-rejected-template-disabled", template = t),
        _ => tr!("policy-rejected-template-deleted", template = t),
    }
}

fn not_subscribed(f: &DecisionFacts) -> String {
    match &f.business {
        Some(business) if f.before_subscribing => {
            tr!("policy-held-before-subscribing", business = business)
        }
        Some(business) => tr!("policy-held-not-subscribed", business = business),
        None => tr!("policy-held-all-offers-off"),
    }
}

fn marketing_cap(f: &DecisionFacts) -> String {
    let count = f.count.unwrap_or_default();
    let limit = f.limit.unwrap_or_default();
    match f.days {
        Some(days) => tr!(
            "policy-held-weekly-cap",
            business = name(f),
            count = count,
            days = days,
            limit = limit
        ),
        None => tr!(
            "policy-held-daily-cap",
            count = count,
            hours = f.hours.unwrap_or_default(),
            limit = limit
        ),
    }
}

fn quiet_hours(f: &DecisionFacts) -> String {
    let hour = |h: Option<u32>| format!("{:02}:00", h.unwrap_or_default());
    tr!(
        "policy-held-quiet-hours",
        time = f.local_time.clone().unwrap_or_default(),
        zone = f.zone.clone().unwrap_or_default(),
        start = hour(f.quiet_start),
        end = hour(f.quiet_end)
    )
}

fn delivered(reason: Reason, f: &DecisionFacts) -> String {
    let approved = match f.approved {
        Some(on) => tr!("policy-template-approved-on", on = short_date(on)),
        None => tr!("policy-template-approved"),
    };
    let sentence = match reason {
        Reason::UtilityUpdate => tr!("policy-delivered-utility", approved = approved),
        Reason::AuthenticationCode => tr!("policy-delivered-code", approved = approved),
        Reason::ServiceReply => tr!(
            "policy-delivered-service-reply",
            hours = f.hours.unwrap_or_default(),
            business = name(f)
        ),
        _ => tr!(
            "policy-delivered-offer",
            business = name(f),
            count = f.count.unwrap_or_default(),
            limit = f.limit.unwrap_or_default(),
            weekly = f.weekly_count.unwrap_or_default(),
            weekly_limit = f.weekly_limit.unwrap_or_default()
        ),
    };
    match f.waited_quiet_hours {
        true => tr!("policy-waited-quiet-hours", sentence = sentence),
        false => sentence,
    }
}

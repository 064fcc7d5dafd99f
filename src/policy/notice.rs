//! What a chat's header says about a business, in the user's words: why its messages reach
//! the user (or not), and the restrictions it is under. The sentences follow the rules, so
//! they live beside them.

use super::PolicyConfig;
use super::decide::window_open;
use crate::model::*;

/// The restrictions in force at `now`, one sentence each.
pub fn restrictions_in_force(restrictions: &[Restriction], now: Timestamp) -> Vec<String> {
    restrictions
        .iter()
        .filter(|r| r.active_at(now))
        .map(|r| r.user_sentence())
        .collect()
}

/// Why a business's messages reach the user (or not), one sentence per line.
pub fn business_notice(
    b: &Business,
    rel: &Relation,
    prefs: &UserPrefs,
    config: &PolicyConfig,
    now: Timestamp,
) -> Vec<String> {
    let who = if b.verified {
        "Verified business"
    } else {
        "Business, not verified"
    };
    if let Some(reason) = rel.blocked {
        let when = rel
            .blocked_at
            .map(|t| format!(" on {}", t.short_date()))
            .unwrap_or_default();
        return vec![format!(
            "{who}. You blocked it{when} ({}): nothing it sends reaches you.",
            reason.label()
        )];
    }
    let mut lines = vec![if rel.known {
        format!("{who}. Its updates on your orders, bookings and bills always reach you.")
    } else {
        format!("{who}. You have not talked to it before.")
    }];
    lines.push(match (rel.subscribed, prefs.all_offers) {
        (true, true) => format!(
            "Offers: you subscribed (at most {} a week from it).",
            prefs.weekly_business_cap
        ),
        (true, false) => {
            "Offers: subscribed, but all offers are off, so they are held.".to_string()
        }
        (false, _) => "Offers: not subscribed, so they are held (s subscribes).".to_string(),
    });
    if window_open(rel, config, now)
        && let Some(t) = rel.last_user_message_at
    {
        let until = t + config.service_window.span();
        lines.push(format!(
            "You wrote to it: it may reply freely until {}.",
            until.date_time()
        ));
    }
    lines
}

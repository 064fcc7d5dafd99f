//! What a chat's header and a business's profile say about a business, in the user's words:
//! why its messages reach the user (or not), the limits the user's choices put on it, and the
//! restrictions the platform put on it. The sentences follow the rules, so they live beside
//! them, and only here: the views show them as they are.

use super::PolicyConfig;
use super::decide::window_open;
use crate::model::*;

/// The restriction in force at `now` that matters most to the user: a disabled business
/// sends nothing, a suspended one starts nothing, a suspended marketing sends no offers. A
/// warning or a lowered tier changes nothing the user receives, so it is never one.
pub fn strongest_restriction(restrictions: &[Restriction], now: Timestamp) -> Option<&Restriction> {
    restrictions
        .iter()
        .filter(|r| r.active_at(now) && user_rank(r.kind) > 0)
        .max_by_key(|r| user_rank(r.kind))
}

/// How much a restriction takes away from the user; 0 for those that take nothing away.
fn user_rank(kind: RestrictionKind) -> u8 {
    match kind {
        RestrictionKind::Warning | RestrictionKind::TierLowered => 0,
        RestrictionKind::MarketingSuspended => 1,
        RestrictionKind::SendingSuspended => 2,
        RestrictionKind::Disabled => 3,
    }
}

/// The restrictions in force at `now` as the user sees them: at most one sentence, for the
/// strongest, since it contains the others.
pub fn restrictions_in_force(
    name: &str,
    restrictions: &[Restriction],
    now: Timestamp,
) -> Vec<String> {
    strongest_restriction(restrictions, now)
        .map(|r| restriction_sentence(name, r))
        .into_iter()
        .collect()
}

/// One restriction, for the user: what the business may not do, since when and until when.
pub fn restriction_sentence(name: &str, r: &Restriction) -> String {
    let since = r.start.short_date();
    let until = match r.end {
        Some(end) => format!("until {}", end.short_date()),
        None => "until it is reviewed".to_string(),
    };
    match r.kind {
        RestrictionKind::Disabled => format!(
            "{name} may not send you anything: the platform disabled it on {since} {until}."
        ),
        RestrictionKind::SendingSuspended => format!(
            "{name} may only reply to you, not start conversations, {until}: the platform suspended it on {since}."
        ),
        RestrictionKind::MarketingSuspended => format!(
            "{name} may not send you offers {until}: the platform suspended its offers on {since}."
        ),
        RestrictionKind::Warning | RestrictionKind::TierLowered => {
            format!("The platform restricted {name} on {since}.")
        }
    }
}

/// What the user's choices let a business send in offers, as one sentence: subscribed or not,
/// the weekly limit, and the tighter limit of a recent "Not interested" with how long it lasts.
pub fn offers_sentence(
    b: &Business,
    rel: &Relation,
    prefs: &UserPrefs,
    restrictions: &[Restriction],
    config: &PolicyConfig,
    now: Timestamp,
) -> String {
    let name = &b.name;
    if strongest_restriction(restrictions, now).is_some() {
        return match rel.subscribed {
            true => "you subscribed, but none reach you while the platform restricts it.",
            false => "not subscribed.",
        }
        .to_string();
    }
    if !rel.subscribed {
        return "not subscribed, so they are held (s subscribes).".to_string();
    }
    if !prefs.all_offers {
        return "subscribed, but all offers are off, so they are held.".to_string();
    }
    let ni = &config.not_interested;
    let per = per_window(ni.window_days);
    match not_interested_until(rel, config, now) {
        Some(until) => {
            let most = ni.max_per_window.min(prefs.weekly_business_cap);
            format!(
                "at most {} {per} from {name} until {}, because you said Not interested; + lifts it.",
                plural(most, "offer", "offers"),
                until.short_date()
            )
        }
        None => {
            let weekly = per_window(config.caps.weekly_window_days);
            format!(
                "you subscribed (at most {} {weekly} from it).",
                prefs.weekly_business_cap
            )
        }
    }
}

/// "a week", or "every 10 days".
fn per_window(days: i64) -> String {
    match days {
        7 => "a week".to_string(),
        1 => "a day".to_string(),
        n => format!("every {n} days"),
    }
}

/// When the slow-down of a "Not interested" still in force at `now` ends.
pub fn not_interested_until(
    rel: &Relation,
    config: &PolicyConfig,
    now: Timestamp,
) -> Option<Timestamp> {
    let lasts = Span::days(config.not_interested.lasts_days);
    if !rel.not_interested_since(now - lasts) {
        return None;
    }
    rel.not_interested_at.map(|at| at + lasts)
}

/// Why an offer is still held after the user subscribed to its sender: it came before.
pub fn held_before_subscribing(name: &str) -> String {
    format!("Held: it came before you subscribed to {name}'s offers; release it to read it.")
}

/// Why a business's messages reach the user (or not), one sentence per line. The lines never
/// promise what a restriction in `restrictions` forbids; the restriction itself is said by
/// [`restrictions_in_force`].
pub fn business_notice(
    b: &Business,
    rel: &Relation,
    prefs: &UserPrefs,
    restrictions: &[Restriction],
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
    let restricted = strongest_restriction(restrictions, now).map(|r| r.kind);
    let starts_nothing = matches!(
        restricted,
        Some(RestrictionKind::Disabled | RestrictionKind::SendingSuspended)
    );
    let mut lines = vec![match (rel.known, starts_nothing) {
        (true, false) => {
            format!("{who}. Its updates on your orders, bookings and bills always reach you.")
        }
        (true, true) => format!("{who}."),
        (false, _) => format!("{who}. You have not talked to it before."),
    }];
    let offers = offers_sentence(b, rel, prefs, restrictions, config, now);
    lines.push(format!("Offers: {offers}"));
    if restricted != Some(RestrictionKind::Disabled)
        && window_open(rel, config, now)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32) -> Timestamp {
        Timestamp::from_civil(2026, 11, day, 12, 0)
    }

    fn shop() -> Business {
        Business {
            id: BusinessId(1),
            name: "Moda Lola".into(),
            verified: true,
            kind: BusinessKind::Shop,
            quality: Quality::High,
            tier: 0,
            tier_since: at(1),
            low_since: None,
            budget: 0,
        }
    }

    fn prefs() -> UserPrefs {
        UserPrefs {
            all_offers: true,
            daily_marketing_cap: 4,
            weekly_business_cap: 2,
            quiet_hours: None,
            time_zone: None,
        }
    }

    fn restriction(kind: RestrictionKind, end: Option<Timestamp>) -> Restriction {
        Restriction {
            business: BusinessId(1),
            kind,
            reason: "strikes".into(),
            start: at(20),
            end,
        }
    }

    #[test]
    fn not_interested_gives_the_limit_and_when_it_ends() {
        let rel = Relation {
            subscribed: true,
            known: true,
            not_interested_at: Some(at(24)),
            ..Relation::default()
        };
        let config = PolicyConfig::default();
        let lines = business_notice(&shop(), &rel, &prefs(), &[], &config, at(25));
        assert_eq!(
            lines[1],
            "Offers: at most 1 offer a week from Moda Lola until 24 Dec, because you said Not interested; + lifts it."
        );
        let lifted = Relation {
            interested_at: Some(at(25)),
            ..rel
        };
        let lines = business_notice(&shop(), &lifted, &prefs(), &[], &config, at(25));
        assert_eq!(
            lines[1],
            "Offers: you subscribed (at most 2 a week from it)."
        );
    }

    #[test]
    fn a_disabled_business_is_described_as_disabled_and_promises_nothing() {
        let rel = Relation {
            subscribed: true,
            known: true,
            ..Relation::default()
        };
        let restrictions = [
            restriction(RestrictionKind::TierLowered, Some(at(28))),
            restriction(RestrictionKind::MarketingSuspended, Some(at(28))),
            restriction(RestrictionKind::Disabled, None),
        ];
        let said = restrictions_in_force("QuickCash Loans", &restrictions, at(25));
        assert_eq!(
            said,
            [
                "QuickCash Loans may not send you anything: the platform disabled it on 20 Nov until it is reviewed."
            ]
        );
        let config = PolicyConfig::default();
        let lines = business_notice(&shop(), &rel, &prefs(), &restrictions, &config, at(25));
        let all = lines.join(" ");
        assert!(!all.contains("always reach you"), "{all}");
        assert!(!all.contains("at most"), "{all}");
    }

    #[test]
    fn a_lowered_tier_is_never_shown_to_the_user() {
        let restrictions = [restriction(RestrictionKind::TierLowered, Some(at(28)))];
        assert!(restrictions_in_force("QuickCash Loans", &restrictions, at(25)).is_empty());
    }
}

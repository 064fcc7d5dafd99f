//! What a chat's header and a business's profile say about a business: why its messages reach
//! the user (or not), the limits the user's choices put on it, and the restrictions the
//! platform put on it. The judgements follow the rules, so they live beside them; they are
//! codes and values, which `i18n::sentences` writes in the user's language.

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

/// What the user's choices let a business send in offers: subscribed or not, the weekly
/// limit, and the tighter limit of a recent "Not interested" with how long it lasts.
pub fn offers_allowed(
    rel: &Relation,
    prefs: &UserPrefs,
    restrictions: &[Restriction],
    config: &PolicyConfig,
    now: Timestamp,
) -> OffersAllowed {
    if strongest_restriction(restrictions, now).is_some() {
        return OffersAllowed::Restricted {
            subscribed: rel.subscribed,
        };
    }
    if !rel.subscribed {
        return OffersAllowed::NotSubscribed;
    }
    if !prefs.all_offers {
        return OffersAllowed::AllOffersOff;
    }
    let ni = &config.not_interested;
    match not_interested_until(rel, config, now) {
        Some(until) => OffersAllowed::NotInterested {
            most: ni.max_per_window.min(prefs.weekly_business_cap),
            days: ni.window_days,
            until,
        },
        None => OffersAllowed::Subscribed {
            most: prefs.weekly_business_cap,
            days: config.caps.weekly_window_days,
        },
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

/// Why a business's messages reach the user (or not). It never promises what a restriction
/// in `restrictions` forbids; the restriction itself is [`strongest_restriction`].
pub fn business_notice(
    b: &Business,
    rel: &Relation,
    prefs: &UserPrefs,
    restrictions: &[Restriction],
    config: &PolicyConfig,
    now: Timestamp,
) -> BusinessNotice {
    let mut notice = BusinessNotice {
        name: b.name.clone(),
        verified: b.verified,
        acquaintance: Acquaintance::New,
        offers: None,
        replies_until: None,
    };
    if let Some(reason) = rel.blocked {
        notice.acquaintance = Acquaintance::Blocked {
            reason,
            on: rel.blocked_at,
        };
        return notice;
    }
    let restricted = strongest_restriction(restrictions, now).map(|r| r.kind);
    let starts_nothing = matches!(
        restricted,
        Some(RestrictionKind::Disabled | RestrictionKind::SendingSuspended)
    );
    notice.acquaintance = match (rel.known, starts_nothing) {
        (true, false) => Acquaintance::Known,
        (true, true) => Acquaintance::KnownButRestricted,
        (false, _) => Acquaintance::New,
    };
    notice.offers = Some(offers_allowed(rel, prefs, restrictions, config, now));
    if restricted != Some(RestrictionKind::Disabled) && window_open(rel, config, now) {
        notice.replies_until = rel
            .last_user_message_at
            .map(|t| t + config.service_window.span());
    }
    notice
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
            strike: None,
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
        let notice = business_notice(&shop(), &rel, &prefs(), &[], &config, at(25));
        assert_eq!(
            notice.offers,
            Some(OffersAllowed::NotInterested {
                most: 1,
                days: 7,
                until: Timestamp::from_civil(2026, 12, 24, 12, 0)
            })
        );
        let lifted = Relation {
            interested_at: Some(at(25)),
            ..rel
        };
        let notice = business_notice(&shop(), &lifted, &prefs(), &[], &config, at(25));
        assert_eq!(
            notice.offers,
            Some(OffersAllowed::Subscribed { most: 2, days: 7 })
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
        let strongest = strongest_restriction(&restrictions, at(25)).map(|r| r.kind);
        assert_eq!(strongest, Some(RestrictionKind::Disabled));
        let config = PolicyConfig::default();
        let notice = business_notice(&shop(), &rel, &prefs(), &restrictions, &config, at(25));
        assert_eq!(notice.acquaintance, Acquaintance::KnownButRestricted);
        assert_eq!(
            notice.offers,
            Some(OffersAllowed::Restricted { subscribed: true })
        );
    }

    #[test]
    fn a_lowered_tier_is_never_shown_to_the_user() {
        let restrictions = [restriction(RestrictionKind::TierLowered, Some(at(28)))];
        assert!(strongest_restriction(&restrictions, at(25)).is_none());
    }
}

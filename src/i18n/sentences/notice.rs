//! What a chat's header says about a business, in the language in force.

use crate::i18n::{Label, short_date, time_of_day};
use crate::model::limits::MAX_NAME_CHARS;
use crate::model::text::clean_line;
use crate::model::{Acquaintance, BusinessNotice, OffersAllowed, Restriction, RestrictionKind};

/// The strongest restriction in force, for the user (at most one sentence).
pub fn restrictions(business: &str, strongest: Option<&Restriction>) -> Vec<String> {
    strongest
        .map(|r| restriction(business, r))
        .into_iter()
        .collect()
}

/// One restriction, for the user: what the business may not do, since when and until when.
pub fn restriction(business: &str, r: &Restriction) -> String {
    let business = clean_line(business, MAX_NAME_CHARS);
    let since = short_date(r.start);
    let until = match r.end {
        Some(end) => tr!("notice-until", date = short_date(end)),
        None => tr!("notice-until-reviewed"),
    };
    match r.kind {
        RestrictionKind::Disabled => tr!(
            "notice-restriction-disabled",
            business = business,
            since = since,
            until = until
        ),
        RestrictionKind::SendingSuspended => tr!(
            "notice-restriction-sending-suspended",
            business = business,
            since = since,
            until = until
        ),
        RestrictionKind::MarketingSuspended => tr!(
            "notice-restriction-marketing-suspended",
            business = business,
            since = since,
            until = until
        ),
        RestrictionKind::Warning | RestrictionKind::TierLowered => tr!(
            "notice-restriction-other",
            business = business,
            since = since
        ),
    }
}

/// Why a business's messages reach the user (or not), one sentence per line.
pub fn business_notice(n: &BusinessNotice) -> Vec<String> {
    let who = match n.verified {
        true => tr!("notice-verified-business"),
        false => tr!("notice-unverified-business"),
    };
    let head = match n.acquaintance {
        Acquaintance::Blocked { reason, on } => {
            let reason = reason.text();
            return vec![match on {
                Some(on) => tr!(
                    "notice-blocked-on",
                    who = who,
                    on = short_date(on),
                    reason = reason
                ),
                None => tr!("notice-blocked", who = who, reason = reason),
            }];
        }
        Acquaintance::Known => tr!("notice-known", who = who),
        Acquaintance::KnownButRestricted => tr!("notice-known-restricted", who = who),
        Acquaintance::New => tr!("notice-new", who = who),
    };
    let mut lines = vec![head];
    if let Some(offers) = n.offers {
        lines.push(tr!(
            "notice-offers-line",
            offers = offers_allowed(&n.name, offers)
        ));
    }
    if let Some(until) = n.replies_until {
        lines.push(tr!(
            "notice-replies-until",
            date = short_date(until),
            time = time_of_day(until)
        ));
    }
    lines
}

/// What the user's choices let a business send in offers, as one sentence.
pub fn offers_allowed(business: &str, offers: OffersAllowed) -> String {
    let business = clean_line(business, MAX_NAME_CHARS);
    match offers {
        OffersAllowed::Restricted { subscribed: true } => tr!("notice-offers-restricted"),
        OffersAllowed::Restricted { subscribed: false } => {
            tr!("notice-offers-restricted-not-subscribed")
        }
        OffersAllowed::NotSubscribed => tr!("notice-offers-not-subscribed"),
        OffersAllowed::AllOffersOff => tr!("notice-offers-all-off"),
        OffersAllowed::NotInterested { most, days, until } => tr!(
            "notice-offers-not-interested",
            most = most,
            days = days,
            business = business,
            until = short_date(until)
        ),
        OffersAllowed::Subscribed { most, days } => {
            tr!("notice-offers-subscribed", most = most, days = days)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalogues, scoped};
    use crate::model::{BlockReason, BusinessId, Timestamp};

    fn at(day: u32) -> Timestamp {
        Timestamp::from_civil(2026, 11, day, 12, 0)
    }

    fn in_english<T>(f: impl FnOnce() -> T) -> T {
        scoped(Catalogues::embedded().english(), f)
    }

    fn in_spanish<T>(f: impl FnOnce() -> T) -> T {
        scoped(Catalogues::embedded().get("es").unwrap(), f)
    }

    fn notice(acquaintance: Acquaintance, offers: Option<OffersAllowed>) -> BusinessNotice {
        BusinessNotice {
            name: "Moda Lola".into(),
            verified: true,
            acquaintance,
            offers,
            replies_until: None,
        }
    }

    #[test]
    fn not_interested_gives_the_limit_and_when_it_ends_in_both_languages() {
        let slowed = OffersAllowed::NotInterested {
            most: 1,
            days: 7,
            until: Timestamp::from_civil(2026, 12, 24, 12, 0),
        };
        let n = notice(Acquaintance::Known, Some(slowed));
        assert_eq!(
            in_english(|| business_notice(&n)),
            [
                "Verified business. Its updates on your orders, bookings and bills always reach you.",
                "Offers: at most 1 offer a week from Moda Lola until 24 Dec, because you said Not interested; + lifts it."
            ]
        );
        assert_eq!(
            in_spanish(|| business_notice(&n)),
            [
                "Empresa verificada. Sus avisos de pedidos, reservas y facturas siempre te llegan.",
                "Ofertas: como mucho 1 oferta a la semana de Moda Lola hasta el 24 dic, porque dijiste No me interesa; + lo quita."
            ]
        );
        let subscribed = OffersAllowed::Subscribed { most: 2, days: 7 };
        assert_eq!(
            in_english(|| offers_allowed("Moda Lola", subscribed)),
            "you subscribed (at most 2 a week from it)."
        );
        let every_ten = OffersAllowed::NotInterested {
            most: 2,
            days: 10,
            until: at(30),
        };
        assert_eq!(
            in_english(|| offers_allowed("Moda Lola", every_ten)),
            "at most 2 offers every 10 days from Moda Lola until 30 Nov, because you said Not interested; + lifts it."
        );
    }

    #[test]
    fn a_restriction_says_what_the_business_may_not_do_and_until_when() {
        let disabled = Restriction {
            business: BusinessId(1),
            kind: RestrictionKind::Disabled,
            reason: "strikes".into(),
            start: at(20),
            end: None,
            strike: None,
        };
        assert_eq!(
            in_english(|| restrictions("QuickCash Loans", Some(&disabled))),
            [
                "QuickCash Loans may not send you anything: the platform disabled it on 20 Nov until it is reviewed."
            ]
        );
        assert_eq!(
            in_spanish(|| restriction("QuickCash Loans", &disabled)),
            "QuickCash Loans no puede enviarte nada: la plataforma la inhabilitó el 20 nov hasta que se revise."
        );
        assert!(restrictions("QuickCash Loans", None).is_empty());
    }

    #[test]
    fn a_blocked_business_says_only_that() {
        let n = notice(
            Acquaintance::Blocked {
                reason: BlockReason::Spam,
                on: Some(at(20)),
            },
            None,
        );
        assert_eq!(
            in_english(|| business_notice(&n)),
            ["Verified business. You blocked it on 20 Nov (Spam): nothing it sends reaches you."]
        );
        assert_eq!(
            in_spanish(|| business_notice(&n)),
            ["Empresa verificada. La bloqueaste el 20 nov (Spam): nada de lo que envía te llega."]
        );
    }
}

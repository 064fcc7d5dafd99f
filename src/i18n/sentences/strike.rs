//! A strike's detail and a restriction's reason, in the language in force.

use crate::i18n::{Catalogues, Label, number, scoped, short_date};
use crate::model::limits::MAX_TEMPLATE_NAME_CHARS;
use crate::model::text::clean_line;
use crate::model::{Restriction, Strike, StrikeCause, StrikeFacts, TierReason};

/// What the strike was for: written from its facts, or its stored detail when it has none.
pub fn strike(s: &Strike) -> String {
    match &s.facts {
        Some(facts) => detail(s.cause, facts),
        None => s.detail.clone(),
    }
}

/// Why the restriction was given: written from the strike it answers, or its stored reason.
pub fn restriction_reason(r: &Restriction) -> String {
    match &r.strike {
        Some(c) => tr!(
            "strike-restriction-reason",
            count = c.count,
            days = c.window_days,
            detail = detail(c.cause, &c.strike)
        ),
        None => r.reason.clone(),
    }
}

/// Why a business's messaging tier moved.
pub fn tier_reason(reason: TierReason) -> String {
    match reason {
        TierReason::LowSince(since) => tr!("strike-tier-low-since", since = short_date(since)),
        TierReason::Reached {
            people,
            hours,
            quality,
        } => tr!(
            "strike-tier-reached",
            people = people,
            hours = hours,
            quality = quality.text()
        ),
    }
}

/// A messaging tier's daily limit: "250", "2,000"… or "unlimited".
pub fn tier_limit(limit: Option<u32>) -> String {
    limit.map_or_else(|| tr!("strike-tier-unlimited"), number)
}

/// The strike's detail in English, as stored.
pub fn strike_in_english(s: &Strike) -> String {
    scoped(Catalogues::embedded().english(), || strike(s))
}

/// The restriction's reason in English, as stored.
pub fn restriction_reason_in_english(r: &Restriction) -> String {
    scoped(Catalogues::embedded().english(), || restriction_reason(r))
}

/// The strike with its English detail written from its facts, ready to be stored.
pub fn stamped_strike(s: Strike) -> Strike {
    Strike {
        detail: strike_in_english(&s),
        ..s
    }
}

/// The restriction with its English reason written from its strike, ready to be stored.
pub fn stamped_restriction(r: Restriction) -> Restriction {
    Restriction {
        reason: restriction_reason_in_english(&r),
        ..r
    }
}

fn detail(cause: StrikeCause, f: &StrikeFacts) -> String {
    let template = f
        .template
        .as_deref()
        .map(|t| clean_line(t, MAX_TEMPLATE_NAME_CHARS))
        .unwrap_or_default();
    let days = f.days.unwrap_or_default();
    match cause {
        StrikeCause::TemplatePaused => tr!(
            "strike-template-paused",
            template = template,
            hours = f.hours.unwrap_or_default()
        ),
        StrikeCause::TemplateDisabled => tr!("strike-template-disabled", template = template),
        StrikeCause::LowQuality => tr!("strike-low-quality", days = days),
        StrikeCause::Reports => tr!(
            "strike-reports",
            people = f.people.unwrap_or_default(),
            days = days
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BusinessId, RestrictionCause, RestrictionKind, Timestamp};

    #[test]
    fn a_strike_and_the_restriction_it_brings_read_in_both_languages() {
        let facts = StrikeFacts {
            people: Some(1),
            days: Some(7),
            ..StrikeFacts::default()
        };
        let r = Restriction {
            business: BusinessId(1),
            kind: RestrictionKind::Warning,
            reason: String::new(),
            start: Timestamp(0),
            end: None,
            strike: Some(Box::new(RestrictionCause {
                count: 1,
                window_days: 90,
                cause: StrikeCause::Reports,
                strike: facts,
            })),
        };
        assert_eq!(
            restriction_reason_in_english(&r),
            "Strike 1 in 90 days: Reported by 1 person in 7 days"
        );
        let spanish = Catalogues::embedded().get("es").unwrap();
        assert_eq!(
            scoped(spanish, || restriction_reason(&r)),
            "Falta 1 en 90 días: Reportada por 1 persona en 7 días"
        );
    }

    #[test]
    fn a_tier_move_says_why() {
        let up = TierReason::Reached {
            people: 1,
            hours: 24,
            quality: crate::model::Quality::High,
        };
        let english = Catalogues::embedded().english();
        assert_eq!(
            scoped(english, || tier_reason(up)),
            "Reached 1 person in 24 hours with quality High"
        );
        let spanish = Catalogues::embedded().get("es").unwrap();
        let down = TierReason::LowSince(Timestamp::from_civil(2026, 11, 24, 12, 0));
        assert_eq!(
            scoped(spanish, || tier_reason(down)),
            "Calidad Baja desde el 24 nov"
        );
    }
}

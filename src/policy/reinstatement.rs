//! What a platform reviewer's decision does to a disabled or suspended business.
//!
//! POLICY.md: "until reviewed" means a reviewer reads the reports and either reinstates the
//! business, with a reason the business sees, or confirms the disable. Reinstating ends the
//! disable and every suspension in force at the time of the decision: the business may send
//! again at once. The warning and a lowered tier run their course (they limit how many people
//! it reaches, or nothing, not whether it may send), and the strikes stay in the history and
//! keep counting over their window, so the next strike in it climbs the ladder from where it
//! stood. Confirming changes nothing but the record.

use crate::model::{Restriction, RestrictionKind, Timestamp, Verdict};

/// Whether a restriction is one a review is about: it stops some or all sending.
pub fn under_review(kind: RestrictionKind) -> bool {
    matches!(
        kind,
        RestrictionKind::Disabled
            | RestrictionKind::SendingSuspended
            | RestrictionKind::MarketingSuspended
    )
}

/// The restrictions in force at `now` that a review is about, as stored.
pub fn reviewable(restrictions: &[Restriction], now: Timestamp) -> Vec<&Restriction> {
    restrictions
        .iter()
        .filter(|r| under_review(r.kind) && r.active_at(now))
        .collect()
}

/// The restrictions a decision ends, each with its end moved to `now`; none when it confirms.
pub fn lifted(restrictions: &[Restriction], verdict: Verdict, now: Timestamp) -> Vec<Restriction> {
    if verdict == Verdict::Confirmed {
        return Vec::new();
    }
    reviewable(restrictions, now)
        .into_iter()
        .map(|r| Restriction {
            end: Some(now),
            ..r.clone()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BusinessId, Span};
    use crate::policy::PolicyConfig;
    use crate::policy::enforcement::standing;

    fn restriction(kind: RestrictionKind, start: Timestamp, end: Option<Timestamp>) -> Restriction {
        Restriction {
            business: BusinessId(1),
            kind,
            reason: format!("strike for {}", kind.as_str()),
            start,
            end,
            strike: None,
        }
    }

    /// A business at its fifth strike: warned, tier lowered, marketing and sending suspended
    /// (the suspensions still running) and disabled.
    fn ladder(now: Timestamp) -> Vec<Restriction> {
        let day = |n: i64| Span::days(n);
        vec![
            restriction(RestrictionKind::Warning, now - day(9), Some(now + day(80))),
            restriction(
                RestrictionKind::TierLowered,
                now - day(8),
                Some(now - day(1)),
            ),
            restriction(
                RestrictionKind::MarketingSuspended,
                now - day(3),
                Some(now + day(4)),
            ),
            restriction(
                RestrictionKind::SendingSuspended,
                now - day(2),
                Some(now + day(28)),
            ),
            restriction(RestrictionKind::Disabled, now - day(1), None),
        ]
    }

    #[test]
    fn reinstating_ends_the_disable_and_the_suspensions_in_force_at_once() {
        let now = Timestamp(100 * 86_400);
        let config = PolicyConfig::default();
        let business = crate::model::Business {
            id: BusinessId(1),
            name: "Shop".into(),
            verified: false,
            kind: crate::model::BusinessKind::Other,
            quality: crate::model::Quality::High,
            tier: 0,
            tier_since: Timestamp(0),
            low_since: None,
            budget: 0,
        };
        let mut all = ladder(now);
        let before = standing(&business, &all, &config, now);
        assert!(before.disabled && before.sending_suspended_until.is_some());

        let ended = lifted(&all, Verdict::Reinstated, now);
        let kinds: Vec<RestrictionKind> = ended.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                RestrictionKind::MarketingSuspended,
                RestrictionKind::SendingSuspended,
                RestrictionKind::Disabled
            ],
            "the warning and the ended tier restriction are not touched"
        );
        assert!(ended.iter().all(|r| r.end == Some(now)));
        for r in &mut all {
            if let Some(e) = ended
                .iter()
                .find(|e| e.kind == r.kind && e.start == r.start)
            {
                r.end = e.end;
            }
        }
        let after = standing(&business, &all, &config, now);
        assert!(!after.disabled, "{after:?}");
        assert_eq!(after.sending_suspended_until, None);
        assert_eq!(after.marketing_suspended_until, None);
    }

    #[test]
    fn confirming_lifts_nothing() {
        let now = Timestamp(100 * 86_400);
        assert!(lifted(&ladder(now), Verdict::Confirmed, now).is_empty());
        assert_eq!(reviewable(&ladder(now), now).len(), 3);
    }

    #[test]
    fn a_business_in_good_standing_has_nothing_to_review() {
        let now = Timestamp(100 * 86_400);
        let warned = vec![restriction(RestrictionKind::Warning, now, None)];
        assert!(reviewable(&warned, now).is_empty());
        assert!(lifted(&warned, Verdict::Reinstated, now).is_empty());
    }
}

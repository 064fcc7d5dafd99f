//! The invariants of POLICY.md, property-tested: a blocked business never gets a message
//! delivered; marketing never reaches an unsubscribed user; no rolling window ever holds more
//! delivered marketing than its cap; the decision is the same whatever order the history is
//! given in.

use parley::i18n::sentences;
use parley::model::*;
use parley::policy::{
    MarketingHistory, Outgoing, PolicyConfig, Reach, Recipient, Standing, decide,
};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use std::collections::BTreeSet;

/// The business that sends; the history also holds offers from `BusinessId(2..=4)`.
const US: BusinessId = BusinessId(1);

/// Midnight UTC, a Tuesday: the earliest moment a scenario starts from.
fn base() -> Timestamp {
    Timestamp::from_civil(2026, 11, 24, 0, 0)
}

fn config() -> PolicyConfig {
    PolicyConfig::default()
}

/// Whether `at` lies in the rolling window of length `span` that ends at `end`: `(end - span, end]`.
fn in_window(at: Timestamp, end: Timestamp, span: Span) -> bool {
    end - span < at && at <= end
}

fn template(
    category: Category,
    status: TemplateStatus,
    paused_until: Option<Timestamp>,
) -> Template {
    Template {
        id: TemplateId(10),
        business: US,
        name: "news".to_string(),
        requested_category: category,
        category,
        body: "Hello {{1}}".to_string(),
        status,
        review: ReviewRule::Passed,
        review_note: String::new(),
        review_finding: None,
        allow_recategorise: false,
        submitted_at: base() - Span::days(90),
        approved_at: Some(base() - Span::days(90)),
        paused_until,
        pause_count: u32::from(paused_until.is_some()),
        quality: Quality::High,
        quality_since: base() - Span::days(90),
    }
}

/// One message from `US` to one user: every input of the decision.
#[derive(Debug, Clone)]
struct Scenario {
    /// `None` is free-form text.
    template: Option<Template>,
    standing: Standing,
    relation: Relation,
    prefs: UserPrefs,
    history: Vec<(Timestamp, BusinessId)>,
    reach: Reach,
    now: Timestamp,
}

impl Scenario {
    fn decide_with(&self, history: &MarketingHistory) -> Decision {
        let out = Outgoing {
            business: US,
            business_name: "Acme",
            template: self.template.as_ref(),
        };
        let to = Recipient {
            prefs: &self.prefs,
            relation: &self.relation,
            history,
        };
        let d = decide(&out, &self.standing, &to, self.reach, &config(), self.now);
        sentences::stamped(d)
    }

    fn decide(&self) -> Decision {
        self.decide_with(&MarketingHistory::from_records(
            self.history.iter().copied(),
        ))
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

const DAY: i64 = 86_400;

/// A moment before `now`, often right on one of the rules' window edges (24 h, 7 and 30 days).
fn earlier(now: Timestamp) -> impl Strategy<Value = Timestamp> {
    let edges = vec![Span::hours(24), Span::days(7), Span::days(30)];
    prop_oneof![
        3 => (0..=40 * DAY).prop_map(move |s| now - Span::seconds(s)),
        1 => (select(edges), -1i64..=1).prop_map(move |(edge, d)| now - Span::seconds(edge.0 + d)),
    ]
}

/// A moment shortly before or after `now`, or `now` itself.
fn around(now: Timestamp) -> impl Strategy<Value = Timestamp> {
    prop_oneof![
        3 => (-30 * DAY..=30 * DAY).prop_map(move |s| now + Span::seconds(s)),
        1 => Just(now),
    ]
}

fn message(now: Timestamp) -> impl Strategy<Value = Option<Template>> {
    let category = prop_oneof![
        3 => Just(Category::Marketing),
        1 => Just(Category::Utility),
        1 => Just(Category::Authentication),
    ];
    let status = prop_oneof![
        4 => Just(TemplateStatus::Approved),
        1 => select(TemplateStatus::ALL),
    ];
    let template = (category, status, proptest::option::of(around(now)))
        .prop_map(|(c, s, paused)| template(c, s, paused));
    prop_oneof![4 => template.prop_map(Some), 1 => Just(None)]
}

fn standing(now: Timestamp) -> impl Strategy<Value = Standing> {
    (
        prop::bool::weighted(0.1),
        proptest::option::weighted(0.2, around(now)),
        proptest::option::weighted(0.2, around(now)),
        proptest::option::of(0u32..300),
    )
        .prop_map(|(disabled, sending, marketing, tier_limit)| Standing {
            disabled,
            sending_suspended_until: sending,
            marketing_suspended_until: marketing,
            tier_limit,
        })
}

fn relation(now: Timestamp) -> impl Strategy<Value = Relation> {
    (
        prop::bool::weighted(0.8),
        proptest::option::weighted(0.2, select(BlockReason::ALL)),
        proptest::option::weighted(0.3, earlier(now)),
        proptest::option::weighted(0.3, earlier(now)),
        proptest::option::of(earlier(now)),
    )
        .prop_map(
            move |(subscribed, blocked, not_interested_at, interested_at, wrote)| Relation {
                subscribed,
                blocked,
                blocked_at: blocked.map(|_| now),
                not_interested_at,
                interested_at,
                last_user_message_at: wrote,
                known: true,
            },
        )
}

/// Zones with whole, half-hour, quarter-hour and half-hour daylight-saving offsets.
const ZONES: &[&str] = &[
    "UTC",
    "Europe/Madrid",
    "America/New_York",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Kiritimati",
];

fn prefs() -> impl Strategy<Value = UserPrefs> {
    (
        prop::bool::weighted(0.9),
        0u32..=6,
        0u32..=4,
        proptest::option::weighted(0.3, (0u32..24, 0u32..24)),
        proptest::option::weighted(0.8, select(ZONES)),
    )
        .prop_map(|(all_offers, daily, weekly, quiet, zone)| UserPrefs {
            all_offers,
            daily_marketing_cap: daily,
            weekly_business_cap: weekly,
            quiet_hours: quiet.map(|(start, end)| QuietHours { start, end }),
            time_zone: zone.map(|name| Zone::named(name).expect("a zone of the tz database")),
        })
}

/// Marketing delivered to the user before `now`, from `US` and three other businesses.
fn history(now: Timestamp) -> impl Strategy<Value = Vec<(Timestamp, BusinessId)>> {
    prop::collection::vec((earlier(now), (1i64..=4).prop_map(BusinessId)), 0..12)
}

fn reach() -> impl Strategy<Value = Reach> {
    (0u32..300, any::<bool>()).prop_map(|(unique_users, includes_recipient)| Reach {
        unique_users,
        includes_recipient,
    })
}

/// Any message to any user at any time of day over two weeks.
fn scenario() -> impl Strategy<Value = Scenario> {
    (0..14 * DAY)
        .prop_map(|s| base() + Span::seconds(s))
        .prop_flat_map(|now| {
            (
                message(now),
                standing(now),
                relation(now),
                prefs(),
                history(now),
                reach(),
                Just(now),
            )
        })
        .prop_map(
            |(template, standing, relation, prefs, history, reach, now)| Scenario {
                template,
                standing,
                relation,
                prefs,
                history,
                reach,
                now,
            },
        )
}

/// A scenario with its history records in another order.
fn scenario_and_shuffled_history() -> impl Strategy<Value = (Scenario, Vec<(Timestamp, BusinessId)>)>
{
    scenario().prop_flat_map(|s| {
        let records = s.history.clone();
        (Just(s), Just(records).prop_shuffle())
    })
}

/// Time between two offers in a simulated stream: often small, sometimes right on a window
/// edge, sometimes long.
fn gap() -> impl Strategy<Value = Span> {
    prop_oneof![
        1 => Just(Span::seconds(0)),
        6 => (1..6 * 3600i64).prop_map(Span::seconds),
        1 => select(vec![Span::hours(24), Span::days(7)])
            .prop_flat_map(|edge| (-1i64..=1).prop_map(move |d| Span::seconds(edge.0 + d))),
        1 => (0..3 * DAY).prop_map(Span::seconds),
    ]
}

// ---------------------------------------------------------------------------------------------
// The generated scenarios reach every rule, so the properties below are not vacuous
// ---------------------------------------------------------------------------------------------

#[test]
fn the_generated_scenarios_reach_every_reason_of_the_rules() {
    let mut runner = TestRunner::deterministic();
    let strategy = scenario();
    let reasons: BTreeSet<Reason> = (0..5_000)
        .map(|_| {
            strategy
                .new_tree(&mut runner)
                .unwrap()
                .current()
                .decide()
                .reason
        })
        .collect();
    let every_rule = [
        Reason::BusinessSuspended,
        Reason::BlockedByUser,
        Reason::TemplateNotApproved,
        Reason::TemplatePaused,
        Reason::TemplateDisabled,
        Reason::OutsideServiceWindow,
        Reason::TierLimitReached,
        Reason::MarketingSuspended,
        Reason::NotSubscribed,
        Reason::UserMarketingCap,
        Reason::NotInterestedRecently,
        Reason::QuietHours,
        Reason::SubscribedOffer,
        Reason::UtilityUpdate,
        Reason::AuthenticationCode,
        Reason::ServiceReply,
    ];
    let missing: Vec<_> = every_rule.iter().filter(|r| !reasons.contains(r)).collect();
    assert!(missing.is_empty(), "never decided: {missing:?}");
}

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

proptest! {
    #[test]
    fn a_blocked_business_never_gets_a_message_delivered(
        mut s in scenario(),
        reason in select(BlockReason::ALL),
    ) {
        s.relation.blocked = Some(reason);
        let d = s.decide();
        prop_assert_ne!(d.outcome, Outcome::Deliver, "{}", d.sentence);
    }

    #[test]
    fn quiet_hours_hold_only_inside_the_hours_on_the_users_own_clocks(s in scenario()) {
        let d = s.decide();
        if d.reason == Reason::QuietHours {
            let quiet = s.prefs.quiet_hours.expect("quiet hours are set");
            let hour = s.prefs.zone().hour_at(s.now);
            prop_assert!(quiet.start != quiet.end, "equal start and end is off");
            prop_assert!(quiet.contains(hour), "{hour} is outside {quiet:?}: {}", d.sentence);
            prop_assert!(d.sentence.contains(s.prefs.zone().name()), "{}", d.sentence);
        }
    }

    #[test]
    fn marketing_never_reaches_an_unsubscribed_user(mut s in scenario()) {
        s.template = Some(template(Category::Marketing, TemplateStatus::Approved, None));
        s.relation.subscribed = false;
        let d = s.decide();
        prop_assert_ne!(d.outcome, Outcome::Deliver, "{}", d.sentence);
    }

    #[test]
    fn marketing_never_reaches_a_user_with_all_offers_off(mut s in scenario()) {
        s.template = Some(template(Category::Marketing, TemplateStatus::Approved, None));
        s.prefs.all_offers = false;
        let d = s.decide();
        prop_assert_ne!(d.outcome, Outcome::Deliver, "{}", d.sentence);
    }

    #[test]
    fn no_rolling_window_ever_holds_more_delivered_marketing_than_its_cap(
        daily_cap in 1u32..=6,
        weekly_cap in 1u32..=4,
        offers in prop::collection::vec((gap(), (1i64..=4).prop_map(BusinessId)), 1..80),
    ) {
        let prefs = UserPrefs {
            all_offers: true,
            daily_marketing_cap: daily_cap,
            weekly_business_cap: weekly_cap,
            quiet_hours: None,
            time_zone: None,
        };
        let relation = Relation { subscribed: true, known: true, ..Relation::default() };
        let config = config();
        let mut history = MarketingHistory::default();
        let mut delivered: Vec<(Timestamp, BusinessId)> = Vec::new();
        let mut now = base();
        let t = template(Category::Marketing, TemplateStatus::Approved, None);
        for (gap, business) in offers {
            now = now + gap;
            let out = Outgoing { business, business_name: "Shop", template: Some(&t) };
            let to = Recipient { prefs: &prefs, relation: &relation, history: &history };
            let d = decide(&out, &Standing::default(), &to, Reach::default(), &config, now);
            if d.outcome == Outcome::Deliver {
                history.push(now, business);
                delivered.push((now, business));
            }
        }
        let (day, week) = (Span::hours(24), Span::days(7));
        for &(end, business) in &delivered {
            let in_day = delivered.iter().filter(|(at, _)| in_window(*at, end, day)).count();
            prop_assert!(
                in_day <= daily_cap as usize,
                "{in_day} offers in the 24 h up to {}, cap {daily_cap}", end.iso()
            );
            let in_week = delivered
                .iter()
                .filter(|(at, b)| *b == business && in_window(*at, end, week))
                .count();
            prop_assert!(
                in_week <= weekly_cap as usize,
                "{in_week} offers from {business} in the 7 days up to {}, cap {weekly_cap}", end.iso()
            );
        }
    }

    #[test]
    fn the_decision_is_the_same_whatever_order_the_history_is_given_in(
        (s, shuffled) in scenario_and_shuffled_history(),
    ) {
        let in_order = s.decide();
        let from_shuffled = s.decide_with(&MarketingHistory::from_records(shuffled.iter().copied()));
        prop_assert_eq!(&in_order, &from_shuffled);
        let mut pushed = MarketingHistory::default();
        for (at, business) in shuffled {
            pushed.push(at, business);
        }
        prop_assert_eq!(&in_order, &s.decide_with(&pushed));
    }
}

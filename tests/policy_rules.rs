//! The rules of POLICY.md, one test per rule and reason code: the decision for one message to
//! one user (rules 1 to 11, first rule that applies wins), progressive enforcement and tiers,
//! and broadcast pricing. Every input is built by the helpers at the top; the numbers in the
//! tests are the defaults POLICY.md promises.

use parley::i18n::sentences;
use parley::model::*;
use parley::policy::broadcast::{quote, settle};
use parley::policy::decide::window_open;
use parley::policy::enforcement::{Change, EnforcementInput, evaluate, standing};
use parley::policy::{
    MarketingHistory, Outgoing, PolicyConfig, Pricing, QualitySignals, Reach, Recipient,
    Settlement, Standing, StandingReport, decide,
};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The business that sends in every test.
const US: BusinessId = BusinessId(1);
/// Some other business the user also hears from.
const OTHER: BusinessId = BusinessId(2);

/// A Tuesday at noon, UTC: the moment every test decides at unless it says otherwise.
fn now() -> Timestamp {
    Timestamp::from_civil(2026, 11, 24, 12, 0)
}

fn ago(span: Span) -> Timestamp {
    now() - span
}

fn later(span: Span) -> Timestamp {
    now() + span
}

/// One second less than `span`: just inside a window of that length.
fn just_under(span: Span) -> Span {
    Span::seconds(span.0 - 1)
}

fn config() -> PolicyConfig {
    PolicyConfig::default()
}

/// A template of `US` in `status`, reviewed long ago.
fn template(category: Category, status: TemplateStatus) -> Template {
    let approved = !matches!(status, TemplateStatus::Pending | TemplateStatus::Rejected);
    Template {
        id: TemplateId(10),
        business: US,
        name: "weekly_news".to_string(),
        requested_category: category,
        category,
        body: "Hello {{1}}".to_string(),
        status,
        review: if status == TemplateStatus::Rejected {
            ReviewRule::ForbiddenContent
        } else {
            ReviewRule::Passed
        },
        review_note: String::new(),
        review_finding: None,
        allow_recategorise: false,
        submitted_at: ago(Span::days(60)),
        approved_at: approved.then(|| ago(Span::days(59))),
        paused_until: None,
        pause_count: 0,
        quality: Quality::High,
        quality_since: ago(Span::days(59)),
    }
}

/// One message from `US` to one user, with every input of the decision. The constructors give
/// a message that every rule lets through; the builder methods each break one rule.
#[derive(Debug, Clone)]
struct Send {
    template: Option<Template>,
    standing: Standing,
    relation: Relation,
    prefs: UserPrefs,
    history: Vec<(Timestamp, BusinessId)>,
    reach: Reach,
    at: Timestamp,
}

impl Send {
    /// An approved template of `category` to a subscribed user with the default settings, by a
    /// business in the first tier that reached a few people today.
    fn template(category: Category) -> Send {
        let config = config();
        Send {
            template: Some(template(category, TemplateStatus::Approved)),
            standing: Standing {
                tier_limit: config.tiers.limit(0),
                ..Standing::default()
            },
            relation: Relation {
                subscribed: true,
                known: true,
                ..Relation::default()
            },
            prefs: UserPrefs {
                all_offers: true,
                daily_marketing_cap: config.caps.daily_all,
                weekly_business_cap: config.caps.weekly_per_business,
                quiet_hours: None,
                time_zone: None,
            },
            history: Vec::new(),
            reach: Reach {
                unique_users: 10,
                includes_recipient: false,
            },
            at: now(),
        }
    }

    fn marketing() -> Send {
        Send::template(Category::Marketing)
    }

    fn utility() -> Send {
        Send::template(Category::Utility)
    }

    fn authentication() -> Send {
        Send::template(Category::Authentication)
    }

    /// A free-form reply to a user who wrote an hour ago.
    fn reply() -> Send {
        Send {
            template: None,
            ..Send::marketing()
        }
        .user_wrote(Span::hours(1))
    }

    /// One message of each category a business may start.
    fn every_template_category() -> [Send; 3] {
        [Send::marketing(), Send::utility(), Send::authentication()]
    }

    fn disabled(mut self) -> Self {
        self.standing.disabled = true;
        self
    }

    fn sending_suspended_until(mut self, until: Timestamp) -> Self {
        self.standing.sending_suspended_until = Some(until);
        self
    }

    fn marketing_suspended_until(mut self, until: Timestamp) -> Self {
        self.standing.marketing_suspended_until = Some(until);
        self
    }

    fn standing(mut self, standing: Standing) -> Self {
        self.standing = standing;
        self
    }

    fn enabled(mut self) -> Self {
        self.standing.disabled = false;
        self
    }

    fn unblocked(mut self) -> Self {
        self.relation.blocked = None;
        self.relation.blocked_at = None;
        self
    }

    fn blocked(mut self) -> Self {
        self.relation.blocked = Some(BlockReason::Spam);
        self.relation.blocked_at = Some(ago(Span::days(1)));
        self
    }

    fn template_status(mut self, status: TemplateStatus) -> Self {
        let category = self
            .template
            .as_ref()
            .map_or(Category::Marketing, |t| t.category);
        self.template = Some(template(category, status));
        self
    }

    fn paused_until(mut self, until: Timestamp) -> Self {
        self = self.template_status(TemplateStatus::Paused);
        if let Some(t) = self.template.as_mut() {
            t.paused_until = Some(until);
            t.pause_count = 1;
        }
        self
    }

    fn user_wrote(self, before: Span) -> Self {
        self.user_wrote_at(ago(before))
    }

    fn user_wrote_at(mut self, at: Timestamp) -> Self {
        self.relation.last_user_message_at = Some(at);
        self
    }

    /// The business already reached `unique_users` people today, not this one.
    fn reached(mut self, unique_users: u32) -> Self {
        self.reach = Reach {
            unique_users,
            includes_recipient: false,
        };
        self
    }

    /// The business reached exactly its tier limit today, not this user.
    fn tier_full(self) -> Self {
        let limit = self.standing.tier_limit.expect("a limited tier");
        self.reached(limit)
    }

    fn recipient_already_reached(mut self) -> Self {
        self.reach.includes_recipient = true;
        self
    }

    fn unsubscribed(mut self) -> Self {
        self.relation.subscribed = false;
        self
    }

    fn subscribed(mut self) -> Self {
        self.relation.subscribed = true;
        self
    }

    fn all_offers_off(mut self) -> Self {
        self.prefs.all_offers = false;
        self
    }

    fn caps(mut self, daily: u32, weekly_per_business: u32) -> Self {
        self.prefs.daily_marketing_cap = daily;
        self.prefs.weekly_business_cap = weekly_per_business;
        self
    }

    /// Marketing from `business` delivered to the user `before` before now.
    fn offer_from(mut self, business: BusinessId, before: Span) -> Self {
        self.history.push((ago(before), business));
        self
    }

    /// Marketing from `business` delivered at each of `agos` before now.
    fn offers_from(self, business: BusinessId, agos: &[Span]) -> Self {
        agos.iter().fold(self, |s, a| s.offer_from(business, *a))
    }

    /// One offer from each of `n` other businesses, an hour apart, in the last hours.
    fn offers_from_others(self, n: i64) -> Self {
        (0..n).fold(self, |s, i| {
            s.offer_from(BusinessId(100 + i), Span::hours(i + 1))
        })
    }

    /// The daily cap of 4 reached with offers from other businesses.
    fn daily_cap_reached(self) -> Self {
        self.offers_from_others(4)
    }

    fn not_interested(mut self, before: Span) -> Self {
        self.relation.not_interested_at = Some(ago(before));
        self
    }

    fn interested(mut self, before: Span) -> Self {
        self.relation.interested_at = Some(ago(before));
        self
    }

    fn quiet_hours(mut self, start: u32, end: u32) -> Self {
        self.prefs.quiet_hours = Some(QuietHours { start, end });
        self
    }

    fn in_zone(mut self, name: &str) -> Self {
        self.prefs.time_zone = Some(Zone::named(name).expect("a zone of the tz database"));
        self
    }

    fn quiet_hours_off(mut self) -> Self {
        self.prefs.quiet_hours = None;
        self
    }

    /// Decides on the same day as `now()`, at `hour:minute`.
    fn at_clock(mut self, hour: u32, minute: u32) -> Self {
        self.at = Timestamp::from_civil(2026, 11, 24, hour, minute);
        self
    }

    fn at(mut self, at: Timestamp) -> Self {
        self.at = at;
        self
    }

    fn decide(&self) -> Decision {
        let out = Outgoing {
            business: US,
            business_name: "Acme",
            template: self.template.as_ref(),
        };
        let history = MarketingHistory::from_records(self.history.iter().copied());
        let to = Recipient {
            prefs: &self.prefs,
            relation: &self.relation,
            history: &history,
        };
        let d = decide(&out, &self.standing, &to, self.reach, &config(), self.at);
        sentences::stamped(d)
    }
}

#[track_caller]
fn assert_decision(send: &Send, outcome: Outcome, reason: Reason) {
    let d = send.decide();
    assert_eq!(
        (d.outcome, d.reason),
        (outcome, reason),
        "decision was: {}",
        d.sentence
    );
    assert!(!d.sentence.is_empty(), "every decision explains itself");
}

#[track_caller]
fn delivered(send: &Send, reason: Reason) {
    assert_decision(send, Outcome::Deliver, reason);
}

#[track_caller]
fn held(send: &Send, reason: Reason) {
    assert_decision(send, Outcome::Hold, reason);
}

#[track_caller]
fn rejected(send: &Send, reason: Reason) {
    assert_decision(send, Outcome::Reject, reason);
}

/// The reason a message of this kind is delivered when no rule stops it.
fn delivery_reason(send: &Send) -> Reason {
    match send.template.as_ref().map(|t| t.category) {
        Some(Category::Marketing) => Reason::SubscribedOffer,
        Some(Category::Utility) => Reason::UtilityUpdate,
        Some(Category::Authentication) => Reason::AuthenticationCode,
        Some(Category::Service) | None => Reason::ServiceReply,
    }
}

// ---------------------------------------------------------------------------------------------
// The order of the rules
// ---------------------------------------------------------------------------------------------

#[test]
fn the_helpers_start_from_messages_every_rule_lets_through() {
    for send in Send::every_template_category() {
        delivered(&send, delivery_reason(&send));
    }
    delivered(&Send::reply(), Reason::ServiceReply);
}

/// Lifts one problem from a message.
type Lift = fn(Send) -> Send;

#[test]
fn each_rule_decides_only_once_every_earlier_rule_passes() {
    // An offer that breaks rules 1-3 and 5-10 at once (rule 4 is for free-form text only);
    // lifting the problems one by one, in rule order, uncovers the next rule each time.
    let steps: [(Lift, Outcome, Reason); 10] = [
        (|s| s, Outcome::Reject, Reason::BusinessSuspended),
        (Send::enabled, Outcome::Reject, Reason::BlockedByUser),
        (Send::unblocked, Outcome::Reject, Reason::TemplatePaused),
        (
            |s| s.paused_until(now()),
            Outcome::Reject,
            Reason::TierLimitReached,
        ),
        (
            Send::recipient_already_reached,
            Outcome::Reject,
            Reason::MarketingSuspended,
        ),
        (
            |s| s.marketing_suspended_until(now()),
            Outcome::Hold,
            Reason::NotSubscribed,
        ),
        (Send::subscribed, Outcome::Hold, Reason::UserMarketingCap),
        (
            |s| s.caps(10, 10),
            Outcome::Hold,
            Reason::NotInterestedRecently,
        ),
        (
            |s| s.interested(Span::hours(1)),
            Outcome::Hold,
            Reason::QuietHours,
        ),
        (
            Send::quiet_hours_off,
            Outcome::Deliver,
            Reason::SubscribedOffer,
        ),
    ];
    let mut send = Send::marketing()
        .disabled()
        .blocked()
        .paused_until(later(Span::hours(3)))
        .tier_full()
        .marketing_suspended_until(later(Span::days(7)))
        .unsubscribed()
        .daily_cap_reached()
        .not_interested(Span::days(10))
        .offer_from(US, Span::days(3))
        .quiet_hours(11, 13);
    for (lift, outcome, reason) in steps {
        send = lift(send);
        assert_decision(&send, outcome, reason);
    }
}

// ---------------------------------------------------------------------------------------------
// Rule 1: business disabled or suspended from all sending
// ---------------------------------------------------------------------------------------------

#[test]
fn a_disabled_business_may_send_nothing_at_all() {
    for send in Send::every_template_category() {
        rejected(&send.disabled(), Reason::BusinessSuspended);
    }
    rejected(&Send::reply().disabled(), Reason::BusinessSuspended);
}

#[test]
fn a_sending_suspension_rejects_every_template() {
    for send in Send::every_template_category() {
        let send = send.sending_suspended_until(later(Span::days(30)));
        rejected(&send, Reason::BusinessSuspended);
    }
}

#[test]
fn a_sending_suspension_still_allows_service_replies() {
    let send = Send::reply().sending_suspended_until(later(Span::days(30)));
    delivered(&send, Reason::ServiceReply);
}

#[test]
fn a_sending_suspension_that_ended_no_longer_applies() {
    for send in Send::every_template_category() {
        let send = send.sending_suspended_until(now());
        delivered(&send, delivery_reason(&send));
    }
}

#[test]
fn a_blocked_and_suspended_business_gets_business_suspended() {
    let send = Send::marketing().blocked().disabled();
    rejected(&send, Reason::BusinessSuspended);
    let send = Send::utility()
        .blocked()
        .sending_suspended_until(later(Span::days(30)));
    rejected(&send, Reason::BusinessSuspended);
}

// ---------------------------------------------------------------------------------------------
// Rule 2: the user blocked the business
// ---------------------------------------------------------------------------------------------

#[test]
fn a_blocked_business_reaches_the_user_with_nothing() {
    for send in Send::every_template_category() {
        rejected(&send.blocked(), Reason::BlockedByUser);
    }
    rejected(&Send::reply().blocked(), Reason::BlockedByUser);
}

#[test]
fn blocking_wins_over_a_template_problem() {
    let send = Send::utility()
        .blocked()
        .template_status(TemplateStatus::Disabled);
    rejected(&send, Reason::BlockedByUser);
}

// ---------------------------------------------------------------------------------------------
// Rule 3: the template must be approved
// ---------------------------------------------------------------------------------------------

#[test]
fn a_template_not_yet_reviewed_or_rejected_is_not_approved() {
    for send in Send::every_template_category() {
        for status in [TemplateStatus::Pending, TemplateStatus::Rejected] {
            let send = send.clone().template_status(status);
            rejected(&send, Reason::TemplateNotApproved);
        }
    }
}

#[test]
fn a_paused_template_is_rejected_until_its_pause_ends() {
    for send in Send::every_template_category() {
        let until = later(Span::hours(3));
        let paused = send.clone().paused_until(until);
        rejected(&paused, Reason::TemplatePaused);
        rejected(
            &paused.clone().at(until - Span::seconds(1)),
            Reason::TemplatePaused,
        );
        let resumed = paused.at(until);
        delivered(&resumed, delivery_reason(&resumed));
    }
}

#[test]
fn a_disabled_template_is_rejected() {
    for send in Send::every_template_category() {
        let send = send.template_status(TemplateStatus::Disabled);
        rejected(&send, Reason::TemplateDisabled);
    }
}

#[test]
fn a_template_problem_wins_over_the_tier_limit() {
    let send = Send::utility()
        .paused_until(later(Span::hours(3)))
        .tier_full();
    rejected(&send, Reason::TemplatePaused);
}

// ---------------------------------------------------------------------------------------------
// Rule 4: free-form text only inside the 24-hour service window
// ---------------------------------------------------------------------------------------------

#[test]
fn free_form_inside_the_service_window_is_delivered() {
    delivered(
        &Send::reply().user_wrote(Span::minutes(5)),
        Reason::ServiceReply,
    );
    let last_second = Send::reply().user_wrote(just_under(Span::hours(24)));
    delivered(&last_second, Reason::ServiceReply);
}

#[test]
fn free_form_at_exactly_24_hours_is_outside_the_service_window() {
    let send = Send::reply().user_wrote(Span::hours(24));
    rejected(&send, Reason::OutsideServiceWindow);
}

#[test]
fn free_form_to_a_user_who_never_wrote_is_outside_the_service_window() {
    let mut send = Send::reply();
    send.relation.last_user_message_at = None;
    rejected(&send, Reason::OutsideServiceWindow);
}

#[test]
fn templates_need_no_service_window() {
    for send in Send::every_template_category() {
        let send = send.user_wrote(Span::days(30));
        delivered(&send, delivery_reason(&send));
    }
}

// ---------------------------------------------------------------------------------------------
// Rule 5: the messaging tier
// ---------------------------------------------------------------------------------------------

#[test]
fn a_business_at_its_tier_limit_cannot_reach_a_new_user() {
    for send in Send::every_template_category() {
        rejected(&send.tier_full(), Reason::TierLimitReached);
    }
}

#[test]
fn a_business_just_below_its_tier_limit_reaches_one_more_user() {
    for send in Send::every_template_category() {
        let send = send.reached(250 - 1);
        delivered(&send, delivery_reason(&send));
    }
}

#[test]
fn a_business_at_its_tier_limit_may_still_write_to_users_already_reached() {
    for send in Send::every_template_category() {
        let send = send.tier_full().recipient_already_reached();
        delivered(&send, delivery_reason(&send));
    }
}

#[test]
fn the_top_tier_is_unlimited() {
    let top = Standing {
        tier_limit: config().tiers.limit(config().tiers.top()),
        ..Standing::default()
    };
    let send = Send::utility().standing(top).reached(1_000_000);
    delivered(&send, Reason::UtilityUpdate);
}

#[test]
fn service_replies_do_not_count_against_the_tier() {
    let send = Send::reply().reached(250);
    delivered(&send, Reason::ServiceReply);
}

// ---------------------------------------------------------------------------------------------
// Rule 6: marketing suspended
// ---------------------------------------------------------------------------------------------

#[test]
fn marketing_is_rejected_while_marketing_is_suspended() {
    let send = Send::marketing().marketing_suspended_until(later(Span::days(7)));
    rejected(&send, Reason::MarketingSuspended);
}

#[test]
fn a_marketing_suspension_leaves_utility_and_codes_alone() {
    for send in [Send::utility(), Send::authentication()] {
        let send = send.marketing_suspended_until(later(Span::days(7)));
        delivered(&send, delivery_reason(&send));
    }
}

#[test]
fn marketing_resumes_when_the_suspension_ends() {
    let send = Send::marketing().marketing_suspended_until(now());
    delivered(&send, Reason::SubscribedOffer);
}

#[test]
fn the_tier_limit_wins_over_a_marketing_suspension() {
    let send = Send::marketing()
        .tier_full()
        .marketing_suspended_until(later(Span::days(7)));
    rejected(&send, Reason::TierLimitReached);
}

// ---------------------------------------------------------------------------------------------
// Rule 7: marketing only to subscribed users
// ---------------------------------------------------------------------------------------------

#[test]
fn marketing_to_an_unsubscribed_user_is_held_not_subscribed() {
    held(&Send::marketing().unsubscribed(), Reason::NotSubscribed);
}

#[test]
fn marketing_to_a_user_with_all_offers_off_is_held_not_subscribed() {
    held(&Send::marketing().all_offers_off(), Reason::NotSubscribed);
}

#[test]
fn utility_and_codes_reach_unsubscribed_users_with_offers_off() {
    for send in [Send::utility(), Send::authentication()] {
        let send = send.unsubscribed().all_offers_off();
        delivered(&send, delivery_reason(&send));
    }
}

#[test]
fn a_marketing_suspension_wins_over_not_subscribed() {
    let send = Send::marketing()
        .unsubscribed()
        .marketing_suspended_until(later(Span::days(7)));
    rejected(&send, Reason::MarketingSuspended);
}

#[test]
fn not_subscribed_wins_over_the_caps() {
    let send = Send::marketing().unsubscribed().daily_cap_reached();
    held(&send, Reason::NotSubscribed);
}

// ---------------------------------------------------------------------------------------------
// Rule 8: the user's marketing caps (4 per rolling 24 h, 2 per business per rolling 7 days)
// ---------------------------------------------------------------------------------------------

#[test]
fn the_fifth_offer_in_24_hours_across_businesses_is_held() {
    held(
        &Send::marketing().daily_cap_reached(),
        Reason::UserMarketingCap,
    );
}

#[test]
fn the_fourth_offer_in_24_hours_is_delivered() {
    delivered(
        &Send::marketing().offers_from_others(3),
        Reason::SubscribedOffer,
    );
}

#[test]
fn an_offer_exactly_24_hours_old_has_left_the_daily_window() {
    let send = |oldest: Span| {
        Send::marketing()
            .offer_from(BusinessId(100), oldest)
            .offer_from(BusinessId(101), Span::hours(3))
            .offer_from(BusinessId(102), Span::hours(2))
            .offer_from(BusinessId(103), Span::hours(1))
    };
    delivered(&send(Span::hours(24)), Reason::SubscribedOffer);
    held(&send(just_under(Span::hours(24))), Reason::UserMarketingCap);
}

#[test]
fn the_third_offer_from_one_business_in_7_days_is_held() {
    let send = Send::marketing().offers_from(US, &[Span::days(6), Span::days(3)]);
    held(&send, Reason::UserMarketingCap);
}

#[test]
fn the_weekly_cap_counts_each_business_on_its_own() {
    let send = Send::marketing().offers_from(OTHER, &[Span::days(6), Span::days(3)]);
    delivered(&send, Reason::SubscribedOffer);
    let send = Send::marketing().offer_from(US, Span::days(3));
    delivered(&send, Reason::SubscribedOffer);
}

#[test]
fn an_offer_exactly_7_days_old_has_left_the_weekly_window() {
    let send = |oldest: Span| Send::marketing().offers_from(US, &[oldest, Span::days(1)]);
    delivered(&send(Span::days(7)), Reason::SubscribedOffer);
    held(&send(just_under(Span::days(7))), Reason::UserMarketingCap);
}

#[test]
fn the_user_sets_their_own_caps() {
    let roomier = Send::marketing().daily_cap_reached().caps(5, 2);
    delivered(&roomier, Reason::SubscribedOffer);
    let stricter = Send::marketing().offer_from(US, Span::days(3)).caps(4, 1);
    held(&stricter, Reason::UserMarketingCap);
    let none_at_all = Send::marketing().caps(0, 2);
    held(&none_at_all, Reason::UserMarketingCap);
}

#[test]
fn the_caps_win_over_not_interested() {
    let send = Send::marketing()
        .not_interested(Span::days(1))
        .offers_from(US, &[Span::days(6), Span::days(3)]);
    held(&send, Reason::UserMarketingCap);
}

// ---------------------------------------------------------------------------------------------
// Rule 9: "Not interested" allows at most 1 offer per rolling 7 days for 30 days
// ---------------------------------------------------------------------------------------------

#[test]
fn after_not_interested_a_second_offer_within_7_days_is_held() {
    let send = Send::marketing()
        .not_interested(Span::days(10))
        .offer_from(US, Span::days(3));
    held(&send, Reason::NotInterestedRecently);
}

#[test]
fn after_not_interested_one_offer_per_7_days_is_still_delivered() {
    let none_recent = Send::marketing().not_interested(Span::days(10));
    delivered(&none_recent, Reason::SubscribedOffer);
    let week_old = none_recent.offer_from(US, Span::days(7));
    delivered(&week_old, Reason::SubscribedOffer);
    let almost_week_old = Send::marketing()
        .not_interested(Span::days(10))
        .offer_from(US, just_under(Span::days(7)));
    held(&almost_week_old, Reason::NotInterestedRecently);
}

#[test]
fn not_interested_counts_only_offers_from_that_business() {
    let send = Send::marketing()
        .not_interested(Span::days(10))
        .offer_from(OTHER, Span::days(1));
    delivered(&send, Reason::SubscribedOffer);
}

#[test]
fn not_interested_lasts_30_days() {
    let send = |said: Span| {
        Send::marketing()
            .not_interested(said)
            .offer_from(US, Span::days(3))
    };
    held(
        &send(just_under(Span::days(30))),
        Reason::NotInterestedRecently,
    );
    delivered(&send(Span::days(30)), Reason::SubscribedOffer);
}

#[test]
fn a_later_interested_lifts_not_interested() {
    let send = Send::marketing()
        .not_interested(Span::days(10))
        .offer_from(US, Span::days(3));
    delivered(
        &send.clone().interested(Span::days(2)),
        Reason::SubscribedOffer,
    );
    held(
        &send.interested(Span::days(20)),
        Reason::NotInterestedRecently,
    );
}

#[test]
fn not_interested_wins_over_quiet_hours() {
    let send = Send::marketing()
        .not_interested(Span::days(10))
        .offer_from(US, Span::days(3))
        .quiet_hours(11, 13);
    held(&send, Reason::NotInterestedRecently);
}

// ---------------------------------------------------------------------------------------------
// Rule 10: quiet hours
// ---------------------------------------------------------------------------------------------

#[test]
fn marketing_in_quiet_hours_is_held_until_they_end() {
    let send = Send::marketing().quiet_hours(13, 18);
    held(&send.clone().at_clock(13, 0), Reason::QuietHours);
    held(&send.clone().at_clock(17, 59), Reason::QuietHours);
    delivered(&send.clone().at_clock(18, 0), Reason::SubscribedOffer);
    delivered(&send.at_clock(12, 59), Reason::SubscribedOffer);
}

#[test]
fn quiet_hours_may_span_midnight() {
    let send = Send::marketing().quiet_hours(22, 7);
    for (hour, minute) in [(22, 0), (23, 30), (0, 0), (3, 0), (6, 59)] {
        held(&send.clone().at_clock(hour, minute), Reason::QuietHours);
    }
    for (hour, minute) in [(7, 0), (12, 0), (21, 59)] {
        delivered(
            &send.clone().at_clock(hour, minute),
            Reason::SubscribedOffer,
        );
    }
}

/// A UTC moment of 2026.
fn utc(month: u32, day: u32, hour: u32, minute: u32) -> Timestamp {
    Timestamp::from_civil(2026, month, day, hour, minute)
}

#[test]
fn quiet_hours_are_on_the_clocks_of_the_users_time_zone() {
    let send = Send::marketing()
        .quiet_hours(22, 7)
        .in_zone("Europe/Madrid");
    // Winter, UTC+1: 21:30 UTC is 22:30 in Madrid, 06:30 UTC is 07:30.
    held(&send.clone().at(utc(1, 15, 21, 30)), Reason::QuietHours);
    delivered(&send.clone().at(utc(1, 15, 6, 30)), Reason::SubscribedOffer);
    delivered(
        &send.clone().at(utc(1, 15, 20, 59)),
        Reason::SubscribedOffer,
    );
    // Summer, UTC+2: 21:30 UTC is 23:30, 19:59 UTC is 21:59, 20:00 UTC is 22:00.
    held(&send.clone().at(utc(7, 15, 21, 30)), Reason::QuietHours);
    delivered(
        &send.clone().at(utc(7, 15, 19, 59)),
        Reason::SubscribedOffer,
    );
    held(&send.clone().at(utc(7, 15, 20, 0)), Reason::QuietHours);
    delivered(&send.at(utc(7, 15, 5, 0)), Reason::SubscribedOffer);
}

#[test]
fn quiet_hours_follow_the_daylight_saving_changes() {
    let send = Send::marketing()
        .quiet_hours(22, 7)
        .in_zone("Europe/Madrid");
    // Sunday 29 March 2026, clocks go from 02:00 to 03:00: 07:00 local is 05:00 UTC.
    held(&send.clone().at(utc(3, 28, 4, 59)), Reason::QuietHours);
    delivered(&send.clone().at(utc(3, 28, 6, 0)), Reason::SubscribedOffer);
    held(&send.clone().at(utc(3, 29, 4, 59)), Reason::QuietHours);
    delivered(&send.clone().at(utc(3, 29, 5, 0)), Reason::SubscribedOffer);
    // Sunday 25 October 2026, clocks go from 03:00 back to 02:00: 07:00 local is 06:00 UTC.
    delivered(&send.clone().at(utc(10, 24, 5, 0)), Reason::SubscribedOffer);
    held(&send.clone().at(utc(10, 25, 5, 0)), Reason::QuietHours);
    held(&send.clone().at(utc(10, 25, 5, 59)), Reason::QuietHours);
    delivered(&send.at(utc(10, 25, 6, 0)), Reason::SubscribedOffer);
}

#[test]
fn the_held_sentence_names_the_users_time_zone() {
    let send = Send::marketing()
        .quiet_hours(22, 7)
        .in_zone("America/New_York")
        .at(utc(1, 15, 4, 0));
    let decision = send.decide();
    assert_eq!(decision.reason, Reason::QuietHours);
    assert!(
        decision.sentence.contains(
            "arrived at 23:00 your time (America/New_York), in your quiet hours (22:00-07:00)"
        ),
        "{}",
        decision.sentence
    );
}

#[test]
fn quiet_hours_with_equal_start_and_end_are_off() {
    for zone in ["UTC", "Europe/Madrid", "Asia/Kathmandu"] {
        for hour in [0, 7, 12, 23] {
            let send = Send::marketing().quiet_hours(hour, hour).in_zone(zone);
            for at in [utc(1, 15, hour, 0), utc(7, 15, hour, 30), utc(3, 29, 1, 0)] {
                delivered(&send.clone().at(at), Reason::SubscribedOffer);
            }
        }
    }
}

#[test]
fn quiet_hours_are_off_by_default() {
    delivered(&Send::marketing().at_clock(3, 0), Reason::SubscribedOffer);
}

#[test]
fn quiet_hours_hold_only_marketing() {
    for send in [Send::utility(), Send::authentication()] {
        let send = send.quiet_hours(22, 7).at_clock(3, 0);
        delivered(&send, delivery_reason(&send));
    }
    delivered(&Send::reply().quiet_hours(11, 13), Reason::ServiceReply);
}

// ---------------------------------------------------------------------------------------------
// Rule 11: deliver; utility and authentication are never capped
// ---------------------------------------------------------------------------------------------

/// Every limit of rules 6 to 10 at once.
fn every_marketing_limit(send: Send) -> Send {
    send.marketing_suspended_until(later(Span::days(7)))
        .unsubscribed()
        .all_offers_off()
        .daily_cap_reached()
        .offers_from(US, &[Span::days(2), Span::days(1)])
        .not_interested(Span::days(5))
        .quiet_hours(11, 13)
}

#[test]
fn an_offer_within_every_rule_is_delivered() {
    delivered(&Send::marketing(), Reason::SubscribedOffer);
}

#[test]
fn utility_is_never_capped() {
    assert_ne!(
        every_marketing_limit(Send::marketing()).decide().outcome,
        Outcome::Deliver
    );
    delivered(
        &every_marketing_limit(Send::utility()),
        Reason::UtilityUpdate,
    );
}

#[test]
fn authentication_is_never_capped() {
    delivered(
        &every_marketing_limit(Send::authentication()),
        Reason::AuthenticationCode,
    );
}

// ---------------------------------------------------------------------------------------------
// Enforcement: helpers
// ---------------------------------------------------------------------------------------------

/// `US` in good standing: High quality, in the first tier for a month.
fn business() -> Business {
    Business {
        id: US,
        name: "Acme".to_string(),
        verified: true,
        kind: BusinessKind::Shop,
        quality: Quality::High,
        tier: 0,
        tier_since: ago(Span::days(30)),
        low_since: None,
        budget: 0,
    }
}

fn signals(reports: u32, blocks: u32, not_interested: u32, users_reached: u32) -> QualitySignals {
    QualitySignals {
        reports,
        blocks,
        not_interested,
        users_reached,
    }
}

/// Far past the Low threshold: one report (weight 3) per 20 users is 15 %.
fn low_signals() -> QualitySignals {
    signals(1, 0, 0, 20)
}

fn clean_signals() -> QualitySignals {
    signals(0, 0, 0, 100)
}

fn strike(at: Timestamp, cause: StrikeCause) -> Strike {
    Strike {
        business: US,
        at,
        cause,
        detail: format!("{cause} strike"),
        facts: None,
    }
}

/// Everything the periodic review of `US` looks at.
struct Review {
    business: Business,
    signals: QualitySignals,
    templates: Vec<(Template, QualitySignals)>,
    strikes: Vec<Strike>,
    reports: Vec<(Timestamp, UserId)>,
    deliveries: Vec<(Timestamp, UserId)>,
    tier_lowered: bool,
    disabled: bool,
    sending_suspended: bool,
    at: Timestamp,
}

impl Review {
    /// A business with clean signals and nothing against it.
    fn new() -> Review {
        Review {
            business: business(),
            signals: clean_signals(),
            templates: Vec::new(),
            strikes: Vec::new(),
            reports: Vec::new(),
            deliveries: Vec::new(),
            tier_lowered: false,
            disabled: false,
            sending_suspended: false,
            at: now(),
        }
    }

    /// An approved template that has already been paused `pause_count` times, now at Low.
    fn with_low_template(mut self, pause_count: u32) -> Review {
        let mut t = template(Category::Marketing, TemplateStatus::Approved);
        t.pause_count = pause_count;
        self.templates.push((t, low_signals()));
        self
    }

    /// A business already at Low quality since `since`, still getting Low signals.
    fn low_since(mut self, since: Timestamp) -> Review {
        self.business.quality = Quality::Low;
        self.business.low_since = Some(since);
        self.signals = low_signals();
        self
    }

    fn with_strikes(mut self, strikes: impl IntoIterator<Item = Strike>) -> Review {
        self.strikes.extend(strikes);
        self
    }

    /// Reports by each user at the given time before now.
    fn reported_by(mut self, reports: &[(i64, Span)]) -> Review {
        self.reports
            .extend(reports.iter().map(|(user, a)| (ago(*a), UserId(*user))));
        self
    }

    /// `people` new users reached with templates at `at` (numbered after those already reached).
    fn reached(mut self, people: u32, at: Timestamp) -> Review {
        let first = self.deliveries.len() as i64 + 1_000;
        self.deliveries
            .extend((0..i64::from(people)).map(|n| (at, UserId(first + n))));
        self
    }

    fn at(mut self, at: Timestamp) -> Review {
        self.at = at;
        self
    }

    fn run(&self) -> Vec<Change> {
        let input = EnforcementInput {
            business: &self.business,
            signals: self.signals,
            templates: self.templates.iter().map(|(t, s)| (t, *s)).collect(),
            strikes: &self.strikes,
            reports: &self.reports,
            deliveries: &self.deliveries,
            tier_lowered: self.tier_lowered,
            disabled: self.disabled,
            sending_suspended: self.sending_suspended,
        };
        evaluate(&input, &config(), self.at)
    }
}

fn strike_causes(changes: &[Change]) -> Vec<StrikeCause> {
    changes
        .iter()
        .filter_map(|c| match c {
            Change::Strike(s) => Some(s.cause),
            _ => None,
        })
        .collect()
}

fn restrictions(changes: &[Change]) -> Vec<Restriction> {
    changes
        .iter()
        .filter_map(|c| match c {
            Change::Restriction(r) => Some(r.clone()),
            _ => None,
        })
        .collect()
}

fn tier_move(changes: &[Change]) -> Option<(usize, usize)> {
    changes.iter().find_map(|c| match c {
        Change::Tier { from, to, .. } => Some((*from, *to)),
        _ => None,
    })
}

/// The business's quality after a review with `signals`, coming from `previous`.
fn rated(previous: Quality, signals: QualitySignals) -> Quality {
    let mut review = Review::new();
    review.business.quality = previous;
    review.signals = signals;
    review
        .run()
        .iter()
        .find_map(|c| match c {
            Change::Quality { from, to } => {
                assert_eq!(*from, previous);
                Some(*to)
            }
            _ => None,
        })
        .unwrap_or(previous)
}

/// The restriction a business gets for its `n`th strike in 90 days (the new strike: a template
/// paused for low quality; the earlier ones spread over the last weeks).
fn restriction_at_strike(n: usize) -> Restriction {
    let earlier =
        (1..n).map(|i| strike(ago(Span::days(10 * i as i64)), StrikeCause::TemplatePaused));
    let changes = Review::new()
        .with_low_template(0)
        .with_strikes(earlier)
        .run();
    let mut found = restrictions(&changes);
    assert_eq!(
        found.len(),
        1,
        "one new strike, one restriction: {changes:?}"
    );
    found.remove(0)
}

/// What the decision sees of `US` with these restrictions, at `at`.
fn standing_at(business: &Business, restrictions: &[Restriction], at: Timestamp) -> Standing {
    standing(business, restrictions, &config(), at)
}

// ---------------------------------------------------------------------------------------------
// Enforcement: the template pause ladder
// ---------------------------------------------------------------------------------------------

#[test]
fn a_low_quality_template_is_paused_3_hours_the_first_time_with_a_strike() {
    let changes = Review::new().with_low_template(0).run();
    assert!(changes.contains(&Change::TemplatePaused {
        template: TemplateId(10),
        until: later(Span::hours(3)),
        pause_number: 1,
    }));
    assert_eq!(strike_causes(&changes), [StrikeCause::TemplatePaused]);
}

#[test]
fn a_low_quality_template_is_paused_6_hours_the_second_time_with_a_strike() {
    let changes = Review::new().with_low_template(1).run();
    assert!(changes.contains(&Change::TemplatePaused {
        template: TemplateId(10),
        until: later(Span::hours(6)),
        pause_number: 2,
    }));
    assert_eq!(strike_causes(&changes), [StrikeCause::TemplatePaused]);
}

#[test]
fn a_low_quality_template_is_disabled_the_third_time_with_a_strike() {
    let changes = Review::new().with_low_template(2).run();
    assert!(changes.contains(&Change::TemplateDisabled {
        template: TemplateId(10)
    }));
    assert!(
        !changes
            .iter()
            .any(|c| matches!(c, Change::TemplatePaused { .. }))
    );
    assert_eq!(strike_causes(&changes), [StrikeCause::TemplateDisabled]);
}

#[test]
fn a_template_of_good_quality_is_left_alone() {
    let mut review = Review::new();
    let t = template(Category::Marketing, TemplateStatus::Approved);
    review.templates.push((t, clean_signals()));
    let changes = review.run();
    assert!(strike_causes(&changes).is_empty(), "{changes:?}");
    assert!(!changes.iter().any(|c| matches!(
        c,
        Change::TemplatePaused { .. } | Change::TemplateDisabled { .. }
    )));
}

#[test]
fn a_paused_template_resumes_when_its_pause_ends() {
    let mut t = template(Category::Marketing, TemplateStatus::Paused);
    let until = later(Span::hours(3));
    t.paused_until = Some(until);
    t.pause_count = 1;
    let mut review = Review::new();
    review.templates.push((t, low_signals()));

    let during = review.run();
    assert!(
        !during
            .iter()
            .any(|c| matches!(c, Change::TemplateResumed { .. }))
    );
    assert!(
        strike_causes(&during).is_empty(),
        "no second strike while paused"
    );

    let after = review.at(until).run();
    assert!(after.contains(&Change::TemplateResumed {
        template: TemplateId(10)
    }));
    assert!(strike_causes(&after).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Enforcement: business quality
// ---------------------------------------------------------------------------------------------

#[test]
fn quality_is_high_below_1_percent_negative() {
    assert_eq!(rated(Quality::Low, signals(0, 0, 0, 100)), Quality::High);
    assert_eq!(rated(Quality::Low, signals(0, 0, 1, 200)), Quality::High);
}

#[test]
fn quality_is_medium_from_1_to_below_3_percent() {
    assert_eq!(rated(Quality::High, signals(0, 0, 1, 100)), Quality::Medium);
    assert_eq!(rated(Quality::High, signals(0, 0, 2, 100)), Quality::Medium);
    assert_eq!(rated(Quality::Low, signals(0, 1, 0, 100)), Quality::Medium);
}

#[test]
fn quality_is_low_from_3_percent() {
    assert_eq!(rated(Quality::High, signals(0, 0, 3, 100)), Quality::Low);
    assert_eq!(rated(Quality::High, signals(0, 1, 1, 100)), Quality::Low);
}

#[test]
fn reports_weigh_3_blocks_2_and_not_interested_1() {
    // 1 % of 300 users is 3: one report alone already reaches it, as do three "Not interested".
    assert_eq!(rated(Quality::High, signals(1, 0, 0, 300)), Quality::Medium);
    assert_eq!(rated(Quality::High, signals(0, 1, 0, 300)), Quality::High);
    assert_eq!(rated(Quality::High, signals(0, 0, 3, 300)), Quality::Medium);
    assert_eq!(rated(Quality::High, signals(1, 0, 0, 100)), Quality::Low);
}

#[test]
fn with_fewer_than_20_users_reached_quality_keeps_its_previous_value() {
    assert_eq!(rated(Quality::High, signals(5, 5, 5, 19)), Quality::High);
    assert_eq!(rated(Quality::Low, signals(0, 0, 0, 19)), Quality::Low);
    assert_eq!(rated(Quality::High, signals(1, 0, 0, 20)), Quality::Low);
}

#[test]
fn a_business_that_just_dropped_to_low_is_timed_but_not_yet_struck() {
    let mut review = Review::new();
    review.signals = low_signals();
    let changes = review.run();
    assert!(changes.contains(&Change::LowSince(Some(now()))));
    assert!(strike_causes(&changes).is_empty());
}

#[test]
fn low_quality_for_3_days_gives_a_strike() {
    let changes = Review::new().low_since(ago(Span::days(3))).run();
    assert_eq!(strike_causes(&changes), [StrikeCause::LowQuality]);
    let not_yet = Review::new()
        .low_since(ago(just_under(Span::days(3))))
        .run();
    assert!(strike_causes(&not_yet).is_empty(), "{not_yet:?}");
}

#[test]
fn low_quality_gives_no_second_strike_for_the_same_3_days() {
    let since = ago(Span::days(4));
    let changes = Review::new()
        .low_since(since)
        .with_strikes([strike(since + Span::days(3), StrikeCause::LowQuality)])
        .run();
    assert!(strike_causes(&changes).is_empty(), "{changes:?}");
}

#[test]
fn a_spell_at_low_gives_one_strike_however_long_it_lasts() {
    let since = ago(Span::days(20));
    let changes = Review::new()
        .low_since(since)
        .with_strikes([strike(since + Span::days(3), StrikeCause::LowQuality)])
        .run();
    assert!(strike_causes(&changes).is_empty(), "{changes:?}");
}

#[test]
fn a_new_spell_at_low_gives_a_new_strike() {
    let old_spell = ago(Span::days(30));
    let changes = Review::new()
        .low_since(ago(Span::days(3)))
        .with_strikes([strike(old_spell, StrikeCause::LowQuality)])
        .run();
    assert_eq!(strike_causes(&changes), [StrikeCause::LowQuality]);
}

#[test]
fn no_low_quality_strike_while_sending_is_suspended_or_the_business_disabled() {
    let mut suspended = Review::new().low_since(ago(Span::days(3)));
    suspended.sending_suspended = true;
    assert!(strike_causes(&suspended.run()).is_empty());

    let mut disabled = Review::new().low_since(ago(Span::days(3)));
    disabled.disabled = true;
    assert!(strike_causes(&disabled.run()).is_empty());
}

#[test]
fn a_rating_on_fewer_than_20_people_has_no_consequence() {
    let mut review = Review::new().low_since(ago(Span::days(10)));
    review.business.tier = 2;
    review.signals = signals(5, 5, 5, 19);
    let changes = review.run();
    assert!(strike_causes(&changes).is_empty(), "{changes:?}");
    assert_eq!(tier_move(&changes), None);
    assert!(
        changes.contains(&Change::LowSince(None)),
        "no day at Low counted"
    );
    assert!(!review.signals.enough_data(&config().quality));

    let mut fresh = Review::new();
    fresh.business.quality = Quality::Low;
    fresh.signals = signals(1, 0, 0, 19);
    assert!(!fresh.run().iter().any(|c| matches!(c, Change::LowSince(_))));
}

// ---------------------------------------------------------------------------------------------
// Enforcement: reports
// ---------------------------------------------------------------------------------------------

#[test]
fn reports_from_3_distinct_users_in_7_days_give_a_strike() {
    let changes = Review::new()
        .reported_by(&[(1, Span::days(6)), (2, Span::days(3)), (3, Span::hours(1))])
        .run();
    assert_eq!(strike_causes(&changes), [StrikeCause::Reports]);
}

#[test]
fn reports_from_only_2_users_give_no_strike() {
    let changes = Review::new()
        .reported_by(&[(1, Span::days(3)), (1, Span::days(2)), (2, Span::hours(1))])
        .run();
    assert!(strike_causes(&changes).is_empty(), "{changes:?}");
}

#[test]
fn reports_older_than_7_days_do_not_count() {
    let changes = Review::new()
        .reported_by(&[(1, Span::days(7)), (2, Span::days(3)), (3, Span::hours(1))])
        .run();
    assert!(strike_causes(&changes).is_empty(), "{changes:?}");
}

#[test]
fn the_same_reports_give_no_second_strike() {
    let reporters = [(1, Span::days(3)), (2, Span::days(2)), (3, Span::days(1))];
    let first = Review::new().reported_by(&reporters).run();
    assert_eq!(strike_causes(&first), [StrikeCause::Reports]);

    let struck = Review::new()
        .reported_by(&reporters)
        .with_strikes([strike(now(), StrikeCause::Reports)]);
    let next_hour = struck.at(later(Span::hours(1))).run();
    assert!(strike_causes(&next_hour).is_empty(), "{next_hour:?}");
}

#[test]
fn three_new_reporters_after_a_reports_strike_give_another() {
    let new_reports = [
        (4, Span::hours(3)),
        (5, Span::hours(2)),
        (6, Span::hours(1)),
    ];
    let changes = Review::new()
        .reported_by(&[(1, Span::days(3)), (2, Span::days(3)), (3, Span::days(3))])
        .with_strikes([strike(ago(Span::days(2)), StrikeCause::Reports)])
        .reported_by(&new_reports)
        .run();
    assert_eq!(strike_causes(&changes), [StrikeCause::Reports]);
}

// ---------------------------------------------------------------------------------------------
// Enforcement: the restriction ladder
// ---------------------------------------------------------------------------------------------

#[test]
fn the_first_strike_is_a_warning() {
    let r = restriction_at_strike(1);
    assert_eq!(r.kind, RestrictionKind::Warning);
    assert!(!sentences::restriction_reason(&r).is_empty());
    let s = standing_at(&business(), &[r], now());
    assert_eq!(
        s,
        standing_at(&business(), &[], now()),
        "a warning restricts nothing"
    );
}

#[test]
fn a_warning_stays_in_view_as_long_as_its_strike_counts() {
    let r = restriction_at_strike(1);
    let window = Span::days(config().enforcement.strike_window_days);
    assert!(r.current_at(later(just_under(window))), "{r:?}");
    assert!(!r.current_at(later(window)), "{r:?}");
}

#[test]
fn the_second_strike_lowers_the_tier_for_7_days() {
    let r = restriction_at_strike(2);
    assert_eq!(r.kind, RestrictionKind::TierLowered);
    assert_eq!((r.start, r.end), (now(), Some(later(Span::days(7)))));
    assert!(!sentences::restriction_reason(&r).is_empty());
}

#[test]
fn the_third_strike_suspends_marketing_for_7_days() {
    let r = restriction_at_strike(3);
    assert_eq!(r.kind, RestrictionKind::MarketingSuspended);
    assert_eq!((r.start, r.end), (now(), Some(later(Span::days(7)))));
    assert!(!sentences::restriction_reason(&r).is_empty());

    let during = standing_at(&business(), std::slice::from_ref(&r), now());
    rejected(
        &Send::marketing().standing(during),
        Reason::MarketingSuspended,
    );
    delivered(&Send::utility().standing(during), Reason::UtilityUpdate);

    let end = r.end.unwrap();
    let after = standing_at(&business(), &[r], end);
    delivered(
        &Send::marketing().standing(after).at(end),
        Reason::SubscribedOffer,
    );
}

#[test]
fn the_fourth_strike_suspends_business_initiated_sending_for_30_days() {
    let r = restriction_at_strike(4);
    assert_eq!(r.kind, RestrictionKind::SendingSuspended);
    assert_eq!((r.start, r.end), (now(), Some(later(Span::days(30)))));
    assert!(!sentences::restriction_reason(&r).is_empty());

    let during = standing_at(&business(), &[r], now());
    for send in Send::every_template_category() {
        rejected(&send.standing(during), Reason::BusinessSuspended);
    }
    delivered(&Send::reply().standing(during), Reason::ServiceReply);
}

#[test]
fn the_fifth_strike_disables_the_business_with_no_end() {
    let r = restriction_at_strike(5);
    assert_eq!(r.kind, RestrictionKind::Disabled);
    assert_eq!((r.start, r.end), (now(), None));
    assert!(!sentences::restriction_reason(&r).is_empty());

    let a_year_later = later(Span::days(365));
    let disabled = standing_at(&business(), &[r], a_year_later);
    rejected(
        &Send::reply()
            .standing(disabled)
            .at(a_year_later)
            .user_wrote_at(a_year_later - Span::minutes(5)),
        Reason::BusinessSuspended,
    );
}

#[test]
fn an_already_disabled_business_is_not_disabled_again() {
    let earlier = (1..=5).map(|i| strike(ago(Span::days(i)), StrikeCause::Reports));
    let mut review = Review::new().with_low_template(0).with_strikes(earlier);
    review.disabled = true;
    let changes = review.run();
    assert_eq!(strike_causes(&changes), [StrikeCause::TemplatePaused]);
    assert!(restrictions(&changes).is_empty(), "{changes:?}");
}

#[test]
fn strikes_older_than_90_days_are_not_counted() {
    let old = (0..4).map(|_| strike(ago(Span::days(91)), StrikeCause::Reports));
    let changes = Review::new().with_low_template(0).with_strikes(old).run();
    let kinds: Vec<_> = restrictions(&changes).iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [RestrictionKind::Warning]);

    let recent = (0..4).map(|_| strike(ago(Span::days(89)), StrikeCause::Reports));
    let changes = Review::new()
        .with_low_template(0)
        .with_strikes(recent)
        .run();
    let kinds: Vec<_> = restrictions(&changes).iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [RestrictionKind::Disabled]);
}

#[test]
fn two_strikes_in_one_review_climb_two_steps() {
    let changes = Review::new()
        .with_low_template(0)
        .reported_by(&[(1, Span::days(1)), (2, Span::days(1)), (3, Span::days(1))])
        .run();
    let kinds: Vec<_> = restrictions(&changes).iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [RestrictionKind::Warning, RestrictionKind::TierLowered]
    );
}

// ---------------------------------------------------------------------------------------------
// Messaging tiers
// ---------------------------------------------------------------------------------------------

#[test]
fn a_business_that_used_half_its_tier_moves_up() {
    let review = Review::new().reached(125, ago(Span::hours(1)));
    assert_eq!(tier_move(&review.run()), Some((0, 1)));
    let mut review = Review::new().reached(1_000, ago(Span::hours(1)));
    review.business.tier = 1;
    assert_eq!(tier_move(&review.run()), Some((1, 2)));
}

#[test]
fn a_business_that_used_less_than_half_its_tier_stays() {
    let review = Review::new().reached(124, ago(Span::hours(1)));
    assert_eq!(tier_move(&review.run()), None);
}

#[test]
fn half_the_tier_must_be_reached_within_one_rolling_day() {
    let spread = Review::new()
        .reached(70, ago(Span::days(3)))
        .reached(70, ago(Span::hours(1)));
    assert_eq!(tier_move(&spread.run()), None, "140 people, but 70 a day");
    let one_day = Review::new()
        .reached(70, ago(Span::hours(23)))
        .reached(70, ago(Span::hours(1)));
    assert_eq!(tier_move(&one_day.run()), Some((0, 1)));
}

#[test]
fn a_business_that_moved_up_a_day_ago_may_move_up_again() {
    let mut review = Review::new().reached(1_000, ago(Span::hours(2)));
    review.business.tier = 1;
    review.business.tier_since = ago(Span::days(1));
    assert_eq!(tier_move(&review.run()), Some((1, 2)));
}

#[test]
fn at_most_one_step_up_a_day() {
    let mut review = Review::new().reached(1_000, ago(Span::hours(2)));
    review.business.tier = 1;
    review.business.tier_since = ago(just_under(Span::days(1)));
    assert_eq!(tier_move(&review.run()), None);
}

#[test]
fn only_reach_since_the_last_tier_change_counts_for_a_step_up() {
    let mut review = Review::new().reached(1_000, ago(Span::hours(30)));
    review.business.tier = 1;
    review.business.tier_since = ago(Span::hours(25));
    assert_eq!(tier_move(&review.run()), None, "reached before the change");
    review = review.reached(1_000, ago(Span::hours(1)));
    assert_eq!(tier_move(&review.run()), Some((1, 2)));
}

#[test]
fn a_lowered_tier_does_not_climb_while_the_restriction_lasts() {
    let mut review = Review::new().reached(250, ago(Span::hours(1)));
    review.tier_lowered = true;
    assert_eq!(tier_move(&review.run()), None);
    review.tier_lowered = false;
    assert_eq!(tier_move(&review.run()), Some((0, 1)));
}

#[test]
fn a_business_at_low_quality_does_not_move_up() {
    let mut review = Review::new().reached(250, ago(Span::hours(1)));
    review.signals = low_signals();
    assert_eq!(tier_move(&review.run()), None);
}

#[test]
fn the_unlimited_tier_is_the_top() {
    let mut review = Review::new().reached(100_000, ago(Span::hours(1)));
    review.business.tier = config().tiers.top();
    assert_eq!(tier_move(&review.run()), None);
}

#[test]
fn after_a_step_down_the_next_waits_another_7_days_at_low() {
    let mut review = Review::new().low_since(ago(Span::days(10)));
    review.business.tier = 1;
    review.business.tier_since = ago(Span::days(3));
    assert_eq!(tier_move(&review.run()), None);
    review.business.tier_since = ago(Span::days(7));
    assert_eq!(tier_move(&review.run()), Some((1, 0)));
}

#[test]
fn a_business_7_days_at_low_quality_moves_down_a_tier() {
    let mut review = Review::new().low_since(ago(Span::days(7)));
    review.business.tier = 2;
    assert_eq!(tier_move(&review.run()), Some((2, 1)));
}

#[test]
fn a_business_less_than_7_days_at_low_quality_keeps_its_tier() {
    let mut review = Review::new().low_since(ago(just_under(Span::days(7))));
    review.business.tier = 2;
    assert_eq!(tier_move(&review.run()), None);
}

#[test]
fn the_first_tier_cannot_move_down() {
    let review = Review::new().low_since(ago(Span::days(10)));
    assert_eq!(tier_move(&review.run()), None);
}

#[test]
fn standing_gives_the_tier_limit() {
    let mut b = business();
    assert_eq!(standing_at(&b, &[], now()).tier_limit, Some(250));
    b.tier = 1;
    assert_eq!(standing_at(&b, &[], now()).tier_limit, Some(2_000));
    b.tier = config().tiers.top();
    assert_eq!(standing_at(&b, &[], now()).tier_limit, None);
}

#[test]
fn a_lowered_tier_gives_the_limit_one_step_down_until_it_ends() {
    let lowered = restriction_at_strike(2);
    let end = lowered.end.unwrap();
    let mut b = business();
    b.tier = 1;
    let restrictions = std::slice::from_ref(&lowered);
    assert_eq!(standing_at(&b, restrictions, now()).tier_limit, Some(250));
    assert_eq!(standing_at(&b, restrictions, end).tier_limit, Some(2_000));

    b.tier = config().tiers.top();
    assert_eq!(
        standing_at(&b, restrictions, now()).tier_limit,
        Some(100_000)
    );

    b.tier = 0;
    let first = standing_at(&b, restrictions, now()).tier_limit;
    assert_eq!(first, Some(config().tiers.lowered_first_tier));
    assert!(first < Some(250));
}

#[test]
fn a_lowered_tier_stops_new_users_at_the_lower_limit() {
    let mut b = business();
    b.tier = 1;
    let lowered = standing_at(&b, &[restriction_at_strike(2)], now());
    let send = Send::utility().standing(lowered).reached(250);
    rejected(&send, Reason::TierLimitReached);
}

#[test]
fn restrictions_of_another_business_do_not_apply() {
    let mut r = restriction_at_strike(5);
    r.business = OTHER;
    let s = standing_at(&business(), &[r], now());
    assert!(!s.disabled);
}

// ---------------------------------------------------------------------------------------------
// Broadcasts
// ---------------------------------------------------------------------------------------------

/// Runs a broadcast of `category` from a budget: reserve, decide each recipient, charge the
/// delivered ones, settle. Returns the reservation, the number delivered and the settlement.
fn broadcast(category: Category, recipients: &[Send], budget: i64) -> (i64, usize, Settlement) {
    let pricing = Pricing::default();
    let q = quote(
        category,
        recipients.len() as u32,
        recipients.len() as u32,
        budget,
        &pricing,
    )
    .expect("budget enough");
    let mut delivered = 0;
    let mut charged = 0;
    for send in recipients {
        if send.decide().outcome == Outcome::Deliver {
            delivered += 1;
            charged +=
                pricing.charge_for(category, window_open(&send.relation, &config(), send.at));
        }
    }
    (q.reserved, delivered, settle(&q, charged))
}

#[test]
fn a_broadcast_reserves_the_price_of_its_whole_audience() {
    let q = quote(Category::Marketing, 10, 10, 1_000, &Pricing::default()).unwrap();
    assert_eq!(q.reserved, 10 * 25);
    assert_eq!(q.budget_after_reserve, 1_000 - 10 * 25);
    let q = quote(Category::Utility, 10, 10, 1_000, &Pricing::default()).unwrap();
    assert_eq!(q.reserved, 10 * 4);
    let q = quote(Category::Authentication, 10, 10, 1_000, &Pricing::default()).unwrap();
    assert_eq!(q.reserved, 10 * 3);
}

#[test]
fn a_budget_of_exactly_the_reservation_is_enough() {
    let q = quote(Category::Marketing, 10, 10, 250, &Pricing::default()).unwrap();
    assert_eq!(q.budget_after_reserve, 0);
}

#[test]
fn a_broadcast_the_budget_cannot_cover_is_refused_with_the_shortfall() {
    let err = quote(Category::Marketing, 10, 10, 240, &Pricing::default()).unwrap_err();
    assert_eq!((err.needed, err.available, err.shortfall), (250, 240, 10));
    assert!(err.to_string().starts_with("insufficient_budget"), "{err}");
}

#[test]
fn a_broadcast_charges_only_delivered_messages_and_refunds_the_rest() {
    let audience = [
        Send::marketing(),
        Send::marketing().unsubscribed(),
        Send::marketing().blocked(),
        Send::marketing().daily_cap_reached(),
        Send::marketing().offer_from(OTHER, Span::hours(1)),
    ];
    let (reserved, delivered, s) = broadcast(Category::Marketing, &audience, 1_000);
    assert_eq!(delivered, 2);
    assert_eq!(reserved, 5 * 25);
    assert_eq!(s.charged, 2 * 25);
    assert_eq!(s.refunded, 3 * 25);
    assert_eq!(s.budget_after, 1_000 - 2 * 25);
}

#[test]
fn a_utility_broadcast_is_free_inside_an_open_service_window() {
    let audience = [
        Send::utility().user_wrote(Span::hours(2)),
        Send::utility(),
        Send::utility().user_wrote(Span::hours(24)),
    ];
    let (reserved, delivered, s) = broadcast(Category::Utility, &audience, 100);
    assert_eq!(delivered, 3);
    assert_eq!(reserved, 3 * 4);
    assert_eq!(s.charged, 2 * 4);
    assert_eq!(s.budget_after, 100 - 2 * 4);
}

#[test]
fn only_utility_is_free_in_the_service_window() {
    let p = Pricing::default();
    assert_eq!(p.charge_for(Category::Utility, true), 0);
    assert_eq!(p.charge_for(Category::Marketing, true), 25);
    assert_eq!(p.charge_for(Category::Authentication, true), 3);
}

// ---------------------------------------------------------------------------------------------
// Template review: promotional words in every form
// ---------------------------------------------------------------------------------------------

fn reviewed_as_utility(body: &str) -> (TemplateStatus, Category, ReviewRule) {
    let submission = parley::policy::review::Submission {
        category: Category::Utility,
        body,
        allow_recategorise: true,
    };
    let r = parley::policy::review::review(&submission, &config());
    (r.status, r.category, r.rule)
}

#[test]
fn promotional_words_in_any_form_make_a_utility_template_marketing() {
    let marketing = (
        TemplateStatus::Approved,
        Category::Marketing,
        ReviewRule::PromotionalRecategorised,
    );
    for body in [
        "Your order {{1}}: see our offers",
        "Order {{1}} shipped. More DEALS inside",
        "Pedido {{1}} enviado. Mira nuestras ofertas",
        "Pedido {{1}}: descuentos para ti",
        "Rebajas en tu pedido {{1}}",
        "Tu pedido {{1}}: una PROMOCIÓN especial",
        "Pedido {{1}}: promociones de la semana",
        "Pedido {{1}}: descuénto aplicado",
    ] {
        assert_eq!(reviewed_as_utility(body), marketing, "{body}");
    }
}

#[test]
fn words_that_only_begin_like_promotional_ones_stay_utility() {
    for body in [
        "Freedom Street depot: parcel {{1}} is ready",
        "Your offering of {{1}} was received",
        "Salesforce ticket {{1}} updated",
    ] {
        assert_eq!(
            reviewed_as_utility(body),
            (
                TemplateStatus::Approved,
                Category::Utility,
                ReviewRule::Passed
            ),
            "{body}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Recovery advice
// ---------------------------------------------------------------------------------------------

/// The standing of `US` with five strikes, disabled.
fn disabled_report() -> StandingReport {
    let strikes: Vec<Strike> = (1..=5)
        .map(|i| strike(ago(Span::days(10 * i)), StrikeCause::Reports))
        .rev()
        .collect();
    StandingReport {
        business: business(),
        signals: clean_signals(),
        enough_recent_data: true,
        window_days: 7,
        read_rate: None,
        standing: Standing {
            disabled: true,
            sending_suspended_until: None,
            marketing_suspended_until: None,
            tier_limit: Some(250),
        },
        tier_limit: Some(250),
        reached: 0,
        strikes,
        restrictions: Vec::new(),
        review: Default::default(),
    }
}

#[test]
fn a_disabled_business_is_not_told_what_the_next_strike_brings() {
    let advice = sentences::advice(&parley::policy::recovery::advice(
        &disabled_report(),
        &[],
        &config(),
        now(),
    ));
    let text = advice.join("\n");
    assert!(text.contains("The business is disabled"), "{text}");
    assert!(text.contains("5 strikes in 90 days"), "{text}");
    assert!(!text.contains("next strike"), "{text}");
    assert!(
        !text.contains("below") && !text.contains("above"),
        "the advice reads the same wherever the strikes are shown: {text}"
    );
}

/// A reviewer's decision on the business, `at`.
fn decided(verdict: Verdict, at: Timestamp) -> ReviewDecision {
    ReviewDecision {
        business: business().id,
        verdict,
        reviewer: "rita".into(),
        reason: "One mistaken campaign".into(),
        at,
    }
}

#[test]
fn the_advice_asks_for_a_review_once_and_then_gives_the_reviewers_reason() {
    let mut report = disabled_report();
    let text = sentences::advice(&parley::policy::recovery::advice(
        &report,
        &[],
        &config(),
        now(),
    ))
    .join("\n");
    assert!(text.contains("Ask for a review"), "{text}");

    report.review.waiting = Some(ReviewRequest {
        business: business().id,
        note: String::new(),
        at: ago(Span::hours(2)),
    });
    let text = sentences::advice(&parley::policy::recovery::advice(
        &report,
        &[],
        &config(),
        now(),
    ))
    .join("\n");
    assert!(text.contains("A review was asked on"), "{text}");
    assert!(!text.contains("Ask for a review"), "asked already: {text}");

    let mut reinstated = disabled_report();
    reinstated.standing.disabled = false;
    reinstated.review.decisions = vec![decided(Verdict::Reinstated, ago(Span::hours(1)))];
    let text = sentences::advice(&parley::policy::recovery::advice(
        &reinstated,
        &[],
        &config(),
        now(),
    ))
    .join("\n");
    assert!(
        text.contains("Reinstated by rita") && text.contains("One mistaken campaign"),
        "{text}"
    );
    assert!(
        text.contains("The next strike brings: business disabled"),
        "the strikes before it still count: {text}"
    );

    reinstated.review.decisions = vec![decided(Verdict::Reinstated, ago(Span::days(91)))];
    let text = sentences::advice(&parley::policy::recovery::advice(
        &reinstated,
        &[],
        &config(),
        now(),
    ))
    .join("\n");
    assert!(
        !text.contains("Reinstated"),
        "once the strikes before it stop counting, it is history: {text}"
    );
}

// --- the sentences, written from the decision's facts ----------------------------------------

fn in_spanish(d: &Decision) -> String {
    let spanish = parley::i18n::Catalogues::embedded()
        .get("es")
        .expect("Spanish ships");
    parley::i18n::scoped(spanish, || sentences::decision(d))
}

#[test]
fn the_english_sentences_read_as_they_always_did() {
    let cases = [
        (
            Send::utility(),
            "Delivered: utility message, template approved on 26 Sep; utility is never capped.",
        ),
        (
            Send::marketing(),
            "Delivered: an offer from Acme, which you subscribe to; 1 of your 4 daily offers and 1 of 2 weekly from it.",
        ),
        (
            Send::marketing().daily_cap_reached(),
            "Held: you already received 4 offers in the last 24 hours (your limit is 4).",
        ),
        (
            Send::marketing().offers_from(US, &[Span::hours(1), Span::hours(2)]),
            "Held: Acme already sent you 2 offers in the last 7 days (your limit is 2).",
        ),
        (
            Send::marketing().unsubscribed(),
            "Held: an offer from Acme, and you are not subscribed to its offers.",
        ),
        (
            Send::marketing().all_offers_off(),
            "Held: you turned all offers off.",
        ),
        (
            Send::utility().blocked(),
            "Rejected: you blocked Acme on 23 Nov; nothing it sends reaches you.",
        ),
        (
            Send::utility().tier_full(),
            "Rejected: Acme already reached its limit of 250 people today.",
        ),
        (
            Send::reply().user_wrote(Span::days(3)),
            "Rejected: free-form text from Acme needs a message from you in the last 24 hours.",
        ),
    ];
    for (send, sentence) in cases {
        let d = send.decide();
        assert_eq!(d.sentence, sentence);
        assert_eq!(
            sentences::decision(&d),
            sentence,
            "the facts write it again"
        );
    }
}

#[test]
fn a_count_of_one_is_said_in_the_singular_in_both_languages() {
    let tier_of_one = Send::utility()
        .standing(Standing {
            tier_limit: Some(1),
            ..Standing::default()
        })
        .reached(1);
    let d = tier_of_one.decide();
    assert_eq!(
        d.sentence,
        "Rejected: Acme already reached its limit of 1 person today."
    );
    assert_eq!(
        in_spanish(&d),
        "Rechazado: Acme ya alcanzó hoy su límite de 1 persona."
    );
    let one_a_day = Send::marketing().caps(1, 2).offers_from_others(1);
    let d = one_a_day.decide();
    assert_eq!(
        d.sentence,
        "Held: you already received 1 offer in the last 24 hours (your limit is 1)."
    );
    assert_eq!(
        in_spanish(&d),
        "Retenido: ya recibiste 1 oferta en las últimas 24 horas (tu límite es 1)."
    );
}

#[test]
fn a_delivered_offer_reads_right_in_spanish() {
    assert_eq!(
        in_spanish(&Send::marketing().decide()),
        "Entregado: una oferta de Acme, a cuyas ofertas te suscribiste; 1 de tus 4 ofertas \
         diarias y 1 de 2 semanales de esta empresa."
    );
    assert_eq!(
        in_spanish(&Send::utility().decide()),
        "Entregado: aviso, plantilla aprobada el 26 sept; los avisos nunca tienen límite."
    );
}

#[test]
fn held_messages_read_right_in_spanish() {
    // 23:30 UTC is 00:30 in Madrid, inside quiet hours from 22:00 to 07:00.
    let quiet = Send::marketing()
        .quiet_hours(22, 7)
        .in_zone("Europe/Madrid")
        .at_clock(23, 30);
    assert_eq!(
        in_spanish(&quiet.decide()),
        "Retenido: llegó a las 00:30 en tu hora (Europe/Madrid), en tus horas de silencio \
         (22:00-07:00); te llegará cuando terminen."
    );
    assert_eq!(
        in_spanish(&Send::marketing().daily_cap_reached().decide()),
        "Retenido: ya recibiste 4 ofertas en las últimas 24 horas (tu límite es 4)."
    );
    assert_eq!(
        in_spanish(&Send::marketing().unsubscribed().decide()),
        "Retenido: una oferta de Acme, y no te has suscrito a sus ofertas."
    );
}

#[test]
fn rejected_messages_read_right_in_spanish() {
    assert_eq!(
        in_spanish(&Send::utility().blocked().decide()),
        "Rechazado: bloqueaste a Acme el 23 nov; nada de lo que envía te llega."
    );
    assert_eq!(
        in_spanish(&Send::reply().user_wrote(Span::days(3)).decide()),
        "Rechazado: el texto libre de Acme necesita un mensaje tuyo en las últimas 24 horas."
    );
}

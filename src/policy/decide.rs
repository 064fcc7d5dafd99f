//! The decision for one message to one user: rules 1 to 11 of POLICY.md, in order; the first
//! rule that applies decides.

use super::{MarketingHistory, PolicyConfig};
use crate::model::{
    BusinessId, Category, Decision, DecisionFacts, Outcome, Reason, Relation, Span, Template,
    TemplateStatus, Timestamp, UserPrefs,
};

/// A message a business wants to send: free-form when `template` is `None`.
#[derive(Debug, Clone, Copy)]
pub struct Outgoing<'a> {
    pub business: BusinessId,
    pub business_name: &'a str,
    pub template: Option<&'a Template>,
}

impl Outgoing<'_> {
    /// The category: the template's, or service for free-form text.
    pub fn category(&self) -> Category {
        self.template.map_or(Category::Service, |t| t.category)
    }

    /// Whether the business starts the conversation (a template) rather than replying.
    pub fn business_initiated(&self) -> bool {
        self.template.is_some()
    }
}

/// The restrictions in force on a business at the moment of sending.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    utoipa::ToSchema,
)]
pub struct Standing {
    pub disabled: bool,
    /// End of a suspension of all business-initiated sending.
    pub sending_suspended_until: Option<Timestamp>,
    /// End of a suspension of marketing.
    pub marketing_suspended_until: Option<Timestamp>,
    /// The business's messaging tier limit now; `None` is unlimited.
    pub tier_limit: Option<u32>,
}

/// The user a message is for: their settings, their choices about this business, and the
/// marketing they have already received.
#[derive(Debug, Clone, Copy)]
pub struct Recipient<'a> {
    pub prefs: &'a UserPrefs,
    pub relation: &'a Relation,
    pub history: &'a MarketingHistory,
}

/// Unique users the business reached with business-initiated messages in the tier window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reach {
    pub unique_users: u32,
    /// Whether this recipient is already among them.
    pub includes_recipient: bool,
}

/// Decides one message for one user at `now`.
pub fn decide(
    out: &Outgoing,
    standing: &Standing,
    to: &Recipient,
    reach: Reach,
    config: &PolicyConfig,
    now: Timestamp,
) -> Decision {
    let name = out.business_name;
    sending_allowed(out, standing, now)
        .or_else(|| not_blocked(name, to.relation))
        .or_else(|| template_usable(out, now))
        .or_else(|| service_window_open(out, to.relation, config, now))
        .or_else(|| within_tier(out, standing, reach))
        .or_else(|| marketing_rules(out, standing, to, config, now))
        .unwrap_or_else(|| delivered(out, to, config, now))
}

/// Rule 1.
fn sending_allowed(out: &Outgoing, standing: &Standing, now: Timestamp) -> Option<Decision> {
    let business = Some(out.business_name.to_string());
    if standing.disabled {
        let facts = DecisionFacts {
            business,
            ..DecisionFacts::default()
        };
        return Some(reject(Reason::BusinessSuspended, facts));
    }
    match standing.sending_suspended_until {
        Some(until) if until > now && out.business_initiated() => {
            let facts = DecisionFacts {
                business,
                until: Some(until),
                ..DecisionFacts::default()
            };
            Some(reject(Reason::BusinessSuspended, facts))
        }
        _ => None,
    }
}

fn reject(reason: Reason, facts: DecisionFacts) -> Decision {
    Decision::explained(Outcome::Reject, reason, facts)
}

fn hold(reason: Reason, facts: DecisionFacts) -> Decision {
    Decision::explained(Outcome::Hold, reason, facts)
}

fn deliver(reason: Reason, facts: DecisionFacts) -> Decision {
    Decision::explained(Outcome::Deliver, reason, facts)
}

/// Rule 2.
fn not_blocked(name: &str, relation: &Relation) -> Option<Decision> {
    relation.blocked.map(|_| {
        let facts = DecisionFacts {
            business: Some(name.to_string()),
            on: relation.blocked_at,
            ..DecisionFacts::default()
        };
        reject(Reason::BlockedByUser, facts)
    })
}

/// Rule 3.
fn template_usable(out: &Outgoing, now: Timestamp) -> Option<Decision> {
    let template = out.template?;
    let mut facts = DecisionFacts {
        template: Some(template.name.clone()),
        ..DecisionFacts::default()
    };
    let reason = match template.status_at(now) {
        TemplateStatus::Approved => return None,
        TemplateStatus::Pending | TemplateStatus::Rejected => {
            facts.review = Some(template.review);
            Reason::TemplateNotApproved
        }
        TemplateStatus::Paused => {
            facts.until = template.paused_until;
            Reason::TemplatePaused
        }
        TemplateStatus::Disabled => Reason::TemplateDisabled,
        TemplateStatus::Deleted => Reason::TemplateDeleted,
    };
    Some(reject(reason, facts))
}

/// Rule 4.
fn service_window_open(
    out: &Outgoing,
    relation: &Relation,
    config: &PolicyConfig,
    now: Timestamp,
) -> Option<Decision> {
    if out.business_initiated() || window_open(relation, config, now) {
        return None;
    }
    let facts = DecisionFacts {
        business: Some(out.business_name.to_string()),
        hours: Some(config.service_window.hours),
        ..DecisionFacts::default()
    };
    Some(reject(Reason::OutsideServiceWindow, facts))
}

/// Whether the user wrote to the business within the service window.
pub fn window_open(relation: &Relation, config: &PolicyConfig, now: Timestamp) -> bool {
    relation
        .last_user_message_at
        .is_some_and(|t| t <= now && now - t < config.service_window.span())
}

/// When the service window the user opened closes; `None` when it is not open at `now`.
pub fn window_closes(
    relation: &Relation,
    config: &PolicyConfig,
    now: Timestamp,
) -> Option<Timestamp> {
    let opened = relation.last_user_message_at?;
    window_open(relation, config, now).then(|| opened + config.service_window.span())
}

/// Rule 5.
fn within_tier(out: &Outgoing, standing: &Standing, reach: Reach) -> Option<Decision> {
    let limit = standing.tier_limit?;
    if !out.business_initiated() || reach.includes_recipient || reach.unique_users < limit {
        return None;
    }
    let facts = DecisionFacts {
        business: Some(out.business_name.to_string()),
        limit: Some(limit),
        ..DecisionFacts::default()
    };
    Some(reject(Reason::TierLimitReached, facts))
}

/// Rules 6 to 10, for marketing only.
fn marketing_rules(
    out: &Outgoing,
    standing: &Standing,
    to: &Recipient,
    config: &PolicyConfig,
    now: Timestamp,
) -> Option<Decision> {
    if out.category() != Category::Marketing {
        return None;
    }
    let business = || Some(out.business_name.to_string());
    if let Some(until) = standing.marketing_suspended_until.filter(|u| *u > now) {
        let facts = DecisionFacts {
            business: business(),
            until: Some(until),
            ..DecisionFacts::default()
        };
        return Some(reject(Reason::MarketingSuspended, facts));
    }
    if !to.prefs.all_offers {
        return Some(hold(Reason::NotSubscribed, DecisionFacts::default()));
    }
    if !to.relation.subscribed {
        let facts = DecisionFacts {
            business: business(),
            ..DecisionFacts::default()
        };
        return Some(hold(Reason::NotSubscribed, facts));
    }
    over_caps(out, to, config, now)
        .or_else(|| not_interested(out, to, config, now))
        .or_else(|| quiet_hours(to.prefs, now))
}

/// Rule 8.
fn over_caps(
    out: &Outgoing,
    to: &Recipient,
    config: &PolicyConfig,
    now: Timestamp,
) -> Option<Decision> {
    let (daily, weekly) = cap_counts(out.business, to.history, config, now);
    let prefs = to.prefs;
    if daily >= prefs.daily_marketing_cap {
        let facts = DecisionFacts {
            count: Some(daily),
            hours: Some(config.caps.daily_window_hours),
            limit: Some(prefs.daily_marketing_cap),
            ..DecisionFacts::default()
        };
        return Some(hold(Reason::UserMarketingCap, facts));
    }
    if weekly >= prefs.weekly_business_cap {
        let facts = DecisionFacts {
            business: Some(out.business_name.to_string()),
            count: Some(weekly),
            days: Some(config.caps.weekly_window_days),
            limit: Some(prefs.weekly_business_cap),
            ..DecisionFacts::default()
        };
        return Some(hold(Reason::UserMarketingCap, facts));
    }
    None
}

fn cap_counts(
    business: BusinessId,
    history: &MarketingHistory,
    config: &PolicyConfig,
    now: Timestamp,
) -> (u32, u32) {
    let daily = history.count_all(now - Span::hours(config.caps.daily_window_hours), now);
    let weekly = history.count_from(
        business,
        now - Span::days(config.caps.weekly_window_days),
        now,
    );
    (daily, weekly)
}

/// Rule 9.
fn not_interested(
    out: &Outgoing,
    to: &Recipient,
    config: &PolicyConfig,
    now: Timestamp,
) -> Option<Decision> {
    let ni = &config.not_interested;
    if !to
        .relation
        .not_interested_since(now - Span::days(ni.lasts_days))
    {
        return None;
    }
    let recent = to
        .history
        .count_from(out.business, now - Span::days(ni.window_days), now);
    (recent >= ni.max_per_window).then(|| {
        let facts = DecisionFacts {
            business: Some(out.business_name.to_string()),
            limit: Some(ni.max_per_window),
            days: Some(ni.window_days),
            ..DecisionFacts::default()
        };
        hold(Reason::NotInterestedRecently, facts)
    })
}

/// Rule 10: quiet hours on the user's own clocks, daylight saving included.
fn quiet_hours(prefs: &UserPrefs, now: Timestamp) -> Option<Decision> {
    let quiet = prefs.quiet_hours.filter(|_| prefs.in_quiet_hours(now))?;
    let zone = prefs.zone();
    let facts = DecisionFacts {
        zone: Some(zone.name().to_string()),
        local_time: Some(zone.clock_at(now)),
        quiet_start: Some(quiet.start),
        quiet_end: Some(quiet.end),
        ..DecisionFacts::default()
    };
    Some(hold(Reason::QuietHours, facts))
}

/// Rule 11.
fn delivered(out: &Outgoing, to: &Recipient, config: &PolicyConfig, now: Timestamp) -> Decision {
    let mut facts = DecisionFacts {
        approved: out.template.and_then(|t| t.approved_at),
        ..DecisionFacts::default()
    };
    let reason = match out.category() {
        Category::Utility => Reason::UtilityUpdate,
        Category::Authentication => Reason::AuthenticationCode,
        Category::Service => {
            facts.business = Some(out.business_name.to_string());
            facts.hours = Some(config.service_window.hours);
            Reason::ServiceReply
        }
        Category::Marketing => {
            let (daily, weekly) = cap_counts(out.business, to.history, config, now);
            facts.business = Some(out.business_name.to_string());
            facts.count = Some(daily + 1);
            facts.limit = Some(to.prefs.daily_marketing_cap);
            facts.weekly_count = Some(weekly + 1);
            facts.weekly_limit = Some(to.prefs.weekly_business_cap);
            Reason::SubscribedOffer
        }
    };
    deliver(reason, facts)
}

//! The decision for one message to one user: rules 1 to 11 of POLICY.md, in order; the first
//! rule that applies decides.

use super::{MarketingHistory, PolicyConfig};
use crate::model::{
    BusinessId, Category, Decision, Reason, Relation, Span, Template, TemplateStatus, Timestamp,
    UserPrefs,
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
    let name = out.business_name;
    if standing.disabled {
        return Some(Decision::reject(
            Reason::BusinessSuspended,
            format!(
                "Rejected: the platform has disabled {name}; it may not send anything until it is reviewed."
            ),
        ));
    }
    match standing.sending_suspended_until {
        Some(until) if until > now && out.business_initiated() => Some(Decision::reject(
            Reason::BusinessSuspended,
            format!(
                "Rejected: {name} may not start conversations until {} after repeated violations.",
                until.short_date()
            ),
        )),
        _ => None,
    }
}

/// Rule 2.
fn not_blocked(name: &str, relation: &Relation) -> Option<Decision> {
    relation.blocked.map(|_| {
        let when = relation
            .blocked_at
            .map(|t| format!(" on {}", t.short_date()))
            .unwrap_or_default();
        Decision::reject(
            Reason::BlockedByUser,
            format!("Rejected: you blocked {name}{when}; nothing it sends reaches you."),
        )
    })
}

/// Rule 3.
fn template_usable(out: &Outgoing, now: Timestamp) -> Option<Decision> {
    let template = out.template?;
    let tname = &template.name;
    match template.status_at(now) {
        TemplateStatus::Approved => None,
        TemplateStatus::Pending | TemplateStatus::Rejected => Some(Decision::reject(
            Reason::TemplateNotApproved,
            format!(
                "Rejected: template '{tname}' has not passed review ({}).",
                template.review
            ),
        )),
        TemplateStatus::Paused => Some(Decision::reject(
            Reason::TemplatePaused,
            format!(
                "Rejected: template '{tname}' is paused for low quality until {}.",
                template
                    .paused_until
                    .map_or_else(String::new, |t| t.date_time())
            ),
        )),
        TemplateStatus::Disabled => Some(Decision::reject(
            Reason::TemplateDisabled,
            format!("Rejected: template '{tname}' was disabled after repeated low quality."),
        )),
        TemplateStatus::Deleted => Some(Decision::reject(
            Reason::TemplateDeleted,
            format!("Rejected: template '{tname}' was deleted by its business."),
        )),
    }
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
    Some(Decision::reject(
        Reason::OutsideServiceWindow,
        format!(
            "Rejected: free-form text from {} needs a message from you in the last {} hours.",
            out.business_name, config.service_window.hours
        ),
    ))
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
    Some(Decision::reject(
        Reason::TierLimitReached,
        format!(
            "Rejected: {} already reached its limit of {limit} people today.",
            out.business_name
        ),
    ))
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
    let name = out.business_name;
    if let Some(until) = standing.marketing_suspended_until.filter(|u| *u > now) {
        return Some(Decision::reject(
            Reason::MarketingSuspended,
            format!(
                "Rejected: {name} may not send offers until {}.",
                until.short_date()
            ),
        ));
    }
    if !to.prefs.all_offers {
        return Some(Decision::hold(
            Reason::NotSubscribed,
            "Held: you turned all offers off.",
        ));
    }
    if !to.relation.subscribed {
        return Some(Decision::hold(
            Reason::NotSubscribed,
            format!("Held: an offer from {name}, and you are not subscribed to its offers."),
        ));
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
        return Some(Decision::hold(
            Reason::UserMarketingCap,
            format!(
                "Held: you already received {daily} offers in the last {} hours (your limit is {}).",
                config.caps.daily_window_hours, prefs.daily_marketing_cap
            ),
        ));
    }
    if weekly >= prefs.weekly_business_cap {
        return Some(Decision::hold(
            Reason::UserMarketingCap,
            format!(
                "Held: {} already sent you {weekly} offers in the last {} days (your limit is {}).",
                out.business_name, config.caps.weekly_window_days, prefs.weekly_business_cap
            ),
        ));
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
        Decision::hold(
            Reason::NotInterestedRecently,
            format!(
                "Held: you said Not interested to {}, so it may send you at most {} offer every {} days.",
                out.business_name, ni.max_per_window, ni.window_days
            ),
        )
    })
}

/// Rule 10: quiet hours on the user's own clocks, daylight saving included.
fn quiet_hours(prefs: &UserPrefs, now: Timestamp) -> Option<Decision> {
    let quiet = prefs.quiet_hours.filter(|_| prefs.in_quiet_hours(now))?;
    let zone = prefs.zone();
    Some(Decision::hold(
        Reason::QuietHours,
        format!(
            "Held: it arrived at {} your time ({zone}), in your quiet hours ({:02}:00-{:02}:00); it comes through when they end.",
            zone.clock_at(now),
            quiet.start,
            quiet.end,
        ),
    ))
}

/// Rule 11.
fn delivered(out: &Outgoing, to: &Recipient, config: &PolicyConfig, now: Timestamp) -> Decision {
    let approved = out
        .template
        .and_then(|t| t.approved_at)
        .map(|t| format!("template approved on {}", t.short_date()))
        .unwrap_or_else(|| "approved template".to_string());
    match out.category() {
        Category::Utility => Decision::deliver(
            Reason::UtilityUpdate,
            format!("Delivered: utility message, {approved}; utility is never capped."),
        ),
        Category::Authentication => Decision::deliver(
            Reason::AuthenticationCode,
            format!("Delivered: one-time code, {approved}; codes are never capped."),
        ),
        Category::Service => Decision::deliver(
            Reason::ServiceReply,
            format!(
                "Delivered: a reply inside the {}-hour window you opened by writing to {}.",
                config.service_window.hours, out.business_name
            ),
        ),
        Category::Marketing => {
            let (daily, weekly) = cap_counts(out.business, to.history, config, now);
            Decision::deliver(
                Reason::SubscribedOffer,
                format!(
                    "Delivered: an offer from {}, which you subscribe to; {} of your {} daily offers and {} of {} weekly from it.",
                    out.business_name,
                    daily + 1,
                    to.prefs.daily_marketing_cap,
                    weekly + 1,
                    to.prefs.weekly_business_cap
                ),
            )
        }
    }
}

use super::limits::{MAX_NAME_CHARS, MAX_TEMPLATE_NAME_CHARS};
use super::text::clean_line;
use super::{ReviewRule, Timestamp};
use serde::{Deserialize, Serialize};

code_enum!(
    /// What happens to one message for one user.
    Outcome {
        Deliver = "deliver",
        Hold = "hold",
        Reject = "reject",
    }
);

impl Outcome {}

code_enum!(
    /// The reason code behind a decision; the codes of POLICY.md plus the reasons a message is
    /// delivered.
    Reason {
        BusinessSuspended = "business_suspended",
        BlockedByUser = "blocked_by_user",
        TemplateNotApproved = "template_not_approved",
        TemplatePaused = "template_paused",
        TemplateDisabled = "template_disabled",
        TemplateDeleted = "template_deleted",
        OutsideServiceWindow = "outside_service_window",
        TierLimitReached = "tier_limit_reached",
        MarketingSuspended = "marketing_suspended",
        NotSubscribed = "not_subscribed",
        UserMarketingCap = "user_marketing_cap",
        NotInterestedRecently = "not_interested_recently",
        QuietHours = "quiet_hours",
        /// Delivered: a marketing message within the rules.
        SubscribedOffer = "subscribed_offer",
        /// Delivered: utility is never capped.
        UtilityUpdate = "utility_update",
        /// Delivered: a one-time code is never capped.
        AuthenticationCode = "authentication_code",
        /// Delivered: a reply inside the service window the user opened.
        ServiceReply = "service_reply",
        /// Delivered: a message from a friend.
        Personal = "personal",
        /// Delivered: written by the user.
        Sent = "sent",
        /// Delivered: the user released it from Held.
        ReleasedByUser = "released_by_user",
    }
);

impl Reason {}

/// The values a decision's sentence needs, kept beside its reason code so that the sentence
/// can be written in any language (`i18n::sentences`). Every field is optional: which ones a
/// decision carries tells apart the cases of one reason (a daily cap has `hours`, a weekly
/// one `days`; "not subscribed" names its `business`, "all offers off" does not).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DecisionFacts {
    /// The business's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 65)]
    pub business: Option<String>,
    /// The template's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 65)]
    pub template: Option<String>,
    /// The review rule that kept a template from approval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewRule>,
    /// When the template was approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<Timestamp>,
    /// When the user acted: blocked the business, released the message from Held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<Timestamp>,
    /// Why a message released from Held had been held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_for: Option<Reason>,
    /// When a suspension or a template's pause ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Timestamp>,
    /// A window in hours: the service window, the daily cap's window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<i64>,
    /// A window in days: the weekly cap's, a "Not interested"'s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<i64>,
    /// How many: offers received in the window (this one included when delivered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// The limit the count is held to: a cap, a tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Offers from this business this week, this one included (a delivered offer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly_count: Option<u32>,
    /// The user's weekly limit for one business (a delivered offer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly_limit: Option<u32>,
    /// The user's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 64)]
    pub zone: Option<String>,
    /// The time of day in the user's zone when the message arrived ("23:00").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 5)]
    pub local_time: Option<String>,
    /// The quiet hours' start, an hour of the day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiet_start: Option<u32>,
    /// The quiet hours' end, an hour of the day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiet_end: Option<u32>,
    /// Delivered after waiting for the user's quiet hours to end.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub waited_quiet_hours: bool,
    /// Held because it came before the user subscribed to the business's offers.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub before_subscribing: bool,
}

impl DecisionFacts {
    /// The facts with their text cleaned and bounded, as they are kept from outside.
    pub fn cleaned(&self) -> DecisionFacts {
        let line = |t: &Option<String>, max: usize| t.as_deref().map(|t| clean_line(t, max));
        DecisionFacts {
            business: line(&self.business, MAX_NAME_CHARS),
            template: line(&self.template, MAX_TEMPLATE_NAME_CHARS),
            zone: line(&self.zone, MAX_NAME_CHARS),
            local_time: line(&self.local_time, 5),
            ..self.clone()
        }
    }

    /// The facts as a store keeps them in a column.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.cleaned()).unwrap_or_default()
    }

    /// Facts read back from a store's column; `None` when the text is not facts.
    pub fn from_json(text: &str) -> Option<DecisionFacts> {
        serde_json::from_str(text).ok()
    }
}

/// The policy engine's answer for one message to one user: the outcome, the reason code, the
/// values its sentence needs, and the sentence in English as it is stored and sent to clients
/// that do not read the facts (empty until `i18n::sentences` writes it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Decision {
    pub outcome: Outcome,
    pub reason: Reason,
    /// What the sentence says, for writing it in the reader's language; none on decisions
    /// kept before the facts were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<Box<DecisionFacts>>,
    pub sentence: String,
}

impl Decision {
    /// A delivery.
    pub fn deliver(reason: Reason, sentence: impl Into<String>) -> Decision {
        Decision::written(Outcome::Deliver, reason, sentence.into())
    }

    /// A hold.
    pub fn hold(reason: Reason, sentence: impl Into<String>) -> Decision {
        Decision::written(Outcome::Hold, reason, sentence.into())
    }

    /// A rejection.
    pub fn reject(reason: Reason, sentence: impl Into<String>) -> Decision {
        Decision::written(Outcome::Reject, reason, sentence.into())
    }

    /// A decision with the facts its sentence is written from.
    pub fn explained(outcome: Outcome, reason: Reason, facts: DecisionFacts) -> Decision {
        Decision {
            outcome,
            reason,
            facts: Some(Box::new(facts)),
            sentence: String::new(),
        }
    }

    /// The facts as a store keeps them in a column, when there are any.
    pub fn facts_json(&self) -> Option<String> {
        self.facts.as_deref().map(DecisionFacts::to_json)
    }

    fn written(outcome: Outcome, reason: Reason, sentence: String) -> Decision {
        Decision {
            outcome,
            reason,
            facts: None,
            sentence,
        }
    }
}

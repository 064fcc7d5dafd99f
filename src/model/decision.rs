use serde::{Deserialize, Serialize};

code_enum!(
    /// What happens to one message for one user.
    Outcome {
        Deliver = "deliver",
        Hold = "hold",
        Reject = "reject",
    }
);

impl Outcome {
    /// "Delivered", "Held", "Rejected".
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Deliver => "Delivered",
            Outcome::Hold => "Held",
            Outcome::Reject => "Rejected",
        }
    }
}

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

impl Reason {
    /// What the reason means to the business that sent the message.
    pub fn for_business(self) -> &'static str {
        match self {
            Reason::BusinessSuspended => "your sending is suspended",
            Reason::BlockedByUser => "the person blocked you",
            Reason::TemplateNotApproved => "the template is not approved",
            Reason::TemplatePaused => "the template is paused",
            Reason::TemplateDisabled => "the template is disabled",
            Reason::TemplateDeleted => "the template was deleted",
            Reason::OutsideServiceWindow => "no open service window",
            Reason::TierLimitReached => "over your daily messaging tier",
            Reason::MarketingSuspended => "your marketing is suspended",
            Reason::NotSubscribed => "not subscribed to your offers",
            Reason::UserMarketingCap => "their limit of offers is reached",
            Reason::NotInterestedRecently => "they said Not interested lately",
            Reason::QuietHours => "in their quiet hours; sent when they end",
            _ => "delivered",
        }
    }
}

/// The policy engine's answer for one message to one user: the outcome, the reason code and a
/// sentence a person understands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Decision {
    pub outcome: Outcome,
    pub reason: Reason,
    pub sentence: String,
}

impl Decision {
    /// A delivery.
    pub fn deliver(reason: Reason, sentence: impl Into<String>) -> Decision {
        Decision {
            outcome: Outcome::Deliver,
            reason,
            sentence: sentence.into(),
        }
    }

    /// A hold.
    pub fn hold(reason: Reason, sentence: impl Into<String>) -> Decision {
        Decision {
            outcome: Outcome::Hold,
            reason,
            sentence: sentence.into(),
        }
    }

    /// A rejection.
    pub fn reject(reason: Reason, sentence: impl Into<String>) -> Decision {
        Decision {
            outcome: Outcome::Reject,
            reason,
            sentence: sentence.into(),
        }
    }
}

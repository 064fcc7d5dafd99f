use super::{BusinessId, Timestamp};
use serde::{Deserialize, Serialize};

code_enum!(
    /// What a business does, shown on its profile.
    BusinessKind {
        Transport = "transport",
        Delivery = "delivery",
        Energy = "energy",
        Bank = "bank",
        Shop = "shop",
        Grocery = "grocery",
        Finance = "finance",
        Other = "other",
    }
);

impl BusinessKind {
    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            BusinessKind::Transport => "Transport",
            BusinessKind::Delivery => "Parcel delivery",
            BusinessKind::Energy => "Energy",
            BusinessKind::Bank => "Bank",
            BusinessKind::Shop => "Shop",
            BusinessKind::Grocery => "Supermarket",
            BusinessKind::Finance => "Lending",
            BusinessKind::Other => "Business",
        }
    }
}

code_enum!(
    /// A quality rating, for a business or for one template.
    Quality {
        High = "high",
        Medium = "medium",
        Low = "low",
    }
);

impl Quality {
    /// "High", "Medium", "Low".
    pub fn label(self) -> &'static str {
        match self {
            Quality::High => "High",
            Quality::Medium => "Medium",
            Quality::Low => "Low",
        }
    }
}

/// A business and its standing with the platform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Business {
    pub id: BusinessId,
    pub name: String,
    pub verified: bool,
    pub kind: BusinessKind,
    pub quality: Quality,
    /// Index into the messaging tiers (0 = the first tier).
    pub tier: usize,
    /// When the tier last changed (tier moves are at least a week apart).
    pub tier_since: Timestamp,
    /// Since when the business has been at Low quality without a break.
    pub low_since: Option<Timestamp>,
    /// Credits left for broadcasts.
    pub budget: i64,
}

code_enum!(
    /// What earned a business a strike.
    StrikeCause {
        TemplatePaused = "template_paused",
        TemplateDisabled = "template_disabled",
        LowQuality = "low_quality",
        Reports = "reports",
    }
);

/// One strike against a business.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Strike {
    pub business: BusinessId,
    pub at: Timestamp,
    pub cause: StrikeCause,
    /// A sentence saying what happened ("template 'loan_offer' paused for 3 hours").
    pub detail: String,
}

code_enum!(
    /// The steps of the enforcement ladder.
    RestrictionKind {
        Warning = "warning",
        TierLowered = "tier_lowered",
        MarketingSuspended = "marketing_suspended",
        SendingSuspended = "sending_suspended",
        Disabled = "disabled",
    }
);

impl RestrictionKind {
    /// The step of the ladder reached with `strikes` strikes in the window.
    pub fn for_strikes(strikes: usize) -> Option<RestrictionKind> {
        match strikes {
            0 => None,
            1 => Some(RestrictionKind::Warning),
            2 => Some(RestrictionKind::TierLowered),
            3 => Some(RestrictionKind::MarketingSuspended),
            4 => Some(RestrictionKind::SendingSuspended),
            _ => Some(RestrictionKind::Disabled),
        }
    }

    /// What the restriction means, for the business.
    pub fn label(self) -> &'static str {
        match self {
            RestrictionKind::Warning => "Warning",
            RestrictionKind::TierLowered => "Messaging tier lowered one step",
            RestrictionKind::MarketingSuspended => "Marketing suspended",
            RestrictionKind::SendingSuspended => "Business-initiated sending suspended",
            RestrictionKind::Disabled => "Business disabled",
        }
    }
}

/// A restriction on a business, with its reason, start and end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Restriction {
    pub business: BusinessId,
    pub kind: RestrictionKind,
    pub reason: String,
    pub start: Timestamp,
    /// `None` means until a person reviews the business.
    pub end: Option<Timestamp>,
}

impl Restriction {
    /// Whether the restriction restricts at `now`. A warning never does; it is a notice.
    pub fn active_at(&self, now: Timestamp) -> bool {
        self.kind != RestrictionKind::Warning && self.current_at(now)
    }

    /// Whether `now` is within its span: a current warning is shown to the business, though
    /// it restricts nothing.
    pub fn current_at(&self, now: Timestamp) -> bool {
        self.start <= now && self.end.is_none_or(|end| now < end)
    }
}

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

impl BusinessKind {}

code_enum!(
    /// A quality rating, for a business or for one template.
    Quality {
        High = "high",
        Medium = "medium",
        Low = "low",
    }
);

impl Quality {}

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
    /// A sentence saying what happened ("template 'loan_offer' paused for 3 hours"), in
    /// English, as stored and sent to clients that do not read the facts.
    pub detail: String,
    /// What the detail says, for writing it in the reader's language; none on strikes kept
    /// before the facts were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<Box<StrikeFacts>>,
}

/// The values a strike's detail is written from; which are present depends on its cause.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StrikeFacts {
    /// The template paused or disabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 65)]
    pub template: Option<String>,
    /// How long the template is paused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<i64>,
    /// Days at Low quality, or the window the reports were counted in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<i64>,
    /// People who reported the business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<u32>,
}

impl StrikeFacts {
    /// The facts as a store keeps them in a column.
    pub fn to_json(&self) -> String {
        let template = self
            .template
            .as_deref()
            .map(|t| super::text::clean_line(t, super::limits::MAX_TEMPLATE_NAME_CHARS));
        let cleaned = StrikeFacts {
            template,
            ..self.clone()
        };
        serde_json::to_string(&cleaned).unwrap_or_default()
    }

    /// Facts read back from a store's column; `None` when the text is not facts.
    pub fn from_json(text: &str) -> Option<StrikeFacts> {
        serde_json::from_str(text).ok()
    }
}

/// The strike a restriction answers: its number in the window and what it was for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RestrictionCause {
    /// The strike's number among those that count.
    pub count: u32,
    /// The window strikes count in, in days.
    pub window_days: i64,
    pub cause: StrikeCause,
    pub strike: StrikeFacts,
}

impl RestrictionCause {
    /// The cause as a store keeps it in a column.
    pub fn to_json(&self) -> String {
        let strike = StrikeFacts::from_json(&self.strike.to_json()).unwrap_or_default();
        serde_json::to_string(&RestrictionCause {
            strike,
            ..self.clone()
        })
        .unwrap_or_default()
    }

    /// A cause read back from a store's column; `None` when the text is not one.
    pub fn from_json(text: &str) -> Option<RestrictionCause> {
        serde_json::from_str(text).ok()
    }
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
}

/// Why a business's messaging tier moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierReason {
    /// Down: quality Low since then.
    LowSince(Timestamp),
    /// Up: it reached that many people in a tier window of `hours`, at that quality.
    Reached {
        people: u32,
        hours: i64,
        quality: Quality,
    },
}

/// A restriction on a business, with its reason, start and end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Restriction {
    pub business: BusinessId,
    pub kind: RestrictionKind,
    /// Why, in English, as stored and sent to clients that do not read `strike`.
    pub reason: String,
    pub start: Timestamp,
    /// `None` means until a person reviews the business.
    pub end: Option<Timestamp>,
    /// The strike it answers, for writing the reason in the reader's language; none on
    /// restrictions kept before, or not given for a strike.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strike: Option<Box<RestrictionCause>>,
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

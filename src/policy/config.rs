//! Every number of the rules in one place. The defaults equal POLICY.md; `assets/policy.toml`
//! ships the same values and any field can be overridden (the file is read by
//! `crate::config_file`).

use crate::model::Span;
use serde::{Deserialize, Serialize};

/// The most messages a report may keep as evidence.
const MAX_EVIDENCE_MESSAGES: usize = 50;
/// The longest a delivery may answer for a block or report, in days.
const MAX_ATTRIBUTION_DAYS: i64 = 365;

/// The configuration of every rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PolicyConfig {
    pub service_window: SpanConfig,
    pub caps: CapsConfig,
    pub not_interested: NotInterestedConfig,
    pub templates: TemplateConfig,
    pub quality: QualityConfig,
    pub tiers: TierConfig,
    pub enforcement: EnforcementConfig,
    pub signals: SignalConfig,
}

/// A span written in hours in the config file.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpanConfig {
    pub hours: i64,
}

impl SpanConfig {
    pub fn span(self) -> Span {
        Span::hours(self.hours)
    }
}

/// The marketing caps a new user starts with, and their windows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CapsConfig {
    /// Default marketing messages per user per `daily_window_hours`, across all businesses.
    pub daily_all: u32,
    pub daily_window_hours: i64,
    /// Default marketing messages per user per business per `weekly_window_days`.
    pub weekly_per_business: u32,
    pub weekly_window_days: i64,
}

/// The "Not interested" slow-down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NotInterestedConfig {
    pub lasts_days: i64,
    pub max_per_window: u32,
    pub window_days: i64,
}

/// Template review and the pause ladder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TemplateConfig {
    pub max_body_chars: usize,
    pub max_placeholders: usize,
    /// Words and phrases that make a message promotional (matched in any case, with or without
    /// accents, and in their plural forms).
    pub promotional_words: Vec<String>,
    /// Content no template may carry (matched in any case).
    pub forbidden_phrases: Vec<String>,
    /// Hours of the first pause, then of the second; the next low quality disables the template.
    pub pause_hours: Vec<i64>,
}

/// Quality rating of businesses and templates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct QualityConfig {
    pub window_days: i64,
    pub report_weight: u32,
    pub block_weight: u32,
    pub not_interested_weight: u32,
    /// High below this share of negative signals per user reached.
    pub high_below: f64,
    /// Medium below this share; Low from it.
    pub medium_below: f64,
    /// With fewer users reached, the rating keeps its previous value.
    pub min_users: u32,
}

/// Messaging tiers: unique users a business may reach with business-initiated messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct TierConfig {
    /// The limits, lowest first; past the last one, sending is unlimited.
    pub limits: Vec<u32>,
    /// The limit of a business in the first tier whose tier is lowered as a restriction.
    pub lowered_first_tier: u32,
    /// The rolling window a tier counts over; also the least time between two steps up.
    pub window_hours: i64,
    /// Share of the tier a business must reach within one window to move up.
    pub up_fraction: f64,
    /// How far back, at most, a step up looks for that window (never before the last change).
    pub review_days: i64,
    /// Days at Low quality before moving down a tier.
    pub down_after_low_days: i64,
}

/// Strikes and the restriction ladder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct EnforcementConfig {
    pub strike_window_days: i64,
    pub low_quality_strike_days: i64,
    pub reporters_for_strike: u32,
    pub reporters_window_days: i64,
    pub tier_lowered_days: i64,
    pub marketing_suspended_days: i64,
    pub sending_suspended_days: i64,
}

/// What a report keeps, and how long a delivery answers for a block or report.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SignalConfig {
    /// The chat's last messages a report keeps as evidence.
    pub evidence_messages: usize,
    /// Days after a delivery during which a block or report counts against it.
    pub attribution_days: i64,
}

impl Default for SignalConfig {
    fn default() -> Self {
        SignalConfig::POLICY
    }
}

impl SignalConfig {
    /// The numbers of POLICY.md: five messages of evidence, seven days of attribution.
    pub const POLICY: SignalConfig = SignalConfig {
        evidence_messages: 5,
        attribution_days: 7,
    };

    /// How far back a block or report looks for the delivery it answers.
    pub fn attribution(&self) -> Span {
        Span::days(self.attribution_days)
    }
}

impl Default for SpanConfig {
    fn default() -> Self {
        SpanConfig { hours: 24 }
    }
}

impl Default for CapsConfig {
    fn default() -> Self {
        CapsConfig {
            daily_all: 4,
            daily_window_hours: 24,
            weekly_per_business: 2,
            weekly_window_days: 7,
        }
    }
}

impl Default for NotInterestedConfig {
    fn default() -> Self {
        NotInterestedConfig {
            lasts_days: 30,
            max_per_window: 1,
            window_days: 7,
        }
    }
}

impl Default for TemplateConfig {
    fn default() -> Self {
        let words = [
            "offer",
            "discount",
            "sale",
            "% off",
            "free",
            "promo",
            "deal",
            "buy now",
            "limited time",
            "oferta",
            "descuento",
            "rebaja",
            "gratis",
            "promoción",
            "compra ya",
            "tiempo limitado",
            "chollo",
        ];
        let forbidden = [
            "guaranteed loan",
            "guaranteed approval",
            "préstamo garantizado",
            "or else",
            "we know where you live",
            "your password",
            "card number",
            "your pin",
            "cvv",
            "tu contraseña",
            "número de tarjeta",
        ];
        TemplateConfig {
            max_body_chars: 1024,
            max_placeholders: 10,
            promotional_words: words.map(String::from).to_vec(),
            forbidden_phrases: forbidden.map(String::from).to_vec(),
            pause_hours: vec![3, 6],
        }
    }
}

impl Default for QualityConfig {
    fn default() -> Self {
        QualityConfig {
            window_days: 7,
            report_weight: 3,
            block_weight: 2,
            not_interested_weight: 1,
            high_below: 0.01,
            medium_below: 0.03,
            min_users: 20,
        }
    }
}

impl Default for TierConfig {
    fn default() -> Self {
        TierConfig {
            limits: vec![250, 2_000, 10_000, 100_000],
            lowered_first_tier: 50,
            window_hours: 24,
            up_fraction: 0.5,
            review_days: 7,
            down_after_low_days: 7,
        }
    }
}

impl Default for EnforcementConfig {
    fn default() -> Self {
        EnforcementConfig {
            strike_window_days: 90,
            low_quality_strike_days: 3,
            reporters_for_strike: 3,
            reporters_window_days: 7,
            tier_lowered_days: 7,
            marketing_suspended_days: 7,
            sending_suspended_days: 30,
        }
    }
}

impl TierConfig {
    /// The limit of tier `tier`, `None` for unlimited.
    pub fn limit(&self, tier: usize) -> Option<u32> {
        self.limits.get(tier).copied()
    }

    /// The limit in force for a business in `tier`, lowered one step when `lowered`.
    pub fn effective_limit(&self, tier: usize, lowered: bool) -> Option<u32> {
        match (lowered, tier) {
            (false, t) => self.limit(t),
            (true, 0) => Some(
                self.lowered_first_tier
                    .min(self.limit(0).unwrap_or(u32::MAX)),
            ),
            (true, t) => self.limit(t - 1),
        }
    }

    /// The highest tier index (the unlimited one).
    pub fn top(&self) -> usize {
        self.limits.len()
    }
}

impl PolicyConfig {
    /// The settings a new user starts with: all offers on, the default caps, no quiet hours.
    pub fn new_user_prefs(&self) -> crate::model::UserPrefs {
        crate::model::UserPrefs {
            all_offers: true,
            daily_marketing_cap: self.caps.daily_all,
            weekly_business_cap: self.caps.weekly_per_business,
            quiet_hours: None,
            time_zone: None,
        }
    }

    /// Whether the numbers make sense together; if not, which do not.
    pub fn check(&self) -> Result<(), &'static str> {
        let fail = |m: &'static str| Err(m);
        if self.service_window.hours <= 0 {
            return fail("service_window.hours must be at least 1");
        }
        if self.caps.daily_window_hours <= 0 || self.caps.weekly_window_days <= 0 {
            return fail("caps windows must be at least 1");
        }
        if self.templates.pause_hours.iter().any(|h| *h <= 0) {
            return fail("templates.pause_hours must all be at least 1");
        }
        if !(0.0..=1.0).contains(&self.quality.high_below)
            || self.quality.medium_below < self.quality.high_below
        {
            return fail("quality.high_below must be in 0..1 and at most quality.medium_below");
        }
        if self.tiers.limits.windows(2).any(|w| w[0] >= w[1]) {
            return fail("tiers.limits must grow from one tier to the next");
        }
        if !(1..=MAX_EVIDENCE_MESSAGES).contains(&self.signals.evidence_messages) {
            return fail("signals.evidence_messages must be from 1 to 50");
        }
        if !(1..=MAX_ATTRIBUTION_DAYS).contains(&self.signals.attribution_days) {
            return fail("signals.attribution_days must be from 1 to 365");
        }
        Ok(())
    }
}

use super::{BusinessId, ContactId, Timestamp, UserId, Zone};
use serde::{Deserialize, Serialize};

/// Quiet hours in the user's day (hours 0-23 on the clocks of the user's time zone);
/// `start > end` spans midnight, and equal start and end means off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct QuietHours {
    #[schema(maximum = 23)]
    pub start: u32,
    #[schema(maximum = 23)]
    pub end: u32,
}

impl QuietHours {
    /// Whether the local hour of the day falls inside the quiet hours.
    pub fn contains(self, hour: u32) -> bool {
        if self.start == self.end {
            false
        } else if self.start < self.end {
            (self.start..self.end).contains(&hour)
        } else {
            hour >= self.start || hour < self.end
        }
    }
}

/// A user's own settings for business messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct UserPrefs {
    /// Off means no marketing at all, whatever the subscriptions.
    pub all_offers: bool,
    /// Marketing messages per rolling 24 hours, across all businesses (at most 10 000).
    #[schema(maximum = 10_000)]
    pub daily_marketing_cap: u32,
    /// Marketing messages per business per rolling 7 days (at most 10 000).
    #[schema(maximum = 10_000)]
    pub weekly_business_cap: u32,
    pub quiet_hours: Option<QuietHours>,
    /// The user's IANA time zone, which quiet hours follow; unset until a device gives its
    /// own, and UTC until then.
    #[serde(default)]
    pub time_zone: Option<Zone>,
}

impl UserPrefs {
    /// The zone quiet hours follow: the user's, or UTC while none is set.
    pub fn zone(&self) -> Zone {
        self.time_zone.clone().unwrap_or_default()
    }

    /// Whether `at` falls in the user's quiet hours, on their own clocks.
    pub fn in_quiet_hours(&self, at: Timestamp) -> bool {
        self.quiet_hours
            .is_some_and(|q| q.contains(self.zone().hour_at(at)))
    }
}

/// A person with an inbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct User {
    pub id: UserId,
    pub name: String,
    pub prefs: UserPrefs,
}

/// A friend in the user's address book.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    pub user: UserId,
    pub name: String,
}

code_enum!(
    /// Why the user blocked a business.
    BlockReason {
        NoLongerNeeded = "no_longer_needed",
        DidntSignUp = "didnt_sign_up",
        Spam = "spam",
        Offensive = "offensive",
        NoReason = "no_reason",
    }
);

impl BlockReason {
    /// The reasons offered when blocking a person rather than a business.
    pub const FOR_PEOPLE: &'static [BlockReason] = &[
        BlockReason::NoLongerNeeded,
        BlockReason::Spam,
        BlockReason::Offensive,
        BlockReason::NoReason,
    ];
}

code_enum!(
    /// Why the user reported a business.
    ReportReason {
        Spam = "spam",
        Scam = "scam",
        Offensive = "offensive",
        DidntSignUp = "didnt_sign_up",
        Other = "other",
    }
);

impl ReportReason {
    /// The reasons offered when reporting a person rather than a business.
    pub const FOR_PEOPLE: &'static [ReportReason] = &[
        ReportReason::Spam,
        ReportReason::Scam,
        ReportReason::Offensive,
        ReportReason::Other,
    ];

    /// The block reason that goes with this report when the user also blocks.
    pub fn block_reason(self) -> BlockReason {
        match self {
            ReportReason::Spam => BlockReason::Spam,
            ReportReason::Offensive => BlockReason::Offensive,
            ReportReason::DidntSignUp => BlockReason::DidntSignUp,
            ReportReason::Scam | ReportReason::Other => BlockReason::NoReason,
        }
    }
}

/// What the user has chosen about one business.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Relation {
    pub subscribed: bool,
    pub blocked: Option<BlockReason>,
    pub blocked_at: Option<Timestamp>,
    pub not_interested_at: Option<Timestamp>,
    pub interested_at: Option<Timestamp>,
    /// The last time the user wrote to the business (opens the service window).
    pub last_user_message_at: Option<Timestamp>,
    /// Whether the user knows this business: answered its first contact, wrote to it, or
    /// subscribed. Until then its chat opens with Continue / Block / Report.
    pub known: bool,
}

impl Relation {
    /// Whether a "Not interested" is the latest feedback and is still recent.
    pub fn not_interested_since(&self, since: Timestamp) -> bool {
        match (self.not_interested_at, self.interested_at) {
            (Some(ni), Some(i)) if i >= ni => false,
            (Some(ni), _) => ni > since,
            _ => false,
        }
    }
}

/// One line of report evidence: who wrote it, when, what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct EvidenceLine {
    pub from: String,
    pub at: Timestamp,
    pub body: String,
}

/// A report of a business by a user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub user: UserId,
    pub business: BusinessId,
    pub reason: ReportReason,
    /// The last messages of the chat, oldest first.
    pub evidence: Vec<EvidenceLine>,
    pub also_block: bool,
    pub at: Timestamp,
}

//! What a chat's header says about a business, as codes and values: the policy judges them
//! (`policy::notice`), the catalogue writes them (`i18n::sentences`).

use super::{BlockReason, Timestamp};

/// How the business stands with the user: the first line of its notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acquaintance {
    /// The user blocked it, for a reason, on a day when known.
    Blocked {
        reason: BlockReason,
        on: Option<Timestamp>,
    },
    /// The user dealt with it: its updates reach them.
    Known,
    /// The user dealt with it, but a restriction stops it from starting anything.
    KnownButRestricted,
    /// The user has not talked to it before.
    New,
}

/// What the user's choices let a business send in offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffersAllowed {
    /// The platform restricts the business; whether the user subscribed anyway.
    Restricted { subscribed: bool },
    /// Not subscribed: its offers are held.
    NotSubscribed,
    /// Subscribed, but the user turned all offers off.
    AllOffersOff,
    /// A recent "Not interested": at most `most` offers every `days`, until `until`.
    NotInterested {
        most: u32,
        days: i64,
        until: Timestamp,
    },
    /// Subscribed: at most `most` offers every `days`.
    Subscribed { most: u32, days: i64 },
}

/// Why a business's messages reach the user (or not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessNotice {
    pub name: String,
    pub verified: bool,
    pub acquaintance: Acquaintance,
    /// What it may send in offers; none when the user blocked it.
    pub offers: Option<OffersAllowed>,
    /// Until when it may reply freely, when the user wrote to it within the service window.
    pub replies_until: Option<Timestamp>,
}

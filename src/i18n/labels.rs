//! The words for the model's codes (a category, a kind of business, a reason) in the
//! language in force: `category.text()` reads "Offer" or "Oferta".

use crate::model::{
    BlockReason, BusinessKind, Category, ChatFilter, Delivery, Feedback, Outcome, Quality, Reason,
    ReportReason, RestrictionKind, Verdict,
};

/// A code the user reads as a word or a short phrase.
pub trait Label {
    /// The word in the language in force.
    fn text(self) -> String;
}

impl Label for Outcome {
    fn text(self) -> String {
        match self {
            Outcome::Deliver => tr!("outcome-deliver"),
            Outcome::Hold => tr!("outcome-hold"),
            Outcome::Reject => tr!("outcome-reject"),
        }
    }
}

impl Label for Feedback {
    fn text(self) -> String {
        match self {
            Feedback::Interested => tr!("feedback-interested"),
            Feedback::NotInterested => tr!("feedback-not-interested"),
        }
    }
}

impl Label for Delivery {
    fn text(self) -> String {
        match self {
            Delivery::Sending => tr!("delivery-sending"),
            Delivery::Sent => tr!("delivery-sent"),
            Delivery::Delivered => tr!("delivery-delivered"),
            Delivery::Read => tr!("delivery-read"),
        }
    }
}

impl Label for ChatFilter {
    fn text(self) -> String {
        match self {
            ChatFilter::All => tr!("chat-filter-all"),
            ChatFilter::Unread => tr!("chat-filter-unread"),
            ChatFilter::Personal => tr!("chat-filter-personal"),
            ChatFilter::Business => tr!("chat-filter-business"),
            ChatFilter::Offers => tr!("chat-filter-offers"),
            ChatFilter::Archived => tr!("chat-filter-archived"),
        }
    }
}

impl Label for BlockReason {
    fn text(self) -> String {
        match self {
            BlockReason::NoLongerNeeded => tr!("block-reason-no-longer-needed"),
            BlockReason::DidntSignUp => tr!("block-reason-didnt-sign-up"),
            BlockReason::Spam => tr!("block-reason-spam"),
            BlockReason::Offensive => tr!("block-reason-offensive"),
            BlockReason::NoReason => tr!("block-reason-no-reason"),
        }
    }
}

/// The reason for blocking a friend rather than a business, where the words differ.
pub fn person_block_reason(reason: BlockReason) -> String {
    match reason {
        BlockReason::NoLongerNeeded => tr!("block-reason-person-no-longer-wanted"),
        other => other.text(),
    }
}

impl Label for ReportReason {
    fn text(self) -> String {
        match self {
            ReportReason::Spam => tr!("report-reason-spam"),
            ReportReason::Scam => tr!("report-reason-scam"),
            ReportReason::Offensive => tr!("report-reason-offensive"),
            ReportReason::DidntSignUp => tr!("report-reason-didnt-sign-up"),
            ReportReason::Other => tr!("report-reason-other"),
        }
    }
}

impl Label for Category {
    fn text(self) -> String {
        match self {
            Category::Marketing => tr!("category-marketing"),
            Category::Utility => tr!("category-utility"),
            Category::Authentication => tr!("category-authentication"),
            Category::Service => tr!("category-service"),
        }
    }
}

impl Label for BusinessKind {
    fn text(self) -> String {
        match self {
            BusinessKind::Transport => tr!("business-kind-transport"),
            BusinessKind::Delivery => tr!("business-kind-delivery"),
            BusinessKind::Energy => tr!("business-kind-energy"),
            BusinessKind::Bank => tr!("business-kind-bank"),
            BusinessKind::Shop => tr!("business-kind-shop"),
            BusinessKind::Grocery => tr!("business-kind-grocery"),
            BusinessKind::Finance => tr!("business-kind-finance"),
            BusinessKind::Other => tr!("business-kind-other"),
        }
    }
}

impl Label for Quality {
    fn text(self) -> String {
        match self {
            Quality::High => tr!("quality-high"),
            Quality::Medium => tr!("quality-medium"),
            Quality::Low => tr!("quality-low"),
        }
    }
}

impl Label for RestrictionKind {
    fn text(self) -> String {
        match self {
            RestrictionKind::Warning => tr!("restriction-warning"),
            RestrictionKind::TierLowered => tr!("restriction-tier-lowered"),
            RestrictionKind::MarketingSuspended => tr!("restriction-marketing-suspended"),
            RestrictionKind::SendingSuspended => tr!("restriction-sending-suspended"),
            RestrictionKind::Disabled => tr!("restriction-disabled"),
        }
    }
}

impl Label for Verdict {
    fn text(self) -> String {
        match self {
            Verdict::Reinstated => tr!("verdict-reinstated"),
            Verdict::Confirmed => tr!("verdict-confirmed"),
        }
    }
}

/// What a reason means to the business that sent the message ("the person blocked you").
pub fn reason_for_business(reason: Reason) -> String {
    match reason {
        Reason::BusinessSuspended => tr!("reason-for-business-business-suspended"),
        Reason::BlockedByUser => tr!("reason-for-business-blocked-by-user"),
        Reason::TemplateNotApproved => tr!("reason-for-business-template-not-approved"),
        Reason::TemplatePaused => tr!("reason-for-business-template-paused"),
        Reason::TemplateDisabled => tr!("reason-for-business-template-disabled"),
        Reason::TemplateDeleted => tr!("reason-for-business-template-deleted"),
        Reason::OutsideServiceWindow => tr!("reason-for-business-outside-service-window"),
        Reason::TierLimitReached => tr!("reason-for-business-tier-limit-reached"),
        Reason::MarketingSuspended => tr!("reason-for-business-marketing-suspended"),
        Reason::NotSubscribed => tr!("reason-for-business-not-subscribed"),
        Reason::UserMarketingCap => tr!("reason-for-business-user-marketing-cap"),
        Reason::NotInterestedRecently => tr!("reason-for-business-not-interested-recently"),
        Reason::QuietHours => tr!("reason-for-business-quiet-hours"),
        _ => tr!("reason-for-business-delivered"),
    }
}

//! How the inbox's chat list is cut and sorted, and how many chats each cut holds.

use serde::{Deserialize, Serialize};

code_enum!(
    /// Which chats the list shows.
    ChatFilter {
        All = "all",
        Unread = "unread",
        Personal = "personal",
        Business = "business",
        Offers = "offers",
        Archived = "archived",
    }
);

impl ChatFilter {}

code_enum!(
    /// How the chat list is sorted.
    ChatOrder {
        UnreadFirst = "unread_first",
        Recent = "recent",
    }
);

/// How many chats each filter holds, and the totals the status bar shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterCounts {
    pub all: u32,
    pub unread: u32,
    pub personal: u32,
    pub business: u32,
    pub offers: u32,
    pub archived: u32,
    /// Messages the rules held back.
    pub held: u32,
    /// Unread messages outside muted chats.
    pub unread_messages: u32,
}

impl FilterCounts {
    /// The count shown on a filter tab.
    pub fn of(&self, filter: ChatFilter) -> u32 {
        match filter {
            ChatFilter::All => self.all,
            ChatFilter::Unread => self.unread,
            ChatFilter::Personal => self.personal,
            ChatFilter::Business => self.business,
            ChatFilter::Offers => self.offers,
            ChatFilter::Archived => self.archived,
        }
    }
}

//! How the inbox's chat list is cut and sorted.

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

impl ChatFilter {
    /// The tab label.
    pub fn label(self) -> &'static str {
        match self {
            ChatFilter::All => "All",
            ChatFilter::Unread => "Unread",
            ChatFilter::Personal => "Personal",
            ChatFilter::Business => "Business",
            ChatFilter::Offers => "Offers",
            ChatFilter::Archived => "Archived",
        }
    }
}

code_enum!(
    /// How the chat list is sorted.
    ChatOrder {
        UnreadFirst = "unread_first",
        Recent = "recent",
    }
);

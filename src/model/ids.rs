use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            utoipa::ToSchema,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )*};
}

id_type!(
    /// A person with an inbox (the local user, or a simulated or remote one).
    UserId,
    /// A business that may write to users.
    BusinessId,
    /// A message template owned by a business.
    TemplateId,
    /// A stored message (delivered, held, or sent by the user).
    MessageId,
    /// One conversation in one user's inbox.
    ChatId,
    /// A friend in a user's address book.
    ContactId,
    /// A paid send of one template to many users.
    BroadcastId,
    /// A platform reviewer on a server.
    ReviewerId,
);

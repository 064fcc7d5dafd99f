//! A conversation as its business sees it: each message from the user's or the business's
//! side with when the other side read it, and the service window's time left by the rules.

use super::PolicyConfig;
use super::decide::window_closes;
use crate::model::limits::MAX_NAME_CHARS;
use crate::model::*;

/// Longest last message shown in a list of conversations, in characters.
pub const PREVIEW_CHARS: usize = 120;

/// The service window the user opened at `last_user_message_at`, while it is open at `now`.
pub fn window(
    last_user_message_at: Option<Timestamp>,
    config: &PolicyConfig,
    now: Timestamp,
) -> Option<ServiceWindow> {
    let relation = Relation {
        last_user_message_at,
        ..Relation::default()
    };
    window_closes(&relation, config, now).map(|closes_at| ServiceWindow {
        closes_at,
        seconds_left: (closes_at - now).0.max(1),
    })
}

/// One message of the user's chat with the business, from the business's side; its text
/// cleaned.
pub fn line(m: Message) -> ConversationLine {
    let from = match m.direction {
        Direction::Outbound => Author::User,
        Direction::Inbound => Author::Business,
    };
    let read_at = match from {
        Author::User => m.seen_at,
        Author::Business => m.read_at,
    };
    ConversationLine {
        id: m.id,
        from,
        body: text::clean_body(&m.body),
        at: m.delivered_at.unwrap_or(m.sent_at),
        read_at,
    }
}

/// A row of the business's inbox: the user's name and the last message cleaned and cut to
/// one line, the window's time left at `now`.
pub fn summary(
    c: BusinessConversation,
    config: &PolicyConfig,
    now: Timestamp,
) -> ConversationSummary {
    ConversationSummary {
        user: text::clean_line(&c.user_name, MAX_NAME_CHARS),
        unread: c.unread,
        last: c.last.map(|m| {
            let mut last = line(m);
            last.body = text::clean_line(last.body.lines().next().unwrap_or(""), PREVIEW_CHARS);
            last
        }),
        window: window(c.last_user_message_at, config, now),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_counts_down_from_the_users_last_message_and_closes_after_it() {
        let config = PolicyConfig::default();
        let wrote = Timestamp::from_civil(2026, 11, 24, 9, 0);
        let open = window(Some(wrote), &config, wrote + Span::hours(20)).unwrap();
        assert_eq!(open.seconds_left, 4 * 3600);
        assert_eq!(open.closes_at, wrote + Span::hours(24));
        assert_eq!(window(Some(wrote), &config, wrote + Span::hours(24)), None);
        assert_eq!(window(None, &config, wrote), None);
    }
}

//! The business's conversations as text for a terminal: the inbox table, one conversation,
//! and what became of a reply. Every string from the server is cleaned before it is printed.

use super::output::sent;
use crate::cli_answer::table;
use crate::i18n::hours_minutes;
use crate::i18n::{day_time, number};
use crate::model::text::{clean_body, clean_line};
use crate::model::{Author, ConversationLine, ConversationPage, ServiceWindow, Timestamp};
use crate::protocol::*;

/// Longest last message in the inbox table, in characters.
const LAST_CHARS: usize = 48;
/// Longest user name shown, in characters.
const NAME_CHARS: usize = 32;

/// The window's time left, or "closed".
fn window_left(window: Option<ServiceWindow>) -> String {
    match window {
        Some(w) => hours_minutes(w.seconds_left),
        None => tr!("cli-window-closed-short"),
    }
}

fn said_by(line: &ConversationLine, user: &str) -> String {
    match line.from {
        Author::Business => tr!("cli-you"),
        Author::User => user.to_string(),
    }
}

/// The inbox: one row per user, unread ones first, then the most recent.
pub fn inbox(list: &ConversationList, offset: u32) -> String {
    if list.conversations.is_empty() {
        return match list.total {
            0 => tr!("cli-conversations-none"),
            n => tr!("cli-conversations-none-past", total = n),
        };
    }
    let rows: Vec<Vec<String>> = list
        .conversations
        .iter()
        .map(|c| {
            let last = c.last.as_ref().map_or(String::new(), |l| match l.from {
                Author::Business => tr!("cli-you-said", body = clean_line(&l.body, LAST_CHARS)),
                Author::User => clean_line(&l.body, LAST_CHARS),
            });
            vec![
                clean_line(&c.user, NAME_CHARS),
                number(c.unread),
                last,
                window_left(c.window),
            ]
        })
        .collect();
    let header = [
        tr!("cli-head-user"),
        tr!("cli-head-unread"),
        tr!("cli-head-last-message"),
        tr!("cli-head-window-left"),
    ];
    let mut text = table(&header, &rows);
    let shown = list.conversations.len() as u32;
    if offset > 0 || shown < list.total {
        text.push('\n');
        text.push_str(&tr!(
            "cli-conversations-shown",
            first = offset + 1,
            last = offset + shown,
            total = list.total
        ));
    }
    text
}

fn when(at: Timestamp) -> String {
    day_time(at)
}

fn message_line(line: &ConversationLine, user: &str) -> String {
    let state = match line.read_at {
        Some(read) => format!("  [{}]", tr!("cli-read-at", at = when(read))),
        None => String::new(),
    };
    let body = clean_body(&line.body).replace('\n', "\n    ");
    format!("{}  {}: {body}{state}", when(line.at), said_by(line, user))
}

/// One conversation, newest last, with the window and what was marked read.
pub fn page(p: &ConversationPage) -> String {
    let user = clean_line(&p.user, NAME_CHARS);
    let window = match p.window {
        Some(w) => tr!(
            "cli-window-open",
            left = window_left(p.window),
            until = when(w.closes_at)
        ),
        None => tr!("cli-window-closed", user = user.as_str()),
    };
    let mut lines = vec![tr!(
        "cli-conversation-head",
        user = user.as_str(),
        window = window
    )];
    if p.older > 0 {
        lines.push(tr!("cli-conversation-older", count = p.older));
    }
    lines.extend(p.messages.iter().map(|m| message_line(m, &user)));
    if p.marked_read > 0 {
        lines.push(tr!(
            "cli-conversation-marked-read",
            count = p.marked_read,
            user = user.as_str()
        ));
    }
    lines.join("\n")
}

/// What became of a reply, and what to send instead when it was refused outside the window.
pub fn replied(to: &str, r: &ReplyResponse) -> String {
    let decided = SendResponse {
        decision: r.decision.clone(),
        category: r.category,
        message: r.message,
    };
    let mut text = sent(to, &decided);
    if let Some(alternative) = &r.alternative {
        text.push('\n');
        text.push_str(&tr!(
            "cli-reply-instead",
            alternative = clean_line(alternative, 600),
            to = clean_line(to, NAME_CHARS)
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Catalogues;

    #[test]
    fn time_left_is_written_in_the_language_in_force() {
        let catalogues = Catalogues::embedded();
        crate::i18n::scoped(catalogues.english(), || {
            assert_eq!(hours_minutes(23 * 3600 + 300), "23 h 5 min");
            assert_eq!(hours_minutes(2 * 3600), "2 h");
            assert_eq!(hours_minutes(45 * 60), "45 min");
            assert_eq!(hours_minutes(30), "under a minute");
        });
        crate::i18n::scoped(catalogues.get("es").unwrap(), || {
            assert_eq!(hours_minutes(-5), "menos de un minuto");
            assert_eq!(window_left(None), "cerrada");
        });
    }
}

//! The business's conversations as text for a terminal: the inbox table, one conversation,
//! and what became of a reply. Every string from the server is cleaned before it is printed.

use super::output::sent;
use crate::cli_answer::table;
use crate::model::number::grouped;
use crate::model::text::{clean_body, clean_line};
use crate::model::{
    Author, ConversationLine, ConversationPage, ServiceWindow, Timestamp, plural_word,
};
use crate::protocol::*;

/// Longest last message in the inbox table, in characters.
const LAST_CHARS: usize = 48;
/// Longest user name shown, in characters.
const NAME_CHARS: usize = 32;

/// `n` grouped, with the word for one or many.
fn counted(n: u32, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n), plural_word(n, one, many))
}

/// The window's time left, or "closed".
fn window_left(window: Option<ServiceWindow>) -> String {
    match window {
        Some(w) => crate::model::Span::seconds(w.seconds_left).hours_minutes(),
        None => "closed".into(),
    }
}

fn said_by(line: &ConversationLine, user: &str) -> String {
    match line.from {
        Author::Business => "you".into(),
        Author::User => user.to_string(),
    }
}

/// The inbox: one row per user, unread ones first, then the most recent.
pub fn inbox(list: &ConversationList, offset: u32) -> String {
    if list.conversations.is_empty() {
        return match list.total {
            0 => {
                "No conversations yet: people who write to you, or whom you write to, appear here."
                    .into()
            }
            n => format!("No conversations past the first {}.", grouped(n)),
        };
    }
    let rows: Vec<Vec<String>> = list
        .conversations
        .iter()
        .map(|c| {
            let last = c.last.as_ref().map_or(String::new(), |l| match l.from {
                Author::Business => format!("you: {}", clean_line(&l.body, LAST_CHARS)),
                Author::User => clean_line(&l.body, LAST_CHARS),
            });
            vec![
                clean_line(&c.user, NAME_CHARS),
                grouped(c.unread),
                last,
                window_left(c.window),
            ]
        })
        .collect();
    let mut text = table(&["USER", "UNREAD", "LAST MESSAGE", "WINDOW LEFT"], &rows);
    let shown = list.conversations.len() as u32;
    if offset > 0 || shown < list.total {
        text.push_str(&format!(
            "\n{} to {} of {}; --offset shows others.",
            grouped(offset + 1),
            grouped(offset + shown),
            counted(list.total, "conversation", "conversations")
        ));
    }
    text
}

fn when(at: Timestamp) -> String {
    at.long()
}

fn message_line(line: &ConversationLine, user: &str) -> String {
    let state = match line.read_at {
        Some(read) => format!("  [read {}]", when(read)),
        None => String::new(),
    };
    let body = clean_body(&line.body).replace('\n', "\n    ");
    format!("{}  {}: {body}{state}", when(line.at), said_by(line, user))
}

/// One conversation, newest last, with the window and what was marked read.
pub fn page(p: &ConversationPage) -> String {
    let user = clean_line(&p.user, NAME_CHARS);
    let window = match p.window {
        Some(w) => format!(
            "the window is open for {} (until {}): you may reply freely",
            window_left(p.window),
            when(w.closes_at)
        ),
        None => format!("the window is closed: only an approved template reaches {user}"),
    };
    let mut lines = vec![format!("Conversation with {user}; {window}.")];
    if p.older > 0 {
        lines.push(format!(
            "({} not shown; --limit shows more.)",
            counted(p.older, "older message", "older messages")
        ));
    }
    lines.extend(p.messages.iter().map(|m| message_line(m, &user)));
    if p.marked_read > 0 {
        lines.push(format!(
            "Marked {} read; {user} sees the read ticks.",
            counted(p.marked_read, "message", "messages")
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
        text.push_str(&format!(
            "\n  Instead: {}\n  Send one with: parley business send --to {} --template NAME --param ...",
            clean_line(alternative, 600),
            clean_line(to, NAME_CHARS)
        ));
    }
    text
}

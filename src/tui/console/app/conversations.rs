//! The Conversations screen: the list of users, kept live, and one conversation opened,
//! which reads it (the user's messages are marked read and the user sees the ticks).

use super::super::source::*;
use super::{ConsoleApp, movement};
use crate::model::limits::MAX_NAME_CHARS;
use crate::model::*;
use crate::tui::console::Action;
use crate::tui::kit::list::step;

impl ConsoleApp {
    pub(super) fn conversations_action(
        &mut self,
        source: &mut dyn ConsoleSource,
        action: Action,
    ) -> Result<()> {
        let view = &mut self.state.conversations;
        if let Some(delta) = movement(&action) {
            view.selected = step(view.selected, delta, view.rows.len());
            return Ok(());
        }
        match action {
            Action::Open | Action::Confirm => self.open_conversation(source),
            Action::Back => {
                view.open = None;
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn open_conversation(&mut self, source: &mut dyn ConsoleSource) -> Result<()> {
        let (Some(business), Some(row)) =
            (self.business(), self.state.conversations.selected_row())
        else {
            return Ok(());
        };
        let user = row.user.clone();
        let page = clean_page(source.read_conversation(business, &user)?);
        if page.marked_read > 0 {
            self.info(tr!(
                "console-conversation-marked-read",
                user = user.as_str(),
                count = page.marked_read
            ));
        }
        self.state.conversations.open = Some(page);
        Ok(())
    }

    /// Reloads the list, keeping the same user highlighted; the conversation opened is read
    /// again when the list shows something new in it.
    pub(super) fn load_conversations(
        &mut self,
        source: &mut dyn ConsoleSource,
        business: BusinessId,
    ) -> Result<()> {
        let rows: Vec<ConversationSummary> = source
            .conversations(business)?
            .into_iter()
            .map(clean_summary)
            .collect();
        let view = &mut self.state.conversations;
        let highlighted = view.selected_row().map(|r| r.user.clone());
        view.selected = highlighted
            .and_then(|user| rows.iter().position(|r| r.user == user))
            .unwrap_or(view.selected)
            .min(rows.len().saturating_sub(1));
        let stale = view.open.as_ref().and_then(|open| {
            let row = rows.iter().find(|r| r.user == open.user)?;
            let newest = open.messages.last().map(|m| m.id);
            (row.unread > 0 || row.last.as_ref().map(|l| l.id) != newest).then(|| open.user.clone())
        });
        view.rows = rows;
        if let Some(user) = stale {
            let page = source.read_conversation(business, &user)?;
            self.state.conversations.open = Some(clean_page(page));
        }
        Ok(())
    }
}

fn clean_line(mut line: ConversationLine) -> ConversationLine {
    line.body = text::clean_body(&line.body);
    line
}

/// A row from the source, its name and last message cleaned.
fn clean_summary(mut row: ConversationSummary) -> ConversationSummary {
    row.user = text::clean_line(&row.user, MAX_NAME_CHARS);
    row.last = row.last.map(|mut last| {
        last.body = text::clean_line(&last.body, crate::policy::conversation::PREVIEW_CHARS);
        last
    });
    row
}

/// A conversation from the source, every text in it cleaned.
fn clean_page(mut page: ConversationPage) -> ConversationPage {
    page.user = text::clean_line(&page.user, MAX_NAME_CHARS);
    page.messages = page.messages.into_iter().map(clean_line).collect();
    page
}

//! The Held tab's controls: release a message into its chat, delete one or all from a
//! business, and undo a delete for a few seconds (timed on the app's real-time clock).

use super::super::state::*;
use super::App;
use crate::model::*;
use crate::store::Result;

/// How long a delete in Held can be undone, in seconds.
pub const UNDO_SECONDS: i64 = 5;

impl App {
    pub(super) fn release_held(&mut self) -> Result<()> {
        let Some(row) = self.selected_held() else {
            return Ok(());
        };
        let (message, name) = (row.message.id, row.business_name.clone());
        self.apply(&UserAction::ReleaseHeld { message })?;
        self.info(tr!("inbox-held-released", name = name));
        Ok(())
    }

    pub(super) fn delete_held(&mut self) -> Result<()> {
        let Some(row) = self.selected_held() else {
            return Ok(());
        };
        let (message, name) = (row.message.id, row.business_name.clone());
        self.delete_with_undo(vec![message], name)
    }

    pub(super) fn ask_delete_all_held(&mut self) {
        let Some(row) = self.selected_held() else {
            return;
        };
        let business = row.business;
        let name = row.business_name.clone();
        let count = self
            .state
            .held
            .rows
            .iter()
            .filter(|r| r.business == business)
            .count();
        self.state.dialog = Some(Dialog::DeleteHeld {
            business,
            name,
            count,
        });
    }

    pub(super) fn delete_all_held(&mut self, business: BusinessId, name: String) -> Result<()> {
        let messages = self
            .state
            .held
            .rows
            .iter()
            .filter(|r| r.business == business)
            .map(|r| r.message.id)
            .collect();
        self.delete_with_undo(messages, name)
    }

    pub(super) fn undo_delete_held(&mut self) {
        match self.state.held.undo.take() {
            Some(undo) => {
                self.info(tr!(
                    "inbox-held-brought-back",
                    count = undo.messages.len(),
                    name = undo.business_name
                ));
            }
            None => self.info(tr!("inbox-held-nothing-to-undo")),
        }
    }

    /// Deletes for good what the user deleted in Held once its undo deadline has passed on the
    /// real-time clock, or at once when `now` is true.
    pub(super) fn finish_held_deletes(&mut self, now: bool) -> Result<()> {
        let due = self
            .state
            .held
            .undo
            .as_ref()
            .is_some_and(|u| now || (self.real_clock)() >= u.until);
        if !due {
            return Ok(());
        }
        if let Some(undo) = self.state.held.undo.take() {
            for message in undo.messages {
                self.apply(&UserAction::DeleteHeld { message })?;
            }
        }
        Ok(())
    }

    /// Whether a delete in Held still waits for its undo deadline.
    pub fn undo_pending(&self) -> bool {
        self.state.held.undo.is_some()
    }

    fn delete_with_undo(&mut self, messages: Vec<MessageId>, name: String) -> Result<()> {
        self.finish_held_deletes(true)?;
        let count = messages.len();
        self.state.held.undo = Some(HeldUndo {
            messages,
            business_name: name.clone(),
            until: (self.real_clock)() + Span::seconds(UNDO_SECONDS),
        });
        self.info(tr!("inbox-held-deleted", count = count, name = name));
        Ok(())
    }

    fn selected_held(&mut self) -> Option<HeldRow> {
        if self.state.tab != Tab::Held {
            return None;
        }
        let row = self.state.held.rows.get(self.state.held.selected).cloned();
        if row.is_none() {
            self.info(tr!("inbox-held-nothing"));
        }
        row
    }
}

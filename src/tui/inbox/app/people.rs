//! Blocking and reporting a friend, with the same dialogs as for a business. These stay on
//! this device: the server knows only businesses.

use super::super::state::*;
use super::App;
use crate::model::*;
use crate::store::Result;

impl App {
    /// The friend of the chat in focus (open, or selected in the list), with their name.
    pub(super) fn context_contact(&self) -> Option<(ContactId, String)> {
        if matches!(
            self.state.screen,
            Screen::Profile(_) | Screen::Subscriptions
        ) {
            return None;
        }
        let chat = match self.state.pane {
            Pane::Chat => self.state.chat.as_ref().map(|c| &c.chat),
            Pane::List if self.state.tab != Tab::Held => {
                self.state.list.selected_row().map(|r| &r.chat)
            }
            Pane::List => None,
        }?;
        match chat.counterpart {
            Counterpart::Contact(contact) => Some((contact, chat.title.clone())),
            Counterpart::Business(_) => None,
        }
    }

    /// Unblocks a blocked friend, or asks why the user blocks them.
    pub(super) fn toggle_contact_block(&mut self, contact: ContactId, name: String) -> Result<()> {
        if self.store.db().contact_block(self.me, contact)?.is_some() {
            self.apply(&UserAction::UnblockContact { contact })?;
            self.info(tr!("inbox-unblocked-person", name = name));
        } else {
            self.state.dialog = Some(Dialog::Block {
                who: Counterpart::Contact(contact),
                name,
                reasons: ReasonChoice::new(BlockReason::FOR_PEOPLE),
            });
        }
        Ok(())
    }

    /// Opens the report dialog for a friend, with the chat's last messages as evidence.
    pub(super) fn start_contact_report(&mut self, contact: ContactId, name: String) -> Result<()> {
        let db = self.store.db();
        let evidence = match db.chat_with(self.me, Counterpart::Contact(contact))? {
            Some(chat) => db.evidence(chat.id, self.assets.policy.signals.evidence_messages)?,
            None => Vec::new(),
        };
        self.state.dialog = Some(Dialog::Report {
            who: Counterpart::Contact(contact),
            name,
            reasons: ReasonChoice::new(ReportReason::FOR_PEOPLE),
            also_block: true,
            evidence,
        });
        Ok(())
    }
}

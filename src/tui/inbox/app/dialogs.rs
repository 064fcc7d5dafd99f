//! Keys inside a dialog: Why?, report, block, first contact.

use super::super::state::*;
use super::{Action, App};
use crate::i18n::Label;
use crate::model::{BlockReason, Counterpart, ReportReason, UserAction};
use crate::store::Result;
use crate::tui::kit::list::step;

impl App {
    pub(super) fn dialog_action(&mut self, action: Action) -> Result<()> {
        let Some(dialog) = self.state.dialog.take() else {
            return Ok(());
        };
        if matches!(action, Action::Back) {
            return Ok(());
        }
        if matches!(action, Action::Quit) {
            self.state.quit = true;
            return Ok(());
        }
        let delta: i64 = match action {
            Action::MoveUp => -1,
            Action::MoveDown => 1,
            _ => 0,
        };
        let before = dialog.clone();
        let keep = match dialog {
            Dialog::Why { .. } => None,
            Dialog::Report {
                who,
                name,
                mut reasons,
                mut also_block,
                evidence,
            } => match action {
                Action::Confirm => {
                    let reason = reasons.current();
                    self.apply(&report_action(who, reason, also_block))?;
                    let blocked = match (also_block, who) {
                        (false, _) => "no",
                        (true, Counterpart::Business(_)) => "business",
                        (true, Counterpart::Contact(_)) => "person",
                    };
                    self.info(tr!(
                        "inbox-reported",
                        name = name,
                        reason = reason.text().to_lowercase(),
                        count = evidence.len(),
                        blocked = blocked
                    ));
                    None
                }
                _ => {
                    also_block ^= action == Action::Toggle;
                    reasons.selected = step(reasons.selected, delta, reasons.options.len());
                    Some(Dialog::Report {
                        who,
                        name,
                        reasons,
                        also_block,
                        evidence,
                    })
                }
            },
            Dialog::Block {
                who,
                name,
                mut reasons,
            } => match action {
                Action::Confirm => {
                    let reason = reasons.current();
                    self.apply(&block_action(who, reason))?;
                    self.info(match who {
                        Counterpart::Business(_) => tr!("inbox-blocked-business", name = name),
                        Counterpart::Contact(_) => tr!("inbox-blocked-person", name = name),
                    });
                    None
                }
                _ => {
                    reasons.selected = step(reasons.selected, delta, reasons.options.len());
                    Some(Dialog::Block { who, name, reasons })
                }
            },
            Dialog::DeleteHeld {
                business,
                name,
                count,
            } => match action {
                Action::Confirm => {
                    self.delete_all_held(business, name)?;
                    None
                }
                _ => Some(Dialog::DeleteHeld {
                    business,
                    name,
                    count,
                }),
            },
            Dialog::FirstContact {
                business,
                name,
                verified,
                selected,
            } => match action {
                Action::Confirm => {
                    self.first_contact_choice(business, selected)?;
                    return Ok(());
                }
                _ => Some(Dialog::FirstContact {
                    business,
                    name,
                    verified,
                    selected: step(selected, delta, FIRST_CONTACT_CHOICES.len()),
                }),
            },
        };
        if keep.as_ref() == Some(&before) {
            match delta {
                0 => self.info(tr!("inbox-dialog-key-does-nothing")),
                _ => self.at_an_end(delta, 1, "choice"),
            }
        }
        self.state.dialog = keep;
        Ok(())
    }

    fn first_contact_choice(
        &mut self,
        business: crate::model::BusinessId,
        choice: usize,
    ) -> Result<()> {
        match choice {
            0 => {
                self.apply(&UserAction::AcceptChat { business })?;
                self.info(tr!("inbox-first-contact-accepted"));
            }
            1 => self.control(Action::ToggleBlock)?,
            _ => self.control(Action::Report)?,
        }
        Ok(())
    }
}

/// Blocking the business or the friend of a block dialog.
fn block_action(who: Counterpart, reason: BlockReason) -> UserAction {
    match who {
        Counterpart::Business(business) => UserAction::Block { business, reason },
        Counterpart::Contact(contact) => UserAction::BlockContact { contact, reason },
    }
}

/// Reporting the business or the friend of a report dialog.
fn report_action(who: Counterpart, reason: ReportReason, also_block: bool) -> UserAction {
    match who {
        Counterpart::Business(business) => UserAction::Report {
            business,
            reason,
            also_block,
        },
        Counterpart::Contact(contact) => UserAction::ReportContact {
            contact,
            reason,
            also_block,
        },
    }
}

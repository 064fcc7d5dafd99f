//! Keys inside a dialog: Why?, report, block, first contact.

use super::super::state::*;
use super::{Action, App};
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
                        (false, _) => "",
                        (true, Counterpart::Business(_)) => " and blocked it",
                        (true, Counterpart::Contact(_)) => " and blocked them",
                    };
                    self.info(format!(
                        "Reported {name} ({}) with {} as evidence{blocked}.",
                        reason.label().to_lowercase(),
                        crate::model::plural(evidence.len(), "message", "messages")
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
                        Counterpart::Business(_) => {
                            format!("Blocked {name}: nothing it sends reaches you. Unblock with b.")
                        }
                        Counterpart::Contact(_) => format!(
                            "Blocked {name}: their messages no longer reach you. Unblock with b."
                        ),
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
                0 => self.info("That key does nothing in this dialog: answer it, or close it."),
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
                self.info("You can now read and answer this business; its offers still need your subscription (s).");
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

//! Moving around the console: the Metrics list, the Standing page, help, the business
//! switcher and the review box.

use super::super::source::*;
use super::super::state::*;
use super::{ConsoleApp, movement};
use crate::tui::console::Action;
use crate::tui::kit::list::step;

impl ConsoleApp {
    pub(super) fn metrics_action(&mut self, action: Action) {
        if let Some(delta) = movement(&action) {
            let view = &mut self.state.metrics;
            view.selected = step(view.selected, delta, view.scopes.len());
        }
    }

    pub(super) fn standing_action(
        &mut self,
        source: &mut dyn ConsoleSource,
        action: Action,
    ) -> Result<()> {
        if action == Action::AskReview {
            return self.ask_for_review(source);
        }
        if let (Some(delta), Some(view)) = (movement(&action), self.state.standing.as_mut()) {
            let scrolled = i64::from(view.scroll).saturating_add(delta);
            view.scroll = scrolled.clamp(0, i64::from(u16::MAX)) as u16;
        }
        Ok(())
    }

    /// Files a request for a review of the business on screen; says what became of it.
    fn ask_for_review(&mut self, source: &mut dyn ConsoleSource) -> Result<()> {
        let Some(business) = self.state.business.as_ref().map(|b| b.id) else {
            return Ok(());
        };
        match source.ask_for_review(business)? {
            Some(request) => self.info(tr!(
                "console-review-asked",
                at = crate::i18n::date_time(request.at)
            )),
            None => self.info(tr!("console-review-nothing")),
        }
        Ok(())
    }

    pub(super) fn help_action(&mut self, action: Action) {
        let Some(scroll) = self.state.help else {
            return;
        };
        match action {
            Action::Back | Action::Help => self.state.help = None,
            Action::Quit => self.state.quit = true,
            other => {
                if let Some(delta) = movement(&other) {
                    let scrolled = i64::from(scroll).saturating_add(delta);
                    self.state.help = Some(scrolled.clamp(0, i64::from(u16::MAX)) as u16);
                }
            }
        }
    }

    pub(super) fn open_switcher(&mut self) {
        if self.busy() {
            self.info(tr!("console-busy-switch"));
            return;
        }
        if self.state.businesses.len() <= 1 {
            self.info(tr!("console-one-business"));
            return;
        }
        let current = self.business();
        let selected = self
            .state
            .businesses
            .iter()
            .position(|b| Some(b.id) == current)
            .unwrap_or(0);
        self.state.dialog = Some(ConsoleDialog::Switcher { selected });
    }

    pub(super) fn dialog_action(
        &mut self,
        source: &mut dyn ConsoleSource,
        action: Action,
    ) -> Result<()> {
        let Some(dialog) = self.state.dialog.take() else {
            return Ok(());
        };
        match (dialog, action) {
            (_, Action::Quit) => self.state.quit = true,
            (_, Action::Back) | (ConsoleDialog::Review { .. }, Action::Confirm) => {}
            (ConsoleDialog::Switcher { selected }, Action::Confirm | Action::Open) => {
                self.switch_to(source, selected)?
            }
            (ConsoleDialog::Delete { template, name }, Action::Confirm | Action::Open) => {
                self.delete(source, template, &name)?
            }
            (ConsoleDialog::Switcher { selected }, other) => {
                let delta = movement(&other).unwrap_or(0);
                let len = self.state.businesses.len();
                self.state.dialog = Some(ConsoleDialog::Switcher {
                    selected: step(selected, delta, len),
                });
            }
            (keep, _) => self.state.dialog = Some(keep),
        }
        Ok(())
    }

    /// Makes the console act as another business.
    pub fn act_as(&mut self, source: &mut dyn ConsoleSource, business: crate::model::BusinessId) {
        match self.state.businesses.iter().position(|b| b.id == business) {
            Some(i) => {
                if let Err(e) = self.switch_to(source, i) {
                    self.error(e.to_string());
                }
            }
            None => self.error(tr!("console-no-such-business", id = business.to_string())),
        }
    }

    fn switch_to(&mut self, source: &mut dyn ConsoleSource, index: usize) -> Result<()> {
        let Some(business) = self.state.businesses.get(index).cloned() else {
            return Ok(());
        };
        if self.business() != Some(business.id) {
            self.state.templates = TemplateList::default();
            self.state.compose = Compose::default();
            self.state.metrics = MetricsView::default();
            self.state.standing = None;
            self.state.conversations = ConversationsView::default();
        }
        self.info(tr!("console-acts-as", name = business.name.as_str()));
        self.state.business = Some(business);
        self.reload(source)
    }
}

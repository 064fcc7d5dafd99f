//! Compose and broadcast: pick an approved template, fill its placeholders, choose the
//! audience, see the dry run, confirm, and watch the broadcast run a part at a time.

use super::super::field::TextField;
use super::super::source::*;
use super::super::state::*;
use super::{BROADCAST_PART, ConsoleApp};
use crate::model::*;
use crate::tui::console::Action;

impl ConsoleApp {
    pub(super) fn compose_action(
        &mut self,
        source: &mut dyn ConsoleSource,
        action: Action,
    ) -> Result<()> {
        match &self.state.compose.stage {
            BroadcastStage::Editing => self.form_action(source, action),
            BroadcastStage::Reviewing(_) => match action {
                Action::Confirm => self.start(source),
                Action::Back => {
                    self.state.compose.stage = BroadcastStage::Editing;
                    Ok(())
                }
                _ => Ok(()),
            },
            BroadcastStage::Refused(_) | BroadcastStage::Done(_) => {
                if matches!(action, Action::Confirm | Action::Back) {
                    self.state.compose.stage = BroadcastStage::Editing;
                }
                Ok(())
            }
            BroadcastStage::Running(_) => {
                if matches!(action, Action::Confirm | Action::Back) {
                    self.info(tr!("console-broadcast-unstoppable"));
                }
                Ok(())
            }
        }
    }

    fn form_action(&mut self, source: &mut dyn ConsoleSource, action: Action) -> Result<()> {
        match action {
            Action::Back => self.state.screen = ConsoleScreen::Templates,
            Action::DryRun | Action::Confirm => self.dry_run(source)?,
            Action::NextField | Action::MoveDown => self.move_focus(1),
            Action::PrevField | Action::MoveUp => self.move_focus(-1),
            Action::Quit => self.state.quit = true,
            other => self.edit_form(&other),
        }
        Ok(())
    }

    /// Chooses the template to broadcast: one empty field per placeholder.
    pub(super) fn choose_template(&mut self, id: Option<TemplateId>) {
        let body = id
            .and_then(|id| {
                self.state
                    .templates
                    .rows
                    .iter()
                    .find(|c| c.template.id == id)
            })
            .map(|c| c.template.body.clone())
            .unwrap_or_default();
        let form = &mut self.state.compose.form;
        form.template = id;
        form.params = vec![TextField::default(); placeholder_count(&body)];
    }

    fn move_focus(&mut self, delta: i64) {
        let form = &mut self.state.compose.form;
        let fields = fields(form);
        let i = fields.iter().position(|f| *f == form.focus).unwrap_or(0) as i64;
        form.focus = fields[(i + delta).rem_euclid(fields.len() as i64) as usize];
    }

    fn edit_form(&mut self, action: &Action) {
        let sideways = match action {
            Action::CursorLeft => -1,
            Action::CursorRight => 1,
            _ => 0,
        };
        let form = &mut self.state.compose.form;
        match form.focus {
            ComposeField::Template if sideways != 0 => {
                let sendable = &self.state.compose.sendable;
                if sendable.is_empty() {
                    return;
                }
                let i = form
                    .template
                    .and_then(|id| sendable.iter().position(|t| t.id == id))
                    .unwrap_or(0) as i64;
                let next = sendable[(i + sideways).rem_euclid(sendable.len() as i64) as usize].id;
                self.choose_template(Some(next));
            }
            ComposeField::Audience if sideways != 0 => {
                form.audience = match form.audience {
                    AudienceChoice::Subscribers => AudienceChoice::List,
                    AudienceChoice::List => AudienceChoice::Subscribers,
                };
            }
            ComposeField::Param(i) => {
                if let Some(field) = form.params.get_mut(i) {
                    field.edit(action);
                }
            }
            ComposeField::List => {
                form.list.edit(action);
            }
            _ => {}
        }
    }

    /// The plan the form describes, or what is missing from it.
    fn plan(&mut self) -> Option<BroadcastPlan> {
        let business = self.business()?;
        let form = &self.state.compose.form;
        let Some(template) = self.state.compose.template().map(|t| t.id) else {
            self.info(tr!("console-broadcast-no-template"));
            return None;
        };
        if let Some(i) = form.params.iter().position(|p| p.value().is_empty()) {
            self.state.compose.form.focus = ComposeField::Param(i);
            self.info(tr!(
                "console-broadcast-fill",
                placeholder = format!("{{{{{}}}}}", i + 1)
            ));
            return None;
        }
        let audience = match form.audience {
            AudienceChoice::Subscribers => Audience::Subscribers,
            AudienceChoice::List => {
                let names: Vec<String> = form
                    .list
                    .text
                    .split(',')
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .collect();
                if names.is_empty() {
                    self.state.compose.form.focus = ComposeField::List;
                    self.info(tr!("console-broadcast-name-people"));
                    return None;
                }
                Audience::Named(names)
            }
        };
        Some(BroadcastPlan {
            business,
            template,
            params: form.params.iter().map(|p| p.value().to_string()).collect(),
            audience,
        })
    }

    fn dry_run(&mut self, source: &mut dyn ConsoleSource) -> Result<()> {
        let Some(plan) = self.plan() else {
            return Ok(());
        };
        let stage = match source.dry_run(&plan) {
            Ok(dry) => BroadcastStage::Reviewing(dry),
            Err(ConsoleError::Refused(refusal)) => BroadcastStage::Refused(refusal),
            Err(e) => return Err(e),
        };
        self.state.compose.stage = stage;
        Ok(())
    }

    fn start(&mut self, source: &mut dyn ConsoleSource) -> Result<()> {
        let Some(plan) = self.plan() else {
            self.state.compose.stage = BroadcastStage::Editing;
            return Ok(());
        };
        self.state.compose.stage = match source.start_broadcast(&plan) {
            Ok(run) => BroadcastStage::Running(run),
            Err(ConsoleError::Refused(refusal)) => BroadcastStage::Refused(refusal),
            Err(e) => return Err(e),
        };
        Ok(())
    }

    /// Sends one part of the running broadcast; when it is settled, says what it cost.
    pub(super) fn send_part(&mut self, source: &mut dyn ConsoleSource) -> Result<()> {
        let BroadcastStage::Running(run) = &mut self.state.compose.stage else {
            return Ok(());
        };
        if let Err(e) = source.continue_broadcast(run, BROADCAST_PART) {
            let why = tr!(
                "console-broadcast-stopped",
                id = run.id.to_string(),
                sent = run.tally.sent,
                audience = run.quote.audience,
                error = e.to_string()
            );
            self.state.compose.stage = BroadcastStage::Done(run.clone());
            return Err(ConsoleError::Unavailable(why));
        }
        let Some(settlement) = run.settlement else {
            return Ok(());
        };
        let id = run.id;
        let done = run.clone();
        self.state.compose.stage = BroadcastStage::Done(done);
        self.info(tr!(
            "console-broadcast-sent",
            id = id.to_string(),
            charged = crate::i18n::credits(settlement.charged),
            returned = crate::i18n::credits(settlement.refunded)
        ));
        Ok(())
    }
}

/// The fields of the form, in order: the list of names only when the audience is a list.
fn fields(form: &ComposeForm) -> Vec<ComposeField> {
    let mut list = vec![ComposeField::Template];
    list.extend((0..form.params.len()).map(ComposeField::Param));
    list.push(ComposeField::Audience);
    if form.audience == AudienceChoice::List {
        list.push(ComposeField::List);
    }
    list
}

//! Filling the visible parts of the console's state from its source. Everything that comes
//! from the source is untrusted text and is cleaned here, as message text is.

use super::super::source::*;
use super::super::state::*;
use super::ConsoleApp;
use crate::model::MetricScope;
use crate::model::*;
use crate::policy::recovery;

/// Days of figures the Metrics screen loads (the charts show as many as fit).
pub const METRIC_DAYS: i64 = 30;
/// Longest name shown, in characters.
const NAME_CHARS: usize = 64;
/// Longest one-line note shown (review notes, history, reasons), in characters.
const NOTE_CHARS: usize = 300;

impl ConsoleApp {
    /// Reloads the header and the current screen.
    pub(super) fn reload(&mut self, source: &mut dyn ConsoleSource) -> Result<()> {
        self.state.clock = source.now()?;
        self.state.connection = source.connection();
        let Some(id) = self.business() else {
            return Ok(());
        };
        self.state.businesses = source
            .businesses()?
            .into_iter()
            .map(clean_business)
            .collect();
        let listed = self.state.businesses.iter().find(|b| b.id == id).cloned();
        self.state.business = Some(match listed {
            Some(b) => b,
            None => clean_business(source.business(id)?),
        });
        match self.state.screen {
            ConsoleScreen::Templates => self.load_templates(source, id),
            ConsoleScreen::Compose => self.load_compose(source, id),
            ConsoleScreen::Metrics => self.load_metrics(source, id),
            ConsoleScreen::Standing => self.load_standing(source, id),
            ConsoleScreen::Conversations => self.load_conversations(source, id),
        }
    }

    pub(super) fn load_templates(
        &mut self,
        source: &mut dyn ConsoleSource,
        business: BusinessId,
    ) -> Result<()> {
        let rows: Vec<TemplateCard> = source
            .templates(business)?
            .into_iter()
            .map(clean_card)
            .collect();
        let list = &mut self.state.templates;
        list.selected = list.selected.min(rows.len().saturating_sub(1));
        list.rows = rows;
        Ok(())
    }

    fn load_compose(&mut self, source: &mut dyn ConsoleSource, business: BusinessId) -> Result<()> {
        self.load_templates(source, business)?;
        let now = self.state.clock;
        let compose = &mut self.state.compose;
        compose.sendable = self
            .state
            .templates
            .rows
            .iter()
            .filter(|c| not_sendable(&c.template, now).is_none())
            .map(|c| c.template.clone())
            .collect();
        compose.subscribers = source.subscribers(business)?;
        if compose.stage == BroadcastStage::Editing && compose.template().is_none() {
            let first = compose.sendable.first().map(|t| t.id);
            self.choose_template(first);
        }
        Ok(())
    }

    fn load_metrics(&mut self, source: &mut dyn ConsoleSource, business: BusinessId) -> Result<()> {
        self.load_templates(source, business)?;
        let broadcasts = source.broadcasts(business)?;
        let mut scopes = vec![ScopeRow {
            scope: MetricScope::Business(business),
            label: tr!("console-metrics-every-message"),
        }];
        scopes.extend(self.state.templates.rows.iter().map(|c| ScopeRow {
            scope: MetricScope::Template(c.template.id),
            label: c.template.name.clone(),
        }));
        scopes.extend(broadcasts.iter().map(|b| ScopeRow {
            scope: MetricScope::Broadcast(b.id),
            label: tr!(
                "console-metrics-broadcast-row",
                id = b.id.to_string(),
                template = template_name(&self.state.templates.rows, b.template),
                date = crate::i18n::short_date(b.created_at),
                refused = if b.refused.is_some() { "yes" } else { "no" }
            ),
        }));
        let view = &mut self.state.metrics;
        view.selected = view.selected.min(scopes.len() - 1);
        let scope = scopes[view.selected].scope;
        let today = self.state.clock.day_number();
        view.figures = source.metrics(scope)?;
        view.days = source.daily(scope, today - METRIC_DAYS + 1, today)?;
        view.quality = source.quality_log(business)?;
        view.scopes = scopes;
        view.broadcasts = broadcasts;
        Ok(())
    }

    fn load_standing(
        &mut self,
        source: &mut dyn ConsoleSource,
        business: BusinessId,
    ) -> Result<()> {
        self.load_templates(source, business)?;
        let mut report = source.standing(business)?;
        report.business = clean_business(report.business);
        for s in &mut report.strikes {
            s.detail = text::clean_line(&s.detail, NOTE_CHARS);
        }
        for r in &mut report.restrictions {
            r.reason = text::clean_line(&r.reason, NOTE_CHARS);
        }
        let templates: Vec<&Template> = self
            .state
            .templates
            .rows
            .iter()
            .map(|c| &c.template)
            .collect();
        let recovery = crate::i18n::sentences::advice(&recovery::advice(
            &report,
            &templates,
            source.policy(),
            self.state.clock,
        ));
        let scroll = self.state.standing.as_ref().map_or(0, |s| s.scroll);
        self.state.standing = Some(StandingView {
            report,
            recovery,
            scroll,
        });
        Ok(())
    }
}

fn template_name(rows: &[TemplateCard], id: TemplateId) -> String {
    rows.iter().find(|c| c.template.id == id).map_or_else(
        || tr!("console-template-numbered", id = id.to_string()),
        |c| c.template.name.clone(),
    )
}

/// A business from the source, its name cleaned.
pub(super) fn clean_business(mut b: Business) -> Business {
    b.name = text::clean_name(&b.name);
    b
}

/// A template from the source, with every text in it cleaned.
pub(super) fn clean_card(mut card: TemplateCard) -> TemplateCard {
    let t = &mut card.template;
    t.name = text::clean_line(&t.name, NAME_CHARS);
    t.body = text::clean_body(&t.body);
    t.review_note = text::clean_line(&t.review_note, NOTE_CHARS);
    for event in &mut card.history {
        event.note = text::clean_line(&event.note, NOTE_CHARS);
    }
    card
}

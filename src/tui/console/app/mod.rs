//! The console's logic: `update(source, action)` changes the state and, through the source,
//! the business's data; then it reloads what is on screen. It is plain code over a
//! [`ConsoleSource`], so tests drive it without a terminal.

mod browse;
mod compose;
mod conversations;
mod load;
mod templates;

use super::source::{ConsoleError, ConsoleSource, Result};
use super::state::*;
use crate::model::*;
use crate::tui::console::Action;
use crate::tui::kit::Status;

/// Recipients sent to per part of a running broadcast: each part is one transaction and one
/// step of the progress bar.
pub const BROADCAST_PART: usize = 25;

/// The business console: what is on screen, and the logic that changes it.
#[derive(Debug, Clone)]
pub struct ConsoleApp {
    pub state: ConsoleState,
}

impl ConsoleApp {
    /// Opens the console on `business`, or on the lender of the demo world (else the first
    /// business) when none is named.
    pub fn open(
        source: &mut dyn ConsoleSource,
        business: Option<BusinessId>,
        width: u16,
        height: u16,
    ) -> Result<ConsoleApp> {
        let mut state = ConsoleState::new(width, height);
        state.businesses = source
            .businesses()?
            .into_iter()
            .map(load::clean_business)
            .collect();
        state.business = match business {
            Some(id) => Some(source.business(id)?),
            None => default_business(&state.businesses),
        };
        let mut app = ConsoleApp { state };
        app.reload(source)?;
        Ok(app)
    }

    /// The business the console acts as.
    pub fn business(&self) -> Option<BusinessId> {
        self.state.business.as_ref().map(|b| b.id)
    }

    /// Applies one action. Failures do not stop the console: they show in the error banner.
    pub fn update(&mut self, source: &mut dyn ConsoleSource, action: Action) {
        if !matches!(action, Action::Resize { .. } | Action::Refresh) {
            self.state.status = None;
        }
        let result = self
            .dispatch(source, action)
            .and_then(|()| self.reload(source));
        if let Err(e) = result {
            self.error(e.to_string());
            let _ = self.reload(source);
        }
        self.state.connection = source.connection();
    }

    /// Whether a broadcast is sending and wants `tick` called.
    pub fn busy(&self) -> bool {
        self.state.sending()
    }

    /// Sends the next part of a running broadcast; settles it after the last part.
    pub fn tick(&mut self, source: &mut dyn ConsoleSource) {
        let result = self.send_part(source).and_then(|()| self.reload(source));
        if let Err(e) = result {
            self.error(e.to_string());
        }
        self.state.connection = source.connection();
    }

    /// Reloads what is on screen from the source (after a change made elsewhere).
    pub fn refresh(&mut self, source: &mut dyn ConsoleSource) {
        self.update(source, Action::Refresh);
    }

    fn dispatch(&mut self, source: &mut dyn ConsoleSource, action: Action) -> Result<()> {
        if self.state.help.is_some() {
            self.help_action(action);
            return Ok(());
        }
        if self.state.dialog.is_some() {
            return self.dialog_action(source, action);
        }
        if self.state.editor.is_some() {
            return self.editor_action(source, action);
        }
        if self.state.prompt.is_some() {
            return self.prompt_action(source, action);
        }
        match action {
            Action::Quit => self.state.quit = true,
            Action::Resize { width, height } => {
                self.state.width = width;
                self.state.height = height;
            }
            Action::Refresh => {}
            Action::Help => self.state.help = Some(0),
            Action::AdvanceHour => self.advance(source, Span::hours(1))?,
            Action::AdvanceDay => self.advance(source, Span::days(1))?,
            Action::SwitchBusiness => self.open_switcher(),
            other => {
                if let Some(screen) = screen_for(&other, self.state.screen) {
                    self.show(screen);
                    return Ok(());
                }
                self.screen_action(source, other)?;
            }
        }
        Ok(())
    }

    fn screen_action(&mut self, source: &mut dyn ConsoleSource, action: Action) -> Result<()> {
        match self.state.screen {
            ConsoleScreen::Templates => {
                self.templates_action(action);
                Ok(())
            }
            ConsoleScreen::Compose => self.compose_action(source, action),
            ConsoleScreen::Metrics => {
                self.metrics_action(action);
                Ok(())
            }
            ConsoleScreen::Standing => self.standing_action(source, action),
            ConsoleScreen::Conversations => self.conversations_action(source, action),
        }
    }

    /// Goes to a screen.
    pub fn show(&mut self, screen: ConsoleScreen) {
        self.state.screen = screen;
        if screen == ConsoleScreen::Compose {
            self.state.compose.form.focus = ComposeField::Template;
        }
    }

    fn advance(&mut self, source: &mut dyn ConsoleSource, span: Span) -> Result<()> {
        if self.busy() {
            self.info(tr!("console-busy-clock"));
            return Ok(());
        }
        match source.advance_clock(span) {
            Ok(now) => self.info(tr!("console-clock-moved", at = crate::i18n::day_time(now))),
            Err(ConsoleError::Unavailable(why)) => self.info(text::clean_line(&why, 300)),
            Err(e) => return Err(e),
        }
        Ok(())
    }

    /// Shows an error in the banner.
    fn error(&mut self, text: String) {
        self.state.status = Some(Status {
            text: text::clean_line(&text, 300),
            error: true,
        });
    }

    /// Shows a line in the status bar.
    fn info(&mut self, text: impl Into<String>) {
        self.state.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }
}

/// The business the console opens on: the lender (the demo world's business worth
/// reporting), else the first one.
fn default_business(businesses: &[Business]) -> Option<Business> {
    businesses
        .iter()
        .find(|b| b.kind == BusinessKind::Finance)
        .or_else(|| businesses.first())
        .cloned()
}

/// The screen an action goes to, if it is a screen key.
fn screen_for(action: &Action, current: ConsoleScreen) -> Option<ConsoleScreen> {
    let all = ConsoleScreen::ALL;
    let i = all.iter().position(|s| *s == current).unwrap_or(0);
    Some(match action {
        Action::ScreenTemplates => ConsoleScreen::Templates,
        Action::ScreenCompose => ConsoleScreen::Compose,
        Action::ScreenMetrics => ConsoleScreen::Metrics,
        Action::ScreenStanding => ConsoleScreen::Standing,
        Action::ScreenConversations => ConsoleScreen::Conversations,
        Action::NextScreen => all[(i + 1) % all.len()],
        Action::PrevScreen => all[(i + all.len() - 1) % all.len()],
        _ => return None,
    })
}

/// How far a list moves for an action, if it is a move.
fn movement(action: &Action) -> Option<i64> {
    Some(match action {
        Action::MoveDown => 1,
        Action::MoveUp => -1,
        Action::PageDown => 10,
        Action::PageUp => -10,
        Action::MoveTop => i64::MIN / 2,
        Action::MoveBottom => i64::MAX / 2,
        _ => return None,
    })
}

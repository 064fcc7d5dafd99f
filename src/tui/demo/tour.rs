//! The guided tour: a few steps, each with a one-line caption, that take the user's block and
//! report through the platform's review to the lender's quality, pauses and restrictions.

use super::{DemoApp, Half};
use crate::i18n::i18n_id;
use crate::model::*;
use crate::tui::console::StoreSource;
use crate::tui::console::source::{ConsoleSource, Result};
use crate::tui::console::state::ConsoleScreen;
use crate::tui::inbox::Action;
use crate::tui::inbox::state::Dialog;

/// Hours the tour moves the clock at most to reach one step.
const MAX_HOURS: i64 = 5 * 24;

/// A point in the lender's decline that a step waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Milestone {
    /// Its quality fell below High.
    QualityFell,
    /// One of its templates has been paused this many times.
    Paused(u32),
    /// One of its templates is disabled.
    TemplateDisabled,
    /// All its business-initiated sending is suspended (or worse).
    SendingSuspended,
    /// The business is disabled.
    BusinessDisabled,
}

/// What a step does before its caption shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TourMove {
    /// Opens the lender's chat in the inbox.
    OpenLenderChat,
    /// Blocks the lender as spam, through the inbox's dialogs.
    Block,
    /// Reports the lender as spam (blocking it too), through the inbox's dialogs.
    Report,
    /// Moves the clock an hour at a time until the lender reaches the milestone.
    AdvanceUntil(Milestone),
}

/// The caption of step `step` of the tour, in the language in force.
pub fn caption(step: usize) -> String {
    TOUR.get(step)
        .map(|s| crate::i18n::text(s.caption, None))
        .unwrap_or_default()
}

/// "Tour 2/7 · Alex blocks the lender…": the step and its caption, as the demo's line shows
/// it.
pub fn caption_line(step: usize) -> String {
    tr!(
        "demo-tour-step",
        step = step + 1,
        steps = TOUR.len(),
        caption = caption(step)
    )
}

/// Where Block and Report are among the first-contact box's choices (Continue, Block, Report).
const BLOCK_CHOICE: usize = 1;
const REPORT_CHOICE: usize = 2;

/// One step of the tour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TourStep {
    /// The catalogue id of its caption.
    pub caption: &'static str,
    pub moves: &'static [TourMove],
    /// The half that gets the keys (and is shown, when only one fits).
    pub half: Half,
    /// The console screen shown.
    pub screen: ConsoleScreen,
}

/// The tour, in order.
pub const TOUR: [TourStep; 7] = [
    TourStep {
        caption: i18n_id("demo-tour-1"),
        moves: &[TourMove::OpenLenderChat],
        half: Half::Inbox,
        screen: ConsoleScreen::Standing,
    },
    TourStep {
        caption: i18n_id("demo-tour-2"),
        moves: &[TourMove::Block],
        half: Half::Inbox,
        screen: ConsoleScreen::Standing,
    },
    TourStep {
        caption: i18n_id("demo-tour-3"),
        moves: &[TourMove::AdvanceUntil(Milestone::QualityFell)],
        half: Half::Console,
        screen: ConsoleScreen::Standing,
    },
    TourStep {
        caption: i18n_id("demo-tour-4"),
        moves: &[TourMove::AdvanceUntil(Milestone::Paused(1))],
        half: Half::Console,
        screen: ConsoleScreen::Templates,
    },
    TourStep {
        caption: i18n_id("demo-tour-5"),
        moves: &[TourMove::AdvanceUntil(Milestone::Paused(2))],
        half: Half::Console,
        screen: ConsoleScreen::Templates,
    },
    TourStep {
        caption: i18n_id("demo-tour-6"),
        moves: &[TourMove::AdvanceUntil(Milestone::TemplateDisabled)],
        half: Half::Console,
        screen: ConsoleScreen::Templates,
    },
    TourStep {
        caption: i18n_id("demo-tour-7"),
        moves: &[
            TourMove::Report,
            TourMove::AdvanceUntil(Milestone::BusinessDisabled),
        ],
        half: Half::Console,
        screen: ConsoleScreen::Standing,
    },
];

impl DemoApp {
    /// Starts the tour, or takes its next step; after the last step the tour ends.
    pub(super) fn tour_step(&mut self) {
        let next = self.state.tour.map_or(0, |i| i + 1);
        let Some(step) = TOUR.get(next) else {
            self.state.tour = None;
            return;
        };
        if next == 0 {
            self.act_as_lender();
        }
        self.state.tour = Some(next);
        for action in step.moves {
            match *action {
                TourMove::OpenLenderChat => self.open_lender_chat(),
                TourMove::Block => self.block_lender(),
                TourMove::Report => self.report_lender(),
                TourMove::AdvanceUntil(milestone) => self.advance_until(milestone),
            }
        }
        self.state.focus = step.half;
        self.with_console(|console, source| {
            console.show(step.screen);
            console.refresh(source);
        });
        if step.screen == ConsoleScreen::Templates {
            self.select_paused_template();
        }
        self.inbox.update(Action::Refresh);
    }

    fn act_as_lender(&mut self) {
        let lender = self
            .console
            .state
            .businesses
            .iter()
            .find(|b| b.kind == BusinessKind::Finance)
            .map(|b| b.id);
        if let Some(id) = lender.filter(|id| Some(*id) != self.console.business()) {
            self.with_console(|console, source| console.act_as(source, id));
        }
    }

    fn lender_chat(&self) -> Option<ChatId> {
        let business = self.console.business()?;
        let me = self.inbox.me();
        let chat = self
            .inbox
            .store()
            .db()
            .chat_with(me, Counterpart::Business(business));
        chat.ok().flatten().map(|c| c.id)
    }

    fn open_lender_chat(&mut self) {
        if let Some(chat) = self.lender_chat() {
            self.inbox.state.dialog = None;
            self.inbox.show_chat(chat);
        }
    }

    /// Opens the lender's chat; its first-contact question, if it is still open, is answered
    /// with `choice`; else `key` opens the dialog.
    fn start_lender_dialog(&mut self, choice: usize, key: Action) {
        if self.inbox.state.chat.as_ref().map(|c| c.chat.id) != self.lender_chat() {
            self.open_lender_chat();
        }
        match &self.inbox.state.dialog {
            Some(Dialog::FirstContact { selected, .. }) => {
                for _ in *selected..choice {
                    self.inbox.update(Action::MoveDown);
                }
                self.inbox.update(Action::Confirm);
            }
            Some(_) => {}
            None => self.inbox.update(key),
        }
    }

    /// Blocks the lender as spam, through the inbox's own dialogs.
    fn block_lender(&mut self) {
        self.start_lender_dialog(BLOCK_CHOICE, Action::ToggleBlock);
        while let Some(Dialog::Block { reasons, .. }) = &self.inbox.state.dialog {
            if reasons.current() == BlockReason::Spam
                || reasons.selected + 1 >= reasons.options.len()
            {
                self.inbox.update(Action::Confirm);
            } else {
                self.inbox.update(Action::MoveDown);
            }
        }
    }

    /// Reports the lender as spam (also blocking it), through the inbox's own dialogs.
    fn report_lender(&mut self) {
        self.start_lender_dialog(REPORT_CHOICE, Action::Report);
        if let Some(Dialog::Report { also_block, .. }) = &self.inbox.state.dialog {
            if !also_block {
                self.inbox.update(Action::Toggle);
            }
            self.inbox.update(Action::Confirm);
        }
    }

    fn advance_until(&mut self, milestone: Milestone) {
        let Some(business) = self.console.business() else {
            return;
        };
        let mut source = StoreSource::new(self.inbox.store_mut(), &self.assets);
        for _ in 0..MAX_HOURS {
            if reached(&source, business, milestone).unwrap_or(true) {
                break;
            }
            if source.advance_clock(Span::hours(1)).is_err() {
                break;
            }
        }
    }

    /// On the Templates screen, the template paused last is the one to look at.
    fn select_paused_template(&mut self) {
        let list = &mut self.console.state.templates;
        let latest = list
            .rows
            .iter()
            .enumerate()
            .filter(|(_, c)| c.template.pause_count > 0)
            .max_by_key(|(_, c)| c.history.last().map(|e| e.at))
            .map(|(i, _)| i);
        if let Some(i) = latest {
            list.selected = i;
        }
    }
}

/// Whether the business has reached the milestone.
fn reached(source: &dyn ConsoleSource, business: BusinessId, milestone: Milestone) -> Result<bool> {
    Ok(match milestone {
        Milestone::QualityFell => source.business(business)?.quality != Quality::High,
        Milestone::Paused(times) => source
            .templates(business)?
            .iter()
            .any(|c| c.template.pause_count >= times),
        Milestone::TemplateDisabled => source
            .templates(business)?
            .iter()
            .any(|c| c.template.status == TemplateStatus::Disabled),
        Milestone::SendingSuspended => {
            let s = source.standing(business)?.standing;
            s.disabled || s.sending_suspended_until.is_some()
        }
        Milestone::BusinessDisabled => source.standing(business)?.standing.disabled,
    })
}

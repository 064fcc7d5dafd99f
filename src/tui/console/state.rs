//! Everything the console shows, as plain data: its app fills it, its views read it.

use super::field::TextField;
use super::source::*;
use crate::i18n::date_time;
pub use crate::model::MetricScope;
use crate::model::*;
pub use crate::model::{BroadcastRecord, DayFigures};
use crate::policy::Metrics;
use crate::policy::broadcast::InsufficientBudget;
use crate::tui::console::Mode;
use crate::tui::kit::Status;

/// The console's screens, in the order of their tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsoleScreen {
    Templates,
    Compose,
    Metrics,
    Standing,
    Conversations,
}

impl ConsoleScreen {
    /// Every screen, in tab order.
    pub const ALL: [ConsoleScreen; 5] = [
        ConsoleScreen::Templates,
        ConsoleScreen::Compose,
        ConsoleScreen::Metrics,
        ConsoleScreen::Standing,
        ConsoleScreen::Conversations,
    ];

    /// The tab's label.
    pub fn label(self) -> String {
        match self {
            ConsoleScreen::Templates => tr!("console-tab-templates"),
            ConsoleScreen::Compose => tr!("console-tab-broadcast"),
            ConsoleScreen::Metrics => tr!("console-tab-metrics"),
            ConsoleScreen::Standing => tr!("console-tab-standing"),
            ConsoleScreen::Conversations => tr!("console-tab-conversations"),
        }
    }
}

/// The fields of the template editor, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorField {
    Name,
    Category,
    Recategorise,
    Body,
}

impl EditorField {
    /// Every field, in order.
    pub const ALL: [EditorField; 4] = [
        EditorField::Name,
        EditorField::Category,
        EditorField::Recategorise,
        EditorField::Body,
    ];
}

/// A template being written in the console.
#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    pub name: TextField,
    pub category: Category,
    pub allow_recategorise: bool,
    pub body: TextField,
    pub focus: EditorField,
    /// The template it writes a new version of (`None`: a new template).
    pub revising: Option<Revising>,
}

/// The template an editor writes a new version of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revising {
    pub template: TemplateId,
    /// It was rejected, so the new version is a resubmission.
    pub resubmit: bool,
}

impl Default for Editor {
    fn default() -> Self {
        Editor {
            name: TextField::default(),
            category: Category::Marketing,
            allow_recategorise: true,
            body: TextField::default(),
            focus: EditorField::Name,
            revising: None,
        }
    }
}

/// The Templates screen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TemplateList {
    pub rows: Vec<TemplateCard>,
    pub selected: usize,
}

impl TemplateList {
    /// The highlighted template.
    pub fn selected_card(&self) -> Option<&TemplateCard> {
        self.rows.get(self.selected)
    }
}

/// A field of the broadcast form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComposeField {
    Template,
    /// The placeholder `{{n+1}}`.
    Param(usize),
    Audience,
    List,
}

/// Who the form sends to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AudienceChoice {
    Subscribers,
    List,
}

/// The broadcast form.
#[derive(Debug, Clone, PartialEq)]
pub struct ComposeForm {
    pub template: Option<TemplateId>,
    pub params: Vec<TextField>,
    pub audience: AudienceChoice,
    /// Names, separated by commas.
    pub list: TextField,
    pub focus: ComposeField,
}

impl Default for ComposeForm {
    fn default() -> Self {
        ComposeForm {
            template: None,
            params: Vec::new(),
            audience: AudienceChoice::Subscribers,
            list: TextField::default(),
            focus: ComposeField::Template,
        }
    }
}

/// Where a broadcast is: being written, priced, refused, running or done.
#[derive(Debug, Clone, PartialEq)]
pub enum BroadcastStage {
    Editing,
    Reviewing(DryRun),
    Refused(InsufficientBudget),
    Running(BroadcastRun),
    Done(BroadcastRun),
}

/// The Compose and broadcast screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Compose {
    pub form: ComposeForm,
    pub stage: BroadcastStage,
    /// The templates that may be broadcast now (approved), in submission order.
    pub sendable: Vec<Template>,
    /// How many people "all subscribers" is.
    pub subscribers: u32,
}

impl Default for Compose {
    fn default() -> Self {
        Compose {
            form: ComposeForm::default(),
            stage: BroadcastStage::Editing,
            sendable: Vec::new(),
            subscribers: 0,
        }
    }
}

impl Compose {
    /// The chosen template.
    pub fn template(&self) -> Option<&Template> {
        let id = self.form.template?;
        self.sendable.iter().find(|t| t.id == id)
    }
}

/// One line of the Metrics screen's list: the business, a template or a broadcast.
#[derive(Debug, Clone, PartialEq)]
pub struct ScopeRow {
    pub scope: MetricScope,
    pub label: String,
}

/// The Metrics screen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetricsView {
    pub scopes: Vec<ScopeRow>,
    pub selected: usize,
    pub broadcasts: Vec<BroadcastRecord>,
    /// The figures of the selected scope.
    pub figures: Metrics,
    /// Its figures per day, oldest first.
    pub days: Vec<DayFigures>,
    /// The business's quality and tier changes, oldest first.
    pub quality: Vec<QualityPoint>,
}

/// The Standing screen.
#[derive(Debug, Clone, PartialEq)]
pub struct StandingView {
    pub report: StandingReport,
    /// What the business must do to recover, one sentence a line.
    pub recovery: Vec<String>,
    pub scroll: u16,
}

/// The Conversations screen: the users who wrote to the business or were written to, and
/// the one conversation opened (read, so its user's messages are marked read).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConversationsView {
    pub rows: Vec<ConversationSummary>,
    pub selected: usize,
    pub open: Option<ConversationPage>,
}

impl ConversationsView {
    /// The highlighted conversation.
    pub fn selected_row(&self) -> Option<&ConversationSummary> {
        self.rows.get(self.selected)
    }
}

/// A box over the console.
#[derive(Debug, Clone, PartialEq)]
pub enum ConsoleDialog {
    /// Choose the business the console acts as.
    Switcher { selected: usize },
    /// The review of a template just submitted.
    Review { card: TemplateCard },
    /// Whether to delete a template.
    Delete { template: TemplateId, name: String },
}

/// Everything the console's views draw.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsoleState {
    pub width: u16,
    pub height: u16,
    pub screen: ConsoleScreen,
    pub businesses: Vec<Business>,
    /// The business the console acts as.
    pub business: Option<Business>,
    pub templates: TemplateList,
    pub editor: Option<Editor>,
    /// The path of a template file being typed.
    pub prompt: Option<TextField>,
    pub compose: Compose,
    pub metrics: MetricsView,
    pub standing: Option<StandingView>,
    pub conversations: ConversationsView,
    pub dialog: Option<ConsoleDialog>,
    pub help: Option<u16>,
    pub clock: Timestamp,
    pub connection: String,
    pub status: Option<Status>,
    pub quit: bool,
}

impl ConsoleState {
    /// An empty console of this size.
    pub fn new(width: u16, height: u16) -> ConsoleState {
        ConsoleState {
            width,
            height,
            screen: ConsoleScreen::Templates,
            businesses: Vec::new(),
            business: None,
            templates: TemplateList::default(),
            editor: None,
            prompt: None,
            compose: Compose::default(),
            metrics: MetricsView::default(),
            standing: None,
            conversations: ConversationsView::default(),
            dialog: None,
            help: None,
            clock: Timestamp(0),
            connection: String::new(),
            status: None,
            quit: false,
        }
    }

    /// The mode that decides what keys do.
    pub fn mode(&self) -> Mode {
        if self.help.is_some() {
            return Mode::Help;
        }
        if self.dialog.is_some() {
            return Mode::Dialog;
        }
        if self.editor.is_some() {
            return Mode::Editor;
        }
        if self.prompt.is_some() {
            return Mode::Prompt;
        }
        match self.screen {
            ConsoleScreen::Templates => Mode::Templates,
            ConsoleScreen::Compose if self.compose.stage == BroadcastStage::Editing => {
                Mode::Compose
            }
            ConsoleScreen::Compose => Mode::Confirm,
            ConsoleScreen::Metrics => Mode::Metrics,
            ConsoleScreen::Standing => Mode::Standing,
            ConsoleScreen::Conversations => Mode::Conversations,
        }
    }

    /// Whether a broadcast is sending.
    pub fn sending(&self) -> bool {
        matches!(self.compose.stage, BroadcastStage::Running(_))
    }
}

/// Why a template cannot be broadcast now, or `None` when it can.
pub fn not_sendable(template: &Template, now: Timestamp) -> Option<String> {
    match template.status_at(now) {
        TemplateStatus::Approved => None,
        TemplateStatus::Pending => Some(tr!("console-not-sendable-pending")),
        TemplateStatus::Rejected => Some(tr!(
            "console-not-sendable-rejected",
            rule = template.review.as_str()
        )),
        TemplateStatus::Paused => Some(match template.paused_until {
            Some(until) => tr!(
                "console-not-sendable-paused-until",
                until = date_time(until)
            ),
            None => tr!("console-not-sendable-paused"),
        }),
        TemplateStatus::Disabled => Some(tr!("console-not-sendable-disabled")),
        TemplateStatus::Deleted => Some(tr!("console-not-sendable-deleted")),
    }
}

/// A template's status as a word: "Approved" / "Aprobada".
pub fn status_word(status: TemplateStatus) -> String {
    match status {
        TemplateStatus::Pending => tr!("console-status-pending"),
        TemplateStatus::Approved => tr!("console-status-approved"),
        TemplateStatus::Rejected => tr!("console-status-rejected"),
        TemplateStatus::Paused => tr!("console-status-paused"),
        TemplateStatus::Disabled => tr!("console-status-disabled"),
        TemplateStatus::Deleted => tr!("console-status-deleted"),
    }
}

/// A template's category by the platform's name for it: "marketing" / "marketing".
pub fn category_word(category: Category) -> String {
    match category {
        Category::Marketing => tr!("console-category-marketing"),
        Category::Utility => tr!("console-category-utility"),
        Category::Authentication => tr!("console-category-authentication"),
        Category::Service => tr!("console-category-service"),
    }
}

/// The highest placeholder `{{n}}` in a template body (0 when it has none).
pub fn placeholder_count(body: &str) -> usize {
    let mut highest = 0;
    let mut rest = body;
    while let Some(open) = rest.find("{{") {
        rest = &rest[open + 2..];
        if let Some(close) = rest.find("}}")
            && let Ok(n) = rest[..close].trim().parse::<usize>()
        {
            highest = highest.max(n.min(10));
        }
    }
    highest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_counted_by_the_highest_number() {
        assert_eq!(placeholder_count("Hi"), 0);
        assert_eq!(placeholder_count("{{1}} and {{3}} and {{2}}"), 3);
        assert_eq!(placeholder_count("{{x}} {{"), 0);
        assert_eq!(placeholder_count("{{99}}"), 10);
    }
}

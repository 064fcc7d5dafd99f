//! Everything on screen, as plain data: the app fills it, `draw` reads it. Only what is
//! visible is loaded (one page of the chat list, the latest messages of the open chat).

use super::mode::Mode;
use super::settings::UiSettings;
use crate::i18n::{Label, i18n_id};
use crate::model::*;
pub use crate::model::{ChatFilter, ChatOrder, FilterCounts};

/// Which tab of the chat list is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Chats(ChatFilter),
    Held,
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: [Tab; 7] = [
        Tab::Chats(ChatFilter::All),
        Tab::Chats(ChatFilter::Unread),
        Tab::Chats(ChatFilter::Personal),
        Tab::Chats(ChatFilter::Business),
        Tab::Chats(ChatFilter::Offers),
        Tab::Held,
        Tab::Chats(ChatFilter::Archived),
    ];

    /// The tab's label.
    pub fn label(self) -> String {
        match self {
            Tab::Chats(f) => f.text(),
            Tab::Held => tr!("inbox-held-title"),
        }
    }

    /// The tab's label where the tab line is narrow.
    pub fn short_label(self) -> String {
        match self {
            Tab::Chats(ChatFilter::Personal) => tr!("inbox-tab-personal-short"),
            Tab::Chats(ChatFilter::Business) => tr!("inbox-tab-business-short"),
            Tab::Chats(ChatFilter::Archived) => tr!("inbox-tab-archived-short"),
            other => other.label(),
        }
    }

    /// The count shown on the tab.
    pub fn count(self, counts: &FilterCounts) -> u32 {
        match self {
            Tab::Chats(f) => counts.of(f),
            Tab::Held => counts.held,
        }
    }
}

/// The full-screen views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Inbox,
    Subscriptions,
    Profile(BusinessId),
    Settings,
    Help,
    Notices,
}

/// Which pane of the inbox has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Chat,
}

/// One row of the chat list.
#[derive(Debug, Clone, PartialEq)]
pub struct ChatRow {
    pub chat: Chat,
    pub blocked: bool,
    pub first_contact: bool,
}

/// The chat list: the loaded page, where it starts, the selection and the total.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChatList {
    pub rows: Vec<ChatRow>,
    /// Index of `rows[0]` in the whole filtered list.
    pub offset: usize,
    /// Index of the selected chat in the whole filtered list.
    pub selected: usize,
    /// The selected chat: the selection follows it when the list reorders.
    pub selected_chat: Option<ChatId>,
    pub total: usize,
    /// The chats of the loaded page in the order they were last sorted: the page keeps this
    /// order, so nothing the user does moves the row under the cursor, until the user leaves
    /// the tab, re-sorts, scrolls off the page or new messages arrive. Empty: sort afresh.
    pub pinned: Vec<ChatId>,
}

impl ChatList {
    /// The selected row, when it is loaded.
    pub fn selected_row(&self) -> Option<&ChatRow> {
        self.selected
            .checked_sub(self.offset)
            .and_then(|i| self.rows.get(i))
    }
}

/// A business as the user sees it at the top of its chat and on its profile.
#[derive(Debug, Clone, PartialEq)]
pub struct BusinessCard {
    pub business: Business,
    pub relation: Relation,
    /// Restrictions in force, in the user's words.
    pub restrictions: Vec<String>,
    /// Why this business's messages reach the user (or not), one sentence per line.
    pub notice: Vec<String>,
    /// What the user's choices let it send in offers, in one sentence.
    pub offers: String,
    /// When the user last reported it, and why.
    pub reported: Option<(Timestamp, ReportReason)>,
}

/// A message as the chat shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct MessageRow {
    pub message: Message,
    pub sender: String,
    pub template: Option<Template>,
}

/// The open chat.
#[derive(Debug, Clone, PartialEq)]
pub struct ChatView {
    pub chat: Chat,
    pub card: Option<BusinessCard>,
    pub messages: Vec<MessageRow>,
    /// Index into `messages` of the highlighted message.
    pub selected: Option<usize>,
    /// How many of the latest messages are loaded.
    pub window: usize,
    pub total: usize,
    pub first_contact: bool,
    /// With a friend: when the user blocked them and when they last reported them.
    pub person: PersonChoices,
    /// The first message that was unread when the chat came on screen: a "new messages"
    /// divider goes above it until another chat is shown.
    pub unread_from: Option<MessageId>,
}

/// What the user chose about a friend: a block and a report, each with its date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PersonChoices {
    pub blocked: Option<(Timestamp, BlockReason)>,
    pub reported: Option<(Timestamp, ReportReason)>,
}

impl ChatView {
    /// The highlighted message.
    pub fn selected_message(&self) -> Option<&MessageRow> {
        self.selected.and_then(|i| self.messages.get(i))
    }
}

/// One held message in the Held tab.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldRow {
    pub message: Message,
    pub business: BusinessId,
    pub business_name: String,
    pub verified: bool,
}

/// The Held tab.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeldList {
    pub rows: Vec<HeldRow>,
    pub selected: usize,
    /// Messages just deleted, hidden from the list, that the user may still bring back.
    pub undo: Option<HeldUndo>,
}

/// Held messages the user deleted a moment ago: they leave the store only when `until`
/// passes (or the user deletes something else, or quits) unless the user undoes it first.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldUndo {
    pub messages: Vec<MessageId>,
    pub business_name: String,
    /// The deadline, on the app's real-time clock.
    pub until: Timestamp,
}

/// One business on the Subscriptions screen.
#[derive(Debug, Clone, PartialEq)]
pub struct SubscriptionRow {
    pub business: Business,
    pub relation: Relation,
}

/// The Subscriptions screen: every business the inbox knows (with a server, its directory
/// too), or those whose name contains the filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Subscriptions {
    pub rows: Vec<SubscriptionRow>,
    pub selected: usize,
    pub all_offers: bool,
    /// Part of a business's name, typed after `/`, case and accents aside (empty: all).
    pub filter: String,
    /// Where the cursor is in the filter, in characters.
    pub cursor: usize,
    /// Keys go to the filter.
    pub typing: bool,
}

/// A business's profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub card: BusinessCard,
    /// What it sent the user: category, outcome, count.
    pub sent: Vec<(Category, Outcome, u32)>,
    /// Its latest rejected attempts: when, and why.
    pub rejected: Vec<(Timestamp, Category, String)>,
}

/// One line of the Settings screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingRow {
    DailyCap,
    WeeklyCap,
    QuietStart,
    QuietEnd,
    TimeZone,
    AllOffers,
    Notifications,
    Mouse,
    Order,
    Copy,
    Language,
}

impl SettingRow {
    /// Every row, in order.
    pub const ALL: [SettingRow; 11] = [
        SettingRow::DailyCap,
        SettingRow::WeeklyCap,
        SettingRow::QuietStart,
        SettingRow::QuietEnd,
        SettingRow::TimeZone,
        SettingRow::AllOffers,
        SettingRow::Notifications,
        SettingRow::Mouse,
        SettingRow::Order,
        SettingRow::Copy,
        SettingRow::Language,
    ];
}

/// Where the language in force came from, as the Language row says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LanguageSource {
    /// Chosen on the Language row (kept in the store, for this device).
    Settings,
    /// `language` in config.toml.
    Config,
    /// LC_ALL, LC_MESSAGES or LANG.
    Environment,
    /// Nothing asked for one: English.
    #[default]
    Default,
}

/// A search hit: a chat by name, or one message.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub chat: ChatId,
    pub title: String,
    pub message: Option<MessageId>,
    pub at: Option<Timestamp>,
    /// The text shown, with the match inside it.
    pub text: String,
    /// The user wrote this message.
    pub mine: bool,
}

/// The search box and its results.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Search {
    pub query: String,
    pub cursor: usize,
    pub hits: Vec<SearchHit>,
    /// More messages match than are listed.
    pub more: bool,
    pub selected: usize,
    /// While older messages are still being searched, a slice at a time between keys: the
    /// message id below which the search goes on.
    pub searching_below: Option<i64>,
}

/// Finding text in the open chat: the one-line prompt while it is typed, then its hits.
#[derive(Debug, Clone, PartialEq)]
pub struct ChatFind {
    /// The chat it finds in.
    pub chat: ChatId,
    pub query: String,
    /// The cursor in the query, in characters.
    pub cursor: usize,
    /// The prompt is open: keys type the query.
    pub typing: bool,
    /// The messages of the whole chat that contain the query, newest first.
    pub hits: Vec<MessageId>,
    /// More messages contain it than `hits` holds.
    pub more: bool,
    /// Index into `hits` of the hit in view.
    pub current: usize,
}

impl ChatFind {
    /// The query once it is run (not while typed): what the chat highlights.
    pub fn found(&self) -> Option<&str> {
        (!self.typing && !self.hits.is_empty()).then_some(self.query.trim())
    }

    /// "hit 2 of 5 for “energia”".
    pub fn summary(&self) -> String {
        let more = if self.more { "+" } else { "" };
        tr!(
            "inbox-find-summary",
            hit = self.current + 1,
            hits = format!("{}{more}", crate::i18n::number(self.hits.len() as u64)),
            query = self.query.trim()
        )
    }
}

/// A text field: the `ratatui-textarea` editor, its lines wrapped at words and no line
/// underlined. The app edits with it; views draw a copy made from the field's plain text.
pub fn text_field(lines: Vec<String>) -> ratatui_textarea::TextArea<'static> {
    let mut editor = ratatui_textarea::TextArea::new(lines);
    editor.set_cursor_line_style(ratatui::style::Style::default());
    editor.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    editor
}

/// What a text field holds, as plain data: its lines and the cursor (line, character).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldText {
    pub lines: Vec<String>,
    pub cursor: (usize, usize),
}

impl FieldText {
    /// The text and cursor of an editor.
    pub fn of(editor: &ratatui_textarea::TextArea<'_>) -> FieldText {
        let cursor = editor.cursor();
        FieldText {
            lines: editor.lines().to_vec(),
            cursor: (cursor.0, cursor.1),
        }
    }

    /// The text, lines joined by newlines.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// How many characters the text has (a newline counts as one).
    pub fn chars(&self) -> usize {
        let lines = &self.lines;
        lines.iter().map(|l| l.chars().count()).sum::<usize>() + lines.len().saturating_sub(1)
    }

    /// An editor holding this text with the cursor in place, for drawing.
    pub fn field(&self) -> ratatui_textarea::TextArea<'static> {
        let mut editor = text_field(self.lines.clone());
        let clamp = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        editor.move_cursor(ratatui_textarea::CursorMove::Jump(
            clamp(self.cursor.0),
            clamp(self.cursor.1),
        ));
        editor
    }
}

/// The composer at the bottom of a chat: a multi-line message.
pub type Composer = FieldText;

/// The `:` command line: what is typed, and the commands that complete it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommandLine {
    pub field: FieldText,
    /// Commands whose name starts with the typed word: name and what it does.
    pub completions: Vec<(String, &'static str)>,
    /// The completion Tab last put in the line.
    pub selected: Option<usize>,
}

impl CommandLine {
    /// What is typed.
    pub fn text(&self) -> &str {
        self.field.lines.first().map_or("", String::as_str)
    }
}

/// A report or block dialog's list of reasons.
#[derive(Debug, Clone, PartialEq)]
pub struct ReasonChoice<T> {
    pub options: Vec<T>,
    pub selected: usize,
}

impl<T: Copy> ReasonChoice<T> {
    /// A choice over `options`, the first one highlighted.
    pub fn new(options: &[T]) -> Self {
        ReasonChoice {
            options: options.to_vec(),
            selected: 0,
        }
    }

    /// The highlighted option.
    pub fn current(&self) -> T {
        self.options[self.selected.min(self.options.len() - 1)]
    }
}

/// The choices of the first-contact dialog, in order.
pub const FIRST_CONTACT_CHOICES: [&str; 3] = [
    i18n_id("inbox-first-contact-continue"),
    i18n_id("inbox-first-contact-block"),
    i18n_id("inbox-first-contact-report"),
];

/// A dialog over the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    Why {
        title: String,
        lines: Vec<(String, String)>,
    },
    Report {
        /// The business or the friend reported.
        who: Counterpart,
        name: String,
        reasons: ReasonChoice<ReportReason>,
        also_block: bool,
        evidence: Vec<EvidenceLine>,
    },
    Block {
        /// The business or the friend blocked.
        who: Counterpart,
        name: String,
        reasons: ReasonChoice<BlockReason>,
    },
    FirstContact {
        business: BusinessId,
        name: String,
        verified: bool,
        selected: usize,
    },
    /// "Delete all held messages from this business?", with how many.
    DeleteHeld {
        business: BusinessId,
        name: String,
        count: usize,
    },
}

pub use crate::tui::kit::Status;

/// The most status sentences the notices screen keeps.
pub const NOTICES_KEPT: usize = 200;

/// A status sentence as the notices screen keeps it: in full, with its time.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub at: Timestamp,
    pub status: Status,
}

/// Everything `draw` needs.
#[derive(Debug, Clone, PartialEq)]
pub struct UiState {
    pub width: u16,
    pub height: u16,
    pub screen: Screen,
    pub pane: Pane,
    pub tab: Tab,
    pub counts: FilterCounts,
    pub list: ChatList,
    pub held: HeldList,
    pub chat: Option<ChatView>,
    pub composer: Option<Composer>,
    /// The message to write in `$EDITOR`, with a number that grows with each request.
    pub external_edit: Option<(u64, String)>,
    /// Text to copy to the terminal's clipboard, with a number that grows with each copy.
    pub clipboard: Option<(u64, String)>,
    pub dialog: Option<Dialog>,
    pub search: Option<Search>,
    /// Finding text in the open chat (`/` there).
    pub find: Option<ChatFind>,
    pub command: Option<CommandLine>,
    pub subscriptions: Subscriptions,
    pub profile: Option<Profile>,
    pub settings_row: usize,
    pub help_scroll: u16,
    /// How many lines help has with the keys in use (learnt from the keymap with each key).
    pub help_lines: usize,
    /// The last status sentences, oldest first.
    /// Shared, so that the view each frame takes of the state does not copy them.
    pub notices: std::sync::Arc<Vec<Notice>>,
    pub notices_scroll: u16,
    pub prefs: UserPrefs,
    pub settings: UiSettings,
    /// Where the language in force came from.
    pub language_source: LanguageSource,
    pub clock: Timestamp,
    /// The demo world's clock has never moved: the footer names the key that moves it.
    pub clock_untouched: bool,
    pub me: String,
    /// "offline · demo world", later the sync state.
    pub connection: String,
    /// The inbox shows a server's world (its clock is the real one), not the demo world.
    pub server: bool,
    pub status: Option<Status>,
    /// Grows by one for each notification; the terminal side rings when it grows.
    pub notify_count: u64,
    pub notification: Option<String>,
    pub quit: bool,
}

impl UiState {
    /// The mode that decides what keys do.
    pub fn mode(&self) -> Mode {
        if self.dialog.is_some() {
            return Mode::Dialog;
        }
        if self.command.is_some() {
            return Mode::Command;
        }
        if self.search.is_some() {
            return Mode::Search;
        }
        if self.find.as_ref().is_some_and(|f| f.typing)
            || (self.screen == Screen::Subscriptions && self.subscriptions.typing)
        {
            return Mode::Find;
        }
        match self.screen {
            Screen::Help => Mode::Help,
            Screen::Notices => Mode::Notices,
            Screen::Settings => Mode::Settings,
            Screen::Subscriptions => Mode::Subscriptions,
            Screen::Profile(_) => Mode::Profile,
            Screen::Inbox if self.composer.is_some() => Mode::Compose,
            Screen::Inbox if self.pane == Pane::Chat && self.chat.is_some() => Mode::Chat,
            Screen::Inbox if self.tab == Tab::Held => Mode::Held,
            Screen::Inbox => Mode::Inbox,
        }
    }

    /// Whether both panes fit side by side.
    pub fn two_panes(&self) -> bool {
        self.width >= 80
    }
}

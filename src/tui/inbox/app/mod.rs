//! The inbox's logic: `update(action)` changes the state and the store, then reloads what is
//! visible. It is plain code over a store, so tests drive it without a terminal.

mod command;
mod compose;
mod controls;
mod copy;
mod dialogs;
mod find;
mod held;
mod language;
mod load;
mod navigate;
mod people;
mod search;
mod settings;
mod subscriptions;

pub use super::state::FIRST_CONTACT_CHOICES;
pub use held::UNDO_SECONDS;
pub use load::{CHAT_PAGE, business_card};

use super::settings::UiSettings;
use super::state::*;
use crate::model::FilterCounts;
use crate::model::*;
use crate::store::{Store, StoreError};
use crate::world::{self, Assets};

const SETTINGS_KEY: &str = "ui.settings";

/// Where the app reads the real time (for deadlines in seconds, such as undoing a delete);
/// tests give it a clock they move.
pub type RealClock = std::sync::Arc<dyn Fn() -> Timestamp + Send + Sync>;

/// The inbox: its store, the rules and world it runs, and what is on screen.
pub struct App {
    store: Store,
    assets: Assets,
    me: UserId,
    pub state: UiState,
    /// The newest delivered message already announced.
    last_announced: i64,
    /// With a server: wakes the sync loop when an action is queued.
    sync: Option<std::sync::Arc<tokio::sync::Notify>>,
    /// The composer's editor, with its undo history (the state shows its text).
    composer_editor: ratatui_textarea::TextArea<'static>,
    /// The command line's editor.
    command_editor: ratatui_textarea::TextArea<'static>,
    real_clock: RealClock,
    /// Every chat's name while the search box is open, read once when it opens.
    search_titles: Option<Vec<(ChatId, String, bool)>>,
    /// The languages the Settings row cycles through.
    catalogues: crate::i18n::Catalogues,
}

impl App {
    /// Opens the inbox on a store, writing the demo world into it on first start.
    pub fn open(
        mut store: Store,
        assets: Assets,
        defaults: UiSettings,
        width: u16,
        height: u16,
    ) -> Result<App, world::WorldError> {
        world::seed(&mut store, &assets)?;
        let db = store.db();
        let me = db
            .me()?
            .ok_or_else(|| StoreError::not_found(tr!("inbox-store-no-user")))?;
        let user = db.user(me)?;
        let settings = db
            .meta(SETTINGS_KEY)?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or(defaults);
        let clock = db.clock()?.unwrap_or(assets.world.start);
        let clock_untouched = clock == assets.world.start;
        let state = UiState {
            width,
            height,
            screen: Screen::Inbox,
            pane: Pane::List,
            tab: Tab::Chats(ChatFilter::All),
            counts: FilterCounts::default(),
            list: ChatList::default(),
            held: HeldList::default(),
            chat: None,
            composer: None,
            external_edit: None,
            clipboard: None,
            dialog: None,
            search: None,
            find: None,
            command: None,
            subscriptions: Subscriptions::default(),
            profile: None,
            settings_row: 0,
            help_scroll: 0,
            help_lines: 0,
            notices: Default::default(),
            notices_scroll: 0,
            prefs: user.prefs,
            settings,
            language_source: LanguageSource::default(),
            clock,
            clock_untouched,
            me: user.name,
            connection: tr!("inbox-connection-offline"),
            server: false,
            status: None,
            notify_count: 0,
            notification: None,
            quit: false,
        };
        let last_announced = newest_delivered(&store, me)?;
        let mut app = App {
            sync: None,
            composer_editor: text_field(Vec::new()),
            command_editor: text_field(Vec::new()),
            real_clock: std::sync::Arc::new(crate::wall_clock::now),
            search_titles: None,
            // The shipped languages until `speak` gives those found at start.
            catalogues: crate::i18n::Catalogues::embedded(),
            store,
            assets,
            me,
            state,
            last_announced,
        };
        app.reload()?;
        app.follow_selection()?;
        Ok(app)
    }

    /// Reads the real time from `clock` instead of the system's.
    pub fn set_real_clock(&mut self, clock: RealClock) {
        self.real_clock = clock;
    }

    /// The store behind the app.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The store behind the app, for changes made outside the inbox (a sync, a test).
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Works against a server: actions also go to the outbox and wake the sync loop; the
    /// clock is the server's.
    pub fn with_sync(mut self, wake: std::sync::Arc<tokio::sync::Notify>) -> App {
        self.sync = Some(wake);
        self.state.connection = format!("{}…", tr!("inbox-connection-connecting"));
        self.state.server = true;
        self.state.clock_untouched = false;
        self
    }

    /// The sync loop's news: the connection state for the status bar.
    pub fn set_connection(&mut self, text: String) {
        self.state.connection = text;
    }

    /// Opens a chat as Enter on its row does (focus, read, first-contact choice).
    pub fn show_chat(&mut self, chat: ChatId) {
        let result = self.open_chat(chat, None).and_then(|()| self.reload());
        if let Err(e) = result {
            self.error(e.to_string());
        }
    }

    /// The sync loop stopped for good: the sentence says why, and stays in the notices.
    pub fn sync_stopped(&mut self, sentence: String) {
        self.error(sentence);
    }

    /// Learns how many lines help has with the keys in use, so that help scrolls to its
    /// last line and no further (help lists only the keys that are bound).
    pub fn learn_help_length(&mut self, keymap: &crate::tui::kit::Keymap) {
        let groups = super::commands::help(keymap);
        self.state.help_lines = crate::tui::kit::views::help::line_count(&groups);
    }

    /// The user whose inbox this is.
    pub fn me(&self) -> UserId {
        self.me
    }

    /// Applies one action. Failures do not stop the app: they show in the error banner.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize { .. } | Action::Refresh) {
            self.state.status = None;
        }
        let result = self
            .finish_held_deletes(false)
            .and_then(|()| self.dispatch(action))
            .and_then(|()| match self.state.quit {
                true => self.finish_held_deletes(true),
                false => Ok(()),
            })
            .and_then(|()| self.reload());
        if let Err(e) = result {
            self.error(e.to_string());
            let _ = self.reload();
        }
    }

    fn dispatch(&mut self, action: Action) -> crate::store::Result<()> {
        if self.state.command.is_some() {
            return self.command_action(action);
        }
        if self.state.dialog.is_some() {
            return self.dialog_action(action);
        }
        if self.state.search.is_some() {
            return self.search_action(action);
        }
        if self.state.find.as_ref().is_some_and(|f| f.typing) {
            return self.find_action(action);
        }
        if self.state.screen == Screen::Subscriptions && self.state.subscriptions.typing {
            return self.business_find_action(action);
        }
        match action {
            Action::Quit => self.state.quit = true,
            Action::Resize { width, height } => {
                self.state.width = width;
                self.state.height = height;
            }
            Action::Refresh => {
                self.announce_new()?;
                if self.state.chat.is_none() {
                    self.follow_selection()?;
                }
            }
            Action::Help => self.state.screen = Screen::Help,
            Action::Notices => {
                self.state.screen = Screen::Notices;
                self.state.notices_scroll = 0;
            }
            Action::AdvanceHour => self.advance(Span::hours(1))?,
            Action::AdvanceDay => self.advance(Span::days(1))?,
            Action::Search => {
                self.search_titles = None;
                self.state.search = Some(Search::default());
            }
            Action::CommandLine => self.open_command_line(),
            Action::Click { column, row } => self.click(column, row)?,
            Action::ScrollUp { column, row } => self.scroll(column, row, false)?,
            Action::ScrollDown { column, row } => self.scroll(column, row, true)?,
            other => match self.state.screen {
                Screen::Inbox => self.inbox_action(other)?,
                Screen::Subscriptions => self.subscriptions_action(other)?,
                Screen::Profile(b) => self.profile_action(b, other)?,
                Screen::Settings => self.settings_action(other)?,
                Screen::Help => self.help_action(other),
                Screen::Notices => self.notices_action(other),
            },
        }
        Ok(())
    }

    /// Shows an error in the banner.
    fn error(&mut self, text: String) {
        self.show(Status { text, error: true });
    }

    /// Shows a line in the status bar.
    fn info(&mut self, text: impl Into<String>) {
        self.show(Status {
            text: text.into(),
            error: false,
        });
    }

    /// Shows a status sentence and keeps it, in full, for the notices screen.
    fn show(&mut self, status: Status) {
        let notices = std::sync::Arc::make_mut(&mut self.state.notices);
        if notices.len() >= NOTICES_KEPT {
            notices.remove(0);
        }
        notices.push(Notice {
            at: self.state.clock,
            status: status.clone(),
        });
        self.state.status = Some(status);
    }

    /// Moves the demo world's clock, then announces what arrived.
    fn advance(&mut self, span: Span) -> crate::store::Result<()> {
        if self.sync.is_some() {
            self.info(tr!("inbox-clock-with-server"));
            return Ok(());
        }
        let until = self.state.clock + span;
        let mark = self.store.db().newest_message_id()?;
        world::advance(&mut self.store, &self.assets, until, |_| {}).map_err(store_error)?;
        self.state.clock = until;
        self.state.clock_untouched = false;
        let arrived = self.announce_new()?;
        let held = self.store.db().held_after(self.me, mark)?;
        let over = world::script_over(&self.store, &self.assets).map_err(store_error)?;
        self.info(clock_sentence(until, arrived, held, over));
        Ok(())
    }

    /// New messages in the chat the user is reading are read.
    fn read_open_chat(&mut self) -> crate::store::Result<()> {
        let reading = self.state.screen == Screen::Inbox && self.state.pane == Pane::Chat;
        match self
            .state
            .chat
            .as_ref()
            .filter(|_| reading)
            .map(|c| c.chat.id)
        {
            Some(chat) => self.mark_read(chat),
            None => Ok(()),
        }
    }

    /// Marks a chat read when it has unread messages, as a user action: with a server it goes
    /// through the outbox, so the business's read count follows.
    fn mark_read(&mut self, chat: ChatId) -> crate::store::Result<()> {
        if self.store.db().chat(chat)?.unread == 0 {
            return Ok(());
        }
        self.apply(&UserAction::MarkRead { chat })
    }

    /// Counts deliveries since the last announcement (outside muted chats) and notifies.
    fn announce_new(&mut self) -> crate::store::Result<usize> {
        let (count, newest, preview) = new_deliveries(&self.store, self.me, self.last_announced)?;
        self.read_open_chat()?;
        self.last_announced = self.last_announced.max(newest);
        if count > 0 {
            self.state.list.pinned.clear();
        }
        if count > 0
            && self.state.settings.notifications != crate::tui::kit::notify::Notifications::Off
        {
            self.state.notify_count += 1;
            self.state.notification = Some(preview);
        }
        Ok(count)
    }
}

/// A world error as the inbox reports it.
fn store_error(e: world::WorldError) -> StoreError {
    match e {
        world::WorldError::Store(s) => s,
        world::WorldError::Config(c) => StoreError::Invalid(c.to_string()),
    }
}

/// What moving the clock brought ("Clock moved to …: 3 new, 2 held", or "nothing new"), and
/// once the script has run out, how to start the demo week again.
fn clock_sentence(until: Timestamp, arrived: usize, held: usize, over: bool) -> String {
    let what = match (arrived, held) {
        (0, 0) => tr!("inbox-clock-nothing-new"),
        (n, 0) => tr!("inbox-clock-new", count = n),
        (0, h) => tr!("inbox-clock-held", count = h),
        (n, h) => tr!("inbox-clock-new-and-held", new = n, held = h),
    };
    let at = crate::i18n::day_time(until);
    match over {
        true => tr!("inbox-clock-moved-week-over", at = at, what = what),
        false => tr!("inbox-clock-moved", at = at, what = what),
    }
}

/// The newest delivery there is: those up to it are not announced. (Listing them all with
/// `new_deliveries` took 2.8 s on a store of 1 000 000 messages.)
fn newest_delivered(store: &Store, me: UserId) -> crate::store::Result<i64> {
    Ok(store.db().newest_delivery(me)?.map_or(0, |id| id.0.max(0)))
}

/// Delivered inbound messages after `after` outside muted chats: how many, the newest id,
/// and a preview of the newest.
fn new_deliveries(
    store: &Store,
    me: UserId,
    after: i64,
) -> crate::store::Result<(usize, i64, String)> {
    let list = store.db().deliveries_after(me, after)?;
    let newest = list.iter().map(|(id, ..)| id.0).max().unwrap_or(after);
    let preview = list
        .last()
        .map(|(_, title, body)| format!("{title}: {body}"))
        .unwrap_or_default();
    Ok((list.len(), newest, preview))
}

pub use super::action::Action;

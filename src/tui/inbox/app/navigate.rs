//! Moving around: selections, panes, tabs, screens, the mouse.

use super::super::layout::{self, ROW_HEIGHT};
use super::super::state::*;
use super::{Action, App, CHAT_PAGE};
use crate::model::*;
use crate::store::Result;
use crate::tui::kit::list::step;
use crate::tui::kit::views::help::max_scroll;

impl App {
    pub(super) fn inbox_action(&mut self, action: Action) -> Result<()> {
        if self.state.composer.is_some() {
            return self.compose_action(action);
        }
        if let Some(tab) = tab_for(&action) {
            if tab == self.state.tab && self.state.pane == Pane::List {
                self.info(tr!("inbox-this-tab", tab = tab.label()));
                return Ok(());
            }
            self.set_tab(tab);
            return self.follow_selection();
        }
        match action {
            Action::FilterNext | Action::FilterPrev => {
                self.step_tab(action == Action::FilterNext);
                self.follow_selection()?;
            }
            Action::NextPane => self.next_pane(),
            Action::Open => self.open_selected()?,
            Action::Back if self.clear_find() => {}
            Action::Back => self.back(),
            Action::Find if self.state.chat.is_some() => {
                self.state.pane = Pane::Chat;
                self.open_find();
            }
            Action::Find => self.info(tr!("inbox-find-no-chat")),
            Action::FindNext => self.step_find(true)?,
            Action::Copy => self.copy_selected(),
            Action::FindPrevious => self.step_find(false)?,
            Action::MoveUp => self.move_by(-1)?,
            Action::MoveDown => self.move_by(1)?,
            Action::PageUp => self.move_by(-(self.page() as i64))?,
            Action::PageDown => self.move_by(self.page() as i64)?,
            Action::MoveTop => self.move_by(i64::MIN / 2)?,
            Action::MoveBottom => self.move_by(i64::MAX / 2)?,
            Action::NextUnread => self.next_unread()?,
            Action::Resort => {
                self.state.list.pinned.clear();
                self.info(tr!("inbox-resorted"));
            }
            Action::Profile => match self.context_business() {
                Some(b) => self.state.screen = Screen::Profile(b),
                None => self.info(tr!("inbox-profile-personal-chat")),
            },
            Action::Subscriptions => {
                self.state.screen = Screen::Subscriptions;
                if let Some(wake) = &self.sync {
                    wake.notify_one();
                }
            }
            Action::Settings => self.state.screen = Screen::Settings,
            other => self.control(other)?,
        }
        Ok(())
    }

    /// Scrolls help, from its first line to its last at the bottom; at an end, says so.
    pub(super) fn help_action(&mut self, action: Action) {
        let height = layout::areas(&self.state).main.height;
        let max = max_scroll(self.state.help_lines, height);
        let page = height.saturating_sub(3).max(1);
        let scroll = self.state.help_scroll.min(max);
        let next = match action {
            Action::MoveDown => scroll.saturating_add(1),
            Action::MoveUp => scroll.saturating_sub(1),
            Action::PageDown => scroll.saturating_add(page),
            Action::PageUp => scroll.saturating_sub(page),
            Action::MoveTop => 0,
            Action::MoveBottom => max,
            Action::Back | Action::Help => {
                self.state.screen = Screen::Inbox;
                self.state.help_scroll = 0;
                return;
            }
            _ => return,
        }
        .min(max);
        if next == scroll {
            let up = matches!(action, Action::MoveUp | Action::PageUp | Action::MoveTop);
            self.info(if up {
                tr!("inbox-help-top")
            } else {
                tr!("inbox-help-end")
            });
        }
        self.state.help_scroll = next;
    }

    pub(super) fn notices_action(&mut self, action: Action) {
        let scroll = &mut self.state.notices_scroll;
        match action {
            Action::MoveDown => *scroll = scroll.saturating_add(1),
            Action::MoveUp => *scroll = scroll.saturating_sub(1),
            Action::PageDown => *scroll = scroll.saturating_add(10),
            Action::PageUp => *scroll = scroll.saturating_sub(10),
            Action::Back | Action::Notices => self.state.screen = Screen::Inbox,
            _ => {}
        }
    }

    pub(super) fn subscriptions_action(&mut self, action: Action) -> Result<()> {
        let len = self.state.subscriptions.rows.len();
        let s = &mut self.state.subscriptions;
        let delta = match action {
            Action::MoveDown => 1,
            Action::MoveUp => -1,
            Action::MoveTop => i64::MIN / 2,
            Action::MoveBottom => i64::MAX / 2,
            _ => 0,
        };
        if delta != 0 {
            let before = s.selected;
            s.selected = step(s.selected, delta, len);
            if s.selected == before {
                self.at_an_end(delta, len, "business");
            }
            return Ok(());
        }
        match action {
            Action::Find => self.open_business_find(),
            Action::Back if !s.filter.is_empty() => self.clear_business_find(),
            Action::Back => self.state.screen = Screen::Inbox,
            Action::Profile | Action::Open => {
                if let Some(b) = self.context_business() {
                    self.state.screen = Screen::Profile(b);
                }
            }
            other => self.control(other)?,
        }
        Ok(())
    }

    pub(super) fn profile_action(&mut self, business: BusinessId, action: Action) -> Result<()> {
        match action {
            Action::Back => {
                self.state.screen = Screen::Inbox;
                self.state.profile = None;
            }
            Action::Open => {
                let chat = self
                    .store
                    .db()
                    .chat_with(self.me, Counterpart::Business(business))?;
                match chat {
                    Some(chat) => {
                        self.state.screen = Screen::Inbox;
                        self.open_chat(chat.id, None)?;
                    }
                    None => self.info(tr!("inbox-profile-no-chat")),
                }
            }
            other => self.control(other)?,
        }
        Ok(())
    }

    /// The business the next control applies to, from where the user is.
    pub(super) fn context_business(&self) -> Option<BusinessId> {
        let business_of = |chat: &Chat| match chat.counterpart {
            Counterpart::Business(b) => Some(b),
            Counterpart::Contact(_) => None,
        };
        match self.state.screen {
            Screen::Profile(b) => Some(b),
            Screen::Subscriptions => self
                .state
                .subscriptions
                .rows
                .get(self.state.subscriptions.selected)
                .map(|r| r.business.id),
            _ if self.state.pane == Pane::Chat => {
                self.state.chat.as_ref().and_then(|c| business_of(&c.chat))
            }
            _ if self.state.tab == Tab::Held => self
                .state
                .held
                .rows
                .get(self.state.held.selected)
                .map(|h| h.business),
            _ => self
                .state
                .list
                .selected_row()
                .and_then(|r| business_of(&r.chat)),
        }
    }

    fn set_tab(&mut self, tab: Tab) {
        if self.state.tab != tab {
            self.state.tab = tab;
            self.state.list.selected = 0;
            self.state.list.selected_chat = None;
            self.state.list.offset = 0;
            self.state.list.pinned.clear();
            self.state.held.selected = 0;
        }
        self.state.pane = Pane::List;
    }

    fn step_tab(&mut self, forward: bool) {
        let i = Tab::ALL
            .iter()
            .position(|t| *t == self.state.tab)
            .unwrap_or(0);
        let n = Tab::ALL.len();
        let next = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        self.set_tab(Tab::ALL[next]);
    }

    fn next_pane(&mut self) {
        self.state.pane = match self.state.pane {
            Pane::List if self.state.chat.is_some() => Pane::Chat,
            _ => Pane::List,
        };
    }

    fn back(&mut self) {
        match self.state.pane {
            Pane::Chat => self.state.pane = Pane::List,
            Pane::List if self.state.tab != Tab::Chats(ChatFilter::All) => {
                self.set_tab(Tab::Chats(ChatFilter::All))
            }
            Pane::List => self.info(tr!("inbox-nothing-to-go-back-to")),
        }
    }

    fn page(&self) -> usize {
        match self.state.pane {
            Pane::List => layout::list_rows(&self.state),
            Pane::Chat => 5,
        }
    }

    /// Moves the selection of whatever has the focus; at an end, says so.
    pub(super) fn move_by(&mut self, delta: i64) -> Result<()> {
        match (self.state.pane, self.state.tab) {
            (Pane::Chat, _) => self.move_in_chat(delta)?,
            (Pane::List, Tab::Held) => {
                let h = &mut self.state.held;
                let before = h.selected;
                h.selected = step(h.selected, delta, h.rows.len());
                if h.selected == before {
                    let len = self.state.held.rows.len();
                    self.at_an_end(delta, len, "held");
                }
            }
            (Pane::List, Tab::Chats(_)) => {
                let l = &mut self.state.list;
                let before = l.selected;
                l.selected = step(l.selected, delta, l.total);
                if l.selected == before {
                    let len = self.state.list.total;
                    self.at_an_end(delta, len, "chat");
                    return Ok(());
                }
                l.selected_chat = None;
                self.follow_selection()?;
            }
        }
        Ok(())
    }

    /// Says why a move changed nothing: the list is empty, or the selection is at that end.
    /// `what` is the kind of item, as the catalogue's messages select it ("chat", "held").
    pub(super) fn at_an_end(&mut self, delta: i64, len: usize, what: &str) {
        self.info(match (len, delta < 0) {
            (0, _) => tr!("inbox-end-none", what = what),
            (_, true) => tr!("inbox-end-first", what = what),
            (_, false) => tr!("inbox-end-last", what = what),
        });
    }

    fn move_in_chat(&mut self, delta: i64) -> Result<()> {
        let Some(view) = self.state.chat.as_mut() else {
            return Ok(());
        };
        let before = view.selected;
        self.step_in_chat(delta)?;
        let view = self.state.chat.as_ref().expect("the chat stays open");
        if view.selected == before {
            let len = view.messages.len();
            self.at_an_end(delta, len, "message");
        }
        Ok(())
    }

    fn step_in_chat(&mut self, delta: i64) -> Result<()> {
        let Some(view) = self.state.chat.as_mut() else {
            return Ok(());
        };
        let current = view
            .selected
            .unwrap_or(view.messages.len().saturating_sub(1));
        if current as i64 + delta < 0 && view.messages.len() < view.total {
            let (id, window, old_len) =
                (view.chat.id, view.window + CHAT_PAGE, view.messages.len());
            self.load_chat(id, window, None)?;
            let view = self.state.chat.as_mut().expect("just loaded");
            let added = view.messages.len().saturating_sub(old_len);
            view.selected = Some(step(current + added, delta, view.messages.len()));
            return Ok(());
        }
        view.selected = Some(step(current, delta, view.messages.len()));
        Ok(())
    }

    /// With both panes on screen, the right one shows the chat selected in the list.
    pub(super) fn follow_selection(&mut self) -> Result<()> {
        self.load_list()?;
        if !self.state.two_panes() || self.state.tab == Tab::Held {
            return Ok(());
        }
        match self.state.list.selected_row().map(|r| r.chat.id) {
            Some(id) => self.preview_chat(id),
            None => {
                self.state.chat = None;
                Ok(())
            }
        }
    }

    /// Shows a chat in the right pane without moving the focus or marking it read.
    fn preview_chat(&mut self, chat: ChatId) -> Result<()> {
        if self.state.chat.as_ref().is_some_and(|c| c.chat.id == chat) {
            return Ok(());
        }
        self.load_chat(chat, CHAT_PAGE, None)
    }

    /// Opens a chat: focus, read, and the first-contact choice when it is due.
    pub(super) fn open_chat(&mut self, chat: ChatId, anchor: Option<MessageId>) -> Result<()> {
        let window = match anchor {
            Some(m) => {
                CHAT_PAGE.max(self.store.db().messages_after_count(chat, m)? + CHAT_PAGE / 2)
            }
            None => CHAT_PAGE,
        };
        let previewed = self.state.chat.as_ref().filter(|v| v.chat.id == chat);
        let keep = anchor.or_else(|| previewed.and_then(|v| v.selected_id()));
        let window = window.max(previewed.map_or(0, |v| v.window));
        self.load_chat(chat, window, keep)?;
        self.state.list.selected_chat = Some(chat);
        self.state.pane = Pane::Chat;
        self.state.composer = None;
        self.mark_read(chat)?;
        if let Some(view) = &self.state.chat
            && view.first_contact
            && let Some(card) = &view.card
        {
            self.state.dialog = Some(Dialog::FirstContact {
                business: card.business.id,
                name: card.business.name.clone(),
                verified: card.business.verified,
                selected: 0,
            });
        }
        Ok(())
    }

    fn open_selected(&mut self) -> Result<()> {
        match self.state.tab {
            Tab::Held => self.control(Action::Release),
            Tab::Chats(_) => match self.state.list.selected_row().map(|r| r.chat.id) {
                Some(id) => self.open_chat(id, None),
                None => Ok(()),
            },
        }
    }

    fn next_unread(&mut self) -> Result<()> {
        let order = self.state.settings.order;
        let next = self
            .store
            .db()
            .chats(self.me, ChatFilter::Unread, order, 0, 1)?;
        match next.first() {
            Some(chat) => {
                let id = chat.id;
                if self.state.tab == Tab::Held {
                    self.set_tab(Tab::Chats(ChatFilter::All));
                }
                self.open_chat(id, None)?;
                self.select_in_list(id)?;
            }
            None => self.info(tr!("inbox-no-unread-chats")),
        }
        Ok(())
    }

    /// Puts the list's selection on a chat.
    fn select_in_list(&mut self, chat: ChatId) -> Result<()> {
        self.state.list.selected_chat = Some(chat);
        self.load_list()
    }

    pub(super) fn click(&mut self, column: u16, row: u16) -> Result<()> {
        let areas = layout::areas(&self.state);
        if row == 0 && self.state.screen == Screen::Inbox {
            let hit = layout::tab_positions(&self.state)
                .into_iter()
                .find(|(_, _, a, b)| (*a..*b).contains(&column));
            if let Some((tab, ..)) = hit {
                self.set_tab(tab);
            }
            return Ok(());
        }
        if let Some(list) = areas.list.filter(|r| contains(*r, column, row)) {
            self.state.pane = Pane::List;
            let index = usize::from(row.saturating_sub(list.y + 1) / ROW_HEIGHT);
            match self.state.tab {
                Tab::Held => {
                    self.state.held.selected =
                        index.min(self.state.held.rows.len().saturating_sub(1))
                }
                Tab::Chats(_) if index < self.state.list.rows.len() => {
                    self.state.list.selected = self.state.list.offset + index;
                    self.state.list.selected_chat = Some(self.state.list.rows[index].chat.id);
                    let id = self.state.list.rows[index].chat.id;
                    self.open_chat(id, None)?;
                    self.state.pane = Pane::List;
                }
                Tab::Chats(_) => {}
            }
        } else if areas.chat.is_some_and(|r| contains(r, column, row)) && self.state.chat.is_some()
        {
            self.state.pane = Pane::Chat;
        }
        Ok(())
    }

    pub(super) fn scroll(&mut self, column: u16, row: u16, down: bool) -> Result<()> {
        let areas = layout::areas(&self.state);
        let delta = if down { 1 } else { -1 };
        if self.state.screen != Screen::Inbox {
            return self.dispatch(if down {
                Action::MoveDown
            } else {
                Action::MoveUp
            });
        }
        let pane = if areas.chat.is_some_and(|r| contains(r, column, row)) {
            Pane::Chat
        } else {
            Pane::List
        };
        let before = self.state.pane;
        self.state.pane = pane;
        self.move_by(delta)?;
        self.state.pane = before;
        Ok(())
    }
}

fn contains(r: ratatui::layout::Rect, column: u16, row: u16) -> bool {
    column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
}

fn tab_for(action: &Action) -> Option<Tab> {
    Some(match action {
        Action::FilterAll => Tab::Chats(ChatFilter::All),
        Action::FilterUnread => Tab::Chats(ChatFilter::Unread),
        Action::FilterPersonal => Tab::Chats(ChatFilter::Personal),
        Action::FilterBusiness => Tab::Chats(ChatFilter::Business),
        Action::FilterOffers => Tab::Chats(ChatFilter::Offers),
        Action::FilterHeld => Tab::Held,
        Action::FilterArchived => Tab::Chats(ChatFilter::Archived),
        _ => return None,
    })
}

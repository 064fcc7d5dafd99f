//! Filling the visible parts of the state from the store.

use super::super::state::*;
use super::App;
use crate::model::*;
use crate::policy::notice;
use crate::store::{Db, Result};

/// Messages loaded when a chat opens, and added each time the user scrolls past the top.
pub const CHAT_PAGE: usize = 50;
/// The most unread messages loaded to open a chat at its first unread one.
const UNREAD_PAGE: usize = 1_000;
/// The most held messages listed.
const HELD_LIMIT: usize = 500;

impl App {
    /// Reloads everything on screen from the store.
    pub(super) fn reload(&mut self) -> Result<()> {
        let db = self.store.db();
        let me = self.me;
        self.state.clock = db.clock()?.unwrap_or(self.state.clock);
        self.state.counts = db.filter_counts(me)?;
        let undone = self
            .state
            .held
            .undo
            .as_ref()
            .map_or(0, |u| u.messages.len());
        self.state.counts.held = self.state.counts.held.saturating_sub(undone as u32);
        let user = db.user(me)?;
        self.state.prefs = user.prefs;
        self.state.me = user.name;
        match self.state.tab {
            Tab::Chats(_) => self.load_list()?,
            Tab::Held => self.load_held()?,
        }
        let open = self.state.chat.as_ref().map(|c| {
            let at_end = c.selected.is_none_or(|i| i + 1 >= c.messages.len());
            (
                c.chat.id,
                c.window,
                if at_end { None } else { c.selected_id() },
            )
        });
        if let Some((chat, window, keep)) = open {
            self.load_chat(chat, window, keep)?;
        }
        match self.state.screen {
            Screen::Subscriptions => self.load_subscriptions()?,
            Screen::Profile(b) => self.load_profile(b)?,
            _ => {}
        }
        Ok(())
    }

    /// Loads the page of the chat list that holds the selection. The selection follows its
    /// chat (`selected_chat`) when the list changes: found on the page, the chat's row gives
    /// its position; only a chat that left the page is looked up with `chat_position`, which
    /// counts the chats before it, so its cost grows with the chat's row.
    pub(super) fn load_list(&mut self) -> Result<()> {
        let Tab::Chats(filter) = self.state.tab else {
            return Ok(());
        };
        let rows = super::super::layout::list_rows(&self.state);
        let order = self.state.settings.order;
        let db = self.store.db();
        let list = &mut self.state.list;
        list.total = self.state.counts.of(filter) as usize;
        let offset = list.offset;
        list.scroll_to_selected(rows);
        if list.offset == offset
            && let Some(chats) = pinned_page(&db, list, rows)?
        {
            list.total = list.total.max(list.offset + chats.len());
            return self.show_rows(chats);
        }
        let mut chats = db.chats(self.me, filter, order, list.offset, rows)?;
        if let Some(chat) = list.selected_chat {
            match chats.iter().position(|c| c.id == chat) {
                Some(i) => list.selected = list.offset + i,
                None => {
                    if let Some(position) = db.chat_position(self.me, filter, order, chat)? {
                        list.selected = position;
                        let offset = list.offset;
                        list.scroll_to_selected(rows);
                        if list.offset != offset {
                            chats = db.chats(self.me, filter, order, list.offset, rows)?;
                        }
                    }
                }
            }
        }
        self.state.list.pinned = chats.iter().map(|c| c.id).collect();
        self.show_rows(chats)
    }

    /// Puts chats on the list's page, with what each row shows about its business.
    fn show_rows(&mut self, chats: Vec<Chat>) -> Result<()> {
        let db = self.store.db();
        let mut loaded = Vec::with_capacity(chats.len());
        for chat in chats {
            let (blocked, first_contact) = match chat.counterpart {
                Counterpart::Business(b) => {
                    let rel = db.relation(self.me, b)?;
                    (rel.blocked.is_some(), !rel.known)
                }
                Counterpart::Contact(c) => (db.contact_block(self.me, c)?.is_some(), false),
            };
            loaded.push(ChatRow {
                chat,
                blocked,
                first_contact,
            });
        }
        self.state.list.rows = loaded;
        self.state.list.selected_chat = self.state.list.selected_row().map(|r| r.chat.id);
        Ok(())
    }

    pub(super) fn load_held(&mut self) -> Result<()> {
        let deleted = self.state.held.undo.as_ref().map(|u| u.messages.clone());
        let rows: Vec<HeldRow> = self
            .store
            .db()
            .held_page(self.me, HELD_LIMIT)?
            .into_iter()
            .filter(|h| !deleted.as_ref().is_some_and(|d| d.contains(&h.message.id)))
            .map(|h| HeldRow {
                message: h.message,
                business: h.business,
                business_name: h.business_name,
                verified: h.verified,
            })
            .collect();
        self.state.held.selected = self.state.held.selected.min(rows.len().saturating_sub(1));
        self.state.held.rows = rows;
        Ok(())
    }

    /// Loads the latest `window` messages of a chat, keeping `keep` highlighted if it is there.
    pub(super) fn load_chat(
        &mut self,
        chat: ChatId,
        window: usize,
        keep: Option<MessageId>,
    ) -> Result<()> {
        if self.state.find.as_ref().is_some_and(|f| f.chat != chat) {
            self.state.find = None;
        }
        let db = self.store.db();
        let c = db.chat(chat)?;
        let card = match c.counterpart {
            Counterpart::Business(b) => Some(business_card(
                &db,
                self.me,
                b,
                &self.assets.policy,
                self.state.clock,
            )?),
            Counterpart::Contact(_) => None,
        };
        let first_contact = card.as_ref().is_some_and(|card| !card.relation.known);
        let shown = self.state.chat.as_ref().filter(|v| v.chat.id == chat);
        let fresh = shown.is_none();
        let earlier_unread = shown.and_then(|v| v.unread_from);
        let window = match fresh {
            true => window.max((c.unread as usize).min(UNREAD_PAGE) + 1),
            false => window,
        }
        .max(CHAT_PAGE);
        let messages = db.last_messages(chat, window)?;
        let mut rows = Vec::with_capacity(messages.len());
        for m in messages {
            let sender = if m.direction == Direction::Outbound {
                tr!("inbox-you")
            } else {
                c.title.clone()
            };
            let template = match m.template {
                Some(t) => db.template(t).ok(),
                None => None,
            };
            rows.push(MessageRow {
                message: m,
                sender,
                template,
            });
        }
        let unread_from = match fresh {
            true => first_unread(&rows),
            false => earlier_unread,
        };
        let position =
            |id: Option<MessageId>| id.and_then(|id| rows.iter().position(|r| r.message.id == id));
        let selected = position(keep)
            .or_else(|| position(unread_from.filter(|_| fresh)))
            .or_else(|| rows.len().checked_sub(1));
        let total = db.message_count(chat)? as usize;
        let person = match c.counterpart {
            Counterpart::Contact(contact) => PersonChoices {
                blocked: db.contact_block(self.me, contact)?,
                reported: db.last_contact_report(self.me, contact)?,
            },
            Counterpart::Business(_) => PersonChoices::default(),
        };
        self.state.chat = Some(ChatView {
            chat: c,
            person,
            card,
            messages: rows,
            selected,
            window,
            total,
            first_contact,
            unread_from,
        });
        Ok(())
    }

    pub(super) fn load_subscriptions(&mut self) -> Result<()> {
        let rows: Vec<SubscriptionRow> = self
            .store
            .db()
            .relations_named(self.me, &self.state.subscriptions.filter)?
            .into_iter()
            .map(|(business, relation)| SubscriptionRow { business, relation })
            .collect();
        let s = &mut self.state.subscriptions;
        s.selected = s.selected.min(rows.len().saturating_sub(1));
        s.rows = rows;
        s.all_offers = self.state.prefs.all_offers;
        Ok(())
    }

    pub(super) fn load_profile(&mut self, business: BusinessId) -> Result<()> {
        let db = self.store.db();
        let card = business_card(
            &db,
            self.me,
            business,
            &self.assets.policy,
            self.state.clock,
        )?;
        let rejected = db
            .rejected(self.me, business, 5)?
            .into_iter()
            .map(|r| {
                (
                    r.at,
                    r.category,
                    crate::i18n::sentences::decision(&r.decision),
                )
            })
            .collect();
        self.state.profile = Some(Profile {
            card,
            sent: db.sent_to_user(self.me, business)?,
            rejected,
        });
        Ok(())
    }
}

/// The pinned page again, each chat as it is now, when it still holds the selection and
/// fills the page; `None` when the list must be sorted afresh.
fn pinned_page(db: &Db, list: &mut ChatList, rows: usize) -> Result<Option<Vec<Chat>>> {
    let full = list.pinned.len() >= rows.min(list.total);
    let holds = match list.selected_chat {
        Some(chat) => list.pinned.contains(&chat),
        None => (list.offset..list.offset + list.pinned.len()).contains(&list.selected),
    };
    if list.pinned.is_empty() || !full || !holds {
        return Ok(None);
    }
    let mut chats = Vec::with_capacity(list.pinned.len());
    for id in &list.pinned {
        chats.push(db.chat(*id)?);
    }
    if let Some(i) = list
        .selected_chat
        .and_then(|chat| chats.iter().position(|c| c.id == chat))
    {
        list.selected = list.offset + i;
    }
    Ok(Some(chats))
}

impl ChatList {
    /// Keeps the selection within the list and the page at `offset` (of `rows` chats) on it.
    fn scroll_to_selected(&mut self, rows: usize) {
        self.selected = self.selected.min(self.total.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.offset = self.offset.min(self.total.saturating_sub(rows));
    }
}

impl ChatView {
    /// The id of the highlighted message.
    pub fn selected_id(&self) -> Option<MessageId> {
        self.selected_message().map(|m| m.message.id)
    }
}

/// The first message the user has not read yet.
fn first_unread(rows: &[MessageRow]) -> Option<MessageId> {
    rows.iter()
        .find(|r| r.message.direction == Direction::Inbound && r.message.read_at.is_none())
        .map(|r| r.message.id)
}

/// A business, the user's choices about it, its restrictions in force, and why its messages
/// reach the user, in sentences.
pub fn business_card(
    db: &Db,
    me: UserId,
    id: BusinessId,
    config: &crate::policy::PolicyConfig,
    now: Timestamp,
) -> Result<BusinessCard> {
    let business = db.business(id)?;
    let relation = db.relation(me, id)?;
    let all = db.restrictions(id)?;
    let restrictions = crate::i18n::sentences::restrictions(
        &business.name,
        notice::strongest_restriction(&all, now),
    );
    let prefs = db.user(me)?.prefs;
    let notice = crate::i18n::sentences::business_notice(&notice::business_notice(
        &business, &relation, &prefs, &all, config, now,
    ));
    let offers = crate::i18n::sentences::offers_allowed(
        &business.name,
        notice::offers_allowed(&relation, &prefs, &all, config, now),
    );
    let reported = db.last_report(me, id)?;
    Ok(BusinessCard {
        business,
        relation,
        restrictions,
        notice,
        offers,
        reported,
    })
}

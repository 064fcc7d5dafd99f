//! The user's controls: each applies to the chat, message or business in focus, goes to the
//! store in one transaction, and says what it did in the status bar.

use super::super::state::*;
use super::{Action, App};
use crate::i18n::date_time;
use crate::i18n::{self, Label};
use crate::model::*;
use crate::store::Result;
use crate::sync::outbox;

impl App {
    /// Applies a control to whatever is in focus.
    pub(super) fn control(&mut self, action: Action) -> Result<()> {
        match action {
            Action::Reply => self.start_reply()?,
            Action::ToggleRead => self.with_chat(|app, chat| {
                let unread = app.store.db().chat(chat)?.unread > 0;
                let action = if unread {
                    UserAction::MarkRead { chat }
                } else {
                    UserAction::MarkUnread { chat }
                };
                app.apply(&action)?;
                app.info(if unread {
                    tr!("inbox-marked-read")
                } else {
                    tr!("inbox-marked-unread")
                });
                Ok(())
            })?,
            Action::ToggleMute => self.with_chat(|app, chat| {
                let muted = !app.store.db().chat(chat)?.muted;
                app.apply(&UserAction::Mute { chat, muted })?;
                app.info(if muted {
                    tr!("inbox-muted")
                } else {
                    tr!("inbox-unmuted")
                });
                Ok(())
            })?,
            Action::ToggleArchive => self.with_chat(|app, chat| {
                let archived = !app.store.db().chat(chat)?.archived;
                app.apply(&UserAction::Archive { chat, archived })?;
                app.state.list.pinned.clear();
                app.info(if archived {
                    tr!("inbox-archived")
                } else {
                    tr!("inbox-unarchived")
                });
                Ok(())
            })?,
            Action::ToggleSubscribe => self.with_business(Self::toggle_subscribe)?,
            Action::ToggleBlock => match self.context_contact() {
                Some((contact, name)) => self.toggle_contact_block(contact, name)?,
                None => self.with_business(Self::toggle_block)?,
            },
            Action::Report => match self.context_contact() {
                Some((contact, name)) => self.start_contact_report(contact, name)?,
                None => self.with_business(Self::start_report)?,
            },
            Action::Interested => self.feedback(Feedback::Interested)?,
            Action::NotInterested => self.feedback(Feedback::NotInterested)?,
            Action::Why => self.why()?,
            Action::Release => self.release_held()?,
            Action::Delete => self.delete_held()?,
            Action::DeleteAllFromBusiness => self.ask_delete_all_held(),
            Action::Undo => self.undo_delete_held(),
            Action::ToggleAllOffers => {
                let mut prefs = self.state.prefs.clone();
                prefs.all_offers = !prefs.all_offers;
                self.apply(&UserAction::SetPrefs {
                    prefs: prefs.clone(),
                })?;
                self.info(if prefs.all_offers {
                    tr!("inbox-all-offers-on")
                } else {
                    tr!("inbox-all-offers-off")
                });
            }
            _ => {}
        }
        Ok(())
    }

    /// Applies a user action in one transaction at the current clock.
    /// With a server, the action also goes into the outbox, in the same transaction, and the
    /// sync loop is woken to send it.
    pub(super) fn apply(&mut self, action: &UserAction) -> Result<()> {
        let (me, now) = (self.me, self.state.clock);
        let signals = self.assets.policy.signals;
        let Some(wake) = self.sync.clone() else {
            return self.store.write(|tx| tx.apply(me, action, now, &signals));
        };
        self.store
            .write(|tx| outbox::record(tx, me, action, now, &signals))?;
        wake.notify_one();
        Ok(())
    }

    /// The chat in focus: the open one in the chat pane, else the selected row.
    fn context_chat(&self) -> Option<ChatId> {
        match self.state.pane {
            Pane::Chat => self.state.chat.as_ref().map(|c| c.chat.id),
            Pane::List if self.state.tab != Tab::Held => {
                self.state.list.selected_row().map(|r| r.chat.id)
            }
            Pane::List => None,
        }
    }

    fn with_chat(&mut self, f: impl FnOnce(&mut App, ChatId) -> Result<()>) -> Result<()> {
        match self.context_chat() {
            Some(chat) => f(self, chat),
            None => {
                self.info(tr!("inbox-select-a-chat"));
                Ok(())
            }
        }
    }

    fn with_business(&mut self, f: impl FnOnce(&mut App, BusinessId) -> Result<()>) -> Result<()> {
        match self.context_business() {
            Some(b) => f(self, b),
            None => {
                self.info(tr!("inbox-personal-chat-no-subscriptions"));
                Ok(())
            }
        }
    }

    fn toggle_subscribe(&mut self, business: BusinessId) -> Result<()> {
        let db = self.store.db();
        let (b, rel) = (db.business(business)?, db.relation(self.me, business)?);
        if rel.subscribed {
            self.apply(&UserAction::Unsubscribe { business })?;
            self.info(tr!("inbox-unsubscribed", name = &b.name));
        } else {
            self.apply(&UserAction::Subscribe { business })?;
            let cap = self.state.prefs.weekly_business_cap;
            self.info(if rel.blocked.is_some() {
                tr!("inbox-subscribed-still-blocked", name = &b.name, cap = cap)
            } else {
                tr!("inbox-subscribed", name = &b.name, cap = cap)
            });
        }
        Ok(())
    }

    fn toggle_block(&mut self, business: BusinessId) -> Result<()> {
        let db = self.store.db();
        let (b, rel) = (db.business(business)?, db.relation(self.me, business)?);
        if rel.blocked.is_some() {
            self.apply(&UserAction::Unblock { business })?;
            self.info(tr!("inbox-unblocked-business", name = &b.name));
        } else {
            self.state.dialog = Some(Dialog::Block {
                who: Counterpart::Business(business),
                name: b.name,
                reasons: ReasonChoice::new(BlockReason::ALL),
            });
        }
        Ok(())
    }

    fn start_report(&mut self, business: BusinessId) -> Result<()> {
        let db = self.store.db();
        let name = db.business(business)?.name;
        let evidence = match db.chat_with(self.me, Counterpart::Business(business))? {
            Some(chat) => db.evidence(chat.id, self.assets.policy.signals.evidence_messages)?,
            None => Vec::new(),
        };
        self.state.dialog = Some(Dialog::Report {
            who: Counterpart::Business(business),
            name,
            reasons: ReasonChoice::new(ReportReason::ALL),
            also_block: true,
            evidence,
        });
        Ok(())
    }

    fn start_reply(&mut self) -> Result<()> {
        if self.state.pane == Pane::List {
            match self.context_chat() {
                Some(chat) => self.open_chat(chat, None)?,
                None => return Ok(()),
            }
        }
        let blocked_business = self
            .state
            .chat
            .as_ref()
            .and_then(|c| c.card.as_ref())
            .filter(|card| card.relation.blocked.is_some())
            .map(|card| tr!("inbox-reply-business-blocked", name = &card.business.name));
        let blocked_person = self
            .state
            .chat
            .as_ref()
            .filter(|c| c.person.blocked.is_some())
            .map(|c| tr!("inbox-reply-person-blocked", name = &c.chat.title));
        match blocked_business.or(blocked_person) {
            Some(sentence) => self.info(sentence),
            None if self.state.dialog.is_none() => self.open_composer(""),
            None => {}
        }
        Ok(())
    }

    fn feedback(&mut self, feedback: Feedback) -> Result<()> {
        let target = self
            .state
            .chat
            .as_ref()
            .filter(|_| self.state.pane == Pane::Chat)
            .and_then(|c| {
                c.selected_message()
                    .map(|m| (m.message.clone(), c.chat.title.clone(), c.chat.counterpart))
            });
        let Some((m, name, counterpart)) = target else {
            self.info(tr!("inbox-feedback-no-message"));
            return Ok(());
        };
        if m.category != Some(Category::Marketing) || m.decision.outcome != Outcome::Deliver {
            self.info(tr!("inbox-feedback-not-an-offer"));
            return Ok(());
        }
        self.apply(&UserAction::Feedback {
            message: m.id,
            feedback,
        })?;
        let offers = match counterpart {
            Counterpart::Business(b) => {
                let (me, now) = (self.me, self.state.clock);
                super::business_card(&self.store.db(), me, b, &self.assets.policy, now)?.offers
            }
            Counterpart::Contact(_) => String::new(),
        };
        self.info(match feedback {
            Feedback::Interested => tr!("inbox-feedback-interested", offers = offers),
            Feedback::NotInterested => {
                tr!(
                    "inbox-feedback-not-interested",
                    offers = offers,
                    name = name
                )
            }
        });
        Ok(())
    }

    fn why(&mut self) -> Result<()> {
        let target = match (self.state.pane, self.state.tab) {
            (Pane::Chat, _) => self
                .state
                .chat
                .as_ref()
                .and_then(|c| c.selected_message().map(|m| (m.clone(), c.chat.verified))),
            (Pane::List, Tab::Held) => {
                self.state.held.rows.get(self.state.held.selected).map(|h| {
                    let template = h
                        .message
                        .template
                        .and_then(|t| self.store.db().template(t).ok());
                    (
                        MessageRow {
                            message: h.message.clone(),
                            sender: h.business_name.clone(),
                            template,
                        },
                        h.verified,
                    )
                })
            }
            (Pane::List, Tab::Chats(_)) => self.selected_chat_last_message()?,
        };
        match target {
            Some((row, verified)) => self.state.dialog = Some(why_dialog(&row, verified)),
            None => self.info(tr!("inbox-why-no-message")),
        }
        Ok(())
    }

    /// The last message of the chat selected in the list, with whether its sender is verified.
    fn selected_chat_last_message(&self) -> Result<Option<(MessageRow, bool)>> {
        let Some(chat) = self.state.list.selected_row().map(|r| &r.chat) else {
            return Ok(None);
        };
        let db = self.store.db();
        let Some(message) = db.last_messages(chat.id, 1)?.pop() else {
            return Ok(None);
        };
        let sender = match message.direction {
            Direction::Outbound => tr!("inbox-you"),
            Direction::Inbound => chat.title.clone(),
        };
        let template = message.template.and_then(|t| db.template(t).ok());
        let row = MessageRow {
            message,
            sender,
            template,
        };
        Ok(Some((row, chat.verified)))
    }
}

/// The Why? dialog for one message.
pub fn why_dialog(row: &MessageRow, verified: bool) -> Dialog {
    let m = &row.message;
    let d = &m.decision;
    let mut lines = vec![
        (
            tr!("inbox-why-outcome"),
            if m.direction == Direction::Outbound {
                tr!("inbox-why-sent-by-you")
            } else {
                d.outcome.text()
            },
        ),
        (tr!("inbox-why-rule"), d.reason.as_str().to_string()),
        (tr!("inbox-why-why"), crate::i18n::sentences::decision(d)),
    ];
    if m.direction == Direction::Inbound {
        let from = match (m.category, verified) {
            (None, _) => tr!("inbox-why-from-friend", name = &row.sender),
            (Some(_), true) => tr!("inbox-why-from-verified", name = &row.sender),
            (Some(_), false) => tr!("inbox-why-from-unverified", name = &row.sender),
        };
        lines.push((tr!("inbox-why-from"), from));
    }
    if let Some(category) = m.category {
        lines.push((
            tr!("inbox-why-category"),
            format!("{category} ({})", category.text()),
        ));
        let template = match &row.template {
            Some(t) => match t.approved_at {
                Some(at) => tr!(
                    "inbox-why-template-approved",
                    name = &t.name,
                    date = i18n::short_date(at)
                ),
                None => format!("'{}' ({})", t.name, t.status),
            },
            None => tr!("inbox-why-no-template"),
        };
        lines.push((tr!("inbox-why-template"), template));
    }
    lines.push((tr!("inbox-why-sent"), date_time(m.sent_at)));
    if let Some(at) = m.delivered_at.filter(|_| m.direction == Direction::Inbound) {
        lines.push((tr!("inbox-why-delivered"), date_time(at)));
    }
    if m.direction == Direction::Inbound && d.outcome == Outcome::Deliver {
        lines.push((
            tr!("inbox-why-read"),
            m.read_at
                .map_or_else(|| tr!("inbox-why-not-yet"), date_time),
        ));
    }
    if let Some(f) = m.feedback {
        lines.push((tr!("inbox-why-feedback"), f.text()));
    }
    Dialog::Why {
        title: tr!("inbox-why-title", name = &row.sender),
        lines,
    }
}

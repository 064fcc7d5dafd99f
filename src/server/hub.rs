//! Wakes a user's long polls when something is written for that user. An in-process cache of
//! who waits: with several server instances on one PostgreSQL, each hears the others' writes
//! through the store ([`super::db::ServerDb::watch`]) and wakes its own polls.

use crate::model::UserId;
use std::collections::HashMap;
use std::sync::Mutex;
use tokio::sync::watch;

/// Per-user change signals, and one signal that the server is stopping.
pub struct Hub {
    users: Mutex<HashMap<UserId, watch::Sender<u64>>>,
    stopping: watch::Sender<bool>,
}

impl Default for Hub {
    fn default() -> Self {
        Hub {
            users: Mutex::new(HashMap::new()),
            stopping: watch::channel(false).0,
        }
    }
}

impl Hub {
    /// Starts listening for `user`'s next change; subscribe before reading, so none is missed.
    pub fn subscribe(&self, user: UserId) -> watch::Receiver<u64> {
        let mut users = self.users.lock().unwrap_or_else(|e| e.into_inner());
        users
            .entry(user)
            .or_insert_with(|| watch::channel(0).0)
            .subscribe()
    }

    /// Wakes every poll of `user`.
    pub fn notify(&self, user: UserId) {
        let mut users = self.users.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(sender) = users.get(&user) {
            sender.send_modify(|n| *n += 1);
            if sender.receiver_count() == 0 {
                users.remove(&user);
            }
        }
    }

    /// Wakes the polls of every user in `users`.
    pub fn notify_all_of(&self, users: impl IntoIterator<Item = UserId>) {
        for user in users {
            self.notify(user);
        }
    }

    /// Wakes every poll (after a change that may touch anyone, such as the platform's review).
    pub fn notify_everyone(&self) {
        let users = self.users.lock().unwrap_or_else(|e| e.into_inner());
        for sender in users.values() {
            sender.send_modify(|n| *n += 1);
        }
    }

    /// Forgets `user`'s signal when nobody waits on it any more.
    pub fn release(&self, user: UserId) {
        let mut users = self.users.lock().unwrap_or_else(|e| e.into_inner());
        if users.get(&user).is_some_and(|s| s.receiver_count() == 0) {
            users.remove(&user);
        }
    }

    /// A signal that turns true when the server stops.
    pub fn stopping(&self) -> watch::Receiver<bool> {
        self.stopping.subscribe()
    }

    /// Ends every poll: the server is stopping.
    pub fn stop(&self) {
        self.stopping.send_replace(true);
    }
}

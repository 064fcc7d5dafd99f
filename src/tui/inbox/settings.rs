//! The inbox's interface settings: from config.toml, changeable in Settings, kept in the store.

use crate::model::ChatOrder;
use crate::tui::kit::notify::Notifications;
use serde::{Deserialize, Serialize};

/// Interface settings, from config.toml, changeable in Settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UiSettings {
    /// Capture the mouse (click, wheel); off keeps the terminal's own text selection.
    pub mouse: bool,
    pub notifications: Notifications,
    pub order: ChatOrder,
    /// `y` copies the selected message (or a code) through the terminal's clipboard escape.
    #[serde(default = "on")]
    pub copy: bool,
    /// The language chosen in Settings on this device; it wins over config.toml and the
    /// environment.
    #[serde(default)]
    pub language: Option<String>,
}

fn on() -> bool {
    true
}

impl Default for UiSettings {
    fn default() -> Self {
        UiSettings {
            mouse: false,
            notifications: Notifications::Bell,
            order: ChatOrder::UnreadFirst,
            copy: true,
            language: None,
        }
    }
}

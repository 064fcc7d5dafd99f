//! The user's `config.toml`: interface settings, keys and colours, each field optional and
//! laid over the shipped defaults.

use super::kit::keymap::KeymapToml;
use super::kit::notify::Notifications;
use super::kit::theme::{Theme, ThemeToml};
use super::kit::{Keymap, Vocabulary};
use super::{console, demo, inbox};
use crate::policy::ConfigError;
use crate::policy::config::parse_toml;
use crate::store::ChatOrder;
use inbox::UiSettings;
use serde::Deserialize;
use std::path::Path;

/// The modes and actions of every app: what the keymap may name.
fn vocabulary() -> Vocabulary {
    Vocabulary::default()
        .with::<inbox::Mode>()
        .with::<console::Mode>()
        .with::<demo::Mode>()
}

/// config.toml as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigToml {
    mouse: Option<bool>,
    notifications: Option<Notifications>,
    order: Option<ChatOrder>,
    #[serde(default)]
    keys: KeymapToml,
    #[serde(default)]
    theme: ThemeToml,
    /// A server to sync with, and the user's token on it.
    server: Option<String>,
    token: Option<String>,
}

/// Everything the interface reads from configuration.
#[derive(Debug, Clone)]
pub struct UiConfig {
    pub settings: UiSettings,
    pub keymap: Keymap,
    pub theme: Theme,
    /// The server and token from config.toml, when set there.
    pub server: Option<String>,
    pub token: Option<String>,
}

impl UiConfig {
    /// The shipped defaults.
    pub fn defaults(no_color: bool) -> UiConfig {
        UiConfig {
            settings: UiSettings::default(),
            keymap: Keymap::default_keymap(vocabulary()),
            theme: Theme::default_theme(no_color),
            server: None,
            token: None,
        }
    }

    /// Reads `path` when it exists, over the defaults.
    pub fn load(path: &Path, no_color: bool) -> Result<UiConfig, ConfigError> {
        if !path.exists() {
            return Ok(UiConfig::defaults(no_color));
        }
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| ConfigError::whole(&name, format!("cannot read it: {e}")))?;
        UiConfig::from_toml(&name, &text, no_color)
    }

    /// Parses config.toml text over the defaults.
    pub fn from_toml(name: &str, text: &str, no_color: bool) -> Result<UiConfig, ConfigError> {
        let parsed: ConfigToml = parse_toml(name, text)?;
        let mut keymap = Keymap::default_keymap(vocabulary());
        keymap.apply(&parsed.keys, name)?;
        let defaults = UiSettings::default();
        Ok(UiConfig {
            settings: UiSettings {
                mouse: parsed.mouse.unwrap_or(defaults.mouse),
                notifications: parsed.notifications.unwrap_or(defaults.notifications),
                order: parsed.order.unwrap_or(defaults.order),
            },
            keymap,
            theme: Theme::load(&parsed.theme, no_color, name)?,
            server: parsed.server,
            token: parsed.token,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_override_one_by_one() {
        let c = UiConfig::from_toml(
            "c.toml",
            "mouse = true\n[theme]\nbusiness = { fg = \"red\" }\n",
            false,
        )
        .unwrap();
        assert!(c.settings.mouse);
        assert_eq!(c.settings.notifications, Notifications::Bell);
        assert_eq!(c.theme.get("business").fg, Some(ratatui::style::Color::Red));
    }

    #[test]
    fn mistakes_name_file_line_and_field() {
        let e = UiConfig::from_toml("c.toml", "mouse = true\nnotifications = \"loud\"\n", false)
            .unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("c.toml, line 2")
                && text.contains("notifications")
                && text.contains("loud"),
            "{text}"
        );
    }
}

//! The user's `config.toml`: interface settings, keys and colours, each field optional and
//! laid over the shipped defaults.

use super::kit::keymap::KeymapToml;
use super::kit::notify::Notifications;
use super::kit::theme::{Theme, ThemeToml};
use super::kit::{Keymap, Vocabulary};
use super::{console, demo, inbox};
use crate::config_file::{self, ConfigError, parse_toml};
use crate::model::ChatOrder;
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
    /// `y` copies through the terminal's clipboard escape (OSC 52).
    copy: Option<bool>,
    #[serde(default)]
    keys: KeymapToml,
    #[serde(default)]
    theme: ThemeToml,
    /// A server to sync with, and the user's token on it.
    server: Option<String>,
    token: Option<String>,
    /// The language to speak ("en", "es"), over the environment's locale.
    language: Option<String>,
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
    /// The language config.toml asks for, when it does.
    pub language: Option<String>,
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
            language: None,
        }
    }

    /// Reads `path` when it exists, over the defaults.
    pub fn load(path: &Path, no_color: bool) -> Result<UiConfig, ConfigError> {
        if !path.exists() {
            return Ok(UiConfig::defaults(no_color));
        }
        let text = config_file::read(path)?;
        UiConfig::from_toml(&path.display().to_string(), &text, no_color)
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
                copy: parsed.copy.unwrap_or(defaults.copy),
                language: None,
            },
            keymap,
            theme: Theme::load(&parsed.theme, no_color, name)?,
            server: parsed.server,
            token: parsed.token,
            language: parsed.language,
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
        assert!(
            c.settings.copy,
            "copying is on unless config.toml turns it off"
        );
        assert_eq!(c.settings.notifications, Notifications::Bell);
        let off = UiConfig::from_toml("c.toml", "copy = false\n", false).unwrap();
        assert!(!off.settings.copy);
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

/// The shipped keymap as every app reads it.
#[cfg(test)]
mod keymap_tests {
    use super::*;
    use crate::tui::console;
    use crate::tui::inbox::commands::help;
    use crate::tui::inbox::{Action, Mode};
    use crate::tui::kit::commands::Commands;
    use crate::tui::kit::keymap::KeymapToml;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn default_keymap() -> Keymap {
        UiConfig::defaults(true).keymap
    }

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn default_keys_map_to_actions_per_mode() {
        let k = default_keymap();
        assert_eq!(
            k.action(Mode::Inbox, &press(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::MoveDown)
        );
        assert_eq!(
            k.action(Mode::Inbox, &press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::MoveBottom)
        );
        assert_eq!(
            k.action(Mode::Chat, &press(KeyCode::Char('w'), KeyModifiers::NONE)),
            Some(Action::Why)
        );
        assert_eq!(
            k.action(
                Mode::Inbox,
                &press(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
        assert_eq!(
            k.action(Mode::Inbox, &press(KeyCode::Char('t'), KeyModifiers::NONE)),
            Some(Action::AdvanceHour)
        );
    }

    #[test]
    fn text_modes_type_characters_but_keep_ctrl_keys() {
        let k = default_keymap();
        assert_eq!(
            k.action(
                Mode::Compose,
                &press(KeyCode::Char('t'), KeyModifiers::NONE)
            ),
            Some(Action::Insert('t'))
        );
        assert_eq!(
            k.action(
                Mode::Compose,
                &press(KeyCode::Char('?'), KeyModifiers::NONE)
            ),
            Some(Action::Insert('?'))
        );
        assert_eq!(
            k.action(
                Mode::Compose,
                &press(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
        assert_eq!(
            k.action(Mode::Search, &press(KeyCode::Enter, KeyModifiers::NONE)),
            Some(Action::Open)
        );
    }

    #[test]
    fn user_overrides_replace_single_keys() {
        let mut k = default_keymap();
        let table: KeymapToml =
            toml::from_str("[inbox]\nx = \"toggle_archive\"\nj = \"none\"\n").unwrap();
        k.apply(&table, "config.toml").unwrap();
        assert_eq!(
            k.action(Mode::Inbox, &press(KeyCode::Char('x'), KeyModifiers::NONE)),
            Some(Action::ToggleArchive)
        );
        assert_eq!(
            k.action(Mode::Inbox, &press(KeyCode::Char('j'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            k.action(Mode::Inbox, &press(KeyCode::Down, KeyModifiers::NONE)),
            Some(Action::MoveDown)
        );
    }

    #[test]
    fn bad_overrides_say_what_is_wrong() {
        let mut k = default_keymap();
        let bad: KeymapToml = toml::from_str("[inbox]\nx = \"fly\"\n").unwrap();
        assert!(
            k.apply(&bad, "c.toml")
                .unwrap_err()
                .to_string()
                .contains("unknown action `fly`")
        );
        let bad: KeymapToml = toml::from_str("[inbx]\nx = \"quit\"\n").unwrap();
        assert!(
            k.apply(&bad, "c.toml")
                .unwrap_err()
                .to_string()
                .contains("unknown mode")
        );
        let bad: KeymapToml = toml::from_str("[inbox]\n\"ctrl-\" = \"quit\"\n").unwrap();
        assert!(
            k.apply(&bad, "c.toml")
                .unwrap_err()
                .to_string()
                .contains("is not a key")
        );
    }

    #[test]
    fn keys_are_listed_for_help() {
        let k = default_keymap();
        assert_eq!(
            k.keys_for(Mode::Inbox, &Action::MoveDown),
            vec!["j".to_string(), "down".to_string()]
        );
        assert_eq!(k.key_for(Mode::Inbox, &Action::Help).as_deref(), Some("?"));
        assert_eq!(k.key_for(Mode::Compose, &Action::Help), None);
    }

    #[test]
    fn every_command_has_a_key() {
        let keymap = default_keymap();
        for mode in Mode::ALL {
            for c in mode.commands() {
                assert!(
                    keymap.key_for(*mode, &c.action).is_some(),
                    "{mode}: no key for {:?}",
                    c.action
                );
            }
        }
    }

    #[test]
    fn help_follows_the_keymap() {
        let mut keymap = default_keymap();
        let table = toml::from_str("[chat]\nW = \"why\"\n").unwrap();
        keymap.apply(&table, "c.toml").unwrap();
        let help = help(&keymap);
        let chat = &help.iter().find(|(t, _)| *t == "Open chat").unwrap().1;
        assert!(
            chat.iter()
                .any(|(keys, label)| keys.contains('W') && label.starts_with("why"))
        );
    }

    #[test]
    fn every_console_command_has_a_key() {
        let keymap = default_keymap();
        for mode in console::Mode::ALL {
            for c in mode.commands() {
                assert!(
                    keymap.key_for(*mode, &c.action).is_some(),
                    "{mode}: no key for {:?}",
                    c.action
                );
            }
        }
    }
}

//! Keys to actions, per mode, from `assets/keymap.toml` with the user's overrides on top.

use super::action::Action;
use crate::config_file::ConfigError;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;

const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

code_enum!(
    /// Where the keyboard focus is; each mode has its own keys.
    Mode {
        Inbox = "inbox",
        Chat = "chat",
        Compose = "compose",
        Held = "held",
        Subscriptions = "subscriptions",
        Profile = "profile",
        Settings = "settings",
        Help = "help",
        Search = "search",
        Dialog = "dialog",
        ConsoleTemplates = "console_templates",
        ConsoleEditor = "console_editor",
        ConsolePrompt = "console_prompt",
        ConsoleCompose = "console_compose",
        ConsoleConfirm = "console_confirm",
        ConsoleMetrics = "console_metrics",
        ConsoleStanding = "console_standing",
        ConsoleDialog = "console_dialog",
        ConsoleHelp = "console_help",
        Demo = "demo",
    }
);

impl Mode {
    /// Whether typed characters are text in this mode.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Mode::Compose
                | Mode::Search
                | Mode::ConsoleEditor
                | Mode::ConsolePrompt
                | Mode::ConsoleCompose
        )
    }

    /// Whether this mode belongs to the business console (or the demo around it).
    pub fn is_console(self) -> bool {
        self.as_str().starts_with("console_") || self == Mode::Demo
    }
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    code: KeyCodeOrd,
    ctrl: bool,
    alt: bool,
}

/// `KeyCode` made orderable for the maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum KeyCodeOrd {
    Char(char),
    Named(u8),
    F(u8),
}

const NAMES: [(&str, KeyCode); 15] = [
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("space", KeyCode::Char(' ')),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
];

impl Key {
    /// Parses "j", "G", "ctrl-c", "shift-tab", "pagedown", "f1".
    pub fn parse(text: &str) -> Option<Key> {
        let mut rest = text;
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-") {
                (ctrl, rest) = (true, r);
            } else if let Some(r) = rest.strip_prefix("alt-") {
                (alt, rest) = (true, r);
            } else if let Some(r) = rest.strip_prefix("shift-") {
                (shift, rest) = (true, r);
            } else {
                break;
            }
        }
        let code = match rest {
            "tab" if shift => KeyCode::BackTab,
            _ if rest.chars().count() == 1 => KeyCode::Char(rest.chars().next()?),
            _ => match NAMES.iter().find(|(n, _)| *n == rest) {
                Some((_, code)) => *code,
                None => KeyCode::F(
                    rest.strip_prefix('f')?
                        .parse()
                        .ok()
                        .filter(|n| (1..=12).contains(n))?,
                ),
            },
        };
        Key::from_code(code, ctrl, alt)
    }

    fn from_code(code: KeyCode, ctrl: bool, alt: bool) -> Option<Key> {
        let code = match code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            other => KeyCodeOrd::Named(NAMES.iter().position(|(_, c)| *c == other)? as u8),
        };
        Some(Key { code, ctrl, alt })
    }

    /// The key of a terminal event.
    pub fn from_event(event: &KeyEvent) -> Option<Key> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        Key::from_code(event.code, ctrl, alt)
    }

    /// The character typed, when this key is plain text.
    pub fn text(&self) -> Option<char> {
        match self.code {
            KeyCodeOrd::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }

    /// How the key is written in help: "j", "ctrl-c", "enter".
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCodeOrd::Char(' ') => "space".to_string(),
            KeyCodeOrd::Char(c) => c.to_string(),
            KeyCodeOrd::Named(i) => NAMES[i as usize].0.to_string(),
            KeyCodeOrd::F(n) => format!("f{n}"),
        };
        format!(
            "{}{}{base}",
            if self.ctrl { "ctrl-" } else { "" },
            if self.alt { "alt-" } else { "" }
        )
    }
}

/// Key bindings in the order they were written (help and footers show the first key first).
#[derive(Debug, Clone, Default)]
struct Bindings(Vec<(Key, Option<Action>)>);

impl Bindings {
    fn insert(&mut self, key: Key, action: Option<Action>) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = action,
            None => self.0.push((key, action)),
        }
    }

    fn get(&self, key: &Key) -> Option<&Option<Action>> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, a)| a)
    }

    fn contains_key(&self, key: &Key) -> bool {
        self.get(key).is_some()
    }

    fn iter(&self) -> impl Iterator<Item = (&Key, &Option<Action>)> {
        self.0.iter().map(|(k, a)| (k, a))
    }
}

/// The bindings of every mode.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    global: Bindings,
    modes: BTreeMap<Mode, Bindings>,
}

/// The keymap as written in TOML: mode name -> key -> action name, in file order.
pub type KeymapToml = toml::Table;

impl Keymap {
    /// The shipped keymap.
    pub fn default_keymap() -> Keymap {
        let mut map = Keymap::default();
        let table: KeymapToml = toml::from_str(DEFAULT_KEYMAP).expect("the built-in keymap parses");
        map.apply(&table, "assets/keymap.toml")
            .expect("the built-in keymap is valid");
        map
    }

    /// Applies `[mode] key = "action"` tables on top of these bindings.
    pub fn apply(&mut self, table: &KeymapToml, file: &str) -> Result<(), ConfigError> {
        for (mode_name, keys) in table {
            let keys = keys.as_table().ok_or_else(|| {
                ConfigError::whole(
                    file,
                    format!("[keys.{mode_name}] must be a table of key = \"action\""),
                )
            })?;
            let target = if mode_name == "global" {
                &mut self.global
            } else {
                let mode = Mode::parse(mode_name).ok_or_else(|| {
                    let modes: Vec<&str> = Mode::ALL.iter().map(|m| m.as_str()).collect();
                    ConfigError::whole(
                        file,
                        format!(
                            "unknown mode [keys.{mode_name}]; modes are global, {}",
                            modes.join(", ")
                        ),
                    )
                })?;
                self.modes.entry(mode).or_default()
            };
            for (key_text, action_value) in keys {
                let action_name = action_value.as_str().ok_or_else(|| {
                    ConfigError::whole(
                        file,
                        format!("[keys.{mode_name}] {key_text}: the action must be a string"),
                    )
                })?;
                let key = Key::parse(key_text).ok_or_else(|| {
                    ConfigError::whole(
                        file,
                        format!("[keys.{mode_name}]: `{key_text}` is not a key"),
                    )
                })?;
                let action = match action_name {
                    "none" => None,
                    name => Some(Action::from_name(name).ok_or_else(|| {
                        ConfigError::whole(
                            file,
                            format!("[keys.{mode_name}] {key_text}: unknown action `{name}`"),
                        )
                    })?),
                };
                target.insert(key, action);
            }
        }
        Ok(())
    }

    /// The action a key asks for in a mode; in text modes, unmodified characters are text.
    pub fn action(&self, mode: Mode, event: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(event)?;
        if let Some(bound) = self.modes.get(&mode).and_then(|m| m.get(&key)) {
            return bound.clone();
        }
        if mode.takes_text()
            && let Some(c) = key.text()
        {
            return Some(Action::Insert(c));
        }
        self.global.get(&key).cloned().flatten()
    }

    /// The action a key is bound to in this mode itself, without text or global keys: for a
    /// layer of keys (the demo's) that sits over another mode.
    pub fn own_action(&self, mode: Mode, event: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(event)?;
        self.modes.get(&mode)?.get(&key).cloned().flatten()
    }

    /// The keys bound to an action in a mode (mode keys first, then global ones), as labels.
    pub fn keys_for(&self, mode: Mode, action: &Action) -> Vec<String> {
        let in_mode = self.modes.get(&mode);
        let mut keys: Vec<String> = in_mode
            .into_iter()
            .flat_map(Bindings::iter)
            .filter(|(_, a)| a.as_ref() == Some(action))
            .map(|(k, _)| k.label())
            .collect();
        let shadowed = |k: &Key| {
            in_mode.is_some_and(|m| m.contains_key(k)) || (mode.takes_text() && k.text().is_some())
        };
        keys.extend(
            self.global
                .iter()
                .filter(|(k, a)| a.as_ref() == Some(action) && !shadowed(k))
                .map(|(k, _)| k.label()),
        );
        keys
    }

    /// The first key for an action in a mode, for footers.
    pub fn key_for(&self, mode: Mode, action: &Action) -> Option<String> {
        self.keys_for(mode, action).into_iter().next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn default_keys_map_to_actions_per_mode() {
        let k = Keymap::default_keymap();
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
        let k = Keymap::default_keymap();
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
        let mut k = Keymap::default_keymap();
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
        let mut k = Keymap::default_keymap();
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
        let k = Keymap::default_keymap();
        assert_eq!(
            k.keys_for(Mode::Inbox, &Action::MoveDown),
            vec!["j".to_string(), "down".to_string()]
        );
        assert_eq!(k.key_for(Mode::Inbox, &Action::Help).as_deref(), Some("?"));
        assert_eq!(k.key_for(Mode::Compose, &Action::Help), None);
        assert_eq!(Key::parse("ctrl-c").unwrap().label(), "ctrl-c");
        assert_eq!(Key::parse("shift-tab").unwrap().label(), "backtab");
    }
}

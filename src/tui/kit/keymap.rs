//! Keys to actions, per mode, from `assets/keymap.toml` with the user's overrides on top.
//!
//! The file is one for every app: it names each app's modes and actions. The keymap keeps the
//! names as written; each app reads it through its own [`KeyMode`] and [`KeyAction`] types.

use super::key::Key;
use crate::config_file::ConfigError;
use crossterm::event::KeyEvent;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

const DEFAULT_KEYMAP: &str = include_str!("../../../assets/keymap.toml");

/// Where an app's keyboard focus is: each mode has its own keys.
pub trait KeyMode: Copy + Eq + 'static {
    /// What the keys of this app's modes ask for.
    type Action: KeyAction;
    /// Every mode, in the order the keymap's errors list them.
    fn all() -> &'static [Self];
    /// The mode's name in the keymap: `[keys.<name>]`.
    fn name(self) -> &'static str;
    /// Whether typed characters are text in this mode.
    fn takes_text(self) -> bool;
}

/// Declares an app's modes (as a `code_enum!`, their codes the keymap's names) and their
/// [`KeyMode`]: which actions they ask for, and which of them take typed text.
macro_rules! key_modes {
    ($(#[$doc:meta])* $name:ident for $action:ty {
        $($variant:ident = $code:literal),* $(,)?
    } text: [$($text:ident),*]) => {
        code_enum!($(#[$doc])* $name { $($variant = $code),* });

        impl $crate::tui::kit::KeyMode for $name {
            type Action = $action;

            fn all() -> &'static [$name] {
                $name::ALL
            }

            fn name(self) -> &'static str {
                self.as_str()
            }

            fn takes_text(self) -> bool {
                [$($name::$text),*].contains(&self)
            }
        }
    };
}
pub(crate) use key_modes;

/// Something an app's user can ask for; unit variants have keymap names (`toggle_subscribe`).
pub trait KeyAction: Clone + PartialEq + Serialize + DeserializeOwned {
    /// The action of typing one character, in the modes that take text.
    fn typed(_c: char) -> Option<Self> {
        None
    }

    /// The action with this keymap name.
    fn from_name(name: &str) -> Option<Self> {
        let name = serde::de::value::StrDeserializer::<serde::de::value::Error>::new(name);
        Self::deserialize(name).ok()
    }

    /// The keymap name of a unit action.
    fn name(&self) -> Option<String> {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => Some(s),
            _ => None,
        }
    }
}

/// The modes and actions a keymap may name: those of every app that reads it.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    modes: Vec<&'static str>,
    actions: Vec<fn(&str) -> bool>,
}

impl Vocabulary {
    /// Adds the modes of one app, and its actions.
    pub fn with<M: KeyMode>(mut self) -> Vocabulary {
        self.modes.extend(M::all().iter().map(|m| m.name()));
        self.actions
            .push(|name| <M::Action as KeyAction>::from_name(name).is_some());
        self
    }

    fn knows_action(&self, name: &str) -> bool {
        self.actions.iter().any(|knows| knows(name))
    }
}

/// Key bindings to action names (`None`: the key is freed), in the order they were written
/// (help and footers show the first key first).
#[derive(Debug, Clone, Default)]
struct Bindings(Vec<(Key, Option<String>)>);

impl Bindings {
    fn insert(&mut self, key: Key, action: Option<String>) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = action,
            None => self.0.push((key, action)),
        }
    }

    /// Binds `key` ahead of the keys written before it, so help and footers show it first.
    fn insert_first(&mut self, key: Key, action: Option<String>) {
        self.0.retain(|(k, _)| *k != key);
        self.0.insert(0, (key, action));
    }

    fn get(&self, key: &Key) -> Option<Option<&str>> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, a)| a.as_deref())
    }

    fn contains_key(&self, key: &Key) -> bool {
        self.get(key).is_some()
    }

    /// The keys bound to the action named `name`.
    fn keys_of<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Key> + 'a {
        self.0
            .iter()
            .filter(move |(_, a)| a.as_deref() == Some(name))
            .map(|(k, _)| k)
    }
}

/// The bindings of every mode of every app.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    vocabulary: Vocabulary,
    global: Bindings,
    modes: BTreeMap<&'static str, Bindings>,
}

/// The keymap as written in TOML: mode name -> key -> action name, in file order.
pub type KeymapToml = toml::Table;

/// A mode's section of the keymap TOML, checked: its mode and its keys.
type Section = (Option<&'static str>, Vec<(Key, Option<String>)>);

impl Keymap {
    /// The shipped keymap, over the modes and actions of `vocabulary`.
    pub fn default_keymap(vocabulary: Vocabulary) -> Keymap {
        let mut map = Keymap {
            vocabulary,
            ..Keymap::default()
        };
        let table: KeymapToml = toml::from_str(DEFAULT_KEYMAP).expect("the built-in keymap parses");
        map.merge(&table, "assets/keymap.toml", false)
            .expect("the built-in keymap is valid");
        map
    }

    /// Applies the user's `[mode] key = "action"` tables on top of these bindings; the user's
    /// keys come first, so footers and help show them.
    pub fn apply(&mut self, table: &KeymapToml, file: &str) -> Result<(), ConfigError> {
        self.merge(table, file, true)
    }

    fn merge(&mut self, table: &KeymapToml, file: &str, first: bool) -> Result<(), ConfigError> {
        for (mode_name, keys) in table {
            let (mode, bindings) = self.section(mode_name, keys, file)?;
            let target = match mode {
                None => &mut self.global,
                Some(mode) => self.modes.entry(mode).or_default(),
            };
            if first {
                for (key, action) in bindings.into_iter().rev() {
                    target.insert_first(key, action);
                }
            } else {
                for (key, action) in bindings {
                    target.insert(key, action);
                }
            }
        }
        Ok(())
    }

    /// Checks one section: its mode (`None`: global), its keys and its action names.
    fn section(
        &self,
        mode_name: &str,
        keys: &toml::Value,
        file: &str,
    ) -> Result<Section, ConfigError> {
        let error = |text: String| ConfigError::whole(file, text);
        let keys = keys
            .as_table()
            .ok_or_else(|| error(tr!("kit-keys-not-a-table", mode = mode_name)))?;
        let mode = match mode_name {
            "global" => None,
            name => Some(self.mode_named(name).ok_or_else(|| {
                error(tr!(
                    "kit-keys-unknown-mode",
                    mode = mode_name,
                    modes = self.vocabulary.modes.join(", ")
                ))
            })?),
        };
        let mut bindings = Vec::with_capacity(keys.len());
        for (key_text, action_value) in keys {
            let action_name = action_value.as_str().ok_or_else(|| {
                error(tr!(
                    "kit-keys-action-not-text",
                    mode = mode_name,
                    key = key_text.as_str()
                ))
            })?;
            let key = Key::parse(key_text).ok_or_else(|| {
                error(tr!(
                    "kit-keys-not-a-key",
                    mode = mode_name,
                    key = key_text.as_str()
                ))
            })?;
            let action = match action_name {
                "none" => None,
                name if self.vocabulary.knows_action(name) => Some(name.to_string()),
                name => {
                    return Err(error(tr!(
                        "kit-keys-unknown-action",
                        mode = mode_name,
                        key = key_text.as_str(),
                        action = name
                    )));
                }
            };
            bindings.push((key, action));
        }
        Ok((mode, bindings))
    }

    fn mode_named(&self, name: &str) -> Option<&'static str> {
        self.vocabulary.modes.iter().find(|m| **m == name).copied()
    }

    /// The action a key asks for in a mode; in text modes, unmodified characters are text.
    /// A key bound to another app's action asks for nothing here.
    pub fn action<M: KeyMode>(&self, mode: M, event: &KeyEvent) -> Option<M::Action> {
        let key = Key::from_event(event)?;
        if let Some(bound) = self.modes.get(mode.name()).and_then(|m| m.get(&key)) {
            return bound.and_then(M::Action::from_name);
        }
        if mode.takes_text()
            && let Some(typed) = key.text().and_then(M::Action::typed)
        {
            return Some(typed);
        }
        self.global
            .get(&key)
            .flatten()
            .and_then(M::Action::from_name)
    }

    /// The action a key is bound to in this mode itself, without text or global keys: for a
    /// layer of keys (the demo's) that sits over another mode.
    pub fn own_action<M: KeyMode>(&self, mode: M, event: &KeyEvent) -> Option<M::Action> {
        let key = Key::from_event(event)?;
        let bound = self.modes.get(mode.name())?.get(&key)?;
        bound.and_then(M::Action::from_name)
    }

    /// The keys bound to an action in a mode (mode keys first, then global ones), as labels.
    pub fn keys_for<M: KeyMode>(&self, mode: M, action: &M::Action) -> Vec<String> {
        let Some(name) = action.name() else {
            return Vec::new();
        };
        let in_mode = self.modes.get(mode.name());
        let mut keys: Vec<String> = in_mode
            .into_iter()
            .flat_map(|m| m.keys_of(&name))
            .map(Key::label)
            .collect();
        let shadowed = |k: &Key| {
            in_mode.is_some_and(|m| m.contains_key(k)) || (mode.takes_text() && k.text().is_some())
        };
        keys.extend(
            self.global
                .keys_of(&name)
                .filter(|k| !shadowed(k))
                .map(Key::label),
        );
        keys
    }

    /// Every key that asks for something in `mode`, as written in help, with its action: the
    /// mode's own keys, then the global keys it does not shadow (typed text aside).
    pub fn bindings<M: KeyMode>(&self, mode: M) -> Vec<(String, M::Action)> {
        let own = self.modes.get(mode.name());
        let shadowed = |k: &Key| {
            own.is_some_and(|m| m.contains_key(k)) || (mode.takes_text() && k.text().is_some())
        };
        let global = self.global.0.iter().filter(|(k, _)| !shadowed(k));
        own.into_iter()
            .flat_map(|m| m.0.iter())
            .chain(global)
            .filter_map(|(key, name)| {
                let action = name.as_deref().and_then(M::Action::from_name)?;
                Some((key.label(), action))
            })
            .collect()
    }

    /// The first key for an action in a mode, for footers.
    pub fn key_for<M: KeyMode>(&self, mode: M, action: &M::Action) -> Option<String> {
        self.keys_for(mode, action).into_iter().next()
    }
}

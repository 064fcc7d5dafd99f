//! Where the inbox's keyboard focus is: each mode has its own keys.

use super::action::Action;
use crate::tui::kit::KeyMode;

code_enum!(
    /// Where the keyboard focus is in the inbox.
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
    }
);

impl KeyMode for Mode {
    type Action = Action;

    fn all() -> &'static [Mode] {
        Mode::ALL
    }

    fn name(self) -> &'static str {
        self.as_str()
    }

    fn takes_text(self) -> bool {
        matches!(self, Mode::Compose | Mode::Search)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::UiConfig;
    use crate::tui::inbox::Action;
    use crate::tui::kit::Keymap;
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
}

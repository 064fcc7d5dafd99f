//! The language the inbox speaks: what `i18n::start` chose at start, unless the user chose
//! another on the Settings row, which switches it live and keeps it in the store for this
//! device.

use super::super::state::LanguageSource;
use super::App;
use crate::i18n::{self, Requested, Started};

impl App {
    /// Takes the languages and the choice made at start; a language chosen in Settings on
    /// this device wins over it. What could not be loaded is said in the notices.
    pub fn speak(&mut self, started: &Started) {
        self.catalogues = started.catalogues.clone();
        self.state.language_source = match started.requested {
            Requested::Config(_) => LanguageSource::Config,
            Requested::Environment(_) => LanguageSource::Environment,
            Requested::Default => LanguageSource::Default,
        };
        let chosen = self.state.settings.language.clone();
        match chosen.as_deref().and_then(|tag| self.catalogues.get(tag)) {
            Some(catalogue) => {
                i18n::set(catalogue);
                self.state.language_source = LanguageSource::Settings;
            }
            None => {
                if let Some(tag) = chosen {
                    self.error(tr!("inbox-language-unavailable", tag = tag));
                }
            }
        }
        self.on_language_change();
        if let Some(tag) = &started.unavailable {
            self.error(tr!("inbox-language-unavailable", tag = tag.as_str()));
        }
        for problem in &started.problems {
            self.error(tr!("inbox-language-problem", problem = problem.to_string()));
        }
    }

    /// The language `delta` steps away from the one in force, among those there are.
    pub(super) fn next_language(&self, delta: i32) -> String {
        let tags = self.catalogues.tags();
        let here = i18n::language();
        let i = tags.iter().position(|t| *t == here).unwrap_or(0) as i32;
        let len = tags.len().max(1) as i32;
        tags.get((i + delta).rem_euclid(len) as usize)
            .cloned()
            .unwrap_or(here)
    }

    /// Puts the language `tag` in force at once, as chosen in Settings.
    pub(super) fn switch_language(&mut self, tag: &str) {
        if let Some(catalogue) = self.catalogues.get(tag) {
            i18n::set(catalogue);
            self.state.language_source = LanguageSource::Settings;
            self.on_language_change();
        }
    }

    /// Rewrites what the state keeps as text, now in the language in force.
    fn on_language_change(&mut self) {
        if !self.state.server {
            self.state.connection = tr!("inbox-connection-offline");
        }
    }
}

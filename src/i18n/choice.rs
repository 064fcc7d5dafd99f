//! Which language to speak: `language` in config.toml, else the locale of the environment
//! (`LC_ALL`, then `LC_MESSAGES`, then `LANG`), else English.

/// Where the language in force came from, to say so in Settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requested {
    /// `language = "…"` in config.toml or chosen in Settings.
    Config(String),
    /// The environment's locale, e.g. `es_ES.UTF-8`.
    Environment(String),
    /// Nothing asked for one.
    Default,
}

impl Requested {
    /// The language tag asked for, when one was.
    pub fn tag(&self) -> Option<String> {
        match self {
            Requested::Config(t) => Some(t.clone()),
            Requested::Environment(locale) => language_tag(locale),
            Requested::Default => None,
        }
    }
}

/// The language the environment's locale names, from variables read by `var`.
pub fn from_environment(var: impl Fn(&str) -> Option<String>) -> Requested {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|name| var(name).filter(|v| !v.trim().is_empty()))
        .next()
        .map_or(Requested::Default, Requested::Environment)
}

/// The language part of a POSIX locale: "es_ES.UTF-8" -> "es", "pt_BR" -> "pt-br"; none for
/// "C" and "POSIX".
pub fn language_tag(locale: &str) -> Option<String> {
    let name = locale.split(['.', '@']).next().unwrap_or("").trim();
    if name.is_empty() || name == "C" || name == "POSIX" {
        return None;
    }
    Some(name.replace('_', "-").to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lc_all_wins_over_lc_messages_and_lang() {
        let env = |name: &str| match name {
            "LC_ALL" => Some("es_ES.UTF-8".to_string()),
            "LANG" => Some("en_GB.UTF-8".to_string()),
            _ => None,
        };
        assert_eq!(from_environment(env).tag().as_deref(), Some("es-es"));
        let lang_only = |name: &str| (name == "LANG").then(|| "es_ES.UTF-8".to_string());
        assert_eq!(from_environment(lang_only).tag().as_deref(), Some("es-es"));
        assert_eq!(from_environment(|_| None), Requested::Default);
    }

    #[test]
    fn the_c_locale_asks_for_no_language() {
        assert_eq!(language_tag("C.UTF-8"), None);
        assert_eq!(language_tag("POSIX"), None);
        assert_eq!(language_tag("pt_BR@euro").as_deref(), Some("pt-br"));
    }
}

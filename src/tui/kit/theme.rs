//! Colours and text styles, from `assets/theme.toml` with the user's overrides; `NO_COLOR`
//! keeps only bold, reversed and the like, so nothing depends on colour alone.

use crate::config_file::ConfigError;
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::str::FromStr;

const DEFAULT_THEME: &str = include_str!("../../../assets/theme.toml");

/// One style as written in TOML.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    pub fg: Option<String>,
    pub bg: Option<String>,
    #[serde(default)]
    pub bold: bool,
    #[serde(default)]
    pub italic: bool,
    #[serde(default)]
    pub dim: bool,
    #[serde(default)]
    pub reversed: bool,
    #[serde(default)]
    pub underlined: bool,
}

/// Every named style of the interface.
#[derive(Debug, Clone)]
pub struct Theme {
    styles: BTreeMap<String, Style>,
    no_color: bool,
}

/// The theme as written in TOML.
pub type ThemeToml = BTreeMap<String, StyleSpec>;

impl Theme {
    /// The shipped theme with `overrides` on top; without colours when `no_color`.
    pub fn load(overrides: &ThemeToml, no_color: bool, file: &str) -> Result<Theme, ConfigError> {
        let defaults: ThemeToml = toml::from_str(DEFAULT_THEME).expect("the built-in theme parses");
        let mut styles = BTreeMap::new();
        for (name, spec) in &defaults {
            styles.insert(
                name.clone(),
                to_style(spec, no_color, "assets/theme.toml", name)?,
            );
        }
        for (name, spec) in overrides {
            if !defaults.contains_key(name) {
                let known: Vec<&str> = defaults.keys().map(String::as_str).collect();
                return Err(ConfigError::whole(
                    file,
                    tr!(
                        "kit-theme-unknown-style",
                        name = name.as_str(),
                        styles = known.join(", ")
                    ),
                ));
            }
            styles.insert(name.clone(), to_style(spec, no_color, file, name)?);
        }
        Ok(Theme { styles, no_color })
    }

    /// The shipped theme.
    pub fn default_theme(no_color: bool) -> Theme {
        Theme::load(&ThemeToml::new(), no_color, "").expect("the built-in theme is valid")
    }

    /// Whether colours are off (NO_COLOR): what colour would say is then said in words.
    pub fn no_color(&self) -> bool {
        self.no_color
    }

    /// The style with this name (plain when unknown).
    pub fn get(&self, name: &str) -> Style {
        self.styles.get(name).copied().unwrap_or_default()
    }
}

fn to_style(
    spec: &StyleSpec,
    no_color: bool,
    file: &str,
    name: &str,
) -> Result<Style, ConfigError> {
    let color = |c: &Option<String>| -> Result<Option<Color>, ConfigError> {
        match c {
            None => Ok(None),
            Some(text) => Color::from_str(text).map(Some).map_err(|_| {
                ConfigError::whole(
                    file,
                    tr!("kit-theme-not-a-colour", name = name, text = text.as_str()),
                )
            }),
        }
    };
    let mut style = Style::default();
    if !no_color {
        if let Some(fg) = color(&spec.fg)? {
            style = style.fg(fg);
        }
        if let Some(bg) = color(&spec.bg)? {
            style = style.bg(bg);
        }
    } else {
        color(&spec.fg)?;
        color(&spec.bg)?;
    }
    let flags = [
        (spec.bold, Modifier::BOLD),
        (spec.italic, Modifier::ITALIC),
        (spec.dim, Modifier::DIM),
        (spec.reversed, Modifier::REVERSED),
        (spec.underlined, Modifier::UNDERLINED),
    ];
    for (on, modifier) in flags {
        if on {
            style = style.add_modifier(modifier);
        }
    }
    if no_color && spec.bg.is_some() && !spec.reversed {
        style = style.add_modifier(Modifier::REVERSED);
    }
    Ok(style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_replace_one_style() {
        let o: ThemeToml = toml::from_str("business = { fg = \"magenta\" }").unwrap();
        let t = Theme::load(&o, false, "c.toml").unwrap();
        assert_eq!(t.get("business").fg, Some(Color::Magenta));
        assert_eq!(t.get("verified").fg, Some(Color::Green));
    }

    #[test]
    fn no_color_keeps_emphasis_only() {
        let t = Theme::default_theme(true);
        assert_eq!(t.get("business").fg, None);
        assert!(t.get("business").add_modifier.contains(Modifier::BOLD));
        assert!(t.get("error").add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn bad_overrides_are_named() {
        let o: ThemeToml = toml::from_str("business = { fg = \"plaid\" }").unwrap();
        assert!(
            Theme::load(&o, false, "c.toml")
                .unwrap_err()
                .to_string()
                .contains("`plaid` is not a colour")
        );
        let o: ThemeToml = toml::from_str("busines = { fg = \"red\" }").unwrap();
        assert!(
            Theme::load(&o, false, "c.toml")
                .unwrap_err()
                .to_string()
                .contains("unknown style")
        );
    }
}

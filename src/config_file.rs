//! Parley's TOML files, the interface's `config.toml` and the assets (rules, prices, world):
//! one reader, one parser, and one error that names the file, the line and the field.

use crate::policy::{PolicyConfig, Pricing};
use std::path::Path;

/// A config or asset file that could not be used, with where and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}{}{}: {message}",
    location.map(|(l, c)| format!(", line {l}, column {c}")).unwrap_or_default(),
    field.as_ref().map(|f| format!(", field `{f}`")).unwrap_or_default())]
pub struct ConfigError {
    pub file: String,
    /// Line and column, from 1.
    pub location: Option<(usize, usize)>,
    /// The dotted key at that place, when there is one.
    pub field: Option<String>,
    pub message: String,
}

impl ConfigError {
    /// An error about the file as a whole.
    pub fn whole(file: &str, message: impl Into<String>) -> ConfigError {
        ConfigError {
            file: file.to_string(),
            location: None,
            field: None,
            message: message.into(),
        }
    }
}

/// Parses TOML text into `T`, naming the file, the line and the field when it fails.
pub fn parse_toml<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
) -> Result<T, ConfigError> {
    toml::from_str(text).map_err(|e| {
        let start = e.span().map(|span| span.start);
        ConfigError {
            file: file.to_string(),
            location: start.map(|at| line_column(text, at)),
            field: start.and_then(|at| field_at(text, at)),
            message: e.message().trim().to_string(),
        }
    })
}

pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The dotted key written on the line that holds `offset`, under its nearest table header.
fn field_at(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or("");
    let key = line.split_once('=')?.0.trim().trim_matches('"');
    if key.is_empty() || key.starts_with('[') {
        return None;
    }
    let table = text[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('[') && l.ends_with(']'))
        .map(|l| l.trim_matches(['[', ']']).trim().to_string());
    Some(match table {
        Some(t) => format!("{t}.{key}"),
        None => key.to_string(),
    })
}

/// Reads a whole file; the error names it.
pub fn read(path: &Path) -> Result<String, ConfigError> {
    std::fs::read_to_string(path).map_err(|e| {
        ConfigError::whole(&path.display().to_string(), format!("cannot read it: {e}"))
    })
}

/// Parses a policy file, then checks that its numbers make sense.
pub fn policy(file: &str, text: &str) -> Result<PolicyConfig, ConfigError> {
    parse_checked(file, text, PolicyConfig::check)
}

/// Parses a pricing file; prices may not be negative.
pub fn pricing(file: &str, text: &str) -> Result<Pricing, ConfigError> {
    parse_checked(file, text, Pricing::check)
}

/// Parses TOML text into `T`, then refuses it with the sentence `check` gives, if any.
fn parse_checked<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
    check: impl Fn(&T) -> Result<(), &'static str>,
) -> Result<T, ConfigError> {
    let value: T = parse_toml(file, text)?;
    check(&value).map_err(|why| ConfigError::whole(file, why))?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;
    use crate::policy::config::QualityConfig;

    #[test]
    fn shipped_policy_file_equals_the_defaults() {
        let shipped = include_str!("../assets/policy.toml");
        let parsed = policy("assets/policy.toml", shipped).unwrap();
        assert_eq!(parsed, PolicyConfig::default());
    }

    #[test]
    fn a_partial_file_overrides_only_its_fields() {
        let c = policy("p.toml", "[caps]\ndaily_all = 9\n").unwrap();
        assert_eq!(c.caps.daily_all, 9);
        assert_eq!(c.caps.weekly_per_business, 2);
        assert_eq!(c.quality, QualityConfig::default());
    }

    #[test]
    fn a_broken_file_names_the_file_line_and_field() {
        let err = policy("p.toml", "[caps]\n\ndaily_all = \"four\"\n").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("p.toml, line 3"), "{text}");
        assert!(text.contains("field `caps.daily_all`"), "{text}");
        let err = policy("p.toml", "[caps]\ndialy_all = 4\n").unwrap_err();
        assert!(err.to_string().contains("dialy_all"), "{err}");
        assert_eq!(err.location.unwrap().0, 2);
    }

    #[test]
    fn nonsense_numbers_are_refused() {
        let err = policy("p.toml", "[tiers]\nlimits = [10, 5]\n").unwrap_err();
        assert!(err.to_string().contains("tiers.limits"));
    }

    #[test]
    fn shipped_pricing_equals_the_defaults() {
        let p = pricing("pricing.toml", include_str!("../assets/pricing.toml")).unwrap();
        assert_eq!(p, Pricing::default());
        assert_eq!(p.price(Category::Marketing), 25);
        assert_eq!(p.price(Category::Service), 0);
    }

    #[test]
    fn negative_prices_are_refused() {
        assert!(pricing("p.toml", "marketing = -1").is_err());
    }
}

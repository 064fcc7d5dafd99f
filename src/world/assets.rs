//! The three asset files (rules, prices, world), built in and overridable from a directory.

use super::World;
use crate::config_file::{self, ConfigError};
use crate::policy::{PolicyConfig, Pricing};
use crate::store::StoreError;
use std::path::{Path, PathBuf};

const POLICY: &str = include_str!("../../assets/policy.toml");
const PRICING: &str = include_str!("../../assets/pricing.toml");
const WORLD: &str = include_str!("../../assets/world.toml");
/// The same world with its messages in Spanish.
const WORLD_ES: &str = include_str!("../../assets/i18n/es/world.toml");

/// The built-in world for the language in force: its file name and text. A language without a
/// world of its own gets the English one.
fn built_in_world() -> (&'static str, &'static str) {
    match crate::i18n::language().as_str() {
        "es" => ("i18n/es/world.toml", WORLD_ES),
        _ => ("world.toml", WORLD),
    }
}

/// The rules, the prices and the world, checked.
#[derive(Debug, Clone)]
pub struct Assets {
    pub policy: PolicyConfig,
    pub pricing: Pricing,
    pub world: World,
}

/// What can go wrong running the world.
#[derive(Debug, thiserror::Error)]
pub enum WorldError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Assets {
    /// The assets built into Parley.
    pub fn built_in() -> Assets {
        Assets::load(None).expect("the built-in assets are checked by the tests")
    }

    /// Loads each file from `dir` when it is there, else the built-in one; a `dir` that is not a
    /// directory is an error naming it.
    pub fn load(dir: Option<&Path>) -> Result<Assets, ConfigError> {
        if let Some(dir) = dir.filter(|d| !d.is_dir()) {
            return Err(ConfigError::whole(
                &dir.display().to_string(),
                "no such assets directory; pass --assets a directory holding policy.toml, \
                 pricing.toml or world.toml",
            ));
        }
        let (name, text) = read(dir, "policy.toml", POLICY)?;
        let policy = config_file::policy(&name, &text)?;
        let (name, text) = read(dir, "pricing.toml", PRICING)?;
        let pricing = config_file::pricing(&name, &text)?;
        let (name, text) = read_world(dir)?;
        let world = World::from_toml(&name, &text)?;
        Ok(Assets {
            policy,
            pricing,
            world,
        })
    }
}

/// world.toml from `dir` when it is there, else the built-in world of the language in force.
fn read_world(dir: Option<&Path>) -> Result<(String, String), ConfigError> {
    let (file, text) = built_in_world();
    let (name, text) = read(dir, "world.toml", text)?;
    Ok(match name.ends_with("(built in)") {
        true => (format!("assets/{file} (built in)"), text),
        false => (name, text),
    })
}

fn read(dir: Option<&Path>, file: &str, built_in: &str) -> Result<(String, String), ConfigError> {
    let path: Option<PathBuf> = dir.map(|d| d.join(file)).filter(|p| p.exists());
    match path {
        Some(path) => Ok((path.display().to_string(), config_file::read(&path)?)),
        None => Ok((format!("assets/{file} (built in)"), built_in.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_assets_load() {
        let a = Assets::built_in();
        assert_eq!(a.policy, PolicyConfig::default());
    }

    #[test]
    fn a_missing_assets_directory_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nowhere");
        let err = Assets::load(Some(&missing)).unwrap_err();
        assert_eq!(err.file, missing.display().to_string());
        assert!(err.message.contains("no such assets directory"), "{err}");
    }

    #[test]
    fn a_broken_override_names_its_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("pricing.toml"), "marketing = \"lots\"\n").unwrap();
        let err = Assets::load(Some(dir.path())).unwrap_err();
        assert!(err.file.ends_with("pricing.toml"), "{err}");
        assert_eq!(err.location.map(|l| l.0), Some(1));
        assert_eq!(err.field.as_deref(), Some("marketing"));
    }
}

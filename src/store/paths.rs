//! Where Parley keeps its files: the platform's data and config directories, each overridable
//! by a flag or an environment variable.

use directories::ProjectDirs;
use std::path::PathBuf;

/// The data directory: `--data-dir`, else `PARLEY_DATA_DIR`, else the platform's data dir.
pub fn data_dir(flag: Option<PathBuf>) -> Option<PathBuf> {
    flag.or_else(|| std::env::var_os("PARLEY_DATA_DIR").map(PathBuf::from))
        .or_else(|| project().map(|p| p.data_dir().to_path_buf()))
}

/// The config directory: `--config-dir`, else `PARLEY_CONFIG_DIR`, else the platform's.
pub fn config_dir(flag: Option<PathBuf>) -> Option<PathBuf> {
    flag.or_else(|| std::env::var_os("PARLEY_CONFIG_DIR").map(PathBuf::from))
        .or_else(|| project().map(|p| p.config_dir().to_path_buf()))
}

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "parley")
}

/// The database file inside a data directory.
pub fn database_file(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("parley.db")
}

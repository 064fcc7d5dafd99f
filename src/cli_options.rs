//! The options the subcommands share, one group each, so every subcommand lists only the
//! groups it uses. Without a subcommand the inbox takes them all (`InboxOptions`, which also
//! reads the environment); given before a subcommand they count for it too (`parley
//! --data-dir DIR world summary`), and given after it they win.

use clap::Args;
use std::path::PathBuf;

/// Where the local store lives.
#[derive(Debug, Clone, Default, Args)]
pub struct DataOptions {
    /// Directory of the local store (parley.db) and logs [env: PARLEY_DATA_DIR].
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

/// Which rules, prices and world to use.
#[derive(Debug, Clone, Default, Args)]
pub struct AssetsOptions {
    /// Directory with policy.toml, pricing.toml or world.toml to use instead of the built-in
    /// ones [env: PARLEY_ASSETS].
    #[arg(long, value_name = "DIR")]
    pub assets: Option<PathBuf>,
}

/// Which server to speak to, and as whom.
#[derive(Debug, Clone, Default, Args)]
pub struct ServerOptions {
    /// The Parley server, e.g. http://127.0.0.1:8787 [env: PARLEY_SERVER].
    #[arg(long, value_name = "URL")]
    pub server: Option<String>,
    /// Your token on the server (printed by `parley serve add-user`, `add-business` or
    /// `add-reviewer`) [env: PARLEY_TOKEN].
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,
}

/// How the full-screen interface looks and behaves.
#[derive(Debug, Clone, Default, Args)]
pub struct ConfigOptions {
    /// The interface's config file (keys, colours, mouse, notifications) [env: PARLEY_CONFIG].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Without a subcommand, the inbox's options; before one, the fallback for its own.
#[derive(Debug, Clone, Default, Args)]
pub struct InboxOptions {
    /// Directory of the local store (parley.db) and logs.
    #[arg(long, env = "PARLEY_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Directory with policy.toml, pricing.toml or world.toml to use instead of the built-in ones.
    #[arg(long, env = "PARLEY_ASSETS", value_name = "DIR")]
    pub assets: Option<PathBuf>,
    /// Sync with this Parley server (e.g. http://127.0.0.1:8787) instead of the demo world.
    #[arg(long, env = "PARLEY_SERVER", value_name = "URL")]
    pub server: Option<String>,
    /// Your token on the server (printed by `parley serve add-user`).
    #[arg(
        long,
        env = "PARLEY_TOKEN",
        value_name = "TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,
    /// The interface's config file (keys, colours, mouse, notifications).
    #[arg(long, env = "PARLEY_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
}

impl InboxOptions {
    /// The data directory, as the fallback for a subcommand's.
    pub fn data(&self) -> DataOptions {
        DataOptions {
            data_dir: self.data_dir.clone(),
        }
    }

    /// The assets directory, as the fallback for a subcommand's.
    pub fn assets(&self) -> AssetsOptions {
        AssetsOptions {
            assets: self.assets.clone(),
        }
    }

    /// The server and token, as the fallback for a subcommand's.
    pub fn server(&self) -> ServerOptions {
        ServerOptions {
            server: self.server.clone(),
            token: self.token.clone(),
        }
    }

    /// The config file, as the fallback for a subcommand's.
    pub fn config(&self) -> ConfigOptions {
        ConfigOptions {
            config: self.config.clone(),
        }
    }
}

impl DataOptions {
    /// These, else the ones given before the subcommand.
    pub fn or(self, outer: DataOptions) -> DataOptions {
        DataOptions {
            data_dir: self.data_dir.or(outer.data_dir),
        }
    }
}

impl AssetsOptions {
    /// These, else the ones given before the subcommand.
    pub fn or(self, outer: AssetsOptions) -> AssetsOptions {
        AssetsOptions {
            assets: self.assets.or(outer.assets),
        }
    }
}

impl ServerOptions {
    /// These, else the ones given before the subcommand.
    pub fn or(self, outer: ServerOptions) -> ServerOptions {
        ServerOptions {
            server: self.server.or(outer.server),
            token: self.token.or(outer.token),
        }
    }
}

impl ConfigOptions {
    /// These, else the ones given before the subcommand.
    pub fn or(self, outer: ConfigOptions) -> ConfigOptions {
        ConfigOptions {
            config: self.config.or(outer.config),
        }
    }
}

//! Parley: a terminal chat inbox that marks business chats clearly and puts the reader in
//! charge of them, with the platform's rules in a pure policy engine beside it.

#[macro_use]
pub mod model;
#[macro_use]
pub mod i18n;
pub mod business_cli;
pub mod cli;
pub mod cli_answer;
pub mod cli_options;
pub mod config_file;
pub mod log_file;
pub mod policy;
pub mod protocol;
pub mod review_cli;
pub mod server;
pub mod store;
pub mod sync;
pub mod tui;
pub mod wall_clock;
pub mod world;

//! The business console: the platform from a business's side. Its templates and their
//! reviews, broadcasts (priced, dry-run, confirmed, sent with progress, charged for what was
//! delivered), metrics with charts, and its standing: quality, tier, strikes, restrictions.
//!
//! The console reads and acts through a [`ConsoleSource`]: the local store ([`StoreSource`],
//! the demo world offline) or a server ([`RemoteSource`], the one business a token acts for),
//! without the views changing. One [`Session`] runs it full screen over either.

pub mod action;
pub mod app;
pub mod commands;
pub mod field;
pub mod mode;
pub mod remote;
pub mod session;
pub mod source;
pub mod state;
mod store_source;
pub mod views;

pub use action::Action;
pub use app::ConsoleApp;
pub use mode::Mode;
pub use remote::RemoteSource;
pub use session::Session;
pub use source::{ConsoleError, ConsoleSource};
pub use state::ConsoleState;
pub use store_source::StoreSource;

/// The console over the local store.
pub type StoreSession = Session<StoreSource>;
/// The console over a server.
pub type RemoteSession = Session<RemoteSource>;

//! The rules of the platform, as pure functions over plain data and an injected `now`.
//! No I/O, no clock reads, no randomness: the same code runs in the client and the server,
//! and every rule is tested with a chosen time.

pub mod broadcast;
pub mod config;
pub mod conversation;
pub mod decide;
pub mod enforcement;
pub mod history;
pub mod metrics;
pub mod notice;
pub mod quality;
pub mod recovery;
pub mod reinstatement;
pub mod review;
pub mod standing;

pub use broadcast::{Pricing, Quote, Settlement};
pub use config::{PolicyConfig, SignalConfig};
pub use decide::{Outgoing, Reach, Recipient, Standing, decide};
pub use history::MarketingHistory;
pub use metrics::Metrics;
pub use quality::QualitySignals;
pub use standing::{StandingFacts, StandingReport};

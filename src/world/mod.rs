//! The demo world: friends and businesses from `assets/`, whose messages arrive as a simulated
//! clock moves forward, every one of them through the policy engine and into the store.

mod assets;
mod clock;
mod def;
mod reset;
mod seed;
mod summary;

pub use assets::{Assets, WorldError};
pub use clock::{Progress, advance, clock_line, script_over, seed};
pub use def::{Event, Source, Target, World, parse_at};
pub use reset::{StoreFile, inspect, reset};
pub use seed::is_seeded;
pub use summary::{Summary, summary};

//! Plain data shared by every part of Parley: ids, times, businesses, templates, messages,
//! user preferences and the decisions the policy engine makes. Nothing here does I/O.

#[macro_use]
mod codes;
mod business;
mod decision;
mod ids;
mod message;
mod signal;
mod template;
pub mod text;
mod time;
mod user;

pub use business::*;
pub use decision::*;
pub use ids::*;
pub use message::*;
pub use signal::*;
pub use template::*;
pub use time::*;
pub use user::*;

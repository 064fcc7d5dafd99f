//! Plain data shared by every part of Parley: ids, times, businesses, templates, messages,
//! user preferences and the decisions the policy engine makes. Nothing here does I/O.

#[macro_use]
mod codes;
mod action;
mod advice;
mod broadcast;
mod business;
mod chat_list;
mod conversation;
mod decision;
mod figures;
mod ids;
pub mod limits;
mod message;
mod notice;
pub mod number;
mod plural;
mod review;
mod signal;
mod synced;
mod template;
pub mod text;
mod time;
mod user;
mod zone;

pub use action::*;
pub use advice::*;
pub use broadcast::*;
pub use business::*;
pub use chat_list::*;
pub use conversation::*;
pub use decision::*;
pub use figures::*;
pub use ids::*;
pub use message::*;
pub use notice::*;
pub use plural::{plural, plural_word};
pub use review::*;
pub use signal::*;
pub use synced::*;
pub use template::*;
pub use time::*;
pub use user::*;
pub use zone::*;

//! The full-screen apps: the inbox, the business console, and the demo that puts them side by
//! side, all built on one kit (the event loop, keymap, theme, layout, headless rendering and
//! shared view pieces). The kit knows no app; the inbox and the console know each other not;
//! the demo composes both. This module wires them to the command line: the user's
//! configuration, the full-screen entry points and `parley render`'s named screens.

pub mod config;
pub mod console;
pub mod demo;
pub mod inbox;
pub mod kit;
pub mod run;
pub mod screens;

pub use config::UiConfig;
pub use inbox::{App, UiSettings, UiState};
pub use kit::render;

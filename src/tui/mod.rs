//! The full-screen inbox: keys become actions (keymap), actions change the state and the
//! store (app), and the state is drawn (views). The event loop keeps the store off the UI task.

pub mod action;
pub mod app;
pub mod commands;
pub mod config;
pub mod console;
pub mod keymap;
pub mod layout;
pub mod render;
pub mod runtime;
pub mod state;
pub mod theme;
pub mod views;

pub use action::Action;
pub use app::App;
pub use config::{UiConfig, UiSettings};
pub use state::UiState;

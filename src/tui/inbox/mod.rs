//! The inbox: the user's chats, with business chats marked and in the user's control. Keys
//! become actions (through the kit's keymap and the inbox's modes), actions change the state
//! and the store (app), and the state is drawn (views).

pub mod action;
pub mod app;
pub mod commands;
pub mod layout;
pub mod mode;
mod program;
pub mod settings;
pub mod state;
pub mod views;

pub use action::Action;
pub use app::App;
pub use mode::Mode;
pub use settings::UiSettings;
pub use state::UiState;

//! What every full-screen app of Parley is built with: the one event loop around a
//! [`Program`], the keymap, the theme, the shared frame layout, headless rendering, the
//! commands registry behind footers and help, and the view pieces the apps share. The kit
//! knows no app.

pub mod commands;
pub mod editor;
pub mod key;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod notify;
pub mod render;
pub mod runtime;
pub mod status;
pub mod theme;
pub mod views;

pub use keymap::{KeyAction, KeyMode, Keymap, Vocabulary};
pub use runtime::Program;
pub use status::Status;
pub use theme::Theme;

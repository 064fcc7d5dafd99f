//! What the tests share: the demo inbox and console driven through the real keymap, a real
//! `parley serve` on loopback with its command-line tools (on SQLite, or on a throwaway
//! PostgreSQL), and the real binary in tmux.
//! Each test file takes the parts it needs; the rest is unused there.

#![allow(dead_code)]

pub mod console;
pub mod inbox;
pub mod postgres;
pub mod server;
pub mod synced;
pub mod tmux;

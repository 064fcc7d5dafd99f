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

/// Tries `attempt` every [`tmux::POLL`] until it gives a value; fails after [`tmux::DEADLINE`]
/// with `what` and the last attempt's account of what it saw.
pub fn poll<T>(what: &str, attempt: impl FnMut() -> Result<T, String>) -> T {
    poll_every(what, tmux::POLL, attempt)
}

/// Like [`poll`], trying every `every` (zero: again at once).
pub fn poll_every<T>(
    what: &str,
    every: std::time::Duration,
    attempt: impl FnMut() -> Result<T, String>,
) -> T {
    poll_within(tmux::DEADLINE, every, attempt)
        .unwrap_or_else(|seen| panic!("waited {:?} for {what}; {seen}", tmux::DEADLINE))
}

/// Tries `attempt` every `every` until it gives a value, or gives up after `within` with the
/// last attempt's account of what it saw.
pub fn poll_within<T>(
    within: std::time::Duration,
    every: std::time::Duration,
    mut attempt: impl FnMut() -> Result<T, String>,
) -> Result<T, String> {
    let start = std::time::Instant::now();
    loop {
        match attempt() {
            Ok(value) => return Ok(value),
            Err(seen) if start.elapsed() >= within => return Err(seen),
            Err(_) => std::thread::sleep(every),
        }
    }
}

//! Logs go to a file, never to the screen; `PARLEY_LOG` sets the filter (`info` by default).

use std::path::Path;
use tracing_appender::non_blocking::WorkerGuard;

/// Sends this process's logs to the file `name` in `dir`; they are written while the guard
/// lives.
pub fn start(dir: &Path, name: &str) -> WorkerGuard {
    let file = tracing_appender::rolling::never(dir, name);
    let (writer, guard) = tracing_appender::non_blocking(file);
    let filter =
        tracing_subscriber::EnvFilter::try_from_env("PARLEY_LOG").unwrap_or_else(|_| "info".into());
    let _ = tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init();
    guard
}

//! The client side of sync: the inbox against a server. Actions apply to the local store at
//! once and wait in an outbox until the server has them; what the server decides comes back
//! through a cursor, so an offline period costs nothing but a catch-up.

pub mod backoff;
pub mod business_client;
pub mod console_client;
pub mod engine;
pub mod http;
pub mod mirror;
pub mod outbox;
pub mod review_client;

use crate::store::{Result, Store};
use std::path::{Path, PathBuf};

/// Where the inbox keeps its copy of a server's data: one file per server in the data dir.
pub fn mirror_path(data_dir: &Path, server: &str) -> PathBuf {
    let name: String = server_host(server)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    data_dir.join("servers").join(format!("{name}.db"))
}

/// A server's address without its scheme and trailing slash: `127.0.0.1:8787`.
fn server_host(server: &str) -> &str {
    server
        .split("://")
        .nth(1)
        .unwrap_or(server)
        .trim_end_matches('/')
}

/// Makes a fresh copy ready for the inbox before the first sync: a user and no demo world.
pub fn prepare_mirror(store: &mut Store) -> Result<()> {
    if store.db().me()?.is_some() {
        return Ok(());
    }
    store.write(|tx| {
        mirror::ensure_me(tx, "me")?;
        tx.set_clock(crate::wall_clock::now())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_server_has_its_own_file() {
        let dir = Path::new("/data");
        assert_eq!(
            mirror_path(dir, "http://127.0.0.1:8787/"),
            Path::new("/data/servers/127.0.0.1_8787.db")
        );
        assert_eq!(
            mirror_path(dir, "https://chat.example/x"),
            Path::new("/data/servers/chat.example_x.db")
        );
    }
}

//! Changes written by any server sharing the database, heard on one connection of its own:
//! each transaction that gives a user a change number notifies the channel with the user's
//! id when it commits (LISTEN/NOTIFY), so a user streaming from one server hears at once what
//! another accepted. A lost connection is opened again; what was said meanwhile is unknown,
//! so everyone is woken.

use crate::model::UserId;
use std::time::Duration;
use tokio_postgres::{AsyncMessage, Config, NoTls};

/// The channel the changes are told on.
pub const CHANNEL: &str = "parley_changes";

/// How long to wait before listening again after the connection is lost.
const AGAIN_AFTER: Duration = Duration::from_secs(1);

/// Hears the changes for as long as the server runs, and calls `changed` with each user.
pub async fn changes(config: &Config, location: &str, changed: &(impl Fn(Option<UserId>) + Sync)) {
    loop {
        if let Err(e) = listen(config, changed).await {
            tracing::warn!("listening for changes on the {location}: {e}; listening again");
        }
        changed(None);
        tokio::time::sleep(AGAIN_AFTER).await;
    }
}

/// Listens on one connection until it is lost.
async fn listen(
    config: &Config,
    changed: &(impl Fn(Option<UserId>) + Sync),
) -> Result<(), tokio_postgres::Error> {
    let (client, mut connection) = config.connect(NoTls).await?;
    let (heard, mut said) = tokio::sync::mpsc::unbounded_channel();
    let driver = tokio::spawn(async move {
        while let Some(message) = std::future::poll_fn(|cx| connection.poll_message(cx)).await {
            match message {
                Ok(AsyncMessage::Notification(n)) => {
                    if heard.send(n.payload().to_string()).is_err() {
                        break;
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!("the connection listening for changes failed: {e}");
                    break;
                }
            }
        }
    });
    client.batch_execute(&format!("LISTEN {CHANNEL}")).await?;
    changed(None);
    while let Some(payload) = said.recv().await {
        if let Ok(id) = payload.parse() {
            changed(Some(UserId(id)));
        }
    }
    driver.abort();
    Ok(())
}

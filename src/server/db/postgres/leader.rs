//! Which of the servers sharing the database runs the platform's periodic jobs: the one that
//! holds a session advisory lock on a connection of its own. The lock goes with the
//! connection, so when its holder stops (or is killed) another server takes it at its next
//! try.

use tokio::sync::Mutex;
use tokio_postgres::{Client, Config, NoTls};

/// The advisory lock of the leadership: "parley" in ASCII, then 1 (the schema upgrade's lock
/// is "parley" alone).
const LEADER_LOCK: i64 = 0x7061_726c_6579_0001;

/// The connection holding the lock, while this server holds it.
#[derive(Default)]
pub struct Leadership {
    holder: Mutex<Option<Client>>,
}

impl Leadership {
    /// Whether this server holds the leadership now, taking it when nobody does.
    pub async fn held(&self, config: &Config, location: &str) -> bool {
        let mut holder = self.holder.lock().await;
        if holder.as_ref().is_some_and(|client| !client.is_closed()) {
            return true;
        }
        *holder = None;
        match take(config).await {
            Ok(taken) => {
                let leads = taken.is_some();
                *holder = taken;
                leads
            }
            Err(e) => {
                tracing::warn!("cannot ask the {location} who leads the periodic jobs: {e}");
                false
            }
        }
    }
}

/// A connection holding the leader's lock, or `None` when another server holds it.
async fn take(config: &Config) -> Result<Option<Client>, tokio_postgres::Error> {
    let (client, connection) = config.connect(NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::warn!("the connection holding the leadership failed: {e}");
        }
    });
    let row = client
        .query_one("SELECT pg_try_advisory_lock($1)", &[&LEADER_LOCK])
        .await?;
    Ok(row.get::<_, bool>(0).then_some(client))
}

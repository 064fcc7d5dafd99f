//! The SQLite backend's one writer: a thread that takes writes from a bounded queue and commits
//! them in batches (group commit). Each write runs in a savepoint of its own, so one that fails
//! rolls back alone; every write of a batch is answered only after the batch's one commit, so
//! nothing is acknowledged (or announced by a handler) before it is durable.

use super::{DbError, DbResult};
use crate::store::{Store, Tx};
use std::panic::{AssertUnwindSafe, catch_unwind};
use tokio::sync::{mpsc, oneshot};

/// Writes committed together at most.
const MAX_BATCH: usize = 256;
/// Work waiting for the writer at most; past it, callers wait for room.
const QUEUE: usize = 1024;

/// A write's result, kept until its batch commits.
trait Written: Send {
    /// Whether the write succeeded, so that its savepoint is kept.
    fn succeeded(&self) -> bool;
    /// Answers the caller once the batch is committed, or failed to commit with `failed`.
    fn answer(self: Box<Self>, failed: Option<&DbError>);
}

struct Outcome<T> {
    result: DbResult<T>,
    reply: oneshot::Sender<DbResult<T>>,
}

impl<T: Send> Written for Outcome<T> {
    fn succeeded(&self) -> bool {
        self.result.is_ok()
    }

    fn answer(self: Box<Self>, failed: Option<&DbError>) {
        let result = match failed {
            Some(e) if self.result.is_ok() => Err(retold(e)),
            _ => self.result,
        };
        let _ = self.reply.send(result);
    }
}

/// A write waiting for its batch.
trait Pending: Send {
    /// Runs the write inside the batch's transaction and keeps its result for the answer.
    fn run(self: Box<Self>, tx: &Tx) -> Box<dyn Written>;
    /// Answers a write that never ran because its batch could not go on.
    fn fail(self: Box<Self>, failed: &DbError);
}

struct PendingWrite<T, F> {
    f: F,
    reply: oneshot::Sender<DbResult<T>>,
}

impl<T, F> Pending for PendingWrite<T, F>
where
    T: Send + 'static,
    F: FnOnce(&Tx) -> DbResult<T> + Send,
{
    fn run(self: Box<Self>, tx: &Tx) -> Box<dyn Written> {
        Box::new(Outcome {
            result: (self.f)(tx),
            reply: self.reply,
        })
    }

    fn fail(self: Box<Self>, failed: &DbError) {
        let _ = self.reply.send(Err(retold(failed)));
    }
}

/// One write, boxed for the queue.
type WriteJob = Box<dyn Pending>;

/// Work for the writer.
enum Job {
    /// A write, run in a savepoint of the next batch.
    Write(WriteJob),
    /// Work with the connection to itself (several transactions, a dry run), between batches.
    Alone(Box<dyn FnOnce(&mut Store) + Send>),
}

/// The way to the writer's thread; the thread ends when this is dropped and the queue is done.
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the writer's thread with the connection it writes with.
    pub fn start(store: Store) -> DbResult<Writer> {
        let (jobs, queue) = mpsc::channel(QUEUE);
        std::thread::Builder::new()
            .name("parley-writer".into())
            .spawn(move || run(store, queue))
            .map_err(|e| DbError::Failed(format!("cannot start the store's writer: {e}")))?;
        Ok(Writer { jobs })
    }

    /// Runs `f` in a savepoint of the next batch; answers once the batch is committed.
    pub async fn write<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Tx) -> DbResult<T> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let job = Job::Write(Box::new(PendingWrite { f, reply }));
        self.submit(job, answer).await
    }

    /// Runs `f` with the connection, between two batches.
    pub async fn alone<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> DbResult<T> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let job = Job::Alone(Box::new(move |store: &mut Store| {
            let _ = reply.send(f(store));
        }));
        self.submit(job, answer).await
    }

    async fn submit<T>(&self, job: Job, answer: oneshot::Receiver<DbResult<T>>) -> DbResult<T> {
        self.jobs.send(job).await.map_err(|_| stopped())?;
        answer.await.unwrap_or_else(|_| Err(stopped()))
    }
}

/// The answer to a write that never finished: it panicked, or the writer stopped.
fn stopped() -> DbError {
    DbError::Failed("a store task failed before it was written; nothing of it was kept".into())
}

/// The same failure again, for each write of a batch that failed to commit.
fn retold(e: &DbError) -> DbError {
    match e {
        DbError::Busy(why) => DbError::Busy(why.clone()),
        other => DbError::Failed(other.to_string()),
    }
}

/// The writer's loop: the first job waiting, then every write already behind it, up to a
/// batch; work that needs the connection alone runs between batches, in its turn.
fn run(mut store: Store, mut queue: mpsc::Receiver<Job>) {
    let mut next = None;
    while let Some(job) = next.take().or_else(|| queue.blocking_recv()) {
        match job {
            Job::Alone(f) => {
                if catch_unwind(AssertUnwindSafe(|| f(&mut store))).is_err() {
                    tracing::error!("a store task panicked; the writer goes on");
                }
            }
            Job::Write(first) => {
                let mut batch = vec![first];
                while batch.len() < MAX_BATCH {
                    match queue.try_recv() {
                        Ok(Job::Write(write)) => batch.push(write),
                        Ok(alone) => {
                            next = Some(alone);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                commit(&mut store, batch);
            }
        }
    }
}

/// Runs a batch in one transaction, a savepoint each, commits once, then answers every write
/// (those the batch never reached, when it could not begin or go on, with its failure).
fn commit(store: &mut Store, batch: Vec<WriteJob>) {
    let mut written: Vec<Box<dyn Written>> = Vec::with_capacity(batch.len());
    let mut waiting = batch.into_iter();
    let committed = store.write_each(waiting.by_ref(), |tx, job| {
        match catch_unwind(AssertUnwindSafe(|| job.run(tx))) {
            Ok(w) => {
                let kept = w.succeeded();
                written.push(w);
                kept
            }
            Err(_) => {
                tracing::error!("a store task panicked; its write is rolled back");
                false
            }
        }
    });
    let failed = committed.err().map(DbError::from);
    if let Some(e) = &failed {
        tracing::warn!("a batch of {} writes failed to commit: {e}", written.len());
    }
    for w in written {
        w.answer(failed.as_ref());
    }
    if let Some(e) = &failed {
        for job in waiting {
            job.fail(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn writer() -> (tempfile::TempDir, Writer) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("parley.db")).unwrap();
        (dir, Writer::start(store).unwrap())
    }

    #[tokio::test]
    async fn a_failed_write_rolls_back_alone_and_the_others_of_its_batch_are_kept() {
        let (dir, writer) = writer();
        let writes = (0..64).map(|n| {
            writer.write(move |tx| {
                tx.set_meta(&format!("k{n}"), "written")?;
                match n % 3 {
                    0 => Err(DbError::Invalid(format!("write {n} refused"))),
                    _ => Ok(n),
                }
            })
        });
        let answers = futures::future::join_all(writes).await;
        let store = Store::open(&dir.path().join("parley.db")).unwrap();
        for (n, answer) in answers.into_iter().enumerate() {
            let kept = store.db().meta(&format!("k{n}")).unwrap();
            match n % 3 {
                0 => {
                    assert!(
                        matches!(answer, Err(DbError::Invalid(_))),
                        "{n}: {answer:?}"
                    );
                    assert_eq!(kept, None, "write {n} failed, so nothing of it is kept");
                }
                _ => {
                    assert_eq!(answer.unwrap(), n);
                    assert_eq!(kept.as_deref(), Some("written"), "write {n}");
                }
            }
        }
    }

    #[tokio::test]
    async fn a_write_that_panics_is_answered_and_the_writer_goes_on() {
        let (_dir, writer) = writer();
        let panicked = writer
            .write(|tx| -> DbResult<()> {
                tx.set_meta("lost", "yes")?;
                panic!("a bug in a handler");
            })
            .await;
        assert!(matches!(panicked, Err(DbError::Failed(_))), "{panicked:?}");
        let after = writer.write(|tx| Ok(tx.db().meta("lost")?)).await.unwrap();
        assert_eq!(after, None, "the panicked write was rolled back");
        let alone = writer.alone(|store| Ok(store.db().meta("lost")?)).await;
        assert_eq!(alone.unwrap(), None);
    }

    #[tokio::test]
    async fn writes_that_cannot_begin_while_another_program_writes_are_told_the_store_is_busy() {
        let (dir, writer) = writer();
        let other = rusqlite::Connection::open(dir.path().join("parley.db")).unwrap();
        other.execute_batch("BEGIN IMMEDIATE").unwrap();
        let answer = writer.write(|tx| Ok(tx.set_meta("k", "v")?)).await;
        assert!(matches!(answer, Err(DbError::Busy(_))), "{answer:?}");
        other.execute_batch("ROLLBACK").unwrap();
        writer.write(|tx| Ok(tx.set_meta("k", "v")?)).await.unwrap();
    }
}

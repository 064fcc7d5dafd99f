//! A real `parley serve` for tests: the binary on 127.0.0.1 with an ephemeral port and a
//! temporary directory, its accounts made with `parley serve add-user`/`add-business`, and
//! clients built from the real client code. The server is killed when dropped. A directory
//! given to [`keep_store_in`] has its store in a PostgreSQL database instead of SQLite.

use parley::protocol::*;
use parley::sync::http::{Api, HttpError};
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a state a test waits for may take.
pub const DEADLINE: Duration = Duration::from_secs(10);

/// The `parley` binary with a clean environment.
pub fn parley() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parley"));
    for var in [
        "PARLEY_DATA_DIR",
        "PARLEY_SERVER",
        "PARLEY_TOKEN",
        "PARLEY_CONFIG",
        "PARLEY_ASSETS",
        "PARLEY_DATABASE_URL",
    ] {
        command.env_remove(var);
    }
    command.env("NO_COLOR", "1");
    // English, whatever the machine's locale; a test of another language sets LANG after.
    command
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command
}

/// The PostgreSQL database each server directory keeps its store in, when not SQLite.
static DATABASES: Mutex<Option<HashMap<PathBuf, String>>> = Mutex::new(None);

/// Makes every `parley serve` these helpers run with `dir` (the server and its account
/// commands) keep its store in the PostgreSQL database at `url`.
pub fn keep_store_in(dir: &Path, url: &str) {
    let mut databases = DATABASES.lock().unwrap_or_else(|e| e.into_inner());
    databases
        .get_or_insert_with(HashMap::new)
        .insert(dir.to_path_buf(), url.to_string());
}

/// Points `command` at the database of `dir`, if it has one; returns whether it does.
fn with_database_of(command: &mut Command, dir: &Path) -> bool {
    let databases = DATABASES.lock().unwrap_or_else(|e| e.into_inner());
    let url = databases.as_ref().and_then(|d| d.get(dir));
    if let Some(url) = url {
        command.env("PARLEY_DATABASE_URL", url);
    }
    url.is_some()
}

/// A temporary server directory, its store in SQLite there or in a PostgreSQL test database.
pub struct ServerDir {
    dir: tempfile::TempDir,
    /// Dropped after the directory's servers (they are the test's locals, dropped first).
    database: Option<super::postgres::TestDatabase>,
}

impl ServerDir {
    /// A directory with the store in it, on SQLite.
    pub fn sqlite() -> ServerDir {
        ServerDir {
            dir: tempfile::TempDir::new().expect("a temporary directory"),
            database: None,
        }
    }

    /// A directory whose store is a database of its own on the test PostgreSQL.
    pub fn postgres() -> ServerDir {
        let dir = tempfile::TempDir::new().expect("a temporary directory");
        let database = super::postgres::TestDatabase::new();
        keep_store_in(dir.path(), &database.url);
        ServerDir {
            dir,
            database: Some(database),
        }
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The PostgreSQL database of the store, if it is not SQLite.
    pub fn database_url(&self) -> Option<&str> {
        self.database.as_ref().map(|d| d.url.as_str())
    }

    /// Runs one statement on the store as another process would (an operator's tool, a
    /// second server), on SQLite or PostgreSQL: `sql` must read the same to both.
    pub fn execute(&self, sql: &str) {
        match &self.database {
            Some(database) => {
                database.query(sql);
            }
            None => {
                let file = parley::store::paths::database_file(self.path());
                let conn = rusqlite::Connection::open(file).expect("the server's SQLite file");
                conn.busy_timeout(Duration::from_secs(5)).unwrap();
                conn.execute(sql, [])
                    .unwrap_or_else(|e| panic!("`{sql}` failed: {e}"));
            }
        }
    }

    /// Where a server in this process finds the store.
    pub fn place(&self) -> parley::server::db::Place {
        parley::server::db::Place::chosen(self.path(), self.database_url())
    }
}

/// A test on SQLite and the same test on PostgreSQL (`NAME::sqlite`, `NAME::postgres`), each
/// with a server directory of its own.
#[allow(unused_macros)]
macro_rules! on_both_backends {
    (async fn $name:ident) => {
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$name($crate::support::server::ServerDir::sqlite()).await
            }

            #[tokio::test]
            async fn postgres() {
                super::$name($crate::support::server::ServerDir::postgres()).await
            }
        }
    };
    (fn $name:ident) => {
        mod $name {
            #[test]
            fn sqlite() {
                super::$name($crate::support::server::ServerDir::sqlite())
            }

            #[test]
            fn postgres() {
                super::$name($crate::support::server::ServerDir::postgres())
            }
        }
    };
}

#[allow(unused_imports)]
pub(crate) use on_both_backends;

/// What a finished command printed, and how it ended.
#[derive(Debug)]
pub struct Ran {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary with `args` to its end.
pub fn run(args: &[&str]) -> Ran {
    let mut command = parley();
    command.args(args);
    finished(command)
}

/// Runs a command to its end.
fn finished(mut command: Command) -> Ran {
    let out = command.output().expect("the parley binary runs");
    Ran {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A running server and its directory.
pub struct TestServer {
    child: Child,
    /// Kept open so the server's stdout never closes under it.
    _stdout: BufReader<ChildStdout>,
    pub dir: PathBuf,
    pub url: String,
}

impl TestServer {
    /// Starts `parley serve` on an ephemeral port with its store in `dir`.
    pub fn start(dir: &Path, extra: &[&str]) -> TestServer {
        TestServer::start_at(dir, "127.0.0.1:0", extra)
    }

    /// Starts `parley serve` on `addr` (a restart on the port it had) with its store in `dir`.
    pub fn start_at(dir: &Path, addr: &str, extra: &[&str]) -> TestServer {
        TestServer::spawn(parley(), dir, addr, extra)
    }

    /// Starts `parley serve` like `start`, logging with the filter `log` (`PARLEY_LOG`).
    pub fn start_logging(dir: &Path, extra: &[&str], log: &str) -> TestServer {
        let mut command = parley();
        command.env("PARLEY_LOG", log);
        TestServer::spawn(command, dir, "127.0.0.1:0", extra)
    }

    fn spawn(mut command: Command, dir: &Path, addr: &str, extra: &[&str]) -> TestServer {
        let on_postgres = with_database_of(&mut command, dir);
        let mut child = command
            .args(["serve", "--addr", addr, "--data-dir"])
            .arg(dir)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("parley serve starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let mut line = String::new();
        stdout
            .read_line(&mut line)
            .expect("parley serve prints its address");
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        assert_eq!(
            line.contains("(store: PostgreSQL database"),
            on_postgres,
            "the server runs on the store its test gave it: {line}"
        );
        TestServer {
            child,
            _stdout: stdout,
            dir: dir.to_path_buf(),
            url,
        }
    }

    /// How many lines of the server's log file contain `text`.
    pub fn log_lines_with(&self, text: &str) -> usize {
        std::fs::read_to_string(self.dir.join("server.log"))
            .unwrap_or_default()
            .lines()
            .filter(|line| line.contains(text))
            .count()
    }

    /// Kills the server at once (SIGKILL), as a crash would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// A client with `token`.
    pub fn api(&self, token: &str) -> Api {
        Api::new(&self.url, token).expect("the server's address is valid")
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `parley business --server URL --token T` with `args` to its end.
pub fn business_tool(url: &str, token: &str, args: &[&str]) -> Ran {
    let mut all = vec!["business", "--server", url, "--token", token];
    all.extend_from_slice(args);
    run(&all)
}

/// Runs the business tool until its output passes `check`, and returns that output; fails
/// after [`DEADLINE`] with `what` and the last output.
pub fn poll_tool(
    url: &str,
    token: &str,
    args: &[&str],
    what: &str,
    check: impl Fn(&Ran) -> bool,
) -> Ran {
    super::poll(what, || {
        let ran = business_tool(url, token, args);
        match check(&ran) {
            true => Ok(ran),
            false => Err(format!(
                "`parley business {}` printed:\n{}{}",
                args.join(" "),
                ran.stdout,
                ran.stderr
            )),
        }
    })
}

/// The line of a table the business tool printed that starts with `label`, spaces squeezed.
pub fn row(ran: &Ran, label: &str) -> String {
    ran.stdout
        .lines()
        .find(|l| l.starts_with(label))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// Adds a user to the server in `dir` and returns the token.
pub fn add_user(dir: &Path, name: &str) -> String {
    account(dir, &["add-user", name])
}

/// Registers a business in `dir` and returns the token.
pub fn add_business(dir: &Path, name: &str, extra: &[&str]) -> String {
    let mut args = vec!["add-business", name];
    args.extend_from_slice(extra);
    account(dir, &args)
}

/// Adds a platform reviewer to the server in `dir` and returns the token.
pub fn add_reviewer(dir: &Path, name: &str) -> String {
    account(dir, &["add-reviewer", name])
}

fn account(dir: &Path, args: &[&str]) -> String {
    let ran = serve_tool(dir, args);
    assert_eq!(ran.code, 0, "{args:?} failed: {}", ran.stderr);
    ran.stdout.trim().to_string()
}

/// Runs `parley serve` with `args` (an account command) on the store in `dir` to its end.
pub fn serve_tool(dir: &Path, args: &[&str]) -> Ran {
    let mut command = parley();
    command.arg("serve").arg("--data-dir").arg(dir).args(args);
    with_database_of(&mut command, dir);
    finished(command)
}

/// A user's changes from the start.
pub async fn all_changes(api: &Api) -> Changes {
    let query = [("change", "0".to_string()), ("id", "0".to_string())];
    api.get("me/changes", &query).await.expect("changes")
}

/// Sends actions, each with its key.
pub async fn act(api: &Api, actions: Vec<(&str, WireAction)>) -> ActionResults {
    let batch = ActionBatch {
        actions: actions
            .into_iter()
            .map(|(key, action)| KeyedAction {
                key: key.to_string(),
                action,
            })
            .collect(),
    };
    api.post("me/actions", &batch)
        .await
        .expect("actions are answered")
}

/// The status code of a refusal.
pub fn status_of<T: std::fmt::Debug>(result: Result<T, HttpError>) -> (u16, ApiError) {
    match result {
        Err(HttpError::Refused { status, error }) => (status, error),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// Polls `check` until it gives a value or the deadline passes.
pub async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let start = Instant::now();
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(start.elapsed() < DEADLINE, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

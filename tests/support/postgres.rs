//! A throwaway PostgreSQL for tests. The tests of one binary that run at the same time share
//! one cluster: initdb and pg_ctl in a temporary directory, listening only on a unix socket
//! there (as the `postgres` user when the tests run as root, since PostgreSQL refuses root).
//! Each test gets a database of its own; the cluster is stopped and its directory removed when
//! the last test holding it ends, a panicking one included. `PARLEY_TEST_DATABASE_URL` points
//! the tests at an existing server instead: they create (and drop) their databases there.

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};
use tempfile::TempDir;

/// The variable that names an existing PostgreSQL server for the tests.
pub const EXISTING: &str = "PARLEY_TEST_DATABASE_URL";

/// The cluster the running tests share, while any of them holds it.
static SHARED: Mutex<Weak<Cluster>> = Mutex::new(Weak::new());
/// Numbers the databases of this test binary.
static NEXT: AtomicUsize = AtomicUsize::new(1);

/// A database of one test, dropped with it.
pub struct TestDatabase {
    /// Where `parley serve --database` finds it.
    pub url: String,
    name: String,
    server: Server,
}

/// Where the test databases live.
enum Server {
    Throwaway(Arc<Cluster>),
    Existing(String),
}

impl TestDatabase {
    /// A new, empty database: on the server `PARLEY_TEST_DATABASE_URL` names, else in the
    /// throwaway cluster (started when no running test holds one).
    pub fn new() -> TestDatabase {
        let name = format!(
            "parley_test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let server = match std::env::var(EXISTING) {
            Ok(url) if !url.trim().is_empty() => Server::Existing(url),
            _ => Server::Throwaway(Cluster::shared()),
        };
        let admin = server.url_of("postgres");
        run_sql(&admin, &format!("CREATE DATABASE {name}"));
        TestDatabase {
            url: server.url_of(&name),
            name,
            server,
        }
    }

    /// Runs one statement in this database and returns the first column of each row as text.
    pub fn query(&self, sql: &str) -> Vec<String> {
        run_sql(&self.url, sql)
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Server::Existing(_) = self.server {
            let admin = self.server.url_of("postgres");
            let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
            let _ = std::panic::catch_unwind(|| run_sql(&admin, &sql));
        }
    }
}

impl Server {
    /// The address of database `name` on this server.
    fn url_of(&self, name: &str) -> String {
        match self {
            Server::Throwaway(cluster) => cluster.url_of(name),
            Server::Existing(url) => with_database(url, name),
        }
    }
}

/// `url` (a postgres:// address or `key=value` pairs) naming database `name` instead.
fn with_database(url: &str, name: &str) -> String {
    let url = url.trim();
    let Some(scheme_end) = url.find("://") else {
        return format!("{url} dbname={name}");
    };
    let after = scheme_end + 3;
    let (address, query) = match url.find('?') {
        Some(q) => (&url[..q], &url[q..]),
        None => (url, ""),
    };
    let base = match address[after..].find('/') {
        Some(slash) => &address[..after + slash],
        None => address,
    };
    format!("{base}/{name}{query}")
}

/// Runs `sql` against `url` on a thread of its own (the caller may be inside a runtime) and
/// returns the first column of each row, as text.
fn run_sql(url: &str, sql: &str) -> Vec<String> {
    let (url, sql) = (url.to_string(), sql.to_string());
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime for the test's SQL");
        runtime.block_on(async {
            let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
                .await
                .unwrap_or_else(|e| panic!("cannot connect to the test PostgreSQL at {url}: {e}"));
            let driver = tokio::spawn(connection);
            let rows = client
                .simple_query(&sql)
                .await
                .unwrap_or_else(|e| panic!("`{sql}` failed: {e}"));
            drop(client);
            let _ = driver.await;
            rows.into_iter()
                .filter_map(|m| match m {
                    tokio_postgres::SimpleQueryMessage::Row(row) => {
                        Some(row.get(0).unwrap_or_default().to_string())
                    }
                    _ => None,
                })
                .collect()
        })
    })
    .join()
    .unwrap_or_else(|_| panic!("a statement on the test PostgreSQL failed (see above)"))
}

/// A PostgreSQL cluster in a temporary directory, stopped and removed when dropped.
struct Cluster {
    dir: TempDir,
    /// The role the tests connect as: the cluster's owner.
    user: String,
}

impl Cluster {
    /// The cluster the running tests share, started when none is running.
    fn shared() -> Arc<Cluster> {
        let mut shared = SHARED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(cluster) = shared.upgrade() {
            return cluster;
        }
        let cluster = Arc::new(Cluster::start());
        *shared = Arc::downgrade(&cluster);
        cluster
    }

    fn start() -> Cluster {
        let dir = TempDir::new().expect("a temporary directory for PostgreSQL");
        let as_root = is_root();
        if as_root {
            let status = Command::new("chown")
                .args(["postgres:"])
                .arg(dir.path())
                .status()
                .expect("chown runs");
            assert!(
                status.success(),
                "cannot give {} to the postgres user: the tests run as root, and PostgreSQL \
                 refuses root, so they need a `postgres` user (apt-get install postgresql \
                 makes one)",
                dir.path().display()
            );
        }
        let data = dir.path().join("data");
        let mut initdb = pg_command("initdb", as_root);
        initdb
            .args(["--auth=trust", "--encoding=UTF8", "--no-sync", "-D"])
            .arg(&data);
        succeed(initdb, "initdb");
        let options = format!(
            "-c listen_addresses='' -c unix_socket_directories='{}' -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            dir.path().display()
        );
        let mut start = pg_command("pg_ctl", as_root);
        start
            .args(["-w", "-t", "60", "-D"])
            .arg(&data)
            .arg("-l")
            .arg(dir.path().join("postgres.log"))
            .args(["-o", &options, "start"]);
        succeed(start, "pg_ctl start");
        let user = if as_root {
            "postgres".to_string()
        } else {
            std::env::var("USER").unwrap_or_else(|_| "postgres".into())
        };
        Cluster { dir, user }
    }

    /// The address of database `name` in this cluster: its unix socket.
    fn url_of(&self, name: &str) -> String {
        format!(
            "host={} user={} dbname={name}",
            self.dir.path().display(),
            self.user
        )
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let mut stop = pg_command("pg_ctl", is_root());
        stop.args(["-w", "-m", "immediate", "-D"])
            .arg(self.dir.path().join("data"))
            .arg("stop");
        let _ = stop.output();
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A PostgreSQL program, run as the `postgres` user when the tests run as root.
fn pg_command(program: &str, as_root: bool) -> Command {
    let path = pg_program(program);
    let mut command = if as_root {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(path);
        command
    } else {
        Command::new(path)
    };
    command.current_dir(std::env::temp_dir());
    // The throwaway cluster speaks C, whatever locale the machine (or the test) is in.
    command
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command
}

/// Where a PostgreSQL program is: on PATH, or in the newest /usr/lib/postgresql/*/bin.
fn pg_program(program: &str) -> PathBuf {
    let on_path = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .map(|dir| dir.join(program))
        .find(|p| p.is_file());
    if let Some(path) = on_path {
        return path;
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|dirs| {
            dirs.flatten()
                .map(|d| d.path().join("bin").join(program))
                .collect()
        })
        .unwrap_or_default();
    versions.retain(|p| p.is_file());
    versions.sort();
    versions.pop().unwrap_or_else(|| {
        panic!(
            "{program} is not installed: the PostgreSQL tests need it (bash .ci/run installs \
             postgresql), or set {EXISTING} to a PostgreSQL server they may create databases on"
        )
    })
}

fn succeed(mut command: Command, what: &str) {
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{what} does not run: {e}"));
    assert!(
        out.status.success(),
        "{what} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

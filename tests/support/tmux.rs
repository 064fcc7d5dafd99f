//! One program in a real terminal: a private tmux server (its own socket, so tests run in
//! parallel), keys sent, the screen read back and polled until it shows what a test expects.
//! The server is killed when the session is dropped, also when the test fails.

use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long a screen may take to show what a test waits for.
pub const DEADLINE: Duration = Duration::from_secs(10);
/// How often the screen is read while waiting.
pub const POLL: Duration = Duration::from_millis(25);

/// How long an ended program may wait for tmux to collect it before tmux is reminded.
const NUDGE_AFTER: Duration = Duration::from_millis(200);
/// How long a program has to end after Ctrl-C before the tests press it once more.
const QUIT_GRACE: Duration = Duration::from_secs(4);
/// The tmux session's name on its private server.
const SESSION: &str = "parley";
/// Printed after the screen in each capture, to learn in the same call whether the program ended.
const MARK: &str = "@@tmux-pane";

static SERVERS: AtomicUsize = AtomicUsize::new(0);

/// What the pane shows, and whether the program in it has ended.
#[derive(Debug, Clone)]
pub struct Screen {
    pub text: String,
    /// The program closed the terminal (it is ending or has ended).
    pub dead: bool,
    /// How it ended, once tmux knows.
    pub ended: Option<Ended>,
}

/// How the program in the pane ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// It exited with this status.
    Exit(i32),
    /// A signal killed it.
    Signal(i32),
}

/// A program running in a pane of a private tmux server.
pub struct Tmux {
    socket: String,
    socket_path: Option<String>,
}

impl Tmux {
    /// Starts `command` (one shell command line) in a `width` x `height` pane. `name` goes into
    /// the socket's name, so a leftover server can be traced back to its test.
    pub fn start(name: &str, width: u16, height: u16, command: &str) -> Tmux {
        require_tmux();
        let socket = format!(
            "parley-e2e-{}-{}-{name}",
            std::process::id(),
            SERVERS.fetch_add(1, Ordering::Relaxed)
        );
        // The guard exists before the server does, so a failed start still kills it.
        let mut tmux = Tmux {
            socket,
            socket_path: None,
        };
        let (w, h) = (width.to_string(), height.to_string());
        // One command list, run in order by the server it starts: a pane stays after its program
        // ends (to read its last screen and exit status), no status line takes a row, then the
        // session.
        #[rustfmt::skip]
        let args = [
            "set-option", "-g", "remain-on-exit", "on", ";",
            "set-option", "-g", "status", "off", ";",
            "new-session", "-d", "-s", SESSION, "-x", &w, "-y", &h, command,
        ];
        tmux.run(&args);
        tmux.socket_path = Some(
            tmux.run(&["display-message", "-p", "#{socket_path}"])
                .trim()
                .to_string(),
        );
        tmux
    }

    /// Runs one tmux command on this server and returns its output; panics when it fails.
    pub fn run(&self, args: &[&str]) -> String {
        let out = self
            .try_run(args)
            .unwrap_or_else(|e| panic!("cannot run tmux {args:?}: {e}"));
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn try_run(&self, args: &[&str]) -> std::io::Result<Output> {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .env_remove("TMUX")
            // Panes speak English unless a test's command asks for another language.
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
    }

    /// Sends keys by tmux's names: "j", "Enter", "Escape", "Space", "C-c".
    pub fn press(&self, key: &str) {
        self.run(&["send-keys", "-t", SESSION, key]);
    }

    /// Types text literally, character by character.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", SESSION, "-l", "--", text]);
    }

    /// The pane's text now, and whether its program has ended.
    pub fn screen(&self) -> Screen {
        let format = format!("{MARK}#{{pane_dead}}:#{{pane_dead_status}}:#{{pane_dead_signal}}");
        let out = self.run(&[
            "capture-pane",
            "-p",
            "-t",
            SESSION,
            ";",
            "display-message",
            "-p",
            "-t",
            SESSION,
            &format,
        ]);
        let (text, tail) = out.rsplit_once(MARK).unwrap_or((&out, ""));
        // "dead:status:signal"; a dead pane may still wait for its status for a moment.
        let fields: Vec<&str> = tail.trim().split(':').collect();
        let number = |i: usize| fields.get(i).and_then(|f| f.parse().ok());
        let dead = fields.first() == Some(&"1");
        let ended = match (dead, number(1), number(2)) {
            (true, Some(code), _) => Some(Ended::Exit(code)),
            (true, None, Some(signal)) => Some(Ended::Signal(signal)),
            _ => None,
        };
        Screen {
            text: text.to_string(),
            dead,
            ended,
        }
    }

    /// The pane's text with its colours and attributes as escape sequences (`capture-pane -e`).
    pub fn screen_with_escapes(&self) -> String {
        self.run(&["capture-pane", "-p", "-e", "-t", SESSION])
    }

    /// A tmux format about the pane, e.g. "#{pane_title}".
    pub fn display(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", SESSION, format])
            .trim_end()
            .to_string()
    }

    /// Resizes the window (and with it the pane).
    pub fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            SESSION,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// Runs the pane's command again, once its program has ended.
    pub fn respawn(&self) {
        self.run(&["respawn-pane", "-t", SESSION]);
    }

    /// Reads the screen every [`POLL`] until `check` accepts it; fails after [`DEADLINE`]
    /// with `what` and the last screen.
    pub fn wait_for(&self, what: &str, check: impl Fn(&Screen) -> bool) -> Screen {
        self.wait_with(what, POLL, check)
    }

    /// Like [`Tmux::wait_for`], reading the screen every `every` (zero: as fast as tmux answers).
    pub fn wait_with(
        &self,
        what: &str,
        every: Duration,
        check: impl Fn(&Screen) -> bool,
    ) -> Screen {
        let start = Instant::now();
        super::poll_every(what, every, || {
            let screen = self.screen();
            if check(&screen) {
                return Ok(screen);
            }
            let ended = match (screen.dead, screen.ended) {
                (_, Some(how)) => format!(", but the program ended ({how:?})"),
                (true, None) => ", but the program ended".to_string(),
                (false, None) => String::new(),
            };
            // A program that ended will not show it: no use waiting out the deadline.
            assert!(
                !screen.dead,
                "waited {:.1?} for {what}{ended}; the screen was:\n{}",
                start.elapsed(),
                framed(&screen.text)
            );
            Err(format!("the screen was:\n{}", framed(&screen.text)))
        })
    }

    /// Waits until the screen shows every one of `texts`; returns its text.
    pub fn wait_text(&self, texts: &[&str]) -> String {
        let what = format!("the screen to show {texts:?}");
        self.wait_for(&what, |s| texts.iter().all(|t| s.text.contains(t)))
            .text
    }

    /// Waits until the program in the pane has ended; returns how.
    pub fn wait_exit(&self) -> Ended {
        let start = Instant::now();
        super::poll("the program to end", || {
            let screen = self.screen();
            if let Some(how) = screen.ended {
                return Ok(how);
            }
            if screen.dead && start.elapsed() > NUDGE_AFTER {
                self.nudge();
            }
            Err(format!("the screen was:\n{}", framed(&screen.text)))
        })
    }

    /// Whether the program in the pane ends (or its pane dies) within `grace`.
    fn ends_within(&self, grace: Duration) -> bool {
        super::poll_within(grace, POLL, || {
            let screen = self.screen();
            match screen.ended.is_some() || screen.dead {
                true => Ok(()),
                false => Err(String::new()),
            }
        })
        .is_ok()
    }

    /// Reminds this test's tmux server to collect its ended child. A tmux built with
    /// libutempter (Debian's is) misses the SIGCHLD of a program that ends while it removes
    /// the pane's utmp record, and then never learns the exit status (tmux/tmux#311).
    fn nudge(&self) {
        let pid = self.run(&["display-message", "-p", "#{pid}"]);
        let _ = Command::new("kill")
            .args(["-s", "CHLD", pid.trim()])
            .status();
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.try_run(&["kill-server"]);
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// A screen with a ruler on each side, so trailing spaces and empty lines show in a message.
pub fn framed(text: &str) -> String {
    text.lines().map(|l| format!("|{l}|\n")).collect()
}

/// An empty config file in `dir` (created if needed), so the binary runs with the default
/// keys and colours whatever the machine's own config says.
pub fn default_config(dir: &std::path::Path) -> std::path::PathBuf {
    std::fs::create_dir_all(dir).expect("the config's directory is created");
    let file = dir.join("defaults.toml");
    std::fs::write(&file, "").expect("the empty config is written");
    file
}

/// Quotes one word for the shell tmux runs the command with.
pub fn shell_quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

fn require_tmux() {
    match Command::new("tmux").arg("-V").output() {
        Ok(out) if out.status.success() => {}
        Ok(out) => panic!(
            "`tmux -V` failed ({}): the end-to-end tests need a working tmux",
            String::from_utf8_lossy(&out.stderr).trim()
        ),
        Err(e) => panic!(
            "tmux is not installed ({e}): the end-to-end tests run Parley in a real terminal through tmux. \
             Install it (e.g. `apt-get install tmux` or `brew install tmux`); CI installs it in .ci/run."
        ),
    }
}

/// The `parley` binary on the demo world, in a fresh data directory and its own
/// tmux server, with the default keys.
pub struct DemoInbox {
    /// Declared first, so it is dropped first: the server dies before the directory goes.
    pub tmux: Tmux,
    pub dir: tempfile::TempDir,
}

impl std::ops::Deref for DemoInbox {
    type Target = Tmux;
    fn deref(&self) -> &Tmux {
        &self.tmux
    }
}

impl DemoInbox {
    /// Starts Parley at 100x30 with `editor` as `$EDITOR` (unset when `None`); returns once
    /// the inbox shows.
    pub fn start(name: &str, editor: Option<&str>) -> DemoInbox {
        let dir = tempfile::tempdir().expect("a temporary data directory");
        let tmux = Tmux::start(name, 100, 30, &demo_command(dir.path(), editor));
        let inbox = DemoInbox { tmux, dir };
        inbox.wait_text(&["All ·", "demo world"]);
        inbox
    }

    /// Opens a chat through the search box.
    pub fn open(&self, query: &str, title: &str) {
        self.press("/");
        self.wait_text(&["Search chats and messages"]);
        self.type_text(query);
        self.wait_text(&[&format!("chat {title}")]);
        self.press("Enter");
        self.wait_for("the chat to open", |s| {
            !s.text.contains("Search:") && s.text.contains(&format!(" {title} "))
        });
    }

    /// Moves the demo world's clock a day at a time until the status bar shows `day`.
    pub fn advance_to(&self, day: &str) {
        for _ in 0..7 {
            if self.screen().text.contains(day) {
                return;
            }
            let before = self.screen().text;
            self.press("T");
            self.wait_for("the clock to move", |s| s.text != before);
        }
        self.wait_text(&[day]);
    }

    /// Quits, so the store can be read.
    pub fn quit(&self) -> parley::store::Store {
        self.press("C-c");
        if !self.ends_within(QUIT_GRACE) {
            // Seen a few times under heavy load on the CI machine and not yet explained (see
            // the closing notes): the key was taken for another. The screen is kept in the
            // test's output for whoever looks into it; a second Ctrl-C must still quit.
            eprintln!(
                "still running {QUIT_GRACE:?} after Ctrl-C; pressing it again. The screen was:\n{}",
                framed(&self.screen().text)
            );
            self.press("C-c");
        }
        self.wait_exit();
        parley::store::Store::open(&self.dir.path().join("parley.db")).expect("the store opens")
    }
}

/// The shell command that runs the demo inbox on `data` with the default config.
fn demo_command(data: &std::path::Path, editor: Option<&str>) -> String {
    let path = |p: &std::path::Path| shell_quote(&p.display().to_string());
    let editor = match editor {
        Some(e) => format!("EDITOR={}", shell_quote(e)),
        None => "-u EDITOR".to_string(),
    };
    format!(
        "exec env -u PARLEY_ASSETS {editor} TERM=xterm-256color {} --data-dir {} --config {}",
        shell_quote(env!("CARGO_BIN_EXE_parley")),
        path(data),
        path(&default_config(data)),
    )
}

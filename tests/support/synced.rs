//! Two terminals against one `parley serve`: the user's inbox, synced, in tmux, and the
//! business tool run as commands. What the end-to-end tests with a server share.

use super::server::{business_tool, poll_tool, row};
use super::tmux::{Tmux, default_config, shell_quote};
use std::path::Path;

/// The inbox against `url` with `token`, its local copy in `data`, the default config; `env`
/// sets more variables for it, e.g. "NO_COLOR=1" (or "").
pub fn inbox_command(url: &str, token: &str, data: &Path, env: &str) -> String {
    let path = |p: &Path| shell_quote(&p.display().to_string());
    format!(
        "exec env -u PARLEY_SERVER -u PARLEY_TOKEN -u PARLEY_ASSETS {env} TERM=xterm-256color {} --server {} --token {} --data-dir {} --config {}",
        shell_quote(env!("CARGO_BIN_EXE_parley")),
        shell_quote(url),
        shell_quote(token),
        path(data),
        path(&default_config(data)),
    )
}

/// Submits the template in the TOML `text` as the business with `token`, from a file in
/// `dir`; the server approves it.
pub fn submit_template(url: &str, token: &str, dir: &Path, name: &str, text: &str) {
    let path = dir.join(format!("{name}.toml"));
    std::fs::write(&path, text).expect("a template file");
    let ran = business_tool(
        url,
        token,
        &["templates", "submit", &path.display().to_string()],
    );
    assert_eq!(ran.code, 0, "{ran:?}");
    assert!(ran.stdout.contains(&format!("Approved: {name}")), "{ran:?}");
}

/// On the inbox's Subscriptions screen (`S`), finds `business` in the server's directory by
/// typing `query` and subscribes to it; returns the screen's text while the search showed
/// only the matches.
pub fn subscribe_from_directory(inbox: &Tmux, query: &str, business: &str) -> String {
    inbox.press("/");
    inbox.type_text(query);
    let found = inbox.wait_text(&[&format!("Find a business: {query}"), business]);
    inbox.press("Enter");
    inbox.wait_text(&[&format!("/ {query} · 1 business · esc shows all")]);
    inbox.press("Space");
    inbox.wait_text(&[&format!("Subscribed to {business}"), "[x] subscribed"]);
    found
}

/// Waits until the server has the subscriptions: the business's dry run of a broadcast of
/// `template` with `param` reaches `people`.
pub fn wait_for_audience(url: &str, token: &str, template: &str, param: &str, people: usize) {
    let dry_run = [
        "broadcast",
        "--template",
        template,
        "--param",
        param,
        "--dry-run",
    ];
    let audience = match people {
        1 => "audience 1 person".to_string(),
        n => format!("audience {n} people"),
    };
    poll_tool(url, token, &dry_run, &audience, |ran| {
        ran.code == 0 && row(ran, "audience") == audience
    });
}

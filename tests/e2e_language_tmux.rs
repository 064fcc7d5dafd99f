//! End to end, the language: the real `parley` binary in tmux with a Spanish locale opens in
//! Spanish; the Language row in Settings switches the open screen to English at once, and
//! the choice is still in force after a restart, over the locale.

mod support;

use std::path::Path;
use support::tmux::{Ended, Tmux, framed, shell_quote};

/// The inbox with `LANG=es_ES.UTF-8` (and no LC_ALL or LC_MESSAGES over it) on `data`.
fn spanish_command(data: &Path) -> String {
    let path = |p: &Path| shell_quote(&p.display().to_string());
    format!(
        "exec env -u PARLEY_ASSETS -u LC_ALL -u LC_MESSAGES LANG=es_ES.UTF-8 \
         TERM=xterm-256color {} --data-dir {} --config {}",
        shell_quote(env!("CARGO_BIN_EXE_parley")),
        path(data),
        path(&support::tmux::default_config(data)),
    )
}

/// Moves down the Settings rows until the selected one is the Language row.
fn select_language_row(tmux: &Tmux, label: &str) {
    for _ in 0..20 {
        let on_row = tmux
            .screen()
            .text
            .lines()
            .any(|l| l.contains('▸') && l.contains(label));
        if on_row {
            return;
        }
        let before = tmux.screen().text;
        tmux.press("j");
        tmux.wait_for("the selection to move", |s| s.text != before);
    }
    panic!(
        "no Settings row is called {label}; the screen was:\n{}",
        framed(&tmux.screen().text)
    );
}

#[test]
fn a_spanish_locale_opens_in_spanish_and_settings_switches_the_language_live_and_for_good() {
    let dir = tempfile::tempdir().expect("a temporary data directory");
    let tmux = Tmux::start("language", 100, 30, &spanish_command(dir.path()));
    let first = tmux.wait_text(&["Todos ·", "Retenidos", "lun 23 nov 08:00", "abrir"]);
    assert!(!first.contains("All ·"), "{}", framed(&first));

    tmux.press(",");
    tmux.wait_text(&["Ajustes (se guardan al cambiarlos)", "Idioma"]);
    select_language_row(&tmux, "Idioma");
    tmux.wait_text(&["Español (del entorno)"]);
    tmux.press("l");
    let switched = tmux.wait_text(&[
        "Settings (saved as you change them)",
        "English (chosen here)",
        "esc back",
    ]);
    assert!(!switched.contains("Idioma"), "{}", framed(&switched));
    tmux.press("Escape");
    tmux.wait_text(&["All ·", "Mon 23 Nov 08:00", "enter open"]);

    tmux.press("q");
    assert_eq!(tmux.wait_exit(), Ended::Exit(0));
    tmux.respawn();
    let again = tmux.wait_text(&["All ·", "Held", "Mon 23 Nov 08:00"]);
    assert!(!again.contains("Todos"), "{}", framed(&again));
    tmux.press(",");
    tmux.wait_text(&["English (chosen here)"]);
}

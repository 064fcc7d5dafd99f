//! The inbox's language: what start could not give is said in the notices, and the Language
//! row switches the language of the open screen at once. Each test gives its own thread a
//! language, so switching never reaches the tests beside it.

mod support;

use parley::i18n::{Catalogues, LoadProblem, Requested, Started};
use support::inbox::{demo, keys, screen, status};

fn started(requested: Requested) -> Started {
    Started {
        catalogues: Catalogues::embedded(),
        requested,
        unavailable: None,
        problems: Vec::new(),
    }
}

#[test]
fn a_language_parley_lacks_and_a_broken_catalogue_are_said_at_start() {
    parley::i18n::set_for_this_thread(Catalogues::embedded().english());
    let (mut app, config) = demo("0", 100, 30);
    let mut start = started(Requested::Config("fr".into()));
    start.unavailable = Some("fr".into());
    start.problems.push(LoadProblem {
        file: "/home/alex/.config/parley/i18n/es/inbox.ftl".into(),
        message: "2 mistakes in this catalogue, the first at line 3".into(),
    });
    app.speak(&start);
    let notices: Vec<String> = app
        .state
        .notices
        .iter()
        .map(|n| n.status.text.clone())
        .collect();
    assert!(
        notices
            .iter()
            .any(|n| n.contains("no catalogue for the language “fr”")),
        "{notices:?}"
    );
    assert!(
        notices
            .iter()
            .any(|n| n.contains("i18n/es/inbox.ftl") && n.contains("line 3")),
        "{notices:?}"
    );
    assert!(
        screen(&app, &config).contains("All ·"),
        "the rest still loads in English"
    );
}

#[test]
fn the_language_row_switches_the_open_screen_at_once() {
    parley::i18n::set_for_this_thread(Catalogues::embedded().english());
    let (mut app, config) = demo("0", 100, 30);
    app.speak(&started(Requested::Default));
    keys(&mut app, &config, ",");
    for _ in 0..12 {
        keys(&mut app, &config, "j");
    }
    let english = screen(&app, &config);
    assert!(
        english.contains("▸ Language") && english.contains("English (default)"),
        "{english}"
    );
    keys(&mut app, &config, "l");
    let spanish = screen(&app, &config);
    assert!(spanish.contains("▸ Idioma"), "{spanish}");
    assert!(spanish.contains("Español (elegido aquí)"), "{spanish}");
    assert!(
        spanish.contains("Ajustes (se guardan al cambiarlos)"),
        "{spanish}"
    );
    assert_eq!(app.state.settings.language.as_deref(), Some("es"));
    keys(&mut app, &config, "esc");
    assert!(screen(&app, &config).contains("Todos ·"));
    keys(&mut app, &config, ",");
    for _ in 0..12 {
        keys(&mut app, &config, "j");
    }
    keys(&mut app, &config, "l");
    assert!(
        screen(&app, &config).contains("English (chosen here)"),
        "{}",
        status(&app)
    );
}

#[test]
fn a_language_chosen_in_settings_wins_over_config_toml() {
    parley::i18n::set_for_this_thread(Catalogues::embedded().english());
    let (mut app, config) = demo("0", 100, 30);
    app.state.settings.language = Some("es".into());
    app.speak(&started(Requested::Config("en".into())));
    keys(&mut app, &config, ",");
    let shown = screen(&app, &config);
    assert!(shown.contains("Español (elegido aquí)"), "{shown}");
    assert_eq!(parley::i18n::language(), "es");
}

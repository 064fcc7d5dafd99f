//! The catalogues and the code agree: every message id the code names is in every shipped
//! language, every id a catalogue holds is named somewhere, and no sentence for the user is
//! left written into the interface's or the business CLI's source instead of a catalogue.

use parley::i18n::Catalogues;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The shipped languages.
const LANGUAGES: &[&str] = &["en", "es"];

/// Literals the interface may keep in its source: symbols, not words.
const ALLOWED: &[&str] = &[
    "✓", "✓✓", "◷", "│", "…", "·", "▸", "↑", "↓", "─", "•", "→", "←",
];

fn source_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The code of a file without its test module (which by the house style comes last).
fn code_of(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |at| &text[..at])
}

/// Every message id named in `text` by `tr!("id"`, `text("id"` or `i18n_id("id"`.
fn ids_named_in(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let text = code.as_str();
    let mut ids = BTreeSet::new();
    for marker in ["tr!(", "catalogue.text(", "i18n_id("] {
        for (at, _) in text.match_indices(marker) {
            let before = text[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = text[at + marker.len()..].trim_start();
            let Some(rest) = rest.strip_prefix('"') else {
                continue;
            };
            let id: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            if rest[id.len()..].starts_with('"') && id.contains('-') || is_single_word_id(&id) {
                ids.insert(id);
            }
        }
    }
    ids
}

/// Ids of one word ("credits", "percent") that the catalogue also holds.
fn is_single_word_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase())
}

fn ids_in_code() -> BTreeSet<String> {
    source_files(&root().join("src"))
        .iter()
        .flat_map(|f| ids_named_in(&std::fs::read_to_string(f).unwrap()))
        .collect()
}

/// Ids that messages of the catalogues reference (`{ other-id }`).
fn ids_referenced_in_catalogues() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for lang in LANGUAGES {
        for f in std::fs::read_dir(root().join("assets/i18n").join(lang)).unwrap() {
            let text = std::fs::read_to_string(f.unwrap().path()).unwrap();
            for (at, _) in text.match_indices('{') {
                let inner = text[at + 1..].trim_start();
                let id: String = inner
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                if !id.is_empty() && !inner.starts_with('$') && !inner.starts_with('"') {
                    ids.insert(id);
                }
            }
        }
    }
    ids
}

#[test]
fn every_id_the_code_names_is_in_every_shipped_language() {
    let catalogues = Catalogues::embedded();
    let used = ids_in_code();
    assert!(used.len() > 5, "the code names message ids: {used:?}");
    let mut missing = Vec::new();
    for lang in LANGUAGES {
        let held: BTreeSet<String> = catalogues.ids_of(lang).into_iter().collect();
        missing.extend(used.difference(&held).map(|id| format!("{lang}: {id}")));
    }
    assert!(
        missing.is_empty(),
        "{} ids are named in src/ but missing from a catalogue:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn every_id_a_catalogue_holds_is_named_by_the_code() {
    let catalogues = Catalogues::embedded();
    let used: BTreeSet<String> = ids_in_code()
        .union(&ids_referenced_in_catalogues())
        .cloned()
        .collect();
    let mut unused = Vec::new();
    for lang in LANGUAGES {
        for id in catalogues.ids_of(lang) {
            if !used.contains(&id) {
                unused.push(format!("{lang}: {id}"));
            }
        }
    }
    assert!(
        unused.is_empty(),
        "{} catalogue ids are named by no code:\n{}",
        unused.len(),
        unused.join("\n")
    );
}

#[test]
fn the_shipped_catalogues_parse_without_a_mistake() {
    let problems = Catalogues::shipped_problems();
    assert!(problems.is_empty(), "{problems:?}");
}

/// String literals of `code` that read as words for a person, with their line numbers.
fn sentences_in(code: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") || trimmed.starts_with("#[") || is_for_developers(trimmed) {
            continue;
        }
        for literal in literals(line) {
            if reads_as_words(&literal) && !ALLOWED.contains(&literal.as_str()) {
                out.push((n + 1, literal));
            }
        }
    }
    out
}

/// Lines whose text is for developers or machines: logs, panics, ids.
fn is_for_developers(line: &str) -> bool {
    [
        "tracing::",
        "debug!(",
        "info!(",
        "warn!(",
        "error!(",
        "trace!(",
        ".expect(",
        "unreachable!(",
        "panic!(",
        "assert",
        "tr!(",
        "i18n_id(",
        "env::var(",
    ]
    .iter()
    .any(|m| line.contains(m))
}

/// The string literals on one line (plain "…" ones; raw strings are rare in views).
fn literals(line: &str) -> Vec<String> {
    let line = line.split(" // ").next().unwrap_or(line);
    let mut out = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\'' {
            // a char literal like '"' must not open a string
            if line[i..].starts_with("'\"'") || line[i..].starts_with("'\\\"'") {
                chars.nth(if line[i..].starts_with("'\"'") { 1 } else { 2 });
            }
            continue;
        }
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        let mut escaped = false;
        for (_, c) in chars.by_ref() {
            if escaped {
                escaped = false;
                s.push(c);
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                break;
            } else {
                s.push(c);
            }
        }
        out.push(s);
    }
    out
}

/// A literal with a word a person reads: two letters or more that are not a lone
/// snake_case or kebab-case key, a format placeholder or a path.
fn reads_as_words(s: &str) -> bool {
    let without_placeholders: String = {
        let mut out = String::new();
        let mut depth = 0;
        for c in s.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    };
    let letters = without_placeholders
        .chars()
        .filter(|c| c.is_alphabetic())
        .count();
    if letters < 2 {
        return false;
    }
    let is_key = without_placeholders
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_-.:/=+*".contains(c));
    !is_key
}

fn sentences_left_in(dir: &str) -> Vec<String> {
    source_files(&root().join(dir))
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            let rel = f.strip_prefix(root()).unwrap().display().to_string();
            sentences_in(code_of(&text))
                .into_iter()
                .map(move |(line, s)| format!("{rel}:{line}: {s:?}"))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_interface_and_the_business_cli_keep_no_sentence_outside_the_catalogue() {
    let mut left = Vec::new();
    for dir in ["src/tui", "src/business_cli"] {
        left.extend(sentences_left_in(dir));
    }
    left.extend(
        sentences_in(code_of(
            &std::fs::read_to_string(root().join("src/business_cli.rs")).unwrap(),
        ))
        .into_iter()
        .map(|(line, s)| format!("src/business_cli.rs:{line}: {s:?}")),
    );
    assert!(
        left.is_empty(),
        "{} user-facing literals are outside the catalogue:\n{}",
        left.len(),
        left.join("\n")
    );
}

#[test]
fn the_checker_finds_a_sentence_and_lets_keys_and_symbols_pass() {
    let code = "let a = \"Blocked for spam\";\nlet b = \"move_down\";\nlet c = \"✓\";\n\
                let d = tr!(\"held-title\");\nlet e = format!(\"{}{}\", x, y);\n\
                // \"A comment\"\ntracing::warn!(\"sync failed\");\nlet f = \"Ok\";\n";
    let found = sentences_in(code);
    assert_eq!(
        found,
        vec![(1, "Blocked for spam".to_string()), (8, "Ok".to_string())]
    );
}

#[test]
fn plurals_and_numbers_follow_each_language() {
    let catalogues = Catalogues::embedded();
    let es = catalogues.get("es_ES").expect("Spanish is shipped");
    let en = catalogues.english();
    parley::i18n::scoped(es, || {
        assert_eq!(parley::i18n::credits(5_000), "5.000 cr");
        assert_eq!(parley::i18n::percent(25.5), "25,5 %");
        let monday = parley::model::Timestamp::parse("2026-11-23 08:00").unwrap();
        assert_eq!(parley::i18n::day_time(monday), "lun 23 nov 08:00");
    });
    parley::i18n::scoped(en, || {
        assert_eq!(parley::i18n::credits(5_000), "5,000 cr");
        assert_eq!(parley::i18n::percent(25.5), "25.5 %");
        let monday = parley::model::Timestamp::parse("2026-11-23 08:00").unwrap();
        assert_eq!(parley::i18n::day_time(monday), "Mon 23 Nov 08:00");
    });
}

#[test]
fn a_users_file_overrides_one_message_and_a_new_language_falls_back_to_english() {
    let config = tempfile::tempdir().unwrap();
    let es = config.path().join("i18n/es");
    let fr = config.path().join("i18n/fr");
    std::fs::create_dir_all(&es).unwrap();
    std::fs::create_dir_all(&fr).unwrap();
    std::fs::write(es.join("mine.ftl"), "quality-high = Altísima\n").unwrap();
    std::fs::write(
        fr.join("common.ftl"),
        "language-name = Français\nquality-low = Basse\nnumber-group-separator = {\"\u{202f}\"}\nnumber-decimal-separator = ,\n",
    )
    .unwrap();
    let (catalogues, problems) = Catalogues::load(Some(config.path()));
    assert!(problems.is_empty(), "{problems:?}");
    let es = catalogues.get("es").unwrap();
    assert_eq!(es.text("quality-high", None), "Altísima");
    assert_eq!(
        es.text("quality-low", None),
        "Baja",
        "the rest stays as shipped"
    );
    let fr = catalogues
        .get("fr_FR.UTF-8".split('.').next().unwrap())
        .unwrap();
    assert_eq!(fr.text("quality-low", None), "Basse");
    assert_eq!(
        fr.text("quality-high", None),
        "High",
        "what French lacks reads in English"
    );
    parley::i18n::scoped(fr, || {
        assert_eq!(parley::i18n::number(5_000), "5\u{202f}000")
    });
    assert!(catalogues.tags().contains(&"fr".to_string()));
}

#[test]
fn a_broken_users_file_is_named_and_the_rest_still_speaks() {
    let config = tempfile::tempdir().unwrap();
    let es = config.path().join("i18n/es");
    std::fs::create_dir_all(&es).unwrap();
    std::fs::write(
        es.join("broken.ftl"),
        "quality-high = Altísima\n= no id here\n",
    )
    .unwrap();
    let (catalogues, problems) = Catalogues::load(Some(config.path()));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].file.ends_with("broken.ftl"), "{problems:?}");
    assert!(
        problems[0].to_string().contains("line 2"),
        "{}",
        problems[0]
    );
    let es = catalogues.get("es").unwrap();
    assert_eq!(
        es.text("quality-high", None),
        "Altísima",
        "what parsed is used"
    );
    assert_eq!(es.text("quality-low", None), "Baja");
}

#[test]
fn time_left_reads_in_hours_and_minutes() {
    use parley::i18n::hours_minutes;
    parley::i18n::scoped(Catalogues::embedded().english(), || {
        assert_eq!(hours_minutes(86_399), "23 h 59 min");
        assert_eq!(hours_minutes(2 * 3600), "2 h");
        assert_eq!(hours_minutes(45 * 60), "45 min");
        assert_eq!(hours_minutes(59), "under a minute");
        assert_eq!(hours_minutes(-5), "under a minute");
    });
}

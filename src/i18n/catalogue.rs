//! The catalogues: the embedded `.ftl` files of each shipped language, with the user's own
//! files from `<config dir>/i18n/<language>/` laid over them message by message. A language
//! the user adds falls back to English for any message it lacks.
//!
//! A start pays only for what it shows: a language is built the first time it is asked for,
//! and within it a shipped file is parsed the first time one of its messages is (the inbox
//! never parses the business tool's messages). The user's files are parsed at load, so that
//! their mistakes are named at once.

use super::format::{NumberStyle, format_value};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, OnceLock, RwLock};
use unic_langid::LanguageIdentifier;

macro_rules! embedded {
    ($($tag:literal / $file:literal),* $(,)?) => {
        &[$(($tag, $file, include_str!(concat!("../../assets/i18n/", $tag, "/", $file)))),*]
    };
}

/// The shipped catalogues: (language, file, text).
const EMBEDDED: &[(&str, &str, &str)] = embedded!(
    "en" / "common.ftl",
    "en" / "inbox.ftl",
    "en" / "console.ftl",
    "en" / "cli.ftl",
    "en" / "policy.ftl",
    "en" / "world.ftl",
    "es" / "common.ftl",
    "es" / "inbox.ftl",
    "es" / "console.ftl",
    "es" / "cli.ftl",
    "es" / "policy.ftl",
    "es" / "world.ftl",
);

/// The language every other falls back to.
pub const ENGLISH: &str = "en";

type Bundle = FluentBundle<Arc<FluentResource>>;

/// A shipped file not parsed yet.
struct Unparsed {
    name: &'static str,
    text: &'static str,
}

impl Unparsed {
    /// Whether the file holds an id that begins with `word` ("inbox" for `inbox-held-title`),
    /// by a look at the starts of its lines rather than a parse.
    fn holds(&self, word: &str) -> bool {
        let starts = |rest: &str| rest.starts_with('-') || rest.trim_start().starts_with('=');
        self.text.strip_prefix(word).is_some_and(starts)
            || self
                .text
                .match_indices(&format!("\n{word}"))
                .any(|(at, m)| starts(&self.text[at + m.len()..]))
    }
}

/// The first word of an id: "inbox" for "inbox-held-title", "credits" for "credits".
fn prefix(id: &str) -> &str {
    id.split('-').next().unwrap_or(id)
}

/// One language's messages, ready to write sentences.
pub struct Catalogue {
    tag: String,
    bundle: RwLock<Bundle>,
    unparsed: Mutex<Vec<Unparsed>>,
    /// The shipped files parsed so far.
    parsed: Mutex<Vec<Arc<FluentResource>>>,
    ids: OnceLock<Vec<String>>,
    user_ids: Vec<String>,
    style: NumberStyle,
    fallback: Option<Arc<Language>>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Catalogue({})", self.tag)
    }
}

impl Catalogue {
    fn build(language: &Language) -> Catalogue {
        let langid: LanguageIdentifier = language.tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(format_value));
        let mut user_ids = Vec::new();
        for source in &language.user {
            user_ids.extend(message_ids(source));
            bundle.add_resource_overriding(source.clone());
        }
        let unparsed = language
            .shipped
            .iter()
            .map(|&(name, text)| Unparsed { name, text })
            .collect();
        let mut catalogue = Catalogue {
            tag: language.tag.clone(),
            bundle: RwLock::new(bundle),
            unparsed: Mutex::new(unparsed),
            parsed: Mutex::new(Vec::new()),
            ids: OnceLock::new(),
            user_ids,
            style: NumberStyle::default(),
            fallback: language.fallback.clone(),
        };
        catalogue.style = NumberStyle {
            group: catalogue.text("number-group-separator", None),
            decimal: catalogue.text("number-decimal-separator", None),
        };
        catalogue
    }

    /// The language's tag ("en", "es").
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// Every message id this language defines itself (not through its fallback).
    pub fn ids(&self) -> &[String] {
        self.ids.get_or_init(|| {
            self.parse_files(|_| true);
            let parsed = self.parsed.lock().unwrap_or_else(|p| p.into_inner());
            let mut ids = self.user_ids.clone();
            ids.extend(parsed.iter().flat_map(message_ids));
            ids.sort();
            ids.dedup();
            ids
        })
    }

    /// Whether this language itself (not its fallback) holds message `id`.
    pub fn defines(&self, id: &str) -> bool {
        let wanted = prefix(id);
        self.parse_files(|file| file.holds(wanted));
        let bundle = self.bundle.read().unwrap_or_else(|p| p.into_inner());
        bundle.has_message(id)
    }

    /// How this language writes numbers.
    pub fn number_style(&self) -> &NumberStyle {
        &self.style
    }

    /// Message `id` with `args`; the fallback's when this language lacks it; else the id.
    pub fn text(&self, id: &str, args: Option<&FluentArgs>) -> String {
        if let Some(text) = self.format(id, args) {
            return text;
        }
        let wanted = prefix(id);
        if !self.parse_files(|file| file.holds(wanted)) {
            self.parse_files(|_| true);
        }
        match self.format(id, args) {
            Some(text) => text,
            None => match &self.fallback {
                Some(f) => f.catalogue().text(id, args),
                None => id.to_string(),
            },
        }
    }

    /// Message `id` from what is parsed so far.
    fn format(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let bundle = self.bundle.read().unwrap_or_else(|p| p.into_inner());
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(super::format::with_style(&self.style, || {
            bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned()
        }))
    }

    /// Parses the shipped files `wanted` picks that are not parsed yet; whether there were any.
    fn parse_files(&self, wanted: impl Fn(&Unparsed) -> bool) -> bool {
        let mut unparsed = self.unparsed.lock().unwrap_or_else(|p| p.into_inner());
        let (now, later): (Vec<Unparsed>, Vec<Unparsed>) = std::mem::take(&mut *unparsed)
            .into_iter()
            .partition(|f| wanted(f));
        *unparsed = later;
        if now.is_empty() {
            return false;
        }
        let mut bundle = self.bundle.write().unwrap_or_else(|p| p.into_inner());
        let mut parsed = self.parsed.lock().unwrap_or_else(|p| p.into_inner());
        for file in now {
            let mut ignored = Vec::new();
            let resource = parse(file.text, Path::new(file.name), &mut ignored);
            parsed.push(resource.clone());
            // Shipped messages come after the user's, which keep their place.
            let _ = bundle.add_resource(resource);
        }
        true
    }
}

/// A user's catalogue file that could not be read or parsed as a whole; what parsed is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadProblem {
    pub file: PathBuf,
    pub message: String,
}

impl std::fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file.display(), self.message)
    }
}

/// One language's files, made into a catalogue the first time it is asked for.
pub(super) struct Language {
    tag: String,
    shipped: Vec<(&'static str, &'static str)>,
    user: Vec<Arc<FluentResource>>,
    fallback: Option<Arc<Language>>,
    built: OnceLock<Arc<Catalogue>>,
}

impl Language {
    /// The catalogue, built the first time.
    pub(super) fn catalogue(&self) -> Arc<Catalogue> {
        self.built
            .get_or_init(|| Arc::new(Catalogue::build(self)))
            .clone()
    }
}

impl std::fmt::Debug for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Language({})", self.tag)
    }
}

/// Every language Parley can speak, by tag.
#[derive(Debug, Clone)]
pub struct Catalogues {
    by_tag: BTreeMap<String, Arc<Language>>,
}

static EMBEDDED_CATALOGUES: LazyLock<Catalogues> = LazyLock::new(Catalogues::shipped);

impl Catalogues {
    /// The shipped languages only, as this process has used them so far.
    pub fn embedded() -> Catalogues {
        EMBEDDED_CATALOGUES.clone()
    }

    /// The shipped languages, none built yet: what a new process starts from.
    pub fn shipped() -> Catalogues {
        Catalogues::build(Vec::new())
    }

    /// The shipped languages with the user's files from `config_dir/i18n/<tag>/*.ftl` over
    /// them; a file that cannot be used is named in the problems and the rest still loads.
    pub fn load(config_dir: Option<&Path>) -> (Catalogues, Vec<LoadProblem>) {
        let mut problems = Vec::new();
        let user = config_dir
            .map(|d| user_files(&d.join("i18n"), &mut problems))
            .unwrap_or_default();
        let parsed = user
            .into_iter()
            .map(|(tag, file, text)| (tag, parse(&text, &file, &mut problems)))
            .collect();
        (Catalogues::build(parsed), problems)
    }

    /// The mistakes in the shipped catalogues (none: the tests see to it).
    pub fn shipped_problems() -> Vec<LoadProblem> {
        let mut problems = Vec::new();
        for (_, file, text) in EMBEDDED {
            parse(text, Path::new(file), &mut problems);
        }
        problems
    }

    fn build(user: Vec<(String, Arc<FluentResource>)>) -> Catalogues {
        type Files = (Vec<(&'static str, &'static str)>, Vec<Arc<FluentResource>>);
        let mut files: BTreeMap<String, Files> = BTreeMap::new();
        for (tag, file, text) in EMBEDDED {
            files
                .entry(tag.to_string())
                .or_default()
                .0
                .push((file, text));
        }
        for (tag, resource) in user {
            files.entry(tag).or_default().1.push(resource);
        }
        let language = |tag: &str, (shipped, user): Files, fallback| Language {
            tag: tag.to_string(),
            shipped,
            user,
            fallback,
            built: OnceLock::new(),
        };
        let english = Arc::new(language(
            ENGLISH,
            files.remove(ENGLISH).unwrap_or_default(),
            None,
        ));
        let mut by_tag = BTreeMap::from([(ENGLISH.to_string(), english.clone())]);
        for (tag, own) in files {
            let built = language(&tag, own, Some(english.clone()));
            by_tag.insert(tag, Arc::new(built));
        }
        Catalogues { by_tag }
    }

    /// English, which is always there.
    pub fn english(&self) -> Arc<Catalogue> {
        self.by_tag
            .get(ENGLISH)
            .map(|l| l.catalogue())
            .expect("English is embedded")
    }

    /// The catalogue of `tag` ("es", or "es-ES" which falls to "es"), when Parley has it.
    pub fn get(&self, tag: &str) -> Option<Arc<Catalogue>> {
        let tag = tag.to_ascii_lowercase().replace('_', "-");
        self.by_tag
            .get(&tag)
            .or_else(|| self.by_tag.get(tag.split('-').next().unwrap_or("")))
            .map(|l| l.catalogue())
    }

    /// The languages there are, by tag.
    pub fn tags(&self) -> Vec<String> {
        self.by_tag.keys().cloned().collect()
    }

    /// Every id the catalogue of `tag` defines.
    pub fn ids_of(&self, tag: &str) -> Vec<String> {
        self.get(tag).map(|c| c.ids().to_vec()).unwrap_or_default()
    }
}

fn parse(text: &str, file: &Path, problems: &mut Vec<LoadProblem>) -> Arc<FluentResource> {
    let resource = match FluentResource::try_new(text.to_string()) {
        Ok(r) => r,
        Err((r, errors)) => {
            let at = errors.first().map(|e| {
                let line = text[..e.pos.start.min(text.len())].matches('\n').count() + 1;
                format!("line {line}: {:?}", e.kind)
            });
            problems.push(LoadProblem {
                file: file.to_path_buf(),
                message: format!(
                    "{} mistakes in this catalogue, the first at {}; the messages around them are skipped",
                    errors.len(),
                    at.unwrap_or_default()
                ),
            });
            r
        }
    };
    Arc::new(resource)
}

/// The user's `.ftl` files under `root/<tag>/`, as (tag, path, text).
fn user_files(root: &Path, problems: &mut Vec<LoadProblem>) -> Vec<(String, PathBuf, String)> {
    let mut out = Vec::new();
    let Ok(languages) = std::fs::read_dir(root) else {
        return out;
    };
    let mut dirs: Vec<PathBuf> = languages.flatten().map(|e| e.path()).collect();
    dirs.sort();
    for dir in dirs.into_iter().filter(|d| d.is_dir()) {
        let tag = dir
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase().replace('_', "-"))
            .unwrap_or_default();
        if tag.parse::<LanguageIdentifier>().is_err() {
            problems.push(LoadProblem {
                file: dir.clone(),
                message: "not a language tag (like es or pt-BR); the folder is skipped".into(),
            });
            continue;
        }
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        for file in files {
            match std::fs::read_to_string(&file) {
                Ok(text) => out.push((tag.clone(), file, text)),
                Err(e) => problems.push(LoadProblem {
                    file,
                    message: format!("cannot read it: {e}"),
                }),
            }
        }
    }
    out
}

fn message_ids(resource: &Arc<FluentResource>) -> Vec<String> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

//! The catalogues: the embedded `.ftl` files of each shipped language, with the user's own
//! files from `<config dir>/i18n/<language>/` laid over them message by message. A language
//! the user adds falls back to English for any message it lacks.

use super::format::{NumberStyle, format_value};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};
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

/// One language's messages, ready to write sentences.
pub struct Catalogue {
    tag: String,
    bundle: FluentBundle<Arc<FluentResource>>,
    ids: Vec<String>,
    style: NumberStyle,
    fallback: Option<Arc<Catalogue>>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Catalogue({})", self.tag)
    }
}

impl Catalogue {
    fn build(tag: &str, sources: &[Source], fallback: Option<Arc<Catalogue>>) -> Catalogue {
        let langid: LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(format_value));
        let mut ids = Vec::new();
        for source in sources {
            ids.extend(message_ids(&source.resource));
            bundle.add_resource_overriding(source.resource.clone());
        }
        ids.sort();
        ids.dedup();
        let mut catalogue = Catalogue {
            tag: tag.to_string(),
            bundle,
            ids,
            style: NumberStyle::default(),
            fallback,
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
        &self.ids
    }

    /// How this language writes numbers.
    pub fn number_style(&self) -> &NumberStyle {
        &self.style
    }

    /// Message `id` with `args`; the fallback's when this language lacks it; else the id.
    pub fn text(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return match &self.fallback {
                Some(f) => f.text(id, args),
                None => id.to_string(),
            };
        };
        let mut errors = Vec::new();
        super::format::with_style(&self.style, || {
            self.bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned()
        })
    }
}

/// One `.ftl` file, parsed.
#[derive(Clone)]
struct Source {
    resource: Arc<FluentResource>,
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

/// Every language Parley can speak, by tag.
#[derive(Debug, Clone)]
pub struct Catalogues {
    by_tag: BTreeMap<String, Arc<Catalogue>>,
}

static EMBEDDED_CATALOGUES: LazyLock<Catalogues> = LazyLock::new(|| Catalogues::build(&[]).0);

impl Catalogues {
    /// The shipped languages only.
    pub fn embedded() -> Catalogues {
        EMBEDDED_CATALOGUES.clone()
    }

    /// The shipped languages with the user's files from `config_dir/i18n/<tag>/*.ftl` over
    /// them; a file that cannot be used is named in the problems and the rest still loads.
    pub fn load(config_dir: Option<&Path>) -> (Catalogues, Vec<LoadProblem>) {
        let mut problems = Vec::new();
        let user = config_dir
            .map(|d| user_files(&d.join("i18n"), &mut problems))
            .unwrap_or_default();
        let (catalogues, more) = Catalogues::build(&user);
        problems.extend(more);
        (catalogues, problems)
    }

    fn build(user: &[(String, PathBuf, String)]) -> (Catalogues, Vec<LoadProblem>) {
        let mut problems = Vec::new();
        let mut sources: BTreeMap<String, Vec<Source>> = BTreeMap::new();
        for (tag, file, text) in EMBEDDED {
            let resource = parse(text, Path::new(file), &mut problems);
            sources.entry(tag.to_string()).or_default().push(resource);
        }
        for (tag, file, text) in user {
            let resource = parse(text, file, &mut problems);
            sources.entry(tag.clone()).or_default().push(resource);
        }
        let english = Arc::new(Catalogue::build(
            ENGLISH,
            sources.get(ENGLISH).map(Vec::as_slice).unwrap_or(&[]),
            None,
        ));
        let mut by_tag = BTreeMap::new();
        for (tag, sources) in &sources {
            let catalogue = if tag == ENGLISH {
                english.clone()
            } else {
                Arc::new(Catalogue::build(tag, sources, Some(english.clone())))
            };
            by_tag.insert(tag.clone(), catalogue);
        }
        (Catalogues { by_tag }, problems)
    }

    /// English, which is always there.
    pub fn english(&self) -> Arc<Catalogue> {
        self.by_tag
            .get(ENGLISH)
            .cloned()
            .expect("English is embedded")
    }

    /// The catalogue of `tag` ("es", or "es-ES" which falls to "es"), when Parley has it.
    pub fn get(&self, tag: &str) -> Option<Arc<Catalogue>> {
        let tag = tag.to_ascii_lowercase().replace('_', "-");
        self.by_tag
            .get(&tag)
            .or_else(|| self.by_tag.get(tag.split('-').next().unwrap_or("")))
            .cloned()
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

fn parse(text: &str, file: &Path, problems: &mut Vec<LoadProblem>) -> Source {
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
    Source {
        resource: Arc::new(resource),
    }
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

fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

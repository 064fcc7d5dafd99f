//! Every word the user reads comes from a message catalogue (Project Fluent, `.ftl` files in
//! `assets/i18n/<language>/`, embedded in the binary and overridable from the config
//! directory). Code names a message by its id with `tr!`; the catalogue writes the sentence,
//! with CLDR plurals, and numbers and dates the way the language writes them.
//!
//! The language in force is the process's (set once at start and by the Settings row), unless
//! the calling thread has one of its own (`scoped`, which tests use so that they can run side
//! by side in two languages).

/// Writes message `id` with its arguments: `tr!("held-count", count = 3)`.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::text($id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $( args.set(stringify!($name), $crate::i18n::arg($value)); )+
        $crate::i18n::text($id, Some(&args))
    }};
}

mod catalogue;
mod choice;
mod format;
pub mod labels;
pub mod sentences;

pub use catalogue::{Catalogue, Catalogues, LoadProblem};
pub use choice::{Requested, from_environment, language_tag};
pub use format::{
    credits, date_time, day_time, hours_minutes, number, percent, short_date, time_of_day, weekday,
};
pub use labels::Label;

use std::cell::RefCell;
use std::sync::{Arc, LazyLock, RwLock};

pub use fluent_bundle::{FluentArgs as Args, FluentValue as Arg};

/// Marks a message id kept in a table to be written later (a command's label): the id is
/// checked against the catalogues like one given to `tr!`.
pub const fn i18n_id(id: &'static str) -> &'static str {
    id
}

/// Turns a Rust value into a message argument: numbers stay numbers (for plurals and
/// grouping), everything else is text.
pub fn arg<'a>(value: impl IntoArg<'a>) -> Arg<'a> {
    value.into_arg()
}

/// A value a message can take as an argument.
pub trait IntoArg<'a> {
    fn into_arg(self) -> Arg<'a>;
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl<'a> IntoArg<'a> for $t {
            fn into_arg(self) -> Arg<'a> {
                Arg::from(self)
            }
        }
    )*};
}
number_args!(i8, i16, i32, i64, u8, u16, u32, u64, usize, isize, f32, f64);

impl<'a> IntoArg<'a> for &'a str {
    fn into_arg(self) -> Arg<'a> {
        Arg::from(self)
    }
}

impl<'a> IntoArg<'a> for String {
    fn into_arg(self) -> Arg<'a> {
        Arg::from(self)
    }
}

impl<'a> IntoArg<'a> for &'a String {
    fn into_arg(self) -> Arg<'a> {
        Arg::from(self.as_str())
    }
}

/// The language before any is put in force: the shipped English.
static DEFAULT: LazyLock<Arc<Catalogue>> = LazyLock::new(|| Catalogues::embedded().english());

/// The process's language once one is put in force; English until then.
static PROCESS: RwLock<Option<Arc<Catalogue>>> = RwLock::new(None);

thread_local! {
    static THREAD: RefCell<Option<Arc<Catalogue>>> = const { RefCell::new(None) };
}

/// The catalogue in force on this thread.
pub fn current() -> Arc<Catalogue> {
    THREAD
        .with(|t| t.borrow().clone())
        .or_else(|| match PROCESS.read() {
            Ok(c) => c.clone(),
            Err(p) => p.into_inner().clone(),
        })
        .unwrap_or_else(|| DEFAULT.clone())
}

/// The language in force, as a tag ("en", "es").
pub fn language() -> String {
    current().tag().to_string()
}

/// Puts `catalogue` in force: for this thread when it has a language of its own, else for the
/// whole process.
pub fn set(catalogue: Arc<Catalogue>) {
    let scoped = THREAD.with(|t| {
        let mut slot = t.borrow_mut();
        slot.as_mut().map(|c| *c = catalogue.clone()).is_some()
    });
    if !scoped {
        match PROCESS.write() {
            Ok(mut c) => *c = Some(catalogue),
            Err(p) => *p.into_inner() = Some(catalogue),
        }
    }
}

/// Runs `f` with `catalogue` in force on this thread only, then restores what was there.
pub fn scoped<T>(catalogue: Arc<Catalogue>, f: impl FnOnce() -> T) -> T {
    let before = THREAD.with(|t| t.borrow_mut().replace(catalogue));
    let out = f();
    THREAD.with(|t| *t.borrow_mut() = before);
    out
}

/// Gives this thread a language of its own from now on (tests, one per thread).
pub fn set_for_this_thread(catalogue: Arc<Catalogue>) {
    THREAD.with(|t| *t.borrow_mut() = Some(catalogue));
}

/// Message `id` in the language in force; the id itself when no catalogue has it.
pub fn text(id: &str, args: Option<&Args>) -> String {
    current().text(id, args)
}

/// What `start` chose, for Settings and for a notice when something asked for is missing.
#[derive(Debug, Clone)]
pub struct Started {
    /// Every language there is, shipped and the user's.
    pub catalogues: Catalogues,
    /// What asked for the language in force.
    pub requested: Requested,
    /// The tag asked for when Parley has no catalogue for it (English is used instead).
    pub unavailable: Option<String>,
    /// The user's catalogue files that could not be used as a whole.
    pub problems: Vec<LoadProblem>,
}

/// Puts the process's language in force: `configured` (config.toml's `language`), else the
/// environment's locale, else English, with the user's catalogues from `config_dir` laid over
/// the shipped ones.
pub fn start(configured: Option<String>, config_dir: Option<&std::path::Path>) -> Started {
    let (catalogues, problems) = Catalogues::load(config_dir);
    let requested = match configured.filter(|t| !t.trim().is_empty()) {
        Some(tag) => Requested::Config(tag),
        None => from_environment(|name| std::env::var(name).ok()),
    };
    let asked = requested.tag();
    let found = asked.as_deref().and_then(|t| catalogues.get(t));
    let unavailable = asked.filter(|_| found.is_none());
    set(found.unwrap_or_else(|| catalogues.english()));
    Started {
        catalogues,
        requested,
        unavailable,
        problems,
    }
}

//! The arrows of DESIGN.md, checked on the source: every path a module of `src/` names
//! (`use` lines and paths written inline, `crate::`, `super::` and `self::` alike, with
//! re-exports followed to where the item lives) must point the way the design allows.
//!
//! - `model` uses nothing of ours; `policy` uses only `model`, and neither reads files, the
//!   network, the clock, the environment or randomness.
//! - `store` never sees the wire, the apps, the client or the server.
//! - The UI never speaks the wire; views never reach the store.
//! - No app of `tui/` imports another (`demo` composes the two), and the kit imports no app.
//! - No two sibling modules import each other, directly or round a loop, at any level.
//!
//! The checker is plain code over (file, text) pairs; the tests at the end feed it small
//! trees with a bad import, so a checker that lets one through fails here too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Which modules of the crate each top-level module may name (besides itself).
const LAYERS: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("i18n", &["model"]),
    ("policy", &["model"]),
    ("store", &["model", "i18n", "policy", "config_file"]),
    ("protocol", &["model", "policy"]),
    (
        "world",
        &["model", "i18n", "policy", "store", "config_file"],
    ),
    (
        "sync",
        &["model", "i18n", "policy", "store", "protocol", "wall_clock"],
    ),
    (
        "server",
        &[
            "model",
            "i18n",
            "policy",
            "store",
            "protocol",
            "log_file",
            "wall_clock",
            "config_file",
            "cli_options",
        ],
    ),
    (
        "tui",
        &[
            "model",
            "i18n",
            "policy",
            "store",
            "sync",
            "world",
            "log_file",
            "wall_clock",
            "config_file",
        ],
    ),
    (
        "business_cli",
        &[
            "model",
            "i18n",
            "policy",
            "protocol",
            "sync",
            "wall_clock",
            "config_file",
            "cli_answer",
            "cli_options",
        ],
    ),
    (
        "review_cli",
        &[
            "model",
            "i18n",
            "policy",
            "protocol",
            "sync",
            "cli_answer",
            "cli_options",
        ],
    ),
    ("cli_answer", &["model", "i18n", "protocol", "sync"]),
    ("cli_options", &[]),
    (
        "cli",
        &["business_cli", "review_cli", "server", "tui", "cli_options"],
    ),
    ("config_file", &["model", "policy"]),
    ("wall_clock", &["model"]),
    ("log_file", &[]),
];

/// What the pure core must never touch: files, network, processes, threads, the
/// environment, the clock, randomness, SQL, async runtimes.
const IMPURE: &[&str] = &[
    "std::fs",
    "std::net",
    "std::process",
    "std::thread",
    "std::env",
    "SystemTime",
    "Instant",
    "tokio",
    "getrandom",
    "rusqlite",
    "tokio_postgres",
    "deadpool_postgres",
    "reqwest",
    "axum",
    "ratatui",
    "crossterm",
];

/// The apps of `tui/`; only `demo` may use the others.
const APPS: &[&str] = &["inbox", "console", "demo"];

#[test]
fn the_source_keeps_the_arrows_of_the_design() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = read_tree(&root);
    assert!(
        files.len() > 50,
        "src/ should hold the crate's modules, found {} files",
        files.len()
    );
    let broken = check(&files);
    assert!(
        broken.is_empty(),
        "{} arrows of DESIGN.md are broken:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

/// Every `.rs` file under `root`, as (path relative to `root`, text).
fn read_tree(root: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(root).expect("under src/");
                let rel = rel.to_string_lossy().replace('\\', "/");
                let text = std::fs::read_to_string(&path).expect("a readable source file");
                out.push((rel, text));
            }
        }
    }
    out.sort();
    out
}

/// A module path from the crate root, e.g. `["tui", "inbox", "views", "chat"]`.
type ModPath = Vec<String>;

/// One module of the crate as read: what it names, what it re-exports, what it defines.
#[derive(Debug, Default)]
struct Module {
    file: String,
    /// Paths it names, resolved from the crate root, with the line of each.
    uses: Vec<(ModPath, usize)>,
    /// `pub use` re-exports: the name it is known by here -> the full path.
    reexports: BTreeMap<String, ModPath>,
    /// `pub use path::*`: modules whose items are re-exported here.
    globs: Vec<ModPath>,
    /// Names of the items defined in this file.
    items: BTreeSet<String>,
    /// Paths of other crates it names (`std::fs::read`), for the purity rule.
    external: Vec<(String, usize)>,
}

/// Checks every rule over the files of `src/`; returns one line per broken arrow.
fn check(files: &[(String, String)]) -> Vec<String> {
    let known: BTreeSet<ModPath> = files.iter().filter_map(|(f, _)| module_of(f)).collect();
    let modules: BTreeMap<ModPath, Module> = files
        .iter()
        .filter_map(|(file, text)| Some((module_of(file)?, read_module(file, text, &known)?)))
        .collect();
    let mut broken = BTreeSet::new();
    let mut edges: BTreeSet<(ModPath, ModPath, String)> = BTreeSet::new();
    for (path, module) in &modules {
        for (used, line) in &module.uses {
            let target = resolve(&modules, used);
            let at = format!("src/{}:{line}", module.file);
            broken.extend(layer_rule(path, &target, &at));
            broken.extend(app_rule(path, &target, &at));
            broken.extend(view_rule(path, &target, &at));
            if let Some((a, b)) = sibling_edge(path, &target) {
                edges.insert((a, b, at));
            }
        }
        broken.extend(purity_rule(path, module));
    }
    broken.extend(sibling_loops(&edges));
    broken.into_iter().collect()
}

/// The module a file holds (`None` for the binary's `main.rs`, which only wires).
fn module_of(file: &str) -> Option<ModPath> {
    if file == "main.rs" {
        return None;
    }
    let stem = file.strip_suffix(".rs")?;
    let mut parts: Vec<String> = stem.split('/').map(str::to_string).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    Some(parts)
}

/// Follows re-exports until the path names where its item lives; returns the module part.
fn resolve(modules: &BTreeMap<ModPath, Module>, path: &ModPath) -> ModPath {
    let mut path = path.clone();
    for _ in 0..16 {
        let module_len = (0..=path.len())
            .rev()
            .find(|n| modules.contains_key(&path[..*n]))
            .unwrap_or(0);
        if module_len == path.len() {
            return path;
        }
        let Some(module) = modules.get(&path[..module_len]) else {
            return path;
        };
        let name = &path[module_len];
        let next = if let Some(target) = module.reexports.get(name) {
            target.clone()
        } else if module.items.contains(name) {
            return path[..module_len].to_vec();
        } else if let Some(glob) = module.globs.iter().find(|g| defines(modules, g, name)) {
            glob.iter().chain(std::iter::once(name)).cloned().collect()
        } else {
            return path[..module_len].to_vec();
        };
        path = next
            .into_iter()
            .chain(path[module_len + 1..].iter().cloned())
            .collect();
    }
    path
}

fn defines(modules: &BTreeMap<ModPath, Module>, module: &ModPath, name: &str) -> bool {
    modules.get(module).is_some_and(|m| {
        m.items.contains(name)
            || m.reexports.contains_key(name)
            || modules.contains_key(&[module.clone(), vec![name.to_string()]].concat())
    })
}

/// The layer table: a top-level module names only the ones it may.
fn layer_rule(from: &ModPath, to: &ModPath, at: &str) -> Option<String> {
    let (Some(a), Some(b)) = (from.first(), to.first()) else {
        return None;
    };
    if a == b {
        return None;
    }
    let allowed = LAYERS.iter().find(|(name, _)| name == a)?.1;
    (!allowed.contains(&b.as_str())).then(|| {
        format!(
            "{at}: `{}` names `{}`, but {a} may use only {}",
            from.join("::"),
            to.join("::"),
            match allowed {
                [] => "itself".to_string(),
                _ => allowed.join(", "),
            }
        )
    })
}

/// No app of `tui/` names another, except `demo`, which composes them; the kit names none.
fn app_rule(from: &ModPath, to: &ModPath, at: &str) -> Option<String> {
    let (from_strs, to_strs) = (as_strs(from), as_strs(to));
    let (["tui", a, ..], ["tui", b, ..]) = (from_strs.as_slice(), to_strs.as_slice()) else {
        return None;
    };
    let (a, b) = (*a, *b);
    let b_is_app = APPS.contains(&b);
    let crosses = a != b && b_is_app && (APPS.contains(&a) || a == "kit") && a != "demo";
    crosses.then(|| {
        format!(
            "{at}: tui::{a} names the app tui::{b} (`{}`)",
            to.join("::")
        )
    })
}

/// Views draw the state they are given: they never reach the store, the server or the wire.
fn view_rule(from: &ModPath, to: &ModPath, at: &str) -> Option<String> {
    let in_views = from.iter().any(|p| p == "views");
    let reaches = matches!(
        to.first().map(String::as_str),
        Some("store" | "sync" | "server" | "protocol")
    );
    (in_views && reaches).then(|| {
        format!(
            "{at}: the view `{}` names `{}`; views read only the state they are given",
            from.join("::"),
            to.join("::")
        )
    })
}

/// `model` and `policy` stay pure: no files, network, clock, environment or randomness.
fn purity_rule(path: &ModPath, module: &Module) -> Vec<String> {
    if !matches!(path.first().map(String::as_str), Some("model" | "policy")) {
        return vec![];
    }
    module
        .external
        .iter()
        .filter(|(used, _)| IMPURE.iter().any(|bad| names(used, bad)))
        .map(|(used, line)| {
            format!(
                "src/{}:{line}: `{used}` in {}, which must stay pure",
                module.file,
                path.join("::")
            )
        })
        .collect()
}

/// Whether the path `used` names `bad` (a whole segment, or a whole prefix of segments).
fn names(used: &str, bad: &str) -> bool {
    used == bad
        || used.starts_with(&format!("{bad}::"))
        || used.split("::").any(|segment| segment == bad)
}

/// The two sibling modules a reference crosses between, if it is not to an ancestor or a
/// descendant: `tui::inbox::views::chat` naming `tui::kit::theme` is `inbox` -> `kit`.
fn sibling_edge(from: &ModPath, to: &ModPath) -> Option<(ModPath, ModPath)> {
    let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
    if common == from.len() || common == to.len() {
        return None;
    }
    Some((from[..=common].to_vec(), to[..=common].to_vec()))
}

/// Loops among siblings: a module that, through its siblings, names itself.
fn sibling_loops(edges: &BTreeSet<(ModPath, ModPath, String)>) -> Vec<String> {
    let mut graph: BTreeMap<&ModPath, BTreeMap<&ModPath, &str>> = BTreeMap::new();
    for (a, b, at) in edges {
        graph.entry(a).or_default().entry(b).or_insert(at.as_str());
    }
    let mut reported: BTreeSet<BTreeSet<&ModPath>> = BTreeSet::new();
    let mut broken = Vec::new();
    for start in graph.keys() {
        if let Some(cycle) = find_cycle(&graph, start) {
            let members: BTreeSet<&ModPath> = cycle.iter().copied().collect();
            if reported.insert(members) {
                let steps: Vec<String> = cycle
                    .windows(2)
                    .map(|w| {
                        format!(
                            "{} -> {} ({})",
                            w[0].join("::"),
                            w[1].join("::"),
                            graph[w[0]][w[1]]
                        )
                    })
                    .collect();
                broken.push(format!("an import loop: {}", steps.join(", ")));
            }
        }
    }
    broken
}

/// A path from `start` back to itself, if there is one (breadth first, so the shortest).
fn find_cycle<'a>(
    graph: &BTreeMap<&'a ModPath, BTreeMap<&'a ModPath, &str>>,
    start: &'a ModPath,
) -> Option<Vec<&'a ModPath>> {
    let mut came_from: BTreeMap<&ModPath, &ModPath> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for next in graph.get(node).into_iter().flat_map(|n| n.keys().copied()) {
            if next == start {
                let mut cycle = vec![node];
                let mut at = node;
                while at != start {
                    at = came_from[at];
                    cycle.push(at);
                }
                cycle.reverse();
                cycle.push(start);
                return Some(cycle);
            }
            if !came_from.contains_key(next) && next != start {
                came_from.insert(next, node);
                queue.push_back(next);
            }
        }
    }
    None
}

fn as_strs(path: &ModPath) -> Vec<&str> {
    path.iter().map(String::as_str).collect()
}

// ---- Reading a file: tokens, inline modules, `use` trees and inline paths. ----

/// A token of Rust source, with its line.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    PathSep,
    Punct(char),
}

/// Reads one file: what it names, re-exports and defines. `None` if it is not under a module.
fn read_module(file: &str, text: &str, known: &BTreeSet<ModPath>) -> Option<Module> {
    let here = module_of(file)?;
    let tokens = tokenize(text);
    let mut module = Module {
        file: file.to_string(),
        ..Module::default()
    };
    // The inline modules (`mod tests { ... }`) open at a brace depth; paths inside them
    // resolve from there.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        let current: ModPath = here
            .iter()
            .cloned()
            .chain(inline.iter().map(|(name, _)| name.clone()))
            .collect();
        match &tokens[i].0 {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            Tok::Ident(kw) if kw == "mod" => {
                if let (Some((Tok::Ident(name), _)), Some((Tok::Punct('{'), _))) =
                    (tokens.get(i + 1), tokens.get(i + 2))
                {
                    inline.push((name.clone(), depth));
                    depth += 1;
                    i += 3;
                    continue;
                }
            }
            Tok::Ident(kw) if kw == "use" => {
                let public = i > 0 && matches!(&tokens[i - 1].0, Tok::Ident(p) if p == "pub")
                    || i > 3
                        && matches!(&tokens[i - 1].0, Tok::Punct(')'))
                        && matches!(&tokens[i - 4].0, Tok::Ident(p) if p == "pub");
                let end = tokens[i..]
                    .iter()
                    .position(|(t, _)| *t == Tok::Punct(';'))
                    .map_or(tokens.len(), |p| i + p);
                let line = tokens[i].1;
                for (path, alias) in use_tree(&tokens[i + 1..end]) {
                    let path = anchored(&current, path, known);
                    take_use(
                        &mut module,
                        &current,
                        &path,
                        alias,
                        public && inline.is_empty(),
                        line,
                    );
                }
                i = end + 1;
                continue;
            }
            Tok::Ident(kw) if ITEM_KEYWORDS.contains(&kw.as_str()) => {
                if let Some((Tok::Ident(name), _)) = tokens.get(i + 1) {
                    module.items.insert(name.clone());
                }
            }
            Tok::Ident(first) if matches!(first.as_str(), "crate" | "super" | "self") => {
                let starts_path = i == 0 || tokens[i - 1].0 != Tok::PathSep;
                let (path, next) = read_path(&tokens, i);
                if starts_path
                    && path.len() > 1
                    && let Some(full) = absolute(&current, &path)
                {
                    module.uses.push((full, tokens[i].1));
                }
                i = next;
                continue;
            }
            Tok::Ident(first)
                if tokens.get(i + 1).map(|t| &t.0) == Some(&Tok::PathSep)
                    && (i == 0 || tokens[i - 1].0 != Tok::PathSep)
                    && known.contains(&child(&current, first)) =>
            {
                let (path, next) = read_path(&tokens, i);
                let full = current.iter().cloned().chain(path).collect();
                module.uses.push((full, tokens[i].1));
                i = next;
                continue;
            }
            Tok::Ident(first) if EXTERNAL_ROOTS.contains(&first.as_str()) => {
                let starts_path = i == 0 || tokens[i - 1].0 != Tok::PathSep;
                let (path, next) = read_path(&tokens, i);
                if starts_path {
                    module.external.push((path.join("::"), tokens[i].1));
                }
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    Some(module)
}

/// The keywords after which an item's name follows.
const ITEM_KEYWORDS: &[&str] = &[
    "struct", "enum", "trait", "type", "fn", "const", "static", "union",
];

/// Roots of paths into other crates whose use the purity rule looks at.
const EXTERNAL_ROOTS: &[&str] = &[
    "std",
    "core",
    "tokio",
    "getrandom",
    "rusqlite",
    "tokio_postgres",
    "deadpool_postgres",
    "reqwest",
    "axum",
    "ratatui",
    "crossterm",
    "SystemTime",
    "Instant",
];

/// Records one flattened `use` path: as a use of the module (if it is ours), as a
/// re-export (if public), or as an outside path.
fn take_use(
    module: &mut Module,
    current: &ModPath,
    path: &[String],
    alias: Option<String>,
    public: bool,
    line: usize,
) {
    let Some(first) = path.first() else { return };
    if !matches!(first.as_str(), "crate" | "super" | "self") {
        module.external.push((path.join("::"), line));
        return;
    }
    let Some(full) = absolute(current, path) else {
        return;
    };
    if public {
        match full.last().map(String::as_str) {
            Some("*") => module.globs.push(full[..full.len() - 1].to_vec()),
            Some(last) => {
                let name = alias.unwrap_or_else(|| last.to_string());
                module.reexports.insert(name, full.clone());
            }
            None => {}
        }
    }
    let full = match full.last().map(String::as_str) {
        Some("*") => full[..full.len() - 1].to_vec(),
        _ => full,
    };
    module.uses.push((full, line));
}

/// `module::child`.
fn child(module: &ModPath, name: &str) -> ModPath {
    module.iter().cloned().chain([name.to_string()]).collect()
}

/// A `use` path that starts with a child module's name (`use views::draw` beside
/// `mod views`) is a path into the crate: it gets a `self` in front.
fn anchored(current: &ModPath, path: Vec<String>, known: &BTreeSet<ModPath>) -> Vec<String> {
    match path.first() {
        Some(first) if known.contains(&child(current, first)) => {
            std::iter::once("self".to_string()).chain(path).collect()
        }
        _ => path,
    }
}

/// Makes a path that starts with `crate`, `super` or `self` absolute from `current`.
fn absolute(current: &ModPath, path: &[String]) -> Option<ModPath> {
    let mut base = current.clone();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &rest[1..];
        }
        Some("self") => rest = &rest[1..],
        _ => {}
    }
    while rest.first().map(String::as_str) == Some("super") {
        base.pop()?;
        rest = &rest[1..];
    }
    let rest: Vec<String> = rest.iter().filter(|s| *s != "self").cloned().collect();
    Some(base.into_iter().chain(rest).collect())
}

/// A path of identifiers joined by `::` starting at `tokens[i]`, and the index after it.
fn read_path(tokens: &[(Tok, usize)], mut i: usize) -> (Vec<String>, usize) {
    let mut path = Vec::new();
    while let Some((Tok::Ident(name), _)) = tokens.get(i) {
        path.push(name.clone());
        if tokens.get(i + 1).map(|t| &t.0) == Some(&Tok::PathSep) {
            i += 2;
        } else {
            i += 1;
            break;
        }
    }
    (path, i)
}

/// Flattens a `use` tree (`a::{b, c::{d as e, *}}`) into its paths, each with its alias.
fn use_tree(tokens: &[(Tok, usize)]) -> Vec<(Vec<String>, Option<String>)> {
    let mut out = Vec::new();
    let mut prefix: Vec<Vec<String>> = vec![vec![]];
    let mut current: Vec<String> = Vec::new();
    let mut alias = None;
    let mut i = 0;
    let mut flush =
        |current: &mut Vec<String>, alias: &mut Option<String>, prefix: &[Vec<String>]| {
            if !current.is_empty() {
                let full: Vec<String> = prefix
                    .iter()
                    .flatten()
                    .cloned()
                    .chain(current.drain(..))
                    .collect();
                out.push((full, alias.take()));
            }
        };
    while i < tokens.len() {
        match &tokens[i].0 {
            Tok::Ident(kw) if kw == "as" => {
                if let Some((Tok::Ident(name), _)) = tokens.get(i + 1) {
                    alias = Some(name.clone());
                    i += 1;
                }
            }
            Tok::Ident(name) => current.push(name.clone()),
            Tok::Punct('*') => current.push("*".to_string()),
            Tok::PathSep => {}
            Tok::Punct('{') => {
                prefix.push(std::mem::take(&mut current));
            }
            Tok::Punct(',') => flush(&mut current, &mut alias, &prefix),
            Tok::Punct('}') => {
                flush(&mut current, &mut alias, &prefix);
                prefix.pop();
            }
            Tok::Punct(_) => {}
        }
        i += 1;
    }
    flush(&mut current, &mut alias, &prefix);
    out
}

/// Splits Rust source into identifiers, `::` and single punctuation, with line numbers;
/// comments, strings and character literals are skipped.
fn tokenize(text: &str) -> Vec<(Tok, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            loop {
                if i >= chars.len() {
                    break;
                }
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
            }
        } else if c == 'r'
            && (at(i + 1) == '"' || at(i + 1) == '#' && matches!(at(i + 2), '"' | '#'))
        {
            let mut hashes = 0;
            i += 1;
            while at(i) == '#' {
                hashes += 1;
                i += 1;
            }
            i += 1;
            while i < chars.len() {
                if chars[i] == '"' && (1..=hashes).all(|h| at(i + h) == '#') {
                    i += 1 + hashes;
                    break;
                }
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
        } else if c == '"' || (c == 'b' && at(i + 1) == '"') {
            i += if c == 'b' { 2 } else { 1 };
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                line += usize::from(at(i) == '\n');
                i += 1;
            }
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{1b}') or a lifetime ('a).
            if at(i + 1) == '\\' {
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let word = word.strip_prefix("r#").map(str::to_string).unwrap_or(word);
            out.push((Tok::Ident(word), line));
        } else if c == ':' && at(i + 1) == ':' {
            out.push((Tok::PathSep, line));
            i += 2;
        } else if c.is_ascii_digit() {
            while i < chars.len()
                && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '.')
            {
                i += 1;
            }
        } else {
            if !c.is_whitespace() {
                out.push((Tok::Punct(c), line));
            }
            i += 1;
        }
    }
    out
}

// ---- The checker itself, on small trees with one bad import each. ----

fn tree(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(f, t)| (f.to_string(), t.to_string()))
        .collect()
}

#[test]
fn a_clean_tree_passes() {
    let files = tree(&[
        (
            "lib.rs",
            "pub mod model; pub mod policy; pub mod store; pub mod tui;",
        ),
        ("model/mod.rs", "pub mod ids; pub use ids::Id;"),
        ("model/ids.rs", "pub struct Id(i64);"),
        (
            "policy/mod.rs",
            "use crate::model::Id; pub fn decide(_: Id) {}",
        ),
        (
            "store/mod.rs",
            "use crate::{model::Id, policy};\nfn f() { policy::decide(Id(1)); }",
        ),
        ("tui/mod.rs", "pub mod kit; pub mod inbox;"),
        ("tui/kit/mod.rs", "pub struct Theme;"),
        (
            "tui/inbox/mod.rs",
            "pub mod views; use crate::store; use super::kit::Theme;",
        ),
        (
            "tui/inbox/views/mod.rs",
            "use crate::tui::kit::Theme;\n#[cfg(test)] mod tests { use super::*; }",
        ),
    ]);
    assert_eq!(check(&files), Vec::<String>::new());
}

#[test]
fn policy_naming_the_store_is_caught() {
    let files = tree(&[
        ("policy/mod.rs", "pub mod decide;"),
        ("policy/decide.rs", "use crate::store::Store;"),
        ("store/mod.rs", "pub struct Store;"),
    ]);
    let broken = check(&files);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(broken[0].contains("src/policy/decide.rs:1"), "{broken:?}");
    assert!(
        broken[0].contains("policy may use only model"),
        "{broken:?}"
    );
}

#[test]
fn policy_reading_a_file_or_the_clock_is_caught() {
    let files = tree(&[(
        "policy/config.rs",
        "fn load() { let _ = std::fs::read_to_string(\"x\");\n let _ = std::time::SystemTime::now(); }",
    )]);
    let broken = check(&files);
    assert_eq!(broken.len(), 2, "{broken:?}");
    assert!(broken[0].contains("std::fs::read_to_string"), "{broken:?}");
    assert!(broken[1].contains(":2:"), "{broken:?}");
}

#[test]
fn policy_speaking_to_postgresql_is_caught() {
    let files = tree(&[(
        "policy/decide.rs",
        "use tokio_postgres::Client;\nfn f(_: deadpool_postgres::Pool) {}",
    )]);
    let broken = check(&files);
    assert_eq!(broken.len(), 2, "{broken:?}");
    assert!(broken[0].contains("tokio_postgres"), "{broken:?}");
    assert!(broken[1].contains("deadpool_postgres"), "{broken:?}");
}

#[test]
fn a_path_in_a_comment_or_a_string_is_not_an_import() {
    let files = tree(&[(
        "policy/mod.rs",
        "// crate::store::Store is not used here\nconst S: &str = \"crate::store::x std::fs\";\n/* std::net */ fn f<'a>(c: char) -> bool { c == '\"' }",
    )]);
    assert_eq!(check(&files), Vec::<String>::new());
}

#[test]
fn the_store_naming_the_wire_is_caught_through_a_reexport() {
    let files = tree(&[
        ("lib.rs", "pub mod protocol; pub use protocol::Wire;"),
        ("protocol.rs", "pub struct Wire;"),
        ("store/mirror.rs", "fn f(_: crate::Wire) {}"),
    ]);
    let broken = check(&files);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(broken[0].contains("names `protocol`"), "{broken:?}");
}

#[test]
fn a_view_naming_the_store_is_caught() {
    let files = tree(&[
        ("store/mod.rs", "pub struct Store;"),
        ("tui/inbox/views/chat.rs", "use crate::store::Store;"),
    ]);
    let broken = check(&files);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(
        broken[0].contains("views read only the state"),
        "{broken:?}"
    );
}

#[test]
fn one_app_naming_another_is_caught_but_the_demo_may() {
    let files = tree(&[
        ("tui/inbox/mod.rs", "pub struct App;"),
        ("tui/console/mod.rs", "use super::inbox::App;"),
        ("tui/demo/mod.rs", "use crate::tui::{inbox::App, console};"),
        ("tui/kit/mod.rs", "pub fn run() {}"),
    ]);
    let broken = check(&files);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(
        broken[0].contains("tui::console names the app tui::inbox"),
        "{broken:?}"
    );
}

#[test]
fn the_kit_naming_an_app_is_caught() {
    let files = tree(&[
        ("tui/inbox/state.rs", "pub struct UiState;"),
        (
            "tui/kit/render.rs",
            "use crate::tui::inbox::state::UiState;",
        ),
    ]);
    let broken = check(&files);
    assert!(
        broken
            .iter()
            .any(|b| b.contains("tui::kit names the app tui::inbox")),
        "{broken:?}"
    );
}

#[test]
fn siblings_importing_each_other_are_a_loop() {
    let files = tree(&[
        ("tui/views/mod.rs", "mod console; mod console_templates;"),
        (
            "tui/views/console.rs",
            "use super::console_templates::draw;",
        ),
        (
            "tui/views/console_templates.rs",
            "pub fn draw() {}\nfn f() { super::console::layout(); }",
        ),
    ]);
    let broken = check(&files);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(
        broken[0]
            .starts_with("an import loop: tui::views::console -> tui::views::console_templates"),
        "{broken:?}"
    );
}

#[test]
fn a_loop_round_three_siblings_and_levels_is_found() {
    let files = tree(&[
        (
            "tui/commands.rs",
            "fn f() { crate::tui::console::commands::title(); }",
        ),
        ("tui/console/commands.rs", "use crate::tui::keymap::Mode;"),
        ("tui/keymap.rs", "use super::commands::Command;"),
    ]);
    let broken = check(&files);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(broken[0].contains("an import loop"), "{broken:?}");
}

#[test]
fn a_child_naming_its_parent_is_not_a_loop() {
    let files = tree(&[
        (
            "tui/inbox/mod.rs",
            "mod views; pub struct State; fn f() { views::draw(); }",
        ),
        (
            "tui/inbox/views/mod.rs",
            "use super::State; pub fn draw() {}",
        ),
    ]);
    assert_eq!(check(&files), Vec::<String>::new());
}

#[test]
fn quotes_inside_character_literals_do_not_hide_the_next_path() {
    let files = tree(&[(
        "policy/mod.rs",
        "fn f(c: char) -> bool { c == '\\'' || c == '\\u{1b}' }\nfn g() { crate::store::open(); }",
    )]);
    let broken = check(&files);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(broken[0].contains("src/policy/mod.rs:2"), "{broken:?}");
}

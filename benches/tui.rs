//! The speed of the inbox on a big store: one frame with a long chat open (target: 2 ms), the
//! same on a small store (the cost must follow what is visible, not the totals), the work after
//! a key press, and the start to the first frame on a store of 1 000 000 messages (target:
//! 150 ms).
//!
//! Two fixtures are built per run (`fixture/mod.rs`, as in `benches/store.rs`): 100 000 chats
//! with 1 000 000 messages, and 1 000 chats with 200 000 messages. The busiest chat of each
//! holds about 20 000 messages. Criterion then measures on them, at 200x60 cells.
//!
//! Run with `cargo bench --bench tui`; the figures are in BENCHMARKS.md. `PARLEY_BENCH_DIR`
//! keeps the big fixture (as `parley.db` in that directory, which must not hold one), so that
//! `parley --data-dir DIR` can open it afterwards.

#[path = "fixture/mod.rs"]
mod fixture;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use fixture::{Fixture, Spec};
use parley::model::ChatId;
use parley::store::Store;
use parley::tui::inbox::Action;
use parley::tui::render::render;
use parley::tui::{App, UiConfig, UiSettings};
use parley::world::Assets;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The terminal's size in cells.
const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

const BIG: Spec = Spec {
    chats: 100_000,
    messages: 1_000_000,
};
const SMALL: Spec = Spec {
    chats: 1_000,
    messages: 200_000,
};

/// Opens the inbox on the store at `path` as `parley` does, at 200x60.
fn open_app(path: &Path) -> App {
    let store = Store::open(path).expect("open");
    App::open(
        store,
        Assets::built_in(),
        UiSettings::default(),
        WIDTH,
        HEIGHT,
    )
    .expect("app")
}

/// The inbox on `path` with `chat` open, as Enter on its row leaves it.
fn app_with_chat(path: &Path, chat: ChatId, name: &str) -> App {
    let mut app = open_app(path);
    app.show_chat(chat);
    let view = app.state.chat.as_ref().expect("the chat is open");
    assert!(app.state.dialog.is_none(), "no dialog covers the chat");
    eprintln!(
        "{name}: chat {chat} open at {WIDTH}x{HEIGHT}, {} messages ({} loaded), row {} of {} in the list",
        view.total,
        view.messages.len(),
        app.state.list.selected + 1,
        app.state.list.total,
    );
    app
}

fn bench_tui(c: &mut Criterion) {
    let config = UiConfig::defaults(false);
    let (theme, keymap) = (&config.theme, &config.keymap);

    let big_dir = tempfile::tempdir().expect("temporary directory");
    let big_path = std::env::var_os("PARLEY_BENCH_DIR")
        .map_or_else(|| big_dir.path().into(), PathBuf::from)
        .join("parley.db");
    let big = Fixture::build(&big_path, BIG);
    let big_chat = big.chat(0);
    drop(big);
    let small_dir = tempfile::tempdir().expect("temporary directory");
    let small_path = small_dir.path().join("parley.db");
    let small = Fixture::build(&small_path, SMALL);
    let small_chat = small.chat(0);
    drop(small);

    // From nothing open to the first frame: the store opened, the inbox loaded, one frame
    // drawn. Each iteration opens the file afresh (the OS's file cache stays warm); closing
    // it is not timed.
    let started = Instant::now();
    let first = render(&open_app(&big_path), theme, keymap);
    eprintln!(
        "start: a first frame of {}x{} in {:.1?} (cold)",
        first.area.width,
        first.area.height,
        started.elapsed()
    );
    let mut group = c.benchmark_group("start");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));
    for (name, path) in [("100000_chats", &big_path), ("1000_chats", &small_path)] {
        group.bench_function(BenchmarkId::new("first_frame", name), |b| {
            b.iter_with_large_drop(|| {
                let app = open_app(black_box(path));
                let frame = render(&app, theme, keymap);
                (app, frame)
            })
        });
    }
    group.finish();

    let mut big_app = app_with_chat(&big_path, big_chat, "100000_chats");
    let small_app = app_with_chat(&small_path, small_chat, "1000_chats");

    // One frame: the whole screen drawn into a new buffer from the state, as `parley render`
    // does (no store reads).
    let mut group = c.benchmark_group("frame");
    for (name, app) in [("100000_chats", &big_app), ("1000_chats", &small_app)] {
        group.bench_function(BenchmarkId::new("chat_open", name), |b| {
            b.iter(|| render(black_box(app), theme, keymap))
        });
    }
    // The same frame in Spanish: every word through the Spanish catalogue.
    let spanish = parley::i18n::Catalogues::embedded()
        .get("es")
        .expect("Spanish ships");
    parley::i18n::scoped(spanish, || {
        group.bench_function(BenchmarkId::new("chat_open_es", "100000_chats"), |b| {
            b.iter(|| render(black_box(&big_app), theme, keymap))
        });
    });
    group.finish();

    // What a start adds for the language: the catalogue of the language in force, with the
    // files the first frame needs parsed (English; Spanish builds English only should a
    // message be missing from it); and the first frame with the language chosen as `parley`
    // chooses it (`i18n::start`), from a catalogue not yet parsed.
    let mut group = c.benchmark_group("start");
    for tag in ["en", "es"] {
        group.bench_function(BenchmarkId::new("catalogue", tag), |b| {
            b.iter(|| {
                let catalogue = parley::i18n::Catalogues::shipped().get(black_box(tag));
                catalogue.map(|c| c.text("inbox-list-no-messages", None))
            })
        });
    }
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));
    for tag in ["en", "es"] {
        let name = format!("100000_chats_{tag}");
        group.bench_function(BenchmarkId::new("first_frame_with_language", name), |b| {
            b.iter_with_large_drop(|| {
                parley::i18n::start(Some(tag.to_string()), None);
                let app = open_app(black_box(&big_path));
                let frame = render(&app, theme, keymap);
                (app, frame)
            })
        });
    }
    group.finish();
    parley::i18n::set(parley::i18n::Catalogues::embedded().english());

    // One key press: `App::update(MoveDown)`, the store reads and state after it, not the
    // drawing. In the list, from the first row to the second (the second chat is loaded
    // into the right pane); in the open chat, from the next-to-last message to the last.
    // The step back before each press is not timed.
    let mut group = c.benchmark_group("update");
    big_app.update(Action::Back);
    big_app.update(Action::MoveTop);
    group.bench_function("move_down/list", |b| {
        b.iter_custom(|iters| press_after(&mut big_app, iters))
    });
    big_app.show_chat(big_chat);
    group.bench_function("move_down/chat", |b| {
        b.iter_custom(|iters| press_after(&mut big_app, iters))
    });
    group.finish();

    // One letter typed into the search box over 100 000 chats and 1 000 000 messages: the
    // chat names ranked and the newest slice of messages scanned (the rest goes on between
    // keys). "zq" matches nothing, so every message is looked at; the untimed Backspace before
    // each letter restores the query. Then the whole search, every slice to the oldest.
    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    big_app.update(Action::Back);
    big_app.update(Action::Search);
    big_app.update(Action::Insert('z'));
    group.bench_function("typed_letter/100000_chats", |b| {
        b.iter_custom(|iters| type_after(&mut big_app, iters))
    });
    group.bench_function("whole/100000_chats", |b| {
        b.iter_custom(|iters| search_whole(&mut big_app, iters))
    });
    group.finish();
}

/// Times typing `q` after `z` `iters` times, each after an untimed Backspace.
fn type_after(app: &mut App, iters: u64) -> Duration {
    let mut spent = Duration::ZERO;
    for _ in 0..iters {
        app.update(Action::Backspace);
        let started = Instant::now();
        app.update(black_box(Action::Insert('q')));
        spent += started.elapsed();
    }
    spent
}

/// Times typing `q` after `z` and searching to the oldest message, `iters` times.
fn search_whole(app: &mut App, iters: u64) -> Duration {
    let mut spent = Duration::ZERO;
    for _ in 0..iters {
        app.update(Action::Backspace);
        let started = Instant::now();
        app.update(black_box(Action::Insert('q')));
        while app.searching() {
            app.search_more();
        }
        spent += started.elapsed();
    }
    spent
}

/// Times `MoveDown` `iters` times, each after an untimed `MoveUp`.
fn press_after(app: &mut App, iters: u64) -> Duration {
    let mut spent = Duration::ZERO;
    for _ in 0..iters {
        app.update(Action::MoveUp);
        let started = Instant::now();
        app.update(black_box(Action::MoveDown));
        spent += started.elapsed();
    }
    assert!(
        app.state.status.is_none(),
        "no error: {:?}",
        app.state.status
    );
    spent
}

criterion_group!(benches, bench_tui);
criterion_main!(benches);

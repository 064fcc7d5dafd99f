//! Search over a long history: typing stays quick because messages are searched a slice at
//! a time between keys, and the finished search finds what a whole scan finds.

mod support;

use parley::model::*;
use parley::store::{IncomingMessage, Store};
use parley::tui::inbox::Action;
use parley::tui::{App, UiConfig};
use parley::world::{self, Assets};

/// The demo inbox a day in, then `filler` newer messages from a friend that match nothing,
/// so the demo's own messages sit many slices below the newest.
fn long_history(filler: usize) -> App {
    let assets = Assets::built_in();
    let mut store = Store::open_in_memory().expect("an in-memory store opens");
    world::seed(&mut store, &assets).expect("the demo world seeds");
    let day = assets.world.start + Span::parse("1d4h").unwrap();
    world::advance(&mut store, &assets, day, |_| {}).expect("the world advances");
    let db = store.db();
    let me = db.me().unwrap().expect("the demo has a user");
    let friend = db.contacts(me).unwrap()[0].id;
    let batch: Vec<IncomingMessage> = (0..filler)
        .map(|i| IncomingMessage {
            user: me,
            counterpart: Counterpart::Contact(friend),
            category: None,
            template: None,
            body: format!("filler line {i}"),
            sent_at: day + Span::seconds(i as i64),
            decision: Decision::deliver(Reason::Personal, "Delivered: a message from a friend."),
        })
        .collect();
    store.write(|tx| tx.import_messages(&batch)).unwrap();
    App::open(store, assets, UiConfig::defaults(true).settings, 100, 30).expect("the inbox opens")
}

fn type_query(app: &mut App, query: &str) {
    app.update(Action::Search);
    for c in query.chars() {
        app.update(Action::Insert(c));
    }
}

fn message_hits(app: &App) -> Vec<MessageId> {
    let search = app.state.search.as_ref().expect("the search box is open");
    search.hits.iter().filter_map(|h| h.message).collect()
}

#[test]
fn a_search_past_the_first_slice_goes_on_between_keys_and_finds_every_match() {
    let mut app = long_history(50_000);
    let whole: Vec<MessageId> = app
        .store()
        .db()
        .search_messages(app.me(), "folding", 50)
        .unwrap()
        .into_iter()
        .map(|m| m.message)
        .collect();
    assert!(whole.len() >= 2, "the demo has messages about folding");

    type_query(&mut app, "folding");
    assert!(app.searching(), "older messages are still to be searched");
    assert!(
        message_hits(&app).is_empty(),
        "the newest slice is filler only"
    );
    let title = support::inbox::screen(&app, &UiConfig::defaults(true));
    assert!(title.contains("searching older…"), "{title}");

    let mut slices = 0;
    while app.searching() {
        app.search_more();
        slices += 1;
        assert!(slices < 100, "the search ends");
    }
    assert!(slices >= 2, "50 000 messages take more than one slice");
    assert_eq!(message_hits(&app), whole);
    let title = support::inbox::screen(&app, &UiConfig::defaults(true));
    assert!(!title.contains("searching older"), "{title}");
}

#[test]
fn a_key_typed_during_a_search_starts_it_again_for_the_new_query() {
    let mut app = long_history(50_000);
    type_query(&mut app, "folding");
    app.search_more();
    app.update(Action::Backspace);
    app.update(Action::Insert('x'));
    while app.searching() {
        app.search_more();
    }
    let search = app.state.search.as_ref().unwrap();
    assert_eq!(search.query, "foldinx");
    assert!(search.hits.is_empty(), "nothing matches the new query");
    assert!(!search.more);
}

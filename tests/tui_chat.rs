//! Reading an open chat, driven through the real keymap over the demo world in a real store
//! and drawn headless: finding text in the chat with `/`, `n` and `N`; copying with `y`; how
//! far your own messages got; Shift-Enter in the composer.

mod support;

use parley::model::text::fold;
use parley::model::*;
use parley::tui::App;
use parley::tui::render::render;
use support::inbox::{demo, keys, open_chat, screen, status};

/// The text of the highlighted message of the open chat.
fn selected_text(app: &App) -> String {
    let view = app.state.chat.as_ref().expect("a chat is open");
    view.selected_message()
        .map(|m| m.message.body.clone())
        .unwrap_or_default()
}

/// Adds `count` read messages from a friend to the user's chat with them, a minute apart up
/// to now; `special` replaces the text of the message at its index.
fn friend_writes(app: &mut App, name: &str, count: usize, special: (usize, &str)) {
    let me = app.me();
    let friend = app
        .store()
        .db()
        .contacts(me)
        .unwrap()
        .into_iter()
        .find(|c| c.name == name)
        .expect("a friend of the demo world")
        .id;
    let start = app.state.clock;
    let chat = app
        .store()
        .db()
        .chat_with(me, Counterpart::Contact(friend))
        .unwrap()
        .expect("the demo world has a chat with each friend")
        .id;
    app.store_mut()
        .write(|tx| {
            for i in 0..count {
                let text = match i == special.0 {
                    true => special.1.to_string(),
                    false => format!("Filler message {i}"),
                };
                let at = start - Span::minutes((count - i) as i64);
                tx.receive_personal(me, friend, &text, at)?;
            }
            tx.mark_read(chat, start)
        })
        .unwrap();
    app.update(parley::tui::inbox::Action::Refresh);
}

#[test]
fn slash_finds_in_the_chat_folding_case_and_accents_and_n_steps_older() {
    let (mut app, config) = demo("3d2h", 80, 24);
    open_chat(&mut app, &config, "Luz Verde Energía");
    keys(&mut app, &config, "/ \"energia\" enter");
    assert_eq!(status(&app), "hit 1 of 2 for “energia”");
    assert!(selected_text(&app).contains("received your payment"));
    keys(&mut app, &config, "n");
    assert_eq!(status(&app), "hit 2 of 2 for “energia”");
    assert!(selected_text(&app).contains("electricity bill"));
    assert!(fold(&selected_text(&app)).contains("energia"));
    keys(&mut app, &config, "N");
    assert_eq!(status(&app), "hit 1 of 2 for “energia”");
    assert!(selected_text(&app).contains("received your payment"));
    keys(&mut app, &config, "esc");
    assert!(app.state.find.is_none(), "esc clears the find");
    assert!(app.state.chat.is_some(), "and stays in the chat");
    assert_eq!(app.state.pane, parley::tui::inbox::state::Pane::Chat);
}

#[test]
fn a_find_with_no_hit_says_so() {
    let (mut app, config) = demo("3d2h", 80, 24);
    open_chat(&mut app, &config, "Luz Verde Energía");
    keys(&mut app, &config, "/ \"zebra\" enter");
    assert_eq!(status(&app), "No message in this chat contains “zebra”");
    assert!(app.state.find.is_none());
}

#[test]
fn the_find_prompt_takes_no_controls() {
    let (mut app, config) = demo("3d2h", 80, 24);
    open_chat(&mut app, &config, "Luz Verde Energía");
    keys(&mut app, &config, "/");
    app.paste("ener\u{1b}[2J\u{200D}gía\nverde");
    let find = app.state.find.as_ref().expect("the prompt is open");
    assert_eq!(find.query, "energía verde");
}

#[test]
fn a_hit_older_than_the_loaded_messages_loads_around_it() {
    let (mut app, config) = demo("0", 80, 24);
    friend_writes(
        &mut app,
        "Javi",
        200,
        (40, "La ENERGÍA solar llegó por fin"),
    );
    open_chat(&mut app, &config, "Javi");
    let loaded = app.state.chat.as_ref().unwrap().messages.len();
    assert!(
        loaded < 150,
        "only the latest messages are loaded ({loaded})"
    );
    keys(&mut app, &config, "/ \"energia\" enter");
    assert_eq!(status(&app), "hit 1 of 1 for “energia”");
    assert_eq!(selected_text(&app), "La ENERGÍA solar llegó por fin");
    let view = app.state.chat.as_ref().unwrap();
    let at = view.selected.unwrap();
    assert!(at >= 3, "older messages are loaded above the hit");
    let shown = screen(&app, &config);
    assert!(shown.contains("La ENERGÍA solar llegó por fin"), "{shown}");
    assert!(
        shown.contains("Filler message 39"),
        "context above: {shown}"
    );
    assert!(
        shown.contains("Filler message 41"),
        "context below: {shown}"
    );
}

#[test]
fn snapshot_a_chat_with_an_active_find() {
    let (mut app, config) = demo("3d2h", 80, 24);
    open_chat(&mut app, &config, "Luz Verde Energía");
    keys(&mut app, &config, "/ \"energia\" enter n");
    insta::assert_snapshot!("chat_find_80x24", screen(&app, &config));
    let buffer = render(&app, &config.theme, &config.keymap);
    let highlight = config.theme.get("highlight");
    let row = (0..buffer.area.height)
        .find(|&y| row_text(&buffer, y).contains("Luz Verde Energía: your"))
        .expect("the hit is on screen");
    let line = row_text(&buffer, row);
    let start = line.find("Energía: your").unwrap();
    let column = line[..start].chars().count() as u16;
    let marked = |x: u16| buffer[(x, row)].modifier.contains(highlight.add_modifier);
    assert!(
        !highlight.add_modifier.is_empty(),
        "without colour, a hit is reversed"
    );
    assert!(
        (column..column + 7).all(marked),
        "the hit is highlighted: {line}"
    );
    assert!(
        !marked(column - 1) && !marked(column + 7),
        "only the hit: {line}"
    );
}

fn row_text(buffer: &ratatui::buffer::Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

/// What `y` last asked the terminal to copy.
fn copied(app: &App) -> Option<String> {
    app.state.clipboard.as_ref().map(|(_, text)| text.clone())
}

#[test]
fn y_on_a_code_copies_only_the_code() {
    let (mut app, config) = demo("1h", 80, 24);
    open_chat(&mut app, &config, "Banco Claro");
    assert!(selected_text(&app).starts_with("482 913 is your Banco Claro code"));
    keys(&mut app, &config, "y");
    assert_eq!(copied(&app).as_deref(), Some("482913"));
    assert_eq!(status(&app), "Copied the code 482913");
}

#[test]
fn y_on_a_message_copies_its_text_and_each_copy_is_new() {
    let (mut app, config) = demo("0", 80, 24);
    open_chat(&mut app, &config, "Marta");
    let text = selected_text(&app);
    keys(&mut app, &config, "y");
    assert_eq!(copied(&app), Some(text.clone()));
    let chars = text.chars().count();
    assert_eq!(
        status(&app),
        format!("Copied the message, {chars} characters")
    );
    let first = app.state.clipboard.as_ref().unwrap().0;
    keys(&mut app, &config, "k y");
    let (second, again) = app.state.clipboard.clone().unwrap();
    assert!(second > first, "a second copy is a new request");
    assert_ne!(again, text, "k selected the message before");
}

#[test]
fn copying_turned_off_in_settings_copies_nothing() {
    let (mut app, config) = demo("1h", 80, 24);
    keys(&mut app, &config, ", j j j j j j j j j space");
    assert!(!app.state.settings.copy);
    keys(&mut app, &config, "esc");
    open_chat(&mut app, &config, "Banco Claro");
    keys(&mut app, &config, "y");
    assert_eq!(copied(&app), None);
    assert_eq!(status(&app), "Copying is off in Settings");
}

/// How far each of the user's own messages in the open chat got, oldest first.
fn deliveries(app: &App) -> Vec<Delivery> {
    let view = app.state.chat.as_ref().expect("a chat is open");
    view.messages
        .iter()
        .filter_map(|m| m.message.delivery())
        .collect()
}

#[test]
fn own_messages_show_delivered_and_read_by_a_friend_in_ticks_or_words() {
    let (mut app, config) = demo("0", 80, 24);
    open_chat(&mut app, &config, "Marta");
    assert_eq!(deliveries(&app), [Delivery::Read], "Marta answered it");
    keys(&mut app, &config, "r \"Booked! Seats 12 and 13\" enter");
    assert_eq!(deliveries(&app), [Delivery::Read, Delivery::Delivered]);
    insta::assert_snapshot!("own_messages_no_color_80x24", screen(&app, &config));
    let colour = parley::tui::UiConfig::defaults(false);
    insta::assert_snapshot!("own_messages_80x24", screen(&app, &colour));
    let buffer = render(&app, &colour.theme, &colour.keymap);
    let read = (0..buffer.area.height)
        .map(|y| row_text(&buffer, y))
        .position(|line| line.contains("You · Sun 19:05 · ✓✓"))
        .expect("the read message's ticks") as u16;
    let line = row_text(&buffer, read);
    let column = line[..line.find('✓').unwrap()].chars().count() as u16;
    assert_eq!(
        buffer[(column, read)].fg,
        colour.theme.get("read").fg.unwrap()
    );
}

#[test]
fn a_reply_waiting_for_the_server_shows_sending() {
    let (mut app, config) = demo("1d", 80, 24);
    let me = app.me();
    let rutas = app
        .store()
        .db()
        .businesses()
        .unwrap()
        .into_iter()
        .find(|b| b.name == "Rutas Bus")
        .unwrap()
        .id;
    let now = app.state.clock;
    app.store_mut()
        .write(|tx| tx.reply_pending(me, rutas, "Is there wifi on board?", "key-1", now))
        .unwrap();
    app.update(parley::tui::inbox::Action::Refresh);
    open_chat(&mut app, &config, "Rutas Bus");
    assert_eq!(deliveries(&app), [Delivery::Delivered, Delivery::Sending]);
    let shown = screen(&app, &config);
    assert!(shown.contains("You · 08:00 · sending"), "{shown}");
}

#[test]
fn shift_enter_makes_a_new_line_and_enter_still_sends() {
    let (mut app, config) = demo("0", 80, 24);
    open_chat(&mut app, &config, "Marta");
    keys(
        &mut app,
        &config,
        "r \"See you\" shift-enter \"at the station\"",
    );
    let composer = app
        .state
        .composer
        .as_ref()
        .expect("the composer stays open");
    assert_eq!(composer.text(), "See you\nat the station");
    keys(&mut app, &config, "enter");
    assert!(app.state.composer.is_none(), "Enter sent it");
    let view = app.state.chat.as_ref().unwrap();
    let last = &view.messages.last().unwrap().message;
    assert_eq!(last.body, "See you\nat the station");
    assert_eq!(last.direction, Direction::Outbound);
}

//! People, not only businesses: a friend is blocked, unblocked and reported with the same
//! dialogs as a business, and the chat says what the user chose.

mod support;

use parley::model::BlockReason;
use parley::tui::App;
use parley::tui::inbox::state::Dialog;
use support::inbox::{demo, keys, open_chat, screen, status};

/// The title of the open dialog, if a block or report dialog is open.
fn dialog_name(app: &App) -> Option<String> {
    match &app.state.dialog {
        Some(Dialog::Block { name, .. }) | Some(Dialog::Report { name, .. }) => Some(name.clone()),
        _ => None,
    }
}

#[test]
fn b_blocks_a_friend_hides_their_next_messages_and_b_again_unblocks() {
    let (mut app, config) = demo("0", 80, 24);
    open_chat(&mut app, &config, "Marta");
    keys(&mut app, &config, "b");
    assert!(
        matches!(app.state.dialog, Some(Dialog::Block { .. })),
        "the block dialog opens; status: {}",
        status(&app)
    );
    let text = screen(&app, &config);
    assert!(text.contains("Block Marta?"), "{text}");
    assert!(text.contains("No longer wanted"), "{text}");
    assert!(!text.contains("Didn't sign up"), "{text}");
    keys(&mut app, &config, "enter");
    assert!(
        status(&app).starts_with("Blocked Marta: their messages no longer reach you."),
        "{}",
        status(&app)
    );
    let text = screen(&app, &config);
    assert!(text.contains("Marta ⊘blocked"), "{text}");
    assert!(text.contains("You blocked Marta on"), "{text}");

    keys(&mut app, &config, "esc t t");
    open_chat(&mut app, &config, "Marta");
    let text = screen(&app, &config);
    assert!(
        text.contains("Yes, seats 12 and 13!"),
        "the clock passed 09:12: {text}"
    );
    assert!(
        !text.contains("Did you get the tickets?"),
        "a blocked friend's message stays out: {text}"
    );

    keys(&mut app, &config, "b");
    assert!(app.state.dialog.is_none());
    assert_eq!(
        status(&app),
        "Unblocked Marta: their messages reach you again."
    );
    assert!(!screen(&app, &config).contains("⊘blocked"));
}

#[test]
fn b_on_a_friend_selected_in_the_list_opens_the_block_dialog() {
    let (mut app, config) = demo("1d4h", 80, 24);
    open_chat(&mut app, &config, "Javi");
    keys(&mut app, &config, "esc b");
    assert_eq!(
        dialog_name(&app).as_deref(),
        Some("Javi"),
        "{}",
        status(&app)
    );
    keys(&mut app, &config, "j enter");
    assert!(status(&app).starts_with("Blocked Javi"), "{}", status(&app));
    let row = app.state.list.selected_row().expect("Javi stays selected");
    assert!(row.blocked && row.chat.title == "Javi");
    assert!(screen(&app, &config).contains("⊘blocked"));
}

#[test]
fn reporting_a_friend_shows_the_evidence_and_blocks_in_the_same_step() {
    let (mut app, config) = demo("1d4h", 80, 24);
    open_chat(&mut app, &config, "Marta");
    keys(&mut app, &config, "!");
    let Some(Dialog::Report {
        evidence,
        also_block,
        ..
    }) = &app.state.dialog
    else {
        panic!("the report dialog opens; status: {}", status(&app))
    };
    assert!(*also_block, "also block is offered and on by default");
    let last = evidence
        .last()
        .expect("the chat's messages are the evidence");
    assert_eq!(last.body, "Yes, seats 12 and 13!");
    assert_eq!(evidence.len(), 5);
    let text = screen(&app, &config);
    assert!(text.contains("Report Marta"), "{text}");
    assert!(
        text.contains("Evidence sent with the report: the last 5 messages"),
        "{text}"
    );
    assert!(text.contains("Did you get the tickets?"), "{text}");
    keys(&mut app, &config, "enter");
    assert_eq!(
        status(&app),
        "Reported Marta (spam) with 5 messages as evidence and blocked them."
    );
    let text = screen(&app, &config);
    assert!(text.contains("You reported Marta on"), "{text}");
    assert!(text.contains("Marta ⊘blocked"), "{text}");
}

#[test]
fn colon_block_spam_blocks_a_friend_for_spam_and_twice_does_not_unblock() {
    let (mut app, config) = demo("0", 80, 24);
    open_chat(&mut app, &config, "Marta");
    keys(&mut app, &config, ": \"block spam\" enter");
    assert!(app.state.dialog.is_none(), "no dialog is left open");
    assert!(
        status(&app).starts_with("Blocked Marta"),
        "{}",
        status(&app)
    );
    let blocked = |app: &App| app.state.chat.as_ref().and_then(|c| c.person.blocked);
    assert_eq!(blocked(&app).map(|(_, why)| why), Some(BlockReason::Spam));
    keys(&mut app, &config, ": \"block spam\" enter");
    assert_eq!(
        blocked(&app).map(|(_, why)| why),
        Some(BlockReason::Spam),
        "a second :block spam keeps the block: {}",
        status(&app)
    );
    assert!(status(&app).contains("already blocked"), "{}", status(&app));
}

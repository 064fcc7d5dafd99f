//! Text from outside (a friend's message, a business's name and template, a reply) full of
//! escape sequences and bidi controls never reaches the terminal: it is cleaned where it enters
//! the store, and what is drawn holds no control, escape or direction-changing character.

mod support;

use parley::model::*;
use parley::policy::PolicyConfig;
use parley::store::{NewBusiness, NewTemplate};
use support::inbox::{demo, keys, open_chat, screen};

const HOSTILE: &str = "hi\u{1b}]0;PWNED\u{07} \u{1b}[2J\u{1b}[31mred\u{1b}[0m \u{202e}evil\u{202c} \u{9b}5n \u{1b}P+q\u{1b}\\ \u{200b}zero\u{2066}iso\u{2069} bell\u{07} end";

fn is_dangerous(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

fn assert_clean(text: &str) {
    assert!(
        !text.chars().any(is_dangerous),
        "dangerous character in {text:?}"
    );
    assert!(
        !text.contains("PWNED"),
        "an OSC payload was shown: {text:?}"
    );
}

#[test]
fn hostile_messages_and_names_are_drawn_harmlessly() {
    let (mut app, config) = demo("1d4h", 100, 30);
    let me = app.me();
    let now = app.state.clock;
    let policy = PolicyConfig::default();
    app.store_mut()
        .write(|tx| {
            let friend = tx.add_contact(me, &format!("Eve{HOSTILE}"))?;
            tx.receive_personal(me, friend, HOSTILE, now)?;
            let shady = tx.add_business(
                &NewBusiness {
                    name: &format!("Shady\u{1b}[5m{HOSTILE}"),
                    verified: false,
                    kind: BusinessKind::Shop,
                    budget: 0,
                },
                now,
            )?;
            let template = NewTemplate {
                business: shady,
                name: "note",
                category: Category::Utility,
                body: HOSTILE,
                allow_recategorise: true,
            };
            let (id, _) = tx.submit_template(&template, &policy, now)?;
            tx.update_relation(me, shady, |r| r.known = true)?;
            let attempt = parley::store::Attempt {
                business: shady,
                user: me,
                template: Some(id),
                params: vec![],
                text: None,
                broadcast: None,
                at: now,
            };
            tx.send(&attempt, &policy, &parley::policy::Pricing::default())?;
            Ok(())
        })
        .unwrap();
    keys(&mut app, &config, "esc");
    let inbox = screen(&app, &config);
    assert_clean(&inbox);
    assert!(inbox.contains("Eve"), "{inbox}");
    open_chat(
        &mut app,
        &config,
        &format!("Eve{}", text::clean_name(HOSTILE)),
    );
    let chat = screen(&app, &config);
    assert_clean(&chat);
    assert!(
        chat.contains("red") && chat.contains("evil") && chat.contains("end"),
        "the harmless text stays: {chat}"
    );
    keys(&mut app, &config, "esc 4");
    assert_clean(&screen(&app, &config));
    keys(&mut app, &config, "/ \"Shady\" enter w");
    assert_clean(&screen(&app, &config));
}

#[test]
fn a_business_message_cannot_pass_itself_off_as_the_users_own_in_the_chat_list() {
    let hostile = format!("{}You won a prize", parley::model::MINE_MARK);
    let cleaned = parley::model::text::clean_body(&hostile);
    assert!(
        !cleaned.starts_with(parley::model::MINE_MARK),
        "the mark of the user's own preview is a control character, which a body never keeps"
    );
}

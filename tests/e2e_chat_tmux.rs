//! End to end, reading an open chat: the real `parley` binary in tmux, keys sent as a user
//! types them. `/` finds text in the chat, accents aside, and `n` steps to the older hit; `y`
//! on a code writes exactly one OSC 52 sequence, carrying the code.

mod support;

use support::tmux::{DemoInbox, shell_quote};

/// The header of the highlighted message in the chat pane (the right one).
fn selected_line(text: &str) -> String {
    text.lines()
        .filter_map(|l| l.split_once("││").map(|(_, chat)| chat))
        .find_map(|chat| chat.split_once('▸').map(|(_, header)| header.to_string()))
        .unwrap_or_default()
}

#[test]
fn slash_energia_finds_energia_in_the_chat_and_n_goes_to_the_older_hit() {
    let parley = DemoInbox::start("find", None);
    parley.advance_to("Fri 27 Nov");
    parley.open("luz verde", "Luz Verde Energía");
    parley.press("/");
    parley.wait_text(&["Find in this chat:"]);
    parley.type_text("energia");
    parley.press("Enter");
    let shown = parley.wait_text(&["hit 1 of 2 for “energia”"]);
    assert!(
        selected_line(&shown).contains("Luz Verde Energía [Update] · Thu"),
        "the newest hit, the payment of Thursday, is highlighted:\n{shown}"
    );
    parley.press("n");
    let shown = parley.wait_text(&["hit 2 of 2 for “energia”"]);
    assert!(
        selected_line(&shown).contains("Luz Verde Energía [Update] · Wed"),
        "n goes to the older hit, the bill of Wednesday:\n{shown}"
    );
    parley.press("Escape");
    parley.wait_for("the find to clear", |s| !s.text.contains("hit 2 of 2"));
}

/// The payloads of the OSC 52 (clipboard) sequences in a stream of terminal output.
fn clipboard_writes(output: &[u8]) -> Vec<Vec<u8>> {
    let text = String::from_utf8_lossy(output);
    text.split("\u{1b}]52;")
        .skip(1)
        .map(|rest| {
            let end = rest.find(['\u{1b}', '\u{7}']).unwrap_or(rest.len());
            let (_, data) = rest[..end].split_once(';').expect("52;<where>;<data>");
            decode_base64(data)
        })
        .collect()
}

/// Standard base64, as OSC 52 carries it.
fn decode_base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.bytes().filter(|c| *c != b'=') {
        let value = ALPHABET.iter().position(|a| *a == c).expect("base64 text") as u32;
        bits = (bits << 6) | value;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    out
}

#[test]
fn y_on_the_banks_code_writes_one_osc52_with_just_the_code() {
    let parley = DemoInbox::start("copy", None);
    let capture = parley.dir.path().join("pane-output");
    let pipe = format!("cat >> {}", shell_quote(&capture.display().to_string()));
    parley.run(&["pipe-pane", "-o", "-t", "parley", &pipe]);
    parley.press("t");
    parley.wait_text(&["09:00"]);
    parley.open("banco", "Banco Claro");
    let shown = parley.wait_text(&["482 913 is your Banco Claro code"]);
    assert!(
        selected_line(&shown).contains("Banco Claro [Code]"),
        "the code is the selected message:\n{shown}"
    );
    parley.press("y");
    parley.wait_text(&["Copied the code 482913"]);
    let writes = support::poll("the clipboard write in the pane's output", || {
        let writes = clipboard_writes(&std::fs::read(&capture).unwrap_or_default());
        match writes.is_empty() {
            true => Err("no OSC 52 written yet".into()),
            false => Ok(writes),
        }
    });
    assert_eq!(
        writes,
        [b"482913".to_vec()],
        "exactly one copy, of the code alone"
    );
    parley.press("t");
    parley.wait_text(&["Clock moved to"]);
    let output = std::fs::read(&capture).unwrap();
    assert_eq!(
        clipboard_writes(&output).len(),
        1,
        "the next frames copy nothing"
    );
}

//! Untrusted text (business names, message bodies, assets, server replies) is cleaned here,
//! where it enters Parley, so that nothing that reaches the terminal can move the cursor,
//! change colours, set the title, hide text or reverse it.

use super::limits::{MAX_BODY_CHARS, MAX_NAME_CHARS};

const CUT_MARK: &str = "… [cut]";

/// Cleans a message body: escape sequences and control characters removed (newlines kept, tabs
/// turned into spaces), bidi and invisible characters removed, length bounded.
pub fn clean_body(text: &str) -> String {
    bound(strip(text, true), MAX_BODY_CHARS)
}

/// Cleans a one-line name: like [`clean_body`], newlines become spaces, length bounded.
pub fn clean_name(text: &str) -> String {
    let cleaned = strip(text, false);
    let trimmed = cleaned.trim();
    bound(trimmed.to_string(), MAX_NAME_CHARS)
}

/// Cleans text with a caller-chosen length bound, on one line.
pub fn clean_line(text: &str, max_chars: usize) -> String {
    bound(strip(text, false).trim().to_string(), max_chars)
}

/// Cleans text a command prints: like [`clean_body`], lines kept, with no length bound.
pub fn printable(text: &str) -> String {
    strip(text, true)
}

/// Makes JSON text inert for a terminal without changing what it says: every character that
/// cleaning would remove (they can only sit inside strings) is written as a `\uXXXX` escape.
pub fn printable_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c == '\n' || is_typeable(c) {
            out.push(c);
        } else {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

/// Cleans what the user types or pastes into a field: like [`clean_body`] without the length
/// bound, newlines kept only where the field has several lines.
pub fn clean_typed(text: &str, multiline: bool) -> String {
    strip(text, multiline)
}

/// Text as search compares it: Unicode case folding, accents and other marks dropped
/// ("LUCÍA" and "lucia" both give "lucia").
pub fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !is_mark(*c))
        .map(fold_char)
        .collect()
}

/// Where `query` occurs in `text`, case and accents aside: byte ranges of `text`.
pub fn find_folded(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let query: Vec<char> = fold(query.trim()).chars().collect();
    let folded: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| !is_mark(*c))
        .map(|(i, c)| (i, fold_char(c)))
        .collect();
    let mut found = Vec::new();
    let mut at = 0;
    while !query.is_empty() && at + query.len() <= folded.len() {
        let window = &folded[at..at + query.len()];
        if window.iter().map(|(_, c)| *c).eq(query.iter().copied()) {
            let end = folded.get(at + query.len()).map_or(text.len(), |(i, _)| *i);
            found.push(window[0].0..end);
            at += query.len();
        } else {
            at += 1;
        }
    }
    found
}

fn fold_char(c: char) -> char {
    nucleo_matcher::chars::to_lower_case(nucleo_matcher::chars::normalize(c))
}

/// Combining accents, as decomposed text writes them after their letter.
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

fn bound(text: String, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}{CUT_MARK}", &text[..cut]),
        None => text,
    }
}

/// Characters that change direction or hide themselves: removed from untrusted text.
fn is_invisible_or_bidi(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{206A}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}'
        | '\u{00AD}' | '\u{180E}'
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Text,
    /// Just after ESC.
    Escape,
    /// Inside a CSI sequence, until a final byte.
    Csi,
    /// Inside an OSC, DCS, SOS, PM or APC string, until BEL or ST.
    String,
    /// Inside a string, just after ESC (an ST is ESC \).
    StringEscape,
    /// After ESC and an intermediate byte (nF sequences), until a final byte.
    Intermediate,
}

/// Whether a character typed on its own would survive cleaning: what the keyboard may insert.
pub fn is_typeable(c: char) -> bool {
    !(c.is_control() || is_invisible_or_bidi(c))
}

fn strip(text: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(text.len());
    // The payload of an unterminated string: kept as text if the string never ends.
    let mut payload = String::new();
    let mut mode = Mode::Text;
    for c in text.chars() {
        let was_in_string = in_string(mode);
        mode = match mode {
            Mode::Text => text_char(c, keep_newlines, &mut out),
            Mode::Escape => match c {
                '[' => Mode::Csi,
                ']' | 'P' | 'X' | '^' | '_' => Mode::String,
                '!'..='/' => Mode::Intermediate,
                '0'..='~' => Mode::Text,
                _ => text_char(c, keep_newlines, &mut out),
            },
            Mode::Csi => match c {
                '\u{40}'..='\u{7E}' => Mode::Text,
                '\u{20}'..='\u{3F}' => Mode::Csi,
                _ => text_char(c, keep_newlines, &mut out),
            },
            Mode::Intermediate => match c {
                '!'..='/' => Mode::Intermediate,
                '0'..='~' => Mode::Text,
                _ => text_char(c, keep_newlines, &mut out),
            },
            Mode::String => match c {
                '\u{07}' | '\u{9C}' => Mode::Text,
                '\u{1B}' => Mode::StringEscape,
                _ => {
                    text_char(c, keep_newlines, &mut payload);
                    Mode::String
                }
            },
            Mode::StringEscape => match c {
                '\\' => Mode::Text,
                '\u{1B}' => Mode::StringEscape,
                _ => {
                    text_char(c, keep_newlines, &mut payload);
                    Mode::String
                }
            },
        };
        if in_string(mode) && !was_in_string {
            payload.clear();
        }
    }
    if in_string(mode) {
        out.push_str(&payload);
    }
    out
}

fn in_string(mode: Mode) -> bool {
    matches!(mode, Mode::String | Mode::StringEscape)
}

fn text_char(c: char, keep_newlines: bool, out: &mut String) -> Mode {
    match c {
        '\u{1B}' => return Mode::Escape,
        '\u{9B}' => return Mode::Csi,
        '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => return Mode::String,
        '\n' if keep_newlines => out.push('\n'),
        '\n' | '\t' => out.push(' '),
        '\r' => {}
        c if !is_typeable(c) => {}
        c => out.push(c),
    }
    Mode::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_inert(s: &str) {
        for c in s.chars() {
            assert!(
                c == '\n' || !(c.is_control() || is_invisible_or_bidi(c)),
                "{c:?} left in {s:?}"
            );
        }
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("LUCÍA"), "lucia");
        assert_eq!(fold("Energía Ñandú"), "energia nandu");
        assert_eq!(fold("lucia"), fold("Lucía"));
        assert_eq!(fold("Luci\u{301}a"), "lucia");
    }

    #[test]
    fn folded_matches_are_found_in_the_original_text() {
        let text = "La Energía de ENERGIA";
        let found: Vec<&str> = find_folded(text, "energia")
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, ["Energía", "ENERGIA"]);
        assert!(find_folded(text, " ").is_empty());
    }

    #[test]
    fn typed_text_keeps_letters_and_drops_controls_and_joiners() {
        assert_eq!(
            clean_typed("a\u{200D}b\u{202E}c\u{1b}[31md\te\r\nf", true),
            "abcd e\nf"
        );
        assert_eq!(clean_typed("one\ntwo", false), "one two");
        assert!(is_typeable('ñ') && !is_typeable('\u{200D}') && !is_typeable('\u{7}'));
    }

    #[test]
    fn csi_sequences_are_removed_whole() {
        let s = clean_body("a\u{1b}[31mred\u{1b}[0m b\u{1b}[2J\u{1b}[?1049h c\u{9b}1;2H d");
        assert_eq!(s, "ared b c d");
    }

    #[test]
    fn osc_and_dcs_strings_are_removed_with_their_payload() {
        let title = "x\u{1b}]0;pwned\u{07}y\u{1b}]8;;http://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\z";
        assert_eq!(clean_body(title), "xylinkz");
        assert_eq!(clean_body("a\u{1b}Pq#0;2;0;0;0\u{1b}\\b"), "ab");
        assert_eq!(clean_body("a\u{1b}_apc\u{9c}b\u{9d}osc\u{07}c"), "abc");
    }

    #[test]
    fn bidi_overrides_and_invisibles_are_removed() {
        let s = clean_body("pay\u{202E}gpj.exe\u{2066}x\u{2069}\u{200B}\u{FEFF}!");
        assert_eq!(s, "paygpj.exex!");
        assert_inert(&s);
    }

    #[test]
    fn names_lose_newlines_and_are_bounded() {
        assert_eq!(clean_name("  Quick\nCash\t Loans \r"), "Quick Cash  Loans");
        let long = "a".repeat(500);
        let n = clean_name(&long);
        assert!(n.starts_with(&"a".repeat(MAX_NAME_CHARS)));
        assert!(n.ends_with(CUT_MARK));
    }

    #[test]
    fn bodies_keep_lines_emoji_and_cjk() {
        assert_eq!(clean_body("hola 👋\n你好"), "hola 👋\n你好");
        let long = "é".repeat(MAX_BODY_CHARS + 10);
        assert_eq!(
            clean_body(&long).chars().count(),
            MAX_BODY_CHARS + CUT_MARK.chars().count()
        );
    }

    #[test]
    fn a_lone_escape_drops_itself_and_nothing_after_it() {
        assert_eq!(clean_body("x \u{1b} {{1}}"), "x  {{1}}");
        assert_eq!(clean_body("a\u{1b}\nb"), "a\nb");
        assert_eq!(clean_body("a\u{1b}éb"), "aéb");
        assert_eq!(clean_body("a\u{1b}( {{1}}"), "a {{1}}");
        assert_eq!(clean_body("a\u{1b}\u{1b}[1mb"), "ab");
    }

    #[test]
    fn an_unterminated_osc_or_dcs_keeps_the_text_after_it() {
        assert_eq!(clean_body("a\u{1b}]0;never ends"), "a0;never ends");
        assert_eq!(clean_body("a\u{1b}Pno end\nline two"), "ano end\nline two");
        assert_eq!(clean_body("a\u{9d}left \u{1b}open"), "aleft open");
        assert_eq!(clean_body("a\u{1b}]0;t\u{07}b\u{1b}]rest"), "abrest");
        assert_inert(&clean_body("a\u{1b}]x\u{202e}y\u{9b}z"));
    }

    #[test]
    fn printed_json_says_the_same_with_nothing_live() {
        let value = serde_json::json!({ "name": "a\u{1b}[2J\u{9b}\u{202e}b\u{1F600}" });
        let json = printable_json(&serde_json::to_string_pretty(&value).unwrap());
        assert_inert(&json);
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back, value);
        assert_eq!(printable("a\u{1b}[31mb\nc\u{202e}"), "ab\nc");
    }

    #[test]
    fn only_inert_characters_are_typeable() {
        for c in [
            '\u{200D}', '\u{202E}', '\u{2067}', '\u{1b}', '\u{9b}', '\u{7f}',
        ] {
            assert!(!is_typeable(c), "{c:?}");
        }
        for c in ['a', 'é', '你', '👋', ' '] {
            assert!(is_typeable(c), "{c:?}");
        }
    }

    #[test]
    fn unterminated_sequences_swallow_nothing_after_the_string_ends() {
        assert_eq!(clean_body("a\u{1b}"), "a");
        assert_eq!(clean_body("a\u{1b}(Bb"), "ab");
        assert_eq!(clean_body("a\u{1b}7b\u{1b}8c"), "abc");
    }
}

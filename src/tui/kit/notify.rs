//! Alerts outside the frame: the terminal's bell, or a desktop notification (OSC 9).

use std::io::{Write, stdout};

code_enum!(
    /// How new delivered messages are announced.
    Notifications {
        Bell = "bell",
        Desktop = "desktop",
        Off = "off",
    }
);

/// A view's latest alert: how many there were so far (the terminal rings when it grows),
/// how to announce it, and what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alert<'a> {
    pub count: u64,
    pub how: Notifications,
    pub text: Option<&'a str>,
}

/// Rings the bell, or asks the terminal for a desktop notification.
pub fn ring(alert: &Alert) {
    let mut out = stdout();
    match alert.how {
        Notifications::Bell => {
            let _ = out.write_all(b"\x07");
        }
        Notifications::Desktop => {
            let text = alert
                .text
                .map_or_else(|| tr!("kit-notify-new-message"), str::to_string);
            let text = crate::model::text::clean_line(&text, 120);
            let _ = write!(out, "\x1b]9;{}\x07", tr!("kit-notify-desktop", text = text));
        }
        Notifications::Off => {}
    }
    let _ = out.flush();
}

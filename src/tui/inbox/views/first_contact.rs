//! The first message from a business the user never talked to opens with a choice:
//! continue, block, or report.

use super::super::state::Dialog;
use super::super::state::FIRST_CONTACT_CHOICES;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{centered, draw_box, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draws the first-contact dialog.
pub fn draw(frame: &mut Frame, dialog: &Dialog, theme: &Theme, area: Rect) {
    let Dialog::FirstContact {
        name,
        verified,
        selected,
        ..
    } = dialog
    else {
        return;
    };
    let w = area.width.clamp(20, 60);
    let cells = (w as usize).saturating_sub(2);
    let text = if *verified {
        tr!("inbox-first-contact-verified", name = name)
    } else {
        tr!("inbox-first-contact-unverified", name = name)
    };
    let mut lines: Vec<Line> = wrap(&text, cells).into_iter().map(Line::from).collect();
    lines.push(Line::raw(""));
    let choices: Vec<Span> = FIRST_CONTACT_CHOICES
        .iter()
        .enumerate()
        .flat_map(|(i, id)| {
            let label = crate::i18n::text(id, None);
            let style = if i == *selected {
                theme.get("selected")
            } else {
                theme.get("key")
            };
            [Span::styled(format!("[ {label} ]"), style), Span::raw("  ")]
        })
        .collect();
    lines.push(Line::from(choices));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        tr!("inbox-first-contact-keys"),
        theme.get("dim"),
    )));
    let h = (lines.len() as u16 + 2).min(area.height);
    let rect = centered(area, w, h);
    let top = area.y + u16::from(area.height > h + 1);
    let rect = Rect::new(rect.x, top, rect.width, rect.height);
    let title = format!(" {} ", tr!("inbox-first-contact-title", name = name));
    draw_box(frame, rect, title, lines, theme);
}

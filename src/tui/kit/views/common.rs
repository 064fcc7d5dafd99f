//! Pieces shared by the screens: wrapping and cutting text by cell width, badges, boxes.

use super::super::theme::Theme;
use crate::i18n::{self, Label};
use crate::model::text::find_folded;
use crate::model::{Category, Timestamp};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The width of text in terminal cells.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Cuts text to at most `max` cells, ending with "…" when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Pads text with spaces to exactly `cells` cells (cutting it if longer).
pub fn pad(text: &str, cells: usize) -> String {
    let cut = truncate(text, cells);
    let fill = cells.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(fill))
}

/// Wraps text into lines of at most `max` cells: at spaces where possible, inside words that
/// are too long; existing line breaks are kept.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in paragraph.split(' ') {
            let w = width(word);
            let gap = usize::from(!line.is_empty());
            if used + gap + w <= max {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                used += gap + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > max {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        }
        lines.push(line);
    }
    lines
}

/// A dim, wrapped hint in `area`: what an empty list or pane is for, and how to fill it.
pub fn draw_hint(frame: &mut Frame, text: &str, theme: &Theme, area: Rect) {
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .style(theme.get("dim")),
        area,
    );
}

/// A list of `count` rows of `height` lines each in `area`, scrolled so that row `selected`
/// shows, and highlighted; `row(i, selected)` gives the lines of row `i`.
pub fn draw_rows(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    (count, selected, height): (usize, usize, u16),
    row: impl Fn(usize, bool) -> Vec<Line<'static>>,
) {
    let rows = usize::from((area.height / height).max(1));
    let offset = selected.saturating_sub(rows - 1);
    for i in (offset..count).take(rows) {
        let y = area.y + (i - offset) as u16 * height;
        if y + height > area.y + area.height {
            break;
        }
        let style = match i == selected {
            true => theme.get("selected"),
            false => Style::default(),
        };
        frame.render_widget(
            Paragraph::new(row(i, i == selected)).style(style),
            Rect::new(area.x, y, area.width, height),
        );
    }
}

/// A bordered box; the border is highlighted when it has the focus.
pub fn pane<'a>(
    title: impl Into<ratatui::text::Line<'a>>,
    focused: bool,
    theme: &Theme,
) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.get(if focused { "border_focus" } else { "border" }))
        .title(title)
}

/// The business badge: words, so it does not depend on colour.
pub fn business_badge(theme: &Theme) -> Span<'static> {
    Span::styled(tr!("kit-badge-business"), theme.get("business"))
}

/// The short business mark for list rows.
pub fn business_mark(theme: &Theme) -> Span<'static> {
    Span::styled(tr!("kit-mark-business"), theme.get("business"))
}

/// The verified mark.
pub fn verified_mark(theme: &Theme) -> Span<'static> {
    Span::styled(tr!("kit-mark-verified"), theme.get("verified"))
}

/// The tag of a business message's category: "[Offer]", "[Update]"...
pub fn category_tag(category: Category, theme: &Theme) -> Span<'static> {
    let style = match category {
        Category::Marketing => "offer",
        Category::Utility => "update",
        Category::Authentication => "code",
        Category::Service => "reply",
    };
    Span::styled(format!("[{}]", category.text()), theme.get(style))
}

/// "09:41" today, "Mon" within a week, "23 Nov" before: for lists.
pub fn when(at: Option<Timestamp>, now: Timestamp) -> String {
    let Some(at) = at else { return String::new() };
    if at.day_number() == now.day_number() {
        at.clock()
    } else if now.day_number() - at.day_number() < 7 && at <= now {
        i18n::weekday(at)
    } else {
        i18n::short_date(at)
    }
}

/// "09:41" today, "Mon 09:41" within a week, "23 Nov 09:41" before: for messages.
pub fn when_exact(at: Timestamp, now: Timestamp) -> String {
    if at.day_number() == now.day_number() {
        at.clock()
    } else if now.day_number() - at.day_number() < 7 && at <= now {
        format!("{} {}", i18n::weekday(at), at.clock())
    } else {
        i18n::date_time(at)
    }
}

/// The clock of a status bar, at one width whatever the day of the month, so the rest of the
/// bar keeps its place when the 9th turns into the 10th.
pub fn status_clock(at: Timestamp) -> String {
    format!("{:>16}", i18n::day_time(at))
}

/// A rectangle of `w` by `h` cells centred in `area` (clipped to it).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Draws a dialog box of at most `max_width` cells, as tall as its lines, centred over `area`.
pub fn draw_dialog(
    frame: &mut ratatui::Frame,
    area: Rect,
    max_width: u16,
    title: String,
    lines: Vec<ratatui::text::Line>,
    theme: &Theme,
) {
    let w = area.width.clamp(20, max_width.max(20));
    let h = (lines.len() as u16 + 2).min(area.height);
    draw_box(frame, centered(area, w, h), title, lines, theme);
}

/// Draws a bordered box over whatever is below it, with its lines inside.
pub fn draw_box(
    frame: &mut ratatui::Frame,
    rect: Rect,
    title: String,
    lines: Vec<ratatui::text::Line>,
    theme: &Theme,
) {
    frame.render_widget(ratatui::widgets::Clear, rect);
    let block = pane(title, true, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(ratatui::widgets::Paragraph::new(lines), inner);
    mend_wide_edges(frame.buffer_mut(), rect);
}

/// A wide character (CJK, emoji) cut by a box's edge would spill over the border: the half
/// outside the box becomes a space.
fn mend_wide_edges(buffer: &mut ratatui::buffer::Buffer, rect: Rect) {
    let area = buffer.area;
    for y in rect.top()..rect.bottom().min(area.bottom()) {
        if rect.x > area.x {
            let left = &mut buffer[(rect.x - 1, y)];
            if width(left.symbol()) > 1 {
                left.set_symbol(" ");
            }
        }
        if rect.right() < area.right() {
            let right = &mut buffer[(rect.right(), y)];
            if right.symbol().is_empty() {
                right.set_symbol(" ");
            }
        }
    }
}

/// A list of choices, one marked "(•)", the highlighted one in the selected style.
pub fn radio<'a>(
    labels: impl IntoIterator<Item = &'a str>,
    selected: usize,
    theme: &Theme,
) -> Vec<ratatui::text::Line<'static>> {
    labels
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let line = ratatui::text::Line::from(format!(
                "{} {label}",
                if i == selected { "(•)" } else { "( )" }
            ));
            if i == selected {
                line.style(theme.get("selected"))
            } else {
                line
            }
        })
        .collect()
}

/// The inner width of a dialog of at most `max_width` cells over `area`.
pub fn dialog_width(area: Rect, max_width: u16) -> usize {
    usize::from(area.width.clamp(20, max_width.max(20)).min(area.width)).saturating_sub(2)
}

/// A style for a span of text that matches a search.
pub fn highlight(theme: &Theme) -> Style {
    theme.get("highlight")
}

/// Splits text into spans with every match of the query highlighted (case and accents
/// aside).
pub fn highlighted(text: &str, query: &str, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for found in find_folded(text, query) {
        spans.push(Span::raw(text[at..found.start].to_string()));
        spans.push(Span::styled(
            text[found.clone()].to_string(),
            highlight(theme),
        ));
        at = found.end;
    }
    spans.push(Span::raw(text[at..].to_string()));
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_counts_cells_not_bytes() {
        assert_eq!(wrap("hola qué tal", 6), vec!["hola", "qué", "tal"]);
        assert_eq!(wrap("你好世界你好", 4), vec!["你好", "世界", "你好"]);
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        for line in wrap("🚌🚌🚌 emoji 🎾 wrap test with 你好 mixed", 7) {
            assert!(width(&line) <= 7, "{line:?}");
        }
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("Moda Lola", 20), "Moda Lola");
        assert_eq!(truncate("Luz Verde Energía", 8), "Luz Ver…");
        assert_eq!(width(&truncate("你好世界", 5)), 5);
        assert_eq!(pad("ab", 4), "ab  ");
    }
}

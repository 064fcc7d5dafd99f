//! Help: groups of keys and what they do, drawn from an app's commands and the keymap.

use super::super::commands::HelpGroup;
use super::super::theme::Theme;
use super::common::{pad, pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// How many lines help takes for these groups: each group's title, its rows, a blank line.
pub fn line_count(groups: &[HelpGroup]) -> usize {
    groups.iter().map(|(_, rows)| rows.len() + 2).sum()
}

/// The furthest help of `lines` lines scrolls in a pane `height` rows high (borders
/// included): its last line at the bottom.
pub fn max_scroll(lines: usize, height: u16) -> u16 {
    let shown = usize::from(height.saturating_sub(2));
    u16::try_from(lines.saturating_sub(shown)).unwrap_or(u16::MAX)
}

/// Draws groups of keys and what they do, scrolled by `scroll` lines, with a mark on the
/// border where there is more above or below.
pub fn draw_groups(
    frame: &mut Frame,
    groups: Vec<HelpGroup>,
    scroll: u16,
    theme: &Theme,
    area: Rect,
) {
    frame.render_widget(ratatui::widgets::Clear, area);
    let max = max_scroll(line_count(&groups), area.height);
    let scroll = scroll.min(max);
    let mut block = pane(format!(" {} ", tr!("kit-help-title")), true, theme);
    if scroll > 0 {
        block =
            block.title(Line::from(format!(" ↑ {} ", tr!("kit-help-more-above"))).right_aligned());
    }
    if scroll < max {
        block = block.title_bottom(
            Line::from(format!(" ↓ {} ", tr!("kit-help-more-below"))).right_aligned(),
        );
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = Vec::new();
    for (title, rows) in groups {
        lines.push(Line::from(Span::styled(title, theme.get("title"))));
        for (keys, label) in rows {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", pad(&keys, 18)), theme.get("key")),
                Span::raw(label),
            ]));
        }
        lines.push(Line::raw(""));
    }
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

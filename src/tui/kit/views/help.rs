//! Help: groups of keys and what they do, drawn from an app's commands and the keymap.

use super::super::commands::HelpGroup;
use super::super::theme::Theme;
use super::common::{pad, pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws groups of keys and what they do, scrolled by `scroll` lines.
pub fn draw_groups(
    frame: &mut Frame,
    groups: Vec<HelpGroup>,
    scroll: u16,
    theme: &Theme,
    area: Rect,
) {
    frame.render_widget(ratatui::widgets::Clear, area);
    let block = pane(
        " Keys (change them in config.toml under [keys.<mode>]) ",
        true,
        theme,
    );
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
    let max_scroll = lines.len().saturating_sub(inner.height as usize) as u16;
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll.min(max_scroll), 0)),
        inner,
    );
}

//! The `:` command line over the footer, and its completions above it.

use super::super::state::CommandLine;
use crate::tui::kit::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// The most completions listed at once.
const MAX_LISTED: usize = 10;

/// Draws the prompt in `footer` and the completions over the bottom of `main`.
pub fn draw(frame: &mut Frame, line: &CommandLine, theme: &Theme, main: Rect, footer: Rect) {
    frame.render_widget(Clear, footer);
    frame.render_widget(
        Paragraph::new(Span::styled(":", theme.get("key"))),
        Rect::new(footer.x, footer.y, 1, 1),
    );
    if footer.width > 1 {
        frame.render_widget(
            &line.field.field(),
            Rect::new(footer.x + 1, footer.y, footer.width - 1, 1),
        );
    }
    draw_completions(frame, line, theme, main);
}

fn draw_completions(frame: &mut Frame, line: &CommandLine, theme: &Theme, main: Rect) {
    let shown = line
        .completions
        .len()
        .min(MAX_LISTED)
        .min(usize::from(main.height));
    if shown == 0 {
        return;
    }
    let first = line.selected.map_or(0, |s| (s + 1).saturating_sub(shown));
    let name_cells = line
        .completions
        .iter()
        .map(|(name, _)| name.len())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = line
        .completions
        .iter()
        .enumerate()
        .skip(first)
        .take(shown)
        .map(|(i, (name, label))| {
            let text = format!(" {name:<name_cells$}  {} ", crate::i18n::text(label, None));
            let style = if line.selected == Some(i) {
                theme.get("selected")
            } else {
                theme.get("text")
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    let more = line.completions.len() - shown;
    if more > 0 && shown < usize::from(main.height) {
        lines.push(Line::from(Span::styled(
            format!(" … {} ", tr!("inbox-command-more", count = more)),
            theme.get("dim"),
        )));
    }
    let cells = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
    let rows = lines.len() as u16;
    let area = Rect::new(
        main.x,
        main.y + main.height - rows,
        cells.min(main.width),
        rows,
    );
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines), area);
}

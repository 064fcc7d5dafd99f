//! The composer under an open chat: a rule with the length counter near the limit, then the
//! message, wrapped, as many lines as it has up to a few.

use super::super::state::{Composer, UiState};
use crate::model::limits::MAX_BODY_CHARS;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::width;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The most lines the message takes on screen; longer messages scroll inside them.
const MAX_ROWS: usize = 6;
/// The counter shows from this many characters on.
const COUNTER_FROM: usize = MAX_BODY_CHARS * 9 / 10;
const PROMPT: &str = "> ";

/// How many rows the composer needs at this width (none when closed).
pub fn height(state: &UiState, cells: u16) -> u16 {
    let Some(c) = &state.composer else {
        return 0;
    };
    let room = usize::from(cells).saturating_sub(PROMPT.len()).max(1);
    let rows: usize = c
        .lines
        .iter()
        .map(|line| width(line).div_ceil(room).max(1))
        .sum();
    1 + rows.min(MAX_ROWS) as u16
}

/// Draws the composer in `area`: the rule, the prompt, the editor.
pub fn draw(frame: &mut Frame, composer: &Composer, theme: &Theme, area: Rect) {
    if area.height == 0 {
        return;
    }
    let cells = usize::from(area.width);
    frame.render_widget(
        Paragraph::new(rule(composer.chars(), cells, theme)),
        Rect::new(area.x, area.y, area.width, 1),
    );
    let prompt = PROMPT.len() as u16;
    if area.height < 2 || area.width <= prompt {
        return;
    }
    let rows = area.height - 1;
    frame.render_widget(
        Paragraph::new(Span::styled(PROMPT, theme.get("key"))),
        Rect::new(area.x, area.y + 1, prompt, 1),
    );
    frame.render_widget(
        &composer.field(),
        Rect::new(area.x + prompt, area.y + 1, area.width - prompt, rows),
    );
}

/// The rule over the message, ending in "3 712 / 4 096" once the message nears the limit.
fn rule(chars: usize, cells: usize, theme: &Theme) -> Line<'static> {
    if chars < COUNTER_FROM {
        return Line::from(Span::styled("─".repeat(cells), theme.get("border_focus")));
    }
    let counter = format!(" {chars} / {MAX_BODY_CHARS} ");
    let style = if chars > MAX_BODY_CHARS {
        theme.get("error")
    } else {
        theme.get("notice")
    };
    Line::from(vec![
        Span::styled(
            "─".repeat(cells.saturating_sub(width(&counter) + 1)),
            theme.get("border_focus"),
        ),
        Span::styled(counter, style),
        Span::styled("─", theme.get("border_focus")),
    ])
}

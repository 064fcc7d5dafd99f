//! A business's profile: who it is, your subscription, what it sent you and what the rules
//! did with it, the restrictions in force, and the controls.

use super::super::state::UiState;
use crate::model::Outcome;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{business_badge, pane, verified_mark, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the profile screen.
pub fn draw(frame: &mut Frame, state: &UiState, theme: &Theme, area: Rect) {
    let Some(p) = &state.profile else { return };
    let b = &p.card.business;
    let block = pane(
        Line::from(vec![Span::styled(
            format!(" {} ", b.name),
            theme.get("title"),
        )]),
        true,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cells = inner.width as usize;
    let mut badge = vec![business_badge(theme), Span::raw(" ")];
    if b.verified {
        badge.push(verified_mark(theme));
    } else {
        badge.push(Span::styled("not verified", theme.get("dim")));
    }
    badge.push(Span::raw(format!(" · {}", b.kind.label())));
    let rel = &p.card.relation;
    let mut lines = vec![Line::from(badge), Line::raw("")];
    lines.extend(field("Your offers", &p.card.offers, theme, cells));
    let blocked = rel.blocked.map_or("no".to_string(), |r| {
        format!(
            "yes ({}), since {}",
            r.label(),
            rel.blocked_at.map(|t| t.short_date()).unwrap_or_default()
        )
    });
    lines.extend(field("Blocked", &blocked, theme, cells));
    let reported = p.card.reported.map_or("no".to_string(), |(at, reason)| {
        format!("yes ({}), on {}", reason.label(), at.date_time())
    });
    lines.extend(field("Reported", &reported, theme, cells));
    lines.extend([
        Line::raw(""),
        Line::from(Span::styled("What it sent you", theme.get("title"))),
    ]);
    if p.sent.is_empty() {
        lines.push(Line::from(Span::styled("  nothing yet", theme.get("dim"))));
    }
    for (category, outcome, n) in &p.sent {
        let style = match outcome {
            Outcome::Deliver => "delivered",
            Outcome::Hold => "held",
            Outcome::Reject => "rejected",
        };
        lines.push(Line::from(vec![
            Span::raw(format!("  {:<15}", category.to_string())),
            Span::styled(
                format!("{:>4} {}", n, outcome.label().to_lowercase()),
                theme.get(style),
            ),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        "Restrictions in force",
        theme.get("title"),
    )));
    if p.card.restrictions.is_empty() {
        lines.push(Line::from(Span::styled("  none", theme.get("dim"))));
    }
    for r in &p.card.restrictions {
        for part in wrap(&format!("⚠ {r}"), cells.saturating_sub(2)) {
            lines.push(Line::from(Span::styled(
                format!("  {part}"),
                theme.get("rejected"),
            )));
        }
    }
    if !p.rejected.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            "Latest rejected attempts",
            theme.get("title"),
        )));
        for (at, category, sentence) in &p.rejected {
            let text = format!("{} {category}: {sentence}", at.date_time());
            for part in wrap(&text, cells.saturating_sub(2)) {
                lines.push(Line::from(Span::styled(
                    format!("  {part}"),
                    theme.get("dim"),
                )));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A labelled value, wrapped under its label when it is long.
fn field(label: &str, value: &str, theme: &Theme, cells: usize) -> Vec<Line<'static>> {
    const LABEL: usize = 13;
    wrap(value, cells.saturating_sub(LABEL))
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let label = if i == 0 { label } else { "" };
            Line::from(vec![
                Span::styled(format!("{label:<LABEL$}"), theme.get("dim")),
                Span::raw(part),
            ])
        })
        .collect()
}

//! A business's profile: who it is, your subscription, what it sent you and what the rules
//! did with it, the restrictions in force, and the controls.

use super::super::state::UiState;
use crate::i18n::date_time;
use crate::i18n::{self, Label};
use crate::model::Outcome;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{business_badge, pad, pane, verified_mark, wrap};
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
        badge.push(Span::styled(
            tr!("inbox-profile-not-verified"),
            theme.get("dim"),
        ));
    }
    badge.push(Span::raw(format!(" · {}", b.kind.text())));
    let rel = &p.card.relation;
    let mut lines = vec![Line::from(badge), Line::raw("")];
    let offers = tr!("inbox-profile-offers");
    lines.extend(field(&offers, &p.card.offers, theme, cells));
    let blocked = rel.blocked.map_or_else(
        || tr!("inbox-profile-no"),
        |r| {
            let since = rel.blocked_at.map(i18n::short_date).unwrap_or_default();
            tr!(
                "inbox-profile-blocked-since",
                reason = r.text(),
                date = since
            )
        },
    );
    lines.extend(field(&tr!("inbox-profile-blocked"), &blocked, theme, cells));
    let reported = p.card.reported.map_or_else(
        || tr!("inbox-profile-no"),
        |(at, reason)| {
            let on = date_time(at);
            tr!(
                "inbox-profile-reported-on",
                reason = reason.text(),
                date = on
            )
        },
    );
    lines.extend(field(
        &tr!("inbox-profile-reported"),
        &reported,
        theme,
        cells,
    ));
    lines.extend([
        Line::raw(""),
        Line::from(Span::styled(tr!("inbox-profile-sent"), theme.get("title"))),
    ]);
    if p.sent.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", tr!("inbox-profile-nothing-yet")),
            theme.get("dim"),
        )));
    }
    for (category, outcome, n) in &p.sent {
        let style = match outcome {
            Outcome::Deliver => "delivered",
            Outcome::Hold => "held",
            Outcome::Reject => "rejected",
        };
        lines.push(Line::from(vec![
            Span::raw(format!("  {:<15}", category.text())),
            Span::styled(
                format!(
                    "{:>4} {}",
                    n,
                    tr!(
                        "inbox-profile-outcome",
                        outcome = outcome.as_str(),
                        count = *n
                    )
                ),
                theme.get(style),
            ),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        tr!("inbox-profile-restrictions"),
        theme.get("title"),
    )));
    if p.card.restrictions.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", tr!("inbox-profile-none")),
            theme.get("dim"),
        )));
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
            tr!("inbox-profile-rejected"),
            theme.get("title"),
        )));
        for (at, category, sentence) in &p.rejected {
            let text = format!("{} {category}: {sentence}", date_time(*at));
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
                Span::styled(pad(label, LABEL), theme.get("dim")),
                Span::raw(part),
            ])
        })
        .collect()
}

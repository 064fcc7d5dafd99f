//! Standing: quality with the signals behind it, the messaging tier and how much of it is
//! used, strikes in the strike window, the timeline of restrictions, and what the business
//! must do to recover.

use super::super::source::StandingReport;
use super::super::state::{ConsoleState, StandingView};
use crate::i18n::date_time;
use crate::i18n::{Label, percent};
use crate::model::*;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{pane, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Cells of the bar that shows how much of the tier is used.
const USE_BAR: usize = 20;

/// Draws the Standing screen.
pub fn draw(frame: &mut Frame, state: &ConsoleState, theme: &Theme, area: Rect) {
    let block = pane(format!(" {} ", tr!("console-standing-title")), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(view) = &state.standing else {
        return;
    };
    let cells = usize::from(inner.width).max(1);
    let lines = lines(view, state.clock, cells, theme);
    let max_scroll = lines.len().saturating_sub(usize::from(inner.height)) as u16;
    frame.render_widget(
        Paragraph::new(lines).scroll((view.scroll.min(max_scroll), 0)),
        inner,
    );
}

fn lines(view: &StandingView, now: Timestamp, cells: usize, theme: &Theme) -> Vec<Line<'static>> {
    let r = &view.report;
    let mut out = Vec::new();
    quality_lines(r, cells, theme, &mut out);
    tier_lines(r, now, cells, theme, &mut out);
    restriction_lines(r, now, cells, theme, &mut out);
    strike_lines(r, cells, theme, &mut out);
    heading(&tr!("console-standing-recover"), theme, &mut out);
    for advice in &view.recovery {
        add_wrapped(&format!("• {advice}"), cells, theme.get("text"), &mut out);
    }
    out
}

fn heading(text: &str, theme: &Theme, out: &mut Vec<Line<'static>>) {
    out.push(Line::from(Span::styled(
        text.to_string(),
        theme.get("title"),
    )));
}

/// Wraps `text` two cells in, continuation lines four cells in.
fn add_wrapped(text: &str, cells: usize, style: Style, out: &mut Vec<Line<'static>>) {
    add_indented(text, 2, cells, style, out);
}

/// Wraps `text` `indent` cells in, continuation lines two cells further.
fn add_indented(
    text: &str,
    indent: usize,
    cells: usize,
    style: Style,
    out: &mut Vec<Line<'static>>,
) {
    let room = cells.saturating_sub(indent + 2).max(1);
    for (i, part) in wrap(text, room).into_iter().enumerate() {
        let pad = " ".repeat(if i == 0 { indent } else { indent + 2 });
        out.push(Line::from(Span::styled(format!("{pad}{part}"), style)));
    }
}

/// A field's name padded so that what follows it lines up.
fn field(name: String) -> String {
    format!("{name:<8} ")
}

fn quality_style(q: Quality, theme: &Theme) -> Style {
    theme.get(match q {
        Quality::High => "delivered",
        Quality::Medium => "held",
        Quality::Low => "rejected",
    })
}

fn quality_lines(r: &StandingReport, cells: usize, theme: &Theme, out: &mut Vec<Line<'static>>) {
    let q = r.business.quality;
    let read = r.read_rate.map_or("-".to_string(), |x| percent(x * 100.0));
    out.push(Line::from(vec![
        Span::styled(field(tr!("console-standing-quality")), theme.get("title")),
        Span::styled(q.text(), quality_style(q, theme)),
        Span::styled(
            format!("   {}", tr!("console-standing-read-rate", rate = read)),
            theme.get("dim"),
        ),
    ]));
    let s = &r.signals;
    let signals = tr!(
        "console-standing-signals",
        days = r.window_days,
        reports = s.reports,
        blocks = s.blocks,
        not_interested = s.not_interested,
        reached = s.users_reached,
        enough = if r.enough_recent_data { "yes" } else { "no" },
    );
    add_wrapped(&signals, cells, theme.get("text"), out);
}

fn tier_lines(
    r: &StandingReport,
    now: Timestamp,
    cells: usize,
    theme: &Theme,
    out: &mut Vec<Line<'static>>,
) {
    let base = r
        .tier_limit
        .map_or(tr!("console-standing-tier-unlimited"), |l| {
            tr!("console-standing-tier-limit", people = l)
        });
    let lowered = match (r.standing.tier_limit, r.tier_limit) {
        (Some(now_limit), base_limit) if Some(now_limit) != base_limit => {
            let until = r
                .restrictions
                .iter()
                .filter(|x| x.kind == RestrictionKind::TierLowered && x.active_at(now))
                .filter_map(|x| x.end)
                .max()
                .map(|e| {
                    format!(
                        " {}",
                        tr!("console-standing-tier-until", until = date_time(e))
                    )
                })
                .unwrap_or_default();
            tr!(
                "console-standing-tier-lowered",
                limit = now_limit,
                until = until
            )
        }
        _ => String::new(),
    };
    out.push(Line::from(vec![
        Span::styled(field(tr!("console-standing-tier")), theme.get("title")),
        Span::raw(format!("{base}{lowered}")),
    ]));
    let used = match r.standing.tier_limit {
        Some(limit) => {
            let ratio = f64::from(r.reached) / f64::from(limit.max(1));
            let filled = ((ratio.min(1.0) * USE_BAR as f64).round()) as usize;
            let bar = format!("{}{}", "█".repeat(filled), "░".repeat(USE_BAR - filled));
            tr!(
                "console-standing-tier-used",
                reached = r.reached,
                limit = limit,
                bar = bar,
                percent = percent(ratio * 100.0)
            )
        }
        None => tr!("console-standing-reached", people = r.reached),
    };
    add_wrapped(&used, cells, theme.get("text"), out);
    if r.standing
        .tier_limit
        .is_some_and(|limit| r.reached >= limit)
    {
        add_wrapped(
            &tr!("console-standing-at-limit"),
            cells,
            theme.get("held"),
            out,
        );
    }
}

fn strike_lines(r: &StandingReport, cells: usize, theme: &Theme, out: &mut Vec<Line<'static>>) {
    out.push(Line::from(vec![
        Span::styled(field(tr!("console-standing-strikes")), theme.get("title")),
        Span::raw(tr!(
            "console-standing-strike-count",
            count = r.strikes.len()
        )),
    ]));
    for s in &r.strikes {
        add_wrapped(
            &format!("{}  {}", date_time(s.at), crate::i18n::sentences::strike(s)),
            cells,
            theme.get("dim"),
            out,
        );
    }
}

fn restriction_lines(
    r: &StandingReport,
    now: Timestamp,
    cells: usize,
    theme: &Theme,
    out: &mut Vec<Line<'static>>,
) {
    heading(&tr!("console-standing-restrictions"), theme, out);
    if r.restrictions.is_empty() {
        let none = format!("  {}", tr!("console-standing-none"));
        out.push(Line::from(Span::styled(none, theme.get("dim"))));
    }
    for x in &r.restrictions {
        let end = match x.end {
            Some(e) if e == x.start => tr!("console-standing-notice"),
            Some(e) => date_time(e),
            None => tr!("console-standing-until-reviewed"),
        };
        let (mark, style) = match (x.kind, x.current_at(now)) {
            (RestrictionKind::Warning, true) => (tr!("console-standing-shown"), theme.get("held")),
            (_, true) => (tr!("console-standing-in-force"), theme.get("rejected")),
            (_, false) => (tr!("console-standing-over"), theme.get("dim")),
        };
        let head = format!(
            "{} → {}  {}  {mark}",
            date_time(x.start),
            end,
            x.kind.text()
        );
        add_wrapped(&head, cells, style, out);
        let reason = crate::i18n::sentences::restriction_reason(x);
        add_indented(&reason, 4, cells, theme.get("dim"), out);
    }
}

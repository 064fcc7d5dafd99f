//! Metrics: per business, template and broadcast, the store's figures (sent, delivered, held,
//! rejected by reason, read and read rate, feedback, blocks and reports that followed,
//! credits), a bar chart of delivered and read per day, and quality over time.

use super::super::source::QualityPoint;
use super::super::state::{ConsoleState, MetricsView};
use super::super::state::{DayFigures, MetricScope};
use crate::i18n::{Label, credits, number, percent};
use crate::model::{Quality, Timestamp};
use crate::policy::Metrics;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{pad, pane, truncate, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Sparkline};

/// Fewest columns per day in the charts: delivered, read, a gap.
const DAY_COLUMNS: u16 = 3;
/// Widest bar, in columns.
const MAX_BAR: u16 = 4;
/// Columns left of the charts, for their scales.
const AXIS: u16 = 6;
/// Fewest days the charts show.
const MIN_DAYS: usize = 7;

/// Draws the Metrics screen.
pub fn draw(frame: &mut Frame, state: &ConsoleState, theme: &Theme, area: Rect) {
    let view = &state.metrics;
    let detail = if area.width >= 80 {
        let w = (area.width * 32 / 100).clamp(26, 36);
        draw_scopes(frame, view, theme, Rect { width: w, ..area });
        Rect::new(area.x + w, area.y, area.width - w, area.height)
    } else {
        area
    };
    draw_detail(frame, state, theme, detail);
}

fn draw_scopes(frame: &mut Frame, view: &MetricsView, theme: &Theme, area: Rect) {
    let block = pane(
        format!(" {} ", tr!("console-metrics-figures-for")),
        true,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cells = usize::from(inner.width);
    let mut lines = Vec::new();
    let mut section = Some(Section::Business);
    for (i, row) in view.scopes.iter().enumerate() {
        let heading = match row.scope {
            MetricScope::Business(_) => Section::Business,
            MetricScope::Template(_) => Section::Templates,
            MetricScope::Broadcast(_) => Section::Broadcasts,
        };
        if section != Some(heading) {
            lines.push(Line::from(Span::styled(
                heading.title(),
                theme.get("title"),
            )));
            section = Some(heading);
        }
        let selected = i == view.selected;
        let text = pad(
            &format!("{} {}", if selected { "▸" } else { " " }, row.label),
            cells,
        );
        let style = if selected {
            theme.get("selected")
        } else {
            Style::default()
        };
        lines.push(Line::from(Span::styled(truncate(&text, cells), style)));
    }
    if section != Some(Section::Broadcasts) {
        lines.push(Line::from(Span::styled(
            Section::Broadcasts.title(),
            theme.get("title"),
        )));
        let none = format!("  {}", tr!("console-metrics-none-yet"));
        lines.push(Line::from(Span::styled(none, theme.get("dim"))));
    }
    let selected_line = view.selected + 1 + usize::from(view.selected > 0);
    let scroll = selected_line.saturating_sub(usize::from(inner.height).saturating_sub(1));
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), inner);
}

/// The headings of the list of figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Business,
    Templates,
    Broadcasts,
}

impl Section {
    fn title(self) -> String {
        match self {
            Section::Business => String::new(),
            Section::Templates => tr!("console-metrics-templates"),
            Section::Broadcasts => tr!("console-metrics-broadcasts"),
        }
    }
}

fn draw_detail(frame: &mut Frame, state: &ConsoleState, theme: &Theme, area: Rect) {
    let view = &state.metrics;
    let title = view
        .scopes
        .get(view.selected)
        .map_or_else(|| tr!("console-tab-metrics"), |s| s.label.clone());
    let block = pane(format!(" {} ", truncate(&title, 50)), false, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cells = usize::from(inner.width);
    let mut figures = refusal_lines(view, cells, theme);
    figures.extend(figure_lines(&view.figures, cells, theme));
    let used = (figures.len() as u16).min(inner.height);
    frame.render_widget(
        Paragraph::new(figures),
        Rect {
            height: used,
            ..inner
        },
    );
    let rest = inner.height - used;
    if rest < 6 || inner.width <= AXIS + DAY_COLUMNS {
        return;
    }
    let axis = Axis::new(&view.days, inner.width - AXIS);
    let quality_height = if rest >= 12 { 5 } else { 0 };
    let chart = Rect::new(inner.x, inner.y + used, inner.width, rest - quality_height);
    draw_days(frame, &axis, theme, chart);
    if quality_height > 0 {
        let q = Rect::new(inner.x, chart.y + chart.height, inner.width, quality_height);
        draw_quality(frame, &view.quality, &axis, state.clock, theme, q);
    }
}

/// The days both charts show, and how many columns each takes, so they line up.
struct Axis<'a> {
    days: &'a [DayFigures],
    day_columns: u16,
}

impl<'a> Axis<'a> {
    /// From the first day with figures (at least the last `MIN_DAYS`), as many of the latest
    /// days as fit in `width` columns.
    fn new(days: &'a [DayFigures], width: u16) -> Axis<'a> {
        let fit = usize::from(width / DAY_COLUMNS).max(1);
        let first_active = days
            .iter()
            .position(|d| d.sent + d.delivered + d.read > 0)
            .unwrap_or(days.len());
        let wanted = (days.len() - first_active).max(MIN_DAYS).min(fit);
        let days = &days[days.len().saturating_sub(wanted)..];
        let day_columns = width / (days.len().max(1) as u16);
        Axis { days, day_columns }
    }

    /// Columns of the bars of one day (delivered and read each get this many).
    fn bar_width(&self) -> u16 {
        ((self.day_columns - 1) / 2).clamp(1, MAX_BAR)
    }

    fn width(&self) -> u16 {
        self.day_columns * self.days.len() as u16
    }

    fn first_day(&self) -> Option<i64> {
        self.days.first().map(|d| d.day)
    }
}

/// For a broadcast the budget refused, what it needed and what the budget held.
fn refusal_lines(view: &MetricsView, cells: usize, theme: &Theme) -> Vec<Line<'static>> {
    let refused = match view.scopes.get(view.selected).map(|s| s.scope) {
        Some(MetricScope::Broadcast(id)) => view
            .broadcasts
            .iter()
            .find(|b| b.id == id)
            .and_then(|b| b.refused),
        _ => None,
    };
    let Some(r) = refused else {
        return Vec::new();
    };
    let text = tr!(
        "console-metrics-refused",
        needed = credits(r.needed),
        held = credits(r.available),
        short = credits(r.needed - r.available)
    );
    wrap(&text, cells.max(1))
        .into_iter()
        .map(|part| Line::from(Span::styled(part, theme.get("rejected"))))
        .collect()
}

/// The figures, in two columns when there is room.
fn figure_lines(m: &Metrics, cells: usize, theme: &Theme) -> Vec<Line<'static>> {
    let rate = m.read_rate().map_or_else(
        || "-".to_string(),
        |r| percent((r * 100.0).round_ties_even()),
    );
    let read = format!("{} ({rate})", number(m.read));
    let left = [
        (tr!("console-metrics-sent"), number(m.sent)),
        (tr!("console-metrics-delivered"), number(m.delivered)),
        (tr!("console-metrics-held"), number(m.held)),
        (tr!("console-metrics-rejected"), number(m.rejected_total())),
        (tr!("console-metrics-credits-spent"), credits(m.credits)),
    ];
    let right = [
        (tr!("console-metrics-read"), read),
        (tr!("console-metrics-interested"), number(m.interested)),
        (
            tr!("console-metrics-not-interested"),
            number(m.not_interested),
        ),
        (tr!("console-metrics-blocks-after"), number(m.blocks)),
        (tr!("console-metrics-reports-after"), number(m.reports)),
    ];
    let cell = |(label, value): &(String, String)| format!("{label:<15}{value:>9}");
    let mut lines: Vec<Line<'static>> = if cells >= 51 {
        left.iter()
            .zip(&right)
            .map(|(l, r)| Line::from(format!("{}   {}", cell(l), cell(r))))
            .collect()
    } else {
        left.iter()
            .chain(&right)
            .map(|f| Line::from(cell(f)))
            .collect()
    };
    if !m.rejected.is_empty() {
        let reasons: Vec<String> = m
            .rejected
            .iter()
            .map(|(reason, n)| format!("{reason} {}", number(*n)))
            .collect();
        let text = tr!(
            "console-metrics-rejected-by-reason",
            reasons = reasons.join(" · ")
        );
        for part in wrap(&text, cells.max(1)) {
            lines.push(Line::from(Span::styled(part, theme.get("rejected"))));
        }
    }
    lines
}

fn draw_days(frame: &mut Frame, axis: &Axis, theme: &Theme, area: Rect) {
    let peak = axis
        .days
        .iter()
        .map(|d| d.delivered.max(d.read))
        .max()
        .unwrap_or(0);
    let title = match peak {
        0 => tr!("console-metrics-days-empty"),
        _ => tr!("console-metrics-days"),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(title, theme.get("title"))),
        Rect { height: 1, ..area },
    );
    let bar = axis.bar_width();
    let groups: Vec<BarGroup> = axis
        .days
        .iter()
        .map(|d| {
            let bars = [
                Bar::default()
                    .value(d.delivered)
                    .text_value(String::new())
                    .style(theme.get("delivered")),
                Bar::default()
                    .value(d.read)
                    .text_value(String::new())
                    .style(theme.get("dim")),
            ];
            BarGroup::default()
                .label(Line::from(day_label(d.day)))
                .bars(&bars)
        })
        .collect();
    let chart = BarChart::grouped(groups)
        .bar_width(bar)
        .bar_gap(0)
        .group_gap(axis.day_columns - 2 * bar)
        .max(peak.max(1));
    let body = Rect::new(
        area.x + AXIS,
        area.y + 1,
        axis.width().min(area.width - AXIS),
        area.height.saturating_sub(1),
    );
    frame.render_widget(chart, body);
    if peak > 0 {
        let scale = Rect::new(area.x, area.y + 1, AXIS, 1);
        frame.render_widget(
            Paragraph::new(Span::styled(number(peak), theme.get("dim"))),
            scale,
        );
    }
}

fn day_label(day: i64) -> String {
    format!("{:02}", Timestamp(day * 86_400).civil().day)
}

/// Quality over time, under the days of the bar chart (a column per slice of them).
fn draw_quality(
    frame: &mut Frame,
    log: &[QualityPoint],
    axis: &Axis,
    now: Timestamp,
    theme: &Theme,
    area: Rect,
) {
    let title = match log.last() {
        Some(p) => tr!("console-metrics-quality-now", quality = p.quality.text()),
        None => tr!("console-metrics-quality"),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(title, theme.get("title"))),
        Rect { height: 1, ..area },
    );
    let labels = [
        tr!("console-metrics-axis-high"),
        tr!("console-metrics-axis-medium"),
        tr!("console-metrics-axis-low"),
    ]
    .map(|l| Line::from(Span::styled(l, theme.get("dim"))));
    frame.render_widget(
        Paragraph::new(labels.to_vec()),
        Rect::new(area.x, area.y + 1, AXIS.min(area.width), 3),
    );
    let columns = axis.width().min(area.width - AXIS);
    let first_day = axis.first_day().unwrap_or_else(|| now.day_number());
    let start = Timestamp(first_day * 86_400);
    let end = Timestamp((first_day + axis.days.len() as i64) * 86_400);
    let data = samples(log, (start, end), now, columns);
    let spark = Sparkline::default()
        .data(&data)
        .max(3)
        .style(theme.get("delivered"));
    frame.render_widget(spark, Rect::new(area.x + AXIS, area.y + 1, columns, 3));
}

/// The quality (High 3, Medium 2, Low 1) at the end of each of `columns` slices of
/// `span`; nothing after `now`.
fn samples(
    log: &[QualityPoint],
    (start, end): (Timestamp, Timestamp),
    now: Timestamp,
    columns: u16,
) -> Vec<u64> {
    let length = (end - start).0.max(1);
    (0..columns)
        .map(|c| {
            let at = start.0 + length * i64::from(c + 1) / i64::from(columns.max(1));
            let quality = log
                .iter()
                .take_while(|p| p.at.0 <= at)
                .last()
                .or(log.first())
                .map_or(Quality::High, |p| p.quality);
            match (at - length / i64::from(columns.max(1)) > now.0, quality) {
                (true, _) => 0,
                (false, Quality::High) => 3,
                (false, Quality::Medium) => 2,
                (false, Quality::Low) => 1,
            }
        })
        .collect()
}

//! Compose and broadcast: the form (template, placeholders, audience) with a preview, and
//! beside it the dry run, the refusal, the progress of the sending, or the final bill.

use super::super::field::TextField;
use super::super::source::{BroadcastRun, BroadcastTally, DryRun};
use super::super::state::*;
use crate::i18n::{credits, number};
use crate::policy::broadcast::InsufficientBudget;
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{draw_hint, pane, truncate, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph};

/// Width of the labels of the form and the panels.
const LABEL: usize = 11;
/// Width of the labels of the panel beside the form.
const PANEL_LABEL: usize = 13;

/// Draws the Compose and broadcast screen.
pub fn draw(frame: &mut Frame, state: &ConsoleState, theme: &Theme, area: Rect) {
    let (form, panel) = if area.width >= 80 {
        let w = area.width / 2;
        (
            Rect { width: w, ..area },
            Rect::new(area.x + w, area.y, area.width - w, area.height),
        )
    } else {
        let h = area.height / 2;
        (
            Rect { height: h, ..area },
            Rect::new(area.x, area.y + h, area.width, area.height - h),
        )
    };
    draw_form(frame, state, theme, form);
    draw_panel(frame, state, theme, panel);
}

fn draw_form(frame: &mut Frame, state: &ConsoleState, theme: &Theme, area: Rect) {
    let compose = &state.compose;
    let editing = compose.stage == BroadcastStage::Editing;
    let block = pane(
        format!(" {} ", tr!("console-tab-broadcast")),
        editing,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cells = usize::from(inner.width);
    let Some(template) = compose.template() else {
        draw_hint(frame, &tr!("console-compose-no-template"), theme, inner);
        return;
    };
    let form = &compose.form;
    let focus = |f: ComposeField| editing && form.focus == f;
    let mut lines = vec![choice(
        &tr!("console-compose-template"),
        &format!("{} ({})", template.name, category_word(template.category)),
        focus(ComposeField::Template),
        theme,
        cells,
    )];
    for (i, param) in form.params.iter().enumerate() {
        let label = format!("{{{{{}}}}}", i + 1);
        lines.push(text_field(
            &label,
            param,
            focus(ComposeField::Param(i)),
            theme,
            cells,
        ));
    }
    let audience = match form.audience {
        AudienceChoice::Subscribers => {
            tr!("console-compose-subscribers", count = compose.subscribers)
        }
        AudienceChoice::List => tr!("console-compose-list"),
    };
    lines.push(choice(
        &tr!("console-compose-audience"),
        &audience,
        focus(ComposeField::Audience),
        theme,
        cells,
    ));
    if form.audience == AudienceChoice::List {
        lines.push(text_field(
            &tr!("console-compose-people"),
            &form.list,
            focus(ComposeField::List),
            theme,
            cells,
        ));
    }
    lines.push(Line::from(Span::styled(
        tr!("console-compose-preview"),
        theme.get("title"),
    )));
    let params: Vec<String> = form
        .params
        .iter()
        .enumerate()
        .map(|(i, p)| match p.value() {
            "" => format!("{{{{{}}}}}", i + 1),
            value => value.to_string(),
        })
        .collect();
    let preview = crate::model::text::clean_body(&template.render(&params));
    for l in wrap(&preview, cells.saturating_sub(2).max(1)) {
        lines.push(Line::from(Span::styled(
            format!("  {l}"),
            theme.get("text"),
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn label_span(label: &str) -> Span<'static> {
    Span::raw(format!("{label:<LABEL$}"))
}

fn choice(label: &str, value: &str, focused: bool, theme: &Theme, cells: usize) -> Line<'static> {
    let room = cells.saturating_sub(LABEL + 4);
    let text = format!("‹ {} ›", truncate(value, room));
    let style = if focused {
        theme.get("selected")
    } else {
        theme.get("key")
    };
    Line::from(vec![label_span(label), Span::styled(text, style)])
}

fn text_field(
    label: &str,
    field: &TextField,
    focused: bool,
    theme: &Theme,
    cells: usize,
) -> Line<'static> {
    let room = cells.saturating_sub(LABEL + 1).max(1);
    let chars: Vec<char> = field.text.chars().collect();
    let start = field.cursor.saturating_sub(room - 1);
    let shown: String = chars.iter().skip(start).take(room).collect();
    if !focused {
        let value = match field.text.is_empty() {
            true => Span::styled(tr!("console-empty"), theme.get("dim")),
            false => Span::raw(truncate(&shown, room)),
        };
        return Line::from(vec![label_span(label), value]);
    }
    let at = field.cursor - start;
    let before: String = shown.chars().take(at).collect();
    let under: String = shown.chars().nth(at).map_or(" ".into(), String::from);
    let after: String = shown.chars().skip(at + 1).collect();
    Line::from(vec![
        label_span(label),
        Span::raw(before),
        Span::styled(under, theme.get("selected")),
        Span::raw(after),
    ])
}

fn draw_panel(frame: &mut Frame, state: &ConsoleState, theme: &Theme, area: Rect) {
    let (title, rows, progress) = match &state.compose.stage {
        BroadcastStage::Editing => (tr!("console-compose-before"), editing_rows(), None),
        BroadcastStage::Reviewing(dry) => (tr!("console-compose-dry-run"), dry_rows(dry), None),
        BroadcastStage::Refused(r) => (tr!("console-compose-refused"), refused_rows(r), None),
        BroadcastStage::Running(run) => (tr!("console-compose-sending"), run_rows(run), Some(run)),
        BroadcastStage::Done(run) => (tr!("console-compose-sent"), done_rows(run), Some(run)),
    };
    let active = state.compose.stage != BroadcastStage::Editing;
    let block = pane(format!(" {title} "), active, theme);
    let inner = block.inner(area);
    let cells = usize::from(inner.width);
    let lines: Vec<Line<'static>> = rows
        .into_iter()
        .flat_map(|r| r.lines(cells, theme))
        .collect();
    frame.render_widget(block, area);
    let mut text_area = inner;
    if let Some(run) = progress.filter(|_| inner.height > 2) {
        frame.render_widget(gauge(run, theme), Rect { height: 1, ..inner });
        text_area = Rect::new(inner.x, inner.y + 2, inner.width, inner.height - 2);
    }
    frame.render_widget(Paragraph::new(lines), text_area);
}

fn gauge(run: &BroadcastRun, theme: &Theme) -> Gauge<'static> {
    let total = run.quote.audience.max(1);
    let ratio = f64::from(run.tally.sent) / f64::from(total);
    Gauge::default()
        .ratio(ratio.clamp(0.0, 1.0))
        .label(tr!(
            "console-compose-progress",
            sent = run.tally.sent,
            audience = run.quote.audience
        ))
        .gauge_style(theme.get("delivered"))
        .use_unicode(true)
}

/// One line of the panel: a label and a value, or a sentence; wrapped to the panel.
enum Row {
    Field(String, String, &'static str),
    Text(String, &'static str),
    Heading(String),
    Blank,
}

impl Row {
    fn lines(self, cells: usize, theme: &Theme) -> Vec<Line<'static>> {
        match self {
            Row::Field(label, value, style) => {
                let room = cells.saturating_sub(PANEL_LABEL).max(1);
                wrap(&value, room)
                    .into_iter()
                    .enumerate()
                    .map(|(i, part)| {
                        let label = if i == 0 { label.as_str() } else { "" };
                        Line::from(vec![
                            Span::raw(format!("{label:<PANEL_LABEL$}")),
                            Span::styled(part, theme.get(style)),
                        ])
                    })
                    .collect()
            }
            Row::Text(text, style) => wrap(&text, cells.max(1))
                .into_iter()
                .map(|part| Line::from(Span::styled(part, theme.get(style))))
                .collect(),
            Row::Heading(text) => vec![Line::from(Span::styled(text, theme.get("title")))],
            Row::Blank => vec![Line::raw("")],
        }
    }
}

fn field(label: String, value: String) -> Row {
    Row::Field(label, value, "text")
}

fn editing_rows() -> Vec<Row> {
    vec![
        Row::Text(tr!("console-compose-dry-run-first"), "text"),
        Row::Blank,
        Row::Text(tr!("console-compose-only-delivered"), "dim"),
    ]
}

fn dry_rows(dry: &DryRun) -> Vec<Row> {
    let q = &dry.quote;
    let s = &dry.settlement;
    let mut rows = vec![
        field(
            tr!("console-compose-audience"),
            tr!(
                "console-compose-audience-eligible",
                audience = q.audience,
                eligible = q.eligible
            ),
        ),
        field(
            tr!("console-compose-price"),
            tr!(
                "console-compose-price-each",
                price = credits(q.unit_price),
                category = category_word(q.category)
            ),
        ),
        field(
            tr!("console-compose-reserved"),
            format!(
                "{} ({} × {})",
                credits(q.reserved),
                number(q.eligible),
                number(q.unit_price)
            ),
        ),
        field(
            tr!("console-compose-budget"),
            tr!(
                "console-compose-budget-while",
                before = number(q.budget_before),
                after = credits(q.budget_after_reserve)
            ),
        ),
        Row::Heading(tr!("console-compose-rules-will")),
    ];
    rows.extend(tally_rows(&dry.tally));
    rows.push(field(
        tr!("console-compose-charge"),
        tr!(
            "console-compose-charge-back",
            charged = credits(s.charged),
            back = credits(s.refunded)
        ),
    ));
    rows.push(Row::Field(
        tr!("console-compose-budget-after"),
        credits(s.budget_after),
        "key",
    ));
    rows
}

/// Delivered, then each reason held or rejected, with what it means to the business.
fn tally_rows(tally: &BroadcastTally) -> Vec<Row> {
    let mut rows = vec![Row::Field(
        format!("  {}", tr!("console-compose-deliver")),
        number(tally.delivered),
        "delivered",
    )];
    let groups = [
        (tr!("console-compose-hold"), &tally.held, "held"),
        (tr!("console-compose-reject"), &tally.rejected, "rejected"),
    ];
    for (label, reasons, style) in groups {
        for (reason, n) in reasons {
            rows.push(Row::Field(
                format!("  {label}"),
                format!(
                    "{} {reason}: {}",
                    number(*n),
                    crate::i18n::labels::reason_for_business(*reason)
                ),
                style,
            ));
        }
    }
    rows
}

fn refused_rows(r: &InsufficientBudget) -> Vec<Row> {
    vec![
        Row::Text(
            tr!(
                "console-compose-insufficient-budget",
                code = "insufficient_budget"
            ),
            "rejected",
        ),
        Row::Blank,
        field(
            tr!("console-compose-needed"),
            tr!(
                "console-compose-needed-for",
                needed = credits(r.needed),
                eligible = r.eligible
            ),
        ),
        field(tr!("console-compose-budget"), credits(r.available)),
        Row::Field(
            tr!("console-compose-shortfall"),
            credits(r.shortfall),
            "rejected",
        ),
        Row::Blank,
        Row::Text(tr!("console-compose-fewer"), "dim"),
    ]
}

fn run_rows(run: &BroadcastRun) -> Vec<Row> {
    let mut rows = vec![field(
        tr!("console-compose-reserved"),
        credits(run.quote.reserved),
    )];
    rows.extend(tally_rows(&run.tally));
    rows.push(field(
        tr!("console-compose-charged"),
        credits(run.tally.charged),
    ));
    rows
}

fn done_rows(run: &BroadcastRun) -> Vec<Row> {
    let mut rows = vec![field(
        tr!("console-tab-broadcast"),
        tr!(
            "console-compose-broadcast-at",
            id = run.id.to_string(),
            at = crate::i18n::date_time(run.at)
        ),
    )];
    rows.extend(tally_rows(&run.tally));
    if let Some(s) = run.settlement {
        rows.push(field(
            tr!("console-compose-reserved"),
            credits(run.quote.reserved),
        ));
        rows.push(Row::Field(
            tr!("console-compose-charged"),
            credits(s.charged),
            "key",
        ));
        rows.push(field(tr!("console-compose-refunded"), credits(s.refunded)));
        rows.push(Row::Field(
            tr!("console-compose-budget-now"),
            credits(s.budget_after),
            "key",
        ));
        rows.push(Row::Blank);
        rows.push(Row::Text(tr!("console-compose-free"), "dim"));
    }
    rows
}

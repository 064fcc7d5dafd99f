//! Compose and broadcast: the form (template, placeholders, audience) with a preview, and
//! beside it the dry run, the refusal, the progress of the sending, or the final bill.

use super::super::field::TextField;
use super::super::source::{BroadcastRun, BroadcastTally, DryRun};
use super::super::state::*;
use crate::model::number::{credits, grouped};
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
    let block = pane(" Broadcast ", editing, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cells = usize::from(inner.width);
    let Some(template) = compose.template() else {
        let text = "No approved template to broadcast. Write one on the Templates screen; \
                    paused and disabled templates cannot be sent.";
        draw_hint(frame, text, theme, inner);
        return;
    };
    let form = &compose.form;
    let focus = |f: ComposeField| editing && form.focus == f;
    let mut lines = vec![choice(
        "Template",
        &format!("{} ({})", template.name, template.category),
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
        AudienceChoice::Subscribers => format!("all subscribed · {}", compose.subscribers),
        AudienceChoice::List => "a list of people".to_string(),
    };
    lines.push(choice(
        "Audience",
        &audience,
        focus(ComposeField::Audience),
        theme,
        cells,
    ));
    if form.audience == AudienceChoice::List {
        lines.push(text_field(
            "People",
            &form.list,
            focus(ComposeField::List),
            theme,
            cells,
        ));
    }
    lines.push(Line::from(Span::styled("Preview", theme.get("title"))));
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
            true => Span::styled("(empty)", theme.get("dim")),
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
        BroadcastStage::Editing => (" Before you send ", editing_rows(), None),
        BroadcastStage::Reviewing(dry) => (" Dry run: nothing sent yet ", dry_rows(dry), None),
        BroadcastStage::Refused(r) => (" Refused: nothing was sent ", refused_rows(r), None),
        BroadcastStage::Running(run) => (" Sending ", run_rows(run), Some(run)),
        BroadcastStage::Done(run) => (" Sent ", done_rows(run), Some(run)),
    };
    let block = pane(title, state.compose.stage != BroadcastStage::Editing, theme);
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
        .label(format!("{} of {} sent", run.tally.sent, run.quote.audience))
        .gauge_style(theme.get("delivered"))
        .use_unicode(true)
}

/// One line of the panel: a label and a value, or a sentence; wrapped to the panel.
enum Row {
    Field(&'static str, String, &'static str),
    Text(String, &'static str),
    Heading(&'static str),
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
                        let label = if i == 0 { label } else { "" };
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

fn field(label: &'static str, value: String) -> Row {
    Row::Field(label, value, "text")
}

fn editing_rows() -> Vec<Row> {
    vec![
        Row::Text(
            "The dry run comes first: the people it would reach, what the rules would hold or \
             reject and why, the price per delivered message, the amount reserved and your \
             budget after. Nothing is sent until you confirm."
                .into(),
            "text",
        ),
        Row::Blank,
        Row::Text(
            "Only delivered messages are charged; the rest of the reservation comes back.".into(),
            "dim",
        ),
    ]
}

fn dry_rows(dry: &DryRun) -> Vec<Row> {
    let q = &dry.quote;
    let s = &dry.settlement;
    let mut rows = vec![
        field(
            "Audience",
            format!(
                "{}, {} eligible",
                crate::model::plural(q.audience, "person", "people"),
                q.eligible
            ),
        ),
        field(
            "Price",
            format!(
                "{} per delivered message ({})",
                credits(q.unit_price),
                q.category
            ),
        ),
        field(
            "Reserved",
            format!(
                "{} cr ({} × {})",
                grouped(q.reserved),
                q.eligible,
                q.unit_price
            ),
        ),
        field(
            "Budget",
            format!(
                "{} → {} cr while it runs",
                grouped(q.budget_before),
                grouped(q.budget_after_reserve)
            ),
        ),
        Row::Heading("The rules will"),
    ];
    rows.extend(tally_rows(&dry.tally));
    rows.push(field(
        "Charge",
        format!("{}, {} back", credits(s.charged), credits(s.refunded)),
    ));
    rows.push(Row::Field("Budget after", credits(s.budget_after), "key"));
    rows
}

/// Delivered, then each reason held or rejected, with what it means to the business.
fn tally_rows(tally: &BroadcastTally) -> Vec<Row> {
    let mut rows = vec![Row::Field(
        "  deliver",
        tally.delivered.to_string(),
        "delivered",
    )];
    let groups = [
        ("  hold", &tally.held, "held"),
        ("  reject", &tally.rejected, "rejected"),
    ];
    for (label, reasons, style) in groups {
        for (reason, n) in reasons {
            rows.push(Row::Field(
                label,
                format!("{n} {reason}: {}", reason.for_business()),
                style,
            ));
        }
    }
    rows
}

fn refused_rows(r: &InsufficientBudget) -> Vec<Row> {
    vec![
        Row::Text(
            "insufficient_budget: a broadcast needs budget for its whole eligible audience.".into(),
            "rejected",
        ),
        Row::Blank,
        field(
            "Needed",
            format!(
                "{} for {}",
                credits(r.needed),
                crate::model::plural(r.eligible, "eligible person", "eligible people")
            ),
        ),
        field("Budget", credits(r.available)),
        Row::Field("Shortfall", credits(r.shortfall), "rejected"),
        Row::Blank,
        Row::Text(
            "Send to fewer people (a list), or add credits.".into(),
            "dim",
        ),
    ]
}

fn run_rows(run: &BroadcastRun) -> Vec<Row> {
    let mut rows = vec![field("Reserved", credits(run.quote.reserved))];
    rows.extend(tally_rows(&run.tally));
    rows.push(field("Charged", credits(run.tally.charged)));
    rows
}

fn done_rows(run: &BroadcastRun) -> Vec<Row> {
    let mut rows = vec![field(
        "Broadcast",
        format!("#{} at {}", run.id, run.at.date_time()),
    )];
    rows.extend(tally_rows(&run.tally));
    if let Some(s) = run.settlement {
        rows.push(field("Reserved", credits(run.quote.reserved)));
        rows.push(Row::Field("Charged", credits(s.charged), "key"));
        rows.push(field("Refunded", credits(s.refunded)));
        rows.push(Row::Field("Budget now", credits(s.budget_after), "key"));
        rows.push(Row::Blank);
        rows.push(Row::Text(
            "Only delivered messages are charged: held and rejected ones are free, and so is \
             a utility message inside an open service window."
                .into(),
            "dim",
        ));
    }
    rows
}

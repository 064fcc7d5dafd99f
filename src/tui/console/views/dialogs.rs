//! Boxes over the console: the template editor, the file prompt, the business switcher, the
//! result of a review and the question before a template is deleted.

use super::super::field::TextField;
use super::super::source::TemplateCard;
use super::super::state::{ConsoleState, Editor, EditorField};
use super::templates::{status_label, status_style};
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{dialog_width, draw_dialog, truncate, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Widest box, in cells.
const MAX_WIDTH: u16 = 72;
/// Width of the editor's labels.
const LABEL: usize = 10;

/// The template editor.
pub fn editor(frame: &mut Frame, editor: &Editor, theme: &Theme, area: Rect) {
    let cells = dialog_width(area, MAX_WIDTH);
    let focus = |f: EditorField| editor.focus == f;
    let room = cells.saturating_sub(LABEL).max(1);
    let mut lines = vec![
        field_line("Name", &editor.name, focus(EditorField::Name), room, theme),
        choice_line(
            "Category",
            editor.category.as_str(),
            focus(EditorField::Category),
            theme,
        ),
        choice_line(
            "Re-cat.",
            if editor.allow_recategorise {
                "allowed: a promotional utility becomes marketing"
            } else {
                "not allowed: a promotional utility is rejected"
            },
            focus(EditorField::Recategorise),
            theme,
        ),
        Line::from(Span::styled(
            if focus(EditorField::Body) {
                "Body ({{1}}, {{2}}... are filled when sending)"
            } else {
                "Body"
            },
            theme.get("title"),
        )),
    ];
    lines.extend(body_lines(
        &editor.body,
        focus(EditorField::Body),
        cells,
        theme,
    ));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        "Review is automatic and rule-based; its result shows at once.",
        theme.get("dim"),
    )));
    let title = match editor.revising {
        None => " New template ".to_string(),
        Some(r) => format!(
            " {} '{}': a new version ",
            if r.resubmit { "Resubmit" } else { "Edit" },
            truncate(editor.name.value(), 32)
        ),
    };
    draw_dialog(frame, area, MAX_WIDTH, title, lines, theme);
}

/// The question before a template is deleted.
pub fn delete(frame: &mut Frame, name: &str, theme: &Theme, area: Rect) {
    let cells = dialog_width(area, MAX_WIDTH);
    let lines: Vec<Line> = wrap(
        "It can no longer be sent, by you or by a broadcast. Its versions, its history and \
         its figures stay, and so does its name.",
        cells.max(1),
    )
    .into_iter()
    .map(Line::from)
    .collect();
    let title = format!(" Delete '{}'? ", truncate(name, 40));
    draw_dialog(frame, area, MAX_WIDTH, title, lines, theme);
}

/// The prompt for a template file's path.
pub fn prompt(frame: &mut Frame, field: &TextField, theme: &Theme, area: Rect) {
    let cells = dialog_width(area, MAX_WIDTH);
    let lines = vec![
        Line::from("The path of a TOML file with name, category and body"),
        Line::from(Span::styled(
            "(and allow_recategorise = false to forbid re-categorisation):",
            theme.get("dim"),
        )),
        field_line(
            "Path",
            field,
            true,
            cells.saturating_sub(LABEL).max(1),
            theme,
        ),
    ];
    draw_dialog(
        frame,
        area,
        MAX_WIDTH,
        " Submit a template file ".into(),
        lines,
        theme,
    );
}

/// The business switcher.
pub fn switcher(
    frame: &mut Frame,
    state: &ConsoleState,
    selected: usize,
    theme: &Theme,
    area: Rect,
) {
    let cells = dialog_width(area, 56);
    let lines = state
        .businesses
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let text = truncate(
                &format!(
                    "{} {} · {} · quality {}",
                    if i == selected { "▸" } else { " " },
                    b.name,
                    b.kind.label(),
                    b.quality.label()
                ),
                cells,
            );
            match i == selected {
                true => Line::from(Span::styled(text, theme.get("selected"))),
                false => Line::from(text),
            }
        })
        .collect();
    draw_dialog(
        frame,
        area,
        56,
        " Act as which business? ".into(),
        lines,
        theme,
    );
}

/// The review of a template just submitted.
pub fn review(frame: &mut Frame, card: &TemplateCard, theme: &Theme, area: Rect) {
    let cells = dialog_width(area, MAX_WIDTH);
    let t = &card.template;
    let status = status_label(t, t.submitted_at);
    let mut lines = vec![Line::from(vec![
        Span::raw("Result   "),
        Span::styled(status, status_style(t.status, theme)),
        Span::raw(format!(" as {}", t.category)),
    ])];
    if t.category != t.requested_category {
        lines.push(Line::from(format!(
            "         submitted as {}, re-categorised",
            t.requested_category
        )));
    }
    lines.push(Line::from(vec![
        Span::raw("Rule     "),
        Span::styled(t.review.to_string(), theme.get("key")),
    ]));
    let note = crate::i18n::sentences::template_note(t.review_finding.as_ref(), &t.review_note);
    for part in wrap(&note, cells.saturating_sub(9).max(1)) {
        lines.push(Line::from(Span::styled(
            format!("         {part}"),
            theme.get("dim"),
        )));
    }
    let title = format!(" Review of '{}' ", truncate(&t.name, 40));
    draw_dialog(frame, area, MAX_WIDTH, title, lines, theme);
}

fn choice_line(label: &str, value: &str, focused: bool, theme: &Theme) -> Line<'static> {
    let style = if focused {
        theme.get("selected")
    } else {
        theme.get("key")
    };
    Line::from(vec![
        Span::raw(format!("{label:<LABEL$}")),
        Span::styled(format!("‹ {value} ›"), style),
    ])
}

/// A one-line field; the focused one shows its cursor.
fn field_line(
    label: &str,
    field: &TextField,
    focused: bool,
    room: usize,
    theme: &Theme,
) -> Line<'static> {
    let chars: Vec<char> = field.text.chars().collect();
    let start = field.cursor.saturating_sub(room.saturating_sub(1));
    let shown: Vec<char> = chars.iter().skip(start).take(room).copied().collect();
    let mut spans = vec![Span::raw(format!("{label:<LABEL$}"))];
    if !focused {
        spans.push(Span::raw(shown.iter().collect::<String>()));
        return Line::from(spans);
    }
    let at = field.cursor - start;
    spans.push(Span::raw(shown.iter().take(at).collect::<String>()));
    let under = shown.get(at).map_or(" ".to_string(), |c| c.to_string());
    spans.push(Span::styled(under, theme.get("selected")));
    spans.push(Span::raw(shown.iter().skip(at + 1).collect::<String>()));
    Line::from(spans)
}

/// The body, wrapped; the focused body shows its cursor at the end of what is typed.
fn body_lines(field: &TextField, focused: bool, cells: usize, theme: &Theme) -> Vec<Line<'static>> {
    let room = cells.saturating_sub(2).max(1);
    let mut text = field.text.clone();
    if focused {
        let at = text
            .char_indices()
            .nth(field.cursor)
            .map_or(text.len(), |(i, _)| i);
        text.insert(at, '▏');
    }
    let mut lines: Vec<Line<'static>> = wrap(&text, room)
        .into_iter()
        .map(|l| Line::from(format!("  {l}")))
        .collect();
    if field.text.is_empty() && !focused {
        lines = vec![Line::from(Span::styled("  (empty)", theme.get("dim")))];
    }
    lines
}

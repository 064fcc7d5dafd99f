//! Boxes over the console: the template editor, the file prompt, the business switcher, the
//! result of a review and the question before a template is deleted.

use super::super::field::TextField;
use super::super::source::TemplateCard;
use super::super::state::{ConsoleState, Editor, EditorField, category_word};
use super::templates::{status_label, status_style};
use crate::i18n::Label;
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
        field_line(
            &tr!("console-editor-name"),
            &editor.name,
            focus(EditorField::Name),
            room,
            theme,
        ),
        choice_line(
            &tr!("console-editor-category"),
            &category_word(editor.category),
            focus(EditorField::Category),
            theme,
        ),
        choice_line(
            &tr!("console-editor-recategorise"),
            &if editor.allow_recategorise {
                tr!("console-editor-recategorise-allowed")
            } else {
                tr!("console-editor-recategorise-forbidden")
            },
            focus(EditorField::Recategorise),
            theme,
        ),
        Line::from(Span::styled(
            if focus(EditorField::Body) {
                tr!("console-editor-body-placeholders")
            } else {
                tr!("console-editor-body")
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
    for part in wrap(&tr!("console-editor-review-automatic"), cells.max(1)) {
        lines.push(Line::from(Span::styled(part, theme.get("dim"))));
    }
    let title = match editor.revising {
        None => format!(" {} ", tr!("console-editor-new")),
        Some(r) => format!(
            " {} ",
            tr!(
                "console-editor-revise",
                resubmit = if r.resubmit { "yes" } else { "no" },
                name = truncate(editor.name.value(), 32)
            )
        ),
    };
    draw_dialog(frame, area, MAX_WIDTH, title, lines, theme);
}

/// The question before a template is deleted.
pub fn delete(frame: &mut Frame, name: &str, theme: &Theme, area: Rect) {
    let cells = dialog_width(area, MAX_WIDTH);
    let lines: Vec<Line> = wrap(&tr!("console-delete-explained"), cells.max(1))
        .into_iter()
        .map(Line::from)
        .collect();
    let title = format!(
        " {} ",
        tr!("console-delete-title", name = truncate(name, 40))
    );
    draw_dialog(frame, area, MAX_WIDTH, title, lines, theme);
}

/// The prompt for a template file's path.
pub fn prompt(frame: &mut Frame, field: &TextField, theme: &Theme, area: Rect) {
    let cells = dialog_width(area, MAX_WIDTH);
    let mut lines: Vec<Line> = wrap(&tr!("console-prompt-path-of"), cells.max(1))
        .into_iter()
        .map(Line::from)
        .collect();
    for part in wrap(&tr!("console-prompt-forbid-recategorise"), cells.max(1)) {
        lines.push(Line::from(Span::styled(part, theme.get("dim"))));
    }
    lines.push(field_line(
        &tr!("console-prompt-path"),
        field,
        true,
        cells.saturating_sub(LABEL).max(1),
        theme,
    ));
    draw_dialog(
        frame,
        area,
        MAX_WIDTH,
        format!(" {} ", tr!("console-prompt-title")),
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
                    "{} {}",
                    if i == selected { "▸" } else { " " },
                    tr!(
                        "console-switcher-row",
                        name = b.name.as_str(),
                        kind = b.kind.text(),
                        quality = b.quality.text()
                    )
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
        format!(" {} ", tr!("console-switcher-title")),
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
        Span::raw(review_label(tr!("console-review-result"))),
        Span::styled(status, status_style(t.status, theme)),
        Span::raw(format!(
            " {}",
            tr!("console-review-as", category = category_word(t.category))
        )),
    ])];
    if t.category != t.requested_category {
        lines.push(Line::from(format!(
            "{}{}",
            review_label(String::new()),
            tr!(
                "console-review-recategorised",
                asked = category_word(t.requested_category)
            )
        )));
    }
    lines.push(Line::from(vec![
        Span::raw(review_label(tr!("console-review-rule"))),
        Span::styled(t.review.to_string(), theme.get("key")),
    ]));
    let note = crate::i18n::sentences::template_note(t.review_finding.as_ref(), &t.review_note);
    for part in wrap(&note, cells.saturating_sub(9).max(1)) {
        lines.push(Line::from(Span::styled(
            format!("         {part}"),
            theme.get("dim"),
        )));
    }
    let title = format!(
        " {} ",
        tr!("console-review-title", name = truncate(&t.name, 40))
    );
    draw_dialog(frame, area, MAX_WIDTH, title, lines, theme);
}

/// A label of the review box, padded so that what follows it lines up.
fn review_label(label: String) -> String {
    format!("{label:<8} ")
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
        let empty = format!("  {}", tr!("console-empty"));
        lines = vec![Line::from(Span::styled(empty, theme.get("dim")))];
    }
    lines
}

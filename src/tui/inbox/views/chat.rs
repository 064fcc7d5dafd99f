//! The open chat: a header with the business badge, the notice that says why a business's
//! messages reach you, the messages with their category tags, and the composer.

use super::super::state::{ChatView, MessageRow, Pane, UiState};
use super::{composer, find};
use crate::i18n::{self, Label};
use crate::model::{Delivery, Direction, Reason};
use crate::tui::kit::Theme;
use crate::tui::kit::views::common::{
    business_badge, category_tag, draw_hint, highlighted, pane, verified_mark, when_exact, width,
    wrap,
};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the chat pane.
pub fn draw(frame: &mut Frame, state: &UiState, theme: &Theme, area: Rect) {
    let focused = state.pane == Pane::Chat;
    let Some(view) = &state.chat else {
        let block = pane(format!(" {} ", tr!("inbox-chat-none-open")), focused, theme);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let hint = tr!("inbox-chat-none-hint", mark = tr!("kit-mark-business"));
        draw_hint(frame, &hint, theme, inner);
        return;
    };
    let block = pane(header(view, theme), focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cells = inner.width as usize;
    let mut notice = notice_lines(view, theme, cells);
    let room = usize::from(inner.height / 3).max(2);
    if notice.len() > room {
        notice.truncate(room - 1);
        if let Some(last) = notice.last_mut() {
            last.spans.push(Span::styled("…", theme.get("notice")));
        }
        notice.push(Line::from(Span::styled(
            "─".repeat(cells),
            theme.get("border"),
        )));
    }
    let notice_height = (notice.len() as u16).min(inner.height / 2);
    let find = find::shown(state);
    let composer_height = (composer::height(state, inner.width) + u16::from(find.is_some()))
        .min(inner.height.saturating_sub(notice_height));
    let messages_height = inner.height.saturating_sub(notice_height + composer_height);
    frame.render_widget(
        Paragraph::new(notice),
        Rect::new(inner.x, inner.y, inner.width, notice_height),
    );
    let messages_area = Rect::new(
        inner.x,
        inner.y + notice_height,
        inner.width,
        messages_height,
    );
    frame.render_widget(
        Paragraph::new(message_lines(
            view,
            state,
            theme,
            cells,
            messages_height as usize,
        )),
        messages_area,
    );
    let composer_area = Rect::new(
        inner.x,
        inner.y + notice_height + messages_height,
        inner.width,
        composer_height,
    );
    if let Some(c) = &state.composer {
        composer::draw(frame, c, theme, composer_area);
    }
    if let Some(f) = find {
        find::draw(frame, f, theme, composer_area);
    }
}

fn header(view: &ChatView, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::styled(
        format!(" {} ", view.chat.title),
        theme.get("title"),
    )];
    if view.chat.is_business() {
        spans.push(business_badge(theme));
        if view.chat.verified {
            spans.push(Span::raw(" "));
            spans.push(verified_mark(theme));
        }
    }
    let business_blocked = view
        .card
        .as_ref()
        .is_some_and(|card| card.relation.blocked.is_some());
    if business_blocked {
        spans.push(Span::raw(" "));
    }
    if view.person.blocked.is_some() || business_blocked {
        spans.push(Span::styled(
            format!("⊘{}", tr!("inbox-mark-blocked")),
            theme.get("rejected"),
        ));
    }
    if view.chat.muted {
        spans.push(Span::styled(
            format!(" {}", tr!("inbox-mark-muted")),
            theme.get("dim"),
        ));
    }
    if spans.len() > 1 {
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

fn notice_lines(view: &ChatView, theme: &Theme, cells: usize) -> Vec<Line<'static>> {
    let (person_notice, person_restrictions) = person_sentences(view);
    let (notice, restrictions) = match &view.card {
        Some(card) => (&card.notice, &card.restrictions),
        None if person_notice.is_empty() && person_restrictions.is_empty() => return Vec::new(),
        None => (&person_notice, &person_restrictions),
    };
    let mut lines = Vec::new();
    for sentence in notice {
        for (i, part) in wrap(sentence, cells.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { "ⓘ " } else { "  " };
            lines.push(Line::from(Span::styled(
                format!("{lead}{part}"),
                theme.get("notice"),
            )));
        }
    }
    for restriction in restrictions {
        for (i, part) in wrap(restriction, cells.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { "⚠ " } else { "  " };
            lines.push(Line::from(Span::styled(
                format!("{lead}{part}"),
                theme.get("rejected"),
            )));
        }
    }
    lines.push(Line::from(Span::styled(
        "─".repeat(cells),
        theme.get("border"),
    )));
    lines
}

/// What the user chose about the friend of this chat, in sentences: the report as a notice,
/// the block as a restriction.
fn person_sentences(view: &ChatView) -> (Vec<String>, Vec<String>) {
    let name = &view.chat.title;
    let reported = view.person.reported.map(|(at, reason)| {
        tr!(
            "inbox-chat-person-reported",
            name = name,
            date = i18n::short_date(at),
            reason = reason.text().to_lowercase()
        )
    });
    let blocked = view.person.blocked.map(|(at, _)| {
        tr!(
            "inbox-chat-person-blocked",
            name = name,
            date = i18n::short_date(at)
        )
    });
    (
        reported.into_iter().collect(),
        blocked.into_iter().collect(),
    )
}

/// The lines of one message: a header, then its wrapped text.
fn message_block(
    row: &MessageRow,
    selected: bool,
    found: Option<&str>,
    now: crate::model::Timestamp,
    theme: &Theme,
    cells: usize,
) -> Vec<Line<'static>> {
    let m = &row.message;
    let outbound = m.direction == Direction::Outbound;
    let pointer = if selected { "▸ " } else { "  " };
    let name_style = if outbound {
        theme.get("me")
    } else if m.category.is_some() {
        theme.get("business")
    } else {
        theme.get("personal")
    };
    let mut head = vec![
        Span::raw(pointer.to_string()),
        Span::styled(row.sender.clone(), name_style),
    ];
    if let Some(category) = m.category.filter(|_| !outbound) {
        head.push(Span::raw(" "));
        head.push(category_tag(category, theme));
    }
    let mut details = vec![when_exact(m.sent_at, now)];
    if !outbound && m.read_at.is_none() {
        details.push(tr!("inbox-mark-new"));
    }
    if m.decision.reason == Reason::ReleasedByUser {
        details.push(tr!("inbox-chat-released"));
    }
    if let Some(f) = m.feedback {
        details.push(f.text());
    }
    head.push(Span::styled(
        format!(" · {}", details.join(" · ")),
        theme.get("dim"),
    ));
    if let Some(delivery) = m.delivery() {
        head.push(Span::styled(" · ", theme.get("dim")));
        head.push(delivery_mark(delivery, theme));
    }
    let mut header = Line::from(head);
    if selected {
        header = header.style(theme.get("selected"));
    }
    let mut lines = vec![header];
    let body = displayed_body(row);
    for part in wrap(&body, cells.saturating_sub(2)) {
        let mut spans = vec![Span::raw("  ")];
        match found {
            Some(query) => spans.extend(highlighted(&part, query, theme)),
            None => spans.push(Span::raw(part)),
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// How far the user's own message got: ✓ sent, ✓✓ delivered, ✓✓ in the "read" colour, a
/// clock while it waits for the server; words when colours are off.
fn delivery_mark(delivery: Delivery, theme: &Theme) -> Span<'static> {
    if theme.no_color() {
        return Span::styled(delivery.text(), theme.get("dim"));
    }
    let (mark, style) = match delivery {
        Delivery::Sending => ("◷", "dim"),
        Delivery::Sent => ("✓", "dim"),
        Delivery::Delivered => ("✓✓", "dim"),
        Delivery::Read => ("✓✓", "read"),
    };
    Span::styled(mark, theme.get(style))
}

/// A message's text, or a visible placeholder when it cannot be shown.
fn displayed_body(row: &MessageRow) -> String {
    let m = &row.message;
    if m.template.is_some() && row.template.is_none() {
        return format!("[{}] {}", tr!("inbox-chat-unknown-template"), m.body);
    }
    if m.body.trim().is_empty() {
        return format!("[{}]", tr!("inbox-chat-no-text"));
    }
    m.body.clone()
}

/// The messages that fit around the highlighted one (the latest when none is): up to a third
/// of the pane above it for context, the messages after it below, then more above. When the
/// newest is off screen, the last line says how many newer messages there are.
fn message_lines(
    view: &ChatView,
    state: &UiState,
    theme: &Theme,
    cells: usize,
    height: usize,
) -> Vec<Line<'static>> {
    if view.messages.is_empty() {
        return vec![Line::from(Span::styled(
            format!("  {}", tr!("inbox-chat-no-messages")),
            theme.get("dim"),
        ))];
    }
    let last = view.messages.len() - 1;
    let anchor = view.selected.unwrap_or(last).min(last);
    let block = |i: usize| chat_block(view, state, theme, cells, i);
    let anchor_block = block(anchor);
    if anchor_block.len() >= height {
        return anchor_block.into_iter().take(height).collect();
    }
    let mut shown = std::collections::VecDeque::from([anchor_block]);
    let (mut first, mut end) = (anchor, anchor);
    let mut used = shown[0].len();
    let context = height / 3;
    let mut above = 0;
    while first > 0 && above < context {
        first -= 1;
        let b = block(first);
        above += b.len();
        used += b.len();
        shown.push_front(b);
    }
    let mut below = shown[shown.len() - 1].len() + above.min(context);
    while end < last {
        let b = block(end + 1);
        let marker = usize::from(end + 1 < last);
        if below + b.len() + marker > height {
            break;
        }
        below += b.len();
        used += b.len();
        end += 1;
        shown.push_back(b);
    }
    let newer = last - end;
    let room = height - usize::from(newer > 0);
    while first > 0 && used < room {
        first -= 1;
        let b = block(first);
        used += b.len();
        shown.push_front(b);
    }
    let mut lines: Vec<Line> = shown.into_iter().flatten().collect();
    let extra = lines.len().saturating_sub(room);
    lines.drain(..extra);
    let earlier = view.total.saturating_sub(view.messages.len()) + first;
    if earlier > 0 && lines.len() < room {
        lines.insert(
            0,
            Line::from(Span::styled(
                format!("  ↑ {}", tr!("inbox-chat-earlier", count = earlier)),
                theme.get("dim"),
            )),
        );
    }
    if newer > 0 {
        lines.resize(room, Line::raw(""));
        lines.push(Line::from(Span::styled(
            format!("  ↓ {}", tr!("inbox-chat-newer", count = newer)),
            theme.get("key"),
        )));
    }
    lines
}

/// One message as the pane shows it: the "new messages" divider above the first unread one
/// (unless it is the chat's first, with nothing above to divide), its header and text, and a
/// blank line after.
fn chat_block(
    view: &ChatView,
    state: &UiState,
    theme: &Theme,
    cells: usize,
    i: usize,
) -> Vec<Line<'static>> {
    let row = &view.messages[i];
    let selected = state.pane == Pane::Chat && view.selected == Some(i);
    let mut lines = Vec::new();
    let oldest_of_chat = i == 0 && view.messages.len() == view.total;
    if view.unread_from == Some(row.message.id) && !oldest_of_chat {
        let label = format!(" {} ", tr!("inbox-chat-new-messages"));
        let side = cells.saturating_sub(width(&label)) / 2;
        lines.push(Line::from(Span::styled(
            format!("{}{label}{}", "─".repeat(side), "─".repeat(side)),
            theme.get("notice"),
        )));
    }
    let found = find::shown(state).and_then(|f| f.found());
    lines.extend(message_block(
        row,
        selected,
        found,
        state.clock,
        theme,
        cells,
    ));
    lines.push(Line::raw(""));
    lines
}

//! The list of conflicts: a table row per conflict with its description under it,
//! grouped (open, parked, deal-breakers, settled, dismissed) and windowed around the
//! cursor, and the title row that says what is shown and what is out of view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::ConflictStatus;
use crate::domain::board::{BoardEntry, Source};
use crate::tui::stages::marks::severity_marker;
use crate::tui::stages::text::one_line;
use crate::tui::stages::{CHANGED_MARK, StageCtx, draw_lines, mark_changed, take_top};
use crate::tui::widgets::display_width;

use super::matrix::filter_label;
use super::words::{
    fit, group, group_heading, partner_cell, source_tag, status_style, status_text, wrap_at_most,
};
use super::{CATEGORY_WIDTH, ConflictsScreen, GAP, GUTTER, MARKER_WIDTH};

impl ConflictsScreen {
    /// "CONFLICTS 17 · m matrix", or the filter and how to clear it; on the right, how
    /// much of the list is out of view.
    pub(super) fn render_list_title(
        &self,
        frame: &mut Frame,
        row: Rect,
        ctx: &StageCtx,
        order: &[usize],
        window: (usize, usize),
    ) {
        let theme = ctx.theme;
        let mut spans = match &self.filter {
            None => {
                let mut spans = vec![
                    Span::styled("CONFLICTS", theme.heading),
                    Span::styled(format!("  {}", order.len()), theme.muted),
                ];
                // What the severity filter leaves out is said where the list starts, so
                // no conflict is hidden without the room being told.
                if let Some((count, words, _)) = self.severity_hidden(ctx.board) {
                    spans.push(Span::styled(" · ", theme.muted));
                    spans.push(Span::styled(format!("{words} ({count})"), theme.accent));
                }
                let marked = self.marks(ctx.board, order).len();
                if marked > 0 {
                    spans.push(Span::styled(" · ", theme.muted));
                    spans.push(Span::styled(format!("{marked} marked"), theme.accent));
                }
                spans.push(Span::styled("   m ", theme.key));
                spans.push(Span::styled("matrix", theme.muted));
                spans
            }
            Some(filter) => vec![
                Span::styled("CONFLICTS IN ", theme.heading),
                Span::styled(filter_label(ctx.session, filter), theme.accent),
                Span::styled(
                    format!("  {} of {}", order.len(), ctx.board.len()),
                    theme.muted,
                ),
                Span::styled("   f ", theme.key),
                Span::styled("show all", theme.muted),
            ],
        };
        let mut hint = Vec::new();
        if window.0 > 0 {
            hint.push(format!("↑ {} more", window.0));
        }
        if window.1 < order.len() {
            hint.push(format!("↓ {} more", order.len() - window.1));
        }
        let hint = hint.join("  ");
        let used: usize = spans.iter().map(|s| display_width(&s.content)).sum();
        let room = usize::from(row.width).saturating_sub(used + GAP);
        if !hint.is_empty() && display_width(&hint) <= room {
            spans.push(Span::raw(" ".repeat(room - display_width(&hint) + GAP)));
            spans.push(Span::styled(hint, theme.muted));
        }
        draw_lines(frame.buffer_mut(), row, &[Line::from(spans)]);
    }
}

/// Column widths of the list, in cells.
pub(super) struct Columns {
    pub(super) marker: usize,
    pub(super) category: usize,
    pub(super) partners: usize,
    pub(super) status: usize,
    pub(super) owner: usize,
    /// Where the description lines start: under the category column.
    pub(super) desc_x: usize,
    pub(super) desc_w: usize,
}

pub(super) fn columns(width: usize) -> Columns {
    let marker = MARKER_WIDTH.min(width / 6);
    let category = CATEGORY_WIDTH.min(width / 4);
    let fixed = GUTTER + marker + GAP + category + GAP;
    let flexible = width.saturating_sub(fixed + 2 * GAP);
    let partners = flexible * 3 / 8;
    let status = flexible * 3 / 8;
    let owner = flexible.saturating_sub(partners + status);
    let desc_x = GUTTER + marker + GAP;
    Columns {
        marker,
        category,
        partners,
        status,
        owner,
        desc_x,
        desc_w: width.saturating_sub(desc_x),
    }
}

/// The rows one conflict takes in the list: its table row and its description.
struct Card {
    head: Line<'static>,
    body: Vec<Line<'static>>,
    /// Rows of the description left out after `body`.
    cut: usize,
}

impl Card {
    fn height(&self) -> usize {
        1 + self.body.len()
    }
}

fn card(
    ctx: &StageCtx,
    entry: &BoardEntry,
    cols: &Columns,
    selected: bool,
    marked: bool,
    max_body: usize,
) -> Card {
    let theme = ctx.theme;
    let quiet = !matches!(entry.status, ConflictStatus::Open);
    // Everything but the open conflicts steps back so those carry the room's attention;
    // a deal-breaker keeps its warning because it still decides the verdict.
    let tone = |style: Style| if quiet { theme.muted } else { style };
    let gap = || Span::raw(" ".repeat(GAP));

    let mut spans = Vec::with_capacity(16);
    // The gutter: the pointer, then the mark of a conflict marked for a bulk dismiss.
    spans.push(Span::raw(match (selected, marked) {
        (true, true) => "▶✓",
        (true, false) => "▶ ",
        (false, true) => " ✓",
        (false, false) => "  ",
    }));
    spans.extend(fit(
        vec![Span::styled(
            severity_marker(entry.severity),
            tone(theme.severity(entry.severity)),
        )],
        cols.marker,
    ));
    spans.push(gap());
    spans.extend(fit(
        vec![Span::styled(entry.category.label(), tone(theme.text))],
        cols.category,
    ));
    spans.push(gap());
    let names = partner_cell(ctx.session, theme, &entry.partners, cols.partners);
    spans.extend(fit(names, cols.partners));
    spans.push(gap());
    spans.extend(fit(
        vec![Span::styled(
            status_text(&entry.status),
            status_style(&entry.status, theme),
        )],
        cols.status,
    ));
    spans.push(gap());
    let owner = if entry.owner.trim().is_empty() {
        Span::styled("no owner", theme.muted)
    } else {
        Span::styled(entry.owner.clone(), tone(theme.text))
    };
    spans.extend(fit(vec![owner], cols.owner));
    let mut head = Line::from(spans);
    if selected {
        // The whole row takes the selection style, so the focus is plain from the back
        // of the room; the pointer in the gutter says the same without colour.
        for span in &mut head.spans {
            span.style = theme.selected;
        }
    }
    if ctx.entry_changed(entry) {
        // What the replayed event just changed: marked in the gutter, in the changed
        // style unless the cursor is on it.
        if selected {
            head.spans[0].content = format!("{CHANGED_MARK} ").into();
        } else {
            mark_changed(&mut head, theme);
        }
    }

    let text = vec![
        Span::styled(format!("[{}] ", source_tag(entry)), theme.muted),
        Span::styled(one_line(&entry.description), tone(theme.text)),
    ];
    let indent = " ".repeat(cols.desc_x);
    let (body, cut) = wrap_at_most(Line::from(text), cols.desc_w as u16, max_body);
    let body = body
        .into_iter()
        .map(|mut line| {
            line.spans.insert(0, Span::raw(indent.clone()));
            line
        })
        .collect();
    Card { head, body, cut }
}

/// Picks the conflicts that fit in `height` rows around the cursor: as much context above
/// as below, and the rest of the room used when one side runs out. Returns the first
/// shown position and the one after the last.
fn window(
    height: usize,
    len: usize,
    cursor: usize,
    rows: &mut dyn FnMut(usize) -> usize,
) -> (usize, usize) {
    let mut first = cursor;
    let mut end = cursor + 1;
    let mut used = rows(cursor);
    while first > 0 {
        let h = rows(first - 1);
        if used + h > height / 2 {
            break;
        }
        used += h;
        first -= 1;
    }
    while end < len {
        let h = rows(end);
        if used + h > height {
            break;
        }
        used += h;
        end += 1;
    }
    while first > 0 {
        let h = rows(first - 1);
        if used + h > height {
            break;
        }
        used += h;
        first -= 1;
    }
    (first, end)
}

/// The part of the list in view: the first position shown, the one after the last, and
/// the rows of descriptions cut short in the cards shown, the selected one's aside (the
/// detail panel answers for that one).
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct ListWindow {
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) cut: usize,
}

/// Draws the table and returns which part of the list is in view.
pub(super) fn render_list(
    frame: &mut Frame,
    area: Rect,
    ctx: &StageCtx,
    order: &[usize],
    cursor: usize,
    marks: &[Source],
) -> ListWindow {
    if area.is_empty() || order.is_empty() {
        return ListWindow::default();
    }
    let theme = ctx.theme;
    let board = ctx.board;
    let cols = columns(usize::from(area.width));
    let show_header = area.height >= 8;
    let (header, body) = take_top(area, u16::from(show_header));
    if show_header {
        let cell = |text: &'static str, w| fit(vec![Span::styled(text, theme.muted)], w);
        let gap = || Span::raw(" ".repeat(GAP));
        let mut spans = vec![Span::raw(" ".repeat(GUTTER))];
        spans.extend(cell("SEVERITY", cols.marker));
        spans.push(gap());
        spans.extend(cell("CATEGORY", cols.category));
        spans.push(gap());
        spans.extend(cell("PARTNERS", cols.partners));
        spans.push(gap());
        spans.extend(cell("STATUS", cols.status));
        spans.push(gap());
        spans.extend(cell("OWNER", cols.owner));
        draw_lines(frame.buffer_mut(), header, &[Line::from(spans)]);
    }
    // Tall screens get a third description line and a line between conflicts, which
    // names the group where a new one starts.
    // Short lists keep one line of each description: the panel shows all of it.
    let spacing = usize::from(body.height >= 16);
    let mut max_body = match body.height {
        30.. => 3,
        14.. => 2,
        _ => 1,
    };
    // A short list that fits with more of each description gets it.
    let fits =
        |lines: usize| order.len() * (1 + lines + spacing) <= usize::from(body.height) + spacing;
    while max_body < 3 && fits(max_body + 1) {
        max_body += 1;
    }
    let height = usize::from(body.height) + spacing;
    let make = |pos: usize| {
        let entry = &board[order[pos]];
        let marked = marks.contains(&entry.source);
        card(ctx, entry, &cols, pos == cursor, marked, max_body)
    };
    // Cards are built once each: measuring them for the window is most of the work.
    let mut built: Vec<Option<Card>> = Vec::new();
    let base = cursor.saturating_sub(height);
    let mut rows = |pos: usize| {
        let slot = pos.saturating_sub(base);
        if built.len() <= slot {
            built.resize_with(slot + 1, || None);
        }
        built[slot].get_or_insert_with(|| make(pos)).height() + spacing
    };
    let (first, end) = window(height, order.len(), cursor, &mut rows);
    let mut lines: Vec<Line<'static>> = Vec::with_capacity(usize::from(body.height));
    let mut cut = 0;
    for pos in first..end {
        let card = built
            .get_mut(pos.saturating_sub(base))
            .and_then(Option::take)
            .unwrap_or_else(|| make(pos));
        if pos != cursor {
            cut += card.cut;
        }
        if pos > first && spacing > 0 {
            let here = group(&board[order[pos]].status);
            if here != group(&board[order[pos - 1]].status) {
                lines.push(Line::from(vec![
                    Span::raw(" ".repeat(GUTTER)),
                    Span::styled(group_heading(here), theme.heading),
                ]));
            } else {
                lines.push(Line::default());
            }
        }
        lines.push(card.head);
        lines.extend(card.body);
    }
    draw_lines(frame.buffer_mut(), body, &lines);
    ListWindow { first, end, cut }
}

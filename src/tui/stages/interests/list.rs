//! The interest lists of the self-interest stage: each partner's box, its interests
//! grouped by weight and scrolled around the cursor, and the hints set into its border.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};

use crate::domain::{Interest, ItemId, Weight};
use crate::tui::theme::Theme;
use crate::tui::widgets::{display_width, truncate_to_width, wrap_lines};

use super::super::text::one_line;
use super::super::{CHANGED_MARK, changed_style};
use super::forms::position_of;

/// One partner column to draw.
pub(super) struct Column {
    pub(super) index: usize,
    pub(super) rect: Rect,
    pub(super) focused: bool,
    pub(super) hints: EdgeHints,
}

/// Partners hidden beyond the left and right edge, said on the outer columns.
#[derive(Clone, Copy)]
pub(super) struct EdgeHints {
    pub(super) left: usize,
    pub(super) right: usize,
}

/// Draws the column's box with the partner's name and count, and the hints about hidden
/// partners; returns the inside of the box.
pub(super) fn draw_frame(
    buf: &mut Buffer,
    theme: &Theme,
    column: &Column,
    name: &str,
    count: usize,
) -> Rect {
    let area = column.rect;
    if area.is_empty() {
        return area;
    }
    let partner_style = theme.partner(column.index);
    let count_text = match count {
        1 => "· 1 interest ".to_string(),
        n => format!("· {n} interests "),
    };
    // Corners and a cell of border either side stay visible.
    let room = usize::from(area.width.saturating_sub(4));
    let with_count = display_width(name) + 2 + display_width(&count_text) <= room;
    let name_room = room.saturating_sub(2);
    let mut title = vec![Span::styled(
        format!(" {} ", truncate_to_width(name, name_room)),
        partner_style,
    )];
    if with_count {
        title.push(Span::styled(count_text, theme.muted));
    }
    // The focused column gets a heavier frame, not only another colour.
    let (border_type, border_style) = if column.focused {
        (BorderType::Thick, theme.focus_border)
    } else {
        (BorderType::Rounded, theme.border)
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(border_type)
        .border_style(border_style)
        .title(Line::from(title));
    let inner = block.inner(area);
    ratatui::widgets::Widget::render(block, area, buf);
    inner
}

/// The inside of a box less one cell of breathing room either side.
pub(super) fn pad(inner: Rect) -> Rect {
    if inner.width > 2 {
        Rect::new(inner.x + 1, inner.y, inner.width - 2, inner.height)
    } else {
        inner
    }
}

/// The hints set into a column's bottom border: partners hidden beyond the left and
/// right edge (on the outer columns) and interests scrolled away below. Each is drawn
/// only where it fits whole, so hints never overwrite each other.
pub(super) fn draw_bottom_hints(buf: &mut Buffer, theme: &Theme, column: &Column, below: usize) {
    let rect = column.rect;
    if rect.height < 2 || rect.width < 6 {
        return;
    }
    let y = rect.bottom() - 1;
    // Cells of the border between the corners that are still free.
    let (mut free_from, mut free_to) = (rect.x + 1, rect.right() - 1);
    let mut put = |text: String, at_left: bool, from: &mut u16, to: &mut u16| {
        let w = display_width(&text) as u16;
        if w > to.saturating_sub(*from) {
            return false;
        }
        let x = if at_left { *from } else { *to - w };
        buf.set_line(x, y, &Line::styled(text, theme.accent), w);
        if at_left {
            *from += w;
        } else {
            *to -= w;
        }
        true
    };
    if column.hints.left > 0 {
        put(
            format!(" ◀ {} more ", column.hints.left),
            true,
            &mut free_from,
            &mut free_to,
        );
    }
    if column.hints.right > 0 {
        put(
            format!(" {} more ▶ ", column.hints.right),
            false,
            &mut free_from,
            &mut free_to,
        );
    }
    if below > 0 {
        for text in [format!(" ↓ {below} more "), format!(" ↓ {below} ")] {
            let w = display_width(&text) as u16;
            let room = free_to.saturating_sub(free_from);
            if w <= room {
                // Centred in the column when that is free, else in what is left.
                let centre = rect.x + rect.width.saturating_sub(w) / 2;
                let x = centre.clamp(free_from, free_to - w);
                buf.set_line(x, y, &Line::styled(text, theme.accent), w);
                break;
            }
        }
    }
}

pub(super) fn weight_mark(weight: Weight) -> &'static str {
    match weight {
        Weight::NonNegotiable => "■",
        Weight::Important => "▲",
        Weight::Negotiable => "◇",
    }
}

pub(super) fn weight_heading(weight: Weight) -> &'static str {
    match weight {
        Weight::NonNegotiable => "Non-negotiable",
        Weight::Important => "Important",
        Weight::Negotiable => "Negotiable",
    }
}

pub(super) fn weight_style(theme: &Theme, weight: Weight) -> Style {
    match weight {
        Weight::NonNegotiable => theme.bad,
        Weight::Important => theme.warn,
        Weight::Negotiable => theme.good,
    }
}

/// Cells the statement takes on one line, without building that line.
pub(super) fn one_line_width(text: &str) -> usize {
    let (words, width) = text
        .split_whitespace()
        .fold((0usize, 0usize), |(n, w), word| {
            (n + 1, w + display_width(word))
        });
    width + words.saturating_sub(1)
}

/// Geometry of the scrolled list: how many rows each interest needs.
pub(super) struct ListShape<'a> {
    items: &'a [&'a Interest],
    text_width: usize,
}

impl ListShape<'_> {
    /// Statement (one or two rows) and its muted detail line.
    fn body(&self, i: usize) -> usize {
        let lines = if one_line_width(&self.items[i].statement) <= self.text_width {
            1
        } else {
            2
        };
        lines + 1
    }

    /// Whether interest `i` opens a weight group (and so has a heading above it).
    fn opens_group(&self, i: usize) -> bool {
        i == 0 || self.items[i - 1].weight != self.items[i].weight
    }

    /// The interests to show, first and last, with `cursor` among them and as near the
    /// middle as the list allows. The first shown always gets its group's heading, even
    /// in the middle of a group, so a weight never scrolls out of sight.
    fn window(&self, cursor: usize, rows: usize) -> (usize, usize) {
        let n = self.items.len();
        let cursor = cursor.min(n.saturating_sub(1));
        let (mut first, mut last) = (cursor, cursor);
        let mut used = 1 + self.body(cursor);
        // Cost of showing one more interest above the first: its heading and body, plus
        // the gap (and perhaps heading) the old first now needs.
        let cost_before = |s: usize| 1 + self.body(s - 1) + usize::from(self.opens_group(s));
        let cost_after = |e: usize| 1 + usize::from(self.opens_group(e + 1)) + self.body(e + 1);
        let half = rows.saturating_sub(used) / 2;
        let mut spent_before = 0;
        while first > 0 {
            let cost = cost_before(first);
            if used + cost > rows || spent_before + cost > half {
                break;
            }
            used += cost;
            spent_before += cost;
            first -= 1;
        }
        while last + 1 < n {
            let cost = cost_after(last);
            if used + cost > rows {
                break;
            }
            used += cost;
            last += 1;
        }
        // Near the end of the list the room below is unused: fill it from above.
        while first > 0 {
            let cost = cost_before(first);
            if used + cost > rows {
                break;
            }
            used += cost;
            first -= 1;
        }
        (first, last)
    }
}

/// What `draw_list` left out of a column.
pub(super) struct Drawn {
    /// Interests scrolled away above the first shown.
    pub(super) above: usize,
    /// Interests scrolled away below the last shown.
    pub(super) below: usize,
    /// Rows of statements cut at their two-row limit.
    pub(super) cut_rows: usize,
}

/// Draws the interests of one column into `list`; returns what it could not show.
pub(super) fn draw_list(
    buf: &mut Buffer,
    theme: &Theme,
    items: &[&Interest],
    (cursor, focused, changed): (usize, bool, Option<ItemId>),
    list: Rect,
    inner: Rect,
) -> Drawn {
    if list.is_empty() || items.is_empty() {
        // No row for any of them: all are below, where the hint says so.
        return Drawn {
            above: 0,
            below: items.len(),
            cut_rows: 0,
        };
    }
    let width = usize::from(list.width);
    let text_width = width.saturating_sub(2).max(1);
    let shape = ListShape { items, text_width };
    let (first, last) = shape.window(cursor, usize::from(list.height));

    let mut counts = [0usize; 3];
    for item in items {
        counts[position_of(Weight::ALL, &item.weight)] += 1;
    }

    let mut cut_rows = 0;
    let mut y = list.y;
    let bottom = list.bottom();
    let mut put = |buf: &mut Buffer, line: Line, highlight: Option<Style>| {
        if y >= bottom {
            return;
        }
        if let Some(style) = highlight {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
        buf.set_line(list.x, y, &line, list.width);
        y += 1;
    };
    for (i, item) in items.iter().enumerate().take(last + 1).skip(first) {
        if i > first {
            put(buf, Line::default(), None);
        }
        if i == first || shape.opens_group(i) {
            let style = weight_style(theme, item.weight);
            let n = counts[position_of(Weight::ALL, &item.weight)];
            let heading = format!(
                "{} {} · {n}",
                weight_mark(item.weight),
                weight_heading(item.weight)
            );
            let heading_width = display_width(&heading);
            let mut spans = vec![Span::styled(truncate_to_width(&heading, width), style)];
            // Interests scrolled away above are said on the top heading, which is
            // always there, rather than on the frame where the partner's name is.
            if i == first && first > 0 {
                let hint = [format!("↑ {first} more"), format!("↑ {first}")]
                    .into_iter()
                    .find(|h| heading_width + 2 + display_width(h) <= width);
                if let Some(hint) = hint {
                    let gap = width - heading_width - display_width(&hint);
                    spans.push(Span::raw(" ".repeat(gap)));
                    spans.push(Span::styled(hint, theme.accent));
                }
            }
            put(buf, Line::from(spans), None);
        }
        // Only the focused column shows its cursor, so the wall has one place to look.
        let selected = i == cursor && focused;
        let highlight = selected.then_some(theme.selected);
        // What the replayed event just changed stands out, marked, unless the cursor is
        // on it.
        let marked = !selected && changed == Some(item.id);
        let pick = |normal: Style| match (selected, marked) {
            (true, _) => theme.selected,
            (false, true) => normal.patch(changed_style(theme)),
            (false, false) => normal,
        };
        let (rows, cut) = statement_rows(&item.statement, text_width);
        cut_rows += cut;
        for (row, text) in rows.into_iter().enumerate() {
            // The mark shows under the cursor too; the selection keeps its style.
            let lead = if row == 0 && changed == Some(item.id) {
                Span::styled(format!("{CHANGED_MARK} "), pick(theme.text))
            } else if row == 0 {
                Span::styled(
                    format!("{} ", weight_mark(item.weight)),
                    pick(weight_style(theme, item.weight)),
                )
            } else {
                Span::styled("  ", pick(theme.text))
            };
            put(
                buf,
                Line::from(vec![lead, Span::styled(text, pick(theme.text))]),
                highlight,
            );
        }
        let detail = detail_text(item, text_width);
        put(
            buf,
            Line::from(vec![
                Span::raw("  "),
                Span::styled(detail, pick(theme.muted)),
            ]),
            highlight,
        );
    }
    Drawn {
        above: first,
        below: items.len() - 1 - last,
        cut_rows,
    }
}

/// `text` on one line per word-wrapped row of `width` cells, at most `max_rows` of them,
/// the last ending in "…" when the text goes on; and how many rows were cut off.
pub(super) fn clipped_rows(text: &str, width: usize, max_rows: usize) -> (Vec<String>, usize) {
    let text = one_line(text);
    let wrapped = wrap_lines(&[Line::raw(text)], width as u16);
    let mut rows: Vec<String> = wrapped
        .iter()
        .take(max_rows)
        .map(|l| l.to_string())
        .collect();
    if wrapped.len() > max_rows
        && let Some(last) = rows.last_mut()
    {
        // "ask engineering,…" reads as a cut; "ask engineering…" as more to come.
        let kept = last.trim_end_matches([',', ';', ':', ' ', '—']);
        *last = if display_width(kept) < width {
            format!("{kept}…")
        } else {
            truncate_to_width(last, width)
        };
    }
    (rows, wrapped.len().saturating_sub(max_rows))
}

/// The statement in at most two rows of `width` cells, and the rows cut off after them.
pub(super) fn statement_rows(statement: &str, width: usize) -> (Vec<String>, usize) {
    if statement.trim().is_empty() {
        return (vec!["(no statement)".to_string()], 0);
    }
    clipped_rows(statement, width, 2)
}

/// A mark followed by `text` wrapped under itself (not under the mark), in at most two
/// rows, all in `style`.
pub(super) fn hanging(mark: &str, text: &str, style: Style, width: u16) -> Vec<Line<'static>> {
    let indent = display_width(mark) + 1;
    let room = usize::from(width).saturating_sub(indent);
    if room == 0 {
        return Vec::new();
    }
    clipped_rows(text, room, 2)
        .0
        .into_iter()
        .enumerate()
        .map(|(row, text)| {
            let lead = if row == 0 {
                format!("{mark} ")
            } else {
                " ".repeat(indent)
            };
            Line::from(vec![Span::styled(lead, style), Span::styled(text, style)])
        })
        .collect()
}

/// "territory · stated by sales", shortened to fit.
pub(super) fn detail_text(item: &Interest, width: usize) -> String {
    let full = format!("{} · stated by {}", item.category, item.function);
    if display_width(&full) <= width {
        return full;
    }
    let short = format!("{} · by {}", item.category, item.function);
    truncate_to_width(&short, width)
}

/// A thin labelled rule at the top of `area`; returns the rows under it.
pub(super) fn draw_rule(buf: &mut Buffer, theme: &Theme, area: Rect) -> Rect {
    if area.is_empty() {
        return area;
    }
    let label = " Who has spoken ";
    let width = usize::from(area.width);
    let line = if width >= display_width(label) + 4 {
        let rest = width - display_width(label) - 2;
        Line::from(vec![
            Span::styled("──", theme.border),
            Span::styled(label, theme.muted),
            Span::styled("─".repeat(rest), theme.border),
        ])
    } else {
        Line::styled("─".repeat(width), theme.border)
    };
    buf.set_line(area.x, area.y, &line, area.width);
    Rect::new(area.x, area.y + 1, area.width, area.height - 1)
}

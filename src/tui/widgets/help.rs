//! The help overlay: every key of the screen in two aligned columns under section
//! headings, scrolled when it does not fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::dialog::{border_title, framed_block};
use super::text::{display_width, line_width, wrap_lines};
use super::{DialogStyle, KeyHelp, centered, to_u16};

/// Gap between the key column and the description column of the help.
const HELP_COLUMN_GAP: usize = 2;
/// Indent of help entries below their section heading.
const HELP_INDENT: usize = 2;
/// Below this description width the help stacks description under key, since
/// a column a few cells wide would wrap into an unreadable ribbon.
const HELP_MIN_WHAT_WIDTH: usize = 12;

/// Draws a large centred overlay listing keys in two aligned columns, grouped
/// under section headings.
///
/// `scroll` is the number of rows scrolled past; it is clamped, so a caller
/// that overshoots still sees the last page (see [`help_overlay_max_scroll`]
/// to clamp its own counter). When rows are hidden below, the bottom border
/// shows `↓ more`; when rows are hidden above, it shows `↑ more`
/// (both: `↑ ↓ more`).
pub fn render_help_overlay(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    sections: &[(&str, &[KeyHelp])],
    scroll: u16,
    style: DialogStyle,
    key_style: Style,
) {
    let area = area.intersection(frame.area());
    if area.is_empty() {
        return;
    }
    let layout = help_layout(area, title, sections, style, key_style);
    let visible = usize::from(layout.inner.height);
    let max_scroll = layout.rows.len().saturating_sub(visible);
    let top = usize::from(scroll).min(max_scroll);
    let hidden_above = top > 0;
    let hidden_below = top + visible < layout.rows.len();

    let mut block = framed_block(style, layout.pad_x, 0);
    if let Some(t) = border_title(title, layout.rect.width) {
        block = block.title(Line::styled(t, style.title).centered());
    }
    let hint = match (hidden_above, hidden_below) {
        (true, true) => Some(" ↑ ↓ more "),
        (false, true) => Some(" ↓ more "),
        (true, false) => Some(" ↑ more "),
        (false, false) => None,
    };
    if let Some(hint) = hint
        && usize::from(layout.rect.width) >= display_width(hint) + 2
    {
        block = block.title_bottom(Line::styled(hint, style.title).right_aligned());
    }
    let rows: Vec<Line<'static>> = layout.rows.into_iter().skip(top).take(visible).collect();
    frame.render_widget(Clear, layout.rect);
    frame.render_widget(block, layout.rect);
    frame.render_widget(Paragraph::new(rows).style(style.body), layout.inner);
}

/// The largest useful `scroll` for [`render_help_overlay`] with the same
/// area, title and sections: scrolling further would show nothing new.
pub fn help_overlay_max_scroll(area: Rect, title: &str, sections: &[(&str, &[KeyHelp])]) -> u16 {
    let style = DialogStyle::default();
    let layout = help_layout(area, title, sections, style, Style::default());
    to_u16(
        layout
            .rows
            .len()
            .saturating_sub(usize::from(layout.inner.height)),
    )
}

/// Where the help overlay goes and what it shows, before scrolling.
struct HelpLayout {
    rect: Rect,
    inner: Rect,
    pad_x: u16,
    rows: Vec<Line<'static>>,
}

fn help_layout(
    area: Rect,
    title: &str,
    sections: &[(&str, &[KeyHelp])],
    style: DialogStyle,
    key_style: Style,
) -> HelpLayout {
    // A margin lets the screen beneath show around the overlay, so it reads as
    // a layer that will go away rather than a new screen.
    let margin_x = if area.width >= 40 { 2 } else { 0 };
    let margin_y = if area.height >= 16 { 1 } else { 0 };
    let avail_w = usize::from(area.width.saturating_sub(2 * margin_x));
    let avail_h = area.height.saturating_sub(2 * margin_y);
    let pad_x: usize = if avail_w >= 40 {
        2
    } else if avail_w >= 12 {
        1
    } else {
        0
    };

    let key_w = sections
        .iter()
        .flat_map(|(_, keys)| keys.iter())
        .map(|k| display_width(k.keys))
        .max()
        .unwrap_or(0);
    let what_w = sections
        .iter()
        .flat_map(|(_, keys)| keys.iter())
        .map(|k| display_width(k.what))
        .max()
        .unwrap_or(0);
    let heading_w = sections
        .iter()
        .map(|(h, _)| display_width(h))
        .max()
        .unwrap_or(0);
    let content_w = heading_w.max(HELP_INDENT + key_w + HELP_COLUMN_GAP + what_w);
    // "Large": at least 60 cells when the terminal has them, so the help
    // always looks like the same familiar panel.
    let box_w = (content_w + 2 * pad_x + 2)
        .max(display_width(title) + 4)
        .max(avail_w.min(60))
        .min(avail_w);
    let inner_w = box_w.saturating_sub(2 + 2 * pad_x);
    let rows = help_rows(sections, inner_w, key_w, style, key_style);
    let box_h = to_u16(rows.len() + 2).min(avail_h);
    let rect = centered(area, to_u16(box_w), box_h);
    let inner = framed_block(style, to_u16(pad_x), 0).inner(rect);
    HelpLayout {
        rect,
        inner,
        pad_x: to_u16(pad_x),
        rows,
    }
}

fn help_rows(
    sections: &[(&str, &[KeyHelp])],
    inner_w: usize,
    key_w: usize,
    style: DialogStyle,
    key_style: Style,
) -> Vec<Line<'static>> {
    let mut rows = Vec::new();
    if inner_w == 0 {
        return rows;
    }
    let inner_u16 = to_u16(inner_w);
    let indent = HELP_INDENT.min(inner_w / 4);
    // The key column gets what it needs but never more than 40% of the row,
    // so descriptions keep room to be read.
    let key_col = key_w.min(inner_w * 2 / 5).max(1);
    let what_col = inner_w.saturating_sub(indent + key_col + HELP_COLUMN_GAP);
    let side_by_side = what_col >= HELP_MIN_WHAT_WIDTH;

    for (i, (heading, keys)) in sections.iter().enumerate() {
        if i > 0 {
            rows.push(Line::default());
        }
        if !heading.is_empty() {
            rows.extend(wrap_lines(
                &[Line::styled(heading.to_string(), style.title)],
                inner_u16,
            ));
        }
        for k in keys.iter() {
            if side_by_side {
                let key_rows = wrap_lines(&[Line::styled(k.keys, key_style)], to_u16(key_col));
                let what_rows = wrap_lines(&[Line::styled(k.what, style.body)], to_u16(what_col));
                let n = key_rows.len().max(what_rows.len());
                for r in 0..n {
                    let key_part = key_rows.get(r).cloned().unwrap_or_default();
                    let pad = key_col.saturating_sub(line_width(&key_part));
                    let mut spans = vec![Span::raw(" ".repeat(indent))];
                    spans.extend(key_part.spans);
                    spans.push(Span::raw(" ".repeat(pad + HELP_COLUMN_GAP)));
                    if let Some(w) = what_rows.get(r) {
                        spans.extend(w.spans.iter().cloned());
                    }
                    rows.push(Line::from(spans));
                }
            } else {
                // Too narrow for columns: key on its own row, description
                // indented beneath it.
                let sub = inner_w.saturating_sub(indent);
                for line in wrap_lines(&[Line::styled(k.keys, key_style)], to_u16(sub)) {
                    rows.push(indented(line, indent));
                }
                let deeper = (indent + 2).min(inner_w.saturating_sub(1));
                let sub = inner_w.saturating_sub(deeper);
                for line in wrap_lines(&[Line::styled(k.what, style.body)], to_u16(sub)) {
                    rows.push(indented(line, deeper));
                }
            }
        }
    }
    rows
}

fn indented(line: Line<'static>, indent: usize) -> Line<'static> {
    let mut spans = vec![Span::raw(" ".repeat(indent))];
    spans.extend(line.spans);
    Line::from(spans)
}

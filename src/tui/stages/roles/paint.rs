//! Small drawing helpers of the role split: splitting the body between the panes,
//! writing clipped text, and a pane's title row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::domain::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::{display_width, truncate_to_width};

use super::super::take_top;
use super::table::to_u16;

/// Splits the body between the panes. The roles table is the main work of the stage and
/// gets up to three fifths; either pane gives the other what it does not need.
pub(super) fn split_panes(area: Rect, s: &Session) -> (Rect, Rect) {
    let h = usize::from(area.height);
    let roles_need = 2 + s.roles.len().max(1);
    let most_holes = s
        .partners
        .iter()
        .map(|p| s.holes_of(p.id).count())
        .max()
        .unwrap_or(0)
        .max(1);
    // Separator, title, partner names, then two rows per hole.
    let holes_need = 3 + most_holes * 2;
    let share = h * 3 / 5;
    let roles_h = roles_need
        .min(share.max(h.saturating_sub(holes_need)))
        .min(h);
    take_top(area, to_u16(roles_h))
}

/// Writes `text` at (`x`, `y`) within `clip`, at most `width` cells; returns the x after
/// it. Anything outside `clip` is skipped, so callers can lay out without bounds checks.
pub(super) fn put(
    buf: &mut Buffer,
    clip: Rect,
    x: u16,
    y: u16,
    text: &str,
    width: u16,
    style: Style,
) -> u16 {
    let clip = clip.intersection(buf.area);
    if y < clip.top() || y >= clip.bottom() || x < clip.left() || x >= clip.right() {
        return x;
    }
    let room = clip.right().saturating_sub(x).min(width);
    buf.set_stringn(x, y, text, usize::from(room), style).0
}

/// Paints `width` cells from (`x`, `y`) with `style`, within `clip`.
pub(super) fn fill(buf: &mut Buffer, clip: Rect, x: u16, y: u16, width: u16, style: Style) {
    let rect = Rect::new(x, y, width, 1).intersection(clip);
    buf.set_style(rect, style);
}

pub(super) fn centred_x(x: u16, width: u16, text_width: usize) -> u16 {
    x.saturating_add(width.saturating_sub(to_u16(text_width)) / 2)
}

/// A pane's title row: a marker and the title on the left (the marker, not only the
/// colour, says which pane the keys act on), and notes on the right when they fit.
pub(super) fn draw_title(
    buf: &mut Buffer,
    row: Rect,
    title: &str,
    focused: bool,
    notes: &[(String, Style)],
    theme: &Theme,
) {
    if row.is_empty() {
        return;
    }
    let (marker, style) = if focused {
        ("▶ ", theme.accent)
    } else {
        ("  ", theme.muted)
    };
    let x = put(buf, row, row.x, row.y, marker, row.width, theme.accent);
    let room = usize::from(row.right().saturating_sub(x));
    let title = truncate_to_width(title, room);
    let end = put(buf, row, x, row.y, &title, row.width, style);
    // Notes are dropped from the front (the most expendable come first) until the rest fits.
    const SEP: &str = "   ";
    let free = usize::from(row.right().saturating_sub(end));
    for skip in 0..notes.len() {
        let shown = &notes[skip..];
        let need: usize = shown.iter().map(|(t, _)| display_width(t)).sum::<usize>()
            + display_width(SEP) * shown.len();
        if need <= free {
            let mut nx = row
                .right()
                .saturating_sub(to_u16(need))
                .saturating_add(to_u16(display_width(SEP)));
            for (i, (text, style)) in shown.iter().enumerate() {
                if i > 0 {
                    nx = put(buf, row, nx, row.y, SEP, row.width, theme.muted);
                }
                nx = put(buf, row, nx, row.y, text, row.width, *style);
            }
            return;
        }
    }
}

//! The holes pane: per partner, the gaps in its own business and who is to fill each
//! one, with the classic mistaken belief (another partner fills it) flagged in words.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::domain::describe::filler_label;
use crate::domain::timeline::Changed;
use crate::domain::{Hole, HoleFiller, ItemId, PartnerId, Session};
use crate::tui::widgets::{display_width, truncate_to_width, wrap_lines};

use super::super::columns::partner_columns;
use super::super::{StageCtx, changed_style, scroll_offset, take_top};
use super::paint::{draw_title, fill, put};
use super::table::{MARGIN, partner_label, to_u16};
use super::{Pane, RolesScreen};

/// Narrowest holes column: a hole's words need room to be read.
const HOLE_COLUMN_MIN: u16 = 26;

impl RolesScreen {
    /// Draws the holes pane: a title with the pane's warnings, then one column per partner.
    pub(super) fn render_holes(&self, buf: &mut Buffer, area: Rect, ctx: &StageCtx) {
        let s = ctx.session;
        let theme = ctx.theme;
        let changed_hole = match ctx.highlight {
            Some(Changed::Hole(id)) => Some(*id),
            _ => None,
        };
        let focused = self.pane == Pane::Holes;
        // A blank row keeps the two panes apart, when there is a row to spare.
        let area = if area.height > 3 {
            take_top(area, 1).1
        } else {
            area
        };
        let (title_row, body) = take_top(area, 1);
        // Shifted one cell so that, with each column's own one-cell inset, hole text lines
        // up with the role names above.
        let body = Rect::new(
            body.x.saturating_add(MARGIN - 1),
            body.y,
            body.width.saturating_sub(MARGIN - 1),
            body.height,
        )
        .intersection(body);
        let window = partner_columns(body, s.partners.len(), self.hole_partner, HOLE_COLUMN_MIN);

        let mut right = Vec::with_capacity(3);
        let misplaced = s
            .holes
            .iter()
            .filter(|h| matches!(h.filled_by, HoleFiller::Partner(_)))
            .count();
        if misplaced > 0 {
            let text = match misplaced {
                1 => "⚠ 1 hole expects another partner".to_string(),
                n => format!("⚠ {n} holes expect another partner"),
            };
            right.push((text, theme.warn));
        }
        if window.hidden_left > 0 {
            right.push((format!("◀ {} more", window.hidden_left), theme.accent));
        }
        if window.hidden_right > 0 {
            right.push((format!("{} more ▶", window.hidden_right), theme.accent));
        }
        draw_title(
            buf,
            title_row,
            "Holes — gaps each partner must own",
            focused,
            &right,
            theme,
        );

        let mut used = 0;
        let (mut shown, mut cut) = (0, 0);
        // Another partner's column shows the top of its list: reaching the rest means
        // moving into that column first.
        let mut elsewhere = false;
        for &(index, rect) in &window.columns {
            let Some(partner) = s.partners.get(index) else {
                continue;
            };
            let column_focused = focused && index == self.hole_partner;
            let inner = Rect::new(
                rect.x.saturating_add(1),
                rect.y,
                rect.width.saturating_sub(2),
                rect.height,
            )
            .intersection(body);
            let cursor = column_focused.then_some(self.hole);
            let (rows, fit) = draw_hole_column(
                buf,
                inner,
                ctx,
                (index, partner.id),
                (cursor, changed_hole),
                column_focused,
            );
            used = used.max(rows);
            shown += fit.shown;
            cut += fit.cut;
            elsewhere |= index != self.hole_partner && fit.shown < fit.total;
        }
        // Holes of partners whose columns slid away count as hidden too. The domain
        // removes a partner only once nothing refers to it, so every hole has a column.
        let hidden = s.holes.len().saturating_sub(shown);
        let keys = match (
            focused,
            elsewhere || window.columns.len() < s.partners.len(),
        ) {
            (true, false) => "↑↓",
            (true, true) => "↑↓ ←→",
            (false, false) => "Tab ↑↓",
            (false, true) => "Tab ↑↓ ←→",
        };
        ctx.fit.hide(hidden, "holes", keys);
        let cut_keys = if focused {
            "↑↓ ←→ z"
        } else {
            "Tab ↑↓ ←→ z"
        };
        ctx.fit.hide(cut, "holes cut short", cut_keys);
        // A thin rule between columns reads as "separate businesses" from across a room;
        // it stops where the holes do, so an empty pane stays quiet.
        let last = window.columns.last().map(|c| c.0);
        for &(index, rect) in &window.columns {
            if Some(index) == last {
                break;
            }
            for y in rect.top()..rect.top().saturating_add(used).min(rect.bottom()) {
                put(buf, body, rect.right(), y, "│", 1, theme.border);
            }
        }
    }
}

/// What one partner's holes column showed.
#[derive(Debug, Default)]
struct HoleFit {
    /// The partner's holes, and how many of them are in view.
    total: usize,
    shown: usize,
    /// Holes in view whose words or filler were cut to the column's width.
    cut: usize,
}

/// Draws one partner's holes in `area`: name on top, then each hole on two rows, its
/// words and who fills it. `index` is the partner's position (its colour), `owner` its
/// id. Returns the number of rows drawn and what fit.
fn draw_hole_column(
    buf: &mut Buffer,
    area: Rect,
    ctx: &StageCtx,
    (index, owner): (usize, PartnerId),
    (cursor, changed): (Option<usize>, Option<ItemId>),
    focused: bool,
) -> (u16, HoleFit) {
    let (s, theme) = (ctx.session, ctx.theme);
    let holes: Vec<&Hole> = s.holes_of(owner).collect();
    let mut fit = HoleFit {
        total: holes.len(),
        ..HoleFit::default()
    };
    if area.is_empty() {
        return (0, fit);
    }
    let (header, list) = take_top(area, 1);
    let width = usize::from(area.width);
    // The focused column is marked by a word-free symbol as well as the cursor, so an
    // empty column still shows where `a` will add.
    let marker = if focused { "▶ " } else { "" };
    let item_gap = usize::from(list.height >= 9);
    let per_item = 2 + item_gap;
    let visible = (usize::from(list.height) + item_gap) / per_item;
    let offset = cursor.map_or(0, |c| scroll_offset(c, holes.len(), visible));

    let count = match holes.len() {
        0 => String::new(),
        n if n > visible && visible > 0 => {
            format!("{}–{} of {n}", offset + 1, (offset + visible).min(n))
        }
        1 => "1 hole".to_string(),
        n => format!("{n} holes"),
    };
    let count_w = display_width(&count);
    let name_room =
        width.saturating_sub(display_width(marker) + if count_w > 0 { count_w + 2 } else { 0 });
    let name = truncate_to_width(&s.partner_name(owner), name_room.max(1));
    let mut x = put(
        buf,
        area,
        header.x,
        header.y,
        marker,
        header.width,
        theme.accent,
    );
    x = put(
        buf,
        area,
        x,
        header.y,
        &name,
        header.width,
        theme.partner(index),
    );
    if count_w > 0 && display_width(marker) + display_width(&name) + 2 + count_w <= width {
        let cx = header.right().saturating_sub(to_u16(count_w));
        put(
            buf,
            area,
            cx.max(x),
            header.y,
            &count,
            header.width,
            theme.muted,
        );
    }

    if holes.is_empty() {
        // A read-only view cannot add one, so it does not say how.
        let text = if ctx.read_only {
            format!("No holes named for {}", s.partner_name(owner))
        } else {
            format!(
                "No holes named for {} — press a to add one",
                s.partner_name(owner)
            )
        };
        let lines = wrap_lines(&[Line::styled(text, theme.muted)], list.width);
        let shown = lines.len().min(usize::from(list.height));
        for (i, line) in lines.iter().take(shown).enumerate() {
            buf.set_line(list.x, list.y.saturating_add(to_u16(i)), line, list.width);
        }
        return (to_u16(1 + shown), fit);
    }
    let text_room = width.saturating_sub(2);
    for (slot, (i, hole)) in holes
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .enumerate()
    {
        let y = list.y.saturating_add(to_u16(slot * per_item));
        let selected = cursor == Some(i);
        let (text_style, filler_style) = if selected {
            fill(buf, list, list.x, y, list.width, theme.selected);
            fill(
                buf,
                list,
                list.x,
                y.saturating_add(1),
                list.width,
                theme.selected,
            );
            (theme.selected, theme.selected)
        } else {
            let filler_style = match hole.filled_by {
                HoleFiller::Itself => theme.good,
                HoleFiller::Partner(_) => theme.warn,
                HoleFiller::ThirdParty | HoleFiller::Unresolved => theme.muted,
            };
            (theme.text, filler_style)
        };
        // The hole the replayed event just changed: marked, in the changed style.
        let marked = !selected && changed == Some(hole.id);
        let (bullet, text_style) = if marked {
            ("● ", changed_style(theme))
        } else {
            ("• ", text_style)
        };
        let x = put(buf, list, list.x, y, bullet, 2, text_style);
        let text = truncate_to_width(&hole.text, text_room);
        put(buf, list, x, y, &text, list.width, text_style);
        let filler = filler_words(s, hole.filled_by, text_room);
        let shown_filler = truncate_to_width(&filler, text_room);
        put(
            buf,
            list,
            list.x.saturating_add(2),
            y.saturating_add(1),
            &shown_filler,
            list.width,
            filler_style,
        );
        fit.cut += usize::from(text != hole.text || shown_filler != filler);
    }
    let items = holes.len().saturating_sub(offset).min(visible);
    fit.shown = items;
    let rows = to_u16(1 + (items * per_item).saturating_sub(item_gap)).min(area.height);
    (rows, fit)
}

/// Who fills a hole, in words with a symbol, so the warning does not rest on colour. A
/// partner's name shortens to its first word rather than cutting the warning short.
pub(super) fn filler_words(s: &Session, filler: HoleFiller, width: usize) -> String {
    match filler {
        HoleFiller::Partner(p) => {
            let frame = display_width("⚠ expects  to fill this");
            let name = match s.partner_index(p) {
                Some(index) => partner_label(s, index, width.saturating_sub(frame).max(1)),
                None => s.partner_name(p),
            };
            format!("⚠ expects {name} to fill this")
        }
        HoleFiller::Itself => format!("✔ filled by {}", filler_label(s, filler)),
        HoleFiller::ThirdParty => format!("→ filled by {}", filler_label(s, filler)),
        HoleFiller::Unresolved => format!("? filled by {}", filler_label(s, filler)),
    }
}

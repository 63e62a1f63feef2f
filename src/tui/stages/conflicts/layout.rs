//! How the conflict check lays out its body: the readiness line on top, then the list
//! with the detail panel beside or under it, the matrix above the list on large screens
//! or alone on smaller ones, and the calm words of an empty board.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::stages::marks::readiness_rows;
use crate::tui::stages::{StageCtx, draw_lines, take_top};
use crate::tui::widgets::wrap_lines;

use super::detail::{render_compact_detail, render_side_detail, side_detail_lines};
use super::list::{ListWindow, render_list};
use super::matrix::Matrix;
use super::{ConflictsScreen, Focus, GAP, GUTTER, INLINE_MATRIX_MIN, SIDE_PANEL_MIN_WIDTH};

const EMPTY_STATE: &str = "No conflicts found or entered — the rules found nothing in the \
     role split, the self-interests or the vision that needs the room.";
const EMPTY_STATE_ADD: &str = "If the room sees one anyway, press a to add it.";

impl ConflictsScreen {
    /// Draw the stage body into `area` (header/footer/status are drawn by the app).
    pub(super) fn render_stage(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        let theme = ctx.theme;
        let ready = readiness_rows(ctx.board, theme, area.width);
        let (top, rest) = take_top(area, ready.len().min(2) as u16);
        draw_lines(frame.buffer_mut(), top, &ready);
        // Only on a screen narrower than the app allows; the summary (and its verdict card
        // in focus mode) shows the same line.
        ctx.fit.hide(
            ready.len().saturating_sub(usize::from(top.height)),
            "lines of readiness",
            "PgDn z",
        );
        let rest = if rest.height > 20 {
            take_top(rest, 1).1
        } else {
            rest
        };
        if ctx.board.is_empty() && self.focus == Focus::List {
            let body = Rect::new(
                rest.x.saturating_add(GUTTER as u16),
                rest.y,
                rest.width.saturating_sub(GUTTER as u16),
                rest.height,
            )
            .intersection(rest);
            // Only a view that may change the session invites the room to add one.
            let text = if ctx.read_only {
                EMPTY_STATE.to_string()
            } else {
                format!("{EMPTY_STATE} {EMPTY_STATE_ADD}")
            };
            let lines = wrap_lines(&[Line::styled(text, theme.text)], body.width);
            frame.render_widget(Paragraph::new(lines), body);
            return;
        }
        let inline = rest.width >= INLINE_MATRIX_MIN.0 && rest.height >= INLINE_MATRIX_MIN.1;
        if self.focus == Focus::Matrix && !inline {
            self.render_matrix_view(frame, rest, ctx);
            return;
        }
        let order = self.order(ctx);
        let pos = self.position(ctx.board, &order);
        let (left, detail) = split_for_detail(rest, order.is_empty());
        let left = if inline {
            let matrix = Matrix::of(ctx.session, ctx.board);
            let focused = self.focus == Focus::Matrix;
            let (lines, shape) = self.matrix_lines(&matrix, ctx, usize::from(left.width), focused);
            let h = (lines.len() as u16).min(left.height / 2);
            let (top, below) = take_top(left, h);
            draw_lines(frame.buffer_mut(), top, &lines);
            shape.report(ctx, &matrix, top.height, focused);
            take_top(below, 1).1
        } else {
            left
        };
        let (title_row, list_area) = take_top(left, 1);
        let window = if order.is_empty() {
            let text = if self.filter.is_some() {
                "  Nothing in this cell any more. Press f to show every conflict."
            } else {
                "  Nothing to show."
            };
            frame.render_widget(Paragraph::new(Line::styled(text, theme.muted)), list_area);
            ListWindow::default()
        } else {
            render_list(
                frame,
                list_area,
                ctx,
                &order,
                pos,
                self.marks(ctx.board, &order),
            )
        };
        self.render_list_title(frame, title_row, ctx, &order, (window.first, window.end));
        // Conflicts outside a matrix filter are not hidden for lack of room: the title
        // says the list is filtered and f shows them all.
        ctx.fit.hide(
            window.first + order.len().saturating_sub(window.end),
            "conflicts",
            "↑↓",
        );
        // The severity filter's conflicts are out of view too: `V` brings them back.
        if let Some((count, _, noun)) = self.severity_hidden(ctx.board) {
            ctx.fit.hide(count, noun, "V");
        }
        let mut cut = window.cut;
        if let Some(&i) = order.get(pos) {
            let entry = &ctx.board[i];
            cut += match detail {
                Detail::Side(panel) => render_side_detail(frame, panel, ctx, entry),
                Detail::Below(panel) => render_compact_detail(frame, panel, ctx, entry),
                // No room for the panel: all it would say is out of view.
                Detail::None => side_detail_lines(ctx, entry, rest.width).len(),
            };
        }
        // No key scrolls a description or the panel; focus mode shows the conflict whole.
        ctx.fit.hide(cut, "lines of detail", "z");
    }
}

enum Detail {
    Side(Rect),
    Below(Rect),
    None,
}

/// Puts the detail panel beside the list on wide screens, under it on narrower ones, and
/// leaves it out when there is too little height for both to be readable.
fn split_for_detail(area: Rect, nothing_selected: bool) -> (Rect, Detail) {
    if nothing_selected {
        return (area, Detail::None);
    }
    if area.width >= SIDE_PANEL_MIN_WIDTH {
        let panel_w = (area.width * 2 / 5).clamp(44, 72);
        let list_w = area.width.saturating_sub(panel_w + GAP as u16);
        let list = Rect::new(area.x, area.y, list_w, area.height);
        let panel = Rect::new(
            area.x.saturating_add(list_w + GAP as u16),
            area.y,
            panel_w,
            area.height,
        )
        .intersection(area);
        return (list, Detail::Side(panel));
    }
    if area.height < 12 {
        return (area, Detail::None);
    }
    let panel_h = (area.height * 2 / 5).clamp(5, 12);
    let list_h = area.height - panel_h;
    let list = Rect::new(area.x, area.y, area.width, list_h.saturating_sub(1));
    let panel = Rect::new(area.x, area.y + list_h, area.width, panel_h);
    (list, Detail::Below(panel))
}

//! Drawing the vision stage: the statement on top, one column per partner below it,
//! and the state of the gate on the bottom line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding};

use crate::domain::Session;
use crate::domain::timeline::Changed;

use super::super::columns::{partner_columns, render_more_hints, render_separator};
use super::super::text::{clip_rows, wrap_text};
use super::super::{CHANGED_MARK, StageCtx, changed_style, draw_lines, take_bottom, take_top};
use super::columns::{ColumnContent, ColumnPlan};
use super::gate::render_gate_line;
use super::{MIN_COLUMN_WIDTH, VisionScreen, no_statement};

impl VisionScreen {
    /// Draws the statement on top, one column per partner below it, and the state of
    /// the gate on the bottom line.
    pub(super) fn draw(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        let session = ctx.session;
        let theme = ctx.theme;
        // Blank rows between the parts are the first thing given up on a short screen.
        let roomy = area.height >= 16;

        let (body, gate_row) = take_bottom(area, 1);
        let (statement_height, statement_rows) = statement_layout(session, body, ctx.read_only);
        let (statement_area, rest) = take_top(body, statement_height);
        let changed = ctx.highlight;
        let statement_marked = changed == Some(&Changed::Statement);
        self.render_statement(frame, statement_area, ctx, statement_marked);
        if !session.statement.trim().is_empty() {
            // The box shows its height less the two borders; the rest of the statement
            // has no scroll key, but focus mode (or the editor) shows all of it.
            let shown = usize::from(statement_area.height.saturating_sub(2));
            let keys = if self.row == 0 { "z" } else { "Tab z" };
            ctx.fit.hide(
                statement_rows.saturating_sub(shown),
                "lines of the statement",
                keys,
            );
        }
        let (_, rest) = take_top(rest, u16::from(roomy));

        let count = session.partners.len();
        let focus = self.partner_index(session);
        let window = partner_columns(rest, count, focus, MIN_COLUMN_WIDTH);
        let hidden = window.hidden_left + window.hidden_right > 0;
        // The row under the columns holds the "N more" hints, or stays blank to keep
        // the gate line apart from the answers.
        let (columns_area, hint_row) = if hidden || roomy {
            take_bottom(rest, 1)
        } else {
            (rest, Rect::default())
        };
        let focused_field = self.field();
        // Only where the answer can be written does an empty one say how.
        let invite = !ctx.read_only;
        let columns: Vec<ColumnContent> = window
            .areas(columns_area)
            .filter_map(|(index, area)| {
                let partner = session.partners.get(index)?;
                let field = focused_field.filter(|_| index == focus);
                Some(ColumnContent::new(partner, index, area, field, invite))
            })
            .collect();
        let plan = ColumnPlan::new(&columns, columns_area.height);
        let mut shown_partners = 0;
        let mut hidden_lines = 0;
        let mut names_cut = 0;
        for (n, column) in columns.iter().enumerate() {
            if n > 0 {
                // The separator stops where the answers do, so a tall screen does not
                // show long empty rails.
                let height = plan.height().min(column.area.height);
                render_separator(frame, column.area, height, columns_area, theme);
            }
            let id = column.partner.id;
            let marked =
                matches!(changed, Some(Changed::Vision(p) | Changed::Partner(p)) if *p == id);
            if let Some((hidden, name_cut)) = column.render(frame, &plan, theme, marked) {
                shown_partners += 1;
                hidden_lines += hidden;
                names_cut += usize::from(name_cut);
            }
        }
        // Left and right arrows only move between partners once the cursor is in their
        // columns, so from the statement the way there starts one row down.
        let (partner_keys, answer_keys) = if self.row == 0 {
            ("↓ ←→", "↓ ←→ z")
        } else {
            ("←→", "←→ z")
        };
        // Counted from the columns actually drawn rather than from the window, which
        // also lays out columns that a very short screen leaves no row for.
        ctx.fit.hide(
            count.saturating_sub(shown_partners),
            "partners",
            partner_keys,
        );
        ctx.fit.hide(hidden_lines, "lines of answers", answer_keys);
        ctx.fit
            .hide(names_cut, "partner names cut short", answer_keys);
        if hidden {
            render_more_hints(
                frame,
                hint_row,
                window.hidden_left,
                window.hidden_right,
                theme,
            );
        }
        let gate_marked = changed == Some(&Changed::Gate);
        let cut = render_gate_line(frame, gate_row, ctx, gate_marked);
        // The gate dialog (`g`) says the same in full; where the gate cannot be
        // decided, only a wider window shows the rest.
        let keys = if ctx.read_only { "" } else { "g" };
        ctx.fit.hide(cut, "words of the gate line", keys);
    }

    fn render_statement(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx, marked: bool) {
        if area.is_empty() {
            return;
        }
        let (session, theme) = (ctx.session, ctx.theme);
        let focused = self.row == 0;
        // The mark shows even under the cursor, which starts here.
        let (title, title_style, border) = match (focused, marked) {
            (true, true) => (
                format!(" ▸ {CHANGED_MARK} Shared opportunity "),
                theme.selected,
                changed_style(theme),
            ),
            (true, false) => (
                " ▸ Shared opportunity ".to_string(),
                theme.selected,
                theme.focus_border,
            ),
            (false, true) => (
                format!(" {CHANGED_MARK} Shared opportunity "),
                changed_style(theme),
                changed_style(theme),
            ),
            (false, false) => (
                " Shared opportunity ".to_string(),
                theme.heading,
                theme.border,
            ),
        };
        let agreed = session.partners.iter().filter(|p| p.vision.agreed).count();
        let tally = format!(" {agreed} of {} agree ", session.partners.len());
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(border)
            .padding(Padding::horizontal(1))
            .title(Line::from(Span::styled(title, title_style)))
            .title_bottom(Line::from(Span::styled(tally, theme.muted)).right_aligned());
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let width = usize::from(inner.width);
        let (rows, style) = if session.statement.trim().is_empty() {
            (
                wrap_text(no_statement(ctx.read_only), inner.width),
                theme.muted,
            )
        } else if marked {
            (
                wrap_text(&session.statement, inner.width),
                theme.heading.patch(changed_style(theme)),
            )
        } else {
            (wrap_text(&session.statement, inner.width), theme.heading)
        };
        let rows = clip_rows(rows, usize::from(inner.height), width);
        let lines: Vec<Line> = rows
            .into_iter()
            .map(|r| Line::from(Span::styled(r, style)))
            .collect();
        draw_lines(frame.buffer_mut(), inner, &lines);
    }
}

/// The statement box's height: the wrapped statement, but never more than a fifth of the
/// body, so the partners' answers always keep most of the wall. Also the rows the
/// statement needs, wrapped as the box wraps it (inside its border and padding), so
/// what the box cannot hold can be reported.
fn statement_layout(session: &Session, body: Rect, read_only: bool) -> (u16, usize) {
    let text_width = body.width.saturating_sub(4);
    let text = if session.statement.trim().is_empty() {
        no_statement(read_only)
    } else {
        &session.statement
    };
    let needed = wrap_text(text, text_width).len().max(1);
    let cap = usize::from(body.height / 5).max(1);
    let rows = u16::try_from(needed.min(cap)).unwrap_or(1);
    (rows.saturating_add(2).min(body.height), needed)
}

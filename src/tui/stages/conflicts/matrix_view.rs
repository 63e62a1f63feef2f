//! Drawing the matrix: column heads, cells that read without colour, the columns that
//! fit around the cursor, the matrix alone with a preview of its cell, and the cell as a
//! focus card.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::{ConflictStatus, Session};
use crate::tui::stages::marks::{plural, severity_marker, severity_symbol};
use crate::tui::stages::text::one_line;
use crate::tui::stages::{FocusCard, StageCtx, draw_lines, take_top};
use crate::tui::theme::Theme;
use crate::tui::widgets::{display_width, fit_to_width, truncate_to_width, wrap_lines};

use super::matrix::{Column, Matrix, Tally, filter_label};
use super::words::{display_order, partner_style, short_name};
use super::{CATEGORY_WIDTH, CELL_MAX, CELL_MIN, ConflictsScreen, GAP, GUTTER, MARKER_WIDTH};

impl ConflictsScreen {
    /// The matrix on its own (narrower screens): the grid, then what the cell under the
    /// cursor holds.
    pub(super) fn render_matrix_view(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        let matrix = Matrix::of(ctx.session, ctx.board);
        let (lines, shape) = self.matrix_lines(&matrix, ctx, usize::from(area.width), true);
        let h = (lines.len() as u16).min(area.height);
        let (top, below) = take_top(area, h);
        draw_lines(frame.buffer_mut(), top, &lines);
        shape.report(ctx, &matrix, top.height, true);
        let (r, c) = self.clamped_cell(&matrix);
        let Some(filter) = matrix.filter_at(r, c) else {
            return;
        };
        let order = display_order(ctx, Some(&filter));
        if below.height < 3 {
            // No room to preview the cell: its count is in the grid, Enter lists them.
            ctx.fit.hide(order.len(), "conflicts", "Enter");
            return;
        }
        let below = take_top(below, 1).1;
        let theme = ctx.theme;
        let mut preview = vec![Line::from(vec![
            Span::styled(filter_label(ctx.session, &filter), theme.heading),
            Span::styled(
                match order.len() {
                    0 => "  nothing here".to_string(),
                    n => format!("  {n} — Enter lists them"),
                },
                theme.muted,
            ),
        ])];
        let rows = usize::from(below.height).saturating_sub(1);
        let shown = if order.len() > rows {
            rows.saturating_sub(1)
        } else {
            order.len()
        };
        let text_w = usize::from(below.width).saturating_sub(GUTTER + MARKER_WIDTH + GAP);
        for &i in order.iter().take(shown) {
            let e = &ctx.board[i];
            let quiet = !matches!(e.status, ConflictStatus::Open | ConflictStatus::DealBreaker);
            let (marker, style) = if e.status == ConflictStatus::DealBreaker {
                ("✖ deal-breaker", theme.bad)
            } else if quiet {
                (e.status.label(), theme.muted)
            } else {
                (severity_marker(e.severity), theme.severity(e.severity))
            };
            preview.push(Line::from(vec![
                Span::raw(" ".repeat(GUTTER)),
                Span::styled(fit_to_width(marker, MARKER_WIDTH), style),
                Span::raw(" ".repeat(GAP)),
                Span::styled(
                    fit_to_width(&one_line(&e.description), text_w),
                    if quiet { theme.muted } else { theme.text },
                ),
            ]));
        }
        if order.len() > shown {
            preview.push(Line::styled(
                format!("{}… {} more", " ".repeat(GUTTER), order.len() - shown),
                theme.muted,
            ));
        }
        draw_lines(frame.buffer_mut(), below, &preview);
        ctx.fit.hide(order.len() - shown, "conflicts", "Enter");
    }

    /// The matrix as lines: a title, the column heads, a row per category, a legend;
    /// and where the category rows start and how many columns are out of view.
    pub(super) fn matrix_lines(
        &self,
        matrix: &Matrix,
        ctx: &StageCtx,
        width: usize,
        focused: bool,
    ) -> (Vec<Line<'static>>, MatrixShape) {
        let theme = ctx.theme;
        let session = ctx.session;
        let pairs = matrix.columns.iter().any(|c| matches!(c, Column::Pair(..)));
        let mut lines = Vec::with_capacity(matrix.rows.len() + 5);
        let what = if pairs {
            "categories × partner pairs"
        } else {
            "categories × partners"
        };
        let mut title = vec![
            Span::styled("MATRIX", theme.heading),
            Span::styled(format!("  {what}"), theme.muted),
        ];
        if focused {
            title.push(Span::styled("   ←→↑↓ ", theme.key));
            title.push(Span::styled("cell", theme.muted));
            title.push(Span::styled("  Enter ", theme.key));
            title.push(Span::styled("list it", theme.muted));
            title.push(Span::styled("  Esc ", theme.key));
            title.push(Span::styled("back", theme.muted));
        } else {
            title.push(Span::styled("   m ", theme.key));
            title.push(Span::styled("pick a cell", theme.muted));
        }
        lines.push(Line::from(title));
        if matrix.rows.is_empty() {
            lines.push(Line::styled(
                "  No conflicts yet: nothing to lay out.",
                theme.muted,
            ));
            return (lines, MatrixShape::default());
        }
        let (r0, c0) = self.clamped_cell(matrix);
        let filtered = self.filter.as_ref().and_then(|f| matrix.find(f));
        let anchor = if focused {
            c0
        } else {
            filtered.map_or(0, |(_, c)| c)
        };
        let layout = MatrixLayout::new(width, matrix.columns.len(), anchor);
        let shown = layout.first..layout.first + layout.visible;
        let lead = GUTTER + layout.label_w + 1;

        // Column heads: two rows for pairs ("Northwind" over "& Globex"), else one.
        let head_rows = if pairs { 2 } else { 1 };
        for head_row in 0..head_rows {
            let mut spans = vec![Span::raw(" ".repeat(lead))];
            for column in &matrix.columns[shown.clone()] {
                let w = layout.col_w.saturating_sub(2);
                let (text, style) = column_head(session, theme, column, head_row);
                spans.push(Span::raw(" "));
                spans.push(Span::styled(fit_to_width(&text, w), style));
                spans.push(Span::raw(" "));
            }
            if head_row == 0 {
                more_columns(&mut spans, &layout, matrix.columns.len(), theme);
            }
            lines.push(Line::from(spans));
        }

        for (r, category) in matrix.rows.iter().enumerate() {
            let row_open = (0..matrix.columns.len()).any(|c| matrix.tally(r, c).open > 0);
            let label_style = if row_open { theme.text } else { theme.muted };
            let pointer = if focused && r == r0 { "▶ " } else { "  " };
            let mut spans = vec![
                Span::styled(pointer, theme.accent),
                Span::styled(fit_to_width(category.label(), layout.label_w), label_style),
                Span::raw(" "),
            ];
            for c in shown.clone() {
                let tally = matrix.tally(r, c);
                let cursor = focused && (r, c) == (r0, c0);
                let marked = filtered == Some((r, c));
                spans.extend(cell_spans(&tally, theme, layout.col_w, cursor, marked));
            }
            lines.push(Line::from(spans));
        }
        let legend = Line::from(vec![
            Span::raw(" ".repeat(GUTTER)),
            Span::styled("2!!", theme.bad),
            Span::styled(" 2 open, worst high · ", theme.muted),
            Span::styled("1✖", theme.bad),
            Span::styled(" deal-breaker · ", theme.muted),
            Span::styled("+3", theme.muted),
            Span::styled(" settled, parked or dismissed", theme.muted),
        ]);
        lines.extend(wrap_lines(&[legend], width as u16));
        let shape = MatrixShape {
            first_row: 1 + head_rows,
            hidden_columns: matrix.columns.len() - layout.visible,
        };
        (lines, shape)
    }
}

/// A column head's text on row `row` (pairs take two rows).
pub(super) fn column_head(
    session: &Session,
    theme: &Theme,
    column: &Column,
    row: usize,
) -> (String, Style) {
    match (column, row) {
        (Column::Pair(p, _), 0) => (short_name(session, *p), partner_style(session, theme, *p)),
        (Column::Pair(_, q), _) => (
            format!("& {}", short_name(session, *q)),
            partner_style(session, theme, *q),
        ),
        (Column::Partner(p), 0) => (short_name(session, *p), partner_style(session, theme, *p)),
        (Column::Fewer(_), 0) => ("other".to_string(), theme.muted),
        (Column::All, 0) => ("all".to_string(), theme.heading),
        _ => (String::new(), theme.muted),
    }
}

/// Where the matrix lines put the category rows, and how many columns did not fit.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct MatrixShape {
    /// Index of the first category row among the lines.
    first_row: usize,
    hidden_columns: usize,
}

impl MatrixShape {
    /// Tells the footer what of the matrix is out of view once `drawn` of its lines are
    /// on the screen. ←→ bring columns in while the matrix has the keys; m gives them.
    pub(super) fn report(&self, ctx: &StageCtx, matrix: &Matrix, drawn: u16, focused: bool) {
        let keys = if focused { "←→" } else { "m ←→" };
        ctx.fit.hide(self.hidden_columns, "matrix columns", keys);
        let rows_drawn = usize::from(drawn).saturating_sub(self.first_row);
        // No key scrolls the rows; the cursor still reaches them, and focus mode shows
        // the cell under it.
        ctx.fit.hide(
            matrix.rows.len().saturating_sub(rows_drawn),
            "matrix rows",
            "z",
        );
    }
}

/// How the matrix fits a width: the category column, the cell width, and which columns
/// are in view (the cursor's always is).
pub(super) struct MatrixLayout {
    label_w: usize,
    col_w: usize,
    first: usize,
    visible: usize,
}

impl MatrixLayout {
    pub(super) fn new(width: usize, columns: usize, anchor: usize) -> MatrixLayout {
        let label_w = CATEGORY_WIDTH.min(width / 4);
        // Room for a "more" hint after the columns.
        let avail = width.saturating_sub(GUTTER + label_w + 1 + 2);
        let col_w = (avail / columns.max(1)).clamp(CELL_MIN, CELL_MAX);
        let visible = (avail / col_w).clamp(1, columns.max(1));
        let anchor = anchor.min(columns.saturating_sub(1));
        let first = if anchor < visible {
            0
        } else {
            anchor + 1 - visible
        };
        MatrixLayout {
            label_w,
            col_w,
            first,
            visible: visible.min(columns.saturating_sub(first)),
        }
    }
}

pub(super) fn more_columns(
    spans: &mut Vec<Span<'static>>,
    layout: &MatrixLayout,
    columns: usize,
    theme: &Theme,
) {
    let left = layout.first > 0;
    let right = layout.first + layout.visible < columns;
    let hint = match (left, right) {
        (true, true) => "◀▶",
        (true, false) => "◀",
        (false, true) => "▶",
        (false, false) => return,
    };
    spans.push(Span::styled(hint, theme.muted));
}

/// One cell, exactly `width` cells wide: the open count with the marker of the worst
/// open severity in that severity's style, deal-breakers, and the rest in muted; the
/// cursor's cell in the selected style and in brackets, so it reads without colour.
pub(super) fn cell_spans(
    tally: &Tally,
    theme: &Theme,
    width: usize,
    cursor: bool,
    marked: bool,
) -> Vec<Span<'static>> {
    let inner = width.saturating_sub(2);
    let mut parts: Vec<(String, Style)> = Vec::with_capacity(3);
    if let (true, Some(worst)) = (tally.open > 0, tally.worst) {
        parts.push((
            format!("{}{}", tally.open, severity_symbol(worst)),
            theme.severity(worst),
        ));
    }
    if tally.deal_breakers > 0 {
        parts.push((format!("{}✖", tally.deal_breakers), theme.bad));
    }
    if tally.rest > 0 {
        parts.push((format!("+{}", tally.rest), theme.muted));
    }
    if parts.is_empty() {
        parts.push(("·".to_string(), theme.muted));
    }
    // What does not fit goes from the end: the open count matters most.
    while parts.len() > 1 && {
        let w: usize = parts.iter().map(|(t, _)| display_width(t)).sum::<usize>() + parts.len() - 1;
        w > inner
    } {
        parts.pop();
    }
    // The brackets hug the content, so the cell reads as one mark.
    let (open, close) = if cursor || marked {
        ("[", "]")
    } else {
        (" ", " ")
    };
    let mut spans = vec![Span::raw(open)];
    let mut used = 0;
    for (n, (text, style)) in parts.into_iter().enumerate() {
        if n > 0 && used < inner {
            spans.push(Span::raw(" "));
            used += 1;
        }
        let text = truncate_to_width(&text, inner.saturating_sub(used));
        used += display_width(&text);
        spans.push(Span::styled(text, style));
    }
    spans.push(Span::raw(close));
    if cursor {
        for span in &mut spans {
            span.style = theme.selected;
        }
    } else if marked {
        spans[0].style = theme.accent;
        if let Some(last) = spans.last_mut() {
            last.style = theme.accent;
        }
    }
    spans.push(Span::raw(" ".repeat(inner.saturating_sub(used))));
    spans
}

/// The matrix cell at row `r`, column `c` for focus mode: which category and partners
/// it stands for, its counts in words, and every conflict it holds.
pub(super) fn cell_card(ctx: &StageCtx, matrix: &Matrix, r: usize, c: usize) -> Option<FocusCard> {
    let theme = ctx.theme;
    let filter = matrix.filter_at(r, c)?;
    let tally = matrix.tally(r, c);
    let mut details = Vec::new();
    if let (true, Some(worst)) = (tally.open > 0, tally.worst) {
        details.push(Line::from(vec![
            Span::styled(format!("{} open", tally.open), theme.text),
            Span::styled(", the worst ", theme.muted),
            Span::styled(severity_marker(worst), theme.severity(worst)),
        ]));
    }
    if tally.deal_breakers > 0 {
        details.push(Line::styled(
            format!(
                "✖ {}",
                plural(tally.deal_breakers, "deal-breaker", "deal-breakers")
            ),
            theme.bad,
        ));
    }
    if tally.rest > 0 {
        details.push(Line::styled(
            format!("{} settled, parked or dismissed", tally.rest),
            theme.muted,
        ));
    }
    let order = display_order(ctx, Some(&filter));
    if order.is_empty() {
        details.push(Line::styled("No conflicts here", theme.muted));
    } else {
        details.push(Line::default());
        for &i in &order {
            let e = &ctx.board[i];
            let (marker, style) = match e.status {
                ConflictStatus::DealBreaker => ("✖ deal-breaker", theme.bad),
                ConflictStatus::Open => (severity_marker(e.severity), theme.severity(e.severity)),
                _ => (e.status.label(), theme.muted),
            };
            details.push(Line::from(vec![
                Span::styled(marker, style),
                Span::styled(" · ", theme.muted),
                Span::styled(one_line(&e.description), theme.text),
            ]));
        }
        details.push(Line::default());
        details.push(Line::styled("Enter lists them", theme.muted));
    }
    Some(FocusCard {
        kicker: format!(
            "Matrix cell · {}",
            plural(tally.total(), "conflict", "conflicts")
        ),
        kicker_style: theme.heading,
        title: filter_label(ctx.session, &filter),
        details,
    })
}

//! Stage 4, the conflict check: every conflict the earlier stages already contain (found
//! by the rules) merged with the ones the moderator entered, each with why it is a
//! conflict and what the room decided about it. Open ones come first, the worst on top;
//! a matrix of categories × partners shows where the friction is and filters the list;
//! a readiness line says how far the room has come.
//!
//! The list is drawn from the board in `StageCtx` (computed once per change), never
//! recomputed here. Outcomes go through the event record: `FindingSettled` for a
//! detected conflict, `ConflictEdited` for an entered one.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Padding, Paragraph};

use crate::domain::board::{BoardEntry, Readiness, Source, severity_index};
use crate::domain::detect::RULES;
use crate::domain::{
    Change, Conflict, ConflictCategory, ConflictOrigin, ConflictStatus, PartnerId, Session,
    Severity, Verdict,
};
use crate::tui::editor::EditorMode;
use crate::tui::form::{Form, OnSubmit};
use crate::tui::intent::{Confirm, ConfirmOption, Intent};
use crate::tui::theme::Theme;
use crate::tui::widgets::{KeyHelp, display_width, fit_to_width, truncate_to_width, wrap_lines};

use super::text::one_line;
use super::{CHANGED_MARK, FocusCard, StageCtx, draw_lines, is_chord, mark_changed, take_top};

/// Every key of the conflict check, for the help overlay (and the README).
pub const KEYS: &[KeyHelp] = &[
    KeyHelp {
        keys: "↑ ↓  j k",
        what: "select a conflict",
    },
    KeyHelp {
        keys: "Home End",
        what: "first / last conflict",
    },
    KeyHelp {
        keys: "s",
        what: "settle: resolved, accepted risk, deal-breaker, park, dismiss (detected only) or reopen",
    },
    KeyHelp {
        keys: "Enter",
        what: "edit an entered conflict; settle a detected one",
    },
    KeyHelp {
        keys: "a",
        what: "add a conflict the room sees",
    },
    KeyHelp {
        keys: "d",
        what: "delete an entered conflict (detected ones are dismissed: s then x)",
    },
    KeyHelp {
        keys: "m",
        what: "matrix of categories × partners: arrows pick a cell, Enter lists its conflicts",
    },
    KeyHelp {
        keys: "f  Esc",
        what: "clear the matrix filter (Esc in the matrix: back to the list)",
    },
];

/// The words and symbols that carry a severity, so it reads without colour.
pub fn severity_marker(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "!!! critical",
        Severity::High => "!! high",
        Severity::Medium => "! medium",
        Severity::Low => "· low",
    }
}

/// The symbol part of the marker alone, for the matrix cells.
fn severity_symbol(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "!!!",
        Severity::High => "!!",
        Severity::Medium => "!",
        Severity::Low => "·",
    }
}

/// "Readiness 60% · open: 1 critical, 2 high · ✖ 1 deal-breaker · 3 settled · 1 parked ·
/// 2 dismissed": what the room has decided, from the board, on one line.
pub fn readiness_line(board: &[BoardEntry], theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (n, part) in readiness_parts(board, theme).into_iter().enumerate() {
        if n > 0 {
            spans.push(Span::styled(" · ", theme.muted));
        }
        spans.extend(part);
    }
    Line::from(spans)
}

/// The readiness line broken between its parts to fit `width`, never inside one, so
/// "1 parked" is never split across rows. The summary shows it too.
pub fn readiness_rows(board: &[BoardEntry], theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let mut rows: Vec<Line<'static>> = Vec::new();
    let mut row: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for part in readiness_parts(board, theme) {
        let w = spans_width(&part);
        if !row.is_empty() && used + 3 + w > width {
            rows.push(Line::from(std::mem::take(&mut row)));
            used = 0;
        }
        if !row.is_empty() {
            row.push(Span::styled(" · ", theme.muted));
            used += 3;
        }
        row.extend(part);
        used += w;
    }
    rows.push(Line::from(row));
    rows
}

fn readiness_parts(board: &[BoardEntry], theme: &Theme) -> Vec<Vec<Span<'static>>> {
    let r = Readiness::of(board);
    let mut parts = vec![vec![Span::styled(
        format!("Readiness {}%", r.percent_decided()),
        theme.heading,
    )]];
    let mut open = vec![Span::styled("open: ", theme.text)];
    for severity in Severity::ALL.iter().rev() {
        let n = r.open[severity_index(*severity)];
        if n == 0 {
            continue;
        }
        if open.len() > 1 {
            open.push(Span::styled(", ", theme.muted));
        }
        open.push(Span::styled(
            format!("{n} {severity}"),
            theme.severity(*severity),
        ));
    }
    if open.len() == 1 {
        open.push(Span::styled("none", theme.good));
    }
    parts.push(open);
    if r.deal_breakers > 0 {
        parts.push(vec![Span::styled(
            format!(
                "✖ {}",
                plural(r.deal_breakers, "deal-breaker", "deal-breakers")
            ),
            theme.bad,
        )]);
    }
    parts.push(vec![Span::styled(
        format!("{} settled", r.settled),
        theme.text,
    )]);
    if r.parked > 0 {
        parts.push(vec![Span::styled(
            format!("{} parked", r.parked),
            theme.text,
        )]);
    }
    if r.dismissed > 0 {
        parts.push(vec![Span::styled(
            format!("{} dismissed", r.dismissed),
            theme.muted,
        )]);
    }
    parts
}

/// Cells the widest severity marker takes.
const MARKER_WIDTH: usize = 12;
/// Cells the widest category label ("account leadership") takes.
const CATEGORY_WIDTH: usize = 18;
/// Space between table columns: wide enough to read as separate columns from a distance.
const GAP: usize = 2;
/// Left margin of every row; the selected row shows its pointer here.
const GUTTER: usize = 2;
/// Below this width the detail panel goes under the list instead of beside it.
const SIDE_PANEL_MIN_WIDTH: u16 = 120;
/// From this size of the stage body on, the matrix stays on the wall above the list.
const INLINE_MATRIX_MIN: (u16, u16) = (160, 35);
/// Up to this many partners the matrix has a column per pair; beyond, one per partner.
const PAIR_COLUMNS_MAX_PARTNERS: usize = 4;
/// Narrowest and widest matrix column, in cells.
const CELL_MIN: usize = 7;
const CELL_MAX: usize = 14;

const GONE: &str = "this conflict was removed meanwhile";
const EMPTY_STATE: &str = "No conflicts found or entered — the rules found nothing in the \
     role split, the self-interests or the vision that needs the room. If the room sees one \
     anyway, press a to add it.";
const DELETE_DETECTED: &str =
    "Detected conflicts are dismissed, not deleted — press s then x and say why.";

// ---------------------------------------------------------------------------
// State

/// A column of the matrix: which conflicts it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    /// Conflicts that involve both partners.
    Pair(PartnerId, PartnerId),
    /// Conflicts that involve this partner.
    Partner(PartnerId),
    /// Conflicts naming fewer than this many partners of the session (so no pair, or no
    /// partner at all, holds them).
    Fewer(usize),
    /// Every conflict of the row's category.
    All,
}

/// The matrix cell the list is narrowed to.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Filter {
    category: ConflictCategory,
    column: Column,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Focus {
    #[default]
    List,
    Matrix,
}

#[derive(Debug, Default, Clone)]
pub struct ConflictsScreen {
    /// Position in the list as shown (filtered and ordered), used when the entry that was
    /// selected is gone.
    cursor: usize,
    /// The entry under the cursor, by identity: an outcome moves an entry to another
    /// group, and the cursor goes with it.
    follow: Option<Source>,
    focus: Focus,
    filter: Option<Filter>,
    /// Row and column of the matrix cursor.
    cell: (usize, usize),
}

impl ConflictsScreen {
    /// Keys not handled globally. Return None when the key means nothing here.
    pub fn handle_key(&mut self, key: KeyEvent, ctx: &StageCtx) -> Option<Intent> {
        if is_chord(&key) {
            return None;
        }
        if self.focus == Focus::Matrix {
            return self.matrix_key(key, ctx);
        }
        let session = ctx.session;
        let order = display_order(ctx, self.filter.as_ref());
        let last = order.len().saturating_sub(1);
        let pos = self.position(ctx.board, &order);
        // Pin the entry under the cursor, so that whatever the key leads to, the cursor
        // stays with it.
        self.select(ctx.board, &order, pos);
        let selected = order.get(pos).map(|&i| &ctx.board[i]);
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => {
                self.select(ctx.board, &order, pos.saturating_sub(1));
                None
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.select(ctx.board, &order, (pos + 1).min(last));
                None
            }
            KeyCode::Home => {
                self.select(ctx.board, &order, 0);
                None
            }
            KeyCode::End => {
                self.select(ctx.board, &order, last);
                None
            }
            KeyCode::Char('a') => {
                // The new conflict gets the next id: the cursor waits for it there, and
                // stays where it was if the form is cancelled.
                self.follow = Some(Source::Moderator(session.fresh_id()));
                Some(Intent::Form(conflict_form(session, None)))
            }
            KeyCode::Enter => selected.map(|entry| match &entry.source {
                Source::Moderator(id) => match session.conflict(*id) {
                    Some(c) => Intent::Form(conflict_form(session, Some(c))),
                    None => Intent::Status(GONE.to_string()),
                },
                // Their text comes from the rules; what the room can do is settle them.
                Source::Detected { .. } => settle_confirm(session, entry),
            }),
            KeyCode::Char('s') => selected.map(|entry| settle_confirm(session, entry)),
            KeyCode::Char('d') => selected.map(|entry| match &entry.source {
                Source::Moderator(id) => Intent::Confirm(Confirm::yes_no(
                    "Delete conflict",
                    format!(
                        "Delete the conflict {}? Undo (u) brings it back.",
                        quote(&entry.description)
                    ),
                    Intent::Record(vec![Change::ConflictRemoved { id: *id }]),
                )),
                Source::Detected { .. } => Intent::Status(DELETE_DETECTED.to_string()),
            }),
            KeyCode::Char('m') => {
                self.open_matrix(ctx);
                None
            }
            KeyCode::Char('f') | KeyCode::Esc if self.filter.is_some() => {
                self.filter = None;
                None
            }
            _ => None,
        }
    }

    fn matrix_key(&mut self, key: KeyEvent, ctx: &StageCtx) -> Option<Intent> {
        let matrix = Matrix::of(ctx.session, ctx.board);
        let (rows, cols) = (matrix.rows.len(), matrix.columns.len());
        let (mut r, mut c) = self.clamped_cell(&matrix);
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => r = r.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => r = (r + 1).min(rows.saturating_sub(1)),
            KeyCode::Left | KeyCode::Char('h') => c = c.saturating_sub(1),
            KeyCode::Right | KeyCode::Char('l') => c = (c + 1).min(cols.saturating_sub(1)),
            KeyCode::Home => c = 0,
            KeyCode::End => c = cols.saturating_sub(1),
            KeyCode::Enter => {
                let Some(filter) = matrix.filter_at(r, c) else {
                    return Some(Intent::Status(
                        "Nothing to list yet: no conflict is on the board.".to_string(),
                    ));
                };
                if matrix.tally(r, c).total() == 0 {
                    return Some(Intent::Status(format!(
                        "No conflicts in {}; pick a cell with a number.",
                        filter_label(ctx.session, &filter)
                    )));
                }
                self.filter = Some(filter);
                self.focus = Focus::List;
                self.cursor = 0;
                self.follow = None;
            }
            KeyCode::Esc | KeyCode::Char('m') => self.focus = Focus::List,
            KeyCode::Char('f') => self.filter = None,
            _ => {}
        }
        self.cell = (r, c);
        None
    }

    /// Gives the keys to the matrix, its cursor on the cell the list is filtered to.
    fn open_matrix(&mut self, ctx: &StageCtx) {
        self.focus = Focus::Matrix;
        if let Some(filter) = &self.filter {
            let matrix = Matrix::of(ctx.session, ctx.board);
            if let Some(cell) = matrix.find(filter) {
                self.cell = cell;
            }
        }
    }

    fn clamped_cell(&self, matrix: &Matrix) -> (usize, usize) {
        (
            self.cell.0.min(matrix.rows.len().saturating_sub(1)),
            self.cell.1.min(matrix.columns.len().saturating_sub(1)),
        )
    }

    /// The cursor's place in `order`: where the followed entry is now, or the old place
    /// kept within the list when that entry is gone.
    fn position(&self, board: &[BoardEntry], order: &[usize]) -> usize {
        if order.is_empty() {
            return 0;
        }
        if let Some(source) = &self.follow
            && let Some(pos) = order.iter().position(|&i| board[i].source == *source)
        {
            return pos;
        }
        self.cursor.min(order.len() - 1)
    }

    fn select(&mut self, board: &[BoardEntry], order: &[usize], pos: usize) {
        self.cursor = pos;
        self.follow = order.get(pos).map(|&i| board[i].source.clone());
    }

    /// Draw the stage body into `area` (header/footer/status are drawn by the app).
    pub fn render(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        let area = area.intersection(frame.area());
        if area.is_empty() {
            return;
        }
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
            let lines = wrap_lines(&[Line::styled(EMPTY_STATE, theme.text)], body.width);
            frame.render_widget(Paragraph::new(lines), body);
            return;
        }
        let inline = rest.width >= INLINE_MATRIX_MIN.0 && rest.height >= INLINE_MATRIX_MIN.1;
        if self.focus == Focus::Matrix && !inline {
            self.render_matrix_view(frame, rest, ctx);
            return;
        }
        let order = display_order(ctx, self.filter.as_ref());
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
            render_list(frame, list_area, ctx, &order, pos)
        };
        self.render_list_title(frame, title_row, ctx, &order, (window.first, window.end));
        // Conflicts outside a matrix filter are not hidden for lack of room: the title
        // says the list is filtered and f shows them all.
        ctx.fit.hide(
            window.first + order.len().saturating_sub(window.end),
            "conflicts",
            "↑↓",
        );
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

    /// "CONFLICTS 17 · m matrix", or the filter and how to clear it; on the right, how
    /// much of the list is out of view.
    fn render_list_title(
        &self,
        frame: &mut Frame,
        row: Rect,
        ctx: &StageCtx,
        order: &[usize],
        window: (usize, usize),
    ) {
        let theme = ctx.theme;
        let mut spans = match &self.filter {
            None => vec![
                Span::styled("CONFLICTS", theme.heading),
                Span::styled(format!("  {}", order.len()), theme.muted),
                Span::styled("   m ", theme.key),
                Span::styled("matrix", theme.muted),
            ],
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

    /// The matrix on its own (narrower screens): the grid, then what the cell under the
    /// cursor holds.
    fn render_matrix_view(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
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
    fn matrix_lines(
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

    /// The item under the cursor for focus mode: the selected conflict, or while the
    /// matrix has the keys, the cell under its cursor. `None` on an empty board.
    pub fn focus_card(&self, ctx: &StageCtx) -> Option<FocusCard> {
        if self.focus == Focus::Matrix {
            let matrix = Matrix::of(ctx.session, ctx.board);
            let (r, c) = self.clamped_cell(&matrix);
            return cell_card(ctx, &matrix, r, c);
        }
        let order = display_order(ctx, self.filter.as_ref());
        let pos = self.position(ctx.board, &order);
        let entry = ctx.board.get(*order.get(pos)?)?;
        let mut card = conflict_card(ctx, entry);
        let place = match &self.filter {
            None => format!("{} of {} conflicts", pos + 1, order.len()),
            Some(filter) => format!(
                "{} of {} conflicts in {}",
                pos + 1,
                order.len(),
                filter_label(ctx.session, filter)
            ),
        };
        card.details.push(Line::styled(place, ctx.theme.muted));
        Some(card)
    }

    /// The 3–6 keys that matter most right now, for the footer.
    pub fn footer_keys(&self) -> Vec<(&'static str, &'static str)> {
        match (self.focus, &self.filter) {
            (Focus::Matrix, _) => vec![
                ("←→↑↓", "cell"),
                ("Enter", "list it"),
                ("Esc", "back to list"),
                ("f", "clear filter"),
            ],
            (Focus::List, Some(_)) => vec![
                ("s", "settle"),
                ("Enter", "edit/settle"),
                ("f", "show all"),
                ("m", "matrix"),
                ("↑↓", "select"),
            ],
            (Focus::List, None) => vec![
                ("s", "settle"),
                ("Enter", "edit/settle"),
                ("a", "add"),
                ("m", "matrix"),
                ("d", "delete"),
                ("↑↓", "select"),
            ],
        }
    }
}

// ---------------------------------------------------------------------------
// Order and wording

/// Which block of the list a status belongs to: open ones first, then parked ones (still
/// undecided), deal-breakers (they decide the verdict), settled ones, and last the ones
/// the room judged not to be conflicts.
fn group(status: &ConflictStatus) -> u8 {
    match status {
        ConflictStatus::Open => 0,
        ConflictStatus::Parked => 1,
        ConflictStatus::DealBreaker => 2,
        ConflictStatus::Resolved { .. } | ConflictStatus::AcceptedRisk => 3,
        ConflictStatus::Dismissed { .. } => 4,
    }
}

fn group_heading(group: u8) -> &'static str {
    match group {
        0 => "OPEN",
        1 => "PARKED — for a later meeting",
        2 => "DEAL-BREAKERS",
        3 => "SETTLED",
        _ => "DISMISSED — judged not to be conflicts",
    }
}

/// Positions on the board, in the order the list shows them, narrowed to `filter`.
fn display_order(ctx: &StageCtx, filter: Option<&Filter>) -> Vec<usize> {
    let board = ctx.board;
    let mut order: Vec<usize> = (0..board.len())
        .filter(|&i| {
            filter.is_none_or(|f| {
                board[i].category == f.category && f.column.holds(ctx.session, &board[i])
            })
        })
        .collect();
    order.sort_by_key(|&i| (group(&board[i].status), Reverse(board[i].severity), i));
    order
}

/// User text as one quoted line, short enough for a dialog.
fn quote(text: &str) -> String {
    format!("'{}'", truncate_to_width(&one_line(text), 140))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Where a conflict comes from, in a word or two: the rule's name, or "entered".
fn source_tag(entry: &BoardEntry) -> String {
    match &entry.source {
        Source::Detected { rule, .. } => rule.label().to_string(),
        Source::Moderator(_) => "entered".to_string(),
    }
}

/// The first word of a partner's name where it tells the partners apart, else the name.
fn short_name(session: &Session, id: PartnerId) -> String {
    let full = session.partner_name(id);
    let first_word = |name: &str| name.split_whitespace().next().unwrap_or("").to_lowercase();
    let word = first_word(&full);
    let unique = session
        .partners
        .iter()
        .filter(|p| first_word(&p.name) == word)
        .count()
        == 1;
    match full.split_whitespace().next() {
        Some(w) if unique => w.to_string(),
        _ => full,
    }
}

fn partner_style(session: &Session, theme: &Theme, id: PartnerId) -> Style {
    session
        .partner_index(id)
        .map_or(theme.muted, |i| theme.partner(i))
}

/// The partners a conflict involves, each name in its partner's colour. `short` uses
/// each partner's first word where that still tells the partners apart.
fn partner_spans(
    session: &Session,
    theme: &Theme,
    partners: &[PartnerId],
    short: bool,
) -> Vec<Span<'static>> {
    if partners.is_empty() {
        return vec![Span::styled("no partner named", theme.muted)];
    }
    // With more than two partners, naming them all is noise; two names are clearer than
    // "all partners" when only two are in the room.
    if session.partners.len() > 2 && involves_everyone(session, partners) {
        return vec![Span::styled("all partners", theme.text)];
    }
    let joiner = if partners.len() == 2 { " & " } else { ", " };
    let mut spans = Vec::with_capacity(partners.len() * 2);
    for (n, id) in partners.iter().enumerate() {
        if n > 0 {
            spans.push(Span::styled(joiner, theme.muted));
        }
        let name = if short {
            short_name(session, *id)
        } else {
            session.partner_name(*id)
        };
        spans.push(Span::styled(name, partner_style(session, theme, *id)));
    }
    spans
}

fn involves_everyone(session: &Session, partners: &[PartnerId]) -> bool {
    session.partners.iter().all(|p| partners.contains(&p.id))
}

fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| display_width(&s.content)).sum()
}

/// The partners for a table cell of `width` cells: full names when they fit, else first
/// words, else "both partners" when it is everyone, else the full names cut short.
fn partner_cell(
    session: &Session,
    theme: &Theme,
    partners: &[PartnerId],
    width: usize,
) -> Vec<Span<'static>> {
    let full = partner_spans(session, theme, partners, false);
    if spans_width(&full) <= width {
        return full;
    }
    let short = partner_spans(session, theme, partners, true);
    if spans_width(&short) <= width {
        return short;
    }
    if involves_everyone(session, partners) {
        let words = if session.partners.len() == 2 {
            "both partners"
        } else {
            "all partners"
        };
        return vec![Span::styled(words, theme.text)];
    }
    short
}

/// The status as the list shows it, with the agreement or the reason after it.
fn status_text(status: &ConflictStatus) -> String {
    match status {
        ConflictStatus::Resolved { agreement } => format!("resolved: {}", one_line(agreement)),
        ConflictStatus::Dismissed { reason } => format!("dismissed: {}", one_line(reason)),
        ConflictStatus::DealBreaker => "✖ deal-breaker".to_string(),
        other => other.label().to_string(),
    }
}

fn status_style(status: &ConflictStatus, theme: &Theme) -> Style {
    match status {
        ConflictStatus::Open => theme.text,
        ConflictStatus::DealBreaker => theme.bad,
        _ => theme.muted,
    }
}

// ---------------------------------------------------------------------------
// The matrix

/// Counts of one cell.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Tally {
    open: usize,
    /// The worst severity among the open ones.
    worst: Option<Severity>,
    deal_breakers: usize,
    /// Settled, parked or dismissed.
    rest: usize,
}

impl Tally {
    fn add(&mut self, entry: &BoardEntry) {
        match entry.status {
            ConflictStatus::Open => {
                self.open += 1;
                self.worst = self.worst.max(Some(entry.severity));
            }
            ConflictStatus::DealBreaker => self.deal_breakers += 1,
            _ => self.rest += 1,
        }
    }

    fn total(&self) -> usize {
        self.open + self.deal_breakers + self.rest
    }
}

impl Column {
    /// Whether `entry` counts in this column.
    fn holds(&self, session: &Session, entry: &BoardEntry) -> bool {
        match self {
            Column::Pair(p, q) => entry.partners.contains(p) && entry.partners.contains(q),
            Column::Partner(p) => entry.partners.contains(p),
            Column::Fewer(n) => {
                let known: BTreeSet<PartnerId> = entry
                    .partners
                    .iter()
                    .copied()
                    .filter(|p| session.partner(*p).is_some())
                    .collect();
                known.len() < *n
            }
            Column::All => true,
        }
    }
}

struct Matrix {
    /// The categories that hold any conflict, in the usual order.
    rows: Vec<ConflictCategory>,
    columns: Vec<Column>,
    /// Row by row.
    tallies: Vec<Tally>,
}

impl Matrix {
    fn of(session: &Session, board: &[BoardEntry]) -> Matrix {
        let ids: Vec<PartnerId> = session.partners.iter().map(|p| p.id).collect();
        let pairs = ids.len() <= PAIR_COLUMNS_MAX_PARTNERS;
        let mut columns: Vec<Column> = if pairs {
            ids.iter()
                .enumerate()
                .flat_map(|(i, p)| ids[i + 1..].iter().map(move |q| Column::Pair(*p, *q)))
                .collect()
        } else {
            ids.iter().map(|p| Column::Partner(*p)).collect()
        };
        let fewer = Column::Fewer(if pairs { 2 } else { 1 });
        if board.iter().any(|e| fewer.holds(session, e)) {
            columns.push(fewer);
        }
        if columns.len() > 1 {
            columns.push(Column::All);
        }
        let rows: Vec<ConflictCategory> = ConflictCategory::ALL
            .iter()
            .copied()
            .filter(|c| board.iter().any(|e| e.category == *c))
            .collect();
        let mut tallies = vec![Tally::default(); rows.len() * columns.len()];
        for entry in board {
            let Some(r) = rows.iter().position(|c| *c == entry.category) else {
                continue;
            };
            for (c, column) in columns.iter().enumerate() {
                if column.holds(session, entry) {
                    tallies[r * columns.len() + c].add(entry);
                }
            }
        }
        Matrix {
            rows,
            columns,
            tallies,
        }
    }

    fn tally(&self, r: usize, c: usize) -> Tally {
        self.tallies
            .get(r * self.columns.len() + c)
            .copied()
            .unwrap_or_default()
    }

    fn filter_at(&self, r: usize, c: usize) -> Option<Filter> {
        Some(Filter {
            category: *self.rows.get(r)?,
            column: self.columns.get(c)?.clone(),
        })
    }

    fn find(&self, filter: &Filter) -> Option<(usize, usize)> {
        let r = self.rows.iter().position(|c| *c == filter.category)?;
        let c = self.columns.iter().position(|c| *c == filter.column)?;
        Some((r, c))
    }
}

/// "territory × Northwind & Globex".
fn filter_label(session: &Session, filter: &Filter) -> String {
    let column = match &filter.column {
        Column::Pair(p, q) => format!("{} & {}", short_name(session, *p), short_name(session, *q)),
        Column::Partner(p) => session.partner_name(*p),
        Column::Fewer(n) if *n > 1 => "one partner or none".to_string(),
        Column::Fewer(_) => "no partner named".to_string(),
        Column::All => "all partners".to_string(),
    };
    format!("{} × {column}", filter.category)
}

/// A column head's text on row `row` (pairs take two rows).
fn column_head(session: &Session, theme: &Theme, column: &Column, row: usize) -> (String, Style) {
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
struct MatrixShape {
    /// Index of the first category row among the lines.
    first_row: usize,
    hidden_columns: usize,
}

impl MatrixShape {
    /// Tells the footer what of the matrix is out of view once `drawn` of its lines are
    /// on the screen. ←→ bring columns in while the matrix has the keys; m gives them.
    fn report(&self, ctx: &StageCtx, matrix: &Matrix, drawn: u16, focused: bool) {
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
struct MatrixLayout {
    label_w: usize,
    col_w: usize,
    first: usize,
    visible: usize,
}

impl MatrixLayout {
    fn new(width: usize, columns: usize, anchor: usize) -> MatrixLayout {
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

fn more_columns(
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
fn cell_spans(
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

// ---------------------------------------------------------------------------
// Dialogs

/// What "Partners involved" offers: everyone, then each pair, plus the conflict's own
/// set when it is none of those, so editing never silently changes who is involved.
struct PartnerChoices {
    labels: Vec<String>,
    sets: Vec<Vec<PartnerId>>,
    selected: usize,
}

fn partner_choices(session: &Session, current: Option<&[PartnerId]>) -> PartnerChoices {
    let ids: Vec<PartnerId> = session.partners.iter().map(|p| p.id).collect();
    let mut labels = vec!["all partners".to_string()];
    let mut sets = vec![ids.clone()];
    if ids.len() > 2 {
        for (i, a) in session.partners.iter().enumerate() {
            for b in &session.partners[i + 1..] {
                labels.push(format!("{} & {}", a.name, b.name));
                sets.push(vec![a.id, b.id]);
            }
        }
    }
    let mut selected = 0;
    if let Some(current) = current {
        let mut wanted = current.to_vec();
        wanted.sort();
        let found = sets.iter().position(|set| {
            let mut set = set.clone();
            set.sort();
            set == wanted
        });
        match found {
            Some(i) => selected = i,
            None => {
                let names: Vec<String> = current.iter().map(|p| session.partner_name(*p)).collect();
                let label = if names.is_empty() {
                    "as recorded: no partner named".to_string()
                } else {
                    format!("as recorded: {}", names.join(", "))
                };
                labels.push(label);
                sets.push(current.to_vec());
                selected = sets.len() - 1;
            }
        }
    }
    PartnerChoices {
        labels,
        sets,
        selected,
    }
}

/// The add form (`existing` = None) or the edit form pre-filled with an entered conflict.
fn conflict_form(session: &Session, existing: Option<&Conflict>) -> Form {
    let choices = partner_choices(session, existing.map(|c| c.partners.as_slice()));
    let id = existing.map(|c| c.id);
    let sets = choices.sets;
    let on_submit: OnSubmit = Box::new(move |form, session| {
        let description = form.value(0);
        if description.is_empty() {
            return Err("describe the conflict in a few words".to_string());
        }
        let category = ConflictCategory::ALL
            .get(form.selected(1))
            .copied()
            .unwrap_or(ConflictCategory::Other);
        let severity = Severity::ALL
            .get(form.selected(2))
            .copied()
            .unwrap_or(Severity::Medium);
        let partners = sets.get(form.selected(3)).cloned().unwrap_or_default();
        let owner = form.value(4);
        let conflict = match id {
            None => Conflict {
                id: session.fresh_id(),
                origin: ConflictOrigin::Moderator,
                category,
                partners,
                items: Vec::new(),
                description,
                severity,
                status: ConflictStatus::Open,
                owner,
            },
            // Read the rest from the session as it is now, not as it was when the form
            // opened, so nothing else about the conflict is rolled back.
            Some(id) => {
                let old = session.conflict(id).ok_or_else(|| GONE.to_string())?;
                Conflict {
                    category,
                    partners,
                    description,
                    severity,
                    owner,
                    ..old.clone()
                }
            }
        };
        Ok(vec![match id {
            None => Change::ConflictAdded { conflict },
            Some(_) => Change::ConflictEdited { conflict },
        }])
    });
    let title = if existing.is_some() {
        "Edit conflict"
    } else {
        "New conflict"
    };
    let category = existing.map_or(ConflictCategory::Territory, |c| c.category);
    let severity = existing.map_or(Severity::Medium, |c| c.severity);
    Form::new(title, on_submit)
        .text(
            "Description",
            existing.map_or("", |c| c.description.as_str()),
        )
        .choice(
            "Category",
            ConflictCategory::ALL
                .iter()
                .map(|c| c.label().to_string())
                .collect(),
            ConflictCategory::ALL
                .iter()
                .position(|c| *c == category)
                .unwrap_or(0),
        )
        .choice(
            "Severity",
            Severity::ALL
                .iter()
                .map(|s| s.label().to_string())
                .collect(),
            Severity::ALL
                .iter()
                .position(|s| *s == severity)
                .unwrap_or(0),
        )
        .choice("Partners involved", choices.labels, choices.selected)
        .text("Owner", existing.map_or("", |c| c.owner.as_str()))
}

/// The change that gives the conflict from `source` a new status, read against the
/// session as it is now. `owner` None keeps the owner it has.
fn outcome(
    session: &Session,
    source: &Source,
    status: ConflictStatus,
    owner: Option<String>,
) -> Result<Vec<Change>, String> {
    match source {
        Source::Detected { key, .. } => {
            let owner = match (&status, owner) {
                // Taking the outcome back forgets it, owner and all.
                (ConflictStatus::Open, _) => String::new(),
                (_, Some(owner)) => owner,
                (_, None) => session
                    .outcomes
                    .get(key)
                    .map(|o| o.owner.clone())
                    .unwrap_or_default(),
            };
            Ok(vec![Change::FindingSettled {
                key: key.clone(),
                status,
                owner,
            }])
        }
        Source::Moderator(id) => {
            let old = session.conflict(*id).ok_or_else(|| GONE.to_string())?;
            Ok(vec![Change::ConflictEdited {
                conflict: Conflict {
                    status,
                    owner: owner.unwrap_or_else(|| old.owner.clone()),
                    ..old.clone()
                },
            }])
        }
    }
}

/// An outcome recorded straight from the dialog.
fn record_outcome(session: &Session, source: &Source, status: ConflictStatus) -> Intent {
    match outcome(session, source, status, None) {
        Ok(changes) => Intent::Record(changes),
        Err(e) => Intent::Status(e),
    }
}

/// An editor that asks for the words an outcome needs, and records it.
fn outcome_editor(
    entry: &BoardEntry,
    title: &str,
    initial: String,
    mode: EditorMode,
    missing: &'static str,
    make: fn(String) -> (ConflictStatus, Option<String>),
) -> Intent {
    let source = entry.source.clone();
    Intent::Edit {
        title: format!("{title} — {}", one_line(&entry.description)),
        initial,
        mode,
        on_submit: Box::new(move |text, session| {
            let text = text.trim().to_string();
            if text.is_empty() {
                return Err(missing.to_string());
            }
            let (status, owner) = make(text);
            outcome(session, &source, status, owner)
        }),
    }
}

fn agreement_editor(entry: &BoardEntry) -> Intent {
    let initial = match &entry.status {
        ConflictStatus::Resolved { agreement } => agreement.clone(),
        _ => String::new(),
    };
    outcome_editor(
        entry,
        "What did the partners agree?",
        initial,
        EditorMode::MultiLine,
        "write down what the partners agreed",
        |agreement| (ConflictStatus::Resolved { agreement }, None),
    )
}

fn risk_owner_editor(entry: &BoardEntry) -> Intent {
    outcome_editor(
        entry,
        "Who owns this risk?",
        entry.owner.clone(),
        EditorMode::SingleLine,
        "name who keeps an eye on this risk",
        |owner| (ConflictStatus::AcceptedRisk, Some(owner)),
    )
}

fn dismiss_reason_editor(entry: &BoardEntry) -> Intent {
    let initial = match &entry.status {
        ConflictStatus::Dismissed { reason } => reason.clone(),
        _ => String::new(),
    };
    outcome_editor(
        entry,
        "Why is this not a conflict?",
        initial,
        EditorMode::SingleLine,
        "say why the room dismisses it; the reason is kept",
        |reason| (ConflictStatus::Dismissed { reason }, None),
    )
}

/// The settle dialog. A choice the session does not allow stays listed, marked, and
/// explains itself when chosen; choices that would change nothing are left out.
fn settle_confirm(session: &Session, entry: &BoardEntry) -> Intent {
    let status = &entry.status;
    let source = &entry.source;
    let mut options = vec![
        ConfirmOption {
            key: 'r',
            label: "resolved — write down the agreement".to_string(),
            then: agreement_editor(entry),
        },
        ConfirmOption {
            key: 'k',
            label: "accepted risk — name who owns it".to_string(),
            then: risk_owner_editor(entry),
        },
    ];
    if *status != ConflictStatus::DealBreaker {
        let (label, then) = if session.verdict == Some(Verdict::Proceed) {
            (
                "deal-breaker (not available)".to_string(),
                Intent::Status(
                    "Cannot call it a deal-breaker while the verdict is a plain proceed; \
                     change the verdict on the summary first."
                        .to_string(),
                ),
            )
        } else {
            (
                "deal-breaker — blocks a plain proceed".to_string(),
                record_outcome(session, source, ConflictStatus::DealBreaker),
            )
        };
        options.push(ConfirmOption {
            key: 'b',
            label,
            then,
        });
    }
    if *status != ConflictStatus::Parked {
        options.push(ConfirmOption {
            key: 'p',
            label: "park it for a later meeting".to_string(),
            then: record_outcome(session, source, ConflictStatus::Parked),
        });
    }
    let (label, then) = if entry.is_detected() {
        (
            "dismiss as not a conflict — say why".to_string(),
            dismiss_reason_editor(entry),
        )
    } else {
        (
            "dismiss (not available)".to_string(),
            Intent::Status(
                "Only detected conflicts are dismissed; an entered one is deleted with d."
                    .to_string(),
            ),
        )
    };
    options.push(ConfirmOption {
        key: 'x',
        label,
        then,
    });
    if !status.is_open() {
        options.push(ConfirmOption {
            key: 'o',
            label: "reopen".to_string(),
            then: record_outcome(session, source, ConflictStatus::Open),
        });
    }
    let mut lines = vec![
        truncate_to_width(&one_line(&entry.description), 300),
        format!(
            "{} · {} · now {}",
            severity_marker(entry.severity),
            entry.category,
            status.label()
        ),
    ];
    match entry.rule() {
        Some(rule) => lines.push(format!("Found by the rule '{}'.", rule.label())),
        None => lines.push("Entered by the moderator.".to_string()),
    }
    if let Some(prompt) = &entry.prompt {
        lines.push(format!("Question for the room: {prompt}"));
    }
    lines.push("How does the room settle it?".to_string());
    Intent::Confirm(Confirm {
        title: if entry.is_detected() {
            "Settle detected conflict".to_string()
        } else {
            "Settle conflict".to_string()
        },
        lines,
        options,
    })
}

// ---------------------------------------------------------------------------
// Layout

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

/// Column widths of the list, in cells.
struct Columns {
    marker: usize,
    category: usize,
    partners: usize,
    status: usize,
    owner: usize,
    /// Where the description lines start: under the category column.
    desc_x: usize,
    desc_w: usize,
}

fn columns(width: usize) -> Columns {
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

/// `spans` cut or padded to exactly `width` cells, ending in "…" when cut.
fn fit(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let total = spans_width(&spans);
    let mut out = Vec::with_capacity(spans.len() + 1);
    if total <= width {
        out.extend(spans);
        if total < width {
            out.push(Span::raw(" ".repeat(width - total)));
        }
        return out;
    }
    let mut left = width;
    for span in spans {
        let w = display_width(&span.content);
        // Keep one cell for the ellipsis unless this span is cut anyway.
        if w < left {
            left -= w;
            out.push(span);
            continue;
        }
        let cut = truncate_to_width(&span.content, left);
        left = left.saturating_sub(display_width(&cut));
        out.push(Span::styled(cut, span.style));
        break;
    }
    if left > 0 {
        out.push(Span::raw(" ".repeat(left)));
    }
    out
}

/// Wraps `line` to `width` and keeps at most `max` rows, the last ending in "…" when
/// anything was left out; and how many rows it left out.
fn wrap_at_most(line: Line<'_>, width: u16, max: usize) -> (Vec<Line<'static>>, usize) {
    let mut rows = wrap_lines(&[line], width);
    let cut = rows.len().saturating_sub(max);
    if rows.len() > max {
        rows.truncate(max);
        if let Some(last) = rows.last_mut() {
            let mut spans = std::mem::take(&mut last.spans);
            let total = spans_width(&spans);
            if total < usize::from(width) {
                let style = spans.last().map_or(Style::default(), |s| s.style);
                spans.push(Span::styled("…", style));
            } else {
                // `fit` ends what it cuts with "…"; the padding after it is not needed.
                spans = fit(spans, usize::from(width));
                while spans.last().is_some_and(|s| s.content.trim().is_empty()) {
                    spans.pop();
                }
            }
            last.spans = spans;
        }
    }
    (rows, cut)
}

// ---------------------------------------------------------------------------
// The list

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
    max_body: usize,
) -> Card {
    let theme = ctx.theme;
    let quiet = !matches!(entry.status, ConflictStatus::Open);
    // Everything but the open conflicts steps back so those carry the room's attention;
    // a deal-breaker keeps its warning because it still decides the verdict.
    let tone = |style: Style| if quiet { theme.muted } else { style };
    let gap = || Span::raw(" ".repeat(GAP));

    let mut spans = Vec::with_capacity(16);
    spans.push(Span::raw(if selected { "▶ " } else { "  " }));
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
struct ListWindow {
    first: usize,
    end: usize,
    cut: usize,
}

/// Draws the table and returns which part of the list is in view.
fn render_list(
    frame: &mut Frame,
    area: Rect,
    ctx: &StageCtx,
    order: &[usize],
    cursor: usize,
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
    let make = |pos: usize| card(ctx, &board[order[pos]], &cols, pos == cursor, max_body);
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

// ---------------------------------------------------------------------------
// The detail panel

fn heading_line(theme: &Theme, entry: &BoardEntry) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            severity_marker(entry.severity),
            theme.severity(entry.severity),
        ),
        Span::styled(" · ", theme.muted),
        Span::styled(entry.category.label(), theme.heading),
    ])
}

fn owner_span(theme: &Theme, entry: &BoardEntry) -> Span<'static> {
    if entry.owner.trim().is_empty() {
        Span::styled("nobody named yet", theme.muted)
    } else {
        Span::styled(entry.owner.clone(), theme.text)
    }
}

/// Where the conflict comes from, in a sentence: the rule and what it looks for.
fn source_sentence(entry: &BoardEntry) -> String {
    match entry.rule() {
        Some(rule) => match RULES.iter().find(|r| r.rule == rule) {
            Some(def) => format!("{}: {}", def.name, def.looks_for),
            None => rule.label().to_string(),
        },
        None => "entered by the moderator".to_string(),
    }
}

/// The status with what goes with it: the agreement, or the reason for a dismissal.
fn status_facts(entry: &BoardEntry) -> (&'static str, Option<(&'static str, &str)>) {
    match &entry.status {
        ConflictStatus::Resolved { agreement } => ("resolved", Some(("Agreement", agreement))),
        ConflictStatus::Dismissed { reason } => ("dismissed", Some(("Reason", reason))),
        other => (other.label(), None),
    }
}

/// The full panel beside the list: every field under its own label. Returns how many of
/// its rows did not fit.
fn render_side_detail(frame: &mut Frame, area: Rect, ctx: &StageCtx, entry: &BoardEntry) -> usize {
    let theme = ctx.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .padding(Padding::horizontal(1))
        .title(Span::styled(" Selected conflict ", theme.heading));
    let inner = block.inner(area).intersection(area);
    frame.render_widget(block, area);
    let lines = side_detail_lines(ctx, entry, inner.width);
    draw_lines(frame.buffer_mut(), inner, &lines);
    lines.len().saturating_sub(usize::from(inner.height))
}

/// The rows of the side panel for `entry`, wrapped to `width`.
fn side_detail_lines(ctx: &StageCtx, entry: &BoardEntry, width: u16) -> Vec<Line<'static>> {
    let (session, theme) = (ctx.session, ctx.theme);
    let label = |text: &'static str| Line::styled(text, theme.muted);
    let indented = |line: Line<'static>, lines: &mut Vec<Line<'static>>| {
        for mut row in wrap_lines(&[line], width.saturating_sub(2)) {
            row.spans.insert(0, Span::raw("  "));
            lines.push(row);
        }
    };

    let mut lines = Vec::new();
    lines.push(heading_line(theme, entry));
    lines.extend(wrap_lines(
        &[Line::from(partner_spans(
            session,
            theme,
            &entry.partners,
            false,
        ))],
        width,
    ));
    lines.push(Line::default());
    lines.extend(wrap_lines(
        &[Line::styled(one_line(&entry.description), theme.text)],
        width,
    ));
    lines.push(Line::default());
    if let Some(prompt) = &entry.prompt {
        lines.push(label("Question for the room"));
        indented(Line::styled(prompt.clone(), theme.accent), &mut lines);
    }
    if !entry.shared_terms.is_empty() {
        let terms: Vec<String> = entry
            .shared_terms
            .iter()
            .map(|t| format!("'{t}'"))
            .collect();
        lines.push(label("Shared terms"));
        indented(Line::styled(terms.join(", "), theme.text), &mut lines);
    }
    lines.push(label("Items involved"));
    if entry.items.is_empty() {
        indented(Line::styled("none linked", theme.muted), &mut lines);
    }
    for item in &entry.items {
        indented(
            Line::styled(format!("• {}", session.describe_item(item)), theme.text),
            &mut lines,
        );
    }
    let (status, extra) = status_facts(entry);
    lines.push(label("Status"));
    indented(
        Line::styled(
            status,
            status_style(&entry.status, theme).add_modifier(Modifier::BOLD),
        ),
        &mut lines,
    );
    if let Some((what, text)) = extra {
        lines.push(label(what));
        indented(Line::styled(one_line(text), theme.text), &mut lines);
    }
    lines.push(label("Owner"));
    indented(Line::from(owner_span(theme, entry)), &mut lines);
    lines.push(label("Found by"));
    indented(
        Line::styled(source_sentence(entry), theme.muted),
        &mut lines,
    );
    lines
}

/// One conflict for focus mode: what it is as the title, everything else the panels
/// show as labelled lines, unwrapped (focus mode wraps them to its own width).
fn conflict_card(ctx: &StageCtx, entry: &BoardEntry) -> FocusCard {
    let (session, theme) = (ctx.session, ctx.theme);
    let label = |text: &'static str| Span::styled(text, theme.muted);
    let fact = |name: &'static str, value: Vec<Span<'static>>| {
        let mut spans = vec![label(name)];
        spans.extend(value);
        Line::from(spans)
    };
    let mut details = vec![
        // The marker's exclamation marks and word carry the severity without colour.
        fact(
            "Severity: ",
            vec![Span::styled(
                severity_marker(entry.severity),
                theme.severity(entry.severity),
            )],
        ),
        fact(
            "Category: ",
            vec![Span::styled(entry.category.label(), theme.text)],
        ),
        fact(
            "Partners: ",
            partner_spans(session, theme, &entry.partners, false),
        ),
    ];
    let (status, extra) = status_facts(entry);
    let status = if entry.status == ConflictStatus::DealBreaker {
        "✖ deal-breaker"
    } else {
        status
    };
    details.push(fact(
        "Status: ",
        vec![Span::styled(
            status,
            status_style(&entry.status, theme).add_modifier(Modifier::BOLD),
        )],
    ));
    if let Some((what, text)) = extra {
        details.push(Line::from(vec![
            Span::styled(format!("{what}: "), theme.muted),
            Span::styled(one_line(text), theme.text),
        ]));
    }
    details.push(fact("Owner: ", vec![owner_span(theme, entry)]));
    if let Some(prompt) = &entry.prompt {
        details.push(fact(
            "Question for the room: ",
            vec![Span::styled(one_line(prompt), theme.accent)],
        ));
    }
    if !entry.shared_terms.is_empty() {
        let terms: Vec<String> = entry
            .shared_terms
            .iter()
            .map(|t| format!("'{t}'"))
            .collect();
        details.push(fact(
            "Shared terms: ",
            vec![Span::styled(terms.join(", "), theme.text)],
        ));
    }
    for item in &entry.items {
        details.push(fact(
            "Item: ",
            vec![Span::styled(session.describe_item(item), theme.text)],
        ));
    }
    details.push(fact(
        "Found by: ",
        vec![Span::styled(source_sentence(entry), theme.muted)],
    ));
    // A conflict of one partner is that partner's; a shared one is nobody's in colour.
    let kicker_style = match entry.partners.as_slice() {
        [one] => partner_style(session, theme, *one),
        _ => theme.heading,
    };
    let whose: String = partner_spans(session, theme, &entry.partners, false)
        .iter()
        .map(|s| s.content.as_ref())
        .collect();
    FocusCard {
        kicker: format!("Conflict · {whose}"),
        kicker_style,
        title: one_line(&entry.description),
        details,
    }
}

/// The matrix cell at row `r`, column `c` for focus mode: which category and partners
/// it stands for, its counts in words, and every conflict it holds.
fn cell_card(ctx: &StageCtx, matrix: &Matrix, r: usize, c: usize) -> Option<FocusCard> {
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

/// The panel under the list on narrower screens: a rule with the heading, then the
/// explanation and the question on the left and the outcome on the right. Returns how
/// many rows of either side did not fit, or were cut short.
fn render_compact_detail(
    frame: &mut Frame,
    area: Rect,
    ctx: &StageCtx,
    entry: &BoardEntry,
) -> usize {
    let (session, theme) = (ctx.session, ctx.theme);
    let (rule_row, body) = take_top(area, 1);
    let mut spans = vec![Span::styled("── ", theme.border)];
    spans.extend(heading_line(theme, entry).spans);
    spans.push(Span::styled(
        format!(" · {} ", source_tag(entry)),
        theme.muted,
    ));
    let used = spans_width(&spans);
    let rest = usize::from(rule_row.width).saturating_sub(used);
    spans.push(Span::styled("─".repeat(rest), theme.border));
    draw_lines(frame.buffer_mut(), rule_row, &[Line::from(spans)]);

    let half = body.width.saturating_sub(GAP as u16) / 2;
    let left = Rect::new(body.x, body.y, half, body.height);
    let right = Rect::new(
        body.x.saturating_add(half + GAP as u16),
        body.y,
        body.width.saturating_sub(half + GAP as u16),
        body.height,
    )
    .intersection(body);

    let mut text = vec![Line::styled(one_line(&entry.description), theme.text)];
    if let Some(prompt) = &entry.prompt {
        text.push(Line::styled(format!("? {prompt}"), theme.accent));
    }
    if !entry.shared_terms.is_empty() {
        let terms: Vec<String> = entry
            .shared_terms
            .iter()
            .map(|t| format!("'{t}'"))
            .collect();
        text.push(Line::styled(
            format!("Shared terms: {}", terms.join(", ")),
            theme.muted,
        ));
    }
    let text = wrap_lines(&text, left.width);
    draw_lines(frame.buffer_mut(), left, &text);
    let mut cut = text.len().saturating_sub(usize::from(left.height));

    // Values wrap under themselves, not under their labels, so the labels stay a column.
    const LABEL_W: usize = 9;
    let width = right.width.saturating_sub(LABEL_W as u16);
    let mut facts: Vec<Line<'static>> = Vec::new();
    let mut fact = |label: &'static str, value: Vec<Span<'static>>, max: usize| {
        let (rows, left_out) = wrap_at_most(Line::from(value), width, max);
        cut += left_out;
        for (n, mut row) in rows.into_iter().enumerate() {
            let head = if n == 0 { label } else { "" };
            row.spans
                .insert(0, Span::styled(format!("{head:<LABEL_W$}"), theme.muted));
            facts.push(row);
        }
    };
    let (status, extra) = status_facts(entry);
    let status_look = status_style(&entry.status, theme).add_modifier(Modifier::BOLD);
    fact("Status", vec![Span::styled(status, status_look)], 1);
    if let Some((what, text)) = extra {
        let what = if what == "Agreement" { "Agreed" } else { what };
        fact(what, vec![Span::styled(one_line(text), theme.text)], 2);
    }
    fact("Owner", vec![owner_span(theme, entry)], 1);
    fact(
        "Partners",
        partner_cell(session, theme, &entry.partners, usize::from(width)),
        1,
    );
    if !entry.items.is_empty() {
        let items: Vec<String> = entry
            .items
            .iter()
            .map(|i| session.describe_item(i))
            .collect();
        fact("Items", vec![Span::styled(items.join("; "), theme.text)], 3);
    }
    draw_lines(frame.buffer_mut(), right, &facts);
    cut + facts.len().saturating_sub(usize::from(right.height))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::board::board;
    use crate::domain::{History, ItemId, NewPartner, PartnershipType, Stage, sample};
    use crate::tui::stages::testing::{
        at, ctx, draw_stage, find, form, fresh, key, proceed, rows, submit_edit,
    };
    use ratatui::buffer::Buffer;

    /// A session with the most partners a session can have, named so their first words
    /// differ.
    fn eight_partners() -> History {
        let names = [
            "Acme Robotics",
            "Globex Integration",
            "Initech Vision",
            "Umbrella Systems",
            "Hooli Cloud",
            "Vandelay Imports",
            "Soylent Foods",
            "Wonka Industries",
        ];
        let partners = names
            .iter()
            .zip(1..)
            .map(|(name, id)| NewPartner {
                id: PartnerId(id),
                name: (*name).to_string(),
                brings: String::new(),
            })
            .collect();
        History::create(
            at(),
            Change::Created {
                title: "Eight-way consortium".to_string(),
                moderator: "Dana".to_string(),
                kind: PartnershipType::RdConsortium,
                partners,
                roles: Vec::new(),
            },
        )
        .expect("session")
    }

    fn record(history: &mut History, changes: Vec<Change>) {
        for change in changes {
            history.record(at(), change).expect("change applies");
        }
    }

    fn conflict(
        history: &History,
        description: &str,
        severity: Severity,
        partners: &[u32],
    ) -> Conflict {
        Conflict {
            id: history.session().fresh_id(),
            origin: ConflictOrigin::Moderator,
            category: ConflictCategory::Territory,
            partners: partners.iter().map(|p| PartnerId(*p)).collect(),
            items: Vec::new(),
            description: description.to_string(),
            severity,
            status: ConflictStatus::Open,
            owner: String::new(),
        }
    }

    fn add(history: &mut History, conflict: Conflict) -> ItemId {
        let id = conflict.id;
        record(history, vec![Change::ConflictAdded { conflict }]);
        id
    }

    fn add_open(history: &mut History, description: &str, severity: Severity) -> ItemId {
        let c = conflict(history, description, severity, &[1, 2]);
        add(history, c)
    }

    fn draw(screen: &ConflictsScreen, session: &Session, w: u16, h: u16) -> Buffer {
        draw_stage(w, h, session, |f, ctx| screen.render(f, f.area(), ctx))
    }

    fn text(buf: &Buffer) -> String {
        rows(buf).join("\n")
    }

    /// The list's title row.
    fn title_row(buf: &Buffer) -> String {
        rows(buf)
            .into_iter()
            .find(|r| r.starts_with("CONFLICTS"))
            .unwrap_or_else(|| panic!("no list title\n{}", text(buf)))
            .trim_end()
            .to_string()
    }

    fn press(screen: &mut ConflictsScreen, session: &Session, code: KeyCode) -> Option<Intent> {
        screen.handle_key(key(code), &ctx(session, &Theme::dark()))
    }

    /// The entry under the cursor, as the screen resolves it.
    fn selected(screen: &ConflictsScreen, session: &Session) -> BoardEntry {
        let theme = Theme::dark();
        let ctx = ctx(session, &theme);
        let order = display_order(&ctx, screen.filter.as_ref());
        ctx.board[order[screen.position(ctx.board, &order)]].clone()
    }

    /// Moves the cursor with `j` until it rests on an entry that `wanted` accepts.
    fn select_where(
        screen: &mut ConflictsScreen,
        session: &Session,
        wanted: impl Fn(&BoardEntry) -> bool,
    ) -> BoardEntry {
        press(screen, session, KeyCode::Home);
        for _ in 0..=board(session).len() {
            let entry = selected(screen, session);
            if wanted(&entry) {
                return entry;
            }
            press(screen, session, KeyCode::Char('j'));
        }
        panic!("no such entry on the board");
    }

    fn confirm(intent: Option<Intent>) -> Confirm {
        match intent {
            Some(Intent::Confirm(confirm)) => confirm,
            _ => panic!("expected a confirmation"),
        }
    }

    fn option(intent: Option<Intent>, key: char) -> (String, Intent) {
        let o = confirm(intent)
            .options
            .into_iter()
            .find(|o| o.key == key)
            .unwrap_or_else(|| panic!("no option {key}"));
        (o.label, o.then)
    }

    fn option_keys(intent: Option<Intent>) -> String {
        confirm(intent).options.iter().map(|o| o.key).collect()
    }

    fn changes_of(intent: Intent) -> Vec<Change> {
        match intent {
            Intent::Record(changes) => changes,
            Intent::Status(s) => panic!("expected changes, got status {s}"),
            _ => panic!("expected changes"),
        }
    }

    fn status_of(intent: Option<Intent>) -> String {
        match intent {
            Some(Intent::Status(s)) => s,
            _ => panic!("expected a status message"),
        }
    }

    fn key_of(entry: &BoardEntry) -> String {
        match &entry.source {
            Source::Detected { key, .. } => key.clone(),
            Source::Moderator(_) => panic!("not a detected conflict"),
        }
    }

    fn detected_open(e: &BoardEntry) -> bool {
        e.is_detected() && e.status == ConflictStatus::Open
    }

    fn entry_by(session: &Session, source: &Source) -> BoardEntry {
        board(session)
            .into_iter()
            .find(|e| e.source == *source)
            .expect("still on the board")
    }

    #[test]
    fn the_sample_board_shows_readiness_and_open_conflicts_first() {
        let history = proceed();
        let session = history.session();
        let entries = board(session);
        let buf = draw(&ConflictsScreen::default(), session, 80, 24);
        let all = text(&buf);
        let theme = Theme::dark();
        assert_eq!(
            rows(&buf)[0].trim_end(),
            readiness_line(&entries, &theme).to_string()
        );
        assert!(rows(&buf)[0].starts_with("Readiness "), "{all}");
        let title = title_row(&buf);
        assert!(
            title.starts_with(&format!("CONFLICTS  {}   m matrix", entries.len())),
            "{all}"
        );
        assert!(title.contains("↓ "), "more below: {all}");
        // The first row is the worst open conflict, selected, its rule named under it.
        let first = selected(&ConflictsScreen::default(), session);
        assert_eq!(first.status, ConflictStatus::Open);
        let worst = entries
            .iter()
            .filter(|e| e.status == ConflictStatus::Open)
            .map(|e| e.severity)
            .max();
        assert_eq!(Some(first.severity), worst);
        let (y, x) = find(&buf, &format!("▶ {}", severity_marker(first.severity))).expect(&all);
        assert_eq!(buf[(x, y)].style().bg, theme.selected.bg);
        assert!(rows(&buf)[usize::from(y)].contains("open"), "{all}");
        let tag = format!("[{}]", source_tag(&first));
        assert!(rows(&buf)[usize::from(y) + 1].contains(&tag), "{all}");
        // The panel under the list names the rule and asks the room its question.
        assert!(all.contains(&format!(
            "── {} · {} · {} ──",
            severity_marker(first.severity),
            first.category,
            source_tag(&first)
        )));
        if let Some(prompt) = &first.prompt {
            let start: String = prompt.chars().take(20).collect();
            assert!(all.contains(&format!("? {start}")), "{all}");
        }
    }

    #[test]
    fn groups_run_open_parked_deal_breakers_settled_dismissed() {
        let mut history = proceed();
        add_open(&mut history, "Exclusivity in Germany", Severity::Critical);
        let mut c = conflict(&history, "Who sets the list price", Severity::High, &[1, 2]);
        c.status = ConflictStatus::DealBreaker;
        add(&mut history, c);
        let theme = Theme::dark();
        let ctx = ctx(history.session(), &theme);
        let order = display_order(&ctx, None);
        let groups: Vec<u8> = order.iter().map(|&i| group(&ctx.board[i].status)).collect();
        assert!(groups.is_sorted(), "{groups:?}");
        assert_eq!(groups.first(), Some(&0));
        assert_eq!(groups.last(), Some(&4));
        // Worst first among the open ones: the new critical one leads.
        assert_eq!(ctx.board[order[0]].description, "Exclusivity in Germany");

        // A tall screen names each group where it starts; settled rows step back.
        let mut screen = ConflictsScreen::default();
        select_where(&mut screen, history.session(), |e| {
            e.status == ConflictStatus::DealBreaker
        });
        let buf = draw(&screen, history.session(), 160, 45);
        let all = text(&buf);
        let (parked, _) = find(&buf, "PARKED — for a later meeting").expect(&all);
        let (breakers, _) = find(&buf, "DEAL-BREAKERS").expect(&all);
        let (settled, _) = find(&buf, "  SETTLED").expect(&all);
        assert!(parked < breakers && breakers < settled, "{all}");
        let (y, x) = find(&buf, "resolved: ").expect(&all);
        assert_eq!(buf[(x, y)].style().fg, theme.muted.fg);
        // A deal-breaker keeps its warning.
        let (y, x) = find(&buf, "✖ 1 deal-breaker").expect(&all);
        assert_eq!((y, buf[(x, y)].style().fg), (0, theme.bad.fg));
    }

    #[test]
    fn a_detected_conflict_is_resolved_with_the_agreement_typed() {
        let mut history = proceed();
        let before = Readiness::of(&board(history.session()));
        let mut screen = ConflictsScreen::default();
        let entry = select_where(&mut screen, history.session(), detected_open);
        let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('s')));
        assert_eq!(dialog.title, "Settle detected conflict");
        if let Some(prompt) = &entry.prompt {
            assert!(
                dialog
                    .lines
                    .contains(&format!("Question for the room: {prompt}")),
                "{:?}",
                dialog.lines
            );
        }
        let rule = entry.rule().expect("detected").label();
        assert!(
            dialog
                .lines
                .contains(&format!("Found by the rule '{rule}'."))
        );
        // Reopening an open conflict would change nothing, so it is not offered.
        let keys: String = dialog.options.iter().map(|o| o.key).collect();
        assert_eq!(keys, "rkbpx");

        let (_, editor) = option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'r',
        );
        assert_eq!(
            submit_edit(editor, "  ", history.session()),
            Err("write down what the partners agreed".to_string())
        );
        let (_, editor) = option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'r',
        );
        let changes = submit_edit(
            editor,
            "Globex proposes, Northwind decides",
            history.session(),
        )
        .expect("valid");
        let resolved = ConflictStatus::Resolved {
            agreement: "Globex proposes, Northwind decides".to_string(),
        };
        assert_eq!(
            changes,
            vec![Change::FindingSettled {
                key: key_of(&entry),
                status: resolved.clone(),
                owner: String::new(),
            }]
        );
        record(&mut history, changes);
        assert_eq!(entry_by(history.session(), &entry.source).status, resolved);
        let after = Readiness::of(&board(history.session()));
        assert_eq!(after.settled, before.settled + 1);
        assert_eq!(after.open_total() + 1, before.open_total());
        let buf = draw(&screen, history.session(), 80, 24);
        assert!(rows(&buf)[0].contains(&format!("{} settled", after.settled)));
        // The cursor went with the conflict into the settled group.
        let (y, _) = find(&buf, "▶ ").expect("pointer");
        assert!(
            rows(&buf)[usize::from(y)].contains("resolved: Glob"),
            "{}",
            text(&buf)
        );
    }

    #[test]
    fn accepting_a_risk_asks_who_owns_it() {
        let mut history = proceed();
        let mut screen = ConflictsScreen::default();
        let entry = select_where(&mut screen, history.session(), detected_open);
        let (label, ask) = option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'k',
        );
        assert_eq!(label, "accepted risk — name who owns it");
        assert!(
            matches!(&ask, Intent::Edit { title, .. } if title.starts_with("Who owns this risk?"))
        );
        assert_eq!(
            submit_edit(ask, "", history.session()),
            Err("name who keeps an eye on this risk".to_string())
        );
        let (_, ask) = option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'k',
        );
        let changes = submit_edit(ask, "Lena Brandt", history.session()).expect("valid");
        assert_eq!(
            changes,
            vec![Change::FindingSettled {
                key: key_of(&entry),
                status: ConflictStatus::AcceptedRisk,
                owner: "Lena Brandt".to_string(),
            }]
        );
        record(&mut history, changes);
        let now = entry_by(history.session(), &entry.source);
        assert_eq!(
            (now.status, now.owner.as_str()),
            (ConflictStatus::AcceptedRisk, "Lena Brandt")
        );

        // Asked again, the editor starts from the owner named.
        let (_, ask) = option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'k',
        );
        assert!(matches!(&ask, Intent::Edit { initial, .. } if initial == "Lena Brandt"));
    }

    #[test]
    fn parking_keeps_the_owner_and_reopening_forgets_the_outcome() {
        let mut history = proceed();
        let mut screen = ConflictsScreen::default();
        // The conflict the sample parked, owned by the moderator.
        let entry = select_where(&mut screen, history.session(), |e| {
            e.status == ConflictStatus::Parked
        });
        assert_eq!(entry.owner, "Dana Whitfield");
        let keys = option_keys(press(&mut screen, history.session(), KeyCode::Char('s')));
        assert_eq!(keys, "rkbxo", "no 'park' for a parked one, and a reopen");
        let (_, reopen) = option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'o',
        );
        let changes = changes_of(reopen);
        assert_eq!(
            changes,
            vec![Change::FindingSettled {
                key: key_of(&entry),
                status: ConflictStatus::Open,
                owner: String::new(),
            }]
        );
        record(&mut history, changes);
        assert!(!history.session().outcomes.contains_key(&key_of(&entry)));
        assert_eq!(selected(&screen, history.session()).source, entry.source);

        let (_, park) = option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'p',
        );
        record(&mut history, changes_of(park));
        assert_eq!(
            entry_by(history.session(), &entry.source).status,
            ConflictStatus::Parked
        );
        // Undo puts the room back where it was.
        record(&mut history, vec![Change::Undo]);
        assert_eq!(
            entry_by(history.session(), &entry.source).status,
            ConflictStatus::Open
        );
    }

    #[test]
    fn dismissing_asks_why_and_is_only_for_detected_conflicts() {
        let mut history = proceed();
        let dismissed_before = Readiness::of(&board(history.session())).dismissed;
        let mut screen = ConflictsScreen::default();
        let entry = select_where(&mut screen, history.session(), detected_open);
        let (label, ask) = option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'x',
        );
        assert_eq!(label, "dismiss as not a conflict — say why");
        assert!(
            matches!(&ask, Intent::Edit { title, .. } if title.starts_with("Why is this not a conflict?"))
        );
        assert!(submit_edit(ask, " ", history.session()).is_err());
        let (_, ask) = option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'x',
        );
        let changes = submit_edit(
            ask,
            "Roadmap input is advice, not a claim",
            history.session(),
        )
        .expect("valid");
        record(&mut history, changes);
        let dismissed = ConflictStatus::Dismissed {
            reason: "Roadmap input is advice, not a claim".to_string(),
        };
        assert_eq!(entry_by(history.session(), &entry.source).status, dismissed);
        let buf = draw(&screen, history.session(), 160, 45);
        let all = text(&buf);
        let dismissed_now = Readiness::of(&board(history.session())).dismissed;
        assert_eq!(dismissed_now, dismissed_before + 1);
        assert!(
            rows(&buf)[0].contains(&format!("{dismissed_now} dismissed")),
            "{all}"
        );
        let (y, x) = find(&buf, "▶ · low").expect(&all);
        assert!(
            rows(&buf)[usize::from(y)].contains("dismissed: Roadmap"),
            "{all}"
        );
        assert_eq!(buf[(x + 2, y)].style().bg, Theme::dark().selected.bg);
        assert!(all.contains("Reason"), "the panel keeps the reason: {all}");

        // An entered conflict: the choice is listed, marked, and says what to do instead.
        let id = add_open(&mut history, "Both claim the Nordics", Severity::High);
        let entered = select_where(&mut screen, history.session(), |e| {
            e.source == Source::Moderator(id)
        });
        assert!(!entered.is_detected());
        let (label, then) = option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'x',
        );
        assert_eq!(label, "dismiss (not available)");
        match then {
            Intent::Status(s) => assert!(s.contains("deleted with d"), "{s}"),
            _ => panic!("expected a status message"),
        }
    }

    #[test]
    fn an_entered_conflict_settles_through_its_own_record() {
        let mut history = proceed();
        let id = add_open(&mut history, "Both claim the Nordics", Severity::High);
        let agreements_before = crate::domain::board::agreements(&board(history.session())).count();
        let mut screen = ConflictsScreen::default();
        select_where(&mut screen, history.session(), |e| {
            e.source == Source::Moderator(id)
        });
        let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('s')));
        assert_eq!(dialog.title, "Settle conflict");
        assert!(
            dialog
                .lines
                .contains(&"Entered by the moderator.".to_string())
        );
        let (_, editor) = option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'r',
        );
        let changes = submit_edit(
            editor,
            "Globex leads in the Nordics until 2028",
            history.session(),
        )
        .expect("valid");
        let before = history.session().conflict(id).cloned().expect("conflict");
        let agreed = ConflictStatus::Resolved {
            agreement: "Globex leads in the Nordics until 2028".to_string(),
        };
        assert_eq!(
            changes,
            vec![Change::ConflictEdited {
                conflict: Conflict {
                    status: agreed.clone(),
                    ..before
                }
            }]
        );
        record(&mut history, changes);
        assert_eq!(
            history.session().conflict(id).map(|c| &c.status),
            Some(&agreed)
        );
        assert_eq!(
            crate::domain::board::agreements(&board(history.session())).count(),
            agreements_before + 1
        );

        let (_, ask) = option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'k',
        );
        let changes = submit_edit(ask, "Sam Reyes", history.session()).expect("valid");
        record(&mut history, changes);
        let c = history.session().conflict(id).expect("conflict");
        assert_eq!(
            (&c.status, c.owner.as_str()),
            (&ConflictStatus::AcceptedRisk, "Sam Reyes")
        );
    }

    #[test]
    fn a_deal_breaker_is_refused_under_a_plain_proceed_and_shown_when_allowed() {
        let mut history = proceed();
        let mut screen = ConflictsScreen::default();
        let entry = select_where(&mut screen, history.session(), detected_open);
        // Under "proceed with conditions" it is recorded at once.
        let (label, then) = option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'b',
        );
        assert_eq!(label, "deal-breaker — blocks a plain proceed");
        record(&mut history, changes_of(then));
        assert!(history.session().has_deal_breaker());
        let buf = draw(&screen, history.session(), 80, 24);
        assert!(rows(&buf)[0].contains("✖ 1 deal-breaker"), "{}", text(&buf));
        let (y, x) = find(&buf, "✖ deal-breaker").expect("marked in the list");
        assert_eq!(
            buf[(x, y)].style().bg,
            Theme::dark().selected.bg,
            "and selected"
        );
        // Reopen it, then make the verdict a plain proceed: no deal-breaker any more.
        let (_, reopen) = option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'o',
        );
        record(&mut history, changes_of(reopen));
        record(
            &mut history,
            vec![Change::VerdictSet {
                verdict: Some(Verdict::Proceed),
                note: String::new(),
            }],
        );
        let (label, then) = option(
            press(&mut screen, history.session(), KeyCode::Char('s')),
            'b',
        );
        assert_eq!(label, "deal-breaker (not available)");
        match then {
            Intent::Status(s) => assert!(s.contains("plain proceed"), "{s}"),
            _ => panic!("expected a status message"),
        }
        assert_eq!(selected(&screen, history.session()).source, entry.source);
    }

    #[test]
    fn enter_edits_an_entered_conflict_and_settles_a_detected_one() {
        let mut history = proceed();
        let id = add_open(&mut history, "Both claim the Nordics", Severity::High);
        let mut screen = ConflictsScreen::default();
        select_where(&mut screen, history.session(), |e| {
            e.source == Source::Moderator(id)
        });
        let mut edit = form(press(&mut screen, history.session(), KeyCode::Enter));
        assert_eq!(edit.title, "Edit conflict");
        assert_eq!(edit.value(0), "Both claim the Nordics");
        crate::tui::stages::testing::set_text(&mut edit, 4, "Helen Marsh");
        let changes = (edit.on_submit)(&edit, history.session()).expect("valid");
        record(&mut history, changes);
        assert_eq!(
            history.session().conflict(id).map(|c| c.owner.as_str()),
            Some("Helen Marsh")
        );

        select_where(&mut screen, history.session(), detected_open);
        assert_eq!(
            confirm(press(&mut screen, history.session(), KeyCode::Enter)).title,
            "Settle detected conflict"
        );
        // Adding works from anywhere in the list and makes an open, entered conflict.
        let mut added = form(press(&mut screen, history.session(), KeyCode::Char('a')));
        assert_eq!(added.title, "New conflict");
        crate::tui::stages::testing::set_text(&mut added, 0, "Support hours differ");
        let changes = (added.on_submit)(&added, history.session()).expect("valid");
        let id = match &changes[..] {
            [Change::ConflictAdded { conflict }] => {
                assert_eq!(conflict.status, ConflictStatus::Open);
                assert_eq!(conflict.origin, ConflictOrigin::Moderator);
                conflict.id
            }
            other => panic!("unexpected {other:?}"),
        };
        // Once recorded, the new conflict is the selected one, ready to settle.
        record(&mut history, changes);
        assert_eq!(
            selected(&screen, history.session()).source,
            Source::Moderator(id)
        );
        // A form cancelled leaves the cursor where it was.
        let before = selected(&screen, history.session()).source;
        press(&mut screen, history.session(), KeyCode::Char('a'));
        assert_eq!(selected(&screen, history.session()).source, before);
    }

    #[test]
    fn delete_removes_an_entered_conflict_and_explains_for_a_detected_one() {
        let mut history = proceed();
        let mut screen = ConflictsScreen::default();
        select_where(&mut screen, history.session(), |e| e.is_detected());
        let said = status_of(press(&mut screen, history.session(), KeyCode::Char('d')));
        assert!(
            said.contains("dismissed, not deleted — press s then x"),
            "{said}"
        );

        let id = add_open(&mut history, "Both claim the Nordics", Severity::Critical);
        select_where(&mut screen, history.session(), |e| {
            e.source == Source::Moderator(id)
        });
        let dialog = press(&mut screen, history.session(), KeyCode::Char('d'));
        let (_, then) = option(dialog, 'y');
        assert_eq!(changes_of(then), vec![Change::ConflictRemoved { id }]);
        record(&mut history, vec![Change::ConflictRemoved { id }]);
        // The entry is gone: the cursor keeps its place, on what is there now.
        let now = selected(&screen, history.session());
        assert_eq!(now.status, ConflictStatus::Open);
        let buf = draw(&screen, history.session(), 80, 24);
        assert!(find(&buf, "▶ · low").is_some(), "{}", text(&buf));
    }

    #[test]
    fn the_cursor_follows_its_entry_when_the_board_changes() {
        let mut history = proceed();
        let mut screen = ConflictsScreen::default();
        for _ in 0..3 {
            press(&mut screen, history.session(), KeyCode::Down);
        }
        let entry = selected(&screen, history.session());
        // A new, worse conflict arrives at the top of the list; the cursor stays put on
        // the same conflict, now one row lower.
        add_open(&mut history, "Exclusivity in Germany", Severity::Critical);
        assert_eq!(selected(&screen, history.session()).source, entry.source);
        press(&mut screen, history.session(), KeyCode::Up);
        press(&mut screen, history.session(), KeyCode::Down);
        assert_eq!(selected(&screen, history.session()).source, entry.source);
        // Far past the end (a list that shrank elsewhere), it is clamped.
        let far = ConflictsScreen {
            cursor: 500,
            ..ConflictsScreen::default()
        };
        draw(&far, history.session(), 80, 24);
        let last = selected(&far, history.session());
        assert!(matches!(last.status, ConflictStatus::Dismissed { .. }));
    }

    #[test]
    fn the_matrix_shows_counts_per_category_and_pair() {
        let mut history = fresh(2);
        let mut add_with = |what: &str, category, severity, status| {
            let mut c = conflict(&history, what, severity, &[1, 2]);
            c.category = category;
            c.status = status;
            add(&mut history, c);
        };
        use ConflictCategory::{Pricing, Roles, Territory};
        add_with(
            "Both claim Spain",
            Territory,
            Severity::High,
            ConflictStatus::Open,
        );
        add_with(
            "Both claim Italy",
            Territory,
            Severity::Low,
            ConflictStatus::Open,
        );
        add_with(
            "Both claim France",
            Territory,
            Severity::Critical,
            ConflictStatus::Parked,
        );
        add_with("List price", Pricing, Severity::Low, ConflictStatus::Open);
        add_with(
            "Who runs support",
            Roles,
            Severity::Medium,
            ConflictStatus::DealBreaker,
        );
        add_with(
            "Who runs training",
            Roles,
            Severity::Medium,
            ConflictStatus::Resolved {
                agreement: "Globex".to_string(),
            },
        );
        let session = history.session();
        let matrix = Matrix::of(session, &board(session));
        assert_eq!(matrix.rows, vec![Territory, Pricing, Roles]);
        assert_eq!(
            matrix.columns,
            vec![Column::Pair(PartnerId(1), PartnerId(2))]
        );
        let tally = matrix.tally(0, 0);
        assert_eq!(
            (tally.open, tally.worst, tally.rest),
            (2, Some(Severity::High), 1)
        );

        let mut screen = ConflictsScreen::default();
        assert!(press(&mut screen, session, KeyCode::Char('m')).is_none());
        let buf = draw(&screen, session, 80, 24);
        let all = text(&buf);
        assert!(all.contains("MATRIX  categories × partner pairs"), "{all}");
        let (y, x) = find(&buf, "Northwind").expect(&all);
        assert!(rows(&buf)[usize::from(y) + 1].contains("& Globex"), "{all}");
        assert_eq!(buf[(x, y)].style().fg, Theme::dark().partner(0).fg);
        // A cell says how many are open and how bad the worst is, not by colour alone;
        // the cursor's cell is in brackets and in the selected style.
        let row = |start: &str| {
            rows(&buf)
                .into_iter()
                .find(|r| r.starts_with(start))
                .unwrap_or_else(|| panic!("{start}\n{all}"))
        };
        assert!(row("▶ territory").contains("[2!! +1]"), "{all}");
        assert!(row("  pricing").contains(" 1· "), "{all}");
        assert!(row("  roles").contains(" 1✖ +1 "), "{all}");
        let (y, x) = find(&buf, "[2!!").expect(&all);
        assert_eq!(buf[(x, y)].style().bg, Theme::dark().selected.bg);
        // Rows with nothing open step back.
        let (y, x) = find(&buf, "roles").expect(&all);
        assert_eq!(buf[(x, y)].style().fg, Theme::dark().muted.fg);
        assert!(all.contains("2!! 2 open, worst high"), "the legend: {all}");
        // Under the grid, what the cell holds, worst first.
        assert!(
            all.contains("territory × Northwind & Globex  3 — Enter lists them"),
            "{all}"
        );
        let (spain, _) = find(&buf, "Both claim Spain").expect(&all);
        let (italy, _) = find(&buf, "Both claim Italy").expect(&all);
        let (france, _) = find(&buf, "Both claim France").expect(&all);
        assert!(spain < italy && italy < france, "{all}");
        assert_eq!(screen.footer_keys()[1], ("Enter", "list it"));
    }

    #[test]
    fn enter_on_a_cell_filters_the_list_and_f_or_esc_clears_it() {
        let history = proceed();
        let session = history.session();
        let entries = board(session);
        let mut screen = ConflictsScreen::default();
        press(&mut screen, session, KeyCode::Char('m'));
        // Down to the roles row.
        let matrix = Matrix::of(session, &entries);
        let roles = matrix
            .rows
            .iter()
            .position(|c| *c == ConflictCategory::Roles)
            .expect("roles");
        for _ in 0..roles {
            press(&mut screen, session, KeyCode::Down);
        }
        assert!(press(&mut screen, session, KeyCode::Enter).is_none());
        assert_eq!(screen.focus, Focus::List);
        let in_cell = matrix.tally(roles, 0).total();
        let buf = draw(&screen, session, 80, 24);
        let all = text(&buf);
        assert!(
            title_row(&buf).starts_with(&format!(
                "CONFLICTS IN roles × Northwind & Globex  {in_cell} of {}   f show all",
                entries.len()
            )),
            "{all}"
        );
        let theme = Theme::dark();
        let ctx = ctx(session, &theme);
        let order = display_order(&ctx, screen.filter.as_ref());
        assert_eq!(order.len(), in_cell);
        assert!(
            order
                .iter()
                .all(|&i| ctx.board[i].category == ConflictCategory::Roles)
        );
        assert_eq!(screen.footer_keys()[2], ("f", "show all"));
        // The list starts at the top of the cell.
        assert_eq!(
            selected(&screen, session).source,
            ctx.board[order[0]].source
        );
        press(&mut screen, session, KeyCode::Char('f'));
        assert!(screen.filter.is_none());
        let buf = draw(&screen, session, 80, 24);
        assert!(
            title_row(&buf).starts_with(&format!("CONFLICTS  {}", entries.len())),
            "{}",
            text(&buf)
        );

        // Esc clears it too, and back in the matrix the cursor is on the filtered cell.
        press(&mut screen, session, KeyCode::Char('m'));
        press(&mut screen, session, KeyCode::Enter);
        assert!(screen.filter.is_some());
        press(&mut screen, session, KeyCode::Char('m'));
        assert_eq!(screen.cell, (roles, 0));
        press(&mut screen, session, KeyCode::Esc);
        assert_eq!(screen.focus, Focus::List);
        assert!(screen.filter.is_some(), "Esc in the matrix only goes back");
        press(&mut screen, session, KeyCode::Esc);
        assert!(screen.filter.is_none());
    }

    #[test]
    fn large_screens_keep_the_matrix_above_the_list() {
        let history = proceed();
        let session = history.session();
        let entries = board(session);
        let mut screen = ConflictsScreen::default();
        let buf = draw(&screen, session, 160, 40);
        let all = text(&buf);
        let (matrix_y, _) = find(&buf, "MATRIX").expect(&all);
        let list_title = format!("CONFLICTS  {}", entries.len());
        let (list_y, _) = find(&buf, &list_title).expect(&all);
        assert!(matrix_y < list_y);
        assert!(all.contains("m pick a cell"), "{all}");
        // `m` gives the keys to the matrix; the list stays in view.
        press(&mut screen, session, KeyCode::Char('m'));
        let buf = draw(&screen, session, 160, 40);
        assert!(find(&buf, &list_title).is_some());
        assert!(find(&buf, "Enter list it").is_some());
        press(&mut screen, session, KeyCode::Enter);
        let matrix = Matrix::of(session, &entries);
        let first = matrix.rows[0];
        let buf = draw(&screen, session, 160, 40);
        let all = text(&buf);
        assert!(
            all.contains(&format!(
                "CONFLICTS IN {first} × Northwind & Globex  {} of {}",
                matrix.tally(0, 0).total(),
                entries.len()
            )),
            "{all}"
        );
        // The filtered cell stays marked in the matrix.
        let row = rows(&buf)
            .into_iter()
            .find(|r| r.starts_with(&format!("  {first}")))
            .expect(&all);
        assert!(row.contains('[') && row.contains(']'), "{row}");
    }

    #[test]
    fn many_partners_get_a_column_each_and_the_matrix_scrolls_sideways() {
        let mut history = eight_partners();
        let c = conflict(
            &history,
            "Soylent and Wonka both own the cold chain",
            Severity::Critical,
            &[7, 8],
        );
        add(&mut history, c);
        let mut c = conflict(
            &history,
            "Acme and Globex both sell robots",
            Severity::High,
            &[1, 2],
        );
        c.category = ConflictCategory::ProductDirection;
        add(&mut history, c);
        let c = conflict(&history, "Nobody named", Severity::Low, &[]);
        add(&mut history, c);
        let session = history.session();
        let matrix = Matrix::of(session, &board(session));
        assert_eq!(matrix.columns.len(), 10, "eight partners, 'other', 'all'");
        assert_eq!(matrix.columns[8], Column::Fewer(1));
        let territory = matrix
            .rows
            .iter()
            .position(|c| *c == ConflictCategory::Territory)
            .expect("territory");
        assert_eq!(matrix.tally(territory, 6).worst, Some(Severity::Critical));
        assert_eq!(matrix.tally(territory, 0).total(), 0);
        assert_eq!(matrix.tally(territory, 9).total(), 2);

        let mut screen = ConflictsScreen::default();
        press(&mut screen, session, KeyCode::Char('m'));
        let buf = draw(&screen, session, 80, 24);
        let all = text(&buf);
        assert!(all.contains("categories × partners"), "{all}");
        assert!(
            rows(&buf).iter().any(|r| r.trim_end().ends_with('▶')),
            "more to the right: {all}"
        );
        press(&mut screen, session, KeyCode::End);
        let buf = draw(&screen, session, 80, 24);
        let all = text(&buf);
        assert!(all.contains("all"), "{all}");
        assert!(
            rows(&buf).iter().any(|r| r.trim_end().ends_with('◀')),
            "{all}"
        );
        // The list names the partners in their colours.
        press(&mut screen, session, KeyCode::Esc);
        let buf = draw(&screen, session, 160, 45);
        let all = text(&buf);
        let (y, x) = find(&buf, "Soylent Foods & Wonka Industries").expect(&all);
        assert_eq!(buf[(x, y)].style().fg, Theme::dark().partner(6).fg);
    }

    #[test]
    fn three_partners_get_a_column_per_pair() {
        let mut history = fresh(3);
        let c = conflict(
            &history,
            "Northwind and Initech both want Spain",
            Severity::High,
            &[1, 3],
        );
        add(&mut history, c);
        let c = conflict(
            &history,
            "Everyone wants Italy",
            Severity::Medium,
            &[1, 2, 3],
        );
        add(&mut history, c);
        let session = history.session();
        let matrix = Matrix::of(session, &board(session));
        let pair = |a, b| Column::Pair(PartnerId(a), PartnerId(b));
        assert_eq!(
            matrix.columns,
            vec![pair(1, 2), pair(1, 3), pair(2, 3), Column::All]
        );
        let counts: Vec<(usize, Option<Severity>)> = (0..4)
            .map(|c| (matrix.tally(0, c).open, matrix.tally(0, c).worst))
            .collect();
        assert_eq!(
            counts,
            vec![
                (1, Some(Severity::Medium)),
                (2, Some(Severity::High)),
                (1, Some(Severity::Medium)),
                (2, Some(Severity::High)),
            ]
        );
        let mut screen = ConflictsScreen::default();
        press(&mut screen, session, KeyCode::Char('m'));
        press(&mut screen, session, KeyCode::Right);
        press(&mut screen, session, KeyCode::Enter);
        let theme = Theme::dark();
        let ctx = ctx(session, &theme);
        assert_eq!(display_order(&ctx, screen.filter.as_ref()).len(), 2);
        let buf = draw(&screen, session, 80, 24);
        assert!(
            title_row(&buf).starts_with("CONFLICTS IN territory × Northwind & Initech  2 of 2"),
            "{}",
            text(&buf)
        );
    }

    #[test]
    fn an_empty_cell_is_not_filtered_to() {
        let mut history = fresh(3);
        let c = conflict(
            &history,
            "Northwind and Initech both want Spain",
            Severity::High,
            &[1, 3],
        );
        add(&mut history, c);
        let session = history.session();
        let mut screen = ConflictsScreen::default();
        press(&mut screen, session, KeyCode::Char('m'));
        let said = status_of(press(&mut screen, session, KeyCode::Enter));
        assert!(
            said.contains("No conflicts in territory × Northwind & Globex"),
            "{said}"
        );
        assert_eq!(screen.focus, Focus::Matrix);
        assert!(screen.filter.is_none());
    }

    #[test]
    fn an_empty_board_says_so_calmly() {
        let history = fresh(2);
        assert!(board(history.session()).is_empty());
        let mut screen = ConflictsScreen::default();
        let buf = draw(&screen, history.session(), 80, 24);
        let all = text(&buf);
        assert!(
            rows(&buf)[0].starts_with("Readiness 100% · open: none · 0 settled"),
            "{all}"
        );
        assert!(all.contains("No conflicts found or entered — "), "{all}");
        assert!(all.contains("press a to add it"), "{all}");
        for code in [
            KeyCode::Char('s'),
            KeyCode::Enter,
            KeyCode::Char('d'),
            KeyCode::Down,
        ] {
            assert!(press(&mut screen, history.session(), code).is_none());
        }
        assert!(matches!(
            press(&mut screen, history.session(), KeyCode::Char('a')),
            Some(Intent::Form(_))
        ));
        press(&mut screen, history.session(), KeyCode::Char('m'));
        let buf = draw(&screen, history.session(), 80, 24);
        assert!(text(&buf).contains("No conflicts yet: nothing to lay out."));
        assert!(press(&mut screen, history.session(), KeyCode::Enter).is_some());
    }

    #[test]
    fn wide_screens_show_why_the_items_and_the_question() {
        let history = proceed();
        let mut screen = ConflictsScreen::default();
        select_where(&mut screen, history.session(), |e| {
            e.rule() == Some(crate::domain::detect::Rule::SharedTerms)
                && e.status == ConflictStatus::Open
        });
        let buf = draw(&screen, history.session(), 160, 45);
        let all = text(&buf);
        let (panel_y, panel_x) = find(&buf, "Selected conflict").expect(&all);
        assert!(panel_x >= 90, "panel at column {panel_x}");
        for label in [
            "Question for the room",
            "Shared terms",
            "Items involved",
            "Status",
            "Owner",
            "Found by",
        ] {
            let (y, x) = find(&buf, label).unwrap_or_else(|| panic!("{label}\n{all}"));
            assert!(x >= panel_x && y > panel_y, "{label}");
        }
        assert!(
            all.contains("Are these the same thing? If so, who owns it?"),
            "{all}"
        );
        assert!(
            all.contains("shared terms: interests, roles or holes of different"),
            "{all}"
        );
        assert!(
            all.contains("• Northwind Analytics: '") || all.contains("• Globex Integration: '"),
            "{all}"
        );
    }

    #[test]
    fn tiny_and_odd_sizes_never_panic() {
        let mut history = proceed();
        add_open(
            &mut history,
            "世界 wide text 👨‍👩‍👧 and a very long description that wraps",
            Severity::High,
        );
        let empty = fresh(2);
        let mut list = ConflictsScreen::default();
        press(&mut list, history.session(), KeyCode::End);
        let mut matrix = ConflictsScreen::default();
        press(&mut matrix, history.session(), KeyCode::Char('m'));
        press(&mut matrix, history.session(), KeyCode::End);
        press(&mut matrix, history.session(), KeyCode::Down);
        let mut filtered = ConflictsScreen::default();
        press(&mut filtered, history.session(), KeyCode::Char('m'));
        press(&mut filtered, history.session(), KeyCode::Enter);
        for (w, h) in [
            (0, 0),
            (1, 1),
            (20, 5),
            (2, 30),
            (40, 10),
            (119, 12),
            (120, 6),
            (159, 34),
            (160, 35),
            (300, 80),
        ] {
            for screen in [&list, &matrix, &filtered] {
                draw(screen, history.session(), w, h);
                draw(screen, empty.session(), w, h);
            }
        }
    }

    #[test]
    fn a_thousand_item_session_renders_in_every_view() {
        let mut history = sample::large(4, 1_000, 1_200).expect("a large session");
        for stage in [Stage::Roles, Stage::Interests, Stage::Conflicts] {
            record(&mut history, vec![Change::MovedTo { stage }]);
        }
        let session = history.session();
        let entries = board(session).len();
        assert!(entries > 50, "{entries} conflicts");
        let mut screen = ConflictsScreen::default();
        press(&mut screen, session, KeyCode::End);
        for (w, h) in [(80, 24), (200, 50)] {
            let buf = draw(&screen, session, w, h);
            assert!(find(&buf, "▶ ").is_some(), "{}", text(&buf));
        }
        press(&mut screen, session, KeyCode::Char('m'));
        let buf = draw(&screen, session, 80, 24);
        assert!(text(&buf).contains("MATRIX"));
        press(&mut screen, session, KeyCode::Enter);
        draw(&screen, session, 200, 50);
    }

    #[test]
    fn readiness_counts_every_outcome() {
        let history = proceed();
        let template = board(history.session())
            .into_iter()
            .find(BoardEntry::is_detected)
            .expect("a detected conflict");
        let with = |severity, status: ConflictStatus| BoardEntry {
            severity,
            status,
            ..template.clone()
        };
        let agreed = || ConflictStatus::Resolved {
            agreement: "yes".to_string(),
        };
        let dismissed = || ConflictStatus::Dismissed {
            reason: "no".to_string(),
        };
        let mut entries = vec![
            with(Severity::High, ConflictStatus::Open),
            with(Severity::Critical, ConflictStatus::Open),
            with(Severity::High, ConflictStatus::Open),
            with(Severity::Low, agreed()),
            with(Severity::Low, ConflictStatus::AcceptedRisk),
            with(Severity::Medium, agreed()),
            with(Severity::Medium, ConflictStatus::Parked),
            with(Severity::Low, dismissed()),
            with(Severity::Low, dismissed()),
        ];
        let theme = Theme::dark();
        assert_eq!(
            readiness_line(&entries, &theme).to_string(),
            "Readiness 42% · open: 1 critical, 2 high · 3 settled · 1 parked · 2 dismissed"
        );
        entries.push(with(Severity::Low, ConflictStatus::DealBreaker));
        assert_eq!(
            readiness_line(&entries, &theme).to_string(),
            "Readiness 50% · open: 1 critical, 2 high · ✖ 1 deal-breaker · 3 settled · 1 parked \
             · 2 dismissed"
        );
        // Narrow, it breaks between parts, never inside one.
        let rows: Vec<String> = readiness_rows(&entries, &theme, 40)
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert_eq!(
            rows,
            vec![
                "Readiness 50% · open: 1 critical, 2 high",
                "✖ 1 deal-breaker · 3 settled · 1 parked",
                "2 dismissed",
            ]
        );
        assert_eq!(
            readiness_line(&[], &theme).to_string(),
            "Readiness 100% · open: none · 0 settled"
        );
    }

    #[test]
    fn footer_and_help_name_the_keys() {
        let mut screen = ConflictsScreen::default();
        for state in 0..3 {
            match state {
                1 => screen.focus = Focus::Matrix,
                2 => {
                    screen.focus = Focus::List;
                    screen.filter = Some(Filter {
                        category: ConflictCategory::Roles,
                        column: Column::All,
                    });
                }
                _ => {}
            }
            let keys = screen.footer_keys();
            assert!((3..=6).contains(&keys.len()));
            for (key, _) in keys {
                let key = match key {
                    "↑↓" | "←→↑↓" => "↑ ↓",
                    "Esc" => "f  Esc",
                    other => other,
                };
                assert!(KEYS.iter().any(|k| k.keys.contains(key)), "{key}");
            }
        }
        for key in ["s", "Enter", "a", "d", "m", "f"] {
            assert!(KEYS.iter().any(|k| k.keys.contains(key)), "{key}");
        }
    }
}

#[cfg(test)]
mod fit_tests {
    use super::*;
    use crate::domain::History;
    use crate::domain::board::board;
    use crate::tui::stages::Hidden;
    use crate::tui::stages::testing::{self, at, card_lines, ctx, fresh, key, proceed, reported};

    /// Draws the screen; returns its rows and what it reported as not shown.
    fn draw_fit(
        screen: &ConflictsScreen,
        session: &Session,
        w: u16,
        h: u16,
    ) -> (Vec<String>, Vec<Hidden>) {
        testing::draw_fit(w, h, session, |f, ctx| screen.render(f, f.area(), ctx))
    }

    fn press(screen: &mut ConflictsScreen, session: &Session, code: KeyCode) {
        screen.handle_key(key(code), &ctx(session, &Theme::dark()));
    }

    fn card_of(screen: &ConflictsScreen, session: &Session) -> Option<FocusCard> {
        screen.focus_card(&ctx(session, &Theme::dark()))
    }

    /// Open conflicts between the first two partners of `history`, every other one with
    /// a description long enough to wrap in the list.
    fn add_many(history: &mut History, count: usize) {
        for n in 0..count {
            let description = if n % 2 == 0 {
                format!("Clash {n}")
            } else {
                format!(
                    "Clash {n}: both partners want to lead the same accounts in the same \
                     region, and neither will hand over the relationship it built"
                )
            };
            let ids: Vec<PartnerId> = history.session().partners.iter().map(|p| p.id).collect();
            let conflict = Conflict {
                id: history.session().fresh_id(),
                origin: ConflictOrigin::Moderator,
                category: ConflictCategory::Territory,
                partners: ids[..2].to_vec(),
                items: Vec::new(),
                description,
                severity: Severity::Medium,
                status: ConflictStatus::Open,
                owner: String::new(),
            };
            history
                .record(at(), Change::ConflictAdded { conflict })
                .expect("the conflict is added");
        }
    }

    /// Conflicts whose table row is on the screen: the row begins with the gutter (or
    /// the pointer) and a severity marker.
    fn rows_on_screen(rows: &[String]) -> usize {
        rows.iter()
            .filter(|row| {
                let rest: String = row.chars().skip(GUTTER).collect();
                Severity::ALL
                    .iter()
                    .any(|s| rest.starts_with(severity_marker(*s)))
            })
            .count()
    }

    #[test]
    fn a_crowded_list_reports_the_conflicts_out_of_view() {
        let mut history = proceed();
        add_many(&mut history, 30);
        let session = history.session();
        let total = board(session).len();
        let mut screen = ConflictsScreen::default();
        let (rows, hidden) = draw_fit(&screen, session, 80, 19);
        let shown = rows_on_screen(&rows);
        assert!(shown > 2, "{}", rows.join("\n"));
        assert_eq!(
            reported(&hidden, "conflicts"),
            Some((total - shown, "↑↓")),
            "{}",
            rows.join("\n")
        );
        // Long descriptions are cut to one row each in the list.
        let cut = reported(&hidden, "lines of detail");
        assert!(matches!(cut, Some((n, "z")) if n > 0), "{cut:?}");

        // A step down selects a long one: its description goes whole into the panel
        // under the list, so fewer rows are cut.
        press(&mut screen, session, KeyCode::Down);
        let (rows, hidden) = draw_fit(&screen, session, 80, 19);
        assert_eq!(
            reported(&hidden, "conflicts"),
            Some((total - rows_on_screen(&rows), "↑↓"))
        );
        let fewer = reported(&hidden, "lines of detail");
        assert!(fewer < cut, "{fewer:?} {cut:?}\n{}", rows.join("\n"));
    }

    #[test]
    fn a_short_board_on_a_large_screen_reports_nothing() {
        let mut history = fresh(2);
        add_many(&mut history, 2);
        let session = history.session();
        let mut screen = ConflictsScreen::default();
        for (w, h) in [(120, 40), (200, 50)] {
            let (rows, hidden) = draw_fit(&screen, session, w, h);
            assert_eq!(hidden, Vec::new(), "{w}×{h}\n{}", rows.join("\n"));
        }
        press(&mut screen, session, KeyCode::Char('m'));
        let (_, hidden) = draw_fit(&screen, session, 120, 40);
        assert_eq!(hidden, Vec::new());
    }

    /// Eight partners: 15 conflicts between the first two, one between the last two.
    fn eight_way() -> History {
        let mut history = fresh(8);
        add_many(&mut history, 15);
        let ids: Vec<PartnerId> = history.session().partners.iter().map(|p| p.id).collect();
        let conflict = Conflict {
            id: history.session().fresh_id(),
            origin: ConflictOrigin::Moderator,
            category: ConflictCategory::Territory,
            partners: ids[6..].to_vec(),
            items: Vec::new(),
            description: "Wayne and Cyberdyne both claim the defence sector".to_string(),
            severity: Severity::High,
            status: ConflictStatus::Open,
            owner: String::new(),
        };
        history
            .record(at(), Change::ConflictAdded { conflict })
            .expect("the conflict is added");
        history
    }

    #[test]
    fn the_matrix_reports_columns_and_the_conflicts_its_preview_leaves_out() {
        let history = eight_way();
        let session = history.session();
        let mut screen = ConflictsScreen::default();
        press(&mut screen, session, KeyCode::Char('m'));
        let (rows, hidden) = draw_fit(&screen, session, 80, 19);
        let text = rows.join("\n");
        // Eight partners and "all": every cell of the territory row is one word.
        let row = rows
            .iter()
            .find(|r| r.contains("territory") && !r.contains('×'))
            .unwrap_or_else(|| panic!("no territory row\n{text}"));
        let cells = row
            .split_whitespace()
            .filter(|w| !["▶", "territory"].contains(w))
            .count();
        assert_eq!(
            reported(&hidden, "matrix columns"),
            Some((9 - cells, "←→")),
            "{text}"
        );
        // The first cell holds the 15: the preview lists what fits and counts the rest.
        let previewed = rows.iter().filter(|r| r.contains("Clash ")).count();
        assert_eq!(
            reported(&hidden, "conflicts"),
            Some((15 - previewed, "Enter")),
            "{text}"
        );
        assert_eq!(reported(&hidden, "matrix rows"), None);

        // The last partner's cell holds one conflict: all of it is in the preview.
        press(&mut screen, session, KeyCode::End);
        press(&mut screen, session, KeyCode::Left);
        let (rows, hidden) = draw_fit(&screen, session, 80, 19);
        assert!(rows.join("\n").contains("Wayne and Cyberdyne"));
        assert_eq!(reported(&hidden, "conflicts"), None);
        assert_eq!(reported(&hidden, "matrix columns"), Some((9 - cells, "←→")));
    }

    #[test]
    fn the_focus_card_is_the_selected_conflict() {
        let history = proceed();
        let session = history.session();
        let theme = Theme::dark();
        let mut screen = ConflictsScreen::default();
        press(&mut screen, session, KeyCode::Home);
        let first = card_of(&screen, session).expect("a conflict is selected");
        for _ in 0..board(session).len() {
            let card = card_of(&screen, session).expect("selected");
            if card.title.starts_with("Both sales teams") {
                break;
            }
            press(&mut screen, session, KeyCode::Down);
        }
        let card = card_of(&screen, session).expect("selected");
        assert_ne!(card.title, first.title);
        assert_eq!(
            card.title,
            "Both sales teams will approach the same mid-size prospects in the DACH region"
        );
        assert_eq!(
            card.kicker,
            "Conflict · Northwind Analytics & Globex Integration"
        );
        assert_eq!(card.kicker_style, theme.heading);
        let details = card_lines(&card);
        let total = board(session).len();
        assert_eq!(
            details[..7],
            [
                "Severity: ! medium",
                "Category: territory",
                "Partners: Northwind Analytics & Globex Integration",
                "Status: resolved",
                "Agreement: Deal registration: whoever registers a prospect first leads it \
                 for 90 days.",
                "Owner: Tom Okafor",
                "Found by: entered by the moderator",
            ],
            "{details:?}"
        );
        assert!(
            details[7].ends_with(&format!(" of {total} conflicts")),
            "{details:?}"
        );
    }

    #[test]
    fn a_detected_conflict_brings_its_question_to_the_card() {
        let history = proceed();
        let session = history.session();
        let mut screen = ConflictsScreen::default();
        press(&mut screen, session, KeyCode::Home);
        let entry = {
            let theme = Theme::dark();
            let ctx = ctx(session, &theme);
            let order = display_order(&ctx, None);
            ctx.board[order[0]].clone()
        };
        let card = card_of(&screen, session).expect("selected");
        assert_eq!(card.title, one_line(&entry.description));
        let details = card_lines(&card);
        if let Some(prompt) = &entry.prompt {
            assert!(
                details.contains(&format!("Question for the room: {}", one_line(prompt))),
                "{details:?}"
            );
        }
        assert!(
            details.contains(&format!("Found by: {}", source_sentence(&entry))),
            "{details:?}"
        );
    }

    #[test]
    fn in_the_matrix_the_card_describes_the_cell() {
        let history = eight_way();
        let session = history.session();
        let mut screen = ConflictsScreen::default();
        press(&mut screen, session, KeyCode::Char('m'));
        let card = card_of(&screen, session).expect("a cell");
        assert_eq!(card.kicker, "Matrix cell · 15 conflicts");
        assert_eq!(card.title, "territory × Northwind Analytics");
        let details = card_lines(&card);
        assert_eq!(details[0], "15 open, the worst ! medium");
        // Every conflict of the cell, the ones the preview had no room for too.
        assert_eq!(
            details.iter().filter(|d| d.contains("Clash ")).count(),
            15,
            "{details:?}"
        );

        press(&mut screen, session, KeyCode::Right);
        let card = card_of(&screen, session).expect("a cell");
        assert_eq!(card.title, "territory × Globex Integration");
        press(&mut screen, session, KeyCode::Right);
        let card = card_of(&screen, session).expect("a cell");
        assert_eq!(card.kicker, "Matrix cell · 0 conflicts");
        assert_eq!(card_lines(&card), ["No conflicts here"]);
    }

    #[test]
    fn an_empty_board_has_no_card() {
        let history = fresh(2);
        let mut screen = ConflictsScreen::default();
        assert!(card_of(&screen, history.session()).is_none());
        press(&mut screen, history.session(), KeyCode::Char('m'));
        assert!(card_of(&screen, history.session()).is_none());
    }
}

#[cfg(test)]
mod highlight_tests {
    use super::*;
    use crate::domain::board::Source;
    use crate::domain::timeline::Changed;
    use crate::tui::stages::testing::{draw_highlighted, marked_rows, proceed};

    fn marked(changed: &Changed) -> Vec<String> {
        let history = proceed();
        let screen = ConflictsScreen::default();
        // Tall enough for every conflict of the sample to show.
        let buf = draw_highlighted(160, 120, history.session(), changed, |f, ctx| {
            screen.render(f, f.area(), ctx)
        });
        marked_rows(&buf)
    }

    #[test]
    fn the_conflict_a_replayed_event_changed_is_marked() {
        let history = proceed();
        let board = crate::domain::board::board(history.session());
        let entered = board
            .iter()
            .rev()
            .find_map(|e| match &e.source {
                Source::Moderator(id) => Some((*id, e.category.label())),
                Source::Detected { .. } => None,
            })
            .expect("the sample has an entered conflict");
        let rows = marked(&Changed::Conflict(entered.0));
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert!(rows[0].starts_with("● "), "{rows:?}");
        assert!(rows[0].contains(entered.1), "{rows:?}");

        let detected = board
            .iter()
            .rev()
            .find_map(|e| match &e.source {
                Source::Detected { key, .. } => Some((key.clone(), e.category.label())),
                Source::Moderator(_) => None,
            })
            .expect("the sample has a detected conflict");
        let rows = marked(&Changed::Finding(detected.0));
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert!(rows[0].contains(detected.1), "{rows:?}");
        assert!(marked(&Changed::Verdict).is_empty());
    }
}

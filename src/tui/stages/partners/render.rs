//! Drawing the partners panel: a hint line on top, then one column per partner with its
//! name, what it brings and the people representing it, sliding to keep the partner
//! under the cursor in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::change::MAX_PARTNERS;
use crate::domain::timeline::Changed;
use crate::domain::{Partner, Session};
use crate::tui::theme::Theme;
use crate::tui::widgets::{display_width, truncate_to_width};

use super::super::columns::{
    FOCUS_GUTTER, column_row, partner_columns, render_more_hints, render_separator,
};
use super::super::text::{clip_rows, wrap_text};
use super::super::{StageCtx, draw_lines, mark_changed, scroll_offset, take_bottom, take_top};
use super::PartnersScreen;

/// Heading of the screen; the way back is part of it because this screen is a detour.
pub(super) const HINT: &str = "Who is in the room — Esc or p to go back";

/// 26 cells fit three partners side by side at 80 columns, and a name with a function.
const MIN_COLUMN_WIDTH: u16 = 26;

/// What a partner brings is one line by nature; on a narrow column it may wrap, but it
/// never takes more than this many rows from the representatives.
pub(super) const MAX_BRINGS_ROWS: usize = 3;

/// Cells taken from a column's width by the focus gutter (two) and a right margin (one).
const COLUMN_CHROME: usize = FOCUS_GUTTER + 1;

impl PartnersScreen {
    /// Draws the hint line on top and one column per partner below it.
    pub(super) fn draw(&self, frame: &mut Frame, area: Rect, ctx: &StageCtx) {
        let session = ctx.session;
        let theme = ctx.theme;
        let roomy = area.height >= 14;

        let (hint_row, rest) = take_top(area, 1);
        render_hint(frame, hint_row, session, theme);
        let (_, rest) = take_top(rest, u16::from(roomy));

        let count = session.partners.len();
        let focus = self.partner.min(count.saturating_sub(1));
        let window = partner_columns(rest, count, focus, MIN_COLUMN_WIDTH);
        let hidden = window.hidden_left + window.hidden_right > 0;
        let (columns_area, more_row) = if hidden {
            take_bottom(rest, 1)
        } else {
            (rest, Rect::default())
        };

        let columns: Vec<(usize, Rect, &Partner, Vec<String>)> = window
            .areas(columns_area)
            .filter_map(|(index, area)| {
                let partner = session.partners.get(index)?;
                let width = usize::from(area.width).saturating_sub(COLUMN_CHROME);
                let brings = if partner.brings.trim().is_empty() {
                    Vec::new()
                } else {
                    wrap_text(&partner.brings, u16::try_from(width).unwrap_or(0))
                };
                Some((index, area, partner, brings))
            })
            .collect();
        // One row count for every visible column, so "Representatives" sits on the same
        // row everywhere and the lists can be compared across.
        let brings_rows = columns
            .iter()
            .map(|(_, _, _, rows)| rows.len().max(1))
            .max()
            .unwrap_or(1)
            .min(MAX_BRINGS_ROWS);
        let mut previous_rows = 0;
        let mut shown_partners = 0;
        let (mut brings_hidden, mut reps_hidden, mut names_cut) = (0, 0, 0);
        // Another partner's column shows the top of its list: reaching the rest means
        // moving into that column first.
        let (mut reps_elsewhere, mut brings_elsewhere) = (false, false);
        for (n, (index, area, partner, brings)) in columns.into_iter().enumerate() {
            let column = Column {
                partner,
                index,
                area,
                cursor: (index == focus).then_some(self.row),
                brings,
                brings_rows,
                roomy,
                read_only: ctx.read_only,
                highlight: ctx.highlight,
            };
            let (rows, fit) = column.render(frame, theme);
            if let Some(fit) = fit {
                shown_partners += 1;
                brings_hidden += fit.brings;
                names_cut += fit.names_cut;
                reps_hidden += fit.representatives;
                reps_elsewhere |= index != focus && fit.representatives > 0;
                brings_elsewhere |= index != focus && fit.brings > 0;
            }
            if n > 0 {
                // The separator runs as far as the longer of its two neighbours, so a
                // tall screen shows no long empty rails.
                let height = previous_rows.max(rows);
                render_separator(frame, area, height, columns_area, theme);
            }
            previous_rows = rows;
        }
        // Counted from the columns drawn: a screen too short for any column hides every
        // partner, although the window laid them out.
        ctx.fit
            .hide(count.saturating_sub(shown_partners), "partners", "←→");
        let reps_keys = if reps_elsewhere {
            "↑↓ ←→"
        } else {
            "↑↓"
        };
        ctx.fit.hide(reps_hidden, "representatives", reps_keys);
        // No key scrolls what a partner brings; focus mode shows it whole, for the
        // partner under the cursor.
        let brings_keys = if brings_elsewhere { "←→ z" } else { "z" };
        ctx.fit
            .hide(brings_hidden, "lines of what partners bring", brings_keys);
        // Focus mode shows the partner or the person under the cursor in full.
        ctx.fit.hide(names_cut, "names cut short", "↑↓ ←→ z");
        if hidden {
            render_more_hints(
                frame,
                more_row,
                window.hidden_left,
                window.hidden_right,
                theme,
            );
        }
    }
}

fn render_hint(frame: &mut Frame, row: Rect, session: &Session, theme: &Theme) {
    if row.is_empty() {
        return;
    }
    let width = usize::from(row.width);
    frame.render_widget(
        Paragraph::new(Span::styled(truncate_to_width(HINT, width), theme.muted)),
        row,
    );
    let count = format!(
        "{} partners · at most {MAX_PARTNERS}",
        session.partners.len()
    );
    // The count is a side note: it only appears when it cannot crowd the hint.
    if display_width(HINT) + display_width(&count) + 4 <= width {
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(count, theme.muted)).right_aligned()),
            row,
        );
    }
}

/// One visible partner column.
struct Column<'s> {
    partner: &'s Partner,
    index: usize,
    area: Rect,
    /// The cursor's row when the cursor is in this column.
    cursor: Option<usize>,
    /// What the partner brings, wrapped to the column (empty when not said).
    brings: Vec<String>,
    /// Rows every visible column gives to what the partner brings.
    brings_rows: usize,
    roomy: bool,
    /// A view that may not change the session: its empty places name no key to fill them.
    read_only: bool,
    /// What a replayed event just changed, marked when it is this partner or one of its
    /// representatives.
    highlight: Option<&'s Changed>,
}

/// What one drawn column could not show.
struct ColumnFit {
    /// Rows of what the partner brings, cut by the row limit or the column's bottom.
    brings: usize,
    representatives: usize,
    /// The partner's name and representatives in view that were cut to the width.
    names_cut: usize,
}

impl Column<'_> {
    /// Draws the column; returns how many rows it filled and what did not fit, or no
    /// fit at all when the column had no room to be drawn.
    fn render(&self, frame: &mut Frame, theme: &Theme) -> (u16, Option<ColumnFit>) {
        let area = self.area;
        if area.is_empty() {
            return (0, None);
        }
        let width = usize::from(area.width);
        let text_width = width.saturating_sub(COLUMN_CHROME);
        let colour = theme.partner(self.index);
        let focused = |row: usize| self.cursor == Some(row);
        let mut lines: Vec<Line> = Vec::with_capacity(usize::from(area.height));

        let mut names_cut = usize::from(display_width(&self.partner.name) > text_width);
        let mut name = column_row(
            &[(&self.partner.name, colour)],
            text_width,
            focused(0),
            theme,
        );
        if !focused(0) && self.highlight == Some(&Changed::Partner(self.partner.id)) {
            mark_changed(&mut name, theme);
        }
        lines.push(name);
        lines.push(Line::from(Span::styled(
            format!("  {}", "─".repeat(text_width)),
            colour,
        )));
        if self.roomy {
            lines.push(Line::default());
        }

        lines.push(column_row(
            &[("What it brings", theme.muted)],
            text_width,
            focused(1),
            theme,
        ));
        if self.brings.is_empty() {
            let hint = if focused(1) && !self.read_only {
                "not said yet — press Enter"
            } else {
                "not said yet"
            };
            lines.push(column_row(&[(hint, theme.muted)], text_width, false, theme));
        }
        // What the partner brings starts here; rows below the column's bottom are lost.
        let brings_on_screen = self
            .brings
            .len()
            .min(self.brings_rows)
            .min(usize::from(area.height).saturating_sub(lines.len()));
        if !self.brings.is_empty() {
            for row in clip_rows(self.brings.clone(), self.brings_rows, text_width) {
                lines.push(column_row(&[(&row, theme.text)], text_width, false, theme));
            }
        }
        let used = self.brings.len().clamp(1, self.brings_rows);
        lines.extend(std::iter::repeat_n(
            Line::default(),
            self.brings_rows - used,
        ));
        lines.push(Line::default());

        let reps = &self.partner.representatives;
        let room = usize::from(area.height).saturating_sub(lines.len() + 1);
        let cursor = self.cursor.and_then(|r| r.checked_sub(2)).unwrap_or(0);
        let first = scroll_offset(cursor, reps.len(), room);
        let shown = reps.len().saturating_sub(first).min(room);
        // The heading says which part of a long list is showing, so nobody wonders
        // whether someone is missing.
        let heading = if shown < reps.len() {
            format!(
                "Representatives {}–{} of {}",
                first + 1,
                first + shown,
                reps.len()
            )
        } else {
            format!("Representatives ({})", reps.len())
        };
        lines.push(column_row(
            &[(&heading, theme.muted)],
            text_width,
            false,
            theme,
        ));
        if reps.is_empty() {
            let text = if self.read_only {
                "No representatives yet"
            } else {
                "No representatives yet — press a to add one"
            };
            let wrapped = wrap_text(text, u16::try_from(text_width).unwrap_or(0));
            for row in clip_rows(wrapped, room.max(1), text_width) {
                lines.push(column_row(&[(&row, theme.muted)], text_width, false, theme));
            }
        }
        for (i, rep) in reps.iter().enumerate().skip(first).take(shown) {
            let function = format!(" — {}", rep.function);
            let parts = [
                (rep.name.as_str(), theme.text),
                (function.as_str(), theme.muted),
            ];
            names_cut +=
                usize::from(display_width(&rep.name) + display_width(&function) > text_width);
            let mut line = column_row(&parts, text_width, focused(i + 2), theme);
            let changed = Changed::Representative {
                partner: self.partner.id,
                id: rep.id,
            };
            if !focused(i + 2) && self.highlight == Some(&changed) {
                mark_changed(&mut line, theme);
            }
            lines.push(line);
        }
        let rows = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        draw_lines(frame.buffer_mut(), area, &lines);
        let fit = ColumnFit {
            brings: self.brings.len() - brings_on_screen,
            representatives: reps.len() - shown,
            names_cut,
        };
        (rows, Some(fit))
    }
}

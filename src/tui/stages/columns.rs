//! Side-by-side partner columns. With many partners or a narrow terminal not every column
//! fits; the window then slides so the focused partner is always visible, and the edges
//! say how many partners are off-screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::tui::theme::Theme;
use crate::tui::widgets::{display_width, truncate_to_width};

use super::text::fit_parts;

/// The columns to draw: which partner goes in which rectangle, and how many are hidden
/// to the left and right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnWindow {
    pub columns: Vec<(usize, Rect)>,
    pub hidden_left: usize,
    pub hidden_right: usize,
}

impl ColumnWindow {
    /// Each partner on show with its column, stretched to the full height of `within`
    /// and kept inside it: the index into the session's partners and the area.
    pub fn areas(&self, within: Rect) -> impl Iterator<Item = (usize, Rect)> + '_ {
        self.columns.iter().map(move |(index, rect)| {
            let area = Rect {
                height: within.height,
                ..*rect
            }
            .intersection(within);
            (*index, area)
        })
    }
}

/// Lays out `count` partner columns of at least `min_width` cells in `area`, keeping
/// `focus` in view. A one-cell gap separates columns.
pub fn partner_columns(area: Rect, count: usize, focus: usize, min_width: u16) -> ColumnWindow {
    if count == 0 || area.width == 0 || area.height == 0 {
        return ColumnWindow {
            columns: Vec::new(),
            hidden_left: 0,
            hidden_right: 0,
        };
    }
    let min_width = min_width.max(1);
    let fit = (((area.width + 1) / (min_width + 1)) as usize).clamp(1, count);
    let focus = focus.min(count - 1);
    let first = focus.saturating_sub(fit - 1).min(count - fit);
    let gaps = (fit as u16).saturating_sub(1);
    let usable = area.width.saturating_sub(gaps);
    let base = usable / fit as u16;
    let extra = usable % fit as u16;
    let mut x = area.x;
    let mut columns = Vec::with_capacity(fit);
    for slot in 0..fit {
        let width = base + u16::from((slot as u16) < extra);
        columns.push((first + slot, Rect::new(x, area.y, width, area.height)));
        x = x.saturating_add(width + 1);
    }
    ColumnWindow {
        columns,
        hidden_left: first,
        hidden_right: count - first - fit,
    }
}

/// Cells at the left of every row of a partner column for the focus marker: `▸ ` on the
/// focused row, blank on the others.
pub const FOCUS_GUTTER: usize = 2;

/// One row of a partner column: the focus gutter, then `parts` cut to `body` cells. The
/// focused row is filled to `body` cells in the selected style, so it reads as one bar.
pub fn column_row(
    parts: &[(&str, Style)],
    body: usize,
    focused: bool,
    theme: &Theme,
) -> Line<'static> {
    if focused {
        let mut spans = vec![Span::styled("▸ ", theme.selected)];
        let fitted = fit_parts(parts, body);
        let used: usize = fitted.iter().map(|s| display_width(&s.content)).sum();
        spans.extend(
            fitted
                .into_iter()
                .map(|s| Span::styled(s.content, theme.selected)),
        );
        spans.push(Span::styled(
            " ".repeat(body.saturating_sub(used)),
            theme.selected,
        ));
        Line::from(spans)
    } else {
        let mut spans = vec![Span::raw("  ")];
        spans.extend(fit_parts(parts, body));
        Line::from(spans)
    }
}

/// The rule in the one-cell gap left of the column at `column`: `height` rows from the
/// column's top, kept inside `within`.
pub fn render_separator(frame: &mut Frame, column: Rect, height: u16, within: Rect, theme: &Theme) {
    let gap = Rect::new(column.x.saturating_sub(1), column.y, 1, height).intersection(within);
    frame.render_widget(
        Block::new()
            .borders(Borders::LEFT)
            .border_style(theme.border),
        gap,
    );
}

/// "◀ 2 more" on the left of `row` and "3 more ▶" on the right, for the partners whose
/// columns are hidden beyond either edge; nothing for a side with none hidden.
pub fn render_more_hints(frame: &mut Frame, row: Rect, left: usize, right: usize, theme: &Theme) {
    if row.is_empty() {
        return;
    }
    if left > 0 {
        let text = truncate_to_width(&format!("◀ {left} more"), usize::from(row.width));
        frame.render_widget(Paragraph::new(Span::styled(text, theme.muted)), row);
    }
    if right > 0 {
        let text = truncate_to_width(&format!("{right} more ▶"), usize::from(row.width));
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(text, theme.muted)).right_aligned()),
            row,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_columns_fit_when_wide_enough() {
        let w = partner_columns(Rect::new(0, 0, 80, 10), 2, 0, 30);
        assert_eq!(w.columns.len(), 2);
        assert_eq!(w.columns[0].1.width + w.columns[1].1.width + 1, 80);
        assert_eq!((w.hidden_left, w.hidden_right), (0, 0));
    }

    #[test]
    fn window_slides_to_keep_focus_visible() {
        let w = partner_columns(Rect::new(0, 0, 80, 10), 8, 6, 30);
        let shown: Vec<usize> = w.columns.iter().map(|c| c.0).collect();
        assert_eq!(shown, vec![5, 6]);
        assert_eq!((w.hidden_left, w.hidden_right), (5, 1));
    }

    #[test]
    fn degenerate_areas_give_no_columns_or_one() {
        assert!(
            partner_columns(Rect::new(0, 0, 0, 0), 3, 0, 20)
                .columns
                .is_empty()
        );
        let w = partner_columns(Rect::new(0, 0, 5, 1), 3, 2, 20);
        assert_eq!(w.columns.len(), 1);
        assert_eq!(w.columns[0].0, 2);
        assert!(w.columns[0].1.width <= 5);
    }
}

//! Side-by-side partner columns. With many partners or a narrow terminal not every column
//! fits; the window then slides so the focused partner is always visible, and the edges
//! say how many partners are off-screen.

use ratatui::layout::Rect;

/// The columns to draw: which partner goes in which rectangle, and how many are hidden
/// to the left and right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnWindow {
    pub columns: Vec<(usize, Rect)>,
    pub hidden_left: usize,
    pub hidden_right: usize,
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

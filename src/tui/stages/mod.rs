//! One screen per stage of the session. Each screen keeps only its cursor; the session
//! itself comes in through `StageCtx`, and keys come back out as `Intent`s.

use ratatui::layout::Rect;

use crate::domain::Session;

use super::theme::Theme;

pub mod columns;
pub mod conflicts;
pub mod interests;
pub mod partners;
pub mod roles;
pub mod summary;
pub mod vision;

/// What every stage screen needs to draw itself and to decide what a key means.
pub struct StageCtx<'a> {
    pub session: &'a Session,
    pub theme: &'a Theme,
    /// True when the session is shown without the right to change it (another instance
    /// holds it, or a replay). Screens still move their cursor but ask for no changes.
    pub read_only: bool,
}

/// Keeps a scrolled list's window around the cursor: returns the first visible row.
pub fn scroll_offset(cursor: usize, len: usize, visible: usize) -> usize {
    if visible == 0 || len <= visible {
        return 0;
    }
    let half = visible / 2;
    cursor.saturating_sub(half).min(len - visible)
}

/// An area with `n` rows cut from the top; what is left below.
pub fn take_top(area: Rect, n: u16) -> (Rect, Rect) {
    let n = n.min(area.height);
    let top = Rect::new(area.x, area.y, area.width, n);
    let rest = Rect::new(area.x, area.y + n, area.width, area.height - n);
    (top, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scroll_keeps_cursor_in_view() {
        assert_eq!(scroll_offset(0, 100, 10), 0);
        assert_eq!(scroll_offset(50, 100, 10), 45);
        assert_eq!(scroll_offset(99, 100, 10), 90);
        assert_eq!(scroll_offset(3, 5, 10), 0);
        assert_eq!(scroll_offset(3, 5, 0), 0);
    }
}

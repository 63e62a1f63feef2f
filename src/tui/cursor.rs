//! Moving the selection in a list of rows, the same way on every list screen.

use ratatui::crossterm::event::KeyCode;

/// Moves `selected` within `count` rows for the arrow, vi and Home/End keys. True when
/// the key was one of them (and so is taken), whether or not the selection moved.
pub fn move_in_list(selected: &mut usize, count: usize, code: KeyCode) -> bool {
    let last = count.saturating_sub(1);
    match code {
        KeyCode::Down | KeyCode::Char('j') => *selected = (*selected + 1).min(last),
        KeyCode::Up | KeyCode::Char('k') => *selected = selected.saturating_sub(1),
        KeyCode::Home | KeyCode::Char('g') => *selected = 0,
        KeyCode::End | KeyCode::Char('G') => *selected = last,
        _ => return false,
    }
    true
}

/// Keeps a scrolled list's window around the cursor: returns the first visible row.
pub fn scroll_offset(cursor: usize, len: usize, visible: usize) -> usize {
    if visible == 0 || len <= visible {
        return 0;
    }
    let half = visible / 2;
    cursor.saturating_sub(half).min(len - visible)
}

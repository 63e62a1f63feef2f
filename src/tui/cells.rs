//! The last look at a frame before it reaches the terminal.
//!
//! ratatui leaves out control characters, but it puts a zero-width character (a
//! combining accent, a joiner, a variation selector) that has nothing before it into a
//! cell of its own. Session text from another company can start that way, or follow a
//! control character that was left out. The terminal then joins that character to
//! whatever stands in the cell before, often a rule or a border: a variation selector
//! can turn the border into a two-cell emoji and push the rest of the row one cell
//! right, and some terminals show a lone accent as `�`. So every cell must start with
//! a character that takes room of its own.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthChar;

/// Drops the characters that would join the previous cell from the start of every cell,
/// and those that hang on a blank (a space has nothing to accent; a variation selector
/// after it can make it two cells wide). A cell left with nothing shows a space, which is
/// what it would have looked like.
pub fn keep_cells_apart(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        let symbol = cell.symbol();
        let mut chars = symbol.chars();
        let Some(first) = chars.next() else {
            continue;
        };
        let orphans = joins_the_cell_before(first)
            || (first.is_whitespace() && chars.any(joins_the_cell_before));
        if !orphans {
            continue;
        }
        let base = symbol.trim_start_matches(joins_the_cell_before);
        let kept: String = match base.chars().next() {
            Some(c) if c.is_whitespace() => c.to_string(),
            _ => base.to_string(),
        };
        if kept.is_empty() {
            cell.set_symbol(" ");
        } else {
            cell.set_symbol(&kept);
        }
    }
}

/// A character that takes no cell of its own and so attaches to whatever is drawn
/// before it. Control characters are included though ratatui filters them, because a
/// cell can be filled without that filter.
fn joins_the_cell_before(c: char) -> bool {
    c.is_control() || c.width() == Some(0)
}

//! Drawing in tests: a terminal in memory, and what it shows read back as text.

use ratatui::buffer::{Buffer, CellWidth as _};
use ratatui::{Frame, Terminal, backend::TestBackend};

/// A `width` × `height` terminal that draws into memory.
pub fn test_terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).expect("a test terminal")
}

/// Runs `draw` once on a fresh `width` × `height` test terminal; what it drew.
pub fn draw_buffer(width: u16, height: u16, draw: impl FnOnce(&mut Frame)) -> Buffer {
    let mut terminal = test_terminal(width, height);
    terminal.draw(draw).expect("drawing succeeds");
    terminal.backend().buffer().clone()
}

/// The screen as one string per row, wide characters counted once: the cell a wide
/// character covers is skipped, so a row reads as the text that was drawn.
pub fn text_rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (area.y..area.bottom())
        .map(|y| {
            let mut s = String::new();
            let mut x = area.x;
            while x < area.right() {
                let sym = buf[(x, y)].symbol();
                s.push_str(sym);
                x += sym.cell_width().max(1);
            }
            s
        })
        .collect()
}

//! Drawing a text field: the box, the text wrapped or scrolled, and a cursor that
//! stays visible.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Padding};
use ratatui_textarea::WrapMode;

use super::{EditorStyle, TextEditor};

impl TextEditor {
    /// Draws the field as a bordered box with `title` in the top border.
    ///
    /// Never panics: an area partly outside the frame is clipped, and an
    /// area too small for any text draws only what fits of the frame.
    pub fn render(&self, frame: &mut Frame, area: Rect, title: &str, style: EditorStyle) {
        let area = area.intersection(frame.area());
        if area.is_empty() {
            return;
        }
        let mut block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(style.border)
            .style(style.text)
            // One blank column each side keeps text off the frame, which
            // helps legibility at a distance.
            .padding(Padding::horizontal(1));
        if !title.is_empty() {
            block = block.title(Line::styled(format!(" {title} "), style.title));
        }
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if inner.is_empty() {
            return;
        }
        // Borrowing cannot fail (no borrow outlives a method call), but if it
        // ever did, skipping the text for one frame beats panicking.
        let Ok(mut ta) = self.textarea.try_borrow_mut() else {
            return;
        };
        let cursor = if style.cursor == Style::default() {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            style.cursor
        };
        ta.set_style(style.text);
        ta.set_cursor_style(cursor);
        ta.set_placeholder_style(style.text.add_modifier(Modifier::DIM));
        // Wrapping needs rows to wrap onto; in a one-row box it would make the
        // text jump a whole row-width at a time, so scroll sideways instead.
        let wrap = inner.height > 1 && inner.width > 1;
        let mode = if wrap {
            WrapMode::WordOrGlyph
        } else {
            WrapMode::None
        };
        if ta.wrap_mode() != mode {
            ta.set_wrap_mode(mode);
        }
        if !wrap {
            frame.render_widget(&*ta, inner);
            return;
        }
        // When wrapping, the cursor after a row that exactly fills the width
        // sits one column past it, and the textarea clips it away. So the
        // text wraps one column early and the cursor is drawn in that spare
        // column whenever it lands there.
        let text_area = Rect {
            width: inner.width - 1,
            ..inner
        };
        frame.render_widget(&*ta, text_area);
        let screen = ta.screen_cursor();
        let (top_row, top_col) = ta.scroll_offset();
        let row = screen.row.checked_sub(usize::from(top_row));
        let col = screen.col.checked_sub(usize::from(top_col));
        if let (Some(row), Some(col)) = (row, col)
            && col == usize::from(text_area.width)
            && row < usize::from(text_area.height)
        {
            let x = text_area.right();
            let y = text_area.y + u16::try_from(row).unwrap_or(u16::MAX);
            if let Some(cell) = frame.buffer_mut().cell_mut((x, y)) {
                cell.set_symbol(" ").set_style(cursor);
            }
        }
    }
}

//! The app's one text-entry widget: a thin layer over
//! `ratatui_textarea::TextArea` that fixes the few decisions the app cares
//! about, so every text field behaves the same.
//!
//! - `Enter` submits and `Esc` cancels, in both modes (the app asks before a cancel
//!   throws changed text away; see `discard`). A multi-line field takes
//!   a line break with `Alt-Enter` or `Ctrl-J` (plain `Shift-Enter` is not
//!   reported by most terminals without keyboard enhancements, which the app
//!   does not enable).
//! - A single-line field can never contain a line break, whatever is typed or
//!   pasted.
//! - Long lines wrap at word boundaries when the box has room for more than
//!   one row, and scroll sideways (cursor always visible) when it has one.
//! - Keys follow the shell's readline habits where the textarea's own
//!   defaults differ: `Ctrl-U` deletes to the start of the line (the textarea
//!   would undo), `Ctrl-Z` undoes, `Ctrl-V` does nothing (the textarea would
//!   page down; people press it hoping to paste, and the terminal pastes on
//!   its own via bracketed paste).

use std::cell::RefCell;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Padding};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// Spaces a tab becomes in a multi-line field. Tabs are expanded on the way
/// in so what is stored is exactly what is shown.
const TAB_SPACES: &str = "    ";

/// Whether line breaks are allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorMode {
    /// One line; line breaks in pasted text become spaces.
    SingleLine,
    /// Several lines; `Alt-Enter` or `Ctrl-J` starts a new one.
    MultiLine,
}

/// What the caller should do after a key press.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorOutcome {
    /// Keep editing (the key was used or ignored).
    Editing,
    /// `Enter`: accept the text.
    Submit,
    /// `Esc`: abandon the edit.
    Cancel,
}

/// Styles for [`TextEditor::render`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EditorStyle {
    /// The text and the inside of the box.
    pub text: Style,
    /// The box frame.
    pub border: Style,
    /// The cell under the cursor. If left at `Style::default()`, the cursor
    /// is drawn reversed, because an invisible cursor is never wanted.
    pub cursor: Style,
    /// The title set into the top border.
    pub title: Style,
}

/// A text field.
#[derive(Debug, Clone)]
pub struct TextEditor {
    // `render` takes `&self` but the textarea's styles and wrap mode are set
    // through `&mut` methods. Rendering the textarea itself (rather than a
    // styled copy) matters: it remembers its scroll position between frames,
    // and a copy would forget it, making the text jump.
    textarea: RefCell<TextArea<'static>>,
    mode: EditorMode,
    max_chars: Option<usize>,
}

impl TextEditor {
    /// A field holding `initial`, cursor at the end. In single-line mode any
    /// line breaks in `initial` become spaces.
    pub fn new(initial: &str, mode: EditorMode) -> Self {
        let mut textarea = TextArea::new(to_lines(&clean(initial, mode)));
        // The textarea underlines the cursor's line and highlights selections
        // in light blue by default; the app's theme decides colours, so only
        // modifiers are used here.
        textarea.set_cursor_line_style(Style::default());
        textarea.set_selection_style(Style::new().add_modifier(Modifier::REVERSED));
        textarea.set_wrap_mode(WrapMode::None);
        textarea.move_cursor(CursorMove::Bottom);
        textarea.move_cursor(CursorMove::End);
        Self {
            textarea: RefCell::new(textarea),
            mode,
            max_chars: None,
        }
    }

    /// The text, lines joined with `\n` (never contains `\n` in single-line
    /// mode).
    pub fn text(&self) -> String {
        self.textarea.borrow().lines().join("\n")
    }

    /// Whether the text is empty or only whitespace.
    pub fn is_empty(&self) -> bool {
        self.textarea
            .borrow()
            .lines()
            .iter()
            .all(|l| l.trim().is_empty())
    }

    /// Number of characters in [`text`](Self::text), line breaks included.
    pub fn char_count(&self) -> usize {
        let ta = self.textarea.borrow();
        let lines = ta.lines();
        lines.iter().map(|l| l.chars().count()).sum::<usize>() + lines.len().saturating_sub(1)
    }

    /// Limits the text to `n` characters (line breaks count as one): typing
    /// beyond it is ignored and pastes are cut to fit. Text already longer is
    /// kept, so nothing the user wrote is ever silently lost; it can only
    /// shrink.
    pub fn set_max_chars(&mut self, n: usize) {
        self.max_chars = Some(n);
    }

    /// The limit set by [`set_max_chars`](Self::set_max_chars), if any.
    pub fn max_chars(&self) -> Option<usize> {
        self.max_chars
    }

    /// The mode given to [`new`](Self::new).
    pub fn mode(&self) -> EditorMode {
        self.mode
    }

    /// Cursor position as (line, character) counted from 0.
    pub fn cursor(&self) -> (usize, usize) {
        let c = self.textarea.borrow().cursor();
        (c.0, c.1)
    }

    /// Replaces the whole text (cleaned as in [`new`](Self::new)) and puts
    /// the cursor at the end. Can be undone with `Ctrl-Z`.
    pub fn set_text(&mut self, text: &str) {
        let text = clean(text, self.mode);
        let ta = self.textarea.get_mut();
        ta.select_all();
        ta.cut();
        ta.insert_str(text);
    }

    /// Shown, dimmed, while the field is empty.
    pub fn set_placeholder(&mut self, text: &str) {
        self.textarea.get_mut().set_placeholder_text(text);
    }

    /// Handles one key press. `Enter` gives [`EditorOutcome::Submit`], `Esc`
    /// gives [`EditorOutcome::Cancel`]; everything else edits or moves.
    pub fn handle_key(&mut self, key: KeyEvent) -> EditorOutcome {
        if key.kind == KeyEventKind::Release {
            return EditorOutcome::Editing;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Enter if alt && !ctrl => self.newline(),
            KeyCode::Enter => return EditorOutcome::Submit,
            // Some terminals report Enter as Ctrl-M or a raw carriage return.
            KeyCode::Char('m') if ctrl && !alt => return EditorOutcome::Submit,
            KeyCode::Char('\r') => return EditorOutcome::Submit,
            KeyCode::Char('j') if ctrl && !alt => self.newline(),
            KeyCode::Char('\n') => self.newline(),
            KeyCode::Esc => return EditorOutcome::Cancel,
            KeyCode::Char('u') if ctrl && !alt => {
                // Readline's Ctrl-U stops at the start of the line instead of
                // joining it to the previous one.
                if self.cursor().1 > 0 {
                    self.edit(|ta| {
                        ta.delete_line_by_head();
                    });
                }
            }
            KeyCode::Char('k') if ctrl && !alt => {
                let at_end = {
                    let ta = self.textarea.borrow();
                    let (row, col) = (ta.cursor().0, ta.cursor().1);
                    ta.lines().get(row).is_none_or(|l| col >= l.chars().count())
                };
                if !at_end {
                    self.edit(|ta| {
                        ta.delete_line_by_end();
                    });
                }
            }
            KeyCode::Char('z') if ctrl && !alt => self.edit(|ta| {
                ta.undo();
            }),
            KeyCode::Char('v') if ctrl && !alt => {}
            KeyCode::Backspace if ctrl => self.edit(|ta| {
                ta.delete_word();
            }),
            KeyCode::Delete if ctrl => self.edit(|ta| {
                ta.delete_next_word();
            }),
            // Shift-Tab would insert a tab in the textarea; a single-line
            // field has no use for tabs at all (callers may use Tab to move
            // between fields).
            KeyCode::BackTab => {}
            KeyCode::Tab if self.mode == EditorMode::SingleLine => {}
            KeyCode::Char(c) if c.is_control() => {}
            // AltGr arrives as Ctrl+Alt on some systems; the characters it
            // types (like @ or €) must still be inserted.
            KeyCode::Char(c) if ctrl && alt && !c.is_ascii_alphanumeric() => {
                self.edit(|ta| ta.insert_char(c));
            }
            _ => self.edit(|ta| {
                ta.input(key);
            }),
        }
        EditorOutcome::Editing
    }

    /// Inserts pasted text at the cursor. Control characters are dropped;
    /// in single-line mode line breaks and tabs become spaces (a trailing
    /// line break, common when copying a whole line, is dropped). With a
    /// limit set, only as much as fits is inserted.
    pub fn paste(&mut self, text: &str) {
        let mut text = text.replace("\r\n", "\n").replace('\r', "\n");
        if self.mode == EditorMode::SingleLine {
            let kept = text.trim_end_matches('\n').len();
            text.truncate(kept);
        }
        let text = clean(&text, self.mode);
        if text.is_empty() {
            return;
        }
        let before = self.textarea.get_mut().clone();
        let old = self.char_count();
        self.textarea.get_mut().insert_str(&text);
        let Some(max) = self.max_chars else { return };
        let new = self.char_count();
        if new <= max || new <= old {
            return;
        }
        // Too long: put things back and insert only the part that fits.
        let excess = new - max;
        *self.textarea.get_mut() = before;
        let fitting: String = text
            .chars()
            .take(text.chars().count().saturating_sub(excess))
            .collect();
        if !fitting.is_empty() {
            self.edit(|ta| {
                ta.insert_str(&fitting);
            });
        }
    }

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

    fn newline(&mut self) {
        if self.mode == EditorMode::MultiLine {
            self.edit(|ta| ta.insert_newline());
        }
    }

    /// Applies an edit, then takes it back if it broke a rule: a line break
    /// in a single-line field, or growth past the character limit. Checking
    /// the result (rather than each key) also covers the textarea's own
    /// shortcuts such as yank and redo.
    fn edit(&mut self, f: impl FnOnce(&mut TextArea<'static>)) {
        let before = self.textarea.get_mut().clone();
        let old = self.char_count();
        f(self.textarea.get_mut());
        let too_many_lines =
            self.mode == EditorMode::SingleLine && self.textarea.get_mut().lines().len() > 1;
        let new = self.char_count();
        let too_long = self.max_chars.is_some_and(|max| new > max && new > old);
        if too_many_lines || too_long {
            *self.textarea.get_mut() = before;
        }
    }
}

/// Drops control characters; in single-line mode line breaks and tabs become
/// spaces, in multi-line mode tabs become [`TAB_SPACES`].
fn clean(text: &str, mode: EditorMode) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match (c, mode) {
            ('\n' | '\t', EditorMode::SingleLine) => out.push(' '),
            ('\n', EditorMode::MultiLine) => out.push('\n'),
            ('\t', EditorMode::MultiLine) => out.push_str(TAB_SPACES),
            (c, _) if c.is_control() => {}
            (c, _) => out.push(c),
        }
    }
    out
}

fn to_lines(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::testing::{draw_buffer, test_terminal, text_rows};
    use ratatui::buffer::Buffer;
    use ratatui::style::Color;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    fn type_str(ed: &mut TextEditor, s: &str) {
        for c in s.chars() {
            assert_eq!(
                ed.handle_key(press(KeyCode::Char(c))),
                EditorOutcome::Editing
            );
        }
    }

    fn style() -> EditorStyle {
        EditorStyle {
            text: Style::new().fg(Color::White),
            border: Style::new().fg(Color::Cyan),
            cursor: Style::new().bg(Color::Yellow),
            title: Style::new().fg(Color::Green),
        }
    }

    fn draw(ed: &TextEditor, w: u16, h: u16) -> Buffer {
        draw_buffer(w, h, |f| ed.render(f, f.area(), "Name", style()))
    }

    #[test]
    fn typing_unicode_and_moving_edits_in_the_right_place() {
        let mut ed = TextEditor::new("", EditorMode::SingleLine);
        type_str(&mut ed, "héllo 世界 👋");
        assert_eq!(ed.text(), "héllo 世界 👋");
        ed.handle_key(press(KeyCode::Home));
        ed.handle_key(press(KeyCode::Right));
        ed.handle_key(press(KeyCode::Right));
        type_str(&mut ed, "X");
        assert_eq!(ed.text(), "héXllo 世界 👋");
        ed.handle_key(press(KeyCode::End));
        ed.handle_key(press(KeyCode::Left));
        ed.handle_key(press(KeyCode::Left));
        ed.handle_key(press(KeyCode::Backspace));
        assert_eq!(ed.text(), "héXllo 世 👋");
        ed.handle_key(KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL));
        type_str(&mut ed, "的");
        assert_eq!(ed.text(), "héXllo 的世 👋");
        ed.handle_key(press(KeyCode::Delete));
        assert_eq!(ed.text(), "héXllo 的 👋");
        assert_eq!(ed.cursor(), (0, 8));
    }

    #[test]
    fn enter_submits_and_esc_cancels() {
        for mode in [EditorMode::SingleLine, EditorMode::MultiLine] {
            let mut ed = TextEditor::new("hi", mode);
            assert_eq!(ed.handle_key(press(KeyCode::Enter)), EditorOutcome::Submit);
            assert_eq!(ed.handle_key(press(KeyCode::Esc)), EditorOutcome::Cancel);
            assert_eq!(ed.text(), "hi");
        }
    }

    #[test]
    fn newline_keys_only_work_in_multiline() {
        let alt_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT);
        let mut single = TextEditor::new("a", EditorMode::SingleLine);
        assert_eq!(single.handle_key(alt_enter), EditorOutcome::Editing);
        single.handle_key(ctrl('j'));
        single.handle_key(press(KeyCode::Char('\n')));
        assert_eq!(single.text(), "a");

        let mut multi = TextEditor::new("a", EditorMode::MultiLine);
        assert_eq!(multi.handle_key(alt_enter), EditorOutcome::Editing);
        type_str(&mut multi, "b");
        multi.handle_key(ctrl('j'));
        type_str(&mut multi, "c");
        assert_eq!(multi.text(), "a\nb\nc");
        assert_eq!(multi.cursor(), (2, 1));
    }

    #[test]
    fn readline_keys() {
        let mut ed = TextEditor::new("hello world", EditorMode::SingleLine);
        ed.handle_key(KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL));
        ed.handle_key(ctrl('u'));
        assert_eq!(ed.text(), "world");
        ed.handle_key(ctrl('z'));
        assert_eq!(ed.text(), "hello world");
        ed.handle_key(press(KeyCode::Home));
        ed.handle_key(ctrl('k'));
        assert!(ed.is_empty());
        ed.handle_key(ctrl('v'));
        ed.handle_key(press(KeyCode::Tab));
        assert_eq!(ed.text(), "");

        // Ctrl-U at the start of a line does not join it to the one above.
        let mut multi = TextEditor::new("one\ntwo", EditorMode::MultiLine);
        multi.handle_key(press(KeyCode::Home));
        multi.handle_key(ctrl('u'));
        assert_eq!(multi.text(), "one\ntwo");
        multi.handle_key(press(KeyCode::Tab));
        assert_eq!(multi.text(), "one\n    two");
    }

    #[test]
    fn new_puts_cursor_at_end_and_cleans_text() {
        let ed = TextEditor::new("one\ntwo", EditorMode::MultiLine);
        assert_eq!(ed.cursor(), (1, 3));
        let ed = TextEditor::new("one\r\ntwo\tthree\u{7}", EditorMode::SingleLine);
        assert_eq!(ed.text(), "one two three");
        assert_eq!(ed.cursor(), (0, 13));
        assert!(TextEditor::new(" \n\t ", EditorMode::MultiLine).is_empty());
    }

    #[test]
    fn paste_in_single_line_flattens_breaks() {
        let mut ed = TextEditor::new("say: ", EditorMode::SingleLine);
        ed.paste("first line\r\nsecond\tline\u{1b}[31m\n");
        assert_eq!(ed.text(), "say: first line second line[31m");
        assert!(!ed.text().contains('\n'));
        type_str(&mut ed, "!");
        assert!(ed.text().ends_with("[31m!"));
    }

    #[test]
    fn paste_in_multi_line_keeps_breaks() {
        let mut ed = TextEditor::new("", EditorMode::MultiLine);
        ed.paste("a\r\nb\n\tc\n");
        assert_eq!(ed.text(), "a\nb\n    c\n");
        assert_eq!(ed.cursor(), (3, 0));
    }

    #[test]
    fn max_chars_limits_typing_and_paste() {
        let mut ed = TextEditor::new("ab", EditorMode::SingleLine);
        ed.set_max_chars(5);
        type_str(&mut ed, "cdefg");
        assert_eq!(ed.text(), "abcde");
        ed.handle_key(press(KeyCode::Backspace));
        ed.paste("XYZ");
        assert_eq!(ed.text(), "abcdX");
        ed.paste("more");
        assert_eq!(ed.text(), "abcdX");

        let mut multi = TextEditor::new("abc", EditorMode::MultiLine);
        multi.set_max_chars(4);
        multi.handle_key(ctrl('j'));
        multi.handle_key(ctrl('j'));
        assert_eq!(multi.text(), "abc\n");

        // Text already over the limit is kept and may shrink.
        let mut long = TextEditor::new("abcdef", EditorMode::SingleLine);
        long.set_max_chars(3);
        type_str(&mut long, "g");
        assert_eq!(long.text(), "abcdef");
        long.handle_key(press(KeyCode::Backspace));
        assert_eq!(long.text(), "abcde");
    }

    #[test]
    fn set_text_replaces_and_can_be_undone() {
        let mut ed = TextEditor::new("old", EditorMode::SingleLine);
        ed.set_text("new\ntext");
        assert_eq!(ed.text(), "new text");
        assert_eq!(ed.cursor(), (0, 8));
        ed.handle_key(ctrl('z'));
        ed.handle_key(ctrl('z'));
        assert_eq!(ed.text(), "old");
    }

    #[test]
    fn renders_box_title_text_and_cursor() {
        let ed = TextEditor::new("héllo 世界", EditorMode::SingleLine);
        let buf = draw(&ed, 20, 3);
        assert_eq!(
            text_rows(&buf),
            [
                "╭ Name ────────────╮",
                "│ héllo 世界       │",
                "╰──────────────────╯",
            ]
        );
        // The cursor sits just after the text, in the cursor style.
        assert_eq!(buf[(12, 1)].bg, Color::Yellow);
        assert_eq!(buf[(2, 1)].fg, Color::White);
        assert_eq!(buf[(0, 0)].fg, Color::Cyan);
        assert_eq!(buf[(3, 0)].fg, Color::Green);
    }

    #[test]
    fn long_text_wraps_in_a_tall_box() {
        let ed = TextEditor::new("we agree on the shared goals", EditorMode::MultiLine);
        let buf = draw(&ed, 16, 5);
        assert_eq!(
            text_rows(&buf),
            [
                "╭ Name ────────╮",
                "│ we agree on  │",
                // The textarea's word wrap moves a space that does not fit at
                // the end of a row to the start of the next one.
                "│  the shared  │",
                "│  goals       │",
                "╰──────────────╯",
            ]
        );
    }

    #[test]
    fn one_row_box_scrolls_to_keep_the_cursor_visible() {
        let mut ed = TextEditor::new("", EditorMode::SingleLine);
        type_str(&mut ed, "abcdefghij世界xyz");
        let buf = draw(&ed, 10, 3);
        let row = &text_rows(&buf)[1];
        assert!(row.contains("xyz"), "{row:?}");
        // The cursor cell (after "z") is visible and styled.
        assert!(buf.content.iter().any(|c| c.bg == Color::Yellow));
        ed.handle_key(press(KeyCode::Home));
        let row = &text_rows(&draw(&ed, 10, 3))[1];
        assert!(row.starts_with("│ abcdef"), "{row:?}");
    }

    #[test]
    fn render_never_panics_on_odd_areas() {
        let mut ed = TextEditor::new("", EditorMode::MultiLine);
        type_str(
            &mut ed,
            "héllo 世界 👋 a long line that must wrap somewhere",
        );
        ed.handle_key(ctrl('j'));
        type_str(&mut ed, "世界世界世界");
        let empty = TextEditor::new("", EditorMode::SingleLine);
        for w in 0..8 {
            for h in 0..6 {
                let mut terminal = test_terminal(w, h);
                terminal
                    .draw(|f| {
                        ed.render(f, f.area(), "Title", style());
                        empty.render(f, f.area(), "", EditorStyle::default());
                        ed.render(f, Rect::new(2, 1, 40, 40), "T", style());
                        ed.render(f, Rect::new(500, 500, 3, 3), "T", style());
                    })
                    .unwrap();
            }
        }
        // The sizes named in the brief, explicitly.
        draw(&ed, 0, 0);
        draw(&ed, 3, 1);
        draw(&ed, 1, 1);
    }

    #[test]
    fn cursor_after_a_full_row_stays_visible() {
        // A 20-wide box has 16 inner columns; text wraps at 15 so a cursor
        // after 15 characters still has a cell to be drawn in.
        let ed = TextEditor::new("abcdefghijklmno", EditorMode::MultiLine);
        let buf = draw(&ed, 20, 5);
        assert_eq!(text_rows(&buf)[1], "│ abcdefghijklmno  │");
        assert_eq!(buf[(17, 1)].bg, Color::Yellow);
        let ed = TextEditor::new("abcdefghijklmnop", EditorMode::MultiLine);
        let buf = draw(&ed, 20, 5);
        assert_eq!(text_rows(&buf)[2], "│ p                │");
        assert_eq!(buf[(3, 2)].bg, Color::Yellow);
    }

    #[test]
    fn random_editing_and_rendering_never_breaks_the_rules() {
        let none = KeyModifiers::NONE;
        let keys = [
            KeyEvent::new(KeyCode::Char('a'), none),
            KeyEvent::new(KeyCode::Char('世'), none),
            KeyEvent::new(KeyCode::Char('👋'), none),
            KeyEvent::new(KeyCode::Char(' '), none),
            KeyEvent::new(KeyCode::Char('é'), none),
            KeyEvent::new(KeyCode::Left, none),
            KeyEvent::new(KeyCode::Right, none),
            KeyEvent::new(KeyCode::Up, none),
            KeyEvent::new(KeyCode::Down, none),
            KeyEvent::new(KeyCode::Home, none),
            KeyEvent::new(KeyCode::End, none),
            KeyEvent::new(KeyCode::Backspace, none),
            KeyEvent::new(KeyCode::Delete, none),
            KeyEvent::new(KeyCode::PageUp, none),
            KeyEvent::new(KeyCode::PageDown, none),
            KeyEvent::new(KeyCode::Tab, none),
            KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL),
            KeyEvent::new(KeyCode::Right, KeyModifiers::CONTROL),
            KeyEvent::new(KeyCode::Right, KeyModifiers::SHIFT),
            KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT),
            ctrl('j'),
            ctrl('u'),
            ctrl('k'),
            ctrl('w'),
            ctrl('y'),
            ctrl('z'),
            ctrl('r'),
            ctrl('x'),
        ];
        // A fixed linear congruential sequence: varied but reproducible.
        let mut seed: u64 = 0x5eed;
        let mut next = move |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for mode in [EditorMode::SingleLine, EditorMode::MultiLine] {
            for max in [None, Some(12)] {
                let mut ed = TextEditor::new("", mode);
                if let Some(max) = max {
                    ed.set_max_chars(max);
                }
                for step in 0..600 {
                    if step % 37 == 0 {
                        ed.paste("x\ny 世\t👋\r\n");
                    } else {
                        ed.handle_key(keys[next(keys.len())]);
                    }
                    let text = ed.text();
                    if mode == EditorMode::SingleLine {
                        assert!(!text.contains('\n'), "{text:?}");
                    }
                    if let Some(max) = max {
                        assert!(ed.char_count() <= max, "{text:?}");
                    }
                    assert_eq!(ed.char_count(), text.chars().count());
                    let (w, h) = (next(24) as u16, next(7) as u16);
                    let mut terminal = test_terminal(w, h);
                    terminal
                        .draw(|f| ed.render(f, f.area(), "T", style()))
                        .unwrap();
                }
            }
        }
    }

    #[test]
    fn placeholder_shows_while_empty() {
        let mut ed = TextEditor::new("", EditorMode::SingleLine);
        ed.set_placeholder("type here");
        let buf = draw(&ed, 20, 3);
        assert!(text_rows(&buf)[1].contains("type here"));
        type_str(&mut ed, "x");
        assert!(!text_rows(&draw(&ed, 20, 3))[1].contains("type here"));
    }
}

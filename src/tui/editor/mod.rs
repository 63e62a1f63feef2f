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

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::style::{Modifier, Style};
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
        // Copying the text to take it back costs as much as the text is long, on every
        // key; a long paragraph typed in a burst made each key slower than the last.
        // Where no rule can be broken, there is nothing to take back.
        if self.mode == EditorMode::MultiLine && self.max_chars.is_none() {
            f(self.textarea.get_mut());
            return;
        }
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

mod render;
#[cfg(test)]
mod tests;

//! Pointing at places in a session file so errors can say `path:line:col`.
//!
//! ron reports where the *parser* gave up, which is good for syntax errors.
//! Problems we detect after parsing (e.g. an event that makes no sense
//! where it is) only know "event number 7", so we find that element in the
//! text ourselves. This is a small scanner, not a parser: it understands
//! just enough RON (strings, raw strings, chars, comments, brackets) not to
//! be fooled by brackets inside text, and it never panics on bad input,
//! because it runs exactly when a file is already known to be wrong.
//!
//! - [`fields`]: finding a field, a list element or the fields of a record in the text;
//! - [`ron_error`]: turning ron's errors into `path:line:col` messages a person can act on;
//! - `cursor`: the scanner both of them walk the text with.

mod cursor;
pub mod fields;
pub mod ron_error;

pub use fields::{field_value_span, fields_around, nth_list_element};
pub use ron_error::{
    ends_early, format_ron_error, format_ron_error_with_source, ron_error_position,
};

use ron::error::Position;
use std::fmt;

/// A place in a text file as editors show it: 1-based line, and 1-based
/// column counted in characters (as ron counts them), not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextPosition {
    pub line: usize,
    pub col: usize,
}

impl fmt::Display for TextPosition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

impl From<Position> for TextPosition {
    fn from(p: Position) -> Self {
        TextPosition {
            line: p.line,
            col: p.col,
        }
    }
}

/// The 1-based line and column of byte `offset` in `text`, columns counted in
/// characters as ron counts them.
pub fn position_at(text: &str, offset: usize) -> TextPosition {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    TextPosition { line, col }
}

/// The position just past the last character, counted the way ron does.
fn end_of(text: &str) -> TextPosition {
    let line = 1 + text.chars().filter(|&c| c == '\n').count();
    let col = 1 + text.chars().rev().take_while(|&c| c != '\n').count();
    TextPosition { line, col }
}

/// Where a file's bytes stop being UTF-8 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotUtf8 {
    pub at: TextPosition,
    /// The bytes end in the middle of a character: the file was cut short.
    pub cut_short: bool,
}

/// A file's bytes as text: UTF-8, with a leading byte-order mark dropped (some
/// editors write one; it carries no meaning).
pub fn utf8_text(bytes: &[u8]) -> Result<&str, NotUtf8> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
        NotUtf8 {
            at: position_at(&good, good.len()),
            cut_short: e.error_len().is_none(),
        }
    })
}

#[cfg(test)]
mod tests;

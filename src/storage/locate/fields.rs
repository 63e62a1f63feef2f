//! Finding places in the structure of a RON document: a top-level field's value, the
//! n-th element of a list, the fields written around a position.

use super::TextPosition;
use super::cursor::{Cursor, is_ident_start, is_word_char};

/// Position of the first character of element `index` (0-based) of the
/// list held by top-level field `field`, in a document shaped like
/// `Name( header: (...), events: [ e0, e1, ... ] )`.
///
/// Returns `None` when the document does not have that shape, the field is
/// missing or not a list, or the list is shorter than `index + 1`.
pub fn nth_list_element(text: &str, field: &str, index: usize) -> Option<TextPosition> {
    at_field(text, field)?.nth_element(index)
}

/// The byte range of the value of top-level field `field` (e.g. the `(...)` after
/// `header:`), in a document shaped as for [`nth_list_element`]. `None` when the
/// document does not have that shape or the value does not end before the text does
/// (a file cut short), so a caller can parse just that value.
pub fn field_value_span(text: &str, field: &str) -> Option<std::ops::Range<usize>> {
    let mut cur = at_field(text, field)?;
    let start = cur.offset(text);
    cur.skip_value();
    if !matches!(cur.peek(), Some(',' | ')')) {
        return None;
    }
    let end = cur.offset(text);
    Some(start..start + text[start..end].trim_end().len())
}

/// A cursor at the start of the value of top-level field `field`.
fn at_field<'a>(text: &'a str, field: &str) -> Option<Cursor<'a>> {
    let mut cur = Cursor::new(text);
    cur.skip_trivia();
    while cur.peek() == Some('#') {
        cur.skip_attribute();
        cur.skip_trivia();
    }
    if cur.peek().is_some_and(is_ident_start) {
        // The optional struct name, e.g. `Session`.
        cur.read_ident()?;
        cur.skip_trivia();
    }
    if cur.bump()? != '(' {
        return None;
    }
    loop {
        cur.skip_trivia();
        let name = cur.read_ident()?;
        cur.skip_trivia();
        if cur.bump()? != ':' {
            return None;
        }
        cur.skip_trivia();
        if name == field {
            return Some(cur);
        }
        cur.skip_value();
        cur.skip_trivia();
        if cur.bump()? != ',' {
            // `)` ends the struct without the field; anything else is a
            // document we do not understand.
            return None;
        }
    }
}

/// The field names written directly inside the `( … )` that is still open at `at`,
/// each with where it is written: for a message about a record (a missing field, most
/// likely misspelt as one of these). Empty when `at` is not inside parentheses.
pub fn fields_around(text: &str, at: TextPosition) -> Vec<(String, TextPosition)> {
    let mut cur = Cursor::new(text);
    // One entry per bracket still open: which bracket, and the names written in it.
    let mut open: Vec<(char, Vec<(String, TextPosition)>)> = Vec::new();
    loop {
        cur.skip_trivia();
        if cur.pos() >= at {
            break;
        }
        match cur.peek() {
            None => break,
            Some(c @ ('(' | '[' | '{')) => {
                cur.bump();
                open.push((c, Vec::new()));
            }
            Some(')' | ']' | '}') => {
                cur.bump();
                open.pop();
            }
            Some(c) if is_word_char(c) && !cur.at_string() => {
                let start = cur.pos();
                let name = cur.read_ident();
                cur.skip_trivia();
                if let (Some(name), Some(':'), Some(('(', fields))) =
                    (name, cur.peek(), open.last_mut())
                {
                    fields.push((name, start));
                }
                if cur.peek() == Some(':') {
                    cur.bump();
                }
            }
            Some(_) => cur.skip_token(),
        }
    }
    match open.pop() {
        Some(('(', fields)) => fields,
        _ => Vec::new(),
    }
}

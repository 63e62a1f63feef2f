//! Pointing at places in a session file so errors can say `path:line:col`.
//!
//! ron reports where the *parser* gave up, which is good for syntax errors.
//! Problems we detect after parsing (e.g. an event that makes no sense
//! where it is) only know "event number 7", so we find that element in the
//! text ourselves. This is a small scanner, not a parser: it understands
//! just enough RON (strings, raw strings, chars, comments, brackets) not to
//! be fooled by brackets inside text, and it never panics on bad input,
//! because it runs exactly when a file is already known to be wrong.

use ron::error::{Error as RonError, Position, SpannedError};
use std::fmt;
use std::path::Path;
use std::str::Chars;

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

/// The 1-based line and column of byte `offset` in `text`, columns counted in
/// characters as ron counts them.
pub fn position_at(text: &str, offset: usize) -> TextPosition {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
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

/// Where a ron error should be reported.
///
/// Usually the start of ron's span; for invalid UTF-8 ron always puts the
/// start at 1:1 and the offending byte at the span's end, so we use that.
pub fn ron_error_position(err: &SpannedError) -> TextPosition {
    match err.code {
        RonError::Utf8Error(_) => err.span.end.into(),
        _ => err.span.start.into(),
    }
}

/// `path:line:col: message` for a ron error, with a plainer explanation in
/// front of ron's messages that are known to mislead (ron's own text is kept
/// after it, for anyone who knows RON).
///
/// Without the file's text, only errors that can *only* come from a file
/// ending early are explained as such; prefer
/// [`format_ron_error_with_source`] when the text is at hand.
pub fn format_ron_error(path: &Path, err: &SpannedError) -> String {
    render(path, err, hint_from_code(&err.code))
}

/// Like [`format_ron_error`], but also recognises a truncated file from
/// where the error sits: ron reports a file cut off mid-way as whatever it
/// expected next ("Expected comma", "Expected colon", ...), which sends
/// users hunting for a typo that is not there.
pub fn format_ron_error_with_source(path: &Path, err: &SpannedError, source: &str) -> String {
    let hint = hint_from_code(&err.code).or_else(|| {
        if source.trim().is_empty() {
            Some("file is empty")
        } else if ends_early(err, source) {
            Some(TRUNCATED)
        } else {
            None
        }
    });
    render(path, err, hint)
}

/// True when `err` is best explained by `source` being cut off: ron stopped at the
/// very end while still expecting something ("Expected comma", "Expected colon", …).
/// Any RON file read by hand or by sameside (sessions, themes) can use it.
pub fn ends_early(err: &SpannedError, source: &str) -> bool {
    may_come_from_truncation(&err.code)
        && TextPosition::from(err.span.end) >= end_of(source.trim_end())
}

const TRUNCATED: &str = "file ends early (truncated?)";

fn render(path: &Path, err: &SpannedError, hint: Option<&str>) -> String {
    let pos = ron_error_position(err);
    match hint {
        Some(hint) => format!("{}:{pos}: {hint}: {}", path.display(), err.code),
        None => format!("{}:{pos}: {}", path.display(), err.code),
    }
}

fn hint_from_code(code: &RonError) -> Option<&'static str> {
    match code {
        RonError::Eof => Some(TRUNCATED),
        // ron only raises this when no closing quote exists anywhere in the
        // rest of the file: the file was cut off inside a string.
        RonError::ExpectedStringEnd => Some("string is never closed; file ends early (truncated?)"),
        RonError::UnclosedBlockComment => {
            Some("/* comment is never closed; file ends early (truncated?)")
        }
        RonError::Utf8Error(_) => Some("file is not UTF-8 text (damaged, or not a session file?)"),
        RonError::TrailingCharacters => Some("unexpected text after the end of the session"),
        _ => None,
    }
}

/// Data errors are raised only after a value was read in full, so they mean
/// the content is wrong, not that the file is cut short, even when the bad
/// value happens to be the last thing in the file.
fn may_come_from_truncation(code: &RonError) -> bool {
    !matches!(
        code,
        RonError::Utf8Error(_)
            | RonError::TrailingCharacters
            | RonError::MissingStructField { .. }
            | RonError::DuplicateStructField { .. }
            | RonError::ExpectedDifferentLength { .. }
            // Something was found, just not the right name: the file has content
            // there, so it is not cut short even when that word is all there is.
            | RonError::ExpectedDifferentStructName { .. }
            | RonError::InvalidValueForType { .. }
            | RonError::Message(_)
            | RonError::Io(_)
            | RonError::Fmt
            | RonError::ExceededRecursionLimit
    )
}

/// The position just past the last character, counted the way ron does.
fn end_of(text: &str) -> TextPosition {
    let line = 1 + text.chars().filter(|&c| c == '\n').count();
    let col = 1 + text.chars().rev().take_while(|&c| c != '\n').count();
    TextPosition { line, col }
}

fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Walks the text one char at a time, tracking line and column. Every
/// method either consumes at least one char or returns, which is what keeps
/// the scanner from looping forever on malformed input; nesting is tracked
/// with counters instead of recursion so deep input cannot blow the stack.
struct Cursor<'a> {
    chars: Chars<'a>,
    line: usize,
    col: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Cursor {
            chars: text.chars(),
            line: 1,
            col: 1,
        }
    }

    /// The byte offset in `text`, the text this cursor was made from.
    fn offset(&self, text: &str) -> usize {
        text.len() - self.chars.as_str().len()
    }

    fn pos(&self) -> TextPosition {
        TextPosition {
            line: self.line,
            col: self.col,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.clone().next()
    }

    fn peek_nth(&self, n: usize) -> Option<char> {
        self.chars.clone().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_nth(1)) {
                (Some(c), _) if c.is_whitespace() || c == '\u{feff}' => {
                    self.bump();
                }
                (Some('/'), Some('/')) => while self.bump().is_some_and(|c| c != '\n') {},
                (Some('/'), Some('*')) => self.skip_block_comment(),
                _ => return,
            }
        }
    }

    /// RON block comments nest, so `/* a /* b */ ] */` is one comment.
    fn skip_block_comment(&mut self) {
        self.bump();
        self.bump();
        let mut depth = 1usize;
        while depth > 0 {
            match self.bump() {
                None => return,
                Some('/') if self.peek() == Some('*') => {
                    self.bump();
                    depth += 1;
                }
                Some('*') if self.peek() == Some('/') => {
                    self.bump();
                    depth -= 1;
                }
                Some(_) => {}
            }
        }
    }

    /// `#![enable(...)]` lines may precede the value.
    fn skip_attribute(&mut self) {
        self.bump();
        self.skip_trivia();
        if self.peek() == Some('!') {
            self.bump();
            self.skip_trivia();
        }
        if self.peek() == Some('[') {
            self.skip_group();
        }
    }

    /// Skips one bracketed group, opener included. Unlike `skip_value` it
    /// stops at the matching closer, because an attribute is followed by the
    /// document's value with no comma in between.
    fn skip_group(&mut self) {
        let mut depth = 0usize;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some('(' | '[' | '{') => {
                    depth += 1;
                    self.bump();
                }
                Some(')' | ']' | '}') => {
                    self.bump();
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                Some(_) => self.skip_token(),
            }
        }
    }

    /// An identifier, allowing RON's raw form `r#name` (which names the
    /// same field as `name`).
    fn read_ident(&mut self) -> Option<String> {
        if self.peek() == Some('r')
            && self.peek_nth(1) == Some('#')
            && self.peek_nth(2).is_some_and(is_word_char)
        {
            self.bump();
            self.bump();
        }
        let mut name = String::new();
        while let Some(c) = self.peek().filter(|&c| is_word_char(c)) {
            name.push(c);
            self.bump();
        }
        (!name.is_empty()).then_some(name)
    }

    /// Expects a `[` and returns where its `index`-th element starts.
    fn nth_element(&mut self, index: usize) -> Option<TextPosition> {
        if self.bump()? != '[' {
            return None;
        }
        let mut i = 0usize;
        loop {
            self.skip_trivia();
            if matches!(self.peek(), None | Some(']')) {
                return None;
            }
            if i == index {
                return Some(self.pos());
            }
            self.skip_value();
            self.skip_trivia();
            if self.bump()? != ',' {
                return None;
            }
            i += 1;
        }
    }

    /// Skips one value, stopping before the `,` or closing bracket that
    /// ends it (or at end of input).
    fn skip_value(&mut self) {
        let mut depth = 0usize;
        loop {
            self.skip_trivia();
            let Some(c) = self.peek() else { return };
            match c {
                '(' | '[' | '{' => {
                    depth += 1;
                    self.bump();
                }
                ')' | ']' | '}' => {
                    if depth == 0 {
                        return;
                    }
                    depth -= 1;
                    self.bump();
                }
                ',' if depth == 0 => return,
                _ => self.skip_token(),
            }
        }
    }

    /// Skips one token that is not a bracket, so that brackets and quotes
    /// inside strings, chars and words are never mistaken for structure.
    fn skip_token(&mut self) {
        match self.peek() {
            Some('"') => self.skip_quoted('"'),
            Some('\'') => self.skip_quoted('\''),
            Some('b') if self.peek_nth(1) == Some('"') => {
                self.bump();
                self.skip_quoted('"');
            }
            Some('b') if self.peek_nth(1) == Some('r') && self.raw_hashes(2).is_some() => {
                self.bump();
                self.skip_raw_string();
            }
            Some('r') if self.raw_hashes(1).is_some() => self.skip_raw_string(),
            Some(c) if is_word_char(c) => {
                // Consuming whole words keeps an `r` or `b` in the middle of
                // an identifier from being read as a string prefix.
                let _ = self.read_ident();
            }
            _ => {
                self.bump();
            }
        }
    }

    /// A string or byte string starts here (`"…"`, `r#"…"#`, `b"…"`, `br"…"`), not a word.
    fn at_string(&self) -> bool {
        match self.peek() {
            Some('"') => true,
            Some('b') => {
                self.peek_nth(1) == Some('"')
                    || (self.peek_nth(1) == Some('r') && self.raw_hashes(2).is_some())
            }
            Some('r') => self.raw_hashes(1).is_some(),
            _ => false,
        }
    }

    /// Number of `#` after `offset` chars if a raw string's opening quote
    /// follows them.
    fn raw_hashes(&self, offset: usize) -> Option<usize> {
        let mut ahead = self.chars.clone().skip(offset);
        let mut hashes = 0;
        loop {
            match ahead.next()? {
                '#' => hashes += 1,
                '"' => return Some(hashes),
                _ => return None,
            }
        }
    }

    /// At the `r` of `r##"..."##`: a raw string ends only at a quote
    /// followed by as many `#` as it opened with, and has no escapes.
    fn skip_raw_string(&mut self) {
        let hashes = self.raw_hashes(1).unwrap_or(0);
        for _ in 0..hashes + 2 {
            self.bump();
        }
        loop {
            match self.bump() {
                None => return,
                Some('"') => {
                    if (0..hashes).all(|i| self.peek_nth(i) == Some('#')) {
                        for _ in 0..hashes {
                            self.bump();
                        }
                        return;
                    }
                }
                Some(_) => {}
            }
        }
    }

    /// A `"string"` or `'c'` with backslash escapes.
    fn skip_quoted(&mut self, quote: char) {
        self.bump();
        loop {
            match self.bump() {
                None => return,
                Some('\\') => {
                    self.bump();
                }
                Some(c) if c == quote => return,
                Some(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    struct Header {
        title: String,
        version: u32,
    }

    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    enum Event {
        Note(String),
        Speak { who: String, text: String },
        Pause,
    }

    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    struct Session {
        header: Header,
        events: Vec<Event>,
    }

    fn pos(line: usize, col: usize) -> TextPosition {
        TextPosition { line, col }
    }

    /// The text from `p` to the end of its line, to check what was found.
    fn line_from(text: &str, p: TextPosition) -> String {
        let line = text.lines().nth(p.line - 1).unwrap();
        line.chars().skip(p.col - 1).collect()
    }

    const DOC: &str = r#"Session(
    header: (title: "Acme", version: 1),
    events: [
        Note("first"),
        Speak(who: "Ann", text: "hi"),
        Pause,
    ],
)
"#;

    #[test]
    fn finds_each_element_of_a_pretty_list() {
        assert_eq!(nth_list_element(DOC, "events", 0), Some(pos(4, 9)));
        assert_eq!(nth_list_element(DOC, "events", 1), Some(pos(5, 9)));
        assert_eq!(nth_list_element(DOC, "events", 2), Some(pos(6, 9)));
        assert_eq!(nth_list_element(DOC, "events", 3), None);
    }

    #[test]
    fn missing_or_non_list_fields_give_none() {
        assert_eq!(nth_list_element(DOC, "nope", 0), None);
        assert_eq!(nth_list_element(DOC, "header", 0), None);
        assert_eq!(nth_list_element("(events: [])", "events", 0), None);
        assert_eq!(nth_list_element("", "events", 0), None);
        assert_eq!(nth_list_element("[1, 2]", "events", 0), None);
    }

    #[test]
    fn works_without_struct_name_and_on_one_line() {
        let text = "(header:(),events:[1,(2,3),[4]])";
        assert_eq!(nth_list_element(text, "events", 0), Some(pos(1, 20)));
        assert_eq!(nth_list_element(text, "events", 1), Some(pos(1, 22)));
        assert_eq!(nth_list_element(text, "events", 2), Some(pos(1, 28)));
        assert_eq!(nth_list_element(text, "events", 3), None);
    }

    #[test]
    fn ignores_a_nested_field_of_the_same_name() {
        let text = "(header: (events: [\"wrong\"]), events: [\"right\"])";
        let p = nth_list_element(text, "events", 0).unwrap();
        assert_eq!(line_from(text, p), "\"right\"])");
    }

    #[test]
    fn is_not_fooled_by_brackets_in_strings_chars_and_comments() {
        let text = r####"#![enable(implicit_some)]
// a ] comment ( with brackets
Session /* ( */ (
    header: (title: "a \" ], ( text", sep: ']', open: '(', q: '\'', u: '\u{5D}'),
    /* nested /* ] */ still ) comment */
    events: [
        r"raw ] (", r#"raw "] with quote"#, r##"x"# ]"##,
        b"bytes ]", br#"raw bytes ]"#, bar(1),
        // [ comment between ] elements
        last,
    ],
)"####;
        let found: Vec<String> = (0..7)
            .map(|i| line_from(text, nth_list_element(text, "events", i).unwrap()))
            .collect();
        assert!(found[0].starts_with("r\"raw ] (\""), "{found:?}");
        assert!(found[1].starts_with("r#\"raw"), "{found:?}");
        assert!(found[2].starts_with("r##\"x\"#"), "{found:?}");
        assert!(found[3].starts_with("b\"bytes"), "{found:?}");
        assert!(found[4].starts_with("br#\""), "{found:?}");
        assert!(found[5].starts_with("bar(1)"), "{found:?}");
        assert_eq!(found[6], "last,");
        assert_eq!(nth_list_element(text, "events", 7), None);
    }

    #[test]
    fn raw_identifier_field_name_matches() {
        let text = "(r#events: [a, b])";
        assert_eq!(nth_list_element(text, "events", 1), Some(pos(1, 16)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "(title: \"Müller ☕\", events: [é, ü])";
        assert_eq!(nth_list_element(text, "events", 1), Some(pos(1, 33)));
    }

    #[test]
    fn agrees_with_rons_serializer_output() {
        let session = Session {
            header: Header {
                title: "brackets ] ( \" in title".into(),
                version: 3,
            },
            events: vec![
                Event::Pause,
                Event::Note("a ] b".into()),
                Event::Speak {
                    who: "Zoë".into(),
                    text: "line\nbreak, [x]".into(),
                },
            ],
        };
        let pretty =
            ron::ser::to_string_pretty(&session, ron::ser::PrettyConfig::default()).unwrap();
        let compact = ron::to_string(&session).unwrap();
        for text in [pretty, compact] {
            let starts: Vec<String> = (0..3)
                .map(|i| line_from(&text, nth_list_element(&text, "events", i).unwrap()))
                .collect();
            assert!(starts[0].starts_with("Pause"), "{text}\n{starts:?}");
            assert!(starts[1].starts_with("Note("), "{text}\n{starts:?}");
            assert!(starts[2].starts_with("Speak("), "{text}\n{starts:?}");
            assert_eq!(nth_list_element(&text, "events", 3), None);
        }
    }

    #[test]
    fn agrees_with_where_ron_reports_a_bad_element() {
        let text =
            "Session(header: (title: \"Zoë ☕\", version: 1), events: [Pause, Note(\"é\"), Nope])";
        let err = ron::from_str::<Session>(text).unwrap_err();
        assert!(matches!(err.code, RonError::NoSuchEnumVariant { .. }));
        assert_eq!(
            nth_list_element(text, "events", 2),
            Some(ron_error_position(&err))
        );
    }

    fn format_for(text: &str) -> (String, String) {
        let err = ron::from_str::<Session>(text).unwrap_err();
        let path = Path::new("sessions/s.ron");
        (
            format_ron_error(path, &err),
            format_ron_error_with_source(path, &err, text),
        )
    }

    #[test]
    fn truncated_at_a_list_element_reports_early_end() {
        let cut = &DOC[..DOC.find("Speak").unwrap()];
        let (plain, with_source) = format_for(cut);
        assert_eq!(
            plain,
            "sessions/s.ron:4:23: file ends early (truncated?): Unexpected end of RON"
        );
        assert_eq!(plain, with_source);
    }

    #[test]
    fn a_file_of_one_wrong_word_is_not_called_truncated() {
        let source = "garbage\n";
        let err = ron::from_str::<Header>(source).unwrap_err();
        let message = format_ron_error_with_source(Path::new("s.ron"), &err, source);
        assert!(!message.contains("truncated"), "{message}");
    }

    #[test]
    fn truncated_after_a_value_is_not_blamed_on_a_missing_comma() {
        // ron says "Expected comma"; only the text shows the real cause.
        let cut = &DOC[..DOC.find("\"Acme\"").unwrap() + 6];
        let (plain, with_source) = format_for(cut);
        assert_eq!(plain, "sessions/s.ron:2:22: Expected comma");
        assert_eq!(
            with_source,
            "sessions/s.ron:2:22: file ends early (truncated?): Expected comma"
        );
    }

    #[test]
    fn truncated_inside_a_field_name_is_not_blamed_on_a_missing_colon() {
        let cut = &DOC[..DOC.find("version").unwrap() + 3];
        let (plain, with_source) = format_for(cut);
        assert_eq!(plain, "sessions/s.ron:2:29: Expected colon");
        assert_eq!(
            with_source,
            "sessions/s.ron:2:29: file ends early (truncated?): Expected colon"
        );
    }

    #[test]
    fn truncated_inside_a_string_points_at_its_opening_quote() {
        let cut = &DOC[..DOC.find("hi").unwrap() + 1];
        let (plain, _) = format_for(cut);
        assert_eq!(
            plain,
            "sessions/s.ron:5:33: string is never closed; file ends early (truncated?): \
             Expected end of string"
        );
    }

    #[test]
    fn empty_file_says_so() {
        let (_, with_source) = format_for("\n  \n");
        assert!(
            with_source.starts_with("sessions/s.ron:1:1: file is empty: "),
            "{with_source}"
        );
    }

    #[test]
    fn wrong_type_points_at_the_value_without_truncation_hint() {
        let text = DOC.replace("version: 1", "version: \"one\"");
        let (plain, with_source) = format_for(&text);
        assert_eq!(plain, "sessions/s.ron:2:37: Expected integer");
        assert_eq!(plain, with_source);
    }

    #[test]
    fn missing_field_in_last_struct_is_not_called_truncation() {
        let text = "Session(header: (title: \"x\", version: 1))";
        let (_, with_source) = format_for(text);
        assert!(!with_source.contains("truncated"), "{with_source}");
        assert!(with_source.contains("events"), "{with_source}");
    }

    #[test]
    fn garbage_bytes_point_at_the_bad_byte() {
        let bytes = b"Session(\n  header: \xff\xfe)";
        let err = ron::de::from_bytes::<Session>(bytes).unwrap_err();
        assert_eq!(
            format_ron_error(Path::new("s.ron"), &err),
            format!(
                "s.ron:2:11: file is not UTF-8 text (damaged, or not a session file?): {}",
                err.code
            )
        );
    }

    #[test]
    fn garbage_text_is_reported_at_the_start() {
        let (plain, _) = format_for("\u{1}\u{2}PK garbage");
        assert!(plain.starts_with("sessions/s.ron:1:1: "), "{plain}");
    }

    #[test]
    fn trailing_text_is_explained() {
        let text = format!("{DOC}oops");
        let (plain, with_source) = format_for(&text);
        assert!(
            plain.starts_with("sessions/s.ron:8:2: unexpected text after the end of the session: "),
            "{plain}"
        );
        assert!(!with_source.contains("truncated"), "{with_source}");
    }

    #[test]
    fn position_displays_as_line_colon_col() {
        assert_eq!(pos(12, 3).to_string(), "12:3");
    }

    /// Text built from the characters that drive the scanner, so random
    /// inputs actually hit strings, comments and brackets.
    fn ron_ish() -> impl Strategy<Value = String> {
        "[()\\[\\]{}\"'r#b/*\\\\ \n:,a-e_]{0,120}".prop_map(|s| format!("(events: [{s}"))
    }

    proptest! {
        #[test]
        fn never_panics(text in any::<String>(), field in "[a-z]{0,6}", index in 0usize..5) {
            let _ = nth_list_element(&text, &field, index);
        }

        #[test]
        fn never_panics_on_ron_like_text(text in ron_ish(), index in 0usize..5) {
            if let Some(p) = nth_list_element(&text, "events", index) {
                prop_assert!(p.line >= 1 && p.col >= 1);
                prop_assert!(p <= end_of(&text));
            }
        }

        #[test]
        fn finds_every_element_of_serialized_lists(items in proptest::collection::vec(any::<String>(), 0..8)) {
            #[derive(Serialize)]
            struct Doc<'a> { header: (u8, &'a str), events: &'a [String] }
            let doc = Doc { header: (1, "]"), events: &items };
            let text = ron::ser::to_string_pretty(&doc, ron::ser::PrettyConfig::default()).unwrap();
            let mut previous = None;
            for i in 0..items.len() {
                let p = nth_list_element(&text, "events", i);
                prop_assert!(p.is_some(), "element {} missing in {}", i, text);
                prop_assert!(line_from(&text, p.unwrap()).starts_with('"'));
                prop_assert!(p > previous);
                previous = p;
            }
            prop_assert_eq!(nth_list_element(&text, "events", items.len()), None);
        }
    }
}

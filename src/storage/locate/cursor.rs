//! The character-by-character scanner behind [`super::fields`].

use std::str::Chars;

use super::TextPosition;

pub(super) fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Walks the text one char at a time, tracking line and column. Every
/// method either consumes at least one char or returns, which is what keeps
/// the scanner from looping forever on malformed input; nesting is tracked
/// with counters instead of recursion so deep input cannot blow the stack.
pub(super) struct Cursor<'a> {
    chars: Chars<'a>,
    line: usize,
    col: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Cursor {
            chars: text.chars(),
            line: 1,
            col: 1,
        }
    }

    /// The byte offset in `text`, the text this cursor was made from.
    pub(super) fn offset(&self, text: &str) -> usize {
        text.len() - self.chars.as_str().len()
    }

    pub(super) fn pos(&self) -> TextPosition {
        TextPosition {
            line: self.line,
            col: self.col,
        }
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.chars.clone().next()
    }

    fn peek_nth(&self, n: usize) -> Option<char> {
        self.chars.clone().nth(n)
    }

    pub(super) fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    pub(super) fn skip_trivia(&mut self) {
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
    pub(super) fn skip_attribute(&mut self) {
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
    pub(super) fn read_ident(&mut self) -> Option<String> {
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
    pub(super) fn nth_element(&mut self, index: usize) -> Option<TextPosition> {
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
    pub(super) fn skip_value(&mut self) {
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
    pub(super) fn skip_token(&mut self) {
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
    pub(super) fn at_string(&self) -> bool {
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

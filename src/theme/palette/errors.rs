//! What is wrong with a theme file and where: ron's errors reworded for a hand-editor,
//! and the places in the text they should point at.

use std::path::Path;

use super::Ansi;
use super::read::TOKENS;
use crate::storage::locate::ends_early;
use crate::storage::messages::nearest;

/// A theme that cannot be used, with the place in it that is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct ThemeError {
    /// `path:line:col`, or just the path when no place in the text applies.
    pub location: String,
    pub message: String,
}

impl ThemeError {
    pub fn new(path: &Path, place: Option<(usize, usize)>, message: impl Into<String>) -> Self {
        let location = match place {
            Some((line, col)) => format!("{}:{line}:{col}", path.display()),
            None => path.display().to_string(),
        };
        ThemeError {
            location,
            message: message.into(),
        }
    }
}

/// Turns a ron error into `path:line:col: message`, reworded where ron's own words would
/// send a hand-editor looking in the wrong place.
pub(super) fn ron_error(path: &Path, text: &str, err: &ron::error::SpannedError) -> ThemeError {
    use ron::error::Error as E;
    let start = (err.span.start.line, err.span.start.col);
    let (place, message) = match &err.code {
        E::NoSuchStructField { found, outer, .. } => {
            let known: &[&str] = if outer.as_deref() == Some("colour") {
                &["rgb", "ansi"]
            } else {
                &TOKENS
            };
            let mut message = if known.len() == 2 {
                format!(
                    "unknown field `{found}` in a colour; a colour is `(rgb: \"#RRGGBB\", ansi: NAME)`"
                )
            } else {
                format!("unknown token `{found}`")
            };
            if let Some(near) = nearest(found, known) {
                message.push_str(&format!(" — did you mean `{near}`?"));
            } else if known.len() > 2 {
                message.push_str(&format!("; the tokens are {}", TOKENS.join(", ")));
            }
            // ron points just past the name it rejected; point at the name itself.
            (
                identifier_before(text, err.span.end, found).unwrap_or(start),
                message,
            )
        }
        E::NoSuchEnumVariant { found, outer, .. } if outer.as_deref() == Some("Ansi") => (
            start,
            format!(
                "`{found}` is not one of the 16 terminal colours; use {}",
                Ansi::NAMES.join(", ")
            ),
        ),
        E::NoSuchEnumVariant { found, outer, .. } if outer.as_deref() == Some("Appearance") => (
            start,
            format!("`{found}` is not an appearance; use Light or Dark"),
        ),
        E::MissingStructField { field, .. } => (
            start,
            format!(
                "this colour has no `{field}`; every colour needs both, as `(rgb: \"#RRGGBB\", ansi: NAME)`"
            ),
        ),
        E::DuplicateStructField { field, .. } => {
            (start, format!("`{field}` is given twice; keep one"))
        }
        E::Eof => (start, "file ends early (truncated?)".to_string()),
        E::ExpectedStringEnd => (
            start,
            "string is never closed; file ends early (truncated?)".to_string(),
        ),
        // A bad value inside a string (a colour that is not `#RRGGBB`): ron points past
        // the opening quote; point at the value as written, quote and all.
        other @ E::Message(_) => (before_quote(text, start), other.to_string()),
        // ron points at the blank before a value of the wrong kind (`rgb: 12`); point at
        // the value.
        other => (skip_blanks(text, start), other.to_string()),
    };
    // Whatever ron expected, an error at the very end means the end is missing: a
    // closing `)` or `]` left out, or a file cut off while saving.
    let message = if ends_early(err, text) && !message.contains("truncated") {
        format!("file ends early (truncated?): {message}")
    } else {
        message
    };
    ThemeError::new(path, Some(place), message)
}

/// `at` moved forward over blanks on its line, onto the next thing written.
fn skip_blanks(text: &str, at: (usize, usize)) -> (usize, usize) {
    let (line, col) = at;
    let Some(row) = text.lines().nth(line.saturating_sub(1)) else {
        return at;
    };
    let blanks = row
        .chars()
        .skip(col.saturating_sub(1))
        .take_while(|c| *c == ' ' || *c == '\t')
        .count();
    if row.chars().count() > col.saturating_sub(1) + blanks {
        (line, col + blanks)
    } else {
        at
    }
}

/// `at` moved onto the `"` just before it, if there is one.
fn before_quote(text: &str, at: (usize, usize)) -> (usize, usize) {
    let (line, col) = at;
    let quoted = text
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.chars().nth(col.saturating_sub(2)))
        == Some('"');
    if quoted && col > 1 {
        (line, col - 1)
    } else {
        at
    }
}

/// Where `name` starts when it ends at (or a few blanks before) `end`.
fn identifier_before(text: &str, end: ron::error::Position, name: &str) -> Option<(usize, usize)> {
    let line = text.lines().nth(end.line.checked_sub(1)?)?;
    let before: String = line.chars().take(end.col.saturating_sub(1)).collect();
    let trimmed = before.trim_end_matches([' ', '\t', ':']);
    let head = trimmed.strip_suffix(name)?;
    Some((end.line, head.chars().count() + 1))
}

/// Where `key:` is written as a field name, for errors about a value as a whole. What
/// is inside comments (`//`, `/* */`) and strings is skipped, and `key` must be a whole
/// word, so `// partners: []` or `name: "my partners: x"` is never taken for the field.
pub(super) fn key_position(text: &str, key: &str) -> Option<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let key: Vec<char> = key.chars().collect();
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let (mut line, mut col) = (1, 1);
    let mut i = 0;
    // Moves past `n` characters (fewer at the end), keeping the line and column.
    let advance = |i: &mut usize, line: &mut usize, col: &mut usize, n: usize| {
        for _ in 0..n {
            if *i >= chars.len() {
                break;
            }
            if chars[*i] == '\n' {
                *line += 1;
                *col = 1;
            } else {
                *col += 1;
            }
            *i += 1;
        }
    };
    while i < chars.len() {
        let rest = &chars[i..];
        if rest.starts_with(&['/', '/']) {
            while i < chars.len() && chars[i] != '\n' {
                advance(&mut i, &mut line, &mut col, 1);
            }
        } else if rest.starts_with(&['/', '*']) {
            advance(&mut i, &mut line, &mut col, 2);
            while i < chars.len() && !chars[i..].starts_with(&['*', '/']) {
                advance(&mut i, &mut line, &mut col, 1);
            }
            advance(&mut i, &mut line, &mut col, 2);
        } else if chars[i] == '"' {
            advance(&mut i, &mut line, &mut col, 1);
            while i < chars.len() && chars[i] != '"' {
                let step = if chars[i] == '\\' { 2 } else { 1 };
                advance(&mut i, &mut line, &mut col, step);
            }
            advance(&mut i, &mut line, &mut col, 1);
        } else if rest.starts_with(&key)
            && (i == 0 || !is_ident(chars[i - 1]))
            && chars[i + key.len()..]
                .iter()
                .find(|c| !c.is_whitespace())
                .is_some_and(|c| *c == ':')
        {
            return Some((line, col));
        } else {
            advance(&mut i, &mut line, &mut col, 1);
        }
    }
    None
}

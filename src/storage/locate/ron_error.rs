//! ron's errors as `path:line:col: message`, with a plainer explanation in front of the
//! messages that are known to mislead (most of all: a file cut short).

use ron::error::{Error as RonError, SpannedError};
use std::path::Path;

use super::{TextPosition, end_of};

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

//! What to tell a moderator about a RON file that cannot be read. ron words its errors
//! for Rust developers ("Expected option", "try increasing `ron::Options::recursion_limit`",
//! chrono's "premature end of input"); here each one a person editing a session file by
//! hand can meet is said again as what to write instead, at the place to change.

use ron::error::{Error as RonError, SpannedError};

use super::locate::{
    TextPosition, ends_early, fields_around, format_ron_error_with_source, position_at,
    ron_error_position,
};

/// Where a ron error should be shown and what to say, for a session file whose text is
/// `text`. `reparse` parses a changed text the same way, to learn what would be allowed
/// where the file has something ron cannot even read as a name (`non-negotiable`).
pub(crate) fn explain(
    err: &SpannedError,
    text: &str,
    reparse: &dyn Fn(&str) -> Result<(), SpannedError>,
) -> (TextPosition, String) {
    let at = ron_error_position(err);
    if text.trim().is_empty() {
        return (
            at,
            "the file is empty; a session file holds a header and the events (see docs/session-format.md)"
                .to_string(),
        );
    }
    let plain = |message: String| (skip_blanks(text, at), message);
    // A file cut short makes ron expect whatever would have come next (an option, a
    // comma, a known name); the cut is the thing to report.
    if ends_early(err, text) {
        return plain(ron_words(err, text));
    }
    match &err.code {
        RonError::ExceededRecursionLimit => plain(
            "brackets are nested too deeply here (more than 128 inside one another); a session file needs only a few, so look for brackets opened and never closed"
                .to_string(),
        ),
        RonError::ExpectedOption => {
            let at = skip_blanks(text, at);
            let value = value_at(text, at);
            let message = if value.is_empty() {
                "this value is optional: write `Some(…)` around it, or `None` for no value".into()
            } else {
                format!(
                    "this value is optional: write `Some({value})` instead of `{value}`, or `None` for no value"
                )
            };
            (at, message)
        }
        RonError::IntegerOutOfBounds => {
            // Every number in a session file is a count, an id or a length of time.
            let mut at = skip_blanks(text, at);
            // ron points past the sign of a negative number; the sign is the mistake.
            if at.col > 1
                && offset_of(text, at).is_some_and(|o| text[..o].ends_with('-'))
            {
                at.col -= 1;
            }
            let value = value_at(text, at);
            (
                at,
                format!(
                    "`{value}` is not a number this field can hold: write a whole number from 0 up, within the range section 11 of docs/session-format.md gives for it"
                ),
            )
        }
        RonError::Message(message) if chrono_reason(message).is_some() => {
            time_or_date(text, at, message)
        }
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => plain(unknown_name(found, expected, outer.as_deref())),
        RonError::MissingStructField { field, outer } => missing_field(text, at, field, outer),
        RonError::DuplicateStructField { field, outer } => plain(format!(
            "`{field}` is written twice in {}; keep one",
            record_name(outer.as_deref())
        )),
        RonError::ExpectedNamedStructLike(name) => {
            plain(format!("expected `(` to open the {name}"))
        }
        _ => hyphenated_name(text, at, reparse).unwrap_or_else(|| plain(ron_words(err, text))),
    }
}

/// ron's own message, with the plainer explanation it gets for a file cut short or not
/// text at all, without the `path:line:col: ` it is put after.
fn ron_words(err: &SpannedError, text: &str) -> String {
    let full = format_ron_error_with_source(std::path::Path::new(""), err, text);
    let prefix = format!(":{}: ", ron_error_position(err));
    full.strip_prefix(&prefix).unwrap_or(&full).to_string()
}

/// ron reports some errors at the blank before the offending value; point at the value,
/// on a later line if that is where it is written.
pub(crate) fn skip_blanks(text: &str, at: TextPosition) -> TextPosition {
    let Some(offset) = offset_of(text, at) else {
        return at;
    };
    let rest = &text[offset..];
    let value = rest.trim_start_matches([' ', '\t', '\r', '\n']);
    if value.is_empty() {
        return at;
    }
    position_at(text, offset + rest.len() - value.len())
}

/// The byte offset of a line and column (columns in characters), if the text has it.
fn offset_of(text: &str, at: TextPosition) -> Option<usize> {
    let mut line_start = 0;
    for _ in 1..at.line {
        line_start += text[line_start..].find('\n')? + 1;
    }
    let line = &text[line_start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let skip = at.col.checked_sub(1)?;
    match line.char_indices().nth(skip) {
        Some((i, _)) => Some(line_start + i),
        None if line.chars().count() == skip => Some(line_start + line.len()),
        None => None,
    }
}

/// The value written at `at`, up to the `,` or bracket that ends it (at most a line).
fn value_at(text: &str, at: TextPosition) -> String {
    let Some(offset) = offset_of(text, at) else {
        return String::new();
    };
    let rest = &text[offset..];
    let end = rest.find([',', ')', ']', '}', '\n']).unwrap_or(rest.len());
    let value = rest[..end].trim();
    if value.chars().count() > 40 {
        let cut: String = value.chars().take(40).collect();
        format!("{cut}…")
    } else {
        value.to_string()
    }
}

/// chrono's parse errors, and what each means for a person reading the value.
const CHRONO_REASONS: [(&str, &str); 7] = [
    ("premature end of input", "it stops too early"),
    (
        "input contains invalid characters",
        "it has characters that do not belong in it",
    ),
    (
        "input is out of range",
        "a number in it is out of range (a month 13, a 31st in a 30-day month, an hour 24)",
    ),
    ("trailing input", "there is more after its end"),
    (
        "no possible date and time matching input",
        "no such date or time exists",
    ),
    (
        "input is not enough for unique date and time",
        "it is incomplete",
    ),
    ("bad or unsupported format string", "it cannot be read"),
];

fn chrono_reason(message: &str) -> Option<&'static str> {
    CHRONO_REASONS
        .iter()
        .find(|(said, _)| message == *said)
        .map(|(_, reason)| *reason)
}

/// A time or date chrono could not read. ron points just inside the opening quote; the
/// message points at the quote, names the value and says how to write one.
fn time_or_date(text: &str, at: TextPosition, message: &str) -> (TextPosition, String) {
    let reason = chrono_reason(message).unwrap_or("it cannot be read");
    let Some(inside) = offset_of(text, at) else {
        return (at, format!("this time or date cannot be read: {reason}"));
    };
    let quoted = text[..inside].ends_with('"');
    let start = if quoted { inside - 1 } else { inside };
    let rest = &text[inside..];
    let value = &rest[..rest.find(['"', '\n']).unwrap_or(rest.len())];
    let field = field_before(&text[..start]);
    let is_date = field == "due" || !(value.contains('T') || value.contains(':'));
    let message = if is_date {
        format!("`{value}` is not a date: {reason}. Write a date as YYYY-MM-DD, like `2026-11-26`")
    } else {
        let after_t = value.split_once('T').map_or("", |(_, time)| time);
        let zone = after_t.ends_with('Z') || after_t.contains(['+', '-']);
        let hint = if zone {
            ""
        } else {
            " (the time zone is missing: end it with `Z` for UTC, or an offset like `+01:00`)"
        };
        format!(
            "`{value}` is not a point in time: {reason}{hint}. Write a time in RFC 3339 form, like `2026-11-12T09:30:00Z`"
        )
    };
    (position_at(text, start), message)
}

/// The field name a value written right after `before` belongs to (`due: Some(` → due).
fn field_before(before: &str) -> &str {
    let before = before.trim_end();
    let before = before.strip_suffix("Some(").unwrap_or(before).trim_end();
    let before = before.strip_suffix(':').unwrap_or(before).trim_end();
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    &before[start..]
}

/// How a message names the record or enum ron calls `outer`.
fn record_name(outer: Option<&str>) -> String {
    match outer {
        Some("Header" | "header") => "the header".to_string(),
        Some("session file") => "the session file".to_string(),
        Some(name) => format!("`{name}`"),
        None => "this record".to_string(),
    }
}

fn unknown_name(found: &str, expected: &[&str], outer: Option<&str>) -> String {
    let what = match outer {
        Some("Change") => "kind of event".to_string(),
        Some(name) => format!("`{name}`"),
        None => "name allowed here".to_string(),
    };
    let mut message = format!(
        "`{found}` is not a {what}; write one of {}",
        expected.join(", ")
    );
    if let Some(near) = nearest(found, expected) {
        message.push_str(&format!(" (did you mean `{near}`?)"));
    }
    message
}

/// A required field is missing. Usually it is there, misspelt: name the misspelling and
/// point at it, since that is what to fix.
fn missing_field(
    text: &str,
    at: TextPosition,
    field: &str,
    outer: &Option<String>,
) -> (TextPosition, String) {
    let record = record_name(outer.as_deref());
    let written = fields_around(text, at);
    let names: Vec<&str> = written
        .iter()
        .map(|(name, _)| name.as_str())
        .filter(|name| *name != field)
        .collect();
    let misspelt = names
        .iter()
        .map(|name| {
            (
                edit_distance(&name.to_lowercase(), &field.to_lowercase()),
                *name,
            )
        })
        .filter(|(d, _)| *d <= 2.max(field.chars().count() / 4))
        .min();
    if let Some((_, name)) = misspelt
        && let Some((_, place)) = written.iter().find(|(n, _)| n == name)
    {
        return (
            *place,
            format!(
                "`{name}` is not a field of {record}: did you mean `{field}`? (`{field}` is missing)"
            ),
        );
    }
    (
        skip_blanks(text, at),
        format!("`{field}` is missing from {record}"),
    )
}

/// ron stops at the `-` of a hyphenated name (`weight: non-negotiable`) with "Expected
/// comma". Reading the text again with the hyphens taken out turns that into "no such
/// name", which knows the names allowed there.
fn hyphenated_name(
    text: &str,
    at: TextPosition,
    reparse: &dyn Fn(&str) -> Result<(), SpannedError>,
) -> Option<(TextPosition, String)> {
    let offset = offset_of(text, at)?;
    let is_name = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    if !text[offset..].starts_with('-') {
        return None;
    }
    let start = text[..offset]
        .rfind(|c: char| !is_name(c))
        .map_or(0, |i| i + 1);
    let end = offset
        + text[offset..]
            .find(|c: char| !is_name(c))
            .unwrap_or(text.len() - offset);
    let word = &text[start..end];
    if start == offset || !word.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let joined = format!(
        "{}{}{}",
        &text[..start],
        word.replace('-', ""),
        &text[end..]
    );
    let place = position_at(text, start);
    match reparse(&joined) {
        Err(again) if ron_error_position(&again) == place => match &again.code {
            RonError::NoSuchEnumVariant {
                expected, outer, ..
            } => Some((place, unknown_name(word, expected, outer.as_deref()))),
            _ => None,
        },
        _ => Some((
            place,
            format!("`{word}` cannot be read here: names are written without `-` or spaces"),
        )),
    }
}

/// The known name closest to a misspelt one (ignoring case), when it is close enough to
/// be a typo.
pub fn nearest<'a>(found: &str, known: &[&'a str]) -> Option<&'a str> {
    let found = found.to_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&found, &k.to_lowercase()), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min()
        .map(|(_, k)| k)
}

/// How many single-letter edits turn `a` into `b`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

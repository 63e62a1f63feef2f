//! The session file, format version 1: a small header that a listing can read, then the
//! events. See docs/session-format.md for the field-by-field description.

use std::path::Path;

use chrono::{DateTime, Utc};
use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use crate::domain::{Event, History, PartnershipType, ReplayError, Session, Stage, Verdict};

use super::locate::{TextPosition, nth_list_element, position_at, utf8_text};
use super::messages::explain;

/// The newest format this build reads and the one it writes.
pub const FORMAT_VERSION: u32 = 1;

/// What a listing needs to know about a session without replaying it. The header is a
/// cache of the events: the events win when the two disagree, and every save rewrites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format: u32,
    pub app_version: String,
    pub id: String,
    pub title: String,
    pub partners: Vec<String>,
    pub kind: PartnershipType,
    pub stage_reached: Stage,
    pub verdict: Option<Verdict>,
    pub updated: DateTime<Utc>,
    /// The id of the session this one continues, for a follow-up meeting.
    #[serde(default)]
    pub continued_from: Option<String>,
}

impl Header {
    pub fn for_history(id: &str, continued_from: Option<&str>, history: &History) -> Header {
        Header::for_session(id, continued_from, history.session())
    }

    /// The header for `session`: what a save writes, and what a reader shows whatever
    /// the file's own header says.
    pub fn for_session(id: &str, continued_from: Option<&str>, session: &Session) -> Header {
        Header {
            format: FORMAT_VERSION,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            id: id.to_string(),
            title: session.title.clone(),
            partners: session.partners.iter().map(|p| p.name.clone()).collect(),
            kind: session.kind.clone(),
            stage_reached: session.reached,
            verdict: session.verdict,
            updated: session.updated,
            continued_from: continued_from.map(str::to_string),
        }
    }
}

/// Where a header as written in a file says something its events do not, one phrase per
/// field (`the header says title 'X' but the events say 'Y'`), values spelt as the file
/// spells them. `derived` is the header rebuilt from the events; only the fields the
/// events decide are compared, so an older `app_version` is not a disagreement.
pub fn header_disagreements(stored: &Header, derived: &Header) -> Vec<String> {
    // Text from the file may hold control characters; `check` prints to a terminal.
    let quoted = |text: &str| {
        let visible: String = text
            .chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect();
        format!("'{visible}'")
    };
    let names = |list: &[String]| {
        let quoted: Vec<String> = list.iter().map(|n| quoted(n)).collect();
        format!("[{}]", quoted.join(", "))
    };
    let time = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
    let fields = [
        ("title", quoted(&stored.title), quoted(&derived.title)),
        (
            "partners",
            names(&stored.partners),
            names(&derived.partners),
        ),
        (
            "kind",
            format!("{:?}", stored.kind),
            format!("{:?}", derived.kind),
        ),
        (
            "stage_reached",
            format!("{:?}", stored.stage_reached),
            format!("{:?}", derived.stage_reached),
        ),
        (
            "verdict",
            format!("{:?}", stored.verdict),
            format!("{:?}", derived.verdict),
        ),
        ("updated", time(stored.updated), time(derived.updated)),
    ];
    fields
        .into_iter()
        .filter(|(_, said, events)| said != events)
        .map(|(field, said, events)| {
            format!("the header says {field} {said} but the events say {events}")
        })
        .collect()
}

#[derive(Serialize)]
struct FileOut<'a> {
    header: &'a Header,
    events: &'a [Event],
}

// The serde names below appear in ron's messages ("… for struct `session file`"), so they
// are worded for the person reading the message, not after the Rust types.
#[derive(Deserialize)]
#[serde(rename = "session file")]
struct FileIn {
    header: Header,
    events: Vec<Event>,
}

/// Reads only what tells which format a file is in; every other field is skipped, so
/// this works on files from newer versions too.
#[derive(Deserialize)]
#[serde(rename = "session file")]
struct FormatProbe {
    header: FormatOnly,
}

#[derive(Deserialize)]
#[serde(rename = "header")]
struct FormatOnly {
    format: u32,
}

/// A file that cannot be used, with the place in it that is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct FileError {
    /// `path:line:col`, or just the path when no place in the text applies.
    pub location: String,
    pub message: String,
}

impl FileError {
    fn at(path: &Path, position: Option<TextPosition>, message: impl Into<String>) -> FileError {
        let location = match position {
            Some(pos) => format!("{}:{pos}", path.display()),
            None => path.display().to_string(),
        };
        FileError {
            location,
            message: message.into(),
        }
    }

    /// `reparse` reads a changed text as `text` was read (see [`explain`]).
    fn from_ron(
        path: &Path,
        err: &ron::error::SpannedError,
        text: &str,
        reparse: &dyn Fn(&str) -> Result<(), ron::error::SpannedError>,
    ) -> FileError {
        let (position, mut message) = explain(err, text, reparse);
        if !looks_like_a_session(text) {
            message = format!(
                "this is not a sameside session file (it should start with `(` and a header): {message}"
            );
        }
        FileError::at(path, Some(position), message)
    }
}

/// A session file starts (after blanks and comments) with `(`, or a struct name and `(`.
fn looks_like_a_session(text: &str) -> bool {
    let mut rest = text.trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r).trim_start();
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r).trim_start();
        } else if let Some(after) = rest.strip_prefix("#!") {
            rest = after.split_once('\n').map_or("", |(_, r)| r).trim_start();
        } else {
            break;
        }
    }
    let rest = rest
        .trim_start_matches(|c: char| c.is_alphanumeric() || c == '_')
        .trim_start();
    rest.is_empty() || rest.starts_with('(')
}

/// Writes the whole session as RON text.
pub fn encode(header: &Header, history: &History) -> Result<String, ron::Error> {
    encode_events(header, history.events())
}

/// Writes a header and an event record as RON text.
pub fn encode_events(header: &Header, events: &[Event]) -> Result<String, ron::Error> {
    // One event per line keeps files diffable and easy to read or write by hand.
    let pretty = PrettyConfig::new()
        .struct_names(false)
        .depth_limit(2)
        .separate_tuple_members(false)
        .indentor("  ".to_string());
    ron::ser::to_string_pretty(&FileOut { header, events }, pretty)
}

fn position_of(text: &str, needle: &str) -> Option<TextPosition> {
    text.find(needle).map(|offset| position_at(text, offset))
}

/// Where `format: N` is written, skipping the word "format" inside titles and other text.
fn format_field_position(text: &str, number: u32) -> Option<TextPosition> {
    let digits = number.to_string();
    text.match_indices("format").find_map(|(offset, word)| {
        let after = text[offset + word.len()..].trim_start();
        let value = after.strip_prefix(':')?.trim_start();
        let rest = value.strip_prefix(digits.as_str())?;
        let ends = rest.chars().next().is_none_or(|c| !c.is_ascii_digit());
        ends.then(|| position_at(text, offset))
    })
}

fn as_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, FileError> {
    utf8_text(bytes).map_err(|bad| {
        let message = if bad.cut_short {
            "the file ends early, in the middle of a character (truncated?)"
        } else {
            "this is not UTF-8 text; a session file is plain text"
        };
        FileError::at(path, Some(bad.at), message)
    })
}

fn check_format(path: &Path, text: &str) -> Result<(), FileError> {
    // Even the probe stops at text ron cannot read at all; what would be allowed there
    // is known only to the whole session's reading.
    let reparse = |t: &str| ron::from_str::<FileIn>(t).map(|_| ());
    let probe: FormatProbe =
        ron::from_str(text).map_err(|e| FileError::from_ron(path, &e, text, &reparse))?;
    if probe.header.format > FORMAT_VERSION {
        return Err(FileError::at(
            path,
            format_field_position(text, probe.header.format),
            format!(
                "written by a newer sameside (format {}); this version reads format {FORMAT_VERSION} and older. The file is left as it is",
                probe.header.format
            ),
        ));
    }
    if probe.header.format == 0 {
        return Err(FileError::at(
            path,
            format_field_position(text, 0),
            "format 0 does not exist; the first format is 1",
        ));
    }
    Ok(())
}

/// Parses a whole session file, header and events, without replaying the events: a
/// replay applies them itself so it can show everything before an event that fails.
/// Syntax and format problems are reported at `path:line:col`, exactly as by `decode`.
pub fn decode_record(path: &Path, bytes: &[u8]) -> Result<(Header, Vec<Event>), FileError> {
    let text = as_text(path, bytes)?;
    check_format(path, text)?;
    let reparse = |t: &str| ron::from_str::<FileIn>(t).map(|_| ());
    let file: FileIn =
        ron::from_str(text).map_err(|e| FileError::from_ron(path, &e, text, &reparse))?;
    if file.events.is_empty() {
        return Err(FileError::at(
            path,
            position_of(text, "events"),
            "the session has no events; the first event must be Created",
        ));
    }
    Ok((file.header, file.events))
}

/// Words a replay failure at the place in the file where the failing event is written.
/// `bytes` must be the file the events were parsed from.
pub fn replay_error_at(path: &Path, bytes: &[u8], error: &ReplayError) -> FileError {
    // The text already parsed once; were it not text now, the path alone still says
    // which file it is.
    let position = as_text(path, bytes)
        .ok()
        .and_then(|text| nth_list_element(text, "events", error.index));
    FileError::at(
        path,
        position,
        format!(
            "event {} cannot be applied: {}",
            error.index + 1,
            error.error
        ),
    )
}

/// Reads a whole session and rebuilds its state, checking every event. The header
/// returned is rebuilt from the events (the file's own header is only a cache of them),
/// so nothing downstream can show or save a stale title, stage or verdict.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<(Header, History), FileError> {
    decode_as_written(path, bytes).map(|d| (d.header, d.history))
}

/// A session read from a file, with its header both as the events say and as written.
#[derive(Debug)]
pub struct Decoded {
    /// Rebuilt from the events; what every reader should use.
    pub header: Header,
    pub history: History,
    /// As the file wrote it, for saying where it disagrees ([`header_disagreements`]).
    pub written: Header,
}

/// Like [`decode`], keeping the header as written too.
pub fn decode_as_written(path: &Path, bytes: &[u8]) -> Result<Decoded, FileError> {
    let (written, events) = decode_record(path, bytes)?;
    let history = History::from_events(events).map_err(|e| replay_error_at(path, bytes, &e))?;
    let header = Header::for_history(&written.id, written.continued_from.as_deref(), &history);
    Ok(Decoded {
        header,
        history,
        written,
    })
}

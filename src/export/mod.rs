//! Session notes for people who were not at the wall: Markdown and HTML documents that read
//! like a consultant's hand-over, JSON for other tools, CSV for spreadsheets. Everything
//! here turns a loaded session into text; nothing knows about terminals or writes files.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
mod notes;
mod rounds;
mod words;

pub use notes::{GateOutcome, Notes, Pile};

/// The formats `sameside export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Json,
    Csv,
}

impl Format {
    /// The format a file name asks for, by its extension.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

/// Which table a CSV export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvTable {
    Actions,
    Conflicts,
}

/// Minutes, rounded, for "planned vs actual" tables.
pub fn minutes(seconds: u64) -> u64 {
    (seconds + 30) / 60
}

/// Why the notes could not be turned into text. Only JSON can fail: serde refuses a
/// value it cannot write, which would be a defect here rather than anything in the room.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write JSON: {0}")]
    Json(String),
}

impl ExportError {
    /// What the moderator can do about it, in a few words for the status line.
    pub fn advice(&self) -> &'static str {
        match self {
            ExportError::Json(_) => "export another format and report this as a bug",
        }
    }
}

/// The text of the notes in `format`. CSV holds one table; the caller says which.
pub fn render(notes: &Notes, format: Format, table: CsvTable) -> Result<String, ExportError> {
    match format {
        Format::Markdown => Ok(markdown::markdown(notes)),
        Format::Html => Ok(html::html(notes)),
        Format::Json => json::json(notes).map_err(|e| ExportError::Json(e.to_string())),
        Format::Csv => Ok(csv::csv(notes, table)),
    }
}

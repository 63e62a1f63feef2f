//! `sameside export FILE`: the session's notes as Markdown, HTML, JSON or CSV.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::export::{CsvTable, Format, Notes, render};
use crate::storage::atomic::write_atomically;
use crate::storage::store::read_session;

use super::output::{Out, note};
use super::safe_text;

/// What `export` was asked for.
pub(super) struct Request<'a> {
    pub file: &'a Path,
    pub format: Option<Format>,
    pub output: Option<&'a Path>,
    pub table: Option<CsvTable>,
}

pub(super) fn export(out: &mut Out, request: &Request) -> io::Result<ExitCode> {
    let Request {
        file,
        format,
        output,
        table,
    } = *request;
    let (header, history) = match read_session(file) {
        Ok(loaded) => loaded,
        Err(e) => {
            // The same message as `check`, and nothing written.
            note(e.to_string());
            return Ok(ExitCode::from(1));
        }
    };
    let format = format
        .or_else(|| output.and_then(Format::from_extension))
        .unwrap_or(Format::Markdown);
    let notes = Notes::new(&history, &header, chrono::Utc::now());
    let outputs: Vec<(Option<PathBuf>, CsvTable)> = match (format, output, table) {
        (Format::Csv, None, None) => {
            note(
                "sameside: CSV on standard output holds one table: add --table actions or --table conflicts",
            );
            return Ok(ExitCode::from(2));
        }
        (Format::Csv, Some(out), None) => {
            let stem = out.with_extension("");
            let named = |suffix: &str| PathBuf::from(format!("{}-{suffix}.csv", stem.display()));
            vec![
                (Some(named("actions")), CsvTable::Actions),
                (Some(named("conflicts")), CsvTable::Conflicts),
            ]
        }
        (_, out, table) => vec![(
            out.map(Path::to_path_buf),
            table.unwrap_or(CsvTable::Actions),
        )],
    };
    for (target, table) in outputs {
        let text = match render(&notes, format, table) {
            Ok(text) => text,
            Err(e) => {
                note(format!("sameside: {e}"));
                return Ok(ExitCode::from(2));
            }
        };
        match target {
            None => {
                // A pipe or a file gets the bytes the format defines. A terminal would act
                // on control characters a CSV cell or a JSON string may carry (C1 codes
                // stay raw in both), so there they are shown, not obeyed.
                if io::stdout().is_terminal() {
                    out.write_all(safe_text::multiline(&text).as_bytes())?;
                } else {
                    out.write_all(text.as_bytes())?;
                }
            }
            Some(path) => {
                // Atomic, so a failed write never leaves half a document behind.
                if let Err(e) = write_atomically(&path, text.as_bytes()) {
                    note(format!("sameside: cannot write {}: {e}", path.display()));
                    return Ok(ExitCode::from(1));
                }
                note(format!("wrote {}", path.display()));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

//! `sameside list`: the sessions in the sessions directory as a table, newest first.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::storage::Listed;
use crate::storage::dirs::SessionsDir;
use crate::storage::store::list_sessions;

use super::output::{Out, note};
use super::safe_text;

pub(super) fn list(out: &mut Out, dir: &SessionsDir, tsv: bool) -> io::Result<ExitCode> {
    let entries = match list_sessions(&dir.path) {
        Ok(entries) => entries,
        Err(e) => {
            note(format!("sameside: {}: {e}", dir.path.display()));
            return Ok(ExitCode::from(2));
        }
    };
    let mut rows: Vec<[String; 7]> = vec![[
        "UPDATED".into(),
        "STAGE".into(),
        "VERDICT".into(),
        "TYPE".into(),
        "PARTNERS".into(),
        "TITLE".into(),
        "FILE".into(),
    ]];
    for entry in &entries {
        let file = entry.path().display().to_string();
        rows.push(match entry {
            Listed::Readable { header, .. } => [
                header.updated.format("%Y-%m-%d %H:%M").to_string(),
                header.stage_reached.label().to_string(),
                header
                    .verdict
                    .map_or("-".to_string(), |v| v.label().to_string()),
                header.kind.label(),
                header.partners.join(", "),
                header.title.clone(),
                file,
            ],
            Listed::Damaged { error, .. } => [
                "-".into(),
                "DAMAGED".into(),
                "-".into(),
                "-".into(),
                "-".into(),
                error.to_string(),
                file,
            ],
        });
    }
    if entries.is_empty() {
        note(format!("no sessions in {}", dir.path.display()));
    }
    // One row per line whatever the titles contain, and columns aligned by display width
    // so CJK and emoji titles do not push the file names out of line. Control characters
    // are made visible before measuring, so the escapes are counted in the widths.
    for row in &mut rows {
        for cell in row.iter_mut() {
            *cell = safe_text::one_line(&cell.replace(['\t', '\n', '\r'], " "));
        }
    }
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let widths: Vec<usize> = (0..7)
        .map(|c| rows.iter().map(|r| width(&r[c])).max().unwrap_or(0))
        .collect();
    for row in &rows {
        let line = if tsv {
            row.join("\t")
        } else {
            row.iter()
                .enumerate()
                .map(|(c, text)| {
                    if c == 6 {
                        text.clone()
                    } else {
                        format!(
                            "{text}{}",
                            " ".repeat(widths[c].saturating_sub(width(text)))
                        )
                    }
                })
                .collect::<Vec<_>>()
                .join("  ")
        };
        writeln!(out, "{line}")?;
    }
    Ok(ExitCode::SUCCESS)
}

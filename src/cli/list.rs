//! `sameside list`: the sessions in the sessions directory as a table, newest first.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::storage::Listed;
use crate::storage::dirs::{SessionsDir, resolve_cache_dir};
use crate::storage::list_cache::ListCache;
use crate::storage::listing::{CHECKS_UP_FRONT, check_first, scan};

use super::output::{Out, note};
use super::safe_text;

pub(super) fn list(out: &mut Out, dir: &SessionsDir, tsv: bool) -> io::Result<ExitCode> {
    let cache_dir = resolve_cache_dir(std::env::var_os("SAMESIDE_CACHE_DIR"));
    let mut cache = ListCache::load(cache_dir.as_deref(), &dir.path);
    let mut entries = match scan(&dir.path, &mut cache) {
        Ok(entries) => entries,
        Err(e) => {
            note(format!("sameside: {}: {e}", dir.path.display()));
            return Ok(ExitCode::from(2));
        }
    };
    // The newest first: they are the ones most likely to be looked at.
    check_first(&mut entries, &mut cache, CHECKS_UP_FRONT);
    // Saving only saves time later; a cache that cannot be written changes nothing.
    let _ = cache.save();
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
            Listed::Skipped { reason, .. } => [
                "-".into(),
                "SKIPPED".into(),
                "-".into(),
                "-".into(),
                "-".into(),
                format!("{file}: {reason}"),
                file,
            ],
        });
    }
    if entries.is_empty() {
        note(format!("no sessions in {}", dir.path.display()));
    }
    let unchecked = entries.iter().filter(|e| e.is_unchecked()).count();
    if unchecked > 0 {
        note(format!(
            "{unchecked} of {} sessions are listed from their headers, not yet checked against their events; `sameside check FILE…` or the session list (`sameside`) checks them, and each `sameside list` checks {CHECKS_UP_FRONT} more",
            entries.len()
        ));
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

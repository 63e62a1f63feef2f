//! `sameside themes`: the shipped and the user's themes, with their lowest contrast.

use std::io;
use std::process::ExitCode;

use crate::storage::dirs::resolve_themes_dir;
use crate::theme::Catalog;
use crate::theme::measure::{Need, lowest};

use super::output::{Out, line, note};
use super::safe_text;

/// A contrast ratio rounded down, so the listing never claims more than was measured.
fn ratio_text(ratio: Option<f64>) -> String {
    ratio.map_or("-".to_string(), |r| {
        format!("{:.1}:1", (r * 10.0).floor() / 10.0)
    })
}

pub(super) fn themes(out: &mut Out, catalog: &Catalog) -> io::Result<ExitCode> {
    let mut rows: Vec<[String; 6]> = vec![[
        "NAME".into(),
        "KIND".into(),
        "TEXT".into(),
        "MUTED".into(),
        "ORIGIN".into(),
        "STATUS".into(),
    ]];
    for entry in &catalog.entries {
        let origin = if entry.overrides_shipped {
            format!("{} (overrides shipped)", entry.origin)
        } else {
            entry.origin.to_string()
        };
        rows.push(match &entry.palette {
            Ok(palette) => [
                entry.name.clone(),
                palette.kind().to_string(),
                ratio_text(lowest(palette, Need::Text)),
                ratio_text(lowest(palette, Need::Muted)),
                origin,
                "ok".into(),
            ],
            Err(e) => [
                entry.name.clone(),
                "-".into(),
                "-".into(),
                "-".into(),
                origin,
                e.to_string(),
            ],
        });
    }
    // Theme names come from file names and messages quote theme files: made visible
    // before measuring, so the columns line up with what is printed.
    for row in &mut rows {
        for cell in row.iter_mut() {
            *cell = safe_text::one_line(&cell.replace(['\t', '\n', '\r'], " "));
        }
    }
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| width(&r[c])).max().unwrap_or(0))
        .collect();
    for row in &rows {
        let text: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, text)| {
                if c == 5 {
                    text.clone()
                } else {
                    format!(
                        "{text}{}",
                        " ".repeat(widths[c].saturating_sub(width(text)))
                    )
                }
            })
            .collect();
        line(out, text.join("  "))?;
    }
    if let Some(error) = &catalog.dir_error {
        line(out, error)?;
    }
    match resolve_themes_dir(std::env::var_os("SAMESIDE_CONFIG_DIR")) {
        Some(dir) => note(format!(
            "your own themes go in {}/NAME.ron (from {}); TEXT and MUTED are the lowest contrast, truecolour or 256 colours",
            dir.path.display(),
            dir.source
        )),
        None => note("no home directory: set SAMESIDE_CONFIG_DIR to use your own themes"),
    }
    if catalog.has_errors() {
        Ok(ExitCode::from(1))
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

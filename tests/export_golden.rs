//! Golden files for the exports of the two shipped example sessions: the Markdown notes,
//! the JSON export and both CSV tables, exactly as `sameside export` would write them.
//! A change to any exporter shows up here as a diff a reviewer can read.
//!
//! To rewrite the files after an intended change:
//! `SAMESIDE_WRITE_GOLDEN=1 cargo test --test export_golden`, then read the diff.

use std::path::PathBuf;

use chrono::{DateTime, TimeZone, Utc};
use sameside::export::csv::csv;
use sameside::export::json::json;
use sameside::export::markdown::markdown;
use sameside::export::{CsvTable, Notes};
use sameside::storage::store::read_session;

/// The shipped examples, each with the stem its golden files are named after.
const EXAMPLES: [(&str, &str); 2] = [
    (
        "2026-11-12-northwind-globex-plant-floor-analytics.ron",
        "northwind-globex",
    ),
    (
        "2026-11-19-acme-robotics-initech-vision-embedded-oem-deal.ron",
        "acme-initech",
    ),
];

/// A fixed "generated" time, so the files do not change from run to run.
fn generated() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every export of one example, as (golden file name, text).
fn exports(file: &str, stem: &str) -> Vec<(String, String)> {
    let path = root().join("sessions").join(file);
    let (header, history) =
        read_session(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let notes = Notes::new(&history, &header, generated());
    vec![
        (format!("{stem}.md"), markdown(&notes)),
        (format!("{stem}.json"), json(&notes).unwrap()),
        (
            format!("{stem}-actions.csv"),
            csv(&notes, CsvTable::Actions),
        ),
        (
            format!("{stem}-conflicts.csv"),
            csv(&notes, CsvTable::Conflicts),
        ),
    ]
}

/// Compares `text` with its golden file, or rewrites the file when asked to.
fn check(name: &str, text: &str) -> Result<(), String> {
    let path = root().join("tests").join("golden").join(name);
    if std::env::var_os("SAMESIDE_WRITE_GOLDEN").is_some() {
        // Atomic, so a test reading the file at the same time never sees half of it.
        sameside::storage::atomic::write_atomically(&path, text.as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let golden = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e} (run with SAMESIDE_WRITE_GOLDEN=1 to create it)",
            path.display()
        )
    })?;
    if golden == text {
        return Ok(());
    }
    // Name the first line that differs: a whole document in an assert message is unreadable.
    let (line, (want, got)) = golden
        .split('\n')
        .zip(text.split('\n'))
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .unwrap_or((0, ("(lengths differ)", "")));
    Err(format!(
        "{} is out of date (SAMESIDE_WRITE_GOLDEN=1 rewrites it); first difference at line {}:\n  golden: {want:?}\n  now:    {got:?}",
        path.display(),
        line + 1
    ))
}

fn check_all(suffix: &str) {
    let mut failures = Vec::new();
    for (file, stem) in EXAMPLES {
        for (name, text) in exports(file, stem) {
            if name.ends_with(suffix)
                && let Err(e) = check(&name, &text)
            {
                failures.push(e);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn exported_markdown_matches_its_golden_files() {
    check_all(".md");
}

#[test]
fn exported_json_matches_its_golden_files() {
    check_all(".json");
}

#[test]
fn exported_csv_tables_match_their_golden_files() {
    check_all(".csv");
}

#[test]
fn exports_do_not_depend_on_anything_but_the_session_and_the_time() {
    // Run twice: nothing may come from a hash map's order or the clock.
    for (file, stem) in EXAMPLES {
        assert_eq!(exports(file, stem), exports(file, stem));
    }
}

//! The shipped example sessions as text, and small edits of it, for tests that damage a
//! file on purpose and check where the error points.

#![allow(dead_code)]

use std::fs;
use std::path::PathBuf;

pub const NORTHWIND: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";
pub const ACME: &str = "2026-11-19-acme-robotics-initech-vision-embedded-oem-deal.ron";

/// Where a shipped example lives.
pub fn shipped(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(name)
}

/// A shipped example's text.
pub fn example(name: &str) -> String {
    let path = shipped(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn northwind() -> String {
    example(NORTHWIND)
}

/// Replaces the first occurrence of `from`, which must be there.
#[track_caller]
pub fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(
        text.contains(from),
        "the example no longer contains {from:?}"
    );
    text.replacen(from, to, 1)
}

/// Byte offset of the first `needle`, which must be there.
#[track_caller]
pub fn offset(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("the example no longer contains {needle:?}"))
}

/// Line and column (1-based, columns in characters) of the byte at `offset`, the way an
/// editor shows it.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Line and column of the first `needle` at or after byte `from`.
#[track_caller]
pub fn pos_after(text: &str, from: usize, needle: &str) -> (usize, usize) {
    line_col(text, from + offset(&text[from..], needle))
}

/// Line and column of the first `needle`.
#[track_caller]
pub fn pos_of(text: &str, needle: &str) -> (usize, usize) {
    line_col(text, offset(text, needle))
}

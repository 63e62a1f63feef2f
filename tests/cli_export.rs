//! `sameside export` from the command line: formats, where the notes go, and what
//! happens with a damaged session or an output that cannot be written.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NORTHWIND: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";

fn shipped(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(name)
}

fn sameside(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sameside"))
        .args(args)
        .env_remove("SAMESIDE_DIR")
        .output()
        .unwrap_or_else(|e| panic!("cannot run sameside: {e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn markdown_goes_to_standard_output_by_default() {
    let file = shipped(NORTHWIND);
    let out = sameside(&["export", file.to_str().unwrap_or_default()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let notes = text(&out.stdout);
    assert!(notes.starts_with('#'), "{notes}");
    assert!(notes.contains("Northwind"), "{notes}");
}

#[test]
fn the_format_follows_the_output_extension_and_the_file_is_written() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = shipped(NORTHWIND);
    for (name, starts) in [("notes.html", "<!"), ("notes.json", "{"), ("notes.md", "#")] {
        let out_path = dir.path().join(name);
        let out = sameside(&[
            "export",
            file.to_str().unwrap_or_default(),
            "-o",
            out_path.to_str().unwrap_or_default(),
        ]);
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        let written = std::fs::read_to_string(&out_path).unwrap_or_default();
        assert!(
            written
                .trim_start()
                .to_ascii_lowercase()
                .starts_with(starts),
            "{name}: {}",
            &written[..written.len().min(80)]
        );
        assert!(
            text(&out.stderr).contains(name),
            "says where: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn csv_without_a_table_writes_both_tables_next_to_out() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = shipped(NORTHWIND);
    let out_path = dir.path().join("notes.csv");
    let out = sameside(&[
        "export",
        file.to_str().unwrap_or_default(),
        "-o",
        out_path.to_str().unwrap_or_default(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        files_in(dir.path()),
        vec!["notes-actions.csv", "notes-conflicts.csv"]
    );
    // On standard output CSV needs one table named.
    let out = sameside(&[
        "export",
        file.to_str().unwrap_or_default(),
        "--format",
        "csv",
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--table"),
        "{}",
        text(&out.stderr)
    );
    let out = sameside(&[
        "export",
        file.to_str().unwrap_or_default(),
        "--format",
        "csv",
        "--table",
        "actions",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Pick two pilot customers"));
}

#[test]
fn a_damaged_session_gives_the_check_message_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let damaged = dir.path().join("damaged.ron");
    let original = std::fs::read_to_string(shipped(NORTHWIND)).unwrap_or_default();
    std::fs::write(&damaged, &original[..original.len() / 2]).unwrap_or_else(|e| panic!("{e}"));
    let out_path = dir.path().join("notes.md");
    let out = sameside(&[
        "export",
        damaged.to_str().unwrap_or_default(),
        "-o",
        out_path.to_str().unwrap_or_default(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let check = sameside(&["check", damaged.to_str().unwrap_or_default()]);
    assert_eq!(text(&out.stderr).trim(), text(&check.stdout).trim());
    assert!(
        text(&out.stderr).contains("damaged.ron:"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(files_in(dir.path()), vec!["damaged.ron"]);
}

#[test]
fn an_output_that_cannot_be_written_fails_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = shipped(NORTHWIND);
    // A directory where the file should go: no write can succeed, even as root.
    let blocked = dir.path().join("notes.md");
    std::fs::create_dir(&blocked).unwrap_or_else(|e| panic!("{e}"));
    let out = sameside(&[
        "export",
        file.to_str().unwrap_or_default(),
        "-o",
        blocked.to_str().unwrap_or_default(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("cannot write"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(files_in(dir.path()), vec!["notes.md"]);
    let missing = dir.path().join("no-such-dir").join("notes.md");
    let out = sameside(&[
        "export",
        file.to_str().unwrap_or_default(),
        "-o",
        missing.to_str().unwrap_or_default(),
    ]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_unknown_format_is_refused_by_name() {
    let file = shipped(NORTHWIND);
    let out = sameside(&[
        "export",
        file.to_str().unwrap_or_default(),
        "--format",
        "pdf",
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("md, html, json or csv"),
        "{}",
        text(&out.stderr)
    );
}

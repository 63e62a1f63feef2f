//! The real binary given files written to attack the terminal that shows them, and run
//! into readers that go away: what it prints must never drive the terminal, and a
//! closed pipe ends it quietly.

#[path = "common/cli_run.rs"]
mod cli_run;
use cli_run::{Run, finish, prepared};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const NORTHWIND: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";
const NORTHWIND_TITLE: &str = "Northwind × Globex: plant-floor analytics";

/// Clears the screen, sets the window title, and (OSC 52) writes to the clipboard; then
/// a C1 CSI and a DEL.
const EVIL_TITLE: &str = "Plan\u{1b}[2J\u{1b}]0;pwned\u{7} done\u{9b}31m\u{7f}";
const EVIL_PARTNER: &str = "Northwind\u{1b}]52;c;cm0gLXJmIH4=\u{7}";
const SHOWN_TITLE: &str = "Plan\\e[2J\\e]0;pwned\\x07 done\\u{9b}31m\\x7f";
const SHOWN_PARTNER: &str = "Northwind\\e]52;c;cm0gLXJmIH4=\\x07";

fn shipped(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(name)
}

/// `sameside <args>` with its caches and configuration kept inside `home`.
fn command(home: &Path, args: &[&str]) -> Command {
    let binary = Command::new(env!("CARGO_BIN_EXE_sameside"));
    prepared(binary, args, home, &home.join("cache"))
}

fn sameside(home: &Path, args: &[&str]) -> Run {
    finish(command(home, args))
}

/// The northwind example with the evil title and first partner name written into it as
/// raw characters, header and events alike.
fn evil_northwind() -> String {
    let text = fs::read_to_string(shipped(NORTHWIND)).unwrap();
    text.replace(
        &format!("\"{NORTHWIND_TITLE}\""),
        &format!("\"{EVIL_TITLE}\""),
    )
    .replace("\"Northwind Analytics\"", &format!("\"{EVIL_PARTNER}\""))
}

fn no_raw_controls(text: &str) -> bool {
    !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// A home with `sessions/` holding only the evil session.
fn evil_home() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let sessions = home.path().join("sessions");
    fs::create_dir(&sessions).unwrap();
    let file = sessions.join(NORTHWIND);
    fs::write(&file, evil_northwind()).unwrap();
    (home, file)
}

#[test]
fn list_tsv_shows_escape_sequences_in_a_title_and_a_partner_as_visible_text() {
    let (home, file) = evil_home();
    let dir = home.path().join("sessions");

    let out = sameside(
        home.path(),
        &["--dir", dir.to_str().unwrap(), "list", "--tsv"],
    );

    assert_eq!(out.code, Some(0), "{out:?}");
    let expected = format!(
        "UPDATED\tSTAGE\tVERDICT\tTYPE\tPARTNERS\tTITLE\tFILE\n\
         2026-11-12 12:15\tSummary\tproceed with conditions\tsystem integrator\t{SHOWN_PARTNER}, Globex Integration\t{SHOWN_TITLE}\t{}\n",
        file.display()
    );
    assert_eq!(out.stdout, expected);
}

#[test]
fn list_shows_escape_sequences_as_visible_text_and_aligns_what_it_shows() {
    let (home, file) = evil_home();
    let dir = home.path().join("sessions");

    let out = sameside(home.path(), &["--dir", dir.to_str().unwrap(), "list"]);

    assert_eq!(out.code, Some(0), "{out:?}");
    let partners = format!("{SHOWN_PARTNER}, Globex Integration");
    let pad = |text: &str, width: usize| format!("{text:<width$}");
    let expected = format!(
        "{}  {}  {}  {}  {}  {}  FILE\n{}  {}  {}  {}  {}  {}  {}\n",
        pad("UPDATED", 16),
        pad("STAGE", 7),
        pad("VERDICT", 23),
        pad("TYPE", 17),
        pad("PARTNERS", partners.len()),
        pad("TITLE", SHOWN_TITLE.len()),
        "2026-11-12 12:15",
        "Summary",
        "proceed with conditions",
        "system integrator",
        partners,
        SHOWN_TITLE,
        file.display()
    );
    assert_eq!(out.stdout, expected);
}

#[test]
fn check_shows_escape_sequences_in_a_title_as_visible_text() {
    let (home, file) = evil_home();

    let out = sameside(home.path(), &["check", file.to_str().unwrap()]);

    assert_eq!(out.code, Some(0), "{out:?}");
    let expected_start = format!("{}: ok — '{SHOWN_TITLE}', 2 partners, ", file.display());
    assert!(out.stdout.starts_with(&expected_start), "{out:?}");
    assert!(no_raw_controls(&out.stdout), "{out:?}");
}

#[test]
fn a_file_name_holding_an_escape_is_shown_escaped_by_list_and_check() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    fs::create_dir(&dir).unwrap();
    let file = dir.join("cut\u{1b}[2J.ron");
    fs::write(&file, "(header: (format: 1,").unwrap();
    let shown = format!("{}/cut\\e[2J.ron", dir.display());

    let list = sameside(
        home.path(),
        &["--dir", dir.to_str().unwrap(), "list", "--tsv"],
    );
    let check = sameside(home.path(), &["check", file.to_str().unwrap()]);

    assert_eq!(list.code, Some(0), "{list:?}");
    let row = list.stdout.lines().nth(1).expect("a row for the file");
    let cells: Vec<&str> = row.split('\t').collect();
    assert_eq!(cells[1], "DAMAGED", "{list:?}");
    assert!(cells[5].starts_with(&format!("{shown}:1:")), "{list:?}");
    assert_eq!(cells[6], shown, "{list:?}");
    assert!(no_raw_controls(&list.stdout), "{list:?}");

    assert_eq!(check.code, Some(1), "{check:?}");
    assert!(
        check.stdout.starts_with(&format!("{shown}:1:")),
        "{check:?}"
    );
    assert!(no_raw_controls(&check.stdout), "{check:?}");
}

#[test]
fn error_messages_on_standard_error_show_escapes_in_file_names() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("gone\u{1b}]0;x\u{7}.ron");

    let out = sameside(home.path(), &["export", missing.to_str().unwrap()]);

    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(out.stderr.contains("gone\\e]0;x\\x07.ron"), "{out:?}");
    assert!(no_raw_controls(&out.stderr), "{out:?}");
}

#[test]
fn export_to_a_pipe_keeps_the_bytes_the_format_defines() {
    let (home, file) = evil_home();

    let out = sameside(
        home.path(),
        &[
            "export",
            file.to_str().unwrap(),
            "--format",
            "csv",
            "--table",
            "actions",
        ],
    );

    assert_eq!(out.code, Some(0), "{out:?}");
    // Not a terminal: the document is what a spreadsheet expects, untouched here.
    assert!(out.stdout.contains("Sam Reyes"), "{out:?}");
}

// ---------------------------------------------------------------- a reader that leaves

/// Runs `sameside <args>` writing into a pipe whose reading end is already closed, and
/// returns its exit status and standard error.
fn into_closed_pipe(home: &Path, args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = command(home, args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_command_that_prints_ends_quietly_when_the_reader_has_gone() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    fs::create_dir(&dir).unwrap();
    fs::copy(shipped(NORTHWIND), dir.join(NORTHWIND)).unwrap();
    let file = dir.join(NORTHWIND);
    let dir = dir.to_str().unwrap();
    let file = file.to_str().unwrap();

    for args in [
        vec!["--dir", dir, "list"],
        vec!["--dir", dir, "list", "--tsv"],
        vec!["check", file],
        vec!["export", file],
        vec!["export", file, "--format", "json"],
    ] {
        let (code, stderr) = into_closed_pipe(home.path(), &args);
        assert!(
            matches!(code, Some(0 | 141)),
            "{args:?}: exit {code:?}, {stderr}"
        );
        assert_eq!(stderr, "", "{args:?}");
    }
    // `themes` also tells on standard error where the user's themes go; that line is
    // not about the pipe and may stay.
    let (code, stderr) = into_closed_pipe(home.path(), &["themes"]);
    assert!(
        matches!(code, Some(0 | 141)),
        "themes: exit {code:?}, {stderr}"
    );
    assert!(
        !stderr.contains("Broken pipe") && !stderr.contains("panicked"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------- entries that are no file

#[cfg(unix)]
#[test]
fn list_names_directories_pipes_and_dangling_links_as_skipped_rows_after_the_sessions() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    fs::create_dir(&dir).unwrap();
    fs::copy(shipped(NORTHWIND), dir.join(NORTHWIND)).unwrap();
    fs::create_dir(dir.join("folder.ron")).unwrap();
    let fifo = dir.join("pipe.ron");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates the node.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    std::os::unix::fs::symlink(dir.join("nowhere.ron"), dir.join("gone.ron")).unwrap();
    // Another part of sameside keeps deleted sessions here; never listed.
    fs::create_dir(dir.join("trash")).unwrap();
    fs::copy(shipped(NORTHWIND), dir.join("trash").join(NORTHWIND)).unwrap();

    let out = sameside(
        home.path(),
        &["--dir", dir.to_str().unwrap(), "list", "--tsv"],
    );

    assert_eq!(out.code, Some(0), "{out:?}");
    let rows: Vec<Vec<&str>> = out
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    let summary: Vec<[String; 3]> = rows
        .iter()
        .map(|r| [r[1].to_string(), r[5].to_string(), r[6].to_string()])
        .collect();
    let at = |name: &str| dir.join(name).display().to_string();
    let skipped = |name: &str, reason: &str| {
        [
            "SKIPPED".to_string(),
            format!("{}: {reason}", at(name)),
            at(name),
        ]
    };
    assert_eq!(
        summary,
        vec![
            [
                "Summary".to_string(),
                NORTHWIND_TITLE.to_string(),
                at(NORTHWIND)
            ],
            skipped("folder.ron", "not a regular file"),
            skipped("gone.ron", "dangling link"),
            skipped("pipe.ron", "not a regular file"),
        ]
    );
}

// ---------------------------------------------------------------- a large folder

/// `count` copies of the northwind example, dated one minute apart, the oldest first.
fn many_sessions(dir: &Path, count: usize) {
    let text = fs::read_to_string(shipped(NORTHWIND)).unwrap();
    for i in 0..count {
        fs::write(dir.join(format!("s{i:03}.ron")), &text).unwrap();
    }
}

#[test]
fn list_of_a_large_folder_says_how_many_rows_are_not_yet_checked_and_check_fills_them_in() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    fs::create_dir(&dir).unwrap();
    many_sessions(&dir, 45);
    let dir_arg = dir.to_str().unwrap();

    let first = sameside(home.path(), &["--dir", dir_arg, "list", "--tsv"]);
    let second = sameside(home.path(), &["--dir", dir_arg, "list", "--tsv"]);

    assert_eq!(first.code, Some(0), "{first:?}");
    assert_eq!(first.stdout.lines().count(), 46, "{first:?}");
    assert!(
        first
            .stderr
            .starts_with("25 of 45 sessions are listed from their headers"),
        "{first:?}"
    );
    assert!(first.stderr.contains("sameside check"), "{first:?}");
    // Each run checks more, and remembers what it checked.
    assert!(second.stderr.starts_with("5 of 45 sessions"), "{second:?}");
    assert_eq!(second.stdout, first.stdout);

    let mut args = vec!["check"];
    let files: Vec<String> = (0..45)
        .map(|i| dir.join(format!("s{i:03}.ron")).display().to_string())
        .collect();
    args.extend(files.iter().map(String::as_str));
    let check = sameside(home.path(), &args);
    assert_eq!(check.code, Some(0), "{check:?}");

    let after = sameside(home.path(), &["--dir", dir_arg, "list", "--tsv"]);
    assert_eq!(after.stderr, "", "{after:?}");
    assert_eq!(after.stdout, first.stdout);
}

#[test]
fn a_file_cut_short_in_a_large_folder_is_listed_as_damaged_at_once() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    fs::create_dir(&dir).unwrap();
    many_sessions(&dir, 45);
    let text = fs::read_to_string(shipped(NORTHWIND)).unwrap();
    fs::write(dir.join("cut.ron"), &text[..text.len() - 40]).unwrap();

    let out = sameside(
        home.path(),
        &["--dir", dir.to_str().unwrap(), "list", "--tsv"],
    );

    let last = out.stdout.lines().last().expect("rows");
    let cells: Vec<&str> = last.split('\t').collect();
    assert_eq!(cells[1], "DAMAGED", "{out:?}");
    assert_eq!(cells[6], dir.join("cut.ron").display().to_string());
}

//! The real binary, run the way scripts and users run it: `check`, `list`, `--help`, and
//! the commands that need a terminal refusing politely when there is none (stdout is a
//! pipe here).

#[path = "common/cli_run.rs"]
mod cli_run;
use cli_run::{Run, finish, prepared};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use unicode_width::UnicodeWidthStr;

const NORTHWIND: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";
const ACME: &str = "2026-11-19-acme-robotics-initech-vision-embedded-oem-deal.ron";
const NORTHWIND_TITLE: &str = "Northwind × Globex: plant-floor analytics";
const ACME_TITLE: &str = "Acme Robotics × Initech Vision: embedded OEM deal";

const TYPES: [&str; 7] = [
    "channel-reseller",
    "system-integrator",
    "service-provider",
    "alliance-member",
    "technology-oem",
    "rd-consortium",
    "other:NAME",
];

fn shipped(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(name)
}

/// Every shipped example, sorted by name.
fn shipped_examples() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// Runs `sameside --dir <dir> <args>` with no terminal and no `SAMESIDE_DIR`.
fn sameside_in(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sameside"));
    cmd.arg("--dir").arg(dir);
    run(cmd, args, dir)
}

/// Runs `sameside <args>` without `--dir`, with HOME pointing at `home`.
fn sameside_plain(home: &Path, args: &[&str]) -> Run {
    run(Command::new(env!("CARGO_BIN_EXE_sameside")), args, home)
}

fn run(cmd: Command, args: &[&str], home: &Path) -> Run {
    // `list` and `check` remember their checks in a cache; HOME is often the sessions
    // directory here, whose contents the tests compare, so the cache goes aside.
    let cache = tempfile::tempdir().unwrap();
    finish(prepared(cmd, args, home, cache.path()))
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The northwind example cut off after the line that opens the events, with the line
/// and column where it stops: just past `events: [`.
fn truncated_northwind() -> (String, usize, usize) {
    let text = fs::read_to_string(shipped(NORTHWIND)).unwrap();
    let opening = "  events: [\n";
    let cut = text.find(opening).expect("the example has events") + opening.len();
    let cut_text = text[..cut].to_string();
    let visible = cut_text.trim_end();
    let line = visible.matches('\n').count() + 1;
    let col = visible.rsplit('\n').next().unwrap().chars().count() + 1;
    (cut_text, line, col)
}

/// A directory with both examples and, when `damaged`, a truncated session.
fn sessions_dir(damaged: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(shipped(NORTHWIND), dir.path().join(NORTHWIND)).unwrap();
    fs::copy(shipped(ACME), dir.path().join(ACME)).unwrap();
    if damaged {
        fs::write(
            dir.path().join("2026-11-20-cut-short.ron"),
            truncated_northwind().0,
        )
        .unwrap();
    }
    dir
}

// ---------------------------------------------------------------- check

#[test]
fn check_prints_one_ok_line_per_shipped_example_and_exits_0() {
    let files = shipped_examples();
    assert!(files.len() >= 2, "{files:?}");
    let args: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    let home = tempfile::tempdir().unwrap();
    let mut all = vec!["check"];
    all.extend(&args);

    let out = sameside_in(home.path(), &all);

    assert_eq!(out.code, Some(0), "{out:?}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), files.len(), "{out:?}");
    for (line, file) in lines.iter().zip(&args) {
        assert!(line.starts_with(&format!("{file}: ok")), "{line}");
        assert!(line.contains("events"), "{line}");
    }
    assert!(
        out.stdout.contains(&format!("'{NORTHWIND_TITLE}'")),
        "{out:?}"
    );
    assert!(out.stdout.contains(&format!("'{ACME_TITLE}'")), "{out:?}");
    assert!(out.stdout.contains("verdict: take a pass"), "{out:?}");
    assert_eq!(out.stderr, "");
}

#[test]
fn check_on_a_damaged_file_prints_path_line_col_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let (text, line, col) = truncated_northwind();
    let path = dir.path().join("cut.ron");
    fs::write(&path, &text).unwrap();

    let out = sameside_in(dir.path(), &["check", path.to_str().unwrap()]);

    assert_eq!(out.code, Some(1), "{out:?}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{out:?}");
    let prefix = format!("{}:{line}:{col}: ", path.display());
    assert!(lines[0].starts_with(&prefix), "{out:?}");
    assert!(lines[0].contains("ends early"), "{out:?}");
    // Checking never changes the file or leaves anything beside it.
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    assert_eq!(names_in(dir.path()), vec!["cut.ron".to_string()]);
}

#[test]
fn check_on_good_and_bad_files_reports_each_and_exits_1() {
    let dir = sessions_dir(true);
    let good = dir.path().join(ACME);
    let bad = dir.path().join("2026-11-20-cut-short.ron");
    let missing = dir.path().join("no-such-session.ron");
    let (_, line, col) = truncated_northwind();

    let out = sameside_in(
        dir.path(),
        &[
            "check",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
            missing.to_str().unwrap(),
        ],
    );

    assert_eq!(out.code, Some(1), "{out:?}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{out:?}");
    assert!(
        lines[0].starts_with(&format!("{}: ok", good.display())),
        "{out:?}"
    );
    assert!(
        lines[1].starts_with(&format!("{}:{line}:{col}: ", bad.display())),
        "{out:?}"
    );
    assert!(
        lines[2].starts_with(&format!("{}: ", missing.display())),
        "{out:?}"
    );
    assert!(lines[2].contains("cannot be read"), "{out:?}");
}

#[test]
fn check_without_files_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = sameside_in(dir.path(), &["check"]);
    assert_eq!(out.code, Some(2), "{out:?}");
    assert!(out.stderr.contains("FILE"), "{out:?}");
}

// ---------------------------------------------------------------- list

const HEADINGS: [&str; 7] = [
    "UPDATED", "STAGE", "VERDICT", "TYPE", "PARTNERS", "TITLE", "FILE",
];

/// Splits an aligned table into cells at the columns where the headings start, checking
/// that every row has the two-space gap before each column.
#[track_caller]
fn cells(table: &str) -> Vec<Vec<String>> {
    let mut lines = table.lines();
    let heading: Vec<char> = lines.next().expect("a header row").chars().collect();
    let heading_text: String = heading.iter().collect();
    let mut starts = Vec::new();
    let mut from = 0;
    for name in HEADINGS {
        let at = heading_text[from..]
            .find(name)
            .map(|i| heading_text[..from + i].chars().count())
            .unwrap_or_else(|| panic!("no {name} in {heading_text:?}"));
        starts.push(at);
        from = heading_text
            .char_indices()
            .nth(at + name.chars().count())
            .map_or(heading_text.len(), |(i, _)| i);
    }
    assert_eq!(starts[0], 0, "{heading_text:?}");
    std::iter::once(heading_text.as_str())
        .chain(lines)
        .map(|line| {
            let chars: Vec<char> = line.chars().collect();
            starts
                .iter()
                .enumerate()
                .map(|(i, &start)| {
                    let end = starts.get(i + 1).copied().unwrap_or(chars.len());
                    assert!(chars.len() >= end, "row shorter than the columns: {line:?}");
                    if i + 1 < starts.len() {
                        assert_eq!(
                            &chars[end - 2..end],
                            &[' ', ' '],
                            "column {} not aligned in {line:?}",
                            HEADINGS[i + 1]
                        );
                        assert_ne!(
                            chars[end],
                            ' ',
                            "column {} not aligned in {line:?}",
                            HEADINGS[i + 1]
                        );
                    }
                    chars[start..end]
                        .iter()
                        .collect::<String>()
                        .trim_end()
                        .to_string()
                })
                .collect()
        })
        .collect()
}

#[test]
fn list_shows_the_sessions_as_an_aligned_table_newest_first() {
    let dir = sessions_dir(true);

    let out = sameside_in(dir.path(), &["list"]);

    assert_eq!(out.code, Some(0), "{out:?}");
    let rows = cells(&out.stdout);
    assert_eq!(rows.len(), 4, "{out:?}");
    assert_eq!(rows[0], HEADINGS.map(String::from).to_vec());
    assert_eq!(
        rows[1],
        vec![
            "2026-11-19 14:44".to_string(),
            "Summary".into(),
            "take a pass".into(),
            "technology OEM".into(),
            "Acme Robotics, Initech Vision".into(),
            ACME_TITLE.into(),
            dir.path().join(ACME).display().to_string(),
        ]
    );
    assert_eq!(
        rows[2],
        vec![
            "2026-11-12 12:15".to_string(),
            "Summary".into(),
            "proceed with conditions".into(),
            "system integrator".into(),
            "Northwind Analytics, Globex Integration".into(),
            NORTHWIND_TITLE.into(),
            dir.path().join(NORTHWIND).display().to_string(),
        ]
    );
    let damaged = dir.path().join("2026-11-20-cut-short.ron");
    let (_, line, col) = truncated_northwind();
    assert_eq!(rows[3][1], "DAMAGED", "{out:?}");
    assert!(
        rows[3][5].starts_with(&format!("{}:{line}:{col}: ", damaged.display())),
        "{out:?}"
    );
    assert_eq!(rows[3][6], damaged.display().to_string());
}

#[test]
fn list_tsv_gives_tab_separated_columns_without_padding() {
    let dir = sessions_dir(true);

    let out = sameside_in(dir.path(), &["list", "--tsv"]);

    assert_eq!(out.code, Some(0), "{out:?}");
    let rows: Vec<Vec<&str>> = out
        .stdout
        .lines()
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 4, "{out:?}");
    assert_eq!(rows[0], HEADINGS.to_vec());
    for row in &rows {
        assert_eq!(row.len(), 7, "{row:?}");
        for cell in row {
            assert_eq!(cell.trim(), *cell, "padded cell in {row:?}");
        }
    }
    assert_eq!(
        rows[1],
        vec![
            "2026-11-19 14:44",
            "Summary",
            "take a pass",
            "technology OEM",
            "Acme Robotics, Initech Vision",
            ACME_TITLE,
            dir.path().join(ACME).to_str().unwrap(),
        ]
    );
    assert_eq!(rows[2][5], NORTHWIND_TITLE);
    assert_eq!(rows[3][1], "DAMAGED");
}

/// The northwind example with its title replaced everywhere by `title`, given as the
/// body of a RON string (escapes allowed).
fn northwind_titled(ron_title: &str) -> String {
    let text = fs::read_to_string(shipped(NORTHWIND)).unwrap();
    let quoted = format!("\"{NORTHWIND_TITLE}\"");
    assert!(text.contains(&quoted));
    text.replace(&quoted, &format!("\"{ron_title}\""))
}

#[test]
fn list_tsv_keeps_a_title_with_a_tab_in_one_column() {
    let dir = sessions_dir(false);
    fs::write(dir.path().join(NORTHWIND), northwind_titled("Tab\\there")).unwrap();

    let out = sameside_in(dir.path(), &["list", "--tsv"]);

    assert_eq!(out.code, Some(0), "{out:?}");
    let rows: Vec<Vec<&str>> = out
        .stdout
        .lines()
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 3, "{out:?}");
    assert!(rows.iter().all(|r| r.len() == 7), "{out:?}");
    assert_eq!(rows[2][5], "Tab here");
}

#[test]

fn list_keeps_one_line_per_session_when_a_title_has_a_line_break() {
    let dir = sessions_dir(false);
    fs::write(
        dir.path().join(NORTHWIND),
        northwind_titled("First line\\nsecond line"),
    )
    .unwrap();

    let tsv = sameside_in(dir.path(), &["list", "--tsv"]);
    assert_eq!(tsv.code, Some(0), "{tsv:?}");
    let rows: Vec<Vec<&str>> = tsv
        .stdout
        .lines()
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 3, "{tsv:?}");
    assert!(rows.iter().all(|r| r.len() == 7), "{tsv:?}");

    let table = sameside_in(dir.path(), &["list"]);
    assert_eq!(table.stdout.lines().count(), 3, "{table:?}");
}

#[test]

fn list_aligns_columns_on_screen_for_wide_characters() {
    let dir = sessions_dir(false);
    fs::write(
        dir.path().join(NORTHWIND),
        northwind_titled("合作会议: 工厂分析"),
    )
    .unwrap();

    let out = sameside_in(dir.path(), &["list"]);

    assert_eq!(out.code, Some(0), "{out:?}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{out:?}");
    // Where FILE starts on screen must be the same on every row.
    let file_columns: Vec<usize> = lines
        .iter()
        .map(|line| {
            let at = line
                .find(dir.path().to_str().unwrap())
                .or_else(|| line.find("FILE"))
                .unwrap();
            line[..at].width()
        })
        .collect();
    assert!(
        file_columns.windows(2).all(|w| w[0] == w[1]),
        "FILE starts at screen columns {file_columns:?}:\n{}",
        out.stdout
    );
}

#[test]
fn list_on_an_empty_directory_says_so_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();

    let out = sameside_in(dir.path(), &["list"]);

    assert_eq!(out.code, Some(0), "{out:?}");
    assert!(out.stderr.contains("no sessions"), "{out:?}");
    // At most the header row: no sessions are made up.
    assert!(out.stdout.lines().count() <= 1, "{out:?}");
    assert!(
        out.stdout.lines().all(|l| l.starts_with("UPDATED")),
        "{out:?}"
    );
    assert_eq!(names_in(dir.path()), Vec::<String>::new());
}

// ---------------------------------------------------------------- help

#[test]
fn help_works_for_the_program_and_every_subcommand() {
    let home = tempfile::tempdir().unwrap();
    let top = sameside_plain(home.path(), &["--help"]);
    assert_eq!(top.code, Some(0), "{top:?}");
    for sub in ["new", "open", "list", "check"] {
        assert!(top.stdout.contains(sub), "{top:?}");
    }
    for (sub, expected) in [
        (
            "new",
            &["--title", "--partner", "--type", "--moderator", "--dir"][..],
        ),
        ("open", &["<FILE>", "--dir"][..]),
        ("list", &["--tsv", "--dir"][..]),
        ("check", &["<FILE>", "--dir"][..]),
    ] {
        let out = sameside_plain(home.path(), &[sub, "--help"]);
        assert_eq!(out.code, Some(0), "{sub}: {out:?}");
        assert!(
            out.stdout.contains(&format!("Usage: sameside {sub}")),
            "{sub}: {out:?}"
        );
        for word in expected {
            assert!(
                out.stdout.contains(word),
                "{sub} --help lacks {word}: {out:?}"
            );
        }
    }
    // The valid partnership types are documented where they are used.
    let new = sameside_plain(home.path(), &["new", "--help"]);
    for kind in TYPES {
        assert!(
            new.stdout.contains(kind),
            "new --help lacks {kind}: {new:?}"
        );
    }
    assert_eq!(names_in(home.path()), Vec::<String>::new());
}

// ---------------------------------------------------------------- no terminal

#[track_caller]
fn assert_needs_a_terminal(out: &Run) {
    assert_eq!(out.code, Some(2), "{out:?}");
    assert!(out.stderr.contains("terminal"), "{out:?}");
    assert!(
        out.stderr.contains("list") && out.stderr.contains("check"),
        "no hint at what works without a terminal: {out:?}"
    );
    assert_eq!(out.stdout, "", "{out:?}");
}

#[test]
fn new_open_and_the_session_list_refuse_without_a_terminal_and_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &[][..],
        &["new"][..],
        &[
            "new",
            "--title",
            "Pilot",
            "--partner",
            "Acme",
            "--partner",
            "Globex",
            "--type",
            "oem",
        ][..],
    ] {
        let out = sameside_in(dir.path(), args);
        assert_needs_a_terminal(&out);
        assert_eq!(names_in(dir.path()), Vec::<String>::new(), "{args:?}");
    }

    // Opening a good session: refused before it is locked or backed up.
    let session = dir.path().join(ACME);
    fs::copy(shipped(ACME), &session).unwrap();
    let original = fs::read(&session).unwrap();
    let out = sameside_in(dir.path(), &["open", session.to_str().unwrap()]);
    assert_needs_a_terminal(&out);
    assert_eq!(names_in(dir.path()), vec![ACME.to_string()]);
    assert_eq!(fs::read(&session).unwrap(), original);
}

#[test]
fn new_with_a_missing_sessions_directory_does_not_create_it_without_a_terminal() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("sessions");
    let out = sameside_in(&dir, &["new", "--title", "Pilot"]);
    assert_needs_a_terminal(&out);
    assert!(!dir.exists());
}

#[test]
fn open_of_a_damaged_file_prints_where_it_is_damaged_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let (text, line, col) = truncated_northwind();
    let path = dir.path().join("cut.ron");
    fs::write(&path, &text).unwrap();

    let out = sameside_in(dir.path(), &["open", path.to_str().unwrap()]);

    // The same status as `check`, `replay` and `present` give a file they cannot use.
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(
        out.stderr
            .contains(&format!("{}:{line}:{col}: ", path.display())),
        "{out:?}"
    );
    assert!(out.stderr.contains("ends early"), "{out:?}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    assert_eq!(names_in(dir.path()), vec!["cut.ron".to_string()]);
}

// ---------------------------------------------------------------- bad arguments

#[test]
fn new_with_an_unknown_type_is_rejected_listing_the_valid_ones() {
    let dir = tempfile::tempdir().unwrap();

    let out = sameside_in(dir.path(), &["new", "--type", "banana"]);

    assert_eq!(out.code, Some(2), "{out:?}");
    assert!(out.stderr.contains("banana"), "{out:?}");
    assert!(out.stderr.contains("--type"), "{out:?}");
    for kind in TYPES {
        assert!(out.stderr.contains(kind), "does not offer {kind}: {out:?}");
    }
    assert_eq!(out.stdout, "");
    assert_eq!(names_in(dir.path()), Vec::<String>::new());
}

#[test]
fn new_with_more_than_eight_partners_is_refused_before_anything_else() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["new", "--title", "Crowd"];
    let names = ["A", "B", "C", "D", "E", "F", "G", "H", "I"];
    for name in &names {
        args.extend(["--partner", name]);
    }

    let out = sameside_in(dir.path(), &args);

    assert_eq!(out.code, Some(2), "{out:?}");
    assert!(out.stderr.contains("at most 8 partners"), "{out:?}");
    assert!(out.stderr.contains('9'), "{out:?}");
    assert_eq!(names_in(dir.path()), Vec::<String>::new());
}

#[test]
fn replay_of_a_file_damaged_before_its_first_event_says_where_and_exits_1() {
    let dir = tempfile::TempDir::new().unwrap();
    let file = dir.path().join("broken.ron");
    fs::write(&file, "(header: (format: 1,").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sameside"))
        .arg("replay")
        .arg(&file)
        .env_remove("SAMESIDE_DIR")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:1:", file.display())), "{err}");
    assert!(!err.contains("need a terminal"), "{err}");
}

#[test]
fn replay_has_help() {
    let out = Command::new(env!("CARGO_BIN_EXE_sameside"))
        .args(["replay", "--help"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Replay a session"), "{text}");
}

#[test]
fn present_of_a_missing_or_damaged_file_says_which_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.ron");
    let damaged = dir.path().join("broken.ron");
    fs::write(&damaged, "(header: (format: 1,").unwrap();
    for (file, place) in [(&missing, String::new()), (&damaged, ":1:".to_string())] {
        let arg = file.to_string_lossy().into_owned();
        let out = sameside_in(dir.path(), &["present", &arg]);
        assert_eq!(out.code, Some(1), "{out:?}");
        assert!(
            out.stderr.contains(&format!("{}{place}", file.display())),
            "{out:?}"
        );
        assert!(!out.stderr.contains("need a terminal"), "{out:?}");
    }
    // Only read: nothing new beside the files, the damaged one as it was.
    assert_eq!(names_in(dir.path()), vec!["broken.ron".to_string()]);
    assert_eq!(
        fs::read_to_string(&damaged).unwrap(),
        "(header: (format: 1,"
    );
}

#[test]
fn present_of_a_good_file_still_needs_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(NORTHWIND);
    fs::copy(shipped(NORTHWIND), &file).unwrap();
    let arg = file.to_string_lossy().into_owned();
    let out = sameside_in(dir.path(), &["present", &arg]);
    assert_eq!(out.code, Some(2), "{out:?}");
    assert!(out.stderr.contains("need a terminal"), "{out:?}");
}

#[test]
fn present_has_help() {
    let out = Command::new(env!("CARGO_BIN_EXE_sameside"))
        .args(["present", "--help"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Show a session to the audience"), "{text}");
}

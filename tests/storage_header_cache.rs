//! The header of a session file is a cache of its events. When a hand edit (or an old
//! file) leaves the two disagreeing, every reader shows what the events say: opening,
//! replaying, presenting, exporting and the next save. `check` still says that the
//! header disagrees, so the person editing the file is not left puzzled.

#[path = "common/example_text.rs"]
mod example_text;
use example_text::{NORTHWIND, edit, northwind};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sameside::domain::{Stage, Verdict};
use sameside::storage::format::{Header, decode, decode_as_written, header_disagreements};
use sameside::storage::store::{open_session, read_record, read_session, save_session};

const TITLE: &str = "Northwind × Globex: plant-floor analytics";

/// The example with a header that disagrees with its events in every field the events
/// decide.
fn stale_northwind() -> String {
    let text = northwind();
    let text = edit(
        &text,
        &format!("    title: \"{TITLE}\",\n    partners"),
        "    title: \"An old title\",\n    partners",
    );
    let text = edit(
        &text,
        "partners: [\"Northwind Analytics\", \"Globex Integration\"]",
        "partners: [\"Northwind\"]",
    );
    let text = edit(
        &text,
        "kind: SystemIntegrator,\n",
        "kind: ChannelReseller,\n",
    );
    let text = edit(&text, "stage_reached: Summary", "stage_reached: Vision");
    let text = edit(
        &text,
        "verdict: Some(ProceedWithConditions)",
        "verdict: Some(TakeAPass)",
    );
    edit(
        &text,
        "updated: \"2026-11-12T12:15:00Z\"",
        "updated: \"2030-01-01T00:00:00Z\"",
    )
}

fn write_stale(dir: &Path) -> PathBuf {
    let path = dir.join(NORTHWIND);
    fs::write(&path, stale_northwind()).unwrap();
    path
}

/// The header says what the events of the example say.
#[track_caller]
fn assert_events_win(header: &Header) {
    assert_eq!(header.title, TITLE);
    assert_eq!(
        header.partners,
        ["Northwind Analytics", "Globex Integration"]
    );
    assert_eq!(
        header.kind,
        sameside::domain::PartnershipType::SystemIntegrator
    );
    assert_eq!(header.stage_reached, Stage::Summary);
    assert_eq!(header.verdict, Some(Verdict::ProceedWithConditions));
    assert_eq!(header.updated.to_rfc3339(), "2026-11-12T12:15:00+00:00");
    // What exists only in the header is kept.
    assert_eq!(header.id, "example-northwind-globex");
    assert_eq!(header.continued_from, None);
}

fn sameside(args: &[&str], dir: &Path) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sameside"))
        .args(args)
        .env_remove("SAMESIDE_DIR")
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

#[test]
fn reading_a_file_with_a_stale_header_gives_the_header_the_events_say() {
    let header = match decode(Path::new("s.ron"), stale_northwind().as_bytes()) {
        Ok((header, _)) => header,
        Err(e) => panic!("{e}"),
    };
    assert_events_win(&header);
}

#[test]
fn opening_a_stale_file_and_saving_it_writes_the_header_the_events_say() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_stale(dir.path());
    let opened = open_session(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_events_win(&opened.header);

    save_session(&path, &opened.header, &opened.history).unwrap();
    drop(opened);
    let saved = fs::read_to_string(&path).unwrap();
    assert!(!saved.contains("An old title"), "{saved}");
    let again = decode_as_written(&path, saved.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_events_win(&again.written);
}

#[test]
fn a_replay_of_a_stale_file_names_the_session_as_its_events_do() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_stale(dir.path());
    let recorded = read_record(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_events_win(&recorded.header);
}

#[test]
fn a_replay_that_stops_early_describes_the_events_it_can_play() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(NORTHWIND);
    // The verdict is set near the end; an event before it that cannot apply stops the
    // replay there, so no verdict was reached in what plays.
    let text = edit(
        &northwind(),
        "change: MovedTo(stage: Summary)",
        "change: RoleRemoved(id: 999)",
    );
    fs::write(&path, text).unwrap();
    let recorded = read_record(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(recorded.stop.is_some());
    assert_eq!(recorded.header.verdict, None);
    assert_eq!(recorded.header.stage_reached, Stage::Conflicts);
}

#[test]
fn an_export_of_a_stale_file_shows_the_events_title_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_stale(dir.path());
    let file = path.to_str().unwrap();
    for format in ["json", "md", "html"] {
        let (code, stdout, stderr) = sameside(&["export", "--format", format, file], dir.path());
        assert_eq!(code, Some(0), "{stderr}");
        assert!(stdout.contains("Northwind"), "{format}: {stdout}");
        assert!(!stdout.contains("An old title"), "{format}: {stdout}");
        assert!(!stdout.contains("TakeAPass"), "{format}: {stdout}");
    }
}

#[test]
fn check_says_where_the_header_disagrees_and_that_the_events_win() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_stale(dir.path());
    let (code, stdout, stderr) = sameside(&["check", path.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    let line = stdout.trim_end();
    assert_eq!(line.lines().count(), 1, "{stdout}");
    assert!(line.contains(": ok — "), "{line}");
    for said in [
        format!("the header says title 'An old title' but the events say '{TITLE}'"),
        "the header says partners ['Northwind'] but the events say ['Northwind Analytics', 'Globex Integration']".to_string(),
        "the header says kind ChannelReseller but the events say SystemIntegrator".to_string(),
        "the header says stage_reached Vision but the events say Summary".to_string(),
        "the header says verdict Some(TakeAPass) but the events say Some(ProceedWithConditions)".to_string(),
        "the header says updated 2030-01-01T00:00:00Z but the events say 2026-11-12T12:15:00Z".to_string(),
        "(the events win; the next save rewrites the header)".to_string(),
    ] {
        assert!(line.contains(&said), "{said:?} missing from {line}");
    }
}

#[test]
fn check_says_nothing_about_the_header_of_a_file_the_app_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(NORTHWIND);
    fs::write(&path, northwind()).unwrap();
    let (code, stdout, _) = sameside(&["check", path.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(0));
    assert!(!stdout.contains("header"), "{stdout}");
    let read = read_session(&path).unwrap_or_else(|e| panic!("{e}"));
    let again = decode_as_written(&path, northwind().as_bytes()).unwrap();
    assert_eq!(
        header_disagreements(&again.written, &read.0),
        Vec::<String>::new()
    );
}

#[test]
fn control_characters_in_a_stale_title_are_shown_escaped_by_check() {
    let text = edit(
        &northwind(),
        &format!("    title: \"{TITLE}\",\n    partners"),
        "    title: \"Old\\u{1b}[31m\",\n    partners",
    );
    let read = decode_as_written(Path::new("s.ron"), text.as_bytes()).unwrap();
    let said = header_disagreements(&read.written, &read.header);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("'Old\\u{1b}[31m'"), "{said:?}");
    assert!(!said[0].contains('\u{1b}'), "{said:?}");
}

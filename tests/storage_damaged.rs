//! Damaged session files: whatever is wrong with a file, opening it fails with
//! `path:line:col: message` pointing at the place that is wrong, in words a user can act
//! on, and the file is left exactly as it was. Also the listing of a directory with
//! damaged files in it, crash-safe writes that fail, and the lock that keeps two copies
//! of the app from editing one session.

#[path = "common/example_text.rs"]
mod example_text;
use example_text::{ACME, NORTHWIND, edit, example, line_col, northwind, offset, pos_of, shipped};
use std::fs;
use std::path::Path;

use sameside::storage::atomic::write_atomically;
use sameside::storage::format::{FileError, decode};
use sameside::storage::lock::lock_path;
use sameside::storage::store::{
    Access, Listed, delete_session, list_sessions, open_session, read_session,
};

/// Line and column just past the last visible character: where a cut-off file stops.
fn end_of(text: &str) -> (usize, usize) {
    line_col(text, text.trim_end().len())
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Checks that `err` reads `path:line:col: message` with that place and a message
/// containing every one of `words` (ignoring case).
#[track_caller]
fn assert_error_at(err: &FileError, path: &Path, (line, col): (usize, usize), words: &[&str]) {
    let shown = err.to_string();
    let expected_location = format!("{}:{line}:{col}", path.display());
    assert_eq!(err.location, expected_location, "wrong place: {shown}");
    assert_eq!(
        shown,
        format!("{expected_location}: {}", err.message),
        "not path:line:col: message"
    );
    assert!(!err.message.trim().is_empty(), "no message: {shown}");
    let lower = err.message.to_lowercase();
    for word in words {
        assert!(
            lower.contains(&word.to_lowercase()),
            "the message does not say {word:?}: {shown}"
        );
    }
}

/// Writes `bytes` as a session file in a fresh directory, checks that reading and
/// opening it both fail at `place` with `words` in the message, and that neither
/// touched the file or put anything beside it. Returns the error and the directory.
#[track_caller]
fn assert_rejected(
    bytes: &[u8],
    place: (usize, usize),
    words: &[&str],
) -> (FileError, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2026-11-12-damaged.ron");
    fs::write(&path, bytes).unwrap();
    let before = names_in(dir.path());

    let err = match read_session(&path) {
        Ok(_) => panic!("a damaged file was read as a session"),
        Err(e) => e,
    };
    assert_error_at(&err, &path, place, words);

    match open_session(&path) {
        Ok(opened) => panic!("a damaged file was opened: {:?}", opened.access),
        Err(e) => assert_eq!(e, err, "opening and reading disagree"),
    }

    assert_eq!(
        fs::read(&path).unwrap(),
        bytes,
        "the damaged file was changed"
    );
    assert_eq!(
        names_in(dir.path()),
        before,
        "something was created beside the damaged file"
    );
    (err, dir)
}

/// The listing shows the only file in `dir` as damaged, with the same error opening it
/// gives.
#[track_caller]
fn assert_listed_as_damaged(dir: &Path, expected: &FileError) {
    let listed = list_sessions(dir).unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    match &listed[0] {
        Listed::Damaged { path, error } => {
            assert_eq!(path, &dir.join("2026-11-12-damaged.ron"));
            assert_eq!(error, expected);
        }
        Listed::Readable { header, .. } => {
            panic!(
                "listed as readable ({:?}) but opening it says {expected}",
                header.title
            )
        }
        Listed::Skipped { reason, .. } => {
            panic!("listed as skipped ({reason}) but opening it says {expected}")
        }
    }
}

/// Rejected at `place` with `words`, and listed as damaged with the same error.
#[track_caller]
fn assert_damaged(bytes: &[u8], place: (usize, usize), words: &[&str]) -> FileError {
    let (err, dir) = assert_rejected(bytes, place, words);
    assert_listed_as_damaged(dir.path(), &err);
    err
}

/// The error decoding `bytes` as `s.ron` gives.
#[track_caller]
fn read_session_of(bytes: &[u8]) -> FileError {
    match decode(Path::new("s.ron"), bytes) {
        Ok(_) => panic!("a damaged file was read as a session"),
        Err(e) => e,
    }
}

// ---------------------------------------------------------------- the examples are fine

#[test]
fn the_shipped_examples_open_so_every_damage_below_is_the_edit_made() {
    for name in [NORTHWIND, ACME] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        fs::copy(shipped(name), &path).unwrap();
        let opened = open_session(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(opened.access, Access::Exclusive(_)));
        assert!(opened.history.events().len() > 10);
    }
}

// ---------------------------------------------------------------- truncated

#[test]
fn a_file_cut_at_the_end_of_any_line_points_at_where_the_text_stops() {
    for name in [NORTHWIND, ACME] {
        let text = example(name);
        let cuts: Vec<usize> = text
            .match_indices('\n')
            .map(|(i, _)| i + 1)
            // Cutting only the final newline leaves a whole file.
            .filter(|&cut| cut < text.trim_end().len())
            .collect();
        assert!(cuts.len() > 30, "{name} has {} lines", cuts.len());
        for cut in cuts {
            let cut_text = &text[..cut];
            let err = assert_damaged(
                cut_text.as_bytes(),
                end_of(cut_text),
                &["file ends early", "truncated"],
            );
            assert!(!err.message.contains("event "), "{err}");
        }
    }
}

#[test]
fn a_file_cut_inside_a_string_points_at_the_string_that_is_never_closed() {
    let text = northwind();
    // In the header's title, after the non-ASCII `×` (columns count characters).
    let cut = offset(&text, "Northwind × Globex: plant") + "Northwind × Glo".len();
    assert_damaged(
        &text.as_bytes()[..cut],
        pos_of(&text, "\"Northwind × Globex"),
        &["never closed", "ends early"],
    );
    // In an event's text, half-way down the file.
    let statement = "\"Mid-size discrete manufacturers";
    let cut = offset(&text, statement) + statement.len();
    assert_damaged(
        &text.as_bytes()[..cut],
        pos_of(&text, statement),
        &["never closed", "ends early"],
    );
}

#[test]
fn a_file_cut_in_the_middle_of_an_event_points_at_where_it_stops() {
    let text = northwind();
    // Where ron gives up is the end of the text or, when the text ends in a bracket,
    // sometimes that bracket: either way the last character on the last line.
    for after in [
        "AlignmentSet(partner: 1, score: ",
        "AlignmentSet(partner: 1, score: Some(4)",
        "AlignmentSet(partner: 1, score: Some(4))",
        "change: GateDecided(decision: Proceed(",
        "(at: \"2026-11-12T09:42:05Z\", change: TimeSpent(",
        "(at: \"2026-11-12T09:42:05Z\", change: TimeSpent(stage: Vision, seconds: 1560))",
    ] {
        let cut_text = &text[..offset(&text, after) + after.len()];
        let (line, col) = end_of(cut_text);
        let err = read_session_of(cut_text.as_bytes());
        assert!(
            [
                format!("s.ron:{line}:{col}"),
                format!("s.ron:{line}:{}", col - 1)
            ]
            .contains(&err.location),
            "cut after {after:?}: {err}"
        );
        assert!(err.message.contains("ends early"), "{err}");
    }
    // Only the closing bracket of the whole file is missing.
    let cut_text = &text[..text.trim_end().len() - 1];
    assert_damaged(cut_text.as_bytes(), end_of(cut_text), &["ends early"]);
}

#[test]
fn every_cut_of_an_example_is_refused_as_ending_early_on_its_last_line() {
    for name in [NORTHWIND, ACME] {
        let text = example(name);
        let path = Path::new("sessions/s.ron");
        let end = text.trim_end().len();
        let mut checked = 0;
        for (cut, _) in text.char_indices().skip(1).step_by(17) {
            if cut >= end {
                break;
            }
            let cut_text = &text[..cut];
            let err = match decode(path, cut_text.as_bytes()) {
                Ok(_) => panic!("{name} cut at byte {cut} was read as a whole session"),
                Err(e) => e,
            };
            assert!(
                err.message.contains("ends early"),
                "{name} cut at byte {cut}: {err}"
            );
            let (last_line, last_col) = end_of(cut_text);
            let place = err
                .location
                .strip_prefix("sessions/s.ron:")
                .and_then(|p| p.split_once(':'))
                .and_then(|(l, c)| Some((l.parse::<usize>().ok()?, c.parse::<usize>().ok()?)));
            let Some((line, col)) = place else {
                panic!("{name} cut at byte {cut}: no line and column in {err}")
            };
            assert_eq!(line, last_line, "{name} cut at byte {cut}: {err}");
            assert!(
                (1..=last_col).contains(&col),
                "{name} cut at byte {cut}: column past the end: {err}"
            );
            checked += 1;
        }
        assert!(checked > 150, "{name}: only {checked} cuts");
    }
}

#[test]

fn a_file_cut_inside_a_multibyte_character_is_said_to_end_early() {
    let text = northwind();
    let times = offset(&text, "×");
    // `×` is two bytes; keep the first.
    let bytes = &text.as_bytes()[..times + 1];
    assert_damaged(bytes, line_col(&text, times), &["ends early"]);
}

// ---------------------------------------------------------------- not text at all

#[test]
fn binary_garbage_is_not_text_at_the_first_byte() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    assert_damaged(png, (1, 1), &["not UTF-8"]);
    // UTF-16, as some Windows editors save text.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(northwind().encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_damaged(&utf16, (1, 1), &["not UTF-8"]);
}

#[test]
fn garbage_bytes_inside_a_file_are_reported_where_they_are() {
    let text = northwind();
    let at = offset(&text, "Some(Collaborator)");
    let mut bytes = text.clone().into_bytes();
    bytes.splice(at..at + 4, [0xFF, 0xFE, 0x00, 0x9C]);
    assert_damaged(&bytes, line_col(&text, at), &["not UTF-8"]);
}

#[test]
fn a_latin1_file_is_reported_at_its_first_non_ascii_character() {
    // The title's `×` saved as the single Latin-1 byte 0xD7.
    let text = northwind();
    let times = offset(&text, "×");
    let mut bytes = text.clone().into_bytes();
    bytes.splice(times..times + "×".len(), [0xD7]);
    assert_damaged(&bytes, line_col(&text, times), &["not UTF-8"]);
}

#[test]
fn garbage_text_inside_a_file_is_reported_where_it_starts() {
    let text = northwind();
    let line = "    (at: \"2026-11-12T09:14:20Z\"";
    let damaged = edit(&text, line, &format!("    @@##!{}", &line[4..]));
    let (line, _) = pos_of(&text, line);
    assert_damaged(damaged.as_bytes(), (line, 5), &["@"]);
}

#[test]
fn an_empty_file_says_it_is_empty() {
    assert_damaged(b"", (1, 1), &["empty"]);
    assert_damaged(b"\n   \n\t\n", (1, 1), &["empty"]);
}

#[test]

fn messages_do_not_name_internal_types() {
    let path = Path::new("s.ron");
    let text = northwind();
    for bytes in [
        b"".to_vec(),
        b"hello world".to_vec(),
        b"[1, 2, 3]".to_vec(),
        edit(&text, "    format: 1,\n", "").into_bytes(),
    ] {
        let err = decode(path, &bytes).err().unwrap();
        for internal in ["FormatProbe", "FormatOnly", "HeaderOnly", "FileIn"] {
            assert!(!err.message.contains(internal), "{err}");
        }
    }
    let err = decode(path, b"hello world").err().unwrap();
    assert!(err.message.contains("session file"), "{err}");
}

#[test]

fn a_byte_order_mark_before_a_valid_session_is_ignored() {
    let text = northwind();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.ron");
    fs::write(&path, format!("\u{feff}{text}")).unwrap();
    let (_, plain) = decode(Path::new("x.ron"), text.as_bytes()).unwrap();
    let (_, with_bom) = read_session(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(with_bom.session(), plain.session());
}

// ---------------------------------------------------------------- format versions

#[test]
fn a_newer_format_is_refused_at_the_format_field_and_left_alone() {
    let text = northwind();
    let newer = edit(&text, "format: 1,", "format: 2,");
    assert_damaged(
        newer.as_bytes(),
        pos_of(&text, "format: 1"),
        &["newer", "format 2", "format 1"],
    );
}

#[test]
fn a_newer_format_is_refused_as_newer_even_with_fields_and_events_this_version_lacks() {
    let text = northwind();
    let newer = edit(&text, "format: 1,", "format: 7,\n    colour: Teal,");
    let newer = edit(
        &newer,
        "    (at: \"2026-11-12T09:00:20Z\"",
        "    (at: \"2026-11-12T09:00:10Z\", change: Teleported(to: \"Mars\", crew: [1, 2])),\n    (at: \"2026-11-12T09:00:20Z\"",
    );
    let err = assert_damaged(
        newer.as_bytes(),
        pos_of(&text, "format: 1"),
        &["newer", "format 7"],
    );
    assert!(!err.message.contains("Teleported"), "{err}");
    assert!(!err.message.contains("colour"), "{err}");
}

#[test]
fn format_zero_is_refused_at_the_format_field() {
    let text = northwind();
    let zero = edit(&text, "format: 1,", "format: 0,");
    assert_damaged(
        zero.as_bytes(),
        pos_of(&text, "format: 1"),
        &["format 0", "does not exist"],
    );
}

#[test]

fn the_format_error_points_at_the_field_even_after_a_title_that_says_format() {
    let text = northwind();
    let reordered = edit(
        &text,
        "    format: 1,\n",
        "    title: \"New format trial\",\n    format: 2,\n",
    );
    let reordered = edit(
        &reordered,
        "    title: \"Northwind × Globex: plant-floor analytics\",\n",
        "",
    );
    assert_damaged(
        reordered.as_bytes(),
        pos_of(&reordered, "format: 2"),
        &["newer"],
    );
}

// ---------------------------------------------------------------- wrong types

#[test]
fn a_string_where_a_number_goes_is_reported_at_the_string() {
    let text = northwind();
    let line = "AlignmentSet(partner: 1, score: Some(4))";
    let damaged = edit(
        &text,
        line,
        "AlignmentSet(partner: 1, score: Some(\"four\"))",
    );
    let at = offset(&text, line) + line.find("4").unwrap();
    assert_damaged(damaged.as_bytes(), line_col(&text, at), &["integer"]);

    // Written without a space after the colon.
    let damaged = edit(&text, "    format: 1,", "    format:\"1\",");
    assert_damaged(damaged.as_bytes(), pos_of(&damaged, "\"1\","), &["integer"]);
}

#[test]

fn a_string_where_a_number_goes_after_a_space_is_reported_at_the_string_not_the_space() {
    let text = northwind();
    let damaged = edit(&text, "    format: 1,", "    format: \"1\",");
    assert_damaged(
        damaged.as_bytes(),
        pos_of(&text, "1,\n    app_version"),
        &["integer"],
    );
    let damaged = edit(
        &text,
        "AlignmentSet(partner: 1,",
        "AlignmentSet(partner: \"one\",",
    );
    let at = offset(&text, "AlignmentSet(partner: 1,") + "AlignmentSet(partner: ".len();
    assert_rejected(damaged.as_bytes(), line_col(&text, at), &["integer"]);
}

#[test]
fn an_unknown_partnership_type_in_the_header_is_reported_with_the_known_ones() {
    let text = northwind();
    let damaged = edit(&text, "kind: SystemIntegrator,", "kind: Banana,");
    assert_damaged(
        damaged.as_bytes(),
        pos_of(&text, "SystemIntegrator,"),
        &["Banana", "SystemIntegrator", "ChannelReseller"],
    );
}

#[test]
fn an_unknown_kind_of_event_is_reported_at_its_name() {
    let text = northwind();
    let damaged = edit(
        &text,
        "change: AlignmentSet(partner: 1",
        "change: Teleported(partner: 1",
    );
    assert_damaged(
        damaged.as_bytes(),
        pos_of(&text, "AlignmentSet(partner: 1"),
        &["Teleported", "AlignmentSet"],
    );
}

// ---------------------------------------------------------------- events that cannot apply

/// The line of the event that starts with `start`, its column, and its 1-based number.
#[track_caller]
fn event_at(text: &str, start: &str) -> ((usize, usize), usize) {
    let at = offset(text, start);
    let number = text[..at].matches("\n    (at: ").count() + 1;
    (line_col(text, at + 4), number)
}

/// What a file with an inapplicable event is, its text, where the event is, and words the
/// message must contain.
type Inapplicable = (&'static str, String, (usize, usize), Vec<String>);

/// Files whose every line is well-formed but one event does not fit the session before
/// it: what each says, and where.
fn inapplicable_events() -> Vec<Inapplicable> {
    let text = northwind();
    let mut cases = Vec::new();

    // An interest for partner 9, in a session of partners 1 and 2.
    let interest =
        "    (at: \"2026-11-12T10:18:20Z\", change: InterestAdded(interest: (id: 25, partner: 1,";
    let unknown = edit(
        &text,
        interest,
        &interest.replace("partner: 1", "partner: 9"),
    );
    let (place, n) = event_at(&unknown, "    (at: \"2026-11-12T10:18:20Z\"");
    cases.push((
        "interest for partner 9",
        unknown,
        place,
        vec![format!("event {n} "), "no partner".into(), "9".into()],
    ));

    // A hole with the id the hole before it has.
    let duplicate = edit(
        &text,
        "HoleAdded(hole: (id: 19,",
        "HoleAdded(hole: (id: 18,",
    );
    let (place, n) = event_at(&duplicate, "    (at: \"2026-11-12T09:48:35Z\"");
    cases.push((
        "duplicate id",
        duplicate,
        place,
        vec![
            format!("event {n} "),
            "id 18".into(),
            "already in use".into(),
        ],
    ));

    // Moving to the role split right after the session was created.
    let first_edit = "    (at: \"2026-11-12T09:00:20Z\"";
    let early = edit(
        &text,
        first_edit,
        &format!(
            "    (at: \"2026-11-12T09:00:10Z\", change: MovedTo(stage: Roles)),\n{first_edit}"
        ),
    );
    let (place, n) = event_at(&early, "    (at: \"2026-11-12T09:00:10Z\"");
    assert_eq!(n, 2);
    cases.push((
        "moved to roles before the gate",
        early,
        place,
        vec![
            "event 2 ".into(),
            "role split".into(),
            "vision gate has not been decided".into(),
        ],
    ));

    // The same partner-9 interest in a file with Windows line endings and a comment.
    let crlf = cases[0].1.replace('\n', "\r\n").replacen(
        "    (at: \"2026-11-12T09:00:20Z\"",
        "    // note: ] ) \"not a bracket\r\n    (at: \"2026-11-12T09:00:20Z\"",
        1,
    );
    let (place, n) = event_at(
        &crlf.replace("\r\n", "\n"),
        "    (at: \"2026-11-12T10:18:20Z\"",
    );
    cases.push((
        "partner 9 with CRLF and a comment",
        crlf,
        place,
        vec![format!("event {n} "), "no partner".into(), "9".into()],
    ));

    // The first event is not the creation of the session.
    let lines: Vec<&str> = text.lines().collect();
    let created = lines
        .iter()
        .position(|l| l.contains("change: Created("))
        .unwrap();
    let headless: String = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != created)
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    cases.push((
        "no Created event",
        headless,
        (created + 1, 5),
        vec!["event 1 ".into(), "must start with a Created event".into()],
    ));
    cases
}

#[test]
fn an_event_that_cannot_apply_is_reported_at_its_line_with_the_reason() {
    for (what, text, place, words) in inapplicable_events() {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let err = assert_damaged(text.as_bytes(), place, &words);
        assert!(err.message.contains("cannot be applied"), "{what}: {err}");
    }
}

#[test]
fn a_session_without_events_is_reported_at_the_events_field() {
    let text = northwind();
    let events = offset(&text, "  events: [");
    let empty = format!("{}  events: [],\n)\n", &text[..events]);
    assert_damaged(
        empty.as_bytes(),
        line_col(&text, events + 2),
        &["no events", "Created"],
    );
}

// ---------------------------------------------------------------- the listing

#[test]
fn the_listing_shows_readable_sessions_newest_first_then_the_damaged_ones() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::copy(shipped(NORTHWIND), d.join(NORTHWIND)).unwrap();
    fs::copy(shipped(ACME), d.join(ACME)).unwrap();
    let text = northwind();
    fs::write(d.join("b-truncated.ron"), &text[..text.len() / 2]).unwrap();
    fs::write(d.join("a-empty.ron"), b"").unwrap();
    fs::write(d.join("c-binary.ron"), b"\xff\xd8\xff\xe0 JFIF").unwrap();
    fs::write(
        d.join("d-newer.ron"),
        edit(&text, "format: 1,", "format: 2,"),
    )
    .unwrap();
    // Not sessions: backups, locks, hidden temp files, other files.
    fs::write(d.join(format!("{NORTHWIND}.bak")), &text).unwrap();
    fs::write(d.join(format!("{NORTHWIND}.lock")), b"").unwrap();
    fs::write(d.join(format!(".{NORTHWIND}.tmp-1-2")), b"").unwrap();
    fs::write(d.join(".hidden.ron"), &text).unwrap();
    fs::write(d.join("notes.txt"), b"hello").unwrap();
    let before: Vec<(String, Vec<u8>)> = names_in(d)
        .into_iter()
        .map(|n| {
            let bytes = fs::read(d.join(&n)).unwrap();
            (n, bytes)
        })
        .collect();

    let listed = list_sessions(d).unwrap();

    let summary: Vec<(String, bool)> = listed
        .iter()
        .map(|l| {
            (
                l.path().file_name().unwrap().to_string_lossy().into_owned(),
                matches!(l, Listed::Readable { .. }),
            )
        })
        .collect();
    let expected: Vec<(String, bool)> = [
        (ACME, true),
        (NORTHWIND, true),
        ("a-empty.ron", false),
        ("b-truncated.ron", false),
        ("c-binary.ron", false),
        ("d-newer.ron", false),
    ]
    .into_iter()
    .map(|(n, ok)| (n.to_string(), ok))
    .collect();
    assert_eq!(summary, expected);

    for entry in &listed {
        match entry {
            Listed::Readable {
                path,
                header,
                checked,
            } => {
                assert!(checked, "list_sessions checks every file");
                let (_, history) = read_session(path).unwrap();
                let session = history.session();
                assert_eq!(header.title, session.title);
                assert_eq!(header.updated, session.updated);
                assert_eq!(header.stage_reached, session.reached);
                assert_eq!(header.verdict, session.verdict);
            }
            Listed::Damaged { path, error } => {
                assert!(
                    error.location.starts_with(&format!("{}:", path.display())),
                    "{error}"
                );
                assert_eq!(Some(error), read_session(path).err().as_ref());
            }
            Listed::Skipped { path, reason } => panic!("{} skipped: {reason}", path.display()),
        }
    }
    // Listing reads; it never writes.
    let after: Vec<(String, Vec<u8>)> = names_in(d)
        .into_iter()
        .map(|n| {
            let bytes = fs::read(d.join(&n)).unwrap();
            (n, bytes)
        })
        .collect();
    assert_eq!(after, before);
}

// ---------------------------------------------------------------- failed writes

#[test]
fn a_write_into_a_missing_directory_fails_and_leaves_the_old_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join(NORTHWIND);
    fs::copy(shipped(NORTHWIND), &old).unwrap();
    let original = fs::read(&old).unwrap();

    let gone = dir.path().join("gone");
    let result = write_atomically(&gone.join(NORTHWIND), b"new contents");

    let err = result.expect_err("a write into a missing directory succeeded");
    assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
    assert_eq!(fs::read(&old).unwrap(), original);
    assert_eq!(names_in(dir.path()), vec![NORTHWIND.to_string()]);
    assert!(!gone.exists());
}

#[cfg(unix)]
#[test]
fn a_write_into_a_read_only_directory_fails_and_leaves_the_old_file_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    fs::create_dir(&sessions).unwrap();
    let old = sessions.join(NORTHWIND);
    fs::copy(shipped(NORTHWIND), &old).unwrap();
    let original = fs::read(&old).unwrap();
    fs::set_permissions(&sessions, fs::Permissions::from_mode(0o555)).unwrap();

    // Root (and CAP_DAC_OVERRIDE) writes anywhere; then there is nothing to test here.
    let probe = sessions.join("probe");
    let enforced = fs::write(&probe, b"").is_err();
    let _ = fs::remove_file(&probe);

    let result = write_atomically(&old, b"new contents");

    let listing = names_in(&sessions);
    let contents = fs::read(&old).unwrap();
    fs::set_permissions(&sessions, fs::Permissions::from_mode(0o755)).unwrap();
    if !enforced {
        eprintln!("running with permission to write anywhere; read-only case not checked");
        return;
    }
    let err = result.expect_err("a write into a read-only directory succeeded");
    assert_eq!(err.kind(), std::io::ErrorKind::PermissionDenied);
    assert_eq!(contents, original);
    assert_eq!(listing, vec![NORTHWIND.to_string()]);
}

// ---------------------------------------------------------------- the lock

#[test]
fn a_second_open_is_read_only_naming_the_lock_until_the_first_is_closed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(NORTHWIND);
    fs::copy(shipped(NORTHWIND), &path).unwrap();

    let first = open_session(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(first.access, Access::Exclusive(_)),
        "{:?}",
        first.access
    );

    let second = open_session(&path).unwrap_or_else(|e| panic!("{e}"));
    match &second.access {
        Access::ReadOnly(why) => {
            assert!(
                why.contains(&lock_path(&path).display().to_string()),
                "{why}"
            );
            assert!(why.contains("read-only"), "{why}");
        }
        Access::Exclusive(_) => panic!("two opens of one session both got the lock"),
    }
    // Read-only still shows the whole session.
    assert_eq!(second.history.session(), first.history.session());
    drop(second);
    // Closing the read-only copy does not free the first one's lock.
    let third = open_session(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(third.access, Access::ReadOnly(_)));
    drop(third);

    drop(first);
    let again = open_session(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(again.access, Access::Exclusive(_)),
        "{:?}",
        again.access
    );
}

#[test]
fn a_session_cannot_be_deleted_while_it_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(NORTHWIND);
    fs::copy(shipped(NORTHWIND), &path).unwrap();
    let original = fs::read(&path).unwrap();

    let opened = open_session(&path).unwrap_or_else(|e| panic!("{e}"));
    let refused = delete_session(&path);
    assert!(refused.is_err(), "deleted a session that is open");
    assert!(
        refused.unwrap_err().to_string().contains("open"),
        "the refusal does not say why"
    );
    assert_eq!(fs::read(&path).unwrap(), original);

    drop(opened);
    delete_session(&path).unwrap();
    assert!(!path.exists());
    // Nothing of it is left behind: no backup, no lock.
    assert_eq!(names_in(dir.path()), Vec::<String>::new());
}

#[test]
fn the_listing_shows_what_the_events_say_when_the_header_is_stale() {
    let dir = tempfile::tempdir().unwrap();
    let text = northwind();
    let stale = edit(
        &text,
        "    title: \"Northwind × Globex: plant-floor analytics\",\n    partners",
        "    title: \"An old title\",\n    partners",
    );
    let stale = edit(&stale, "stage_reached: Summary", "stage_reached: Vision");
    fs::write(dir.path().join(NORTHWIND), &stale).unwrap();

    let listed = list_sessions(dir.path()).unwrap();

    match listed.as_slice() {
        [Listed::Readable { header, .. }] => {
            assert_eq!(header.title, "Northwind × Globex: plant-floor analytics");
            assert_eq!(header.stage_reached, sameside::domain::Stage::Summary);
        }
        other => panic!("{other:?}"),
    }
}

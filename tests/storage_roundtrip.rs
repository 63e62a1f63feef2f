//! Saving and loading: whatever a room records, with whatever text it types, comes back
//! from the file as the same session with the same record, and the header agrees with
//! it. Also the autosaver that does the writing while the room carries on.

#[path = "common/domain.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use chrono::{DateTime, TimeZone, Utc};
use common::arbitrary::{Texts, change_with, kind, plain_names, plain_words};
use common::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use sameside::domain::templates::template_roles;
use sameside::domain::*;
use sameside::storage::autosave::{Autosaver, Retry, SaveReport};
use sameside::storage::format::{Header, decode, encode};
use sameside::storage::store::{Listed, list_sessions, read_session, save_session};

// ---------------------------------------------------------------- text a room might type

/// Characters that matter to RON or to terminals: quotes, backslashes, `#` (raw strings),
/// comment openers, brackets, line breaks, control characters, a byte-order mark,
/// combining accents, emoji and CJK.
const TRICKY: &[char] = &[
    '"',
    '\\',
    '#',
    'r',
    'b',
    '/',
    '*',
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    ',',
    ':',
    '\'',
    '\n',
    '\r',
    '\t',
    '\0',
    '\u{1}',
    '\u{1b}',
    '\u{7f}',
    '\u{85}',
    '\u{2028}',
    '\u{feff}',
    '\u{301}',
    ' ',
    'a',
    'Z',
    '7',
    'é',
    'ß',
    '😀',
    '🎉',
    '合',
    '作',
    '\u{10FFFF}',
];

fn tricky_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => vec(select(TRICKY), 0..24).prop_map(String::from_iter),
        2 => any::<String>(),
        2 => select(vec![
            "\"#",
            "r#\"raw\"#",
            "\"##)]",
            "\\",
            "\\\"",
            "\\u{41}",
            "/* not a comment",
            "// nor this",
            "line one\nline two",
            "\r\n",
            "Zoë 😀 合作会议",
            "\u{1b}[31mred",
            "Some(\"x\")",
            "), events: [",
        ])
        .prop_map(String::from),
    ]
}

/// The plain names and words of the domain tests (so that changes often apply) mixed
/// with tricky text.
fn texts() -> Texts {
    Texts {
        names: prop_oneof![3 => plain_names(), 2 => tricky_text()].boxed(),
        words: prop_oneof![3 => plain_words(), 2 => tricky_text()].boxed(),
        other_kind: tricky_text().boxed(),
    }
}

/// Any moment in the years a session may have (2000 to 2100), to the nanosecond.
fn moment() -> impl Strategy<Value = DateTime<Utc>> {
    (946_684_800i64..=4_133_980_799, 0u32..1_000_000_000)
        .prop_map(|(secs, nanos)| Utc.timestamp_opt(secs, nanos).unwrap())
}

/// A session of Acme, Globex and Initech with tricky title, moderator, kind and offers.
fn created() -> impl Strategy<Value = Change> {
    let t = texts();
    (
        t.words.clone(),
        t.names.clone(),
        kind(&t),
        vec(t.words.clone(), 3),
    )
        .prop_map(|(title, moderator, kind, brings)| {
            let title = if title.trim().is_empty() {
                format!("Pilot{title}")
            } else {
                title
            };
            let partners = ["Acme", "Globex", "Initech"]
                .iter()
                .zip(brings)
                .zip(1..)
                .map(|((name, brings), id)| NewPartner {
                    id: PartnerId(id),
                    name: name.to_string(),
                    brings,
                })
                .collect();
            Change::Created {
                title,
                moderator,
                roles: template_roles(&kind, 1),
                kind,
                partners,
            }
        })
}

// ---------------------------------------------------------------- checks

/// The header says what the session says.
fn header_agrees(header: &Header, session: &Session) -> Result<(), TestCaseError> {
    prop_assert_eq!(&header.title, &session.title);
    let partners: Vec<&str> = session.partners.iter().map(|p| p.name.as_str()).collect();
    prop_assert_eq!(
        header
            .partners
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        partners
    );
    prop_assert_eq!(&header.kind, &session.kind);
    prop_assert_eq!(header.stage_reached, session.reached);
    prop_assert_eq!(header.verdict, session.verdict);
    prop_assert_eq!(header.updated, session.updated);
    Ok(())
}

/// `loaded` is `original`: same state, same record, and the room can carry on exactly
/// as before (undo and redo take back the same things).
fn same_history(loaded: &History, original: &History) -> Result<(), TestCaseError> {
    prop_assert_eq!(loaded.session(), original.session());
    prop_assert_eq!(loaded.events(), original.events());
    prop_assert_eq!(loaded.can_undo(), original.can_undo());
    prop_assert_eq!(loaded.can_redo(), original.can_redo());
    prop_assert_eq!(loaded.undo_preview(), original.undo_preview());
    prop_assert_eq!(loaded.describe_all(), original.describe_all());
    let when = original.session().updated;
    for next in [Change::Undo, Change::Redo] {
        let (mut a, mut b) = (loaded.clone(), original.clone());
        prop_assert_eq!(a.record(when, next.clone()), b.record(when, next));
        prop_assert_eq!(a.session(), b.session());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_recorded_session_loads_back_the_same(
        created in created(),
        start in moment(),
        steps in vec((change_with(&texts()), moment()), 0..=60),
        id in tricky_text(),
        continued_from in proptest::option::of(tricky_text()),
    ) {
        let mut history = History::create(start, created).unwrap();
        for (change, at) in steps {
            // Refused changes leave no trace; what is recorded is what must come back.
            let _ = history.record(at, change);
        }
        let header = Header::for_history(&id, continued_from.as_deref(), &history);
        header_agrees(&header, history.session())?;

        let text = encode(&header, &history);
        prop_assert!(text.is_ok(), "{:?}", text);
        let text = text.unwrap();
        // One event per line, whatever the text in it, so files stay diffable.
        let event_lines = text.lines().filter(|l| l.starts_with("    (at: ")).count();
        prop_assert_eq!(event_lines, history.events().len(), "{}", text);

        let decoded = decode(Path::new("s.ron"), text.as_bytes());
        prop_assert!(decoded.is_ok(), "{}\n{}", decoded.unwrap_err(), text);
        let (loaded_header, loaded) = decoded.unwrap();
        prop_assert_eq!(&loaded_header, &header);
        header_agrees(&loaded_header, loaded.session())?;
        same_history(&loaded, &history)?;

        // The same through the file system.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026-01-01-session.ron");
        prop_assert_eq!(save_session(&path, &header, &history), Ok(()));
        let read = read_session(&path);
        prop_assert!(read.is_ok(), "{}", read.unwrap_err());
        let (read_header, read) = read.unwrap();
        prop_assert_eq!(&read_header, &header);
        same_history(&read, &history)?;
        let listed = list_sessions(dir.path()).unwrap();
        match listed.as_slice() {
            [Listed::Readable { header: listed, .. }] => {
                header_agrees(listed, history.session())?;
            }
            other => prop_assert!(false, "listed as {:?}", other),
        }
    }
}

// ---------------------------------------------------------------- the autosaver

/// A room that has made `n` more changes after it was created.
fn room_with_changes(n: usize) -> Room {
    let mut room = Room::new();
    for i in 0..n {
        room.ok(Change::StatementSet {
            text: format!("Statement draft {i} \"with\" quotes"),
        });
    }
    room
}

fn header_of(history: &History) -> Header {
    Header::for_history("autosave-test", None, history)
}

#[track_caller]
fn assert_on_disk(path: &Path, expected: &History) {
    let (header, loaded) = read_session(path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.events(), expected.events());
    assert_eq!(loaded.session(), expected.session());
    assert_eq!(header, header_of(expected));
}

#[test]
fn the_autosaver_writes_the_newest_state_and_flush_waits_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2025-03-14-autosave.ron");
    let mut room = Room::new();
    save_session(&path, &header_of(&room.history), &room.history).unwrap();
    let mut saver = Autosaver::start(path.clone(), room.history.events());
    assert!(saver.is_clean());

    // Many states in a row, faster than they can be written: only the newest matters.
    for i in 0..40 {
        room.ok(Change::StatementSet {
            text: format!("Draft {i}: \"quoted\" \\ and ☕"),
        });
        saver.request(header_of(&room.history), &room.history);
    }
    saver.flush();

    assert!(saver.is_clean());
    assert_eq!(saver.last_error(), None);
    assert_on_disk(&path, &room.history);
    // Nothing but the session is left in the directory: no temp files.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["2025-03-14-autosave.ron".to_string()]);
}

#[test]
fn a_failed_autosave_is_reported_until_a_save_succeeds_again() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("sessions");
    std::fs::create_dir(&dir).unwrap();
    let path = dir.join("2025-03-14-autosave.ron");
    let first = room_with_changes(1);
    let mut saver = Autosaver::start(path.clone(), &[]);
    saver.request(header_of(&first.history), &first.history);
    saver.flush();
    assert!(saver.is_clean());
    assert_on_disk(&path, &first.history);

    // The directory disappears (a USB stick pulled, a share unmounted).
    std::fs::remove_dir_all(&dir).unwrap();
    let second = room_with_changes(2);
    saver.request(header_of(&second.history), &second.history);
    saver.flush();

    let error = saver.last_error().map(ToString::to_string);
    assert!(error.is_some(), "a failed save was not reported");
    let error = error.unwrap_or_default();
    // The reason is kept as a kind, so the status line can say what to do about it.
    assert_eq!(
        saver.last_error().and_then(|e| e.kind()),
        Some(std::io::ErrorKind::NotFound)
    );
    // The cause, without the long path: the screen already says which session it is.
    assert!(error.contains("No such file or directory"), "{error}");
    assert!(!saver.is_clean());
    assert!(!path.exists());
    // Still failing: the error stays and the saver is still not clean.
    let third = room_with_changes(3);
    saver.request(header_of(&third.history), &third.history);
    saver.flush();
    assert!(saver.last_error().is_some());
    assert!(!saver.is_clean());

    // The directory is back: the next save succeeds and clears the error.
    std::fs::create_dir(&dir).unwrap();
    saver.request(header_of(&third.history), &third.history);
    saver.flush();
    assert_eq!(saver.last_error(), None);
    assert!(saver.is_clean());
    assert_on_disk(&path, &third.history);
}

#[test]
fn a_failed_autosave_collected_by_poll_is_reported() {
    let root = tempfile::tempdir().unwrap();
    let path = root.path().join("gone").join("2025-03-14-autosave.ron");
    let room = room_with_changes(2);
    let mut saver = Autosaver::start(path.clone(), &[]);
    saver.request(header_of(&room.history), &room.history);
    // The screen polls between keys until the write has finished.
    let report = loop {
        if let Some(report) = saver.poll() {
            break report;
        }
        std::thread::yield_now();
    };
    assert_eq!(report.events, room.events());
    assert!(report.result.is_err());
    assert!(saver.last_error().is_some());
    assert!(!saver.is_clean());
}

#[test]

fn flush_returns_after_poll_has_collected_a_failed_write() {
    let root = tempfile::tempdir().unwrap();
    let path: PathBuf = root.path().join("gone").join("2025-03-14-autosave.ron");
    let room = room_with_changes(2);
    let mut saver = Autosaver::start(path, &[]);
    saver.request(header_of(&room.history), &room.history);
    while saver.poll().is_none() {
        std::thread::yield_now();
    }
    // flush() promises to wait until every requested write has finished or failed;
    // here that has already happened. A watchdog turns a hang into a failure.
    let (done_tx, done_rx) = mpsc::channel();
    std::thread::spawn(move || {
        saver.flush();
        let _ = done_tx.send(saver.is_clean());
    });
    match done_rx.recv_timeout(std::time::Duration::from_secs(20)) {
        Ok(clean) => assert!(!clean),
        Err(_) => panic!("flush() did not return"),
    }
}

/// Polls the saver until a report arrives that `wanted` accepts; a watchdog turns a
/// saver that never gets there into a failure rather than a hang.
fn wait_for_report(saver: &mut Autosaver, wanted: impl Fn(&SaveReport) -> bool) -> SaveReport {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        if let Some(report) = saver.poll()
            && wanted(&report)
        {
            return report;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the expected save report never came"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn a_failed_autosave_is_tried_again_by_itself_until_it_works() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("sessions");
    let path = dir.join("2025-03-14-autosave.ron");
    let room = room_with_changes(2);
    let quick = Retry {
        first: std::time::Duration::from_millis(10),
        longest: std::time::Duration::from_millis(40),
    };
    let mut saver = Autosaver::start_with(path.clone(), &[], quick);
    // The directory is not there yet (a share not mounted): the first write fails.
    saver.request(header_of(&room.history), &room.history);
    let failed = wait_for_report(&mut saver, |r| r.result.is_err());
    assert_eq!(failed.attempt, 1);
    assert!(!saver.is_clean());
    // It keeps trying without being asked again.
    let retried = wait_for_report(&mut saver, |r| r.attempt > 1);
    assert!(retried.result.is_err());

    // The share comes back: the next try writes the session, with no new request.
    std::fs::create_dir(&dir).unwrap();
    let worked = wait_for_report(&mut saver, |r| r.result.is_ok());
    assert!(worked.attempt > 1, "{worked:?}");
    assert!(saver.is_clean());
    assert_eq!(saver.last_error(), None);
    assert_on_disk(&path, &room.history);
}

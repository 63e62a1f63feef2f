//! Replay only reads: the replayed file keeps its bytes, a read-only file replays, a
//! session another instance holds replays, and a record with a bad event replays up to
//! it with the event's `path:line:col`. Continuing writes a new file naming the old one.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use tempfile::TempDir;

use sameside::storage::format::decode;
use sameside::storage::lock::{LockOutcome, try_lock_session};
use sameside::storage::store::{create_continued, read_record};

const NORTHWIND: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";

fn copy_of_northwind(dir: &Path) -> PathBuf {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(NORTHWIND);
    let path = dir.join(NORTHWIND);
    fs::copy(shipped, &path).expect("copy the example");
    path
}

#[test]
fn replay_never_changes_the_file_and_works_read_only_and_while_locked() {
    let tmp = TempDir::new().expect("temp dir");
    let path = copy_of_northwind(tmp.path());
    let before = fs::read(&path).expect("read");

    // Another instance has the session open.
    let held = try_lock_session(&path).expect("lock");
    assert!(matches!(held, LockOutcome::Acquired(_)));
    let recorded = read_record(&path).expect("replay while locked");
    assert_eq!(recorded.timeline.len(), recorded.timeline.total());
    assert!(recorded.stop.is_none());
    // Walking the whole record reads nothing more from the disk and writes nothing.
    let last = recorded.timeline.last();
    let _ = recorded.timeline.state_at(last);
    drop(held);

    // A read-only file (as root the mode does not stop reading; that is fine too).
    let mut perms = fs::metadata(&path).expect("metadata").permissions();
    perms.set_readonly(true);
    fs::set_permissions(&path, perms).expect("chmod 444");
    let recorded = read_record(&path).expect("replay a read-only file");
    assert_eq!(recorded.header.id, "example-northwind-globex");

    assert_eq!(fs::read(&path).expect("read"), before, "the bytes changed");
    let names: Vec<String> = fs::read_dir(tmp.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    // Only the lock file the test itself took sits beside it: no backup, no lock of
    // the replay's own.
    assert!(
        names.iter().all(|n| n == NORTHWIND || n.ends_with(".lock")),
        "{names:?}"
    );
}

#[test]
fn a_bad_event_ends_the_replay_there_with_its_place_in_the_file() {
    let tmp = TempDir::new().expect("temp dir");
    let path = copy_of_northwind(tmp.path());
    let text = fs::read_to_string(&path).expect("read");
    // Swap an early event for a Redo, which has nothing to redo at that point: a record
    // as a hand edit could leave it, that parses but does not apply.
    let events_at = text.find("events:").expect("events");
    let lines: Vec<&str> = text[events_at..].lines().collect();
    let tenth = lines.get(11).expect("an eleventh event line");
    let broken = text.replacen(
        tenth,
        "    (at: \"2026-11-12T09:30:00Z\", change: Redo),",
        1,
    );
    fs::write(&path, &broken).expect("write");

    let recorded = read_record(&path).expect("the start still replays");
    let stop = recorded.timeline.stop().expect("the replay stops");
    assert_eq!(recorded.timeline.len(), stop.index);
    let error = recorded.stop.expect("worded with its place");
    let line = broken[..broken.find("change: Redo").expect("redo")]
        .matches('\n')
        .count()
        + 1;
    assert!(
        error.location.contains(&format!("{NORTHWIND}:{line}:")),
        "{error}"
    );
    // The same words `check` and opening use.
    let decoded = decode(&path, broken.as_bytes()).expect_err("does not open");
    assert_eq!(decoded, error);
}

#[test]
fn continuing_writes_a_new_file_that_names_the_old_one() {
    let tmp = TempDir::new().expect("temp dir");
    let path = copy_of_northwind(tmp.path());
    let before = fs::read(&path).expect("read");
    let recorded = read_record(&path).expect("replay");
    let history = recorded.timeline.history_at(10).expect("history");
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    let opened = create_continued(tmp.path(), now, history, &recorded.header.id).expect("new");
    assert_ne!(opened.path, path);
    let text = fs::read(&opened.path).expect("read new");
    let (header, history) = decode(&opened.path, &text).expect("the new file opens");
    assert_eq!(
        header.continued_from.as_deref(),
        Some("example-northwind-globex")
    );
    assert_eq!(history.events().len(), 11);
    assert_eq!(fs::read(&path).expect("read"), before);
}

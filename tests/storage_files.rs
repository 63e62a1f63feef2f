//! Session files on disk as a moderator handling another company's data needs them to
//! behave: one writer per file whatever name it is opened by, saves that keep symbolic
//! links as links, no temp files left behind by saves that died, and deleting that goes
//! to a trash folder it can be restored from.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Command;

use sameside::domain::{Change, ItemId, Stage};
use sameside::storage::atomic::{backup_path, write_atomically};
use sameside::storage::autosave::{Autosaver, Retry};
use sameside::storage::follow::Follower;
use sameside::storage::lock::lock_path;
use sameside::storage::store::{
    MAX_SESSION_BYTES, Opened, list_sessions, open_session, read_record, read_session, save_session,
};
use sameside::storage::trash::{list_trash, restore_from_trash, trash_session};
use sameside::storage::{Access, Header, SaveError};
use tempfile::TempDir;

const EXAMPLE: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";

fn example_text() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(EXAMPLE);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A copy of the shipped example at `dir/name`.
fn session_in(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, example_text()).unwrap();
    path
}

fn open(path: &Path) -> Opened {
    open_session(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[track_caller]
fn assert_exclusive(opened: &Opened) {
    assert!(
        matches!(opened.access, Access::Exclusive(_)),
        "{} should be writable: {:?}",
        opened.path.display(),
        opened.access
    );
}

#[track_caller]
fn assert_read_only(opened: &Opened) -> String {
    match &opened.access {
        Access::ReadOnly(why) => why.clone(),
        Access::Exclusive(_) => panic!(
            "{} is writable a second time: two writers would fork the session",
            opened.path.display()
        ),
    }
}

/// Records one more change in `opened` and saves it, as the autosave would.
fn save_a_change(opened: &mut Opened) {
    let count = opened.history.events().len();
    let at = opened.history.events()[count - 1].at;
    let minutes = 1 + u32::try_from(count % 500).unwrap();
    opened
        .history
        .record(
            at + chrono::Duration::minutes(1),
            Change::TimeboxSet {
                stage: Stage::Vision,
                minutes,
            },
        )
        .unwrap();
    let header = Header::for_history(
        &opened.header.id,
        opened.header.continued_from.as_deref(),
        &opened.history,
    );
    save_session(&opened.path, &header, &opened.history).unwrap();
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// --- one lock per file ----------------------------------------------------------------

#[test]
fn a_session_open_through_its_path_is_read_only_through_a_symlink() {
    let dir = TempDir::new().unwrap();
    let real = session_in(dir.path(), "a.ron");
    let link = dir.path().join("link.ron");
    symlink(&real, &link).unwrap();

    let first = open(&real);
    assert_exclusive(&first);
    let second = open(&link);
    let why = assert_read_only(&second);
    assert!(why.contains("another sameside"), "{why}");
}

#[test]
fn a_session_open_through_a_symlink_is_read_only_through_its_path() {
    let dir = TempDir::new().unwrap();
    let other = TempDir::new().unwrap();
    let real = session_in(other.path(), "a.ron");
    let link = dir.path().join("shared.ron");
    symlink(&real, &link).unwrap();

    let first = open(&link);
    assert_exclusive(&first);
    assert_read_only(&open(&real));
}

#[test]
fn a_session_open_through_one_hard_link_is_read_only_through_another() {
    let dir = TempDir::new().unwrap();
    let a = session_in(dir.path(), "a.ron");
    let b = dir.path().join("b.ron");
    fs::hard_link(&a, &b).unwrap();

    let first = open(&a);
    assert_exclusive(&first);
    assert_read_only(&open(&b));
}

#[test]
fn a_hard_link_stays_read_only_after_the_open_session_was_saved() {
    // A save renames a new file over the name it was opened by, so the two names no
    // longer share a file; the other name still holds what the writer started from.
    let dir = TempDir::new().unwrap();
    let a = session_in(dir.path(), "a.ron");
    let b = dir.path().join("b.ron");
    fs::hard_link(&a, &b).unwrap();

    let mut first = open(&a);
    save_a_change(&mut first);
    assert_ne!(
        fs::metadata(&a).unwrap().ino(),
        fs::metadata(&b).unwrap().ino()
    );

    assert_read_only(&open(&b));
    assert_read_only(&open(&a));
}

#[test]
fn the_lock_still_holds_after_several_saves() {
    let dir = TempDir::new().unwrap();
    let a = session_in(dir.path(), "a.ron");
    let mut first = open(&a);
    save_a_change(&mut first);
    save_a_change(&mut first);

    assert_read_only(&open(&a));
    drop(first);
    assert_exclusive(&open(&a));
}

#[test]
fn closing_a_session_opened_through_a_link_frees_it_for_every_name() {
    let dir = TempDir::new().unwrap();
    let real = session_in(dir.path(), "a.ron");
    let link = dir.path().join("link.ron");
    symlink(&real, &link).unwrap();
    let hard = dir.path().join("hard.ron");
    fs::hard_link(&real, &hard).unwrap();

    drop(open(&link));
    assert_exclusive(&open(&real));
    assert_exclusive(&open(&hard));
}

#[test]
fn saving_through_a_symlink_writes_its_target_and_keeps_the_link() {
    let dir = TempDir::new().unwrap();
    let other = TempDir::new().unwrap();
    let real = session_in(other.path(), "a.ron");
    let link = dir.path().join("shared.ron");
    symlink(&real, &link).unwrap();

    let mut opened = open(&link);
    save_a_change(&mut opened);

    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the save replaced the link with a file"
    );
    assert_eq!(fs::read_link(&link).unwrap(), real);
    let (_, history) = read_session(&real).unwrap();
    assert_eq!(history.events().len(), opened.history.events().len());
}

#[test]
fn an_atomic_write_through_a_symlink_replaces_the_target_beside_itself() {
    let dir = TempDir::new().unwrap();
    let other = TempDir::new().unwrap();
    let real = other.path().join("notes.ron");
    fs::write(&real, b"old").unwrap();
    let link = dir.path().join("notes.ron");
    symlink(&real, &link).unwrap();

    write_atomically(&link, b"new").unwrap();

    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&real).unwrap(), b"new");
    assert_eq!(names_in(dir.path()), vec!["notes.ron"]);
    assert_eq!(names_in(other.path()), vec!["notes.ron"]);
}

#[test]
fn the_backup_and_the_lock_of_a_linked_session_lie_beside_its_real_file() {
    let dir = TempDir::new().unwrap();
    let other = TempDir::new().unwrap();
    let real = session_in(other.path(), "a.ron");
    let link = dir.path().join("shared.ron");
    symlink(&real, &link).unwrap();

    let _opened = open(&link);

    assert!(backup_path(&real).is_file());
    assert!(lock_path(&real).is_file());
    assert_eq!(names_in(dir.path()), vec!["shared.ron"]);
}

/// Records one more change in `opened` and hands it to `saver`, as the screen does.
fn autosave_a_change(opened: &mut Opened, saver: &mut Autosaver) {
    let count = opened.history.events().len();
    let at = opened.history.events()[count - 1].at;
    opened
        .history
        .record(
            at + chrono::Duration::minutes(1),
            Change::TimeboxSet {
                stage: Stage::Roles,
                minutes: 1 + u32::try_from(count % 500).unwrap(),
            },
        )
        .unwrap();
    let header = Header::for_history(
        &opened.header.id,
        opened.header.continued_from.as_deref(),
        &opened.history,
    );
    saver.request(header, &opened.history);
}

/// Waits for the saver's own retries until a write works; panics if none ever does.
fn wait_until_saved(saver: &mut Autosaver) {
    for _ in 0..2000 {
        if let Some(report) = saver.poll()
            && report.result.is_ok()
        {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the saver never wrote again: {:?}", saver.last_error());
}

#[test]
fn a_session_whose_folder_came_back_is_still_locked_after_the_retried_save() {
    // The folder is removed while the session is open (a share unmounted, a careless
    // `rm -r`), then made again: the retried save puts the session back, and its lock
    // must come back with it, or a second sameside opening it would write it too.
    let root = TempDir::new().unwrap();
    let dir = root.path().join("sessions");
    fs::create_dir(&dir).unwrap();
    let path = session_in(&dir, "a.ron");
    let mut first = open(&path);
    assert_exclusive(&first);
    let retry = Retry {
        first: std::time::Duration::from_millis(5),
        longest: std::time::Duration::from_millis(20),
    };
    let mut saver = Autosaver::start_with(first.path.clone(), first.history.events(), retry);

    fs::remove_dir_all(&dir).unwrap();
    autosave_a_change(&mut first, &mut saver);
    saver.flush();
    assert!(
        saver.last_error().is_some(),
        "a save into a missing folder worked"
    );
    fs::create_dir(&dir).unwrap();
    wait_until_saved(&mut saver);

    assert!(path.is_file());
    assert_read_only(&open(&path));
}

#[test]
fn a_writer_whose_lock_file_was_deleted_does_not_save_over_a_second_writer() {
    // Someone tidies the folder and deletes the `.lock` files: a second sameside then
    // finds the session free. The first must not go on saving over what the second
    // writes; it says why its changes are no longer saved.
    let dir = TempDir::new().unwrap();
    let path = session_in(dir.path(), "a.ron");
    let mut first = open(&path);
    let mut saver = Autosaver::start(first.path.clone(), first.history.events());
    // One save, so that the file is no longer the one whose handle the lock holds.
    autosave_a_change(&mut first, &mut saver);
    saver.flush();
    assert!(saver.is_clean());

    fs::remove_file(lock_path(&path)).unwrap();
    let mut second = open(&path);
    assert_exclusive(&second);
    save_a_change(&mut second);
    let written_by_second = fs::read(&path).unwrap();
    autosave_a_change(&mut first, &mut saver);
    saver.flush();

    assert_eq!(fs::read(&path).unwrap(), written_by_second);
    assert_eq!(saver.last_error(), Some(&SaveError::LockTaken));
    let error = saver
        .last_error()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(error.contains("another sameside"), "{error}");
    assert!(!saver.is_clean());
}

// --- temp files of saves that died ------------------------------------------------------

/// The pid of a process that has ended (and been reaped).
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

fn temp_name(session: &str, pid: u32, n: u32) -> String {
    format!(".{session}.tmp-{pid}-{n}")
}

#[test]
fn opening_a_session_removes_the_temp_files_its_dead_saves_left() {
    let dir = TempDir::new().unwrap();
    let path = session_in(dir.path(), "a.ron");
    let pid = dead_pid();
    for n in 0..3 {
        fs::write(dir.path().join(temp_name("a.ron", pid, n)), example_text()).unwrap();
    }

    let _opened = open(&path);

    assert_eq!(
        names_in(dir.path()),
        vec!["a.ron", "a.ron.bak", "a.ron.lock"]
    );
}

#[test]
fn temp_files_of_a_live_process_and_of_other_sessions_are_left_alone() {
    let dir = TempDir::new().unwrap();
    let path = session_in(dir.path(), "a.ron");
    let mut live = Command::new("sleep").arg("30").spawn().unwrap();
    let dead = dead_pid();
    let keep = [
        temp_name("a.ron", live.id(), 0),
        temp_name("a.ron", std::process::id(), 7),
        temp_name("b.ron", dead, 0),
        format!(".a.ron.tmp-{dead}-x"),
        format!(".a.ron.tmp-{dead}"),
    ];
    for name in &keep {
        fs::write(dir.path().join(name), b"partial").unwrap();
    }

    let _opened = open(&path);
    let _ = live.kill();
    let _ = live.wait();

    for name in &keep {
        assert!(dir.path().join(name).exists(), "{name} was removed");
    }
}

#[test]
fn a_read_only_open_leaves_temp_files_alone() {
    let dir = TempDir::new().unwrap();
    let path = session_in(dir.path(), "a.ron");
    let first = open(&path);
    let stale = dir.path().join(temp_name("a.ron", dead_pid(), 0));
    fs::write(&stale, b"partial").unwrap();

    let second = open(&path);
    assert_read_only(&second);
    assert!(stale.exists());
    drop(first);
}

// --- deleting to the trash ------------------------------------------------------------------

fn moment(minute: u32) -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone;
    chrono::Utc
        .with_ymd_and_hms(2026, 11, 27, 14, minute, 9)
        .unwrap()
}

#[test]
fn deleting_moves_the_session_and_its_backup_to_the_trash_and_lists_it_no_more() {
    let dir = TempDir::new().unwrap();
    let path = session_in(dir.path(), "a.ron");
    drop(open(&path)); // writes a.ron.bak and a.ron.lock
    let before = fs::read(&path).unwrap();

    let moved = trash_session(&path, moment(5)).unwrap();

    assert_eq!(names_in(dir.path()), vec!["trash"]);
    assert_eq!(fs::read(&moved).unwrap(), before);
    assert!(backup_path(&moved).is_file());
    assert!(list_sessions(dir.path()).unwrap().is_empty());
    let trashed = list_trash(dir.path()).unwrap();
    assert_eq!(trashed.len(), 1);
    assert_eq!(trashed[0].name, "a.ron");
    assert_eq!(trashed[0].deleted, Some(moment(5)));
    assert_eq!(
        trashed[0].title.as_deref(),
        Some("Northwind × Globex: plant-floor analytics")
    );
}

#[test]
fn a_restored_session_is_back_under_its_name_with_its_backup() {
    let dir = TempDir::new().unwrap();
    let path = session_in(dir.path(), "a.ron");
    drop(open(&path));
    let before = fs::read(&path).unwrap();
    trash_session(&path, moment(5)).unwrap();

    let item = list_trash(dir.path()).unwrap().remove(0);
    let restored = restore_from_trash(&item, dir.path()).unwrap();

    assert_eq!(restored, path);
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(backup_path(&path).is_file());
    assert!(list_trash(dir.path()).unwrap().is_empty());
    assert_eq!(list_sessions(dir.path()).unwrap().len(), 1);
    assert_exclusive(&open(&path));
}

#[test]
fn the_sealed_answers_of_a_session_go_to_the_trash_and_back_with_it() {
    use sameside::storage::sealed::{SealedAnswers, read_sealed, sealed_path, write_sealed};
    let dir = TempDir::new().unwrap();
    let path = session_in(dir.path(), "a.ron");
    let sealed = SealedAnswers::new(ItemId(40));
    write_sealed(&path, &sealed).unwrap();

    let moved = trash_session(&path, moment(5)).unwrap();
    assert_eq!(names_in(dir.path()), vec!["trash"]);
    assert!(sealed_path(&moved).is_file());

    let item = list_trash(dir.path()).unwrap().remove(0);
    restore_from_trash(&item, dir.path()).unwrap();
    assert_eq!(read_sealed(&path, ItemId(40)).unwrap(), sealed);
    assert!(list_trash(dir.path()).unwrap().is_empty());
}

#[test]
fn two_deleted_sessions_of_the_same_name_both_stay_restorable() {
    let dir = TempDir::new().unwrap();
    let path = session_in(dir.path(), "a.ron");
    trash_session(&path, moment(5)).unwrap();
    fs::write(&path, example_text()).unwrap();
    // The same second: the second deletion needs a folder of its own.
    trash_session(&path, moment(5)).unwrap();

    let trashed = list_trash(dir.path()).unwrap();
    assert_eq!(trashed.len(), 2);
    assert!(trashed.iter().all(|t| t.name == "a.ron"));
    assert_ne!(trashed[0].file, trashed[1].file);
    restore_from_trash(&trashed[0], dir.path()).unwrap();
    // The other one cannot come back over it.
    let refused = restore_from_trash(&trashed[1], dir.path())
        .unwrap_err()
        .to_string();
    assert!(refused.contains("a.ron is already taken"), "{refused}");
    assert!(trashed[1].file.is_file());
}

#[test]
fn restoring_over_an_existing_file_is_refused_and_changes_nothing() {
    let dir = TempDir::new().unwrap();
    let path = session_in(dir.path(), "a.ron");
    trash_session(&path, moment(5)).unwrap();
    fs::write(&path, b"a new file under the old name").unwrap();

    let item = list_trash(dir.path()).unwrap().remove(0);
    let refused = restore_from_trash(&item, dir.path()).unwrap_err();
    assert_eq!(refused.advice(), "rename or move that file first");
    let refused = refused.to_string();

    assert!(
        refused.contains("rename or move that file first"),
        "{refused}"
    );
    assert_eq!(fs::read(&path).unwrap(), b"a new file under the old name");
    assert_eq!(fs::read(&item.file).unwrap(), example_text());
}

#[test]
fn a_session_open_elsewhere_is_not_moved_to_the_trash() {
    let dir = TempDir::new().unwrap();
    let path = session_in(dir.path(), "a.ron");
    let link = dir.path().join("link.ron");
    symlink(&path, &link).unwrap();
    let _held = open(&link);

    let refused = trash_session(&path, moment(5)).unwrap_err();

    assert_eq!(refused, SaveError::HeldElsewhere);
    assert!(
        refused.to_string().contains("another sameside"),
        "{refused}"
    );
    assert!(path.is_file());
    assert!(list_trash(dir.path()).unwrap().is_empty());
}

#[test]
fn nothing_in_the_trash_is_listed_as_a_session() {
    let dir = TempDir::new().unwrap();
    let trash = dir.path().join("trash");
    fs::create_dir_all(trash.join("by-hand")).unwrap();
    fs::write(trash.join("loose.ron"), example_text()).unwrap();
    fs::write(trash.join("by-hand").join("b.ron"), example_text()).unwrap();
    session_in(dir.path(), "a.ron");

    let listed = list_sessions(dir.path()).unwrap();

    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].path(), dir.path().join("a.ron"));
    // A folder put there by hand is offered for restoring like any other deletion.
    let trashed = list_trash(dir.path()).unwrap();
    assert_eq!(trashed.len(), 1);
    assert_eq!(trashed[0].name, "b.ron");
}

#[test]
fn deleting_a_symlinked_session_trashes_the_link_and_leaves_its_target() {
    let dir = TempDir::new().unwrap();
    let other = TempDir::new().unwrap();
    let real = session_in(other.path(), "a.ron");
    let link = dir.path().join("shared.ron");
    symlink(&real, &link).unwrap();

    let moved = trash_session(&link, moment(5)).unwrap();

    assert!(
        fs::symlink_metadata(&moved)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(real.is_file());
    let item = list_trash(dir.path()).unwrap().remove(0);
    restore_from_trash(&item, dir.path()).unwrap();
    assert_eq!(fs::read_link(&link).unwrap(), real);
}

// --- only regular files, never a wait -----------------------------------------------------

/// What every reader of session files says about `path`, each run on a thread of its own
/// so that a reader that blocks fails the test instead of hanging it.
fn every_reader_on(path: &Path) -> Vec<(&'static str, String)> {
    type Reader = fn(&Path) -> String;
    let readers: [(&'static str, Reader); 4] = [
        ("read_session", |p| format!("{:?}", read_session(p).err())),
        ("open_session", |p| format!("{:?}", open_session(p).err())),
        ("read_record", |p| format!("{:?}", read_record(p).err())),
        ("follow", |p| format!("{:?}", Follower::new(p).poll())),
    ];
    readers
        .into_iter()
        .map(|(name, read)| {
            let (tx, rx) = std::sync::mpsc::channel();
            let owned = path.to_path_buf();
            std::thread::spawn(move || {
                let _ = tx.send(read(&owned));
            });
            // Generous: this only tells a reader that waits for ever from one that returns.
            let said = rx
                .recv_timeout(std::time::Duration::from_secs(30))
                .unwrap_or_else(|_| panic!("{name} is still waiting on {}", path.display()));
            (name, said)
        })
        .collect()
}

#[test]
fn a_fifo_named_x_ron_is_refused_by_every_reader_without_waiting() {
    let dir = TempDir::new().unwrap();
    let fifo = dir.path().join("x.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());

    for (reader, said) in every_reader_on(&fifo) {
        assert!(said.contains("not a regular file"), "{reader}: {said}");
    }
}

#[test]
fn a_link_to_an_endless_device_named_x_ron_is_refused_by_every_reader() {
    let dir = TempDir::new().unwrap();
    let link = dir.path().join("x.ron");
    symlink("/dev/zero", &link).unwrap();

    for (reader, said) in every_reader_on(&link) {
        assert!(said.contains("not a regular file"), "{reader}: {said}");
    }
}

#[test]
fn a_file_larger_than_any_session_is_refused_without_being_read_into_memory() {
    // Sparse: it claims its size and takes no room on disk, like an unpacked zip bomb.
    let dir = TempDir::new().unwrap();
    let huge = dir.path().join("huge.ron");
    fs::File::create(&huge)
        .unwrap()
        .set_len(MAX_SESSION_BYTES + 1)
        .unwrap();

    for (reader, said) in every_reader_on(&huge) {
        assert!(said.contains("more than"), "{reader}: {said}");
    }
}

//! Following a session file that someone else is writing: the audience view asks every
//! few hundred milliseconds whether the file changed and, only when it did, reads it
//! again.
//!
//! The file is only ever read, by path: no lock, no backup, no handle kept open. The
//! autosave replaces the file by renaming a new one over it, so a handle held from an
//! earlier read would keep showing the old file forever; opening by path each time
//! also makes a deleted and recreated file just work.

use std::path::{Path, PathBuf};

use crate::domain::History;

use super::format::{FileError, Header, decode};
use super::store::read_session_bytes;

/// What one look at the file found.
#[derive(Debug)]
pub enum FollowEvent {
    /// Nothing new: the file is as last read, or fails the same way as last reported.
    Unchanged,
    /// The file changed and reads cleanly: the whole session as it is now (boxed: a
    /// session is large, and most looks find nothing).
    Loaded(Header, Box<History>),
    /// The file cannot be used now (gone, not permitted, damaged, half written, from a
    /// newer sameside). Reported once per distinct error, not on every look.
    Unreadable(FileError),
}

/// Enough of a file's metadata to tell that it is no longer the file last read, without
/// reading it. An atomic replace gives a new inode even when the length and the time
/// come out the same; a `chmod` changes only the mode and the change time.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Signature {
    len: u64,
    modified: Option<std::time::SystemTime>,
    #[cfg(unix)]
    unix: (u64, u64, u32, i64, i64),
}

impl Signature {
    fn of(meta: &std::fs::Metadata) -> Signature {
        #[cfg(unix)]
        let unix = {
            use std::os::unix::fs::MetadataExt;
            (
                meta.dev(),
                meta.ino(),
                meta.mode(),
                meta.ctime(),
                meta.ctime_nsec(),
            )
        };
        Signature {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            unix,
        }
    }
}

/// Watches one session file by polling its metadata. Knows nothing of terminals.
#[derive(Debug)]
pub struct Follower {
    path: PathBuf,
    /// The metadata of the file as last read, whether it read cleanly or not; `None`
    /// before the first look and while the file cannot even be looked at.
    last_signature: Option<Signature>,
    /// The error last reported, so a file that stays broken is reported once.
    reported: Option<FileError>,
}

impl Follower {
    /// A follower that has not looked yet: its first `poll` reads the file.
    pub fn new(path: &Path) -> Follower {
        Follower {
            path: path.to_path_buf(),
            last_signature: None,
            reported: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Looks at the file and reads it again if it changed since the last look.
    pub fn poll(&mut self) -> FollowEvent {
        // The metadata is taken before the read: should the file change in between, the
        // next look sees other metadata and reads again, so no change is missed.
        let signature = match std::fs::metadata(&self.path) {
            Ok(meta) => Signature::of(&meta),
            Err(e) => {
                self.last_signature = None;
                return self.fail(self.cannot_read(&e));
            }
        };
        if self.last_signature.as_ref() == Some(&signature) {
            return FollowEvent::Unchanged;
        }
        self.last_signature = Some(signature);
        let read = read_session_bytes(&self.path).and_then(|bytes| decode(&self.path, &bytes));
        match read {
            Ok((header, history)) => {
                self.reported = None;
                FollowEvent::Loaded(header, Box::new(history))
            }
            Err(error) => self.fail(error),
        }
    }

    /// Worded as the other readers word it (`read_record`, `read_session`).
    fn cannot_read(&self, e: &std::io::Error) -> FileError {
        FileError {
            location: self.path.display().to_string(),
            message: format!("cannot be read: {e}"),
        }
    }

    fn fail(&mut self, error: FileError) -> FollowEvent {
        if self.reported.as_ref() == Some(&error) {
            return FollowEvent::Unchanged;
        }
        self.reported = Some(error.clone());
        FollowEvent::Unreadable(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::atomic::write_atomically;
    use crate::storage::format::encode;
    use crate::storage::store::read_session;

    const NORTHWIND: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";

    fn example() -> (Header, History) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sessions")
            .join(NORTHWIND);
        match read_session(&path) {
            Ok(loaded) => loaded,
            Err(e) => panic!("{e}"),
        }
    }

    /// The example's text, and the same session one event shorter: two good versions of
    /// one file to switch between.
    fn two_versions() -> (String, String) {
        let (header, history) = example();
        let full = encode(&header, &history).expect("encode");
        let mut events = history.events().to_vec();
        events.pop();
        let shorter = History::from_events(events).expect("a prefix applies");
        let short = encode(&header, &shorter).expect("encode");
        (full, short)
    }

    fn events_of(event: &FollowEvent) -> Option<usize> {
        match event {
            FollowEvent::Loaded(_, history) => Some(history.events().len()),
            _ => None,
        }
    }

    #[track_caller]
    fn unreadable(event: FollowEvent) -> FileError {
        match event {
            FollowEvent::Unreadable(error) => error,
            other => panic!("expected Unreadable, got {other:?}"),
        }
    }

    #[test]
    fn reads_on_the_first_look_and_not_again_until_the_file_changes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.ron");
        let (full, _) = two_versions();
        std::fs::write(&path, &full).expect("write");
        let mut follower = Follower::new(&path);
        let first = follower.poll();
        assert!(events_of(&first).is_some(), "{first:?}");
        assert!(matches!(follower.poll(), FollowEvent::Unchanged));
        assert!(matches!(follower.poll(), FollowEvent::Unchanged));
    }

    #[test]
    fn an_atomic_replace_is_seen_even_with_the_same_length() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.ron");
        let (full, short) = two_versions();
        write_atomically(&path, full.as_bytes()).expect("write");
        let mut follower = Follower::new(&path);
        let full_events = events_of(&follower.poll()).expect("loaded");

        write_atomically(&path, short.as_bytes()).expect("replace");
        assert_eq!(events_of(&follower.poll()), Some(full_events - 1));

        // The same bytes again, renamed over the file: a new inode, so it is read again
        // although length and content are as before.
        write_atomically(&path, short.as_bytes()).expect("replace");
        assert_eq!(events_of(&follower.poll()), Some(full_events - 1));
        assert!(matches!(follower.poll(), FollowEvent::Unchanged));
    }

    #[test]
    fn a_deleted_file_is_reported_once_and_picked_up_when_recreated() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.ron");
        let (full, short) = two_versions();
        std::fs::write(&path, &full).expect("write");
        let mut follower = Follower::new(&path);
        assert!(events_of(&follower.poll()).is_some());

        std::fs::remove_file(&path).expect("delete");
        let error = unreadable(follower.poll());
        assert_eq!(error.location, path.display().to_string());
        assert!(error.message.starts_with("cannot be read:"), "{error}");
        assert!(matches!(follower.poll(), FollowEvent::Unchanged));

        std::fs::write(&path, &short).expect("recreate");
        assert!(events_of(&follower.poll()).is_some());
    }

    #[test]
    fn garbage_says_where_and_a_good_file_afterwards_reads_again() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.ron");
        let (full, _) = two_versions();
        std::fs::write(&path, &full).expect("write");
        let mut follower = Follower::new(&path);
        assert!(events_of(&follower.poll()).is_some());

        // Truncated in place, not replaced: same inode, other length.
        std::fs::write(&path, &full[..full.len() / 2]).expect("truncate");
        let error = unreadable(follower.poll());
        let text = error.to_string();
        assert!(
            text.starts_with(&format!("{}:", path.display())),
            "not path:line:col: {text}"
        );
        let place = &error.location[path.display().to_string().len()..];
        assert!(
            place.starts_with(':') && place[1..].contains(':'),
            "no line and column in {text}"
        );
        assert!(matches!(follower.poll(), FollowEvent::Unchanged));

        // Other garbage is another error, reported again.
        std::fs::write(&path, "not a session at all").expect("garbage");
        let other = unreadable(follower.poll());
        assert_ne!(other, error);
        assert!(
            other.message.contains("not a sameside session file"),
            "{other}"
        );

        std::fs::write(&path, &full).expect("restore");
        assert!(events_of(&follower.poll()).is_some());
        assert!(matches!(follower.poll(), FollowEvent::Unchanged));
    }

    #[test]
    fn a_newer_format_is_refused_with_its_place() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.ron");
        let (full, _) = two_versions();
        let newer = full.replacen("format: 1", "format: 99", 1);
        assert_ne!(newer, full, "the example names its format");
        std::fs::write(&path, newer).expect("write");
        let error = unreadable(Follower::new(&path).poll());
        assert!(error.message.contains("newer sameside"), "{error}");
        assert!(error.location.ends_with(":3:5"), "{error}");
    }

    #[test]
    fn following_never_writes_anything_beside_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.ron");
        let (full, short) = two_versions();
        std::fs::write(&path, &full).expect("write");
        let mut follower = Follower::new(&path);
        for text in [&short, &full] {
            let _ = follower.poll();
            write_atomically(&path, text.as_bytes()).expect("replace");
        }
        let _ = follower.poll();
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["s.ron".to_string()]);
        assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some(&*full));
    }

    #[cfg(unix)]
    #[test]
    fn a_file_made_unreadable_is_reported_and_read_again_when_permitted() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.ron");
        let (full, _) = two_versions();
        std::fs::write(&path, &full).expect("write");
        let mut follower = Follower::new(&path);
        assert!(events_of(&follower.poll()).is_some());

        let set = |mode: u32| {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).expect("chmod")
        };
        set(0o000);
        // Root reads the file whatever its mode, so there is nothing to see there; the
        // change of mode is still noticed and the file read again.
        if std::fs::read(&path).is_ok() {
            eprintln!("notice: running as root; the permission case cannot fail a read");
            assert!(events_of(&follower.poll()).is_some());
            set(0o644);
            return;
        }
        let error = unreadable(follower.poll());
        assert!(error.message.contains("cannot be read"), "{error}");
        set(0o644);
        assert!(events_of(&follower.poll()).is_some());
    }
}

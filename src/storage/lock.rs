//! Keeps two copies of the app from editing the same session at once, whatever name
//! each one opened it by.
//!
//! A lock must follow the file, not the name it was opened by: a session reached once
//! through its own path and once through a symbolic link or a hard link would otherwise
//! be writable twice, and the two writers would fork it silently. It must also survive
//! saves, which replace the session file by renaming a new one over it, so the inode
//! that was opened is not the one on disk after the first save. Two locks together do
//! both:
//!
//! - **The name lock**, on `<real file>.lock`, where the real file is the session path
//!   with every symbolic link resolved. Every symlink to a session leads to the same lock
//!   file, and a lock file is never renamed over, so saves do not disturb it. It guards
//!   the real name for as long as the session is open, across any number of saves.
//! - **The file lock**, on the session file itself as it was when opened (its inode; on
//!   Unix only). A hard link is another name for that inode, so a second opener coming
//!   through a hard link (which has a `.lock` of its own name) finds the inode locked.
//!   After a save the real name points to a new inode, but the hard link still points to
//!   the locked old one, which this lock keeps locked (and kept by its open handle);
//!   the real name itself is then guarded by the name lock.
//!
//! What neither covers: a hard link made to the session *while it is open and after it
//! was saved* names an inode nobody locked; and on file systems where a file lock cannot
//! be taken through a read-only handle (some network mounts), only the name lock is held.

use std::ffi::OsString;
use std::fmt;
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use super::regular::{ReadError, open_regular};

/// Proof that this process holds the session's lock.
///
/// The OS releases the lock when the file handles close, so dropping this
/// (or the process dying) frees the session. The lock file itself is left on
/// disk on purpose: deleting it would let a third process lock a fresh file
/// under the same name while a second one still holds the old, unlinked one,
/// and both would believe they own the session.
pub struct SessionLock {
    // Never read: holding the open handles is what keeps the locks.
    _name: File,
    _file: Option<File>,
    path: PathBuf,
    identity: Option<FileIdentity>,
}

/// A file's identity on its device, the same for every name it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileIdentity {
    pub device: u64,
    pub inode: u64,
}

impl FileIdentity {
    /// The identity in `meta`; `None` where the platform has none to give.
    pub fn of(meta: &std::fs::Metadata) -> Option<FileIdentity> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(FileIdentity {
                device: meta.dev(),
                inode: meta.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }
}

impl SessionLock {
    /// The lock file this lock is held on.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The session file that was locked, as it was when locked (`None` when it did not
    /// exist yet, or the platform cannot say).
    pub fn identity(&self) -> Option<FileIdentity> {
        self.identity
    }
}

impl fmt::Debug for SessionLock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SessionLock")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// Result of trying to lock a session; being locked out is an expected
/// outcome the UI reports, not an I/O failure.
#[derive(Debug)]
pub enum LockOutcome {
    Acquired(SessionLock),
    HeldElsewhere,
}

/// How many names (hard links) the file at `path` has; 1 where the platform cannot say.
/// A save replaces the file, so every other name keeps the version from before it: the
/// moderator should know before the first save that the names are about to part.
pub fn link_count(path: &Path) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).map_or(1, |meta| meta.nlink())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        1
    }
}

/// The lock file that guards `session_path`: the full name plus `.lock`,
/// e.g. `2026-11-27-acme.ron.lock`. Pass the real path ([`real_path`]) so that
/// every name of the session leads to the same lock.
pub fn lock_path(session_path: &Path) -> PathBuf {
    let mut name = OsString::from(session_path.as_os_str());
    name.push(".lock");
    PathBuf::from(name)
}

/// `path` with every symbolic link resolved: the file that is really read and written.
/// A path that does not exist yet resolves through its directory. A link whose target is
/// missing is an error (`NotFound`), so that nothing replaces the link by a file.
pub fn real_path(path: &Path) -> io::Result<PathBuf> {
    match std::fs::canonicalize(path) {
        Ok(real) => Ok(real),
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            // A dangling link exists as a name; only a name that is not there at all
            // resolves through its directory.
            if std::fs::symlink_metadata(path).is_ok() {
                return Err(err);
            }
            let name = path.file_name().ok_or(err)?;
            let dir = match path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
            Ok(std::fs::canonicalize(dir)?.join(name))
        }
        Err(err) => Err(err),
    }
}

/// Tries, without waiting, to take the exclusive lock for a session.
///
/// Returns `HeldElsewhere` if another process (or another handle in this
/// process) holds it, through this name or any other. The lock file is created
/// beside the real file if missing; a lock file left behind by a crashed run does
/// not block anyone, since the OS dropped its lock together with the process.
pub fn try_lock_session(session_path: &Path) -> io::Result<LockOutcome> {
    let real = real_path(session_path)?;
    let path = lock_path(&real);
    // Write access because some platforms refuse exclusive locks on
    // read-only handles; no truncate so that we never touch a file whose
    // lock we do not (yet) hold.
    let name = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)?;
    match name.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => return Ok(LockOutcome::HeldElsewhere),
        Err(TryLockError::Error(err)) => return Err(err),
    }
    let (file, identity) = match lock_file_itself(&real)? {
        FileLock::Held => return Ok(LockOutcome::HeldElsewhere),
        FileLock::Taken(file, identity) => (Some(file), identity),
        FileLock::NotTaken => (None, None),
    };
    Ok(LockOutcome::Acquired(SessionLock {
        _name: name,
        _file: file,
        path,
        identity,
    }))
}

enum FileLock {
    Taken(File, Option<FileIdentity>),
    Held,
    /// No file yet, not a regular file, or a lock the file system cannot give.
    NotTaken,
}

#[cfg(unix)]
fn lock_file_itself(real: &Path) -> io::Result<FileLock> {
    // Read-only and without blocking: locking must neither need write permission on the
    // session nor hang on a pipe put in its place. On Unix the lock (flock) is advisory,
    // so readers and the rename of a save are not hindered by it.
    let (file, meta) = match open_regular(real) {
        Ok(opened) => opened,
        Err(ReadError::Io(err)) if err.kind() != io::ErrorKind::NotFound => return Err(err),
        Err(_) => return Ok(FileLock::NotTaken),
    };
    match file.try_lock() {
        Ok(()) => Ok(FileLock::Taken(file, FileIdentity::of(&meta))),
        Err(TryLockError::WouldBlock) => Ok(FileLock::Held),
        // Some network file systems refuse an exclusive lock through a read-only handle;
        // the name lock still keeps out everyone coming through a link of this name.
        Err(TryLockError::Error(_)) => Ok(FileLock::NotTaken),
    }
}

#[cfg(not(unix))]
fn lock_file_itself(_real: &Path) -> io::Result<FileLock> {
    // Locks on Windows are mandatory: one held on the session file would make every
    // save's rename over it fail. Hard links to sessions are rare enough there.
    Ok(FileLock::NotTaken)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn acquire(path: &Path) -> SessionLock {
        match try_lock_session(path).unwrap() {
            LockOutcome::Acquired(lock) => lock,
            LockOutcome::HeldElsewhere => panic!("expected to acquire {}", path.display()),
        }
    }

    #[test]
    fn lock_path_appends_lock_to_the_full_name() {
        assert_eq!(
            lock_path(Path::new("/s/2026-11-27-acme.ron")),
            PathBuf::from("/s/2026-11-27-acme.ron.lock")
        );
    }

    #[test]
    fn second_attempt_is_refused_until_first_lock_is_dropped() {
        // std's try_lock is flock-style: locks belong to the open file
        // description, so two handles in one process do conflict. This is
        // what lets us test exclusion without spawning a second process.
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("2026-11-27-acme.ron");

        let first = acquire(&session);
        assert!(matches!(
            try_lock_session(&session).unwrap(),
            LockOutcome::HeldElsewhere
        ));

        drop(first);
        let second = acquire(&session);
        assert_eq!(second.path(), lock_path(&session));
    }

    #[test]
    fn lock_file_is_created_beside_the_session_and_kept_after_drop() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("a.ron");

        let lock = acquire(&session);
        assert!(lock_path(&session).is_file());
        // Locking must not create or touch the session file itself.
        assert!(!session.exists());

        drop(lock);
        assert!(lock_path(&session).is_file());
    }

    #[test]
    fn stale_lock_file_from_a_crashed_run_does_not_block() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("a.ron");
        fs::write(lock_path(&session), b"left over").unwrap();

        let _lock = acquire(&session);

        assert_eq!(fs::read(lock_path(&session)).unwrap(), b"left over");
    }

    #[test]
    fn different_sessions_lock_independently() {
        let dir = tempfile::tempdir().unwrap();
        let _a = acquire(&dir.path().join("a.ron"));
        let _b = acquire(&dir.path().join("b.ron"));
    }

    #[test]
    fn lock_survives_the_session_file_being_replaced() {
        // Saves rename a new file over the session; the lock must still
        // exclude others afterwards.
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("a.ron");
        fs::write(&session, b"v1").unwrap();
        let _lock = acquire(&session);

        let temp = dir.path().join(".a.ron.tmp");
        fs::write(&temp, b"v2").unwrap();
        fs::rename(&temp, &session).unwrap();

        assert!(matches!(
            try_lock_session(&session).unwrap(),
            LockOutcome::HeldElsewhere
        ));
    }

    #[test]
    fn missing_directory_is_an_error_not_a_lockout() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("nope").join("a.ron");

        let err = try_lock_session(&session).unwrap_err();

        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }
}

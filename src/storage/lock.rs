//! Keeps two copies of the app from editing the same session at once.
//!
//! The lock is taken on a separate `<session>.lock` file rather than on the
//! session file itself, because saves replace the session file by renaming a
//! new one over it: a lock on the old inode would silently stop protecting
//! anything after the first save.

use std::ffi::OsString;
use std::fmt;
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// Proof that this process holds the session's lock.
///
/// The OS releases the lock when the file handle closes, so dropping this
/// (or the process dying) frees the session. The lock file itself is left on
/// disk on purpose: deleting it would let a third process lock a fresh file
/// under the same name while a second one still holds the old, unlinked one,
/// and both would believe they own the session.
pub struct SessionLock {
    // Never read: holding the open handle is what keeps the lock.
    _file: File,
    path: PathBuf,
}

impl SessionLock {
    /// The lock file this lock is held on.
    pub fn path(&self) -> &Path {
        &self.path
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

/// The lock file that guards `session_path`: the full name plus `.lock`,
/// e.g. `2026-11-27-acme.ron.lock`.
pub fn lock_path(session_path: &Path) -> PathBuf {
    let mut name = OsString::from(session_path.as_os_str());
    name.push(".lock");
    PathBuf::from(name)
}

/// Tries, without waiting, to take the exclusive lock for a session.
///
/// Returns `HeldElsewhere` if another process (or another handle in this
/// process) holds it. The lock file is created if missing; a lock file left
/// behind by a crashed run does not block anyone, since the OS dropped its
/// lock together with the process.
pub fn try_lock_session(session_path: &Path) -> io::Result<LockOutcome> {
    let path = lock_path(session_path);
    // Write access because some platforms refuse exclusive locks on
    // read-only handles; no truncate so that we never touch a file whose
    // lock we do not (yet) hold.
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)?;
    match file.try_lock() {
        Ok(()) => Ok(LockOutcome::Acquired(SessionLock { _file: file, path })),
        Err(TryLockError::WouldBlock) => Ok(LockOutcome::HeldElsewhere),
        Err(TryLockError::Error(err)) => Err(err),
    }
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

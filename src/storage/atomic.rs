//! Crash-safe replacement of a file's contents.
//!
//! A session file is the only record of a conversation that may have taken
//! hours, so a crash or a full disk half-way through a save must never leave
//! a truncated file behind. We therefore write a sibling temp file, make it
//! durable, and only then rename it over the real one: readers see either the
//! old bytes or the new bytes, never a mix.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::lock::real_path;

/// Distinguishes temp files of concurrent saves inside one process; the pid
/// in the name does the same across processes.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// A stale temp file left by a crashed process that happened to have our pid
/// could collide with a name; a few fresh counters always get past that, and
/// the bound stops a pathological directory from spinning us forever.
const MAX_TEMP_ATTEMPTS: u32 = 16;

/// Replaces the contents of `path` with `bytes` so that, whatever happens,
/// the file holds either its old contents or all of the new ones.
///
/// On error the temp file is removed and the original file is left as it
/// was. The one exception is a failure to sync the directory after the
/// rename: by then the new contents are already in place, and the error is
/// still returned because the rename may not survive a power cut.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_as(path, bytes, Access::AsBefore)
}

/// `write_atomically` for a file only its owner may read or write, whatever the file
/// allowed before: the permissions are set before a byte is written.
pub fn write_atomically_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_as(path, bytes, Access::OwnerOnly)
}

/// Who may read the file once written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// As the file it replaces allowed (new files: as the process's umask allows).
    AsBefore,
    OwnerOnly,
}

fn write_atomically_as(path: &Path, bytes: &[u8], access: Access) -> io::Result<()> {
    // Through a symbolic link, the file to replace is the link's target: renaming over
    // the link itself would turn it into a file and split the session in two. The temp
    // file then goes beside the target, so that the rename stays within one directory.
    let resolved;
    let path = if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        resolved = real_path(path)?;
        resolved.as_path()
    } else {
        path
    };
    let file_name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    let dir = parent_dir(path);

    let (temp_path, file) = create_temp_file(dir, file_name)?;
    if let Err(err) = fill_and_rename(file, &temp_path, path, bytes, access) {
        // Best effort: the write error is what the user needs to see, and a
        // leftover hidden temp file is harmless compared to losing it.
        let _ = fs::remove_file(&temp_path);
        return Err(err);
    }
    sync_dir(dir)
}

/// Removes the temp files that saves of `path` left behind when their process died
/// (`.NAME.tmp-PID-N` whose PID is no longer running), and returns how many went.
///
/// A save killed between creating its temp file and renaming it leaves a full-size hidden
/// copy that nothing else would ever remove. Only a temp file whose process is gone is
/// removed: one of a running process may be a save in progress. Call it only while
/// holding the session's lock, so that no other sameside is saving this file.
pub fn remove_orphaned_temp_files(path: &Path) -> io::Result<usize> {
    let Some(file_name) = path.file_name() else {
        return Ok(0);
    };
    let mut prefix = OsString::from(".");
    prefix.push(file_name);
    prefix.push(".tmp-");
    let prefix = prefix.as_encoded_bytes();
    let dir = parent_dir(path);
    let mut removed = 0;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(rest) = name.as_encoded_bytes().strip_prefix(prefix) else {
            continue;
        };
        let Some(pid) = temp_file_pid(rest) else {
            continue;
        };
        // Never a directory, and never what a link points to.
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && process_is_gone(pid) && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

/// The pid in the `PID-N` tail of a temp file's name, if the tail is exactly that.
fn temp_file_pid(tail: &[u8]) -> Option<u32> {
    let text = std::str::from_utf8(tail).ok()?;
    let (pid, counter) = text.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(pid) || !digits(counter) {
        return None;
    }
    pid.parse().ok()
}

#[cfg(unix)]
fn process_is_gone(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // Signal 0 checks that the process exists without sending anything. Only "no such
    // process" means gone; "not permitted" means it runs under another user.
    // SAFETY: kill with signal 0 has no effect on the target and no memory arguments.
    let result = unsafe { libc::kill(pid, 0) };
    result == -1 && io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn process_is_gone(_pid: u32) -> bool {
    // No cheap, reliable check here: keeping a stale temp file is the safe mistake.
    false
}

/// Where the previous version of a session is kept: `<path>.bak`.
///
/// Appends to the full name rather than replacing the extension so that
/// `x.ron` and `x.json` would never share a backup.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(".bak");
    PathBuf::from(name)
}

/// A bare file name like `x.ron` has the empty path as its parent, which
/// cannot be opened; it means the current directory.
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

fn create_temp_file(dir: &Path, file_name: &std::ffi::OsStr) -> io::Result<(PathBuf, File)> {
    let pid = std::process::id();
    let mut last_err = None;
    for _ in 0..MAX_TEMP_ATTEMPTS {
        let counter = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        // The leading dot keeps the temp file out of session listings and
        // out of the way of users browsing the directory.
        let mut name = OsString::from(".");
        name.push(file_name);
        name.push(format!(".tmp-{pid}-{counter}"));
        let temp_path = dir.join(name);
        // create_new so that we never truncate a file someone else owns.
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp_path)
        {
            Ok(file) => return Ok((temp_path, file)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => last_err = Some(err),
            Err(err) => return Err(err),
        }
    }
    Err(last_err.unwrap_or_else(|| io::Error::other("could not pick a temp file name")))
}

fn fill_and_rename(
    mut file: File,
    temp_path: &Path,
    path: &Path,
    bytes: &[u8],
    access: Access,
) -> io::Result<()> {
    match access {
        // A private session must not become world-readable just because it was
        // saved: carry the old file's permissions over to its replacement.
        Access::AsBefore => {
            if let Ok(meta) = fs::metadata(path) {
                file.set_permissions(meta.permissions())?;
            }
        }
        Access::OwnerOnly => set_owner_only(&file)?,
    }
    file.write_all(bytes)?;
    file.flush()?;
    // Without this the rename can reach the disk before the data does, and a
    // power cut would leave an empty file under the real name.
    file.sync_all()?;
    drop(file);
    fs::rename(temp_path, path)
}

#[cfg(unix)]
fn set_owner_only(file: &File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn set_owner_only(_file: &File) -> io::Result<()> {
    // Elsewhere a new file in the user's own folders is the user's already.
    Ok(())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    // The rename lives in the directory entry; only syncing the directory
    // makes it survive a power cut.
    match File::open(dir).and_then(|d| d.sync_all()) {
        Ok(()) => Ok(()),
        // Some filesystems (and some network mounts) cannot sync a
        // directory at all; the data itself is already durable there.
        Err(err)
            if matches!(
                err.kind(),
                io::ErrorKind::Unsupported | io::ErrorKind::InvalidInput
            ) =>
        {
            Ok(())
        }
        Err(err) => Err(err),
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    // Windows cannot open a directory as a plain File, and NTFS journals the
    // rename itself.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_existing_content_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        fs::write(&path, b"old contents that are longer than the new ones").unwrap();

        write_atomically(&path, b"new").unwrap();

        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(names_in(dir.path()), vec!["s.ron".to_string()]);
    }

    #[test]
    fn creates_file_that_did_not_exist() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fresh.ron");

        write_atomically(&path, b"(events: [])").unwrap();

        assert_eq!(fs::read(&path).unwrap(), b"(events: [])");
    }

    #[test]
    fn writes_empty_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        fs::write(&path, b"something").unwrap();

        write_atomically(&path, b"").unwrap();

        assert_eq!(fs::read(&path).unwrap(), b"");
    }

    #[test]
    fn failed_rename_over_directory_keeps_it_and_removes_temp() {
        // The temp file is created and filled, then the rename fails because
        // the target is a non-empty directory: this exercises the cleanup.
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("s.ron");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("inside"), b"keep me").unwrap();

        let err = write_atomically(&target, b"new").unwrap_err();

        assert_ne!(err.kind(), io::ErrorKind::NotFound);
        assert!(target.is_dir());
        assert_eq!(fs::read(target.join("inside")).unwrap(), b"keep me");
        assert_eq!(names_in(dir.path()), vec!["s.ron".to_string()]);
    }

    #[test]
    fn failure_when_parent_is_a_file_leaves_that_file_intact() {
        // Permission tests are useless as root, so make the write fail by
        // asking for a path "inside" an existing session file.
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        let original: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        fs::write(&session, &original).unwrap();

        let result = write_atomically(&session.join("child.ron"), b"new");

        assert!(result.is_err());
        assert_eq!(fs::read(&session).unwrap(), original);
        assert_eq!(names_in(dir.path()), vec!["s.ron".to_string()]);
    }

    #[test]
    fn failure_when_parent_dir_is_missing_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("s.ron");

        let err = write_atomically(&path, b"new").unwrap_err();

        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert!(names_in(dir.path()).is_empty());
    }

    #[test]
    fn path_without_file_name_is_rejected() {
        let err = write_atomically(Path::new("/"), b"x").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }

    #[test]
    fn concurrent_saves_never_mix_contents() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let payloads: Vec<Vec<u8>> = (0..8u8).map(|i| vec![b'a' + i; 64 * 1024]).collect();

        std::thread::scope(|scope| {
            for payload in &payloads {
                let path = &path;
                scope.spawn(move || write_atomically(path, payload).unwrap());
            }
        });

        let written = fs::read(&path).unwrap();
        assert!(payloads.contains(&written));
        assert_eq!(names_in(dir.path()), vec!["s.ron".to_string()]);
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_of_the_replaced_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        fs::write(&path, b"old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();

        write_atomically(&path, b"new").unwrap();

        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn bare_file_name_writes_into_current_directory_parent() {
        assert_eq!(parent_dir(Path::new("x.ron")), Path::new("."));
        assert_eq!(parent_dir(Path::new("a/x.ron")), Path::new("a"));
    }

    #[test]
    fn backup_path_appends_bak_to_the_full_name() {
        assert_eq!(
            backup_path(Path::new("/s/2026-11-27-acme.ron")),
            PathBuf::from("/s/2026-11-27-acme.ron.bak")
        );
        assert_eq!(backup_path(Path::new("notes")), PathBuf::from("notes.bak"));
    }
}

//! Deleting a session moves it to a `trash` folder in the sessions directory, where it can
//! be restored from: a `d` pressed on the wrong line must not be the end of a record of a
//! meeting.
//!
//! Each deletion gets a folder of its own in `trash/`, named after the moment it was
//! made (`2026-11-27T14-05-09Z`, then `…-2` for a second one in the same second). The
//! session keeps its own file name inside, with its `.bak` beside it, so two sessions of
//! the same name never clash in the trash, and restoring puts each back under the name
//! it had. The session list reads only the top of the sessions directory, so nothing in
//! the trash is ever listed as a session.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};

use super::atomic::backup_path;
use super::lock::{LockOutcome, lock_path, try_lock_session};
use super::save_error::{SaveError, Step};
use super::sealed::sealed_path;
use super::store::read_session;

/// The trash folder's name inside the sessions directory.
pub const TRASH_FOLDER: &str = "trash";

/// How a deletion folder is named: the moment, in UTC, with `-` for `:` so that the name
/// is valid everywhere.
const FOLDER_TIME: &str = "%Y-%m-%dT%H-%M-%SZ";

/// Gives up on finding a free folder name after this many tries, rather than spin in a
/// directory full of strange names.
const MAX_FOLDER_ATTEMPTS: u32 = 1000;

/// The trash folder of a sessions directory.
pub fn trash_dir(sessions_dir: &Path) -> PathBuf {
    sessions_dir.join(TRASH_FOLDER)
}

/// One session in the trash.
#[derive(Debug, Clone, PartialEq)]
pub struct Trashed {
    /// The session file, inside its deletion folder.
    pub file: PathBuf,
    /// The name the session had (and gets back) in the sessions directory.
    pub name: OsString,
    /// When it was deleted, from the folder's name (or its time stamp on disk).
    pub deleted: Option<DateTime<Utc>>,
    /// The session's title, when the file can be read.
    pub title: Option<String>,
    /// The partners, when the file can be read.
    pub partners: Vec<String>,
}

/// Moves the session in `path`, its `.bak` and its `.sealed` into a new folder in the trash of the
/// directory it is in, and returns the new place of the session file. Refuses while
/// another sameside has the session open, so that a session in use never disappears
/// from under someone.
///
/// A session that is a symbolic link is a link in the trash too: its target, and what
/// lies beside the target, stay where they are.
pub fn trash_session(path: &Path, now: DateTime<Utc>) -> Result<PathBuf, SaveError> {
    let name = path
        .file_name()
        .ok_or_else(|| SaveError::NotAFile(path.to_path_buf()))?;
    let is_link = fs::symlink_metadata(path)
        .map_err(|e| SaveError::io(Step::Touch, path, &e))?
        .file_type()
        .is_symlink();
    let _lock = match try_lock_session(path) {
        Ok(LockOutcome::Acquired(lock)) => lock,
        Ok(LockOutcome::HeldElsewhere) => return Err(SaveError::HeldElsewhere),
        Err(e) => return Err(SaveError::io(Step::Lock, &lock_path(path), &e)),
    };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let trash = trash_dir(dir);
    fs::create_dir_all(&trash).map_err(|e| SaveError::io(Step::MakeTrash, &trash, &e))?;
    let folder = new_deletion_folder(&trash, now)?;
    let moved = folder.join(name);
    fs::rename(path, &moved).map_err(|e| {
        // Leave no empty folder behind for a deletion that did not happen.
        let _ = fs::remove_dir(&folder);
        SaveError::io(Step::MoveTo(folder.clone()), path, &e)
    })?;
    if !is_link {
        let backup = backup_path(path);
        if fs::symlink_metadata(&backup).is_ok() {
            // The session itself is safe in the trash already; a backup that cannot
            // follow it stays where it is rather than fail the whole deletion.
            let _ = fs::rename(&backup, backup_path(&moved));
        }
        // The answers of a round still sealed go with the session they belong to: left
        // behind, they would be found by the next session of that name.
        let sealed = sealed_path(path);
        if fs::symlink_metadata(&sealed).is_ok() {
            let _ = fs::rename(&sealed, sealed_path(&moved));
        }
        // Nothing is left for the lock to guard. Removing it while holding it means no
        // other instance can be relying on it.
        let _ = fs::remove_file(lock_path(path));
    }
    Ok(moved)
}

/// Creates a fresh folder in `trash` named after `now`, `-2`, `-3`, … when taken.
fn new_deletion_folder(trash: &Path, now: DateTime<Utc>) -> Result<PathBuf, SaveError> {
    let stamp = now.format(FOLDER_TIME).to_string();
    for n in 1..=MAX_FOLDER_ATTEMPTS {
        let name = if n == 1 {
            stamp.clone()
        } else {
            format!("{stamp}-{n}")
        };
        let folder = trash.join(name);
        match fs::create_dir(&folder) {
            Ok(()) => return Ok(folder),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(SaveError::io(Step::MakeFolder, &folder, &e)),
        }
    }
    Err(SaveError::TrashFull {
        trash: trash.to_path_buf(),
        count: MAX_FOLDER_ATTEMPTS,
        stamp,
    })
}

/// The sessions in the trash of `sessions_dir`, most recently deleted first. No trash
/// folder means an empty trash.
pub fn list_trash(sessions_dir: &Path) -> io::Result<Vec<Trashed>> {
    let trash = trash_dir(sessions_dir);
    let entries = match fs::read_dir(&trash) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut items = Vec::new();
    for entry in entries {
        let entry = entry?;
        // Only deletion folders; anything else a person put there is left alone.
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let folder = entry.path();
        let deleted = deletion_time(&entry);
        let Ok(inside) = fs::read_dir(&folder) else {
            continue;
        };
        for file in inside.flatten() {
            let name = file.file_name();
            let text = name.to_string_lossy();
            if !text.ends_with(".ron") || text.starts_with('.') {
                continue;
            }
            let path = file.path();
            let (title, partners) = match read_session(&path) {
                Ok((header, _)) => (Some(header.title), header.partners),
                Err(_) => (None, Vec::new()),
            };
            items.push(Trashed {
                file: path,
                name,
                deleted,
                title,
                partners,
            });
        }
    }
    items.sort_by(|a, b| b.deleted.cmp(&a.deleted).then_with(|| a.name.cmp(&b.name)));
    Ok(items)
}

/// When the deletion in this folder was made: the folder's name says it; a folder made
/// by hand falls back to its time stamp on disk.
fn deletion_time(entry: &fs::DirEntry) -> Option<DateTime<Utc>> {
    let name = entry.file_name();
    let name = name.to_string_lossy();
    // The stamp is the first 20 characters; a `-N` may follow.
    let stamp = name.get(..20).unwrap_or(&name);
    NaiveDateTime::parse_from_str(stamp, FOLDER_TIME)
        .map(|t| t.and_utc())
        .ok()
        .or_else(|| {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .map(DateTime::<Utc>::from)
        })
}

/// Puts a trashed session back into `sessions_dir` under the name it had, with its
/// `.bak`, and returns its path. Refuses, changing nothing, when a file of that name is
/// there already: restoring never overwrites anything.
pub fn restore_from_trash(item: &Trashed, sessions_dir: &Path) -> Result<PathBuf, SaveError> {
    let target = sessions_dir.join(&item.name);
    if fs::symlink_metadata(&target).is_ok() {
        return Err(SaveError::NameTaken {
            name: PathBuf::from(&item.name),
            dir: sessions_dir.to_path_buf(),
        });
    }
    move_without_overwriting(&item.file, &target)?;
    let backup = backup_path(&item.file);
    let target_backup = backup_path(&target);
    if fs::symlink_metadata(&backup).is_ok() && fs::symlink_metadata(&target_backup).is_err() {
        // The session is back already; a backup that cannot follow stays in the trash.
        let _ = move_without_overwriting(&backup, &target_backup);
    }
    let sealed = sealed_path(&item.file);
    let target_sealed = sealed_path(&target);
    if fs::symlink_metadata(&sealed).is_ok() && fs::symlink_metadata(&target_sealed).is_err() {
        let _ = move_without_overwriting(&sealed, &target_sealed);
    }
    if let Some(folder) = item.file.parent() {
        // Only succeeds when the folder is empty, which is when it has served its purpose.
        let _ = fs::remove_dir(folder);
    }
    Ok(target)
}

/// Moves `from` to `to`, failing if `to` exists. A hard link cannot be made over an
/// existing name, so linking and then unlinking never overwrites even when a file
/// appears after the check; where links are not supported, a rename follows the check.
fn move_without_overwriting(from: &Path, to: &Path) -> Result<(), SaveError> {
    let taken = || SaveError::Exists(to.to_path_buf());
    let is_link = fs::symlink_metadata(from).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        match fs::hard_link(from, to) {
            Ok(()) => {
                return fs::remove_file(from).map_err(|e| SaveError::io(Step::Touch, from, &e));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(taken()),
            // Links not possible here (another file system, or no support): fall back.
            Err(_) => {}
        }
    }
    if fs::symlink_metadata(to).is_ok() {
        return Err(taken());
    }
    fs::rename(from, to).map_err(|e| SaveError::io(Step::MoveBack, from, &e))
}

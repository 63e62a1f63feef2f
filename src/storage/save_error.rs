//! Why a session could not be saved, deleted or restored, as a value the screen can act
//! on. The operating system's reason is kept as an `io::ErrorKind` beside the text, so
//! the status line can say what the moderator can do about it (free some disk space,
//! check the folder's permissions) instead of only what went wrong.

use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// The step that failed, which decides how the message names the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Writing the session itself. The message names the cause only: the screen already
    /// shows which session this is, and a long path would push the cause off the line.
    Write,
    /// Taking the session's lock before deleting or moving it.
    Lock,
    /// Looking at or removing one file.
    Touch,
    /// Making the trash folder.
    MakeTrash,
    /// Making the folder one deletion goes into.
    MakeFolder,
    /// Moving the session into the trash, to this folder.
    MoveTo(PathBuf),
    /// Moving a session back out of the trash.
    MoveBack,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SaveError {
    /// The operating system refused a step.
    #[error("{}", io_text(.step, .path, .detail))]
    Io {
        path: PathBuf,
        kind: io::ErrorKind,
        step: Step,
        /// The operating system's own words.
        detail: String,
    },
    /// The session could not be written as text (a value the format cannot hold).
    #[error("{0}")]
    Encode(String),
    /// The background writer is gone (it panicked): nothing more reaches the disk.
    #[error("the saving worker stopped")]
    WorkerStopped,
    #[error("another sameside has this session open")]
    HeldElsewhere,
    /// The lock file was removed while the session was open, and another instance took
    /// the session before this one could lock it again.
    #[error(
        "another sameside has opened this session since its lock file was removed; changes made here are no longer saved"
    )]
    LockTaken,
    #[error("{} does not name a file", .0.display())]
    NotAFile(PathBuf),
    #[error("{} already holds {count} deletions made at {stamp}", .trash.display())]
    TrashFull {
        trash: PathBuf,
        count: u32,
        stamp: String,
    },
    /// Restoring would need a name that a file in the sessions folder has already.
    #[error(
        "{} is already taken in {}; rename or move that file first",
        .name.display(),
        .dir.display()
    )]
    NameTaken { name: PathBuf, dir: PathBuf },
    /// A file appeared at the place a restore was going to, after it was checked.
    #[error("{} already exists; nothing was overwritten", .0.display())]
    Exists(PathBuf),
}

fn io_text(step: &Step, path: &Path, detail: &str) -> String {
    let path = path.display();
    match step {
        Step::Write => detail.to_string(),
        Step::Lock => format!("cannot lock it: {detail}"),
        Step::Touch => format!("{path}: {detail}"),
        Step::MakeTrash => format!("cannot make the trash folder {path}: {detail}"),
        Step::MakeFolder => format!("cannot make {path}: {detail}"),
        Step::MoveTo(to) => format!("cannot move {path} to {}: {detail}", to.display()),
        Step::MoveBack => format!("cannot move {path} back: {detail}"),
    }
}

impl SaveError {
    /// `error` from `step` on `path`, keeping its kind.
    pub fn io(step: Step, path: &Path, error: &io::Error) -> SaveError {
        SaveError::Io {
            path: path.to_path_buf(),
            kind: error.kind(),
            step,
            detail: error.to_string(),
        }
    }

    /// The operating system's reason, when there is one.
    pub fn kind(&self) -> Option<io::ErrorKind> {
        match self {
            SaveError::Io { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    /// What the moderator can do about it, in a few words for the status line.
    pub fn advice(&self) -> &'static str {
        use io::ErrorKind as K;
        match self {
            SaveError::Io { kind, .. } => match kind {
                K::StorageFull | K::QuotaExceeded => "free some disk space",
                K::FileTooLarge => "the file is over this system's size limit; use another disk",
                K::ReadOnlyFilesystem => "the disk is read-only; use another folder",
                K::PermissionDenied => "check the folder's permissions",
                K::NotFound => "check that the drive and the folder are still there",
                K::NetworkDown
                | K::NetworkUnreachable
                | K::HostUnreachable
                | K::ConnectionReset
                | K::ConnectionAborted
                | K::StaleNetworkFileHandle
                | K::TimedOut => "check the connection to the shared folder",
                K::Interrupted | K::WouldBlock | K::ResourceBusy => "try again in a moment",
                _ => "check the disk",
            },
            SaveError::Encode(_) | SaveError::WorkerStopped => {
                "report this as a bug; the session is still in memory"
            }
            SaveError::HeldElsewhere => "close it in the other sameside first",
            SaveError::LockTaken => "close this session: the other sameside has it now",
            SaveError::NotAFile(_) => "choose a session file",
            SaveError::TrashFull { .. } => "empty the trash folder",
            SaveError::NameTaken { .. } | SaveError::Exists(_) => "rename or move that file first",
        }
    }
}

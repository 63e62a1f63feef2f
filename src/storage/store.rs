//! The sessions directory: listing, opening, creating and deleting session files.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::timeline::Timeline;
use crate::domain::{Change, Event, History};

use super::atomic::{backup_path, write_atomically};
use super::filename::unique_session_path;
use super::format::{
    FileError, Header, decode, decode_record, encode, encode_events, replay_error_at,
};
use super::lock::{LockOutcome, SessionLock, lock_path, try_lock_session};
use super::regular::read_regular;

pub use super::listing::{Listed, list_sessions};

/// How this instance may use an opened session.
#[derive(Debug)]
pub enum Access {
    /// This instance holds the lock and saves every change.
    Exclusive(SessionLock),
    /// Someone else has the file open (or it cannot be locked): look, do not touch.
    ReadOnly(String),
}

/// A session loaded from a file.
#[derive(Debug)]
pub struct Opened {
    pub path: PathBuf,
    pub header: Header,
    pub history: History,
    pub access: Access,
}

/// The bytes of a session file, read only if it is a regular file: `path: not a
/// regular file` for a pipe or a directory, `path: cannot be read: …` otherwise.
pub fn read_session_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    read_regular(path, None).map_err(|e| FileError {
        location: path.display().to_string(),
        message: e.to_string(),
    })
}

/// Reads, checks and locks a session file.
pub fn open_session(path: &Path) -> Result<Opened, FileError> {
    let bytes = read_session_bytes(path)?;
    let (header, history) = decode(path, &bytes)?;
    let access = match try_lock_session(path) {
        Ok(LockOutcome::Acquired(lock)) => {
            // The file just loaded cleanly, so it is a good version to fall back on if a
            // later save goes wrong in a way the atomic write cannot prevent (a bad disk).
            let _ = write_atomically(&backup_path(path), &bytes);
            Access::Exclusive(lock)
        }
        Ok(LockOutcome::HeldElsewhere) => Access::ReadOnly(format!(
            "another sameside has this session open ({}); showing it read-only",
            lock_path(path).display()
        )),
        Err(e) => Access::ReadOnly(format!(
            "cannot lock the session ({e}); showing it read-only"
        )),
    };
    Ok(Opened {
        path: path.to_path_buf(),
        header,
        history,
        access,
    })
}

/// Reads and checks a session file without locking it: for `check` and previews.
pub fn read_session(path: &Path) -> Result<(Header, History), FileError> {
    let bytes = read_session_bytes(path)?;
    decode(path, &bytes)
}

/// A session's record, ready to replay.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub path: PathBuf,
    pub header: Header,
    pub timeline: Timeline,
    /// Where and why the replay stops early, when an event does not apply.
    pub stop: Option<FileError>,
}

/// Reads a session file for replay. Only reads: no lock is taken (a replay changes
/// nothing, so it may look at a session another instance has open), no backup is
/// written, and a read-only file is fine. Fails only when not even the created session
/// can be shown; a later event that does not apply ends the replay there (`stop`).
pub fn read_record(path: &Path) -> Result<Recorded, FileError> {
    let bytes = read_session_bytes(path)?;
    let (header, events) = decode_record(path, &bytes)?;
    let timeline = Timeline::new(events).map_err(|e| replay_error_at(path, &bytes, &e))?;
    let stop = timeline.stop().map(|e| replay_error_at(path, &bytes, e));
    Ok(Recorded {
        path: path.to_path_buf(),
        header,
        timeline,
        stop,
    })
}

/// A short, random-enough id for a new session: time plus the process's hasher seed, so
/// two sessions created in the same second on two machines still differ.
pub fn new_session_id(now: DateTime<Utc>) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_i64(now.timestamp_nanos_opt().unwrap_or_default());
    hasher.write_u32(std::process::id());
    format!("{:016x}", hasher.finish())
}

/// Creates a new session file in `dir` and locks it.
pub fn create_session(
    dir: &Path,
    at: DateTime<Utc>,
    created: Change,
) -> Result<Opened, CreateError> {
    let history = History::create(at, created).map_err(CreateError::Invalid)?;
    let date: NaiveDate = at.date_naive();
    let path = unique_session_path(dir, date, &history.session().title);
    let header = Header::for_history(&new_session_id(at), None, &history);
    let text = encode(&header, &history).map_err(|e| CreateError::Io(e.to_string()))?;
    write_atomically(&path, text.as_bytes())
        .map_err(|e| CreateError::Io(format!("{}: {e}", path.display())))?;
    let access = match try_lock_session(&path) {
        Ok(LockOutcome::Acquired(lock)) => Access::Exclusive(lock),
        Ok(LockOutcome::HeldElsewhere) => Access::ReadOnly("locked by another instance".into()),
        Err(e) => Access::ReadOnly(format!("cannot lock the session ({e})")),
    };
    Ok(Opened {
        path,
        header,
        history,
        access,
    })
}

/// Creates a new session file in `dir` that goes on from `history` (a replayed session
/// up to some event), naming the session it continues, and locks it. The file is
/// written atomically, so a crash leaves either nothing or a whole file.
pub fn create_continued(
    dir: &Path,
    now: DateTime<Utc>,
    history: History,
    continued_from: &str,
) -> Result<Opened, CreateError> {
    // Dated today: the follow-up meeting happens now, not when the original did.
    let path = unique_session_path(dir, now.date_naive(), &history.session().title);
    let header = Header::for_history(&new_session_id(now), Some(continued_from), &history);
    let text = encode(&header, &history).map_err(|e| CreateError::Io(e.to_string()))?;
    write_atomically(&path, text.as_bytes())
        .map_err(|e| CreateError::Io(format!("{}: {e}", path.display())))?;
    let access = match try_lock_session(&path) {
        Ok(LockOutcome::Acquired(lock)) => Access::Exclusive(lock),
        Ok(LockOutcome::HeldElsewhere) => Access::ReadOnly("locked by another instance".into()),
        Err(e) => Access::ReadOnly(format!("cannot lock the session ({e})")),
    };
    Ok(Opened {
        path,
        header,
        history,
        access,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CreateError {
    #[error("{0}")]
    Invalid(crate::domain::ApplyError),
    #[error("cannot write the new session: {0}")]
    Io(String),
}

/// Writes the session to its file atomically.
pub fn save_session(path: &Path, header: &Header, history: &History) -> Result<(), String> {
    save_events(path, header, history.events())
}

/// Writes a header and an event record to `path` atomically.
pub fn save_events(path: &Path, header: &Header, events: &[Event]) -> Result<(), String> {
    // The error names the cause only: the screen already shows which session this is,
    // and a long path would push the cause off the status line.
    let text = encode_events(header, events).map_err(|e| e.to_string())?;
    write_atomically(path, text.as_bytes()).map_err(|e| e.to_string())
}

/// Deletes a session file and what lies beside it. Refuses while another instance holds
/// the lock, so a session in use is never pulled out from under someone.
pub fn delete_session(path: &Path) -> Result<(), String> {
    match try_lock_session(path) {
        Ok(LockOutcome::Acquired(_lock)) => {}
        Ok(LockOutcome::HeldElsewhere) => {
            return Err("another sameside has this session open".to_string());
        }
        Err(e) => return Err(format!("cannot lock it: {e}")),
    }
    std::fs::remove_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let _ = std::fs::remove_file(backup_path(path));
    let _ = std::fs::remove_file(lock_path(path));
    Ok(())
}

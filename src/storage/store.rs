//! The sessions directory: listing, opening, creating and deleting session files.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::timeline::Timeline;
use crate::domain::{Change, Event, History};

use super::atomic::{backup_path, remove_orphaned_temp_files, write_atomically};
use super::filename::unique_session_path;
use super::format::{
    FileError, Header, decode, decode_record, encode, encode_events, replay_error_at,
};
use super::lock::{FileIdentity, LockOutcome, SessionLock, lock_path, real_path, try_lock_session};
use super::regular::{ReadError, open_regular, read_regular};
use super::save_error::{SaveError, Step};

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

/// The most a session file may hold. A real one of years of meetings stays far below
/// (a session is kilobytes; a stress test's is 10 MB), but a file that merely claims a
/// huge size (a sparse file, a zip bomb unpacked) would otherwise be read whole into
/// memory, holding a screen or `check` for minutes and then running the machine out of it.
pub const MAX_SESSION_BYTES: u64 = 256 * 1024 * 1024;

/// The bytes of a session file, read only if it is a regular file: `path: not a
/// regular file` for a pipe or a directory, `path: cannot be read: …` otherwise.
pub fn read_session_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    read_regular(path, Some(MAX_SESSION_BYTES)).map_err(|e| FileError {
        location: path.display().to_string(),
        message: e.to_string(),
    })
}

/// How often opening tries again when the file is replaced between being read and
/// being locked (another instance closing it with a last save, say).
const OPEN_ATTEMPTS: usize = 3;

/// Reads, checks and locks a session file.
///
/// The session is opened as its real file, every symbolic link resolved: `Opened::path`
/// names that file, so saves replace the target and leave a link a link, and the lock,
/// the backup and the temp files of saves all live beside it.
pub fn open_session(path: &Path) -> Result<Opened, FileError> {
    let real = real_path(path).map_err(|e| FileError {
        location: path.display().to_string(),
        message: format!("cannot be read: {e}"),
    })?;
    let mut attempt = 0;
    loop {
        attempt += 1;
        let (bytes, read_identity) = read_with_identity(&real)?;
        let (header, history) = decode(&real, &bytes)?;
        let access = match try_lock_session(&real) {
            Ok(LockOutcome::Acquired(lock)) => {
                // What was read must be the file that is now locked; otherwise a save
                // landed in between and these bytes are already out of date.
                if lock.identity().is_some() && lock.identity() != read_identity {
                    if attempt < OPEN_ATTEMPTS {
                        continue;
                    }
                    Access::ReadOnly(
                        "the file kept changing while it was being opened; showing it read-only"
                            .to_string(),
                    )
                } else {
                    // Nobody else can be saving this file now: what its dead saves left
                    // behind can go.
                    let _ = remove_orphaned_temp_files(&real);
                    let _ = remove_orphaned_temp_files(&backup_path(&real));
                    // The file just loaded cleanly, so it is a good version to fall back
                    // on if a later save goes wrong in a way the atomic write cannot
                    // prevent (a bad disk).
                    let _ = write_atomically(&backup_path(&real), &bytes);
                    Access::Exclusive(lock)
                }
            }
            Ok(LockOutcome::HeldElsewhere) => Access::ReadOnly(format!(
                "another sameside has this session open ({}); showing it read-only",
                lock_path(&real).display()
            )),
            Err(e) => Access::ReadOnly(format!(
                "cannot lock the session ({e}); showing it read-only"
            )),
        };
        return Ok(Opened {
            path: real,
            header,
            history,
            access,
        });
    }
}

/// The bytes of a session file and which file they came from.
fn read_with_identity(path: &Path) -> Result<(Vec<u8>, Option<FileIdentity>), FileError> {
    let error = |message: String| FileError {
        location: path.display().to_string(),
        message,
    };
    let (file, meta) = open_regular(path).map_err(|e| error(e.to_string()))?;
    let too_large = |size| {
        error(
            ReadError::TooLarge {
                size,
                limit: MAX_SESSION_BYTES,
            }
            .to_string(),
        )
    };
    if meta.len() > MAX_SESSION_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // Bounded by what is read too, in case the file grows while it is read.
    file.take(MAX_SESSION_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| error(ReadError::Io(e).to_string()))?;
    if bytes.len() as u64 > MAX_SESSION_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok((bytes, FileIdentity::of(&meta)))
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
    let (written, events) = decode_record(path, &bytes)?;
    let timeline = Timeline::new(events).map_err(|e| replay_error_at(path, &bytes, &e))?;
    let stop = timeline.stop().map(|e| replay_error_at(path, &bytes, e));
    // The header is a cache of the events: describe the record as far as it plays.
    let header = Header::for_session(
        &written.id,
        written.continued_from.as_deref(),
        &timeline.state_at(timeline.last()),
    );
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
pub fn save_session(path: &Path, header: &Header, history: &History) -> Result<(), SaveError> {
    save_events(path, header, history.events())
}

/// Writes a header and an event record to `path` atomically.
pub fn save_events(path: &Path, header: &Header, events: &[Event]) -> Result<(), SaveError> {
    let text = encode_events(header, events).map_err(|e| SaveError::Encode(e.to_string()))?;
    write_atomically(path, text.as_bytes()).map_err(|e| SaveError::io(Step::Write, path, &e))
}

/// Deletes a session file and what lies beside it. Refuses while another instance holds
/// the lock, so a session in use is never pulled out from under someone.
pub fn delete_session(path: &Path) -> Result<(), SaveError> {
    match try_lock_session(path) {
        Ok(LockOutcome::Acquired(_lock)) => {}
        Ok(LockOutcome::HeldElsewhere) => return Err(SaveError::HeldElsewhere),
        Err(e) => return Err(SaveError::io(Step::Lock, &lock_path(path), &e)),
    }
    std::fs::remove_file(path).map_err(|e| SaveError::io(Step::Touch, path, &e))?;
    let _ = std::fs::remove_file(backup_path(path));
    let _ = std::fs::remove_file(lock_path(path));
    Ok(())
}

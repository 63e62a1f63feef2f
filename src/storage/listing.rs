//! The session list: what each `.ron` entry of the sessions directory is, quickly.
//!
//! A full check reads a file and replays every event, about 1.6 ms for a typical
//! session: two seconds for a thousand. The list therefore starts from what it already
//! knows ([`ListCache`]) and, for the other files, from their header alone, read from
//! the start of the file, with a look at the file's last bytes so that a file cut short
//! is checked (and marked damaged) at once. Rows from a header say so (`checked: false`);
//! callers check those with [`check`] when they have the time.

use std::fs::Metadata;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::format::{Decoded, FORMAT_VERSION, FileError, Header, decode_as_written};
use super::list_cache::{ListCache, Stamp};
use super::locate::field_value_span;
use super::regular::{ReadError, open_regular, read_regular_ends};

/// One entry of the sessions directory as the listing sees it.
#[derive(Debug, Clone)]
pub enum Listed {
    /// A session file. `checked` says whether `header` comes from replaying the events
    /// (which win when they disagree with the file's header) or only from the header.
    Readable {
        path: PathBuf,
        header: Header,
        checked: bool,
    },
    /// A file that cannot be used; shown so the user knows, never touched.
    Damaged { path: PathBuf, error: FileError },
    /// A name ending in `.ron` that is no file at all (a directory, a pipe, a socket, a
    /// device) or a link to nothing: named, so it is not a mystery, and never opened.
    Skipped { path: PathBuf, reason: String },
}

impl Listed {
    pub fn path(&self) -> &Path {
        match self {
            Listed::Readable { path, .. }
            | Listed::Damaged { path, .. }
            | Listed::Skipped { path, .. } => path,
        }
    }

    /// True for a session row whose header has not yet been checked against its events.
    pub fn is_unchecked(&self) -> bool {
        matches!(self, Listed::Readable { checked: false, .. })
    }
}

/// Enough of the start of a file for any header a person writes.
const HEAD_BYTES: u64 = 64 * 1024;
/// Enough of the end of a file to see how it ends.
const TAIL_BYTES: u64 = 256;

/// The `.ron` entries of `dir`, hidden ones (a leading `.`) aside; sub-folders such as
/// `trash/` are never entered.
pub fn session_paths(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let is_session = path.extension().is_some_and(|e| e == "ron")
            && !path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if is_session {
            paths.push(path);
        }
    }
    Ok(paths)
}

/// Every `.ron` entry of `dir`, fully checked, in list order ([`sort_listed`]). Slow
/// for a large folder; [`scan`] is the quick way.
pub fn list_sessions(dir: &Path) -> io::Result<Vec<Listed>> {
    let mut listed: Vec<Listed> = session_paths(dir)?
        .iter()
        .map(|path| match skipped(path) {
            Some(row) => row,
            None => check(path).0,
        })
        .collect();
    sort_listed(&mut listed);
    Ok(listed)
}

/// Every `.ron` entry of `dir` from what `cache` remembers and, for the rest, from the
/// header. Files whose header cannot be read that way are checked in full at once, and
/// what is learned goes into `cache` (the caller saves it). Sorted ([`sort_listed`]).
pub fn scan(dir: &Path, cache: &mut ListCache) -> io::Result<Vec<Listed>> {
    let paths = session_paths(dir)?;
    cache.keep_only(paths.iter().map(PathBuf::as_path));
    let mut listed: Vec<Listed> = paths.iter().map(|path| quick(path, cache)).collect();
    sort_listed(&mut listed);
    Ok(listed)
}

/// Checks `path` in full: reads it and replays every event. Gives the row and the
/// stamp of the version read, for [`ListCache::put`].
pub fn check(path: &Path) -> (Listed, Option<Stamp>) {
    let (read, stamp) = check_session(path);
    let listed = match read {
        // The header is a cache; `decoded.header` is what the events say.
        Ok(decoded) => Listed::Readable {
            path: path.to_path_buf(),
            header: decoded.header,
            checked: true,
        },
        Err(error) => Listed::Damaged {
            path: path.to_path_buf(),
            error,
        },
    };
    (listed, stamp)
}

/// Reads and checks a session file as `read_session` does, also giving the stamp of
/// the version read, so one read serves both a report and the cache.
pub fn check_session(path: &Path) -> (Result<Decoded, FileError>, Option<Stamp>) {
    let (file, meta) = match open_regular(path) {
        Ok(opened) => opened,
        Err(e) => return (Err(read_error(path, &e)), None),
    };
    let stamp = Stamp::of(&meta);
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    let mut file = file;
    if let Err(e) = file.read_to_end(&mut bytes) {
        return (Err(read_error(path, &ReadError::Io(e))), None);
    }
    (decode_as_written(path, &bytes), Some(stamp))
}

/// Readable sessions newest first (then by title), then damaged files, then skipped
/// entries, each of the last two by path.
pub fn sort_listed(listed: &mut [Listed]) {
    listed.sort_by(|a, b| match (a, b) {
        (Listed::Readable { header: x, .. }, Listed::Readable { header: y, .. }) => y
            .updated
            .cmp(&x.updated)
            .then_with(|| x.title.cmp(&y.title))
            .then_with(|| a.path().cmp(b.path())),
        _ => rank(a).cmp(&rank(b)).then_with(|| a.path().cmp(b.path())),
    });
}

fn rank(listed: &Listed) -> u8 {
    match listed {
        Listed::Readable { .. } => 0,
        Listed::Damaged { .. } => 1,
        Listed::Skipped { .. } => 2,
    }
}

fn read_error(path: &Path, e: &ReadError) -> FileError {
    FileError {
        location: path.display().to_string(),
        message: e.to_string(),
    }
}

/// The row for an entry that is not a file sameside reads, or `None` for a file (or a
/// link to one).
fn skipped(path: &Path) -> Option<Listed> {
    let row = |reason: String| {
        Some(Listed::Skipped {
            path: path.to_path_buf(),
            reason,
        })
    };
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => None,
        Ok(_) => row("not a regular file".to_string()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // Listed a moment ago, so either a link to nothing or a file just deleted.
            if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
                row("dangling link".to_string())
            } else {
                None
            }
        }
        // A link loop and the like: nothing to read either.
        Err(e) => row(format!("cannot be followed: {e}")),
    }
}

/// The row for one entry without replaying it.
fn quick(path: &Path, cache: &mut ListCache) -> Listed {
    if let Some(row) = skipped(path) {
        return row;
    }
    let (head, tail, meta) = match read_regular_ends(path, HEAD_BYTES, TAIL_BYTES) {
        Ok(read) => read,
        Err(ReadError::NotRegular) => {
            return Listed::Skipped {
                path: path.to_path_buf(),
                reason: "not a regular file".to_string(),
            };
        }
        Err(e) => {
            return Listed::Damaged {
                path: path.to_path_buf(),
                error: read_error(path, &e),
            };
        }
    };
    if let Some(known) = cache.get(path, Stamp::of(&meta)) {
        return known;
    }
    match header_of(&head, &tail, &meta) {
        Some(header) => Listed::Readable {
            path: path.to_path_buf(),
            header,
            checked: false,
        },
        None => {
            // Cut short, or written in a way the quick read does not follow: the full
            // check says exactly what is wrong, or that nothing is.
            let (listed, stamp) = check(path);
            if let Some(stamp) = stamp {
                cache.put(&listed, stamp);
            }
            listed
        }
    }
}

/// The header of a file from its first and last bytes, if the file looks whole: it
/// ends with the `)` that closes a session file, and the header is there, complete,
/// in a format this version reads.
fn header_of(head: &[u8], tail: &[u8], meta: &Metadata) -> Option<Header> {
    let last = if tail.is_empty() { head } else { tail };
    if last.trim_ascii_end().last() != Some(&b')') {
        return None;
    }
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        // The first part may end in the middle of a character; the whole file may not.
        Err(e) if e.error_len().is_none() && (head.len() as u64) < meta.len() => {
            std::str::from_utf8(head.get(..e.valid_up_to())?).ok()?
        }
        Err(_) => return None,
    };
    let span = field_value_span(text, "header")?;
    let header: Header = ron::from_str(text.get(span)?).ok()?;
    (1..=FORMAT_VERSION)
        .contains(&header.format)
        .then_some(header)
}

/// How many files a listing checks in full before it shows anything, when the cache
/// does not know them. A folder of up to this many is always shown fully checked; in a
/// larger one the rest first show their header. At about 1.6 ms a check, this keeps the
/// cold list of a thousand files well under 100 ms.
pub const CHECKS_UP_FRONT: usize = 20;

/// Checks in full the first `count` rows that only come from a header (the newest, in
/// list order), putting what is learned in `cache`, and sorts the list again.
pub fn check_first(listed: &mut [Listed], cache: &mut ListCache, count: usize) {
    for entry in listed.iter_mut().filter(|e| e.is_unchecked()).take(count) {
        let (checked, stamp) = check(entry.path());
        if let Some(stamp) = stamp {
            cache.put(&checked, stamp);
        }
        *entry = checked;
    }
    sort_listed(listed);
}

/// Checks `paths` in full on a thread of their own, sending each row as it is checked,
/// then saves `cache` with all that was learned. Dropping the receiver stops the checks
/// at the next file (what was learned is still saved).
pub fn check_in_background(
    paths: Vec<PathBuf>,
    mut cache: ListCache,
) -> std::sync::mpsc::Receiver<Listed> {
    let (send, receive) = std::sync::mpsc::channel();
    let work = move || {
        for path in paths {
            let (checked, stamp) = check(&path);
            if let Some(stamp) = stamp {
                cache.put(&checked, stamp);
            }
            if send.send(checked).is_err() {
                break;
            }
        }
        let _ = cache.save();
    };
    // Without a thread the rows simply stay as their headers say until the next
    // listing; nothing is lost.
    let _ = std::thread::Builder::new()
        .name("session checks".to_string())
        .spawn(work);
    receive
}

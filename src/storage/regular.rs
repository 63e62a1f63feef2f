//! Reading files that may come from anywhere: only regular files, and never in a way that
//! can block.
//!
//! A session file may arrive from another company, and a sessions folder may hold
//! anything. A named pipe called `x.ron` would make a plain `open` wait for a writer for
//! ever, and a link to `/dev/zero` would make a plain `read` never end. So the type is
//! checked before opening, the open itself cannot block, and the type is checked again on
//! the open handle, because the path may have been swapped in between.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A directory, a named pipe, a socket or a device: nothing a session can be in.
    #[error("not a regular file")]
    NotRegular,
    /// Larger than the caller accepts.
    #[error("{size} bytes is more than the {limit} this file may hold")]
    TooLarge { size: u64, limit: u64 },
    #[error("cannot be read: {0}")]
    Io(#[from] io::Error),
}

impl ReadError {
    /// True when the file (or the link's target) does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }
}

/// Opens `path` for reading if, and only if, it is a regular file (a link to one is
/// fine). Never blocks, whatever the path names.
pub fn open_regular(path: &Path) -> Result<(File, Metadata), ReadError> {
    // Looked at first so that a pipe is never opened at all: opening the reading end of
    // a pipe, even without blocking, can wake a writer waiting on the other end.
    if !std::fs::metadata(path)?.is_file() {
        return Err(ReadError::NotRegular);
    }
    let file = open_nonblocking(path)?;
    // The path may have been replaced between the look and the open.
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    Ok((file, meta))
}

/// Reads the whole of a regular file, refusing more than `limit` bytes when given. The
/// limit is checked against what is read, not only the size the file claims, so a file
/// that grows while it is read cannot run past it.
pub fn read_regular(path: &Path, limit: Option<u64>) -> Result<Vec<u8>, ReadError> {
    let (file, meta) = open_regular(path)?;
    if let Some(limit) = limit
        && meta.len() > limit
    {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    match limit {
        Some(limit) => {
            file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
            if bytes.len() as u64 > limit {
                return Err(ReadError::TooLarge {
                    size: bytes.len() as u64,
                    limit,
                });
            }
        }
        None => {
            let mut file = file;
            file.read_to_end(&mut bytes)?;
        }
    }
    Ok(bytes)
}

/// Reads at most `max` bytes from the start of a regular file: enough for a header.
pub fn read_regular_prefix(path: &Path, max: u64) -> Result<(Vec<u8>, Metadata), ReadError> {
    let (file, meta) = open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(max).read_to_end(&mut bytes)?;
    Ok((bytes, meta))
}

/// The first `head` bytes of a regular file and its last `tail` bytes (those not already
/// in the first part), read through one open handle: enough to read a header and see
/// whether the file ends as a whole file should, without reading the middle.
pub fn read_regular_ends(
    path: &Path,
    head: u64,
    tail: u64,
) -> Result<(Vec<u8>, Vec<u8>, Metadata), ReadError> {
    let (mut file, meta) = open_regular(path)?;
    let mut first = Vec::new();
    (&mut file).take(head).read_to_end(&mut first)?;
    let mut last = Vec::new();
    let from = meta.len().saturating_sub(tail).max(first.len() as u64);
    if from < meta.len() {
        file.seek(SeekFrom::Start(from))?;
        file.take(tail).read_to_end(&mut last)?;
    }
    Ok((first, last, meta))
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: a pipe or device opened by mistake returns at once instead of waiting.
    // It changes nothing for a regular file, whose reads never block.
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

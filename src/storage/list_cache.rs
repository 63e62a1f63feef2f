//! What the session list has already learned about the files of one sessions directory.
//!
//! Checking a session file means replaying every event, which is most of the cost of
//! listing a large folder. The outcome of a check (the header the events give, or what is
//! wrong with the file) is kept here, keyed by the file's name and its stamp (size,
//! modification time, inode): a file that changes in any way gets a new stamp and is
//! checked again. The cache lives in the platform cache directory, one file per sessions
//! directory, written atomically. A cache file that is missing, unreadable, from another
//! version or garbage is simply ignored: it only ever saves time, never decides anything
//! a check would decide differently.

use std::collections::HashMap;
use std::fs::Metadata;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::write_atomically;
use super::dirs::ensure_dir;
use super::format::{FileError, Header};
use super::listing::Listed;
use super::regular::read_regular;

/// Larger cache files are not read: 1,000 sessions take about half a megabyte.
const CACHE_LIMIT: u64 = 64 * 1024 * 1024;

/// Bumped whenever what is stored changes meaning, so an older cache is ignored.
const CACHE_VERSION: u32 = 1;

/// Which version of a file a check saw. Any rewrite changes at least one of these: an
/// atomic save makes a new inode, an edit in place a new time or size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub modified_secs: i64,
    pub modified_nanos: u32,
    pub inode: u64,
}

impl Stamp {
    pub fn of(meta: &Metadata) -> Stamp {
        let (modified_secs, modified_nanos) = match meta.modified() {
            Ok(time) => match time.duration_since(std::time::UNIX_EPOCH) {
                Ok(after) => (
                    i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
                    after.subsec_nanos(),
                ),
                Err(before) => (
                    -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
                    before.duration().subsec_nanos(),
                ),
            },
            // No time at all: the size and inode still tell most changes apart, and a
            // file without a time is checked once more rather than trusted wrongly.
            Err(_) => (i64::MIN, 0),
        };
        Stamp {
            size: meta.len(),
            modified_secs,
            modified_nanos,
            inode: inode(meta),
        }
    }
}

#[cfg(unix)]
fn inode(meta: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_: &Metadata) -> u64 {
    0
}

/// What a full check found.
#[derive(Debug, Clone, Serialize, Deserialize)]
enum Outcome {
    /// The header the events give (the events win over the file's own header).
    Sound(Header),
    /// What is wrong: the place after the path (`:line:col`, or empty) and the message.
    Damaged { place: String, message: String },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    name: String,
    stamp: Stamp,
    outcome: Outcome,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    /// The sessions directory this cache is for, so two directories never share one.
    dir: String,
    entries: Vec<Entry>,
}

/// The checks remembered for one sessions directory.
#[derive(Debug, Clone, Default)]
pub struct ListCache {
    /// Where to save; `None` keeps the cache in memory only.
    file: Option<PathBuf>,
    dir: String,
    entries: HashMap<String, Entry>,
    changed: bool,
}

impl ListCache {
    /// A cache that remembers nothing and saves nowhere.
    pub fn none() -> ListCache {
        ListCache::default()
    }

    /// The cache for `sessions` kept under `cache_dir`, or an empty one when there is
    /// none yet or it cannot be used.
    pub fn load(cache_dir: Option<&Path>, sessions: &Path) -> ListCache {
        let Some(cache_dir) = cache_dir else {
            return ListCache::none();
        };
        let dir = std::fs::canonicalize(sessions)
            .unwrap_or_else(|_| sessions.to_path_buf())
            .to_string_lossy()
            .into_owned();
        let file = cache_dir
            .join("lists")
            .join(format!("{:016x}.json", fnv1a(dir.as_bytes())));
        let entries = read_regular(&file, Some(CACHE_LIMIT))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
            .filter(|stored| stored.version == CACHE_VERSION && stored.dir == dir)
            .map(|stored| {
                stored
                    .entries
                    .into_iter()
                    .map(|e| (e.name.clone(), e))
                    .collect()
            })
            .unwrap_or_default();
        ListCache {
            file: Some(file),
            dir,
            entries,
            changed: false,
        }
    }

    /// The remembered check of `path`, if the file is still the one that was checked.
    pub fn get(&self, path: &Path, stamp: Stamp) -> Option<Listed> {
        let entry = self.entries.get(file_name(path)?)?;
        if entry.stamp != stamp {
            return None;
        }
        Some(match &entry.outcome {
            Outcome::Sound(header) => Listed::Readable {
                path: path.to_path_buf(),
                header: header.clone(),
                checked: true,
            },
            Outcome::Damaged { place, message } => Listed::Damaged {
                path: path.to_path_buf(),
                error: FileError {
                    location: format!("{}{place}", path.display()),
                    message: message.clone(),
                },
            },
        })
    }

    /// Remembers the outcome of a full check of the file with `stamp`. Rows that are
    /// not the outcome of a full check (skipped, or only a header read) are not kept.
    pub fn put(&mut self, listed: &Listed, stamp: Stamp) {
        let Some(name) = file_name(listed.path()) else {
            return;
        };
        let outcome = match listed {
            Listed::Readable {
                header,
                checked: true,
                ..
            } => Outcome::Sound(header.clone()),
            Listed::Damaged { path, error } => Outcome::Damaged {
                place: error
                    .location
                    .strip_prefix(&path.display().to_string())
                    .unwrap_or("")
                    .to_string(),
                message: error.message.clone(),
            },
            Listed::Readable { .. } | Listed::Skipped { .. } => return,
        };
        let entry = Entry {
            name: name.to_string(),
            stamp,
            outcome,
        };
        self.entries.insert(name.to_string(), entry);
        self.changed = true;
    }

    /// Forgets the files not in `names` (deleted or renamed since), so the cache does
    /// not grow for ever.
    pub fn keep_only<'a>(&mut self, names: impl IntoIterator<Item = &'a Path>) {
        let keep: std::collections::HashSet<&str> =
            names.into_iter().filter_map(file_name).collect();
        let before = self.entries.len();
        self.entries.retain(|name, _| keep.contains(name.as_str()));
        self.changed |= self.entries.len() != before;
    }

    /// Writes the cache if anything was learned. Failing to is harmless (the next list
    /// checks again), so callers may ignore the error.
    pub fn save(&mut self) -> io::Result<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        if !self.changed {
            return Ok(());
        }
        if let Some(parent) = file.parent() {
            ensure_dir(parent)?;
        }
        let mut entries: Vec<Entry> = self.entries.values().cloned().collect();
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        let stored = Stored {
            version: CACHE_VERSION,
            dir: self.dir.clone(),
            entries,
        };
        let bytes = serde_json::to_vec(&stored).map_err(io::Error::other)?;
        create_private(file)?;
        write_atomically(file, &bytes)?;
        self.changed = false;
        Ok(())
    }
}

/// Creates `file` empty and readable by its owner alone, unless it exists. The cache holds
/// the titles and partner names of sessions that may be confidential, and an atomic write
/// keeps the permissions of the file it replaces.
fn create_private(file: &Path) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(file) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// The name the cache knows a file by; a name that is not UTF-8 is simply not cached.
fn file_name(path: &Path) -> Option<&str> {
    path.file_name()?.to_str()
}

/// A stable hash for the cache file's name (std's hasher may change between releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

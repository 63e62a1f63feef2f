//! Following a session file off the interface thread.
//!
//! Reading and replaying a large session takes longer than a frame, and a file on a
//! network share can take as long as the share likes. A view that follows a file (the
//! audience view, a second instance that may only look) therefore hands the looking to
//! a worker and only ever takes finished results, so its keys keep working whatever the
//! file does.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use super::follow::{FollowEvent, Follower};
use super::lock::{LockOutcome, try_lock_session};

/// Whether the sameside that writes the file still has it open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writer {
    /// Another instance holds the session's lock.
    Present,
    /// Nobody holds the lock any more: the session is free to be taken over.
    Gone,
}

/// What the worker found on one look.
#[derive(Debug)]
pub enum Followed {
    File(FollowEvent),
    /// The writer came or went (reported only when it changes).
    Writer(Writer),
}

/// A worker that looks at one file every so often and sends what changed.
pub struct FollowWorker {
    path: PathBuf,
    found: Receiver<Followed>,
    // Dropping this ends the worker: its wait for the next look returns at once.
    _stop: Sender<()>,
}

impl FollowWorker {
    /// Starts looking at the follower's file every `every`. The follower may already
    /// have read the file once; the worker then reports only what changes after that.
    /// With `watch_writer`, the worker also says when the instance that holds the
    /// session's lock goes away (and comes back).
    pub fn start(mut follower: Follower, every: Duration, watch_writer: bool) -> FollowWorker {
        let path = follower.path().to_path_buf();
        let (found_tx, found) = mpsc::channel();
        let (stop, stop_rx) = mpsc::channel::<()>();
        let lock_of = path.clone();
        std::thread::spawn(move || {
            // The view opened read-only because someone held the lock.
            let mut writer = Writer::Present;
            loop {
                let event = follower.poll();
                if !matches!(event, FollowEvent::Unchanged)
                    && found_tx.send(Followed::File(event)).is_err()
                {
                    break;
                }
                if watch_writer
                    && let Some(now) = writer_now(&lock_of)
                    && now != writer
                {
                    writer = now;
                    if found_tx.send(Followed::Writer(now)).is_err() {
                        break;
                    }
                }
                match stop_rx.recv_timeout(every) {
                    Err(RecvTimeoutError::Timeout) => {}
                    // The view is gone (or asked to stop): so is the worker.
                    Ok(()) | Err(RecvTimeoutError::Disconnected) => break,
                }
            }
        });
        FollowWorker {
            path,
            found,
            _stop: stop,
        }
    }

    /// The file being followed.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// The next finding, if one is ready; never waits.
    pub fn try_next(&self) -> Option<Followed> {
        self.found.try_recv().ok()
    }

    /// The next finding, waiting at most `timeout` for it (for tests and tools that may
    /// wait; the interface thread uses `try_next`).
    pub fn next_within(&self, timeout: Duration) -> Option<Followed> {
        self.found.recv_timeout(timeout).ok()
    }
}

/// Whether someone holds the session's lock now. Taking the lock is the only way to
/// ask; it is let go at once, so a moderator reopening the session is not locked out by
/// a view that only looks. None when the lock cannot be asked about at all.
fn writer_now(path: &std::path::Path) -> Option<Writer> {
    match try_lock_session(path) {
        Ok(LockOutcome::Acquired(lock)) => {
            drop(lock);
            Some(Writer::Gone)
        }
        Ok(LockOutcome::HeldElsewhere) => Some(Writer::Present),
        Err(_) => None,
    }
}

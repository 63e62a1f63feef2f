//! Saving off the interface thread. Encoding and writing a large session takes longer
//! than a frame, so the screen hands each change to a worker and carries on. Events are
//! only ever appended, so the worker keeps its own copy of the record and each request
//! carries just the events added since the last one: a keystroke pays for its own
//! change, not for the size of the session. The worker writes only the newest state.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::domain::{Event, History};

use super::format::Header;
use super::lock::{FileIdentity, LockOutcome, SessionLock, lock_path, try_lock_session};
use super::save_error::{SaveError, Step};
use super::store::save_events;

/// The outcome of one write, reported back to the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveReport {
    /// Which request this write answered (requests are numbered from 1).
    pub request: u64,
    /// The number of events the write covered.
    pub events: usize,
    /// 1 for the first write of a state; more when the worker tried again by itself
    /// after a failure.
    pub attempt: u32,
    pub result: Result<(), SaveError>,
}

/// How the worker tries again after a failed write. A pulled USB stick or a full disk
/// often comes back by itself; waiting for the moderator's next change to find out would
/// leave the room believing the session unsaved (or saved) for no reason. The wait
/// doubles after each failure so a share that stays gone is not hammered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    pub first: Duration,
    pub longest: Duration,
}

impl Default for Retry {
    fn default() -> Retry {
        Retry {
            first: Duration::from_secs(1),
            longest: Duration::from_secs(30),
        }
    }
}

enum Job {
    /// Request number, the header as it is now, and the events added since the last job.
    Save(u64, Box<Header>, Vec<Event>),
    Stop,
}

/// A background writer for one session file.
pub struct Autosaver {
    jobs: Sender<Job>,
    reports: Receiver<SaveReport>,
    worker: Option<JoinHandle<()>>,
    /// How many events the worker has been given.
    sent: usize,
    /// Requests are numbered so that a retry of the same state is told apart from the
    /// failed attempt before it.
    requested: u64,
    saved: u64,
    /// The newest request reported back, whether its write worked or not.
    reported: u64,
    last_error: Option<SaveError>,
}

/// What the worker writes: the newest header and the whole record.
struct Writer {
    path: PathBuf,
    events: Vec<Event>,
    /// The lock file guarding `path` as it was when the session was locked; `None` when
    /// there was none to watch.
    lock_file: Option<FileIdentity>,
    /// A lock taken again by the worker after the one the session was opened with lost
    /// its file; held until the worker ends.
    relocked: Option<SessionLock>,
}

impl Writer {
    fn write(&mut self, request: u64, header: &Header, attempt: u32) -> SaveReport {
        let result = self
            .keep_lock()
            .and_then(|()| save_events(&self.path, header, &self.events));
        SaveReport {
            request,
            events: self.events.len(),
            attempt,
            result,
        }
    }

    /// Makes sure the lock file beside the session is still the one this instance
    /// holds. Deleted (by someone tidying the folder, or with the whole folder) it guards
    /// nothing: a second sameside would find the session free and write it too. So it is
    /// taken again before saving; if someone else took it in between, this worker stops
    /// saving rather than write over them.
    fn keep_lock(&mut self) -> Result<(), SaveError> {
        let Some(held) = self.lock_file else {
            return Ok(());
        };
        if lock_file_identity(&self.path) == Some(held) {
            return Ok(());
        }
        match try_lock_session(&self.path) {
            Ok(LockOutcome::Acquired(lock)) => {
                self.lock_file = lock_file_identity(&self.path);
                self.relocked = Some(lock);
                Ok(())
            }
            Ok(LockOutcome::HeldElsewhere) => Err(SaveError::LockTaken),
            // Most often the folder is gone: the same cause the save itself would give.
            Err(e) => Err(SaveError::io(Step::Write, &lock_path(&self.path), &e)),
        }
    }
}

/// The identity of the lock file beside the session at `path`, if there is one.
fn lock_file_identity(path: &Path) -> Option<FileIdentity> {
    let meta = std::fs::metadata(lock_path(path)).ok()?;
    FileIdentity::of(&meta)
}

/// The worker's loop: write each new state; after a failure, write the same state again
/// after a growing wait until it works or a newer state arrives.
fn work(mut writer: Writer, jobs: Receiver<Job>, reports: Sender<SaveReport>, retry: Retry) {
    // The state whose write failed, how often it was tried, and the wait before the next.
    let mut failed: Option<(u64, Box<Header>, u32)> = None;
    let mut wait = retry.first;
    loop {
        let job = match &failed {
            None => jobs.recv().ok(),
            Some(_) => match jobs.recv_timeout(wait) {
                Ok(job) => Some(job),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => break,
            },
        };
        let (request, header, attempt, stop) = match job {
            Some(Job::Save(mut request, mut header, added)) => {
                writer.events.extend(added);
                // Several requests may be waiting: take all their events, then write once
                // with the newest header.
                let mut stop = false;
                while let Ok(next) = jobs.try_recv() {
                    match next {
                        Job::Save(r, h, added) => {
                            request = r;
                            header = h;
                            writer.events.extend(added);
                        }
                        Job::Stop => {
                            stop = true;
                            break;
                        }
                    }
                }
                wait = retry.first;
                (request, header, 1, stop)
            }
            Some(Job::Stop) => break,
            None if failed.is_some() => {
                let Some((request, header, attempt)) = failed.take() else {
                    break;
                };
                wait = (wait * 2).min(retry.longest);
                (request, header, attempt + 1, false)
            }
            // The screen has gone: nothing more will be asked.
            None => break,
        };
        let report = writer.write(request, &header, attempt);
        if report.result.is_err() {
            failed = Some((request, header, attempt));
        }
        if reports.send(report).is_err() || stop {
            break;
        }
    }
}

impl Autosaver {
    /// Starts a worker for `path`, whose file already holds `saved` (the whole record).
    pub fn start(path: PathBuf, saved: &[Event]) -> Autosaver {
        Autosaver::start_with(path, saved, Retry::default())
    }

    /// Like `start`, with its own schedule for trying again after a failed write.
    pub fn start_with(path: PathBuf, saved: &[Event], retry: Retry) -> Autosaver {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (report_tx, reports) = mpsc::channel::<SaveReport>();
        // The session's lock is held by now (the screen starts a saver only then): its
        // file is the one to keep.
        let writer = Writer {
            lock_file: lock_file_identity(&path),
            path,
            events: saved.to_vec(),
            relocked: None,
        };
        let worker = std::thread::spawn(move || work(writer, job_rx, report_tx, retry));
        Autosaver {
            jobs,
            reports,
            worker: Some(worker),
            sent: saved.len(),
            requested: 0,
            saved: 0,
            reported: 0,
            last_error: None,
        }
    }

    /// Asks for the session to be written as it is now.
    pub fn request(&mut self, header: Header, history: &History) {
        self.requested += 1;
        let events = history.events();
        let added = events.get(self.sent..).unwrap_or_default().to_vec();
        self.sent = events.len();
        let job = Job::Save(self.requested, Box::new(header), added);
        if self.jobs.send(job).is_err() {
            self.last_error = Some(SaveError::WorkerStopped);
        }
    }

    /// Collects finished writes; returns the newest report, if any arrived.
    pub fn poll(&mut self) -> Option<SaveReport> {
        let mut newest = None;
        while let Ok(report) = self.reports.try_recv() {
            self.absorb(&report);
            newest = Some(report);
        }
        newest
    }

    fn absorb(&mut self, report: &SaveReport) {
        self.reported = self.reported.max(report.request);
        match &report.result {
            Ok(()) => {
                self.saved = self.saved.max(report.request);
                if self.saved >= self.requested {
                    self.last_error = None;
                }
            }
            Err(e) => self.last_error = Some(e.clone()),
        }
    }

    /// Waits until the newest requested write has finished (or failed).
    pub fn flush(&mut self) {
        while self.reported < self.requested {
            match self.reports.recv() {
                Ok(report) => self.absorb(&report),
                Err(_) => break,
            }
        }
    }

    /// True when everything the screen has asked for is on disk.
    pub fn is_clean(&self) -> bool {
        self.saved >= self.requested && self.last_error.is_none()
    }

    /// Why the newest write failed, while no later one has worked.
    pub fn last_error(&self) -> Option<&SaveError> {
        self.last_error.as_ref()
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        let _ = self.jobs.send(Job::Stop);
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

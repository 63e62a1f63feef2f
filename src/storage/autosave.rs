//! Saving off the interface thread. Encoding and writing a large session takes longer
//! than a frame, so the screen hands each new state to a worker and carries on; the
//! worker writes only the newest state it has been given.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use crate::domain::History;

use super::format::Header;
use super::store::save_session;

/// The outcome of one write, reported back to the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveReport {
    /// Which request this write answered (requests are numbered from 1).
    pub request: u64,
    /// The number of events the write covered.
    pub events: usize,
    pub result: Result<(), String>,
}

enum Job {
    Save(u64, Box<(Header, History)>),
    Stop,
}

/// A background writer for one session file.
pub struct Autosaver {
    jobs: Sender<Job>,
    reports: Receiver<SaveReport>,
    worker: Option<JoinHandle<()>>,
    /// Requests are numbered so that a retry of the same state is told apart from the
    /// failed attempt before it.
    requested: u64,
    saved: u64,
    /// The newest request reported back, whether its write worked or not.
    reported: u64,
    last_error: Option<String>,
}

impl Autosaver {
    /// Starts a worker for `path`, whose file is already up to date.
    pub fn start(path: PathBuf) -> Autosaver {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (report_tx, reports) = mpsc::channel::<SaveReport>();
        let worker = std::thread::spawn(move || {
            while let Ok(mut job) = job_rx.recv() {
                // Only the newest state matters: skip any that were overtaken.
                while let Ok(newer) = job_rx.try_recv() {
                    job = newer;
                }
                let Job::Save(request, boxed) = job else {
                    break;
                };
                let (header, history) = *boxed;
                let result = save_session(&path, &header, &history);
                let report = SaveReport {
                    request,
                    events: history.events().len(),
                    result,
                };
                if report_tx.send(report).is_err() {
                    break;
                }
            }
        });
        Autosaver {
            jobs,
            reports,
            worker: Some(worker),
            requested: 0,
            saved: 0,
            reported: 0,
            last_error: None,
        }
    }

    /// Asks for the session to be written as it is now.
    pub fn request(&mut self, header: Header, history: &History) {
        self.requested += 1;
        let job = Job::Save(self.requested, Box::new((header, history.clone())));
        if self.jobs.send(job).is_err() {
            self.last_error = Some("the saving worker stopped".to_string());
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

    pub fn last_error(&self) -> Option<&str> {
        self.last_error.as_deref()
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

//! Reading and writing the sealed answers off the interface thread. The screen keeps the
//! answers of the open round in memory and hands each new state here; a worker reads
//! the file once when a session with an open round is opened, writes the newest state
//! after each seal, and removes the file after a reveal or a cancel. A slow or gone
//! disk never holds up the wall; what went wrong comes back as news.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use crate::domain::types::ItemId;

use super::sealed::{SealedAnswers, SealedError, discard_sealed, read_sealed, write_sealed};

/// What the worker did, in the order it did it.
#[derive(Debug)]
pub enum KeeperNews {
    /// The answers kept for the round asked about (none when there is no file).
    Loaded(Result<SealedAnswers, SealedError>),
    /// The newest answers handed over were written, or not.
    Written(Result<(), SealedError>),
    /// The file was removed, or not.
    Discarded(Result<(), SealedError>),
}

enum Job {
    Read(ItemId),
    Write(Box<SealedAnswers>),
    Discard,
    /// Answers once every job before it is done.
    Flush(Sender<()>),
}

/// A background reader and writer of one session's sealed answers.
pub struct SealedKeeper {
    jobs: Option<Sender<Job>>,
    news: Receiver<KeeperNews>,
    worker: Option<JoinHandle<()>>,
}

impl SealedKeeper {
    /// A keeper for the sealed answers of the session in `session`.
    pub fn start(session: PathBuf) -> SealedKeeper {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, news) = mpsc::channel();
        let worker = std::thread::Builder::new()
            .name("sealed-answers".to_string())
            .spawn(move || work(&session, &inbox, &outbox))
            .ok();
        SealedKeeper {
            jobs: Some(jobs),
            news,
            worker,
        }
    }

    fn send(&self, job: Job) {
        if let Some(jobs) = &self.jobs {
            // A worker that is gone reports nothing; `flush` then returns at once.
            let _ = jobs.send(job);
        }
    }

    /// Reads the answers kept for `round`; they come back as `KeeperNews::Loaded`.
    pub fn read(&self, round: ItemId) {
        self.send(Job::Read(round));
    }

    /// Writes `answers`, replacing what the file held. Of several writes waiting, only
    /// the newest is carried out: each holds every answer.
    pub fn write(&self, answers: SealedAnswers) {
        self.send(Job::Write(Box::new(answers)));
    }

    /// Removes the file: the round was revealed or cancelled.
    pub fn discard(&self) {
        self.send(Job::Discard);
    }

    /// What the worker did since the last look.
    pub fn news(&self) -> Vec<KeeperNews> {
        self.news.try_iter().collect()
    }

    /// Waits until every job handed over so far is done: before a session closes, and
    /// in tests, which cannot know when a thread finishes.
    pub fn flush(&self) {
        let (done, wait) = mpsc::channel();
        self.send(Job::Flush(done));
        let _ = wait.recv();
    }
}

impl Drop for SealedKeeper {
    /// Finishes every job before the session closes, so no seal outlives its answer.
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

fn work(session: &std::path::Path, inbox: &Receiver<Job>, outbox: &Sender<KeeperNews>) {
    let mut waiting: Option<Job> = None;
    loop {
        let job = match waiting.take() {
            Some(job) => job,
            None => match inbox.recv() {
                Ok(job) => job,
                Err(_) => return,
            },
        };
        let news = match job {
            Job::Read(round) => KeeperNews::Loaded(read_sealed(session, round)),
            Job::Write(mut answers) => {
                // Skip to the newest of the writes queued behind this one.
                for next in inbox.try_iter() {
                    match next {
                        Job::Write(newer) => answers = newer,
                        other => {
                            waiting = Some(other);
                            break;
                        }
                    }
                }
                KeeperNews::Written(write_sealed(session, &answers))
            }
            Job::Discard => KeeperNews::Discarded(discard_sealed(session)),
            Job::Flush(done) => {
                let _ = done.send(());
                continue;
            }
        };
        if outbox.send(news).is_err() {
            return;
        }
    }
}

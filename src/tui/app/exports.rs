//! Writing the notes happens on threads of its own: a session of some size takes tens
//! of milliseconds to render and write, and a slow or network disk can take far longer.
//! The key that asked returns at once; the status line says when the files are there.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Where the Markdown and the HTML notes were written, or why they were not.
pub type Exported = Result<(PathBuf, PathBuf), String>;

/// The exports under way.
#[derive(Default)]
pub struct Exports {
    pending: Vec<Receiver<Exported>>,
}

impl Exports {
    /// Runs `job` on a thread of its own.
    pub fn start(&mut self, job: impl FnOnce() -> Exported + Send + 'static) {
        let (report, receive) = channel();
        std::thread::spawn(move || {
            // The app may have gone meanwhile; then nobody waits for the word.
            let _ = report.send(job());
        });
        self.pending.push(receive);
    }

    /// The exports that have finished since the last look.
    pub fn finished(&mut self) -> Vec<Exported> {
        let mut done = Vec::new();
        self.pending.retain(|receive| match receive.try_recv() {
            Ok(exported) => {
                done.push(exported);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                done.push(Err("the export stopped before it finished".to_string()));
                false
            }
        });
        done
    }

    /// Waits for every export under way: before quitting, so no notes are lost halfway,
    /// and in tests.
    pub fn wait(&mut self) -> Vec<Exported> {
        self.pending
            .drain(..)
            .map(|receive| {
                receive
                    .recv()
                    .unwrap_or_else(|_| Err("the export stopped before it finished".to_string()))
            })
            .collect()
    }
}

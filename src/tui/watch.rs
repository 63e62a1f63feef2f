//! A session that another sameside is writing, opened here only to look. Without
//! following the file, such a view would go on showing a timebox or a statement the
//! writer changed long ago, and nobody would learn that the writer has closed the
//! session and the moderator may take over.

use std::path::Path;

use crate::domain::History;
use crate::storage::FileError;
use crate::storage::follow::{FollowEvent, Follower};
use crate::storage::follow_worker::{FollowWorker, Followed, Writer};

use super::present::POLL_EVERY;

/// What changed since the last look.
#[derive(Debug)]
pub enum WatchNews {
    /// The writer saved: the session as it is now.
    Reloaded(Box<History>),
    /// The file cannot be read now; what is on screen is the last good state.
    Unreadable(FileError),
    /// The instance that held the session has let it go.
    WriterGone,
    /// Someone holds the session again.
    WriterBack,
}

/// Follows the file of a read-only session on a worker thread.
pub struct Watch {
    worker: FollowWorker,
}

impl Watch {
    pub fn start(path: &Path) -> Watch {
        Watch {
            worker: FollowWorker::start(Follower::new(path), POLL_EVERY, true),
        }
    }

    /// What the worker found since the last call; never waits.
    pub fn news(&mut self) -> Vec<WatchNews> {
        let mut news = Vec::new();
        while let Some(found) = self.worker.try_next() {
            news.extend(Self::word(found));
        }
        news
    }

    /// Waits up to `timeout` for the next finding: for tests, which cannot know when
    /// the worker will look.
    pub fn next_news_within(&mut self, timeout: std::time::Duration) -> Option<WatchNews> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let found = self.worker.next_within(left)?;
            if let Some(news) = Self::word(found) {
                return Some(news);
            }
        }
    }

    fn word(found: Followed) -> Option<WatchNews> {
        match found {
            Followed::File(FollowEvent::Loaded(_, history)) => Some(WatchNews::Reloaded(history)),
            Followed::File(FollowEvent::Unreadable(error)) => Some(WatchNews::Unreadable(error)),
            Followed::File(FollowEvent::Unchanged) => None,
            Followed::Writer(Writer::Gone) => Some(WatchNews::WriterGone),
            Followed::Writer(Writer::Present) => Some(WatchNews::WriterBack),
        }
    }
}

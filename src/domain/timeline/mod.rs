//! Replaying a session's record: the state at any event, the words for each event, where
//! the stages changed, and a player that walks the record at a chosen speed.
//!
//! Positions are event indices. Position `p` shows the state right *after* event `p`
//! was applied, so position 0 is the session as created and the last position is the
//! session as the file leaves it. There is no position "before everything": a session
//! does not exist before its `Created` event. A screen shows "event p + 1 of N".
//!
//! Seeking has to stay within a frame (16 ms) even in a 100,000-event record, so the
//! fold is done once at load and a copy of it is kept every `CHECKPOINT_EVERY` events;
//! the state at any position is then a checkpoint copy plus fewer than that many applies.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};

use super::change::{ApplyError, Change};
use super::history::{Event, Fold, Guard, History, ReplayError};
use super::session::Session;
use super::stage::Stage;

// What an event touched is worked out below the history, which reports it too; this is
// where screens have always found it.
pub use super::changed::Changed;
pub use player::{COMPRESSED_STEP, Player, Speed};

mod player;

/// Events between two checkpoints.
///
/// A checkpoint is a copy of the session plus two shared pointers to the undo and redo
/// stacks (persistent lists, see `history::Stack`), so its size is that of the session,
/// not of the record: about 135 KB for the 1,000-item, 100,000-event benchmark session.
/// Measured there: 1 in 512 costs ~26 MB of checkpoints for a worst seek of ~0.13 ms;
/// 1 in 2048 costs ~7 MB for ~0.45 ms. 1 in 1024 (~13 MB, under 0.3 ms) keeps memory
/// well below that of the events, sentences and undo entries (~30 MB), with a seek
/// still some fifty times inside a frame. Replayed events skip the room's rules (see
/// `Guard::Replayed`), so no event kind makes a stretch between checkpoints slow.
pub const CHECKPOINT_EVERY: usize = 1024;

/// A session's record, folded once, ready to be shown at any event.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// Every event of the file, including any after the one that stopped the replay, so
    /// that nothing read is thrown away.
    events: Vec<Event>,
    /// Events that apply, from the first: positions run `0..playable`.
    playable: usize,
    stop: Option<ReplayError>,
    /// One sentence per playable event, plus one for the stopping event (worded against
    /// the state before it, which is all a describe needs), so a screen can say what it
    /// was that could not apply.
    sentences: Vec<String>,
    changed: Vec<Option<Changed>>,
    /// `checkpoints[k]` is the fold after event `k * every`.
    checkpoints: Vec<Fold>,
    every: usize,
    /// Positions where the stage on the wall changed, with the stage it changed to;
    /// the first is always `(0, stage at creation)`.
    boundaries: Vec<(usize, Stage)>,
}

impl Timeline {
    /// Folds the record once. Fails only when not even the first event applies (an
    /// empty record, or one that does not start with a valid `Created`): then there is
    /// no state to show at all. Any later event that does not apply ends the playable
    /// range there and is reported by `stop()`.
    pub fn new(events: Vec<Event>) -> Result<Timeline, ReplayError> {
        Timeline::with_checkpoint_interval(events, CHECKPOINT_EVERY)
    }

    /// Like `new`, with a checkpoint every `every` events (at least 1) instead of
    /// `CHECKPOINT_EVERY`: for tests that need many checkpoints in a short record, and
    /// for measuring the trade-off.
    pub fn with_checkpoint_interval(
        events: Vec<Event>,
        every: usize,
    ) -> Result<Timeline, ReplayError> {
        let every = every.max(1);
        let total = events.len();
        let fail = |index: usize, error: ApplyError| ReplayError {
            index,
            total,
            error,
        };
        let first = events.first().ok_or(fail(0, ApplyError::NotCreated))?;
        let mut fold = Fold::create(first.at, &first.change).map_err(|e| fail(0, e))?;
        let mut sentences = Vec::with_capacity(total);
        let mut changed = Vec::with_capacity(total);
        let mut checkpoints = Vec::with_capacity(total / every + 1);
        let mut boundaries = vec![(0, fold.session.current)];
        sentences.push(fold.describe(&first.change));
        changed.push(None);
        checkpoints.push(fold.clone());
        let mut stop = None;
        for (index, event) in events.iter().enumerate().skip(1) {
            let said = fold.describe(&event.change);
            let touched = match &event.change {
                Change::Undo => fold.undo_top().and_then(|r| Changed::of(r.forward())),
                Change::Redo => fold.redo_top().and_then(|r| Changed::of(r.forward())),
                change => Changed::of(change),
            };
            let stage_before = fold.session.current;
            let applied = fold.apply(event, Some(&said), Guard::Atomic);
            sentences.push(said);
            if let Err(error) = applied {
                stop = Some(fail(index, error));
                break;
            }
            changed.push(touched);
            if fold.session.current != stage_before {
                boundaries.push((index, fold.session.current));
            }
            if index % every == 0 {
                checkpoints.push(fold.clone());
            }
        }
        Ok(Timeline {
            playable: changed.len(),
            events,
            stop,
            sentences,
            changed,
            checkpoints,
            every,
            boundaries,
        })
    }

    /// Playable positions: the events up to, not including, the one that stopped the
    /// replay. Never zero.
    pub fn len(&self) -> usize {
        self.playable
    }

    /// A timeline always has the created session to show.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The last playable position.
    pub fn last(&self) -> usize {
        self.playable.saturating_sub(1)
    }

    /// Every event in the file, playable or not.
    pub fn total(&self) -> usize {
        self.events.len()
    }

    /// The first event that could not be applied, if any; the replay ends just before it.
    pub fn stop(&self) -> Option<&ReplayError> {
        self.stop.as_ref()
    }

    pub fn event(&self, index: usize) -> Option<&Event> {
        self.events.get(index)
    }

    /// The sentence for an event ("Globex added interest '…'"), for every playable event
    /// and the one that stopped the replay; None past that, where no state exists to word
    /// it against.
    pub fn sentence(&self, index: usize) -> Option<&str> {
        self.sentences.get(index).map(String::as_str)
    }

    /// When the event happened, as recorded.
    pub fn time_of(&self, index: usize) -> Option<DateTime<Utc>> {
        self.events.get(index).map(|e| e.at)
    }

    /// Time since the session was created. Negative only in a hand-edited file whose
    /// clock runs backwards; it is shown as recorded.
    pub fn elapsed(&self, index: usize) -> Option<TimeDelta> {
        let start = self.events.first()?.at;
        self.time_of(index).map(|at| at - start)
    }

    /// What the event at `index` touched, for highlighting; None for `Created`, for an
    /// Undo/Redo with nothing to act on, and past the playable range.
    pub fn changed(&self, index: usize) -> Option<&Changed> {
        self.changed.get(index).and_then(Option::as_ref)
    }

    /// Where the stage on the wall changed (a move, or an undo that took the wall back),
    /// in order, with the stage it changed to. Starts with `(0, stage at creation)`.
    pub fn stage_boundaries(&self) -> &[(usize, Stage)] {
        &self.boundaries
    }

    /// The first boundary after `position`.
    pub fn next_boundary(&self, position: usize) -> Option<usize> {
        let at = self.boundaries.partition_point(|(p, _)| *p <= position);
        self.boundaries.get(at).map(|(p, _)| *p)
    }

    /// The last boundary before `position`: from inside a stage, its start; from a
    /// stage's start, the start of the one before.
    pub fn prev_boundary(&self, position: usize) -> Option<usize> {
        let at = self.boundaries.partition_point(|(p, _)| *p < position);
        at.checked_sub(1)
            .and_then(|i| self.boundaries.get(i))
            .map(|(p, _)| *p)
    }

    /// The stage on the wall at `position`.
    pub fn stage_at(&self, position: usize) -> Stage {
        let at = self.boundaries.partition_point(|(p, _)| *p <= position);
        at.checked_sub(1)
            .and_then(|i| self.boundaries.get(i))
            .map_or(Stage::Vision, |(_, s)| *s)
    }

    /// The first playable event after `from` whose sentence contains `text`, ignoring
    /// case. The search wraps around to the start (like `/` in a pager), so it finds an
    /// earlier mention when there is no later one, and `from` itself last. None for
    /// blank text or no match.
    pub fn find(&self, from: usize, text: &str) -> Option<usize> {
        let needle = text.trim().to_lowercase();
        if needle.is_empty() || self.playable == 0 {
            return None;
        }
        let start = from.min(self.last());
        (1..=self.playable)
            .map(|step| (start + step) % self.playable)
            .find(|&i| {
                self.sentences
                    .get(i)
                    .is_some_and(|s| s.to_lowercase().contains(&needle))
            })
    }

    /// The session at `position` (clamped to the playable range).
    pub fn state_at(&self, position: usize) -> Session {
        let (fold, result) = self.fold_at(position);
        // The same events were applied to the same state at load, so this cannot fail;
        // were it to, the state as far as it got beats a panic in front of the room.
        debug_assert!(result.is_ok(), "a replayed event failed: {result:?}");
        fold.session
    }

    /// A full history of events `0..=position`, with its undo and redo stacks as they
    /// were then, to continue the session from there in a new file.
    pub fn history_at(&self, position: usize) -> Result<History, ApplyError> {
        let position = position.min(self.last());
        let (fold, result) = self.fold_at(position);
        result?;
        Ok(History::from_parts(self.events[..=position].to_vec(), fold))
    }

    /// The fold after event `position` (clamped): the nearest checkpoint at or before it,
    /// then the events between. Returns the fold as far as it got and the error that
    /// stopped it, if any.
    pub(crate) fn fold_at(&self, position: usize) -> (Fold, Result<(), ApplyError>) {
        let position = position.min(self.last());
        let k = (position / self.every).min(self.checkpoints.len().saturating_sub(1));
        // `new` stores the first checkpoint before anything else and `k` is clamped to
        // the stored ones, so the index is always in range.
        let checkpoint = &self.checkpoints[k];
        let mut fold = checkpoint.clone();
        let result = self.advance(&mut fold, k * self.every, position);
        (fold, result)
    }

    /// Applies events `from + 1 ..= to` to `fold`, which must be the fold after `from`.
    pub(crate) fn advance(
        &self,
        fold: &mut Fold,
        from: usize,
        to: usize,
    ) -> Result<(), ApplyError> {
        let to = to.min(self.last());
        for index in from + 1..=to {
            let (Some(event), said) = (self.events.get(index), self.sentences.get(index)) else {
                break;
            };
            fold.apply(event, said.map(String::as_str), Guard::Replayed)?;
        }
        Ok(())
    }

    /// The real time between event `index` and the next one; zero when the file's clock
    /// runs backwards, so a hand-edited time never stalls playback.
    pub fn gap_after(&self, index: usize) -> Duration {
        match (self.time_of(index), self.time_of(index + 1)) {
            (Some(a), Some(b)) => (b - a).to_std().unwrap_or(Duration::ZERO),
            _ => Duration::ZERO,
        }
    }
}

#[cfg(test)]
mod tests;

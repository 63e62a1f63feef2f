//! Walking a timeline at a chosen speed: the position, play and pause, and when the
//! next event is due.

use std::time::Duration;

use super::Timeline;
use crate::domain::change::ApplyError;
use crate::domain::history::{Fold, History, ReplayError};
use crate::domain::session::Session;

/// How fast the player walks the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Speed {
    X1,
    X2,
    X5,
    X10,
    X60,
    /// Every event after the same short delay, whatever the real gap: a coffee break in
    /// the record does not stall the replay.
    Compressed,
}

/// The delay between events in `Speed::Compressed`: long enough to read the sentence
/// and see the highlight, short enough that a 300-event session plays in two minutes.
pub const COMPRESSED_STEP: Duration = Duration::from_millis(400);

impl Speed {
    /// Slowest first, as the speed control cycles through them.
    pub const ALL: [Speed; 6] = [
        Speed::X1,
        Speed::X2,
        Speed::X5,
        Speed::X10,
        Speed::X60,
        Speed::Compressed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Speed::X1 => "1×",
            Speed::X2 => "2×",
            Speed::X5 => "5×",
            Speed::X10 => "10×",
            Speed::X60 => "60×",
            Speed::Compressed => "compressed",
        }
    }

    /// How long the player waits before an event that happened `gap` after the one
    /// before it.
    pub fn wait(self, gap: Duration) -> Duration {
        match self {
            Speed::X1 => gap,
            Speed::X2 => gap / 2,
            Speed::X5 => gap / 5,
            Speed::X10 => gap / 10,
            Speed::X60 => gap / 60,
            Speed::Compressed => COMPRESSED_STEP,
        }
    }

    /// The next speed up; compressed is the fastest and stays.
    pub fn faster(self) -> Speed {
        let at = Speed::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Speed::ALL.get(at + 1).copied().unwrap_or(self)
    }

    /// The next speed down; 1× is the slowest and stays.
    pub fn slower(self) -> Speed {
        let at = Speed::ALL.iter().position(|s| *s == self).unwrap_or(0);
        at.checked_sub(1)
            .and_then(|i| Speed::ALL.get(i).copied())
            .unwrap_or(self)
    }
}

impl std::fmt::Display for Speed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// Walks a timeline: a position, play/pause and a speed. It never reads a clock: the
/// screen passes its own time to `tick` (any monotonic `Duration`, e.g. time since the
/// screen opened), which keeps playback testable without sleeping.
#[derive(Debug, Clone)]
pub struct Player {
    timeline: Timeline,
    position: usize,
    playing: bool,
    speed: Speed,
    /// The caller's time at which the wait for the next event began. None after any
    /// jump or pause: the next `tick` starts the wait afresh from its own `now`, so a
    /// seek never needs a clock and never inherits a half-spent wait.
    since: Option<Duration>,
    /// The fold at a recent position, so that playing forward costs one apply per event
    /// instead of a checkpoint copy per event.
    cache: Option<(usize, Fold)>,
}

impl Player {
    /// Paused at the created session, at 1×.
    pub fn new(timeline: Timeline) -> Player {
        Player {
            timeline,
            position: 0,
            playing: false,
            speed: Speed::X1,
            since: None,
            cache: None,
        }
    }

    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    pub fn position(&self) -> usize {
        self.position
    }

    pub fn is_playing(&self) -> bool {
        self.playing
    }

    pub fn speed(&self) -> Speed {
        self.speed
    }

    /// True at the last playable event.
    pub fn at_end(&self) -> bool {
        self.position >= self.timeline.last()
    }

    /// The error that ended the replay, once the player stands right before it.
    pub fn at_stop(&self) -> Option<&ReplayError> {
        self.timeline.stop().filter(|_| self.at_end())
    }

    /// Changing speed restarts the wait for the next event at the new speed.
    pub fn set_speed(&mut self, speed: Speed) {
        self.speed = speed;
        self.since = None;
    }

    /// Plays or pauses. Playing from the end starts over from the beginning, as a
    /// media player does.
    pub fn toggle_play(&mut self) {
        if self.playing {
            self.playing = false;
        } else {
            if self.at_end() {
                self.position = 0;
            }
            self.playing = !self.at_end();
        }
        self.since = None;
    }

    pub fn pause(&mut self) {
        self.playing = false;
        self.since = None;
    }

    /// Moves to `position` (clamped); playback, if on, goes on from there.
    pub fn seek(&mut self, position: usize) {
        self.position = position.min(self.timeline.last());
        self.since = None;
        if self.at_end() {
            self.playing = false;
        }
    }

    pub fn step_forward(&mut self) {
        self.seek(self.position.saturating_add(1));
    }

    pub fn step_back(&mut self) {
        self.seek(self.position.saturating_sub(1));
    }

    pub fn home(&mut self) {
        self.seek(0);
    }

    pub fn end(&mut self) {
        self.seek(self.timeline.last());
    }

    /// To the next stage boundary; to the end when there is none.
    pub fn next_boundary(&mut self) {
        let to = self
            .timeline
            .next_boundary(self.position)
            .unwrap_or(self.timeline.last());
        self.seek(to);
    }

    /// To the start of this stage, or of the one before when already there.
    pub fn prev_boundary(&mut self) {
        let to = self.timeline.prev_boundary(self.position).unwrap_or(0);
        self.seek(to);
    }

    /// Jumps to the next event that mentions `text` (see `Timeline::find`); false, and
    /// no move, when nothing does.
    pub fn find(&mut self, text: &str) -> bool {
        match self.timeline.find(self.position, text) {
            Some(at) => {
                self.seek(at);
                true
            }
            None => false,
        }
    }

    /// When, on the caller's clock, the next event is due; `Some(ZERO)` means "tick now"
    /// (playback just started or jumped). None while paused or at the end. A screen can
    /// use it to sleep exactly until the next change.
    pub fn next_due(&self) -> Option<Duration> {
        if !self.playing || self.at_end() {
            return None;
        }
        let Some(since) = self.since else {
            return Some(Duration::ZERO);
        };
        let wait = self.speed.wait(self.timeline.gap_after(self.position));
        Some(since.saturating_add(wait))
    }

    /// Advances playback to the caller's time `now`: every event whose wait (real gap
    /// divided by the speed, or the fixed compressed delay) has run out is applied, so a
    /// late tick catches up rather than drifting. Stops at the last playable event.
    /// Returns whether the position moved.
    pub fn tick(&mut self, now: Duration) -> bool {
        if !self.playing {
            return false;
        }
        let mut since = self.since.unwrap_or(now);
        let start = self.position;
        while !self.at_end() {
            let wait = self.speed.wait(self.timeline.gap_after(self.position));
            let due = since.saturating_add(wait);
            if now < due {
                break;
            }
            self.position += 1;
            since = due;
        }
        self.since = Some(since);
        if self.at_end() {
            self.playing = false;
            self.since = None;
        }
        self.position != start
    }

    /// The session at the current position. Cheap when playing forward (the events since
    /// the last call are applied to a kept state); otherwise one checkpoint copy and the
    /// events after it.
    pub fn state(&mut self) -> &Session {
        let position = self.position;
        // Going on from the kept state beats a checkpoint copy only within the same
        // stretch between checkpoints.
        let every = self.timeline.every;
        let reusable = |at: &usize| *at <= position && position - *at <= position % every;
        let (at, mut fold) = match self.cache.take().filter(|(at, _)| reusable(at)) {
            Some(kept) => kept,
            None => (position, self.timeline.fold_at(position).0),
        };
        let result = self.timeline.advance(&mut fold, at, position);
        debug_assert!(result.is_ok(), "a replayed event failed: {result:?}");
        let (_, fold) = self.cache.insert((position, fold));
        &fold.session
    }

    /// A history of the record up to the current position, to continue the session in a
    /// new file from here. The replayed file is not touched.
    pub fn continue_here(&self) -> Result<History, ApplyError> {
        self.timeline.history_at(self.position)
    }

    pub fn into_timeline(self) -> Timeline {
        self.timeline
    }
}

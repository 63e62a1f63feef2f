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

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::change::NewPartner;
    use crate::domain::types::{PartnerId, PartnershipType};

    fn start() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0)
            .single()
            .unwrap_or_default()
    }

    fn created() -> Change {
        Change::Created {
            title: "Pilot".into(),
            moderator: "Dana".into(),
            kind: PartnershipType::SystemIntegrator,
            partners: [(1, "Acme"), (2, "Globex")]
                .into_iter()
                .map(|(id, name)| NewPartner {
                    id: PartnerId(id),
                    name: name.into(),
                    brings: String::new(),
                })
                .collect(),
            roles: Vec::new(),
        }
    }

    /// A record whose events after `Created` come at the given seconds from the start;
    /// each one sets Acme's view, so every event applies.
    fn record(seconds: &[i64]) -> Vec<Event> {
        let mut events = vec![Event {
            at: start(),
            change: created(),
        }];
        for (n, s) in seconds.iter().enumerate() {
            events.push(Event {
                at: start() + TimeDelta::seconds(*s),
                change: Change::ViewSet {
                    partner: PartnerId(1),
                    text: format!("View {n}"),
                },
            });
        }
        events
    }

    fn player(seconds: &[i64]) -> Player {
        let timeline = Timeline::new(record(seconds));
        assert!(timeline.is_ok(), "{timeline:?}");
        let Ok(timeline) = timeline else {
            unreachable!()
        };
        Player::new(timeline)
    }

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    #[test]
    fn speeds_divide_the_real_gap_and_compressed_is_fixed() {
        let gap = secs(120);
        assert_eq!(Speed::X1.wait(gap), secs(120));
        assert_eq!(Speed::X2.wait(gap), secs(60));
        assert_eq!(Speed::X5.wait(gap), secs(24));
        assert_eq!(Speed::X10.wait(gap), secs(12));
        assert_eq!(Speed::X60.wait(gap), secs(2));
        assert_eq!(Speed::Compressed.wait(gap), COMPRESSED_STEP);
        assert_eq!(Speed::Compressed.wait(secs(7200)), COMPRESSED_STEP);
        assert_eq!(Speed::X1.faster(), Speed::X2);
        assert_eq!(Speed::Compressed.faster(), Speed::Compressed);
        assert_eq!(Speed::X1.slower(), Speed::X1);
        assert_eq!(Speed::Compressed.slower(), Speed::X60);
    }

    #[test]
    fn at_1x_the_player_waits_the_real_gap() {
        let mut p = player(&[60, 90]);
        p.toggle_play();
        assert!(p.is_playing());
        // The first tick after play starts the wait; nothing is due yet.
        assert!(!p.tick(secs(1000)));
        assert_eq!(p.next_due(), Some(secs(1060)));
        assert!(!p.tick(secs(1059)));
        assert_eq!(p.position(), 0);
        assert!(p.tick(secs(1060)));
        assert_eq!(p.position(), 1);
        // The next wait counts from when the event was due, not from the late tick.
        assert!(!p.tick(secs(1089)));
        assert!(p.tick(secs(1090)));
        assert_eq!(p.position(), 2);
        assert!(!p.is_playing(), "the player stops at the end");
        assert!(!p.tick(secs(5000)));
    }

    #[test]
    fn at_60x_a_minute_takes_a_second() {
        let mut p = player(&[60, 120]);
        p.set_speed(Speed::X60);
        p.toggle_play();
        p.tick(secs(0));
        assert!(!p.tick(Duration::from_millis(999)));
        assert!(p.tick(secs(1)));
        assert_eq!(p.position(), 1);
    }

    #[test]
    fn compressed_plays_long_pauses_and_bursts_at_the_same_pace() {
        // A two-hour break between the first two edits, then two edits in one second.
        let mut p = player(&[7200, 7200, 7201]);
        p.set_speed(Speed::Compressed);
        p.toggle_play();
        p.tick(secs(0));
        let step = COMPRESSED_STEP;
        assert!(!p.tick(step - Duration::from_millis(1)));
        assert!(p.tick(step));
        assert_eq!(p.position(), 1);
        assert!(p.tick(step * 2));
        assert_eq!(p.position(), 2);
        assert!(p.tick(step * 3));
        assert_eq!(p.position(), 3);
        assert!(!p.is_playing());
    }

    #[test]
    fn a_late_tick_catches_up_every_event_that_was_due() {
        let mut p = player(&[10, 20, 30, 40]);
        p.toggle_play();
        p.tick(secs(0));
        assert!(p.tick(secs(25)));
        assert_eq!(p.position(), 2);
        assert_eq!(p.next_due(), Some(secs(30)));
    }

    #[test]
    fn events_at_the_same_moment_play_together_and_backward_clocks_do_not_stall() {
        let mut p = player(&[0, -50, 10]);
        p.toggle_play();
        assert!(p.tick(secs(0)));
        assert_eq!(
            p.position(),
            2,
            "a zero gap and a backward gap are both due at once"
        );
        assert_eq!(p.timeline().gap_after(1), Duration::ZERO);
    }

    #[test]
    fn seeking_or_changing_speed_while_playing_restarts_the_wait() {
        let mut p = player(&[60, 120, 180, 240]);
        p.toggle_play();
        p.tick(secs(0));
        p.tick(secs(50));
        p.seek(2);
        assert!(p.is_playing());
        assert_eq!(p.next_due(), Some(Duration::ZERO));
        assert!(
            !p.tick(secs(100)),
            "the wait starts at the first tick after the jump"
        );
        assert!(p.tick(secs(160)));
        assert_eq!(p.position(), 3);
        p.set_speed(Speed::X2);
        assert!(!p.tick(secs(170)));
        assert!(p.tick(secs(200)));
        assert_eq!(p.position(), 4);
    }

    #[test]
    fn pause_stops_ticks_and_play_at_the_end_starts_over() {
        let mut p = player(&[1, 2]);
        p.toggle_play();
        p.tick(secs(0));
        p.toggle_play();
        assert!(!p.tick(secs(100)));
        assert_eq!(p.position(), 0);
        p.end();
        assert!(p.at_end());
        p.toggle_play();
        assert!(p.is_playing());
        assert_eq!(p.position(), 0);
        p.pause();
        assert_eq!(p.next_due(), None);
    }

    #[test]
    fn steps_and_jumps_stay_in_range() {
        let mut p = player(&[1, 2, 3]);
        p.step_back();
        assert_eq!(p.position(), 0);
        p.step_forward();
        assert_eq!(p.position(), 1);
        p.seek(99);
        assert_eq!(p.position(), 3);
        p.step_forward();
        assert_eq!(p.position(), 3);
        p.home();
        assert_eq!(p.position(), 0);
        // No stage changes in this record: the boundary jumps go to the ends.
        p.next_boundary();
        assert_eq!(p.position(), 3);
        p.prev_boundary();
        assert_eq!(p.position(), 0);
    }

    #[test]
    fn the_players_kept_state_matches_the_timeline_wherever_it_moves() {
        let seconds: Vec<i64> = (1..=40).collect();
        let Ok(timeline) = Timeline::with_checkpoint_interval(record(&seconds), 4) else {
            unreachable!("the record applies")
        };
        let mut p = Player::new(timeline);
        for to in [0, 1, 2, 3, 4, 5, 9, 8, 8, 13, 40, 17, 18, 19, 20, 21, 3] {
            p.seek(to);
            let expected = p.timeline().state_at(to);
            assert_eq!(p.state(), &expected, "at {to}");
        }
    }

    #[test]
    fn changed_names_what_an_event_touched() {
        assert_eq!(Changed::of(&created()), None);
        assert_eq!(
            Changed::of(&Change::ViewSet {
                partner: PartnerId(2),
                text: "x".into()
            }),
            Some(Changed::Vision(PartnerId(2)))
        );
        assert_eq!(
            Changed::of(&Change::MovedTo {
                stage: Stage::Roles
            }),
            Some(Changed::Stage(Stage::Roles))
        );
        let mut events = record(&[1]);
        events.push(Event {
            at: start(),
            change: Change::Undo,
        });
        let Ok(timeline) = Timeline::new(events) else {
            unreachable!("the record applies")
        };
        assert_eq!(timeline.changed(0), None);
        assert_eq!(timeline.changed(2), Some(&Changed::Vision(PartnerId(1))));
    }
}

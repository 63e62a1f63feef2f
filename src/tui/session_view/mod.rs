//! An open session on the wall: the wall of stage screens, the keys every stage shares
//! (`keys`), drawing (`render`), stage timing and saving. Every change goes through
//! `record`, which applies it to the history, notes the time spent when the stage
//! changes, hands the new state to the autosaver and tells the wall what changed.

mod keys;
mod record_error;
mod render;
mod sealed;

pub use keys::{SESSION_BINDINGS, SessionAction, timebox_minutes};
pub use record_error::RecordError;

use std::path::PathBuf;
use std::rc::Rc;

use chrono::{DateTime, Utc};

use crate::domain::board::BoardEntry;
use crate::domain::change::stage_lock;
use crate::domain::stage_time::{TimeboxLook, ran_out_between, time_to_record};
use crate::domain::{Change, History, Stage};
use crate::storage::SaveError;
use crate::storage::autosave::{Autosaver, SaveReport};
use crate::storage::lock::SessionLock;
use crate::storage::{Access, Header, Opened};

use super::stages::StageCtx;
use super::theme::Theme;
use super::wall::Wall;
use super::watch::{Watch, WatchNews};

pub struct SessionView {
    /// The file behind the session; None for the built-in example.
    pub path: Option<PathBuf>,
    id: String,
    continued_from: Option<String>,
    pub history: History,
    /// Why changes are refused, when they are.
    pub read_only: Option<String>,
    // Declared before the lock so that it drops first: dropping it waits for a save in
    // flight, and only then may the lock let another instance in.
    saver: Option<Autosaver>,
    // Held for as long as the session is open; dropping it lets another instance in.
    _lock: Option<SessionLock>,
    /// Follows the file while another instance writes it (read-only views of a file).
    watch: Option<Watch>,
    /// Set when the instance that wrote the session has closed it: `o` takes over.
    writer_gone: bool,
    /// When the stage on the wall was put there (or the session opened).
    entered_at: DateTime<Utc>,
    /// How many events the record held then: more now means the session was changed
    /// while the stage was shown, and only then is its time recorded.
    entered_events: usize,
    /// The stage shown when read-only, where moving around records nothing.
    view_stage: Stage,
    /// The timebox as the last tick saw it: the bell rings when it runs out between
    /// two looks, never for a stage that was over time before it came on the wall.
    last_look: Option<TimeboxLook>,
    /// Counts every change to `history` (recorded or reloaded), so the wall's board is
    /// computed once per change: the same number of events is not the same record when
    /// another instance rewrote the file.
    version: u64,
    wall: Wall,
    /// The open sealed round's answers, kept off the record until the reveal.
    sealed: sealed::Sealed,
}

impl SessionView {
    pub fn from_opened(opened: Opened, now: DateTime<Utc>) -> SessionView {
        let (lock, read_only) = match opened.access {
            Access::Exclusive(lock) => (Some(lock), None),
            Access::ReadOnly(reason) => (None, Some(reason)),
        };
        let saver = lock
            .as_ref()
            .map(|_| Autosaver::start(opened.path.clone(), opened.history.events()));
        let watch = read_only.as_ref().map(|_| Watch::start(&opened.path));
        let mut view = SessionView::build(
            Some(opened.path),
            opened.header.id,
            opened.header.continued_from,
            opened.history,
            lock,
            saver,
            read_only,
            now,
        );
        view.watch = watch;
        view
    }

    /// A session shown without a file: the built-in example.
    pub fn read_only(
        history: History,
        id: String,
        reason: String,
        now: DateTime<Utc>,
    ) -> SessionView {
        SessionView::build(None, id, None, history, None, None, Some(reason), now)
    }

    #[allow(clippy::too_many_arguments)]
    fn build(
        path: Option<PathBuf>,
        id: String,
        continued_from: Option<String>,
        history: History,
        lock: Option<SessionLock>,
        saver: Option<Autosaver>,
        read_only: Option<String>,
        now: DateTime<Utc>,
    ) -> SessionView {
        let view_stage = history.session().current;
        let entered_events = history.events().len();
        let mut view = SessionView {
            path,
            id,
            continued_from,
            history,
            read_only,
            _lock: lock,
            saver,
            watch: None,
            writer_gone: false,
            entered_at: now,
            entered_events,
            view_stage,
            last_look: None,
            version: 0,
            wall: Wall::default(),
            sealed: sealed::Sealed::default(),
        };
        view.last_look = view.timebox_look(now);
        view.start_sealed();
        view
    }

    /// The conflict board for the session as it is now.
    pub fn board(&self) -> Rc<[BoardEntry]> {
        self.wall.board(self.history.session(), self.version)
    }

    /// The stage on screen.
    pub fn stage(&self) -> Stage {
        if self.read_only.is_some() {
            self.view_stage
        } else {
            self.history.session().current
        }
    }

    /// Shows `stage` in a read-only view (a replay, the example). Live sessions move
    /// only through recorded changes, so this refuses them, and it refuses locked stages.
    pub fn show_stage(&mut self, stage: Stage) -> bool {
        if self.read_only.is_none() || stage_lock(self.history.session(), stage).is_some() {
            return false;
        }
        self.view_stage = stage;
        self.wall.stage_changed();
        true
    }

    /// Seconds spent in the stage on screen, including the running time since it opened.
    pub fn spent_now(&self, now: DateTime<Utc>) -> u64 {
        let stage = self.stage();
        let recorded = self.history.session().clock.spent_seconds(stage);
        if self.read_only.is_some() {
            return recorded;
        }
        let running = (now - self.entered_at).num_seconds().max(0).unsigned_abs();
        recorded + running
    }

    /// The timebox of the stage on the wall, as it stands at `now`; None in read-only
    /// views, whose clock does not run.
    fn timebox_look(&self, now: DateTime<Utc>) -> Option<TimeboxLook> {
        if self.read_only.is_some() {
            return None;
        }
        let stage = self.stage();
        Some(TimeboxLook {
            stage,
            spent_seconds: self.spent_now(now),
            limit_seconds: u64::from(self.history.session().clock.timebox_minutes(stage)) * 60,
        })
    }

    /// True when the timebox of the stage on the wall has run out since the last look:
    /// the app rings the bell.
    pub fn timebox_just_ran_out(&mut self, now: DateTime<Utc>) -> bool {
        let Some(look) = self.timebox_look(now) else {
            return false;
        };
        ran_out_between(self.last_look.replace(look), look)
    }

    pub fn header(&self) -> Header {
        Header::for_history(&self.id, self.continued_from.as_deref(), &self.history)
    }

    /// Applies `changes` in order; stops at the first refused one. Returns the sentence
    /// for the last change applied, or the reason for the refusal.
    pub fn record(
        &mut self,
        changes: Vec<Change>,
        now: DateTime<Utc>,
    ) -> Result<String, RecordError> {
        if let Some(reason) = &self.read_only {
            return Err(RecordError::ReadOnly(reason.clone()));
        }
        let mut said = String::new();
        let mut outcome = Ok(());
        let mut touched = Vec::new();
        for change in changes {
            let before = self.history.session().current;
            let navigation = matches!(change, Change::MovedTo { .. });
            let opens = match &change {
                Change::RoundOpened { round } => Some(round.id),
                _ => None,
            };
            match self.history.record(now, change) {
                // "Vision gate passed" says more than the move that follows it.
                Ok(text) if !navigation || said.is_empty() => said = text,
                Ok(_) => {}
                Err(e) => {
                    outcome = Err(RecordError::Refused(e));
                    break;
                }
            }
            self.version += 1;
            if let Some(round) = opens {
                self.round_opened(round);
            }
            touched.extend(self.history.last_changed());
            let after = self.history.session().current;
            if after != before {
                // The stage on the wall changed: close its clock. The event names the stage,
                // so coming after the move is fine; the move itself is a change.
                let changed = self.history.events().len() > self.entered_events;
                if let Some(seconds) = time_to_record(self.entered_at, now, changed) {
                    let _ = self.history.record(
                        now,
                        Change::TimeSpent {
                            stage: before,
                            seconds,
                        },
                    );
                }
                self.entered_at = now;
                self.entered_events = self.history.events().len();
                self.last_look = self.timebox_look(now);
                self.wall.stage_changed();
            }
        }
        self.save();
        self.follow_changes(&touched);
        outcome.map(|()| said)
    }

    /// Tells the screen on show what the recorded changes touched, in order, so its
    /// cursor lands on what the room just saw change (a new role, a settled conflict's
    /// neighbour). The theme does not matter to where a cursor goes.
    fn follow_changes(&mut self, touched: &[crate::domain::timeline::Changed]) {
        if touched.is_empty() {
            return;
        }
        let stage = self.stage();
        let board = self.board();
        let theme = Theme::dark();
        let ctx = StageCtx::new(self.history.session(), &board, &theme, false, None);
        for changed in touched {
            self.wall.follow(stage, changed, &ctx);
        }
    }

    fn save(&mut self) {
        let header = self.header();
        if let Some(saver) = &mut self.saver {
            saver.request(header, &self.history);
        }
    }

    /// Takes what the file watch found, for a session another instance writes. Returns
    /// what the moderator should be told, if anything.
    pub fn follow(&mut self) -> Option<String> {
        let news = self.watch.as_mut()?.news();
        let mut said = None;
        for item in news {
            match item {
                WatchNews::Reloaded(history) => {
                    // The view stays where the moderator looked, unless it was showing
                    // the writer's stage: then it goes along, as the wall does.
                    if self.view_stage == self.history.session().current {
                        self.view_stage = history.session().current;
                    }
                    self.history = *history;
                    // Same length is not same content: a replaced file may differ.
                    self.version += 1;
                }
                WatchNews::Unreadable(error) => {
                    said = Some(format!(
                        "Not updating: {error}; showing the last good state"
                    ));
                }
                WatchNews::WriterGone => {
                    self.writer_gone = true;
                    said = Some(
                        "The other sameside has closed this session: press o to take over"
                            .to_string(),
                    );
                }
                WatchNews::WriterBack => {
                    self.writer_gone = false;
                    said = Some("Another sameside has this session open again".to_string());
                }
            }
        }
        said
    }

    /// Waits up to `timeout` for the file watch to find something and takes it: for
    /// tests, which cannot know when the watch looks.
    pub fn follow_within(&mut self, timeout: std::time::Duration) -> Option<String> {
        let deadline = std::time::Instant::now() + timeout;
        while std::time::Instant::now() < deadline {
            let before = self.history.events().len();
            let said = self.follow();
            if said.is_some() || self.history.events().len() != before {
                return said.or(Some(String::new()));
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        None
    }

    /// True when the writer has gone and this read-only view may take the session over.
    pub fn may_take_over(&self) -> bool {
        self.writer_gone && self.path.is_some()
    }

    /// The newest report from the autosaver, if a write finished since the last look.
    pub fn poll_save(&mut self) -> Option<SaveReport> {
        self.saver.as_mut()?.poll()
    }

    /// Records the time spent in the current stage, if the session was changed while it
    /// was on the wall, and waits for every write. Returns the error when the session
    /// could not be saved.
    pub fn close(&mut self, now: DateTime<Utc>) -> Result<(), SaveError> {
        if self.read_only.is_some() {
            return Ok(());
        }
        // The answers go to disk before the session does: a seal on disk whose answer
        // is not would be an answer lost.
        self.flush_sealed();
        let stage = self.history.session().current;
        let changed = self.history.events().len() > self.entered_events;
        let seconds = time_to_record(self.entered_at, now, changed);
        let failed_before = self
            .saver
            .as_ref()
            .is_some_and(|s| s.last_error().is_some());
        if failed_before {
            self.save();
        }
        if let Some(seconds) = seconds {
            let _ = self
                .history
                .record(now, Change::TimeSpent { stage, seconds });
            self.entered_at = now;
            self.entered_events = self.history.events().len();
            self.save();
        }
        match &mut self.saver {
            Some(saver) => {
                saver.flush();
                match saver.last_error() {
                    Some(e) => Err(e.clone()),
                    None => Ok(()),
                }
            }
            None => Ok(()),
        }
    }
}

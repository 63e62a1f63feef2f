//! The figures a session is summed up in: how many conflicts are on the board and where
//! each stands, and how the time went against the plan. The summary screen, every export
//! and `sameside check` print these and nothing else, so the wall and the notes can never
//! give the room two different numbers for the same thing.

use super::board::{BoardEntry, Readiness, agreements};
use super::gate::stage_lock;
use super::session::Session;
use super::stage::Stage;
use super::types::Severity;

/// The conflicts of a session, counted once.
///
/// "On the board" means every conflict the room still treats as one: entered by the
/// moderator or found by the rules, whatever its outcome, except the ones the room
/// dismissed as not being conflicts at all (those are counted apart, in `dismissed`).
/// "Open" means not yet decided and not parked; parked ones wait for a later meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    /// Open, parked, settled, deal-breakers and dismissed, by outcome.
    pub outcomes: Readiness,
    /// Conflicts on the board the moderator entered.
    pub entered: usize,
    /// Conflicts on the board the rules found.
    pub found: usize,
    /// Resolved conflicts, each with the agreement the room reached.
    pub agreements: usize,
}

impl Tally {
    pub fn of(board: &[BoardEntry]) -> Tally {
        let counted = board.iter().filter(|e| !is_dismissed(e));
        let entered = counted.clone().filter(|e| !e.is_detected()).count();
        let found = counted.filter(|e| e.is_detected()).count();
        Tally {
            outcomes: Readiness::of(board),
            entered,
            found,
            agreements: agreements(board).count(),
        }
    }

    /// Conflicts on the board (dismissed ones are not).
    pub fn on_board(&self) -> usize {
        self.outcomes.total()
    }

    /// Conflicts still open, whatever their severity.
    pub fn open(&self) -> usize {
        self.outcomes.open_total()
    }

    pub fn open_at(&self, severity: Severity) -> usize {
        self.outcomes.open[super::board::severity_index(severity)]
    }

    pub fn parked(&self) -> usize {
        self.outcomes.parked
    }

    /// Resolved or accepted as a risk.
    pub fn settled(&self) -> usize {
        self.outcomes.settled
    }

    pub fn deal_breakers(&self) -> usize {
        self.outcomes.deal_breakers
    }

    pub fn dismissed(&self) -> usize {
        self.outcomes.dismissed
    }

    /// Settled or standing as a deal-breaker: the room has said its word.
    pub fn decided(&self) -> usize {
        self.outcomes.settled + self.outcomes.deal_breakers
    }

    pub fn percent_decided(&self) -> usize {
        self.outcomes.percent_decided()
    }
}

fn is_dismissed(entry: &BoardEntry) -> bool {
    matches!(
        entry.status,
        super::session::ConflictStatus::Dismissed { .. }
    )
}

/// One stage's time: its timebox and, when it was held, the minutes spent in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageTime {
    pub stage: Stage,
    /// The timebox, in minutes.
    pub timebox: u64,
    /// Minutes spent, rounded; `None` when the stage was not held (see [`TimeTally`]).
    pub actual: Option<u64>,
}

/// Planned against actual time, per stage and in total.
///
/// The rule for the plan: a stage counts when it was held, that is when time was spent in
/// it, or when the room has got to it and the gate does not close it. A stage that a pass
/// at the vision gate closed was never going to run, and one the room has not reached yet
/// has not run; counting their timeboxes would show time saved that never was. So a
/// session that took a pass after the vision plans the vision and the summary only
/// (25 + 10 = 35 minutes by default), and its total compares those with the time spent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeTally {
    pub stages: [StageTime; 5],
    /// Minutes planned for the stages held.
    pub planned: u64,
    /// Minutes spent in all stages, rounded once from the seconds.
    pub actual: u64,
}

impl TimeTally {
    pub fn of(session: &Session) -> TimeTally {
        let clock = &session.clock;
        let stages = Stage::ALL.map(|stage| {
            let seconds = clock.spent_seconds(stage);
            let held =
                seconds > 0 || (stage <= session.reached && stage_lock(session, stage).is_none());
            StageTime {
                stage,
                timebox: u64::from(clock.timebox_minutes(stage)),
                actual: held.then(|| minutes(seconds)),
            }
        });
        TimeTally {
            planned: stages
                .iter()
                .filter(|s| s.actual.is_some())
                .map(|s| s.timebox)
                .sum(),
            actual: minutes(clock.total_spent_seconds()),
            stages,
        }
    }

    /// True when some stage was left out of the plan.
    pub fn any_skipped(&self) -> bool {
        self.stages.iter().any(|s| s.actual.is_none())
    }
}

/// Whole minutes, rounded to the nearest, so 14:40 reads as 15.
pub fn minutes(seconds: u64) -> u64 {
    seconds.saturating_add(30) / 60
}

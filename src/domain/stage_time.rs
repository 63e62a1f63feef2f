//! When time on the wall becomes part of the record, and when a timebox has run out in
//! front of the room. Opening a session only to look at it, show it or export it must
//! leave the record as it was: the room was not working on it, so its clock did not run.

use chrono::{DateTime, Utc};

use super::change::spent_seconds;
use super::stage::Stage;

/// The seconds to record for the stage that was on the wall from `shown_since` until
/// `now`, or `None` when nothing is to be recorded. Time counts only when the session was
/// changed while the stage was shown (moving to another stage is a change): merely
/// viewing records nothing, and neither does a clock that stood still.
pub fn time_to_record(
    shown_since: DateTime<Utc>,
    now: DateTime<Utc>,
    changed_while_shown: bool,
) -> Option<u64> {
    if !changed_while_shown {
        return None;
    }
    Some(spent_seconds(shown_since, now)).filter(|seconds| *seconds > 0)
}

/// What the wall showed of a stage's timebox at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeboxLook {
    pub stage: Stage,
    /// Recorded time plus the time running since the stage came on the wall.
    pub spent_seconds: u64,
    pub limit_seconds: u64,
}

impl TimeboxLook {
    pub fn is_over(&self) -> bool {
        self.spent_seconds >= self.limit_seconds
    }
}

/// True when the timebox ran out between two looks at the same stage: it was not over at
/// the earlier look and is now. A stage that was already over time when it came on the
/// wall (or when the session opened) never rings; one given more time rings again when
/// that runs out, and one whose timebox is cut below the time spent rings at once.
pub fn ran_out_between(before: Option<TimeboxLook>, now: TimeboxLook) -> bool {
    before.is_some_and(|b| b.stage == now.stage && !b.is_over()) && now.is_over()
}

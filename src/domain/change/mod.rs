//! Every change a session can undergo, as a value. The file stores these; the state is
//! what you get by applying them in order. Each `apply` checks its guards before touching
//! anything, so a rejected change leaves the state exactly as it was, and returns the
//! changes that would undo it.

use chrono::{DateTime, Datelike, NaiveDate, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use super::glossary::GlossaryEntry;
use super::rounds::{Revealed, RoundSpec, Seal};
use super::session::*;
use super::stage::Stage;
use super::types::*;
use super::verdict::proceed_contradicted;

// The room's rules that the guards apply live in `gate` and `verdict`; these paths
// are where screens, exports and tests have always found them.
pub use super::gate::{gate_missing, stage_lock};
pub use super::verdict::verdict_block;
pub use guards::same_name;

mod apply;
mod guards;
pub mod rounds;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Policy {
    Checked,
    Restoring,
}

/// Fewest and most partners a session can have.
pub const MIN_PARTNERS: usize = 2;
pub const MAX_PARTNERS: usize = 8;

/// The most one `TimeSpent` may record: a week. The app records a stage's time when the
/// wall leaves it, so even a session left open over a long weekend stays below; a larger
/// number is a typing slip, and near the top of `u64` it made every screen and document
/// show a different total.
pub const MAX_TIME_SPENT_SECONDS: u64 = 7 * 24 * 60 * 60;

/// The seconds from `from` to `to` as one `TimeSpent` records them: none if the clock
/// went back, and at most `MAX_TIME_SPENT_SECONDS` if the wall stayed on one stage longer
/// (a week's record beats losing the time by having the change refused).
pub fn spent_seconds(from: DateTime<Utc>, to: DateTime<Utc>) -> u64 {
    (to - from)
        .num_seconds()
        .max(0)
        .unsigned_abs()
        .min(MAX_TIME_SPENT_SECONDS)
}

/// The years an event's time and an action's due date may fall in. Outside them a time
/// is a slip (or a computer whose clock was reset) rather than a meeting.
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2100;

/// `at` lies in the years sessions happen in (`FIRST_YEAR` to `LAST_YEAR`).
pub fn check_time(at: DateTime<Utc>) -> Result<(), ApplyError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&at.year()) {
        Ok(())
    } else {
        Err(ApplyError::TimeRange(at))
    }
}

/// A partner as named when the session is created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPartner {
    pub id: PartnerId,
    pub name: String,
    pub brings: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// Always the first event: the session as set up, with the roles of the template.
    Created {
        title: String,
        moderator: String,
        kind: PartnershipType,
        partners: Vec<NewPartner>,
        roles: Vec<Role>,
    },
    TitleSet {
        title: String,
    },
    ModeratorSet {
        name: String,
    },
    KindSet {
        kind: PartnershipType,
    },
    PartnerAdded {
        partner: PartnerId,
        name: String,
        brings: String,
    },
    /// Only a partner with nothing said yet can be removed (see the guard); it exists so
    /// that adding a partner by mistake can be undone.
    PartnerRemoved {
        partner: PartnerId,
    },
    PartnerRenamed {
        partner: PartnerId,
        name: String,
    },
    BringsSet {
        partner: PartnerId,
        text: String,
    },
    RepresentativeAdded {
        partner: PartnerId,
        representative: Representative,
    },
    RepresentativeRemoved {
        partner: PartnerId,
        id: ItemId,
    },
    /// A representative's name or function corrected; keeps its id and place.
    RepresentativeEdited {
        partner: PartnerId,
        representative: Representative,
    },
    /// Rewriting the shared statement withdraws every agreement: a partner agreed to the
    /// words as they were.
    StatementSet {
        text: String,
    },
    ViewSet {
        partner: PartnerId,
        text: String,
    },
    WhyNotAloneSet {
        partner: PartnerId,
        text: String,
    },
    AlignmentSet {
        partner: PartnerId,
        score: Option<u8>,
    },
    StanceSet {
        partner: PartnerId,
        stance: Option<Stance>,
    },
    AgreementSet {
        partner: PartnerId,
        agreed: bool,
    },
    GateDecided {
        decision: GateDecision,
    },
    GateReopened,
    RoleAdded {
        role: Role,
    },
    RoleRenamed {
        id: ItemId,
        name: String,
    },
    RoleRemoved {
        id: ItemId,
    },
    RaciSet {
        role: ItemId,
        partner: PartnerId,
        letter: Option<Raci>,
    },
    HoleAdded {
        hole: Hole,
    },
    HoleEdited {
        id: ItemId,
        text: String,
    },
    HoleFillerSet {
        id: ItemId,
        filled_by: HoleFiller,
    },
    HoleRemoved {
        id: ItemId,
    },
    InterestAdded {
        interest: Interest,
    },
    InterestEdited {
        interest: Interest,
    },
    InterestRemoved {
        id: ItemId,
    },
    ConflictAdded {
        conflict: Conflict,
    },
    ConflictEdited {
        conflict: Conflict,
    },
    ConflictRemoved {
        id: ItemId,
    },
    /// The room's outcome for a detected conflict, by the finding's key. `Open` takes an
    /// earlier outcome back.
    FindingSettled {
        key: String,
        status: ConflictStatus,
        owner: String,
    },
    /// Several detected conflicts given the same outcome at once (a bulk dismiss with one
    /// reason), as one step: one event, one undo. Each keeps the owner it had; `Open`
    /// takes their outcomes back.
    FindingsSettled {
        keys: Vec<String>,
        status: ConflictStatus,
    },
    VerdictSet {
        verdict: Option<Verdict>,
        note: String,
    },
    ActionAdded {
        action: ActionItem,
    },
    ActionEdited {
        action: ActionItem,
    },
    ActionRemoved {
        id: ItemId,
    },
    /// An account, place or product the room names, so the rules know it by every name.
    GlossaryAdded {
        entry: GlossaryEntry,
    },
    /// Replaces the whole entry with that id; its kind may change too.
    GlossaryEdited {
        entry: GlossaryEntry,
    },
    GlossaryRemoved {
        id: ItemId,
    },
    /// A sealed round opens: the prompt on the wall, who is expected to answer, and how
    /// the answers will be labelled. At most one round is open at a time.
    RoundOpened {
        round: RoundSpec,
    },
    /// Someone sealed an answer: who, and its digest. Never the answer itself.
    AnswerSealed {
        round: ItemId,
        seal: Seal,
    },
    /// Someone took a sealed answer back before the reveal.
    AnswerWithdrawn {
        round: ItemId,
        number: u32,
    },
    /// Every sealed answer, at once, into the record: interests join the session's
    /// interests, views and scores stay with the round. Each must match its digest.
    RoundRevealed {
        round: ItemId,
        answers: Vec<Revealed>,
    },
    /// The round ends without a reveal; its answers are never shown.
    RoundCancelled {
        round: ItemId,
    },
    TimeboxSet {
        stage: Stage,
        minutes: u32,
    },
    /// The moderator put another stage on the wall.
    MovedTo {
        stage: Stage,
    },
    /// Time the room spent in a stage, recorded when it leaves the stage or closes.
    TimeSpent {
        stage: Stage,
        seconds: u64,
    },
    /// Takes back the latest change that was not taken back yet.
    Undo,
    /// Puts back the latest change taken back by `Undo`.
    Redo,
}

/// Why a change cannot be applied to the session as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    #[error("the session must start with a Created event")]
    NotCreated,
    #[error("the session was already created")]
    AlreadyCreated,
    #[error("a session needs {MIN_PARTNERS} to {MAX_PARTNERS} partners, this one would have {0}")]
    PartnerCount(usize),
    #[error("{0} must not be empty")]
    Empty(&'static str),
    #[error("there is already a partner called '{0}'")]
    DuplicatePartner(String),
    #[error("no partner with id {}", .0.0)]
    UnknownPartner(PartnerId),
    #[error("no {what} with id {}", .id.0)]
    UnknownItem { what: &'static str, id: ItemId },
    #[error("id {} is already in use or was used before", .0.0)]
    DuplicateId(ItemId),
    #[error("an alignment score runs from 1 to 5, not {0}")]
    AlignmentRange(u8),
    #[error("{0} can only be removed while nothing has been recorded for it")]
    PartnerInUse(String),
    #[error("a hole cannot be filled by the partner that owns it; choose 'itself'")]
    SelfAsOtherPartner,
    #[error("the vision gate was already decided; reopen it first")]
    GateAlreadyDecided,
    #[error("the vision gate is not decided")]
    GateNotDecided,
    #[error("proceeding needs {0}, or an override with a reason")]
    GateNotReady(String),
    #[error("taking a pass needs a reason")]
    PassWithoutReason,
    #[error("{0} cannot be opened: {1}")]
    StageLocked(Stage, &'static str),
    #[error("{0}")]
    VerdictNotAllowed(&'static str),
    #[error("no detected conflict '{0}' in the session as it is now")]
    UnknownFinding(String),
    #[error("only a detected conflict can be dismissed; remove an entered one instead")]
    DismissEntered,
    #[error("the glossary already has '{0}' (names and aliases are compared ignoring case)")]
    DuplicateGlossaryName(String),
    #[error("{0} has products in the glossary; remove them first")]
    PartnerHasProducts(String),
    #[error("a timebox runs from 1 to 600 minutes, not {0}")]
    TimeboxRange(u32),
    #[error(
        "one TimeSpent records at most 7 days ({MAX_TIME_SPENT_SECONDS} seconds), not {0} seconds"
    )]
    TimeSpentRange(u64),
    #[error(
        "the time {} is outside the years {FIRST_YEAR} to {LAST_YEAR} (was the computer's clock right?)",
        .0.to_rfc3339_opts(SecondsFormat::AutoSi, true)
    )]
    TimeRange(DateTime<Utc>),
    #[error("the due date {0} is outside the years {FIRST_YEAR} to {LAST_YEAR}")]
    DueDateRange(NaiveDate),
    #[error("a round is open already; reveal or cancel it first")]
    RoundAlreadyOpen,
    #[error("the round is not open")]
    RoundNotOpen,
    #[error("{0}")]
    Round(&'static str),
    #[error("{person} of {partner} has no seat in this round")]
    NoSeat { person: String, partner: String },
    #[error("answer {0} does not match what was sealed")]
    DigestMismatch(u32),
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("nothing to redo")]
    NothingToRedo,
}

impl Change {
    /// Whether `Undo` can take this change back. Moving between stages and recording time
    /// are not edits: undo never moves the wall or rewrites the clock.
    pub fn is_undoable(&self) -> bool {
        !matches!(
            self,
            Change::Created { .. }
                // A round is the room's own: what was sealed stays sealed and what was
                // revealed stays revealed. A round is ended by cancelling it, a revealed
                // interest is removed like any other.
                | Change::RoundOpened { .. }
                | Change::AnswerSealed { .. }
                | Change::AnswerWithdrawn { .. }
                | Change::RoundRevealed { .. }
                | Change::RoundCancelled { .. }
                | Change::MovedTo { .. }
                | Change::TimeSpent { .. }
                | Change::Undo
                | Change::Redo
        )
    }
}

impl Change {
    /// Applies the change to `session` if its guards allow it, and returns the changes
    /// that undo it (empty for changes that cannot be undone). `Undo` and `Redo` are
    /// handled by the history, not here.
    pub fn apply(&self, session: &mut Session) -> Result<Vec<Change>, ApplyError> {
        self.apply_with(session, Policy::Checked)
    }

    /// Applies a change that undo or redo produced. The room's rules (gate readiness,
    /// verdict limits) were checked when the original change was made; checking them
    /// again against an intermediate state would wrongly refuse to restore it.
    pub(crate) fn apply_restoring(&self, session: &mut Session) -> Result<Vec<Change>, ApplyError> {
        self.apply_with(session, Policy::Restoring)
    }

    fn apply_with(&self, session: &mut Session, policy: Policy) -> Result<Vec<Change>, ApplyError> {
        let inverse = self.apply_inner(session, policy == Policy::Checked)?;
        // An edit that breaks the verdict rule is taken back and refused, so the state
        // never shows a plain "proceed" over a deal-breaker.
        if policy == Policy::Checked
            && let Some(why) = proceed_contradicted(session)
        {
            for change in &inverse {
                change.apply_restoring(session)?;
            }
            return Err(ApplyError::VerdictNotAllowed(why));
        }
        // Undoing a gate decision can leave the wall on a stage that is now locked: fall
        // back to the vision, where the gate is.
        if stage_lock(session, session.current).is_some() {
            session.current = Stage::Vision;
        }
        Ok(inverse)
    }
}

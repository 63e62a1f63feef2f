//! Every change a session can undergo, as a value. The file stores these; the state is
//! what you get by applying them in order. Each `apply` checks its guards before touching
//! anything, so a rejected change leaves the state exactly as it was, and returns the
//! changes that would undo it.

use chrono::{DateTime, Datelike, NaiveDate, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use super::detect::detect;
use super::session::*;
use super::stage::Stage;
use super::types::*;
use super::verdict::{deal_breaker_block, proceed_contradicted};

// The room's rules that the guards below apply live in their own modules; these paths
// are where screens, exports and tests have always found them.
pub use super::gate::{gate_missing, stage_lock};
pub use super::verdict::verdict_block;

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

fn check_due(due: Option<NaiveDate>) -> Result<(), ApplyError> {
    match due {
        Some(date) if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year()) => {
            Err(ApplyError::DueDateRange(date))
        }
        _ => Ok(()),
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
                | Change::MovedTo { .. }
                | Change::TimeSpent { .. }
                | Change::Undo
                | Change::Redo
        )
    }
}

fn non_empty(text: &str, what: &'static str) -> Result<(), ApplyError> {
    if text.trim().is_empty() {
        Err(ApplyError::Empty(what))
    } else {
        Ok(())
    }
}

fn check_partner(session: &Session, id: PartnerId) -> Result<(), ApplyError> {
    session
        .partner(id)
        .map(|_| ())
        .ok_or(ApplyError::UnknownPartner(id))
}

/// A new item's id must be one never handed out before. Undo and redo put items back
/// with their old ids, so they skip that part and only check that nothing holds the id.
fn check_new_id(session: &Session, id: ItemId, checked: bool) -> Result<(), ApplyError> {
    if checked && id.0 < session.next_id {
        return Err(ApplyError::DuplicateId(id));
    }
    check_fresh(session, id)
}

fn check_fresh(session: &Session, id: ItemId) -> Result<(), ApplyError> {
    let used = session.roles.iter().any(|r| r.id == id)
        || session.holes.iter().any(|h| h.id == id)
        || session.interests.iter().any(|i| i.id == id)
        || session.conflicts.iter().any(|c| c.id == id)
        || session.actions.iter().any(|a| a.id == id)
        || session
            .partners
            .iter()
            .any(|p| p.representatives.iter().any(|r| r.id == id));
    if used {
        Err(ApplyError::DuplicateId(id))
    } else {
        Ok(())
    }
}

fn check_partner_name(
    session: &Session,
    name: &str,
    except: Option<PartnerId>,
) -> Result<(), ApplyError> {
    non_empty(name, "a partner's name")?;
    let taken = session
        .partners
        .iter()
        .any(|p| Some(p.id) != except && same_name(&p.name, name));
    if taken {
        return Err(ApplyError::DuplicatePartner(name.trim().to_string()));
    }
    Ok(())
}

/// Names that differ only in case or surrounding spaces are the same partner, in any script.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn check_filler(
    owner: PartnerId,
    filled_by: HoleFiller,
    session: &Session,
) -> Result<(), ApplyError> {
    if let HoleFiller::Partner(other) = filled_by {
        if other == owner {
            return Err(ApplyError::SelfAsOtherPartner);
        }
        check_partner(session, other)?;
    }
    Ok(())
}

fn check_conflict(session: &Session, conflict: &Conflict) -> Result<(), ApplyError> {
    non_empty(&conflict.description, "a conflict's description")?;
    for partner in &conflict.partners {
        check_partner(session, *partner)?;
    }
    check_status(&conflict.status)?;
    if matches!(conflict.status, ConflictStatus::Dismissed { .. }) {
        return Err(ApplyError::DismissEntered);
    }
    Ok(())
}

fn check_status(status: &ConflictStatus) -> Result<(), ApplyError> {
    match status {
        ConflictStatus::Resolved { agreement } => {
            non_empty(agreement, "the agreement that resolves a conflict")
        }
        ConflictStatus::Dismissed { reason } => {
            non_empty(reason, "the reason for dismissing a conflict")
        }
        _ => Ok(()),
    }
}

fn check_deal_breaker(session: &Session, status: &ConflictStatus) -> Result<(), ApplyError> {
    match deal_breaker_block(session, status) {
        Some(why) => Err(ApplyError::VerdictNotAllowed(why)),
        None => Ok(()),
    }
}

/// Keeps ids unique across undo and hand-written files: the counter only moves forward.
fn note_id(session: &mut Session, id: ItemId) {
    session.next_id = session.next_id.max(id.0.saturating_add(1));
}

fn position<T>(
    items: &[T],
    found: impl Fn(&T) -> bool,
    what: &'static str,
    id: ItemId,
) -> Result<usize, ApplyError> {
    items
        .iter()
        .position(found)
        .ok_or(ApplyError::UnknownItem { what, id })
}

/// Items are kept ordered by id, which is the order they were added in; that way undoing
/// a removal puts the item back where it was.
fn insert_by_id<T>(items: &mut Vec<T>, item: T, id_of: impl Fn(&T) -> ItemId) {
    let id = id_of(&item);
    let at = items.partition_point(|x| id_of(x) < id);
    items.insert(at, item);
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

    fn apply_inner(&self, s: &mut Session, checked: bool) -> Result<Vec<Change>, ApplyError> {
        use Change::*;
        match self {
            Created { .. } => Err(ApplyError::AlreadyCreated),
            TitleSet { title } => {
                non_empty(title, "the title")?;
                let old = std::mem::replace(&mut s.title, title.clone());
                Ok(vec![TitleSet { title: old }])
            }
            ModeratorSet { name } => {
                let old = std::mem::replace(&mut s.moderator, name.clone());
                Ok(vec![ModeratorSet { name: old }])
            }
            KindSet { kind } => {
                let old = std::mem::replace(&mut s.kind, kind.clone());
                Ok(vec![KindSet { kind: old }])
            }
            PartnerAdded {
                partner,
                name,
                brings,
            } => {
                if s.partners.len() >= MAX_PARTNERS {
                    return Err(ApplyError::PartnerCount(s.partners.len() + 1));
                }
                if s.partner(*partner).is_some() {
                    return Err(ApplyError::DuplicateId(ItemId(partner.0)));
                }
                check_partner_name(s, name, None)?;
                // Partners stay in id order, which is the order they joined, so undoing a
                // removal puts the partner back in its column.
                let at = s.partners.partition_point(|p| p.id < *partner);
                s.partners.insert(
                    at,
                    Partner {
                        id: *partner,
                        name: name.trim().to_string(),
                        brings: brings.clone(),
                        representatives: Vec::new(),
                        vision: PartnerVision::default(),
                    },
                );
                Ok(vec![PartnerRemoved { partner: *partner }])
            }
            PartnerRemoved { partner } => {
                let index = s
                    .partner_index(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let p = &s.partners[index];
                let in_use = !p.representatives.is_empty()
                    || p.vision != PartnerVision::default()
                    || s.roles.iter().any(|r| r.raci.contains_key(partner))
                    || s.holes.iter().any(|h| {
                        h.owner == *partner || h.filled_by == HoleFiller::Partner(*partner)
                    })
                    || s.interests.iter().any(|i| i.partner == *partner)
                    || s.conflicts.iter().any(|c| c.partners.contains(partner));
                if in_use && checked {
                    return Err(ApplyError::PartnerInUse(p.name.clone()));
                }
                if s.partners.len() <= MIN_PARTNERS {
                    return Err(ApplyError::PartnerCount(s.partners.len() - 1));
                }
                let removed = s.partners.remove(index);
                Ok(vec![PartnerAdded {
                    partner: removed.id,
                    name: removed.name,
                    brings: removed.brings,
                }])
            }
            PartnerRenamed { partner, name } => {
                check_partner(s, *partner)?;
                check_partner_name(s, name, Some(*partner))?;
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let old = std::mem::replace(&mut p.name, name.trim().to_string());
                Ok(vec![PartnerRenamed {
                    partner: *partner,
                    name: old,
                }])
            }
            BringsSet { partner, text } => {
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let old = std::mem::replace(&mut p.brings, text.clone());
                Ok(vec![BringsSet {
                    partner: *partner,
                    text: old,
                }])
            }
            RepresentativeAdded {
                partner,
                representative,
            } => {
                non_empty(&representative.name, "a representative's name")?;
                check_partner(s, *partner)?;
                check_new_id(s, representative.id, checked)?;
                note_id(s, representative.id);
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                insert_by_id(&mut p.representatives, representative.clone(), |r| r.id);
                Ok(vec![RepresentativeRemoved {
                    partner: *partner,
                    id: representative.id,
                }])
            }
            RepresentativeRemoved { partner, id } => {
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let at = position(&p.representatives, |r| r.id == *id, "representative", *id)?;
                let representative = p.representatives.remove(at);
                Ok(vec![RepresentativeAdded {
                    partner: *partner,
                    representative,
                }])
            }
            RepresentativeEdited {
                partner,
                representative,
            } => {
                non_empty(&representative.name, "a representative's name")?;
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let id = representative.id;
                let at = position(&p.representatives, |r| r.id == id, "representative", id)?;
                let old = std::mem::replace(&mut p.representatives[at], representative.clone());
                Ok(vec![RepresentativeEdited {
                    partner: *partner,
                    representative: old,
                }])
            }
            StatementSet { text } => {
                let old = std::mem::replace(&mut s.statement, text.clone());
                let mut inverse = vec![StatementSet { text: old }];
                for p in &mut s.partners {
                    if p.vision.agreed {
                        p.vision.agreed = false;
                        inverse.push(AgreementSet {
                            partner: p.id,
                            agreed: true,
                        });
                    }
                }
                Ok(inverse)
            }
            ViewSet { partner, text } => {
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let old = std::mem::replace(&mut p.vision.view, text.clone());
                Ok(vec![ViewSet {
                    partner: *partner,
                    text: old,
                }])
            }
            WhyNotAloneSet { partner, text } => {
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let old = std::mem::replace(&mut p.vision.why_not_alone, text.clone());
                Ok(vec![WhyNotAloneSet {
                    partner: *partner,
                    text: old,
                }])
            }
            AlignmentSet { partner, score } => {
                if let Some(n) = score
                    && !(1..=5).contains(n)
                {
                    return Err(ApplyError::AlignmentRange(*n));
                }
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let old = std::mem::replace(&mut p.vision.alignment, *score);
                Ok(vec![AlignmentSet {
                    partner: *partner,
                    score: old,
                }])
            }
            StanceSet { partner, stance } => {
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let old = std::mem::replace(&mut p.vision.stance, *stance);
                Ok(vec![StanceSet {
                    partner: *partner,
                    stance: old,
                }])
            }
            AgreementSet { partner, agreed } => {
                let p = s
                    .partner_mut(*partner)
                    .ok_or(ApplyError::UnknownPartner(*partner))?;
                let old = std::mem::replace(&mut p.vision.agreed, *agreed);
                Ok(vec![AgreementSet {
                    partner: *partner,
                    agreed: old,
                }])
            }
            GateDecided { decision } => {
                if s.gate.is_some() {
                    return Err(ApplyError::GateAlreadyDecided);
                }
                match decision {
                    _ if !checked => {}
                    GateDecision::Proceed {
                        override_reason: None,
                    } => {
                        if let Some(missing) = gate_missing(s) {
                            return Err(ApplyError::GateNotReady(missing));
                        }
                    }
                    GateDecision::Proceed {
                        override_reason: Some(reason),
                    } => {
                        non_empty(reason, "the reason for overriding the gate")?;
                    }
                    GateDecision::TakeAPass { reason } => {
                        if reason.trim().is_empty() {
                            return Err(ApplyError::PassWithoutReason);
                        }
                    }
                }
                let old_verdict = VerdictSet {
                    verdict: s.verdict,
                    note: s.verdict_note.clone(),
                };
                s.gate = Some(decision.clone());
                // A pass at the gate is the session's verdict; saying it again on the
                // summary would only invite the two to drift apart.
                if let GateDecision::TakeAPass { reason } = decision {
                    s.verdict = Some(Verdict::TakeAPass);
                    s.verdict_note = reason.clone();
                }
                Ok(vec![GateReopened, old_verdict])
            }
            GateReopened => {
                let old = s.gate.take().ok_or(ApplyError::GateNotDecided)?;
                // Without a gate decision no verdict stands; undo puts both back.
                let inverse = vec![
                    GateDecided { decision: old },
                    VerdictSet {
                        verdict: s.verdict.take(),
                        note: std::mem::take(&mut s.verdict_note),
                    },
                ];
                Ok(inverse)
            }
            RoleAdded { role } => {
                non_empty(&role.name, "a role's name")?;
                check_new_id(s, role.id, checked)?;
                for partner in role.raci.keys() {
                    check_partner(s, *partner)?;
                }
                note_id(s, role.id);
                insert_by_id(&mut s.roles, role.clone(), |r| r.id);
                Ok(vec![RoleRemoved { id: role.id }])
            }
            RoleRenamed { id, name } => {
                non_empty(name, "a role's name")?;
                let at = position(&s.roles, |r| r.id == *id, "role", *id)?;
                let old = std::mem::replace(&mut s.roles[at].name, name.clone());
                Ok(vec![RoleRenamed { id: *id, name: old }])
            }
            RoleRemoved { id } => {
                let at = position(&s.roles, |r| r.id == *id, "role", *id)?;
                let role = s.roles.remove(at);
                Ok(vec![RoleAdded { role }])
            }
            RaciSet {
                role,
                partner,
                letter,
            } => {
                check_partner(s, *partner)?;
                let at = position(&s.roles, |r| r.id == *role, "role", *role)?;
                let raci = &mut s.roles[at].raci;
                let old = match letter {
                    Some(l) => raci.insert(*partner, *l),
                    None => raci.remove(partner),
                };
                Ok(vec![RaciSet {
                    role: *role,
                    partner: *partner,
                    letter: old,
                }])
            }
            HoleAdded { hole } => {
                non_empty(&hole.text, "a hole's description")?;
                check_partner(s, hole.owner)?;
                check_filler(hole.owner, hole.filled_by, s)?;
                check_new_id(s, hole.id, checked)?;
                note_id(s, hole.id);
                insert_by_id(&mut s.holes, hole.clone(), |h| h.id);
                Ok(vec![HoleRemoved { id: hole.id }])
            }
            HoleEdited { id, text } => {
                non_empty(text, "a hole's description")?;
                let at = position(&s.holes, |h| h.id == *id, "hole", *id)?;
                let old = std::mem::replace(&mut s.holes[at].text, text.clone());
                Ok(vec![HoleEdited { id: *id, text: old }])
            }
            HoleFillerSet { id, filled_by } => {
                let at = position(&s.holes, |h| h.id == *id, "hole", *id)?;
                check_filler(s.holes[at].owner, *filled_by, s)?;
                let old = std::mem::replace(&mut s.holes[at].filled_by, *filled_by);
                Ok(vec![HoleFillerSet {
                    id: *id,
                    filled_by: old,
                }])
            }
            HoleRemoved { id } => {
                let at = position(&s.holes, |h| h.id == *id, "hole", *id)?;
                let hole = s.holes.remove(at);
                Ok(vec![HoleAdded { hole }])
            }
            InterestAdded { interest } => {
                non_empty(&interest.statement, "an interest's statement")?;
                check_partner(s, interest.partner)?;
                check_new_id(s, interest.id, checked)?;
                note_id(s, interest.id);
                insert_by_id(&mut s.interests, interest.clone(), |i| i.id);
                Ok(vec![InterestRemoved { id: interest.id }])
            }
            InterestEdited { interest } => {
                non_empty(&interest.statement, "an interest's statement")?;
                check_partner(s, interest.partner)?;
                let at = position(
                    &s.interests,
                    |i| i.id == interest.id,
                    "interest",
                    interest.id,
                )?;
                let old = std::mem::replace(&mut s.interests[at], interest.clone());
                Ok(vec![InterestEdited { interest: old }])
            }
            InterestRemoved { id } => {
                let at = position(&s.interests, |i| i.id == *id, "interest", *id)?;
                let interest = s.interests.remove(at);
                Ok(vec![InterestAdded { interest }])
            }
            ConflictAdded { conflict } => {
                check_conflict(s, conflict)?;
                if checked {
                    check_deal_breaker(s, &conflict.status)?;
                }
                check_new_id(s, conflict.id, checked)?;
                note_id(s, conflict.id);
                insert_by_id(&mut s.conflicts, conflict.clone(), |c| c.id);
                Ok(vec![ConflictRemoved { id: conflict.id }])
            }
            ConflictEdited { conflict } => {
                check_conflict(s, conflict)?;
                if checked {
                    check_deal_breaker(s, &conflict.status)?;
                }
                let at = position(
                    &s.conflicts,
                    |c| c.id == conflict.id,
                    "conflict",
                    conflict.id,
                )?;
                let old = std::mem::replace(&mut s.conflicts[at], conflict.clone());
                Ok(vec![ConflictEdited { conflict: old }])
            }
            ConflictRemoved { id } => {
                let at = position(&s.conflicts, |c| c.id == *id, "conflict", *id)?;
                let conflict = s.conflicts.remove(at);
                Ok(vec![ConflictAdded { conflict }])
            }
            FindingSettled { key, status, owner } => {
                check_status(status)?;
                if checked {
                    check_deal_breaker(s, status)?;
                    // Only what the rules find now can be settled; a key from a typo or
                    // from items since removed would be a silent no-op otherwise.
                    if !detect(s).iter().any(|f| &f.key == key) {
                        return Err(ApplyError::UnknownFinding(key.clone()));
                    }
                }
                let old = if *status == ConflictStatus::Open {
                    s.outcomes.remove(key)
                } else {
                    s.outcomes.insert(
                        key.clone(),
                        Outcome {
                            status: status.clone(),
                            owner: owner.clone(),
                        },
                    )
                };
                let (status, owner) = old.map_or((ConflictStatus::Open, String::new()), |o| {
                    (o.status, o.owner)
                });
                Ok(vec![FindingSettled {
                    key: key.clone(),
                    status,
                    owner,
                }])
            }
            VerdictSet { verdict, note } => {
                if checked {
                    let passed = matches!(s.gate, Some(GateDecision::TakeAPass { .. }));
                    let why = match verdict {
                        Some(v) => verdict_block(s, *v),
                        None if passed => Some(
                            "the partners took a pass at the vision gate; reopen the gate to change that",
                        ),
                        None => None,
                    };
                    if let Some(why) = why {
                        return Err(ApplyError::VerdictNotAllowed(why));
                    }
                }
                let old_verdict = std::mem::replace(&mut s.verdict, *verdict);
                let old_note = std::mem::replace(&mut s.verdict_note, note.clone());
                Ok(vec![VerdictSet {
                    verdict: old_verdict,
                    note: old_note,
                }])
            }
            ActionAdded { action } => {
                non_empty(&action.text, "an action item")?;
                check_due(action.due)?;
                check_new_id(s, action.id, checked)?;
                note_id(s, action.id);
                insert_by_id(&mut s.actions, action.clone(), |a| a.id);
                Ok(vec![ActionRemoved { id: action.id }])
            }
            ActionEdited { action } => {
                non_empty(&action.text, "an action item")?;
                check_due(action.due)?;
                let at = position(&s.actions, |a| a.id == action.id, "action item", action.id)?;
                let old = std::mem::replace(&mut s.actions[at], action.clone());
                Ok(vec![ActionEdited { action: old }])
            }
            ActionRemoved { id } => {
                let at = position(&s.actions, |a| a.id == *id, "action item", *id)?;
                let action = s.actions.remove(at);
                Ok(vec![ActionAdded { action }])
            }
            TimeboxSet { stage, minutes } => {
                if !(1..=600).contains(minutes) {
                    return Err(ApplyError::TimeboxRange(*minutes));
                }
                let old = s.clock.timebox_minutes(*stage);
                s.clock.set_timebox_minutes(*stage, *minutes);
                Ok(vec![TimeboxSet {
                    stage: *stage,
                    minutes: old,
                }])
            }
            MovedTo { stage } => {
                if let Some(why) = stage_lock(s, *stage) {
                    return Err(ApplyError::StageLocked(*stage, why));
                }
                s.current = *stage;
                s.reached = s.reached.max(*stage);
                Ok(Vec::new())
            }
            TimeSpent { stage, seconds } => {
                if *seconds > MAX_TIME_SPENT_SECONDS {
                    return Err(ApplyError::TimeSpentRange(*seconds));
                }
                s.clock.add_spent(*stage, *seconds);
                Ok(Vec::new())
            }
            Undo => Err(ApplyError::NothingToUndo),
            Redo => Err(ApplyError::NothingToRedo),
        }
    }
}

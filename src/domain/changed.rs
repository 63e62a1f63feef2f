//! What one change touched, so a screen can put its cursor on it or highlight it. The
//! history reports it for the latest event and the timeline for every event.

use super::change::Change;
use super::stage::Stage;
use super::types::{ItemId, PartnerId};

/// What an event touched, so a screen can highlight it for a moment as it applies.
/// For an Undo or Redo it is what the undone or redone change touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// Title, moderator or kind of partnership.
    Session,
    /// The partner itself: added, removed, renamed, or what it brings.
    Partner(PartnerId),
    Representative {
        partner: PartnerId,
        id: ItemId,
    },
    /// The partner's side of the vision: view, why not alone, alignment, stance, agreement.
    Vision(PartnerId),
    Statement,
    Gate,
    Role(ItemId),
    /// One cell of the RACI matrix.
    Raci {
        role: ItemId,
        partner: PartnerId,
    },
    Hole(ItemId),
    Interest(ItemId),
    Conflict(ItemId),
    /// The outcome of a detected conflict, by the finding's key.
    Finding(String),
    /// The outcomes of several detected conflicts settled in one step, by their keys.
    Findings(Vec<String>),
    Verdict,
    Action(ItemId),
    /// A glossary entry: added, edited or removed.
    Glossary(ItemId),
    /// A sealed round: opened, answered, revealed or cancelled.
    Round(ItemId),
    /// The moderator put this stage on the wall.
    Stage(Stage),
    /// A timebox or the time spent in this stage.
    Clock(Stage),
}

impl Changed {
    /// What `change` touches. `Created`, `Undo` and `Redo` have no target of their own.
    pub fn of(change: &Change) -> Option<Changed> {
        use Change::*;
        let changed = match change {
            Created { .. } | Undo | Redo => return None,
            TitleSet { .. } | ModeratorSet { .. } | KindSet { .. } => Changed::Session,
            PartnerAdded { partner, .. }
            | PartnerRemoved { partner }
            | PartnerRenamed { partner, .. }
            | BringsSet { partner, .. } => Changed::Partner(*partner),
            RepresentativeAdded {
                partner,
                representative,
            }
            | RepresentativeEdited {
                partner,
                representative,
            } => Changed::Representative {
                partner: *partner,
                id: representative.id,
            },
            RepresentativeRemoved { partner, id } => Changed::Representative {
                partner: *partner,
                id: *id,
            },
            StatementSet { .. } => Changed::Statement,
            ViewSet { partner, .. }
            | WhyNotAloneSet { partner, .. }
            | AlignmentSet { partner, .. }
            | StanceSet { partner, .. }
            | AgreementSet { partner, .. } => Changed::Vision(*partner),
            GateDecided { .. } | GateReopened => Changed::Gate,
            RoleAdded { role } => Changed::Role(role.id),
            RoleRenamed { id, .. } | RoleRemoved { id } => Changed::Role(*id),
            RaciSet { role, partner, .. } => Changed::Raci {
                role: *role,
                partner: *partner,
            },
            HoleAdded { hole } => Changed::Hole(hole.id),
            HoleEdited { id, .. } | HoleFillerSet { id, .. } | HoleRemoved { id } => {
                Changed::Hole(*id)
            }
            InterestAdded { interest } | InterestEdited { interest } => {
                Changed::Interest(interest.id)
            }
            InterestRemoved { id } => Changed::Interest(*id),
            ConflictAdded { conflict } | ConflictEdited { conflict } => {
                Changed::Conflict(conflict.id)
            }
            ConflictRemoved { id } => Changed::Conflict(*id),
            FindingSettled { key, .. } => Changed::Finding(key.clone()),
            FindingsSettled { keys, .. } => Changed::Findings(keys.clone()),
            VerdictSet { .. } => Changed::Verdict,
            ActionAdded { action } | ActionEdited { action } => Changed::Action(action.id),
            ActionRemoved { id } => Changed::Action(*id),
            GlossaryAdded { entry } | GlossaryEdited { entry } => Changed::Glossary(entry.id),
            GlossaryRemoved { id } => Changed::Glossary(*id),
            RoundOpened { round } => Changed::Round(round.id),
            AnswerSealed { round, .. }
            | AnswerWithdrawn { round, .. }
            | RoundRevealed { round, .. }
            | RoundCancelled { round } => Changed::Round(*round),
            MovedTo { stage } => Changed::Stage(*stage),
            TimeboxSet { stage, .. } | TimeSpent { stage, .. } => Changed::Clock(*stage),
        };
        Some(changed)
    }
}

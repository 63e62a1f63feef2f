//! The state of a session at one moment: what the room has said so far. It is never edited
//! directly; `Change::apply` is the only way in, so the event record and the state cannot
//! drift apart.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::gate_record::GateRecord;
use super::glossary::GlossaryEntry;
use super::stage::{Stage, StageClock};
use super::types::*;
use super::unique_keys::unique_keys;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Representative {
    pub id: ItemId,
    pub name: String,
    pub function: Function,
}

/// One partner's side of the market-vision discussion.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PartnerVision {
    /// The partner's own view of the opportunity.
    pub view: String,
    /// Why it could not pursue the opportunity as well on its own.
    pub why_not_alone: String,
    /// 1 (far apart) to 5 (fully aligned) with the shared statement.
    pub alignment: Option<u8>,
    pub stance: Option<Stance>,
    /// An explicit "we agree" to the shared statement as it stands now.
    pub agreed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    pub id: PartnerId,
    pub name: String,
    /// One line: what this partner brings to the table.
    pub brings: String,
    pub representatives: Vec<Representative>,
    pub vision: PartnerVision,
}

/// How the vision gate was passed or closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum GateDecision {
    /// Go on to the role split. `override_reason` is set when the moderator went on
    /// without a statement or without every partner's agreement.
    Proceed { override_reason: Option<String> },
    /// End here: the partners do not share a vision worth pursuing together.
    TakeAPass { reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub id: ItemId,
    pub name: String,
    #[serde(deserialize_with = "unique_keys")]
    pub raci: BTreeMap<PartnerId, Raci>,
}

impl Role {
    pub fn accountable(&self) -> Vec<PartnerId> {
        self.with_letter(Raci::Accountable)
    }

    pub fn responsible(&self) -> Vec<PartnerId> {
        self.with_letter(Raci::Responsible)
    }

    fn with_letter(&self, letter: Raci) -> Vec<PartnerId> {
        self.raci
            .iter()
            .filter(|(_, l)| **l == letter)
            .map(|(p, _)| *p)
            .collect()
    }
}

/// A gap in a partner's own business.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hole {
    pub id: ItemId,
    pub owner: PartnerId,
    pub text: String,
    pub filled_by: HoleFiller,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interest {
    pub id: ItemId,
    pub partner: PartnerId,
    pub statement: String,
    pub category: InterestCategory,
    pub weight: Weight,
    /// The function of the person who put it on the table.
    pub function: Function,
}

/// Something a conflict is about, so the room can trace it back to where it was said.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ItemRef {
    Interest(ItemId),
    Role(ItemId),
    Hole(ItemId),
    Vision(PartnerId),
}

/// Where a stored conflict came from. Only the moderator's conflicts are stored: the
/// detected ones are found again from the session each time, and only the room's outcome
/// for them is kept (`Session::outcomes`). The field stays an enum so that a later kind of
/// source can be added without changing the shape of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConflictOrigin {
    Moderator,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConflictStatus {
    Open,
    Resolved {
        agreement: String,
    },
    AcceptedRisk,
    DealBreaker,
    /// Set aside for a later meeting: not settled, but no longer on today's table.
    Parked,
    /// The room judged a detected conflict not to be one; the reason is kept.
    Dismissed {
        reason: String,
    },
}

impl ConflictStatus {
    pub fn label(&self) -> &'static str {
        match self {
            ConflictStatus::Open => "open",
            ConflictStatus::Resolved { .. } => "resolved",
            ConflictStatus::AcceptedRisk => "accepted risk",
            ConflictStatus::DealBreaker => "deal-breaker",
            ConflictStatus::Parked => "parked",
            ConflictStatus::Dismissed { .. } => "dismissed",
        }
    }

    /// The room has decided something about it (parked conflicts are still undecided).
    pub fn is_settled(&self) -> bool {
        !matches!(self, ConflictStatus::Open | ConflictStatus::Parked)
    }

    /// A conflict stays on the table until the room has settled it one way or another;
    /// a deal-breaker is settled in that sense but blocks a plain "proceed".
    pub fn is_open(&self) -> bool {
        matches!(self, ConflictStatus::Open)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub id: ItemId,
    pub origin: ConflictOrigin,
    pub category: ConflictCategory,
    pub partners: Vec<PartnerId>,
    pub items: Vec<ItemRef>,
    /// What the conflict is, in words the room can read aloud.
    pub description: String,
    pub severity: Severity,
    pub status: ConflictStatus,
    /// Who takes it forward (a person or a partner, in the room's words).
    pub owner: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    pub id: ItemId,
    pub text: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
}

impl ActionItem {
    /// True when the item was due before `today`. Due today is not overdue yet: the day
    /// is not over. A past date is still allowed (the minutes of an earlier meeting), it
    /// is only said to be overdue.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.due.is_some_and(|due| due < today)
    }
}

/// The room's outcome for a detected conflict, remembered under the finding's key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub status: ConflictStatus,
    /// Who owns it from here (the owner of an accepted risk, say).
    pub owner: String,
}

/// The state of a session, derived from its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub title: String,
    pub moderator: String,
    pub kind: PartnershipType,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub partners: Vec<Partner>,
    /// The statement of the shared opportunity, written by the room together.
    pub statement: String,
    pub gate: Option<GateDecision>,
    /// What was agreed at the gate and what has changed since, derived from the events
    /// (the session file never holds it; the JSON export shows it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gate_record: Option<GateRecord>,
    pub roles: Vec<Role>,
    pub holes: Vec<Hole>,
    pub interests: Vec<Interest>,
    pub conflicts: Vec<Conflict>,
    /// Outcomes of detected conflicts by finding key. An outcome whose finding no longer
    /// turns up (its items changed) is kept but not shown.
    #[serde(deserialize_with = "unique_keys")]
    pub outcomes: std::collections::BTreeMap<String, Outcome>,
    pub verdict: Option<Verdict>,
    /// Conditions, or the reason for a pass, said with the verdict.
    pub verdict_note: String,
    pub actions: Vec<ActionItem>,
    /// Accounts, places and products the room named, in the order they were added. Files
    /// and exports from before the glossary have none; an empty one is not written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<GlossaryEntry>,
    /// Sealed rounds, in the order they were opened (see `rounds`). Before the reveal a
    /// round holds who answered and digests, never an answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<super::rounds::Round>,
    /// The stage on the wall right now.
    pub current: Stage,
    /// The furthest stage the session has been at.
    pub reached: Stage,
    pub clock: StageClock,
    pub(crate) next_id: u32,
}

impl Session {
    pub fn partner(&self, id: PartnerId) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id == id)
    }

    pub(crate) fn partner_mut(&mut self, id: PartnerId) -> Option<&mut Partner> {
        self.partners.iter_mut().find(|p| p.id == id)
    }

    /// The partner's name, or a marker when the id is unknown (a hand-edited file).
    pub fn partner_name(&self, id: PartnerId) -> String {
        self.partner(id)
            .map_or_else(|| format!("partner #{}", id.0), |p| p.name.clone())
    }

    /// The round that is open, if any: at most one is.
    pub fn open_round(&self) -> Option<&super::rounds::Round> {
        self.rounds.iter().find(|r| r.is_open())
    }

    pub fn round(&self, id: ItemId) -> Option<&super::rounds::Round> {
        self.rounds.iter().find(|r| r.id() == id)
    }

    pub fn partner_index(&self, id: PartnerId) -> Option<usize> {
        self.partners.iter().position(|p| p.id == id)
    }

    pub fn role(&self, id: ItemId) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    pub fn hole(&self, id: ItemId) -> Option<&Hole> {
        self.holes.iter().find(|h| h.id == id)
    }

    pub fn interest(&self, id: ItemId) -> Option<&Interest> {
        self.interests.iter().find(|i| i.id == id)
    }

    pub fn conflict(&self, id: ItemId) -> Option<&Conflict> {
        self.conflicts.iter().find(|c| c.id == id)
    }

    pub fn action(&self, id: ItemId) -> Option<&ActionItem> {
        self.actions.iter().find(|a| a.id == id)
    }

    pub fn glossary_entry(&self, id: ItemId) -> Option<&GlossaryEntry> {
        self.glossary.iter().find(|g| g.id == id)
    }

    /// The id the next new item should get.
    pub fn fresh_id(&self) -> ItemId {
        ItemId(self.next_id)
    }

    /// The id a newly added partner should get.
    pub fn fresh_partner_id(&self) -> PartnerId {
        PartnerId(self.partners.iter().map(|p| p.id.0).max().unwrap_or(0) + 1)
    }

    pub fn holes_of(&self, partner: PartnerId) -> impl Iterator<Item = &Hole> {
        self.holes.iter().filter(move |h| h.owner == partner)
    }

    pub fn interests_of(&self, partner: PartnerId) -> impl Iterator<Item = &Interest> {
        self.interests.iter().filter(move |i| i.partner == partner)
    }

    /// Functions that have put at least one interest on the table for this partner.
    pub fn disclosed_functions(&self, partner: PartnerId) -> BTreeSet<Function> {
        self.interests_of(partner).map(|i| i.function).collect()
    }

    /// Functions present in the room for this partner.
    pub fn present_functions(&self, partner: PartnerId) -> BTreeSet<Function> {
        self.partner(partner)
            .map(|p| p.representatives.iter().map(|r| r.function).collect())
            .unwrap_or_default()
    }

    /// Text shown for an item a conflict refers to.
    pub fn describe_item(&self, item: &ItemRef) -> String {
        match item {
            ItemRef::Interest(id) => self.interest(*id).map_or_else(
                || "a removed interest".to_string(),
                |i| format!("{}: '{}'", self.partner_name(i.partner), i.statement),
            ),
            ItemRef::Role(id) => self.role(*id).map_or_else(
                || "a removed role".to_string(),
                |r| format!("role '{}'", r.name),
            ),
            ItemRef::Hole(id) => self.hole(*id).map_or_else(
                || "a removed hole".to_string(),
                |h| format!("{} hole '{}'", self.partner_name(h.owner), h.text),
            ),
            ItemRef::Vision(p) => format!("{}'s view of the vision", self.partner_name(*p)),
        }
    }
}

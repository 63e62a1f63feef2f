//! The notes model: what both documents (Markdown and HTML) read from a session and say
//! about it, decided once here so that the two can never tell a reader different things.

use chrono::{DateTime, Utc};

use crate::domain::board::{BoardEntry, board};
use crate::domain::gate::drift_sentence;
use crate::domain::{
    Change, ConflictStatus, GateDecision, History, Interest, InterestCategory, PartnerId, Session,
};
use crate::storage::Header;

/// What every exporter reads: the session, its record, its conflict board and the
/// decisions taken, gathered once.
pub struct Notes<'a> {
    pub history: &'a History,
    pub session: &'a Session,
    pub header: &'a Header,
    pub board: Vec<BoardEntry>,
    /// When the notes were made (shown in the documents; fixed in tests).
    pub generated: DateTime<Utc>,
}

impl<'a> Notes<'a> {
    pub fn new(history: &'a History, header: &'a Header, generated: DateTime<Utc>) -> Notes<'a> {
        let session = history.session();
        Notes {
            history,
            session,
            header,
            board: board(session),
            generated,
        }
    }

    /// The decisions in the order they were taken, each with its time and sentence: the
    /// gate, the verdict, conflict outcomes, timebox changes and undone decisions. Edits of
    /// content are left out; the document shows their result.
    pub fn decision_log(&self) -> Vec<(DateTime<Utc>, String)> {
        let sentences = self.history.describe_all();
        self.history
            .events()
            .iter()
            .zip(sentences)
            .filter(|(event, _)| is_decision(&event.change))
            .map(|(event, sentence)| (event.at, sentence))
            .collect()
    }
}

fn is_decision(change: &Change) -> bool {
    match change {
        Change::GateDecided { .. }
        | Change::GateReopened
        | Change::VerdictSet { .. }
        | Change::FindingSettled { .. }
        | Change::FindingsSettled { .. }
        | Change::AgreementSet { .. } => true,
        Change::ConflictEdited { conflict } => conflict.status != ConflictStatus::Open,
        _ => false,
    }
}

/// How the vision gate was decided, as the documents tell it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GateOutcome<'a> {
    /// The room has not decided at the gate yet.
    Open,
    /// Every partner agreed and the room went on. `drift` says who has withdrawn
    /// agreement or changed the statement since, if anyone has.
    Passed { drift: Option<String> },
    /// The moderator took the room on although not everyone had agreed.
    Overridden {
        reason: &'a str,
        drift: Option<String>,
    },
    /// The partners decided not to go on together.
    TookAPass { reason: &'a str },
}

impl<'a> Notes<'a> {
    /// How the gate was decided, with what has changed since in the words of the record.
    pub fn gate(&self) -> GateOutcome<'a> {
        let s = self.session;
        // Times of day only: the documents say which day the session was held.
        let drift = || drift_sentence(s, &|at| at.format("%H:%M").to_string());
        match &s.gate {
            None => GateOutcome::Open,
            Some(GateDecision::Proceed {
                override_reason: None,
            }) => GateOutcome::Passed { drift: drift() },
            Some(GateDecision::Proceed {
                override_reason: Some(reason),
            }) => GateOutcome::Overridden {
                reason,
                drift: drift(),
            },
            Some(GateDecision::TakeAPass { reason }) => GateOutcome::TookAPass { reason },
        }
    }

    /// The reason the partners gave for taking a pass at the gate, if they took one.
    pub fn pass_at_gate(&self) -> Option<&'a str> {
        pass_at_gate(self.session)
    }
}

/// The reason for a pass taken at the vision gate, if one was taken.
pub(crate) fn pass_at_gate(s: &Session) -> Option<&str> {
    match &s.gate {
        Some(GateDecision::TakeAPass { reason }) => Some(reason.as_str()),
        _ => None,
    }
}

/// The five piles of the conflict board, in the order a reader wants them: what still
/// needs work first, then what was set aside, then what was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pile {
    Open,
    Parked,
    DealBreaker,
    /// Resolved, or accepted as a risk.
    Settled,
    Dismissed,
}

impl Pile {
    pub const ALL: [Pile; 5] = [
        Pile::Open,
        Pile::Parked,
        Pile::DealBreaker,
        Pile::Settled,
        Pile::Dismissed,
    ];

    pub fn of(status: &ConflictStatus) -> Pile {
        match status {
            ConflictStatus::Open => Pile::Open,
            ConflictStatus::Parked => Pile::Parked,
            ConflictStatus::DealBreaker => Pile::DealBreaker,
            ConflictStatus::Resolved { .. } | ConflictStatus::AcceptedRisk => Pile::Settled,
            ConflictStatus::Dismissed { .. } => Pile::Dismissed,
        }
    }
}

/// A partner's interests grouped by category (in category order), firmest first within
/// each group, so the reader sees at a glance where a partner will not move. Interests of
/// the same weight keep the order they were disclosed in.
pub(crate) fn interests_by_category(
    s: &Session,
    partner: PartnerId,
) -> Vec<(InterestCategory, Vec<&Interest>)> {
    let mut mine: Vec<&Interest> = s.interests_of(partner).collect();
    mine.sort_by_key(|i| (i.category, i.weight));
    let mut groups: Vec<(InterestCategory, Vec<&Interest>)> = Vec::new();
    for interest in mine {
        match groups.last_mut() {
            Some((category, items)) if *category == interest.category => items.push(interest),
            _ => groups.push((interest.category, vec![interest])),
        }
    }
    groups
}

//! Sealed rounds: the people in the room answer a prompt each on their own, and nobody
//! sees an answer until the moderator reveals them all at once. While a round is open the
//! record holds only that someone sealed an answer, who, and a digest of it; the answers
//! themselves are kept outside the session (by storage, in a file only the moderator can
//! read) and enter the record with the reveal, as ordinary interests or scores.
//!
//! The digest ties the reveal to what was sealed: an answer changed after sealing does
//! not match its digest, and the reveal is refused.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::types::{Function, InterestCategory, ItemId, PartnerId, Weight};

/// What a round asks of the people in the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoundKind {
    /// Each person's self-interests for their side: the main use.
    Interests,
    /// Each person's view of the opportunity, and why their side cannot do it alone.
    Views,
    /// How well the shared statement fits their side, 1 to 5.
    Alignment,
    /// Confidence in a decision, fist of five: 0 (against) to 5 (fully behind it).
    Confidence,
}

impl RoundKind {
    pub const ALL: [RoundKind; 4] = [
        RoundKind::Interests,
        RoundKind::Views,
        RoundKind::Alignment,
        RoundKind::Confidence,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RoundKind::Interests => "self-interests",
            RoundKind::Views => "views of the opportunity",
            RoundKind::Alignment => "alignment score",
            RoundKind::Confidence => "confidence vote",
        }
    }

    /// The scores an answer of this kind may give, if it is a score.
    pub fn score_range(self) -> Option<std::ops::RangeInclusive<u8>> {
        match self {
            RoundKind::Alignment => Some(1..=5),
            RoundKind::Confidence => Some(0..=5),
            RoundKind::Interests | RoundKind::Views => None,
        }
    }
}

/// How the revealed answers are labelled on the wall and in the notes. Chosen when the
/// round opens, so people know before they write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Labelling {
    /// "Ostmark · Halvard"
    ByPerson,
    /// "Ostmark"
    ByPartner,
    /// "Ostmark · someone": the partner is known, the person is not, even to the room.
    Anonymous,
}

impl Labelling {
    /// How a revealed answer sealed under `seal` is signed on the wall and in the notes:
    /// the person, nothing (the partner's column says whose it is), or "someone".
    pub fn signature(self, seal: &Seal) -> &str {
        match self {
            Labelling::ByPerson => &seal.person,
            Labelling::ByPartner => "",
            Labelling::Anonymous => "someone",
        }
    }
}

/// The mean of `scores` in tenths, rounded down (35 for 3.5); `None` for no scores.
pub fn mean_tenths(scores: &[u8]) -> Option<u32> {
    let count = u32::try_from(scores.len()).ok().filter(|n| *n > 0)?;
    let total: u32 = scores.iter().map(|s| u32::from(*s)).sum();
    Some(total * 10 / count)
}

/// A person expected to answer, and the partner they speak for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seat {
    pub partner: PartnerId,
    pub person: String,
}

/// A round as the moderator opens it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundSpec {
    pub id: ItemId,
    pub kind: RoundKind,
    /// The question on the wall: "What must your side get out of this partnership?"
    pub prompt: String,
    pub labelling: Labelling,
    pub seats: Vec<Seat>,
}

/// One answer as the record knows it before the reveal: whose it is and its digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seal {
    /// Numbers one answer within its round; sealing again under the same number replaces
    /// the answer (a person may change their mind until the reveal).
    pub number: u32,
    pub partner: PartnerId,
    pub person: String,
    /// `digest` of the answer, in lower-case hex.
    pub digest: String,
}

/// What a person answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    Interest {
        statement: String,
        category: InterestCategory,
        weight: Weight,
        function: Function,
    },
    Text(String),
    Score(u8),
}

/// One answer as the reveal puts it into the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revealed {
    /// The seal it was sealed under.
    pub number: u32,
    pub answer: Answer,
    /// For an interest, the id it takes in the session.
    pub item: Option<ItemId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoundState {
    Open,
    Revealed,
    Cancelled,
}

/// A round in the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub spec: RoundSpec,
    pub seals: Vec<Seal>,
    pub state: RoundState,
    /// Empty until the reveal.
    pub revealed: Vec<Revealed>,
    /// When the round was opened and when it was revealed or cancelled: the record's
    /// own times for those events, kept here so the wall's clock needs no search of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<DateTime<Utc>>,
}

impl Round {
    pub fn id(&self) -> ItemId {
        self.spec.id
    }

    pub fn is_open(&self) -> bool {
        self.state == RoundState::Open
    }

    /// Who has sealed at least one answer, per partner, against who is expected: what
    /// the wall shows while the round is open ("Ostmark: 1 of 3").
    pub fn counts(&self) -> Vec<SeatCount> {
        let mut partners: Vec<PartnerId> = self.spec.seats.iter().map(|s| s.partner).collect();
        partners.sort_unstable();
        partners.dedup();
        partners
            .into_iter()
            .map(|partner| {
                let seats: Vec<&Seat> = self
                    .spec
                    .seats
                    .iter()
                    .filter(|s| s.partner == partner)
                    .collect();
                let sealed = seats.iter().filter(|seat| self.has_sealed(seat)).count();
                SeatCount {
                    partner,
                    sealed,
                    expected: seats.len(),
                }
            })
            .collect()
    }

    /// Whether the person in `seat` has sealed an answer.
    pub fn has_sealed(&self, seat: &Seat) -> bool {
        self.seals
            .iter()
            .any(|s| s.partner == seat.partner && same_person(&s.person, &seat.person))
    }

    /// The seats with no answer sealed yet: asked about before a reveal.
    pub fn missing(&self) -> Vec<&Seat> {
        self.spec
            .seats
            .iter()
            .filter(|seat| !self.has_sealed(seat))
            .collect()
    }

    /// How long the round has run at `now`, or ran until it closed, in whole seconds.
    pub fn seconds_open(&self, now: DateTime<Utc>) -> Option<u64> {
        let end = self.closed_at.unwrap_or(now);
        let seconds = (end - self.opened_at?).num_seconds();
        Some(seconds.max(0).unsigned_abs())
    }

    /// The seat an answer was sealed by.
    pub fn seal(&self, number: u32) -> Option<&Seal> {
        self.seals.iter().find(|s| s.number == number)
    }
}

/// One partner's line of the count on the wall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeatCount {
    pub partner: PartnerId,
    pub sealed: usize,
    pub expected: usize,
}

/// People are told apart by name, ignoring case and surrounding space: "Halvard " and
/// "halvard" are one person at the keyboard.
pub fn same_person(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The digest that seals `answer` by `person` of `partner` in round `round` under seal
/// `number`: SHA-256 of one line per part, so no two different answers can be arranged
/// to give the same text to hash.
pub fn digest(
    round: ItemId,
    number: u32,
    partner: PartnerId,
    person: &str,
    answer: &Answer,
) -> String {
    let mut hasher = Sha256::new();
    let mut part = |label: &str, value: &str| {
        // The length first: a value cannot run into the next part.
        hasher.update(format!("{label}:{}:", value.len()).as_bytes());
        hasher.update(value.as_bytes());
        hasher.update(b"\n");
    };
    part("round", &round.0.to_string());
    part("number", &number.to_string());
    part("partner", &partner.0.to_string());
    part("person", person.trim());
    match answer {
        Answer::Interest {
            statement,
            category,
            weight,
            function,
        } => {
            part("statement", statement);
            part("category", &format!("{category:?}"));
            part("weight", &format!("{weight:?}"));
            part("function", &format!("{function:?}"));
        }
        Answer::Text(text) => part("text", text),
        Answer::Score(score) => part("score", &score.to_string()),
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `answer` fits a round of `kind`.
pub fn answer_fits(kind: RoundKind, answer: &Answer) -> bool {
    match (kind, answer) {
        (RoundKind::Interests, Answer::Interest { statement, .. }) => !statement.trim().is_empty(),
        (RoundKind::Views, Answer::Text(text)) => !text.trim().is_empty(),
        (kind, Answer::Score(score)) => kind.score_range().is_some_and(|r| r.contains(score)),
        _ => false,
    }
}

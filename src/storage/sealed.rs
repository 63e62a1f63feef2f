//! The answers of an open sealed round, kept beside the session file until the reveal
//! (`NAME.sealed` next to `NAME.ron`), readable by the moderator's account only. The
//! session file meanwhile holds who answered and a digest of each answer; the reveal
//! checks every answer here against its digest there.
//!
//! The file is written atomically, owner-only from its first byte, and removed when the
//! round is revealed or cancelled.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::write_atomically_private;
use super::regular::{ReadError, read_regular};
use crate::domain::Change;
use crate::domain::rounds::{Answer, Revealed, Round, RoundKind, Seal, answer_fits, digest};
use crate::domain::types::{ItemId, PartnerId};

/// Larger than any round can fill (1,280 answers of a few hundred bytes).
const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// One sealed answer, with whose it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedAnswer {
    pub number: u32,
    pub partner: PartnerId,
    pub person: String,
    pub answer: Answer,
}

/// The sealed answers of one round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedAnswers {
    pub round: ItemId,
    pub answers: Vec<SealedAnswer>,
}

#[derive(Debug, thiserror::Error)]
pub enum SealedError {
    #[error("{}: {error}", path.display())]
    Read { error: ReadError, path: PathBuf },
    #[error("{}:{line}:{col}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{}: cannot be written: {error}", path.display())]
    Write { error: io::Error, path: PathBuf },
    #[error("{}: holds the answers of another round", .0.display())]
    OtherRound(PathBuf),
    #[error("{0}")]
    Answer(&'static str),
    #[error("the answer of {person} no longer matches what was sealed")]
    Mismatch { person: String },
    #[error("no sealed answer of {person} is kept on this computer")]
    Missing { person: String },
}

/// Where the sealed answers of the session at `session` are kept.
pub fn sealed_path(session: &Path) -> PathBuf {
    session.with_extension("sealed")
}

impl SealedAnswers {
    pub fn new(round: ItemId) -> SealedAnswers {
        SealedAnswers {
            round,
            answers: Vec::new(),
        }
    }

    /// Keeps `answer` under `number` (a new number, or one this person sealed before)
    /// and returns the event that records the seal: who, and the digest.
    pub fn seal(
        &mut self,
        kind: RoundKind,
        number: u32,
        partner: PartnerId,
        person: &str,
        answer: Answer,
    ) -> Result<Change, SealedError> {
        if !answer_fits(kind, &answer) {
            return Err(SealedError::Answer(
                "the answer does not fit the round's question",
            ));
        }
        let seal = Seal {
            number,
            partner,
            person: person.trim().to_string(),
            digest: digest(self.round, number, partner, person, &answer),
        };
        let kept = SealedAnswer {
            number,
            partner,
            person: seal.person.clone(),
            answer,
        };
        match self.answers.iter_mut().find(|a| a.number == number) {
            Some(earlier) => *earlier = kept,
            None => self.answers.push(kept),
        }
        Ok(Change::AnswerSealed {
            round: self.round,
            seal,
        })
    }

    /// The seals of `round` whose answers are not kept here (the file was lost, or the
    /// app stopped between recording a seal and writing its answer).
    pub fn lost(&self, round: &Round) -> Vec<u32> {
        round
            .seals
            .iter()
            .filter(|seal| !self.answers.iter().any(|a| a.number == seal.number))
            .map(|seal| seal.number)
            .collect()
    }

    /// Forgets answer `number`, as its person took it back.
    pub fn withdraw(&mut self, number: u32) {
        self.answers.retain(|a| a.number != number);
    }

    /// The event that reveals `round`: every sealed answer, checked against its digest,
    /// with a fresh id from `next_id` for each interest.
    pub fn reveal(
        &self,
        round: &Round,
        mut next_id: impl FnMut() -> ItemId,
    ) -> Result<Change, SealedError> {
        let mut answers = Vec::new();
        for seal in &round.seals {
            let Some(kept) = self.answers.iter().find(|a| a.number == seal.number) else {
                return Err(SealedError::Missing {
                    person: seal.person.clone(),
                });
            };
            let again = digest(
                round.id(),
                seal.number,
                seal.partner,
                &seal.person,
                &kept.answer,
            );
            if again != seal.digest {
                return Err(SealedError::Mismatch {
                    person: seal.person.clone(),
                });
            }
            let item = matches!(kept.answer, Answer::Interest { .. }).then(&mut next_id);
            answers.push(Revealed {
                number: seal.number,
                answer: kept.answer.clone(),
                item,
            });
        }
        Ok(Change::RoundRevealed {
            round: round.id(),
            answers,
        })
    }
}

/// Writes the sealed answers of the session at `session`, owner-only.
pub fn write_sealed(session: &Path, sealed: &SealedAnswers) -> Result<(), SealedError> {
    let path = sealed_path(session);
    let text = ron::ser::to_string_pretty(sealed, ron::ser::PrettyConfig::new()).map_err(|e| {
        SealedError::Write {
            error: io::Error::other(e),
            path: path.clone(),
        }
    })?;
    write_atomically_private(&path, text.as_bytes())
        .map_err(|error| SealedError::Write { error, path })
}

/// The sealed answers kept for round `round` of the session at `session`: none if no
/// file is there. A file of another round is refused, not mixed in.
pub fn read_sealed(session: &Path, round: ItemId) -> Result<SealedAnswers, SealedError> {
    let path = sealed_path(session);
    let bytes = match read_regular(&path, Some(MAX_BYTES)) {
        Ok(bytes) => bytes,
        Err(e) if e.is_not_found() => return Ok(SealedAnswers::new(round)),
        Err(error) => return Err(SealedError::Read { error, path }),
    };
    let text = String::from_utf8_lossy(&bytes);
    let sealed: SealedAnswers = ron::from_str(&text).map_err(|e| SealedError::Parse {
        path: path.clone(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    })?;
    if sealed.round != round {
        return Err(SealedError::OtherRound(path));
    }
    Ok(sealed)
}

/// Removes the sealed answers of the session at `session`: after a reveal (they are in
/// the record now) or a cancel (they are never to be shown).
pub fn discard_sealed(session: &Path) -> Result<(), SealedError> {
    let path = sealed_path(session);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(SealedError::Write { error, path }),
    }
}

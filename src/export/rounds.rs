//! The sealed rounds as the notes tell them, shared by the Markdown and HTML documents:
//! for each round its question and how it ended, and once revealed the answers partner
//! by partner, signed as the round said they would be. A round still open gives only
//! its counts: the notes never hold an answer before the reveal.

use crate::domain::rounds::{Answer, Labelling, Round, RoundKind, RoundState, mean_tenths};
use crate::domain::{PartnerId, Session};

/// One round, ready to be written out.
pub struct RoundNotes<'a> {
    pub kind: RoundKind,
    pub title: String,
    pub prompt: &'a str,
    /// How it ended, in a sentence: "Revealed: 5 answers from 4 of 6 people."
    pub outcome: String,
    /// Partner by partner, after a reveal: the answers (interests are in their own
    /// section and only counted here).
    pub partners: Vec<PartnerAnswers>,
}

pub struct PartnerAnswers {
    pub partner: PartnerId,
    /// The answer's text (a score as its number) and who gave it, as labelled.
    pub answers: Vec<(String, String)>,
    /// For a score round: "mean 3.5 of 2 answers".
    pub mean: Option<String>,
    /// For a self-interest round: how many interests this partner's people gave.
    pub interests: usize,
}

fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// Every round of `session`, in the order they were opened.
pub fn round_notes(session: &Session) -> Vec<RoundNotes<'_>> {
    session
        .rounds
        .iter()
        .enumerate()
        .map(|(n, round)| one_round(n + 1, round))
        .collect()
}

fn one_round(number: usize, round: &Round) -> RoundNotes<'_> {
    let people = round.spec.seats.len();
    let answered = people - round.missing().len();
    let answers = count(round.seals.len(), "answer", "answers");
    let outcome = match round.state {
        RoundState::Open => format!(
            "Still open: {answers} sealed from {answered} of {people} people; \
             they stay sealed until the reveal."
        ),
        RoundState::Cancelled => format!("Cancelled: the {answers} sealed were never shown."),
        RoundState::Revealed => format!("Revealed: {answers} from {answered} of {people} people."),
    };
    let labelled = match round.spec.labelling {
        Labelling::ByPerson => "answers by person",
        Labelling::ByPartner => "answers by partner",
        Labelling::Anonymous => "answers anonymous within each partner",
    };
    let partners = if round.state == RoundState::Revealed {
        revealed_by_partner(round)
    } else {
        Vec::new()
    };
    RoundNotes {
        kind: round.spec.kind,
        title: format!("Round {number}: {} ({labelled})", round.spec.kind.label()),
        prompt: &round.spec.prompt,
        outcome,
        partners,
    }
}

fn revealed_by_partner(round: &Round) -> Vec<PartnerAnswers> {
    round
        .counts()
        .into_iter()
        .map(|c| c.partner)
        .map(|partner| {
            let mut answers = Vec::new();
            let mut scores = Vec::new();
            let mut interests = 0;
            for revealed in &round.revealed {
                let Some(seal) = round.seal(revealed.number).filter(|s| s.partner == partner)
                else {
                    continue;
                };
                let by = round.spec.labelling.signature(seal).to_string();
                match &revealed.answer {
                    Answer::Interest { .. } => interests += 1,
                    Answer::Text(text) => answers.push((text.clone(), by)),
                    Answer::Score(score) => {
                        scores.push(*score);
                        answers.push((score.to_string(), by));
                    }
                }
            }
            let mean = round
                .spec
                .kind
                .score_range()
                .and(mean_tenths(&scores))
                .map(|tenths| {
                    format!(
                        "mean {}.{} of {}",
                        tenths / 10,
                        tenths % 10,
                        count(scores.len(), "answer", "answers")
                    )
                });
            PartnerAnswers {
                partner,
                answers,
                mean,
                interests,
            }
        })
        .collect()
}

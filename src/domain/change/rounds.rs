//! What the sealed-round events do to the session, and their guards. None of them can be
//! undone (see `Change::is_undoable`), so each returns no inverse.

use super::ApplyError;
use super::guards::{check_new_id, check_partner, insert_by_id, non_empty, note_id};
use crate::domain::rounds::{
    Answer, Revealed, Round, RoundSpec, RoundState, Seal, answer_fits, digest, same_person,
};
use crate::domain::session::{Interest, Session};
use crate::domain::types::ItemId;
use crate::domain::verdict::proceed_contradicted;

/// Most people one round waits for: a room, not a crowd.
pub const MAX_SEATS: usize = 64;
/// Most answers one round holds: twenty from each of the most seats.
pub const MAX_ANSWERS: usize = 20 * MAX_SEATS;

pub(super) fn open(s: &mut Session, spec: &RoundSpec, checked: bool) -> Result<(), ApplyError> {
    if s.open_round().is_some() {
        return Err(ApplyError::RoundAlreadyOpen);
    }
    non_empty(&spec.prompt, "a round's prompt")?;
    if spec.seats.is_empty() {
        return Err(ApplyError::Round(
            "a round needs at least one person to answer",
        ));
    }
    if spec.seats.len() > MAX_SEATS {
        return Err(ApplyError::Round("a round has at most 64 seats"));
    }
    for (n, seat) in spec.seats.iter().enumerate() {
        check_partner(s, seat.partner)?;
        non_empty(&seat.person, "a seat's name")?;
        let twice = spec.seats[..n]
            .iter()
            .any(|o| o.partner == seat.partner && same_person(&o.person, &seat.person));
        if twice {
            return Err(ApplyError::Round("one person has two seats in the round"));
        }
    }
    check_new_id(s, spec.id, checked)?;
    note_id(s, spec.id);
    s.rounds.push(Round {
        spec: spec.clone(),
        seals: Vec::new(),
        state: RoundState::Open,
        revealed: Vec::new(),
        // Set by the record, which knows when the event happened.
        opened_at: None,
        closed_at: None,
    });
    Ok(())
}

fn open_round(s: &mut Session, id: ItemId) -> Result<&mut Round, ApplyError> {
    let round = s
        .rounds
        .iter_mut()
        .find(|r| r.id() == id)
        .ok_or(ApplyError::UnknownItem { what: "round", id })?;
    if round.state != RoundState::Open {
        return Err(ApplyError::RoundNotOpen);
    }
    Ok(round)
}

fn is_digest(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

pub(super) fn seal(s: &mut Session, id: ItemId, seal: &Seal) -> Result<(), ApplyError> {
    let partner_name = s.partner_name(seal.partner);
    let round = open_round(s, id)?;
    let seated = round
        .spec
        .seats
        .iter()
        .any(|seat| seat.partner == seal.partner && same_person(&seat.person, &seal.person));
    if !seated {
        return Err(ApplyError::NoSeat {
            person: seal.person.clone(),
            partner: partner_name,
        });
    }
    if !is_digest(&seal.digest) {
        return Err(ApplyError::Round("a seal's digest must be 64 hex digits"));
    }
    match round.seals.iter_mut().find(|s| s.number == seal.number) {
        Some(earlier) => {
            // Only the person who sealed an answer can seal it again.
            if earlier.partner != seal.partner || !same_person(&earlier.person, &seal.person) {
                return Err(ApplyError::Round("that answer was sealed by someone else"));
            }
            earlier.digest = seal.digest.clone();
        }
        None => {
            if round.seals.len() >= MAX_ANSWERS {
                return Err(ApplyError::Round("a round holds at most 1,280 answers"));
            }
            round.seals.push(seal.clone());
        }
    }
    Ok(())
}

pub(super) fn withdraw(s: &mut Session, id: ItemId, number: u32) -> Result<(), ApplyError> {
    let round = open_round(s, id)?;
    let at = round
        .seals
        .iter()
        .position(|s| s.number == number)
        .ok_or(ApplyError::Round("no answer sealed under that number"))?;
    round.seals.remove(at);
    Ok(())
}

pub(super) fn reveal(
    s: &mut Session,
    id: ItemId,
    answers: &[Revealed],
    checked: bool,
) -> Result<(), ApplyError> {
    // Every check first, on a copy of what is needed: a refused reveal changes nothing.
    let round = open_round(s, id)?.clone();
    let mut numbers: Vec<u32> = answers.iter().map(|a| a.number).collect();
    numbers.sort_unstable();
    let mut sealed: Vec<u32> = round.seals.iter().map(|s| s.number).collect();
    sealed.sort_unstable();
    if numbers != sealed {
        return Err(ApplyError::Round(
            "a reveal must hold every sealed answer, each once",
        ));
    }
    let mut new_ids: Vec<ItemId> = Vec::new();
    for revealed in answers {
        let Some(seal) = round.seal(revealed.number) else {
            return Err(ApplyError::Round("no answer sealed under that number"));
        };
        if !answer_fits(round.spec.kind, &revealed.answer) {
            return Err(ApplyError::Round(
                "an answer does not fit the round's question",
            ));
        }
        let expected = digest(
            id,
            seal.number,
            seal.partner,
            &seal.person,
            &revealed.answer,
        );
        if expected != seal.digest {
            return Err(ApplyError::DigestMismatch(seal.number));
        }
        match (&revealed.answer, revealed.item) {
            (Answer::Interest { .. }, Some(item)) => {
                check_new_id(s, item, checked)?;
                if new_ids.contains(&item) {
                    return Err(ApplyError::DuplicateId(item));
                }
                new_ids.push(item);
            }
            (Answer::Interest { .. }, None) => {
                return Err(ApplyError::Round("a revealed interest needs an id"));
            }
            (_, Some(_)) => return Err(ApplyError::Round("only an interest takes an id")),
            (_, None) => {}
        }
    }
    // The new interests may turn up conflicts. The verdict rule is checked on the
    // result here, not by undoing afterwards: a reveal has no inverse.
    let mut next = s.clone();
    for revealed in answers {
        if let (
            Answer::Interest {
                statement,
                category,
                weight,
                function,
            },
            Some(item),
            Some(seal),
        ) = (&revealed.answer, revealed.item, round.seal(revealed.number))
        {
            note_id(&mut next, item);
            let interest = Interest {
                id: item,
                partner: seal.partner,
                statement: statement.trim().to_string(),
                category: *category,
                weight: *weight,
                function: *function,
            };
            insert_by_id(&mut next.interests, interest, |i| i.id);
        }
    }
    let round = open_round(&mut next, id)?;
    round.revealed = answers.to_vec();
    round.state = RoundState::Revealed;
    if let Some(why) = proceed_contradicted(&next) {
        return Err(ApplyError::VerdictNotAllowed(why));
    }
    *s = next;
    Ok(())
}

pub(super) fn cancel(s: &mut Session, id: ItemId) -> Result<(), ApplyError> {
    open_round(s, id)?.state = RoundState::Cancelled;
    Ok(())
}

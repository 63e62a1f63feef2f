//! Sealed rounds in the notes: a revealed round's answers, partner by partner and signed
//! as the round said; an open round's counts only; a cancelled round's outcome.

#[path = "common/domain.rs"]
mod domain;

use domain::*;
use sameside::domain::rounds::*;
use sameside::domain::*;
use sameside::export::Notes;
use sameside::export::html::html;
use sameside::export::markdown::markdown;
use sameside::storage::format::Header;
use sameside::storage::sealed::SealedAnswers;

const ROUND: ItemId = ItemId(100);
const HALVARD: &str = "We can carry the pilot alone for three months";
const OSTROW: &str = "Our people are ready; the <risk> is price";

fn open(room: &mut Room, kind: RoundKind, labelling: Labelling) {
    room.ok(round_opened(
        ROUND,
        kind,
        labelling,
        "Where does each side stand?",
        vec![
            seat(ACME, "Halvard"),
            seat(GLOBEX, "Ostrow"),
            seat(GLOBEX, "Mira"),
        ],
    ));
}

fn notes(room: &Room) -> (String, String) {
    let header = Header::for_history("rounds", None, &room.history);
    let notes = Notes::new(&room.history, &header, at(500));
    (markdown(&notes), html(&notes))
}

/// Halvard and Ostrow answer a views round; Mira does not.
fn answered(labelling: Labelling) -> (Room, SealedAnswers) {
    let mut room = Room::new();
    open(&mut room, RoundKind::Views, labelling);
    let mut sealed = SealedAnswers::new(ROUND);
    for (n, partner, person, text) in [(1, ACME, "Halvard", HALVARD), (2, GLOBEX, "Ostrow", OSTROW)]
    {
        let change = sealed
            .seal(
                RoundKind::Views,
                n,
                partner,
                person,
                Answer::Text(text.into()),
            )
            .unwrap();
        room.ok(change);
    }
    (room, sealed)
}

#[test]
fn revealed_views_are_in_both_documents_signed_as_the_round_said() {
    let (mut room, sealed) = answered(Labelling::ByPerson);
    let round = room.session().round(ROUND).unwrap().clone();
    room.ok(sealed.reveal(&round, || ItemId(900)).unwrap());
    let (md, page) = notes(&room);
    assert!(md.contains("## Sealed rounds"), "{md}");
    assert!(md.contains("Round 1: views of the opportunity (answers by person)"));
    assert!(md.contains("Revealed: 2 answers from 2 of 3 people."));
    assert!(md.contains(HALVARD) && md.contains("| Halvard |"), "{md}");
    assert!(
        page.contains("href=\"#rounds\""),
        "the contents list the section"
    );
    assert!(page.contains(HALVARD));
    // Typed text is escaped in the page.
    assert!(page.contains("the &lt;risk&gt; is price"), "{page}");
    assert!(!page.contains("<risk>"));
}

#[test]
fn anonymous_answers_are_signed_someone_in_the_notes() {
    let (mut room, sealed) = answered(Labelling::Anonymous);
    let round = room.session().round(ROUND).unwrap().clone();
    room.ok(sealed.reveal(&round, || ItemId(900)).unwrap());
    let (md, page) = notes(&room);
    assert!(md.contains(HALVARD) && md.contains("someone"), "{md}");
    for doc in [&md, &page] {
        assert!(!doc.contains("Halvard") && !doc.contains("Ostrow"), "{doc}");
    }
}

#[test]
fn an_open_or_cancelled_round_gives_its_outcome_and_no_answer() {
    let (mut room, _) = answered(Labelling::ByPerson);
    let (md, page) = notes(&room);
    assert!(
        md.contains("Still open: 2 answers sealed from 2 of 3 people"),
        "{md}"
    );
    room.ok(Change::RoundCancelled { round: ROUND });
    let (cancelled, _) = notes(&room);
    assert!(cancelled.contains("Cancelled: the 2 answers sealed were never shown."));
    for doc in [&md, &page, &cancelled] {
        assert!(!doc.contains(HALVARD) && !doc.contains("price"), "{doc}");
    }
}

#[test]
fn scores_give_each_partners_mean() {
    let mut room = Room::new();
    open(&mut room, RoundKind::Confidence, Labelling::ByPartner);
    let mut sealed = SealedAnswers::new(ROUND);
    for (n, partner, person, score) in [
        (1, ACME, "Halvard", 4),
        (2, GLOBEX, "Ostrow", 2),
        (3, GLOBEX, "Mira", 5),
    ] {
        let change = sealed
            .seal(
                RoundKind::Confidence,
                n,
                partner,
                person,
                Answer::Score(score),
            )
            .unwrap();
        room.ok(change);
    }
    let round = room.session().round(ROUND).unwrap().clone();
    room.ok(sealed.reveal(&round, || ItemId(900)).unwrap());
    let (md, _) = notes(&room);
    assert!(md.contains("mean 4.0 of 1 answer"), "{md}");
    assert!(md.contains("mean 3.5 of 2 answers"), "{md}");
}

#[test]
fn a_session_without_rounds_has_no_such_section() {
    let (md, page) = notes(&Room::new());
    assert!(!md.contains("Sealed rounds"));
    assert!(!page.contains("Sealed rounds"));
}

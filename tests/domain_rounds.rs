//! Sealed rounds as events: the record learns who answered and a digest, never the
//! answer, until the reveal puts every answer in at once. Checked against the session
//! file and every export, for any order of sealing, changing and taking back answers.

#[path = "common/domain.rs"]
mod domain;

use domain::*;
use proptest::prelude::*;
use sameside::domain::change::rounds::MAX_SEATS;
use sameside::domain::rounds::*;
use sameside::domain::*;
use sameside::export::CsvTable;
use sameside::export::Notes;
use sameside::export::csv::csv;
use sameside::export::html::html;
use sameside::export::json::json;
use sameside::export::markdown::markdown;
use sameside::storage::format::{Header, decode, encode};

const ROUND: ItemId = ItemId(100);

fn open_interests_round(labelling: Labelling) -> Change {
    round_opened(
        ROUND,
        RoundKind::Interests,
        labelling,
        "What must your side get out of this partnership?",
        vec![
            seat(ACME, "Halvard"),
            seat(ACME, "Mia"),
            seat(GLOBEX, "Ostrow"),
        ],
    )
}

fn wish(statement: &str) -> Answer {
    Answer::Interest {
        statement: statement.to_string(),
        category: InterestCategory::Territory,
        weight: Weight::NonNegotiable,
        function: Function::Sales,
    }
}

/// The event that seals `answer` by `person`, as the app makes it: the digest only.
fn sealed(number: u32, partner: PartnerId, person: &str, answer: &Answer) -> Change {
    Change::AnswerSealed {
        round: ROUND,
        seal: Seal {
            number,
            partner,
            person: person.to_string(),
            digest: digest(ROUND, number, partner, person, answer),
        },
    }
}

fn revealed(number: u32, answer: Answer, item: Option<u32>) -> Revealed {
    Revealed {
        number,
        answer,
        item: item.map(ItemId),
    }
}

/// Everything that leaves the app about a session: the file and each export.
fn everything_written(room: &Room) -> String {
    let header = Header::for_history("rounds-test", None, &room.history);
    let mut all = encode(&header, &room.history).expect("the session encodes");
    let notes = Notes::new(&room.history, &header, at(500));
    all.push_str(&markdown(&notes));
    all.push_str(&html(&notes));
    all.push_str(&json(&notes).expect("the JSON export"));
    for table in [CsvTable::Actions, CsvTable::Conflicts] {
        all.push_str(&csv(&notes, table));
    }
    all
}

#[test]
fn an_open_round_counts_who_answered_and_the_file_holds_no_answer() {
    let mut room = Room::new();
    room.ok(open_interests_round(Labelling::ByPerson));
    let secret = wish("Exclusive reseller rights for Bavaria, whatever it takes");
    room.ok(sealed(1, ACME, "Halvard", &secret));

    let round = room.session().open_round().expect("the round is open");
    let counts: Vec<(PartnerId, usize, usize)> = round
        .counts()
        .iter()
        .map(|c| (c.partner, c.sealed, c.expected))
        .collect();
    assert_eq!(counts, vec![(ACME, 1, 2), (GLOBEX, 0, 1)]);
    let missing: Vec<&str> = round.missing().iter().map(|s| s.person.as_str()).collect();
    assert_eq!(missing, ["Mia", "Ostrow"]);
    assert!(room.session().interests.is_empty());
    assert!(!everything_written(&room).contains("Bavaria"));
}

#[test]
fn the_reveal_puts_every_answer_into_the_record_as_interests_at_once() {
    let mut room = Room::new();
    room.ok(open_interests_round(Labelling::ByPartner));
    let bavaria = wish("Exclusive reseller rights for Bavaria");
    let dach = wish("We cover all of DACH directly");
    room.ok(sealed(1, ACME, "Halvard", &bavaria));
    room.ok(sealed(2, GLOBEX, "Ostrow", &dach));
    let said = room.ok(Change::RoundRevealed {
        round: ROUND,
        answers: vec![
            revealed(1, bavaria, Some(200)),
            revealed(2, dach, Some(201)),
        ],
    });
    assert_eq!(said, "Sealed round revealed: 2 answers");

    let session = room.session();
    let statements: Vec<(PartnerId, &str)> = session
        .interests
        .iter()
        .map(|i| (i.partner, i.statement.as_str()))
        .collect();
    assert_eq!(
        statements,
        [
            (ACME, "Exclusive reseller rights for Bavaria"),
            (GLOBEX, "We cover all of DACH directly"),
        ]
    );
    assert_eq!(
        session.round(ROUND).map(|r| r.state),
        Some(RoundState::Revealed)
    );
    assert!(session.open_round().is_none());
    assert!(everything_written(&room).contains("Bavaria"));

    // The file reads back to the same session, round and all.
    let header = Header::for_history("rounds-test", None, &room.history);
    let text = encode(&header, &room.history).expect("the session encodes");
    let (_, read) =
        decode(std::path::Path::new("rounds.ron"), text.as_bytes()).expect("the file reads back");
    assert_eq!(read.session(), room.session());
}

#[test]
fn an_answer_changed_after_sealing_does_not_match_and_the_reveal_is_refused() {
    let mut room = Room::new();
    room.ok(open_interests_round(Labelling::ByPerson));
    room.ok(sealed(1, ACME, "Halvard", &wish("Keep Poland")));
    let err = room.refused(Change::RoundRevealed {
        round: ROUND,
        answers: vec![revealed(1, wish("Keep Poland and Czechia"), Some(200))],
    });
    assert_eq!(err, ApplyError::DigestMismatch(1));
    // Leaving an answer out is refused too: a reveal shows everything or nothing.
    room.ok(sealed(2, GLOBEX, "Ostrow", &wish("Grow in Brazil")));
    let err = room.refused(Change::RoundRevealed {
        round: ROUND,
        answers: vec![revealed(1, wish("Keep Poland"), Some(200))],
    });
    assert!(matches!(err, ApplyError::Round(_)), "{err:?}");
}

#[test]
fn only_seated_people_answer_one_round_at_a_time_and_a_cancelled_round_stays_sealed() {
    let mut room = Room::new();
    room.ok(open_interests_round(Labelling::Anonymous));
    let err = room.refused(sealed(1, INITECH, "Someone", &wish("Anything")));
    assert!(matches!(err, ApplyError::NoSeat { .. }), "{err:?}");
    let err = room.refused(open_interests_round(Labelling::ByPerson));
    assert_eq!(err, ApplyError::RoundAlreadyOpen);
    // Someone else cannot overwrite Halvard's answer under its number.
    room.ok(sealed(1, ACME, "Halvard", &wish("Keep the Nordics")));
    let err = room.refused(sealed(1, ACME, "Mia", &wish("Keep Iberia")));
    assert!(matches!(err, ApplyError::Round(_)), "{err:?}");
    // Anonymous within the partner: the sentence names the partner, not the person.
    let said = room.ok(sealed(2, ACME, "Mia", &wish("Keep Iberia")));
    assert_eq!(said, "An answer sealed for Acme");

    room.ok(Change::RoundCancelled { round: ROUND });
    assert_eq!(
        room.session().round(ROUND).map(|r| r.state),
        Some(RoundState::Cancelled)
    );
    let err = room.refused(sealed(3, GLOBEX, "Ostrow", &wish("Too late")));
    assert_eq!(err, ApplyError::RoundNotOpen);
    let written = everything_written(&room);
    assert!(!written.contains("Nordics") && !written.contains("Iberia"));
    // A new round may open once the last one is over.
    let mut next = open_interests_round(Labelling::ByPerson);
    if let Change::RoundOpened { round } = &mut next {
        round.id = ItemId(300);
    }
    room.ok(next);
}

#[test]
fn scores_must_be_in_range_and_a_round_has_at_most_64_seats() {
    let mut room = Room::new();
    let seats: Vec<Seat> = (0..=MAX_SEATS)
        .map(|n| seat(ACME, &format!("P{n}")))
        .collect();
    let err = room.refused(Change::RoundOpened {
        round: RoundSpec {
            id: ROUND,
            kind: RoundKind::Confidence,
            prompt: "Proceed with the pilot?".to_string(),
            labelling: Labelling::Anonymous,
            seats,
        },
    });
    assert!(matches!(err, ApplyError::Round(_)), "{err:?}");
    room.ok(Change::RoundOpened {
        round: RoundSpec {
            id: ROUND,
            kind: RoundKind::Confidence,
            prompt: "Proceed with the pilot?".to_string(),
            labelling: Labelling::Anonymous,
            seats: vec![seat(ACME, "Halvard"), seat(GLOBEX, "Ostrow")],
        },
    });
    room.ok(sealed(1, ACME, "Halvard", &Answer::Score(6)));
    room.ok(sealed(2, GLOBEX, "Ostrow", &Answer::Score(4)));
    let err = room.refused(Change::RoundRevealed {
        round: ROUND,
        answers: vec![
            revealed(1, Answer::Score(6), None),
            revealed(2, Answer::Score(4), None),
        ],
    });
    assert!(matches!(err, ApplyError::Round(_)), "{err:?}");
}

/// One step a person can take while a round is open.
#[derive(Debug, Clone)]
enum Step {
    /// Seal (or seal again) answer `number` as the person in seat `seat`.
    Seal {
        seat: usize,
        number: u32,
        text: u32,
    },
    Withdraw {
        number: u32,
    },
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let step = prop_oneof![
        (0usize..3, 1u32..6, 0u32..1_000).prop_map(|(seat, number, text)| Step::Seal {
            seat,
            number,
            text
        }),
        (1u32..6).prop_map(|number| Step::Withdraw { number }),
    ];
    proptest::collection::vec(step, 0..25)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn no_order_of_sealing_changing_and_taking_back_puts_an_answer_in_writing_before_the_reveal(
        steps in steps(),
        cancel in any::<bool>(),
    ) {
        let seats = [(ACME, "Halvard"), (ACME, "Mia"), (GLOBEX, "Ostrow")];
        let mut room = Room::new();
        room.ok(open_interests_round(Labelling::ByPerson));
        // What each sealed number holds now, as the moderator's sealed file would.
        let mut held: std::collections::BTreeMap<u32, (usize, String)> = Default::default();
        let mut every_text: Vec<String> = Vec::new();
        for step in &steps {
            match *step {
                Step::Seal { seat, number, text } => {
                    let text = format!("secret-{text}-{number}-{seat}");
                    let (partner, person) = seats[seat];
                    let change = sealed(number, partner, person, &wish(&text));
                    let allowed = held.get(&number).is_none_or(|(owner, _)| *owner == seat);
                    if allowed {
                        room.ok(change);
                        held.insert(number, (seat, text.clone()));
                    } else {
                        room.refused(change);
                    }
                    every_text.push(text);
                }
                Step::Withdraw { number } => {
                    let change = Change::AnswerWithdrawn { round: ROUND, number };
                    if held.remove(&number).is_some() {
                        room.ok(change);
                    } else {
                        room.refused(change);
                    }
                }
            }
            let written = everything_written(&room);
            for text in &every_text {
                prop_assert!(!written.contains(text.as_str()), "{text} written before the reveal");
            }
        }
        if cancel {
            room.ok(Change::RoundCancelled { round: ROUND });
            let written = everything_written(&room);
            for text in &every_text {
                prop_assert!(!written.contains(text.as_str()), "{text} written after a cancel");
            }
        } else {
            let answers: Vec<Revealed> = held
                .iter()
                .zip(200..)
                .map(|((number, (_, text)), item)| revealed(*number, wish(text), Some(item)))
                .collect();
            room.ok(Change::RoundRevealed { round: ROUND, answers });
            let written = everything_written(&room);
            for (_, text) in held.values() {
                prop_assert!(written.contains(text.as_str()), "{text} missing after the reveal");
            }
            // An answer changed or taken back before the reveal is never shown.
            let shown: Vec<&String> = held.values().map(|(_, t)| t).collect();
            for text in every_text.iter().filter(|t| !shown.contains(t)) {
                prop_assert!(!written.contains(text.as_str()), "{text} shown though replaced");
            }
        }
    }
}

use crate::domain::rounds::{Answer, Labelling, RoundKind};
use crate::domain::{Change, Function, History, ItemId, PartnerId, Representative};
use crate::tui::purpose::{FieldId, FieldValue, Values};
use crate::tui::stages::testing::{at, fresh};

use super::{read_answer, submit_open, usual_prompt};

fn add_rep(history: &mut History, partner: u32, id: u32, name: &str, function: Function) {
    history
        .record(
            at(),
            Change::RepresentativeAdded {
                partner: PartnerId(partner),
                representative: Representative {
                    id: ItemId(id),
                    name: name.into(),
                    function,
                },
            },
        )
        .unwrap();
}

fn room() -> History {
    let mut history = fresh(2);
    add_rep(&mut history, 1, 50, "Priya", Function::Executive);
    add_rep(&mut history, 2, 51, "Jorge", Function::Engineering);
    history
}

fn opened(history: &mut History, kind: usize) {
    let values = Values::default()
        .with(FieldId::Kind, FieldValue::Choice(kind))
        .with(FieldId::Labelling, FieldValue::Choice(2));
    let changes = submit_open(&values, history.session()).unwrap();
    for change in changes {
        history.record(at(), change).unwrap();
    }
}

#[test]
fn a_round_waits_for_everyone_named_and_asks_the_usual_question_unless_told() {
    let mut history = room();
    opened(&mut history, 0);
    let round = history.session().open_round().unwrap();
    assert_eq!(round.spec.prompt, usual_prompt(RoundKind::Interests));
    assert_eq!(round.spec.labelling, Labelling::Anonymous);
    let people: Vec<&str> = round.spec.seats.iter().map(|s| s.person.as_str()).collect();
    assert_eq!(people, ["Priya", "Jorge"]);
}

#[test]
fn a_partner_with_nobody_named_is_named_before_a_round_opens() {
    let mut history = fresh(2);
    add_rep(&mut history, 1, 50, "Priya", Function::Executive);
    let refused = submit_open(&Values::default(), history.session()).unwrap_err();
    assert!(refused.contains("Globex Integration"), "{refused}");
}

#[test]
fn an_interest_speaks_for_the_seats_function_and_scores_follow_the_scale() {
    let mut history = room();
    opened(&mut history, 0);
    let session = history.session();
    let round = session.open_round().unwrap();
    let values = Values::default()
        .with(FieldId::Seat, FieldValue::Choice(1))
        .with(
            FieldId::Statement,
            FieldValue::Text("Own the connector".into()),
        );
    let (seat, answer) = read_answer(&values, round, session).unwrap();
    assert_eq!(seat.person, "Jorge");
    assert!(matches!(
        answer,
        Answer::Interest {
            function: Function::Engineering,
            ..
        }
    ));
    let empty = Values::default().with(FieldId::Seat, FieldValue::Choice(0));
    assert!(read_answer(&empty, round, session).is_err());

    // Alignment runs 1–5, confidence 0–5: the first option is the bottom of each.
    for (kind, lowest) in [(2, 1), (3, 0)] {
        let mut history = room();
        opened(&mut history, kind);
        let session = history.session();
        let round = session.open_round().unwrap();
        let first = Values::default().with(FieldId::Score, FieldValue::Choice(0));
        let (_, answer) = read_answer(&first, round, session).unwrap();
        assert_eq!(answer, Answer::Score(lowest));
        let beyond = Values::default().with(FieldId::Score, FieldValue::Choice(99));
        let (_, answer) = read_answer(&beyond, round, session).unwrap();
        assert_eq!(answer, Answer::Score(5), "never past the top of the scale");
    }
}

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
    opened_as(history, kind, 2);
}

/// Opens a round of `kind` labelled as the form's option `labelling` (0 by partner,
/// 1 by person, 2 anonymous).
fn opened_as(history: &mut History, kind: usize, labelling: usize) {
    let values = Values::default()
        .with(FieldId::Kind, FieldValue::Choice(kind))
        .with(FieldId::Labelling, FieldValue::Choice(labelling));
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

#[test]
fn a_full_room_keeps_every_partners_count_on_a_small_wall() {
    use crate::tui::stages::screen::StageScreen;
    use crate::tui::stages::testing::{draw_fit, reported};
    use ratatui::layout::Rect;

    for labelling in [0, 2] {
        let mut history = fresh(8);
        // Eight partners of eight people: 64 seats, the most a round takes.
        for partner in 1..=8u32 {
            for n in 0..8u32 {
                let name = format!("Person {partner}-{n}");
                let id = 100 + partner * 10 + n;
                add_rep(&mut history, partner, id, &name, Function::Sales);
            }
        }
        opened_as(&mut history, 0, labelling);
        let session = history.session();
        let screen = super::RoundScreen::default();
        let (rows, hidden) = draw_fit(80, 19, session, |frame, ctx| {
            StageScreen::render(&screen, frame, Rect::new(0, 0, 80, 19), ctx);
        });
        let text = rows.join("\n");
        assert_eq!(text.matches("0 of 8").count(), 8, "{text}");
        assert!(!text.contains("Person 1-0"), "{text}");
        // Anonymous rounds show no names anyway; named ones say the names did not fit.
        let names = reported(&hidden, "names of people");
        if labelling == 2 {
            assert_eq!(names, None);
        } else {
            assert_eq!(names, Some((64, "")));
        }
    }
}

#[test]
fn the_question_before_a_reveal_names_a_few_missing_people_and_counts_the_rest() {
    use crate::tui::intent::Intent;
    let mut history = fresh(8);
    for partner in 1..=8u32 {
        for n in 0..8u32 {
            let name = format!("Person {partner}-{n}");
            add_rep(
                &mut history,
                partner,
                100 + partner * 10 + n,
                &name,
                Function::Sales,
            );
        }
    }
    opened(&mut history, 0);
    let session = history.session();
    let round = session.open_round().unwrap();
    let Intent::Confirm(confirm) = super::reveal_confirm(session, round) else {
        panic!("a reveal asks first");
    };
    let text = confirm.lines.join("\n");
    assert!(text.contains("Person 1-0 (Northwind Analytics)"), "{text}");
    assert!(text.contains("56 others"), "{text}");
    assert!(!text.contains("Person 2-0"), "{text}");
    assert!(
        text.contains("0 answers sealed from 0 of 64 people"),
        "{text}"
    );
}

#[test]
fn views_that_follow_the_record_show_a_reveal_until_the_next_change() {
    use crate::domain::Stage;
    use crate::storage::sealed::SealedAnswers;
    use crate::tui::stages::testing::ctx;
    use crate::tui::theme::Theme;

    let mut history = room();
    opened(&mut history, 1);
    let round = history.session().open_round().unwrap().clone();
    let mut sealed = SealedAnswers::new(round.id());
    let seal = sealed
        .seal(
            RoundKind::Views,
            1,
            PartnerId(1),
            "Priya",
            Answer::Text("We can carry it alone".into()),
        )
        .unwrap();
    history.record(at(), seal).unwrap();
    let round = history.session().open_round().unwrap().clone();
    let later = at() + chrono::Duration::minutes(1);
    let reveal = sealed.reveal(&round, || ItemId(900)).unwrap();
    history.record(later, reveal).unwrap();

    let theme = Theme::dark();
    let screen = super::RoundScreen::default();
    let mut following = ctx(history.session(), &theme);
    following.read_only = true;
    assert!(screen.is_up(&following), "the audience sees the answers");
    // The moderator's own view goes back to the stage with Esc instead.
    assert!(!screen.is_up(&ctx(history.session(), &theme)));

    let next = later + chrono::Duration::minutes(1);
    history
        .record(
            next,
            Change::TimeboxSet {
                stage: Stage::Summary,
                minutes: 12,
            },
        )
        .unwrap();
    let mut following = ctx(history.session(), &theme);
    following.read_only = true;
    assert!(
        !screen.is_up(&following),
        "the next change moves the wall on"
    );
}

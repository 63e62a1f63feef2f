//! The forms of a sealed round: opening one, and one person's answer as they type it on
//! the laptop passed to them. Reading a form back is plain: values in, a round or an
//! answer out, or the reason it cannot be taken.

use crate::domain::rounds::{Answer, Labelling, Round, RoundKind, RoundSpec, Seat, same_person};
use crate::domain::{Change, Function, InterestCategory, Session, Stage, Weight};
use crate::tui::form::Form;
use crate::tui::intent::Intent;
use crate::tui::purpose::{FieldId, Purpose, RoundPurpose, Values};
use crate::tui::stages::interests::{category_and_weight, chosen_category_and_weight};

/// The labellings in the order the form offers them, with their words.
const LABELLINGS: [(Labelling, &str); 3] = [
    (Labelling::ByPartner, "by partner"),
    (Labelling::ByPerson, "by person"),
    (Labelling::Anonymous, "anonymous within the partner"),
];

/// The question each kind of round asks unless the moderator writes another.
pub fn usual_prompt(kind: RoundKind) -> &'static str {
    match kind {
        RoundKind::Interests => {
            "What must your side get out of this partnership, and what must it protect?"
        }
        RoundKind::Views => {
            "How do you see the opportunity, and why can your side not take it alone?"
        }
        RoundKind::Alignment => "How well does the shared vision fit your side? 1 poorly … 5 fully",
        RoundKind::Confidence => {
            "How confident are you in going ahead? 0 against … 5 fully behind it"
        }
    }
}

/// The kind of round a stage most often calls for, offered first.
fn kind_for(stage: Stage) -> RoundKind {
    match stage {
        Stage::Vision => RoundKind::Views,
        Stage::Roles => RoundKind::Alignment,
        Stage::Interests => RoundKind::Interests,
        Stage::Conflicts | Stage::Summary => RoundKind::Confidence,
    }
}

/// Everyone named as a representative, partner by partner: who a round waits for.
pub fn seats_of(session: &Session) -> Vec<Seat> {
    session
        .partners
        .iter()
        .flat_map(|p| {
            p.representatives.iter().map(|r| Seat {
                partner: p.id,
                person: r.name.clone(),
            })
        })
        .collect()
}

/// The form that opens a round, set for the stage on the wall.
pub fn open_form(session: &Session, stage: Stage) -> Intent {
    let kind = kind_for(stage);
    let seats = seats_of(session).len();
    let title = format!("Open a sealed round — {seats} people answer");
    Intent::Form(
        Form::new(title, Purpose::Round(RoundPurpose::Open))
            .enter_does("open")
            .choice_field(
                FieldId::Kind,
                "Asks for",
                RoundKind::ALL
                    .iter()
                    .map(|k| k.label().to_string())
                    .collect(),
                RoundKind::ALL.iter().position(|k| *k == kind).unwrap_or(0),
            )
            .text_field(FieldId::Prompt, "Question (empty: the usual one)", "")
            .choice_field(
                FieldId::Labelling,
                "Answers shown",
                LABELLINGS.iter().map(|(_, w)| w.to_string()).collect(),
                0,
            ),
    )
}

/// The round a submitted opening form asks for.
pub fn submit_open(values: &Values, session: &Session) -> Result<Vec<Change>, String> {
    let kind = RoundKind::ALL
        .get(values.choice(FieldId::Kind))
        .copied()
        .unwrap_or(RoundKind::Interests);
    let labelling = LABELLINGS
        .get(values.choice(FieldId::Labelling))
        .map_or(Labelling::ByPartner, |(l, _)| *l);
    let prompt = match values.text(FieldId::Prompt) {
        "" => usual_prompt(kind).to_string(),
        typed => typed.to_string(),
    };
    // Every partner must have someone to answer for it, or its side stays silent.
    let silent: Vec<&str> = session
        .partners
        .iter()
        .filter(|p| p.representatives.is_empty())
        .map(|p| p.name.as_str())
        .collect();
    if !silent.is_empty() {
        return Err(format!(
            "Name who is in the room for {} first (p, partners)",
            silent.join(" and ")
        ));
    }
    Ok(vec![Change::RoundOpened {
        round: RoundSpec {
            id: session.fresh_id(),
            kind,
            prompt,
            labelling,
            seats: seats_of(session),
        },
    }])
}

/// How a seat reads in the answer form: "Northwind · Anna", with a mark once answered.
fn seat_label(session: &Session, round: &Round, seat: &Seat) -> String {
    let done = if round.has_sealed(seat) {
        " (answered)"
    } else {
        ""
    };
    format!(
        "{} · {}{done}",
        session.partner_name(seat.partner),
        seat.person
    )
}

/// The words of each score of a round's scale, lowest first.
fn score_options(kind: RoundKind) -> Vec<String> {
    let Some(range) = kind.score_range() else {
        return Vec::new();
    };
    let (low, high) = match kind {
        RoundKind::Confidence => ("against", "fully behind it"),
        _ => ("poorly", "fully"),
    };
    let (first, last) = (*range.start(), *range.end());
    range
        .map(|n| match n {
            n if n == first => format!("{n} — {low}"),
            n if n == last => format!("{n} — {high}"),
            n => n.to_string(),
        })
        .collect()
}

/// The form one person answers in. It starts on the first seat without an answer, so
/// the laptop goes round the room without the moderator picking each name.
pub fn answer_form(session: &Session, round: &Round) -> Intent {
    let seats: Vec<String> = round
        .spec
        .seats
        .iter()
        .map(|seat| seat_label(session, round, seat))
        .collect();
    let first_open = round
        .spec
        .seats
        .iter()
        .position(|seat| !round.has_sealed(seat))
        .unwrap_or(0);
    let form = Form::new(
        "Sealed answer — only you see this; Enter seals it",
        Purpose::Round(RoundPurpose::Seal(round.id())),
    )
    .enter_does("seal")
    .choice_field(FieldId::Seat, "You are", seats, first_open);
    let form = match round.spec.kind {
        RoundKind::Interests => category_and_weight(
            form.text_field(FieldId::Statement, "What your side must protect", ""),
            // "Other" and the middle weight, as a moderator's new interest starts.
            InterestCategory::Other,
            Weight::Important,
        ),
        RoundKind::Views => form.text_field(FieldId::Text, "Your view", ""),
        kind @ (RoundKind::Alignment | RoundKind::Confidence) => {
            let options = score_options(kind);
            // The middle of the scale, so nobody's score is chosen for them at an end.
            let middle = options.len() / 2;
            form.choice_field(FieldId::Score, "Your score", options, middle)
        }
    };
    Intent::Form(form)
}

/// Who answered and what, from a submitted answer form.
pub fn read_answer(
    values: &Values,
    round: &Round,
    session: &Session,
) -> Result<(Seat, Answer), String> {
    let seat = round
        .spec
        .seats
        .get(values.choice(FieldId::Seat))
        .cloned()
        .ok_or("Choose who is answering")?;
    let answer = match round.spec.kind {
        RoundKind::Interests => {
            let statement = values.text(FieldId::Statement);
            if statement.is_empty() {
                return Err("Write what your side must protect first".to_string());
            }
            // The function is the seat's: a person speaks for their own part of the firm.
            let function = session
                .partner(seat.partner)
                .and_then(|p| {
                    p.representatives
                        .iter()
                        .find(|r| same_person(&r.name, &seat.person))
                })
                .map_or(Function::Other, |r| r.function);
            let (category, weight) = chosen_category_and_weight(values);
            Answer::Interest {
                statement: statement.to_string(),
                category,
                weight,
                function,
            }
        }
        RoundKind::Views => {
            let text = values.text(FieldId::Text);
            if text.is_empty() {
                return Err("Write your view first".to_string());
            }
            Answer::Text(text.to_string())
        }
        kind @ (RoundKind::Alignment | RoundKind::Confidence) => {
            let range = kind.score_range().ok_or("This round takes no score")?;
            let offset = u8::try_from(values.choice(FieldId::Score)).unwrap_or(0);
            let score = range.start().saturating_add(offset).min(*range.end());
            Answer::Score(score)
        }
    };
    Ok((seat, answer))
}

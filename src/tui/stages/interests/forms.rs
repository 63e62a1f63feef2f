//! The forms and the question behind the self-interest screen's changing keys: adding
//! and editing an interest, and deleting one.

use crate::domain::{Change, Function, Interest, InterestCategory, PartnerId, Session, Weight};
use crate::tui::form::Form;
use crate::tui::intent::{Confirm, Intent};
use crate::tui::purpose::{FieldId, InterestsPurpose, Purpose, Values};
use crate::tui::widgets::truncate_to_width;

use super::super::text::one_line;

/// The interests of one partner as the column shows them: non-negotiable first, and
/// within a weight in the order the room said them.
pub(super) fn column_items(session: &Session, partner: PartnerId) -> Vec<&Interest> {
    let mut items: Vec<&Interest> = session.interests_of(partner).collect();
    // Stable sort: interests are kept by id, which is the order they were added in.
    items.sort_by_key(|i| i.weight);
    items
}

pub(super) fn labels<T: Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<String> {
    all.iter().map(|v| label(*v).to_string()).collect()
}

pub(super) fn position_of<T: PartialEq>(all: &[T], value: &T) -> usize {
    all.iter().position(|v| v == value).unwrap_or(0)
}

/// The values a moderator fills in for an interest, before it gets its id.
pub(super) struct Draft {
    statement: String,
    category: InterestCategory,
    weight: Weight,
    function: Function,
}

/// The category and weight fields of an interest, as every interest form asks them (a
/// sealed answer too).
pub fn category_and_weight(form: Form, category: InterestCategory, weight: Weight) -> Form {
    form.choice_field(
        FieldId::Category,
        "Category",
        labels(InterestCategory::ALL, InterestCategory::label),
        position_of(InterestCategory::ALL, &category),
    )
    .choice_field(
        FieldId::Weight,
        "Weight",
        labels(Weight::ALL, Weight::label),
        position_of(Weight::ALL, &weight),
    )
}

/// The category and weight chosen in a form built with `category_and_weight`.
pub fn chosen_category_and_weight(values: &Values) -> (InterestCategory, Weight) {
    (
        InterestCategory::ALL
            .get(values.choice(FieldId::Category))
            .copied()
            .unwrap_or(InterestCategory::Other),
        Weight::ALL
            .get(values.choice(FieldId::Weight))
            .copied()
            .unwrap_or(Weight::Important),
    )
}

pub(super) fn interest_form(title: String, draft: &Draft, purpose: InterestsPurpose) -> Form {
    let form = Form::new(title, Purpose::Interests(purpose)).text_field(
        FieldId::Statement,
        "What must be protected",
        &draft.statement,
    );
    category_and_weight(form, draft.category, draft.weight).choice_field(
        FieldId::Function,
        "Stated by",
        labels(Function::ALL, Function::label),
        position_of(Function::ALL, &draft.function),
    )
}

/// Reads the form back; the statement must say something.
fn read_form(values: &Values) -> Result<Draft, String> {
    let statement = values.text(FieldId::Statement).to_string();
    if statement.is_empty() {
        return Err("Write what this partner must protect first".to_string());
    }
    let (category, weight) = chosen_category_and_weight(values);
    Ok(Draft {
        statement,
        category,
        weight,
        function: Function::ALL
            .get(values.choice(FieldId::Function))
            .copied()
            .unwrap_or(Function::Other),
    })
}

pub(super) fn add_form(session: &Session, partner: PartnerId) -> Intent {
    let name = session.partner_name(partner);
    // Most interests are said by the person who speaks first for a partner; the
    // moderator changes the function when someone else speaks.
    let function = session
        .partner(partner)
        .and_then(|p| p.representatives.first())
        .map_or(Function::Executive, |r| r.function);
    let draft = Draft {
        statement: String::new(),
        // "Other" until the room says otherwise: a wrong category left by default would
        // mislead the conflict check, an honest "other" does not.
        category: InterestCategory::Other,
        // The middle weight, so that nothing is non-negotiable without someone saying so.
        weight: Weight::Important,
        function,
    };
    Intent::Form(interest_form(
        format!("New interest — {name}"),
        &draft,
        InterestsPurpose::NewInterest(partner),
    ))
}

pub(super) fn edit_form(session: &Session, interest: &Interest) -> Intent {
    let name = session.partner_name(interest.partner);
    let draft = Draft {
        statement: interest.statement.clone(),
        category: interest.category,
        weight: interest.weight,
        function: interest.function,
    };
    Intent::Form(interest_form(
        format!("Edit interest — {name}"),
        &draft,
        InterestsPurpose::EditInterest(interest.id),
    ))
}

pub(super) fn delete_confirm(session: &Session, interest: &Interest) -> Intent {
    let name = session.partner_name(interest.partner);
    let statement = truncate_to_width(&one_line(&interest.statement), 60);
    Intent::Confirm(Confirm::yes_no(
        "Delete interest",
        format!("Delete {name}'s interest '{statement}'?"),
        Intent::Record(vec![Change::InterestRemoved { id: interest.id }]),
    ))
}

/// The changes the interest forms ask for, by what each was for.
pub fn submit(
    purpose: &InterestsPurpose,
    values: &Values,
    session: &Session,
) -> Result<Vec<Change>, String> {
    let draft = read_form(values)?;
    match *purpose {
        InterestsPurpose::NewInterest(partner) => {
            if session.partner(partner).is_none() {
                return Err("That partner is no longer in the session".to_string());
            }
            Ok(vec![Change::InterestAdded {
                interest: Interest {
                    id: session.fresh_id(),
                    partner,
                    statement: draft.statement,
                    category: draft.category,
                    weight: draft.weight,
                    function: draft.function,
                },
            }])
        }
        InterestsPurpose::EditInterest(id) => {
            let Some(current) = session.interest(id) else {
                return Err("This interest was removed meanwhile".to_string());
            };
            let edited = Interest {
                id,
                partner: current.partner,
                statement: draft.statement,
                category: draft.category,
                weight: draft.weight,
                function: draft.function,
            };
            if *current == edited {
                return Ok(Vec::new());
            }
            Ok(vec![Change::InterestEdited { interest: edited }])
        }
    }
}

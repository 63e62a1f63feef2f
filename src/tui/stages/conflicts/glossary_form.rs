//! The glossary's dialogs: which kind of entry to add, the form for each kind (a place
//! asks where it lies, a product whose it is), removing an entry, and turning a
//! submitted form into the change. The guards in the domain say what is refused (a
//! name already in the glossary, say); the form stays open with their reason.

use crate::domain::glossary::split_names;
use crate::domain::{Change, GlossaryEntry, GlossaryKind, ItemId, PartnerId, Session};
use crate::tui::form::Form;
use crate::tui::intent::{Confirm, ConfirmOption, Intent};
use crate::tui::purpose::{ConflictsPurpose, FieldId, GlossaryForm, Purpose, Values};

use super::words::quote;

const GONE: &str = "this glossary entry was removed meanwhile";

/// `a` in the glossary: the room says what it names, then fills in that kind's form.
pub(super) fn kind_choice(session: &Session) -> Intent {
    let option = |key, label: &str, form| ConfirmOption {
        key,
        label: label.to_string(),
        then: Intent::Form(entry_form(session, None, form)),
    };
    Intent::Confirm(Confirm {
        title: "Add to the glossary".to_string(),
        lines: vec![
            "Name something the rules should know by every name the partners use.".to_string(),
            "What is it?".to_string(),
        ],
        options: vec![
            option(
                'a',
                "account — a customer both may claim",
                GlossaryForm::Account,
            ),
            option(
                'p',
                "place — a region or city the rules do not know",
                GlossaryForm::Place,
            ),
            option(
                'r',
                "product — a partner's product or brand, never a shared term",
                product_form(session),
            ),
        ],
    })
}

fn product_form(session: &Session) -> GlossaryForm {
    GlossaryForm::Product {
        partners: session.partners.iter().map(|p| p.id).collect(),
    }
}

/// Enter on an entry: its kind's form, filled in.
pub(super) fn edit_form(session: &Session, entry: &GlossaryEntry) -> Intent {
    let form = match &entry.kind {
        GlossaryKind::Account => GlossaryForm::Account,
        GlossaryKind::Place { .. } => GlossaryForm::Place,
        GlossaryKind::Product { .. } => product_form(session),
    };
    Intent::Form(entry_form(session, Some(entry), form))
}

/// The form for a new entry of the kind `form` (`existing` None) or for editing one.
fn entry_form(session: &Session, existing: Option<&GlossaryEntry>, form: GlossaryForm) -> Form {
    let noun = match form {
        GlossaryForm::Account => "account",
        GlossaryForm::Place => "place",
        GlossaryForm::Product { .. } => "product",
    };
    let title = match existing {
        None => format!("New {noun} in the glossary"),
        Some(_) => format!("Edit {noun} in the glossary"),
    };
    let name = existing.map_or("", |e| e.name.as_str());
    let aliases = existing.map_or(String::new(), |e| e.aliases.join(", "));
    let purpose = Purpose::Conflicts(ConflictsPurpose::GlossaryEntry {
        id: existing.map(|e| e.id),
        form: form.clone(),
    });
    let base = Form::new(title, purpose)
        .text_field(FieldId::Name, "Name", name)
        .text_field(FieldId::Aliases, "Also called (commas between)", &aliases);
    match form {
        GlossaryForm::Account => base,
        GlossaryForm::Place => {
            let within = match existing.map(|e| &e.kind) {
                Some(GlossaryKind::Place { within }) => within.join(", "),
                _ => String::new(),
            };
            base.text_field(FieldId::Within, "Lies in (places, commas between)", &within)
        }
        GlossaryForm::Product { partners } => {
            let owner = match existing.map(|e| &e.kind) {
                Some(GlossaryKind::Product { partner }) => Some(*partner),
                _ => None,
            };
            let selected = owner
                .and_then(|owner| partners.iter().position(|p| *p == owner))
                .unwrap_or(0);
            let labels = partners.iter().map(|p| session.partner_name(*p)).collect();
            base.choice_field(FieldId::Partner, "Whose product", labels, selected)
        }
    }
}

/// `d` on an entry: asks first; undo brings it back.
pub(super) fn remove_confirm(entry: &GlossaryEntry) -> Intent {
    Intent::Confirm(Confirm::yes_no(
        "Remove from the glossary",
        format!(
            "Remove the {} {} from the glossary? Undo (u) brings it back.",
            entry.kind.label(),
            quote(&entry.name)
        ),
        Intent::Record(vec![Change::GlossaryRemoved { id: entry.id }]),
    ))
}

/// The change a submitted glossary form asks for, read against the session as it is now.
pub(super) fn submit_entry(
    id: Option<ItemId>,
    form: &GlossaryForm,
    values: &Values,
    session: &Session,
) -> Result<Vec<Change>, String> {
    let name = values.text(FieldId::Name).to_string();
    if name.is_empty() {
        return Err("give it a name".to_string());
    }
    let kind = match form {
        GlossaryForm::Account => GlossaryKind::Account,
        GlossaryForm::Place => GlossaryKind::Place {
            within: split_names(values.text(FieldId::Within)),
        },
        GlossaryForm::Product { partners } => {
            let partner: PartnerId = partners
                .get(values.choice(FieldId::Partner))
                .copied()
                .ok_or_else(|| "choose whose product it is".to_string())?;
            GlossaryKind::Product { partner }
        }
    };
    let entry = GlossaryEntry {
        id: id.unwrap_or_else(|| session.fresh_id()),
        kind,
        name,
        aliases: split_names(values.text(FieldId::Aliases)),
    };
    match id {
        None => Ok(vec![Change::GlossaryAdded { entry }]),
        Some(id) if session.glossary_entry(id).is_none() => Err(GONE.to_string()),
        Some(_) => Ok(vec![Change::GlossaryEdited { entry }]),
    }
}

//! What the partners panel's keys ask for: editors, forms and confirmations whose
//! answers become changes to the partners and their representatives, and what those
//! answers change.

use crate::domain::change::{MAX_PARTNERS, same_name};
use crate::domain::{Change, Function, Partner, PartnerId, Representative, Session};
use crate::tui::editor::EditorMode;
use crate::tui::form::Form;
use crate::tui::intent::{Confirm, Intent};
use crate::tui::purpose::{FieldId, PartnersPurpose, Purpose, Values};

pub(super) fn function_labels() -> Vec<String> {
    Function::ALL
        .iter()
        .map(|f| f.label().to_string())
        .collect()
}

pub(super) fn function_at(index: usize) -> Function {
    Function::ALL.get(index).copied().unwrap_or(Function::Other)
}

pub(super) fn function_index(function: Function) -> usize {
    Function::ALL
        .iter()
        .position(|f| *f == function)
        .unwrap_or(0)
}

/// Refuses a partner name that is empty or already taken (as the domain compares names),
/// so the form or
/// editor stays open with the reason instead of failing after it closes.
pub(super) fn check_name(
    session: &Session,
    name: &str,
    except: Option<PartnerId>,
) -> Result<(), String> {
    if name.is_empty() {
        return Err("A partner needs a name".to_string());
    }
    let taken = session
        .partners
        .iter()
        .any(|p| Some(p.id) != except && same_name(&p.name, name));
    if taken {
        return Err(format!("There is already a partner called '{name}'"));
    }
    Ok(())
}

pub(super) fn rename(partner: &Partner) -> Intent {
    Intent::Edit {
        title: format!("Rename {}", partner.name),
        initial: partner.name.clone(),
        mode: EditorMode::SingleLine,
        purpose: Purpose::Partners(PartnersPurpose::Rename(partner.id)),
    }
}

pub(super) fn edit_brings(partner: &Partner) -> Intent {
    Intent::Edit {
        title: format!("What {} brings to the table", partner.name),
        initial: partner.brings.clone(),
        mode: EditorMode::SingleLine,
        purpose: Purpose::Partners(PartnersPurpose::Brings(partner.id)),
    }
}

pub(super) fn add_representative(partner: &Partner) -> Intent {
    let form = Form::new(
        format!("New representative of {}", partner.name),
        Purpose::Partners(PartnersPurpose::NewRepresentative(partner.id)),
    )
    .text_field(FieldId::Name, "Name", "")
    .choice_field(FieldId::Function, "Function", function_labels(), 0);
    Intent::Form(form)
}

/// There is no "representative edited" change, so an edit is recorded as the old entry
/// removed and a new one added, in one step so that one undo takes both back.
pub(super) fn edit_representative(partner: &Partner, rep: &Representative) -> Intent {
    let form = Form::new(
        format!("Representative of {}", partner.name),
        Purpose::Partners(PartnersPurpose::EditRepresentative {
            partner: partner.id,
            id: rep.id,
        }),
    )
    .text_field(FieldId::Name, "Name", &rep.name)
    .choice_field(
        FieldId::Function,
        "Function",
        function_labels(),
        function_index(rep.function),
    );
    Intent::Form(form)
}

pub(super) fn remove_representative(partner: &Partner, rep: &Representative) -> Intent {
    Intent::Confirm(Confirm::yes_no(
        "Remove representative",
        format!(
            "Remove {} ({}) from {}?",
            rep.name, rep.function, partner.name
        ),
        Intent::Record(vec![Change::RepresentativeRemoved {
            partner: partner.id,
            id: rep.id,
        }]),
    ))
}

pub(super) fn add_partner(session: &Session) -> Intent {
    let count = session.partners.len();
    if count >= MAX_PARTNERS {
        return Intent::Status(format!(
            "A session can have at most {MAX_PARTNERS} partners, and this one has {count}"
        ));
    }
    let form = Form::new(
        "Add a partner",
        Purpose::Partners(PartnersPurpose::NewPartner),
    )
    .text_field(FieldId::Name, "Name", "")
    .text_field(FieldId::Brings, "What it brings", "");
    Intent::Form(form)
}

pub(super) fn remove_partner(partner: &Partner) -> Intent {
    Intent::Confirm(Confirm::yes_no(
        "Remove partner",
        format!(
            "Remove {} from the session? This is only possible while nothing has been recorded for it.",
            partner.name
        ),
        Intent::Record(vec![Change::PartnerRemoved {
            partner: partner.id,
        }]),
    ))
}

/// The changes the partners panel's editors and forms ask for, by what each was for.
pub fn submit(
    purpose: &PartnersPurpose,
    values: &Values,
    session: &Session,
) -> Result<Vec<Change>, String> {
    match *purpose {
        PartnersPurpose::Rename(id) => {
            let name = values.text(FieldId::Text).to_string();
            if session.partner(id).is_some_and(|p| p.name == name) {
                return Ok(Vec::new());
            }
            check_name(session, &name, Some(id))?;
            Ok(vec![Change::PartnerRenamed { partner: id, name }])
        }
        PartnersPurpose::Brings(id) => {
            let text = values.text(FieldId::Text).to_string();
            if session.partner(id).is_some_and(|p| p.brings == text) {
                return Ok(Vec::new());
            }
            Ok(vec![Change::BringsSet { partner: id, text }])
        }
        PartnersPurpose::NewRepresentative(partner) => {
            let name = values.text(FieldId::Name).to_string();
            if name.is_empty() {
                return Err("A representative needs a name".to_string());
            }
            let representative = Representative {
                id: session.fresh_id(),
                name,
                function: function_at(values.choice(FieldId::Function)),
            };
            Ok(vec![Change::RepresentativeAdded {
                partner,
                representative,
            }])
        }
        PartnersPurpose::EditRepresentative { partner, id } => {
            let name = values.text(FieldId::Name).to_string();
            if name.is_empty() {
                return Err("A representative needs a name".to_string());
            }
            let function = function_at(values.choice(FieldId::Function));
            let old = session
                .partner(partner)
                .and_then(|p| p.representatives.iter().find(|r| r.id == id))
                .ok_or("This representative is no longer in the session")?;
            if old.name == name && old.function == function {
                return Ok(Vec::new());
            }
            Ok(vec![Change::RepresentativeEdited {
                partner,
                representative: Representative { id, name, function },
            }])
        }
        PartnersPurpose::NewPartner => {
            if session.partners.len() >= MAX_PARTNERS {
                return Err(format!(
                    "A session can have at most {MAX_PARTNERS} partners"
                ));
            }
            let name = values.text(FieldId::Name).to_string();
            check_name(session, &name, None)?;
            Ok(vec![Change::PartnerAdded {
                partner: session.fresh_partner_id(),
                name,
                brings: values.text(FieldId::Brings).to_string(),
            }])
        }
    }
}

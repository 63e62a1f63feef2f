//! What the role split's keys ask for: editors, forms and confirmations whose answers
//! become changes to the roles and holes, and what those answers change.

use crate::domain::describe::filler_label;
use crate::domain::{Change, Hole, HoleFiller, ItemId, PartnerId, Raci, Role, Session};
use crate::tui::editor::EditorMode;
use crate::tui::form::Form;
use crate::tui::intent::{Confirm, Intent};
use crate::tui::purpose::{FieldId, Purpose, RolesPurpose, Values};

pub(super) fn set_letter(role: ItemId, partner: PartnerId, letter: Option<Raci>) -> Intent {
    Intent::Record(vec![Change::RaciSet {
        role,
        partner,
        letter,
    }])
}

/// Checks a role name typed by the moderator: two rows with the same name would leave the
/// room unsure which one it is filling in.
pub(super) fn check_role_name(
    text: &str,
    session: &Session,
    except: Option<ItemId>,
) -> Result<String, String> {
    let name = text.trim();
    if name.is_empty() {
        return Err("A role needs a name".to_string());
    }
    let taken = session
        .roles
        .iter()
        .any(|r| Some(r.id) != except && r.name.trim().eq_ignore_ascii_case(name));
    if taken {
        return Err(format!("There is already a role called '{name}'"));
    }
    Ok(name.to_string())
}

pub(super) fn add_role() -> Intent {
    Intent::Edit {
        title: "New role".to_string(),
        initial: String::new(),
        mode: EditorMode::SingleLine,
        purpose: Purpose::Roles(RolesPurpose::NewRole),
    }
}

pub(super) fn rename_role(role: &Role) -> Intent {
    Intent::Edit {
        title: "Rename role".to_string(),
        initial: role.name.clone(),
        mode: EditorMode::SingleLine,
        purpose: Purpose::Roles(RolesPurpose::RenameRole(role.id)),
    }
}

pub(super) fn delete_role(role: &Role) -> Intent {
    Intent::Confirm(Confirm::yes_no(
        "Delete role",
        format!("Delete the role '{}' and its letters?", role.name),
        Intent::Record(vec![Change::RoleRemoved { id: role.id }]),
    ))
}

/// Who may fill a hole of `owner`, in the order the form offers and Space cycles: the
/// partner itself first (the healthy answer), then every other partner, then outsiders.
pub(super) fn filler_options(s: &Session, owner: PartnerId) -> Vec<HoleFiller> {
    let mut options = Vec::with_capacity(s.partners.len() + 2);
    options.push(HoleFiller::Itself);
    options.extend(
        s.partners
            .iter()
            .filter(|p| p.id != owner)
            .map(|p| HoleFiller::Partner(p.id)),
    );
    options.push(HoleFiller::ThirdParty);
    options.push(HoleFiller::Unresolved);
    options
}

pub(super) fn next_filler(s: &Session, owner: PartnerId, current: HoleFiller) -> HoleFiller {
    let options = filler_options(s, owner);
    // A filler that is no longer offered (its partner left) starts the cycle again.
    let next = options
        .iter()
        .position(|f| *f == current)
        .map_or(0, |i| (i + 1) % options.len());
    options.get(next).copied().unwrap_or(HoleFiller::Itself)
}

pub(super) fn add_hole(s: &Session, owner: PartnerId) -> Intent {
    let fillers = filler_options(s, owner);
    let labels = fillers.iter().map(|f| filler_label(s, *f)).collect();
    let name = s.partner_name(owner);
    let form = Form::new(
        format!("New hole in {name}'s business"),
        Purpose::Roles(RolesPurpose::NewHole { owner, fillers }),
    )
    .text_field(FieldId::Text, "What is missing", "")
    .choice_field(FieldId::FilledBy, "Filled by", labels, 0);
    Intent::Form(form)
}

pub(super) fn edit_hole(s: &Session, hole: &Hole) -> Intent {
    Intent::Edit {
        title: format!("Hole in {}'s business", s.partner_name(hole.owner)),
        initial: hole.text.clone(),
        mode: EditorMode::SingleLine,
        purpose: Purpose::Roles(RolesPurpose::EditHole(hole.id)),
    }
}

pub(super) fn delete_hole(s: &Session, hole: &Hole) -> Intent {
    Intent::Confirm(Confirm::yes_no(
        "Delete hole",
        format!(
            "Delete {}'s hole '{}'?",
            s.partner_name(hole.owner),
            hole.text
        ),
        Intent::Record(vec![Change::HoleRemoved { id: hole.id }]),
    ))
}

/// The changes the role split's editors and forms ask for, by what each was for.
pub fn submit(
    purpose: &RolesPurpose,
    values: &Values,
    session: &Session,
) -> Result<Vec<Change>, String> {
    let text = values.text(FieldId::Text);
    match purpose {
        RolesPurpose::NewRole => {
            let name = check_role_name(text, session, None)?;
            Ok(vec![Change::RoleAdded {
                role: Role {
                    id: session.fresh_id(),
                    name,
                    raci: Default::default(),
                },
            }])
        }
        RolesPurpose::RenameRole(id) => {
            let Some(current) = session.role(*id) else {
                return Err("That role was removed in the meantime".to_string());
            };
            let name = check_role_name(text, session, Some(*id))?;
            if name == current.name {
                return Ok(Vec::new());
            }
            Ok(vec![Change::RoleRenamed { id: *id, name }])
        }
        RolesPurpose::NewHole { owner, fillers } => {
            if text.is_empty() {
                return Err("Say what is missing".to_string());
            }
            if session.partner(*owner).is_none() {
                return Err("That partner has left the session".to_string());
            }
            let filled_by = fillers
                .get(values.choice(FieldId::FilledBy))
                .copied()
                .unwrap_or(HoleFiller::Unresolved);
            if let HoleFiller::Partner(p) = filled_by
                && session.partner(p).is_none()
            {
                return Err("That partner has left the session; choose again".to_string());
            }
            Ok(vec![Change::HoleAdded {
                hole: Hole {
                    id: session.fresh_id(),
                    owner: *owner,
                    text: text.to_string(),
                    filled_by,
                },
            }])
        }
        RolesPurpose::EditHole(id) => {
            let Some(current) = session.hole(*id) else {
                return Err("That hole was removed in the meantime".to_string());
            };
            if text.is_empty() {
                return Err("Say what is missing, or delete the hole with d".to_string());
            }
            if text == current.text {
                return Ok(Vec::new());
            }
            Ok(vec![Change::HoleEdited {
                id: *id,
                text: text.to_string(),
            }])
        }
    }
}

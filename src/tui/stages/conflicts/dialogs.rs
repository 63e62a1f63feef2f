//! The conflict check's dialogs: the form that adds or edits an entered conflict, the
//! settle dialog with an editor for each outcome that needs words, and deleting. Each
//! reads the session as it is when submitted, so nothing else is rolled back.

use crate::domain::board::{BoardEntry, Source};
use crate::domain::verdict::deal_breaker_block;
use crate::domain::{
    Change, Conflict, ConflictCategory, ConflictOrigin, ConflictStatus, ItemId, PartnerId, Session,
    Severity,
};
use crate::tui::editor::EditorMode;
use crate::tui::form::Form;
use crate::tui::intent::{Confirm, ConfirmOption, Intent};
use crate::tui::purpose::{ConflictsPurpose, FieldId, Purpose, Values};
use crate::tui::stages::marks::severity_marker;
use crate::tui::stages::text::one_line;
use crate::tui::widgets::truncate_to_width;

use super::words::quote;

pub(super) const GONE: &str = "this conflict was removed meanwhile";
const DELETE_DETECTED: &str =
    "Detected conflicts are dismissed, not deleted — press s then x and say why.";

/// Deleting: an entered conflict after a yes, a detected one never (it is dismissed).
pub(super) fn delete_confirm(entry: &BoardEntry) -> Intent {
    match &entry.source {
        Source::Moderator(id) => Intent::Confirm(Confirm::yes_no(
            "Delete conflict",
            format!(
                "Delete the conflict {}? Undo (u) brings it back.",
                quote(&entry.description)
            ),
            Intent::Record(vec![Change::ConflictRemoved { id: *id }]),
        )),
        Source::Detected { .. } => Intent::Status(DELETE_DETECTED.to_string()),
    }
}

/// Enter on a conflict: an entered one opens its form; a detected one's text comes from
/// the rules, so what the room can do with it is settle it.
pub(super) fn edit_or_settle(session: &Session, entry: &BoardEntry) -> Intent {
    match &entry.source {
        Source::Moderator(id) => match session.conflict(*id) {
            Some(c) => Intent::Form(conflict_form(session, Some(c))),
            None => Intent::Status(GONE.to_string()),
        },
        Source::Detected { .. } => settle_confirm(session, entry),
    }
}

/// What "Partners involved" offers: everyone, then each pair, plus the conflict's own
/// set when it is none of those, so editing never silently changes who is involved.
struct PartnerChoices {
    labels: Vec<String>,
    sets: Vec<Vec<PartnerId>>,
    selected: usize,
}

fn partner_choices(session: &Session, current: Option<&[PartnerId]>) -> PartnerChoices {
    let ids: Vec<PartnerId> = session.partners.iter().map(|p| p.id).collect();
    let mut labels = vec!["all partners".to_string()];
    let mut sets = vec![ids.clone()];
    if ids.len() > 2 {
        for (i, a) in session.partners.iter().enumerate() {
            for b in &session.partners[i + 1..] {
                labels.push(format!("{} & {}", a.name, b.name));
                sets.push(vec![a.id, b.id]);
            }
        }
    }
    let mut selected = 0;
    if let Some(current) = current {
        let mut wanted = current.to_vec();
        wanted.sort();
        let found = sets.iter().position(|set| {
            let mut set = set.clone();
            set.sort();
            set == wanted
        });
        match found {
            Some(i) => selected = i,
            None => {
                let names: Vec<String> = current.iter().map(|p| session.partner_name(*p)).collect();
                let label = if names.is_empty() {
                    "as recorded: no partner named".to_string()
                } else {
                    format!("as recorded: {}", names.join(", "))
                };
                labels.push(label);
                sets.push(current.to_vec());
                selected = sets.len() - 1;
            }
        }
    }
    PartnerChoices {
        labels,
        sets,
        selected,
    }
}

/// The add form (`existing` = None) or the edit form pre-filled with an entered conflict.
pub(super) fn conflict_form(session: &Session, existing: Option<&Conflict>) -> Form {
    let choices = partner_choices(session, existing.map(|c| c.partners.as_slice()));
    let partner_sets = choices.sets;
    let purpose = match existing {
        None => ConflictsPurpose::NewConflict { partner_sets },
        Some(c) => ConflictsPurpose::EditConflict {
            id: c.id,
            partner_sets,
        },
    };
    let title = if existing.is_some() {
        "Edit conflict"
    } else {
        "New conflict"
    };
    let category = existing.map_or(ConflictCategory::Territory, |c| c.category);
    let severity = existing.map_or(Severity::Medium, |c| c.severity);
    Form::new(title, Purpose::Conflicts(purpose))
        .text_field(
            FieldId::Description,
            "Description",
            existing.map_or("", |c| c.description.as_str()),
        )
        .choice_field(
            FieldId::Category,
            "Category",
            ConflictCategory::ALL
                .iter()
                .map(|c| c.label().to_string())
                .collect(),
            ConflictCategory::ALL
                .iter()
                .position(|c| *c == category)
                .unwrap_or(0),
        )
        .choice_field(
            FieldId::Severity,
            "Severity",
            Severity::ALL
                .iter()
                .map(|s| s.label().to_string())
                .collect(),
            Severity::ALL
                .iter()
                .position(|s| *s == severity)
                .unwrap_or(0),
        )
        .choice_field(
            FieldId::Partners,
            "Partners involved",
            choices.labels,
            choices.selected,
        )
        .text_field(
            FieldId::Owner,
            "Owner",
            existing.map_or("", |c| c.owner.as_str()),
        )
}

/// The change that gives the conflict from `source` a new status, read against the
/// session as it is now. `owner` None keeps the owner it has.
fn outcome(
    session: &Session,
    source: &Source,
    status: ConflictStatus,
    owner: Option<String>,
) -> Result<Vec<Change>, String> {
    match source {
        Source::Detected { key, .. } => {
            let owner = match (&status, owner) {
                // Taking the outcome back forgets it, owner and all.
                (ConflictStatus::Open, _) => String::new(),
                (_, Some(owner)) => owner,
                (_, None) => session
                    .outcomes
                    .get(key)
                    .map(|o| o.owner.clone())
                    .unwrap_or_default(),
            };
            Ok(vec![Change::FindingSettled {
                key: key.clone(),
                status,
                owner,
            }])
        }
        Source::Moderator(id) => {
            let old = session.conflict(*id).ok_or_else(|| GONE.to_string())?;
            Ok(vec![Change::ConflictEdited {
                conflict: Conflict {
                    status,
                    owner: owner.unwrap_or_else(|| old.owner.clone()),
                    ..old.clone()
                },
            }])
        }
    }
}

/// An outcome recorded straight from the dialog.
fn record_outcome(session: &Session, source: &Source, status: ConflictStatus) -> Intent {
    match outcome(session, source, status, None) {
        Ok(changes) => Intent::Record(changes),
        Err(e) => Intent::Status(e),
    }
}

/// An editor that asks for the words an outcome needs; `purpose` says which outcome.
fn outcome_editor(
    entry: &BoardEntry,
    title: &str,
    initial: String,
    mode: EditorMode,
    purpose: ConflictsPurpose,
) -> Intent {
    Intent::Edit {
        title: format!("{title} — {}", one_line(&entry.description)),
        initial,
        mode,
        purpose: Purpose::Conflicts(purpose),
    }
}

fn agreement_editor(entry: &BoardEntry) -> Intent {
    let initial = match &entry.status {
        ConflictStatus::Resolved { agreement } => agreement.clone(),
        _ => String::new(),
    };
    outcome_editor(
        entry,
        "What did the partners agree?",
        initial,
        EditorMode::MultiLine,
        ConflictsPurpose::Agreement(entry.source.clone()),
    )
}

fn risk_owner_editor(entry: &BoardEntry) -> Intent {
    outcome_editor(
        entry,
        "Who owns this risk?",
        entry.owner.clone(),
        EditorMode::SingleLine,
        ConflictsPurpose::RiskOwner(entry.source.clone()),
    )
}

pub(super) fn dismiss_reason_editor(entry: &BoardEntry) -> Intent {
    let initial = match &entry.status {
        ConflictStatus::Dismissed { reason } => reason.clone(),
        _ => String::new(),
    };
    outcome_editor(
        entry,
        "Why is this not a conflict?",
        initial,
        EditorMode::SingleLine,
        ConflictsPurpose::DismissReason(entry.source.clone()),
    )
}

/// The settle dialog. A choice the session does not allow stays listed, marked, and
/// explains itself when chosen; choices that would change nothing are left out.
pub(super) fn settle_confirm(session: &Session, entry: &BoardEntry) -> Intent {
    let status = &entry.status;
    let source = &entry.source;
    let mut options = vec![
        ConfirmOption {
            key: 'r',
            label: "resolved — write down the agreement".to_string(),
            then: agreement_editor(entry),
        },
        ConfirmOption {
            key: 'k',
            label: "accepted risk — name who owns it".to_string(),
            then: risk_owner_editor(entry),
        },
    ];
    if *status != ConflictStatus::DealBreaker {
        // The room's rule lives in the domain; the dialog only says it in its own words.
        let (label, then) = if deal_breaker_block(session, &ConflictStatus::DealBreaker).is_some() {
            (
                "deal-breaker (not available)".to_string(),
                Intent::Status(
                    "Cannot call it a deal-breaker while the verdict is a plain proceed; \
                     change the verdict on the summary first."
                        .to_string(),
                ),
            )
        } else {
            (
                "deal-breaker — blocks a plain proceed".to_string(),
                record_outcome(session, source, ConflictStatus::DealBreaker),
            )
        };
        options.push(ConfirmOption {
            key: 'b',
            label,
            then,
        });
    }
    if *status != ConflictStatus::Parked {
        options.push(ConfirmOption {
            key: 'p',
            label: "park it for a later meeting".to_string(),
            then: record_outcome(session, source, ConflictStatus::Parked),
        });
    }
    let (label, then) = if entry.is_detected() {
        (
            "dismiss as not a conflict — say why".to_string(),
            dismiss_reason_editor(entry),
        )
    } else {
        (
            "dismiss (not available)".to_string(),
            Intent::Status(
                "Only detected conflicts are dismissed; an entered one is deleted with d."
                    .to_string(),
            ),
        )
    };
    options.push(ConfirmOption {
        key: 'x',
        label,
        then,
    });
    if !status.is_open() {
        options.push(ConfirmOption {
            key: 'o',
            label: "reopen".to_string(),
            then: record_outcome(session, source, ConflictStatus::Open),
        });
    }
    let mut lines = vec![
        truncate_to_width(&one_line(&entry.description), 300),
        format!(
            "{} · {} · now {}",
            severity_marker(entry.severity),
            entry.category,
            status.label()
        ),
    ];
    match entry.rule() {
        Some(rule) => lines.push(format!("Found by the rule '{}'.", rule.label())),
        None => lines.push("Entered by the moderator.".to_string()),
    }
    if let Some(prompt) = &entry.prompt {
        lines.push(format!("Question for the room: {prompt}"));
    }
    lines.push("How does the room settle it?".to_string());
    Intent::Confirm(Confirm {
        title: if entry.is_detected() {
            "Settle detected conflict".to_string()
        } else {
            "Settle conflict".to_string()
        },
        lines,
        options,
    })
}

/// The changes the conflict check's editors and forms ask for, by what each was for.
pub fn submit(
    purpose: &ConflictsPurpose,
    values: &Values,
    session: &Session,
) -> Result<Vec<Change>, String> {
    let text = values.text(FieldId::Text).to_string();
    let needs = |missing: &str| -> Result<String, String> {
        if text.is_empty() {
            Err(missing.to_string())
        } else {
            Ok(text.clone())
        }
    };
    match purpose {
        ConflictsPurpose::NewConflict { partner_sets } => {
            conflict_from_form(values, session, None, partner_sets)
        }
        ConflictsPurpose::EditConflict { id, partner_sets } => {
            conflict_from_form(values, session, Some(*id), partner_sets)
        }
        ConflictsPurpose::Agreement(source) => {
            let agreement = needs("write down what the partners agreed")?;
            outcome(
                session,
                source,
                ConflictStatus::Resolved { agreement },
                None,
            )
        }
        ConflictsPurpose::RiskOwner(source) => {
            let owner = needs("name who keeps an eye on this risk")?;
            outcome(session, source, ConflictStatus::AcceptedRisk, Some(owner))
        }
        ConflictsPurpose::DismissReason(source) => {
            let reason = needs("say why the room dismisses it; the reason is kept")?;
            outcome(session, source, ConflictStatus::Dismissed { reason }, None)
        }
        ConflictsPurpose::GlossaryEntry { id, form } => {
            super::glossary_form::submit_entry(*id, form, values, session)
        }
        ConflictsPurpose::DismissMarked(keys) => {
            let reason = needs("say why the room dismisses them; the reason is kept")?;
            let status = ConflictStatus::Dismissed { reason };
            Ok(match keys.as_slice() {
                // One is said best by its own sentence, as if dismissed alone.
                [key] => vec![Change::FindingSettled {
                    key: key.clone(),
                    status,
                    owner: session
                        .outcomes
                        .get(key)
                        .map(|o| o.owner.clone())
                        .unwrap_or_default(),
                }],
                _ => vec![Change::FindingsSettled {
                    keys: keys.clone(),
                    status,
                }],
            })
        }
    }
}

/// The conflict the form describes: a new one (`id` None) or the entered one edited.
fn conflict_from_form(
    values: &Values,
    session: &Session,
    id: Option<ItemId>,
    partner_sets: &[Vec<PartnerId>],
) -> Result<Vec<Change>, String> {
    let description = values.text(FieldId::Description).to_string();
    if description.is_empty() {
        return Err("describe the conflict in a few words".to_string());
    }
    let category = ConflictCategory::ALL
        .get(values.choice(FieldId::Category))
        .copied()
        .unwrap_or(ConflictCategory::Other);
    let severity = Severity::ALL
        .get(values.choice(FieldId::Severity))
        .copied()
        .unwrap_or(Severity::Medium);
    let partners = partner_sets
        .get(values.choice(FieldId::Partners))
        .cloned()
        .unwrap_or_default();
    let owner = values.text(FieldId::Owner).to_string();
    let conflict = match id {
        None => Conflict {
            id: session.fresh_id(),
            origin: ConflictOrigin::Moderator,
            category,
            partners,
            items: Vec::new(),
            description,
            severity,
            status: ConflictStatus::Open,
            owner,
        },
        // Read the rest from the session as it is now, not as it was when the form
        // opened, so nothing else about the conflict is rolled back.
        Some(id) => {
            let old = session.conflict(id).ok_or_else(|| GONE.to_string())?;
            Conflict {
                category,
                partners,
                description,
                severity,
                owner,
                ..old.clone()
            }
        }
    };
    Ok(vec![match id {
        None => Change::ConflictAdded { conflict },
        Some(_) => Change::ConflictEdited { conflict },
    }])
}

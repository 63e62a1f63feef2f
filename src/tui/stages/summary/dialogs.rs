//! The summary's dialogs and editors: the verdict, the text that goes with it, and the
//! action item form. Each returns an `Intent` for the app to open; `submit` turns what
//! was typed into changes.

use chrono::NaiveDate;

use crate::domain::board::BoardEntry;
use crate::domain::verdict::{blocking_deal_breakers, verdict_block};
use crate::domain::{ActionItem, Change, Session, Verdict};
use crate::tui::editor::EditorMode;
use crate::tui::form::Form;
use crate::tui::intent::{Confirm, ConfirmOption, Intent};
use crate::tui::purpose::{FieldId, Purpose, SummaryPurpose, Values};
use crate::tui::widgets::truncate_to_width;

use super::super::text::one_line;

pub(super) const DATE_FORMAT: &str = "%Y-%m-%d";
const DATE_ERROR: &str = "due date must look like 2026-12-01";
const GONE: &str = "this action item was removed meanwhile";
/// Deal-breakers the verdict dialog names one by one; the rest are counted.
const MAX_NAMED_DEAL_BREAKERS: usize = 3;

/// User text as one quoted line, short enough for a dialog.
pub(super) fn quote(text: &str) -> String {
    format!("'{}'", truncate_to_width(&one_line(text), 60))
}

/// A conflict's sentence as one quoted line the dialog wraps. Cut at 60 characters,
/// "Northwind and Globex both claim Bava…" lost the very thing the two collide on; the
/// partners and the subject come first, so `max` keeps them. One deal-breaker is shown
/// in full (up to four lines of the dialog); several share the room, two lines each,
/// so the dialog's keys still fit on an 80×24 screen.
fn quote_sentence(text: &str, max: usize) -> String {
    format!("'{}'", truncate_to_width(&one_line(text), max))
}

/// How much of each named deal-breaker's sentence the verdict dialog shows.
fn sentence_room(named: usize) -> usize {
    if named <= 1 { 240 } else { 120 }
}

/// Reads a typed due date: empty for none, otherwise `YYYY-MM-DD`.
pub(super) fn parse_due(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, DATE_FORMAT)
        .map(Some)
        .map_err(|_| DATE_ERROR.to_string())
}

/// The add form (`existing` = None) or the edit form pre-filled with an action item.
pub(super) fn action_form(existing: Option<&ActionItem>) -> Form {
    let purpose = match existing {
        None => SummaryPurpose::NewAction,
        Some(a) => SummaryPurpose::EditAction(a.id),
    };
    let title = if existing.is_some() {
        "Edit action item"
    } else {
        "New action item"
    };
    let due = existing
        .and_then(|a| a.due)
        .map(|d| d.format(DATE_FORMAT).to_string())
        .unwrap_or_default();
    Form::new(title, Purpose::Summary(purpose))
        .text_field(
            FieldId::Text,
            "What needs to be done",
            existing.map_or("", |a| a.text.as_str()),
        )
        .text_field(
            FieldId::Owner,
            "Owner",
            existing.map_or("", |a| a.owner.as_str()),
        )
        .text_field(FieldId::Due, "Due date (YYYY-MM-DD, or leave empty)", &due)
}

/// Asks for the text that goes with a verdict (the conditions, or the reason for a pass).
fn verdict_note_editor(session: &Session, verdict: Verdict) -> Intent {
    let title = match verdict {
        Verdict::TakeAPass => "Why do the partners take a pass?",
        _ => "On what conditions do the partners proceed?",
    };
    let initial = if session.verdict == Some(verdict) {
        session.verdict_note.clone()
    } else {
        String::new()
    };
    Intent::Edit {
        title: title.to_string(),
        initial,
        mode: EditorMode::MultiLine,
        purpose: Purpose::Summary(SummaryPurpose::VerdictNote(verdict)),
    }
}

/// The verdict dialog. A choice the session does not allow stays listed, marked, and
/// explains itself when chosen, so the room learns why rather than seeing it vanish.
pub(super) fn verdict_confirm(session: &Session, board: &[BoardEntry]) -> Intent {
    let mut lines = vec!["What does the room decide?".to_string()];
    if let Some(current) = session.verdict {
        lines.push(format!("Recorded now: {current}."));
    }
    // The deal-breakers by name, so the room sees what stands in the way of a plain
    // proceed, entered or detected alike.
    let breakers = blocking_deal_breakers(board);
    let room = sentence_room(breakers.len().min(MAX_NAMED_DEAL_BREAKERS));
    for entry in breakers.iter().take(MAX_NAMED_DEAL_BREAKERS) {
        lines.push(format!(
            "✖ Deal-breaker: {}",
            quote_sentence(&entry.description, room)
        ));
    }
    if breakers.len() > MAX_NAMED_DEAL_BREAKERS {
        lines.push(format!(
            "  … and {} more (see the conflict check)",
            breakers.len() - MAX_NAMED_DEAL_BREAKERS
        ));
    }
    // One line per reason: when the gate is undecided every choice shares it.
    let mut reasons: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    for verdict in Verdict::ALL {
        if let Some(why) = verdict_block(session, *verdict) {
            match reasons.iter_mut().find(|(w, _)| *w == why) {
                Some((_, labels)) => labels.push(verdict.label()),
                None => reasons.push((why, vec![verdict.label()])),
            }
        }
    }
    for (why, labels) in &reasons {
        lines.push(format!("Not available ({}): {why}.", labels.join(", ")));
    }
    let keys = [
        (Verdict::Proceed, 'p'),
        (Verdict::ProceedWithConditions, 'c'),
        (Verdict::TakeAPass, 'x'),
    ];
    let options = keys
        .iter()
        .map(|&(verdict, key)| {
            let blocked = verdict_block(session, verdict);
            let label = match blocked {
                Some(_) => format!("{} (not available)", verdict.label()),
                None => verdict.label().to_string(),
            };
            let then = match (blocked, verdict) {
                (Some(why), _) => Intent::Status(format!("Cannot {}: {why}.", verdict.label())),
                (None, Verdict::Proceed) => Intent::Record(vec![Change::VerdictSet {
                    verdict: Some(Verdict::Proceed),
                    note: String::new(),
                }]),
                (None, verdict) => verdict_note_editor(session, verdict),
            };
            ConfirmOption { key, label, then }
        })
        .collect();
    Intent::Confirm(Confirm {
        title: "Verdict".to_string(),
        lines,
        options,
    })
}

/// The question before an action item is deleted, naming it.
pub(super) fn delete_action(action: &ActionItem) -> Intent {
    Intent::Confirm(Confirm::yes_no(
        "Delete action item",
        format!(
            "Delete the action item {}? Undo (u) brings it back.",
            quote(&action.text)
        ),
        Intent::Record(vec![Change::ActionRemoved { id: action.id }]),
    ))
}

/// The changes the summary's editors and forms ask for, by what each was for.
pub fn submit(
    purpose: &SummaryPurpose,
    values: &Values,
    session: &Session,
) -> Result<Vec<Change>, String> {
    match *purpose {
        SummaryPurpose::VerdictNote(verdict) => {
            let note = values.text(FieldId::Text).to_string();
            if note.is_empty() {
                return Err(match verdict {
                    Verdict::TakeAPass => "a pass needs a reason, in the room's words",
                    _ => "name the conditions the partners set",
                }
                .to_string());
            }
            Ok(vec![Change::VerdictSet {
                verdict: Some(verdict),
                note,
            }])
        }
        SummaryPurpose::NewAction | SummaryPurpose::EditAction(_) => {
            let text = values.text(FieldId::Text).to_string();
            if text.is_empty() {
                return Err("say what needs to be done".to_string());
            }
            let owner = values.text(FieldId::Owner).to_string();
            let due = parse_due(values.text(FieldId::Due))?;
            Ok(vec![match *purpose {
                SummaryPurpose::EditAction(id) => {
                    if session.action(id).is_none() {
                        return Err(GONE.to_string());
                    }
                    Change::ActionEdited {
                        action: ActionItem {
                            id,
                            text,
                            owner,
                            due,
                        },
                    }
                }
                _ => Change::ActionAdded {
                    action: ActionItem {
                        id: session.fresh_id(),
                        text,
                        owner,
                        due,
                    },
                },
            }])
        }
    }
}

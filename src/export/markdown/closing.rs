//! The closing parts: agreements, verdict and action items, the decision log, the footer.

use super::escape;
use super::layout::{Align, Doc, Table};
use super::wording::{conflict_check_gap, or_dash, or_placeholder, short_date};
use crate::domain::Verdict;
use crate::domain::board::{BoardEntry, agreements};
use crate::export::Notes;
use crate::export::notes::pass_at_gate;
use crate::export::words::{long_date, note_label, verdict_title};

pub(super) fn summary(doc: &mut Doc, notes: &Notes) {
    let s = notes.session;
    doc.heading(2, "5. Summary");

    doc.heading(3, "Agreements");
    let reached: Vec<(&BoardEntry, &str)> = agreements(&notes.board).collect();
    if reached.is_empty() {
        match conflict_check_gap(s) {
            Some(gap) if pass_at_gate(s).is_some() || s.gate.is_none() => {
                doc.para(&format!("None: {gap}."));
            }
            _ => doc.para("No agreements were recorded."),
        }
    } else {
        let items: Vec<String> = reached
            .iter()
            .enumerate()
            .map(|(n, (entry, agreement))| {
                // Continuation lines line up under the item's text ("1. " or "10. ").
                let indent = " ".repeat(format!("{}. ", n + 1).len());
                let owner = if entry.owner.trim().is_empty() {
                    String::new()
                } else {
                    format!(" · Owner: {}", escape::inline(&entry.owner))
                };
                format!(
                    "{}. {}\\\n{indent}Category: {}{owner}",
                    n + 1,
                    escape::paragraph(agreement, &indent),
                    entry.category.label(),
                )
            })
            .collect();
        doc.list(&items);
    }

    doc.heading(3, "Verdict");
    let note = escape::paragraph(&s.verdict_note, "");
    match s.verdict {
        None => doc.para("No verdict was recorded yet."),
        Some(Verdict::TakeAPass) => {
            let when = if pass_at_gate(s).is_some() {
                " at the vision gate"
            } else {
                ""
            };
            doc.para(&format!(
                "**Take a pass.** The partners decided{when} not to go ahead together. That is a clear result, reached early and in good order."
            ));
            if !note.is_empty() {
                doc.para(&format!("**{}:** {note}", note_label(Verdict::TakeAPass)));
            }
        }
        Some(verdict) => {
            doc.para(&format!("**{}.**", verdict_title(verdict)));
            if !note.is_empty() {
                doc.para(&format!("**{}:** {note}", note_label(verdict)));
            }
        }
    }

    doc.heading(3, "Action items");
    if s.actions.is_empty() {
        doc.para("No action items were recorded.");
        return;
    }
    let mut table = Table::new(&[
        ("#", Align::Right),
        ("Action", Align::Left),
        ("Owner", Align::Left),
        ("Due", Align::Left),
    ]);
    let today = notes.generated.date_naive();
    for (n, action) in s.actions.iter().enumerate() {
        let mut due = action.due.map_or_else(|| "—".to_string(), short_date);
        if action.is_overdue(today) {
            due.push_str(" (overdue)");
        }
        table.row(vec![
            (n + 1).to_string(),
            escape::cell(&action.text),
            or_dash(escape::cell(&action.owner)),
            due,
        ]);
    }
    doc.table(&table);
}

pub(super) fn decision_log(doc: &mut Doc, notes: &Notes) {
    doc.heading(2, "Decision log");
    let log = notes.decision_log();
    if log.is_empty() {
        doc.para("No decisions were recorded.");
        return;
    }
    let day = notes.session.created.date_naive();
    let same_day = log.iter().all(|(at, _)| at.date_naive() == day);
    doc.para(if same_day {
        "Times are UTC."
    } else {
        "Dates and times are UTC."
    });
    let mut table = Table::new(&[("Time", Align::Left), ("Decision", Align::Left)]);
    for (at, sentence) in &log {
        let when = if same_day {
            at.format("%H:%M").to_string()
        } else {
            at.format("%Y-%m-%d %H:%M").to_string()
        };
        table.row(vec![when, escape::cell(sentence)]);
    }
    doc.table(&table);
}

pub(super) fn footer(doc: &mut Doc, notes: &Notes) {
    doc.para("---");
    doc.para(&format!(
        "Notes generated on {} at {} UTC by sameside from session {}.",
        long_date(notes.generated.date_naive()),
        notes.generated.format("%H:%M"),
        or_placeholder(escape::inline(&notes.header.id), "without an id"),
    ));
}

//! Words both documents use the same way: counts, dates and the names of verdicts.

use chrono::NaiveDate;

use crate::domain::{GlossaryEntry, GlossaryKind, Session, Verdict};

/// "1 conflict", "3 conflicts".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "Thursday 12 November 2026".
pub(crate) fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// The text with its first letter in upper case.
pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A verdict as a heading: "Proceed with conditions".
pub(crate) fn verdict_title(verdict: Verdict) -> String {
    capitalise(verdict.label())
}

/// What the note said with a verdict is: the conditions, or the reason for a pass.
pub(crate) fn note_label(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Proceed => "Note",
        Verdict::ProceedWithConditions => "Conditions",
        Verdict::TakeAPass => "Reason",
    }
}

/// What the notes say after a glossary entry's name: where a place lies or whose a
/// product is, then its other names ("in Bavaria; also Allgau"). Plain text: each
/// document escapes it its own way.
pub(crate) fn glossary_detail(session: &Session, entry: &GlossaryEntry) -> String {
    let mut parts = Vec::new();
    match &entry.kind {
        GlossaryKind::Account => {}
        GlossaryKind::Place { within } if within.is_empty() => {}
        GlossaryKind::Place { within } => parts.push(format!("in {}", within.join(", "))),
        GlossaryKind::Product { partner } => {
            parts.push(format!("of {}", session.partner_name(*partner)))
        }
    }
    if !entry.aliases.is_empty() {
        parts.push(format!("also {}", entry.aliases.join(", ")));
    }
    parts.join("; ")
}

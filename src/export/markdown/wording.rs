//! The sentences and phrases the document is written in, built from the session.

use chrono::{DateTime, NaiveDate, Utc};

use super::escape;
use crate::domain::advice::advice_for;
use crate::domain::change::stage_lock;
use crate::domain::tally::Tally;
use crate::domain::{GateDecision, Partner, Raci, Role, Session, Stage, Verdict};
use crate::export::Notes;
use crate::export::notes::pass_at_gate;
use crate::export::words::{long_date, note_label, plural, verdict_title};

pub(super) fn partner_heading(partner: &Partner) -> String {
    or_placeholder(escape::inline(&partner.name), "Unnamed partner")
}

/// Why `stage` was not held, as a clause ("the partners took a pass at the vision
/// gate"), if it was not.
pub(super) fn stage_gap(s: &Session, stage: Stage) -> Option<&'static str> {
    if stage_lock(s, stage).is_none() && s.reached >= stage {
        return None;
    }
    Some(match &s.gate {
        Some(GateDecision::TakeAPass { .. }) => "the partners took a pass at the vision gate",
        None => "the vision gate has not been decided",
        Some(GateDecision::Proceed { .. }) => "the session has not come to it yet",
    })
}

pub(super) fn conflict_check_gap(s: &Session) -> Option<&'static str> {
    stage_gap(s, Stage::Conflicts)
}

/// A section's whole text when its stage was not held.
pub(super) fn not_reached(gap: &str) -> String {
    format!("Not reached: {gap}.")
}

/// Why the conflict board is not shown, if it is not. A board is shown before the room
/// reaches the conflict check when the rules already found something in the role split,
/// but not after a pass (the vision section shows what the rules said there) or before
/// the gate.
pub(super) fn board_hidden(notes: &Notes) -> Option<&'static str> {
    let s = notes.session;
    let gap = conflict_check_gap(s)?;
    let shown = !notes.board.is_empty() && matches!(s.gate, Some(GateDecision::Proceed { .. }));
    (!shown).then_some(gap)
}

/// What kept the gate from passing on its own, for the override sentence.
pub(super) fn gate_shortfall(s: &Session) -> String {
    if s.statement.trim().is_empty() {
        return "No shared statement had been written".to_string();
    }
    let missing: Vec<String> = s
        .partners
        .iter()
        .filter(|p| !p.vision.agreed)
        .map(|p| escape::inline(&p.name))
        .collect();
    if missing.is_empty() {
        "Not every partner had agreed to the shared statement".to_string()
    } else {
        format!(
            "{} had not agreed to the shared statement",
            and_list(&missing)
        )
    }
}

pub(super) fn verdict_line(s: &Session) -> String {
    let Some(verdict) = s.verdict else {
        return "not recorded yet".to_string();
    };
    let label = match verdict {
        Verdict::TakeAPass if pass_at_gate(s).is_some() => {
            "Take a pass, at the vision gate".to_string()
        }
        other => verdict_title(other),
    };
    // Conditions typed on several lines keep them: hard breaks, indented to stay in
    // the "At a glance" bullet this line is written into.
    let note = escape::paragraph(&s.verdict_note, "  ");
    if note.is_empty() {
        format!("{label}.")
    } else {
        format!("{label}. {}: {note}", note_label(verdict))
    }
}

pub(super) fn readiness_line(r: &Tally) -> String {
    let total = r.on_board();
    let mut line = if total == 0 {
        "no conflicts to decide".to_string()
    } else {
        format!(
            "{} of {} decided ({}%)",
            r.decided(),
            plural(total, "conflict", "conflicts"),
            r.percent_decided()
        )
    };
    match r.dismissed() {
        0 => {}
        1 => line.push_str("; 1 more dismissed as not a conflict"),
        n => line.push_str(&format!("; {n} more dismissed as not conflicts")),
    }
    line
}

pub(super) fn open_line(r: &Tally) -> String {
    let mut line = r.outcomes.open_summary();
    if r.parked() > 0 {
        line.push_str(&format!(", {} parked for a later meeting", r.parked()));
    }
    match r.deal_breakers() {
        0 => {}
        1 => line.push_str("; 1 deal-breaker stands"),
        n => line.push_str(&format!("; {n} deal-breakers stand")),
    }
    line
}

pub(super) fn actions_line(s: &Session, today: NaiveDate) -> String {
    if s.actions.is_empty() {
        return "none".to_string();
    }
    let n = s.actions.len();
    let mut line = match s.actions.iter().filter_map(|a| a.due).min() {
        Some(due) if n == 1 => format!("1, due {}", long_date(due)),
        Some(due) => format!("{n}, the first due {}", long_date(due)),
        None => n.to_string(),
    };
    match s.actions.iter().filter(|a| a.is_overdue(today)).count() {
        0 => {}
        overdue => line.push_str(&format!(" ({overdue} overdue)")),
    }
    line
}

/// What the check column says about a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RoleCheck {
    Clear,
    /// Nobody accountable, or more than one: a conflict to settle.
    Problem,
    /// One partner accountable and nobody marked responsible: a question, not a conflict.
    Advice,
}

/// The check column of the role split, in the words the wall uses.
pub(super) fn role_check(s: &Session, role: &Role) -> (String, RoleCheck) {
    let accountable = role
        .raci
        .values()
        .filter(|l| **l == Raci::Accountable)
        .count();
    match accountable {
        0 => ("nobody accountable".to_string(), RoleCheck::Problem),
        1 if advice_for(s, role).is_some() => ("? no one marked R".to_string(), RoleCheck::Advice),
        1 => ("ok".to_string(), RoleCheck::Clear),
        n => (format!("{n} accountable"), RoleCheck::Problem),
    }
}

pub(super) fn raci_gloss(letter: Raci) -> &'static str {
    match letter {
        Raci::Responsible => " (does the work)",
        Raci::Accountable => " (answers for it; one partner per role)",
        Raci::Consulted => " (asked before decisions)",
        Raci::Informed => " (told afterwards)",
    }
}

pub(super) fn difference(planned: u64, actual: u64) -> String {
    match actual.cmp(&planned) {
        std::cmp::Ordering::Equal => "on time".to_string(),
        std::cmp::Ordering::Greater => format!("{} min over", actual - planned),
        std::cmp::Ordering::Less => format!("{} min under", planned - actual),
    }
}

pub(super) fn span(from: DateTime<Utc>, to: DateTime<Utc>) -> String {
    if from.date_naive() == to.date_naive() {
        format!(
            "{}, {}–{} UTC",
            long_date(from.date_naive()),
            from.format("%H:%M"),
            to.format("%H:%M")
        )
    } else {
        format!(
            "{}, {} UTC to {}, {} UTC",
            long_date(from.date_naive()),
            from.format("%H:%M"),
            long_date(to.date_naive()),
            to.format("%H:%M")
        )
    }
}

pub(super) fn short_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// "A", "A and B", "A, B and C".
pub(super) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

pub(super) fn list_or_dash<S: AsRef<str>>(items: &[S]) -> String {
    if items.is_empty() {
        "—".to_string()
    } else {
        items
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

pub(super) fn or_dash(text: String) -> String {
    or_placeholder(text, "—")
}

pub(super) fn or_placeholder(text: String, placeholder: &str) -> String {
    if text.is_empty() {
        placeholder.to_string()
    } else {
        text
    }
}

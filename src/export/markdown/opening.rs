//! The opening parts: the title and facts, the partners, the overview at a glance and
//! the time per stage.

use super::escape;
use super::layout::{Align, Doc, Table};
use super::wording::{
    actions_line, board_hidden, difference, open_line, or_placeholder, partner_heading,
    readiness_line, span, verdict_line,
};
use crate::domain::tally::{Tally, TimeTally};
use crate::domain::{Session, Stage};
use crate::export::Notes;

pub(super) fn front_matter(doc: &mut Doc, notes: &Notes) {
    let s = notes.session;
    doc.heading(
        1,
        &or_placeholder(escape::inline(&s.title), "Partnership session"),
    );
    let mut facts = vec![
        format!("**Date:** {}", span(s.created, s.updated)),
        format!(
            "**Moderator:** {}",
            or_placeholder(escape::inline(&s.moderator), "not recorded")
        ),
        format!("**Partnership type:** {}", escape::inline(&s.kind.label())),
    ];
    if s.reached < Stage::Summary {
        facts.push(format!(
            "**Stage reached:** {} (the session is not finished)",
            s.reached.label()
        ));
    }
    if let Some(earlier) = &notes.header.continued_from {
        facts.push(format!(
            "**Follows up:** session {}",
            escape::inline(earlier)
        ));
    }
    doc.bullets(&facts);
}

pub(super) fn partners(doc: &mut Doc, s: &Session) {
    doc.heading(2, "Partners");
    for partner in &s.partners {
        doc.heading(3, &partner_heading(partner));
        if !partner.brings.trim().is_empty() {
            doc.para(&format!(
                "**Brings:** {}",
                escape::paragraph(&partner.brings, "")
            ));
        }
        if partner.representatives.is_empty() {
            doc.para("No representatives were recorded.");
            continue;
        }
        doc.para("**In the room:**");
        let people: Vec<String> = partner
            .representatives
            .iter()
            .map(|r| {
                format!(
                    "{} — {}",
                    or_placeholder(escape::inline(&r.name), "unnamed"),
                    r.function
                )
            })
            .collect();
        doc.bullets(&people);
    }
}

pub(super) fn at_a_glance(doc: &mut Doc, notes: &Notes, readiness: &Tally) {
    let s = notes.session;
    doc.heading(2, "At a glance");
    let mut lines = vec![format!("**Verdict:** {}", verdict_line(s))];
    match board_hidden(notes) {
        Some(gap) => lines.push(format!("**Conflict check:** not reached; {gap}.")),
        None => {
            lines.push(format!("**Readiness:** {}", readiness_line(readiness)));
            lines.push(format!(
                "**Agreements:** {}",
                match readiness.agreements {
                    0 => "none yet".to_string(),
                    1 => "1 reached".to_string(),
                    n => format!("{n} reached"),
                }
            ));
            lines.push(format!("**Open conflicts:** {}", open_line(readiness)));
        }
    }
    lines.push(format!(
        "**Action items:** {}",
        actions_line(s, notes.generated.date_naive())
    ));
    doc.bullets(&lines);
}

pub(super) fn time(doc: &mut Doc, s: &Session) {
    doc.heading(2, "Time");
    let mut table = Table::new(&[
        ("Stage", Align::Left),
        ("Planned", Align::Right),
        ("Actual", Align::Right),
        ("Difference", Align::Left),
    ]);
    // The plan counts only the stages that were held (see `TimeTally`).
    let time = TimeTally::of(s);
    for stage in &time.stages {
        let (actual, difference) = match stage.actual {
            None => ("—".to_string(), "not reached".to_string()),
            Some(actual) => (format!("{actual} min"), difference(stage.timebox, actual)),
        };
        table.row(vec![
            stage.stage.label().to_string(),
            format!("{} min", stage.timebox),
            actual,
            difference,
        ]);
    }
    table.row(vec![
        "**Total**".to_string(),
        format!("{} min", time.planned),
        format!("{} min", time.actual),
        difference(time.planned, time.actual),
    ]);
    doc.table(&table);
    if time.any_skipped() {
        doc.para("The total leaves out the stages that were not reached.");
    }
}

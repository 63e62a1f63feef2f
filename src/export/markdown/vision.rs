//! The market vision (stage 1): the statement, each partner's view and stance, and the gate.

use super::escape;
use super::layout::{Align, Doc, Table};
use super::wording::{board_hidden, gate_shortfall, or_placeholder, partner_heading};
use crate::domain::detect::Rule;
use crate::export::{GateOutcome, Notes};

pub(super) fn vision(doc: &mut Doc, notes: &Notes) {
    let s = notes.session;
    doc.heading(2, "1. Market vision");
    doc.heading(3, "The shared statement");
    if s.statement.trim().is_empty() {
        doc.para("No shared statement was written.");
    } else {
        doc.para(&format!("> {}", escape::paragraph(&s.statement, "> ")));
    }

    doc.heading(3, "Each partner's view");
    for partner in &s.partners {
        doc.heading(4, &partner_heading(partner));
        let v = &partner.vision;
        doc.para(&format!(
            "**Their view:** {}",
            or_placeholder(escape::paragraph(&v.view, ""), "not recorded")
        ));
        doc.para(&format!(
            "**Why not alone:** {}",
            or_placeholder(escape::paragraph(&v.why_not_alone, ""), "not recorded")
        ));
    }

    doc.heading(3, "Where the partners stand");
    let mut table = Table::new(&[
        ("Partner", Align::Left),
        ("Alignment", Align::Center),
        ("Stance", Align::Left),
        ("Agrees to the statement", Align::Left),
    ]);
    for partner in &s.partners {
        let v = &partner.vision;
        table.row(vec![
            escape::cell(&partner.name),
            v.alignment
                .map_or_else(|| "not rated".to_string(), |n| format!("{n} of 5")),
            v.stance
                .map_or_else(|| "not stated".to_string(), |st| st.label().to_string()),
            if v.agreed { "yes" } else { "no" }.to_string(),
        ]);
    }
    doc.table(&table);
    doc.para("Alignment runs from 1 (far apart) to 5 (fully aligned with the statement).");

    // The rules that read the vision explain a pass better than any summary could, so
    // they are shown here even when the conflict check was never held.
    let gaps: Vec<String> = notes
        .board
        .iter()
        .filter(|e| e.rule() == Some(Rule::VisionGap))
        .map(|e| {
            let description = escape::paragraph(&e.description, "  ");
            if board_hidden(notes).is_some() {
                format!("{description} ({})", e.severity)
            } else {
                format!("{description} ({}, {})", e.severity, e.status.label())
            }
        })
        .collect();
    if !gaps.is_empty() {
        doc.para("**Where their answers differ**, as the rules read them:");
        doc.bullets(&gaps);
    }

    doc.heading(3, "The vision gate");
    match notes.gate() {
        GateOutcome::Open => doc.para("**Not decided.** The session has not reached a decision at the gate."),
        GateOutcome::Passed { drift } => match drift {
            None => doc.para(
                "**Passed.** Every partner agreed to the shared statement, and the room went on to the role split.",
            ),
            Some(drift) => doc.para(&format!(
                "**Passed, no longer agreed.** {} The room went on to the role split.",
                escape::inline(&drift)
            )),
        },
        GateOutcome::Overridden { reason, drift } => {
            doc.para(&format!(
                "**Overridden by the moderator.** {}, and the moderator took the room on to the role split.",
                gate_shortfall(s)
            ));
            doc.para(&format!(
                "**The moderator's reason:** {}",
                escape::paragraph(reason, "")
            ));
            if let Some(drift) = drift {
                doc.para(&escape::inline(&drift));
            }
        }
        GateOutcome::TookAPass { reason } => {
            doc.para(
                "**The partners took a pass.** They decided not to pursue this opportunity together.",
            );
            doc.para(&format!("**Their reason:** {}", escape::paragraph(reason, "")));
            doc.para(
                "Taking a pass at the gate is a sound outcome: the partners found out early, before investing in roles and terms, that they do not share a vision worth building on together. The role split, the self-interests and the conflict check were therefore not held.",
            );
        }
    }
}

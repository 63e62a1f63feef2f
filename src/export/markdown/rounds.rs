//! The sealed rounds: each round's question and outcome, and once revealed its answers.

use super::escape;
use super::layout::{Align, Doc, Table};
use crate::domain::Session;
use crate::domain::rounds::RoundKind;
use crate::export::rounds::round_notes;

pub(super) fn rounds(doc: &mut Doc, s: &Session) {
    // Only sessions that held a round have the section.
    if s.rounds.is_empty() {
        return;
    }
    doc.heading(2, "Sealed rounds");
    doc.para(
        "Each person answered on their own; nobody saw an answer until all were revealed together.",
    );
    for round in round_notes(s) {
        doc.heading(3, &round.title);
        doc.para(&format!("Question: {}", escape::inline(round.prompt)));
        doc.para(&round.outcome);
        if round.partners.is_empty() {
            continue;
        }
        if round.kind == RoundKind::Interests {
            let counts: Vec<String> = round
                .partners
                .iter()
                .map(|p| {
                    format!(
                        "{}: {}",
                        escape::inline(&s.partner_name(p.partner)),
                        p.interests
                    )
                })
                .collect();
            doc.para(&format!(
                "The interests given are listed under their partners in section 3 ({}).",
                counts.join(", ")
            ));
            continue;
        }
        let mut table = Table::new(&[
            ("Partner", Align::Left),
            ("Answer", Align::Left),
            ("By", Align::Left),
        ]);
        for partner in &round.partners {
            let name = escape::cell(&s.partner_name(partner.partner));
            if let Some(mean) = &partner.mean {
                table.row(vec![name.clone(), mean.clone(), String::new()]);
            }
            if partner.answers.is_empty() {
                table.row(vec![name.clone(), "no answer".to_string(), String::new()]);
            }
            for (answer, by) in &partner.answers {
                table.row(vec![name.clone(), escape::cell(answer), escape::cell(by)]);
            }
        }
        doc.table(&table);
    }
}

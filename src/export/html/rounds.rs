//! The sealed rounds: each round's question and outcome, and once revealed its answers.

use super::page::Page;
use crate::domain::rounds::RoundKind;
use crate::export::rounds::round_notes;

impl Page<'_, '_> {
    pub(super) fn sealed_rounds(&mut self) {
        let s = self.s;
        // Only sessions that held a round have the section.
        if s.rounds.is_empty() {
            return;
        }
        self.section("rounds", "Sealed rounds");
        self.para(
            "",
            "Each person answered on their own; nobody saw an answer until all were revealed together.",
        );
        for round in round_notes(s) {
            self.raw("<h3>");
            self.esc(&round.title);
            self.raw("</h3>\n<p>Question: ");
            self.user(round.prompt);
            self.raw("</p>\n");
            self.para("", &round.outcome);
            if round.partners.is_empty() {
                continue;
            }
            if round.kind == RoundKind::Interests {
                self.raw("<p>The interests given are listed under their partners in section 3: ");
                for (n, partner) in round.partners.iter().enumerate() {
                    if n > 0 {
                        self.raw(", ");
                    }
                    self.partner(partner.partner);
                    self.esc(&format!(" {}", partner.interests));
                }
                self.raw(".</p>\n");
                continue;
            }
            self.raw("<table class=\"rounds\">\n<thead><tr><th scope=\"col\">Partner</th><th scope=\"col\">Answer</th><th scope=\"col\">By</th></tr></thead>\n<tbody>\n");
            for partner in &round.partners {
                let mut rows: Vec<(String, String, bool)> = Vec::new();
                if let Some(mean) = &partner.mean {
                    rows.push((mean.clone(), String::new(), false));
                }
                if partner.answers.is_empty() {
                    rows.push(("no answer".to_string(), String::new(), false));
                }
                rows.extend(
                    partner
                        .answers
                        .iter()
                        .map(|(a, b)| (a.clone(), b.clone(), true)),
                );
                for (answer, by, typed) in rows {
                    self.raw("<tr><td>");
                    self.partner(partner.partner);
                    self.raw("</td><td>");
                    if typed {
                        self.user(&answer);
                    } else {
                        self.esc(&answer);
                    }
                    self.raw("</td><td>");
                    self.user(&by);
                    self.raw("</td></tr>\n");
                }
            }
            self.raw("</tbody>\n</table>\n");
        }
        self.end_section();
    }
}

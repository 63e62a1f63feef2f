//! The self-interests (stage 3): each partner's interests by category, and which
//! functions spoke.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::page::Page;
use crate::domain::{Function, PartnerId, Stage};
use crate::export::notes::interests_by_category;

impl Page<'_, '_> {
    pub(super) fn self_interests(&mut self) {
        let s = self.s;
        if !self.stage_section("interests", Stage::Interests) {
            return;
        }
        for p in &s.partners {
            self.raw("<h3>");
            self.partner(p.id);
            self.raw("</h3>\n");
            let groups = interests_by_category(s, p.id);
            if groups.is_empty() {
                self.missing_para("No interests disclosed.");
            } else {
                self.raw("<table class=\"interests\">\n<thead><tr><th scope=\"col\">Category</th><th scope=\"col\">Interest</th><th scope=\"col\">Weight</th><th scope=\"col\">Put forward by</th></tr></thead>\n<tbody>\n");
                for (category, items) in groups {
                    for (n, i) in items.iter().enumerate() {
                        self.raw("<tr>");
                        if n == 0 {
                            let _ = write!(
                                self.out,
                                "<th scope=\"rowgroup\" rowspan=\"{}\">",
                                items.len()
                            );
                            self.esc(category.label());
                            self.raw("</th>");
                        }
                        self.raw("<td>");
                        self.user_or(&i.statement, "not worded");
                        let weight_class = match i.weight {
                            crate::domain::Weight::NonNegotiable => "w-hard",
                            crate::domain::Weight::Important => "w-firm",
                            crate::domain::Weight::Negotiable => "w-soft",
                        };
                        let _ = writeln!(
                            self.out,
                            "</td><td><span class=\"{weight_class}\">{}</span></td><td>{}</td></tr>",
                            i.weight.label(),
                            i.function.label()
                        );
                    }
                }
                self.raw("</tbody>\n</table>\n");
            }
            self.coverage(p.id);
        }
        self.end_section();
    }

    /// Which of a partner's functions in the room put interests on the table: the method
    /// asks for interests from all through the organisation, not only from the top.
    pub(super) fn coverage(&mut self, partner: PartnerId) {
        let present = self.s.present_functions(partner);
        let disclosed = self.s.disclosed_functions(partner);
        let names =
            |set: &BTreeSet<Function>| set.iter().map(|f| f.label()).collect::<Vec<_>>().join(", ");
        let spoke: BTreeSet<Function> = present.intersection(&disclosed).copied().collect();
        let silent: BTreeSet<Function> = present.difference(&disclosed).copied().collect();
        let absent: BTreeSet<Function> = disclosed.difference(&present).copied().collect();
        let mut words = if present.is_empty() {
            "Coverage: no representatives were recorded.".to_string()
        } else {
            format!(
                "Coverage: {} of {} functions in the room disclosed interests",
                spoke.len(),
                present.len()
            )
        };
        if !present.is_empty() {
            if silent.is_empty() {
                words.push('.');
            } else {
                let _ = write!(words, "; silent: {}.", names(&silent));
            }
        }
        if !absent.is_empty() {
            let _ = write!(
                words,
                " Also put forward for functions not in the room: {}.",
                names(&absent)
            );
        }
        let class = if silent.is_empty() && !present.is_empty() {
            "coverage"
        } else {
            "coverage gap"
        };
        self.para(class, &words);
    }
}

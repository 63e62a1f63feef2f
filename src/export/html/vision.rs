//! The market vision (stage 1): the shared statement, where each partner stands, and the gate.

use std::fmt::Write as _;

use super::page::Page;
use crate::domain::Stage;
use crate::domain::change::gate_missing;
use crate::export::GateOutcome;

impl Page<'_, '_> {
    pub(super) fn vision(&mut self) {
        let s = self.s;
        self.section("vision", &Self::section_title(Stage::Vision));
        self.raw("<h3>Shared statement</h3>\n");
        if s.statement.trim().is_empty() {
            self.missing_para("No shared statement was written.");
        } else {
            self.raw("<blockquote class=\"statement\"><p>");
            self.user(&s.statement);
            self.raw("</p></blockquote>\n");
        }

        self.raw("<h3>Where each partner stands</h3>\n");
        self.alignment_chart();
        self.raw("<table class=\"stances\">\n<thead><tr><th scope=\"col\">Partner</th><th scope=\"col\" class=\"num\">Alignment</th><th scope=\"col\">Stance</th><th scope=\"col\">Agreed to the statement</th></tr></thead>\n<tbody>\n");
        for p in &s.partners {
            self.raw("<tr><th scope=\"row\">");
            self.partner(p.id);
            self.raw("</th><td class=\"num\">");
            match p.vision.alignment {
                Some(n) => {
                    let _ = write!(self.out, "{n} of 5");
                }
                None => self.missing("not scored"),
            }
            self.raw("</td><td>");
            match p.vision.stance {
                Some(stance) => self.esc(stance.label()),
                None => self.missing("not said"),
            }
            self.raw("</td><td>");
            if p.vision.agreed {
                self.raw("<span class=\"ok\">✓ agreed</span>");
            } else {
                self.raw("<span class=\"warn\">✗ did not agree</span>");
            }
            self.raw("</td></tr>\n");
        }
        self.raw("</tbody>\n</table>\n");

        for p in &s.partners {
            let class = self.colour_class(p.id);
            let _ = write!(self.out, "<div class=\"view{class}\">\n<h4>");
            self.partner(p.id);
            self.raw("</h4>\n<dl class=\"facts\">\n");
            self.fact("Its view of the opportunity");
            self.user_or(&p.vision.view, "not recorded");
            self.end_fact();
            self.fact("Why not alone");
            self.user_or(&p.vision.why_not_alone, "not recorded");
            self.end_fact();
            self.raw("</dl>\n</div>\n");
        }

        self.raw("<h3>Vision gate</h3>\n");
        match self.notes.gate() {
            GateOutcome::Open => {
                self.raw(
                    "<div class=\"gate gate-open\">\n<p class=\"gate-head\">Not decided</p>\n",
                );
                if let Some(missing) = gate_missing(s) {
                    self.raw("<p>Still missing for a plain “proceed”: ");
                    self.user(&missing);
                    self.raw(".</p>\n");
                }
                self.raw("</div>\n");
            }
            GateOutcome::Passed { drift } => match drift {
                None => self.raw("<div class=\"gate gate-proceed\">\n<p class=\"gate-head\">Proceed</p>\n<p>Every partner agreed to the shared statement, and the room went on to the role split.</p>\n</div>\n"),
                Some(drift) => {
                    self.raw("<div class=\"gate gate-override\">\n<p class=\"gate-head\">Proceed, no longer agreed</p>\n<p>");
                    self.esc(&drift);
                    self.raw(" The room went on to the role split.</p>\n</div>\n");
                }
            },
            GateOutcome::Overridden { reason, drift } => {
                self.raw("<div class=\"gate gate-override\">\n<p class=\"gate-head\">Proceed by moderator override</p>\n<p><span class=\"label\">Reason</span> ");
                self.user_or(reason, "not given");
                self.raw("</p>\n");
                if let Some(missing) = gate_missing(s) {
                    self.raw("<p><span class=\"label\">Still missing</span> ");
                    self.user(&missing);
                    self.raw("</p>\n");
                }
                if let Some(drift) = drift {
                    self.raw("<p>");
                    self.esc(&drift);
                    self.raw("</p>\n");
                }
                self.raw("</div>\n");
            }
            GateOutcome::TookAPass { reason } => {
                self.raw("<div class=\"gate gate-pass\">\n<p class=\"gate-head\">The partners took a pass</p>\n<p><span class=\"label\">Reason</span> ");
                self.user_or(reason, "not given");
                self.raw("</p>\n<p>The later stages were not held. Learning this before roles, interests and terms were negotiated saves both sides a negotiation that would not have led to a partnership.</p>\n</div>\n");
            }
        }
        self.end_section();
    }
}

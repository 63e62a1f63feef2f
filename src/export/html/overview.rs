//! The top of the page: the head with the partners, the contents, the overview at a glance
//! and the time per stage.

use std::fmt::Write as _;

use super::page::Page;
use super::text::duration;
use crate::domain::tally::{Tally as Counts, TimeTally};
use crate::domain::{Stage, Verdict};
use crate::export::words::{long_date, note_label, plural, verdict_title};

impl Page<'_, '_> {
    pub(super) fn head(&mut self) {
        let s = self.s;
        self.raw(
            "<header class=\"doc-head\">\n<p class=\"kicker\">Partnership session notes</p>\n<h1>",
        );
        self.user(&s.title);
        self.raw("</h1>\n<dl class=\"meta\">\n");
        self.fact("Date");
        self.esc(&long_date(s.created.date_naive()));
        self.end_fact();
        self.fact("Time");
        let span = if s.created.date_naive() == s.updated.date_naive() {
            format!(
                "{}–{} UTC",
                s.created.format("%H:%M"),
                s.updated.format("%H:%M")
            )
        } else {
            format!(
                "{} – {} UTC",
                s.created.format("%-d %b %H:%M"),
                s.updated.format("%-d %b %Y %H:%M")
            )
        };
        self.esc(&span);
        self.end_fact();
        self.fact("Moderator");
        self.user_or(&s.moderator, "not recorded");
        self.end_fact();
        self.fact("Partnership type");
        self.user(&s.kind.label());
        self.end_fact();
        self.fact("Outcome");
        let outcome = match (self.notes.pass_at_gate(), s.verdict) {
            (Some(_), _) => "Pass taken at the vision gate".to_string(),
            (None, Some(v)) => format!("Verdict: {v}"),
            (None, None) => format!(
                "In progress: reached step {} of 5, {}",
                s.reached.number(),
                s.reached.label().to_lowercase()
            ),
        };
        self.esc(&outcome);
        self.end_fact();
        if let Some(earlier) = &self.notes.header.continued_from {
            self.fact("Follow-up to");
            self.user(earlier);
            self.end_fact();
        }
        self.raw("</dl>\n<div class=\"partners\">\n");
        for p in &s.partners {
            let class = self.colour_class(p.id);
            let _ = write!(
                self.out,
                "<div class=\"partner{class}\">\n<p class=\"pname\"><span class=\"sw{class}\" aria-hidden=\"true\"></span>"
            );
            self.user(&p.name);
            self.raw("</p>\n<p class=\"brings\"><span class=\"label\">Brings</span> ");
            self.user_or(&p.brings, "not recorded");
            self.raw("</p>\n");
            if p.representatives.is_empty() {
                self.raw("<p class=\"reps-none\">");
                self.missing("No representatives recorded");
                self.raw("</p>\n");
            } else {
                self.raw("<ul class=\"reps\">\n");
                for r in &p.representatives {
                    self.raw("<li>");
                    self.user(&r.name);
                    self.raw(" <span class=\"fn\">");
                    self.esc(r.function.label());
                    self.raw("</span></li>\n");
                }
                self.raw("</ul>\n");
            }
            self.raw("</div>\n");
        }
        self.raw("</div>\n</header>\n");
    }

    pub(super) fn contents(&mut self) {
        let mut entries: Vec<(&str, String, Option<Stage>)> = vec![
            ("glance", "At a glance".into(), None),
            ("time", "Time per stage".into(), None),
            ("vision", Self::section_title(Stage::Vision), None),
            (
                "roles",
                Self::section_title(Stage::Roles),
                Some(Stage::Roles),
            ),
            (
                "interests",
                Self::section_title(Stage::Interests),
                Some(Stage::Interests),
            ),
            (
                "conflicts",
                Self::section_title(Stage::Conflicts),
                Some(Stage::Conflicts),
            ),
            ("agreements", "Agreements".into(), None),
            ("verdict", "Verdict".into(), None),
            ("actions", "Action items".into(), None),
            ("log", "Decision log".into(), None),
        ];
        // The glossary has a section only when the room named something.
        if !self.s.glossary.is_empty() {
            let after = entries
                .iter()
                .position(|e| e.0 == "conflicts")
                .map_or(0, |i| i + 1);
            entries.insert(after, ("glossary", "Glossary".into(), None));
        }
        // The sealed rounds, only when the room held one, before the agreements.
        if !self.s.rounds.is_empty() {
            let before = entries
                .iter()
                .position(|e| e.0 == "agreements")
                .unwrap_or(entries.len());
            entries.insert(before, ("rounds", "Sealed rounds".into(), None));
        }
        self.raw("<nav class=\"toc\" aria-label=\"Contents\">\n<p class=\"toc-title\">Contents</p>\n<ul>\n");
        for (id, label, stage) in &entries {
            let _ = write!(self.out, "<li><a href=\"#{id}\">");
            self.esc(label);
            self.raw("</a>");
            if stage.is_some_and(|st| !self.reached(st)) {
                self.raw(" <span class=\"missing\">(not reached)</span>");
            }
            self.raw("</li>\n");
        }
        self.raw("</ul>\n</nav>\n");
    }

    pub(super) fn glance(&mut self) {
        let s = self.s;
        self.section("glance", "At a glance");
        // A pass at the gate is the verdict, whatever the verdict field says.
        let verdict = match self.notes.pass_at_gate() {
            Some(_) => Some(Verdict::TakeAPass),
            None => s.verdict,
        };
        let (class, label, note_label) = match verdict {
            Some(v) => {
                let class = match v {
                    Verdict::Proceed => "v-proceed",
                    Verdict::ProceedWithConditions => "v-conditions",
                    Verdict::TakeAPass => "v-pass",
                };
                (class, verdict_title(v), note_label(v))
            }
            None => ("v-none", "No verdict yet".to_string(), "Note"),
        };
        let _ = write!(
            self.out,
            "<div class=\"verdict-box {class}\">\n<p class=\"verdict-label\">Verdict</p>\n<p class=\"verdict-value\">"
        );
        self.esc(&label);
        self.raw("</p>\n");
        let note = match self.notes.pass_at_gate() {
            Some(reason) => reason,
            None => s.verdict_note.as_str(),
        };
        if !note.trim().is_empty() {
            self.raw("<p class=\"verdict-note\"><span class=\"label\">");
            self.esc(note_label);
            self.raw("</span> ");
            self.user(note);
            self.raw("</p>\n");
        }
        if self.notes.pass_at_gate().is_some() {
            self.para(
                "verdict-note",
                "The partners found at the vision gate that they do not share an opportunity worth pursuing together. Stopping there, before roles and interests were negotiated, is a sound result of the method.",
            );
        }
        self.raw("</div>\n");

        let readiness = Counts::of(&self.notes.board);
        let reps: usize = s.partners.iter().map(|p| p.representatives.len()).sum();
        let agreed = readiness.agreements;
        // Only figures for stages the room held: a template's roles or an untouched
        // conflict board say nothing about a session that ended at the gate.
        let mut stats: Vec<(usize, &str)> =
            vec![(s.partners.len(), "partners"), (reps, "representatives")];
        if self.reached(Stage::Roles) {
            stats.push((s.roles.len(), "roles"));
        }
        if self.reached(Stage::Interests) {
            stats.push((s.interests.len(), "interests disclosed"));
        }
        if self.reached(Stage::Conflicts) {
            stats.push((readiness.on_board(), "conflicts on the board"));
            stats.push((readiness.open(), "still open"));
            stats.push((agreed, "agreements"));
        }
        stats.push((s.actions.len(), "action items"));
        self.raw("<dl class=\"stats\">\n");
        for (n, label) in stats {
            let _ = writeln!(self.out, "<div><dt>{label}</dt><dd>{n}</dd></div>");
        }
        self.raw("</dl>\n");

        self.raw("<p class=\"readiness\"><span class=\"label\">Readiness</span> ");
        if !self.reached(Stage::Conflicts) {
            self.esc("The conflict check was not held.");
        } else if readiness.on_board() == 0 {
            self.esc("No conflicts on the board.");
        } else {
            let mut words = format!(
                "{}% of the {} decided; {}",
                readiness.percent_decided(),
                plural(readiness.on_board(), "conflict", "conflicts"),
                readiness.outcomes.open_summary()
            );
            if readiness.parked() > 0 {
                let _ = write!(words, ", {} parked", readiness.parked());
            }
            if readiness.deal_breakers() > 0 {
                let _ = write!(
                    words,
                    ", {}",
                    plural(readiness.deal_breakers(), "deal-breaker", "deal-breakers")
                );
            }
            if readiness.dismissed() > 0 {
                let _ = write!(words, "; {} dismissed", readiness.dismissed());
            }
            words.push('.');
            self.esc(&words);
        }
        self.raw("</p>\n");
        let time = TimeTally::of(s);
        let (spent, planned) = (time.actual, time.planned);
        self.raw("<p class=\"readiness\"><span class=\"label\">Time</span> ");
        self.esc(&format!(
            "{} spent of {} planned.",
            duration(spent),
            duration(planned)
        ));
        self.raw("</p>\n");
        self.end_section();
    }

    pub(super) fn timing(&mut self) {
        let time = TimeTally::of(self.s);
        self.section("time", "Time per stage");
        self.raw("<table class=\"timing\">\n<thead><tr><th scope=\"col\">Stage</th><th scope=\"col\" class=\"num\">Planned</th><th scope=\"col\" class=\"num\">Actual</th><th scope=\"col\">Against plan</th></tr></thead>\n<tbody>\n");
        for row in time.stages {
            let (stage, planned) = (row.stage, row.timebox);
            self.raw("<tr><th scope=\"row\">");
            self.esc(&Self::section_title(stage));
            let _ = write!(
                self.out,
                "</th><td class=\"num\">{planned} min</td><td class=\"num\">"
            );
            let Some(actual) = row.actual else {
                self.raw("—</td><td><span class=\"missing\">not reached</span></td></tr>\n");
                continue;
            };
            let _ = write!(self.out, "{actual} min</td><td>");
            let words = match actual.cmp(&planned) {
                std::cmp::Ordering::Greater => format!("{} over", duration(actual - planned)),
                std::cmp::Ordering::Less => format!("{} under", duration(planned - actual)),
                std::cmp::Ordering::Equal => "on time".to_string(),
            };
            let class = if actual > planned { "over" } else { "under" };
            let _ = write!(self.out, "<span class=\"{class}\">");
            self.esc(&words);
            self.raw("</span></td></tr>\n");
        }
        let (planned, actual) = (time.planned, time.actual);
        let _ = write!(
            self.out,
            "</tbody>\n<tfoot><tr><th scope=\"row\">Total</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td></td></tr></tfoot>\n</table>\n",
            duration(planned),
            duration(actual)
        );
        self.end_section();
    }
}

//! The closing parts: agreements, verdict, action items, decision log and footer.

use std::fmt::Write as _;

use super::page::Page;
use super::text::short_date;
use crate::domain::board::{BoardEntry, agreements};
use crate::export::words::{note_label, verdict_title};

impl Page<'_, '_> {
    pub(super) fn agreement_list(&mut self) {
        self.section("agreements", "Agreements");
        let list: Vec<(&BoardEntry, &str)> = agreements(&self.notes.board).collect();
        if list.is_empty() {
            let words = if self.notes.pass_at_gate().is_some() {
                "None: the session ended at the vision gate, before terms were discussed."
            } else {
                "No agreements were recorded."
            };
            self.para("not-reached", words);
        } else {
            self.raw("<ol class=\"agreements\">\n");
            for (e, text) in list {
                self.raw("<li>\n<p class=\"agreement\">");
                self.user_or(text, "agreement not worded");
                self.raw("</p>\n<p class=\"aside\">On: ");
                self.user_or(&e.description, "not described");
                let _ = write!(
                    self.out,
                    " <span class=\"cat\">({})</span>",
                    e.category.label()
                );
                if !e.owner.trim().is_empty() {
                    self.raw(" · Owner: ");
                    self.user(&e.owner);
                }
                self.raw("</p>\n</li>\n");
            }
            self.raw("</ol>\n");
        }
        self.end_section();
    }

    pub(super) fn verdict(&mut self) {
        let s = self.s;
        self.section("verdict", "Verdict");
        match (self.notes.pass_at_gate(), s.verdict) {
            (Some(reason), _) => {
                self.raw("<p class=\"verdict-line\"><strong>Take a pass</strong>, decided at the vision gate.</p>\n<p><span class=\"label\">Reason</span> ");
                self.user_or(reason, "not given");
                self.raw("</p>\n<p>Both sides leave with a clear answer and without commitments. Nothing here stands in the way of meeting again if the circumstances change.</p>\n");
            }
            (None, Some(verdict)) => {
                self.raw("<p class=\"verdict-line\"><strong>");
                self.esc(&verdict_title(verdict));
                self.raw("</strong></p>\n");
                if !s.verdict_note.trim().is_empty() {
                    self.raw("<p><span class=\"label\">");
                    self.esc(note_label(verdict));
                    self.raw("</span> ");
                    self.user(&s.verdict_note);
                    self.raw("</p>\n");
                }
            }
            (None, None) => {
                let words = format!(
                    "No verdict was recorded; the session got as far as step {}, {}.",
                    s.reached.number(),
                    s.reached.label().to_lowercase()
                );
                self.para("not-reached", &words);
            }
        }
        self.end_section();
    }

    pub(super) fn actions(&mut self) {
        let s = self.s;
        self.section("actions", "Action items");
        if s.actions.is_empty() {
            self.para("not-reached", "No action items were recorded.");
            self.end_section();
            return;
        }
        self.raw("<table class=\"actions\">\n<thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\">Action</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th></tr></thead>\n<tbody>\n");
        for (n, a) in s.actions.iter().enumerate() {
            let _ = write!(self.out, "<tr><td class=\"num\">{}</td><td>", n + 1);
            self.user_or(&a.text, "not worded");
            self.raw("</td><td>");
            self.user_or(&a.owner, "unassigned");
            self.raw("</td><td class=\"due\">");
            match a.due {
                Some(day) => self.esc(&short_date(day)),
                None => self.missing("no date"),
            }
            if a.is_overdue(self.notes.generated.date_naive()) {
                self.raw(" <span class=\"over\">overdue</span>");
            }
            self.raw("</td></tr>\n");
        }
        self.raw("</tbody>\n</table>\n");
        self.end_section();
    }

    pub(super) fn decision_log(&mut self) {
        self.section("log", "Decision log");
        let log = self.notes.decision_log();
        if log.is_empty() {
            self.para("not-reached", "No decisions were recorded.");
            self.end_section();
            return;
        }
        let day = self.s.created.date_naive();
        self.raw("<table class=\"log\">\n<thead><tr><th scope=\"col\" class=\"when\">Time (UTC)</th><th scope=\"col\">Decision</th></tr></thead>\n<tbody>\n");
        for (at, sentence) in &log {
            // The clock alone while the meeting lasts; the date too for later changes.
            let when = if at.date_naive() == day {
                at.format("%H:%M").to_string()
            } else {
                at.format("%-d %b %Y %H:%M").to_string()
            };
            let _ = write!(self.out, "<tr><td class=\"when\">{when}</td><td>");
            self.user(sentence);
            self.raw("</td></tr>\n");
        }
        self.raw("</tbody>\n</table>\n");
        self.end_section();
    }

    pub(super) fn footer(&mut self) {
        self.raw("<footer class=\"doc-foot\">\n<p>Prepared with sameside ");
        self.esc(env!("CARGO_PKG_VERSION"));
        self.raw(" from session ");
        let header = self.notes.header;
        self.user(&header.id);
        let _ = write!(
            self.out,
            " on {}. Times are in UTC.</p>\n</footer>\n",
            self.notes.generated.format("%-d %B %Y at %H:%M")
        );
    }
}

//! The conflict check (stage 4): the board in piles, each conflict with where it came
//! from and what the room decided.

use std::fmt::Write as _;

use super::page::Page;
use super::text::severity_class;
use crate::domain::board::{BoardEntry, Source};
use crate::domain::{ConflictStatus, ItemRef, Stage};
use crate::export::Pile;
use crate::export::words::glossary_detail;

/// A pile's heading on the page.
fn heading(pile: Pile) -> &'static str {
    match pile {
        Pile::Open => "Still open",
        Pile::Parked => "Parked for a later meeting",
        Pile::DealBreaker => "Deal-breakers",
        Pile::Settled => "Settled: resolved or accepted as a risk",
        Pile::Dismissed => "Dismissed as not a conflict",
    }
}

impl Page<'_, '_> {
    pub(super) fn conflict_board(&mut self) {
        self.section("conflicts", &Self::section_title(Stage::Conflicts));
        let board = &self.notes.board;
        let held = self.reached(Stage::Conflicts);
        if !held {
            let words = self.not_reached(Stage::Conflicts);
            self.para("not-reached", &words);
            if board.is_empty() {
                self.end_section();
                return;
            }
            // What the vision stage already showed stays on record (under "Noted, not
            // taken up"), but without the matrix: a chart of "open" conflicts nobody was
            // asked to settle would misstate the outcome.
        } else if board.is_empty() {
            self.missing_para("No conflicts were entered or found.");
            self.end_section();
            return;
        } else {
            self.conflict_matrix();
        }
        let mut piles: [Vec<&BoardEntry>; 5] = Default::default();
        for e in board {
            let pile = Pile::of(&e.status);
            if let Some(i) = Pile::ALL.iter().position(|p| *p == pile) {
                piles[i].push(e);
            }
        }
        // Worst first among the open ones: that is where the next meeting starts.
        piles[0].sort_by_key(|e| std::cmp::Reverse(e.severity));
        for (pile, entries) in Pile::ALL.iter().zip(piles.iter()) {
            if entries.is_empty() && (*pile != Pile::Open || !held) {
                continue;
            }
            self.raw("<h3>");
            if held {
                self.esc(heading(*pile));
            } else {
                self.esc("Noted, not taken up");
            }
            let _ = writeln!(
                self.out,
                " <span class=\"count\">({})</span></h3>",
                entries.len()
            );
            if entries.is_empty() {
                self.para("", "Nothing is left open.");
            }
            for e in entries {
                self.conflict_entry(e, held);
            }
        }
        self.end_section();
    }

    /// The accounts, places and products the room named, as a section of their own;
    /// nothing when it named none.
    pub(super) fn glossary(&mut self) {
        let s = self.s;
        if s.glossary.is_empty() {
            return;
        }
        self.section("glossary", "Glossary");
        self.para(
            "",
            "Accounts, places and products the room named, with the other names they go by.",
        );
        self.raw("<ul class=\"glossary\">\n");
        for entry in &s.glossary {
            self.raw("<li>");
            self.esc(entry.kind.label());
            self.raw(": <strong>");
            self.user(&entry.name);
            self.raw("</strong>");
            let detail = glossary_detail(s, entry);
            if !detail.is_empty() {
                self.raw(" (");
                self.user(&detail);
                self.raw(")");
            }
            self.raw("</li>\n");
        }
        self.raw("</ul>\n");
        self.end_section();
    }

    /// One conflict. `held` says whether the room had a conflict check at all, which
    /// decides whether "open" means "still to settle" or "never on the agenda".
    pub(super) fn conflict_entry(&mut self, e: &BoardEntry, held: bool) {
        self.raw("<article class=\"conflict\">\n<p class=\"conflict-head\">");
        let _ = write!(
            self.out,
            "<span class=\"sev {}\">{}</span> <span class=\"cat\">{}</span> · ",
            severity_class(e.severity),
            e.severity.label(),
            e.category.label()
        );
        self.partner_list(&e.partners);
        self.raw("</p>\n<p class=\"conflict-desc\">");
        self.user_or(&e.description, "not described");
        // Where it comes from and what it is about, in one quiet line: the reader needs it
        // to trace the conflict back, not to understand it.
        self.raw("</p>\n<p class=\"conflict-source\">");
        match &e.source {
            Source::Moderator(_) => self.raw("Entered by the moderator"),
            Source::Detected { rule, .. } => {
                self.raw("Found by the rule “");
                self.esc(rule.label());
                self.raw("”");
            }
        }
        if !e.items.is_empty() {
            self.raw(" · about ");
            for (n, item) in e.items.iter().enumerate() {
                if n > 0 {
                    self.raw("; ");
                }
                self.item(item);
            }
        }
        if !e.shared_terms.is_empty() {
            self.raw(" · shared terms: ");
            self.user(&e.shared_terms.join(", "));
        }
        self.raw("</p>\n<dl class=\"facts\">\n");
        if let (true, Some(prompt), ConflictStatus::Open | ConflictStatus::Parked) =
            (held, &e.prompt, &e.status)
        {
            self.fact("Question for the room");
            self.user(prompt);
            self.end_fact();
        }
        self.fact("Outcome");
        match &e.status {
            ConflictStatus::Resolved { agreement } => {
                self.raw("<span class=\"ok\">resolved</span> — ");
                self.user_or(agreement, "agreement not worded");
            }
            ConflictStatus::Dismissed { reason } => {
                self.raw("dismissed — ");
                self.user_or(reason, "no reason given");
            }
            ConflictStatus::AcceptedRisk => self.raw("accepted as a risk"),
            ConflictStatus::DealBreaker => {
                self.raw("<span class=\"warn\">called a deal-breaker</span>")
            }
            ConflictStatus::Parked => self.raw("parked for a later meeting"),
            ConflictStatus::Open if held => self.raw("<span class=\"warn\">open</span>"),
            ConflictStatus::Open => self.raw("not taken up: the conflict check was not held"),
        }
        self.end_fact();
        if !e.owner.trim().is_empty() {
            self.fact("Owner");
            self.user(&e.owner);
            self.end_fact();
        }
        self.raw("</dl>\n</article>\n");
    }

    /// What a conflict is about, traced back to where it was said.
    pub(super) fn item(&mut self, item: &ItemRef) {
        match item {
            ItemRef::Interest(id) => match self.interests.get(id).copied() {
                Some(i) => {
                    self.partner(i.partner);
                    self.raw("’s interest “");
                    self.user(&i.statement);
                    self.raw("”");
                }
                None => self.missing("a removed interest"),
            },
            ItemRef::Role(id) => match self.roles.get(id).copied() {
                Some(r) => {
                    self.raw("role “");
                    self.user(&r.name);
                    self.raw("”");
                }
                None => self.missing("a removed role"),
            },
            ItemRef::Hole(id) => match self.holes.get(id).copied() {
                Some(h) => {
                    self.partner(h.owner);
                    self.raw("’s hole “");
                    self.user(&h.text);
                    self.raw("”");
                }
                None => self.missing("a removed hole"),
            },
            ItemRef::Vision(p) => {
                self.partner(*p);
                self.raw("’s view of the vision");
            }
        }
    }
}

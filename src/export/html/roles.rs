//! The role split (stage 2): who does what (RACI) and the holes in each partner's own
//! business.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::page::Page;
use crate::domain::advice::role_advice;
use crate::domain::board::BoardEntry;
use crate::domain::describe::filler_label;
use crate::domain::detect::Rule;
use crate::domain::{ConflictStatus, HoleFiller, ItemId, ItemRef, Raci, Role, Stage};
use crate::export::words::plural;

impl Page<'_, '_> {
    pub(super) fn role_split(&mut self) {
        let s = self.s;
        if !self.stage_section("roles", Stage::Roles) {
            return;
        }
        self.raw("<h3>Who does what (RACI)</h3>\n");
        if s.roles.is_empty() {
            self.missing_para("No roles were recorded.");
        } else {
            self.raci_table();
        }
        self.holes();
        self.end_section();
    }

    /// What the RACI rows say about one role: None when nobody needs to answer for it
    /// differently, or the rule that flags it and the problem in words. A role with one
    /// partner accountable and nobody marked responsible is not a problem here: it gets
    /// advice instead (see `role_advice`).
    pub(super) fn raci_problem(role: &Role) -> Option<(Rule, String)> {
        match role.accountable().len() {
            0 if role.raci.is_empty() => Some((Rule::NobodyAccountable, "nobody assigned".into())),
            0 => Some((Rule::NobodyAccountable, "nobody accountable".into())),
            1 => None,
            n => Some((Rule::TwoAccountable, format!("{n} accountable"))),
        }
    }

    pub(super) fn raci_table(&mut self) {
        let s = self.s;
        // The room's outcome for each role's flagged problem, so the check column says
        // "dismissed" where the room already decided the role is fine as it is.
        let mut outcomes: HashMap<(ItemId, Rule), &ConflictStatus> = HashMap::new();
        for e in &self.notes.board {
            if let Some(rule) = e.rule() {
                for item in &e.items {
                    if let ItemRef::Role(id) = item {
                        outcomes.insert((*id, rule), &e.status);
                    }
                }
            }
        }
        self.raw("<table class=\"raci\">\n<thead><tr><th scope=\"col\">Role</th>");
        for p in &s.partners {
            self.raw("<th scope=\"col\" class=\"letter\">");
            self.partner(p.id);
            self.raw("</th>");
        }
        self.raw("<th scope=\"col\">Check</th></tr></thead>\n<tbody>\n");
        // Roles the room may want to look at again: one partner answers for each and
        // nobody is marked as doing the work. Advice, not a conflict: calm, and counted
        // apart from the roles still to settle.
        let advised: HashSet<ItemId> = role_advice(s).into_iter().map(|a| a.role).collect();
        let (mut clear, mut accepted, mut advice) = (0usize, 0usize, 0usize);
        for role in &s.roles {
            self.raw("<tr><th scope=\"row\">");
            self.user_or(&role.name, "unnamed role");
            self.raw("</th>");
            for p in &s.partners {
                match role.raci.get(&p.id) {
                    Some(letter) => {
                        self.raw("<td class=\"letter\" title=\"");
                        self.esc(&p.name);
                        let _ = write!(
                            self.out,
                            " is {}\"><abbr class=\"raci-{}\">{}</abbr></td>",
                            letter.label(),
                            letter.letter(),
                            letter.letter()
                        );
                    }
                    None => self.raw("<td class=\"letter blank\">·</td>"),
                }
            }
            match Self::raci_problem(role) {
                None if advised.contains(&role.id) => {
                    advice += 1;
                    self.raw("<td><span class=\"advice\">? no one marked R</span></td></tr>\n");
                }
                None => {
                    clear += 1;
                    self.raw("<td><span class=\"ok\">✓ clear</span></td></tr>\n");
                }
                Some((rule, words)) => {
                    let status = outcomes.get(&(role.id, rule)).copied();
                    let settled = status.is_some_and(|st| {
                        matches!(
                            st,
                            ConflictStatus::Resolved { .. }
                                | ConflictStatus::AcceptedRisk
                                | ConflictStatus::Dismissed { .. }
                        )
                    });
                    if settled {
                        accepted += 1;
                        self.raw("<td><span class=\"settled\">○ ");
                    } else {
                        self.raw("<td><span class=\"warn\">⚠ ");
                    }
                    self.esc(&words);
                    if let Some(st) = status {
                        self.raw("</span> <span class=\"aside\">(");
                        self.esc(st.label());
                        self.raw(")");
                    }
                    self.raw("</span></td></tr>\n");
                }
            }
        }
        self.raw("</tbody>\n</table>\n");
        let legend = Raci::ALL
            .iter()
            .map(|l| format!("{} {}", l.letter(), l.label()))
            .collect::<Vec<_>>()
            .join(" · ");
        self.para(
            "legend",
            &format!(
                "{legend}. A clear role has one partner accountable and at least one responsible; ○ marks a role the room accepted as it is; ? marks a role nobody is marked responsible for, where the accountable partner may well do the work itself."
            ),
        );
        let open = s.roles.len() - clear - accepted - advice;
        let mut summary = format!(
            "Check: {clear} of {} clear",
            plural(s.roles.len(), "role", "roles")
        );
        if accepted > 0 {
            let _ = write!(summary, "; {accepted} accepted by the room as they are");
        }
        if advice > 0 {
            let _ = write!(
                summary,
                "; {} without anyone marked R (is the accountable partner also doing the work?)",
                plural(advice, "role", "roles")
            );
        }
        if open > 0 {
            let _ = write!(summary, "; {open} still to settle (see the conflict check)");
        }
        summary.push('.');
        self.para("check", &summary);
    }

    pub(super) fn holes(&mut self) {
        let s = self.s;
        self.raw("<h3>Holes in each partner’s own business</h3>\n");
        if s.holes.is_empty() {
            self.missing_para("No holes were named.");
            return;
        }
        // The board entry that flags each hole left to another partner, for its outcome.
        let mut flagged: HashMap<ItemId, &BoardEntry> = HashMap::new();
        for e in &self.notes.board {
            if e.rule() == Some(Rule::HoleLeftToPartner) {
                for item in &e.items {
                    if let ItemRef::Hole(id) = item {
                        flagged.insert(*id, e);
                    }
                }
            }
        }
        self.raw("<table class=\"holes\">\n<thead><tr><th scope=\"col\">Partner</th><th scope=\"col\">Hole</th><th scope=\"col\">Filled by</th><th scope=\"col\">Note</th></tr></thead>\n<tbody>\n");
        let mut left = 0usize;
        for h in &s.holes {
            self.raw("<tr><td>");
            self.partner(h.owner);
            self.raw("</td><td>");
            self.user_or(&h.text, "not described");
            self.raw("</td><td>");
            match h.filled_by {
                HoleFiller::Partner(p) => self.partner(p),
                filler => {
                    let label = filler_label(s, filler);
                    self.esc(&label);
                }
            }
            self.raw("</td><td>");
            match h.filled_by {
                HoleFiller::Partner(_) => {
                    left += 1;
                    self.raw("<span class=\"warn\">⚑ Left to another partner</span>");
                    if let Some(entry) = flagged.get(&h.id) {
                        self.raw(" <span class=\"aside\">(conflict check: ");
                        self.esc(entry.status.label());
                        self.raw(")</span>");
                    }
                }
                HoleFiller::Unresolved => self.raw("<span class=\"warn\">Still open</span>"),
                HoleFiller::Itself => self.raw("<span class=\"ok\">✓ Fills it itself</span>"),
                HoleFiller::ThirdParty => self.raw("Brought in from outside"),
            }
            self.raw("</td></tr>\n");
        }
        self.raw("</tbody>\n</table>\n");
        if left > 0 {
            self.para(
                "check",
                &format!(
                    "{} left to another partner. The method expects each partner to close the gaps in its own business; a partnership built on the other side filling them rarely holds.",
                    plural(left, "hole is", "holes are")
                ),
            );
        }
    }
}

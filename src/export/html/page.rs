//! The page being written: its buffer, the lookups built once, the small pieces of markup
//! every part of the document is made of, and the order of the parts.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::Notes;
use super::style::CSS;
use crate::domain::change::stage_lock;
use crate::domain::{Hole, Interest, ItemId, PartnerId, Role, Session, Stage};

/// How many partner colours the stylesheet defines (`.p0` … `.p7` in `CSS`), one per
/// partner a session can have. They are picked to stay apart for the common kinds of
/// colour blindness, and are only ever shown beside a name.
const PARTNER_COLOURS: usize = 8;

/// Writes `text` as HTML text that is safe in element content and in quoted attribute
/// values alike. Control characters other than tab and newline are not allowed in HTML
/// text; they are shown as U+FFFD rather than dropped, so nothing disappears silently.
/// A carriage return is dropped: it comes with Windows line endings, where the newline
/// beside it already breaks the line.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => {}
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

pub(super) struct Page<'n, 'a> {
    pub(super) notes: &'n Notes<'a>,
    pub(super) s: &'a Session,
    pub(super) out: String,
    /// Each partner's position in the session, which picks its colour.
    pub(super) slot: HashMap<PartnerId, usize>,
    // Lookups built once: conflicts name their items by id, and a linear search per item
    // would make big sessions quadratic.
    pub(super) interests: HashMap<ItemId, &'a Interest>,
    pub(super) roles: HashMap<ItemId, &'a Role>,
    pub(super) holes: HashMap<ItemId, &'a Hole>,
}

impl<'n, 'a> Page<'n, 'a> {
    pub(super) fn new(notes: &'n Notes<'a>) -> Page<'n, 'a> {
        let s = notes.session;
        Page {
            notes,
            s,
            out: String::with_capacity(64 * 1024),
            slot: s
                .partners
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id, i))
                .collect(),
            interests: s.interests.iter().map(|i| (i.id, i)).collect(),
            roles: s.roles.iter().map(|r| (r.id, r)).collect(),
            holes: s.holes.iter().map(|h| (h.id, h)).collect(),
        }
    }

    /// Markup written by this module; never user text.
    pub(super) fn raw(&mut self, html: &str) {
        self.out.push_str(html);
    }

    pub(super) fn esc(&mut self, text: &str) {
        escape_into(&mut self.out, text);
    }

    /// Text the room typed, inline: escaped, and isolated for bidirectional text.
    pub(super) fn user(&mut self, text: &str) {
        self.raw("<bdi>");
        self.esc(text);
        self.raw("</bdi>");
    }

    /// User text, or a quiet marker saying it was left blank.
    pub(super) fn user_or(&mut self, text: &str, missing: &str) {
        if text.trim().is_empty() {
            self.missing(missing);
        } else {
            self.user(text);
        }
    }

    /// A paragraph of its own saying that something was left blank.
    pub(super) fn missing_para(&mut self, words: &str) {
        self.raw("<p>");
        self.missing(words);
        self.raw("</p>\n");
    }

    /// Opens the section of a stage of the method. When the room did not get to it, the
    /// section says so and is closed again, and the answer is false: nothing more to add.
    pub(super) fn stage_section(&mut self, id: &str, stage: Stage) -> bool {
        self.section(id, &Self::section_title(stage));
        if self.reached(stage) {
            return true;
        }
        let words = self.not_reached(stage);
        self.para("not-reached", &words);
        self.end_section();
        false
    }

    pub(super) fn missing(&mut self, words: &str) {
        self.raw("<span class=\"missing\">");
        self.esc(words);
        self.raw("</span>");
    }

    /// A partner's colour class, or none for an id the session does not know (possible
    /// in a hand-edited file).
    pub(super) fn colour_class(&self, id: PartnerId) -> String {
        self.slot
            .get(&id)
            .map_or_else(String::new, |i| format!(" p{}", i % PARTNER_COLOURS))
    }

    /// A partner's name with its colour mark in front. The mark is decoration
    /// (`aria-hidden`); the name carries the meaning.
    pub(super) fn partner(&mut self, id: PartnerId) {
        let class = self.colour_class(id);
        let _ = write!(
            self.out,
            "<span class=\"who\"><span class=\"sw{class}\" aria-hidden=\"true\"></span>"
        );
        let name = self.s.partner_name(id);
        self.user(&name);
        self.raw("</span>");
    }

    /// "A", "A and B", "A, B and C"; "no partner named" for none.
    pub(super) fn partner_list(&mut self, ids: &[PartnerId]) {
        let mut unique: Vec<PartnerId> = Vec::with_capacity(ids.len());
        for id in ids {
            if !unique.contains(id) {
                unique.push(*id);
            }
        }
        if unique.is_empty() {
            self.missing("no partner named");
            return;
        }
        let last = unique.len() - 1;
        for (n, id) in unique.iter().enumerate() {
            if n > 0 {
                self.raw(if n == last { " and " } else { ", " });
            }
            self.partner(*id);
        }
    }

    /// Opens a `<div><dt>…</dt><dd>` pair in a definition list; `end_fact` closes it.
    pub(super) fn fact(&mut self, label: &str) {
        self.raw("<div><dt>");
        self.esc(label);
        self.raw("</dt><dd>");
    }

    pub(super) fn end_fact(&mut self) {
        self.raw("</dd></div>\n");
    }

    pub(super) fn section(&mut self, id: &str, heading: &str) {
        let _ = write!(self.out, "<section id=\"{id}\">\n<h2>");
        self.esc(heading);
        self.raw("</h2>\n");
    }

    pub(super) fn end_section(&mut self) {
        self.raw("</section>\n");
    }

    /// A paragraph of this module's own words, escaped all the same so that a sentence
    /// can never turn into markup by accident.
    pub(super) fn para(&mut self, class: &str, words: &str) {
        if class.is_empty() {
            self.raw("<p>");
        } else {
            let _ = write!(self.out, "<p class=\"{class}\">");
        }
        self.esc(words);
        self.raw("</p>\n");
    }

    /// Whether the notes show `stage`: the room got to it (or, in a file written by hand
    /// or by a script, put something in it anyway), and a pass did not close it. Roles
    /// come from the template when a session is created, so only what the room itself
    /// filled in counts as content.
    pub(super) fn reached(&self, stage: Stage) -> bool {
        let s = self.s;
        if stage_lock(s, stage).is_some() {
            return false;
        }
        let has_content = match stage {
            Stage::Vision => true,
            Stage::Roles => !s.holes.is_empty() || s.roles.iter().any(|r| !r.raci.is_empty()),
            Stage::Interests => !s.interests.is_empty(),
            Stage::Conflicts => !s.conflicts.is_empty() || !s.outcomes.is_empty(),
            Stage::Summary => s.verdict.is_some() || !s.actions.is_empty(),
        };
        s.reached >= stage || has_content
    }

    /// Why a stage has nothing to show, in a sentence.
    pub(super) fn not_reached(&self, stage: Stage) -> String {
        let what = stage.label().to_lowercase();
        if self.notes.pass_at_gate().is_some() {
            format!(
                "Not reached. The partners took a pass at the vision gate, so the {what} did not take place."
            )
        } else if self.s.gate.is_none() {
            format!(
                "Not reached. The session ended before the vision gate was decided, so the {what} did not take place."
            )
        } else {
            format!("Not reached. The session ended before the {what}.")
        }
    }

    pub(super) fn section_title(stage: Stage) -> String {
        format!("{}. {}", stage.number(), stage.label())
    }

    pub(super) fn document(&mut self) {
        self.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        // Defence in depth: even if some text escaped escaping, the page may not run
        // scripts or load anything; only its own inline styles apply.
        self.raw(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
        );
        self.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        let _ = writeln!(
            self.out,
            "<meta name=\"generator\" content=\"sameside {}\">",
            env!("CARGO_PKG_VERSION")
        );
        let s = self.s;
        self.raw("<title>");
        self.esc(&s.title);
        self.raw(" — session notes</title>\n<style>\n");
        self.raw(CSS);
        self.raw("</style>\n</head>\n<body>\n<main class=\"doc\">\n");
        self.head();
        self.contents();
        self.glance();
        self.timing();
        self.vision();
        self.role_split();
        self.self_interests();
        self.conflict_board();
        self.glossary();
        self.sealed_rounds();
        self.agreement_list();
        self.verdict();
        self.actions();
        self.decision_log();
        self.footer();
        self.raw("</main>\n</body>\n</html>\n");
    }
}

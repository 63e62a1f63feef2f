//! The HTML export: one self-contained page that reads like the notes a consultant hands
//! over after the meeting. Everything it needs is inside the file (styles inline, charts
//! as inline SVG, no scripts, no fonts or images to fetch), so it can be mailed, archived
//! or printed years later and still look the same.
//!
//! Two rules shape the code:
//! - Every piece of text the room typed goes through `escape_into`, in text and in
//!   attributes alike, and inline user text sits in `<bdi>` so a right-to-left override
//!   in a name cannot reorder the sentence around it. The page also carries a content
//!   security policy that forbids scripts, as a second line of defence.
//! - Colour never carries meaning alone: every partner colour sits next to the partner's
//!   name, and every severity shade next to its word, so the notes survive a black-and-
//!   white printer.
//!
//! The page is built in one pass over the session with lookup tables built once, so a
//! session of thousands of events exports in a few milliseconds.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, Utc};

use super::Notes;
use crate::domain::board::{BoardEntry, Source, agreements};
use crate::domain::change::{gate_missing, stage_lock};
use crate::domain::describe::filler_label;
use crate::domain::detect::Rule;
use crate::domain::gate::drift_sentence;
use crate::domain::tally::{Tally as Counts, TimeTally};
use crate::domain::{
    ConflictCategory, ConflictStatus, Function, GateDecision, Hole, HoleFiller, Interest,
    InterestCategory, ItemId, ItemRef, PartnerId, Raci, Role, Session, Severity, Stage, Verdict,
};

/// The whole page for `notes`.
pub fn html(notes: &Notes) -> String {
    let mut page = Page::new(notes);
    page.document();
    page.out
}

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

/// At most `max` characters of `text` on one line, for chart labels, which cannot wrap.
/// The full text goes in the chart's `<title>` tooltip.
fn clip(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn long_date(at: DateTime<Utc>) -> String {
    at.format("%A %-d %B %Y").to_string()
}

fn short_date(day: NaiveDate) -> String {
    day.format("%-d %b %Y").to_string()
}

/// "1 h 05 min", "25 min".
fn duration(mins: u64) -> String {
    if mins >= 60 {
        format!("{} h {:02} min", mins / 60, mins % 60)
    } else {
        format!("{mins} min")
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The CSS class that carries a severity's shade.
fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Low => "sev-low",
        Severity::Medium => "sev-medium",
        Severity::High => "sev-high",
        Severity::Critical => "sev-critical",
    }
}

/// The five piles of the conflict board, in the order a reader wants them: what still
/// needs work first, then what was set aside, then what was decided.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pile {
    Open,
    Parked,
    DealBreaker,
    Settled,
    Dismissed,
}

impl Pile {
    const ALL: [Pile; 5] = [
        Pile::Open,
        Pile::Parked,
        Pile::DealBreaker,
        Pile::Settled,
        Pile::Dismissed,
    ];

    fn of(status: &ConflictStatus) -> Pile {
        match status {
            ConflictStatus::Open => Pile::Open,
            ConflictStatus::Parked => Pile::Parked,
            ConflictStatus::DealBreaker => Pile::DealBreaker,
            ConflictStatus::Resolved { .. } | ConflictStatus::AcceptedRisk => Pile::Settled,
            ConflictStatus::Dismissed { .. } => Pile::Dismissed,
        }
    }

    fn heading(self) -> &'static str {
        match self {
            Pile::Open => "Still open",
            Pile::Parked => "Parked for a later meeting",
            Pile::DealBreaker => "Deal-breakers",
            Pile::Settled => "Settled: resolved or accepted as a risk",
            Pile::Dismissed => "Dismissed as not a conflict",
        }
    }
}

/// One cell of the conflict matrix: what the board holds for a category and a partner.
#[derive(Default, Clone, Copy)]
struct Tally {
    count: usize,
    worst_open: Option<Severity>,
    deal_breakers: usize,
    parked: usize,
}

struct Page<'n, 'a> {
    notes: &'n Notes<'a>,
    s: &'a Session,
    out: String,
    /// Each partner's position in the session, which picks its colour.
    slot: HashMap<PartnerId, usize>,
    // Lookups built once: conflicts name their items by id, and a linear search per item
    // would make big sessions quadratic.
    interests: HashMap<ItemId, &'a Interest>,
    roles: HashMap<ItemId, &'a Role>,
    holes: HashMap<ItemId, &'a Hole>,
}

impl<'n, 'a> Page<'n, 'a> {
    fn new(notes: &'n Notes<'a>) -> Page<'n, 'a> {
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

    // Writing ---------------------------------------------------------------------------

    /// Markup written by this module; never user text.
    fn raw(&mut self, html: &str) {
        self.out.push_str(html);
    }

    fn esc(&mut self, text: &str) {
        escape_into(&mut self.out, text);
    }

    /// Text the room typed, inline: escaped, and isolated for bidirectional text.
    fn user(&mut self, text: &str) {
        self.raw("<bdi>");
        self.esc(text);
        self.raw("</bdi>");
    }

    /// User text, or a quiet marker saying it was left blank.
    fn user_or(&mut self, text: &str, missing: &str) {
        if text.trim().is_empty() {
            self.missing(missing);
        } else {
            self.user(text);
        }
    }

    fn missing(&mut self, words: &str) {
        self.raw("<span class=\"missing\">");
        self.esc(words);
        self.raw("</span>");
    }

    /// A partner's colour class, or none for an id the session does not know (possible
    /// in a hand-edited file).
    fn colour_class(&self, id: PartnerId) -> String {
        self.slot
            .get(&id)
            .map_or_else(String::new, |i| format!(" p{}", i % PARTNER_COLOURS))
    }

    /// A partner's name with its colour mark in front. The mark is decoration
    /// (`aria-hidden`); the name carries the meaning.
    fn partner(&mut self, id: PartnerId) {
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
    fn partner_list(&mut self, ids: &[PartnerId]) {
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
    fn fact(&mut self, label: &str) {
        self.raw("<div><dt>");
        self.esc(label);
        self.raw("</dt><dd>");
    }

    fn end_fact(&mut self) {
        self.raw("</dd></div>\n");
    }

    fn section(&mut self, id: &str, heading: &str) {
        let _ = write!(self.out, "<section id=\"{id}\">\n<h2>");
        self.esc(heading);
        self.raw("</h2>\n");
    }

    fn end_section(&mut self) {
        self.raw("</section>\n");
    }

    /// A paragraph of this module's own words, escaped all the same so that a sentence
    /// can never turn into markup by accident.
    fn para(&mut self, class: &str, words: &str) {
        if class.is_empty() {
            self.raw("<p>");
        } else {
            let _ = write!(self.out, "<p class=\"{class}\">");
        }
        self.esc(words);
        self.raw("</p>\n");
    }

    // Session facts ---------------------------------------------------------------------

    /// Whether the notes show `stage`: the room got to it (or, in a file written by hand
    /// or by a script, put something in it anyway), and a pass did not close it. Roles
    /// come from the template when a session is created, so only what the room itself
    /// filled in counts as content.
    fn reached(&self, stage: Stage) -> bool {
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

    fn passed_at_gate(&self) -> Option<&'a str> {
        match &self.s.gate {
            Some(GateDecision::TakeAPass { reason }) => Some(reason.as_str()),
            _ => None,
        }
    }

    /// Why a stage has nothing to show, in a sentence.
    fn not_reached(&self, stage: Stage) -> String {
        let what = stage.label().to_lowercase();
        if self.passed_at_gate().is_some() {
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

    fn section_title(stage: Stage) -> String {
        format!("{}. {}", stage.number(), stage.label())
    }

    // The document ----------------------------------------------------------------------

    fn document(&mut self) {
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
        self.agreement_list();
        self.verdict();
        self.actions();
        self.decision_log();
        self.footer();
        self.raw("</main>\n</body>\n</html>\n");
    }

    fn head(&mut self) {
        let s = self.s;
        self.raw(
            "<header class=\"doc-head\">\n<p class=\"kicker\">Partnership session notes</p>\n<h1>",
        );
        self.user(&s.title);
        self.raw("</h1>\n<dl class=\"meta\">\n");
        self.fact("Date");
        self.esc(&long_date(s.created));
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
        let outcome = match (self.passed_at_gate(), s.verdict) {
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

    fn contents(&mut self) {
        let entries: Vec<(&str, String, Option<Stage>)> = vec![
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

    fn glance(&mut self) {
        let s = self.s;
        self.section("glance", "At a glance");
        let (class, label, note_label) = match (self.passed_at_gate(), s.verdict) {
            (Some(_), _) | (None, Some(Verdict::TakeAPass)) => ("v-pass", "Take a pass", "Reason"),
            (None, Some(Verdict::Proceed)) => ("v-proceed", "Proceed", "Note"),
            (None, Some(Verdict::ProceedWithConditions)) => {
                ("v-conditions", "Proceed with conditions", "Conditions")
            }
            (None, None) => ("v-none", "No verdict yet", "Note"),
        };
        let _ = write!(
            self.out,
            "<div class=\"verdict-box {class}\">\n<p class=\"verdict-label\">Verdict</p>\n<p class=\"verdict-value\">"
        );
        self.esc(label);
        self.raw("</p>\n");
        let note = match self.passed_at_gate() {
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
        if self.passed_at_gate().is_some() {
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

    fn timing(&mut self) {
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

    // 1. Market vision ------------------------------------------------------------------

    fn vision(&mut self) {
        let s = self.s;
        self.section("vision", &Self::section_title(Stage::Vision));
        self.raw("<h3>Shared statement</h3>\n");
        if s.statement.trim().is_empty() {
            self.raw("<p>");
            self.missing("No shared statement was written.");
            self.raw("</p>\n");
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
        match &s.gate {
            None => {
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
            Some(GateDecision::Proceed {
                override_reason: None,
            }) => match drift_sentence(s, &|at| at.format("%H:%M").to_string()) {
                None => self.raw("<div class=\"gate gate-proceed\">\n<p class=\"gate-head\">Proceed</p>\n<p>Every partner agreed to the shared statement, and the room went on to the role split.</p>\n</div>\n"),
                Some(drift) => {
                    self.raw("<div class=\"gate gate-override\">\n<p class=\"gate-head\">Proceed, no longer agreed</p>\n<p>");
                    self.esc(&drift);
                    self.raw(" The room went on to the role split.</p>\n</div>\n");
                }
            },
            Some(GateDecision::Proceed {
                override_reason: Some(reason),
            }) => {
                self.raw("<div class=\"gate gate-override\">\n<p class=\"gate-head\">Proceed by moderator override</p>\n<p><span class=\"label\">Reason</span> ");
                self.user_or(reason, "not given");
                self.raw("</p>\n");
                if let Some(missing) = gate_missing(s) {
                    self.raw("<p><span class=\"label\">Still missing</span> ");
                    self.user(&missing);
                    self.raw("</p>\n");
                }
                if let Some(drift) = drift_sentence(s, &|at| at.format("%H:%M").to_string()) {
                    self.raw("<p>");
                    self.esc(&drift);
                    self.raw("</p>\n");
                }
                self.raw("</div>\n");
            }
            Some(GateDecision::TakeAPass { reason }) => {
                self.raw("<div class=\"gate gate-pass\">\n<p class=\"gate-head\">The partners took a pass</p>\n<p><span class=\"label\">Reason</span> ");
                self.user_or(reason, "not given");
                self.raw("</p>\n<p>The later stages were not held. Learning this before roles, interests and terms were negotiated saves both sides a negotiation that would not have led to a partnership.</p>\n</div>\n");
            }
        }
        self.end_section();
    }

    /// Chart (a): each partner's alignment score as a horizontal bar on a 0–5 scale, with
    /// the partner's name and the number written beside the bar.
    fn alignment_chart(&mut self) {
        let partners = &self.s.partners;
        const LABEL_W: usize = 210;
        const SCALE_W: usize = 400;
        const ROW_H: usize = 34;
        const TOP: usize = 8;
        let width = LABEL_W + SCALE_W + 80;
        let height = TOP + partners.len() * ROW_H + 28;
        let unit = SCALE_W / 5;
        self.raw("<figure class=\"chart\">\n");
        let _ = write!(
            self.out,
            "<svg class=\"alignment\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"alignment-title\">\n<title id=\"alignment-title\">Alignment with the shared statement, 0 to 5, per partner</title>\n"
        );
        let bottom = TOP + partners.len() * ROW_H;
        for tick in 0..=5 {
            let x = LABEL_W + tick * unit;
            let _ = write!(
                self.out,
                "<line class=\"grid\" x1=\"{x}\" y1=\"{TOP}\" x2=\"{x}\" y2=\"{bottom}\"/>\n<text class=\"tick\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{tick}</text>\n",
                bottom + 18
            );
        }
        for (row, p) in partners.iter().enumerate() {
            let y = TOP + row * ROW_H;
            let class = self.colour_class(p.id);
            let _ = write!(self.out, "<g class=\"row{class}\">\n<title>");
            self.esc(&p.name);
            match p.vision.alignment {
                Some(n) => {
                    let _ = write!(self.out, ": {n} of 5");
                }
                None => self.raw(": not scored"),
            }
            let _ = write!(
                self.out,
                "</title>\n<text class=\"name\" x=\"{}\" y=\"{}\" text-anchor=\"end\">",
                LABEL_W - 10,
                y + ROW_H / 2 + 5
            );
            self.esc(&clip(&p.name, 28));
            self.raw("</text>\n");
            match p.vision.alignment {
                Some(n) => {
                    let w = usize::from(n.min(5)) * unit;
                    let _ = write!(
                        self.out,
                        "<rect class=\"bar{class}\" x=\"{LABEL_W}\" y=\"{}\" width=\"{w}\" height=\"{}\" rx=\"2\"/>\n<text class=\"value\" x=\"{}\" y=\"{}\">{n} / 5</text>\n",
                        y + 7,
                        ROW_H - 14,
                        LABEL_W + w + 8,
                        y + ROW_H / 2 + 5
                    );
                }
                None => {
                    let _ = writeln!(
                        self.out,
                        "<text class=\"value none\" x=\"{}\" y=\"{}\">not scored</text>",
                        LABEL_W + 8,
                        y + ROW_H / 2 + 5
                    );
                }
            }
            self.raw("</g>\n");
        }
        self.raw("</svg>\n<figcaption>Alignment with the shared statement as each partner scored it: 1 is far apart, 5 fully aligned.</figcaption>\n</figure>\n");
    }

    // 2. Role split ---------------------------------------------------------------------

    fn role_split(&mut self) {
        let s = self.s;
        self.section("roles", &Self::section_title(Stage::Roles));
        if !self.reached(Stage::Roles) {
            let words = self.not_reached(Stage::Roles);
            self.para("not-reached", &words);
            self.end_section();
            return;
        }
        self.raw("<h3>Who does what (RACI)</h3>\n");
        if s.roles.is_empty() {
            self.raw("<p>");
            self.missing("No roles were recorded.");
            self.raw("</p>\n");
        } else {
            self.raci_table();
        }
        self.holes();
        self.end_section();
    }

    /// What the RACI rows say about one role: None when it is clear, or the rule that
    /// flags it and the problem in words.
    fn raci_problem(role: &Role) -> Option<(Rule, String)> {
        let accountable = role.accountable().len();
        let responsible = role.responsible().len();
        match accountable {
            0 if role.raci.is_empty() => Some((Rule::NobodyAccountable, "nobody assigned".into())),
            0 => Some((Rule::NobodyAccountable, "nobody accountable".into())),
            1 if responsible == 0 => Some((Rule::NobodyResponsible, "nobody responsible".into())),
            1 => None,
            n => Some((Rule::TwoAccountable, format!("{n} accountable"))),
        }
    }

    fn raci_table(&mut self) {
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
        let (mut clear, mut accepted) = (0usize, 0usize);
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
                "{legend}. A clear role has one partner accountable and at least one responsible; ○ marks a role the room accepted as it is."
            ),
        );
        let open = s.roles.len() - clear - accepted;
        let mut summary = format!(
            "Check: {clear} of {} clear",
            plural(s.roles.len(), "role", "roles")
        );
        if accepted > 0 {
            let _ = write!(summary, "; {accepted} accepted by the room as they are");
        }
        if open > 0 {
            let _ = write!(summary, "; {open} still to settle (see the conflict check)");
        }
        summary.push('.');
        self.para("check", &summary);
    }

    fn holes(&mut self) {
        let s = self.s;
        self.raw("<h3>Holes in each partner’s own business</h3>\n");
        if s.holes.is_empty() {
            self.raw("<p>");
            self.missing("No holes were named.");
            self.raw("</p>\n");
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

    // 3. Self-interests -----------------------------------------------------------------

    fn self_interests(&mut self) {
        let s = self.s;
        self.section("interests", &Self::section_title(Stage::Interests));
        if !self.reached(Stage::Interests) {
            let words = self.not_reached(Stage::Interests);
            self.para("not-reached", &words);
            self.end_section();
            return;
        }
        // One pass to group, so many interests stay cheap: partner → category → items.
        let mut grouped: HashMap<PartnerId, BTreeMap<InterestCategory, Vec<&Interest>>> =
            HashMap::new();
        for i in &s.interests {
            grouped
                .entry(i.partner)
                .or_default()
                .entry(i.category)
                .or_default()
                .push(i);
        }
        for p in &s.partners {
            self.raw("<h3>");
            self.partner(p.id);
            self.raw("</h3>\n");
            let groups = grouped.remove(&p.id).unwrap_or_default();
            if groups.is_empty() {
                self.raw("<p>");
                self.missing("No interests disclosed.");
                self.raw("</p>\n");
            } else {
                self.raw("<table class=\"interests\">\n<thead><tr><th scope=\"col\">Category</th><th scope=\"col\">Interest</th><th scope=\"col\">Weight</th><th scope=\"col\">Put forward by</th></tr></thead>\n<tbody>\n");
                for (category, mut items) in groups {
                    // Strongest first within a category: what cannot move leads.
                    items.sort_by_key(|i| i.weight);
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
    fn coverage(&mut self, partner: PartnerId) {
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

    // 4. Conflict check -----------------------------------------------------------------

    fn conflict_board(&mut self) {
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
            self.raw("<p>");
            self.missing("No conflicts were entered or found.");
            self.raw("</p>\n");
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
                self.esc(pile.heading());
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

    /// Chart (b): categories down, partners across; each cell counts the conflicts that
    /// count (dismissed ones do not) and is shaded by the worst one still open, with the
    /// severity written in the cell.
    fn conflict_matrix(&mut self) {
        let partners = &self.s.partners;
        let mut rows: BTreeSet<ConflictCategory> = BTreeSet::new();
        let mut cells: HashMap<(ConflictCategory, usize), Tally> = HashMap::new();
        for e in &self.notes.board {
            if matches!(e.status, ConflictStatus::Dismissed { .. }) {
                continue;
            }
            rows.insert(e.category);
            let mut seen: Vec<usize> = Vec::with_capacity(e.partners.len());
            for p in &e.partners {
                let Some(&col) = self.slot.get(p) else {
                    continue;
                };
                if seen.contains(&col) {
                    continue;
                }
                seen.push(col);
                let t = cells.entry((e.category, col)).or_default();
                t.count += 1;
                match e.status {
                    ConflictStatus::Open => {
                        t.worst_open = t.worst_open.max(Some(e.severity));
                    }
                    ConflictStatus::DealBreaker => t.deal_breakers += 1,
                    ConflictStatus::Parked => t.parked += 1,
                    _ => {}
                }
            }
        }
        if rows.is_empty() || partners.is_empty() {
            return;
        }
        const LABEL_W: usize = 170;
        const HEAD_H: usize = 40;
        const ROW_H: usize = 48;
        const GAP: usize = 4;
        let cell_w = ((720 - LABEL_W) / partners.len()).clamp(72, 200);
        let width = LABEL_W + partners.len() * cell_w;
        let height = HEAD_H + rows.len() * ROW_H;
        // About 8 px a character at the header's bold 13 px.
        let name_chars = (cell_w - 22) / 8;
        self.raw("<figure class=\"chart\">\n");
        let _ = write!(
            self.out,
            "<svg class=\"matrix\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"matrix-title\">\n<title id=\"matrix-title\">Conflicts by category and partner, shaded by the worst one still open</title>\n"
        );
        for (col, p) in partners.iter().enumerate() {
            let x = LABEL_W + col * cell_w;
            let class = self.colour_class(p.id);
            let _ = write!(self.out, "<g class=\"head{class}\">\n<title>");
            self.esc(&p.name);
            let _ = write!(
                self.out,
                "</title>\n<rect class=\"mark\" x=\"{}\" y=\"{}\" width=\"10\" height=\"10\"/>\n<text class=\"name\" x=\"{}\" y=\"{}\">",
                x + GAP + 2,
                HEAD_H - 24,
                x + GAP + 16,
                HEAD_H - 15
            );
            self.esc(&clip(&p.name, name_chars));
            self.raw("</text>\n</g>\n");
        }
        for (row, category) in rows.iter().enumerate() {
            let y = HEAD_H + row * ROW_H;
            let _ = writeln!(
                self.out,
                "<text class=\"category\" x=\"0\" y=\"{}\">{}</text>",
                y + ROW_H / 2 + 4,
                category.label()
            );
            for (col, p) in partners.iter().enumerate() {
                let x = LABEL_W + col * cell_w;
                let t = cells.get(&(*category, col)).copied().unwrap_or_default();
                let (class, word) = if t.count == 0 {
                    ("empty", "—".to_string())
                } else if t.deal_breakers > 0 {
                    ("sev-critical", "deal-breaker".to_string())
                } else if let Some(worst) = t.worst_open {
                    (severity_class(worst), format!("open: {worst}"))
                } else if t.parked > 0 {
                    ("parked", "parked".to_string())
                } else {
                    ("settled", "settled".to_string())
                };
                let _ = write!(self.out, "<g class=\"cell {class}\">\n<title>");
                self.esc(&p.name);
                let _ = write!(
                    self.out,
                    " · {}: {}, {}</title>\n<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"/>\n",
                    category.label(),
                    plural(t.count, "conflict", "conflicts"),
                    word,
                    x + GAP,
                    y + GAP,
                    cell_w - 2 * GAP,
                    ROW_H - 2 * GAP
                );
                let cx = x + cell_w / 2;
                if t.count == 0 {
                    let _ = writeln!(
                        self.out,
                        "<text class=\"word\" x=\"{cx}\" y=\"{}\" text-anchor=\"middle\">—</text>",
                        y + ROW_H / 2 + 4
                    );
                } else {
                    let _ = writeln!(
                        self.out,
                        "<text class=\"n\" x=\"{cx}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n<text class=\"word\" x=\"{cx}\" y=\"{}\" text-anchor=\"middle\">{word}</text>",
                        y + ROW_H / 2 - 2,
                        t.count,
                        y + ROW_H / 2 + 13
                    );
                }
                self.raw("</g>\n");
            }
        }
        self.raw("</svg>\n<figcaption>Each cell counts the conflicts in a category that involve a partner (dismissed ones are left out). The word and the shade give the worst conflict still open: <span class=\"sev sev-low\">low</span> <span class=\"sev sev-medium\">medium</span> <span class=\"sev sev-high\">high</span> <span class=\"sev sev-critical\">critical</span>; “settled” means none is open.</figcaption>\n</figure>\n");
    }

    /// One conflict. `held` says whether the room had a conflict check at all, which
    /// decides whether "open" means "still to settle" or "never on the agenda".
    fn conflict_entry(&mut self, e: &BoardEntry, held: bool) {
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
    fn item(&mut self, item: &ItemRef) {
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

    // Agreements, verdict, actions, log -------------------------------------------------

    fn agreement_list(&mut self) {
        self.section("agreements", "Agreements");
        let list: Vec<(&BoardEntry, &str)> = agreements(&self.notes.board).collect();
        if list.is_empty() {
            let words = if self.passed_at_gate().is_some() {
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

    fn verdict(&mut self) {
        let s = self.s;
        self.section("verdict", "Verdict");
        match (self.passed_at_gate(), s.verdict) {
            (Some(reason), _) => {
                self.raw("<p class=\"verdict-line\"><strong>Take a pass</strong>, decided at the vision gate.</p>\n<p><span class=\"label\">Reason</span> ");
                self.user_or(reason, "not given");
                self.raw("</p>\n<p>Both sides leave with a clear answer and without commitments. Nothing here stands in the way of meeting again if the circumstances change.</p>\n");
            }
            (None, Some(verdict)) => {
                let (label, note_label) = match verdict {
                    Verdict::Proceed => ("Proceed", "Note"),
                    Verdict::ProceedWithConditions => ("Proceed with conditions", "Conditions"),
                    Verdict::TakeAPass => ("Take a pass", "Reason"),
                };
                self.raw("<p class=\"verdict-line\"><strong>");
                self.esc(label);
                self.raw("</strong></p>\n");
                if !s.verdict_note.trim().is_empty() {
                    self.raw("<p><span class=\"label\">");
                    self.esc(note_label);
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

    fn actions(&mut self) {
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

    fn decision_log(&mut self) {
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

    fn footer(&mut self) {
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

/// The page's styles. Light on screen and on paper; colours only ever repeat what words
/// already say. Body text is #1b1f24 on white (about 16:1); the quietest text, #4a5058,
/// stays above 7:1 on both the white page and the pale table headers.
const CSS: &str = r#":root {
  color-scheme: light;
  --ink: #1b1f24;
  --muted: #4a5058;
  --rule: #d8d4cb;
  --wash: #f4f2ed;
  --accent: #1d4e5f;
  --ok: #245c36;
  --warn: #8a3b12;
  --pc: #5b5b5b;
}
.p0 { --pc: #1f5f99; } .p1 { --pc: #b34f18; } .p2 { --pc: #2d7a53; } .p3 { --pc: #7d4a9e; }
.p4 { --pc: #8a6a00; } .p5 { --pc: #1f7f8c; } .p6 { --pc: #a33a5b; } .p7 { --pc: #5b5b5b; }
* { box-sizing: border-box; }
html { background: #ebe9e3; }
body {
  margin: 0;
  color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  -webkit-text-size-adjust: 100%;
  /* A long word or link typed without spaces wraps instead of pushing past the page. */
  overflow-wrap: break-word;
}
.doc {
  max-width: 60rem;
  margin: 2rem auto;
  padding: 3rem 3.5rem 2rem;
  background: #fff;
  border-radius: 6px;
  box-shadow: 0 1px 2px rgba(0,0,0,.06), 0 4px 16px rgba(0,0,0,.05);
}
bdi { white-space: pre-line; }
.kicker { margin: 0; color: var(--accent); font-size: .8rem; font-weight: 600; letter-spacing: .09em; text-transform: uppercase; }
h1 { margin: .3rem 0 1.25rem; font-size: 2rem; line-height: 1.2; font-weight: 650; letter-spacing: -.01em; }
h2 { margin: 2.75rem 0 1rem; padding-bottom: .35rem; font-size: 1.4rem; line-height: 1.3; color: #14323d; border-bottom: 2px solid var(--accent); }
h3 { margin: 1.8rem 0 .6rem; font-size: 1.1rem; line-height: 1.35; }
h4 { margin: 1.2rem 0 .4rem; font-size: 1rem; }
p { margin: .5rem 0; }
.label { margin-right: .45rem; color: var(--muted); font-size: .85rem; font-weight: 600; letter-spacing: .03em; text-transform: uppercase; }
.missing { color: var(--muted); font-style: italic; }
.aside, .legend, .count { color: var(--muted); font-size: .9rem; }
.ok { color: var(--ok); font-weight: 600; }
.warn { color: var(--warn); font-weight: 600; }
.settled { color: var(--muted); font-weight: 600; }
.over { color: var(--warn); }
.under { color: var(--muted); }
.who { white-space: nowrap; }
.sw { display: inline-block; width: 0; height: 0; margin-right: .4em; border: .36em solid var(--pc); border-radius: 2px; vertical-align: .05em; }

dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; margin: 0 0 1.5rem; }
dl.meta div { display: contents; }
dl.meta dt { color: var(--muted); font-weight: 600; }
dl.meta dd { margin: 0; }
.partners { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
.partner { padding: .9rem 1.1rem; border: 1px solid var(--rule); border-left: 5px solid var(--pc); border-radius: 4px; break-inside: avoid; }
.pname { margin: 0 0 .35rem; font-size: 1.1rem; font-weight: 650; }
.brings { margin: 0 0 .5rem; }
.reps { margin: 0; padding: 0; list-style: none; font-size: .95rem; }
.reps li { padding: .1rem 0; }
.fn { color: var(--muted); font-size: .88rem; }
.fn::before { content: "· "; }

.toc { margin: 2rem 0 0; padding: 1rem 1.25rem; background: var(--wash); border-radius: 4px; }
.toc-title { margin: 0 0 .3rem; font-weight: 650; }
.toc ul { margin: 0; padding: 0; list-style: none; columns: 2; column-gap: 2rem; }
.toc li { padding: .1rem 0; }
.toc a { color: var(--accent); text-decoration: none; }
.toc a:hover, .toc a:focus { text-decoration: underline; }

.verdict-box { margin: 0 0 1.25rem; padding: 1rem 1.25rem; border: 1px solid var(--rule); border-left: 6px solid var(--vc, var(--muted)); border-radius: 4px; }
.v-proceed { --vc: #2d7a53; } .v-conditions { --vc: #8a6a00; } .v-pass { --vc: #1f5f99; } .v-none { --vc: #8a8f96; }
.verdict-label { margin: 0; color: var(--muted); font-size: .8rem; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; }
.verdict-value { margin: .1rem 0 .35rem; font-size: 1.5rem; font-weight: 650; }
dl.stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(11.5rem, 1fr)); gap: .6rem; margin: 0 0 1rem; }
dl.stats div { display: flex; flex-direction: column-reverse; padding: .6rem .8rem; background: var(--wash); border-radius: 4px; }
dl.stats dt { color: var(--muted); font-size: .85rem; }
dl.stats dd { margin: 0; font-size: 1.5rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.readiness { margin: .35rem 0; }
.readiness .label { display: inline-block; min-width: 6.5rem; margin-right: 0; }

table { width: 100%; margin: .75rem 0 1.25rem; border-collapse: collapse; font-size: .94rem; }
th, td { padding: .45rem .6rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); }
thead th { background: var(--wash); border-bottom: 2px solid #b8b3a7; font-weight: 650; }
tbody th { font-weight: 600; }
tfoot th, tfoot td { border-top: 2px solid #b8b3a7; border-bottom: 0; font-weight: 650; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.letter { width: 1%; text-align: center; white-space: nowrap; }
td.letter abbr { text-decoration: none; font-weight: 700; }
td.blank { color: #9a9a9a; }
.raci-A { color: var(--accent); }
table.interests { table-layout: fixed; }
table.interests th:nth-child(1) { width: 22%; }
table.interests th:nth-child(3) { width: 16%; }
table.interests th:nth-child(4) { width: 18%; }
.w-hard { font-weight: 700; }
.w-firm { font-weight: 600; }
.due, .when { white-space: nowrap; font-variant-numeric: tabular-nums; }
.check { font-size: .95rem; }
.coverage { color: var(--muted); font-size: .93rem; }
.coverage.gap { color: var(--warn); }

blockquote.statement { margin: .5rem 0 1rem; padding: .8rem 1.2rem; font-size: 1.08rem; background: var(--wash); border-left: 4px solid var(--accent); border-radius: 0 4px 4px 0; }
blockquote.statement p { margin: 0; }
.view { margin: .8rem 0; padding-left: .9rem; border-left: 3px solid var(--pc); }
.view h4 { margin-top: 0; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .2rem 1rem; margin: .3rem 0; }
dl.facts div { display: contents; }
dl.facts dt { color: var(--muted); font-size: .9rem; }
dl.facts dd { margin: 0; }
.gate { margin: .5rem 0 1rem; padding: .8rem 1.1rem; border: 1px solid var(--rule); border-left: 5px solid var(--gc, var(--muted)); border-radius: 4px; }
.gate-proceed { --gc: #2d7a53; } .gate-override { --gc: #8a6a00; } .gate-pass { --gc: #1f5f99; }
.gate-head { margin: 0 0 .3rem; font-weight: 650; }
.not-reached { padding: .7rem 1rem; color: var(--muted); background: var(--wash); border-radius: 4px; }

figure.chart { margin: 1rem 0 1.5rem; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { margin-top: .4rem; color: var(--muted); font-size: .88rem; }
svg text { font-family: inherit; font-size: 13px; fill: var(--ink); }
svg .grid { stroke: #d0ccc2; stroke-width: 1; }
svg .tick { fill: var(--muted); font-size: 11px; }
svg .name { font-weight: 600; }
svg .bar { fill: var(--pc); }
svg .value { font-weight: 650; }
svg .value.none { fill: var(--muted); font-weight: 400; font-style: italic; }
svg .mark { fill: var(--pc); }
svg .category { fill: var(--ink); font-weight: 600; }
svg .cell rect { fill: #fff; stroke: #cfcabf; }
svg .cell .n { font-size: 15px; font-weight: 700; }
svg .cell .word { font-size: 11px; }
svg .cell.empty .word { fill: #8a8f96; }
svg .cell.settled rect { fill: #e9f1ec; }
svg .cell.parked rect { fill: #eeeeee; stroke-dasharray: 4 3; }
svg .cell.sev-low rect { fill: #fbf1cc; }
svg .cell.sev-medium rect { fill: #f3c384; }
svg .cell.sev-high rect { fill: #b8462b; }
svg .cell.sev-critical rect { fill: #7c1a1f; }
svg .cell.sev-high text, svg .cell.sev-critical text { fill: #fff; }

.sev { display: inline-block; padding: 0 .45em; font-size: .8rem; font-weight: 700; letter-spacing: .03em; text-transform: uppercase; border: 1px solid currentColor; border-radius: 3px; }
.sev-low { color: #5c4a00; background: #fbf1cc; }
.sev-medium { color: #6b3a00; background: #f9dfb9; }
.sev-high { color: #8f2a12; background: #f7d9d0; }
.sev-critical { color: #fff; background: #7c1a1f; border-color: #7c1a1f; }
.cat { color: var(--muted); }
article.conflict { margin: .6rem 0; padding: .7rem 1rem; border: 1px solid var(--rule); border-radius: 4px; break-inside: avoid; }
.conflict-head { margin: 0 0 .3rem; font-size: .93rem; }
.conflict-desc { margin: 0 0 .2rem; font-weight: 600; }
.conflict-source { margin: 0 0 .4rem; color: var(--muted); font-size: .88rem; }
ol.agreements { padding-left: 1.4rem; }
ol.agreements li { margin: 0 0 .8rem; break-inside: avoid; }
.agreement { margin: 0; font-weight: 600; }
.agreement + .aside { margin: .1rem 0 0; }
.verdict-line { font-size: 1.2rem; }
.doc-foot { margin-top: 3rem; padding-top: .8rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule); }

@media (max-width: 44rem) {
  .doc { margin: 0; padding: 1.25rem; border-radius: 0; }
  .toc ul { columns: 1; }
}

@media print {
  @page { margin: 16mm 14mm; }
  html, body { background: #fff; }
  body { font-size: 10.5pt; color: #000; }
  .doc { max-width: none; margin: 0; padding: 0; box-shadow: none; border-radius: 0; }
  .toc { display: none; }
  h2, h3, h4, .label, .gate-head { break-after: avoid; page-break-after: avoid; }
  h2 { margin-top: 1.8rem; }
  table, figure, blockquote, .partner, .view, .gate, .verdict-box, article.conflict, ol.agreements li, dl.facts, dl.stats { break-inside: avoid; page-break-inside: avoid; }
  /* The decision log can run long; its rows stay whole, but the table may break. */
  table.log { break-inside: auto; page-break-inside: auto; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead th, dl.stats div, blockquote.statement, .not-reached { background: #fff; }
  thead th { border-bottom: 1.5pt solid #000; }
  dl.stats div { border: 1px solid #999; }
  .sev { background: #fff !important; color: #000 !important; border-color: #000 !important; }
  .sev-critical, .sev-high { border-width: 2px; }
  svg .cell rect { stroke: #555; }
  svg .cell.settled rect, svg .cell.parked rect, svg .cell.empty rect { fill: #fff; }
  svg .cell.sev-low rect { fill: #f2f2f2; }
  svg .cell.sev-medium rect { fill: #dedede; }
  svg .cell.sev-high rect { fill: #cacaca; stroke: #000; stroke-width: 2; }
  svg .cell.sev-critical rect { fill: #b8b8b8; stroke: #000; stroke-width: 3; }
  svg .cell.sev-high text, svg .cell.sev-critical text { fill: #000; font-weight: 700; }
  a { color: inherit; text-decoration: none; }
}
"#;

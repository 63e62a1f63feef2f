//! The session notes as a Markdown document: what a consultant would send the partners
//! after the meeting, readable as plain text and rendered well by GitHub and GitLab
//! (CommonMark with GFM tables).
//!
//! Everything the room typed goes through [`escape`] before it lands in the document, so
//! that a partner called `| * # _` or an interest reading `<script>` shows as text and can
//! neither add a table column, start a heading nor inject HTML. The document never wraps
//! user text in emphasis: whether `**…**` closes depends on the characters at its edges,
//! and user text can put anything there.

use chrono::{DateTime, NaiveDate, Utc};
use unicode_width::UnicodeWidthStr;

use super::Notes;
use crate::domain::board::{BoardEntry, agreements};
use crate::domain::change::stage_lock;
use crate::domain::describe::filler_label;
use crate::domain::detect::Rule;
use crate::domain::gate::drift_sentence;
use crate::domain::tally::{Tally, TimeTally};
use crate::domain::{
    ConflictStatus, GateDecision, HoleFiller, Partner, Raci, Role, Session, Stage, Verdict,
};

/// The notes for `notes.session` as one Markdown document.
pub fn markdown(notes: &Notes) -> String {
    let mut doc = Doc::default();
    let readiness = Tally::of(&notes.board);
    front_matter(&mut doc, notes);
    partners(&mut doc, notes.session);
    at_a_glance(&mut doc, notes, &readiness);
    time(&mut doc, notes.session);
    vision(&mut doc, notes);
    roles(&mut doc, notes.session);
    interests(&mut doc, notes.session);
    conflicts(&mut doc, notes, &readiness);
    summary(&mut doc, notes);
    decision_log(&mut doc, notes);
    footer(&mut doc, notes);
    doc.finish()
}

// Sections ---------------------------------------------------------------------------------

fn front_matter(doc: &mut Doc, notes: &Notes) {
    let s = notes.session;
    doc.heading(
        1,
        &or_placeholder(escape::inline(&s.title), "Partnership session"),
    );
    let mut facts = vec![
        format!("**Date:** {}", span(s.created, s.updated)),
        format!(
            "**Moderator:** {}",
            or_placeholder(escape::inline(&s.moderator), "not recorded")
        ),
        format!("**Partnership type:** {}", escape::inline(&s.kind.label())),
    ];
    if s.reached < Stage::Summary {
        facts.push(format!(
            "**Stage reached:** {} (the session is not finished)",
            s.reached.label()
        ));
    }
    if let Some(earlier) = &notes.header.continued_from {
        facts.push(format!(
            "**Follows up:** session {}",
            escape::inline(earlier)
        ));
    }
    doc.bullets(&facts);
}

fn partners(doc: &mut Doc, s: &Session) {
    doc.heading(2, "Partners");
    for partner in &s.partners {
        doc.heading(3, &partner_heading(partner));
        if !partner.brings.trim().is_empty() {
            doc.para(&format!(
                "**Brings:** {}",
                escape::paragraph(&partner.brings, "")
            ));
        }
        if partner.representatives.is_empty() {
            doc.para("No representatives were recorded.");
            continue;
        }
        doc.para("**In the room:**");
        let people: Vec<String> = partner
            .representatives
            .iter()
            .map(|r| {
                format!(
                    "{} — {}",
                    or_placeholder(escape::inline(&r.name), "unnamed"),
                    r.function
                )
            })
            .collect();
        doc.bullets(&people);
    }
}

fn at_a_glance(doc: &mut Doc, notes: &Notes, readiness: &Tally) {
    let s = notes.session;
    doc.heading(2, "At a glance");
    let mut lines = vec![format!("**Verdict:** {}", verdict_line(s))];
    match board_hidden(notes) {
        Some(gap) => lines.push(format!("**Conflict check:** not reached; {gap}.")),
        None => {
            lines.push(format!("**Readiness:** {}", readiness_line(readiness)));
            lines.push(format!(
                "**Agreements:** {}",
                match readiness.agreements {
                    0 => "none yet".to_string(),
                    1 => "1 reached".to_string(),
                    n => format!("{n} reached"),
                }
            ));
            lines.push(format!("**Open conflicts:** {}", open_line(readiness)));
        }
    }
    lines.push(format!(
        "**Action items:** {}",
        actions_line(s, notes.generated.date_naive())
    ));
    doc.bullets(&lines);
}

fn time(doc: &mut Doc, s: &Session) {
    doc.heading(2, "Time");
    let mut table = Table::new(&[
        ("Stage", Align::Left),
        ("Planned", Align::Right),
        ("Actual", Align::Right),
        ("Difference", Align::Left),
    ]);
    // The plan counts only the stages that were held (see `TimeTally`).
    let time = TimeTally::of(s);
    for stage in &time.stages {
        let (actual, difference) = match stage.actual {
            None => ("—".to_string(), "not reached".to_string()),
            Some(actual) => (format!("{actual} min"), difference(stage.timebox, actual)),
        };
        table.row(vec![
            stage.stage.label().to_string(),
            format!("{} min", stage.timebox),
            actual,
            difference,
        ]);
    }
    table.row(vec![
        "**Total**".to_string(),
        format!("{} min", time.planned),
        format!("{} min", time.actual),
        difference(time.planned, time.actual),
    ]);
    doc.table(&table);
    if time.any_skipped() {
        doc.para("The total leaves out the stages that were not reached.");
    }
}

fn vision(doc: &mut Doc, notes: &Notes) {
    let s = notes.session;
    doc.heading(2, "1. Market vision");
    doc.heading(3, "The shared statement");
    if s.statement.trim().is_empty() {
        doc.para("No shared statement was written.");
    } else {
        doc.para(&format!("> {}", escape::paragraph(&s.statement, "> ")));
    }

    doc.heading(3, "Each partner's view");
    for partner in &s.partners {
        doc.heading(4, &partner_heading(partner));
        let v = &partner.vision;
        doc.para(&format!(
            "**Their view:** {}",
            or_placeholder(escape::paragraph(&v.view, ""), "not recorded")
        ));
        doc.para(&format!(
            "**Why not alone:** {}",
            or_placeholder(escape::paragraph(&v.why_not_alone, ""), "not recorded")
        ));
    }

    doc.heading(3, "Where the partners stand");
    let mut table = Table::new(&[
        ("Partner", Align::Left),
        ("Alignment", Align::Center),
        ("Stance", Align::Left),
        ("Agrees to the statement", Align::Left),
    ]);
    for partner in &s.partners {
        let v = &partner.vision;
        table.row(vec![
            escape::cell(&partner.name),
            v.alignment
                .map_or_else(|| "not rated".to_string(), |n| format!("{n} of 5")),
            v.stance
                .map_or_else(|| "not stated".to_string(), |st| st.label().to_string()),
            if v.agreed { "yes" } else { "no" }.to_string(),
        ]);
    }
    doc.table(&table);
    doc.para("Alignment runs from 1 (far apart) to 5 (fully aligned with the statement).");

    // The rules that read the vision explain a pass better than any summary could, so
    // they are shown here even when the conflict check was never held.
    let gaps: Vec<String> = notes
        .board
        .iter()
        .filter(|e| e.rule() == Some(Rule::VisionGap))
        .map(|e| {
            let description = escape::paragraph(&e.description, "  ");
            if board_hidden(notes).is_some() {
                format!("{description} ({})", e.severity)
            } else {
                format!("{description} ({}, {})", e.severity, e.status.label())
            }
        })
        .collect();
    if !gaps.is_empty() {
        doc.para("**Where their answers differ**, as the rules read them:");
        doc.bullets(&gaps);
    }

    doc.heading(3, "The vision gate");
    match &s.gate {
        None => doc.para("**Not decided.** The session has not reached a decision at the gate."),
        Some(GateDecision::Proceed {
            override_reason: None,
        }) => match drift_sentence(s, &|at| at.format("%H:%M").to_string()) {
            None => doc.para(
                "**Passed.** Every partner agreed to the shared statement, and the room went on to the role split.",
            ),
            Some(drift) => doc.para(&format!(
                "**Passed, no longer agreed.** {} The room went on to the role split.",
                escape::inline(&drift)
            )),
        },
        Some(GateDecision::Proceed {
            override_reason: Some(reason),
        }) => {
            doc.para(&format!(
                "**Overridden by the moderator.** {}, and the moderator took the room on to the role split.",
                gate_shortfall(s)
            ));
            doc.para(&format!(
                "**The moderator's reason:** {}",
                escape::paragraph(reason, "")
            ));
            if let Some(drift) = drift_sentence(s, &|at| at.format("%H:%M").to_string()) {
                doc.para(&escape::inline(&drift));
            }
        }
        Some(GateDecision::TakeAPass { reason }) => {
            doc.para(
                "**The partners took a pass.** They decided not to pursue this opportunity together.",
            );
            doc.para(&format!("**Their reason:** {}", escape::paragraph(reason, "")));
            doc.para(
                "Taking a pass at the gate is a sound outcome: the partners found out early, before investing in roles and terms, that they do not share a vision worth building on together. The role split, the self-interests and the conflict check were therefore not held.",
            );
        }
    }
}

fn roles(doc: &mut Doc, s: &Session) {
    doc.heading(2, "2. Role split");
    if let Some(gap) = stage_gap(s, Stage::Roles) {
        doc.para(&not_reached(gap));
        return;
    }

    doc.heading(3, "Who does what");
    if s.roles.is_empty() {
        doc.para("No roles were listed.");
    } else {
        let mut columns = vec![("Role".to_string(), Align::Left)];
        columns.extend(
            s.partners
                .iter()
                .map(|p| (escape::cell(&p.name), Align::Center)),
        );
        columns.push(("Check".to_string(), Align::Left));
        let mut table = Table::with_columns(columns);
        let mut unsettled = 0;
        for role in &s.roles {
            let mut row = vec![or_placeholder(escape::cell(&role.name), "unnamed role")];
            row.extend(s.partners.iter().map(|p| {
                role.raci
                    .get(&p.id)
                    .map_or_else(String::new, |l| l.letter().to_string())
            }));
            let (check, problem) = role_check(role);
            unsettled += usize::from(problem);
            row.push(check);
            table.row(row);
        }
        doc.table(&table);
        let legend: Vec<String> = Raci::ALL
            .iter()
            .map(|l| format!("{} = {}{}", l.letter(), l.label(), raci_gloss(*l)))
            .collect();
        doc.para(&format!(
            "{}. A blank cell means the partner has no part in the role.",
            legend.join(" · ")
        ));
        doc.para(&match unsettled {
            0 => "Every role has one partner accountable and someone responsible.".to_string(),
            1 => "1 role still has to be settled (see the check column).".to_string(),
            n => format!("{n} roles still have to be settled (see the check column)."),
        });
    }

    doc.heading(3, "Holes in each partner's own business");
    if s.holes.is_empty() {
        doc.para("No holes were named.");
        return;
    }
    let mut table = Table::new(&[
        ("Partner", Align::Left),
        ("Hole", Align::Left),
        ("Filled by", Align::Left),
    ]);
    let mut left_to_partner = 0;
    for partner in &s.partners {
        for hole in s.holes_of(partner.id) {
            let filler = escape::cell(&filler_label(s, hole.filled_by));
            let filler = if let HoleFiller::Partner(_) = hole.filled_by {
                left_to_partner += 1;
                format!("⚠ {filler} (left to another partner)")
            } else {
                filler
            };
            table.row(vec![
                escape::cell(&partner.name),
                escape::cell(&hole.text),
                filler,
            ]);
        }
    }
    doc.table(&table);
    if left_to_partner > 0 {
        let which = if left_to_partner == 1 {
            "1 hole is".to_string()
        } else {
            format!("{left_to_partner} holes are")
        };
        doc.para(&format!(
            "⚠ {which} left to another partner. Partners invest in their own business, not in each other's: each such hole is on the conflict board below."
        ));
    }
}

fn interests(doc: &mut Doc, s: &Session) {
    doc.heading(2, "3. Self-interests");
    if let Some(gap) = stage_gap(s, Stage::Interests) {
        doc.para(&not_reached(gap));
        return;
    }
    if s.interests.is_empty() {
        doc.para("No self-interests were disclosed.");
    }
    for partner in &s.partners {
        let mut mine: Vec<_> = s.interests_of(partner.id).collect();
        if mine.is_empty() && s.interests.is_empty() {
            continue;
        }
        doc.heading(3, &partner_heading(partner));
        if mine.is_empty() {
            doc.para("No interests disclosed.");
            continue;
        }
        // Grouped by category, firmest first within each, so the reader sees at a glance
        // where a partner will not move.
        mine.sort_by_key(|i| (i.category, i.weight));
        let mut table = Table::new(&[
            ("Category", Align::Left),
            ("Interest", Align::Left),
            ("Weight", Align::Left),
            ("Raised by", Align::Left),
        ]);
        for interest in mine {
            table.row(vec![
                interest.category.label().to_string(),
                escape::cell(&interest.statement),
                interest.weight.label().to_string(),
                interest.function.label().to_string(),
            ]);
        }
        doc.table(&table);
    }

    doc.heading(3, "Coverage");
    doc.para(
        "Interests should come from every function of each organisation, not only from the top.",
    );
    let mut table = Table::new(&[
        ("Partner", Align::Left),
        ("Interests", Align::Right),
        ("Functions that spoke", Align::Left),
        ("In the room, did not speak", Align::Left),
    ]);
    for partner in &s.partners {
        let spoke = s.disclosed_functions(partner.id);
        let silent: Vec<&str> = s
            .present_functions(partner.id)
            .difference(&spoke)
            .map(|f| f.label())
            .collect();
        let spoke: Vec<&str> = spoke.iter().map(|f| f.label()).collect();
        table.row(vec![
            escape::cell(&partner.name),
            s.interests_of(partner.id).count().to_string(),
            list_or_dash(&spoke),
            list_or_dash(&silent),
        ]);
    }
    doc.table(&table);
}

fn conflicts(doc: &mut Doc, notes: &Notes, readiness: &Tally) {
    let s = notes.session;
    doc.heading(2, "4. Conflict check");
    if let Some(gap) = board_hidden(notes) {
        doc.para(&not_reached(gap));
        return;
    }
    if conflict_check_gap(s).is_some() {
        doc.para("The room has not reached the conflict check yet; the rules found these in what was said so far.");
    }
    if notes.board.is_empty() {
        doc.para("No conflicts were entered or found.");
        return;
    }

    doc.para(&format!(
        "{} on the board: {} entered by the moderator, {} found by the rules. {}.",
        count(readiness.on_board(), "conflict", "conflicts"),
        readiness.entered,
        readiness.found,
        capitalise(&readiness_line(readiness)),
    ));

    type Belongs = fn(&ConflictStatus) -> bool;
    let groups: [(&str, Belongs, Option<&str>); 5] = [
        (
            "Open",
            |st| matches!(st, ConflictStatus::Open),
            Some("None: every conflict on the board has been decided or parked."),
        ),
        (
            "Parked for a later meeting",
            |st| matches!(st, ConflictStatus::Parked),
            None,
        ),
        (
            "Deal-breakers",
            |st| matches!(st, ConflictStatus::DealBreaker),
            Some("None."),
        ),
        (
            "Settled",
            |st| {
                matches!(
                    st,
                    ConflictStatus::Resolved { .. } | ConflictStatus::AcceptedRisk
                )
            },
            None,
        ),
        (
            "Dismissed as not conflicts",
            |st| matches!(st, ConflictStatus::Dismissed { .. }),
            None,
        ),
    ];
    // Numbered across the groups, so that "conflict 7" means one thing in the follow-up.
    let mut number = 0;
    for (title, belongs, when_empty) in groups {
        let mut entries: Vec<&BoardEntry> =
            notes.board.iter().filter(|e| belongs(&e.status)).collect();
        if entries.is_empty() {
            // Open conflicts and deal-breakers are what readers look for, so their
            // absence is said; empty groups of the rest would only be noise.
            if let Some(text) = when_empty {
                doc.heading(3, &format!("{title} (0)"));
                doc.para(text);
            }
            continue;
        }
        // Worst first; the board's own order (entered, then detected) breaks ties.
        entries.sort_by_key(|e| std::cmp::Reverse(e.severity));
        doc.heading(3, &format!("{title} ({})", entries.len()));
        let items: Vec<String> = entries
            .into_iter()
            .map(|entry| {
                number += 1;
                board_item(s, entry, number)
            })
            .collect();
        doc.list(&items);
    }
}

/// One conflict as a numbered list item: what it is, where it came from, what the room
/// decided and who takes it forward. A list rather than a table, because descriptions
/// and agreements are sentences, which a table squeezes into narrow columns.
fn board_item(s: &Session, entry: &BoardEntry, number: usize) -> String {
    let marker = format!("{number}. ");
    let indent = " ".repeat(marker.len());
    let found_by = match entry.rule() {
        Some(rule) => format!("found by the rule *{}*", rule.label()),
        None => "entered by the moderator".to_string(),
    };
    let partners: Vec<String> = entry
        .partners
        .iter()
        .map(|p| escape::inline(&s.partner_name(*p)))
        .collect();
    let mut lines = vec![
        or_placeholder(
            escape::paragraph(&entry.description, &indent),
            "(no description)",
        ),
        format!(
            "{} · {} · {found_by} · {}",
            capitalise(entry.severity.label()),
            entry.category.label(),
            or_placeholder(and_list(&partners), "no partner named")
        ),
    ];
    let text = |t: &str| or_placeholder(escape::paragraph(t, &indent), "—");
    match &entry.status {
        ConflictStatus::Open | ConflictStatus::Parked => {
            if let Some(question) = &entry.prompt {
                lines.push(format!("**To decide:** {}", text(question)));
            }
        }
        ConflictStatus::Resolved { agreement } => {
            lines.push(format!("**Agreed:** {}", text(agreement)));
        }
        ConflictStatus::AcceptedRisk => lines.push("**Accepted as a risk.**".to_string()),
        ConflictStatus::DealBreaker => lines.push("**Called a deal-breaker.**".to_string()),
        ConflictStatus::Dismissed { reason } => {
            lines.push(format!("**Not a conflict:** {}", text(reason)));
        }
    }
    if !entry.owner.trim().is_empty() {
        lines.push(format!("**Owner:** {}", text(&entry.owner)));
    }
    format!("{marker}{}", lines.join(&format!("\\\n{indent}")))
}

fn summary(doc: &mut Doc, notes: &Notes) {
    let s = notes.session;
    doc.heading(2, "5. Summary");

    doc.heading(3, "Agreements");
    let reached: Vec<(&BoardEntry, &str)> = agreements(&notes.board).collect();
    if reached.is_empty() {
        match conflict_check_gap(s) {
            Some(gap) if passed_at_gate(s) || s.gate.is_none() => {
                doc.para(&format!("None: {gap}."));
            }
            _ => doc.para("No agreements were recorded."),
        }
    } else {
        let items: Vec<String> = reached
            .iter()
            .enumerate()
            .map(|(n, (entry, agreement))| {
                // Continuation lines line up under the item's text ("1. " or "10. ").
                let indent = " ".repeat(format!("{}. ", n + 1).len());
                let owner = if entry.owner.trim().is_empty() {
                    String::new()
                } else {
                    format!(" · Owner: {}", escape::inline(&entry.owner))
                };
                format!(
                    "{}. {}\\\n{indent}Category: {}{owner}",
                    n + 1,
                    escape::paragraph(agreement, &indent),
                    entry.category.label(),
                )
            })
            .collect();
        doc.list(&items);
    }

    doc.heading(3, "Verdict");
    let note = escape::paragraph(&s.verdict_note, "");
    match s.verdict {
        None => doc.para("No verdict was recorded yet."),
        Some(Verdict::TakeAPass) => {
            let when = if passed_at_gate(s) {
                " at the vision gate"
            } else {
                ""
            };
            doc.para(&format!(
                "**Take a pass.** The partners decided{when} not to go ahead together. That is a clear result, reached early and in good order."
            ));
            if !note.is_empty() {
                doc.para(&format!("**{}:** {note}", note_label(Verdict::TakeAPass)));
            }
        }
        Some(verdict) => {
            doc.para(&format!("**{}.**", capitalise(verdict.label())));
            if !note.is_empty() {
                doc.para(&format!("**{}:** {note}", note_label(verdict)));
            }
        }
    }

    doc.heading(3, "Action items");
    if s.actions.is_empty() {
        doc.para("No action items were recorded.");
        return;
    }
    let mut table = Table::new(&[
        ("#", Align::Right),
        ("Action", Align::Left),
        ("Owner", Align::Left),
        ("Due", Align::Left),
    ]);
    let today = notes.generated.date_naive();
    for (n, action) in s.actions.iter().enumerate() {
        let mut due = action.due.map_or_else(|| "—".to_string(), short_date);
        if action.is_overdue(today) {
            due.push_str(" (overdue)");
        }
        table.row(vec![
            (n + 1).to_string(),
            escape::cell(&action.text),
            or_dash(escape::cell(&action.owner)),
            due,
        ]);
    }
    doc.table(&table);
}

fn decision_log(doc: &mut Doc, notes: &Notes) {
    doc.heading(2, "Decision log");
    let log = notes.decision_log();
    if log.is_empty() {
        doc.para("No decisions were recorded.");
        return;
    }
    let day = notes.session.created.date_naive();
    let same_day = log.iter().all(|(at, _)| at.date_naive() == day);
    doc.para(if same_day {
        "Times are UTC."
    } else {
        "Dates and times are UTC."
    });
    let mut table = Table::new(&[("Time", Align::Left), ("Decision", Align::Left)]);
    for (at, sentence) in &log {
        let when = if same_day {
            at.format("%H:%M").to_string()
        } else {
            at.format("%Y-%m-%d %H:%M").to_string()
        };
        table.row(vec![when, escape::cell(sentence)]);
    }
    doc.table(&table);
}

fn footer(doc: &mut Doc, notes: &Notes) {
    doc.para("---");
    doc.para(&format!(
        "Notes generated on {} at {} UTC by sameside from session {}.",
        long_date(notes.generated.date_naive()),
        notes.generated.format("%H:%M"),
        or_placeholder(escape::inline(&notes.header.id), "without an id"),
    ));
}

// Wording ----------------------------------------------------------------------------------

fn partner_heading(partner: &Partner) -> String {
    or_placeholder(escape::inline(&partner.name), "Unnamed partner")
}

fn passed_at_gate(s: &Session) -> bool {
    matches!(s.gate, Some(GateDecision::TakeAPass { .. }))
}

/// Why `stage` was not held, as a clause ("the partners took a pass at the vision
/// gate"), if it was not.
fn stage_gap(s: &Session, stage: Stage) -> Option<&'static str> {
    if stage_lock(s, stage).is_none() && s.reached >= stage {
        return None;
    }
    Some(match &s.gate {
        Some(GateDecision::TakeAPass { .. }) => "the partners took a pass at the vision gate",
        None => "the vision gate has not been decided",
        Some(GateDecision::Proceed { .. }) => "the session has not come to it yet",
    })
}

fn conflict_check_gap(s: &Session) -> Option<&'static str> {
    stage_gap(s, Stage::Conflicts)
}

/// A section's whole text when its stage was not held.
fn not_reached(gap: &str) -> String {
    format!("Not reached: {gap}.")
}

/// Why the conflict board is not shown, if it is not. A board is shown before the room
/// reaches the conflict check when the rules already found something in the role split,
/// but not after a pass (the vision section shows what the rules said there) or before
/// the gate.
fn board_hidden(notes: &Notes) -> Option<&'static str> {
    let s = notes.session;
    let gap = conflict_check_gap(s)?;
    let shown = !notes.board.is_empty() && matches!(s.gate, Some(GateDecision::Proceed { .. }));
    (!shown).then_some(gap)
}

/// What kept the gate from passing on its own, for the override sentence.
fn gate_shortfall(s: &Session) -> String {
    if s.statement.trim().is_empty() {
        return "No shared statement had been written".to_string();
    }
    let missing: Vec<String> = s
        .partners
        .iter()
        .filter(|p| !p.vision.agreed)
        .map(|p| escape::inline(&p.name))
        .collect();
    if missing.is_empty() {
        "Not every partner had agreed to the shared statement".to_string()
    } else {
        format!(
            "{} had not agreed to the shared statement",
            and_list(&missing)
        )
    }
}

fn verdict_line(s: &Session) -> String {
    let Some(verdict) = s.verdict else {
        return "not recorded yet".to_string();
    };
    let label = match verdict {
        Verdict::TakeAPass if passed_at_gate(s) => "Take a pass, at the vision gate".to_string(),
        other => capitalise(other.label()),
    };
    let note = escape::inline(&s.verdict_note);
    if note.is_empty() {
        format!("{label}.")
    } else {
        format!("{label}. {}: {note}", note_label(verdict))
    }
}

/// What the note said with a verdict is: the conditions, or the reason for a pass.
fn note_label(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Proceed => "Note",
        Verdict::ProceedWithConditions => "Conditions",
        Verdict::TakeAPass => "Reason",
    }
}

fn readiness_line(r: &Tally) -> String {
    let total = r.on_board();
    let mut line = if total == 0 {
        "no conflicts to decide".to_string()
    } else {
        format!(
            "{} of {} decided ({}%)",
            r.decided(),
            count(total, "conflict", "conflicts"),
            r.percent_decided()
        )
    };
    match r.dismissed() {
        0 => {}
        1 => line.push_str("; 1 more dismissed as not a conflict"),
        n => line.push_str(&format!("; {n} more dismissed as not conflicts")),
    }
    line
}

fn open_line(r: &Tally) -> String {
    let mut line = r.outcomes.open_summary();
    if r.parked() > 0 {
        line.push_str(&format!(", {} parked for a later meeting", r.parked()));
    }
    match r.deal_breakers() {
        0 => {}
        1 => line.push_str("; 1 deal-breaker stands"),
        n => line.push_str(&format!("; {n} deal-breakers stand")),
    }
    line
}

fn actions_line(s: &Session, today: NaiveDate) -> String {
    if s.actions.is_empty() {
        return "none".to_string();
    }
    let n = s.actions.len();
    let mut line = match s.actions.iter().filter_map(|a| a.due).min() {
        Some(due) if n == 1 => format!("1, due {}", long_date(due)),
        Some(due) => format!("{n}, the first due {}", long_date(due)),
        None => n.to_string(),
    };
    match s.actions.iter().filter(|a| a.is_overdue(today)).count() {
        0 => {}
        overdue => line.push_str(&format!(" ({overdue} overdue)")),
    }
    line
}

/// The check column of the role split, in the words the wall uses.
fn role_check(role: &Role) -> (String, bool) {
    let (mut accountable, mut responsible) = (0usize, 0usize);
    for letter in role.raci.values() {
        match letter {
            Raci::Accountable => accountable += 1,
            Raci::Responsible => responsible += 1,
            _ => {}
        }
    }
    let a = match accountable {
        1 => None,
        0 => Some("nobody accountable".to_string()),
        n => Some(format!("{n} accountable")),
    };
    let r = (responsible == 0).then_some("nobody responsible");
    match (a, r) {
        (None, None) => ("ok".to_string(), false),
        (Some(a), None) => (a, true),
        (None, Some(r)) => (r.to_string(), true),
        (Some(a), Some(r)) => (format!("{a}, {r}"), true),
    }
}

fn raci_gloss(letter: Raci) -> &'static str {
    match letter {
        Raci::Responsible => " (does the work)",
        Raci::Accountable => " (answers for it; one partner per role)",
        Raci::Consulted => " (asked before decisions)",
        Raci::Informed => " (told afterwards)",
    }
}

fn difference(planned: u64, actual: u64) -> String {
    match actual.cmp(&planned) {
        std::cmp::Ordering::Equal => "on time".to_string(),
        std::cmp::Ordering::Greater => format!("{} min over", actual - planned),
        std::cmp::Ordering::Less => format!("{} min under", planned - actual),
    }
}

fn span(from: DateTime<Utc>, to: DateTime<Utc>) -> String {
    if from.date_naive() == to.date_naive() {
        format!(
            "{}, {}–{} UTC",
            long_date(from.date_naive()),
            from.format("%H:%M"),
            to.format("%H:%M")
        )
    } else {
        format!(
            "{}, {} UTC to {}, {} UTC",
            long_date(from.date_naive()),
            from.format("%H:%M"),
            long_date(to.date_naive()),
            to.format("%H:%M")
        )
    }
}

fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

fn short_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn list_or_dash<S: AsRef<str>>(items: &[S]) -> String {
    if items.is_empty() {
        "—".to_string()
    } else {
        items
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn or_dash(text: String) -> String {
    or_placeholder(text, "—")
}

fn or_placeholder(text: String, placeholder: &str) -> String {
    if text.is_empty() {
        placeholder.to_string()
    } else {
        text
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

// Layout -----------------------------------------------------------------------------------

/// The document being written: blocks separated by one blank line, which is what keeps
/// CommonMark from gluing a table to the paragraph above it.
#[derive(Default)]
struct Doc {
    text: String,
}

impl Doc {
    fn heading(&mut self, level: usize, text: &str) {
        self.text.push_str(&"#".repeat(level));
        self.text.push(' ');
        self.text.push_str(text);
        self.text.push_str("\n\n");
    }

    fn para(&mut self, text: &str) {
        self.text.push_str(text);
        self.text.push_str("\n\n");
    }

    /// A bullet list; `items` are Markdown already (escaped), continuation lines indented
    /// by two spaces.
    fn bullets(&mut self, items: &[String]) {
        for item in items {
            self.text.push_str("- ");
            self.text.push_str(item);
            self.text.push('\n');
        }
        self.text.push('\n');
    }

    /// A numbered list whose items carry their own numbers.
    fn list(&mut self, items: &[String]) {
        for item in items {
            self.text.push_str(item);
            self.text.push('\n');
        }
        self.text.push('\n');
    }

    fn table(&mut self, table: &Table) {
        table.render(&mut self.text);
        self.text.push('\n');
    }

    fn finish(mut self) -> String {
        let end = self.text.trim_end().len();
        self.text.truncate(end);
        self.text.push('\n');
        self.text
    }
}

#[derive(Debug, Clone, Copy)]
enum Align {
    Left,
    Right,
    Center,
}

/// A GFM table whose cells are Markdown already (escaped), laid out so the plain text
/// lines up as well as the rendered table.
struct Table {
    columns: Vec<(String, Align)>,
    rows: Vec<Vec<String>>,
}

/// Cells wider than this are left to stick out instead of widening their column: one
/// pasted paragraph or a very long word would otherwise pad every other row of the table
/// to its width. Rendered tables are not affected; only the plain text is.
const MAX_PADDED_WIDTH: usize = 160;

impl Table {
    fn new(columns: &[(&str, Align)]) -> Table {
        Table::with_columns(
            columns
                .iter()
                .map(|(name, align)| (name.to_string(), *align))
                .collect(),
        )
    }

    fn with_columns(columns: Vec<(String, Align)>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
        }
    }

    /// Adds a row; a short row is filled with empty cells and a long one cut, so every
    /// row always has the header's number of cells.
    fn row(&mut self, mut cells: Vec<String>) {
        cells.resize(self.columns.len(), String::new());
        self.rows.push(cells);
    }

    fn render(&self, out: &mut String) {
        // The delimiter row needs at least three characters per cell (`:-:`).
        let mut widths = vec![3usize; self.columns.len()];
        let cells = self
            .rows
            .iter()
            .flatten()
            .zip((0..self.columns.len()).cycle());
        let header = self.columns.iter().map(|(name, _)| name).zip(0..);
        for (cell, col) in header.chain(cells) {
            let w = cell.width();
            if w <= MAX_PADDED_WIDTH {
                widths[col] = widths[col].max(w);
            }
        }
        let header: Vec<&str> = self.columns.iter().map(|(n, _)| n.as_str()).collect();
        render_row(out, &header, &widths, &self.columns);
        out.push('|');
        for ((_, align), width) in self.columns.iter().zip(&widths) {
            out.push(' ');
            let dashes = match align {
                Align::Left => format!("{:-<width$}", ""),
                Align::Right => format!("{:-<w$}:", "", w = width - 1),
                Align::Center => format!(":{:-<w$}:", "", w = width - 2),
            };
            out.push_str(&dashes);
            out.push_str(" |");
        }
        out.push('\n');
        for row in &self.rows {
            let row: Vec<&str> = row.iter().map(String::as_str).collect();
            render_row(out, &row, &widths, &self.columns);
        }
    }
}

fn render_row(out: &mut String, cells: &[&str], widths: &[usize], columns: &[(String, Align)]) {
    out.push('|');
    for ((cell, width), (_, align)) in cells.iter().zip(widths).zip(columns) {
        let pad = width.saturating_sub(cell.width());
        let (before, after) = match align {
            Align::Left => (0, pad),
            Align::Right => (pad, 0),
            Align::Center => (pad / 2, pad - pad / 2),
        };
        out.push(' ');
        out.extend(std::iter::repeat_n(' ', before));
        out.push_str(cell);
        out.extend(std::iter::repeat_n(' ', after));
        out.push_str(" |");
    }
    out.push('\n');
}

// Escaping ---------------------------------------------------------------------------------

/// Turns user text into Markdown that shows exactly that text and nothing more.
///
/// Every character with a meaning somewhere in CommonMark or GFM is neutralised wherever
/// it appears, not only where it would take effect today: escaping `*` only when a
/// matching `*` follows is a parser's job, and getting it wrong once breaks a document a
/// partner receives. What is done, and why:
///
/// - `\` `` ` `` `*` `_` `[` `]` `|` `~` `$` `#` get a backslash: escapes, code spans,
///   emphasis, links, table cells, strikethrough, GitHub's math and headings.
/// - `<` and `>` become `&lt;` and `&gt;`: no HTML, no autolinks, no block quotes, and no
///   `<script` anywhere in the file, even for a renderer that ignores backslashes.
/// - `&` gets a backslash only where it would start an entity (`&amp;`), so "R&D" stays
///   as it is.
/// - At the start of a line, `-` `+` `=` and the `.`/`)` after leading digits are
///   escaped: list items, thematic breaks, setext underlines and numbered lists.
/// - Lines are trimmed, so leading spaces cannot make indented code; empty lines are
///   dropped, so user text cannot end the paragraph it sits in.
/// - Control characters are dropped (tabs become spaces): they are invisible, and escape
///   sequences would act on a terminal that shows the file.
/// - Explicit bidirectional embeddings, overrides and isolates are closed at the end of
///   each line, so that a U+202E in a partner's name cannot reverse the words that the
///   document writes after it.
pub mod escape {
    /// User text on one line (headings, list entries): line breaks become spaces.
    pub fn inline(text: &str) -> String {
        join_lines(text, " ")
    }

    /// User text in a table cell: line breaks become `<br>`, which GitHub and GitLab
    /// render inside cells, where a real line break would end the table.
    pub fn cell(text: &str) -> String {
        join_lines(text, "<br>")
    }

    /// User text as a paragraph that keeps its line breaks as hard breaks (a backslash
    /// at the end of the line, which, unlike two spaces, survives editors that trim).
    /// `indent` starts every following line: `"> "` inside a block quote, spaces inside a
    /// list item.
    pub fn paragraph(text: &str, indent: &str) -> String {
        join_lines(text, &format!("\\\n{indent}"))
    }

    fn join_lines(text: &str, separator: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        for line in lines(text) {
            if !out.is_empty() {
                out.push_str(separator);
            }
            line_into(&mut out, &line);
        }
        out
    }

    /// The visible lines of `text`: split at any line ending, control characters
    /// removed, trimmed, empty ones left out.
    fn lines(text: &str) -> impl Iterator<Item = String> + '_ {
        text.split(is_line_break).filter_map(|line| {
            let clean: String = line
                .chars()
                .filter_map(|c| match c {
                    '\t' => Some(' '),
                    c if c.is_control() => None,
                    c => Some(c),
                })
                .collect();
            let trimmed = clean.trim();
            (!trimmed.is_empty()).then(|| trimmed.to_string())
        })
    }

    /// CR and LF, and the Unicode line and paragraph separators (and NEL), which an
    /// editor shows as a new line even though Markdown does not.
    fn is_line_break(c: char) -> bool {
        matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
    }

    /// Escapes one trimmed, non-empty line onto `out`.
    fn line_into(out: &mut String, line: &str) {
        // Block syntax that only counts at the start of a line.
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let numbered =
            (1..=9).contains(&digits) && matches!(line.as_bytes().get(digits), Some(b'.' | b')'));
        if line.starts_with(['-', '+', '=']) {
            out.push('\\');
        }
        let mut embeddings = 0usize;
        let mut isolates = 0usize;
        for (i, c) in line.char_indices() {
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' | '#' => {
                    out.push('\\');
                    out.push(c);
                }
                '.' | ')' if numbered && i == digits => {
                    out.push('\\');
                    out.push(c);
                }
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' if starts_entity(&line[i + 1..]) => out.push_str("\\&"),
                '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => {
                    embeddings += 1;
                    out.push(c);
                }
                '\u{202C}' => {
                    embeddings = embeddings.saturating_sub(1);
                    out.push(c);
                }
                '\u{2066}' | '\u{2067}' | '\u{2068}' => {
                    isolates += 1;
                    out.push(c);
                }
                '\u{2069}' => {
                    isolates = isolates.saturating_sub(1);
                    out.push(c);
                }
                c => out.push(c),
            }
        }
        out.extend(std::iter::repeat_n('\u{202C}', embeddings));
        out.extend(std::iter::repeat_n('\u{2069}', isolates));
    }

    /// Whether the text after an `&` would make it an entity or character reference
    /// (`amp;`, `#38;`, `#x26;`).
    fn starts_entity(rest: &str) -> bool {
        let name = rest
            .bytes()
            .take(32)
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
            .count();
        name > 0 && rest.as_bytes().get(name) == Some(&b';')
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markdown_syntax_in_user_text_is_escaped() {
        assert_eq!(
            escape::inline("a | b * c _d_ #1 [x](y) `code` ~~s~~ $5 \\"),
            "a \\| b \\* c \\_d\\_ \\#1 \\[x\\](y) \\`code\\` \\~\\~s\\~\\~ \\$5 \\\\"
        );
        assert_eq!(
            escape::inline("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(escape::inline("R&D &amp; more"), "R&D \\&amp; more");
    }

    #[test]
    fn block_syntax_is_escaped_at_the_start_of_every_line() {
        assert_eq!(escape::inline("- item"), "\\- item");
        assert_eq!(escape::inline("+ item"), "\\+ item");
        assert_eq!(escape::inline("==="), "\\===");
        assert_eq!(escape::inline("12. point"), "12\\. point");
        assert_eq!(escape::inline("3) point"), "3\\) point");
        assert_eq!(escape::inline("2026 plan. Next"), "2026 plan. Next");
        assert_eq!(escape::inline("> quote"), "&gt; quote");
        assert_eq!(
            escape::paragraph("one\r\n- two\n\n   1. three", "  "),
            "one\\\n  \\- two\\\n  1\\. three"
        );
    }

    #[test]
    fn cells_keep_line_breaks_as_br_and_drop_control_characters() {
        assert_eq!(escape::cell("a\r\nb\rc\u{2028}d"), "a<br>b<br>c<br>d");
        assert_eq!(escape::cell("tab\there\u{1b}[31m"), "tab here\\[31m");
        assert_eq!(escape::cell("  \n \t "), "");
    }

    #[test]
    fn bidi_overrides_are_closed_at_the_end_of_each_line() {
        assert_eq!(escape::inline("\u{202E}evil"), "\u{202E}evil\u{202C}");
        assert_eq!(
            escape::inline("\u{2067}a\u{2069}b"),
            "\u{2067}a\u{2069}b",
            "a closed isolate is left alone"
        );
    }
}

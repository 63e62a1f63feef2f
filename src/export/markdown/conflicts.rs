//! The conflict check (stage 4): the board in groups, each conflict as a numbered item.

use super::escape;
use super::layout::Doc;
use super::wording::{
    and_list, board_hidden, conflict_check_gap, not_reached, or_placeholder, readiness_line,
};
use crate::domain::board::BoardEntry;
use crate::domain::tally::Tally;
use crate::domain::{ConflictStatus, Session};
use crate::export::words::{capitalise, glossary_detail, plural};
use crate::export::{Notes, Pile};

pub(super) fn conflicts(doc: &mut Doc, notes: &Notes, readiness: &Tally) {
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
        plural(readiness.on_board(), "conflict", "conflicts"),
        readiness.entered,
        readiness.found,
        capitalise(&readiness_line(readiness)),
    ));

    // Numbered across the groups, so that "conflict 7" means one thing in the follow-up.
    let mut number = 0;
    for pile in Pile::ALL {
        let (title, when_empty) = heading(pile);
        let mut entries: Vec<&BoardEntry> = notes
            .board
            .iter()
            .filter(|e| Pile::of(&e.status) == pile)
            .collect();
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

/// A group's heading, and what to say when it is empty (`None`: leave the group out).
fn heading(pile: Pile) -> (&'static str, Option<&'static str>) {
    match pile {
        Pile::Open => (
            "Open",
            Some("None: every conflict on the board has been decided or parked."),
        ),
        Pile::Parked => ("Parked for a later meeting", None),
        Pile::DealBreaker => ("Deal-breakers", Some("None.")),
        Pile::Settled => ("Settled", None),
        Pile::Dismissed => ("Dismissed as not conflicts", None),
    }
}

/// One conflict as a numbered list item: what it is, where it came from, what the room
/// decided and who takes it forward. A list rather than a table, because descriptions
/// and agreements are sentences, which a table squeezes into narrow columns.
pub(super) fn board_item(s: &Session, entry: &BoardEntry, number: usize) -> String {
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

/// The accounts, places and products the room named; nothing when it named none.
pub(super) fn glossary(doc: &mut Doc, s: &Session) {
    if s.glossary.is_empty() {
        return;
    }
    doc.heading(2, "Glossary");
    doc.para("Accounts, places and products the room named, with the other names they go by.");
    let items: Vec<String> = s
        .glossary
        .iter()
        .map(|entry| {
            let detail = glossary_detail(s, entry);
            let name = escape::inline(&entry.name);
            let kind = capitalise(entry.kind.label());
            if detail.is_empty() {
                format!("{kind}: {name}")
            } else {
                format!("{kind}: {name} ({})", escape::inline(&detail))
            }
        })
        .collect();
    doc.bullets(&items);
}

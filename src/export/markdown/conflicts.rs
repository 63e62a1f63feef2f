//! The conflict check (stage 4): the board in groups, each conflict as a numbered item.

use super::escape;
use super::layout::Doc;
use super::wording::{
    and_list, board_hidden, capitalise, conflict_check_gap, count, not_reached, or_placeholder,
    readiness_line,
};
use crate::domain::board::BoardEntry;
use crate::domain::tally::Tally;
use crate::domain::{ConflictStatus, Session};
use crate::export::Notes;

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

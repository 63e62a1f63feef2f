//! The session notes as a Markdown document: what a consultant would send the partners
//! after the meeting, readable as plain text and rendered well by GitHub and GitLab
//! (CommonMark with GFM tables).
//!
//! Everything the room typed goes through [`escape`] before it lands in the document, so
//! that a partner called `| * # _` or an interest reading `<script>` shows as text and can
//! neither add a table column, start a heading nor inject HTML. The document never wraps
//! user text in emphasis: whether `**…**` closes depends on the characters at its edges,
//! and user text can put anything there.
//!
//! The document is written section by section into a `layout::Doc`: the opening parts
//! (`opening`), each stage of the method (`vision`, `roles`, `interests`, `conflicts`)
//! and the closing parts (`closing`), in words from `wording`.

mod closing;
mod conflicts;
pub mod escape;
mod interests;
mod layout;
mod opening;
mod roles;
mod rounds;
mod vision;
mod wording;

use super::Notes;
use crate::domain::tally::Tally;
use closing::{decision_log, footer, summary};
use conflicts::{conflicts, glossary};
use interests::interests;
use layout::Doc;
use opening::{at_a_glance, front_matter, partners, time};
use roles::roles;
use rounds::rounds;
use vision::vision;

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
    glossary(&mut doc, notes.session);
    rounds(&mut doc, notes.session);
    summary(&mut doc, notes);
    decision_log(&mut doc, notes);
    footer(&mut doc, notes);
    doc.finish()
}

#[cfg(test)]
mod tests;

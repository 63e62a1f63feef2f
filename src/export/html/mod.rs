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
//!
//! The page is written by `page::Page`, one file per part of the document: the head,
//! contents and overview (`overview`), each stage of the method (`vision`, `roles`,
//! `interests`, `conflicts`), the closing parts (`closing`), the two SVG charts (`charts`)
//! and the stylesheet (`style`).

mod charts;
mod closing;
mod conflicts;
mod interests;
mod overview;
mod page;
mod roles;
mod rounds;
mod style;
mod text;
mod vision;

use super::Notes;
use page::Page;

/// The whole page for `notes`.
pub fn html(notes: &Notes) -> String {
    let mut page = Page::new(notes);
    page.document();
    page.out
}

//! The conflict check's unit tests, by what they look at: the list, settling, the
//! matrix, what does not fit, replay highlights, the key table, and the cursor that
//! follows the record. The helpers they share are here.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;

use crate::domain::board::{BoardEntry, Readiness, Source, board};
use crate::domain::{
    Change, Conflict, ConflictCategory, ConflictOrigin, ConflictStatus, History, ItemId,
    NewPartner, PartnerId, PartnershipType, Session, Severity, Stage, Verdict, sample,
};
use crate::tui::intent::{Confirm, Intent};
use crate::tui::stages::screen::{Screen, StageScreen};
use crate::tui::stages::testing::{at, ctx, key, rows};
use crate::tui::theme::Theme;

// Everything the screen's files share with each other, the tests see too.
#[allow(unused_imports)]
use super::detail::*;
#[allow(unused_imports)]
use super::list::*;
#[allow(unused_imports)]
use super::matrix::*;
#[allow(unused_imports)]
use super::matrix_view::*;
#[allow(unused_imports)]
use super::triage::*;
#[allow(unused_imports)]
use super::words::*;
#[allow(unused_imports)]
use super::*;
#[allow(unused_imports)]
use crate::tui::stages::marks::*;
#[allow(unused_imports)]
use crate::tui::stages::testing::*;
#[allow(unused_imports)]
use crate::tui::stages::text::one_line;
#[allow(unused_imports)]
use crate::tui::stages::{FocusCard, Hidden};

/// The sample with four open low conflicts (see `testing::proceed_with_open_lows`).
fn proceed() -> History {
    crate::tui::stages::testing::proceed_with_open_lows()
}

mod fit;
mod follow;
mod glossary;
mod highlight;
mod keys;
mod list;
mod matrix;
mod settle;
mod triage;

/// A session with the most partners a session can have, named so their first words
/// differ.
fn eight_partners() -> History {
    let names = [
        "Acme Robotics",
        "Globex Integration",
        "Initech Vision",
        "Umbrella Systems",
        "Hooli Cloud",
        "Vandelay Imports",
        "Soylent Foods",
        "Wonka Industries",
    ];
    let partners = names
        .iter()
        .zip(1..)
        .map(|(name, id)| NewPartner {
            id: PartnerId(id),
            name: (*name).to_string(),
            brings: String::new(),
        })
        .collect();
    History::create(
        at(),
        Change::Created {
            title: "Eight-way consortium".to_string(),
            moderator: "Dana".to_string(),
            kind: PartnershipType::RdConsortium,
            partners,
            roles: Vec::new(),
        },
    )
    .expect("session")
}

fn record(history: &mut History, changes: Vec<Change>) {
    for change in changes {
        history.record(at(), change).expect("change applies");
    }
}

/// Records `changes` and tells the screen what the record says changed last, as the
/// wall does after every recorded change.
fn record_and_follow(screen: &mut ConflictsScreen, history: &mut History, changes: Vec<Change>) {
    record(history, changes);
    let changed = history
        .last_changed()
        .expect("the change touched something");
    let theme = Theme::dark();
    Screen::follow(screen, &changed, &ctx(history.session(), &theme));
}

fn conflict(
    history: &History,
    description: &str,
    severity: Severity,
    partners: &[u32],
) -> Conflict {
    Conflict {
        id: history.session().fresh_id(),
        origin: ConflictOrigin::Moderator,
        category: ConflictCategory::Territory,
        partners: partners.iter().map(|p| PartnerId(*p)).collect(),
        items: Vec::new(),
        description: description.to_string(),
        severity,
        status: ConflictStatus::Open,
        owner: String::new(),
    }
}

fn add(history: &mut History, conflict: Conflict) -> ItemId {
    let id = conflict.id;
    record(history, vec![Change::ConflictAdded { conflict }]);
    id
}

fn add_open(history: &mut History, description: &str, severity: Severity) -> ItemId {
    let c = conflict(history, description, severity, &[1, 2]);
    add(history, c)
}

fn draw(screen: &ConflictsScreen, session: &Session, w: u16, h: u16) -> Buffer {
    crate::tui::stages::testing::drawn(screen, session, w, h)
}

fn text(buf: &Buffer) -> String {
    rows(buf).join("\n")
}

/// The list's title row.
fn title_row(buf: &Buffer) -> String {
    rows(buf)
        .into_iter()
        .find(|r| r.starts_with("CONFLICTS"))
        .unwrap_or_else(|| panic!("no list title\n{}", text(buf)))
        .trim_end()
        .to_string()
}

fn press(screen: &mut ConflictsScreen, session: &Session, code: KeyCode) -> Option<Intent> {
    Screen::handle_key(screen, key(code), &ctx(session, &Theme::dark()))
}

/// The entry under the cursor, as the screen resolves it.
fn selected(screen: &ConflictsScreen, session: &Session) -> BoardEntry {
    let theme = Theme::dark();
    let ctx = ctx(session, &theme);
    let order = display_order(&ctx, screen.filter.as_ref());
    ctx.board[order[screen.position(ctx.board, &order)]].clone()
}

/// Moves the cursor with `j` until it rests on an entry that `wanted` accepts.
fn select_where(
    screen: &mut ConflictsScreen,
    session: &Session,
    wanted: impl Fn(&BoardEntry) -> bool,
) -> BoardEntry {
    press(screen, session, KeyCode::Home);
    for _ in 0..=board(session).len() {
        let entry = selected(screen, session);
        if wanted(&entry) {
            return entry;
        }
        press(screen, session, KeyCode::Char('j'));
    }
    panic!("no such entry on the board");
}

fn confirm(intent: Option<Intent>) -> Confirm {
    match intent {
        Some(Intent::Confirm(confirm)) => confirm,
        _ => panic!("expected a confirmation"),
    }
}

fn option(intent: Option<Intent>, key: char) -> (String, Intent) {
    let o = confirm(intent)
        .options
        .into_iter()
        .find(|o| o.key == key)
        .unwrap_or_else(|| panic!("no option {key}"));
    (o.label, o.then)
}

fn option_keys(intent: Option<Intent>) -> String {
    confirm(intent).options.iter().map(|o| o.key).collect()
}

fn changes_of(intent: Intent) -> Vec<Change> {
    match intent {
        Intent::Record(changes) => changes,
        Intent::Status(s) => panic!("expected changes, got status {s}"),
        _ => panic!("expected changes"),
    }
}

fn status_of(intent: Option<Intent>) -> String {
    match intent {
        Some(Intent::Status(s)) => s,
        _ => panic!("expected a status message"),
    }
}

fn key_of(entry: &BoardEntry) -> String {
    match &entry.source {
        Source::Detected { key, .. } => key.clone(),
        Source::Moderator(_) => panic!("not a detected conflict"),
    }
}

fn detected_open(e: &BoardEntry) -> bool {
    e.is_detected() && e.status == ConflictStatus::Open
}

fn entry_by(session: &Session, source: &Source) -> BoardEntry {
    board(session)
        .into_iter()
        .find(|e| e.source == *source)
        .expect("still on the board")
}

//! The summary's tests, by what they look at: the picture, the dialogs, the keys, what
//! does not fit, and the defects fixed here. What they share is below.

/// The sample with four open low conflicts (see `testing::proceed_with_open_lows`).
fn proceed() -> History {
    crate::tui::stages::testing::proceed_with_open_lows()
}

mod defects;
mod dialogs;
mod fit;
mod keys;
mod screen;

use chrono::{NaiveDate, Utc};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;

use crate::domain::board;
use crate::domain::{
    ActionItem, Change, Conflict, ConflictCategory, ConflictOrigin, ConflictStatus, History,
    ItemId, Session, Severity, Verdict, sample,
};
use crate::tui::intent::{Confirm, Intent};
use crate::tui::stages::conflicts::{readiness_line, severity_marker};
use crate::tui::stages::screen::{Screen, StageScreen};
use crate::tui::stages::testing::{
    self, at, card_lines, ctx, draw_highlighted, find, form, fresh, key, reported, rows, set_text,
    submit_edit,
};
use crate::tui::stages::{FocusCard, Hidden};
use crate::tui::theme::Theme;

use super::entries::unsettled;
use super::time::open_count;
use super::{Focus, SummaryScreen};

fn pass() -> History {
    sample::example_pass().expect("the sample session builds")
}

fn record(history: &mut History, changes: Vec<Change>) {
    for change in changes {
        history.record(Utc::now(), change).expect("change applies");
    }
}

fn add_conflict(
    history: &mut History,
    description: &str,
    severity: Severity,
    status: ConflictStatus,
) {
    let conflict = Conflict {
        id: history.session().fresh_id(),
        origin: ConflictOrigin::Moderator,
        category: ConflictCategory::Territory,
        partners: Vec::new(),
        items: Vec::new(),
        description: description.to_string(),
        severity,
        status,
        owner: String::new(),
    };
    record(history, vec![Change::ConflictAdded { conflict }]);
}

fn draw(screen: &SummaryScreen, session: &Session, w: u16, h: u16) -> Buffer {
    crate::tui::stages::testing::drawn(screen, session, w, h)
}

/// Draws the screen; returns its rows and what it reported as not shown.
fn draw_fit(
    screen: &SummaryScreen,
    session: &Session,
    w: u16,
    h: u16,
) -> (Vec<String>, Vec<Hidden>) {
    crate::tui::stages::testing::fit_of(screen, session, w, h)
}

/// All text on the screen with runs of spaces (and wrapping) folded to one space.
fn words(buf: &Buffer) -> String {
    rows(buf)
        .iter()
        .map(|r| r.trim_matches(|c| c == '│' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Presses `code` on the screen as the wall does, in a view that may change the session.
fn press(screen: &mut SummaryScreen, session: &Session, code: KeyCode) -> Option<Intent> {
    Screen::handle_key(screen, key(code), &ctx(session, &Theme::dark()))
}

/// The footer's key hints where the cursor is now.
fn footer(screen: &SummaryScreen, session: &Session) -> Vec<(&'static str, &'static str)> {
    Screen::footer_keys(screen, &ctx(session, &Theme::dark()))
}

fn card_of(screen: &SummaryScreen, session: &Session) -> Option<FocusCard> {
    StageScreen::focus_card(screen, &ctx(session, &Theme::dark()))
}

fn confirm(intent: Option<Intent>) -> Confirm {
    match intent {
        Some(Intent::Confirm(confirm)) => confirm,
        _ => panic!("expected a confirmation"),
    }
}

fn option(confirm: Confirm, key: char) -> (String, Intent) {
    let o = confirm
        .options
        .into_iter()
        .find(|o| o.key == key)
        .unwrap_or_else(|| panic!("no option {key}"));
    (o.label, o.then)
}

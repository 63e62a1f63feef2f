//! The self-interest screen's tests, by what they check: keys and forms, coverage,
//! drawing, what does not fit, and the key table itself.

mod coverage;
mod drawing;
mod fit;
mod keys;
mod table;

pub(super) use chrono::{TimeZone, Utc};
pub(super) use ratatui::buffer::Buffer;
pub(super) use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub(super) use crate::domain::{
    Change, Function, History, Interest, InterestCategory, ItemId, NewPartner, PartnerId, Session,
    Weight,
};
pub(super) use crate::tui::form::Form;
pub(super) use crate::tui::intent::Intent;
pub(super) use crate::tui::stages::StageCtx;
pub(super) use crate::tui::stages::screen::Screen;
pub(super) use crate::tui::stages::testing::{ctx, draw_stage, key, proceed, rows, set_text};
pub(super) use crate::tui::theme::Theme;
pub(super) use crate::tui::widgets::display_width;

pub(super) use super::InterestsScreen;
pub(super) use super::coverage::{CoverageFacts, exec_only_prompt, missing_line, verdict};
pub(super) use super::forms::position_of;

const NORTHWIND: PartnerId = PartnerId(1);
const GLOBEX: PartnerId = PartnerId(2);

fn record(history: &mut History, changes: Vec<Change>) {
    let at = Utc
        .with_ymd_and_hms(2026, 12, 1, 10, 0, 0)
        .single()
        .expect("a valid time");
    for change in changes {
        history.record(at, change).expect("the change applies");
    }
}

fn press(screen: &mut InterestsScreen, session: &Session, code: KeyCode) -> Option<Intent> {
    screen.handle_key(key(code), &ctx(session, &Theme::dark()))
}

/// The screen as text rows, and the buffer for style checks.
fn draw(screen: &InterestsScreen, session: &Session, w: u16, h: u16) -> (Vec<String>, Buffer) {
    let buf = draw_stage(w, h, session, |f, ctx| screen.render(f, f.area(), ctx));
    (rows(&buf), buf)
}

/// Row and column (in cells) where `needle` first appears.
fn find(rows: &[String], needle: &str) -> Option<(usize, usize)> {
    rows.iter()
        .enumerate()
        .find_map(|(y, row)| row.find(needle).map(|at| (y, display_width(&row[..at]))))
}

fn at(rows: &[String], needle: &str) -> (usize, usize) {
    find(rows, needle).unwrap_or_else(|| panic!("{needle:?} not on screen:\n{}", rows.join("\n")))
}

fn interest(session: &Session, statement_start: &str) -> Interest {
    session
        .interests
        .iter()
        .find(|i| i.statement.starts_with(statement_start))
        .cloned()
        .expect("the sample has this interest")
}

fn submit(intent: Option<Intent>, session: &Session) -> (Form, Vec<Change>) {
    let Some(Intent::Form(form)) = intent else {
        panic!("expected a form");
    };
    let changes = crate::tui::submit::submit_form(&form, session).expect("the form is accepted");
    (form, changes)
}

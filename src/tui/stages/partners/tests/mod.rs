//! Tests of the partners panel: what is drawn, what the keys ask for, what is reported
//! as not shown, and the key table itself.

mod drawing;
mod keys;
mod table_keys;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::PartnersScreen;
use super::intents::function_at;
use super::render::{HINT, MAX_BRINGS_ROWS};
use crate::domain::timeline::Changed;
use crate::domain::{
    ApplyError, Change, Function, History, ItemId, PartnerId, Representative, Session,
};
use crate::tui::form::Form;
use crate::tui::intent::{Confirm, Intent};
use crate::tui::stages::screen::Screen;
use crate::tui::stages::testing::{at, ctx, draw_stage, form, fresh, proceed, reported, rows};
use crate::tui::stages::{FocusCard, Hidden};
use crate::tui::theme::Theme;

pub(super) const NORTHWIND: PartnerId = PartnerId(1);
pub(super) const GLOBEX: PartnerId = PartnerId(2);

pub(super) fn record(history: &mut History, changes: Vec<Change>) -> Result<(), ApplyError> {
    for change in changes {
        history.record(at(), change)?;
    }
    Ok(())
}

pub(super) fn draw(
    screen: &PartnersScreen,
    session: &Session,
    w: u16,
    h: u16,
) -> (Vec<String>, Buffer) {
    let buf = draw_stage(w, h, session, |f, ctx| screen.render(f, f.area(), ctx));
    (rows(&buf), buf)
}

pub(super) fn key(code: KeyCode) -> KeyEvent {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(code, modifiers)
}

pub(super) fn press(
    screen: &mut PartnersScreen,
    session: &Session,
    code: KeyCode,
) -> Option<Intent> {
    screen.handle_key(key(code), &ctx(session, &Theme::dark()))
}

pub(super) fn moves(screen: &mut PartnersScreen, session: &Session, codes: &[KeyCode]) {
    for code in codes {
        assert!(
            press(screen, session, *code).is_none(),
            "{code:?} is a move"
        );
    }
}

pub(super) fn type_into(form: &mut Form, text: &str) {
    for c in text.chars() {
        form.handle_key(key(KeyCode::Char(c)));
    }
}

pub(super) fn confirm_yes(intent: Option<Intent>) -> (Confirm, Vec<Change>) {
    let Some(Intent::Confirm(mut confirm)) = intent else {
        panic!("expected a confirmation")
    };
    let yes = confirm.options.remove(0);
    assert_eq!(yes.key, 'y');
    let Intent::Record(changes) = yes.then else {
        panic!("yes should record changes")
    };
    (confirm, changes)
}

pub(super) fn find(screen: &[String], needle: &str) -> Option<(usize, usize)> {
    screen
        .iter()
        .enumerate()
        .find_map(|(y, row)| row.find(needle).map(|b| (y, row[..b].chars().count())))
}

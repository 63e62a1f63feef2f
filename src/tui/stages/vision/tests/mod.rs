//! The vision screen's tests, by what they check: drawing, keys, the gate, what does
//! not fit, focus cards, and the key table itself.

mod cards;
mod drawing;
mod fit;
mod gate;
mod keys;
mod table;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;

use crate::domain::{Change, History, PartnerId, Session};
use crate::tui::intent::{Confirm, Intent};
use crate::tui::stages::screen::Screen;
use crate::tui::stages::testing::{at, ctx, draw_stage, key, rows};
use crate::tui::theme::Theme;

use super::VisionScreen;

const NORTHWIND: PartnerId = PartnerId(1);
const GLOBEX: PartnerId = PartnerId(2);

fn record(history: &mut History, changes: Vec<Change>) {
    for change in changes {
        history.record(at(), change).unwrap();
    }
}

fn draw(screen: &VisionScreen, session: &Session, w: u16, h: u16) -> (Vec<String>, Buffer) {
    let buf = draw_stage(w, h, session, |f, ctx| screen.render(f, f.area(), ctx));
    (rows(&buf), buf)
}

fn press(screen: &mut VisionScreen, session: &Session, code: KeyCode) -> Option<Intent> {
    screen.handle_key(key(code), &ctx(session, &Theme::dark()))
}

fn keys(screen: &mut VisionScreen, session: &Session, codes: &[KeyCode]) {
    for code in codes {
        assert!(
            press(screen, session, *code).is_none(),
            "{code:?} is a move"
        );
    }
}

fn submit(intent: Option<Intent>, text: &str, session: &Session) -> Result<Vec<Change>, String> {
    match intent {
        Some(Intent::Edit { purpose, .. }) => {
            crate::tui::submit::submit_text(&purpose, text.to_string(), session)
        }
        _ => panic!("expected an editor"),
    }
}

fn confirm(intent: Intent) -> Confirm {
    match intent {
        Intent::Confirm(c) => c,
        _ => panic!("expected a confirmation"),
    }
}

fn option(confirm: Confirm, key: char) -> Intent {
    confirm
        .options
        .into_iter()
        .find(|o| o.key == key)
        .map(|o| o.then)
        .unwrap_or_else(|| panic!("no option {key}"))
}

fn find(screen: &[String], needle: &str) -> Option<(usize, usize)> {
    screen
        .iter()
        .enumerate()
        .find_map(|(y, row)| row.find(needle).map(|b| (y, row[..b].chars().count())))
}

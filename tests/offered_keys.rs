//! Every key a footer offers does something on that screen: for each stage of a
//! finished session, live and read-only, each offered key is pressed on a fresh copy and
//! must open a dialog, change the picture above the status line, move the wall, change
//! the record or write a file (the notes). A key that only promises, or only says why it cannot, is the defect this
//! guards against.

#[path = "common/room.rs"]
mod room;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use sameside::domain::Stage;
use sameside::tui::app::Screen;
use sameside::tui::theme::Theme;

use room::{NORTHWIND, Room};

/// The session opened live, or read-only (the built-in example), put on `stage`.
fn room_on(stage: Stage, read_only: bool) -> Room {
    let mut room = Room::open(NORTHWIND);
    if read_only {
        room.app
            .dispatch(sameside::tui::intent::Intent::OpenExample);
    }
    for _ in 0..Stage::ALL.len() {
        if stage_of(&room) == stage {
            break;
        }
        room.key(KeyCode::PageUp);
    }
    assert_eq!(stage_of(&room), stage, "could not reach {stage:?}");
    room
}

/// The stage on the wall and the number of events recorded; `None` once the session
/// is closed (`q` leads back to the session list).
fn current(room: &Room) -> Option<(Stage, usize)> {
    match &room.app.screen {
        Screen::Session(view) => Some((view.stage(), view.history.events().len())),
        _ => None,
    }
}

fn stage_of(room: &Room) -> Stage {
    current(room).map_or_else(|| panic!("no session is open"), |(stage, _)| stage)
}

/// The screen at 160×45 without its last row, the status line: a key that only says
/// something there ("This is the last stage.") has not done what it promised.
fn above_status(room: &Room) -> String {
    let screen = room.screen_at(160, 45);
    let rows: Vec<&str> = screen.lines().collect();
    rows[..rows.len().saturating_sub(1)].join("\n")
}

/// The names of the files in the session's folder: exporting the notes writes there.
fn files(room: &Room) -> Vec<std::ffi::OsString> {
    let folder = room.path.parent().expect("the session's folder");
    let mut names: Vec<_> = std::fs::read_dir(folder)
        .expect("read the session's folder")
        .filter_map(|entry| entry.ok().map(|e| e.file_name()))
        .collect();
    names.sort();
    names
}

fn offered(room: &Room) -> Vec<(&'static str, KeyEvent)> {
    match &room.app.screen {
        Screen::Session(view) => view.offered_keys(&Theme::dark()),
        _ => Vec::new(),
    }
}

fn check_every_offered_key(read_only: bool) {
    let mut checked = 0;
    for stage in Stage::ALL {
        let room = room_on(stage, read_only);
        let keys = offered(&room);
        assert!(!keys.is_empty(), "{stage:?} offers no key at all");
        for (words, key) in keys {
            let mut room = room_on(stage, read_only);
            let before = (above_status(&room), current(&room), files(&room));
            room.app.handle_key(key);
            // Notes are written on a thread of their own.
            room.app.finish_exports();
            let after = (above_status(&room), current(&room), files(&room));
            let acted = room.app.modal.is_some() || before != after;
            assert!(
                acted,
                "{stage:?} (read-only: {read_only}) offers \"{words}\" ({:?}) but it does nothing",
                key.code
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} keys were offered");
}

#[test]
fn every_key_a_live_footer_offers_does_something() {
    check_every_offered_key(false);
}

#[test]
fn every_key_a_read_only_footer_offers_does_something() {
    check_every_offered_key(true);
}

#[test]
fn a_read_only_footer_offers_no_key_that_would_change_the_session() {
    for stage in Stage::ALL {
        let room = room_on(stage, true);
        for (words, key) in offered(&room) {
            let mut pressed = room_on(stage, true);
            let events = current(&pressed).map(|(_, n)| n);
            pressed.app.handle_key(key);
            let after = current(&pressed).map(|(_, n)| n);
            assert!(
                after.is_none() || after == events,
                "{stage:?}: \"{words}\" changed a read-only session"
            );
        }
    }
}

/// The session live with a self-interest round open and one answer sealed, or that
/// round revealed with its answers up.
fn room_with_round(revealed: bool) -> Room {
    let mut room = Room::open(NORTHWIND);
    for key in ['S', 's'] {
        room.key(KeyCode::Char(key));
    }
    room.key(KeyCode::Enter);
    room.key(KeyCode::Char('a'));
    room.key(KeyCode::Tab);
    for c in "Keep the plant accounts".chars() {
        room.key(KeyCode::Char(c));
    }
    room.key(KeyCode::Enter);
    if revealed {
        room.key(KeyCode::Char('R'));
        room.key(KeyCode::Char('y'));
    }
    room
}

#[test]
fn every_key_a_sealed_round_offers_does_something() {
    let mut checked = 0;
    for revealed in [false, true] {
        let keys = offered(&room_with_round(revealed));
        assert!(
            !keys.is_empty(),
            "the round offers no key (revealed: {revealed})"
        );
        for (words, key) in keys {
            let mut room = room_with_round(revealed);
            let before = (above_status(&room), current(&room));
            room.app.handle_key(key);
            let after = (above_status(&room), current(&room));
            assert!(
                room.app.modal.is_some() || before != after,
                "the round (revealed: {revealed}) offers \"{words}\" but it does nothing"
            );
            checked += 1;
        }
    }
    assert!(checked >= 5, "only {checked} keys were offered");
}

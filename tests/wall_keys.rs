//! The keys the wall offers are the keys that work: PageDown always leads somewhere a
//! clicker can follow, the footer never promises a key that does nothing, and no key
//! acts while the terminal is too small to show what it would do.

#[path = "common/room.rs"]
mod room;

use ratatui::crossterm::event::KeyCode;
use sameside::domain::Stage;
use sameside::tui::app::Screen;

use room::{ACME, NORTHWIND, Room};

/// The stage on the wall and how many events the record holds.
fn wall(room: &Room) -> (Stage, usize) {
    match &room.app.screen {
        Screen::Session(view) => (view.stage(), view.history.events().len()),
        _ => panic!("no session is open"),
    }
}

/// The footer row of the screen as drawn at 160×45.
fn footer(room: &Room) -> String {
    let screen = room.screen_at(160, 45);
    let rows: Vec<&str> = screen.lines().collect();
    rows.iter()
        .rev()
        .find(|row| row.contains("? help"))
        .map(|row| row.trim().to_string())
        .unwrap_or_default()
}

fn page_up_to(room: &mut Room, stage: Stage) {
    for _ in 0..5 {
        if wall(room).0 == stage {
            return;
        }
        room.key(KeyCode::PageUp);
    }
    assert_eq!(wall(room).0, stage, "PageUp did not reach {stage:?}");
}

#[test]
fn page_down_at_a_passed_gate_goes_straight_on_to_the_role_split() {
    let mut room = Room::open(NORTHWIND);
    page_up_to(&mut room, Stage::Vision);
    room.key(KeyCode::PageDown);
    assert!(room.app.modal.is_none(), "a dialog stopped the clicker");
    assert_eq!(wall(&room).0, Stage::Roles);
    room.key(KeyCode::PageDown);
    assert_eq!(wall(&room).0, Stage::Interests);
}

#[test]
fn page_down_over_the_partners_panel_shows_the_stage_instead_of_saying_last_stage() {
    let mut room = Room::open(NORTHWIND);
    let (stage, events) = wall(&room);
    room.key(KeyCode::Char('p'));
    let offered = footer(&room);
    assert!(offered.contains("back to the stage"), "{offered}");
    assert!(!offered.contains("next stage"), "{offered}");
    room.key(KeyCode::PageDown);
    let screen = room.screen_at(160, 45);
    assert!(!screen.contains("last stage"), "{screen}");
    assert_eq!(
        wall(&room),
        (stage, events),
        "PageDown moved past the panel"
    );
    assert!(
        !footer(&room).contains("back to the stage"),
        "the panel stayed open"
    );
}

#[test]
fn the_summary_does_not_offer_a_next_stage() {
    // The example ends on the summary.
    let room = Room::open(NORTHWIND);
    assert_eq!(wall(&room).0, Stage::Summary);
    let offered = footer(&room);
    assert!(!offered.contains("PgDn"), "{offered}");
    assert!(offered.contains("q save & close"), "{offered}");
}

#[test]
fn after_a_pass_page_down_goes_from_the_vision_to_the_summary() {
    let mut room = Room::open(ACME);
    page_up_to(&mut room, Stage::Vision);
    room.key(KeyCode::PageDown);
    assert!(room.app.modal.is_none(), "a dialog stopped the clicker");
    assert_eq!(wall(&room).0, Stage::Summary);
}

#[test]
fn keys_do_nothing_while_the_terminal_is_too_small_to_show_them() {
    let mut room = Room::open(NORTHWIND);
    room.screen_at(160, 45);
    let before = wall(&room);
    let file = room.file();
    // The terminal shrinks; the screen says only that it is too small.
    assert!(room.screen_at(40, 10).contains("too small"));
    room.keys(&[
        KeyCode::PageDown,
        KeyCode::Char('s'),
        KeyCode::Char('p'),
        KeyCode::Char('u'),
        KeyCode::Char('a'),
    ]);
    assert!(room.app.modal.is_none(), "a key opened a dialog nobody saw");
    assert_eq!(wall(&room), before, "a key changed the session unseen");
    assert!(room.file() == file, "a key rewrote the file unseen");
    // Grown back, the wall is as it was and keys act again.
    room.screen_at(160, 45);
    room.key(KeyCode::PageUp);
    assert_ne!(wall(&room).0, before.0);
}

//! Esc in an editor or a form never loses typed text by itself: with nothing changed it
//! closes at once; with changes it asks "Discard what you typed?", and only `y` lets the
//! text go. Driven by keys, as a moderator would, and read off the drawn screen.

#[path = "common/room.rs"]
mod room;

use ratatui::crossterm::event::KeyCode;

use sameside::tui::app::Modal;
use tempfile::TempDir;

use room::{NORTHWIND, Room, app_on, copy_example, press};

const QUESTION: &str = "Discard what you typed?";

/// The Northwind example, copied and opened live.
fn northwind() -> Room {
    Room::open(NORTHWIND)
}

/// True while the question is on the screen.
fn asks(room: &Room) -> bool {
    room.screen().contains(QUESTION)
}

#[test]
fn esc_in_an_editor_with_nothing_typed_closes_it_at_once() {
    let mut room = northwind();
    room.key(KeyCode::Char('t'));
    assert!(room.editing(), "t opens the timebox editor");
    room.key(KeyCode::Esc);
    assert!(room.app.modal.is_none(), "the unchanged editor stayed open");
}

#[test]
fn esc_in_an_editor_with_typed_text_asks_before_discarding_it() {
    let mut room = northwind();
    room.key(KeyCode::Char('t')).type_text("5");
    room.key(KeyCode::Esc);
    assert!(room.editing(), "one Esc threw the typed text away");
    let screen = room.screen();
    assert!(screen.contains(QUESTION), "{screen}");
    assert!(screen.contains("y  discard"), "{screen}");
    assert!(screen.contains("n  keep editing"), "{screen}");
}

#[test]
fn a_second_esc_or_n_keeps_editing_with_the_text_intact() {
    let mut room = northwind();
    room.key(KeyCode::Char('t')).type_text("5");
    room.key(KeyCode::Esc).key(KeyCode::Esc);
    assert!(
        room.editing() && !asks(&room),
        "a second Esc should go back to editing"
    );
    room.key(KeyCode::Esc).key(KeyCode::Char('n'));
    assert!(
        room.editing() && !asks(&room),
        "n should go back to editing"
    );
    // The text is still there: typing goes on after it.
    room.type_text("7");
    let Some(Modal::Edit { editor, .. }) = &room.app.modal else {
        panic!("the editor closed");
    };
    assert!(editor.text().ends_with("57"), "{}", editor.text());
}

#[test]
fn other_keys_while_asking_change_nothing() {
    let mut room = northwind();
    room.key(KeyCode::Char('t')).type_text("5");
    room.key(KeyCode::Esc).type_text("xq").key(KeyCode::Enter);
    assert!(asks(&room), "the question went away without an answer");
    room.key(KeyCode::Char('n'));
    let Some(Modal::Edit { editor, .. }) = &room.app.modal else {
        panic!("the editor closed");
    };
    assert!(editor.text().ends_with('5'), "{}", editor.text());
}

#[test]
fn y_discards_the_typed_text_and_records_nothing() {
    let mut room = northwind();
    let before = room.file();
    room.key(KeyCode::Char('t')).type_text("5");
    room.key(KeyCode::Esc).key(KeyCode::Char('y'));
    assert!(room.app.modal.is_none());
    room.key(KeyCode::Char('q'));
    assert!(before == room.file(), "the discarded text reached the file");
}

#[test]
fn esc_in_a_form_with_typed_text_asks_before_discarding_it() {
    let mut room = northwind();
    // The partners panel: `a` adds a representative through a form.
    room.key(KeyCode::Char('p')).key(KeyCode::Char('a'));
    assert!(room.in_form(), "p a opens the representative form");
    room.type_text("Ana Costa");
    room.key(KeyCode::Esc);
    assert!(room.in_form() && asks(&room), "one Esc threw the form away");
    room.key(KeyCode::Esc);
    assert!(room.in_form() && !asks(&room));
    room.key(KeyCode::Esc).key(KeyCode::Char('y'));
    assert!(room.app.modal.is_none());
}

#[test]
fn esc_in_a_form_left_as_it_opened_closes_it_at_once() {
    let mut room = northwind();
    room.key(KeyCode::Char('p')).key(KeyCode::Char('a'));
    assert!(room.in_form());
    // Moving between fields changes nothing.
    room.key(KeyCode::Tab).key(KeyCode::Tab);
    room.key(KeyCode::Esc);
    assert!(room.app.modal.is_none(), "the unchanged form stayed open");
}

#[test]
fn typing_text_back_to_how_it_was_counts_as_unchanged() {
    let mut room = northwind();
    room.key(KeyCode::Char('t')).type_text("5");
    room.key(KeyCode::Backspace).key(KeyCode::Esc);
    assert!(room.app.modal.is_none());
}

#[test]
fn esc_in_the_replay_find_prompt_asks_once_something_is_typed() {
    let tmp = TempDir::new().expect("temporary directory");
    let (mut app, _clock) = app_on(tmp.path());
    app.replay(&copy_example(NORTHWIND, tmp.path()));
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Esc);
    assert!(app.modal.is_none(), "the empty prompt stayed open");
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.modal, Some(Modal::Find { .. })));
    press(&mut app, KeyCode::Char('y'));
    assert!(app.modal.is_none());
}

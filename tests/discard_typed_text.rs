//! Esc in an editor or a form never loses typed text by itself: with nothing changed it
//! closes at once; with changes it asks "Discard what you typed?", and only `y` lets the
//! text go. Driven by keys, as a moderator would, and read off the drawn screen.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use chrono::{TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

use sameside::storage::dirs::{DirSource, SessionsDir};
use sameside::tui::app::{App, Modal};
use sameside::tui::clock::FixedClock;
use sameside::tui::theme::Theme;

const NORTHWIND: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";
const QUESTION: &str = "Discard what you typed?";

struct Room {
    app: App,
    path: PathBuf,
    _tmp: TempDir,
}

/// The Northwind example, copied and opened live.
fn northwind() -> Room {
    let tmp = TempDir::new().expect("temporary directory");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(NORTHWIND);
    let path = tmp.path().join(NORTHWIND);
    std::fs::copy(shipped, &path).expect("copy the example");
    let clock = Rc::new(FixedClock::new(
        Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap(),
    ));
    let dir = SessionsDir {
        path: tmp.path().to_path_buf(),
        source: DirSource::Flag,
    };
    let mut app = App::new(dir, Theme::dark(), clock);
    app.open(&path);
    Room {
        app,
        path,
        _tmp: tmp,
    }
}

impl Room {
    fn key(&mut self, code: KeyCode) -> &mut Room {
        let modifiers = match code {
            KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
            _ => KeyModifiers::NONE,
        };
        self.app.handle_key(KeyEvent::new(code, modifiers));
        self
    }

    fn type_text(&mut self, text: &str) -> &mut Room {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    /// The screen as drawn at 80×24, one string.
    fn screen(&self) -> String {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        terminal.draw(|frame| self.app.render(frame)).expect("draw");
        let buffer = terminal.backend().buffer();
        let mut text = String::new();
        for y in 0..buffer.area.height {
            for x in 0..buffer.area.width {
                text.push_str(buffer[(x, y)].symbol());
            }
            text.push('\n');
        }
        text
    }

    fn asks(&self) -> bool {
        self.screen().contains(QUESTION)
    }

    fn editing(&self) -> bool {
        matches!(self.app.modal, Some(Modal::Edit { .. }))
    }

    fn in_form(&self) -> bool {
        matches!(self.app.modal, Some(Modal::Form(_)))
    }

    fn file(&self) -> Vec<u8> {
        std::fs::read(&self.path).expect("read the session file")
    }
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
        room.editing() && !room.asks(),
        "a second Esc should go back to editing"
    );
    room.key(KeyCode::Esc).key(KeyCode::Char('n'));
    assert!(
        room.editing() && !room.asks(),
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
    assert!(room.asks(), "the question went away without an answer");
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
    assert!(room.in_form() && room.asks(), "one Esc threw the form away");
    room.key(KeyCode::Esc);
    assert!(room.in_form() && !room.asks());
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
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(NORTHWIND);
    let clock = Rc::new(FixedClock::new(
        Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap(),
    ));
    let dir = SessionsDir {
        path: tmp.path().to_path_buf(),
        source: DirSource::Flag,
    };
    let mut app = App::new(dir, Theme::dark(), clock);
    app.replay(&shipped);
    let press = |app: &mut App, code| app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
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

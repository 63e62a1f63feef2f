//! The app shell as a moderator meets it around the stage screens: what opening and
//! closing a session does to its file, where `q` leads, and when the bell rings. The app
//! is driven by keys with a clock that only moves when the test says so.

#[path = "common/room.rs"]
mod room;

use std::path::{Path, PathBuf};

use chrono::Duration;
use ratatui::crossterm::event::KeyCode;
use tempfile::TempDir;

use sameside::tui::app::{App, Screen};
use sameside::tui::clock::{Clock, FixedClock};

use room::{ACME, NORTHWIND, app_on, copy_example, press};

fn home_dir(app: &App) -> Option<PathBuf> {
    match &app.screen {
        Screen::Home(home) => Some(home.dir.path.clone()),
        _ => None,
    }
}

#[test]
fn opening_a_session_to_look_and_closing_it_leaves_the_file_as_it_was() {
    for name in [NORTHWIND, ACME] {
        let tmp = TempDir::new().expect("temporary directory");
        let path = copy_example(name, tmp.path());
        let before = std::fs::read(&path).expect("read the copy");
        let (mut app, clock) = app_on(tmp.path());
        app.open(&path);
        assert!(
            matches!(app.screen, Screen::Session(_)),
            "{name} did not open"
        );
        // Ten minutes of looking, with the app working between keys as it does live.
        clock.advance(Duration::minutes(10));
        app.tick();
        press(&mut app, KeyCode::Char('q'));
        assert!(home_dir(&app).is_some(), "q did not close {name}");
        let after = std::fs::read(&path).expect("read the copy again");
        assert!(before == after, "{name} changed by being looked at");
    }
}

#[test]
fn exporting_the_notes_of_an_open_session_does_not_change_its_file() {
    let tmp = TempDir::new().expect("temporary directory");
    let path = copy_example(NORTHWIND, tmp.path());
    let before = std::fs::read(&path).expect("read the copy");
    let (mut app, clock) = app_on(tmp.path());
    app.open(&path);
    clock.advance(Duration::minutes(3));
    // The example stands on the summary, where `e` writes the notes.
    press(&mut app, KeyCode::Char('e'));
    // The notes are written on a thread of their own; the key returned at once.
    app.finish_exports();
    assert!(path.with_extension("md").exists(), "no notes written");
    let said = app.status.as_ref().map(|(text, _)| text.as_str());
    assert!(
        said.is_some_and(|s| s.starts_with("Notes written")),
        "{said:?}"
    );
    clock.advance(Duration::minutes(3));
    press(&mut app, KeyCode::Char('q'));
    assert!(before == std::fs::read(&path).expect("read the copy again"));
}

#[test]
fn time_on_the_wall_is_recorded_when_the_session_was_changed() {
    let tmp = TempDir::new().expect("temporary directory");
    let path = copy_example(NORTHWIND, tmp.path());
    let before = std::fs::read_to_string(&path).expect("read the copy");
    let (mut app, clock) = app_on(tmp.path());
    app.open(&path);
    clock.advance(Duration::minutes(4));
    press(&mut app, KeyCode::Char('+'));
    clock.advance(Duration::minutes(1));
    press(&mut app, KeyCode::Char('q'));
    let after = std::fs::read_to_string(&path).expect("read the copy again");
    let spent = |text: &str| text.matches("TimeSpent").count();
    assert_eq!(
        spent(&after),
        spent(&before) + 1,
        "five minutes of work went unrecorded"
    );
    assert!(after.contains("seconds: 300"), "not the five minutes");
}

/// Opens `path`, makes the stage on the wall run over its timebox by working in it, and
/// closes it again.
fn leave_over_time(path: &Path, dir: &Path) {
    let (mut app, clock) = app_on(dir);
    app.open(path);
    // The shortest timebox, then more than that on the wall.
    for _ in 0..700 {
        press(&mut app, KeyCode::Char('-'));
    }
    clock.advance(Duration::minutes(3));
    app.tick();
    assert!(
        std::mem::take(&mut app.bell),
        "the bell rings when time runs out"
    );
    press(&mut app, KeyCode::Char('q'));
}

#[test]
fn opening_a_session_already_over_time_does_not_ring_the_bell() {
    let tmp = TempDir::new().expect("temporary directory");
    let path = copy_example(ACME, tmp.path());
    leave_over_time(&path, tmp.path());

    let (mut app, clock) = app_on(tmp.path());
    app.open(&path);
    app.tick();
    clock.advance(Duration::seconds(5));
    app.tick();
    assert!(!app.bell, "the bell rang for time that ran out before");
}

#[test]
fn a_stage_given_more_time_rings_again_when_that_runs_out_on_the_wall() {
    let tmp = TempDir::new().expect("temporary directory");
    let path = copy_example(ACME, tmp.path());
    leave_over_time(&path, tmp.path());

    let (mut app, clock) = app_on(tmp.path());
    app.open(&path);
    app.tick();
    // More minutes until the stage has time left again.
    while timebox_left(&app, &clock) <= 0 {
        press(&mut app, KeyCode::Char('+'));
    }
    app.tick();
    assert!(!app.bell);
    clock.advance(Duration::seconds(timebox_left(&app, &clock)));
    app.tick();
    assert!(app.bell, "the extra time ran out unannounced");
}

/// Seconds until the timebox of the stage on the wall runs out (negative when over).
fn timebox_left(app: &App, clock: &FixedClock) -> i64 {
    let Screen::Session(view) = &app.screen else {
        panic!("no session is open")
    };
    let limit = i64::from(view.history.session().clock.timebox_minutes(view.stage())) * 60;
    let spent = i64::try_from(view.spent_now(clock.now())).unwrap_or(i64::MAX);
    limit - spent
}

#[test]
fn closing_a_session_opened_from_another_folder_shows_that_folder() {
    let sessions = TempDir::new().expect("temporary directory");
    let elsewhere = TempDir::new().expect("temporary directory");
    let path = copy_example(NORTHWIND, elsewhere.path());
    let (mut app, _clock) = app_on(sessions.path());
    app.open(&path);
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(home_dir(&app).as_deref(), Some(elsewhere.path()));
    let Screen::Home(home) = &app.screen else {
        unreachable!()
    };
    assert!(
        home.entries.iter().any(|e| match e {
            sameside::tui::home::HomeEntry::Session(listed) => listed.path() == path,
            sameside::tui::home::HomeEntry::Example(_) => false,
        }),
        "the file just closed is not on the list"
    );
}

#[test]
fn closing_a_session_opened_from_the_list_keeps_the_list_where_it_was() {
    let sessions = TempDir::new().expect("temporary directory");
    copy_example(NORTHWIND, sessions.path());
    let path = copy_example(ACME, sessions.path());
    let (mut app, _clock) = app_on(sessions.path());
    app.open(&path);
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(home_dir(&app).as_deref(), Some(sessions.path()));
}

//! A moderator's app on a copy of a shipped example: opened live in a temporary folder,
//! driven by keys, read off the drawn screen and the session file. The clock moves only
//! when a test says so.

#![allow(dead_code)] // Each test file uses the part it needs.

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

pub const NORTHWIND: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";
pub const ACME: &str = "2026-11-19-acme-robotics-initech-vision-embedded-oem-deal.ron";

/// An app whose sessions folder is `dir`, with a clock under the test's control.
pub fn app_on(dir: &Path) -> (App, Rc<FixedClock>) {
    let clock = Rc::new(FixedClock::new(
        Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
            .single()
            .expect("a valid moment"),
    ));
    let sessions = SessionsDir {
        path: dir.to_path_buf(),
        source: DirSource::Flag,
    };
    (App::new(sessions, Theme::dark(), clock.clone()), clock)
}

/// A copy of the shipped example `name` in `dir`.
pub fn copy_example(name: &str, dir: &Path) -> PathBuf {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(name);
    let copy = dir.join(name);
    std::fs::copy(shipped, &copy).expect("copy an example");
    copy
}

/// A key as a terminal sends it: upper-case letters come with Shift.
pub fn key_event(code: KeyCode) -> KeyEvent {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(code, modifiers)
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle_key(key_event(code));
}

/// The app with a copy of a shipped example open live.
pub struct Room {
    pub app: App,
    pub clock: Rc<FixedClock>,
    pub path: PathBuf,
    _tmp: TempDir,
}

impl Room {
    /// A copy of the shipped example `name`, opened live.
    pub fn open(name: &str) -> Room {
        let tmp = TempDir::new().expect("temporary directory");
        let path = copy_example(name, tmp.path());
        let (mut app, clock) = app_on(tmp.path());
        app.open(&path);
        Room {
            app,
            clock,
            path,
            _tmp: tmp,
        }
    }

    pub fn key(&mut self, code: KeyCode) -> &mut Room {
        press(&mut self.app, code);
        self
    }

    pub fn keys(&mut self, codes: &[KeyCode]) -> &mut Room {
        for code in codes {
            self.key(*code);
        }
        self
    }

    pub fn type_text(&mut self, text: &str) -> &mut Room {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    /// The screen as drawn at `width` × `height`, rows ended by newlines.
    pub fn screen_at(&self, width: u16, height: u16) -> String {
        Room::draw(&self.app, width, height)
    }

    /// `app` drawn at `width` × `height`, rows ended by newlines.
    pub fn draw(app: &App, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal.draw(|frame| app.render(frame)).expect("draw");
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

    /// The screen as drawn at 80×24.
    pub fn screen(&self) -> String {
        self.screen_at(80, 24)
    }

    pub fn editing(&self) -> bool {
        matches!(self.app.modal, Some(Modal::Edit { .. }))
    }

    pub fn in_form(&self) -> bool {
        matches!(self.app.modal, Some(Modal::Form(_)))
    }

    pub fn file(&self) -> Vec<u8> {
        std::fs::read(&self.path).expect("read the session file")
    }
}

//! Pictures of every screen, as the wall shows them, at the smallest supported size
//! (80×24) and at a projector-sized 160×45. The app is driven only through key events,
//! the way a moderator drives it; the clock is fixed so timers do not move between runs.
//!
//! Every picture is also drawn at degenerate sizes (0×0 up to 300×100) to prove no
//! screen panics, and colours are checked on the buffer's cells, apart from the text.
//!
//! Session files live in a fresh temporary directory per test, always a path of the
//! same length (see `temp_dir`); it is shown as `[DIR]`. Accept changed pictures with
//! `INSTA_UPDATE=always cargo test --test screens` and read every `.snap` you accept.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use chrono::{DateTime, Duration, Local, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;
use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

use sameside::domain::Stage;
use sameside::storage::dirs::{DirSource, SessionsDir};
use sameside::tui::app::{App, Modal, Screen};
use sameside::tui::clock::FixedClock;
use sameside::tui::theme::Theme;

const NORTHWIND: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";
const ACME: &str = "2026-11-19-acme-robotics-initech-vision-embedded-oem-deal.ron";
const DAMAGED: &str = "2026-11-20-half-written.ron";

/// The two sizes every screen is pictured at.
const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];
/// Sizes every screen must survive, from nothing at all to a very large wall.
const ODD_SIZES: [(u16, u16); 7] = [
    (0, 0),
    (1, 1),
    (2, 2),
    (10, 3),
    (79, 23),
    (80, 24),
    (300, 100),
];

/// A fresh sessions directory. Its path is on the wall (and decides where long lines wrap
/// or get cut), so it has the same length on every machine: `/tmp/screens-XXXXXX` on
/// unix, whatever `TMPDIR` says.
fn temp_dir() -> TempDir {
    let base = if cfg!(unix) {
        PathBuf::from("/tmp")
    } else {
        std::env::temp_dir()
    };
    tempfile::Builder::new()
        .prefix("screens-")
        .rand_bytes(6)
        .tempdir_in(base)
        .expect("temporary directory")
}

/// When the tests run, as far as the app knows.
fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

/// An app on a temporary sessions directory, with the clock under the test's control.
struct Wall {
    app: App,
    clock: Rc<FixedClock>,
    dir: PathBuf,
    _tmp: TempDir,
}

impl Wall {
    /// An empty sessions directory.
    fn empty(theme: Theme) -> Wall {
        let tmp = temp_dir();
        let dir = tmp.path().to_path_buf();
        let clock = Rc::new(FixedClock::new(start()));
        let sessions = SessionsDir {
            path: dir.clone(),
            source: DirSource::Flag,
        };
        let app = App::new(sessions, theme, clock.clone());
        Wall {
            app,
            clock,
            dir,
            _tmp: tmp,
        }
    }

    /// The two shipped examples and a half-written file, copied in before the app starts.
    fn with_examples(theme: Theme) -> Wall {
        let tmp = temp_dir();
        let dir = tmp.path().to_path_buf();
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
        for name in [NORTHWIND, ACME] {
            std::fs::copy(shipped.join(name), dir.join(name)).expect("copy an example");
        }
        // A save cut off part-way: the first 700 bytes of a good file.
        let text = std::fs::read(shipped.join(NORTHWIND)).expect("read an example");
        std::fs::write(dir.join(DAMAGED), &text[..700]).expect("write the damaged file");
        let clock = Rc::new(FixedClock::new(start()));
        let sessions = SessionsDir {
            path: dir.clone(),
            source: DirSource::Flag,
        };
        let app = App::new(sessions, theme, clock.clone());
        Wall {
            app,
            clock,
            dir,
            _tmp: tmp,
        }
    }

    fn key(&mut self, code: KeyCode) -> &mut Wall {
        let modifiers = match code {
            KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
            KeyCode::BackTab => KeyModifiers::SHIFT,
            _ => KeyModifiers::NONE,
        };
        self.app.handle_key(KeyEvent::new(code, modifiers));
        self
    }

    fn keys(&mut self, codes: &[KeyCode]) -> &mut Wall {
        for &code in codes {
            self.key(code);
        }
        self
    }

    fn ctrl(&mut self, c: char) -> &mut Wall {
        self.app
            .handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        self
    }

    /// Types text, one key per character.
    fn type_text(&mut self, text: &str) -> &mut Wall {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    fn buffer(&self, width: u16, height: u16) -> Buffer {
        draw(&self.app, width, height)
    }

    fn text(&self, width: u16, height: u16) -> String {
        screen_text(&self.buffer(width, height), &self.dir)
    }

    /// Pictures the screen at both sizes, and draws it at every odd size.
    #[track_caller]
    fn snap(&self, name: &str) {
        for (w, h) in SIZES {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), self.text(w, h));
        }
        survives_every_size(&self.app);
    }

    fn stage(&self) -> Option<Stage> {
        match &self.app.screen {
            Screen::Session(view) => Some(view.stage()),
            _ => None,
        }
    }

    fn timebox_minutes(&self) -> u32 {
        match &self.app.screen {
            Screen::Session(view) => {
                let session = view.history.session();
                session.clock.timebox_minutes(view.stage())
            }
            _ => panic!("no session is open"),
        }
    }

    /// Opens the session file `name` from the list on the home screen.
    fn open_from_home(&mut self, name: &str) -> &mut Wall {
        assert!(matches!(self.app.screen, Screen::Home(_)), "not on home");
        self.key(KeyCode::Home);
        for _ in 0..10 {
            let on_it = match &self.app.screen {
                Screen::Home(home) => home.entries.get(home.selected).is_some_and(|e| match e {
                    sameside::tui::home::HomeEntry::Session(l) => l.path().ends_with(name),
                    sameside::tui::home::HomeEntry::Example(_) => false,
                }),
                _ => false,
            };
            if on_it {
                self.key(KeyCode::Enter);
                assert!(self.stage().is_some(), "{name} did not open");
                return self;
            }
            self.key(KeyCode::Down);
        }
        panic!("{name} is not on the home screen");
    }
}

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
    terminal
        .draw(|frame| app.render(frame))
        .expect("drawing to a test backend");
    terminal.backend().buffer().clone()
}

#[track_caller]
fn survives_every_size(app: &App) {
    for (w, h) in ODD_SIZES {
        let _ = draw(app, w, h);
    }
}

/// The buffer as text: one line per row, trailing spaces trimmed, wide characters once,
/// the temporary directory as `[DIR]` and dates in UTC whatever the local time zone.
fn screen_text(buffer: &Buffer, dir: &Path) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0usize;
        for x in 0..area.width {
            let symbol = buffer[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            line.push_str(symbol);
            skip = symbol.width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let mut out = out.replace(&dir.display().to_string(), "[DIR]");
    // The session list shows the local date of the last change; picture it as in UTC.
    for at in shipped_updates() {
        let local = at.with_timezone(&Local).format("%Y-%m-%d").to_string();
        let utc = at.format("%Y-%m-%d").to_string();
        if local != utc {
            out = out.replace(&local, &utc);
        }
    }
    out
}

/// When the shipped examples last changed, read from their headers (they are rewritten
/// whenever the scripts change).
fn shipped_updates() -> Vec<DateTime<Utc>> {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    [NORTHWIND, ACME]
        .iter()
        .filter_map(|name| {
            let text = std::fs::read_to_string(shipped.join(name)).ok()?;
            let rest = &text[text.find("updated: \"")? + "updated: \"".len()..];
            rest[..rest.find('"')?].parse().ok()
        })
        .collect()
}

/// Row `y` of the buffer as text, with each character's column.
fn row(buffer: &Buffer, y: u16) -> Vec<(u16, String)> {
    (0..buffer.area.width)
        .map(|x| (x, buffer[(x, y)].symbol().to_string()))
        .collect()
}

/// Every column where `needle` starts on row `y`, counted in cells.
fn all_in_row(buffer: &Buffer, y: u16, needle: &str) -> Vec<u16> {
    let cells = row(buffer, y);
    let Some(first) = needle.chars().next().map(String::from) else {
        return Vec::new();
    };
    cells
        .iter()
        .filter(|(x, s)| {
            *s == first && {
                let rest: String = cells[usize::from(*x)..]
                    .iter()
                    .map(|(_, s)| s.as_str())
                    .collect();
                rest.starts_with(needle)
            }
        })
        .map(|(x, _)| *x)
        .collect()
}

/// The first column where `needle` starts on row `y`.
fn find_in_row(buffer: &Buffer, y: u16, needle: &str) -> Option<u16> {
    all_in_row(buffer, y, needle).first().copied()
}

fn find_row(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    (0..buffer.area.height).find_map(|y| find_in_row(buffer, y, needle).map(|x| (x, y)))
}

// ---------------------------------------------------------------------------------------
// Home

#[test]
fn home_lists_sessions_damaged_files_and_the_example() {
    let mut wall = Wall::with_examples(Theme::dark());
    wall.snap("home");
    let text = wall.text(160, 45);
    assert!(text.contains("Acme Robotics"), "{text}");
    assert!(text.contains("damaged"), "{text}");
    assert!(text.contains("Example: Northwind"), "{text}");

    // The damaged file, selected: what is wrong with it, and Enter refuses to open it.
    wall.keys(&[KeyCode::Down, KeyCode::Down]);
    wall.snap("home_damaged_selected");
    wall.key(KeyCode::Enter);
    assert!(matches!(wall.app.screen, Screen::Home(_)));
    wall.snap("home_damaged_enter");

    wall.key(KeyCode::Char('?'));
    assert!(matches!(wall.app.modal, Some(Modal::Help { .. })));
    wall.snap("home_help");
}

#[test]
fn home_with_no_sessions_says_how_to_start() {
    let wall = Wall::empty(Theme::dark());
    wall.snap("home_empty");
}

#[test]
fn built_in_example_opens_read_only() {
    let mut wall = Wall::empty(Theme::dark());
    wall.key(KeyCode::End).key(KeyCode::Enter);
    assert_eq!(wall.stage(), Some(Stage::Summary));
    wall.snap("example_read_only");

    // Moving around records nothing and still works; changes are refused politely.
    wall.key(KeyCode::PageUp);
    assert_eq!(wall.stage(), Some(Stage::Conflicts));
    wall.key(KeyCode::Char('a'));
    assert!(wall.app.modal.is_none(), "read-only must not open a form");
    wall.snap("example_read_only_refused");
}

// ---------------------------------------------------------------------------------------
// A new session, typed in

/// Home → `n` → the form filled in by typing.
fn fill_setup(wall: &mut Wall) {
    wall.key(KeyCode::Char('n'));
    assert!(matches!(wall.app.screen, Screen::Setup(_)));
    wall.type_text("Contoso × Fabrikam: store analytics pilot")
        .key(KeyCode::Tab)
        .type_text("Dana Whitfield")
        .key(KeyCode::Tab)
        .key(KeyCode::Right)
        .key(KeyCode::Tab)
        .type_text("Contoso Retail")
        .key(KeyCode::Tab)
        .type_text("Shop-floor data from 400 stores in 9 countries")
        .key(KeyCode::Tab)
        .type_text("Fabrikam Software")
        .key(KeyCode::Tab)
        .type_text("Analytics platform and a data science team");
}

#[test]
fn setup_form_filled_by_typing() {
    let mut wall = Wall::empty(Theme::dark());
    wall.key(KeyCode::Char('n'));
    wall.snap("setup_empty");
    // Enter on an empty form says what is missing.
    wall.key(KeyCode::Enter);
    assert!(matches!(wall.app.screen, Screen::Setup(_)));
    wall.snap("setup_missing_title");
    wall.key(KeyCode::Esc);
    assert!(matches!(wall.app.screen, Screen::Home(_)));

    fill_setup(&mut wall);
    wall.snap("setup_filled");
    // A third partner row, focused.
    wall.ctrl('n');
    wall.snap("setup_third_partner");
    wall.ctrl('d');
    // Esc after typing asks first.
    wall.key(KeyCode::Esc);
    assert!(matches!(wall.app.modal, Some(Modal::Confirm(_))));
    wall.snap("setup_discard_question");
}

#[test]
fn new_session_partners_vision_and_the_gate() {
    let mut wall = Wall::empty(Theme::dark());
    fill_setup(&mut wall);
    wall.key(KeyCode::Enter);
    assert_eq!(wall.stage(), Some(Stage::Vision));
    // The room starts on the partners screen.
    wall.snap("partners");

    wall.key(KeyCode::Esc);
    wall.snap("vision_fresh");

    // The gate: nobody has agreed yet, so only an override or a pass.
    wall.key(KeyCode::PageDown);
    assert!(matches!(wall.app.modal, Some(Modal::Confirm(_))));
    wall.snap("vision_gate_open");

    // Taking a pass asks why.
    wall.key(KeyCode::Char('x'));
    assert!(matches!(wall.app.modal, Some(Modal::Edit { .. })));
    wall.snap("gate_pass_reason");
    // Without a reason the editor stays and says so.
    wall.key(KeyCode::Enter);
    assert!(matches!(
        wall.app.modal,
        Some(Modal::Edit { error: Some(_), .. })
    ));
    wall.snap("gate_pass_reason_missing");
    wall.type_text("Neither side can staff a pilot before spring");
    wall.snap("gate_pass_reason_typed");
    // Esc over a typed reason asks before throwing it away; y lets it go.
    wall.key(KeyCode::Esc);
    assert!(matches!(wall.app.modal, Some(Modal::Edit { .. })));
    wall.snap("gate_pass_reason_discard_asked");
    wall.key(KeyCode::Char('y'));
    assert!(wall.app.modal.is_none());
    assert_eq!(wall.stage(), Some(Stage::Vision));
}

#[test]
fn timebox_edit_with_a_bad_number_shows_the_error() {
    let mut wall = Wall::empty(Theme::dark());
    fill_setup(&mut wall);
    wall.key(KeyCode::Enter).key(KeyCode::Esc);
    wall.key(KeyCode::Char('t'));
    assert!(matches!(wall.app.modal, Some(Modal::Edit { .. })));
    wall.ctrl('u').type_text("abc").key(KeyCode::Enter);
    assert!(matches!(
        wall.app.modal,
        Some(Modal::Edit { error: Some(_), .. })
    ));
    wall.snap("timebox_not_a_number");
}

#[test]
fn stage_timer_warns_then_goes_over() {
    let mut wall = Wall::empty(Theme::dark());
    fill_setup(&mut wall);
    wall.key(KeyCode::Enter).key(KeyCode::Esc);
    let theme = Theme::dark();
    let limit = i64::from(wall.timebox_minutes()) * 60;

    // The timer's text on the first row and the colour of each of its cells.
    let timer_style = |wall: &Wall| {
        let buffer = wall.buffer(160, 45);
        let x = find_in_row(&buffer, 0, "⏱").expect("the timer is on the first row");
        let cells = &row(&buffer, 0)[usize::from(x)..];
        let text: String = cells.iter().map(|(_, s)| s.as_str()).collect();
        let text = text.trim_end().to_string();
        let styles: Vec<_> = cells
            .iter()
            .take(text.chars().count())
            .map(|(x, _)| buffer[(*x, 0)].style().fg)
            .collect();
        (text, styles)
    };

    let (text, styles) = timer_style(&wall);
    assert!(text.starts_with("⏱ 00:00 /"), "{text}");
    assert!(styles.iter().all(|fg| *fg == theme.text.fg), "{styles:?}");

    // Four fifths in: a warning colour.
    wall.clock.advance(Duration::seconds(limit * 4 / 5));
    wall.app.tick();
    let (text, styles) = timer_style(&wall);
    assert!(
        styles.iter().all(|fg| *fg == theme.warn.fg),
        "{text} {styles:?}"
    );
    assert!(!wall.app.bell);

    // Past the timebox: the bad colour, how far over, one bell and a status line.
    wall.clock.advance(Duration::seconds(limit / 5 + 95));
    wall.app.tick();
    assert!(std::mem::take(&mut wall.app.bell), "the bell rings once");
    wall.app.tick();
    assert!(!wall.app.bell, "and only once");
    let (text, styles) = timer_style(&wall);
    assert!(text.ends_with("over"), "{text}");
    assert!(
        styles.iter().all(|fg| *fg == theme.bad.fg),
        "{text} {styles:?}"
    );
    wall.snap("vision_over_time");
}

// ---------------------------------------------------------------------------------------
// The stages of a whole session (the Northwind example, copied and opened live)

#[test]
fn every_stage_of_a_finished_session() {
    let mut wall = Wall::with_examples(Theme::dark());
    wall.open_from_home(NORTHWIND);
    assert_eq!(wall.stage(), Some(Stage::Summary));
    wall.snap("summary");

    wall.key(KeyCode::Char('v'));
    assert!(matches!(wall.app.modal, Some(Modal::Confirm(_))));
    wall.snap("summary_verdict");
    wall.key(KeyCode::Esc);

    wall.key(KeyCode::Char('a'));
    assert!(matches!(wall.app.modal, Some(Modal::Form(_))));
    wall.snap("summary_action_form");
    wall.key(KeyCode::Esc);

    wall.key(KeyCode::PageUp);
    assert_eq!(wall.stage(), Some(Stage::Conflicts));
    wall.snap("conflicts");

    wall.key(KeyCode::Char('s'));
    assert!(matches!(wall.app.modal, Some(Modal::Confirm(_))));
    wall.snap("conflicts_settle");
    wall.key(KeyCode::Esc);

    // Enter edits an entered conflict (a detected one is settled instead): find the
    // one the moderator entered.
    for _ in 0..30 {
        wall.key(KeyCode::Enter);
        if matches!(wall.app.modal, Some(Modal::Form(_))) {
            break;
        }
        assert!(matches!(wall.app.modal, Some(Modal::Confirm(_))));
        wall.key(KeyCode::Esc).key(KeyCode::Down);
    }
    assert!(matches!(wall.app.modal, Some(Modal::Form(_))));
    wall.snap("conflicts_edit_form");
    wall.key(KeyCode::Esc).key(KeyCode::Home);

    wall.key(KeyCode::PageUp);
    assert_eq!(wall.stage(), Some(Stage::Interests));
    wall.snap("interests");
    wall.key(KeyCode::Char('c'));
    wall.snap("interests_coverage");
    wall.key(KeyCode::Char('c'));

    wall.key(KeyCode::PageUp);
    assert_eq!(wall.stage(), Some(Stage::Roles));
    wall.snap("roles");
    wall.key(KeyCode::Tab);
    wall.snap("roles_holes");

    wall.key(KeyCode::PageUp);
    assert_eq!(wall.stage(), Some(Stage::Vision));
    wall.snap("vision");

    // The gate was passed: PageDown goes straight on, and `g` opens the gate's
    // dialog, which says so and offers to reopen it.
    wall.key(KeyCode::PageDown);
    assert_eq!(wall.stage(), Some(Stage::Roles));
    wall.key(KeyCode::PageUp);
    wall.key(KeyCode::Char('g'));
    assert!(matches!(wall.app.modal, Some(Modal::Confirm(_))));
    wall.snap("vision_gate_passed");
    wall.key(KeyCode::Esc);

    wall.key(KeyCode::Char('?'));
    assert!(matches!(wall.app.modal, Some(Modal::Help { .. })));
    wall.snap("vision_help");
    wall.keys(&[KeyCode::PageDown, KeyCode::PageDown, KeyCode::PageDown]);
    wall.snap("vision_help_scrolled");
    wall.key(KeyCode::Esc);

    wall.key(KeyCode::Char('p'));
    wall.snap("partners_of_example");
}

#[test]
fn the_role_split_asks_who_does_the_work_where_nobody_is_marked_r() {
    let mut wall = Wall::with_examples(Theme::dark());
    wall.open_from_home(NORTHWIND);
    wall.keys(&[KeyCode::PageUp, KeyCode::PageUp, KeyCode::PageUp]);
    assert_eq!(wall.stage(), Some(Stage::Roles));
    // Implementation and integration: Globex answers for it, nobody is marked R.
    wall.keys(&[KeyCode::Home, KeyCode::Down]);
    let table = wall.text(160, 45);
    assert!(table.contains("3 roles without anyone marked R"), "{table}");
    wall.key(KeyCode::Char('z'));
    let card = wall.text(160, 45);
    assert!(
        card.contains("is Globex Integration also doing it?"),
        "{card}"
    );
    assert!(!card.contains('⚠'), "advice, not a warning: {card}");
    wall.snap("roles_advice_focus");

    // Back to the table, onto Northwind's letter, and R: the question is answered.
    wall.keys(&[KeyCode::Esc, KeyCode::Right, KeyCode::Char('r')]);
    let table = wall.text(160, 45);
    assert!(table.contains("2 roles without anyone marked R"), "{table}");
}

#[test]
fn conflict_check_matrix_filter_and_dismiss() {
    /// The readiness line, wherever it is on the screen.
    fn readiness(wall: &Wall) -> String {
        let text = wall.text(160, 45);
        text.lines()
            .find(|l| l.starts_with("Readiness "))
            .unwrap_or_else(|| panic!("no readiness line\n{text}"))
            .to_string()
    }
    /// The row the list or the matrix points at.
    fn pointed(wall: &Wall) -> String {
        let buffer = wall.buffer(80, 24);
        let (_, y) = find_row(&buffer, "▶ ").expect("the pointer");
        row(&buffer, y).into_iter().map(|(_, s)| s).collect()
    }

    let mut wall = Wall::with_examples(Theme::dark());
    wall.open_from_home(NORTHWIND);
    // The summary says how far the room came with its conflicts.
    let before = readiness(&wall);
    assert!(before.contains(" · open: "), "{before}");
    wall.key(KeyCode::PageUp);
    assert_eq!(wall.stage(), Some(Stage::Conflicts));
    assert_eq!(readiness(&wall), before, "the same line on the stage");

    // The matrix: categories × the one pair, the cursor on the first cell.
    wall.key(KeyCode::Char('m'));
    wall.snap("conflicts_matrix");
    let text = wall.text(80, 24);
    assert!(
        text.contains("MATRIX  categories × partner pairs"),
        "{text}"
    );

    // Down to the roles row; Enter lists what it holds.
    for _ in 0..9 {
        if pointed(&wall).starts_with("▶ roles") {
            break;
        }
        wall.key(KeyCode::Down);
    }
    wall.key(KeyCode::Enter);
    assert!(wall.app.modal.is_none());
    wall.snap("conflicts_filtered");
    let text = wall.text(80, 24);
    assert!(
        text.contains("CONFLICTS IN roles × Northwind & Globex  "),
        "{text}"
    );

    // Settling the first of them, found by a rule: the dialog says why and asks the room.
    wall.key(KeyCode::Char('s'));
    assert!(matches!(wall.app.modal, Some(Modal::Confirm(_))));
    wall.snap("conflicts_settle_detected");
    let text = wall.text(160, 45);
    assert!(text.contains("Found by the rule '"), "{text}");
    assert!(
        text.contains("x  dismiss as not a conflict — say why"),
        "{text}"
    );

    // Dismissing asks for the reason, which is kept.
    wall.key(KeyCode::Char('x'));
    assert!(matches!(wall.app.modal, Some(Modal::Edit { .. })));
    wall.type_text("Both partners already agree on this one");
    wall.snap("conflicts_dismiss_reason");
    wall.key(KeyCode::Enter);
    assert!(wall.app.modal.is_none(), "the reason was accepted");
    // The selection stays where the moderator works: the dismissed conflict moved to
    // its group, and the cursor rests on the one that took its place.
    wall.snap("conflicts_after_dismiss");
    let row = pointed(&wall);
    assert!(!row.contains("dismissed"), "{row}");
    assert_ne!(readiness(&wall), before);

    // `f` shows every conflict again; a detected one cannot be deleted, only dismissed.
    wall.key(KeyCode::Char('f'));
    assert!(wall.text(80, 24).contains("CONFLICTS  "));
    wall.key(KeyCode::Char('d'));
    assert!(wall.app.modal.is_none());
    assert!(
        wall.text(160, 45)
            .contains("dismissed, not deleted — press s then x"),
        "{}",
        wall.text(160, 45)
    );
    // Undo takes the dismissal back.
    wall.key(KeyCode::Char('u'));
    assert_eq!(readiness(&wall), before);
    assert!(!pointed(&wall).contains("dismissed: Bot"));
}

#[test]
fn glossary_on_the_conflict_check_adds_a_place_by_keys_saves_it_and_undo_takes_it_back() {
    let mut wall = Wall::with_examples(Theme::dark());
    wall.open_from_home(NORTHWIND);
    wall.key(KeyCode::PageUp);
    assert_eq!(wall.stage(), Some(Stage::Conflicts));

    // G opens the glossary; the example has none yet.
    wall.key(KeyCode::Char('G'));
    let text = wall.text(80, 24);
    assert!(text.contains("GLOSSARY  0"), "{text}");

    // a asks which kind; p opens the place's form.
    wall.key(KeyCode::Char('a'));
    assert!(matches!(wall.app.modal, Some(Modal::Confirm(_))));
    wall.key(KeyCode::Char('p'));
    assert!(matches!(wall.app.modal, Some(Modal::Form(_))));
    wall.type_text("Allgäu");
    wall.key(KeyCode::Tab).type_text("Allgau, Allgäuer Alpen");
    wall.key(KeyCode::Tab)
        .type_text("Bavaria, Baden-Württemberg");
    wall.snap("glossary_place_form");
    wall.key(KeyCode::Enter);
    assert!(wall.app.modal.is_none(), "the place was recorded");
    wall.snap("glossary_with_a_place");
    let text = wall.text(160, 45);
    assert!(
        text.contains("▶ place    Allgäu"),
        "the cursor is on the new entry\n{text}"
    );
    assert!(text.contains("in Bavaria, Baden-Württemberg · also Allgau, Allgäuer Alpen"));

    // A second entry with a name already taken is refused in the form, which stays open.
    wall.key(KeyCode::Char('a')).key(KeyCode::Char('a'));
    wall.type_text("ALLGAU");
    wall.key(KeyCode::Enter);
    let text = wall.text(160, 45);
    assert!(text.contains("the glossary already has 'ALLGAU'"), "{text}");
    // Leaving a form with typed text asks first; y lets it go.
    wall.key(KeyCode::Esc).key(KeyCode::Char('y'));
    assert!(wall.app.modal.is_none());

    // Undo takes the place back; Esc returns to the conflicts.
    wall.key(KeyCode::Char('u'));
    assert!(wall.text(80, 24).contains("GLOSSARY  0"));
    wall.key(KeyCode::Char('U'));
    assert!(wall.text(80, 24).contains("GLOSSARY  1"));
    wall.key(KeyCode::Esc);
    assert!(wall.text(80, 24).contains("CONFLICTS  "));

    // Saved as events with the session.
    wall.key(KeyCode::Char('q'));
    let saved = std::fs::read_to_string(wall.dir.join(NORTHWIND)).expect("the session file");
    assert!(saved.contains("GlossaryAdded(entry: ("), "{saved}");
    assert!(saved.contains("name: \"Allgäu\""), "{saved}");
}

/// Rewrites the example at `path` with four places each partner claims, one side firmly
/// and one loosely: the example settles every conflict the rules find, and triage needs
/// open ones.
fn with_open_lows(path: &Path) {
    use sameside::domain::{Change, Function, Interest, InterestCategory, PartnerId, Weight};
    let mut history = sameside::domain::sample::example_proceed().expect("the example builds");
    let mut at = history.events().last().expect("events").at;
    for place in ["Sweden", "Poland", "Spain", "Italy"] {
        for (partner, statement, weight) in [
            (
                1,
                format!("Keep {place} for our own team"),
                Weight::Important,
            ),
            (2, format!("{place} could come later"), Weight::Negotiable),
        ] {
            at += chrono::Duration::minutes(1);
            let interest = Interest {
                id: history.session().fresh_id(),
                partner: PartnerId(partner),
                statement,
                category: InterestCategory::Territory,
                weight,
                function: Function::Sales,
            };
            history
                .record(at, Change::InterestAdded { interest })
                .expect("the example takes more interests");
        }
    }
    let header = sameside::storage::Header::for_history("example-northwind-globex", None, &history);
    let text = sameside::storage::format::encode(&header, &history).expect("encodes");
    std::fs::write(path, text).expect("write the example with open conflicts");
}

#[test]
fn conflict_check_triage_marks_and_severity_filter() {
    let mut wall = Wall::with_examples(Theme::dark());
    with_open_lows(&wall.dir.join(NORTHWIND));
    wall.open_from_home(NORTHWIND);
    wall.key(KeyCode::PageUp);
    assert_eq!(wall.stage(), Some(Stage::Conflicts));
    let open_before = wall.text(160, 45);

    // Two open conflicts marked: each row says so, and the list's title counts them.
    wall.keys(&[
        KeyCode::Home,
        KeyCode::Char(' '),
        KeyCode::Char('n'),
        KeyCode::Char(' '),
    ]);
    wall.snap("conflicts_marked");
    let text = wall.text(160, 45);
    assert!(text.contains("CONFLICTS  14 · 2 marked"), "{text}");
    assert!(text.contains("x dismiss marked"), "{text}");

    // One reason for both, one step: one undo brings both back.
    wall.key(KeyCode::Char('x'));
    assert!(matches!(wall.app.modal, Some(Modal::Edit { .. })));
    wall.type_text("Advice, not claims");
    wall.key(KeyCode::Enter);
    assert!(wall.app.modal.is_none(), "the reason was accepted");
    let text = wall.text(160, 45);
    assert!(
        text.contains("2 conflicts dismissed: 'Advice, not claims'"),
        "{text}"
    );
    assert!(
        !text.contains("marked"),
        "the marks went with the action: {text}"
    );
    assert!(text.contains("open: 2 low"), "{text}");
    wall.key(KeyCode::Char('u'));
    let text = wall.text(160, 45);
    assert!(text.contains("open: 4 low"), "{text}");
    assert!(text.contains("Undid: 2 conflicts dismissed"), "{text}");

    // The severity filter: the title and the fit report say what it leaves out.
    wall.key(KeyCode::Char('v'));
    wall.snap("conflicts_low_hidden");
    let text = wall.text(160, 45);
    assert!(text.contains("· low hidden ("), "{text}");
    assert!(text.contains(" low conflicts"), "{text}");
    wall.key(KeyCode::Char('V'));
    assert!(!wall.text(160, 45).contains("low hidden"));
    assert_ne!(wall.text(160, 45), open_before, "the status line moved on");
}

#[test]
fn a_session_that_took_a_pass() {
    let mut wall = Wall::with_examples(Theme::dark());
    wall.open_from_home(ACME);
    assert_eq!(wall.stage(), Some(Stage::Summary));
    wall.snap("summary_pass");
    // The locked stages are skipped: back from the summary is the vision.
    wall.key(KeyCode::PageUp);
    assert_eq!(wall.stage(), Some(Stage::Vision));
    wall.snap("vision_pass");
}

// ---------------------------------------------------------------------------------------
// Saving fails

#[test]
fn not_saved_when_the_directory_is_gone() {
    let mut wall = Wall::with_examples(Theme::dark());
    wall.open_from_home(NORTHWIND);
    std::fs::remove_dir_all(&wall.dir).expect("remove the sessions directory");
    // A change: one more minute for the summary.
    wall.key(KeyCode::Char('+'));
    // The write happens on the saving thread; collect its report without sleeping.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        wall.app.tick();
        if wall.text(160, 45).contains("Not saved") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "no save failure seen");
        std::thread::yield_now();
    }
    wall.snap("not_saved_status");

    // Leaving asks what to do with the unsaved session.
    wall.key(KeyCode::Char('q'));
    assert!(matches!(wall.app.modal, Some(Modal::Confirm(_))));
    wall.snap("not_saved_on_close");
    wall.key(KeyCode::Char('x'));
    assert!(matches!(wall.app.screen, Screen::Home(_)));
}

// ---------------------------------------------------------------------------------------
// Too small

#[test]
fn too_small_terminal_says_what_it_needs() {
    let mut wall = Wall::with_examples(Theme::dark());
    for (w, h) in [(79, 24), (40, 10)] {
        insta::assert_snapshot!(format!("too_small_home_{w}x{h}"), wall.text(w, h));
    }
    let home = wall.text(79, 24);
    // Keys wait for a terminal large enough to show what they do.
    wall.text(80, 24);
    wall.open_from_home(NORTHWIND);
    assert_eq!(
        wall.text(79, 24),
        home,
        "the notice is the same on every screen"
    );
    let buffer = wall.buffer(40, 10);
    let (x, y) = find_row(&buffer, "need").expect("the notice");
    assert_eq!(buffer[(x, y)].style().fg, Theme::dark().warn.fg);
}

// ---------------------------------------------------------------------------------------
// No panic, whatever the size

#[test]
fn no_screen_panics_at_any_size() {
    // Forms and dialogs not pictured above, each drawn at every odd size.
    let mut wall = Wall::with_examples(Theme::dark());
    survives_every_size(&wall.app);
    wall.key(KeyCode::Char('?'));
    survives_every_size(&wall.app);
    wall.key(KeyCode::Esc).key(KeyCode::Char('d'));
    survives_every_size(&wall.app);
    wall.key(KeyCode::Esc);
    wall.open_from_home(NORTHWIND);
    let steps: &[&[KeyCode]] = &[
        &[KeyCode::Enter],
        &[KeyCode::Esc, KeyCode::Char('d')],
        &[KeyCode::Esc, KeyCode::PageUp, KeyCode::Char('a')],
        &[KeyCode::Esc, KeyCode::Char('d')],
        &[KeyCode::Esc, KeyCode::PageUp, KeyCode::Char('a')],
        &[KeyCode::Esc, KeyCode::Enter],
        &[KeyCode::Esc, KeyCode::Char('c')],
        &[KeyCode::Char('c'), KeyCode::PageUp, KeyCode::Char('a')],
        &[KeyCode::Esc, KeyCode::Enter],
        &[KeyCode::Esc, KeyCode::Tab, KeyCode::Char('a')],
        &[KeyCode::Esc, KeyCode::Enter],
        &[KeyCode::Esc, KeyCode::Char('d')],
        &[KeyCode::Esc, KeyCode::PageUp, KeyCode::Enter],
        &[KeyCode::Esc, KeyCode::Char('?')],
        &[KeyCode::Esc, KeyCode::Char('p')],
        &[KeyCode::Enter],
        &[KeyCode::Esc, KeyCode::Char('a')],
        &[KeyCode::Esc, KeyCode::Char('A')],
        &[KeyCode::Esc, KeyCode::Char('D')],
        &[KeyCode::Esc, KeyCode::Char('?')],
    ];
    for keys in steps {
        wall.keys(keys);
        survives_every_size(&wall.app);
    }
    wall.key(KeyCode::Esc);

    // A new session with the most partners the form allows.
    let mut wall = Wall::empty(Theme::dark());
    fill_setup(&mut wall);
    for i in 3..=9 {
        wall.ctrl('n');
        wall.type_text(&format!("Partner number {i} International Holdings"));
        survives_every_size(&wall.app);
    }
    wall.key(KeyCode::Enter);
    for keys in [
        &[][..],
        &[KeyCode::Esc],
        &[KeyCode::PageDown],
        &[KeyCode::Char('o')],
    ] {
        wall.keys(keys);
        survives_every_size(&wall.app);
    }
}

// ---------------------------------------------------------------------------------------
// Colour

#[test]
fn header_shows_each_partner_in_its_colour() {
    let theme = Theme::dark();
    let mut wall = Wall::with_examples(Theme::dark());
    wall.open_from_home(NORTHWIND);
    for (w, h) in SIZES {
        let buffer = wall.buffer(w, h);
        for (i, name) in ["Northwind Analytics", "Globex Integration"]
            .into_iter()
            .enumerate()
        {
            // At 80 columns a name may be shortened; look for its first word, after the
            // title (which names both partners too).
            let word = name.split(' ').next().unwrap();
            let x = *all_in_row(&buffer, 0, word)
                .last()
                .unwrap_or_else(|| panic!("{word} not in the header at {w}×{h}"));
            for dx in 0..u16::try_from(word.len()).unwrap() {
                let cell = &buffer[(x + dx, 0)];
                assert_eq!(
                    cell.style().fg,
                    theme.partner(i).fg,
                    "{name} at {w}×{h}, column {}",
                    x + dx
                );
            }
        }
        assert_ne!(theme.partner(0).fg, theme.partner(1).fg);
    }
}

#[test]
fn the_selected_item_uses_the_selected_style() {
    let theme = Theme::dark();
    let mut wall = Wall::with_examples(Theme::dark());

    // Home: the whole first row of the list.
    let buffer = wall.buffer(80, 24);
    let (_, y) = find_row(&buffer, "Acme Robotics").expect("first session");
    for x in 0..80 {
        let cell = &buffer[(x, y)];
        assert_eq!(cell.fg, theme.selected.fg.unwrap(), "column {x}");
        assert_eq!(cell.bg, theme.selected.bg.unwrap(), "column {x}");
    }
    wall.key(KeyCode::Down);
    let buffer = wall.buffer(80, 24);
    let (x, y) = find_row(&buffer, "Northwind").expect("second session");
    assert_eq!(buffer[(x, y)].bg, theme.selected.bg.unwrap());
    let (x, y) = find_row(&buffer, "Acme Robotics").expect("first session");
    assert_ne!(buffer[(x, y)].bg, theme.selected.bg.unwrap());

    // A stage: the marker of the stage on show, and the selected conflict.
    wall.open_from_home(NORTHWIND);
    wall.key(KeyCode::PageUp);
    let buffer = wall.buffer(160, 45);
    let (x, y) = find_row(&buffer, "▶4").expect("the stage marker");
    assert_eq!(y, 1);
    assert_eq!(buffer[(x, y)].style().bg, theme.selected.bg);
    let (x, y) = find_row(&buffer, "▶ ").expect("first conflict, pointed at");
    assert_eq!(buffer[(x + 2, y)].style().bg, theme.selected.bg, "selected");
    wall.key(KeyCode::Down);
    let buffer = wall.buffer(160, 45);
    assert_ne!(
        buffer[(x + 2, y)].style().bg,
        theme.selected.bg,
        "moved away"
    );
    let (x, next) = find_row(&buffer, "▶ ").expect("second conflict, pointed at");
    assert!(next > y);
    for x in x..x + 40 {
        assert_eq!(
            buffer[(x, next)].style().bg,
            theme.selected.bg,
            "column {x}"
        );
    }
    // In the matrix, the cell under the cursor.
    wall.key(KeyCode::Char('m'));
    let buffer = wall.buffer(160, 45);
    let (x, y) = find_row(&buffer, "[").expect("the matrix cursor");
    assert_eq!(buffer[(x, y)].style().bg, theme.selected.bg);
}

#[test]
fn no_colour_at_all_in_monochrome() {
    #[track_caller]
    fn colourless(wall: &Wall, what: &str) {
        for (w, h) in SIZES.into_iter().chain([(40, 10)]) {
            let buffer = wall.buffer(w, h);
            for y in 0..h {
                for x in 0..w {
                    let cell = &buffer[(x, y)];
                    assert!(
                        cell.fg == Color::Reset
                            && cell.bg == Color::Reset
                            && cell.underline_color == Color::Reset,
                        "{what} at {w}×{h}: colour in cell ({x}, {y}) {:?}",
                        cell
                    );
                }
            }
        }
        // The terminal grows back before the next key: keys wait for a terminal large
        // enough to show what they do.
        wall.buffer(80, 24);
    }
    let mut wall = Wall::with_examples(Theme::monochrome());
    colourless(&wall, "home");
    wall.key(KeyCode::Char('?'));
    colourless(&wall, "home help");
    wall.key(KeyCode::Esc);
    wall.open_from_home(NORTHWIND);
    let steps: &[(&str, &[KeyCode])] = &[
        ("summary", &[]),
        ("verdict", &[KeyCode::Char('v')]),
        ("action form", &[KeyCode::Esc, KeyCode::Char('a')]),
        ("conflicts", &[KeyCode::Esc, KeyCode::PageUp]),
        ("settle", &[KeyCode::Char('s')]),
        ("dismiss reason", &[KeyCode::Char('x')]),
        ("settle by Enter", &[KeyCode::Esc, KeyCode::Enter]),
        ("conflict form", &[KeyCode::Esc, KeyCode::Char('a')]),
        ("matrix", &[KeyCode::Esc, KeyCode::Char('m')]),
        ("filtered", &[KeyCode::Enter]),
        ("interests", &[KeyCode::Esc, KeyCode::PageUp]),
        ("coverage", &[KeyCode::Char('c')]),
        ("roles", &[KeyCode::Char('c'), KeyCode::PageUp]),
        ("holes", &[KeyCode::Tab]),
        ("vision", &[KeyCode::PageUp]),
        ("gate", &[KeyCode::PageDown]),
        ("help", &[KeyCode::Esc, KeyCode::Char('?')]),
        ("partners", &[KeyCode::Esc, KeyCode::Char('p')]),
        ("timebox", &[KeyCode::Esc, KeyCode::Char('t')]),
    ];
    for (what, keys) in steps {
        wall.keys(keys);
        colourless(&wall, what);
    }
    wall.ctrl('u').type_text("abc").key(KeyCode::Enter);
    colourless(&wall, "edit error");
    wall.key(KeyCode::Esc);

    let mut wall = Wall::empty(Theme::monochrome());
    fill_setup(&mut wall);
    colourless(&wall, "setup");
    wall.key(KeyCode::Enter);
    colourless(&wall, "new session partners");
    wall.key(KeyCode::Esc);
    wall.clock.advance(Duration::hours(2));
    wall.app.tick();
    colourless(&wall, "over time");
    wall.key(KeyCode::PageDown).key(KeyCode::Char('x'));
    colourless(&wall, "pass reason");
}

// ---------------------------------------------------------------------------------------
// Replay (R on the session list)

impl Wall {
    /// Moves the selection on the home screen to the file `name` and presses R.
    fn replay_from_home(&mut self, name: &str) -> &mut Wall {
        assert!(matches!(self.app.screen, Screen::Home(_)), "not on home");
        self.key(KeyCode::Home);
        for _ in 0..10 {
            let on_it = match &self.app.screen {
                Screen::Home(home) => home.entries.get(home.selected).is_some_and(|e| match e {
                    sameside::tui::home::HomeEntry::Session(l) => l.path().ends_with(name),
                    sameside::tui::home::HomeEntry::Example(_) => false,
                }),
                _ => false,
            };
            if on_it {
                self.key(KeyCode::Char('R'));
                // Event times in UTC whatever the machine's zone, like the dates above.
                match &mut self.app.screen {
                    Screen::Replay(view) => {
                        view.set_time_offset(chrono::FixedOffset::east_opt(0).expect("UTC"))
                    }
                    _ => panic!("{name} did not replay: {:?}", self.app.status),
                }
                return self;
            }
            self.key(KeyCode::Down);
        }
        panic!("{name} is not on the home screen");
    }

    fn replay_position(&self) -> usize {
        match &self.app.screen {
            Screen::Replay(view) => view.player().position(),
            _ => panic!("not replaying"),
        }
    }
}

/// The rows between the header and the first row that differs in layout below.
fn body_rows(text: &str, from: usize, count: usize) -> Vec<String> {
    text.lines()
        .skip(from)
        .take(count)
        .map(str::to_string)
        .collect()
}

#[test]
fn replay_start_middle_and_end() {
    let mut wall = Wall::with_examples(Theme::dark());
    wall.replay_from_home(NORTHWIND);
    assert_eq!(wall.replay_position(), 0);
    wall.snap("replay_start");

    // Into the role split and a few events along: the event line names what changed.
    wall.keys(&[
        KeyCode::Char(']'),
        KeyCode::Char(']'),
        KeyCode::Right,
        KeyCode::Right,
    ]);
    assert!(wall.replay_position() > 2);
    let text = wall.text(80, 24);
    assert!(text.contains("● changed:"), "{text}");
    wall.snap("replay_middle");

    // The highlight lasts a moment of the replay clock, then goes.
    wall.clock.advance(Duration::seconds(2));
    assert!(!wall.text(80, 24).contains("● changed:"));

    wall.key(KeyCode::End);
    let text = wall.text(160, 45);
    assert!(text.contains("▶5 Summary"), "{text}");
    assert!(text.contains("Proceed with conditions"), "{text}");
    wall.snap("replay_end");

    // The end of the replay shows the summary the live session shows: the same rows
    // from the header down, through the verdict and the readiness line (below them the
    // replay's shorter body wraps the agreements less).
    let replayed = body_rows(&text, 3, 13);
    wall.key(KeyCode::Char('q'));
    assert!(matches!(wall.app.screen, Screen::Home(_)));
    wall.open_from_home(NORTHWIND);
    let live = body_rows(&wall.text(160, 45), 3, 13);
    assert_eq!(replayed, live);
}

#[test]
fn replay_marks_the_interest_an_event_just_added() {
    use sameside::domain::timeline::Changed;
    let mut wall = Wall::with_examples(Theme::dark());
    wall.replay_from_home(NORTHWIND);
    wall.keys(&[KeyCode::Char(']'), KeyCode::Char(']')]);
    let changed = |wall: &Wall| match &wall.app.screen {
        Screen::Replay(view) => {
            let player = view.player();
            player.timeline().changed(player.position()).cloned()
        }
        _ => panic!("not replaying"),
    };
    for _ in 0..10 {
        if matches!(changed(&wall), Some(Changed::Interest(_))) {
            break;
        }
        wall.key(KeyCode::Right);
    }
    assert!(matches!(changed(&wall), Some(Changed::Interest(_))));
    let text = wall.text(80, 24);
    assert!(text.contains("● changed: interest"), "{text}");
    insta::assert_snapshot!("replay_interest_added_80x24", text);

    // The mark goes with the highlight.
    wall.clock.advance(Duration::seconds(2));
    let later = wall.text(80, 24);
    assert!(!later.contains("● changed:"), "{later}");
    assert_eq!(
        text.matches('●').count(),
        later.matches('●').count() + 2,
        "{later}"
    );
}

#[test]
fn replay_find_prompt_says_enter_finds() {
    let mut wall = Wall::with_examples(Theme::dark());
    wall.replay_from_home(NORTHWIND);
    wall.key(KeyCode::Char('/'));
    let text = wall.text(80, 24);
    assert!(text.contains("Enter find · Esc cancel"), "{text}");
    assert!(!text.contains("Enter save"), "{text}");
}

#[test]
fn replay_help_lists_the_replay_keys() {
    let mut wall = Wall::with_examples(Theme::dark());
    wall.replay_from_home(NORTHWIND);
    wall.key(KeyCode::Char('?'));
    let text = wall.text(160, 45);
    assert!(text.contains("Keys — replay"), "{text}");
    assert!(text.contains("continue from here"), "{text}");
}

#[test]
fn replay_of_a_record_with_a_bad_event_stops_there_and_says_where() {
    let mut wall = Wall::with_examples(Theme::dark());
    let name = "2026-11-21-bad-event.ron";
    let text = std::fs::read_to_string(wall.dir.join(NORTHWIND)).expect("read");
    let events_at = text.find("events:").expect("events");
    let line = text[events_at..].lines().nth(11).expect("an event line");
    // An event that parses but cannot apply: nothing to redo at that point.
    let broken = text.replacen(line, "    (at: \"2026-11-12T09:30:00Z\", change: Redo),", 1);
    std::fs::write(wall.dir.join(name), broken).expect("write");
    wall.key(KeyCode::Char('r'));
    wall.replay_from_home(name);
    wall.key(KeyCode::End);
    let text = wall.text(160, 45);
    assert!(text.contains("stops at event 11 of"), "{text}");
    assert!(text.contains(&format!("[DIR]/{name}:")), "{text}");
    wall.snap("replay_stops_at_a_bad_event");
}

#[test]
fn b_blanks_the_screen_and_the_next_key_only_brings_it_back() {
    let mut wall = Wall::with_examples(Theme::dark());
    wall.open_from_home(NORTHWIND);
    let before = wall.text(80, 24);
    let stage = wall.stage();

    wall.key(KeyCode::Char('b'));
    let buffer = wall.buffer(80, 24);
    assert!(
        buffer.content.iter().all(|c| c.symbol() == " "),
        "nothing may show on a blank screen"
    );
    assert!(buffer.content.iter().all(|c| c.bg == Color::Black));

    // The key that wakes the screen is not also a command: PageDown would change stage.
    wall.key(KeyCode::PageDown);
    assert_eq!(wall.text(80, 24), before);
    assert_eq!(wall.stage(), stage);

    // `.` (sent by some clickers) blanks too; in a colourless theme the blank is the
    // terminal's own background.
    let mut wall = Wall::with_examples(Theme::monochrome());
    wall.open_from_home(NORTHWIND);
    wall.key(KeyCode::Char('.'));
    let buffer = wall.buffer(80, 24);
    assert!(
        buffer
            .content
            .iter()
            .all(|c| c.symbol() == " " && c.bg == Color::Reset)
    );
    wall.key(KeyCode::Char('x'));
    assert!(wall.text(80, 24).contains("Northwind"));
}

// ---------------------------------------------------------------------------------------
// Audience view (sameside present FILE)

/// The file the audience view follows in these tests: its name is on the wall.
const LIVE: &str = "2026-11-27-live.ron";

/// The Northwind example cut to its first `events` events, as a session file's text.
fn northwind_up_to(events: usize) -> String {
    use sameside::domain::History;
    use sameside::storage::format::encode;
    use sameside::storage::store::read_session;
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(NORTHWIND);
    let (header, history) = read_session(&shipped).expect("the example reads");
    let cut = History::from_events(history.events()[..events].to_vec()).expect("a prefix");
    encode(&header, &cut).expect("encode")
}

impl Wall {
    /// Starts the audience view on `name` in the sessions directory, times in UTC.
    fn present(&mut self, name: &str) -> &mut Wall {
        self.app.present(&self.dir.join(name));
        match &mut self.app.screen {
            Screen::Present(view) => {
                view.set_time_offset(chrono::FixedOffset::east_opt(0).expect("UTC"))
            }
            _ => panic!("{name} is not presented: {:?}", self.app.status),
        }
        self
    }

    /// Rewrites `name` the way the autosave does: a new file renamed over the old.
    fn save_as_autosave(&self, name: &str, text: &str) {
        sameside::storage::atomic::write_atomically(&self.dir.join(name), text.as_bytes())
            .expect("write");
    }

    /// Lets the clock run on to the next look at the file, as the event loop does.
    fn next_tick(&mut self) -> &mut Wall {
        self.clock.advance(Duration::milliseconds(250));
        // The file is looked at on a worker thread; wait for what it finds.
        if let Screen::Present(view) = &mut self.app.screen {
            let now = sameside::tui::clock::Clock::now(&self.clock);
            view.wait_for_news(now, std::time::Duration::from_secs(10));
        }
        self.app.tick();
        self
    }
}

#[test]
fn present_follows_the_file_marks_the_change_and_survives_garbage() {
    // 50 events: the interests stage, three of Northwind's interests written down.
    let mut wall = Wall::empty(Theme::dark());
    wall.save_as_autosave(LIVE, &northwind_up_to(50));
    wall.present(LIVE);
    let text = wall.text(80, 24);
    assert!(text.contains("LIVE"), "{text}");
    assert!(text.contains("▶3 Interests"), "{text}");
    assert!(
        text.contains("updated 10:00:00 · 2026-11-27-live.ron"),
        "{text}"
    );
    assert!(!text.contains("No exclusivity clauses"), "{text}");
    wall.snap("present_start");

    // The moderator adds the fourth interest: it shows, marked for a moment.
    wall.save_as_autosave(LIVE, &northwind_up_to(51));
    wall.next_tick();
    // At 80×24 the fourth interest is below the fold ("↓ 1 more"); the wall shows it.
    let text = wall.text(160, 45);
    assert!(text.contains("Northwind Analytics · 4 interests"), "{text}");
    assert!(text.contains("updated 10:00:00 · "), "{text}");
    let marked = find_row(&wall.buffer(160, 45), "● No exclusivity clauses");
    assert!(marked.is_some(), "the new interest is not marked:\n{text}");
    wall.snap("present_interest_added");
    // The mark goes with the highlight; the interest stays.
    wall.clock.advance(Duration::seconds(2));
    let later = wall.text(160, 45);
    assert!(later.contains("No exclusivity clauses"), "{later}");
    let marked = find_row(&wall.buffer(160, 45), "● No exclusivity clauses");
    assert!(marked.is_none(), "{later}");

    // A half-written file: the notice names it and where it breaks, the interests stay.
    let good = northwind_up_to(51);
    wall.save_as_autosave(LIVE, &good[..good.len() / 2]);
    wall.next_tick();
    let text = wall.text(80, 24);
    assert!(
        text.contains("2026-11-27-live.ron cannot be read"),
        "{text}"
    );
    assert!(text.contains(&format!("[DIR]/{LIVE}:")), "{text}");
    assert!(text.contains("NOT UPDATING"), "{text}");
    assert!(text.contains("Since 10:00:02"), "{text}");
    let wide = wall.text(160, 45);
    assert!(wide.contains("No exclusivity clauses"), "{wide}");
    wall.snap("present_unreadable");

    // Deleted while broken: still the same notice's start, the other error.
    std::fs::remove_file(wall.dir.join(LIVE)).expect("delete");
    wall.next_tick();
    let text = wall.text(160, 45);
    assert!(text.contains("Since 10:00:02"), "{text}");
    assert!(text.contains("cannot be read: No such file"), "{text}");

    // Written again: the notice goes, and what the file now says is on the wall.
    wall.save_as_autosave(LIVE, &northwind_up_to(52));
    wall.next_tick();
    let text = wall.text(160, 45);
    assert!(!text.contains("cannot be read"), "{text}");
    assert!(text.contains("LIVE"), "{text}");
    assert!(text.contains("Own EMEA enterprise accounts"), "{text}");
}

#[test]
fn present_moves_with_the_moderator_to_another_stage() {
    let mut wall = Wall::empty(Theme::dark());
    wall.save_as_autosave(LIVE, &northwind_up_to(20));
    wall.present(LIVE);
    assert!(wall.text(80, 24).contains("▶1 Vision"));
    wall.save_as_autosave(LIVE, &northwind_up_to(23));
    wall.next_tick();
    let text = wall.text(160, 45);
    assert!(text.contains("▶2 Role split"), "{text}");
}

#[test]
fn present_help_lists_only_the_keys_that_work_and_q_quits() {
    let mut wall = Wall::empty(Theme::dark());
    wall.save_as_autosave(LIVE, &northwind_up_to(50));
    wall.present(LIVE);
    let text = wall.text(80, 24);
    assert!(text.contains("z focus"), "{text}");
    assert!(text.contains("q quit"), "{text}");
    assert!(!text.contains("PgDn"), "{text}");
    wall.key(KeyCode::Char('?'));
    let text = wall.text(160, 45);
    assert!(text.contains("Keys — audience view"), "{text}");
    wall.key(KeyCode::Esc);
    wall.keys(&[
        KeyCode::Down,
        KeyCode::Right,
        KeyCode::Tab,
        KeyCode::PageDown,
    ]);
    assert!(!wall.app.quit);
    assert!(matches!(wall.app.screen, Screen::Present(_)));
    wall.key(KeyCode::Char('q'));
    assert!(wall.app.quit);
    // Looking changed nothing on disk.
    let on_disk = std::fs::read_to_string(wall.dir.join(LIVE)).expect("read");
    assert_eq!(on_disk, northwind_up_to(50));
    assert_eq!(names_in_dir(&wall.dir), vec![LIVE.to_string()]);
}

fn names_in_dir(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn z_focuses_on_the_selected_item_and_steps_through_the_others() {
    let mut wall = Wall::with_examples(Theme::dark());
    wall.open_from_home(NORTHWIND);
    wall.keys(&[KeyCode::PageUp, KeyCode::PageUp]);
    assert_eq!(wall.stage(), Some(Stage::Interests));
    // Any key clears the "Moved to" status; compare the screen without it.
    wall.key(KeyCode::Home);
    let stage_text = wall.text(160, 45);

    wall.key(KeyCode::Char('z'));
    let first = wall.text(160, 45);
    assert!(first.contains("Interest · Northwind Analytics"), "{first}");
    assert!(first.contains("z/Esc back to the stage"), "{first}");
    // Only the one item: the other partner's column is gone.
    assert!(!first.contains("Globex Integration ·"), "{first}");
    wall.snap("focus_interest");

    // The cursor keys still move, and the card follows.
    wall.key(KeyCode::Down);
    assert_ne!(wall.text(160, 45), first);
    wall.key(KeyCode::Up);
    assert_eq!(wall.text(160, 45), first);

    // z again, or Esc, goes back to the whole stage as it was.
    wall.key(KeyCode::Char('z'));
    assert_eq!(wall.text(160, 45), stage_text);
    wall.key(KeyCode::Char('z')).key(KeyCode::Esc);
    assert_eq!(wall.text(160, 45), stage_text);

    // A short title is drawn in large letters: the summary's first action item.
    wall.keys(&[KeyCode::PageDown, KeyCode::PageDown]);
    assert_eq!(wall.stage(), Some(Stage::Summary));
    wall.key(KeyCode::Char('z'));
    let verdict = wall.text(160, 45);
    assert!(verdict.contains('█') || verdict.contains('▀'), "{verdict}");
}

#[test]
fn focus_works_in_replay_and_in_the_audience_view() {
    // Replay: z on the last event's summary; Esc leaves focus before it leaves replay.
    let mut wall = Wall::with_examples(Theme::dark());
    wall.replay_from_home(NORTHWIND);
    wall.key(KeyCode::End);
    let stage_text = wall.text(160, 45);
    wall.key(KeyCode::Char('z'));
    let focused = wall.text(160, 45);
    assert_ne!(focused, stage_text);
    assert!(focused.contains("z/Esc back to the stage"), "{focused}");
    wall.key(KeyCode::Esc);
    assert!(matches!(wall.app.screen, Screen::Replay(_)));
    assert!(!wall.text(160, 45).contains("z/Esc back to the stage"));
    wall.key(KeyCode::Esc);
    assert!(matches!(wall.app.screen, Screen::Home(_)));

    // The audience view: z on the selected interest, z again back, q still quits.
    let mut wall = Wall::empty(Theme::dark());
    wall.save_as_autosave(LIVE, &northwind_up_to(50));
    wall.present(LIVE);
    wall.key(KeyCode::Char('z'));
    let focused = wall.text(160, 45);
    assert!(
        focused.contains("Interest · Northwind Analytics"),
        "{focused}"
    );
    assert!(focused.contains("LIVE"), "{focused}");
    wall.key(KeyCode::Char('z'));
    assert!(
        !wall
            .text(160, 45)
            .contains("Interest · Northwind Analytics")
    );
    wall.key(KeyCode::Char('q'));
    assert!(wall.app.quit);
}

#[test]
fn t_cycles_the_themes_live_and_the_whole_frame_takes_the_background() {
    use sameside::theme::Catalog;
    use sameside::tui::theme::{ColourDepth, ThemeChoice, Themes};

    let catalog = Catalog::shipped();
    let themes = Themes::select(
        &ThemeChoice {
            requested: None,
            no_color: false,
            depth: ColourDepth::TrueColour,
        },
        &catalog,
    );
    let names: Vec<String> = themes.names().iter().map(|n| n.to_string()).collect();
    let mut wall = Wall::with_examples(Theme::dark());
    wall.app.set_themes(themes);
    wall.open_from_home(NORTHWIND);
    assert_eq!(wall.app.theme.name, "projector");
    // Any key clears the "Opened" status; compare screens without it.
    wall.key(KeyCode::Home);
    let text = wall.text(80, 24);

    let background = |name: &str| {
        let palette = catalog
            .find(name)
            .and_then(|e| e.palette.as_ref().ok())
            .expect("a shipped theme");
        let rgb = palette.background.rgb;
        Color::Rgb(rgb.r, rgb.g, rgb.b)
    };
    for name in names.iter().skip(1).chain(names.iter().take(1)) {
        wall.key(KeyCode::Char('T'));
        assert_eq!(&wall.app.theme.name, name);
        let buffer = wall.buffer(80, 24);
        let status = wall.text(80, 24);
        assert!(status.contains(&format!("Theme: {name}")), "{status}");
        if name == "mono" {
            // No colour at all: the terminal's own background.
            assert!(
                buffer
                    .content
                    .iter()
                    .all(|c| c.bg == Color::Reset && c.fg == Color::Reset)
            );
        } else {
            // Every cell not drawn with a background of its own (the selection) has
            // the theme's, so a light theme is light on a dark terminal too.
            let want = background(name);
            let on_background = buffer.content.iter().filter(|c| c.bg == want).count();
            assert!(
                on_background * 10 >= buffer.content.len() * 9,
                "{name}: {on_background} of {} cells on the background",
                buffer.content.len()
            );
        }
    }
    // Back at the start, the screen reads as it did: only the colours changed.
    wall.key(KeyCode::Home);
    let again = wall.text(80, 24);
    let body = |t: &str| t.lines().take(22).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&again), body(&text));
}

/// The conflict check in every shipped theme, colours included: the snapshot is the
/// buffer's debug form, which lists each run of foreground, background and modifiers
/// after the text, so a colour that changes shows in the diff.
#[test]
fn the_conflict_check_in_every_shipped_theme() {
    use sameside::theme::Catalog;
    use sameside::tui::theme::ColourDepth;

    let catalog = Catalog::shipped();
    for entry in &catalog.entries {
        let palette = entry.palette.as_ref().expect("a shipped theme parses");
        let theme = Theme::from_palette(palette, ColourDepth::TrueColour);
        let mut wall = Wall::with_examples(theme);
        wall.open_from_home(NORTHWIND);
        wall.key(KeyCode::PageUp);
        assert_eq!(wall.stage(), Some(Stage::Conflicts));
        let buffer = wall.buffer(80, 24);
        // Every cell not painted otherwise carries the theme's background.
        let background = if palette.monochrome {
            Color::Reset
        } else {
            let rgb = palette.background.rgb;
            Color::Rgb(rgb.r, rgb.g, rgb.b)
        };
        assert_eq!(buffer[(79, 12)].bg, background, "{}", entry.name);
        insta::assert_snapshot!(
            format!("theme_conflicts_{}", entry.name),
            format!("{buffer:?}")
        );
    }
}

/// In a light theme no cell may show the terminal's own background: on a dark
/// terminal that would be a black hole in a white screen. Every screen and dialog.
#[test]
fn a_light_theme_leaves_no_cell_on_the_terminals_background() {
    use sameside::theme::Catalog;
    use sameside::tui::theme::ColourDepth;

    let catalog = Catalog::shipped();
    let light = catalog
        .find("light")
        .and_then(|e| e.palette.as_ref().ok())
        .expect("the light theme");
    let theme = Theme::from_palette(light, ColourDepth::TrueColour);
    let holes = |wall: &Wall, what: &str| {
        for (w, h) in [(80, 24), (160, 45)] {
            let buffer = wall.buffer(w, h);
            let reset: Vec<(u16, u16)> = (0..h)
                .flat_map(|y| (0..w).map(move |x| (x, y)))
                .filter(|&(x, y)| buffer[(x, y)].bg == Color::Reset)
                .collect();
            assert!(
                reset.is_empty(),
                "{what} at {w}x{h}: {} cells on the terminal's background, first {:?}",
                reset.len(),
                reset.first()
            );
        }
    };
    let mut wall = Wall::with_examples(theme);
    holes(&wall, "the session list");
    wall.key(KeyCode::Char('?'));
    holes(&wall, "the help");
    wall.key(KeyCode::Esc);
    wall.key(KeyCode::Char('n'));
    holes(&wall, "the new-session form");
    wall.key(KeyCode::Esc);
    if matches!(wall.app.modal, Some(Modal::Confirm(_))) {
        wall.key(KeyCode::Char('y'));
    }
    wall.open_from_home(NORTHWIND);
    holes(&wall, "the summary");
    wall.key(KeyCode::Char('a'));
    holes(&wall, "a form");
    wall.key(KeyCode::Esc);
    wall.key(KeyCode::Char('v'));
    holes(&wall, "a confirmation");
    wall.key(KeyCode::Esc);
    wall.key(KeyCode::Char('t'));
    holes(&wall, "a text box");
    wall.key(KeyCode::Esc);
    wall.key(KeyCode::Char('z'));
    holes(&wall, "focus mode");
    wall.key(KeyCode::Char('z'));
    wall.key(KeyCode::Char('q'));
    wall.replay_from_home(NORTHWIND);
    holes(&wall, "a replay");
}

#[test]
fn a_partner_name_that_starts_with_joining_characters_leaves_the_rules_whole() {
    // A control character ratatui leaves out, then characters that take no cell: drawn
    // as they are, they join the border before them and push the row out of line.
    let mut wall = Wall::empty(Theme::dark());
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(ACME);
    let text = std::fs::read_to_string(shipped).expect("read the example");
    let hostile = text
        .replace(
            "name: \"Acme Robotics\"",
            "name: \"\\u{1B}\\u{301}\\u{200D}Acme\"",
        )
        .replace("name: \"Initech Vision\"", "name: \"\\u{9b}\\u{FE0F}Init\"");
    std::fs::write(wall.dir.join(ACME), hostile).expect("write");
    wall.app.open(&wall.dir.join(ACME));
    wall.keys(&[KeyCode::PageUp; 4]);
    assert_eq!(wall.stage(), Some(Stage::Vision));
    let takes_no_cell =
        |c: char| c.is_control() || unicode_width::UnicodeWidthChar::width(c) == Some(0);
    for (width, height) in [(80, 24), (120, 40), (160, 45)] {
        let buffer = wall.buffer(width, height);
        for cell in &buffer.content {
            let mut chars = cell.symbol().chars();
            let first = chars.next().unwrap_or(' ');
            // Nothing to join to, or a blank that it would turn into something else.
            let orphan = takes_no_cell(first) || (first == ' ' && chars.any(takes_no_cell));
            assert!(!orphan, "a cell holds {:?}", cell.symbol());
        }
        let text = screen_text(&buffer, &wall.dir);
        let rule = text
            .lines()
            .find(|line| line.contains("Init ─"))
            .unwrap_or_else(|| panic!("no partner rule:\n{text}"));
        assert!(rule.ends_with('─'), "the rule is broken: {rule:?}");
    }
}

#[test]
fn opening_a_file_with_a_hard_link_warns_that_the_first_save_parts_the_names() {
    let mut wall = Wall::empty(Theme::dark());
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(ACME);
    std::fs::copy(shipped, wall.dir.join(ACME)).expect("copy");
    std::fs::hard_link(wall.dir.join(ACME), wall.dir.join("other-name.ron")).expect("link");
    wall.app.open(&wall.dir.join(ACME));
    let text = wall.text(160, 45);
    assert!(
        text.contains("This file has other names (hard links): the first save parts them"),
        "{text}"
    );
    assert!(!text.contains("READ-ONLY"), "{text}");
}

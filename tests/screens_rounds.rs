//! A sealed round as the room sees it, driven by keys the way a moderator drives it:
//! opening it, one person answering on the laptop passed round, the count on the wall,
//! the question before the reveal, and the answers revealed. Pictured at 80×24 and
//! 160×45; accept changed pictures with `INSTA_UPDATE=always cargo test --test
//! screens_rounds` and read every `.snap` you accept.

#[path = "common/room.rs"]
mod room;

use std::path::PathBuf;
use std::rc::Rc;

use chrono::Duration;
use ratatui::crossterm::event::KeyCode;
use tempfile::TempDir;

use room::{NORTHWIND, app_on, copy_example, press};
use sameside::tui::app::{App, Modal, Screen};
use sameside::tui::clock::FixedClock;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

/// Statements nobody but their author may see before the reveal.
const PRIYA: &str = "Keep the Bavarian plant accounts we serve today";
const JORGE: &str = "Own the connector code we write for the pilot";

/// The Northwind example, copied to a fresh folder and opened live.
struct Room {
    app: App,
    clock: Rc<FixedClock>,
    file: PathBuf,
    dir: PathBuf,
    _tmp: TempDir,
}

impl Room {
    fn open() -> Room {
        // The same path length on every machine: the path shows in the status line.
        let tmp = tempfile::Builder::new()
            .prefix("rounds-")
            .rand_bytes(6)
            .tempdir_in(if cfg!(unix) {
                PathBuf::from("/tmp")
            } else {
                std::env::temp_dir()
            })
            .expect("a temporary folder");
        let dir = tmp.path().to_path_buf();
        let file = copy_example(NORTHWIND, &dir);
        let (mut app, clock) = app_on(&dir);
        app.open(&file);
        assert!(
            matches!(app.screen, Screen::Session(_)),
            "the example opens"
        );
        Room {
            app,
            clock,
            file,
            dir,
            _tmp: tmp,
        }
    }

    fn key(&mut self, code: KeyCode) -> &mut Room {
        press(&mut self.app, code);
        self
    }

    fn type_text(&mut self, text: &str) -> &mut Room {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    /// Opens a self-interest round from the stage on show.
    fn open_interest_round(&mut self) -> &mut Room {
        self.key(KeyCode::Char('S'));
        assert!(
            matches!(self.app.modal, Some(Modal::Form(_))),
            "S opens the form"
        );
        // Typing a letter on a choice jumps to the option it starts.
        self.key(KeyCode::Char('s')).key(KeyCode::Enter);
        assert!(
            self.app.modal.is_none(),
            "the round opened: {:?}",
            self.app.status
        );
        self
    }

    /// One person answers: `seat_steps` presses of → from the first seat still to
    /// answer, then the statement, then Enter.
    fn answer(&mut self, seat_steps: usize, statement: &str) -> &mut Room {
        self.key(KeyCode::Char('a'));
        for _ in 0..seat_steps {
            self.key(KeyCode::Right);
        }
        self.key(KeyCode::Tab)
            .type_text(statement)
            .key(KeyCode::Enter);
        assert!(self.app.modal.is_none(), "sealed: {:?}", self.app.status);
        self
    }

    /// The screen at `width` × `height`, lines trimmed, the folder as `[DIR]`.
    fn text(&self, width: u16, height: u16) -> String {
        let drawn = room::Room::draw(&self.app, width, height);
        let lines: Vec<&str> = drawn.lines().map(str::trim_end).collect();
        (lines.join("\n") + "\n").replace(&self.dir.display().to_string(), "[DIR]")
    }

    #[track_caller]
    fn snap(&self, name: &str) {
        for (w, h) in SIZES {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), self.text(w, h));
        }
    }

    /// Saves and closes the session, so both files are on disk as they stand.
    fn close(&mut self) {
        self.key(KeyCode::Char('q'));
        assert!(matches!(self.app.screen, Screen::Home(_)), "closed");
    }

    fn session_file(&self) -> String {
        std::fs::read_to_string(&self.file).expect("the session file")
    }

    fn sealed_file(&self) -> Option<String> {
        std::fs::read_to_string(self.file.with_extension("sealed")).ok()
    }
}

#[test]
fn an_open_round_shows_who_answered_and_never_what() {
    let mut room = Room::open();
    room.open_interest_round();
    room.snap("round_open_empty");

    room.key(KeyCode::Char('a'));
    room.key(KeyCode::Tab).type_text(PRIYA);
    // The person typing sees their form and nothing of the session behind it.
    let form = room.text(80, 24);
    assert!(form.contains(PRIYA), "{form}");
    assert!(
        !form.contains("Northwind × Globex"),
        "the wall is blank: {form}"
    );
    room.snap("round_answer_form");
    room.key(KeyCode::Enter);

    room.answer(4, JORGE);
    room.clock.advance(Duration::seconds(185));
    let wall = room.text(80, 24);
    assert!(wall.contains("1 of 4"), "{wall}");
    assert!(wall.contains("✓ Priya Raman"), "{wall}");
    assert!(wall.contains("3:05"), "the round's clock runs: {wall}");
    for statement in [PRIYA, JORGE] {
        assert!(
            !wall.contains(statement),
            "{statement} is on the wall: {wall}"
        );
    }
    room.snap("round_open_two_answers");
}

#[test]
fn the_reveal_asks_first_names_who_is_missing_and_shows_every_answer() {
    let mut room = Room::open();
    room.open_interest_round().answer(0, PRIYA).answer(4, JORGE);

    room.key(KeyCode::Char('R'));
    let asked = room.text(80, 24);
    assert!(asked.contains("Not answered yet"), "{asked}");
    assert!(asked.contains("Tom Okafor"), "{asked}");
    room.snap("round_reveal_confirm");
    room.key(KeyCode::Char('y'));

    let wall = room.text(160, 45);
    assert!(wall.contains(PRIYA) && wall.contains(JORGE), "{wall}");
    room.snap("round_revealed");

    // Back to the stage; the revealed interests are the session's own now.
    room.key(KeyCode::Esc);
    assert!(!room.text(160, 45).contains("Sealed round"));
    room.close();
    let saved = room.session_file();
    assert!(saved.contains(PRIYA) && saved.contains(JORGE));
    assert_eq!(
        room.sealed_file(),
        None,
        "the sealed file goes with the reveal"
    );
}

#[test]
fn sealed_answers_stay_out_of_the_session_file_and_come_back_on_reopening() {
    let mut room = Room::open();
    room.open_interest_round().answer(0, PRIYA);
    room.close();
    assert!(!room.session_file().contains(PRIYA));
    let sealed = room.sealed_file().expect("the sealed file is written");
    assert!(sealed.contains(PRIYA));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(room.file.with_extension("sealed"))
            .expect("the sealed file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "only the moderator may read it");
    }

    let file = room.file.clone();
    room.app.open(&file);
    // The answers are read back off the interface thread.
    for _ in 0..200 {
        room.app.tick();
        if room
            .app
            .status
            .as_ref()
            .is_some_and(|(s, _)| s.contains("is back"))
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    room.key(KeyCode::Char('R')).key(KeyCode::Char('y'));
    assert!(
        room.text(160, 45).contains(PRIYA),
        "the kept answer is revealed"
    );
}

#[test]
fn cancelling_throws_the_answers_away_unread() {
    let mut room = Room::open();
    room.open_interest_round().answer(0, PRIYA);
    room.key(KeyCode::Char('X'));
    assert!(room.text(80, 24).contains("thrown away unread"));
    room.key(KeyCode::Char('y'));
    assert!(!room.text(160, 45).contains(PRIYA));
    room.close();
    assert!(!room.session_file().contains(PRIYA));
    assert_eq!(room.sealed_file(), None);
}

#[test]
fn while_a_round_is_open_the_stages_wait() {
    let mut room = Room::open();
    room.open_interest_round();
    room.key(KeyCode::PageUp);
    let wall = room.text(80, 24);
    assert!(
        wall.contains("reveal it (R) or cancel it (X) first"),
        "{wall}"
    );
    assert!(wall.contains("0 of 4"), "still the round: {wall}");
}

#[test]
fn a_score_round_shows_each_partners_mean() {
    let mut room = Room::open();
    // The summary stage offers a confidence vote first.
    room.key(KeyCode::Char('S')).key(KeyCode::Enter);
    for (steps, score_steps) in [(0, 2), (0, 1), (3, 0)] {
        room.key(KeyCode::Char('a'));
        for _ in 0..steps {
            room.key(KeyCode::Right);
        }
        // The score starts in the middle of the scale (3 of 0–5).
        room.key(KeyCode::Tab);
        for _ in 0..score_steps {
            room.key(KeyCode::Right);
        }
        room.key(KeyCode::Enter);
        assert!(room.app.modal.is_none(), "{:?}", room.app.status);
    }
    room.key(KeyCode::Char('R')).key(KeyCode::Char('y'));
    let wall = room.text(160, 45);
    assert!(wall.contains("mean 4.5 · 2 answers"), "{wall}");
    assert!(wall.contains("mean 3.0 · 1 answer"), "{wall}");
    room.snap("round_scores_revealed");
}

#[test]
fn a_replay_shows_the_counts_growing_then_the_reveal() {
    let mut room = Room::open();
    room.open_interest_round().answer(0, PRIYA).answer(4, JORGE);
    room.key(KeyCode::Char('R'))
        .key(KeyCode::Char('y'))
        .key(KeyCode::Esc);
    room.close();
    let file = room.file.clone();
    room.app.replay(&file);
    assert!(matches!(room.app.screen, Screen::Replay(_)));
    room.key(KeyCode::End);
    // Walk back from the end to the round: each event on the way is one frame.
    let mut frames = vec![room.text(160, 45)];
    for _ in 0..4 {
        room.key(KeyCode::Left);
        frames.push(room.text(160, 45));
    }
    frames.reverse();
    let counted: Vec<&String> = frames
        .iter()
        .filter(|f| f.contains("2 answers sealed"))
        .collect();
    assert!(!counted.is_empty(), "the counts show before the reveal");
    for frame in &counted {
        assert!(!frame.contains(PRIYA) && !frame.contains(JORGE), "{frame}");
    }
    let first_count = frames.iter().position(|f| f.contains("1 answer sealed"));
    let reveal = frames
        .iter()
        .position(|f| f.contains("revealed") && f.contains(PRIYA) && f.contains(JORGE));
    assert!(first_count.is_some(), "one answer, then two");
    assert!(reveal > first_count, "the reveal comes after the counts");
}

#[test]
fn an_answer_lost_with_its_file_is_left_out_of_the_reveal_and_said_so() {
    let mut room = Room::open();
    room.open_interest_round().answer(0, PRIYA).answer(0, JORGE);
    room.close();
    // The sealed file is gone (deleted by hand, or never written before a crash).
    std::fs::remove_file(room.file.with_extension("sealed")).expect("the sealed file");
    let file = room.file.clone();
    room.app.open(&file);
    let mut said = String::new();
    for _ in 0..200 {
        room.app.tick();
        if let Some((s, _)) = &room.app.status
            && s.contains("not kept")
        {
            said = s.clone();
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(said.contains("2 sealed answers are not kept"), "{said}");
    room.key(KeyCode::Char('R')).key(KeyCode::Char('y'));
    let status = room.app.status.clone().map(|(s, _)| s).unwrap_or_default();
    assert!(
        status.contains("2 not kept on this computer were left out"),
        "{status}"
    );
    let wall = room.text(160, 45);
    assert!(wall.contains("revealed"), "the round is over: {wall}");
}

#[test]
fn a_sealed_file_that_cannot_be_written_stays_on_the_status_line_until_it_can() {
    let mut room = Room::open();
    room.open_interest_round();
    // A folder where the sealed file goes: nothing can be renamed over it.
    let blocker = room.file.with_extension("sealed");
    std::fs::create_dir(&blocker).expect("a folder in the way");
    std::fs::write(blocker.join("keep"), "x").expect("a file inside it");
    room.answer(0, PRIYA);
    let wait_for = |room: &mut Room, text: &str| {
        for _ in 0..300 {
            room.app.tick();
            if room.text(160, 45).contains(text) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        false
    };
    assert!(wait_for(&mut room, "Sealed answers not written"));
    // Other news does not push the problem off the wall.
    room.key(KeyCode::Char('a')).key(KeyCode::Esc);
    let wall = room.text(160, 45);
    assert!(wall.contains("Sealed answers not written"), "{wall}");
    assert!(!wall.contains(PRIYA), "{wall}");

    std::fs::remove_dir_all(&blocker).expect("clear the way");
    room.answer(0, JORGE);
    assert!(wait_for(&mut room, "on disk again"));
    let kept = room.sealed_file().expect("the sealed file");
    assert!(
        kept.contains(PRIYA) && kept.contains(JORGE),
        "both answers kept: {kept}"
    );
}

#[test]
fn an_anonymous_round_never_names_who_answered_on_the_wall() {
    let mut room = Room::open();
    room.key(KeyCode::Char('S')).key(KeyCode::Char('s'));
    // Kind, question, then how answers are shown: `a` picks "anonymous within the partner".
    room.key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .key(KeyCode::Char('a'));
    room.key(KeyCode::Enter);
    assert!(room.app.modal.is_none(), "{:?}", room.app.status);
    room.answer(0, PRIYA);
    for (w, h) in SIZES {
        let wall = room.text(w, h);
        assert!(wall.contains("someone of Northwind Analytics"), "{wall}");
        assert!(wall.contains("1 of 4"), "{wall}");
        assert!(!wall.contains("Priya"), "a name on the wall: {wall}");
    }
    room.key(KeyCode::Char('R')).key(KeyCode::Char('y'));
    let wall = room.text(160, 45);
    assert!(wall.contains(PRIYA) && wall.contains("someone"), "{wall}");
    assert!(!wall.contains("Priya Raman"), "{wall}");
}

#[test]
fn check_tells_a_returning_moderator_of_the_open_round_and_its_kept_answers() {
    let mut room = Room::open();
    room.open_interest_round().answer(0, PRIYA).answer(0, JORGE);
    room.close();
    let check = || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_sameside"))
            .arg("check")
            .arg(&room.file)
            .env("SAMESIDE_CACHE_DIR", &room.dir)
            .output()
            .expect("run sameside check");
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let said = check();
    assert!(
        said.contains("a sealed round is open (self-interests): 2 of 8 people answered"),
        "{said}"
    );
    assert!(said.contains("every answer is kept in"), "{said}");
    assert!(!said.contains(PRIYA), "check never shows an answer: {said}");

    std::fs::remove_file(room.file.with_extension("sealed")).expect("the sealed file");
    let said = check();
    assert!(said.contains("2 answers are not kept in"), "{said}");
}

//! The real binary in a real terminal: each test starts `sameside` inside its own tmux
//! server, presses keys the way a moderator would and reads the screen back. What is
//! asserted is what a user would notice: what the screen says, that the app exits 0 and
//! leaves the terminal usable, and what ends up in the sessions directory.
//!
//! The binary is `$SAMESIDE_TEST_BIN` when set (CI points it at the release build), else
//! the one cargo built for these tests. Without tmux the tests are skipped, except under
//! CI (`$CI` set), where a missing tmux is a failure.
//!
//! Every wait polls the screen until the expected text shows up, with a generous
//! timeout; nothing is asserted about timing. `Escape` is always sent on its own and
//! followed by a wait for the screen to change, because a terminal reads ESC followed
//! quickly by a letter as Alt+letter.

#[path = "common/tmux.rs"]
mod tmux;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use tempfile::TempDir;
use tmux::*;

const EXAMPLE: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";

/// Line and column (1-based) where `needle` first occurs in `text`.
fn line_col(text: &str, needle: &str) -> (usize, usize) {
    let offset = text.find(needle).expect("needle in text");
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn shipped_example() -> String {
    read(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sessions")
            .join(EXAMPLE),
    )
}

/// A session created from the command line, moved off the partners screen (which a new
/// session opens on) to the market vision, with `statement` written as the shared one.
fn new_session_with_statement(tmux: &Tmux, statement: &str) {
    tmux.wait_for("Who is in the room");
    tmux.escape("No shared statement yet");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Alt-Enter new line");
    tmux.type_text(statement);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Shared statement set to");
    tmux.wait_for(statement);
}

// ------------------------------------------------------------------------------------

#[test]
fn a_whole_session_from_scratch_is_saved_and_leaves_the_terminal_as_it_was() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let tmux = Tmux::start(
        dir.path(),
        &[
            "new",
            "--title",
            "Acme × Globex",
            "--partner",
            "Acme",
            "--partner",
            "Globex",
        ],
        (80, 24),
    );

    // The room starts by saying who is there.
    let screen = tmux.wait_for("Who is in the room");
    assert!(screen.contains("Acme × Globex"), "{screen}");
    assert!(screen.contains("Created "), "{screen}");
    tmux.keys(&["a"]);
    tmux.wait_for("New representative of Acme");
    tmux.type_text("Priya Raman");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Acme added representative 'Priya Raman'");
    tmux.wait_for("Priya Raman — executive");

    // Market vision: the shared statement, and both partners agree to it.
    let screen = tmux.escape("No shared statement yet");
    assert!(screen.contains("▶1 Vision"), "{screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Alt-Enter new line");
    tmux.type_text("Mid-size plants want line analytics");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Shared statement set to");
    tmux.keys(&["Down", "y"]);
    tmux.wait_for("Acme agreed to the shared statement");
    tmux.keys(&["Right", "y"]);
    tmux.wait_for("Globex agreed to the shared statement");
    tmux.wait_for("2 of 2 agree");

    // The gate names what is decided; proceeding puts the role split on the wall.
    tmux.keys(&["PageDown"]);
    // The dialog's last line: the whole dialog is drawn once it shows.
    let screen = tmux.wait_for("cancel, change nothing");
    assert!(screen.contains("Vision gate"), "{screen}");
    assert!(
        screen.contains("Every partner agrees to the shared statement"),
        "{screen}"
    );
    assert!(
        screen.contains("“Mid-size plants want line analytics”"),
        "{screen}"
    );
    assert!(screen.contains("Proceed to the role split"), "{screen}");
    tmux.keys(&["p"]);
    // Wait for the status line: it is drawn last, so the whole new frame is there by then
    // (waiting for the header could catch a frame half drawn).
    let screen = tmux.wait_for("Vision gate passed");
    assert!(screen.contains("▶2 Roles"), "{screen}");

    // Role split: one RACI letter.
    tmux.keys(&["Right", "r"]);
    tmux.wait_for("Acme is responsible for");

    // Self-interests, through the form.
    tmux.keys(&["PageDown"]);
    tmux.wait_for("▶3 Interests");
    tmux.keys(&["a"]);
    tmux.wait_for("New interest — Acme");
    tmux.type_text("Keep our named accounts");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Acme added interest 'Keep our named accounts'");

    // Conflict check: note one and settle it with an agreement.
    tmux.keys(&["PageDown"]);
    tmux.wait_for("▶4 Conflicts");
    tmux.keys(&["a"]);
    tmux.wait_for("New conflict");
    tmux.type_text("Both sell to Initech");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Conflict noted");
    tmux.keys(&["s"]);
    tmux.wait_for("Settle conflict");
    tmux.keys(&["r"]);
    tmux.wait_for("What did the partners agree?");
    tmux.type_text("Acme leads Initech");
    tmux.keys(&["Enter"]);
    tmux.wait_for("now resolved");

    // Summary: the verdict and an action item.
    tmux.keys(&["PageDown"]);
    tmux.wait_for("▶5 Summary");
    tmux.keys(&["v"]);
    tmux.wait_for("What does the room decide?");
    tmux.keys(&["p"]);
    tmux.wait_for("Verdict: ");
    tmux.keys(&["a"]);
    tmux.wait_for("New action item");
    tmux.type_text("Draft the account list");
    tmux.keys(&["Tab"]);
    tmux.type_text("Tom");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Action item for Tom: 'Draft the account list'");
    // Let the stage clock reach a full second, so closing records the time spent.
    tmux.wait_until("the stage timer to pass 00:00", |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.contains("⏱") && !l.contains("⏱ 00:00 "))
    });

    // q saves and goes back to the list, which shows the session where it ended.
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("Sessions in");
    let row = screen
        .lines()
        .find(|l| l.contains("Acme × Globex"))
        .unwrap_or_else(|| panic!("the session is not listed:\n{screen}"));
    assert!(
        row.contains("Summary") && row.contains("proceed"),
        "{screen}"
    );
    tmux.keys(&["q"]);
    tmux.assert_exited_cleanly();

    let file = only_session(dir.path());
    assert_check_ok(&file);
    let text = read(&file);
    for expected in [
        "RepresentativeAdded(partner: 1, representative: (",
        "name: \"Priya Raman\", function: Executive",
        "StatementSet(text: \"Mid-size plants want line analytics\")",
        "GateDecided(decision: Proceed(override_reason: None))",
        "RaciSet(",
        "InterestAdded(interest: (",
        "statement: \"Keep our named accounts\"",
        "ConflictAdded(",
        "agreement: \"Acme leads Initech\"",
        "VerdictSet(verdict: Some(Proceed)",
        "ActionAdded(action: (",
        "text: \"Draft the account list\", owner: \"Tom\"",
        "TimeSpent(stage: Summary",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    let names = names_in(dir.path());
    assert!(
        !names.iter().any(|n| n.contains(".tmp")),
        "temporary files left behind: {names:?}"
    );
}

#[test]
fn a_reopened_session_shows_the_same_statement_on_the_same_stage() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let statement = "Plants want analytics they can trust";
    {
        let tmux = Tmux::start(
            dir.path(),
            &[
                "new",
                "--title",
                "Reopen test",
                "--partner",
                "Acme",
                "--partner",
                "Globex",
            ],
            (80, 24),
        );
        new_session_with_statement(&tmux, statement);
        tmux.keys(&["q"]);
        tmux.wait_for("Sessions in");
        tmux.keys(&["q"]);
        tmux.assert_exited_cleanly();
    }
    let file = only_session(dir.path());
    assert_check_ok(&file);

    // Reopened on a big screen, where the stages have their long names.
    let file_arg = file.to_string_lossy().into_owned();
    let tmux = Tmux::start(dir.path(), &["open", &file_arg], (160, 45));
    let screen = tmux.wait_for(statement);
    assert!(screen.contains("▶1 Market vision"), "{screen}");
    assert!(screen.contains("Reopen test"), "{screen}");
    assert!(!screen.contains("READ-ONLY"), "{screen}");
    assert!(!screen.contains("Who is in the room"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for("Sessions in");
    tmux.keys(&["q"]);
    tmux.assert_exited_cleanly();
    assert_check_ok(&file);
}

#[test]
fn ctrl_c_on_the_session_list_quits_and_restores_the_terminal() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let tmux = Tmux::start(dir.path(), &[], (80, 24));
    tmux.wait_for("Sessions in");
    tmux.keys(&["C-c"]);
    tmux.assert_exited_cleanly();
    assert!(
        names_in(dir.path()).is_empty(),
        "{:?}",
        names_in(dir.path())
    );
}

#[test]
fn ctrl_c_while_typing_in_the_setup_quits_and_leaves_no_file() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let tmux = Tmux::start(dir.path(), &["new"], (80, 24));
    tmux.wait_for("New session");
    tmux.type_text("Half a title");
    tmux.wait_for("Half a title");
    tmux.keys(&["C-c"]);
    tmux.assert_exited_cleanly();
    assert!(
        session_files(dir.path()).is_empty(),
        "{:?}",
        names_in(dir.path())
    );
}

#[test]
fn ctrl_c_with_an_editor_open_quits_and_the_session_stays_valid() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let tmux = Tmux::start(
        dir.path(),
        &[
            "new",
            "--title",
            "Ctrl-c test",
            "--partner",
            "A",
            "--partner",
            "B",
        ],
        (80, 24),
    );
    new_session_with_statement(&tmux, "A statement worth keeping");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Alt-Enter new line");
    tmux.type_text(" and half of another");
    tmux.wait_for("and half of another");
    tmux.keys(&["C-c"]);
    tmux.assert_exited_cleanly();
    let file = only_session(dir.path());
    assert_check_ok(&file);
    assert!(read(&file).contains("A statement worth keeping"));
}

#[test]
fn ctrl_c_with_the_help_open_quits_and_the_session_stays_valid() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let tmux = Tmux::start(
        dir.path(),
        &[
            "new",
            "--title",
            "Help test",
            "--partner",
            "A",
            "--partner",
            "B",
        ],
        (80, 24),
    );
    new_session_with_statement(&tmux, "Said before the help");
    tmux.keys(&["?"]);
    tmux.wait_for("Keys — Market vision");
    tmux.keys(&["C-c"]);
    tmux.assert_exited_cleanly();
    let file = only_session(dir.path());
    assert_check_ok(&file);
    assert!(read(&file).contains("Said before the help"));
}

/// A first sameside that created a session "Shared" in `dir` and wrote the statement
/// "Written by the first instance", still open; and the session's file, saved.
fn first_instance_with_a_statement(dir: &Path) -> (Tmux, PathBuf) {
    let first = Tmux::start(
        dir,
        &[
            "new",
            "--title",
            "Shared",
            "--partner",
            "Acme",
            "--partner",
            "Globex",
        ],
        (80, 24),
    );
    new_session_with_statement(&first, "Written by the first instance");
    let file = only_session(dir);
    wait_for_file(&file, "Written by the first instance");
    (first, file)
}

#[test]
fn a_second_instance_shows_the_session_read_only_and_changes_nothing() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let (first, file) = first_instance_with_a_statement(dir.path());

    let file_arg = file.to_string_lossy().into_owned();
    let second = Tmux::start(dir.path(), &["open", &file_arg], (80, 24));
    let screen = second.wait_for("READ-ONLY");
    assert!(
        screen.contains("another sameside has this session open"),
        "{screen}"
    );
    assert!(screen.contains("Written by the first instance"), "{screen}");

    // Enter on the statement opens no editor: `?` right after it opens the help instead
    // of being typed into an editor.
    second.keys(&["Enter"]);
    second.keys(&["?"]);
    let screen = second.wait_for("Keys — Market vision");
    assert!(!screen.contains("Alt-Enter new line"), "{screen}");
    let screen = second.close_help();
    let status = screen.lines().last().unwrap_or_default();
    assert!(status.contains("Read-only:"), "{screen}");
    // Changing the timebox is refused too; the timer still says 25 minutes.
    second.keys(&["+"]);
    second.keys(&["?"]);
    let screen = second.wait_for("Keys — Market vision");
    assert!(screen.contains("/ 25:00"), "{screen}");
    second.close_help();
    second.keys(&["q"]);
    second.wait_for("Sessions in");
    second.keys(&["q"]);
    second.assert_exited_cleanly();

    first.keys(&["q"]);
    first.wait_for("Sessions in");
    first.keys(&["q"]);
    first.assert_exited_cleanly();

    assert_check_ok(&file);
    let text = read(&file);
    assert_eq!(text.matches("StatementSet(").count(), 1, "{text}");
    assert!(text.contains("Written by the first instance"), "{text}");
    assert!(!text.contains("TimeboxSet("), "{text}");
}

#[test]
fn a_terminal_too_small_says_so_and_resizing_brings_the_screen_back() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let tmux = Tmux::start(dir.path(), &[], (60, 20));
    tmux.wait_for("terminal too small (need 80×24, have 60×20)");
    tmux.resize(80, 24);
    tmux.wait_for("Sessions in");
    tmux.resize(1, 1);
    tmux.wait_until("the 1×1 screen", |s| !s.contains("Sessions in"));
    tmux.resize(80, 24);
    let screen = tmux.wait_for("Sessions in");
    assert!(!screen.contains("EXIT="), "{screen}");
    // Still running and answering keys.
    tmux.keys(&["?"]);
    tmux.wait_for("Keys — session list");
    tmux.close_help();
    tmux.keys(&["q"]);
    tmux.assert_exited_cleanly();
}

/// Starts a session, takes its directory away and makes a change, so that saving fails.
/// Returns the tmux and the session file's path.
fn session_whose_directory_vanishes(dir: &Path, statement: &str) -> (Tmux, PathBuf) {
    let tmux = Tmux::start(
        dir,
        &[
            "new",
            "--title",
            "Save test",
            "--partner",
            "A",
            "--partner",
            "B",
        ],
        (80, 24),
    );
    tmux.wait_for("Who is in the room");
    tmux.escape("No shared statement yet");
    let file = only_session(dir);
    fs::remove_dir_all(dir).unwrap();
    tmux.keys(&["Enter"]);
    tmux.wait_for("Alt-Enter new line");
    tmux.type_text(statement);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Not saved");
    assert!(screen.contains(statement), "{screen}");
    (tmux, file)
}

#[test]
fn a_failed_save_is_reported_and_trying_again_saves_once_the_directory_is_back() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let (tmux, file) = session_whose_directory_vanishes(dir.path(), "Kept in memory");

    tmux.keys(&["q"]);
    // The dialog's last line: the whole dialog is drawn once it shows.
    let screen = tmux.wait_for("cancel, change nothing");
    assert!(screen.contains("The session is not saved"), "{screen}");
    assert!(screen.contains("try saving again"), "{screen}");
    assert!(screen.contains("lose the unsaved changes"), "{screen}");

    fs::create_dir(dir.path()).unwrap();
    tmux.keys(&["r"]);
    tmux.wait_for("Sessions in");
    assert_check_ok(&file);
    assert!(read(&file).contains("StatementSet(text: \"Kept in memory\")"));
    tmux.keys(&["q"]);
    tmux.assert_exited_cleanly();
}

#[test]
fn after_a_successful_retry_the_not_saved_message_is_gone() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let (tmux, file) = session_whose_directory_vanishes(dir.path(), "Kept in memory");
    tmux.keys(&["q"]);
    tmux.wait_for("cancel, change nothing");
    fs::create_dir(dir.path()).unwrap();
    tmux.keys(&["r"]);
    let screen = tmux.wait_for("Sessions in");
    wait_for_file(&file, "Kept in memory");
    assert!(!screen.contains("Not saved"), "{screen}");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Kept in memory");
    assert!(!screen.contains("Not saved"), "{screen}");
}

/// A copy of the shipped example with an unknown partnership type in its header, and
/// where the mistake is.
fn damaged_example() -> (String, (usize, usize)) {
    let text = shipped_example();
    let at = line_col(&text, "SystemIntegrator,");
    let damaged = text.replacen("kind: SystemIntegrator,", "kind: Banana,", 1);
    (damaged, at)
}

#[test]
fn a_damaged_file_is_listed_with_where_it_is_wrong_and_left_untouched() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let name = "2026-11-20-damaged.ron";
    let (damaged, (line, col)) = damaged_example();
    let path = dir.path().join(name);
    fs::write(&path, &damaged).unwrap();

    let tmux = Tmux::start(dir.path(), &[], (80, 24));
    let screen = tmux.wait_for(&format!("⚠ damaged: {name}"));
    assert!(screen.contains("Banana"), "{screen}");
    assert!(
        screen.contains(&format!("{name}:{line}:{col}:")),
        "the place of the mistake ({line}:{col}) is not shown:\n{screen}"
    );
    // Enter does not open it; `?` right after it proves Enter was handled.
    tmux.keys(&["Enter"]);
    tmux.keys(&["?"]);
    let screen = tmux.wait_for("Keys — session list");
    assert!(
        !screen.contains("READ-ONLY") && !screen.contains("▶"),
        "{screen}"
    );
    tmux.close_help();
    tmux.keys(&["q"]);
    tmux.assert_exited_cleanly();

    assert_eq!(
        fs::read(&path).unwrap(),
        damaged.as_bytes(),
        "the file changed"
    );
    assert_eq!(names_in(dir.path()), vec![name.to_string()]);
}

#[test]
fn enter_on_a_damaged_file_says_why_it_cannot_be_opened() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let (damaged, _) = damaged_example();
    fs::write(dir.path().join("2026-11-20-damaged.ron"), damaged).unwrap();
    let tmux = Tmux::start(dir.path(), &[], (80, 24));
    tmux.wait_for("⚠ damaged:");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("This file is damaged");
    assert!(screen.contains("Enter open"), "{screen}");
}

#[test]
fn the_built_in_example_opens_read_only_and_browsing_it_writes_nothing() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let tmux = Tmux::start(dir.path(), &[], (80, 24));
    tmux.wait_for("Built-in example, opens read-only");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("READ-ONLY");
    assert!(screen.contains("Northwind"), "{screen}");
    assert!(screen.contains("▶5 Summary"), "{screen}");
    for stage in ["▶4 Conflicts", "▶3 Interests", "▶2 Roles", "▶1 Vision"] {
        tmux.keys(&["PageUp"]);
        tmux.wait_for(stage);
    }
    tmux.keys(&["PageDown"]);
    let screen = tmux.wait_for("▶2 Roles");
    assert!(screen.contains("READ-ONLY"), "{screen}");
    assert!(
        names_in(dir.path()).is_empty(),
        "{:?}",
        names_in(dir.path())
    );
    tmux.keys(&["q"]);
    tmux.wait_for("Sessions in");
    tmux.keys(&["q"]);
    tmux.assert_exited_cleanly();
    assert!(
        names_in(dir.path()).is_empty(),
        "{:?}",
        names_in(dir.path())
    );
}

#[test]
fn replay_plays_to_the_summary_changes_nothing_and_continues_in_a_new_file() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let original = dir.path().join(EXAMPLE);
    fs::write(&original, shipped_example()).unwrap();
    let before = fs::read(&original).unwrap();
    let file_arg = original.to_string_lossy().into_owned();
    let tmux = Tmux::start(dir.path(), &["replay", &file_arg], (80, 24));
    let screen = tmux.wait_for("REPLAY");
    assert!(screen.contains("event 1 of"), "{screen}");
    tmux.keys(&["End"]);
    // Both, not one then the other: under load the capture can catch a frame half drawn.
    tmux.wait_until("the summary with its verdict", |s| {
        s.contains("Proceed with conditions") && s.contains("▶5 Summary")
    });
    assert_eq!(
        fs::read(&original).unwrap(),
        before,
        "replay changed the file"
    );

    tmux.keys(&["c"]);
    tmux.wait_until("the continued session to open live", |s| {
        s.contains("Continued in") && !s.contains("REPLAY")
    });
    let new: Vec<PathBuf> = session_files(dir.path())
        .into_iter()
        .filter(|p| *p != original)
        .collect();
    assert_eq!(new.len(), 1, "{new:?}");
    let text = read(&new[0]);
    assert!(
        text.contains("continued_from: Some(\"example-northwind-globex\")"),
        "{text}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("Sessions in");
    tmux.keys(&["q"]);
    tmux.assert_exited_cleanly();
    assert_eq!(
        fs::read(&original).unwrap(),
        before,
        "replay changed the file"
    );
    assert_check_ok(&new[0]);
}

/// How soon an autosaved change must reach the audience view: it looks at the file
/// every 200 ms or so; the rest is room for a loaded machine.
const FOLLOW_LIMIT: Duration = Duration::from_secs(5);

#[test]
fn present_follows_the_moderator_live_and_keeps_the_wall_through_a_damaged_file() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let moderator = Tmux::start(
        dir.path(),
        &[
            "new",
            "--title",
            "On the wall",
            "--partner",
            "Acme",
            "--partner",
            "Globex",
        ],
        (80, 24),
    );
    new_session_with_statement(&moderator, "First words on the wall");
    let file = only_session(dir.path());
    wait_for_file(&file, "First words on the wall");

    let file_arg = file.to_string_lossy().into_owned();
    let audience = Tmux::start(dir.path(), &["present", &file_arg], (80, 24));
    let screen = audience.wait_for("First words on the wall");
    assert!(screen.contains("LIVE"), "{screen}");
    assert!(screen.contains("▶1 Vision"), "{screen}");
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(screen.contains(&format!("· {name}")), "{screen}");

    // The moderator rewrites the statement: the wall follows within seconds.
    moderator.keys(&["Enter"]);
    moderator.wait_for("Alt-Enter new line");
    moderator.keys(&["C-u"]);
    moderator.type_text("Second words on the wall");
    moderator.keys(&["Enter"]);
    moderator.wait_for("Shared statement set to");
    wait_for_file(&file, "Second words on the wall");
    audience.wait_within(FOLLOW_LIMIT, "the new statement on the wall", |s| {
        s.contains("Second words on the wall") && !s.contains("First words on the wall")
    });

    // And an agreement, which is no typing at all.
    moderator.keys(&["Down", "y"]);
    moderator.wait_for("Acme agreed to the shared statement");
    audience.wait_within(FOLLOW_LIMIT, "the agreement on the wall", |s| {
        s.contains("1 of 2 agree")
    });

    // Someone damages the file: the wall says so and keeps what it showed.
    let good = read(&file);
    fs::write(&file, "garbage, not a session").unwrap();
    let screen = audience.wait_within(FOLLOW_LIMIT, "the notice", |s| {
        s.contains("cannot be read") && s.contains("NOT UPDATING")
    });
    assert!(screen.contains("Second words on the wall"), "{screen}");
    assert!(screen.contains("1 of 2 agree"), "{screen}");
    assert!(screen.contains("Since "), "{screen}");
    assert!(screen.contains(&format!("{name}:1:1: ")), "{screen}");

    // Put back the way the autosave writes it: the notice goes by itself.
    let staged = dir.path().join(".restore.tmp");
    fs::write(&staged, &good).unwrap();
    fs::rename(&staged, &file).unwrap();
    let screen = audience.wait_within(FOLLOW_LIMIT, "the notice to go", |s| {
        !s.contains("cannot be read") && s.contains("LIVE")
    });
    assert!(screen.contains("Second words on the wall"), "{screen}");

    // The audience view never wrote the file.
    assert_eq!(read(&file), good);
    audience.keys(&["q"]);
    audience.assert_exited_cleanly();
    assert_eq!(read(&file), good, "present changed the file");

    moderator.keys(&["q"]);
    moderator.wait_for("Sessions in");
    moderator.keys(&["q"]);
    moderator.assert_exited_cleanly();
    assert_check_ok(&file);
}

impl Tmux {
    /// The screen with its colours, as the escape sequences tmux holds for it.
    fn screen_with_colours(&self) -> String {
        self.run(&["capture-pane", "-e", "-p", "-t", "main"])
    }
}

#[test]
fn on_the_wall_large_titles_focus_blank_and_live_themes_work_in_a_real_terminal() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    // 256 colours (the test terminal's TERM), the light theme asked for by name.
    let tmux = Tmux::start(dir.path(), &["--theme", "light"], (160, 45));
    tmux.wait_for("Built-in example, opens read-only");
    tmux.keys(&["Enter"]);
    // The stage title in block letters, under the header. Waited for as a whole: a
    // capture may catch the header of the new screen over the body of the old one.
    tmux.wait_until("the stage title in block letters", |s| {
        s.contains("READ-ONLY") && s.lines().skip(3).take(4).any(|l| l.contains('▀'))
    });
    // Light: white (xterm 231) behind the text, whatever the terminal's background.
    assert!(tmux.screen_with_colours().contains("48;5;231"));

    tmux.keys(&["z"]);
    let focused = tmux.wait_for("z/Esc back to the stage");
    assert!(!focused.contains("AGREEMENTS"), "{focused}");
    tmux.keys(&["z"]);
    tmux.wait_until("the stage to come back", |s| {
        !s.contains("z/Esc back to the stage") && s.contains("AGREEMENTS")
    });

    tmux.keys(&["b"]);
    tmux.wait_until("a blank screen", |s| s.trim().is_empty());
    // The key that wakes the wall does nothing else: still on the summary.
    tmux.keys(&["PageUp"]);
    let back = tmux.wait_for("READ-ONLY");
    assert!(back.contains("▶5 Summary"), "{back}");

    tmux.keys(&["T"]);
    tmux.wait_for("Theme: dark (3 of 5)");
    // Dark: the grey of xterm 234 behind the text now.
    assert!(tmux.screen_with_colours().contains("48;5;234"));

    tmux.keys(&["q"]);
    tmux.wait_for("Sessions in");
    tmux.keys(&["q"]);
    tmux.assert_exited_cleanly();
}

#[test]
fn no_color_means_no_colour_and_a_broken_theme_falls_back_with_a_notice() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let config = TempDir::new().unwrap();
    let themes = config.path().join("themes");
    std::fs::create_dir_all(&themes).unwrap();
    let broken = themes.join("room.ron");
    std::fs::write(
        &broken,
        "(\n    name: \"room\",\n    appearance: Dark,\n    bakground: (rgb: \"#000000\", ansi: Black),\n)\n",
    )
    .unwrap();
    let config_dir = config.path().to_string_lossy().into_owned();
    // `env` inside the pane: the variables reach the app and nothing else.
    let tmux = Tmux::start_with_env(
        dir.path(),
        &[("NO_COLOR", "1"), ("SAMESIDE_CONFIG_DIR", &config_dir)],
        &["--theme", "room"],
        (160, 30),
    );
    let screen = tmux.wait_for("unknown token `bakground`");
    assert!(screen.contains("room.ron:4:5"), "{screen}");
    // The explicit (broken) --theme wins over NO_COLOR, so projector's colours show.
    assert!(tmux.screen_with_colours().contains("48;5;16"));
    tmux.keys(&["q"]);
    tmux.assert_exited_cleanly();

    let tmux = Tmux::start_with_env(
        dir.path(),
        &[("NO_COLOR", "1"), ("SAMESIDE_CONFIG_DIR", &config_dir)],
        &[],
        (100, 30),
    );
    tmux.wait_for("Built-in example");
    let coloured = tmux.screen_with_colours();
    assert!(
        !coloured.contains("38;") && !coloured.contains("48;"),
        "NO_COLOR must mean no colour at all:\n{coloured}"
    );
    tmux.keys(&["q"]);
    tmux.assert_exited_cleanly();

    // A standing choice in $SAMESIDE_THEME counts as the user's, like --theme.
    let tmux = Tmux::start_with_env(
        dir.path(),
        &[("NO_COLOR", "1"), ("SAMESIDE_THEME", "light")],
        &[],
        (100, 30),
    );
    tmux.wait_for("Built-in example");
    assert!(tmux.screen_with_colours().contains("48;5;231"));
    tmux.keys(&["q"]);
    tmux.assert_exited_cleanly();
}

#[test]
fn a_second_instance_follows_the_first_and_takes_over_when_it_closes() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let (first, file) = first_instance_with_a_statement(dir.path());
    let file_arg = file.to_string_lossy().into_owned();
    let second = Tmux::start(dir.path(), &["open", &file_arg], (80, 24));
    second.wait_for("READ-ONLY");
    second.wait_for("/ 25:00");

    // The first instance gives the stage two more minutes: the second shows it by
    // itself, without a key.
    first.keys(&["+", "+"]);
    wait_for_file(&file, "minutes: 27");
    second.wait_for("/ 27:00");

    // The first closes the session: the second says so, and o takes it over.
    first.keys(&["q"]);
    first.wait_for("Sessions in");
    first.keys(&["q"]);
    first.assert_exited_cleanly();
    let screen = second.wait_for("press o to take over");
    assert!(screen.contains("o take over"), "{screen}");
    second.keys(&["o"]);
    let screen = second.wait_for("Taken over");
    assert!(!screen.contains("READ-ONLY"), "{screen}");
    second.keys(&["+"]);
    second.wait_for("/ 28:00");
    wait_for_file(&file, "minutes: 28");
    second.keys(&["q"]);
    second.wait_for("Sessions in");
    second.keys(&["q"]);
    second.assert_exited_cleanly();
    assert_check_ok(&file);
}

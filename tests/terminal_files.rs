//! The real binary in a real terminal, about what it leaves on disk: a save that runs into
//! a file-size limit, and sessions moved to the trash and back. Each test starts
//! `sameside` in its own tmux server (tests/common/tmux.rs) and checks what a moderator
//! would see on screen and find in the sessions directory.

#[path = "common/tmux.rs"]
mod tmux;

use std::fs;

use tempfile::TempDir;
use tmux::*;

/// Names in `dir` that are hidden temp files of an unfinished save.
fn temp_files(dir: &std::path::Path) -> Vec<String> {
    names_in(dir)
        .into_iter()
        .filter(|n| n.starts_with('.') && n.contains(".tmp-"))
        .collect()
}

#[test]
fn a_save_past_the_file_size_limit_is_reported_and_the_app_survives_it() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    // A new session file is about 1 KB; the limit lets it be created and then stops a
    // save once the statement below makes the file larger than 2 KB. Without care the
    // kernel's SIGXFSZ would kill the app in the middle of that save.
    let tmux = Tmux::start_wrapped(
        dir.path(),
        &[],
        &["prlimit", "--fsize=2048"],
        &[
            "new",
            "--title",
            "Limited",
            "--partner",
            "A",
            "--partner",
            "B",
        ],
        (80, 24),
    );
    tmux.wait_for("Who is in the room");
    tmux.escape("No shared statement yet");
    let file = only_session(dir.path());
    let before = read(&file);

    tmux.keys(&["Enter"]);
    tmux.wait_for("Alt-Enter new line");
    let statement = format!("Too long to save {} end of it", "x".repeat(1500));
    tmux.paste(&statement);
    // The text box shows the end of what was pasted once the paste is in.
    tmux.wait_for("end of it");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Not saved");
    assert!(screen.contains("kept in memory"), "{screen}");
    assert!(screen.contains("Too long to save"), "{screen}");

    // Leaving asks before losing the change, and losing it is a deliberate choice.
    tmux.keys(&["q"]);
    // The dialog's last line: the whole dialog is drawn once it shows.
    let screen = tmux.wait_for("cancel, change nothing");
    assert!(screen.contains("The session is not saved"), "{screen}");
    assert!(screen.contains("lose the unsaved changes"), "{screen}");
    tmux.keys(&["x"]);
    tmux.wait_for("Sessions in");
    tmux.keys(&["q"]);
    tmux.assert_exited_cleanly();

    assert_eq!(
        read(&file),
        before,
        "the file changed although no save worked"
    );
    assert_check_ok(&file);
    assert!(
        temp_files(dir.path()).is_empty(),
        "temp files left behind: {:?}",
        names_in(dir.path())
    );
    let _ = fs::remove_file(&file);
}

/// A sessions directory holding a copy of the shipped example as `name`.
fn directory_with_example(name: &str) -> TempDir {
    let dir = TempDir::new().unwrap();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join("2026-11-12-northwind-globex-plant-floor-analytics.ron");
    fs::copy(&example, dir.path().join(name)).unwrap();
    dir
}

const TITLE: &str = "Northwind × Globex";

/// Deletes the selected (first) session on the home screen, answering yes.
fn delete_first_session(tmux: &Tmux) {
    tmux.wait_for(TITLE);
    tmux.keys(&["d"]);
    // The dialog's last line: the whole dialog is drawn once it shows.
    let screen = tmux.wait_for("cancel, change nothing");
    assert!(screen.contains("Delete session"), "{screen}");
    assert!(
        screen.contains("moved to the trash") && screen.contains("restorable with t"),
        "{screen}"
    );
    tmux.keys(&["y"]);
    tmux.wait_for("to the trash; t puts it back");
}

#[test]
fn a_deleted_session_goes_to_the_trash_and_comes_back_from_it() {
    if !have_tmux() {
        return;
    }
    let dir = directory_with_example("ours.ron");
    let original = read(&dir.path().join("ours.ron"));
    let tmux = Tmux::start(dir.path(), &[], (80, 24));
    delete_first_session(&tmux);
    let screen = tmux.screen();
    assert!(!screen.contains(TITLE), "still listed:\n{screen}");
    assert_eq!(names_in(dir.path()), vec!["trash"]);

    tmux.keys(&["t"]);
    let screen = tmux.wait_for("deleted sessions, ready to be put back");
    assert!(screen.contains(TITLE), "{screen}");
    assert!(screen.contains("Restores as ours.ron"), "{screen}");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Restored ours.ron to the session list");
    assert!(screen.contains("The trash is empty"), "{screen}");
    tmux.escape("Sessions in");
    tmux.wait_for(TITLE);
    tmux.keys(&["q"]);
    tmux.assert_exited_cleanly();

    assert_eq!(read(&dir.path().join("ours.ron")), original);
    assert_check_ok(&dir.path().join("ours.ron"));
}

#[test]
fn restoring_over_a_new_file_of_the_same_name_is_refused_on_screen() {
    if !have_tmux() {
        return;
    }
    let dir = directory_with_example("ours.ron");
    let tmux = Tmux::start(dir.path(), &[], (80, 24));
    delete_first_session(&tmux);
    fs::write(dir.path().join("ours.ron"), "not a session").unwrap();

    tmux.keys(&["t"]);
    tmux.wait_for("deleted sessions, ready to be put back");
    tmux.keys(&["u"]);
    let screen = tmux.wait_for("Not restored");
    assert!(screen.contains("ours.ron is already taken"), "{screen}");
    assert!(
        screen.contains(TITLE),
        "the trashed session vanished:\n{screen}"
    );
    tmux.escape("Sessions in");
    tmux.keys(&["q"]);
    tmux.assert_exited_cleanly();

    assert_eq!(read(&dir.path().join("ours.ron")), "not a session");
}

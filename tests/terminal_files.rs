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
    let statement = format!("Too long to save {}", "x".repeat(1500));
    tmux.type_text(&statement);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Not saved");
    assert!(screen.contains("kept in memory"), "{screen}");
    assert!(screen.contains("Too long to save"), "{screen}");

    // Leaving asks before losing the change, and losing it is a deliberate choice.
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("The session is not saved");
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

//! What the commands print into a real terminal: text from a session file shows its
//! escape sequences as visible text and never acts on the terminal (tmux interprets them
//! as any terminal would, so a raw sequence would clear the screen or retitle the pane).

#[path = "common/tmux.rs"]
mod tmux;

use std::fs;

use tempfile::TempDir;
use tmux::*;

const NORTHWIND: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";
const NORTHWIND_TITLE: &str = "Northwind × Globex: plant-floor analytics";

/// Clears the screen, then names the window: both must stay text.
const EVIL_TITLE: &str = "Plan\\u{1b}[2J\\u{1b}]2;pwned\\u{7} done";

#[test]
fn export_check_and_list_in_a_terminal_show_escape_sequences_instead_of_obeying_them() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(NORTHWIND);
    let text = fs::read_to_string(shipped).unwrap();
    let file = dir.path().join(NORTHWIND);
    fs::write(&file, text.replace(NORTHWIND_TITLE, EVIL_TITLE)).unwrap();
    let file_arg = file.to_string_lossy().into_owned();

    // Markdown has no place for control characters and leaves them out; the reports
    // show them as escapes.
    for (args, shown) in [
        (
            vec!["export", file_arg.as_str()],
            "# Plan\\[2J\\]2;pwned done",
        ),
        (
            vec!["check", file_arg.as_str()],
            "Plan\\e[2J\\e]2;pwned\\x07 done",
        ),
        (vec!["list"], "Plan\\e[2J\\e]2;pwned\\x07 done"),
    ] {
        let tmux = Tmux::start(dir.path(), &args, (200, 50));
        tmux.wait_for("EXIT=");
        // The whole output, what scrolled off the top too.
        let screen = tmux.run(&["capture-pane", "-p", "-S", "-", "-t", "main"]);
        assert!(screen.contains("EXIT=0"), "{args:?}:\n{screen}");
        // Nothing cleared the screen: the line printed before the command is still there.
        assert!(screen.contains("BEFORE"), "{args:?}:\n{screen}");
        assert!(screen.contains(shown), "{args:?}:\n{screen}");
        assert_ne!(tmux.pane_flag("#{pane_title}"), "pwned", "{args:?}");
    }
}

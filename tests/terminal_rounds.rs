//! A sealed round in the real binary, in a real terminal: the moderator's wall and the
//! audience view (`sameside present`, as on a second screen) show who has answered and
//! never what, until the reveal shows every answer. Skipped without tmux, except under
//! CI; see tests/terminal.rs for how the tests wait.

#[path = "common/tmux.rs"]
mod tmux;

use std::fs;
use std::path::Path;

use tempfile::TempDir;
use tmux::*;

const EXAMPLE: &str = "2026-11-12-northwind-globex-plant-floor-analytics.ron";
const SECRET: &str = "Keep the Bavarian plant accounts";

#[test]
fn a_round_shows_counts_on_both_screens_and_the_reveal_shows_the_answer() {
    if !have_tmux() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let file = dir.path().join(EXAMPLE);
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sessions")
            .join(EXAMPLE),
        &file,
    )
    .unwrap();
    let file_arg = file.to_string_lossy().into_owned();
    let wall = Tmux::start(dir.path(), &["open", &file_arg], (80, 24));
    wall.wait_for("Summary");
    wall.keys(&["S"]);
    wall.wait_for("Open a sealed round");
    // `s` picks "self-interests" on the focused choice.
    wall.keys(&["s", "Enter"]);
    wall.wait_for("0 of 4");

    wall.keys(&["a"]);
    wall.wait_for("only you see this");
    wall.keys(&["Tab"]);
    wall.type_text(SECRET);
    let form = wall.wait_for(SECRET);
    assert!(!form.contains("Northwind Analytics    0 of 4"), "{form}");
    wall.keys(&["Enter"]);
    let counted = wall.wait_for("1 answer sealed");
    assert!(counted.contains("1 of 4"), "{counted}");
    assert!(!counted.contains(SECRET), "{counted}");

    // The audience view follows the file: the count, and no answer.
    let audience = Tmux::start(dir.path(), &["present", &file_arg], (80, 24));
    let shown = audience.wait_for("1 answer sealed");
    assert!(!shown.contains(SECRET), "{shown}");

    wall.keys(&["R"]);
    let asked = wall.wait_for("Not answered yet");
    assert!(asked.contains("Tom Okafor"), "{asked}");
    wall.keys(&["y"]);
    let revealed = wall.wait_for(SECRET);
    assert!(revealed.contains("revealed"), "{revealed}");
    audience.wait_for(SECRET);
    // Past the moment that marks a change, the audience still reads the answers: they
    // stay until the moderator's next change.
    std::thread::sleep(std::time::Duration::from_millis(2_500));
    let later = audience.screen();
    assert!(later.contains(SECRET), "{later}");

    wall.escape("Summary");
    wall.keys(&["q"]);
    wall.wait_for("Sessions in");
    wall.keys(&["q"]);
    wall.assert_exited_cleanly();
    let saved = fs::read_to_string(&file).unwrap();
    assert!(saved.contains(SECRET));
    assert!(
        !file.with_extension("sealed").exists(),
        "the sealed answers go once revealed"
    );
}

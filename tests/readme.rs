//! The README's keymap is written from the same key tables the help overlay shows, so
//! the two cannot drift apart. This test fails when they differ and prints the section
//! to paste; `SAMESIDE_WRITE_README=1 cargo test --test readme` rewrites it in place.

use sameside::tui::keys::{
    HOME_KEYS, SETUP_KEYS, TEXT_KEYS, TRASH_KEYS, every_stage_keys, present_keys, replay_keys,
};
use sameside::tui::wall::Wall;
use sameside::tui::widgets::KeyHelp;

const START: &str = "<!-- keymap:start -->";
const END: &str = "<!-- keymap:end -->";

fn table(title: &str, keys: &[KeyHelp]) -> String {
    let mut out = format!("**{title}**\n\n| Keys | What they do |\n| --- | --- |\n");
    for key in keys {
        let keys = key.keys.replace('|', "\\|");
        out.push_str(&format!(
            "| `{keys}` | {} |\n",
            key.what.replace('|', "\\|")
        ));
    }
    out.push('\n');
    out
}

fn keymap() -> String {
    let mut sections: Vec<(String, Vec<KeyHelp>)> = vec![
        ("Session list".into(), HOME_KEYS.to_vec()),
        ("Trash (t on the session list)".into(), TRASH_KEYS.to_vec()),
        ("New session".into(), SETUP_KEYS.to_vec()),
        ("Every stage".into(), every_stage_keys(false)),
    ];
    // The stage screens' keys come from their own key tables, as their help does.
    let screens = Wall::default().keymap(false);
    let last = screens.len() - 1;
    for (n, (title, keys)) in screens.into_iter().enumerate() {
        // The partners panel first, the stages numbered, the sealed round last: it
        // stands in for whichever stage is on show.
        let title = match n {
            0 => format!("{title} (p)"),
            n if n == last => format!("{title} (S, while one is open)"),
            n => format!("{n} {title}"),
        };
        sections.push((title, keys));
    }
    sections.extend([
        ("Replay".into(), replay_keys()),
        ("Audience view (sameside present)".into(), present_keys()),
        ("Typing and forms".into(), TEXT_KEYS.to_vec()),
    ]);
    let mut out = String::from("\n");
    for (title, keys) in &sections {
        out.push_str(&table(title, keys));
    }
    out
}

#[test]
fn readme_keymap_matches_the_help_screens() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap_or_default();
    let (Some(start), Some(end)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md lacks the {START} … {END} markers");
    };
    let current = &readme[start + START.len()..end];
    let wanted = keymap();
    if current != wanted && std::env::var_os("SAMESIDE_WRITE_README").is_some() {
        let updated = format!(
            "{}{START}{wanted}{END}{}",
            &readme[..start],
            &readme[end + END.len()..]
        );
        std::fs::write(path, updated).unwrap_or_else(|e| panic!("{path}: {e}"));
        return;
    }
    assert!(
        current == wanted,
        "README keymap is out of date; it should be:\n{wanted}"
    );
}

#[test]
fn readme_starts_with_the_two_commands() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .unwrap_or_default();
    let first_blocks: Vec<&str> = readme.split("```").skip(1).step_by(2).take(2).collect();
    assert_eq!(first_blocks.len(), 2, "README needs code blocks");
    assert!(
        first_blocks[0].contains("cargo run --release"),
        "{first_blocks:?}"
    );
    assert!(first_blocks[1].contains("cargo test"), "{first_blocks:?}");
}

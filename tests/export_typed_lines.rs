//! Conditions typed on several lines keep their lines in the notes, as on the wall: the
//! Markdown's "At a glance" bullet and its verdict section, and the HTML page.

use chrono::{TimeZone, Utc};
use sameside::domain::sample::example_proceed;
use sameside::domain::{Change, History, Verdict};
use sameside::export::Notes;
use sameside::export::html::html;
use sameside::export::markdown::markdown;
use sameside::storage::Header;

fn with_conditions(note: &str) -> History {
    let mut history = match example_proceed() {
        Ok(history) => history,
        Err(e) => panic!("the sample session builds: {e:?}"),
    };
    let at = Utc
        .with_ymd_and_hms(2026, 11, 12, 12, 0, 0)
        .single()
        .unwrap_or_default();
    let change = Change::VerdictSet {
        verdict: Some(Verdict::ProceedWithConditions),
        note: note.to_string(),
    };
    if let Err(e) = history.record(at, change) {
        panic!("the verdict is recorded: {e:?}");
    }
    history
}

fn notes_of(history: &History) -> (String, String) {
    let header = Header::for_history("typed-lines", None, history);
    let at = Utc
        .with_ymd_and_hms(2026, 11, 30, 8, 0, 0)
        .single()
        .unwrap_or_default();
    let notes = Notes::new(history, &header, at);
    (markdown(&notes), html(&notes))
}

const TYPED: &str = "Pilot with two customers first\nRevisit margins after the pilot";

#[test]
fn the_markdown_at_a_glance_keeps_each_typed_condition_on_its_own_line() {
    let (md, _) = notes_of(&with_conditions(TYPED));
    let glance = md
        .lines()
        .position(|l| l.starts_with("- **Verdict:**"))
        .unwrap_or_else(|| panic!("no verdict bullet:\n{md}"));
    let lines: Vec<&str> = md.lines().collect();
    // A hard break ends the first typed line; the second is the bullet's next line.
    assert!(
        lines[glance].ends_with("Pilot with two customers first\\"),
        "{}",
        lines[glance]
    );
    assert_eq!(lines[glance + 1], "  Revisit margins after the pilot");
}

#[test]
fn the_markdown_verdict_section_keeps_each_typed_condition_on_its_own_line() {
    let (md, _) = notes_of(&with_conditions(TYPED));
    assert!(
        md.contains("Pilot with two customers first\\\nRevisit margins after the pilot"),
        "{md}"
    );
}

#[test]
fn the_html_page_keeps_the_line_breaks_of_the_conditions() {
    let (_, page) = notes_of(&with_conditions(TYPED));
    // User text sits in <bdi>, which the page's style sets to `white-space: pre-line`.
    assert!(page.contains("bdi { white-space: pre-line; }"));
    assert!(
        page.contains("<bdi>Pilot with two customers first\nRevisit margins after the pilot</bdi>"),
        "the conditions lost their line break"
    );
}

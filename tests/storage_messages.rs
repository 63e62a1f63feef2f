//! What `check` and every reader say about a session file that is wrong in a way a
//! person editing it by hand can fix: words for a moderator (what to write instead,
//! which names are allowed), never for a Rust developer, at `path:line:col` of the
//! place to fix. Also the stricter reads: a map key written twice, and times, dates
//! and durations outside a sane range, which used to pass and then show nonsense.

#[path = "common/example_text.rs"]
mod example_text;
use example_text::{edit, northwind, pos_after, pos_of};
use std::path::Path;

use sameside::storage::format::{FileError, decode};

/// Reading `text` as `s.ron` fails at `place` with a message that contains each of
/// `words` and none of `never`.
#[track_caller]
fn assert_refused(text: &str, place: (usize, usize), words: &[&str], never: &[&str]) -> FileError {
    let err = match decode(Path::new("s.ron"), text.as_bytes()) {
        Ok(_) => panic!("the damaged file was read as a session"),
        Err(e) => e,
    };
    let shown = err.to_string();
    assert_eq!(
        err.location,
        format!("s.ron:{}:{}", place.0, place.1),
        "wrong place: {shown}"
    );
    for word in words {
        assert!(
            shown.contains(word),
            "the message does not say {word:?}: {shown}"
        );
    }
    for word in never {
        assert!(!shown.contains(word), "the message says {word:?}: {shown}");
    }
    err
}

// ---------------------------------------------------------------- keys written twice

#[test]
fn a_partner_given_two_letters_in_one_role_is_refused_at_the_second() {
    let text = edit(
        &northwind(),
        "raci: {}",
        "raci: {2: Accountable, 2: Responsible}",
    );
    let map = text.find("raci: {2").unwrap();
    let second = pos_after(&text, map, "2: Responsible");
    assert_refused(&text, second, &["`2`", "twice"], &[]);
}

#[test]
fn a_key_written_twice_on_separate_lines_is_refused_at_the_second() {
    let text = edit(
        &northwind(),
        "raci: {}",
        "raci: {\n      1: Accountable,\n      // the same partner again\n      1: Informed,\n    }",
    );
    let second = pos_of(&text, "1: Informed");
    assert_refused(&text, second, &["`1`", "twice"], &[]);
}

#[test]
fn the_same_letter_for_two_partners_is_not_a_duplicate() {
    let text = edit(
        &northwind(),
        "raci: {}",
        "raci: {1: Accountable, 2: Accountable}",
    );
    if let Err(e) = decode(Path::new("s.ron"), text.as_bytes()) {
        panic!("{e}");
    }
}

// ---------------------------------------------------------------- times out of range

/// Where the event that starts with `start` is written.
#[track_caller]
fn event_line(text: &str, start: &str) -> (usize, usize) {
    let (line, _) = pos_of(text, start);
    (line, 5)
}

#[test]
fn a_time_spent_beyond_a_week_is_refused_at_its_event() {
    let text = northwind();
    let line = "change: TimeSpent(stage: Vision, seconds: 1560)";
    let at = event_line(&text, line);
    for seconds in ["18446744073709551615", "604801"] {
        let damaged = edit(&text, "seconds: 1560", &format!("seconds: {seconds}"));
        assert_refused(
            &damaged,
            at,
            &["event 22", "7 days", "604800 seconds", seconds],
            &[],
        );
    }
    let week = edit(&text, "seconds: 1560", "seconds: 604800");
    if let Err(e) = decode(Path::new("s.ron"), week.as_bytes()) {
        panic!("a week is allowed: {e}");
    }
}

#[test]
fn a_sitting_longer_than_a_week_is_recorded_as_a_week_rather_than_lost() {
    use chrono::{Duration, TimeZone, Utc};
    use sameside::domain::change::{MAX_TIME_SPENT_SECONDS, spent_seconds};
    let from = Utc.with_ymd_and_hms(2026, 11, 12, 9, 0, 0).unwrap();
    assert_eq!(
        spent_seconds(from, from + Duration::days(30)),
        MAX_TIME_SPENT_SECONDS
    );
    assert_eq!(spent_seconds(from, from + Duration::seconds(90)), 90);
    assert_eq!(spent_seconds(from, from - Duration::seconds(90)), 0);
}

#[test]
fn an_event_time_outside_2000_to_2100_is_refused_at_its_event() {
    let text = northwind();
    let second = "(at: \"2026-11-12T09:00:20Z\"";
    for (written, shown) in [
        ("9999-11-12T09:00:20Z", "9999-11-12T09:00:20Z"),
        ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"),
        ("2101-01-01T00:00:00+00:00", "2101-01-01T00:00:00Z"),
    ] {
        let damaged = edit(&text, second, &format!("(at: \"{written}\""));
        assert_refused(
            &damaged,
            event_line(&text, second),
            &["event 2", shown, "2000 to 2100"],
            &[],
        );
    }
    // The first event is the session's creation time.
    let first = "(at: \"2026-11-12T09:00:00Z\"";
    let damaged = edit(&text, first, "(at: \"1999-12-31T23:59:59Z\"");
    assert_refused(
        &damaged,
        event_line(&text, first),
        &["event 1", "1999-12-31T23:59:59Z", "2000 to 2100"],
        &[],
    );
}

#[test]
fn a_due_date_outside_2000_to_2100_is_refused_at_its_event() {
    let text = northwind();
    let due = "due: Some(\"2026-11-26\")";
    let at = event_line(&text, "change: ActionAdded(action: (id: 31");
    for (written, shown) in [
        ("+20260-11-26", "+20260-11-26"),
        ("1999-11-26", "1999-11-26"),
    ] {
        let damaged = edit(&text, due, &format!("due: Some(\"{written}\")"));
        assert_refused(&damaged, at, &[shown, "2000 to 2100", "due date"], &[]);
    }
}

// ---------------------------------------------------------------- words for moderators

/// Words from ron, serde and chrono that mean nothing to a moderator.
const DEVELOPER_WORDS: [&str; 9] = [
    "ron::",
    "recursion_limit",
    "serde_stacker",
    "invalid identifier",
    "premature end of input",
    "input contains invalid characters",
    "Expected comma",
    "Expected option",
    "Unexpected missing field",
];

#[test]
fn brackets_nested_too_deeply_are_explained_without_rust_advice() {
    let text = edit(
        &northwind(),
        "events: [",
        &format!("events: [{}", "[".repeat(200)),
    );
    let err = decode(Path::new("s.ron"), text.as_bytes()).unwrap_err();
    assert!(err.message.contains("nested too deeply"), "{err}");
    for word in DEVELOPER_WORDS {
        assert!(!err.message.contains(word), "{err}");
    }
}

#[test]
fn an_empty_file_or_a_list_is_described_without_rons_identifier_syntax() {
    let err = assert_refused("", (1, 1), &["empty"], &DEVELOPER_WORDS);
    assert!(!err.message.contains('_'), "{err}");
    let err = assert_refused(
        "[1, 2, 3]",
        (1, 1),
        &["not a sameside session file", "`(`"],
        &DEVELOPER_WORDS,
    );
    assert!(!err.message.contains("\"session file\""), "{err}");
}

#[test]
fn a_time_without_its_zone_is_shown_with_the_form_to_write() {
    let text = northwind();
    let damaged = edit(&text, "\"2026-11-12T09:00:20Z\"", "\"2026-11-12T09:00:20\"");
    assert_refused(
        &damaged,
        pos_of(&text, "\"2026-11-12T09:00:20Z\""),
        &[
            "`2026-11-12T09:00:20`",
            "time zone",
            "`Z`",
            "RFC 3339",
            "2026-11-12T09:30:00Z",
        ],
        &DEVELOPER_WORDS,
    );
}

#[test]
fn an_impossible_time_is_shown_with_the_form_to_write() {
    let text = northwind();
    let damaged = edit(
        &text,
        "\"2026-11-12T09:00:20Z\"",
        "\"2026-13-12T09:00:20Z\"",
    );
    assert_refused(
        &damaged,
        pos_of(&text, "\"2026-11-12T09:00:20Z\""),
        &[
            "`2026-13-12T09:00:20Z`",
            "out of range",
            "2026-11-12T09:30:00Z",
        ],
        &["time zone", "input is out of range"],
    );
}

#[test]
fn a_date_in_another_form_is_shown_with_yyyy_mm_dd() {
    let text = northwind();
    let due = "due: Some(\"2026-11-26\")";
    let quote = {
        let (line, col) = pos_of(&text, due);
        (line, col + "due: Some(".len())
    };
    for (written, reason) in [
        ("26.11.2026", "do not belong"),
        ("2026-11-31", "out of range"),
    ] {
        let damaged = edit(&text, due, &format!("due: Some(\"{written}\")"));
        assert_refused(
            &damaged,
            quote,
            &[&format!("`{written}` is not a date"), reason, "YYYY-MM-DD"],
            &DEVELOPER_WORDS,
        );
    }
}

#[test]
fn a_hyphenated_name_is_answered_with_the_names_allowed() {
    let text = northwind();
    let damaged = edit(&text, "weight: NonNegotiable", "weight: non-negotiable");
    let at = {
        let (line, col) = pos_of(&text, "weight: NonNegotiable");
        (line, col + "weight: ".len())
    };
    assert_refused(
        &damaged,
        at,
        &[
            "`non-negotiable`",
            "NonNegotiable, Important, Negotiable",
            "did you mean `NonNegotiable`",
        ],
        &DEVELOPER_WORDS,
    );
}

#[test]
fn a_bare_value_where_an_option_goes_says_to_write_some_or_none() {
    let text = northwind();
    let damaged = edit(&text, "score: Some(4)", "score: 5");
    let at = {
        let (line, col) = pos_of(&text, "score: Some(4)");
        (line, col + "score: ".len())
    };
    assert_refused(&damaged, at, &["`Some(5)`", "`None`"], &DEVELOPER_WORDS);
}

#[test]
fn a_misspelt_field_is_named_at_its_place_with_the_one_it_should_be() {
    let text = northwind();
    let damaged = edit(&text, "agreed: true", "agred: true");
    assert_refused(
        &damaged,
        pos_of(&text, "agreed: true"),
        &["`agred`", "`agreed`", "AgreementSet"],
        &DEVELOPER_WORDS,
    );
}

#[test]
fn a_field_left_out_is_named_as_missing() {
    let text = northwind();
    let damaged = edit(
        &text,
        "AgreementSet(partner: 1, agreed: true)",
        "AgreementSet(partner: 1)",
    );
    let close = {
        let (line, col) = pos_of(&text, "AgreementSet(partner: 1, agreed: true)");
        (line, col + "AgreementSet(partner: 1".len())
    };
    assert_refused(
        &damaged,
        close,
        &["`agreed` is missing", "AgreementSet"],
        &DEVELOPER_WORDS,
    );
}

#[test]
fn a_header_field_written_twice_names_the_header_not_a_rust_type() {
    let text = northwind();
    let damaged = edit(
        &text,
        "    kind: SystemIntegrator,\n",
        "    kind: SystemIntegrator,\n    kind: RdConsortium,\n",
    );
    assert_refused(
        &damaged,
        pos_of(&damaged, "kind: RdConsortium"),
        &["`kind`", "twice", "the header"],
        &["`Header`"],
    );
}

// ---------------------------------------------------------------- never a panic

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    })]

    /// Rewording runs exactly when a file is wrong, so whatever the damage it must
    /// answer with a place inside the text, never panic.
    #[test]
    fn any_damage_is_answered_with_a_place_in_the_text(
        at in 0usize..20_000,
        cut in 0usize..40,
        insert in "[-()\\[\\]{}\"'r#:,a-zA-Z0-9 \n/*é]{0,12}",
    ) {
        let text = northwind();
        let start = text.char_indices().map(|(i, _)| i).take_while(|i| *i <= at).last().unwrap_or(0);
        let end = text[start..].char_indices().map(|(i, _)| start + i).nth(cut).unwrap_or(text.len());
        let damaged = format!("{}{insert}{}", &text[..start], &text[end..]);
        if let Err(err) = decode(Path::new("s.ron"), damaged.as_bytes()) {
            let place = err.location.strip_prefix("s.ron:").unwrap_or("");
            let lines = damaged.lines().count().max(1) + 1;
            if let Some((line, col)) = place.split_once(':') {
                let line: usize = line.parse().unwrap();
                let col: usize = col.parse().unwrap();
                proptest::prop_assert!((1..=lines).contains(&line), "{}", err);
                proptest::prop_assert!(col >= 1, "{}", err);
            }
        }
    }
}

#[test]
fn a_negative_or_too_large_number_is_named_with_what_to_write() {
    let text = northwind();
    let at = text.find("TimeSpent(stage").unwrap();
    let seconds = at + text[at..].find("seconds: ").unwrap() + "seconds: ".len();
    let end = seconds + text[seconds..].find(')').unwrap();
    for wrong in ["-5", "99999999999999999999999"] {
        let damaged = format!("{}{wrong}{}", &text[..seconds], &text[end..]);
        assert_refused(
            &damaged,
            pos_after(&damaged, at, wrong),
            &[&format!("`{wrong}`"), "whole number"],
            &["Integer is out of bounds"],
        );
    }
}

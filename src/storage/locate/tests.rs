//! The scanner and the error messages, against ron's own output.

use super::*;
use proptest::prelude::*;
use ron::error::Error as RonError;
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Header {
    title: String,
    version: u32,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
enum Event {
    Note(String),
    Speak { who: String, text: String },
    Pause,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Session {
    header: Header,
    events: Vec<Event>,
}

fn pos(line: usize, col: usize) -> TextPosition {
    TextPosition { line, col }
}

/// The text from `p` to the end of its line, to check what was found.
fn line_from(text: &str, p: TextPosition) -> String {
    let line = text.lines().nth(p.line - 1).unwrap();
    line.chars().skip(p.col - 1).collect()
}

const DOC: &str = r#"Session(
    header: (title: "Acme", version: 1),
    events: [
        Note("first"),
        Speak(who: "Ann", text: "hi"),
        Pause,
    ],
)
"#;

#[test]
fn finds_each_element_of_a_pretty_list() {
    assert_eq!(nth_list_element(DOC, "events", 0), Some(pos(4, 9)));
    assert_eq!(nth_list_element(DOC, "events", 1), Some(pos(5, 9)));
    assert_eq!(nth_list_element(DOC, "events", 2), Some(pos(6, 9)));
    assert_eq!(nth_list_element(DOC, "events", 3), None);
}

#[test]
fn missing_or_non_list_fields_give_none() {
    assert_eq!(nth_list_element(DOC, "nope", 0), None);
    assert_eq!(nth_list_element(DOC, "header", 0), None);
    assert_eq!(nth_list_element("(events: [])", "events", 0), None);
    assert_eq!(nth_list_element("", "events", 0), None);
    assert_eq!(nth_list_element("[1, 2]", "events", 0), None);
}

#[test]
fn works_without_struct_name_and_on_one_line() {
    let text = "(header:(),events:[1,(2,3),[4]])";
    assert_eq!(nth_list_element(text, "events", 0), Some(pos(1, 20)));
    assert_eq!(nth_list_element(text, "events", 1), Some(pos(1, 22)));
    assert_eq!(nth_list_element(text, "events", 2), Some(pos(1, 28)));
    assert_eq!(nth_list_element(text, "events", 3), None);
}

#[test]
fn ignores_a_nested_field_of_the_same_name() {
    let text = "(header: (events: [\"wrong\"]), events: [\"right\"])";
    let p = nth_list_element(text, "events", 0).unwrap();
    assert_eq!(line_from(text, p), "\"right\"])");
}

#[test]
fn is_not_fooled_by_brackets_in_strings_chars_and_comments() {
    let text = r####"#![enable(implicit_some)]
// a ] comment ( with brackets
Session /* ( */ (
    header: (title: "a \" ], ( text", sep: ']', open: '(', q: '\'', u: '\u{5D}'),
    /* nested /* ] */ still ) comment */
    events: [
        r"raw ] (", r#"raw "] with quote"#, r##"x"# ]"##,
        b"bytes ]", br#"raw bytes ]"#, bar(1),
        // [ comment between ] elements
        last,
    ],
)"####;
    let found: Vec<String> = (0..7)
        .map(|i| line_from(text, nth_list_element(text, "events", i).unwrap()))
        .collect();
    assert!(found[0].starts_with("r\"raw ] (\""), "{found:?}");
    assert!(found[1].starts_with("r#\"raw"), "{found:?}");
    assert!(found[2].starts_with("r##\"x\"#"), "{found:?}");
    assert!(found[3].starts_with("b\"bytes"), "{found:?}");
    assert!(found[4].starts_with("br#\""), "{found:?}");
    assert!(found[5].starts_with("bar(1)"), "{found:?}");
    assert_eq!(found[6], "last,");
    assert_eq!(nth_list_element(text, "events", 7), None);
}

#[test]
fn raw_identifier_field_name_matches() {
    let text = "(r#events: [a, b])";
    assert_eq!(nth_list_element(text, "events", 1), Some(pos(1, 16)));
}

#[test]
fn columns_count_characters_not_bytes() {
    let text = "(title: \"Müller ☕\", events: [é, ü])";
    assert_eq!(nth_list_element(text, "events", 1), Some(pos(1, 33)));
}

#[test]
fn agrees_with_rons_serializer_output() {
    let session = Session {
        header: Header {
            title: "brackets ] ( \" in title".into(),
            version: 3,
        },
        events: vec![
            Event::Pause,
            Event::Note("a ] b".into()),
            Event::Speak {
                who: "Zoë".into(),
                text: "line\nbreak, [x]".into(),
            },
        ],
    };
    let pretty = ron::ser::to_string_pretty(&session, ron::ser::PrettyConfig::default()).unwrap();
    let compact = ron::to_string(&session).unwrap();
    for text in [pretty, compact] {
        let starts: Vec<String> = (0..3)
            .map(|i| line_from(&text, nth_list_element(&text, "events", i).unwrap()))
            .collect();
        assert!(starts[0].starts_with("Pause"), "{text}\n{starts:?}");
        assert!(starts[1].starts_with("Note("), "{text}\n{starts:?}");
        assert!(starts[2].starts_with("Speak("), "{text}\n{starts:?}");
        assert_eq!(nth_list_element(&text, "events", 3), None);
    }
}

#[test]
fn agrees_with_where_ron_reports_a_bad_element() {
    let text =
        "Session(header: (title: \"Zoë ☕\", version: 1), events: [Pause, Note(\"é\"), Nope])";
    let err = ron::from_str::<Session>(text).unwrap_err();
    assert!(matches!(err.code, RonError::NoSuchEnumVariant { .. }));
    assert_eq!(
        nth_list_element(text, "events", 2),
        Some(ron_error_position(&err))
    );
}

fn format_for(text: &str) -> (String, String) {
    let err = ron::from_str::<Session>(text).unwrap_err();
    let path = Path::new("sessions/s.ron");
    (
        format_ron_error(path, &err),
        format_ron_error_with_source(path, &err, text),
    )
}

#[test]
fn truncated_at_a_list_element_reports_early_end() {
    let cut = &DOC[..DOC.find("Speak").unwrap()];
    let (plain, with_source) = format_for(cut);
    assert_eq!(
        plain,
        "sessions/s.ron:4:23: file ends early (truncated?): Unexpected end of RON"
    );
    assert_eq!(plain, with_source);
}

#[test]
fn a_file_of_one_wrong_word_is_not_called_truncated() {
    let source = "garbage\n";
    let err = ron::from_str::<Header>(source).unwrap_err();
    let message = format_ron_error_with_source(Path::new("s.ron"), &err, source);
    assert!(!message.contains("truncated"), "{message}");
}

#[test]
fn truncated_after_a_value_is_not_blamed_on_a_missing_comma() {
    // ron says "Expected comma"; only the text shows the real cause.
    let cut = &DOC[..DOC.find("\"Acme\"").unwrap() + 6];
    let (plain, with_source) = format_for(cut);
    assert_eq!(plain, "sessions/s.ron:2:22: Expected comma");
    assert_eq!(
        with_source,
        "sessions/s.ron:2:22: file ends early (truncated?): Expected comma"
    );
}

#[test]
fn truncated_inside_a_field_name_is_not_blamed_on_a_missing_colon() {
    let cut = &DOC[..DOC.find("version").unwrap() + 3];
    let (plain, with_source) = format_for(cut);
    assert_eq!(plain, "sessions/s.ron:2:29: Expected colon");
    assert_eq!(
        with_source,
        "sessions/s.ron:2:29: file ends early (truncated?): Expected colon"
    );
}

#[test]
fn truncated_inside_a_string_points_at_its_opening_quote() {
    let cut = &DOC[..DOC.find("hi").unwrap() + 1];
    let (plain, _) = format_for(cut);
    assert_eq!(
        plain,
        "sessions/s.ron:5:33: string is never closed; file ends early (truncated?): \
             Expected end of string"
    );
}

#[test]
fn empty_file_says_so() {
    let (_, with_source) = format_for("\n  \n");
    assert!(
        with_source.starts_with("sessions/s.ron:1:1: file is empty: "),
        "{with_source}"
    );
}

#[test]
fn wrong_type_points_at_the_value_without_truncation_hint() {
    let text = DOC.replace("version: 1", "version: \"one\"");
    let (plain, with_source) = format_for(&text);
    assert_eq!(plain, "sessions/s.ron:2:37: Expected integer");
    assert_eq!(plain, with_source);
}

#[test]
fn missing_field_in_last_struct_is_not_called_truncation() {
    let text = "Session(header: (title: \"x\", version: 1))";
    let (_, with_source) = format_for(text);
    assert!(!with_source.contains("truncated"), "{with_source}");
    assert!(with_source.contains("events"), "{with_source}");
}

#[test]
fn garbage_bytes_point_at_the_bad_byte() {
    let bytes = b"Session(\n  header: \xff\xfe)";
    let err = ron::de::from_bytes::<Session>(bytes).unwrap_err();
    assert_eq!(
        format_ron_error(Path::new("s.ron"), &err),
        format!(
            "s.ron:2:11: file is not UTF-8 text (damaged, or not a session file?): {}",
            err.code
        )
    );
}

#[test]
fn garbage_text_is_reported_at_the_start() {
    let (plain, _) = format_for("\u{1}\u{2}PK garbage");
    assert!(plain.starts_with("sessions/s.ron:1:1: "), "{plain}");
}

#[test]
fn trailing_text_is_explained() {
    let text = format!("{DOC}oops");
    let (plain, with_source) = format_for(&text);
    assert!(
        plain.starts_with("sessions/s.ron:8:2: unexpected text after the end of the session: "),
        "{plain}"
    );
    assert!(!with_source.contains("truncated"), "{with_source}");
}

#[test]
fn position_displays_as_line_colon_col() {
    assert_eq!(pos(12, 3).to_string(), "12:3");
}

/// Text built from the characters that drive the scanner, so random
/// inputs actually hit strings, comments and brackets.
fn ron_ish() -> impl Strategy<Value = String> {
    "[()\\[\\]{}\"'r#b/*\\\\ \n:,a-e_]{0,120}".prop_map(|s| format!("(events: [{s}"))
}

proptest! {
    #[test]
    fn never_panics(text in any::<String>(), field in "[a-z]{0,6}", index in 0usize..5) {
        let _ = nth_list_element(&text, &field, index);
    }

    #[test]
    fn never_panics_on_ron_like_text(text in ron_ish(), index in 0usize..5) {
        if let Some(p) = nth_list_element(&text, "events", index) {
            prop_assert!(p.line >= 1 && p.col >= 1);
            prop_assert!(p <= end_of(&text));
        }
    }

    #[test]
    fn finds_every_element_of_serialized_lists(items in proptest::collection::vec(any::<String>(), 0..8)) {
        #[derive(Serialize)]
        struct Doc<'a> { header: (u8, &'a str), events: &'a [String] }
        let doc = Doc { header: (1, "]"), events: &items };
        let text = ron::ser::to_string_pretty(&doc, ron::ser::PrettyConfig::default()).unwrap();
        let mut previous = None;
        for i in 0..items.len() {
            let p = nth_list_element(&text, "events", i);
            prop_assert!(p.is_some(), "element {} missing in {}", i, text);
            prop_assert!(line_from(&text, p.unwrap()).starts_with('"'));
            prop_assert!(p > previous);
            previous = p;
        }
        prop_assert_eq!(nth_list_element(&text, "events", items.len()), None);
    }
}

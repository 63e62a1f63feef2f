//! Reading theme files and reporting their mistakes.

use super::*;
use crate::storage::messages::nearest;
use crate::theme::shipped;
use std::path::Path;

fn read(text: &str) -> Result<Palette, ThemeError> {
    parse(text, Path::new("t.ron"), "t", &shipped::projector())
}

#[test]
fn an_empty_theme_is_the_fallback_under_its_own_name() {
    let palette = read("()").expect("parses");
    let projector = shipped::projector();
    assert_eq!(palette.name, "t");
    assert_eq!(palette.partners, projector.partners);
    assert_eq!(palette.text, projector.text);
    assert!(!palette.monochrome);
}

#[test]
fn tokens_need_no_some() {
    let palette = read("(name: \"x\", appearance: Light, text: (rgb: \"#102030\", ansi: Black))")
        .expect("parses");
    assert_eq!(palette.text.rgb, Rgb::new(0x10, 0x20, 0x30));
    assert_eq!(palette.text.ansi, Ansi::Black);
    assert_eq!(palette.appearance, Appearance::Light);
    assert_eq!(palette.name, "x");
}

#[test]
fn unknown_token_is_pointed_at_with_a_suggestion() {
    let err =
        read("(\n  name: \"x\",\n    bakground: (rgb: \"#000000\", ansi: Black),\n)").unwrap_err();
    assert_eq!(err.location, "t.ron:3:5", "{err}");
    assert!(err.message.contains("unknown token `bakground`"), "{err}");
    assert!(err.message.contains("`background`"), "{err}");
}

#[test]
fn a_far_off_token_lists_the_known_ones() {
    let err = read("(zzzzzz: true)").unwrap_err();
    assert!(
        err.message.contains("the tokens are name, appearance"),
        "{err}"
    );
    assert_eq!(err.location, "t.ron:1:2", "{err}");
}

#[test]
fn colour_mistakes_are_explained() {
    let err = read("(text: (rgb: \"#12345\", ansi: White))").unwrap_err();
    assert!(err.message.contains("`#12345` is not a colour"), "{err}");
    assert_eq!(err.location, "t.ron:1:14", "at the opening quote: {err}");
    let err = read("(text: (rgb: \"#123456\", ansi: Orange))").unwrap_err();
    assert!(
        err.message.contains("`Orange` is not one of the 16"),
        "{err}"
    );
    let err = read("(text: (rgb: \"#123456\"))").unwrap_err();
    assert!(err.message.contains("no `ansi`"), "{err}");
    let err = read("(text: (rgb: \"#123456\", ansi: White, alpha: 1))").unwrap_err();
    assert!(
        err.message.contains("unknown field `alpha` in a colour"),
        "{err}"
    );
    let err = read("(appearance: Dim)").unwrap_err();
    assert!(err.message.contains("Light or Dark"), "{err}");
}

#[test]
fn partner_list_is_bounded() {
    let one = "(rgb: \"#FFFFFF\", ansi: White)";
    let err = read("(\n partners: [],\n)").unwrap_err();
    assert_eq!(err.location, "t.ron:2:2", "{err}");
    let nine = [one; 9].join(", ");
    let err = read(&format!("(partners: [{nine}])")).unwrap_err();
    assert!(err.message.contains("at most 8"), "{err}");
    let three = [one; 3].join(", ");
    assert_eq!(
        read(&format!("(partners: [{three}])")).map(|p| p.partners.len()),
        Ok(3)
    );
    // The place is the field itself, not a mention of it in a comment or a string.
    let err =
        read("( /* partners: [] */\n  name: \"my partners: x\",\n  partners: [],\n)").unwrap_err();
    assert_eq!(err.location, "t.ron:3:3", "{err}");
    let err = read("(\n// partners: [] was here\n  partners: [],\n)").unwrap_err();
    assert_eq!(err.location, "t.ron:3:3", "{err}");
}

#[test]
fn truncated_and_empty_files() {
    let err = read("(text: (rgb: \"#123456\", ansi: ").unwrap_err();
    assert!(err.message.contains("truncated"), "{err}");
    let err = read("  \n").unwrap_err();
    assert_eq!(err.location, "t.ron");
    assert!(err.message.contains("empty"), "{err}");
    // The closing parenthesis left out, no trailing comma: ron only says it
    // expected a comma; the message says what happened.
    let err = read("(name: \"x\", text: (rgb: \"#FFFFFF\", ansi: White)").unwrap_err();
    assert!(err.message.starts_with("file ends early"), "{err}");
}

#[test]
fn a_value_of_the_wrong_kind_is_pointed_at_not_the_blank_before_it() {
    let err = read("(\n  text: (rgb:   12, ansi: White),\n)").unwrap_err();
    assert_eq!(err.location, "t.ron:2:17", "{err}");
}

#[test]
fn control_characters_in_the_name_are_refused() {
    let err = read("(\n  name: \"evil\\u{1b}[31m\",\n)").unwrap_err();
    assert_eq!(err.location, "t.ron:2:3", "{err}");
    assert!(err.message.contains("control character"), "{err}");
}

#[test]
fn a_byte_order_mark_is_no_error_and_bad_bytes_are_placed() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let fallback = crate::theme::shipped::projector();
    let bom = dir.path().join("bom.ron");
    std::fs::write(&bom, b"\xEF\xBB\xBF(name: \"notepad\")").expect("write");
    assert_eq!(load(&bom, &fallback).map(|p| p.name), Ok("notepad".into()));
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, b"(\n  name: \"x\xFF\",\n)").expect("write");
    let err = load(&bad, &fallback).unwrap_err();
    assert!(err.location.ends_with("bad.ron:2:11"), "{err}");
    assert!(err.message.contains("not UTF-8"), "{err}");
}

#[test]
fn only_small_regular_files_are_read() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let fallback = crate::theme::shipped::projector();
    // A directory, and a file far too large to be a theme.
    let folder = dir.path().join("folder.ron");
    std::fs::create_dir(&folder).expect("mkdir");
    let err = load(&folder, &fallback).unwrap_err();
    assert!(err.message.contains("not a regular file"), "{err}");
    let big = dir.path().join("big.ron");
    std::fs::write(&big, vec![b' '; 100_000]).expect("write");
    let err = load(&big, &fallback).unwrap_err();
    assert!(err.message.contains("too large"), "{err}");
    #[cfg(unix)]
    {
        // A link to a device that never ends is refused before it is read.
        let zero = dir.path().join("zero.ron");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
        let err = load(&zero, &fallback).unwrap_err();
        assert!(err.message.contains("not a regular file"), "{err}");
    }
}

#[test]
fn appearance_is_guessed_from_the_background_when_left_out() {
    let light = read("(background: (rgb: \"#F0F0F0\", ansi: White))").expect("parses");
    assert_eq!(light.appearance, Appearance::Light);
    let dark = read("(background: (rgb: \"#202020\", ansi: Black))").expect("parses");
    assert_eq!(dark.appearance, Appearance::Dark);
}

#[test]
fn typo_suggestions_stay_close() {
    assert_eq!(nearest("bakground", &TOKENS), Some("background"));
    assert_eq!(nearest("colour", &TOKENS), None);
    assert_eq!(
        crate::storage::messages::edit_distance("kitten", "sitting"),
        3
    );
}

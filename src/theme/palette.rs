//! Theme files: what they hold, how they are read, and how a problem in one is reported.
//!
//! A theme file is RON: a name, whether it is light or dark, and named colour tokens.
//! Every token is optional and falls back to the default theme's; a token the format does
//! not know is an error, so a typo is reported instead of silently showing the fallback.
//! There is no format version: tokens only ever get added, and an older file stays valid
//! because missing tokens fall back. Should a token ever be renamed or change meaning, a
//! `format` field will be introduced then, its absence meaning this first format.

use std::path::Path;

use ron::extensions::Extensions;
use serde::Deserialize;

use super::colour::Rgb;
use crate::storage::locate::{ends_early, utf8_text};
use crate::storage::messages::nearest;

/// The most partner colours a theme can list: a session has at most 8 partners.
pub const MAX_PARTNER_COLOURS: usize = 8;

/// The sixteen colours every colour terminal has. Their exact shades are the terminal's
/// (and the user's) choice, so a theme picks one by hand for each token rather than
/// having it computed from the truecolour value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Ansi {
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
}

impl Ansi {
    /// The names as written in theme files.
    pub const NAMES: [&'static str; 16] = [
        "Black",
        "Red",
        "Green",
        "Yellow",
        "Blue",
        "Magenta",
        "Cyan",
        "Gray",
        "DarkGray",
        "LightRed",
        "LightGreen",
        "LightYellow",
        "LightBlue",
        "LightMagenta",
        "LightCyan",
        "White",
    ];
}

/// Whether a theme is meant for a dark or a light background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Appearance {
    Light,
    Dark,
}

/// One colour token: the colour itself, and what to use on a 16-colour terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename = "colour", deny_unknown_fields)]
pub struct Swatch {
    pub rgb: Rgb,
    pub ansi: Ansi,
}

/// A complete theme: every token has a value.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub name: String,
    pub appearance: Appearance,
    /// No colour at all: the terminal's own foreground and background, with meaning
    /// carried by bold, reverse and underline. The colour tokens are then unused.
    pub monochrome: bool,
    pub background: Swatch,
    pub text: Swatch,
    pub heading: Swatch,
    pub muted: Swatch,
    /// Accents and key names.
    pub accent: Swatch,
    /// The background of the item under the cursor.
    pub selection: Swatch,
    /// Text on `selection`.
    pub selection_text: Swatch,
    pub border: Swatch,
    /// The border of the box that typing goes to.
    pub focus_border: Swatch,
    pub success: Swatch,
    pub warning: Swatch,
    pub danger: Swatch,
    pub severity_low: Swatch,
    pub severity_medium: Swatch,
    pub severity_high: Swatch,
    pub severity_critical: Swatch,
    /// One per partner, in partner order (1 to 8; more partners than colours reuse them).
    pub partners: Vec<Swatch>,
}

impl Palette {
    /// What the listing shows: `mono`, `light` or `dark`.
    pub fn kind(&self) -> &'static str {
        match (self.monochrome, self.appearance) {
            (true, _) => "mono",
            (false, Appearance::Light) => "light",
            (false, Appearance::Dark) => "dark",
        }
    }
}

/// A theme file as written: everything optional, nothing unknown.
// The serde name appears in ron's messages, so it is worded for the reader.
#[derive(Debug, Deserialize)]
#[serde(rename = "theme", deny_unknown_fields)]
struct ThemeFile {
    name: Option<String>,
    appearance: Option<Appearance>,
    monochrome: Option<bool>,
    background: Option<Swatch>,
    text: Option<Swatch>,
    heading: Option<Swatch>,
    muted: Option<Swatch>,
    accent: Option<Swatch>,
    selection: Option<Swatch>,
    selection_text: Option<Swatch>,
    border: Option<Swatch>,
    focus_border: Option<Swatch>,
    success: Option<Swatch>,
    warning: Option<Swatch>,
    danger: Option<Swatch>,
    severity_low: Option<Swatch>,
    severity_medium: Option<Swatch>,
    severity_high: Option<Swatch>,
    severity_critical: Option<Swatch>,
    partners: Option<Vec<Swatch>>,
}

/// The tokens a theme file may hold, for messages and docs.
pub const TOKENS: [&str; 20] = [
    "name",
    "appearance",
    "monochrome",
    "background",
    "text",
    "heading",
    "muted",
    "accent",
    "selection",
    "selection_text",
    "border",
    "focus_border",
    "success",
    "warning",
    "danger",
    "severity_low",
    "severity_medium",
    "severity_high",
    "severity_critical",
    "partners",
];

/// A theme that cannot be used, with the place in it that is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct ThemeError {
    /// `path:line:col`, or just the path when no place in the text applies.
    pub location: String,
    pub message: String,
}

impl ThemeError {
    pub fn new(path: &Path, place: Option<(usize, usize)>, message: impl Into<String>) -> Self {
        let location = match place {
            Some((line, col)) => format!("{}:{line}:{col}", path.display()),
            None => path.display().to_string(),
        };
        ThemeError {
            location,
            message: message.into(),
        }
    }
}

/// Reads a theme from its text. `path` names it in errors; `fallback` supplies the tokens
/// the file leaves out; `default_name` is used when the file has no `name`.
pub fn parse(
    text: &str,
    path: &Path,
    default_name: &str,
    fallback: &Palette,
) -> Result<Palette, ThemeError> {
    build(text, path, default_name, Some(fallback))
}

/// Reads a theme that must give every token itself: the default theme, which is what
/// every other theme falls back to.
pub fn parse_complete(text: &str, path: &Path, default_name: &str) -> Result<Palette, ThemeError> {
    build(text, path, default_name, None)
}

fn build(
    text: &str,
    path: &Path,
    default_name: &str,
    fallback: Option<&Palette>,
) -> Result<Palette, ThemeError> {
    // Editors may put a byte-order mark in front; it carries no meaning.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ThemeError::new(
            path,
            None,
            "file is empty; a theme is `( name: \"…\", appearance: Dark, … )`",
        ));
    }
    // Implicit `Some`: a hand-written `text: (rgb: …)` should not need `Some(…)` around it.
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let file: ThemeFile = options
        .from_str(text)
        .map_err(|e| ron_error(path, text, &e))?;

    let missing = |token: &str| {
        ThemeError::new(
            path,
            None,
            format!("`{token}` is missing; the default theme must give every token"),
        )
    };
    let token = |given: Option<Swatch>, name: &str, get: fn(&Palette) -> Swatch| {
        given
            .or_else(|| fallback.map(get))
            .ok_or_else(|| missing(name))
    };

    let partners = match file.partners {
        Some(list) if list.is_empty() => {
            return Err(ThemeError::new(
                path,
                key_position(text, "partners"),
                "`partners` is empty; list at least one colour, or leave it out to use the default ones",
            ));
        }
        Some(list) if list.len() > MAX_PARTNER_COLOURS => {
            return Err(ThemeError::new(
                path,
                key_position(text, "partners"),
                format!(
                    "`partners` lists {} colours; a session has at most {MAX_PARTNER_COLOURS} partners",
                    list.len()
                ),
            ));
        }
        Some(list) => list,
        None => fallback
            .map(|f| f.partners.clone())
            .ok_or_else(|| missing("partners"))?,
    };
    let background = token(file.background, "background", |p| p.background)?;
    let appearance = file.appearance.unwrap_or_else(|| {
        // Without a word from the file, judge by the background itself: past mid-grey
        // (L* 50, relative luminance about 0.18) it is a light theme.
        if background.rgb.luminance() >= 0.18 {
            Appearance::Light
        } else {
            Appearance::Dark
        }
    });
    let name = file
        .name
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| default_name.to_string());
    // The name is printed on the status line and in `sameside themes`: a control
    // character there would move the cursor or recolour the terminal.
    if name.chars().any(char::is_control) {
        return Err(ThemeError::new(
            path,
            key_position(text, "name"),
            "the name has a control character (a line break, tab or escape); use plain text",
        ));
    }
    Ok(Palette {
        name,
        appearance,
        monochrome: file.monochrome.unwrap_or(false),
        background,
        text: token(file.text, "text", |p| p.text)?,
        heading: token(file.heading, "heading", |p| p.heading)?,
        muted: token(file.muted, "muted", |p| p.muted)?,
        accent: token(file.accent, "accent", |p| p.accent)?,
        selection: token(file.selection, "selection", |p| p.selection)?,
        selection_text: token(file.selection_text, "selection_text", |p| p.selection_text)?,
        border: token(file.border, "border", |p| p.border)?,
        focus_border: token(file.focus_border, "focus_border", |p| p.focus_border)?,
        success: token(file.success, "success", |p| p.success)?,
        warning: token(file.warning, "warning", |p| p.warning)?,
        danger: token(file.danger, "danger", |p| p.danger)?,
        severity_low: token(file.severity_low, "severity_low", |p| p.severity_low)?,
        severity_medium: token(file.severity_medium, "severity_medium", |p| {
            p.severity_medium
        })?,
        severity_high: token(file.severity_high, "severity_high", |p| p.severity_high)?,
        severity_critical: token(file.severity_critical, "severity_critical", |p| {
            p.severity_critical
        })?,
        partners,
    })
}

/// The largest theme file read. A real one is a few kilobytes; the cap keeps a stray
/// large file (or a link to a device) from stalling the start.
pub const MAX_THEME_BYTES: u64 = 64 * 1024;

/// Reads a theme file from disk. The name defaults to the file's stem. Only regular
/// files are read: a named pipe would block the start for ever, and a link to
/// `/dev/zero` would never end.
pub fn load(path: &Path, fallback: &Palette) -> Result<Palette, ThemeError> {
    use std::io::Read;
    let fail = |message: String| ThemeError::new(path, None, message);
    let meta = std::fs::metadata(path).map_err(|e| fail(e.to_string()))?;
    if !meta.is_file() {
        return Err(fail(
            "not a regular file; a theme is a text file".to_string(),
        ));
    }
    if meta.len() > MAX_THEME_BYTES {
        return Err(fail(format!(
            "{} bytes is too large for a theme (at most {MAX_THEME_BYTES})",
            meta.len()
        )));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_THEME_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| fail(e.to_string()))?;
    if bytes.len() as u64 > MAX_THEME_BYTES {
        return Err(fail(format!(
            "too large for a theme (more than {MAX_THEME_BYTES} bytes)"
        )));
    }
    let text = utf8_text(&bytes).map_err(|bad| {
        let message = if bad.cut_short {
            "the file ends early, in the middle of a character (truncated?)"
        } else {
            "not UTF-8 text; save the theme as UTF-8"
        };
        ThemeError::new(path, Some((bad.at.line, bad.at.col)), message)
    })?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    parse(text, path, &stem, fallback)
}

/// Turns a ron error into `path:line:col: message`, reworded where ron's own words would
/// send a hand-editor looking in the wrong place.
fn ron_error(path: &Path, text: &str, err: &ron::error::SpannedError) -> ThemeError {
    use ron::error::Error as E;
    let start = (err.span.start.line, err.span.start.col);
    let (place, message) = match &err.code {
        E::NoSuchStructField { found, outer, .. } => {
            let known: &[&str] = if outer.as_deref() == Some("colour") {
                &["rgb", "ansi"]
            } else {
                &TOKENS
            };
            let mut message = if known.len() == 2 {
                format!(
                    "unknown field `{found}` in a colour; a colour is `(rgb: \"#RRGGBB\", ansi: NAME)`"
                )
            } else {
                format!("unknown token `{found}`")
            };
            if let Some(near) = nearest(found, known) {
                message.push_str(&format!(" — did you mean `{near}`?"));
            } else if known.len() > 2 {
                message.push_str(&format!("; the tokens are {}", TOKENS.join(", ")));
            }
            // ron points just past the name it rejected; point at the name itself.
            (
                identifier_before(text, err.span.end, found).unwrap_or(start),
                message,
            )
        }
        E::NoSuchEnumVariant { found, outer, .. } if outer.as_deref() == Some("Ansi") => (
            start,
            format!(
                "`{found}` is not one of the 16 terminal colours; use {}",
                Ansi::NAMES.join(", ")
            ),
        ),
        E::NoSuchEnumVariant { found, outer, .. } if outer.as_deref() == Some("Appearance") => (
            start,
            format!("`{found}` is not an appearance; use Light or Dark"),
        ),
        E::MissingStructField { field, .. } => (
            start,
            format!(
                "this colour has no `{field}`; every colour needs both, as `(rgb: \"#RRGGBB\", ansi: NAME)`"
            ),
        ),
        E::DuplicateStructField { field, .. } => {
            (start, format!("`{field}` is given twice; keep one"))
        }
        E::Eof => (start, "file ends early (truncated?)".to_string()),
        E::ExpectedStringEnd => (
            start,
            "string is never closed; file ends early (truncated?)".to_string(),
        ),
        // A bad value inside a string (a colour that is not `#RRGGBB`): ron points past
        // the opening quote; point at the value as written, quote and all.
        other @ E::Message(_) => (before_quote(text, start), other.to_string()),
        // ron points at the blank before a value of the wrong kind (`rgb: 12`); point at
        // the value.
        other => (skip_blanks(text, start), other.to_string()),
    };
    // Whatever ron expected, an error at the very end means the end is missing: a
    // closing `)` or `]` left out, or a file cut off while saving.
    let message = if ends_early(err, text) && !message.contains("truncated") {
        format!("file ends early (truncated?): {message}")
    } else {
        message
    };
    ThemeError::new(path, Some(place), message)
}

/// `at` moved forward over blanks on its line, onto the next thing written.
fn skip_blanks(text: &str, at: (usize, usize)) -> (usize, usize) {
    let (line, col) = at;
    let Some(row) = text.lines().nth(line.saturating_sub(1)) else {
        return at;
    };
    let blanks = row
        .chars()
        .skip(col.saturating_sub(1))
        .take_while(|c| *c == ' ' || *c == '\t')
        .count();
    if row.chars().count() > col.saturating_sub(1) + blanks {
        (line, col + blanks)
    } else {
        at
    }
}

/// `at` moved onto the `"` just before it, if there is one.
fn before_quote(text: &str, at: (usize, usize)) -> (usize, usize) {
    let (line, col) = at;
    let quoted = text
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.chars().nth(col.saturating_sub(2)))
        == Some('"');
    if quoted && col > 1 {
        (line, col - 1)
    } else {
        at
    }
}

/// Where `name` starts when it ends at (or a few blanks before) `end`.
fn identifier_before(text: &str, end: ron::error::Position, name: &str) -> Option<(usize, usize)> {
    let line = text.lines().nth(end.line.checked_sub(1)?)?;
    let before: String = line.chars().take(end.col.saturating_sub(1)).collect();
    let trimmed = before.trim_end_matches([' ', '\t', ':']);
    let head = trimmed.strip_suffix(name)?;
    Some((end.line, head.chars().count() + 1))
}

/// Where `key:` is written as a field name, for errors about a value as a whole. What
/// is inside comments (`//`, `/* */`) and strings is skipped, and `key` must be a whole
/// word, so `// partners: []` or `name: "my partners: x"` is never taken for the field.
fn key_position(text: &str, key: &str) -> Option<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let key: Vec<char> = key.chars().collect();
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let (mut line, mut col) = (1, 1);
    let mut i = 0;
    // Moves past `n` characters (fewer at the end), keeping the line and column.
    let advance = |i: &mut usize, line: &mut usize, col: &mut usize, n: usize| {
        for _ in 0..n {
            if *i >= chars.len() {
                break;
            }
            if chars[*i] == '\n' {
                *line += 1;
                *col = 1;
            } else {
                *col += 1;
            }
            *i += 1;
        }
    };
    while i < chars.len() {
        let rest = &chars[i..];
        if rest.starts_with(&['/', '/']) {
            while i < chars.len() && chars[i] != '\n' {
                advance(&mut i, &mut line, &mut col, 1);
            }
        } else if rest.starts_with(&['/', '*']) {
            advance(&mut i, &mut line, &mut col, 2);
            while i < chars.len() && !chars[i..].starts_with(&['*', '/']) {
                advance(&mut i, &mut line, &mut col, 1);
            }
            advance(&mut i, &mut line, &mut col, 2);
        } else if chars[i] == '"' {
            advance(&mut i, &mut line, &mut col, 1);
            while i < chars.len() && chars[i] != '"' {
                let step = if chars[i] == '\\' { 2 } else { 1 };
                advance(&mut i, &mut line, &mut col, step);
            }
            advance(&mut i, &mut line, &mut col, 1);
        } else if rest.starts_with(&key)
            && (i == 0 || !is_ident(chars[i - 1]))
            && chars[i + key.len()..]
                .iter()
                .find(|c| !c.is_whitespace())
                .is_some_and(|c| *c == ':')
        {
            return Some((line, col));
        } else {
            advance(&mut i, &mut line, &mut col, 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::shipped;

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
        let palette =
            read("(name: \"x\", appearance: Light, text: (rgb: \"#102030\", ansi: Black))")
                .expect("parses");
        assert_eq!(palette.text.rgb, Rgb::new(0x10, 0x20, 0x30));
        assert_eq!(palette.text.ansi, Ansi::Black);
        assert_eq!(palette.appearance, Appearance::Light);
        assert_eq!(palette.name, "x");
    }

    #[test]
    fn unknown_token_is_pointed_at_with_a_suggestion() {
        let err = read("(\n  name: \"x\",\n    bakground: (rgb: \"#000000\", ansi: Black),\n)")
            .unwrap_err();
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
        let err = read("( /* partners: [] */\n  name: \"my partners: x\",\n  partners: [],\n)")
            .unwrap_err();
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
}

//! Reading a theme file: its text as written, every token optional, turned into a
//! complete [`Palette`] with the fallback's tokens where the file gives none.

use std::path::Path;

use ron::extensions::Extensions;
use serde::Deserialize;

use super::errors::{ThemeError, key_position, ron_error};
use super::{Appearance, MAX_PARTNER_COLOURS, Palette, Swatch};
use crate::storage::locate::utf8_text;

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

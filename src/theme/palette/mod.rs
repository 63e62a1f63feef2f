//! Theme files: what they hold, how they are read, and how a problem in one is reported.
//!
//! A theme file is RON: a name, whether it is light or dark, and named colour tokens.
//! Every token is optional and falls back to the default theme's; a token the format does
//! not know is an error, so a typo is reported instead of silently showing the fallback.
//! There is no format version: tokens only ever get added, and an older file stays valid
//! because missing tokens fall back. Should a token ever be renamed or change meaning, a
//! `format` field will be introduced then, its absence meaning this first format.
//!
//! - this file: what a complete theme holds;
//! - [`read`]: reading a theme file, from text or from disk, filling gaps from a fallback;
//! - [`errors`]: what is wrong with a file and where, in words a hand-editor can act on.

pub mod errors;
pub mod read;

pub use errors::ThemeError;
pub use read::{MAX_THEME_BYTES, TOKENS, load, parse, parse_complete};

use serde::Deserialize;

use super::colour::Rgb;

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

#[cfg(test)]
mod tests;

//! The themes that come with sameside, built into the binary so they work from any
//! directory and whatever is (or is not) installed next to it.

use std::path::Path;
use std::sync::OnceLock;

use super::palette::{Palette, ThemeError, parse, parse_complete};

/// The theme used when nothing else is asked for, and the one every other theme's
/// missing tokens come from.
pub const DEFAULT: &str = "projector";

/// The theme `NO_COLOR` selects.
pub const MONO: &str = "mono";

/// Name and text of each shipped theme, in the order they are listed and cycled.
pub const SHIPPED: [(&str, &str); 5] = [
    ("projector", include_str!("../../themes/projector.ron")),
    ("light", include_str!("../../themes/light.ron")),
    ("dark", include_str!("../../themes/dark.ron")),
    ("mono", include_str!("../../themes/mono.ron")),
    (
        "colour-blind-safe",
        include_str!("../../themes/colour-blind-safe.ron"),
    ),
];

/// Where a shipped theme lives in the source tree, for its error messages.
pub fn source_path(name: &str) -> String {
    format!("themes/{name}.ron")
}

/// The default theme. It must give every token itself; the test suite parses every
/// shipped theme, so a broken one never gets as far as a release.
pub fn projector() -> Palette {
    static PROJECTOR: OnceLock<Palette> = OnceLock::new();
    PROJECTOR
        .get_or_init(|| {
            parse_complete(SHIPPED[0].1, Path::new(&source_path(DEFAULT)), DEFAULT)
                .unwrap_or_else(|e| panic!("the shipped default theme is broken: {e}"))
        })
        .clone()
}

/// A shipped theme by name, read with the default theme as its fallback. Read once:
/// tests and screens ask for shipped themes often.
pub fn shipped(name: &str) -> Option<Result<Palette, ThemeError>> {
    static ALL: OnceLock<Vec<Result<Palette, ThemeError>>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let projector = projector();
        SHIPPED
            .iter()
            .map(|(name, text)| {
                if *name == DEFAULT {
                    Ok(projector.clone())
                } else {
                    parse(text, Path::new(&source_path(name)), name, &projector)
                }
            })
            .collect()
    });
    let at = SHIPPED.iter().position(|(n, _)| *n == name)?;
    all.get(at).cloned()
}

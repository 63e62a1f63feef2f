//! Themes as data: the theme file format, the shipped themes, the catalog of themes to
//! choose from, and the colour arithmetic that measures how legible a theme is.
//!
//! Knows nothing of the terminal or ratatui; `tui::theme` turns a [`Palette`] into
//! screen styles.

pub mod catalog;
pub mod colour;
pub mod measure;
pub mod palette;
pub mod shipped;

pub use catalog::{Catalog, Entry, Origin};
pub use colour::{Deficiency, Rgb};
pub use palette::{Ansi, Appearance, Palette, Swatch, ThemeError};

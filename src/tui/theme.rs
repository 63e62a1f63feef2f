//! Colours and text styles for the screens. Built for a projector first: strong contrast,
//! few colours, meaning never carried by colour alone (every coloured mark also has a
//! word or symbol), and `NO_COLOR` respected.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::Severity;
use crate::theme::colour::xterm_index;
use crate::theme::palette::load;
use crate::theme::shipped::{self, DEFAULT, MONO};
use crate::theme::{Ansi, Catalog, Palette, Swatch};

use super::editor::EditorStyle;

/// How many colours the terminal can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColourDepth {
    /// 24-bit colour: the theme's exact values.
    TrueColour,
    /// The xterm 256-colour palette: each value's nearest cube or grey colour.
    Ansi256,
    /// The 16 ANSI colours: each token's hand-picked fallback.
    Ansi16,
}

impl ColourDepth {
    /// What the terminal says it can do. `COLORTERM=truecolor` (or `24bit`) is the
    /// de facto way terminals announce 24-bit colour; a `TERM` ending in `-256color`
    /// announces the 256-colour palette; anything else gets the 16 colours every colour
    /// terminal has, which is never wrong, only plainer.
    pub fn detect(colorterm: Option<&str>, term: Option<&str>) -> ColourDepth {
        let colorterm = colorterm.unwrap_or("").trim().to_ascii_lowercase();
        if colorterm == "truecolor" || colorterm == "24bit" {
            ColourDepth::TrueColour
        } else if term.is_some_and(|t| t.trim().ends_with("-256color")) {
            ColourDepth::Ansi256
        } else {
            ColourDepth::Ansi16
        }
    }

    /// [`ColourDepth::detect`] on this process's `COLORTERM` and `TERM`.
    pub fn from_env() -> ColourDepth {
        let colorterm = std::env::var("COLORTERM").ok();
        let term = std::env::var("TERM").ok();
        ColourDepth::detect(colorterm.as_deref(), term.as_deref())
    }

    /// The `--colour` values: `truecolor` (or `truecolour`, `24bit`), `256`, `16`.
    pub fn parse(text: &str) -> Option<ColourDepth> {
        match text.trim().to_ascii_lowercase().as_str() {
            "truecolor" | "truecolour" | "24bit" | "24-bit" => Some(ColourDepth::TrueColour),
            "256" => Some(ColourDepth::Ansi256),
            "16" => Some(ColourDepth::Ansi16),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ColourDepth::TrueColour => "truecolor",
            ColourDepth::Ansi256 => "256",
            ColourDepth::Ansi16 => "16",
        }
    }

    /// A token's colour at this depth.
    pub fn colour(self, swatch: Swatch) -> Color {
        let rgb = swatch.rgb;
        match self {
            ColourDepth::TrueColour => Color::Rgb(rgb.r, rgb.g, rgb.b),
            ColourDepth::Ansi256 => Color::Indexed(xterm_index(rgb)),
            ColourDepth::Ansi16 => ansi(swatch.ansi),
        }
    }
}

fn ansi(colour: Ansi) -> Color {
    match colour {
        Ansi::Black => Color::Black,
        Ansi::Red => Color::Red,
        Ansi::Green => Color::Green,
        Ansi::Yellow => Color::Yellow,
        Ansi::Blue => Color::Blue,
        Ansi::Magenta => Color::Magenta,
        Ansi::Cyan => Color::Cyan,
        Ansi::Gray => Color::Gray,
        Ansi::DarkGray => Color::DarkGray,
        Ansi::LightRed => Color::LightRed,
        Ansi::LightGreen => Color::LightGreen,
        Ansi::LightYellow => Color::LightYellow,
        Ansi::LightBlue => Color::LightBlue,
        Ansi::LightMagenta => Color::LightMagenta,
        Ansi::LightCyan => Color::LightCyan,
        Ansi::White => Color::White,
    }
}

#[derive(Debug, Clone)]
pub struct Theme {
    /// The theme's name, as `--theme` and the theme listing know it.
    pub name: String,
    /// Text on the theme's background: what the whole frame is filled with first, so
    /// a light theme is light whatever the terminal's own background is. Empty for a
    /// monochrome theme, which keeps the terminal's colours.
    pub base: Style,
    pub text: Style,
    pub muted: Style,
    pub heading: Style,
    pub accent: Style,
    pub border: Style,
    pub focus_border: Style,
    /// The item under the cursor.
    pub selected: Style,
    pub good: Style,
    pub warn: Style,
    pub bad: Style,
    pub key: Style,
    /// One colour per partner, in partner order, so a partner is recognisable anywhere.
    pub partners: Vec<Style>,
    /// Low, medium, high and critical, in that order.
    pub severities: [Style; 4],
    pub colour: bool,
}

/// A shipped theme's palette; the default theme's should that one ever fail to read,
/// which the test suite rules out.
fn shipped_palette(name: &str) -> Palette {
    match shipped::shipped(name) {
        Some(Ok(palette)) => palette,
        _ => shipped::projector(),
    }
}

impl Theme {
    /// The shipped `dark` theme at truecolour.
    pub fn dark() -> Theme {
        Theme::from_palette(&shipped_palette("dark"), ColourDepth::TrueColour)
    }

    /// The shipped `mono` theme: no colour at all, emphasis through bold, reverse and
    /// underline only.
    pub fn monochrome() -> Theme {
        Theme::from_palette(&shipped_palette(MONO), ColourDepth::TrueColour)
    }

    /// Screen styles for a palette at a colour depth.
    pub fn from_palette(palette: &Palette, depth: ColourDepth) -> Theme {
        if palette.monochrome {
            return Theme::colourless(&palette.name);
        }
        let fg = |swatch: Swatch| Style::default().fg(depth.colour(swatch));
        let bold = Modifier::BOLD;
        Theme {
            name: palette.name.clone(),
            base: fg(palette.text).bg(depth.colour(palette.background)),
            text: fg(palette.text),
            muted: fg(palette.muted),
            heading: fg(palette.heading).add_modifier(bold),
            accent: fg(palette.accent).add_modifier(bold),
            border: fg(palette.border),
            focus_border: fg(palette.focus_border),
            selected: fg(palette.selection_text).bg(depth.colour(palette.selection)),
            good: fg(palette.success),
            warn: fg(palette.warning),
            bad: fg(palette.danger).add_modifier(bold),
            key: fg(palette.accent).add_modifier(bold),
            partners: palette
                .partners
                .iter()
                .map(|p| fg(*p).add_modifier(bold))
                .collect(),
            severities: [
                fg(palette.severity_low),
                fg(palette.severity_medium),
                fg(palette.severity_high).add_modifier(bold),
                fg(palette.severity_critical).add_modifier(bold),
            ],
            colour: true,
        }
    }

    /// Meaning through bold, reverse and underline alone. Muted text is plain rather
    /// than dim: projectors make dim text vanish.
    fn colourless(name: &str) -> Theme {
        let plain = Style::default();
        let bold = plain.add_modifier(Modifier::BOLD);
        let alarm = plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        Theme {
            name: name.to_string(),
            base: plain,
            text: plain,
            muted: plain,
            heading: bold,
            accent: bold,
            border: plain,
            focus_border: bold,
            selected: plain.add_modifier(Modifier::REVERSED),
            good: plain,
            warn: bold,
            bad: alarm,
            key: bold,
            partners: vec![bold],
            severities: [plain, bold, alarm, alarm],
            colour: false,
        }
    }

    /// The style of the partner at `index` in the session's partner list.
    pub fn partner(&self, index: usize) -> Style {
        if self.partners.is_empty() {
            return self.heading;
        }
        self.partners[index % self.partners.len()]
    }

    /// A text box in this theme. Among several boxes the focused one stands out in its
    /// border, cursor and title, so the room sees where typing goes.
    pub fn editor(&self, focused: bool) -> EditorStyle {
        EditorStyle {
            text: self.text,
            border: if focused {
                self.focus_border
            } else {
                self.border
            },
            cursor: if focused { self.selected } else { self.text },
            title: if focused { self.accent } else { self.muted },
        }
    }

    pub fn severity(&self, severity: Severity) -> Style {
        self.severities[match severity {
            Severity::Low => 0,
            Severity::Medium => 1,
            Severity::High => 2,
            Severity::Critical => 3,
        }]
    }
}

/// Whether a `NO_COLOR` value asks for no colour: set and not empty, per no-color.org.
pub fn no_color(value: Option<&std::ffi::OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

/// What the command line and the environment ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeChoice {
    /// `--theme NAME` or `--theme PATH`.
    pub requested: Option<String>,
    /// `NO_COLOR` is set and not empty.
    pub no_color: bool,
    pub depth: ColourDepth,
}

/// The usable themes, in catalog order, and which one is on screen.
#[derive(Debug, Clone)]
pub struct Themes {
    themes: Vec<Theme>,
    index: usize,
    notice: Option<String>,
}

impl Themes {
    /// Picks the theme to start with. An explicit `--theme` wins over `NO_COLOR` (as
    /// no-color.org asks: a command-line choice overrides it); otherwise `NO_COLOR`
    /// gives `mono`, and nothing at all gives `projector`. A theme that cannot be used
    /// never stops the app: it starts in `projector` with a notice saying why.
    pub fn select(choice: &ThemeChoice, catalog: &Catalog) -> Themes {
        let mut palettes: Vec<Palette> = catalog
            .entries
            .iter()
            .filter_map(|e| e.palette.as_ref().ok().cloned())
            .collect();
        let position =
            |palettes: &[Palette], name: &str| palettes.iter().position(|p| p.name == name);
        let requested = choice
            .requested
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty());
        let wanted: Result<usize, String> = match requested {
            Some(path) if looks_like_path(path) => {
                match load(std::path::Path::new(path), &shipped::projector()) {
                    Ok(palette) => {
                        // The file named on the command line takes the place of a theme
                        // of the same name, or goes first.
                        let at = position(&palettes, &palette.name);
                        match at {
                            Some(i) => {
                                palettes[i] = palette;
                                Ok(i)
                            }
                            None => {
                                palettes.insert(0, palette);
                                Ok(0)
                            }
                        }
                    }
                    Err(e) => Err(format!("Theme file {e}")),
                }
            }
            Some(name) => match catalog.find(name) {
                Some(entry) => match &entry.palette {
                    Ok(_) => position(&palettes, name).ok_or_else(|| format!("No theme `{name}`")),
                    Err(e) => Err(format!("Theme file {e}")),
                },
                None => Err(format!(
                    "No theme named `{name}`; there are {}",
                    catalog.names().join(", ")
                )),
            },
            None if choice.no_color => {
                // NO_COLOR means no colour, even if a user theme called `mono` has some.
                match position(&palettes, MONO) {
                    Some(i) if palettes[i].monochrome => Ok(i),
                    // A user theme called `mono` that has colour: the shipped one takes
                    // its place, so the cycle never holds two themes of one name.
                    Some(i) => {
                        palettes[i] = shipped_palette(MONO);
                        Ok(i)
                    }
                    None => {
                        palettes.insert(0, shipped_palette(MONO));
                        Ok(0)
                    }
                }
            }
            None => match catalog.find(DEFAULT).map(|e| &e.palette) {
                Some(Err(e)) => Err(format!("Theme file {e}")),
                _ => position(&palettes, DEFAULT).ok_or_else(|| format!("No theme `{DEFAULT}`")),
            },
        };
        let (index, notice) = match wanted {
            Ok(i) => (i, None),
            Err(why) => {
                let i = match position(&palettes, DEFAULT) {
                    Some(i) => i,
                    None => {
                        palettes.insert(0, shipped::projector());
                        0
                    }
                };
                (i, Some(format!("{why} — using {DEFAULT}")))
            }
        };
        Themes {
            themes: palettes
                .iter()
                .map(|p| Theme::from_palette(p, choice.depth))
                .collect(),
            index,
            notice,
        }
    }

    /// The theme on screen.
    pub fn current(&self) -> &Theme {
        &self.themes[self.index]
    }

    /// Moves to the next usable theme, after the last back to the first, and returns it.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> &Theme {
        self.index = (self.index + 1) % self.themes.len();
        self.current()
    }

    /// Just `theme`, with nothing to cycle to: for a caller that chose the theme itself.
    pub fn only(theme: Theme) -> Themes {
        Themes {
            themes: vec![theme],
            index: 0,
            notice: None,
        }
    }

    /// How many themes there are to cycle through.
    pub fn len(&self) -> usize {
        self.themes.len()
    }

    /// Never true: there is always at least the default theme.
    pub fn is_empty(&self) -> bool {
        self.themes.is_empty()
    }

    /// Where the current theme is in the cycle, counting from 1.
    pub fn position(&self) -> usize {
        self.index + 1
    }

    /// Why the theme on screen is not the one asked for, if it is not.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// The names of the usable themes, in cycling order.
    pub fn names(&self) -> Vec<&str> {
        self.themes.iter().map(|t| t.name.as_str()).collect()
    }
}

/// `--theme` names a file when it has a path separator or a `.ron` ending; otherwise it
/// is a theme's name.
fn looks_like_path(text: &str) -> bool {
    text.contains('/') || text.contains(std::path::MAIN_SEPARATOR) || text.ends_with(".ron")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::measure::{Need, pairs};

    fn choice(requested: Option<&str>, no_color: bool) -> ThemeChoice {
        ThemeChoice {
            requested: requested.map(str::to_string),
            no_color,
            depth: ColourDepth::TrueColour,
        }
    }

    #[test]
    fn depth_detection() {
        use ColourDepth::*;
        assert_eq!(
            ColourDepth::detect(Some("truecolor"), Some("xterm")),
            TrueColour
        );
        assert_eq!(ColourDepth::detect(Some("24bit"), None), TrueColour);
        assert_eq!(ColourDepth::detect(Some("TrueColor"), None), TrueColour);
        assert_eq!(ColourDepth::detect(None, Some("xterm-256color")), Ansi256);
        assert_eq!(
            ColourDepth::detect(Some("yes"), Some("screen-256color")),
            Ansi256
        );
        assert_eq!(ColourDepth::detect(None, Some("xterm")), Ansi16);
        assert_eq!(ColourDepth::detect(None, Some("linux")), Ansi16);
        assert_eq!(ColourDepth::detect(None, None), Ansi16);
        assert_eq!(ColourDepth::detect(Some(""), Some("256color")), Ansi16);
    }

    #[test]
    fn depth_flag_values() {
        for (text, depth) in [
            ("truecolor", ColourDepth::TrueColour),
            ("TrueColour", ColourDepth::TrueColour),
            ("24bit", ColourDepth::TrueColour),
            ("256", ColourDepth::Ansi256),
            ("16", ColourDepth::Ansi16),
        ] {
            assert_eq!(ColourDepth::parse(text), Some(depth), "{text}");
            assert_eq!(ColourDepth::parse(depth.label()), Some(depth));
        }
        assert_eq!(ColourDepth::parse("8"), None);
    }

    #[test]
    fn no_color_over_a_colourful_user_mono_keeps_one_mono_without_colour() {
        let dir = tempfile::tempdir().expect("a temp dir");
        std::fs::write(
            dir.path().join("mono.ron"),
            "(name: \"mono\", text: (rgb: \"#FFFF00\", ansi: Yellow))",
        )
        .expect("write");
        let catalog = Catalog::load(Some(dir.path()));
        let themes = Themes::select(&choice(None, true), &catalog);
        assert_eq!(themes.current().name, "mono");
        assert!(!themes.current().colour);
        let monos = themes.names().iter().filter(|n| **n == "mono").count();
        assert_eq!(monos, 1, "{:?}", themes.names());
    }

    #[test]
    fn no_color_needs_a_non_empty_value() {
        assert!(!no_color(None));
        assert!(!no_color(Some(std::ffi::OsStr::new(""))));
        assert!(no_color(Some(std::ffi::OsStr::new("1"))));
        assert!(no_color(Some(std::ffi::OsStr::new("0"))));
    }

    #[test]
    fn default_is_projector_and_no_color_is_mono() {
        let catalog = Catalog::shipped();
        let themes = Themes::select(&choice(None, false), &catalog);
        assert_eq!(themes.current().name, "projector");
        assert_eq!(themes.notice(), None);
        let themes = Themes::select(&choice(None, true), &catalog);
        assert_eq!(themes.current().name, "mono");
        assert!(!themes.current().colour);
    }

    #[test]
    fn an_explicit_theme_beats_no_color() {
        let themes = Themes::select(&choice(Some("light"), true), &Catalog::shipped());
        assert_eq!(themes.current().name, "light");
        assert!(themes.current().colour);
    }

    #[test]
    fn an_unknown_name_falls_back_and_lists_the_names() {
        let themes = Themes::select(&choice(Some("neon"), false), &Catalog::shipped());
        assert_eq!(themes.current().name, "projector");
        let notice = themes.notice().unwrap_or_default();
        assert!(notice.contains("`neon`"), "{notice}");
        assert!(
            notice.contains("projector, light, dark, mono, colour-blind-safe"),
            "{notice}"
        );
        assert!(notice.ends_with("— using projector"), "{notice}");
    }

    #[test]
    fn a_missing_file_falls_back_with_its_path() {
        let themes = Themes::select(&choice(Some("/no/such/x.ron"), false), &Catalog::shipped());
        assert_eq!(themes.current().name, "projector");
        let notice = themes.notice().unwrap_or_default();
        assert!(
            notice.starts_with("Theme file /no/such/x.ron: "),
            "{notice}"
        );
    }

    #[test]
    fn next_cycles_through_every_usable_theme() {
        let mut themes = Themes::select(&choice(Some("dark"), false), &Catalog::shipped());
        assert_eq!(themes.current().name, "dark");
        let seen: Vec<String> = (0..5).map(|_| themes.next().name.clone()).collect();
        assert_eq!(
            seen,
            ["mono", "colour-blind-safe", "projector", "light", "dark"]
        );
    }

    #[test]
    fn depth_decides_the_kind_of_colour() {
        let palette = shipped::projector();
        let text = palette.text;
        let at = |depth| Theme::from_palette(&palette, depth).text.fg;
        assert_eq!(
            at(ColourDepth::TrueColour),
            Some(Color::Rgb(text.rgb.r, text.rgb.g, text.rgb.b))
        );
        assert_eq!(
            at(ColourDepth::Ansi256),
            Some(Color::Indexed(xterm_index(text.rgb)))
        );
        assert_eq!(at(ColourDepth::Ansi16), Some(Color::White));
        let base = Theme::from_palette(&palette, ColourDepth::Ansi16).base;
        assert_eq!(base.bg, Some(Color::Black));
    }

    #[test]
    fn mono_carries_meaning_without_colour() {
        let mono = Theme::monochrome();
        assert_eq!(mono.name, "mono");
        assert_eq!(mono.base, Style::default());
        assert!(mono.heading.add_modifier.contains(Modifier::BOLD));
        assert!(mono.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(
            mono.bad
                .add_modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED)
        );
        assert_eq!(
            mono.muted,
            Style::default(),
            "dim fades away on a projector"
        );
        assert_eq!(
            mono.severity(Severity::Critical),
            mono.bad,
            "critical is as loud as danger"
        );
        for style in [
            mono.text,
            mono.heading,
            mono.selected,
            mono.bad,
            mono.partner(3),
        ] {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
    }

    #[test]
    fn severities_follow_the_palette() {
        let palette = shipped_palette("dark");
        let dark = Theme::dark();
        let rgb = |s: Swatch| Some(Color::Rgb(s.rgb.r, s.rgb.g, s.rgb.b));
        assert_eq!(dark.severity(Severity::Low).fg, rgb(palette.severity_low));
        assert_eq!(
            dark.severity(Severity::Critical).fg,
            rgb(palette.severity_critical)
        );
        assert_eq!(dark.partner(9).fg, rgb(palette.partners[1]));
        assert!(pairs(&palette).iter().any(|p| p.need == Need::Muted));
    }
}

//! Legibility, measured: every text colour a theme puts on its background, the minimum
//! it must reach, and how far apart its partner colours are, in truecolour and as a
//! 256-colour terminal shows them. Tests, the `themes` listing and the docs all read
//! their figures from here, so they cannot disagree.

use super::colour::{Deficiency, Rgb, contrast, distance, quantise, simulate};
use super::palette::{Palette, Swatch};

/// What a colour pair carries, which decides the contrast it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Body text and anything read as words: WCAG AAA, 7:1. The wall is far away and
    /// the projector washes colours out, so the enhanced level, not the 4.5:1 minimum.
    Text,
    /// Secondary text (hints, separators): WCAG AA, 4.5:1.
    Muted,
    /// Lines and frames, not read: WCAG 2.1 non-text contrast, 3:1.
    NonText,
}

impl Need {
    pub fn minimum(self) -> f64 {
        match self {
            Need::Text => 7.0,
            Need::Muted => 4.5,
            Need::NonText => 3.0,
        }
    }
}

/// The least CIEDE2000 difference between any two colours that must be told apart:
/// partners, and the status and severity colours among themselves.
///
/// About 2.3 is a just-noticeable difference for large patches side by side. Names on a
/// wall are thin glyphs seen from metres away through a projector that lowers saturation,
/// and a partner's colour has to be recognised alone, not compared with its neighbour, so
/// we ask for about five times that. It is also what eight colours can reach while every
/// one of them keeps 7:1 on the background (which confines them to a third of the
/// lightness range), even for a dichromat.
pub const MIN_DISTANCE: f64 = 12.0;

/// One foreground on one background.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub what: String,
    pub fg: Rgb,
    pub bg: Rgb,
    pub need: Need,
}

impl Pair {
    /// The contrast ratio in truecolour.
    pub fn ratio(&self) -> f64 {
        contrast(self.fg, self.bg)
    }

    /// The contrast ratio once both colours went to their nearest xterm-256 colour.
    pub fn ratio_256(&self) -> f64 {
        contrast(quantise(self.fg), quantise(self.bg))
    }

    pub fn passes(&self) -> bool {
        let least = self.need.minimum();
        self.ratio() >= least && self.ratio_256() >= least
    }
}

/// Every pair the screens draw with this palette. Empty for a monochrome theme, which
/// draws in the terminal's own colours.
pub fn pairs(palette: &Palette) -> Vec<Pair> {
    if palette.monochrome {
        return Vec::new();
    }
    let bg = palette.background.rgb;
    let on_bg = |what: &str, s: Swatch, need: Need| Pair {
        what: what.to_string(),
        fg: s.rgb,
        bg,
        need,
    };
    let mut pairs = vec![
        on_bg("text", palette.text, Need::Text),
        on_bg("heading", palette.heading, Need::Text),
        on_bg("accent and keys", palette.accent, Need::Text),
        on_bg("success", palette.success, Need::Text),
        on_bg("warning", palette.warning, Need::Text),
        on_bg("danger", palette.danger, Need::Text),
        on_bg("severity low", palette.severity_low, Need::Text),
        on_bg("severity medium", palette.severity_medium, Need::Text),
        on_bg("severity high", palette.severity_high, Need::Text),
        on_bg("severity critical", palette.severity_critical, Need::Text),
    ];
    for (i, partner) in palette.partners.iter().enumerate() {
        pairs.push(on_bg(&format!("partner {}", i + 1), *partner, Need::Text));
    }
    pairs.push(Pair {
        what: "selection text on selection".to_string(),
        fg: palette.selection_text.rgb,
        bg: palette.selection.rgb,
        need: Need::Text,
    });
    pairs.push(on_bg("muted text", palette.muted, Need::Muted));
    pairs.push(on_bg("border", palette.border, Need::NonText));
    pairs.push(on_bg("focus border", palette.focus_border, Need::NonText));
    pairs
}

/// The lowest contrast among the pairs with this need, truecolour or 256 colours,
/// whichever is worse. `None` when there is none (a monochrome theme).
pub fn lowest(palette: &Palette, need: Need) -> Option<f64> {
    pairs(palette)
        .iter()
        .filter(|p| p.need == need)
        .map(|p| p.ratio().min(p.ratio_256()))
        .min_by(f64::total_cmp)
}

/// How colours are seen for a measurement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewing {
    /// `None` for typical colour vision.
    pub deficiency: Option<Deficiency>,
    /// Measured after going to the nearest xterm-256 colour.
    pub ansi256: bool,
}

impl Viewing {
    pub const TRUECOLOUR: Viewing = Viewing {
        deficiency: None,
        ansi256: false,
    };

    fn see(self, colour: Rgb) -> Rgb {
        let shown = if self.ansi256 {
            quantise(colour)
        } else {
            colour
        };
        self.deficiency.map_or(shown, |d| simulate(shown, d))
    }
}

/// The closest two colours of a set, as seen: their indices and CIEDE2000 distance.
pub fn closest(colours: &[Rgb], viewing: Viewing) -> Option<(usize, usize, f64)> {
    let seen: Vec<Rgb> = colours.iter().map(|c| viewing.see(*c)).collect();
    let mut best: Option<(usize, usize, f64)> = None;
    for i in 0..seen.len() {
        for j in i + 1..seen.len() {
            let d = distance(seen[i], seen[j]);
            if best.is_none_or(|(_, _, b)| d < b) {
                best = Some((i, j, d));
            }
        }
    }
    best
}

/// The sets of colours in a palette that must be told apart from one another.
pub fn distinct_sets(palette: &Palette) -> Vec<(&'static str, Vec<Rgb>)> {
    if palette.monochrome {
        return Vec::new();
    }
    vec![
        ("partners", palette.partners.iter().map(|s| s.rgb).collect()),
        (
            "success, warning, danger",
            vec![palette.success.rgb, palette.warning.rgb, palette.danger.rgb],
        ),
        (
            "severities",
            vec![
                palette.severity_low.rgb,
                palette.severity_medium.rgb,
                palette.severity_high.rgb,
                palette.severity_critical.rgb,
            ],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::shipped;

    #[test]
    fn monochrome_has_nothing_to_measure() {
        let mut palette = shipped::projector();
        palette.monochrome = true;
        assert!(pairs(&palette).is_empty());
        assert_eq!(lowest(&palette, Need::Text), None);
        assert!(distinct_sets(&palette).is_empty());
    }

    #[test]
    fn a_failing_pair_fails() {
        let pair = Pair {
            what: "grey".into(),
            fg: Rgb::new(0x77, 0x77, 0x77),
            bg: Rgb::new(0xFF, 0xFF, 0xFF),
            need: Need::Muted,
        };
        assert!(!pair.passes());
        let pair = Pair {
            need: Need::NonText,
            ..pair
        };
        assert!(pair.passes());
    }

    #[test]
    fn closest_finds_the_nearest_two() {
        let colours = [
            Rgb::new(255, 0, 0),
            Rgb::new(0, 0, 255),
            Rgb::new(250, 5, 0),
        ];
        let (i, j, d) = closest(&colours, Viewing::TRUECOLOUR).expect("three colours");
        assert_eq!((i, j), (0, 2));
        assert!(d < 3.0, "{d}");
        assert_eq!(closest(&colours[..1], Viewing::TRUECOLOUR), None);
    }
}

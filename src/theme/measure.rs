//! Legibility, measured: every text colour a theme puts on its background, the minimum
//! it must reach, and how far apart its partner colours are, in truecolour and as a
//! 256-colour terminal shows them; and a sanity floor for the hand-picked 16-colour
//! fallbacks, measured on xterm's default sixteen colours. Tests, the `themes` listing
//! and the docs all read their figures from here, so they cannot disagree.

use super::colour::{Deficiency, Rgb, XTERM_16, contrast, distance, quantise, simulate};
use super::palette::{Ansi, Palette, Swatch};

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

    /// The floor at 16 colours, on xterm's default colours. Lower than [`Need::minimum`]
    /// on purpose: the shades are the terminal's, so no figure here is a promise about the
    /// room, and sixteen colours leave too little choice for 7:1 everywhere (on white only
    /// black, red, blue and magenta reach even 4.5:1). What it does guarantee is that no
    /// fallback is an outright mistake on a stock terminal.
    pub fn floor_16(self) -> f64 {
        match self {
            // WCAG AA for body text.
            Need::Text => 4.5,
            // WCAG AA for large text: hints may be harder to read than words that matter,
            // and on white the only grey, DarkGray, reaches just under 4:1.
            Need::Muted => 3.0,
            // Already WCAG's non-text minimum; there is no lower level to fall back to,
            // and DarkGray reaches it on both black and white.
            Need::NonText => 3.0,
        }
    }
}

/// The sixteen ANSI colours in index order (0–15), so that a fallback can be looked up
/// in [`XTERM_16`] without relying on how [`Ansi`] happens to be declared.
pub const ANSI: [Ansi; 16] = [
    Ansi::Black,
    Ansi::Red,
    Ansi::Green,
    Ansi::Yellow,
    Ansi::Blue,
    Ansi::Magenta,
    Ansi::Cyan,
    Ansi::Gray,
    Ansi::DarkGray,
    Ansi::LightRed,
    Ansi::LightGreen,
    Ansi::LightYellow,
    Ansi::LightBlue,
    Ansi::LightMagenta,
    Ansi::LightCyan,
    Ansi::White,
];

/// A 16-colour fallback as xterm shows it by default.
pub fn reference(ansi: Ansi) -> Rgb {
    let index = ANSI.iter().position(|a| *a == ansi).unwrap_or(0);
    XTERM_16[index]
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
    /// The hand-picked 16-colour fallbacks of `fg` and `bg`.
    pub fg_ansi: Ansi,
    pub bg_ansi: Ansi,
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

    /// The contrast ratio of the two 16-colour fallbacks, in xterm's default colours.
    pub fn ratio_16(&self) -> f64 {
        contrast(reference(self.fg_ansi), reference(self.bg_ansi))
    }

    pub fn passes_16(&self) -> bool {
        self.ratio_16() >= self.need.floor_16()
    }
}

/// What [`pairs`] calls the one pair that is not drawn on the background.
pub const SELECTION_PAIR: &str = "selection text on selection";

/// Every pair the screens draw with this palette. Empty for a monochrome theme, which
/// draws in the terminal's own colours.
pub fn pairs(palette: &Palette) -> Vec<Pair> {
    if palette.monochrome {
        return Vec::new();
    }
    let bg = palette.background;
    let on_bg = |what: &str, s: Swatch, need: Need| Pair {
        what: what.to_string(),
        fg: s.rgb,
        bg: bg.rgb,
        fg_ansi: s.ansi,
        bg_ansi: bg.ansi,
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
        what: SELECTION_PAIR.to_string(),
        fg: palette.selection_text.rgb,
        bg: palette.selection.rgb,
        fg_ansi: palette.selection_text.ansi,
        bg_ansi: palette.selection.ansi,
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
    swatch_sets(palette)
        .into_iter()
        .map(|(set, members)| (set, members.iter().map(|(_, s)| s.rgb).collect()))
        .collect()
}

/// The same sets as [`distinct_sets`], with a label for each member.
fn swatch_sets(palette: &Palette) -> Vec<(&'static str, Vec<(String, Swatch)>)> {
    if palette.monochrome {
        return Vec::new();
    }
    let named = |list: &[(&str, Swatch)]| -> Vec<(String, Swatch)> {
        list.iter().map(|(n, s)| ((*n).to_string(), *s)).collect()
    };
    vec![
        (
            "partners",
            palette
                .partners
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("partner {}", i + 1), *s))
                .collect(),
        ),
        (
            "success, warning, danger",
            named(&[
                ("success", palette.success),
                ("warning", palette.warning),
                ("danger", palette.danger),
            ]),
        ),
        (
            "severities",
            named(&[
                ("severity low", palette.severity_low),
                ("severity medium", palette.severity_medium),
                ("severity high", palette.severity_high),
                ("severity critical", palette.severity_critical),
            ]),
        ),
    ]
}

/// The tokens whose 16-colour fallbacks a status, severity or partner colour must not
/// share: on the background it would vanish, in the text or heading colour it would not
/// be marked at all, and in the muted colour it would read as a hint.
fn reserved_16(palette: &Palette) -> [(&'static str, Ansi); 4] {
    [
        ("background", palette.background.ansi),
        ("text", palette.text.ansi),
        ("heading", palette.heading.ansi),
        ("muted", palette.muted.ansi),
    ]
}

/// The ANSI colours a status, severity or partner colour may use at 16 colours: those
/// reaching the text floor on the background's fallback (in xterm's colours) that are
/// not one of the [`reserved_16`] ones. In index order.
pub fn usable_16(palette: &Palette) -> Vec<Ansi> {
    let bg = reference(palette.background.ansi);
    let reserved = reserved_16(palette);
    ANSI.into_iter()
        .filter(|a| contrast(reference(*a), bg) >= Need::Text.floor_16())
        .filter(|a| reserved.iter().all(|(_, r)| r != a))
        .collect()
}

/// How many members of a set, counted from the first, must have fallbacks different
/// from each other: all of them while there are enough usable colours, otherwise as many
/// as there are usable colours. The first members are the ones that matter (a session
/// with two partners uses partners 1 and 2), and every usable colour is then used before
/// any is used twice.
pub fn must_differ_16(members: usize, usable: usize) -> usize {
    members.min(usable)
}

/// The 16-colour fallbacks of each of [`distinct_sets`], in the same order.
pub fn distinct_sets_16(palette: &Palette) -> Vec<(&'static str, Vec<Ansi>)> {
    swatch_sets(palette)
        .into_iter()
        .map(|(set, members)| (set, members.iter().map(|(_, s)| s.ansi).collect()))
        .collect()
}

/// Everything wrong with a palette's 16-colour fallbacks, measured on xterm's default
/// colours, one sentence each; empty when they pass. The rules:
///
/// - every pair reaches its [`Need::floor_16`];
/// - no token drawn on the background, nor the selection, has the background's fallback;
/// - every status, severity and partner fallback is one of [`usable_16`];
/// - within each of those sets, the first [`must_differ_16`] members differ.
///
/// Nothing for a monochrome theme, which draws in the terminal's own colours.
pub fn problems_16(palette: &Palette) -> Vec<String> {
    if palette.monochrome {
        return Vec::new();
    }
    let mut problems = Vec::new();
    let bg = palette.background.ansi;
    for pair in pairs(palette) {
        let on_background = pair.what != SELECTION_PAIR;
        if on_background && pair.fg_ansi == bg {
            problems.push(format!("{} is {bg:?}, the background's colour", pair.what));
        } else if !pair.passes_16() {
            problems.push(format!(
                "{}: {:?} on {:?} is {:.2}:1, needs {:.1}:1",
                pair.what,
                pair.fg_ansi,
                pair.bg_ansi,
                pair.ratio_16(),
                pair.need.floor_16()
            ));
        }
    }
    if palette.selection.ansi == bg {
        problems.push(format!(
            "selection is {bg:?}, the background's colour, so the cursor row does not show"
        ));
    }

    let usable = usable_16(palette);
    let reserved = reserved_16(palette);
    for (set, members) in swatch_sets(palette) {
        for (label, swatch) in &members {
            // A fallback on the background or below the floor is reported above already.
            if let Some((token, _)) = reserved[1..].iter().find(|(_, r)| *r == swatch.ansi) {
                problems.push(format!("{label} is {:?}, the same as {token}", swatch.ansi));
            }
        }
        let first = must_differ_16(members.len(), usable.len());
        for i in 0..first {
            for j in i + 1..first {
                let (a, b) = (&members[i], &members[j]);
                if a.1.ansi == b.1.ansi {
                    // Unused among the members that must differ: those are the ones to
                    // choose from to fix it.
                    let used: Vec<Ansi> = members[..first].iter().map(|(_, s)| s.ansi).collect();
                    let unused: Vec<String> = usable
                        .iter()
                        .filter(|u| !used.contains(u))
                        .map(|u| format!("{u:?}"))
                        .collect();
                    problems.push(format!(
                        "{set}: {} and {} are both {:?}, while {} usable colours let the first {first} differ (unused: {})",
                        a.0,
                        b.0,
                        a.1.ansi,
                        usable.len(),
                        if unused.is_empty() {
                            "none".to_string()
                        } else {
                            unused.join(", ")
                        }
                    ));
                }
            }
        }
    }
    problems
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
        assert!(problems_16(&palette).is_empty());
    }

    #[test]
    fn reference_colours_follow_the_ansi_indices() {
        // ratatui's Gray is ANSI 7, DarkGray 8, White 15: easy to get backwards.
        assert_eq!(reference(Ansi::Black), Rgb::new(0, 0, 0));
        assert_eq!(reference(Ansi::Gray), Rgb::new(0xE5, 0xE5, 0xE5));
        assert_eq!(reference(Ansi::DarkGray), Rgb::new(0x7F, 0x7F, 0x7F));
        assert_eq!(reference(Ansi::LightBlue), Rgb::new(0x5C, 0x5C, 0xFF));
        assert_eq!(reference(Ansi::White), Rgb::new(0xFF, 0xFF, 0xFF));
    }

    fn swatch(ansi: Ansi) -> Swatch {
        Swatch {
            rgb: reference(ansi),
            ansi,
        }
    }

    /// Black on white, with the only fallbacks white leaves for colours.
    fn on_white() -> Palette {
        let mut p = shipped::projector();
        p.background = swatch(Ansi::White);
        p.text = swatch(Ansi::Black);
        p.heading = swatch(Ansi::Black);
        p.selection_text = swatch(Ansi::White);
        p.muted = swatch(Ansi::DarkGray);
        for s in [&mut p.accent, &mut p.selection, &mut p.focus_border] {
            *s = swatch(Ansi::Blue);
        }
        p.border = swatch(Ansi::DarkGray);
        p.success = swatch(Ansi::Blue);
        p.warning = swatch(Ansi::Magenta);
        p.danger = swatch(Ansi::Red);
        p.severity_low = swatch(Ansi::LightBlue);
        p.severity_medium = swatch(Ansi::Blue);
        p.severity_high = swatch(Ansi::Magenta);
        p.severity_critical = swatch(Ansi::Red);
        use Ansi::{Blue, LightBlue, Magenta, Red};
        p.partners = [Blue, Red, LightBlue, Magenta, LightBlue, Red, Magenta, Blue]
            .map(swatch)
            .to_vec();
        p
    }

    #[test]
    fn white_leaves_four_usable_colours_and_partners_share_them_in_turn() {
        let p = on_white();
        use Ansi::{Blue, LightBlue, Magenta, Red};
        assert_eq!(usable_16(&p), [Red, Blue, Magenta, LightBlue]);
        assert_eq!(problems_16(&p), Vec::<String>::new());
        // Sharing before every usable colour is used is caught, even late in the list.
        let mut early = p.clone();
        early.partners[3] = swatch(Red);
        let problems = problems_16(&early);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("partner 2 and partner 4 are both Red")
                && problems[0].contains("unused: Magenta"),
            "{problems:?}"
        );
    }

    #[test]
    fn each_16_colour_rule_can_fail() {
        let mut p = on_white();
        p.success = swatch(Ansi::Green);
        p.severity_critical = swatch(Ansi::Black);
        p.muted = swatch(Ansi::Gray);
        p.selection = swatch(Ansi::White);
        p.selection_text = swatch(Ansi::Black);
        let problems = problems_16(&p).join("\n");
        for expected in [
            "success: Green on White is 2.16:1",
            "severity critical is Black, the same as text",
            "muted text: Gray on White",
            "selection is White, the background's colour",
        ] {
            assert!(problems.contains(expected), "{expected}:\n{problems}");
        }
        // Below the floor by a hair still fails: LightBlue on black is 4.43:1.
        let mut dark = shipped::projector();
        dark.background = swatch(Ansi::Black);
        dark.partners[0] = swatch(Ansi::LightBlue);
        let problems = problems_16(&dark).join("\n");
        assert!(
            problems.contains("partner 1: LightBlue on Black is 4.43:1, needs 4.5:1"),
            "{problems}"
        );
    }

    #[test]
    fn the_first_members_differ_as_far_as_colours_allow() {
        assert_eq!(must_differ_16(8, 9), 8);
        assert_eq!(must_differ_16(8, 4), 4);
        assert_eq!(must_differ_16(3, 4), 3);
        assert_eq!(must_differ_16(2, 0), 0);
    }

    #[test]
    fn a_failing_pair_fails() {
        let pair = Pair {
            what: "grey".into(),
            fg: Rgb::new(0x77, 0x77, 0x77),
            bg: Rgb::new(0xFF, 0xFF, 0xFF),
            fg_ansi: Ansi::DarkGray,
            bg_ansi: Ansi::White,
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

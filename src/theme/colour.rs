//! Colour arithmetic for measuring legibility: WCAG contrast, perceptual distance in
//! CIELAB (CIEDE2000), simulated red-green colour blindness, and the xterm 256-colour
//! palette that terminals without truecolour fall back to.
//!
//! All of it works on 8-bit sRGB, the only kind of colour a terminal is given.

use std::fmt;

use serde::Deserialize;

/// An 8-bit sRGB colour, written `"#RRGGBB"` in theme files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Rgb {
    pub const fn new(r: u8, g: u8, b: u8) -> Rgb {
        Rgb { r, g, b }
    }

    /// Reads `#RRGGBB` (either case). Shorthand `#RGB` is refused on purpose: a typo that
    /// drops three digits should not quietly become a different colour.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb::new(channel(0)?, channel(2)?, channel(4)?))
    }

    /// The three channels as linear-light values in 0..=1.
    pub fn linear(self) -> [f64; 3] {
        [self.r, self.g, self.b].map(|c| to_linear(f64::from(c) / 255.0))
    }

    /// Back from linear light, clamping what falls outside the sRGB gamut.
    pub fn from_linear(rgb: [f64; 3]) -> Rgb {
        let [r, g, b] = rgb.map(|v| {
            let encoded = from_linear(v.clamp(0.0, 1.0));
            // In range after the clamp, so the cast cannot truncate.
            (encoded * 255.0).round() as u8
        });
        Rgb::new(r, g, b)
    }

    /// WCAG 2.x relative luminance: 0 for black, 1 for white.
    pub fn luminance(self) -> f64 {
        let [r, g, b] = self.linear();
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    /// CIELAB under D65, the space CIEDE2000 is defined in.
    pub fn lab(self) -> Lab {
        let [r, g, b] = self.linear();
        // sRGB (D65) to CIE XYZ, as in IEC 61966-2-1.
        let x = 0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b;
        let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175_0 * b;
        let z = 0.019_333_9 * r + 0.119_192_0 * g + 0.950_304_1 * b;
        let f = |t: f64| {
            const D: f64 = 6.0 / 29.0;
            if t > D * D * D {
                t.cbrt()
            } else {
                t / (3.0 * D * D) + 4.0 / 29.0
            }
        };
        let (fx, fy, fz) = (f(x / 0.950_47), f(y), f(z / 1.088_83));
        Lab {
            l: 116.0 * fy - 16.0,
            a: 500.0 * (fx - fy),
            b: 200.0 * (fy - fz),
        }
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Rgb, D::Error> {
        let text = String::deserialize(deserializer)?;
        Rgb::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not a colour; write six hex digits as \"#RRGGBB\", e.g. \"#1C1C1C\""
            ))
        })
    }
}

/// The sRGB transfer function, inverted. IEC 61966-2-1's threshold (0.04045) rather than
/// the 0.03928 of older WCAG text: the two differ only below 1/255 and WCAG 2.2 notes the
/// correction.
fn to_linear(c: f64) -> f64 {
    if c <= 0.040_45 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn from_linear(v: f64) -> f64 {
    if v <= 0.003_130_8 {
        v * 12.92
    } else {
        1.055 * v.powf(1.0 / 2.4) - 0.055
    }
}

/// WCAG contrast ratio between two colours, from 1 (same) to 21 (black on white).
/// Symmetric: which one is the text does not matter.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la >= lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// A colour in CIELAB (D65).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lab {
    pub l: f64,
    pub a: f64,
    pub b: f64,
}

/// How different two colours look: CIEDE2000 (Sharma, Wu & Dalal 2005 formulation, with
/// kL = kC = kH = 1). About 2.3 is a just-noticeable difference side by side.
///
/// CIEDE2000 rather than the plain Euclidean CIE76: CIE76 overstates differences between
/// saturated colours and between blues, which are exactly the bright partner colours a
/// dark projector theme is made of, so it would pass pairs that look alike on the wall.
pub fn ciede2000(x: Lab, y: Lab) -> f64 {
    let c1 = x.a.hypot(x.b);
    let c2 = y.a.hypot(y.b);
    let c_mean = (c1 + c2) / 2.0;
    let c7 = c_mean.powi(7);
    let g = 0.5 * (1.0 - (c7 / (c7 + 25f64.powi(7))).sqrt());
    let a1 = (1.0 + g) * x.a;
    let a2 = (1.0 + g) * y.a;
    let c1p = a1.hypot(x.b);
    let c2p = a2.hypot(y.b);
    let hue = |b: f64, a: f64| {
        if a == 0.0 && b == 0.0 {
            0.0
        } else {
            b.atan2(a).to_degrees().rem_euclid(360.0)
        }
    };
    let h1 = hue(x.b, a1);
    let h2 = hue(y.b, a2);

    let dl = y.l - x.l;
    let dc = c2p - c1p;
    let chroma_product = c1p * c2p;
    let dh = if chroma_product == 0.0 {
        0.0
    } else {
        let d = h2 - h1;
        if d > 180.0 {
            d - 360.0
        } else if d < -180.0 {
            d + 360.0
        } else {
            d
        }
    };
    let dh_big = 2.0 * chroma_product.sqrt() * (dh / 2.0).to_radians().sin();

    let l_mean = (x.l + y.l) / 2.0;
    let cp_mean = (c1p + c2p) / 2.0;
    let h_mean = if chroma_product == 0.0 {
        h1 + h2
    } else if (h1 - h2).abs() <= 180.0 {
        (h1 + h2) / 2.0
    } else if h1 + h2 < 360.0 {
        (h1 + h2 + 360.0) / 2.0
    } else {
        (h1 + h2 - 360.0) / 2.0
    };
    let cos = |deg: f64| deg.to_radians().cos();
    let t =
        1.0 - 0.17 * cos(h_mean - 30.0) + 0.24 * cos(2.0 * h_mean) + 0.32 * cos(3.0 * h_mean + 6.0)
            - 0.20 * cos(4.0 * h_mean - 63.0);
    let d_theta = 30.0 * (-((h_mean - 275.0) / 25.0).powi(2)).exp();
    let cp7 = cp_mean.powi(7);
    let r_c = 2.0 * (cp7 / (cp7 + 25f64.powi(7))).sqrt();
    let l50 = (l_mean - 50.0).powi(2);
    let s_l = 1.0 + 0.015 * l50 / (20.0 + l50).sqrt();
    let s_c = 1.0 + 0.045 * cp_mean;
    let s_h = 1.0 + 0.015 * cp_mean * t;
    let r_t = -(2.0 * d_theta).to_radians().sin() * r_c;
    let (tl, tc, th) = (dl / s_l, dc / s_c, dh_big / s_h);
    (tl * tl + tc * tc + th * th + r_t * tc * th).sqrt()
}

/// CIEDE2000 between two sRGB colours.
pub fn distance(a: Rgb, b: Rgb) -> f64 {
    ciede2000(a.lab(), b.lab())
}

/// The two common red-green colour vision deficiencies, at full severity (dichromacy),
/// which is the hardest case: about 1 man in 50 (mostly deuteranopia or protanopia) has
/// one of them, and most anomalous trichromats see more than this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deficiency {
    Deuteranopia,
    Protanopia,
}

impl Deficiency {
    pub const ALL: [Deficiency; 2] = [Deficiency::Deuteranopia, Deficiency::Protanopia];

    pub fn label(self) -> &'static str {
        match self {
            Deficiency::Deuteranopia => "deuteranopia",
            Deficiency::Protanopia => "protanopia",
        }
    }

    /// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
    fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Deficiency::Protanopia => [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
            Deficiency::Deuteranopia => [
                [0.367_322, 0.860_646, -0.227_968],
                [0.280_085, 0.672_501, 0.047_413],
                [-0.011_820, 0.042_940, 0.968_881],
            ],
        }
    }
}

/// How `colour` looks to someone with `deficiency`, as the nearest sRGB colour.
pub fn simulate(colour: Rgb, deficiency: Deficiency) -> Rgb {
    let v = colour.linear();
    let m = deficiency.matrix();
    Rgb::from_linear(m.map(|row| row[0] * v[0] + row[1] * v[1] + row[2] * v[2]))
}

/// The six channel levels of the xterm 6×6×6 colour cube (indices 16–231).
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// The colour a 256-colour terminal shows for `index`. Indices 0–15 are the terminal's
/// own (user-configurable) ANSI colours, so they have no fixed value: `None`.
pub fn xterm_colour(index: u8) -> Option<Rgb> {
    match index {
        0..=15 => None,
        16..=231 => {
            let i = usize::from(index - 16);
            Some(Rgb::new(CUBE[i / 36], CUBE[(i / 6) % 6], CUBE[i % 6]))
        }
        232..=255 => {
            let level = 8 + 10 * (index - 232);
            Some(Rgb::new(level, level, level))
        }
    }
}

/// xterm's default values for the sixteen ANSI colours, by index: 0–7 normal, 8–15
/// bright (ratatui's `Gray` is 7, `DarkGray` 8, the `Light*` names 9–14 and `White` 15).
///
/// Terminals differ here and users retheme them, so these are no promise about any one
/// room; they are a fixed, widely shipped reference against which the hand-picked
/// 16-colour fallbacks can at least be sanity-checked.
pub const XTERM_16: [Rgb; 16] = [
    Rgb::new(0x00, 0x00, 0x00),
    Rgb::new(0xCD, 0x00, 0x00),
    Rgb::new(0x00, 0xCD, 0x00),
    Rgb::new(0xCD, 0xCD, 0x00),
    Rgb::new(0x00, 0x00, 0xEE),
    Rgb::new(0xCD, 0x00, 0xCD),
    Rgb::new(0x00, 0xCD, 0xCD),
    Rgb::new(0xE5, 0xE5, 0xE5),
    Rgb::new(0x7F, 0x7F, 0x7F),
    Rgb::new(0xFF, 0x00, 0x00),
    Rgb::new(0x00, 0xFF, 0x00),
    Rgb::new(0xFF, 0xFF, 0x00),
    Rgb::new(0x5C, 0x5C, 0xFF),
    Rgb::new(0xFF, 0x00, 0xFF),
    Rgb::new(0x00, 0xFF, 0xFF),
    Rgb::new(0xFF, 0xFF, 0xFF),
];

/// The xterm palette index (16–255) nearest to `colour`, by squared distance in sRGB, the
/// lowest index on a tie. Only the cube and the grey ramp are candidates: they are the
/// same on every terminal, unlike 0–15, so what is measured is what the room sees.
pub fn xterm_index(colour: Rgb) -> u8 {
    let squared = |c: Rgb| {
        let d = |p: u8, q: u8| (i32::from(p) - i32::from(q)).pow(2);
        d(c.r, colour.r) + d(c.g, colour.g) + d(c.b, colour.b)
    };
    (16..=255u8)
        .filter_map(|i| xterm_colour(i).map(|c| (squared(c), i)))
        .min()
        .map_or(16, |(_, i)| i)
}

/// `colour` as a 256-colour terminal shows it.
pub fn quantise(colour: Rgb) -> Rgb {
    xterm_colour(xterm_index(colour)).unwrap_or(colour)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn parses_six_digit_hex_only() {
        assert_eq!(Rgb::parse("#1c1C2f"), Some(Rgb::new(0x1C, 0x1C, 0x2F)));
        for bad in ["1C1C1C", "#1C1C1", "#1C1C1C0", "#GGGGGG", "#FFF", "", "#"] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        assert_eq!(Rgb::new(255, 0, 10).to_string(), "#FF000A");
    }

    #[test]
    fn wcag_contrast_extremes_and_a_known_pair() {
        let black = Rgb::new(0, 0, 0);
        let white = Rgb::new(255, 255, 255);
        assert!(close(contrast(black, white), 21.0, 1e-9));
        assert!(close(contrast(white, black), 21.0, 1e-9));
        assert!(close(contrast(white, white), 1.0, 1e-9));
        // #777777 on white is the classic "just under 4.5:1" grey.
        let grey = contrast(Rgb::new(0x77, 0x77, 0x77), white);
        assert!(close(grey, 4.48, 0.01), "{grey}");
    }

    #[test]
    fn lab_of_reference_colours() {
        let white = Rgb::new(255, 255, 255).lab();
        assert!(
            close(white.l, 100.0, 0.01) && close(white.a, 0.0, 0.01),
            "{white:?}"
        );
        let red = Rgb::new(255, 0, 0).lab();
        assert!(
            close(red.l, 53.24, 0.05) && close(red.a, 80.09, 0.1) && close(red.b, 67.20, 0.1),
            "{red:?}"
        );
    }

    #[test]
    fn ciede2000_matches_sharma_test_data() {
        // Pairs from Sharma, Wu & Dalal (2005), including the hue-wrap cases.
        let cases = [
            ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
            ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
            ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
            ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0011), 7.2195),
            ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
            ((50.0, 2.5, 0.0), (56.0, -27.0, -3.0), 31.9030),
        ];
        for ((l1, a1, b1), (l2, a2, b2), want) in cases {
            let x = Lab {
                l: l1,
                a: a1,
                b: b1,
            };
            let y = Lab {
                l: l2,
                a: a2,
                b: b2,
            };
            let got = ciede2000(x, y);
            assert!(close(got, want, 1e-4), "{x:?} {y:?}: {got} != {want}");
            assert!(close(ciede2000(y, x), want, 1e-4), "not symmetric");
        }
    }

    #[test]
    fn simulation_merges_red_and_green_but_keeps_blue_and_yellow() {
        let red = Rgb::new(0xD0, 0x30, 0x30);
        let green = Rgb::new(0x50, 0x80, 0x20);
        let blue = Rgb::new(0x30, 0x60, 0xF0);
        let yellow = Rgb::new(0xF0, 0xE0, 0x40);
        for d in Deficiency::ALL {
            let before = distance(red, green);
            let after = distance(simulate(red, d), simulate(green, d));
            assert!(after < before / 2.0, "{d:?}: {before} -> {after}");
            let kept = distance(simulate(blue, d), simulate(yellow, d));
            assert!(kept > 40.0, "{d:?}: {kept}");
            // Greys are achromatic for everyone.
            let grey = Rgb::new(0x80, 0x80, 0x80);
            let seen = simulate(grey, d);
            assert!(distance(grey, seen) < 1.0, "{d:?}: {seen}");
        }
    }

    #[test]
    fn xterm_palette_values() {
        assert_eq!(xterm_colour(7), None);
        assert_eq!(xterm_colour(16), Some(Rgb::new(0, 0, 0)));
        assert_eq!(xterm_colour(196), Some(Rgb::new(255, 0, 0)));
        assert_eq!(xterm_colour(51), Some(Rgb::new(0, 255, 255)));
        assert_eq!(xterm_colour(231), Some(Rgb::new(255, 255, 255)));
        assert_eq!(xterm_colour(232), Some(Rgb::new(8, 8, 8)));
        assert_eq!(xterm_colour(255), Some(Rgb::new(238, 238, 238)));
    }

    #[test]
    fn nearest_xterm_colour() {
        for i in 16..=255u8 {
            let c = xterm_colour(i).unwrap_or(Rgb::new(1, 2, 3));
            // Exact palette colours map to themselves (or to an equal, lower index).
            assert_eq!(xterm_colour(xterm_index(c)), Some(c), "{i}");
        }
        assert_eq!(
            quantise(Rgb::new(0xFF, 0x70, 0x00)),
            Rgb::new(0xFF, 0x5F, 0x00)
        );
        // A near-grey goes to the grey ramp, not to a far cube grey.
        assert_eq!(
            quantise(Rgb::new(0x30, 0x30, 0x31)),
            Rgb::new(0x30, 0x30, 0x30)
        );
        assert_eq!(xterm_index(Rgb::new(0x12, 0x12, 0x12)), 233);
    }
}

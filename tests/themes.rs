//! Legibility, measured. Every shipped theme must keep its text at 7:1 against its
//! background (WCAG AAA), muted text at 4.5:1 and borders at 3:1, in truecolour and after
//! the 256-colour fallback; partner colours must stay apart, and in `colour-blind-safe`
//! also for someone with deuteranopia or protanopia; the hand-picked 16-colour fallbacks
//! must pass a sanity floor on xterm's default colours; `mono` must show no colour at all.
//!
//! The figures in docs/themes.md come from the same code; the doc test below fails when
//! they are stale, and `SAMESIDE_WRITE_DOCS=1 cargo test --test themes` rewrites them.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use sameside::domain::Stage;
use sameside::domain::sample::example_proceed;
use sameside::theme::colour::Deficiency;
use sameside::theme::measure::{
    MIN_DISTANCE, Need, SELECTION_PAIR, Viewing, closest, distinct_sets, distinct_sets_16,
    must_differ_16, pairs, problems_16, usable_16,
};
use sameside::theme::palette::{TOKENS, parse_complete};
use sameside::theme::shipped::{SHIPPED, projector, shipped};
use sameside::theme::{Ansi, Catalog, Origin, Palette, Swatch};
use sameside::tui::chrome::render_header;
use sameside::tui::theme::{ColourDepth, Theme, ThemeChoice, Themes};

fn palette(name: &str) -> Palette {
    match shipped(name) {
        Some(Ok(p)) => p,
        other => panic!("shipped theme {name}: {other:?}"),
    }
}

/// The shipped themes that have colours to measure.
fn coloured() -> Vec<Palette> {
    SHIPPED
        .iter()
        .map(|(name, _)| palette(name))
        .filter(|p| !p.monochrome)
        .collect()
}

// ---------------------------------------------------------------- shipped themes

#[test]
fn every_shipped_theme_parses_under_its_own_name() {
    let catalog = Catalog::shipped();
    assert!(!catalog.has_errors());
    for (entry, (name, _)) in catalog.entries.iter().zip(SHIPPED) {
        assert_eq!(entry.name, name);
        assert_eq!(entry.origin, Origin::Shipped);
        let palette = entry.palette.as_ref().expect("parses");
        assert_eq!(palette.name, name);
    }
    assert_eq!(
        catalog.entries[0].name, "projector",
        "the default comes first"
    );
}

#[test]
fn shipped_themes_are_the_files_in_the_themes_directory() {
    // Nothing in themes/ is left out of the binary, and nothing built in is missing.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes");
    let mut on_disk: Vec<String> = fs::read_dir(&dir)
        .expect("themes/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut built_in: Vec<String> = SHIPPED.iter().map(|(n, _)| format!("{n}.ron")).collect();
    built_in.sort();
    assert_eq!(on_disk, built_in);
    for (name, text) in SHIPPED {
        let file = fs::read_to_string(dir.join(format!("{name}.ron"))).expect("readable");
        assert_eq!(file, text, "{name}");
    }
}

/// `text` without the entry for `token`: from its `token:` line to where its brackets
/// close. The shipped files write one entry per line (partners over several).
fn without_entry(text: &str, token: &str) -> String {
    let mut out = Vec::new();
    let mut depth: Option<i32> = None;
    for line in text.lines() {
        if depth.is_none() && line.trim_start().starts_with(&format!("{token}:")) {
            depth = Some(0);
        }
        match depth.as_mut() {
            Some(d) if *d >= 0 => {
                *d += line.matches(['(', '[']).count() as i32;
                *d -= line.matches([')', ']']).count() as i32;
                if *d <= 0 {
                    // Done: stop skipping for good.
                    *d = -1;
                }
            }
            _ => out.push(line),
        }
    }
    out.join("\n")
}

#[test]
fn projector_gives_every_token_itself() {
    // Every other theme falls back to it, so it must not lean on anything: read it with
    // the reader that has no fallback. Name and appearance would be defaulted even there,
    // so for every token the file must hold that key itself, as a whole key at the start
    // of a line (`selection_text:` is not `text:`).
    let text = SHIPPED[0].1;
    let path = Path::new("themes/projector.ron");
    assert_eq!(parse_complete(text, path, "projector"), Ok(projector()));
    for token in TOKENS {
        if token == "monochrome" {
            continue;
        }
        let pruned = without_entry(text, token);
        assert_ne!(pruned, text, "projector lacks `{token}`");
        // And the reader without a fallback does notice a missing colour token, so the
        // parse above proves something.
        if !["name", "appearance"].contains(&token) {
            let err = parse_complete(&pruned, path, "projector").expect_err(token);
            assert!(
                err.message.contains(&format!("`{token}` is missing")),
                "{token}: {err}"
            );
        }
    }
}

#[test]
fn every_pair_reaches_its_contrast_in_truecolour_and_256_colours() {
    let mut failures = Vec::new();
    for palette in coloured() {
        let measured = pairs(&palette);
        assert_eq!(
            measured.len(),
            14 + palette.partners.len(),
            "{}",
            palette.name
        );
        for pair in measured {
            if !pair.passes() {
                failures.push(format!(
                    "{}: {} {} on {}: {:.2} / {:.2} at 256, needs {}",
                    palette.name,
                    pair.what,
                    pair.fg,
                    pair.bg,
                    pair.ratio(),
                    pair.ratio_256(),
                    pair.need.minimum()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_16_colour_fallback_passes_on_xterms_colours() {
    let mut failures = Vec::new();
    for palette in coloured() {
        for problem in problems_16(&palette) {
            failures.push(format!("{}: {problem}", palette.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn colours_that_mean_different_things_stay_apart() {
    let mut failures = Vec::new();
    for palette in coloured() {
        let mut viewings = vec![
            Viewing::TRUECOLOUR,
            Viewing {
                deficiency: None,
                ansi256: true,
            },
        ];
        if palette.name == "colour-blind-safe" {
            for deficiency in Deficiency::ALL {
                for ansi256 in [false, true] {
                    viewings.push(Viewing {
                        deficiency: Some(deficiency),
                        ansi256,
                    });
                }
            }
        }
        for (set, colours) in distinct_sets(&palette) {
            for viewing in &viewings {
                if let Some((i, j, d)) = closest(&colours, *viewing)
                    && d < MIN_DISTANCE
                {
                    failures.push(format!(
                        "{} {set} {viewing:?}: #{} and #{} only {d:.1} apart",
                        palette.name,
                        i + 1,
                        j + 1
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_theme_has_a_colour_for_each_of_eight_partners() {
    for palette in coloured() {
        assert_eq!(palette.partners.len(), 8, "{}", palette.name);
    }
}

#[test]
fn the_distance_check_can_fail() {
    // The ordinary dark theme is not built for red-green colour blindness, and it shows:
    // proof that the simulation is strict enough to matter.
    let dark = palette("dark");
    let partners: Vec<_> = dark.partners.iter().map(|s| s.rgb).collect();
    let seen = Viewing {
        deficiency: Some(Deficiency::Deuteranopia),
        ansi256: false,
    };
    let (_, _, d) = closest(&partners, seen).expect("eight colours");
    assert!(d < MIN_DISTANCE, "{d}");
}

#[test]
fn the_colour_blind_safe_theme_builds_status_on_blue_yellow_orange() {
    let cbs = palette("colour-blind-safe");
    let hue_is = |s: Swatch, test: fn(u8, u8, u8) -> bool| test(s.rgb.r, s.rgb.g, s.rgb.b);
    assert!(hue_is(cbs.success, |r, _, b| b > r), "success is blue");
    assert!(
        hue_is(cbs.warning, |r, g, b| r > b && g > b),
        "warning is yellow"
    );
    assert!(
        hue_is(cbs.danger, |r, g, b| r > g && g > b),
        "danger is orange"
    );
}

// ---------------------------------------------------------------- mono

#[test]
fn mono_renders_without_any_colour() {
    let mono = palette("mono");
    assert!(mono.monochrome);
    for depth in [
        ColourDepth::TrueColour,
        ColourDepth::Ansi256,
        ColourDepth::Ansi16,
    ] {
        let theme = Theme::from_palette(&mono, depth);
        assert!(!theme.colour);
        let buffer = header(&theme, 72);
        for cell in buffer.content() {
            assert!(
                cell.fg == Color::Reset
                    && cell.bg == Color::Reset
                    && cell.underline_color == Color::Reset,
                "{depth:?}: {cell:?}"
            );
        }
        // Meaning still shows: the stage on screen is reversed.
        assert!(
            buffer
                .content()
                .iter()
                .any(|c| c.modifier.contains(Modifier::REVERSED))
        );
    }
}

// ---------------------------------------------------------------- user themes

fn write_theme(dir: &Path, name: &str, text: &str) {
    fs::create_dir_all(dir).expect("themes dir");
    fs::write(dir.join(name), text).expect("theme file");
}

fn select(requested: Option<&str>, no_color: bool, catalog: &Catalog) -> Themes {
    Themes::select(
        &ThemeChoice {
            requested: requested.map(str::to_string),
            no_color,
            depth: ColourDepth::TrueColour,
        },
        catalog,
    )
}

#[test]
fn a_damaged_user_theme_gives_a_notice_and_the_projector_theme() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("themes");
    write_theme(
        &dir,
        "x.ron",
        "(\n  name: \"x\",\n  bakground: (rgb: \"#000000\", ansi: Black),\n)\n",
    );
    write_theme(&dir, "fine.ron", "(appearance: Light)");
    let catalog = Catalog::load(Some(&dir));
    let mut themes = select(Some("x"), false, &catalog);
    assert_eq!(themes.current().name, "projector");
    let path = dir.join("x.ron");
    assert_eq!(
        themes.notice(),
        Some(
            format!(
                "Theme file {}:3:3: unknown token `bakground` — did you mean `background`? — using projector",
                path.display()
            )
            .as_str()
        )
    );
    // The broken theme is left out of cycling; the good user theme is in it.
    let names = themes.names().join(" ");
    assert_eq!(names, "projector light dark mono colour-blind-safe fine");
    assert_eq!(themes.next().name, "light");
}

#[test]
fn a_broken_override_of_the_default_still_starts_in_projector() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("themes");
    write_theme(
        &dir,
        "projector.ron",
        "(text: (rgb: \"#FFF\", ansi: White))",
    );
    let catalog = Catalog::load(Some(&dir));
    assert!(catalog.entries[0].overrides_shipped);
    let themes = select(None, false, &catalog);
    assert_eq!(themes.current().name, "projector");
    assert_eq!(
        themes.current().text.fg,
        Some(Color::Rgb(255, 255, 255)),
        "the shipped one"
    );
    let notice = themes.notice().expect("a notice");
    assert!(
        notice.contains("projector.ron:1:14: `#FFF` is not a colour"),
        "{notice}"
    );
}

#[test]
fn a_user_theme_by_path_and_by_name() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("themes");
    write_theme(
        &dir,
        "warm.ron",
        "(name: \"warm\", accent: (rgb: \"#FFAF00\", ansi: Yellow))",
    );
    let catalog = Catalog::load(Some(&dir));
    let by_name = select(Some("warm"), true, &catalog);
    assert_eq!(by_name.current().name, "warm");
    assert_eq!(by_name.notice(), None);
    assert_eq!(
        by_name.current().accent.fg,
        Some(Color::Rgb(0xFF, 0xAF, 0x00))
    );

    let elsewhere = tmp.path().join("elsewhere.ron");
    fs::write(&elsewhere, "(appearance: Light)").expect("write");
    let path = elsewhere.to_string_lossy().into_owned();
    let by_path = select(Some(&path), false, &Catalog::shipped());
    assert_eq!(by_path.current().name, "elsewhere");
    assert_eq!(by_path.notice(), None);
}

#[test]
fn an_unknown_token_is_reported_at_its_line_and_column() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("themes");
    let text = "// my theme\n(\n    name: \"typo\",\n    text: (rgb: \"#FFFFFF\", ansi: White),\n    muted_text: (rgb: \"#AAAAAA\", ansi: Gray),\n)\n";
    write_theme(&dir, "typo.ron", text);
    let catalog = Catalog::load(Some(&dir));
    let entry = catalog.find("typo").expect("listed under its file name");
    let err = entry.palette.as_ref().expect_err("unknown token");
    assert_eq!(
        err.location,
        format!("{}:5:5", dir.join("typo.ron").display())
    );
    assert!(
        err.message.starts_with("unknown token `muted_text`"),
        "{err}"
    );
    // Line 5, column 5 is where the name starts.
    let line = text.lines().nth(4).expect("line 5");
    assert!(line[4..].starts_with("muted_text"));
}

#[test]
fn a_missing_token_falls_back_to_projector() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("themes");
    write_theme(
        &dir,
        "partial.ron",
        "(\n    background: (rgb: \"#101010\", ansi: Black),\n)\n",
    );
    let catalog = Catalog::load(Some(&dir));
    let partial = catalog
        .find("partial")
        .and_then(|e| e.palette.clone().ok())
        .expect("parses");
    let projector = projector();
    assert_eq!(partial.background.rgb.to_string(), "#101010");
    assert_eq!(partial.text, projector.text);
    assert_eq!(partial.severity_critical, projector.severity_critical);
    assert_eq!(partial.partners, projector.partners);
}

#[test]
fn no_color_and_explicit_choices() {
    let catalog = Catalog::shipped();
    assert_eq!(select(None, false, &catalog).current().name, "projector");
    assert_eq!(select(None, true, &catalog).current().name, "mono");
    assert_eq!(
        select(Some("colour-blind-safe"), true, &catalog)
            .current()
            .name,
        "colour-blind-safe",
        "--theme beats NO_COLOR"
    );
    assert_eq!(select(Some("  "), true, &catalog).current().name, "mono");
}

#[test]
fn colour_depth_detection() {
    let detect = ColourDepth::detect;
    assert_eq!(
        detect(Some("truecolor"), Some("xterm-256color")),
        ColourDepth::TrueColour
    );
    assert_eq!(detect(Some("24bit"), Some("dumb")), ColourDepth::TrueColour);
    assert_eq!(detect(None, Some("tmux-256color")), ColourDepth::Ansi256);
    assert_eq!(detect(None, Some("xterm-color")), ColourDepth::Ansi16);
    assert_eq!(detect(None, None), ColourDepth::Ansi16);
}

// ---------------------------------------------------------------- pictures with styles

/// The header of the Northwind example on its conflict check, 31 minutes into a
/// 20-minute timebox, as drawn.
fn header(theme: &Theme, width: u16) -> Buffer {
    header_backend(theme, width).buffer().clone()
}

fn header_backend(theme: &Theme, width: u16) -> TestBackend {
    let history = example_proceed().expect("the example builds");
    let mut terminal = Terminal::new(TestBackend::new(width, 3)).expect("test terminal");
    terminal
        .draw(|frame| {
            render_header(
                frame,
                frame.area(),
                history.session(),
                Stage::Conflicts,
                31 * 60,
                None,
                theme,
            );
        })
        .expect("draws");
    terminal.backend().clone()
}

/// The header as it must look, with every style taken from the palette directly rather
/// than from `Theme`, so a wrong mapping from tokens to screen styles shows up.
fn expected_header(palette: &Palette, depth: ColourDepth) -> Buffer {
    let c = |s: Swatch| match depth {
        ColourDepth::TrueColour => Color::Rgb(s.rgb.r, s.rgb.g, s.rgb.b),
        ColourDepth::Ansi256 => Color::Indexed(sameside::theme::colour::xterm_index(s.rgb)),
        ColourDepth::Ansi16 => {
            // The same sixteen names in ratatui.
            let name = format!("{:?}", s.ansi);
            name.parse::<Color>().unwrap_or(Color::Reset)
        }
    };
    let fg = |s: Swatch| Style::default().fg(c(s));
    let bold = Modifier::BOLD;
    let heading = fg(palette.heading).add_modifier(bold);
    let muted = fg(palette.muted);
    let text = fg(palette.text);
    let danger = fg(palette.danger).add_modifier(bold);
    let partner = |i: usize| fg(palette.partners[i]).add_modifier(bold);
    let selected = fg(palette.selection_text).bg(c(palette.selection));
    let plain = Style::default();
    let line1 = Line::from(vec![
        Span::styled(" ", plain),
        // The title gives way to the partners' names.
        Span::styled("Northwind × Globex: p…", heading),
        Span::styled("   ", muted),
        Span::styled("Northwind Analytics", partner(0)),
        Span::styled(" · ", muted),
        Span::styled("Globex Integration", partner(1)),
        Span::styled(" ", plain),
        Span::styled("⏱ 31:00 / 20:00 over", danger),
    ]);
    let line2 = Line::from(vec![
        Span::styled(" ", plain),
        Span::styled("1 Vision", text),
        Span::styled(" › ", muted),
        Span::styled("2 Roles", text),
        Span::styled(" › ", muted),
        Span::styled("3 Interests", text),
        Span::styled(" › ", muted),
        Span::styled("▶4 Conflicts ", selected),
        Span::styled(" › ", muted),
        Span::styled("5 Summary", text),
    ]);
    let width = 88;
    let mut buffer = Buffer::empty(Rect::new(0, 0, width, 3));
    buffer.set_line(0, 0, &line1, width);
    buffer.set_line(0, 1, &line2, width);
    buffer.set_string(0, 2, "─".repeat(usize::from(width)), fg(palette.border));
    buffer
}

#[test]
fn the_header_in_every_theme_and_depth() {
    for palette in coloured() {
        for depth in [
            ColourDepth::TrueColour,
            ColourDepth::Ansi256,
            ColourDepth::Ansi16,
        ] {
            let theme = Theme::from_palette(&palette, depth);
            let got = header_backend(&theme, 88);
            let want = expected_header(&palette, depth);
            // assert_buffer panics with both pictures, styles included, on a difference.
            got.assert_buffer(&want);
        }
    }
}

#[test]
fn the_header_is_legible_as_text() {
    let theme = Theme::from_palette(&projector(), ColourDepth::TrueColour);
    let buffer = header(&theme, 88);
    let rows: Vec<String> = (0..3)
        .map(|y| (0..88).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect();
    insta::assert_snapshot!(rows.join("\n"));
}

// ---------------------------------------------------------------- the binary

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run_themes(config: &Path) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_sameside"))
        .arg("themes")
        .env("SAMESIDE_CONFIG_DIR", config)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn themes_lists_the_shipped_ones_with_their_contrast() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = run_themes(home.path());
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(lines[0].starts_with("NAME"), "{}", out.stdout);
    let names: Vec<&str> = lines[1..]
        .iter()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        names,
        ["projector", "light", "dark", "mono", "colour-blind-safe"]
    );
    let projector = lines[1].split_whitespace().collect::<Vec<_>>();
    assert_eq!(projector[1], "dark");
    assert!(projector[2].ends_with(":1"), "{}", lines[1]);
    assert_eq!(projector[4..], ["shipped", "ok"]);
    let mono = lines[4].split_whitespace().collect::<Vec<_>>();
    assert_eq!(mono, ["mono", "mono", "-", "-", "shipped", "ok"]);
    assert!(
        out.stderr
            .contains(&home.path().join("themes").display().to_string()),
        "{}",
        out.stderr
    );
}

#[test]
fn themes_reports_a_broken_user_theme_and_exits_1() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("themes");
    write_theme(
        &dir,
        "broken.ron",
        "(\n  name: \"broken\",\n  txet: (rgb: \"#FFFFFF\", ansi: White),\n)\n",
    );
    write_theme(&dir, "light.ron", "(name: \"light\", appearance: Light)");
    let out = run_themes(home.path());
    assert_eq!(out.code, Some(1), "{}{}", out.stdout, out.stderr);
    let path = dir.join("broken.ron").display().to_string();
    let broken = out
        .stdout
        .lines()
        .find(|l| l.starts_with("broken "))
        .unwrap_or_else(|| panic!("{}", out.stdout));
    assert!(
        broken.contains(&format!(
            "{path}:3:3: unknown token `txet` — did you mean `text`?"
        )),
        "{broken}"
    );
    let light = out
        .stdout
        .lines()
        .find(|l| l.starts_with("light "))
        .unwrap_or_else(|| panic!("{}", out.stdout));
    assert!(light.contains("(overrides shipped)"), "{light}");
    assert!(light.ends_with(" ok"), "{light}");
}

// ---------------------------------------------------------------- docs

const START: &str = "<!-- measured:start -->";
const END: &str = "<!-- measured:end -->";

/// Rounded down, so the doc never claims more than was measured.
fn ratio(r: f64) -> String {
    format!("{:.2}:1", (r * 100.0).floor() / 100.0)
}

fn distance(found: Option<(usize, usize, f64)>, labels: &[String]) -> String {
    match found {
        Some((i, j, d)) => {
            let mark = if d < MIN_DISTANCE { " ✗" } else { "" };
            format!(
                "{:.1} ({}, {}){mark}",
                (d * 10.0).floor() / 10.0,
                labels[i],
                labels[j]
            )
        }
        None => "-".to_string(),
    }
}

fn measured_section() -> String {
    let mut out = String::from("\n");
    for (name, _) in SHIPPED {
        let palette = palette(name);
        out.push_str(&format!("### {name}\n\n"));
        if palette.monochrome {
            out.push_str(
                "No colours at all: the terminal's own foreground and background, so there is \
                 nothing to measure. Headings are bold, the selection reversed, danger bold and \
                 underlined.\n\n",
            );
            continue;
        }
        out.push_str(&format!(
            "Background `{}` ({:?} on 16 colours).\n\n",
            palette.background.rgb, palette.background.ansi
        ));
        out.push_str(
            "| Pair | Colour | Needs | Truecolour | 256 colours | 16 colours | Floor | On xterm |\n\
             | --- | --- | --- | --- | --- | --- | --- | --- |\n",
        );
        for pair in pairs(&palette) {
            let (colour, ansi) = if pair.what == SELECTION_PAIR {
                (
                    format!("`{}` on `{}`", pair.fg, pair.bg),
                    format!("{:?} on {:?}", pair.fg_ansi, pair.bg_ansi),
                )
            } else {
                (format!("`{}`", pair.fg), format!("{:?}", pair.fg_ansi))
            };
            out.push_str(&format!(
                "| {} | {colour} | {} | {} | {} | {ansi} | {} | {} |\n",
                pair.what,
                ratio(pair.need.minimum()),
                ratio(pair.ratio()),
                ratio(pair.ratio_256()),
                ratio(pair.need.floor_16()),
                ratio(pair.ratio_16()),
            ));
        }
        out.push_str(&format!(
            "\nLeast CIEDE2000 difference within each set, and the closest two (needs {MIN_DISTANCE}):\n\n"
        ));
        out.push_str("| Set | Truecolour | 256 colours | Deuteranopia | Protanopia |\n| --- | --- | --- | --- | --- |\n");
        for (set, colours) in distinct_sets(&palette) {
            let labels: Vec<String> = match set {
                "partners" => (1..=colours.len()).map(|i| i.to_string()).collect(),
                "severities" => ["low", "medium", "high", "critical"]
                    .map(String::from)
                    .to_vec(),
                _ => ["success", "warning", "danger"].map(String::from).to_vec(),
            };
            let at = |deficiency, ansi256| {
                distance(
                    closest(
                        &colours,
                        Viewing {
                            deficiency,
                            ansi256,
                        },
                    ),
                    &labels,
                )
            };
            out.push_str(&format!(
                "| {set} | {} | {} | {} | {} |\n",
                at(None, false),
                at(None, true),
                at(Some(Deficiency::Deuteranopia), false),
                at(Some(Deficiency::Protanopia), false),
            ));
        }
        out.push_str(&sets_at_16(&palette));
        out.push('\n');
    }
    out
}

/// The 16-colour fallbacks of each set, and how many of them must differ.
fn sets_at_16(palette: &Palette) -> String {
    let names = |colours: &[Ansi]| {
        colours
            .iter()
            .map(|c| format!("{c:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let usable = usable_16(palette);
    let mut out = format!(
        "\nAt 16 colours, {} colours are usable for these sets (at least {} on {:?} in \
         xterm's colours, and not the colour of the background, text, heading or muted \
         text): {}.\n\n",
        usable.len(),
        ratio(Need::Text.floor_16()),
        palette.background.ansi,
        names(&usable),
    );
    out.push_str("| Set | 16 colours | Must differ |\n| --- | --- | --- |\n");
    for (set, colours) in distinct_sets_16(palette) {
        let first = must_differ_16(colours.len(), usable.len());
        let rule = if first == colours.len() {
            format!("all {first}")
        } else {
            format!("the first {first}")
        };
        out.push_str(&format!("| {set} | {} | {rule} |\n", names(&colours)));
    }
    out
}

#[test]
fn docs_figures_match_the_themes() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/themes.md");
    let doc = fs::read_to_string(path).unwrap_or_default();
    let (Some(start), Some(end)) = (doc.find(START), doc.find(END)) else {
        panic!("docs/themes.md lacks the {START} … {END} markers");
    };
    let current = &doc[start + START.len()..end];
    let wanted = measured_section();
    if current != wanted && std::env::var_os("SAMESIDE_WRITE_DOCS").is_some() {
        let updated = format!(
            "{}{START}{wanted}{END}{}",
            &doc[..start],
            &doc[end + END.len()..]
        );
        fs::write(path, updated).unwrap_or_else(|e| panic!("{path}: {e}"));
        return;
    }
    assert!(
        current == wanted,
        "docs/themes.md figures are out of date; run SAMESIDE_WRITE_DOCS=1 cargo test --test themes. They should be:\n{wanted}"
    );
}

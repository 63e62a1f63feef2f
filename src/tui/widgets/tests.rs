//! The drawing helpers at every size, wide characters included.

use super::testing::{draw_buffer, test_terminal, text_rows};
use super::*;
use ratatui::style::{Color, Modifier};

fn draw(w: u16, h: u16, f: impl FnOnce(&mut Frame)) -> Vec<String> {
    text_rows(&draw_buffer(w, h, f))
}

fn styles() -> DialogStyle {
    DialogStyle {
        body: Style::new().fg(Color::White).bg(Color::Blue),
        border: Style::new().fg(Color::Yellow),
        title: Style::new().add_modifier(Modifier::BOLD),
    }
}

#[test]
fn centered_is_clamped_and_inside() {
    let area = Rect::new(10, 5, 20, 10);
    assert_eq!(centered(area, 10, 4), Rect::new(15, 8, 10, 4));
    assert_eq!(centered(area, 50, 50), area);
    assert_eq!(centered(area, 0, 0), Rect::new(20, 10, 0, 0));
    assert_eq!(centered(Rect::default(), 5, 5), Rect::default());
}

#[test]
fn truncate_respects_width_and_wide_chars() {
    assert_eq!(truncate_to_width("hello", 5), "hello");
    assert_eq!(truncate_to_width("hello", 4), "hel…");
    assert_eq!(truncate_to_width("hello", 1), "…");
    assert_eq!(truncate_to_width("hello", 0), "");
    assert_eq!(truncate_to_width("", 0), "");
    // 世 is two cells: with 4 cells, "a世" + "…" is 4 wide; "a世界…" would be 6.
    assert_eq!(truncate_to_width("a世界b", 4), "a世…");
    // The wide char that would straddle the limit is left out entirely.
    assert_eq!(truncate_to_width("a世界b", 5), "a世…");
    assert_eq!(truncate_to_width("世界", 2), "…");
    // An emoji family and a flag are never split into pieces.
    let family = "👨\u{200D}👩\u{200D}👧 family";
    assert_eq!(truncate_to_width(family, 3), "👨\u{200D}👩\u{200D}👧…");
    assert_eq!(truncate_to_width("🇩🇪🇫🇷xx", 5), "🇩🇪🇫🇷…");
    assert_eq!(
        truncate_to_width("e\u{301}e\u{301}e\u{301}", 2),
        "e\u{301}…"
    );
    for w in 0..12 {
        let t = truncate_to_width("héllo 世界 👋!", w);
        assert!(display_width(&t) <= w, "{t:?} wider than {w}");
    }
}

#[test]
fn wrap_breaks_at_spaces_and_splits_long_words() {
    let texts = |lines: Vec<Line<'static>>| -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    };
    let wrapped = wrap_lines(&[Line::from("the quick brown fox")], 10);
    assert_eq!(texts(wrapped), ["the quick", "brown fox"]);
    let wrapped = wrap_lines(&[Line::from("abcdefghij"), Line::from("")], 4);
    assert_eq!(texts(wrapped), ["abcd", "efgh", "ij", ""]);
    let wrapped = wrap_lines(&[Line::from("日本語のテキスト")], 5);
    assert_eq!(texts(wrapped), ["日本", "語の", "テキ", "スト"]);
    assert!(wrap_lines(&[Line::from("x")], 0).is_empty());
    // Styles survive the wrap.
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let wrapped = wrap_lines(
        &[Line::from(vec![Span::raw("aa "), Span::styled("bb", bold)])],
        3,
    );
    assert_eq!(wrapped[1].spans[0].style, bold);
}

#[test]
fn dialog_is_centred_sized_to_content_and_clears_beneath() {
    let screen = draw(40, 11, |f| {
        f.render_widget(
            Paragraph::new(vec![Line::from("x".repeat(40)); 11]),
            f.area(),
        );
        render_dialog(f, f.area(), "Note", &[Line::from("Saved.")], styles());
    });
    assert_eq!(
        screen,
        [
            "x".repeat(40),
            "x".repeat(40),
            "x".repeat(40),
            "xxxxxxxxxxxxxx╭── Note ──╮xxxxxxxxxxxxxx".to_string(),
            "xxxxxxxxxxxxxx│          │xxxxxxxxxxxxxx".to_string(),
            "xxxxxxxxxxxxxx│  Saved.  │xxxxxxxxxxxxxx".to_string(),
            "xxxxxxxxxxxxxx│          │xxxxxxxxxxxxxx".to_string(),
            "xxxxxxxxxxxxxx╰──────────╯xxxxxxxxxxxxxx".to_string(),
            "x".repeat(40),
            "x".repeat(40),
            "x".repeat(40),
        ]
    );
}

#[test]
fn dialog_wraps_long_text_inside_the_area() {
    let text = "Both partners have agreed on the shared goals for the next quarter.";
    let screen = draw(30, 12, |f| {
        render_dialog(f, f.area(), "Agreed", &[Line::from(text)], styles());
    });
    let joined = screen.join("\n");
    assert!(
        joined.contains("│  Both partners have        │"),
        "{joined}"
    );
    assert!(
        joined.contains("│  quarter.                  │"),
        "{joined}"
    );
    assert!(screen.iter().all(|r| display_width(r) == 30));
}

#[test]
fn dialog_never_panics_on_tiny_or_offscreen_areas() {
    for (w, h) in [(0, 0), (1, 1), (2, 2), (3, 1), (5, 3), (10, 3)] {
        draw(w, h, |f| {
            render_dialog(f, f.area(), "Title", &[Line::from("text 世界")], styles());
            render_dialog(
                f,
                Rect::new(3, 2, 50, 50),
                "T",
                &[Line::from("x")],
                styles(),
            );
            render_dialog(f, Rect::new(200, 200, 5, 5), "T", &[], styles());
        });
    }
}

const NAV: &[KeyHelp] = &[
    KeyHelp {
        keys: "↑ ↓",
        what: "move between items",
    },
    KeyHelp {
        keys: "Enter",
        what: "open the selected item",
    },
];
const EDIT: &[KeyHelp] = &[
    KeyHelp {
        keys: "Ctrl-←/→",
        what: "move by word",
    },
    KeyHelp {
        keys: "Esc",
        what: "cancel",
    },
];

#[test]
fn help_overlay_aligns_columns_under_headings() {
    let sections: &[(&str, &[KeyHelp])] = &[("Navigate", NAV), ("Edit", EDIT)];
    let screen = draw(70, 20, |f| {
        render_help_overlay(f, f.area(), "Keys", sections, 0, styles(), Style::new());
    });
    let joined = screen.join("\n");
    assert!(joined.contains("Keys"), "{joined}");
    assert!(!joined.contains("more"), "{joined}");
    let col = |needle: &str| -> usize {
        let row = screen.iter().find(|r| r.contains(needle)).unwrap();
        display_width(&row[..row.find(needle).unwrap()])
    };
    // Headings sit left of the entries; descriptions share one column.
    assert!(col("Navigate") < col("↑ ↓"));
    assert_eq!(col("↑ ↓"), col("Esc"));
    assert_eq!(col("move between"), col("open the"));
    assert_eq!(col("move between"), col("cancel"));
    assert_eq!(col("move between"), col("move by word"));
}

#[test]
fn help_overlay_scrolls_and_hints_at_more() {
    let sections: &[(&str, &[KeyHelp])] = &[("Navigate", NAV), ("Edit", EDIT)];
    let area = Rect::new(0, 0, 40, 6);
    // 8 rows ("open the selected item" wraps) in a box with 4 inner rows.
    assert_eq!(help_overlay_max_scroll(area, "Keys", sections), 4);
    let top = draw(40, 6, |f| {
        render_help_overlay(f, f.area(), "Keys", sections, 0, styles(), Style::new());
    });
    assert!(top.join("\n").contains("Navigate"));
    assert!(top[5].contains("↓ more"), "{top:?}");

    // Overshooting scroll shows the last page, without the "more" hint.
    let bottom = draw(40, 6, |f| {
        render_help_overlay(f, f.area(), "Keys", sections, 99, styles(), Style::new());
    });
    let joined = bottom.join("\n");
    assert!(joined.contains("cancel"), "{joined}");
    assert!(!joined.contains("Navigate"), "{joined}");
    assert!(!joined.contains("↓"), "{joined}");
    assert!(bottom[5].contains("↑ more"), "{bottom:?}");
}

#[test]
fn help_overlay_never_panics() {
    let sections: &[(&str, &[KeyHelp])] = &[("Navigate", NAV), ("", EDIT), ("Empty", &[])];
    for (w, h) in [
        (0, 0),
        (1, 1),
        (3, 1),
        (10, 3),
        (20, 5),
        (30, 40),
        (200, 60),
    ] {
        for scroll in [0, 1, 5, u16::MAX] {
            draw(w, h, |f| {
                render_help_overlay(
                    f,
                    f.area(),
                    "Keys",
                    sections,
                    scroll,
                    styles(),
                    Style::new(),
                );
                render_help_overlay(
                    f,
                    Rect::new(5, 5, 100, 100),
                    "",
                    &[],
                    scroll,
                    styles(),
                    Style::new(),
                );
            });
        }
    }
}

#[test]
fn too_small_message_is_centred_and_fills_the_frame() {
    let style = Style::new().bg(Color::Red);
    let mut terminal = test_terminal(60, 5);
    terminal
        .draw(|f| render_too_small(f, (80, 24), style))
        .unwrap();
    let buf = terminal.backend().buffer();
    let screen = text_rows(buf);
    assert_eq!(
        screen[2].trim(),
        "terminal too small (need 80×24, have 60×5)"
    );
    assert!(screen[2].starts_with("         terminal"));
    assert!(buf.content.iter().all(|c| c.bg == Color::Red));
}

#[test]
fn too_small_message_wraps_when_narrow() {
    let screen = draw(20, 8, |f| render_too_small(f, (80, 24), Style::new()));
    let text: Vec<&str> = screen
        .iter()
        .map(|r| r.trim())
        .filter(|r| !r.is_empty())
        .collect();
    assert_eq!(text, ["terminal too small", "(need 80×24, have", "20×8)"]);
    let screen = draw(10, 3, |f| render_too_small(f, (80, 24), Style::new()));
    let text: Vec<&str> = screen
        .iter()
        .map(|r| r.trim())
        .filter(|r| !r.is_empty())
        .collect();
    assert_eq!(text, ["too small:", "need 80×24"]);
}

#[test]
fn too_small_never_panics() {
    for (w, h) in [(0, 0), (1, 1), (10, 3), (2, 40), (79, 23)] {
        draw(w, h, |f| render_too_small(f, (80, 24), Style::new()));
    }
}

#[test]
fn footer_joins_keys_with_dots() {
    let key = Style::new().add_modifier(Modifier::BOLD);
    let text = Style::new().fg(Color::Gray);
    let line = footer_line(&[("q", "quit"), ("?", "help")], key, text);
    assert_eq!(line.to_string(), "q quit · ? help");
    assert_eq!(line.spans[0].style, key);
    assert_eq!(line.spans[1].style, text);
    assert_eq!(footer_line(&[], key, text).to_string(), "");
}

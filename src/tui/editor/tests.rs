//! The text field's rules, checked key by key and frame by frame.

use super::*;
use crate::tui::widgets::testing::{draw_buffer, test_terminal, text_rows};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn type_str(ed: &mut TextEditor, s: &str) {
    for c in s.chars() {
        assert_eq!(
            ed.handle_key(press(KeyCode::Char(c))),
            EditorOutcome::Editing
        );
    }
}

fn style() -> EditorStyle {
    EditorStyle {
        text: Style::new().fg(Color::White),
        border: Style::new().fg(Color::Cyan),
        cursor: Style::new().bg(Color::Yellow),
        title: Style::new().fg(Color::Green),
    }
}

fn draw(ed: &TextEditor, w: u16, h: u16) -> Buffer {
    draw_buffer(w, h, |f| ed.render(f, f.area(), "Name", style()))
}

#[test]
fn typing_unicode_and_moving_edits_in_the_right_place() {
    let mut ed = TextEditor::new("", EditorMode::SingleLine);
    type_str(&mut ed, "héllo 世界 👋");
    assert_eq!(ed.text(), "héllo 世界 👋");
    ed.handle_key(press(KeyCode::Home));
    ed.handle_key(press(KeyCode::Right));
    ed.handle_key(press(KeyCode::Right));
    type_str(&mut ed, "X");
    assert_eq!(ed.text(), "héXllo 世界 👋");
    ed.handle_key(press(KeyCode::End));
    ed.handle_key(press(KeyCode::Left));
    ed.handle_key(press(KeyCode::Left));
    ed.handle_key(press(KeyCode::Backspace));
    assert_eq!(ed.text(), "héXllo 世 👋");
    ed.handle_key(KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL));
    type_str(&mut ed, "的");
    assert_eq!(ed.text(), "héXllo 的世 👋");
    ed.handle_key(press(KeyCode::Delete));
    assert_eq!(ed.text(), "héXllo 的 👋");
    assert_eq!(ed.cursor(), (0, 8));
}

#[test]
fn enter_submits_and_esc_cancels() {
    for mode in [EditorMode::SingleLine, EditorMode::MultiLine] {
        let mut ed = TextEditor::new("hi", mode);
        assert_eq!(ed.handle_key(press(KeyCode::Enter)), EditorOutcome::Submit);
        assert_eq!(ed.handle_key(press(KeyCode::Esc)), EditorOutcome::Cancel);
        assert_eq!(ed.text(), "hi");
    }
}

#[test]
fn newline_keys_only_work_in_multiline() {
    let alt_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT);
    let mut single = TextEditor::new("a", EditorMode::SingleLine);
    assert_eq!(single.handle_key(alt_enter), EditorOutcome::Editing);
    single.handle_key(ctrl('j'));
    single.handle_key(press(KeyCode::Char('\n')));
    assert_eq!(single.text(), "a");

    let mut multi = TextEditor::new("a", EditorMode::MultiLine);
    assert_eq!(multi.handle_key(alt_enter), EditorOutcome::Editing);
    type_str(&mut multi, "b");
    multi.handle_key(ctrl('j'));
    type_str(&mut multi, "c");
    assert_eq!(multi.text(), "a\nb\nc");
    assert_eq!(multi.cursor(), (2, 1));
}

#[test]
fn readline_keys() {
    let mut ed = TextEditor::new("hello world", EditorMode::SingleLine);
    ed.handle_key(KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL));
    ed.handle_key(ctrl('u'));
    assert_eq!(ed.text(), "world");
    ed.handle_key(ctrl('z'));
    assert_eq!(ed.text(), "hello world");
    ed.handle_key(press(KeyCode::Home));
    ed.handle_key(ctrl('k'));
    assert!(ed.is_empty());
    ed.handle_key(ctrl('v'));
    ed.handle_key(press(KeyCode::Tab));
    assert_eq!(ed.text(), "");

    // Ctrl-U at the start of a line does not join it to the one above.
    let mut multi = TextEditor::new("one\ntwo", EditorMode::MultiLine);
    multi.handle_key(press(KeyCode::Home));
    multi.handle_key(ctrl('u'));
    assert_eq!(multi.text(), "one\ntwo");
    multi.handle_key(press(KeyCode::Tab));
    assert_eq!(multi.text(), "one\n    two");
}

#[test]
fn new_puts_cursor_at_end_and_cleans_text() {
    let ed = TextEditor::new("one\ntwo", EditorMode::MultiLine);
    assert_eq!(ed.cursor(), (1, 3));
    let ed = TextEditor::new("one\r\ntwo\tthree\u{7}", EditorMode::SingleLine);
    assert_eq!(ed.text(), "one two three");
    assert_eq!(ed.cursor(), (0, 13));
    assert!(TextEditor::new(" \n\t ", EditorMode::MultiLine).is_empty());
}

#[test]
fn paste_in_single_line_flattens_breaks() {
    let mut ed = TextEditor::new("say: ", EditorMode::SingleLine);
    ed.paste("first line\r\nsecond\tline\u{1b}[31m\n");
    assert_eq!(ed.text(), "say: first line second line[31m");
    assert!(!ed.text().contains('\n'));
    type_str(&mut ed, "!");
    assert!(ed.text().ends_with("[31m!"));
}

#[test]
fn paste_in_multi_line_keeps_breaks() {
    let mut ed = TextEditor::new("", EditorMode::MultiLine);
    ed.paste("a\r\nb\n\tc\n");
    assert_eq!(ed.text(), "a\nb\n    c\n");
    assert_eq!(ed.cursor(), (3, 0));
}

#[test]
fn max_chars_limits_typing_and_paste() {
    let mut ed = TextEditor::new("ab", EditorMode::SingleLine);
    ed.set_max_chars(5);
    type_str(&mut ed, "cdefg");
    assert_eq!(ed.text(), "abcde");
    ed.handle_key(press(KeyCode::Backspace));
    ed.paste("XYZ");
    assert_eq!(ed.text(), "abcdX");
    ed.paste("more");
    assert_eq!(ed.text(), "abcdX");

    let mut multi = TextEditor::new("abc", EditorMode::MultiLine);
    multi.set_max_chars(4);
    multi.handle_key(ctrl('j'));
    multi.handle_key(ctrl('j'));
    assert_eq!(multi.text(), "abc\n");

    // Text already over the limit is kept and may shrink.
    let mut long = TextEditor::new("abcdef", EditorMode::SingleLine);
    long.set_max_chars(3);
    type_str(&mut long, "g");
    assert_eq!(long.text(), "abcdef");
    long.handle_key(press(KeyCode::Backspace));
    assert_eq!(long.text(), "abcde");
}

#[test]
fn set_text_replaces_and_can_be_undone() {
    let mut ed = TextEditor::new("old", EditorMode::SingleLine);
    ed.set_text("new\ntext");
    assert_eq!(ed.text(), "new text");
    assert_eq!(ed.cursor(), (0, 8));
    ed.handle_key(ctrl('z'));
    ed.handle_key(ctrl('z'));
    assert_eq!(ed.text(), "old");
}

#[test]
fn renders_box_title_text_and_cursor() {
    let ed = TextEditor::new("héllo 世界", EditorMode::SingleLine);
    let buf = draw(&ed, 20, 3);
    assert_eq!(
        text_rows(&buf),
        [
            "╭ Name ────────────╮",
            "│ héllo 世界       │",
            "╰──────────────────╯",
        ]
    );
    // The cursor sits just after the text, in the cursor style.
    assert_eq!(buf[(12, 1)].bg, Color::Yellow);
    assert_eq!(buf[(2, 1)].fg, Color::White);
    assert_eq!(buf[(0, 0)].fg, Color::Cyan);
    assert_eq!(buf[(3, 0)].fg, Color::Green);
}

#[test]
fn long_text_wraps_in_a_tall_box() {
    let ed = TextEditor::new("we agree on the shared goals", EditorMode::MultiLine);
    let buf = draw(&ed, 16, 5);
    assert_eq!(
        text_rows(&buf),
        [
            "╭ Name ────────╮",
            "│ we agree on  │",
            // The textarea's word wrap moves a space that does not fit at
            // the end of a row to the start of the next one.
            "│  the shared  │",
            "│  goals       │",
            "╰──────────────╯",
        ]
    );
}

#[test]
fn one_row_box_scrolls_to_keep_the_cursor_visible() {
    let mut ed = TextEditor::new("", EditorMode::SingleLine);
    type_str(&mut ed, "abcdefghij世界xyz");
    let buf = draw(&ed, 10, 3);
    let row = &text_rows(&buf)[1];
    assert!(row.contains("xyz"), "{row:?}");
    // The cursor cell (after "z") is visible and styled.
    assert!(buf.content.iter().any(|c| c.bg == Color::Yellow));
    ed.handle_key(press(KeyCode::Home));
    let row = &text_rows(&draw(&ed, 10, 3))[1];
    assert!(row.starts_with("│ abcdef"), "{row:?}");
}

#[test]
fn render_never_panics_on_odd_areas() {
    let mut ed = TextEditor::new("", EditorMode::MultiLine);
    type_str(
        &mut ed,
        "héllo 世界 👋 a long line that must wrap somewhere",
    );
    ed.handle_key(ctrl('j'));
    type_str(&mut ed, "世界世界世界");
    let empty = TextEditor::new("", EditorMode::SingleLine);
    for w in 0..8 {
        for h in 0..6 {
            let mut terminal = test_terminal(w, h);
            terminal
                .draw(|f| {
                    ed.render(f, f.area(), "Title", style());
                    empty.render(f, f.area(), "", EditorStyle::default());
                    ed.render(f, Rect::new(2, 1, 40, 40), "T", style());
                    ed.render(f, Rect::new(500, 500, 3, 3), "T", style());
                })
                .unwrap();
        }
    }
    // The sizes named in the brief, explicitly.
    draw(&ed, 0, 0);
    draw(&ed, 3, 1);
    draw(&ed, 1, 1);
}

#[test]
fn cursor_after_a_full_row_stays_visible() {
    // A 20-wide box has 16 inner columns; text wraps at 15 so a cursor
    // after 15 characters still has a cell to be drawn in.
    let ed = TextEditor::new("abcdefghijklmno", EditorMode::MultiLine);
    let buf = draw(&ed, 20, 5);
    assert_eq!(text_rows(&buf)[1], "│ abcdefghijklmno  │");
    assert_eq!(buf[(17, 1)].bg, Color::Yellow);
    let ed = TextEditor::new("abcdefghijklmnop", EditorMode::MultiLine);
    let buf = draw(&ed, 20, 5);
    assert_eq!(text_rows(&buf)[2], "│ p                │");
    assert_eq!(buf[(3, 2)].bg, Color::Yellow);
}

#[test]
fn random_editing_and_rendering_never_breaks_the_rules() {
    let none = KeyModifiers::NONE;
    let keys = [
        KeyEvent::new(KeyCode::Char('a'), none),
        KeyEvent::new(KeyCode::Char('世'), none),
        KeyEvent::new(KeyCode::Char('👋'), none),
        KeyEvent::new(KeyCode::Char(' '), none),
        KeyEvent::new(KeyCode::Char('é'), none),
        KeyEvent::new(KeyCode::Left, none),
        KeyEvent::new(KeyCode::Right, none),
        KeyEvent::new(KeyCode::Up, none),
        KeyEvent::new(KeyCode::Down, none),
        KeyEvent::new(KeyCode::Home, none),
        KeyEvent::new(KeyCode::End, none),
        KeyEvent::new(KeyCode::Backspace, none),
        KeyEvent::new(KeyCode::Delete, none),
        KeyEvent::new(KeyCode::PageUp, none),
        KeyEvent::new(KeyCode::PageDown, none),
        KeyEvent::new(KeyCode::Tab, none),
        KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL),
        KeyEvent::new(KeyCode::Right, KeyModifiers::CONTROL),
        KeyEvent::new(KeyCode::Right, KeyModifiers::SHIFT),
        KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT),
        ctrl('j'),
        ctrl('u'),
        ctrl('k'),
        ctrl('w'),
        ctrl('y'),
        ctrl('z'),
        ctrl('r'),
        ctrl('x'),
    ];
    // A fixed linear congruential sequence: varied but reproducible.
    let mut seed: u64 = 0x5eed;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    for mode in [EditorMode::SingleLine, EditorMode::MultiLine] {
        for max in [None, Some(12)] {
            let mut ed = TextEditor::new("", mode);
            if let Some(max) = max {
                ed.set_max_chars(max);
            }
            for step in 0..600 {
                if step % 37 == 0 {
                    ed.paste("x\ny 世\t👋\r\n");
                } else {
                    ed.handle_key(keys[next(keys.len())]);
                }
                let text = ed.text();
                if mode == EditorMode::SingleLine {
                    assert!(!text.contains('\n'), "{text:?}");
                }
                if let Some(max) = max {
                    assert!(ed.char_count() <= max, "{text:?}");
                }
                assert_eq!(ed.char_count(), text.chars().count());
                let (w, h) = (next(24) as u16, next(7) as u16);
                let mut terminal = test_terminal(w, h);
                terminal
                    .draw(|f| ed.render(f, f.area(), "T", style()))
                    .unwrap();
            }
        }
    }
}

#[test]
fn placeholder_shows_while_empty() {
    let mut ed = TextEditor::new("", EditorMode::SingleLine);
    ed.set_placeholder("type here");
    let buf = draw(&ed, 20, 3);
    assert!(text_rows(&buf)[1].contains("type here"));
    type_str(&mut ed, "x");
    assert!(!text_rows(&draw(&ed, 20, 3))[1].contains("type here"));
}

#[test]
fn a_long_paragraph_arriving_in_one_burst_keeps_its_end_in_view() {
    let mut ed = TextEditor::new("", EditorMode::MultiLine);
    draw(&ed, 30, 6);
    // A paste or fast typing reaches the editor between two frames.
    type_str(&mut ed, &format!("Too long {} end of it", "x".repeat(600)));
    let rows = text_rows(&draw(&ed, 30, 6)).join("\n");
    assert!(rows.contains("end of it"), "{rows}");
}

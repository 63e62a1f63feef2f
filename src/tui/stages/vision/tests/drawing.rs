//! What the vision screen draws: the statement, the columns, the gate line, the
//! cursor, and what a replayed event changed.

use ratatui::crossterm::event::KeyCode;

use crate::domain::timeline::Changed;
use crate::domain::{Change, sample};
use crate::tui::stages::screen::Screen;
use crate::tui::stages::testing::{draw_highlighted, fresh, proceed};
use crate::tui::theme::Theme;

use super::super::{NO_STATEMENT, VisionScreen};
use super::{GLOBEX, NORTHWIND, draw, find, keys, record};

#[test]
fn shows_statement_columns_and_gate_at_80x24() {
    let history = proceed();
    let (screen, _) = draw(&VisionScreen::default(), history.session(), 80, 24);
    let text = screen.join("\n");
    // The statement sits in the box at the top, under its heading.
    assert!(screen[0].contains("Shared opportunity"), "{text}");
    assert!(
        screen[1].contains("Mid-size discrete manufacturers"),
        "{text}"
    );
    assert!(text.contains("2 of 2 agree"), "{text}");
    // One column per partner, side by side.
    let (ny, nx) = find(&screen, "Northwind Analytics").unwrap();
    let (gy, gx) = find(&screen, "Globex Integration").unwrap();
    assert_eq!(ny, gy);
    assert!(gx > nx + 20, "{text}");
    assert!(ny > 1);
    for needle in [
        "View of the opportunity",
        "Why not alone",
        "●●●●○ 4/5",
        "●●●●● 5/5",
        "collaborator",
        "✔ agrees",
    ] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
    // The view text itself is there, in the partner's column.
    let (vy, vx) = find(&screen, "Our platform wins").unwrap();
    assert!(vy > ny && vx < gx, "{text}");
    // The gate's state is the last line.
    assert!(screen[23].contains("Gate passed"), "{text}");
}

#[test]
fn empty_session_says_what_to_do() {
    let history = fresh(2);
    let (screen, _) = draw(&VisionScreen::default(), history.session(), 80, 24);
    let text = screen.join("\n");
    assert!(text.contains(NO_STATEMENT), "{text}");
    for needle in ["not scored", "not said", "… not yet", "not said yet"] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
    assert!(
        screen[23].contains("Gate still needs a shared statement and agreement from"),
        "{text}"
    );
}

#[test]
fn gate_line_says_ready_when_everyone_agrees() {
    let mut history = fresh(2);
    record(
        &mut history,
        vec![
            Change::StatementSet {
                text: "One offer for mid-size plants".into(),
            },
            Change::AgreementSet {
                partner: NORTHWIND,
                agreed: true,
            },
        ],
    );
    let (screen, _) = draw(&VisionScreen::default(), history.session(), 80, 24);
    assert!(
        screen[23].contains("Gate still needs agreement from Globex Integration"),
        "{screen:?}"
    );
    record(
        &mut history,
        vec![Change::AgreementSet {
            partner: GLOBEX,
            agreed: true,
        }],
    );
    let (screen, _) = draw(&VisionScreen::default(), history.session(), 80, 24);
    assert!(
        screen[23].contains("Ready for the gate — PageDown to decide"),
        "{screen:?}"
    );
}

#[test]
fn a_pass_is_shown_calmly_not_in_alarm_red() {
    let history = sample::example_pass().unwrap();
    let (screen, buf) = draw(&VisionScreen::default(), history.session(), 100, 30);
    let last = &screen[29];
    assert!(
        last.contains("took a pass: Acme wants an exclusive"),
        "{last}"
    );
    let theme = Theme::dark();
    let cell = &buf[(2, 29)];
    assert_ne!(cell.fg, theme.bad.fg.unwrap());
    assert_eq!(cell.fg, theme.accent.fg.unwrap());
}

#[test]
fn focused_cell_is_highlighted_and_marked() {
    let history = proceed();
    let mut screen = VisionScreen::default();
    keys(
        &mut screen,
        history.session(),
        &[KeyCode::Down, KeyCode::Right, KeyCode::Down, KeyCode::Down],
    );
    let (rows, buf) = draw(&screen, history.session(), 80, 24);
    let (y, x) = find(&rows, "▸ Alignment").unwrap();
    let (_, gx) = find(&rows, "Globex Integration").unwrap();
    assert!(x + 5 >= gx, "{rows:?}");
    assert_eq!(
        buf[(u16::try_from(x).unwrap(), u16::try_from(y).unwrap())].bg,
        Theme::dark().selected.bg.unwrap()
    );
    assert!(rows[y].contains("●●●●● 5/5"));
}

#[test]
fn eight_partners_keep_the_focused_one_in_view() {
    let history = fresh(8);
    let mut screen = VisionScreen::default();
    keys(&mut screen, history.session(), &[KeyCode::Down]);
    for _ in 0..6 {
        keys(&mut screen, history.session(), &[KeyCode::Right]);
    }
    let (rows, _) = draw(&screen, history.session(), 80, 24);
    let text = rows.join("\n");
    assert!(rows[4].contains("Wayne Enterprises"), "{text}");
    assert!(!rows[4].contains("Northwind"), "{text}");
    assert!(text.contains("◀ 4 more"), "{text}");
    assert!(text.contains("1 more ▶"), "{text}");
    assert!(text.contains("▸ View of the opportunity"), "{text}");
    // The cursor cannot run past the last partner.
    for _ in 0..5 {
        keys(&mut screen, history.session(), &[KeyCode::Right]);
    }
    let (rows, _) = draw(&screen, history.session(), 80, 24);
    assert!(rows.join("\n").contains("Cyberdyne Systems"));
}

#[test]
fn long_texts_are_cut_with_an_ellipsis_not_overflowing() {
    let mut history = fresh(2);
    let long = "word ".repeat(400);
    record(
        &mut history,
        vec![
            Change::StatementSet { text: long.clone() },
            Change::ViewSet {
                partner: NORTHWIND,
                text: long.clone(),
            },
            Change::WhyNotAloneSet {
                partner: NORTHWIND,
                text: long,
            },
        ],
    );
    let (rows, _) = draw(&VisionScreen::default(), history.session(), 80, 24);
    let text = rows.join("\n");
    assert!(text.contains("word…"), "{text}");
    assert!(text.contains("Alignment"), "{text}");
    assert!(rows[23].contains("Gate still needs"), "{text}");
}

#[test]
fn renders_at_any_size_without_panicking() {
    let history = proceed();
    let eight = fresh(8);
    let mut screen = VisionScreen::default();
    keys(
        &mut screen,
        history.session(),
        &[KeyCode::Down, KeyCode::Right],
    );
    crate::tui::stages::testing::draw_at_every_size(
        &[screen],
        &[history.session(), eight.session()],
    );
}

#[test]
fn a_wide_screen_gives_stances_room_beside_their_labels() {
    let history = sample::example_pass().unwrap();
    let (rows, _) = draw(&VisionScreen::default(), history.session(), 160, 45);
    let text = rows.join("\n");
    assert!(text.contains("Stance     situational coopetitor"), "{text}");
    assert!(text.contains("Stance     competitor"), "{text}");
}

fn marked(changed: &Changed) -> Vec<String> {
    crate::tui::stages::testing::marked_on::<VisionScreen>(changed, 80, 24)
}

#[test]
fn the_partner_statement_or_gate_a_replayed_event_changed_is_marked() {
    let history = proceed();
    let globex = &history.session().partners[1];
    let rows = marked(&Changed::Vision(globex.id));
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains(&format!("● {}", globex.name)), "{rows:?}");

    let rows = marked(&Changed::Gate);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].starts_with("● ✔ Gate"), "{rows:?}");

    // Under the cursor the statement keeps the selection's title and gains the mark.
    let history = proceed();
    let screen = VisionScreen::default();
    let buf = draw_highlighted(80, 24, history.session(), &Changed::Statement, |f, ctx| {
        screen.render(f, f.area(), ctx)
    });
    let text = crate::tui::stages::testing::rows(&buf).join("\n");
    assert!(text.contains("▸ ● Shared opportunity"), "{text}");

    // What the vision screen does not show leaves it unmarked.
    assert!(marked(&Changed::Verdict).is_empty());
}

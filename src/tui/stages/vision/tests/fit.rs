//! What the vision screen reports as not shown, and with which keys.

use ratatui::crossterm::event::KeyCode;

use crate::domain::{Change, History, PartnerId, Session};
use crate::tui::stages::Hidden;
use crate::tui::stages::screen::Screen;
use crate::tui::stages::testing::{at, ctx, fresh, key, proceed};
use crate::tui::theme::Theme;

use super::super::VisionScreen;
use super::super::gate::words_cut;

/// Draws the screen at `w` × `h` and returns the screen's rows with what it reported.
fn draw_fit(
    screen: &VisionScreen,
    session: &Session,
    w: u16,
    h: u16,
) -> (Vec<String>, Vec<Hidden>) {
    crate::tui::stages::testing::fit_of(screen, session, w, h)
}

fn reported<'a>(hidden: &'a [Hidden], noun: &str) -> Option<&'a Hidden> {
    hidden.iter().find(|h| h.noun == noun)
}

/// Rows of the screen that show one of the numbered lines `prefix 1`, `prefix 2`, …
fn shown(rows: &[String], prefix: &str) -> usize {
    rows.iter()
        .filter(|r| {
            r.split(prefix)
                .nth(1)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        })
        .count()
}

fn numbered(prefix: &str, n: usize) -> String {
    (1..=n)
        .map(|i| format!("{prefix}{i}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Eight partners, a ten-line statement and a ten-line view from the first partner:
/// more than an 80 × 24 terminal's body (80 × 19) can hold.
fn crowded() -> History {
    let mut history = fresh(8);
    for change in [
        Change::StatementSet {
            text: numbered("Line ", 10),
        },
        Change::ViewSet {
            partner: PartnerId(1),
            text: numbered("View ", 10),
        },
    ] {
        history.record(at(), change).unwrap();
    }
    history
}

#[test]
fn a_small_screen_reports_partners_statement_and_answers_it_cut() {
    let history = crowded();
    let session = history.session();
    let mut screen = VisionScreen::default();
    let (rows, hidden) = draw_fit(&screen, session, 80, 19);
    let text = rows.join("\n");

    let names_shown = session
        .partners
        .iter()
        .filter(|p| text.contains(&p.name))
        .count();
    assert_eq!(names_shown, 3, "{text}");
    let partners = reported(&hidden, "partners").expect("partners reported");
    assert_eq!(partners.count, 8 - names_shown);
    // From the statement the arrows need a step down into the columns first.
    assert_eq!(partners.keys, "↓ ←→");

    let lines = reported(&hidden, "lines of the statement").expect("statement reported");
    let statement_shown = shown(&rows, "Line ");
    assert!(statement_shown > 0, "{text}");
    assert_eq!(lines.count, 10 - statement_shown);
    assert_eq!(lines.keys, "z");

    let answers = reported(&hidden, "lines of answers").expect("answers reported");
    let view_shown = shown(&rows, "View ");
    assert!(view_shown > 0, "{text}");
    assert_eq!(answers.count, 10 - view_shown, "{text}");

    // Nobody has agreed: the gate line names all eight, which 80 cells cannot hold.
    let gate = reported(&hidden, "words of the gate line").expect("gate reported");
    assert!(gate.count > 0);
    assert_eq!(gate.keys, "g");

    // At the last partner the first one's long view is out of view with its column:
    // still five partners hidden (now on the left), no answer lines cut.
    screen.handle_key(key(KeyCode::Down), &ctx(session, &Theme::dark()));
    for _ in 0..7 {
        screen.handle_key(key(KeyCode::Right), &ctx(session, &Theme::dark()));
    }
    let (rows, hidden) = draw_fit(&screen, session, 80, 19);
    let text = rows.join("\n");
    assert!(text.contains("◀ 5 more"), "{text}");
    assert!(text.contains("Cyberdyne Systems"), "{text}");
    let partners = reported(&hidden, "partners").expect("partners reported");
    assert_eq!((partners.count, partners.keys), (5, "←→"));
    assert!(
        reported(&hidden, "lines of answers").is_none(),
        "{hidden:?}"
    );
    assert_eq!(
        reported(&hidden, "lines of the statement").map(|h| (h.count, h.keys)),
        Some((10 - shown(&rows, "Line "), "Tab z"))
    );
}

#[test]
fn nothing_is_reported_when_everything_fits() {
    let history = proceed();
    let (_, hidden) = draw_fit(&VisionScreen::default(), history.session(), 160, 45);
    assert!(hidden.is_empty(), "{hidden:?}");
    let (_, hidden) = draw_fit(&VisionScreen::default(), fresh(2).session(), 160, 45);
    assert!(hidden.is_empty(), "{hidden:?}");
}

#[test]
fn partner_names_cut_at_the_column_edge_are_reported() {
    let mut history = fresh(3);
    let long = "Northwind Analytics and Industrial Data Services";
    history
        .record(
            at(),
            Change::PartnerRenamed {
                partner: PartnerId(1),
                name: long.into(),
            },
        )
        .unwrap();
    let (rows, hidden) = draw_fit(&VisionScreen::default(), history.session(), 80, 19);
    let text = rows.join("\n");
    assert!(text.contains("Northwind Analyt"), "{text}");
    assert!(!text.contains(long), "{text}");
    assert_eq!(
        reported(&hidden, "partner names cut short").map(|h| (h.count, h.keys)),
        Some((1, "↓ ←→ z"))
    );
}

#[test]
fn no_room_for_the_columns_means_every_partner_is_reported() {
    let history = proceed();
    let (_, hidden) = draw_fit(&VisionScreen::default(), history.session(), 80, 4);
    assert_eq!(reported(&hidden, "partners").map(|h| h.count), Some(2));
}

#[test]
fn words_cut_counts_the_word_the_cut_went_through() {
    assert_eq!(words_cut("one two three", "one two three"), 0);
    assert_eq!(words_cut("one two three", "one two…"), 1);
    assert_eq!(words_cut("one two three", "one tw…"), 2);
    assert_eq!(words_cut("one two three", "…"), 3);
}

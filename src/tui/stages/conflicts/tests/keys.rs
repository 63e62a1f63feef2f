//! The key table: what the footer offers and the help lists, live and read-only. Every
//! key the footer offers does something where it is offered, and a read-only view
//! offers, lists and obeys none that would change the session.

use crate::tui::bindings::Effect;
use crate::tui::stages::conflicts::Action;

use super::*;

type Binding = crate::tui::bindings::Binding<Action>;

/// Screens at a few places worth checking: the list at its top and further down, the
/// list filtered to a matrix cell, the matrix with and without a filter.
fn places(session: &Session) -> Vec<(&'static str, ConflictsScreen)> {
    let top = ConflictsScreen::default();
    let mut lower = ConflictsScreen::default();
    press(&mut lower, session, KeyCode::Down);
    press(&mut lower, session, KeyCode::Down);
    let mut matrix = ConflictsScreen::default();
    press(&mut matrix, session, KeyCode::Char('m'));
    let mut filtered = matrix.clone();
    // The first cell of the roles row: a cell the sample fills.
    let roles = Matrix::of(session, &board(session))
        .rows
        .iter()
        .position(|c| *c == ConflictCategory::Roles)
        .expect("the sample has role conflicts");
    for _ in 0..roles {
        press(&mut filtered, session, KeyCode::Down);
    }
    press(&mut filtered, session, KeyCode::Enter);
    assert!(filtered.filter.is_some());
    let mut filtered_matrix = filtered.clone();
    press(&mut filtered_matrix, session, KeyCode::Char('m'));
    vec![
        ("the top of the list", top),
        ("lower in the list", lower),
        ("the matrix", matrix),
        ("a filtered list", filtered),
        ("the matrix over a filter", filtered_matrix),
    ]
}

/// The context of a view that may only look.
fn looking<'a>(session: &'a Session, theme: &'a Theme) -> crate::tui::stages::StageCtx<'a> {
    let mut ctx = ctx(session, theme);
    ctx.read_only = true;
    ctx
}

/// Draws at two sizes, so a change shows whichever layout it belongs to.
fn pictures(screen: &ConflictsScreen, session: &Session, read_only: bool) -> Vec<Buffer> {
    let theme = Theme::dark();
    [(80, 24), (160, 45)]
        .into_iter()
        .map(|(w, h)| {
            let mut ctx = ctx(session, &theme);
            ctx.read_only = read_only;
            crate::tui::widgets::testing::draw_buffer(w, h, |f| {
                StageScreen::render(screen, f, f.area(), &ctx)
            })
        })
        .collect()
}

fn every_offered_key_does_something(read_only: bool) {
    let history = proceed();
    let session = history.session();
    let theme = Theme::dark();
    for (place, screen) in places(session) {
        let ctx = if read_only {
            looking(session, &theme)
        } else {
            ctx(session, &theme)
        };
        let offered = screen.offered_keys(&ctx);
        assert!(!offered.is_empty(), "{place}: nothing offered");
        let before = pictures(&screen, session, read_only);
        for (words, key) in offered {
            let mut pressed = screen.clone();
            let intent = Screen::handle_key(&mut pressed, key, &ctx);
            let after = pictures(&pressed, session, read_only);
            assert!(
                intent.is_some() || after != before,
                "{place}: '{words}' ({key:?}) did nothing"
            );
        }
    }
}

#[test]
fn every_key_the_footer_offers_does_something() {
    every_offered_key_does_something(false);
}

#[test]
fn every_key_a_read_only_footer_offers_does_something() {
    every_offered_key_does_something(true);
}

#[test]
fn a_read_only_view_offers_lists_and_obeys_no_changing_key() {
    let history = proceed();
    let session = history.session();
    let theme = Theme::dark();
    let ctx = looking(session, &theme);
    let changing: Vec<&Binding> = ConflictsScreen::BINDINGS
        .iter()
        .filter(|b| b.effect == Effect::Changes)
        .collect();
    assert!(!changing.is_empty());
    for (place, mut screen) in places(session) {
        for (keys, words) in screen.footer_keys(&ctx) {
            assert!(
                !changing
                    .iter()
                    .any(|b| b.footer == Some(words) && b.footer_keys.unwrap_or(b.keys) == keys),
                "{place}: '{keys} {words}' offered read-only"
            );
        }
        for b in &changing {
            for chord in b.chords {
                let intent = Screen::handle_key(&mut screen, chord.event(), &ctx);
                assert!(
                    !matches!(
                        intent,
                        Some(Intent::Form(_) | Intent::Confirm(_) | Intent::Record(_))
                    ),
                    "{place}: {} asked for a change read-only",
                    b.keys
                );
            }
        }
    }
    let help = Screen::help(&ConflictsScreen::default(), true);
    for line in &help {
        assert!(
            !changing.iter().any(|b| b.what == line.what),
            "help lists '{}' read-only",
            line.keys
        );
    }
    // Looking around is still listed: the matrix is for every view.
    assert!(help.iter().any(|l| l.keys == "m"));
}

#[test]
fn the_footers_read_as_before_and_offer_d_only_on_an_entered_conflict() {
    let history = proceed();
    let session = history.session();
    let theme = Theme::dark();
    let ctx = ctx(session, &theme);
    let footer = |screen: &ConflictsScreen| -> Vec<String> {
        screen
            .footer_keys(&ctx)
            .into_iter()
            .map(|(keys, words)| format!("{keys} {words}"))
            .collect()
    };
    let places = places(session);
    // The first conflict was found by the rules: it is dismissed, not deleted, so `d`
    // is not offered on it.
    assert_eq!(
        footer(&places[0].1),
        [
            "s settle",
            "Enter edit/settle",
            "a add",
            "m matrix",
            "↑↓ select"
        ]
    );
    assert_eq!(
        footer(&places[3].1),
        [
            "s settle",
            "Enter edit/settle",
            "f show all",
            "m matrix",
            "↑↓ select"
        ]
    );
    assert_eq!(
        footer(&places[4].1),
        [
            "←→↑↓ cell",
            "Enter list it",
            "Esc back to list",
            "f clear filter"
        ]
    );
    // Without a filter there is none to clear, so f is not offered in the matrix.
    assert_eq!(
        footer(&places[2].1),
        ["←→↑↓ cell", "Enter list it", "Esc back to list"]
    );
    // Read-only, the list offers only what looks.
    let looking = looking(session, &theme);
    let keys: Vec<&str> = places[0]
        .1
        .footer_keys(&looking)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(keys, ["m", "↑↓"]);
}

#[test]
fn an_empty_board_offers_only_what_it_can_do() {
    let history = fresh(2);
    let session = history.session();
    let theme = Theme::dark();
    let screen = ConflictsScreen::default();
    let keys: Vec<&str> = screen
        .footer_keys(&ctx(session, &theme))
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(keys, ["a", "m"]);
    // Read-only, the empty board invites nobody to add one.
    let buf = crate::tui::widgets::testing::draw_buffer(80, 24, |f| {
        StageScreen::render(&screen, f, f.area(), &looking(session, &theme))
    });
    let all = text(&buf);
    assert!(all.contains("No conflicts found or entered — "), "{all}");
    assert!(!all.contains("press a"), "{all}");
    assert!(!all.contains("add it"), "{all}");
}

#[test]
fn d_is_offered_on_an_entered_conflict_and_explains_itself_on_a_detected_one() {
    let history = proceed();
    let session = history.session();
    let theme = Theme::dark();
    let ctx = ctx(session, &theme);
    let mut explained = false;
    for (_, mut screen) in places(session) {
        let offers = screen
            .footer_keys(&ctx)
            .iter()
            .any(|(keys, _)| *keys == "d");
        let intent = Screen::handle_key(&mut screen, key(KeyCode::Char('d')), &ctx);
        match intent {
            Some(Intent::Confirm(_)) => {
                assert!(offers, "d deletes here but the footer does not say so");
            }
            Some(Intent::Status(said)) => {
                assert!(!offers, "the footer offers d where it only explains");
                assert!(said.contains("dismissed"), "{said}");
                explained = true;
            }
            _ => assert!(!offers, "the footer offers d where it does nothing"),
        }
    }
    assert!(explained, "no place had a detected conflict selected");
}

//! The key table: what the footer offers and the help lists, live and read-only. Every
//! key the footer offers does something where it is offered, and a read-only view
//! offers, lists and obeys none that would change the session.

use super::*;

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

#[test]
fn every_key_the_footer_offers_does_something_live_and_read_only() {
    let history = proceed();
    let session = history.session();
    let theme = Theme::dark();
    let places: Vec<ConflictsScreen> = places(session).into_iter().map(|(_, s)| s).collect();
    for screen in &places {
        for ctx in [ctx(session, &theme), looking(session, &theme)] {
            assert!(
                !screen.offered_keys(&ctx).is_empty(),
                "nothing offered at {screen:?}"
            );
        }
    }
    assert_offered_keys_act(session, &places);
}

#[test]
fn a_read_only_view_offers_lists_and_obeys_no_changing_key() {
    let history = proceed();
    let session = history.session();
    let places: Vec<ConflictsScreen> = places(session).into_iter().map(|(_, s)| s).collect();
    assert_read_only_changes_nothing(session, &places);
    // Looking around is still listed: the matrix is for every view.
    let help = Screen::help(&ConflictsScreen::default(), true);
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
    // is not offered on it; it can be marked. Triage keys come after the basics, so a
    // narrow footer drops them first.
    assert_eq!(
        footer(&places[0].1),
        [
            "s settle",
            "Enter edit/settle",
            "a add",
            "m matrix",
            "↑↓ select",
            "n N next open",
            "v hide low",
            "Space mark",
            "G glossary"
        ]
    );
    assert_eq!(
        footer(&places[3].1),
        [
            "s settle",
            "Enter edit/settle",
            "f show all",
            "m matrix",
            "↑↓ select",
            "Space mark",
            "G glossary"
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
    assert_eq!(keys, ["m", "↑↓", "n N", "v", "G"]);
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
    assert_eq!(keys, ["a", "m", "G"]);
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

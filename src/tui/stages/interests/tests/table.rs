//! The self-interest screen's key table: what the footer offers does something, read-only
//! views offer and list nothing that changes the session nor invite it on screen, and
//! the cursor follows what the record says was added.

use crate::domain::{Change, InterestCategory};
use crate::tui::stages::FocusCard;
use crate::tui::stages::testing::{
    self, assert_offered_keys_act, assert_read_only_changes_nothing, at, fresh,
};
use crate::tui::widgets::testing::draw_buffer;

use super::*;

/// The screen as drawn at 80 × 24 with `ctx`, one string per row.
fn picture(screen: &InterestsScreen, ctx: &StageCtx) -> Vec<String> {
    let buf = draw_buffer(80, 24, |f| Screen::render(screen, f, f.area(), ctx));
    testing::rows(&buf)
}

/// Screens with their cursor in a few telling places: the first interest, further down,
/// in the next column, and in the coverage view.
fn cursor_places(history: &History) -> Vec<InterestsScreen> {
    let moves: [&[KeyCode]; 4] = [
        &[],
        &[KeyCode::Down, KeyCode::Down],
        &[KeyCode::Tab],
        &[KeyCode::Char('c')],
    ];
    moves
        .iter()
        .map(|keys| {
            let mut screen = InterestsScreen::default();
            for code in *keys {
                press(&mut screen, history.session(), *code);
            }
            screen
        })
        .collect()
}

#[test]
fn every_key_the_footer_offers_does_something_live_and_read_only() {
    for history in [proceed(), fresh(2), fresh(3)] {
        assert_offered_keys_act(history.session(), &cursor_places(&history));
    }
}

#[test]
fn a_read_only_view_offers_lists_and_obeys_no_key_that_changes_the_session() {
    let history = proceed();
    assert_read_only_changes_nothing(history.session(), &cursor_places(&history));
    let listed: Vec<&str> = Screen::help(&InterestsScreen::default(), true)
        .iter()
        .map(|k| k.keys)
        .collect();
    assert_eq!(
        listed,
        [
            "← → / h l",
            "Tab / Shift-Tab",
            "↑ ↓ / j k",
            "Home / End",
            "c"
        ]
    );
}

#[test]
fn a_read_only_view_does_not_invite_anyone_to_add_an_interest() {
    let history = fresh(2);
    let theme = Theme::dark();
    let screen = InterestsScreen::default();
    let live = picture(&screen, &ctx(history.session(), &theme)).join("\n");
    assert!(live.contains("No interests yet — press a to add"), "{live}");
    let shown = picture(
        &screen,
        &crate::tui::stages::testing::looking(history.session(), &theme),
    )
    .join("\n");
    assert!(shown.contains("No interests yet"), "{shown}");
    assert!(!shown.contains("press"), "{shown}");
    assert_eq!(
        screen.footer_keys(&crate::tui::stages::testing::looking(
            history.session(),
            &theme
        )),
        [("c", "coverage")]
    );
}

#[test]
fn the_cursor_follows_the_interest_the_record_says_was_added() {
    let mut history = proceed();
    let theme = Theme::dark();
    // The cursor rests on Northwind's first interest; the room adds one for Globex.
    let mut screen = InterestsScreen::default();
    let id = history.session().fresh_id();
    history
        .record(
            at(),
            Change::InterestAdded {
                interest: Interest {
                    id,
                    partner: GLOBEX,
                    statement: "Keep our brand on the invoices".into(),
                    category: InterestCategory::Other,
                    weight: Weight::Negotiable,
                    function: Function::Sales,
                },
            },
        )
        .unwrap();
    let changed = history.last_changed().expect("an interest was added");
    let ctx = ctx(history.session(), &theme);
    Screen::follow(&mut screen, &changed, &ctx);
    let card = Screen::focus_card(&screen, &ctx).expect("an interest is selected");
    assert_eq!(card.title, "Keep our brand on the invoices");
    assert!(
        card.kicker.contains("Globex Integration"),
        "{}",
        card.kicker
    );
    // The next key acts on it.
    let intent = Screen::handle_key(&mut screen, key(KeyCode::Char('d')), &ctx);
    let Some(Intent::Confirm(confirm)) = intent else {
        panic!("d asks before deleting");
    };
    assert!(
        confirm.lines[0].contains("Keep our brand"),
        "{:?}",
        confirm.lines
    );

    // Undone, the interest is gone: the cursor stays in the column, on a neighbour.
    history.record(at(), Change::Undo).unwrap();
    let changed = history.last_changed().expect("the undo names the interest");
    let ctx = testing::ctx(history.session(), &theme);
    Screen::follow(&mut screen, &changed, &ctx);
    let card: Option<FocusCard> = Screen::focus_card(&screen, &ctx);
    assert!(card.is_some_and(|c| c.kicker.contains("Globex Integration")));
}

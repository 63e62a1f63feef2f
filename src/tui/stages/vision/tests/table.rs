//! The vision screen's key table: what the footer offers does something, read-only views
//! offer and list nothing that changes the session, the gate is one key away whatever
//! its state, and the cursor follows what the record says changed.

use ratatui::crossterm::event::KeyCode;

use crate::domain::{Change, History, PartnerId};
use crate::tui::stages::screen::Screen;
use crate::tui::stages::testing::{
    self, assert_offered_keys_act, assert_read_only_changes_nothing, at, ctx, fresh, key, proceed,
};
use crate::tui::stages::{FocusCard, StageCtx};
use crate::tui::theme::Theme;
use crate::tui::widgets::testing::draw_buffer;

use super::super::VisionScreen;
use super::{confirm, keys, record};

const GLOBEX: PartnerId = PartnerId(2);

/// The screen as drawn at 80 × 24 with `ctx`, one string per row.
fn picture(screen: &VisionScreen, ctx: &StageCtx) -> Vec<String> {
    let buf = draw_buffer(80, 24, |f| Screen::render(screen, f, f.area(), ctx));
    testing::rows(&buf)
}

/// A screen with its cursor moved by `moves` (cursor keys only).
fn at_cursor(history: &History, moves: &[KeyCode]) -> VisionScreen {
    let mut screen = VisionScreen::default();
    keys(&mut screen, history.session(), moves);
    screen
}

/// Every place the cursor can be on the first partner: the statement and each answer.
fn cursor_places() -> Vec<Vec<KeyCode>> {
    (0..6).map(|n| vec![KeyCode::Down; n]).collect()
}

/// The footer of `screen` for a moderator who may change the session.
fn footer(screen: &VisionScreen, history: &History) -> Vec<(&'static str, &'static str)> {
    let theme = Theme::dark();
    Screen::footer_keys(screen, &ctx(history.session(), &theme))
}

#[test]
fn the_footer_names_the_keys_of_each_row_in_the_words_it_always_had() {
    let history = proceed();
    let expected: [&[(&str, &str)]; 6] = [
        &[
            ("Enter", "the statement"),
            ("↓", "partners' answers"),
            ("g", "vision gate"),
        ],
        &[
            ("Enter", "edit"),
            ("←→", "partner"),
            ("y", "agrees?"),
            ("g", "vision gate"),
        ],
        &[
            ("Enter", "edit"),
            ("←→", "partner"),
            ("y", "agrees?"),
            ("g", "vision gate"),
        ],
        &[
            ("1–5", "score"),
            ("0", "clear"),
            ("Enter", "type a score"),
            ("y", "agrees?"),
            ("g", "vision gate"),
        ],
        &[
            ("Space", "next stance"),
            ("←→", "partner"),
            ("y", "agrees?"),
            ("g", "vision gate"),
        ],
        &[
            ("Space", "agrees / not yet"),
            ("←→", "partner"),
            ("g", "vision gate"),
        ],
    ];
    for (moves, want) in cursor_places().iter().zip(expected) {
        let screen = at_cursor(&history, moves);
        assert_eq!(footer(&screen, &history), want, "after {} ↓", moves.len());
    }
}

#[test]
fn every_key_the_footer_offers_does_something_live_and_read_only() {
    let theme = Theme::dark();
    for history in [proceed(), fresh(2), fresh(3)] {
        let places: Vec<VisionScreen> = cursor_places()
            .iter()
            .map(|moves| at_cursor(&history, moves))
            .collect();
        for (screen, moves) in places.iter().zip(cursor_places()) {
            let offered = screen.offered_keys(&ctx(history.session(), &theme));
            assert!(!offered.is_empty(), "nothing offered after {moves:?}");
        }
        assert_offered_keys_act(history.session(), &places);
    }
}

#[test]
fn a_read_only_view_offers_lists_and_obeys_no_key_that_changes_the_session() {
    let history = proceed();
    let places: Vec<VisionScreen> = cursor_places()
        .iter()
        .map(|moves| at_cursor(&history, moves))
        .collect();
    assert_read_only_changes_nothing(history.session(), &places);
    let listed: Vec<&str> = Screen::help(&VisionScreen::default(), true)
        .iter()
        .map(|k| k.keys)
        .collect();
    assert_eq!(listed, ["↑ ↓  j k", "← →  h l", "Tab  Shift-Tab"]);
}

#[test]
fn a_read_only_view_does_not_invite_anyone_to_write() {
    let theme = Theme::dark();
    let history = fresh(2);
    for moves in cursor_places() {
        let screen = at_cursor(&history, &moves);
        let ctx = crate::tui::stages::testing::looking(history.session(), &theme);
        let text = picture(&screen, &ctx).join("\n");
        assert!(text.contains("No shared statement yet"), "{text}");
        assert!(!text.contains("press Enter"), "{text}");
        let card = Screen::focus_card(&screen, &ctx).map(|c| testing::card_lines(&c));
        assert!(
            !card.unwrap_or_default().iter().any(|l| l.contains("Enter")),
            "after {moves:?}"
        );
    }
    // A gate ready to decide says how only where it can be decided.
    let mut ready = fresh(2);
    record(
        &mut ready,
        vec![
            Change::StatementSet {
                text: "One offer".into(),
            },
            Change::AgreementSet {
                partner: PartnerId(1),
                agreed: true,
            },
            Change::AgreementSet {
                partner: GLOBEX,
                agreed: true,
            },
        ],
    );
    let screen = VisionScreen::default();
    let live = picture(&screen, &ctx(ready.session(), &theme));
    assert!(live[23].contains("Ready for the gate — PageDown to decide"));
    let shown = picture(
        &screen,
        &crate::tui::stages::testing::looking(ready.session(), &theme),
    );
    assert!(shown[23].contains("Ready for the gate"), "{shown:?}");
    assert!(!shown[23].contains("PageDown"), "{shown:?}");
}

#[test]
fn g_on_a_passed_gate_offers_to_reopen_it_and_to_go_on() {
    let history = proceed();
    let theme = Theme::dark();
    for moves in cursor_places() {
        let mut screen = at_cursor(&history, &moves);
        let intent = Screen::handle_key(
            &mut screen,
            key(KeyCode::Char('g')),
            &ctx(history.session(), &theme),
        );
        let dialog = confirm(intent.expect("g opens the gate"));
        let options: Vec<char> = dialog.options.iter().map(|o| o.key).collect();
        assert_eq!(options, ['r', 'n'], "after {moves:?}");
    }
}

#[test]
fn g_on_an_undecided_gate_opens_the_decision() {
    let mut history = proceed();
    record(&mut history, vec![Change::GateReopened]);
    let theme = Theme::dark();
    let mut screen = VisionScreen::default();
    let intent = Screen::handle_key(
        &mut screen,
        key(KeyCode::Char('g')),
        &ctx(history.session(), &theme),
    );
    let options: Vec<char> = confirm(intent.expect("g opens the gate"))
        .options
        .iter()
        .map(|o| o.key)
        .collect();
    assert_eq!(options, ['p', 'x']);
    let help = Screen::help(&screen, false);
    assert!(
        help.iter()
            .any(|k| k.keys == "g" && k.what.contains("reopen"))
    );
}

#[test]
fn the_gate_line_cut_short_names_g_which_opens_the_gate_in_full() {
    let history = fresh(3);
    let theme = Theme::dark();
    let screen = VisionScreen::default();
    let ctx = ctx(history.session(), &theme);
    draw_buffer(60, 24, |f| Screen::render(&screen, f, f.area(), &ctx));
    let gate = ctx
        .fit
        .hidden()
        .into_iter()
        .find(|h| h.noun == "words of the gate line")
        .expect("the gate line is cut at 60 columns");
    assert_eq!(gate.keys, "g");
    let ro = crate::tui::stages::testing::looking(history.session(), &theme);
    draw_buffer(60, 24, |f| Screen::render(&screen, f, f.area(), &ro));
    let gate = ro
        .fit
        .hidden()
        .into_iter()
        .find(|h| h.noun == "words of the gate line");
    assert_eq!(gate.map(|h| h.keys), Some(""));
}

fn title(card: Option<FocusCard>) -> String {
    card.map(|c| c.title).unwrap_or_default()
}

#[test]
fn the_cursor_follows_the_partner_whose_answer_the_record_says_changed() {
    let mut history = proceed();
    let theme = Theme::dark();
    let mut screen = VisionScreen::default();
    history
        .record(
            at(),
            Change::AlignmentSet {
                partner: GLOBEX,
                score: Some(2),
            },
        )
        .unwrap();
    let changed = history
        .last_changed()
        .expect("the change touched something");
    let ctx = ctx(history.session(), &theme);
    Screen::follow(&mut screen, &changed, &ctx);
    assert_eq!(
        title(Screen::focus_card(&screen, &ctx)),
        "Globex Integration"
    );

    // A new statement puts the cursor back on it.
    history
        .record(
            at(),
            Change::StatementSet {
                text: "A new offer".into(),
            },
        )
        .unwrap();
    let changed = history
        .last_changed()
        .expect("the change touched something");
    let ctx = testing::ctx(history.session(), &theme);
    Screen::follow(&mut screen, &changed, &ctx);
    assert_eq!(title(Screen::focus_card(&screen, &ctx)), "A new offer");
}

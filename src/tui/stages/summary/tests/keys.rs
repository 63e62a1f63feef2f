//! The summary's keys: where they move the cursor, and that the footer and help
//! offer only keys that do something here.

use super::*;

#[test]
fn arrows_move_from_the_verdict_into_the_action_items_and_back() {
    let history = proceed();
    let session = history.session();
    let mut screen = SummaryScreen::default();
    assert_eq!(footer(&screen, session)[0], ("v", "verdict"));
    assert!(press(&mut screen, session, KeyCode::Down).is_none());
    let buf = draw(&screen, session, 80, 24);
    let (y, x) = find(&buf, "▶ Draft the named-account list").expect("selected");
    assert_eq!(buf[(x, y)].style().bg, Theme::dark().selected.bg);
    assert!(find(&buf, "▶ VERDICT").is_none());
    assert_eq!(footer(&screen, session)[0], ("Enter", "edit action item"));
    press(&mut screen, session, KeyCode::Char('j'));
    press(&mut screen, session, KeyCode::Char('j'));
    press(&mut screen, session, KeyCode::Char('j'));
    let buf = draw(&screen, session, 80, 24);
    assert!(find(&buf, "▶ Pick two pilot customers").is_some());
    press(&mut screen, session, KeyCode::Home);
    press(&mut screen, session, KeyCode::Up);
    let buf = draw(&screen, session, 80, 24);
    assert!(find(&buf, "▶ VERDICT").is_some());
    press(&mut screen, session, KeyCode::Tab);
    assert!(matches!(
        press(&mut screen, session, KeyCode::Enter),
        Some(Intent::Form(_))
    ));
    press(&mut screen, session, KeyCode::BackTab);
    assert!(matches!(
        press(&mut screen, session, KeyCode::Enter),
        Some(Intent::Confirm(_))
    ));
    // On the verdict, `d` has nothing to delete.
    assert!(press(&mut screen, session, KeyCode::Char('d')).is_none());
}

#[test]
fn empty_action_list_says_how_to_add_one() {
    let mut history = proceed();
    let ids: Vec<ItemId> = history.session().actions.iter().map(|a| a.id).collect();
    record(
        &mut history,
        ids.into_iter()
            .map(|id| Change::ActionRemoved { id })
            .collect(),
    );
    let mut screen = SummaryScreen::default();
    assert!(press(&mut screen, history.session(), KeyCode::Down).is_none());
    let buf = draw(&screen, history.session(), 80, 24);
    assert!(words(&buf).contains("No action items yet — press a to add one."));
    assert!(
        find(&buf, "▶ VERDICT").is_some(),
        "focus stays on the verdict"
    );
}

#[test]
fn help_lists_every_key_the_footer_mentions() {
    let history = proceed();
    let session = history.session();
    for focus in Focus::CYCLE {
        let screen = SummaryScreen {
            focus,
            ..SummaryScreen::default()
        };
        let help = Screen::help(&screen, false);
        for (key, _) in footer(&screen, session) {
            let key = if key == "↓" { "↑ ↓" } else { key };
            assert!(help.iter().any(|k| k.keys.contains(key)), "{key}");
        }
    }
}

/// The summary with its cursor at the places a moderator stands: the verdict, the
/// first and the last action item, and each of the other two lists.
fn positions() -> Vec<SummaryScreen> {
    let at = |focus, index| SummaryScreen {
        focus,
        cursor: index,
        agreement: index,
        conflict: index,
    };
    vec![
        at(Focus::Verdict, 0),
        at(Focus::Actions, 0),
        at(Focus::Actions, 2),
        at(Focus::Agreements, 0),
        at(Focus::Agreements, 5),
        at(Focus::Conflicts, 1),
    ]
}

#[test]
fn every_key_the_footer_offers_does_something_live_and_read_only() {
    let history = proceed();
    let theme = Theme::dark();
    for screen in positions() {
        for read_only in [false, true] {
            let mut view = ctx(history.session(), &theme);
            view.read_only = read_only;
            assert!(
                !Screen::offered_keys(&screen, &view).is_empty(),
                "{screen:?}"
            );
        }
    }
    testing::assert_offered_keys_act(history.session(), &positions());
}

#[test]
fn a_read_only_view_offers_and_lists_no_key_that_changes_the_session() {
    let history = proceed();
    testing::assert_read_only_changes_nothing(history.session(), &positions());
    // Export writes beside the session and changes nothing in it: read-only keeps it.
    let help = Screen::help(&SummaryScreen::default(), true);
    assert!(help.iter().any(|k| k.keys == "e"));
}

#[test]
fn export_is_the_summarys_own_key() {
    let history = proceed();
    let mut screen = SummaryScreen::default();
    assert!(matches!(
        press(&mut screen, history.session(), KeyCode::Char('e')),
        Some(Intent::ExportNotes)
    ));
    assert!(footer(&screen, history.session()).contains(&("e", "export notes")));
}

#[test]
fn tab_goes_round_the_verdict_the_action_items_the_agreements_and_the_open_conflicts() {
    let history = proceed();
    let session = history.session();
    let mut screen = SummaryScreen::default();
    let mut seen = vec![screen.focus];
    for _ in 0..4 {
        press(&mut screen, session, KeyCode::Tab);
        seen.push(screen.focus);
    }
    assert_eq!(
        seen,
        [
            Focus::Verdict,
            Focus::Actions,
            Focus::Agreements,
            Focus::Conflicts,
            Focus::Verdict
        ]
    );
    press(&mut screen, session, KeyCode::BackTab);
    assert_eq!(screen.focus, Focus::Conflicts);
    // In a list, ↑ from its first entry goes back to the verdict.
    press(&mut screen, session, KeyCode::Up);
    assert_eq!(screen.focus, Focus::Verdict);
    // Empty lists are passed over.
    let history = fresh(2);
    let mut screen = SummaryScreen::default();
    assert!(
        footer(&screen, history.session())
            .iter()
            .all(|(k, _)| *k != "↓")
    );
    press(&mut screen, history.session(), KeyCode::Tab);
    assert_eq!(screen.focus, Focus::Verdict);
}

//! What a replayed event changed is marked in the list.

use super::*;
use crate::domain::board::Source;
use crate::domain::timeline::Changed;
use crate::tui::stages::testing::proceed;

fn marked(changed: &Changed) -> Vec<String> {
    // Tall enough for every conflict of the sample to show.
    crate::tui::stages::testing::marked_on::<ConflictsScreen>(changed, 160, 120)
}

#[test]
fn the_conflict_a_replayed_event_changed_is_marked() {
    let history = proceed();
    let board = crate::domain::board::board(history.session());
    let entered = board
        .iter()
        .rev()
        .find_map(|e| match &e.source {
            Source::Moderator(id) => Some((*id, e.category.label())),
            Source::Detected { .. } => None,
        })
        .expect("the sample has an entered conflict");
    let rows = marked(&Changed::Conflict(entered.0));
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].starts_with("● "), "{rows:?}");
    assert!(rows[0].contains(entered.1), "{rows:?}");

    let detected = board
        .iter()
        .rev()
        .find_map(|e| match &e.source {
            Source::Detected { key, .. } => Some((key.clone(), e.category.label())),
            Source::Moderator(_) => None,
        })
        .expect("the sample has a detected conflict");
    let rows = marked(&Changed::Finding(detected.0));
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains(detected.1), "{rows:?}");
    assert!(marked(&Changed::Verdict).is_empty());
}

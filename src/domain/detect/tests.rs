//! The engine's small parts that were rewritten for speed keep their old behaviour.

use proptest::prelude::*;

use super::pair_set::PairSet;
use super::rules::quote;
use super::{ItemRef, items_key};
use crate::domain::types::{ItemId, PartnerId};

/// The quote as first written: fold white space, then cut at 50 characters.
fn plain_quote(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 50 {
        let cut: String = one_line.chars().take(49).collect();
        format!("'{}…'", cut.trim_end())
    } else {
        format!("'{one_line}'")
    }
}

#[test]
fn a_long_statement_is_quoted_on_one_line_and_cut_with_an_ellipsis() {
    let text = "Keep   all public sector accounts in the Nordics,\nespecially Sweden and Norway";
    assert_eq!(
        quote(text),
        "'Keep all public sector accounts in the Nordics, e…'"
    );
    assert_eq!(quote(" short \t one "), "'short one'");
    assert_eq!(quote(""), "''");
}

proptest! {
    #[test]
    fn quoting_in_one_pass_says_what_the_plain_quote_said(
        words in proptest::collection::vec("[a-zé世 ]{0,12}", 0..12),
        gaps in proptest::collection::vec("[ \t\n]{1,3}", 12),
    ) {
        let mut text = String::new();
        for (word, gap) in words.iter().zip(&gaps) {
            text.push_str(word);
            text.push_str(gap);
        }
        prop_assert_eq!(quote(&text), plain_quote(&text));
    }
}

#[test]
fn a_pair_marked_one_way_round_is_known_the_other_way_round() {
    for mut set in [PairSet::new(10), PairSet::new(5_000)] {
        assert!(!set.contains((3, 7)));
        assert!(set.insert((7, 3)));
        assert!(set.contains((3, 7)));
        assert!(set.contains((7, 3)));
        assert!(!set.insert((3, 7)), "the same pair is not new again");
        assert!(!set.contains((3, 8)));
    }
}

#[test]
fn an_items_key_lists_interests_roles_holes_then_visions_by_number() {
    let items = [
        ItemRef::Vision(PartnerId(2)),
        ItemRef::Hole(ItemId(4)),
        ItemRef::Interest(ItemId(120)),
        ItemRef::Role(ItemId(9)),
        ItemRef::Interest(ItemId(7)),
        ItemRef::Interest(ItemId(7)),
        ItemRef::Interest(ItemId(0)),
    ];
    assert_eq!(items_key(&items), "i0+i7+i120+r9+h4+v2");
}

#[test]
fn a_large_session_is_read_on_two_threads_and_comes_back_in_order() {
    use super::signals::{TWO_THREADS_FROM, read_in_two_halves};
    let items: Vec<usize> = (0..TWO_THREADS_FROM * 2).collect();
    let read = |part: &[usize]| -> Vec<(usize, std::thread::ThreadId)> {
        part.iter()
            .map(|n| (n * 2, std::thread::current().id()))
            .collect()
    };
    let read_here = read(&items);
    let read_in_halves = read_in_two_halves(&items, read);
    let values =
        |v: &[(usize, std::thread::ThreadId)]| v.iter().map(|(n, _)| *n).collect::<Vec<_>>();
    assert_eq!(values(&read_in_halves), values(&read_here));
    let threads: std::collections::HashSet<_> = read_in_halves.iter().map(|(_, t)| *t).collect();
    assert_eq!(threads.len(), 2, "both halves were read on one thread");
    // A small session stays on the caller's thread.
    let small = read_in_two_halves(&items[..10], read);
    assert!(small.iter().all(|(_, t)| *t == std::thread::current().id()));
}

use super::*;

fn entry(n: usize) -> Reversible {
    Reversible {
        forward: Change::TitleSet {
            title: format!("Title {n}"),
        },
        inverse: Vec::new(),
        said: String::new(),
        gate_before: None,
        gate_after: None,
    }
}

#[test]
fn last_changed_agrees_with_the_replay_at_every_event_undo_and_redo_included() {
    use crate::domain::timeline::Timeline;
    let Ok(history) = crate::domain::sample::example_proceed() else {
        panic!("the sample session builds");
    };
    let mut events = history.events().to_vec();
    let at = events.last().map(|e| e.at).unwrap_or_default();
    for change in [Change::Undo, Change::Undo, Change::Redo] {
        events.push(Event { at, change });
    }
    let Ok(timeline) = Timeline::new(events.clone()) else {
        panic!("the record replays");
    };
    assert!(timeline.stop().is_none());
    for end in 1..=events.len() {
        let Ok(prefix) = History::from_events(events[..end].to_vec()) else {
            panic!("a prefix applies");
        };
        assert_eq!(
            prefix.last_changed().as_ref(),
            timeline.changed(end - 1),
            "event {end}"
        );
    }
    assert!(
        timeline.changed(events.len() - 1).is_some(),
        "the redo touches something"
    );
}

#[test]
fn long_stacks_drop_without_overflowing_even_when_shared() {
    let mut stack = Stack::default();
    for n in 0..300_000 {
        stack.push(entry(n));
    }
    let shared = stack.clone();
    for _ in 0..10 {
        stack.pop();
    }
    assert_eq!(stack.iter().count(), 299_990);
    drop(shared);
    drop(stack);
}

#[test]
fn popping_a_shared_stack_leaves_the_copy_as_it_was() {
    let mut stack = Stack::default();
    stack.push(entry(1));
    stack.push(entry(2));
    let copy = stack.clone();
    let top = stack.pop().map(|e| e.forward);
    assert_eq!(
        top,
        Some(Change::TitleSet {
            title: "Title 2".into()
        })
    );
    assert_eq!(stack.iter().count(), 1);
    assert_eq!(copy.iter().count(), 2);
    stack.clear();
    assert!(stack.is_empty());
    assert!(!copy.is_empty());
}

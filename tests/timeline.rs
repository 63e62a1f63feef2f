//! Replaying a session's record: seeking equals a full fold, stage boundaries, search,
//! a broken record, and "continue from here".

#[path = "common/domain.rs"]
mod common;

use common::*;
use proptest::prelude::*;
use sameside::domain::sample;
use sameside::domain::timeline::{CHECKPOINT_EVERY, Changed, Player, Timeline};
use sameside::domain::*;

fn proceed_events() -> Vec<Event> {
    sample::example_proceed()
        .expect("the example applies")
        .events()
        .to_vec()
}

fn timeline(events: Vec<Event>) -> Timeline {
    Timeline::new(events).expect("the record starts with a valid Created event")
}

/// The state after `events[..=p]`, folded from the start the way a load does.
fn folded(events: &[Event], p: usize) -> Session {
    History::from_events(events[..=p].to_vec())
        .expect("a prefix of a valid record applies")
        .session()
        .clone()
}

#[test]
fn every_position_of_the_example_equals_a_full_fold() {
    let events = proceed_events();
    for every in [1, 3, 16, CHECKPOINT_EVERY] {
        let t = Timeline::with_checkpoint_interval(events.clone(), every).unwrap();
        assert_eq!(t.len(), events.len());
        assert_eq!(t.total(), events.len());
        assert!(t.stop().is_none());
        for p in 0..t.len() {
            assert_eq!(
                t.state_at(p),
                folded(&events, p),
                "position {p}, every {every}"
            );
        }
    }
}

#[test]
fn seeking_in_a_long_record_crosses_checkpoints_exactly() {
    let events = sample::large(3, 200, 3 * CHECKPOINT_EVERY + 10)
        .expect("the large sample applies")
        .events()
        .to_vec();
    let t = timeline(events.clone());
    let last = t.last();
    for p in [
        0,
        1,
        CHECKPOINT_EVERY - 1,
        CHECKPOINT_EVERY,
        CHECKPOINT_EVERY + 1,
        2 * CHECKPOINT_EVERY + 500,
        last,
    ] {
        assert_eq!(t.state_at(p), folded(&events, p), "position {p}");
    }
    assert_eq!(
        t.state_at(usize::MAX),
        folded(&events, last),
        "clamped to the end"
    );
}

#[test]
fn sentences_are_the_ones_the_record_describes_and_times_are_as_recorded() {
    let history = sample::example_proceed().unwrap();
    let t = timeline(history.events().to_vec());
    let said = history.describe_all();
    for (i, s) in said.iter().enumerate() {
        assert_eq!(t.sentence(i), Some(s.as_str()));
        assert_eq!(t.time_of(i), Some(history.events()[i].at));
        assert_eq!(
            t.elapsed(i),
            Some(history.events()[i].at - history.events()[0].at)
        );
    }
    assert_eq!(t.elapsed(0), Some(chrono::TimeDelta::zero()));
    assert_eq!(t.sentence(said.len()), None);
    assert_eq!(t.time_of(said.len()), None);
}

#[test]
fn the_examples_stage_boundaries_follow_its_moves() {
    let events = proceed_events();
    let t = timeline(events.clone());
    let stages: Vec<Stage> = t.stage_boundaries().iter().map(|(_, s)| *s).collect();
    use Stage::*;
    assert_eq!(
        stages,
        [
            Vision, Roles, Interests, Conflicts, Roles, Conflicts, Summary
        ]
    );
    let positions: Vec<usize> = t.stage_boundaries().iter().map(|(p, _)| *p).collect();
    assert_eq!(positions[0], 0);
    for (p, stage) in t.stage_boundaries().iter().skip(1) {
        assert_eq!(events[*p].change, Change::MovedTo { stage: *stage });
        assert_eq!(t.state_at(*p).current, *stage);
        assert_ne!(t.state_at(p - 1).current, *stage);
        assert_eq!(t.stage_at(*p), *stage);
        assert_eq!(t.stage_at(p - 1), t.state_at(p - 1).current);
    }
    // Forward from inside a stage: the next move; back: the start of this stage, then
    // of the one before.
    let inside = positions[2] + 1;
    assert_eq!(t.next_boundary(inside), Some(positions[3]));
    assert_eq!(t.prev_boundary(inside), Some(positions[2]));
    assert_eq!(t.prev_boundary(positions[2]), Some(positions[1]));
    assert_eq!(t.prev_boundary(0), None);
    assert_eq!(t.next_boundary(positions[6]), None);

    let mut player = Player::new(t);
    let mut visited = vec![player.position()];
    loop {
        let before = player.position();
        player.next_boundary();
        if player.position() == before {
            break;
        }
        visited.push(player.position());
    }
    let mut expected = positions.clone();
    expected.push(player.timeline().last());
    assert_eq!(visited, expected, "boundary jumps, then the end");
}

#[test]
fn an_undo_that_takes_the_wall_back_is_a_boundary() {
    let mut room = Room::new();
    room.pass_gate();
    room.ok(move_to(Stage::Roles));
    room.ok(Change::Undo); // takes the gate decision back: the wall returns to the vision
    assert_eq!(room.session().current, Stage::Vision);
    let t = timeline(room.history.events().to_vec());
    let last = t.last();
    assert_eq!(t.stage_boundaries().last(), Some(&(last, Stage::Vision)));
    assert_eq!(t.changed(last), Some(&Changed::Gate));
}

#[test]
fn find_looks_after_the_position_ignoring_case_and_wraps_around() {
    let t = timeline(proceed_events());
    let first = t
        .find(0, "INTEGRATION ADDED INTEREST")
        .expect("Globex states interests");
    assert!(
        t.sentence(first)
            .unwrap()
            .to_lowercase()
            .contains("integration added interest")
    );
    for i in 1..first {
        assert!(
            !t.sentence(i)
                .unwrap()
                .to_lowercase()
                .contains("integration added interest")
        );
    }
    let second = t.find(first, "integration added interest").unwrap();
    assert!(second > first);
    // From the end, the search wraps to the first mention.
    assert_eq!(t.find(t.last(), "integration added interest"), Some(first));
    assert_eq!(t.find(0, "   "), None);
    assert_eq!(t.find(0, "no such words anywhere"), None);
    let mut player = Player::new(t);
    assert!(player.find("Integration added interest"));
    assert_eq!(player.position(), first);
    assert!(!player.find("no such words anywhere"));
    assert_eq!(player.position(), first);
}

#[test]
fn an_event_that_cannot_apply_stops_the_replay_and_everything_before_stays_viewable() {
    let mut events = proceed_events();
    let total = events.len();
    let broken = 40;
    events[broken].change = Change::RoleRemoved { id: ItemId(999) };
    let t = timeline(events.clone());
    assert_eq!(t.len(), broken);
    assert_eq!(t.last(), broken - 1);
    assert_eq!(t.total(), total, "events after the broken one are kept");
    let stop = t.stop().expect("the broken event is reported");
    assert_eq!(stop.index, broken);
    assert_eq!(stop.total, total);
    assert!(
        matches!(stop.error, ApplyError::UnknownItem { .. }),
        "{stop}"
    );
    assert!(stop.to_string().starts_with("event 41 of"), "{stop}");
    for p in 0..broken {
        assert_eq!(t.state_at(p), folded(&events, p), "position {p}");
    }
    assert_eq!(t.state_at(broken), folded(&events, broken - 1), "clamped");
    assert!(
        t.sentence(broken).is_some(),
        "the broken event is still described"
    );
    assert_eq!(t.sentence(broken + 1), None);
    assert_eq!(t.event(total - 1), events.last());
    assert!(t.history_at(broken - 1).is_ok());

    let mut player = Player::new(t);
    player.set_speed(timeline::Speed::Compressed);
    player.toggle_play();
    player.tick(std::time::Duration::ZERO);
    player.tick(std::time::Duration::from_secs(3600));
    assert_eq!(player.position(), broken - 1);
    assert!(!player.is_playing());
    assert_eq!(player.at_stop().map(|e| e.index), Some(broken));
}

#[test]
fn a_record_without_a_valid_start_has_nothing_to_replay() {
    let err = Timeline::new(Vec::new()).unwrap_err();
    assert_eq!(err.error, ApplyError::NotCreated);
    let mut events = proceed_events();
    events.remove(0);
    let err = Timeline::new(events).unwrap_err();
    assert_eq!(err.index, 0);
}

#[test]
fn continuing_from_a_position_gives_the_history_as_it_was_then() {
    let mut room = Room::new();
    room.ok(statement("Together we win"));
    room.ok(Change::TitleSet {
        title: "Second title".into(),
    });
    room.ok(Change::Undo);
    room.ok(move_to(Stage::Vision));
    room.ok(Change::TitleSet {
        title: "Third title".into(),
    });
    let events = room.history.events().to_vec();
    let t = Timeline::with_checkpoint_interval(events.clone(), 2).unwrap();
    for p in 0..t.len() {
        let mut got = t.history_at(p).expect("a playable position continues");
        let mut want = History::from_events(events[..=p].to_vec()).unwrap();
        assert_eq!(got.events(), want.events());
        assert_eq!(got.session(), want.session());
        assert_eq!(got.can_undo(), want.can_undo(), "position {p}");
        assert_eq!(got.can_redo(), want.can_redo(), "position {p}");
        assert_eq!(got.undo_preview(), want.undo_preview(), "position {p}");
        // The continued session goes on exactly as the original would have.
        let when = at(100);
        assert_eq!(
            got.record(when, Change::Undo).ok(),
            want.record(when, Change::Undo).ok()
        );
        assert_eq!(got.session(), want.session());
    }
}

mod properties {
    use super::*;
    use common::arbitrary::change;
    use proptest::collection::vec;

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 64,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        /// Random records (undo and redo included, refused changes left out, as the
        /// app records them) replay to the same state at every position, whatever the
        /// checkpoint interval, and a player walking them agrees.
        #[test]
        fn seeking_equals_a_full_fold(
            changes in vec(change(), 1..=80),
            every in 1usize..=7,
            walk in vec(0usize..100, 1..=20),
        ) {
            let mut history = History::create(at(0), created_with(&["Acme", "Globex", "Initech"])).unwrap();
            for (step, change) in changes.into_iter().enumerate() {
                let _ = history.record(at(step as i64 + 1), change);
            }
            let events = history.events().to_vec();
            let t = Timeline::with_checkpoint_interval(events.clone(), every).unwrap();
            prop_assert_eq!(t.len(), events.len());
            prop_assert_eq!(t.state_at(t.last()), history.session().clone());
            let said = history.describe_all();
            prop_assert_eq!(said.len(), t.len());
            for (p, sentence) in said.iter().enumerate() {
                prop_assert_eq!(t.state_at(p), folded(&events, p), "position {}", p);
                prop_assert_eq!(t.sentence(p), Some(sentence.as_str()));
            }
            let mut player = Player::new(t);
            for to in walk {
                player.seek(to);
                let p = player.position();
                prop_assert_eq!(player.state(), &folded(&events, p), "walk to {}", p);
            }
        }
    }
}

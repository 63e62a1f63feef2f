use chrono::TimeZone;

use super::*;
use crate::domain::change::NewPartner;
use crate::domain::types::{PartnerId, PartnershipType};

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0)
        .single()
        .unwrap_or_default()
}

fn created() -> Change {
    Change::Created {
        title: "Pilot".into(),
        moderator: "Dana".into(),
        kind: PartnershipType::SystemIntegrator,
        partners: [(1, "Acme"), (2, "Globex")]
            .into_iter()
            .map(|(id, name)| NewPartner {
                id: PartnerId(id),
                name: name.into(),
                brings: String::new(),
            })
            .collect(),
        roles: Vec::new(),
    }
}

/// A record whose events after `Created` come at the given seconds from the start;
/// each one sets Acme's view, so every event applies.
fn record(seconds: &[i64]) -> Vec<Event> {
    let mut events = vec![Event {
        at: start(),
        change: created(),
    }];
    for (n, s) in seconds.iter().enumerate() {
        events.push(Event {
            at: start() + TimeDelta::seconds(*s),
            change: Change::ViewSet {
                partner: PartnerId(1),
                text: format!("View {n}"),
            },
        });
    }
    events
}

fn player(seconds: &[i64]) -> Player {
    let timeline = Timeline::new(record(seconds));
    assert!(timeline.is_ok(), "{timeline:?}");
    let Ok(timeline) = timeline else {
        unreachable!()
    };
    Player::new(timeline)
}

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

#[test]
fn speeds_divide_the_real_gap_and_compressed_is_fixed() {
    let gap = secs(120);
    assert_eq!(Speed::X1.wait(gap), secs(120));
    assert_eq!(Speed::X2.wait(gap), secs(60));
    assert_eq!(Speed::X5.wait(gap), secs(24));
    assert_eq!(Speed::X10.wait(gap), secs(12));
    assert_eq!(Speed::X60.wait(gap), secs(2));
    assert_eq!(Speed::Compressed.wait(gap), COMPRESSED_STEP);
    assert_eq!(Speed::Compressed.wait(secs(7200)), COMPRESSED_STEP);
    assert_eq!(Speed::X1.faster(), Speed::X2);
    assert_eq!(Speed::Compressed.faster(), Speed::Compressed);
    assert_eq!(Speed::X1.slower(), Speed::X1);
    assert_eq!(Speed::Compressed.slower(), Speed::X60);
}

#[test]
fn at_1x_the_player_waits_the_real_gap() {
    let mut p = player(&[60, 90]);
    p.toggle_play();
    assert!(p.is_playing());
    // The first tick after play starts the wait; nothing is due yet.
    assert!(!p.tick(secs(1000)));
    assert_eq!(p.next_due(), Some(secs(1060)));
    assert!(!p.tick(secs(1059)));
    assert_eq!(p.position(), 0);
    assert!(p.tick(secs(1060)));
    assert_eq!(p.position(), 1);
    // The next wait counts from when the event was due, not from the late tick.
    assert!(!p.tick(secs(1089)));
    assert!(p.tick(secs(1090)));
    assert_eq!(p.position(), 2);
    assert!(!p.is_playing(), "the player stops at the end");
    assert!(!p.tick(secs(5000)));
}

#[test]
fn at_60x_a_minute_takes_a_second() {
    let mut p = player(&[60, 120]);
    p.set_speed(Speed::X60);
    p.toggle_play();
    p.tick(secs(0));
    assert!(!p.tick(Duration::from_millis(999)));
    assert!(p.tick(secs(1)));
    assert_eq!(p.position(), 1);
}

#[test]
fn compressed_plays_long_pauses_and_bursts_at_the_same_pace() {
    // A two-hour break between the first two edits, then two edits in one second.
    let mut p = player(&[7200, 7200, 7201]);
    p.set_speed(Speed::Compressed);
    p.toggle_play();
    p.tick(secs(0));
    let step = COMPRESSED_STEP;
    assert!(!p.tick(step - Duration::from_millis(1)));
    assert!(p.tick(step));
    assert_eq!(p.position(), 1);
    assert!(p.tick(step * 2));
    assert_eq!(p.position(), 2);
    assert!(p.tick(step * 3));
    assert_eq!(p.position(), 3);
    assert!(!p.is_playing());
}

#[test]
fn a_late_tick_catches_up_every_event_that_was_due() {
    let mut p = player(&[10, 20, 30, 40]);
    p.toggle_play();
    p.tick(secs(0));
    assert!(p.tick(secs(25)));
    assert_eq!(p.position(), 2);
    assert_eq!(p.next_due(), Some(secs(30)));
}

#[test]
fn events_at_the_same_moment_play_together_and_backward_clocks_do_not_stall() {
    let mut p = player(&[0, -50, 10]);
    p.toggle_play();
    assert!(p.tick(secs(0)));
    assert_eq!(
        p.position(),
        2,
        "a zero gap and a backward gap are both due at once"
    );
    assert_eq!(p.timeline().gap_after(1), Duration::ZERO);
}

#[test]
fn seeking_or_changing_speed_while_playing_restarts_the_wait() {
    let mut p = player(&[60, 120, 180, 240]);
    p.toggle_play();
    p.tick(secs(0));
    p.tick(secs(50));
    p.seek(2);
    assert!(p.is_playing());
    assert_eq!(p.next_due(), Some(Duration::ZERO));
    assert!(
        !p.tick(secs(100)),
        "the wait starts at the first tick after the jump"
    );
    assert!(p.tick(secs(160)));
    assert_eq!(p.position(), 3);
    p.set_speed(Speed::X2);
    assert!(!p.tick(secs(170)));
    assert!(p.tick(secs(200)));
    assert_eq!(p.position(), 4);
}

#[test]
fn pause_stops_ticks_and_play_at_the_end_starts_over() {
    let mut p = player(&[1, 2]);
    p.toggle_play();
    p.tick(secs(0));
    p.toggle_play();
    assert!(!p.tick(secs(100)));
    assert_eq!(p.position(), 0);
    p.end();
    assert!(p.at_end());
    p.toggle_play();
    assert!(p.is_playing());
    assert_eq!(p.position(), 0);
    p.pause();
    assert_eq!(p.next_due(), None);
}

#[test]
fn steps_and_jumps_stay_in_range() {
    let mut p = player(&[1, 2, 3]);
    p.step_back();
    assert_eq!(p.position(), 0);
    p.step_forward();
    assert_eq!(p.position(), 1);
    p.seek(99);
    assert_eq!(p.position(), 3);
    p.step_forward();
    assert_eq!(p.position(), 3);
    p.home();
    assert_eq!(p.position(), 0);
    // No stage changes in this record: the boundary jumps go to the ends.
    p.next_boundary();
    assert_eq!(p.position(), 3);
    p.prev_boundary();
    assert_eq!(p.position(), 0);
}

#[test]
fn the_players_kept_state_matches_the_timeline_wherever_it_moves() {
    let seconds: Vec<i64> = (1..=40).collect();
    let Ok(timeline) = Timeline::with_checkpoint_interval(record(&seconds), 4) else {
        unreachable!("the record applies")
    };
    let mut p = Player::new(timeline);
    for to in [0, 1, 2, 3, 4, 5, 9, 8, 8, 13, 40, 17, 18, 19, 20, 21, 3] {
        p.seek(to);
        let expected = p.timeline().state_at(to);
        assert_eq!(p.state(), &expected, "at {to}");
    }
}

#[test]
fn changed_names_what_an_event_touched() {
    assert_eq!(Changed::of(&created()), None);
    assert_eq!(
        Changed::of(&Change::ViewSet {
            partner: PartnerId(2),
            text: "x".into()
        }),
        Some(Changed::Vision(PartnerId(2)))
    );
    assert_eq!(
        Changed::of(&Change::MovedTo {
            stage: Stage::Roles
        }),
        Some(Changed::Stage(Stage::Roles))
    );
    let mut events = record(&[1]);
    events.push(Event {
        at: start(),
        change: Change::Undo,
    });
    let Ok(timeline) = Timeline::new(events) else {
        unreachable!("the record applies")
    };
    assert_eq!(timeline.changed(0), None);
    assert_eq!(timeline.changed(2), Some(&Changed::Vision(PartnerId(1))));
}

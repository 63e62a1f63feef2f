//! The domain's rule for the stage clock: time is recorded only for a stage the room
//! worked in, and the bell rings only for a timebox that runs out in front of the room.

use chrono::{Duration, TimeZone, Utc};

use sameside::domain::Stage;
use sameside::domain::stage_time::{TimeboxLook, ran_out_between, time_to_record};

fn look(stage: Stage, spent_seconds: u64, limit_seconds: u64) -> TimeboxLook {
    TimeboxLook {
        stage,
        spent_seconds,
        limit_seconds,
    }
}

#[test]
fn merely_viewing_a_stage_records_no_time() {
    let from = Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap();
    assert_eq!(time_to_record(from, from + Duration::hours(2), false), None);
}

#[test]
fn working_in_a_stage_records_the_time_it_was_on_the_wall() {
    let from = Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap();
    assert_eq!(
        time_to_record(from, from + Duration::minutes(7), true),
        Some(420)
    );
}

#[test]
fn a_clock_that_stood_still_or_went_back_records_nothing() {
    let from = Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap();
    assert_eq!(time_to_record(from, from, true), None);
    assert_eq!(
        time_to_record(from, from - Duration::minutes(5), true),
        None
    );
}

#[test]
fn the_bell_rings_when_the_timebox_runs_out_between_two_looks() {
    let before = look(Stage::Roles, 1190, 1200);
    assert!(ran_out_between(
        Some(before),
        look(Stage::Roles, 1200, 1200)
    ));
    assert!(!ran_out_between(
        Some(before),
        look(Stage::Roles, 1199, 1200)
    ));
}

#[test]
fn a_stage_over_time_before_the_first_look_never_rings() {
    assert!(!ran_out_between(None, look(Stage::Roles, 5000, 1200)));
    let already = look(Stage::Roles, 5000, 1200);
    assert!(!ran_out_between(
        Some(already),
        look(Stage::Roles, 5010, 1200)
    ));
}

#[test]
fn a_stage_that_comes_on_the_wall_over_time_does_not_ring() {
    let roles = look(Stage::Roles, 100, 1200);
    assert!(!ran_out_between(
        Some(roles),
        look(Stage::Interests, 3000, 1500)
    ));
}

#[test]
fn cutting_the_timebox_below_the_time_spent_rings() {
    let before = look(Stage::Roles, 600, 1200);
    assert!(ran_out_between(Some(before), look(Stage::Roles, 600, 300)));
}

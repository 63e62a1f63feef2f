use super::*;

#[test]
fn stages_follow_the_method_order() {
    assert_eq!(Stage::Vision.next(), Some(Stage::Roles));
    assert_eq!(Stage::Conflicts.next(), Some(Stage::Summary));
    assert_eq!(Stage::Summary.next(), None);
    assert_eq!(Stage::Vision.prev(), None);
    assert_eq!(Stage::Summary.number(), 5);
}

#[test]
fn clock_adds_time_per_stage() {
    let mut clock = StageClock::default();
    clock.add_spent(Stage::Roles, 90);
    clock.add_spent(Stage::Roles, 30);
    assert_eq!(clock.spent_seconds(Stage::Roles), 120);
    assert_eq!(clock.spent_seconds(Stage::Vision), 0);
    assert_eq!(clock.total_spent_seconds(), 120);
}

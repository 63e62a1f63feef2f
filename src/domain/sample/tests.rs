use super::*;

#[test]
fn the_proceeding_example_reaches_a_verdict_with_conditions() {
    let history = example_proceed();
    assert!(history.is_ok(), "{history:?}");
    let Ok(history) = history else { return };
    let s = history.session();
    assert_eq!(s.verdict, Some(Verdict::ProceedWithConditions));
    assert_eq!(s.reached, Stage::Summary);
    assert_eq!(s.interests.len(), 8);
    let board = crate::domain::board::board(s);
    assert_eq!(crate::domain::board::agreements(&board).count(), 5);
    let readiness = crate::domain::board::Readiness::of(&board);
    assert_eq!(readiness.deal_breakers, 0);
    assert!(readiness.dismissed >= 1, "{readiness:?}");
    assert_eq!(
        readiness.open[2] + readiness.open[3],
        0,
        "no high or critical left open: {readiness:?}"
    );
    assert!(readiness.parked >= 1, "{readiness:?}");
    assert!(s.clock.spent_seconds(Stage::Vision) > 0);
}

#[test]
fn large_sessions_have_the_size_asked_for() {
    let history = large(4, 1_000, 10_000);
    assert!(history.is_ok(), "{:?}", history.err());
    let Ok(history) = history else { return };
    assert_eq!(history.events().len(), 10_000);
    let s = history.session();
    let items = s.roles.len() + s.holes.len() + s.interests.len() + s.conflicts.len();
    assert_eq!(items, 1_000);
}

#[test]
fn the_pass_example_ends_at_the_gate() {
    let history = example_pass();
    assert!(history.is_ok(), "{history:?}");
    let Ok(history) = history else { return };
    let s = history.session();
    assert_eq!(s.verdict, Some(Verdict::TakeAPass));
    assert!(matches!(s.gate, Some(GateDecision::TakeAPass { .. })));
    assert_eq!(s.current, Stage::Summary);
}

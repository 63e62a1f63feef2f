//! Who has spoken: the strip under the lists, the verdict line, the full coverage view.

use super::*;

pub(super) fn globex_exec_only() -> History {
    let mut history = proceed();
    let removals: Vec<Change> = history
        .session()
        .interests_of(GLOBEX)
        .filter(|i| i.function != Function::Executive)
        .map(|i| Change::InterestRemoved { id: i.id })
        .collect();
    record(&mut history, removals);
    history
}

#[test]
fn coverage_strip_shows_who_has_spoken_on_a_large_screen() {
    let history = globex_exec_only();
    let (rows, _) = draw(&InterestsScreen::default(), history.session(), 160, 40);
    let screen = rows.join("\n");
    // Both the lists and the coverage, with marks and the legend explaining them.
    assert!(screen.contains("Keep the direct relationship"), "{screen}");
    assert!(
        screen.contains("All 4 functions in the room have spoken"),
        "{screen}"
    );
    assert!(
        screen.contains("1 of 4 functions in the room has spoken"),
        "{screen}"
    );
    assert!(
        screen.contains("Only the executive has spoken — ask"),
        "{screen}"
    );
    assert!(
        screen.contains("○ Svcs") && screen.contains("● Exec") && screen.contains("· Mktg"),
        "{screen}"
    );
    assert!(at(&rows, "in the room, not heard yet").0 == 39, "{screen}");
    // Strips of both partners line up.
    let strips: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.contains("Who has spoken"))
        .map(|(y, _)| y)
        .collect();
    assert_eq!(strips.len(), 1, "{screen}");
    assert_eq!(rows[strips[0]].matches("Who has spoken").count(), 2);
}

#[test]
fn small_screen_has_a_verdict_line_and_c_opens_the_full_coverage() {
    let history = globex_exec_only();
    let session = history.session();
    let mut screen = InterestsScreen::default();
    let (rows, _) = draw(&screen, session, 80, 19);
    let text = rows.join("\n");
    assert!(text.contains("Who has spoken"), "{text}");
    assert!(text.contains("All 4 functions"), "{text}");
    assert!(text.contains("Only the executive has"), "{text}");

    assert!(press(&mut screen, session, KeyCode::Char('c')).is_none());
    assert_eq!(
        screen.footer_keys(&ctx(session, &Theme::dark())).last(),
        Some(&("c", "back to interests"))
    );
    let (rows, _) = draw(&screen, session, 80, 19);
    let text = rows.join("\n");
    assert!(!text.contains("Keep the direct"), "{text}");
    let (y, x) = at(&rows, "○ services/delivery");
    assert!(x > 40 && rows[y].contains("silent"), "{text}");
    assert!(
        rows[at(&rows, "● executive").0].contains("spoke · 1"),
        "{text}"
    );
    assert!(
        rows[at(&rows, "· marketing").0].contains("not here"),
        "{text}"
    );
    assert!(text.contains("in the room, not heard yet"), "{text}");
    // Editing keys do not act on interests out of sight, and are not offered here.
    assert!(press(&mut screen, session, KeyCode::Char('d')).is_none());
    let offered = screen.footer_keys(&ctx(session, &Theme::dark()));
    assert!(!offered.iter().any(|(k, _)| *k == "d"), "{offered:?}");
    press(&mut screen, session, KeyCode::Char('c'));
    assert!(matches!(
        press(&mut screen, session, KeyCode::Char('d')),
        Some(Intent::Confirm(_))
    ));
}

#[test]
fn verdicts_read_well() {
    let history = proceed();
    let session = history.session();
    let theme = Theme::monochrome();
    let mut facts = CoverageFacts::of(session, NORTHWIND);
    assert_eq!(
        verdict(&facts, &theme).1,
        "All 4 functions in the room have spoken"
    );
    assert_eq!(missing_line(&facts), None);
    facts.disclosed = [Function::Executive].into();
    assert_eq!(
        verdict(&facts, &theme).1,
        "1 of 4 functions in the room has spoken"
    );
    assert_eq!(
        missing_line(&facts).as_deref(),
        Some("Only the executive has spoken — ask sales, product, legal")
    );
    facts.present = [Function::Executive].into();
    assert_eq!(
        exec_only_prompt(&facts).as_deref(),
        Some("Only the executive has spoken — ask sales, product, engineering…")
    );
    facts.present = [Function::Executive, Function::Sales, Function::Legal].into();
    facts.disclosed = [Function::Executive, Function::Sales].into();
    assert_eq!(
        verdict(&facts, &theme).1,
        "2 of 3 functions in the room have spoken"
    );
    assert_eq!(
        missing_line(&facts).as_deref(),
        Some("Not heard yet: legal")
    );
}

#[test]
fn empty_column_says_what_to_do() {
    let mut history = proceed();
    let removals: Vec<Change> = history
        .session()
        .interests_of(NORTHWIND)
        .map(|i| Change::InterestRemoved { id: i.id })
        .collect();
    record(&mut history, removals);
    let mut screen = InterestsScreen::default();
    let (rows, _) = draw(&screen, history.session(), 80, 19);
    let text = rows.join("\n");
    assert!(text.contains("No interests yet — press a to"), "{text}");
    assert!(rows[0].contains("0 interests"), "{text}");
    // Nothing to edit, weigh or delete: those keys are neither offered nor act.
    assert!(press(&mut screen, history.session(), KeyCode::Enter).is_none());
    let offered = screen.footer_keys(&ctx(history.session(), &Theme::dark()));
    assert_eq!(offered, [("a", "add interest"), ("c", "coverage")]);
    // The other column does not invite a key that would not act on it.
    press(&mut screen, history.session(), KeyCode::Right);
    let (rows, _) = draw(&screen, history.session(), 80, 19);
    assert!(!rows.join("\n").contains("press a"), "{}", rows.join("\n"));
}

//! What does not fit on the summary is counted, and focus mode shows the item under
//! the cursor whole.

use super::*;
use crate::domain::timeline::Changed;

/// The sample with 24 more action items, each due on a day: the first half short,
/// the second half far too long for one row.
fn busy() -> History {
    let mut history = proceed();
    for n in 0..24 {
        let text = if n < 12 {
            format!("Task {n}")
        } else {
            format!(
                "Task {n}: write down who calls which customer first, who prices the \
                 joint offer and who signs it, then send it round before the next meeting"
            )
        };
        let action = ActionItem {
            id: history.session().fresh_id(),
            text,
            owner: "Dana".to_string(),
            due: NaiveDate::from_ymd_opt(2026, 12, 1),
        };
        history
            .record(at(), Change::ActionAdded { action })
            .expect("the action item is added");
    }
    history
}

/// Action items on the screen: only their rows carry a due date.
fn actions_on_screen(rows: &[String]) -> usize {
    rows.iter()
        .filter(|r| r.contains("2026-") || r.contains("no date"))
        .count()
}

fn marked(changed: &Changed) -> Vec<String> {
    crate::tui::stages::testing::marked_on::<SummaryScreen>(changed, 160, 45)
}

#[test]
fn a_busy_summary_reports_the_entries_it_leaves_out() {
    let history = busy();
    let session = history.session();
    let theme = Theme::dark();
    let board = ctx(session, &theme).board;
    let mut screen = SummaryScreen::default();
    let (rows, hidden) = draw_fit(&screen, session, 80, 19);
    let text = rows.join("\n");
    let actions = session.actions.len();
    let shown = actions_on_screen(&rows);
    assert!(shown > 0, "{text}");
    assert_eq!(
        reported(&hidden, "action items"),
        Some((actions - shown, "↑↓")),
        "{text}"
    );
    let agreements = board::agreements(board).count();
    let agreed = rows.iter().filter(|r| r.contains("✔ agreed")).count();
    assert_eq!(
        reported(&hidden, "agreements"),
        Some((agreements - agreed, "Tab ↑↓")),
        "{text}"
    );
    let short = reported(&hidden, "lines of detail");

    // At the end of the list the long texts are in view, and cut.
    press(&mut screen, session, KeyCode::End);
    let (rows, hidden) = draw_fit(&screen, session, 80, 19);
    assert_eq!(
        reported(&hidden, "action items"),
        Some((actions - actions_on_screen(&rows), "↑↓"))
    );
    let long = reported(&hidden, "lines of detail");
    assert!(long > short, "{long:?} {short:?}\n{}", rows.join("\n"));
}

#[test]
fn a_small_summary_on_a_large_screen_reports_nothing() {
    let history = fresh(2);
    let (rows, hidden) = draw_fit(&SummaryScreen::default(), history.session(), 200, 50);
    assert_eq!(hidden, Vec::new(), "{}", rows.join("\n"));
    let history = proceed();
    let (rows, hidden) = draw_fit(&SummaryScreen::default(), history.session(), 200, 50);
    assert_eq!(hidden, Vec::new(), "{}", rows.join("\n"));
}

#[test]
fn the_focus_card_is_the_verdict_then_the_selected_action_item() {
    let history = proceed();
    let session = history.session();
    let theme = Theme::dark();
    let mut screen = SummaryScreen::default();
    let card = card_of(&screen, session).expect("the verdict");
    assert_eq!(card.title, "Proceed with conditions");
    assert_eq!(card.kicker, format!("Verdict · {}", session.title));
    assert_eq!(card.kicker_style, theme.heading);
    let details = card_lines(&card);
    assert_eq!(
        details[0],
        "Conditions: Pilot with two customers before any wider roll-out; revisit margins \
         after the pilot."
    );
    assert!(details[2].starts_with("Readiness "), "{details:?}");
    assert!(details[3].starts_with("TIME "), "{details:?}");

    press(&mut screen, session, KeyCode::Down);
    let card = card_of(&screen, session).expect("an action item");
    assert_eq!(
        card.title,
        "Draft the named-account list for the rules of engagement"
    );
    assert_eq!(card.kicker, "Action item 1 of 3");
    assert_eq!(card_lines(&card), ["Owner: Tom Okafor", "Due: 2026-11-26"]);

    press(&mut screen, session, KeyCode::Down);
    let card = card_of(&screen, session).expect("an action item");
    assert_eq!(card.kicker, "Action item 2 of 3");
    assert!(card.title.starts_with("Propose a pilot price model"));
}

#[test]
fn an_empty_summary_still_has_its_verdict_to_show() {
    // Nothing decided yet: the card says so and what comes first, as the box does.
    let history = fresh(2);
    let card = card_of(&SummaryScreen::default(), history.session()).expect("a card");
    assert_eq!(card.title, "No verdict yet");
    assert_eq!(
        card_lines(&card)[0],
        "The vision gate has not been decided yet; the verdict comes after it."
    );
}

#[test]
fn the_verdict_or_action_a_replayed_event_changed_is_marked() {
    let history = proceed();
    let action = &history.session().actions[1];
    let rows = marked(&Changed::Action(action.id));
    assert_eq!(rows.len(), 1, "{rows:?}");
    let start: String = action.text.chars().take(8).collect();
    assert!(rows[0].contains(&format!("● {start}")), "{rows:?}");

    // The verdict is under the cursor: the mark shows in the title all the same.
    let history = proceed();
    let screen = SummaryScreen::default();
    let buf = draw_highlighted(160, 45, history.session(), &Changed::Verdict, |f, ctx| {
        StageScreen::render(&screen, f, f.area(), ctx)
    });
    let text = testing::rows(&buf).join("\n");
    assert!(text.contains("▶ ● VERDICT"), "{text}");
    assert!(marked(&Changed::Gate).is_empty());
}

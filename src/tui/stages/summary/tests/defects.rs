//! The defects fixed on the summary, each as the room saw it.

use super::*;
use crate::tui::stages::FitReport;
use crate::tui::stages::focus::render_focus;
use crate::tui::widgets::testing::draw_buffer;

const TYPED: &str = "Pilot with two customers first\nRevisit margins after the pilot";

/// The sample session with conditions typed on two lines.
fn two_line_conditions(note: &str) -> History {
    let mut history = proceed();
    history
        .record(
            at(),
            Change::VerdictSet {
                verdict: Some(Verdict::ProceedWithConditions),
                note: note.to_string(),
            },
        )
        .expect("the verdict is recorded");
    history
}

/// The row on which `needle` is drawn.
fn row_of(buf: &Buffer, needle: &str) -> u16 {
    let all = testing::rows(buf).join("\n");
    find(buf, needle)
        .unwrap_or_else(|| panic!("{needle} is not on screen:\n{all}"))
        .0
}

#[test]
fn conditions_typed_on_two_lines_show_on_two_lines_of_the_summary() {
    let history = two_line_conditions(TYPED);
    for (w, h) in [(80, 24), (160, 45)] {
        let buf = draw(&SummaryScreen::default(), history.session(), w, h);
        let first = row_of(&buf, "Conditions: Pilot with two customers first");
        let second = row_of(&buf, "Revisit margins after the pilot");
        assert_eq!(second, first + 1, "{}", testing::rows(&buf).join("\n"));
        assert!(!words(&buf).contains("firstRevisit"));
    }
}

#[test]
fn a_long_typed_line_wraps_and_the_next_one_still_starts_its_own_row() {
    let long = "Pilot with two customers before any wider roll-out, and only with customers \
                that both partners already serve today\nRevisit margins after the pilot";
    let history = two_line_conditions(long);
    let buf = draw(&SummaryScreen::default(), history.session(), 80, 30);
    let first = row_of(&buf, "Conditions: Pilot with two customers");
    let second = row_of(&buf, "Revisit margins after the pilot");
    // The first line took more than one row, and the second begins a row of its own.
    assert!(second >= first + 2, "{}", testing::rows(&buf).join("\n"));
    let row = &testing::rows(&buf)[usize::from(second)];
    let text = row.trim_matches(|c| c == '│' || c == ' ');
    assert_eq!(text, "Revisit margins after the pilot");
}

#[test]
fn conditions_typed_on_two_lines_show_on_two_lines_in_focus_mode() {
    let history = two_line_conditions(TYPED);
    let card = card_of(&SummaryScreen::default(), history.session()).expect("the verdict");
    let lines = card_lines(&card);
    assert_eq!(lines[0], "Conditions: Pilot with two customers first");
    assert_eq!(lines[1], "Revisit margins after the pilot");
    // As drawn: each on its own row.
    let fit = FitReport::default();
    let buf = draw_buffer(120, 30, |f| {
        render_focus(f, f.area(), &card, &Theme::dark(), 30, &fit)
    });
    let first = row_of(&buf, "Conditions: Pilot with two customers first");
    assert_eq!(row_of(&buf, "Revisit margins after the pilot"), first + 1);
}

#[test]
fn a_reason_for_a_pass_typed_on_two_lines_keeps_its_lines() {
    let mut history = proceed();
    record(
        &mut history,
        vec![Change::VerdictSet {
            verdict: Some(Verdict::TakeAPass),
            note: "Margins do not work\nNeither side can staff the pilot".to_string(),
        }],
    );
    let buf = draw(&SummaryScreen::default(), history.session(), 80, 24);
    let first = row_of(&buf, "Reason: Margins do not work");
    assert_eq!(row_of(&buf, "Neither side can staff the pilot"), first + 1);
}

/// Tab until the cursor is in `list`, the way a moderator would.
fn tab_to(screen: &mut SummaryScreen, session: &Session, list: Focus) {
    for _ in 0..Focus::CYCLE.len() {
        if screen.focus == list {
            return;
        }
        press(screen, session, KeyCode::Tab);
    }
    assert_eq!(screen.focus, list, "Tab never reached {list:?}");
}

#[test]
fn agreements_and_conflicts_left_out_are_reached_with_the_keys_the_footer_names() {
    // At 80×24 the footer said "PgUp to see them", and PgUp left the summary.
    let history = proceed();
    let session = history.session();
    let theme = Theme::dark();
    let board = ctx(session, &theme).board;
    let agreements: Vec<String> = board::agreements(board)
        .map(|(_, a)| a.chars().take(24).collect())
        .collect();
    let open: Vec<String> = unsettled(board)
        .iter()
        .map(|e| e.description.chars().take(24).collect())
        .collect();
    for (list, noun, texts) in [
        (Focus::Agreements, "agreements", &agreements),
        (Focus::Conflicts, "conflicts", &open),
    ] {
        let mut screen = SummaryScreen::default();
        let (_, hidden) = draw_fit(&screen, session, 80, 19);
        let (count, keys) = reported(&hidden, noun).expect("some are left out at 80×19");
        assert!(count > 0);
        assert_eq!(keys, "Tab ↑↓");
        // Tab into the list, then ↓ through it: every entry comes into view.
        tab_to(&mut screen, session, list);
        let mut seen = vec![false; texts.len()];
        for _ in 0..texts.len() {
            let (rows, _) = draw_fit(&screen, session, 80, 19);
            let all = rows.join("\n");
            for (seen, text) in seen.iter_mut().zip(texts.iter()) {
                *seen |= all.contains(text.as_str());
            }
            press(&mut screen, session, KeyCode::Down);
        }
        assert!(seen.iter().all(|s| *s), "{noun}: {seen:?}");
        // The selected one, the last, is shown whole in focus mode.
        let card = card_of(&screen, session).expect("a card");
        let last = texts.last().expect("a list");
        assert!(card.title.starts_with(last.as_str()), "{}", card.title);
    }
}

#[test]
fn no_key_named_in_the_fit_report_leaves_the_summary() {
    let history = proceed();
    for (w, h) in [(80, 19), (80, 24), (120, 30), (160, 45)] {
        let (_, hidden) = draw_fit(&SummaryScreen::default(), history.session(), w, h);
        for h in hidden {
            for key in h.keys.split_whitespace() {
                assert!(["Tab", "↑↓", "z"].contains(&key), "{key} for {}", h.noun);
            }
        }
    }
}

#[test]
fn the_cursor_goes_to_the_action_item_the_record_says_was_added() {
    let mut history = proceed();
    let mut screen = SummaryScreen::default();
    let id = history.session().fresh_id();
    let action = ActionItem {
        id,
        text: "Book the pilot kick-off".to_string(),
        owner: "Sam Reyes".to_string(),
        due: None,
    };
    history
        .record(at(), Change::ActionAdded { action })
        .expect("added");
    let changed = history
        .last_changed()
        .expect("the record says what changed");
    StageScreen::follow(
        &mut screen,
        &changed,
        &ctx(history.session(), &Theme::dark()),
    );
    let buf = draw(&screen, history.session(), 80, 24);
    assert!(
        find(&buf, "▶ Book the pilot kick-off").is_some(),
        "{}",
        testing::rows(&buf).join("\n")
    );
    let card = card_of(&screen, history.session()).expect("a card");
    assert_eq!(card.title, "Book the pilot kick-off");
    // The next key acts on it: Enter edits the new item.
    let form = form(press(&mut screen, history.session(), KeyCode::Enter));
    assert_eq!(form.value(0), "Book the pilot kick-off");

    // A verdict recorded next: the cursor goes back to it.
    record(
        &mut history,
        vec![Change::VerdictSet {
            verdict: Some(Verdict::Proceed),
            note: String::new(),
        }],
    );
    let changed = history.last_changed().expect("the verdict");
    StageScreen::follow(
        &mut screen,
        &changed,
        &ctx(history.session(), &Theme::dark()),
    );
    let buf = draw(&screen, history.session(), 80, 24);
    assert!(find(&buf, "▶ VERDICT").is_some());
}

#[test]
fn read_only_empty_states_invite_no_change() {
    let mut history = proceed();
    let ids: Vec<ItemId> = history.session().actions.iter().map(|a| a.id).collect();
    record(
        &mut history,
        ids.into_iter()
            .map(|id| Change::ActionRemoved { id })
            .chain([Change::VerdictSet {
                verdict: None,
                note: String::new(),
            }])
            .collect(),
    );
    let theme = Theme::dark();
    let screen = SummaryScreen::default();
    let mut view = ctx(history.session(), &theme);
    view.read_only = true;
    let buf = draw_buffer(80, 24, |f| StageScreen::render(&screen, f, f.area(), &view));
    let text = words(&buf);
    assert!(text.contains("No action items yet."), "{text}");
    assert!(!text.to_lowercase().contains("press"), "{text}");
    let card = StageScreen::focus_card(&screen, &view).expect("the verdict");
    assert!(
        !card_lines(&card).join(" ").to_lowercase().contains("press"),
        "{:?}",
        card_lines(&card)
    );
    // Live, the same screen says how.
    let buf = draw(&screen, history.session(), 80, 24);
    assert!(words(&buf).contains("press a to add one"));
}

//! Triage: `n` / `N` from one open conflict to the next, the severity filter and what
//! it says it hides, and marking several detected conflicts to dismiss them with one
//! reason in one step that one undo takes back.

use super::*;

/// The sample (four open conflicts, all low) with `count` more open conflicts entered at
/// medium: past `AUTO_HIDE_LOW_ABOVE` the low ones leave the list.
fn crowded(count: usize) -> History {
    let mut history = proceed();
    for n in 0..count {
        add_open(
            &mut history,
            &format!("Both claim region {n}"),
            Severity::Medium,
        );
    }
    history
}

fn place(screen: &ConflictsScreen, session: &Session) -> usize {
    let theme = Theme::dark();
    let ctx = ctx(session, &theme);
    let order = screen.order(&ctx);
    screen.position(ctx.board, &order)
}

fn listed(screen: &ConflictsScreen, session: &Session) -> Vec<BoardEntry> {
    let theme = Theme::dark();
    let ctx = ctx(session, &theme);
    screen
        .order(&ctx)
        .into_iter()
        .map(|i| ctx.board[i].clone())
        .collect()
}

fn footer(screen: &ConflictsScreen, session: &Session) -> Vec<String> {
    let theme = Theme::dark();
    screen
        .footer_keys(&ctx(session, &theme))
        .into_iter()
        .map(|(keys, words)| format!("{keys} {words}"))
        .collect()
}

fn open_count(session: &Session) -> usize {
    board(session)
        .iter()
        .filter(|e| e.status == ConflictStatus::Open)
        .count()
}

/// Marks the open detected conflicts at list places `at` (Space on each).
fn mark_at(screen: &mut ConflictsScreen, session: &Session, at: &[usize]) {
    for &pos in at {
        press(screen, session, KeyCode::Home);
        for _ in 0..pos {
            press(screen, session, KeyCode::Char('j'));
        }
        assert!(detected_open(&selected(screen, session)));
        press(screen, session, KeyCode::Char(' '));
    }
}

#[test]
fn n_walks_the_open_conflicts_and_wraps_round_saying_so() {
    let history = proceed();
    let session = history.session();
    let mut screen = ConflictsScreen::default();
    let opens = open_count(session);
    assert_eq!(opens, 4, "the sample has four open conflicts, listed first");
    for expected in 1..opens {
        assert_eq!(press(&mut screen, session, KeyCode::Char('n')), None);
        assert_eq!(place(&screen, session), expected);
    }
    let said = status_of(press(&mut screen, session, KeyCode::Char('n')));
    assert_eq!(said, "Back to the first open conflict.");
    assert_eq!(place(&screen, session), 0);

    // N goes the other way, round the top to the last open one.
    let said = status_of(press(&mut screen, session, KeyCode::Char('N')));
    assert_eq!(said, "On to the last open conflict.");
    assert_eq!(place(&screen, session), opens - 1);
    assert_eq!(press(&mut screen, session, KeyCode::Char('N')), None);
    assert_eq!(place(&screen, session), opens - 2);

    // From the settled ones at the end, n finds the first open conflict again.
    press(&mut screen, session, KeyCode::End);
    status_of(press(&mut screen, session, KeyCode::Char('n')));
    assert_eq!(place(&screen, session), 0);
    assert_eq!(selected(&screen, session).status, ConflictStatus::Open);
}

#[test]
fn n_is_offered_only_with_another_open_conflict_and_says_why_it_stays() {
    let mut history = proceed();
    let mut screen = ConflictsScreen::default();
    // Dismiss all but one of the open conflicts.
    for _ in 0..3 {
        let entry = select_where(&mut screen, history.session(), detected_open);
        record(
            &mut history,
            vec![Change::FindingSettled {
                key: key_of(&entry),
                status: ConflictStatus::Parked,
                owner: String::new(),
            }],
        );
    }
    let session = history.session();
    assert_eq!(open_count(session), 1);
    press(&mut screen, session, KeyCode::Home);
    assert!(
        !footer(&screen, session)
            .iter()
            .any(|k| k.starts_with("n N"))
    );
    let said = status_of(press(&mut screen, session, KeyCode::Char('n')));
    assert_eq!(said, "This is the only open conflict on the list.");
    // On a parked one below, the single open one is somewhere to go.
    press(&mut screen, session, KeyCode::Char('j'));
    assert!(footer(&screen, session).contains(&"n N next open".to_string()));
    press(&mut screen, session, KeyCode::Char('N'));
    assert_eq!(place(&screen, session), 0);
}

#[test]
fn a_long_open_list_hides_the_low_ones_and_says_how_many() {
    let history = crowded(AUTO_HIDE_LOW_ABOVE);
    let session = history.session();
    let low = board(session)
        .iter()
        .filter(|e| e.severity == Severity::Low)
        .count();
    assert!(open_count(session) > AUTO_HIDE_LOW_ABOVE);
    let mut screen = ConflictsScreen::default();
    assert!(
        listed(&screen, session)
            .iter()
            .all(|e| e.severity > Severity::Low)
    );
    let buf = draw(&screen, session, 160, 45);
    let title = title_row(&buf);
    assert!(
        title.starts_with(&format!(
            "CONFLICTS  {} · low hidden ({low})",
            board(session).len() - low
        )),
        "{title}"
    );
    let (_, hidden) = fit_of(&screen, session, 160, 45);
    assert_eq!(reported(&hidden, "low conflicts"), Some((low, "V")));

    // v: high and up; v again: all of them; the footer names each next step.
    assert!(footer(&screen, session).contains(&"v high and up".to_string()));
    press(&mut screen, session, KeyCode::Char('v'));
    let title = title_row(&draw(&screen, session, 160, 45));
    assert!(title.contains("· low and medium hidden ("), "{title}");
    assert!(footer(&screen, session).contains(&"v show all".to_string()));
    press(&mut screen, session, KeyCode::Char('v'));
    assert_eq!(listed(&screen, session).len(), board(session).len());
    let (_, hidden) = fit_of(&screen, session, 160, 45);
    assert_eq!(reported(&hidden, "low conflicts"), None);
    assert!(!title_row(&draw(&screen, session, 160, 45)).contains("hidden"));

    // From the list as it starts, V shows every conflict in one key.
    let mut screen = ConflictsScreen::default();
    press(&mut screen, session, KeyCode::Char('V'));
    assert_eq!(listed(&screen, session).len(), board(session).len());
}

#[test]
fn a_short_open_list_hides_nothing_until_asked() {
    let history = crowded(AUTO_HIDE_LOW_ABOVE - 4);
    let session = history.session();
    assert_eq!(open_count(session), AUTO_HIDE_LOW_ABOVE);
    let mut screen = ConflictsScreen::default();
    assert_eq!(listed(&screen, session).len(), board(session).len());
    assert!(footer(&screen, session).contains(&"v hide low".to_string()));
    press(&mut screen, session, KeyCode::Char('v'));
    assert!(
        listed(&screen, session)
            .iter()
            .all(|e| e.severity > Severity::Low)
    );
}

#[test]
fn a_long_list_of_only_low_conflicts_keeps_them_all() {
    // Hiding every open conflict would leave the room nothing to work on.
    let mut history = proceed();
    for n in 0..AUTO_HIDE_LOW_ABOVE {
        add_open(&mut history, &format!("Small overlap {n}"), Severity::Low);
    }
    let session = history.session();
    assert!(open_count(session) > AUTO_HIDE_LOW_ABOVE);
    let screen = ConflictsScreen::default();
    assert_eq!(listed(&screen, session).len(), board(session).len());
}

#[test]
fn a_matrix_cell_lists_every_severity_in_it() {
    let history = crowded(AUTO_HIDE_LOW_ABOVE);
    let session = history.session();
    let mut screen = ConflictsScreen::default();
    press(&mut screen, session, KeyCode::Char('m'));
    // Product direction × the pair: one open low conflict in the sample.
    let row = Matrix::of(session, &board(session))
        .rows
        .iter()
        .position(|c| c.label() == "product direction")
        .expect("the sample has a product direction conflict");
    for _ in 0..row {
        press(&mut screen, session, KeyCode::Down);
    }
    press(&mut screen, session, KeyCode::Enter);
    assert!(
        listed(&screen, session)
            .iter()
            .any(|e| e.severity == Severity::Low),
        "the cell's number counted the low ones too"
    );
    assert!(!footer(&screen, session).iter().any(|k| k.starts_with("v ")));
}

#[test]
fn marked_conflicts_are_dismissed_with_one_reason_and_one_undo_takes_them_back() {
    let mut history = proceed();
    let mut screen = ConflictsScreen::default();
    mark_at(&mut screen, history.session(), &[0, 2, 3]);
    // Tall enough for the whole open group, narrow enough for the matrix to stay away.
    let buf = draw(&screen, history.session(), 150, 60);
    assert!(title_row(&buf).contains("· 3 marked"), "{}", text(&buf));
    let marked_rows = rows(&buf).iter().filter(|r| r.contains("✓")).count();
    assert_eq!(marked_rows, 3, "{}", text(&buf));
    assert!(footer(&screen, history.session()).contains(&"x dismiss marked".to_string()));

    let marked: Vec<BoardEntry> = [0, 2, 3]
        .iter()
        .map(|&p| listed(&screen, history.session())[p].clone())
        .collect();
    let editor = press(&mut screen, history.session(), KeyCode::Char('x')).expect("an editor");
    assert!(
        matches!(&editor, Intent::Edit { title, .. } if title.starts_with("Why are the 3 marked")),
        "{editor:?}"
    );
    assert_eq!(
        submit_edit(editor.clone(), "  ", history.session()),
        Err("say why the room dismisses them; the reason is kept".to_string())
    );
    let changes = submit_edit(editor, "Advice, not claims", history.session()).expect("valid");
    let reason = ConflictStatus::Dismissed {
        reason: "Advice, not claims".to_string(),
    };
    assert_eq!(
        changes,
        vec![Change::FindingsSettled {
            keys: marked.iter().map(key_of).collect(),
            status: reason.clone(),
        }]
    );
    let events = history.events().len();
    record_and_follow(&mut screen, &mut history, changes);
    assert_eq!(history.events().len(), events + 1, "one step");
    for entry in &marked {
        assert_eq!(entry_by(history.session(), &entry.source).status, reason);
    }
    // The marks went with the action.
    let buf = draw(&screen, history.session(), 160, 45);
    assert!(!title_row(&buf).contains("marked"));
    assert!(!text(&buf).contains("✓"));

    // One undo brings all three back open.
    record_and_follow(&mut screen, &mut history, vec![Change::Undo]);
    for entry in &marked {
        assert_eq!(
            entry_by(history.session(), &entry.source).status,
            ConflictStatus::Open
        );
    }
    assert_eq!(open_count(history.session()), 4);
    // And one redo dismisses them again.
    record(&mut history, vec![Change::Redo]);
    assert_eq!(open_count(history.session()), 1);
}

#[test]
fn after_a_bulk_dismiss_the_cursor_rests_on_the_next_open_conflict() {
    let mut history = proceed();
    let mut screen = ConflictsScreen::default();
    mark_at(&mut screen, history.session(), &[0, 1]);
    // The cursor is on the second marked one; the next unmarked open one is third.
    assert_eq!(place(&screen, history.session()), 1);
    let next = listed(&screen, history.session())[2].clone();
    let editor = press(&mut screen, history.session(), KeyCode::Char('x')).expect("an editor");
    let changes = submit_edit(editor, "Same team", history.session()).expect("valid");
    record_and_follow(&mut screen, &mut history, changes);
    assert_eq!(selected(&screen, history.session()).source, next.source);
    assert_eq!(
        selected(&screen, history.session()).status,
        ConflictStatus::Open
    );

    // Undo puts the cursor back on the conflicts it brought back.
    record_and_follow(&mut screen, &mut history, vec![Change::Undo]);
    let back = selected(&screen, history.session());
    assert_eq!(back.status, ConflictStatus::Open);
    assert_eq!(place(&screen, history.session()), 0);
}

#[test]
fn one_marked_conflict_is_dismissed_as_if_alone() {
    let history = proceed();
    let mut screen = ConflictsScreen::default();
    mark_at(&mut screen, history.session(), &[1]);
    let entry = selected(&screen, history.session());
    let editor = press(&mut screen, history.session(), KeyCode::Char('x')).expect("an editor");
    let changes = submit_edit(editor, "Not ours", history.session()).expect("valid");
    assert_eq!(
        changes,
        vec![Change::FindingSettled {
            key: key_of(&entry),
            status: ConflictStatus::Dismissed {
                reason: "Not ours".to_string()
            },
            owner: String::new(),
        }]
    );
}

#[test]
fn space_unmarks_and_esc_drops_every_mark() {
    let history = proceed();
    let session = history.session();
    let mut screen = ConflictsScreen::default();
    mark_at(&mut screen, session, &[0, 1]);
    press(&mut screen, session, KeyCode::Char(' '));
    assert!(title_row(&draw(&screen, session, 160, 45)).contains("· 1 marked"));
    press(&mut screen, session, KeyCode::Esc);
    assert!(!title_row(&draw(&screen, session, 160, 45)).contains("marked"));
    // Without marks, x dismisses the selected conflict alone.
    let editor = press(&mut screen, session, KeyCode::Char('x'));
    assert!(
        matches!(&editor, Some(Intent::Edit { title, .. }) if title.starts_with("Why is this not a conflict?"))
    );
}

#[test]
fn marks_clear_when_the_board_changes_under_them() {
    let mut history = proceed();
    let mut screen = ConflictsScreen::default();
    mark_at(&mut screen, history.session(), &[0, 1]);
    // Another open conflict appears: the list is not the one the marks were made on.
    add_open(&mut history, "Both claim Iberia", Severity::Low);
    let buf = draw(&screen, history.session(), 160, 45);
    assert!(!title_row(&buf).contains("marked"), "{}", text(&buf));
    assert!(!footer(&screen, history.session()).contains(&"x dismiss marked".to_string()));

    // Switching the severity filter changes the list too.
    select_where(&mut screen, history.session(), detected_open);
    press(&mut screen, history.session(), KeyCode::Char(' '));
    assert!(title_row(&draw(&screen, history.session(), 160, 45)).contains("1 marked"));
    press(&mut screen, history.session(), KeyCode::Char('v'));
    press(&mut screen, history.session(), KeyCode::Char('V'));
    assert!(!title_row(&draw(&screen, history.session(), 160, 45)).contains("marked"));
}

#[test]
fn an_entered_conflict_is_not_marked_and_space_says_why() {
    let mut history = proceed();
    let id = add_open(&mut history, "Both claim the Nordics", Severity::High);
    let session = history.session();
    let mut screen = ConflictsScreen::default();
    select_where(&mut screen, session, |e| e.source == Source::Moderator(id));
    assert!(
        !footer(&screen, session)
            .iter()
            .any(|k| k.starts_with("Space"))
    );
    let said = status_of(press(&mut screen, session, KeyCode::Char(' ')));
    assert!(
        said.contains("Only detected conflicts are marked"),
        "{said}"
    );
    assert!(!title_row(&draw(&screen, session, 160, 45)).contains("marked"));
}

/// Places where triage keys are offered: the crowded list as it starts, stepped through
/// the filter, with marks, on the settled ones.
fn triage_places(session: &Session) -> Vec<ConflictsScreen> {
    let mut marked = ConflictsScreen::default();
    press(&mut marked, session, KeyCode::Char(' '));
    press(&mut marked, session, KeyCode::Char('j'));
    let mut high = ConflictsScreen::default();
    press(&mut high, session, KeyCode::Char('v'));
    let mut all = high.clone();
    press(&mut all, session, KeyCode::Char('v'));
    // Among the settled ones, one up from the end: `↑↓` stands for Down, which the
    // last row has nowhere to go.
    let mut settled = all.clone();
    press(&mut settled, session, KeyCode::End);
    press(&mut settled, session, KeyCode::Char('k'));
    vec![ConflictsScreen::default(), marked, high, all, settled]
}

#[test]
fn every_triage_key_offered_acts_and_a_read_only_view_changes_nothing() {
    for history in [proceed(), crowded(AUTO_HIDE_LOW_ABOVE)] {
        let session = history.session();
        let places = triage_places(session);
        assert_offered_keys_act(session, &places);
        assert_read_only_changes_nothing(session, &places);
        // Read-only, the view still walks and filters, but neither marks nor dismisses.
        let theme = Theme::dark();
        let looking = looking(session, &theme);
        let keys: Vec<&str> = places[1]
            .footer_keys(&looking)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert!(keys.contains(&"n N") && keys.contains(&"v"), "{keys:?}");
        assert!(!keys.contains(&"Space") && !keys.contains(&"x"), "{keys:?}");
        let help = Screen::help(&places[1], true);
        assert!(help.iter().all(|l| l.keys != "Space" && l.keys != "x"));
    }
}

#[test]
fn the_triage_screens_draw_at_every_size() {
    let history = crowded(AUTO_HIDE_LOW_ABOVE);
    let places = triage_places(history.session());
    draw_at_every_size(&places, &[history.session()]);
}

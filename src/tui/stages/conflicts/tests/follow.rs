//! The cursor follows the record: the wall tells the screen what the last change touched
//! (`History::last_changed`), and the screen puts the cursor where the room's attention
//! is. Each test records the change on a `History` and calls `follow` as the wall does.

use super::*;

/// The entry at `pos` of the list as the screen shows it now.
fn at_place(screen: &ConflictsScreen, session: &Session, pos: usize) -> BoardEntry {
    let theme = Theme::dark();
    let ctx = ctx(session, &theme);
    let order = display_order(&ctx, screen.filter.as_ref());
    ctx.board[order[pos]].clone()
}

/// The list position of the entry under the cursor.
fn place(screen: &ConflictsScreen, session: &Session) -> usize {
    let theme = Theme::dark();
    let ctx = ctx(session, &theme);
    let order = display_order(&ctx, screen.filter.as_ref());
    screen.position(ctx.board, &order)
}

/// The row the list's pointer is on, drawn at 160 × 45.
fn pointed(screen: &ConflictsScreen, session: &Session) -> String {
    let buf = draw(screen, session, 160, 45);
    let (y, _) = find(&buf, "▶ ").expect("the pointer");
    rows(&buf)[usize::from(y)].clone()
}

#[test]
fn parking_a_conflict_leaves_the_selection_on_the_next_open_one() {
    let mut history = proceed();
    let mut screen = ConflictsScreen::default();
    // The second open conflict, so there is one above and more below.
    press(&mut screen, history.session(), KeyCode::Down);
    let settled = selected(&screen, history.session());
    assert_eq!(settled.status, ConflictStatus::Open);
    let next = at_place(&screen, history.session(), 2);
    assert_eq!(
        next.status,
        ConflictStatus::Open,
        "the sample has three open"
    );

    let (_, park) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'p',
    );
    record_and_follow(&mut screen, &mut history, changes_of(park));

    // The parked conflict left for its group; the one below moved up into its place
    // and the cursor is on it, where the moderator was working.
    assert_eq!(place(&screen, history.session()), 1);
    assert_eq!(selected(&screen, history.session()).source, next.source);
    assert!(pointed(&screen, history.session()).contains("open"));
}

#[test]
fn dismissing_with_a_reason_leaves_the_selection_in_place() {
    let mut history = proceed();
    let mut screen = ConflictsScreen::default();
    let settled = select_where(&mut screen, history.session(), detected_open);
    let was = place(&screen, history.session());
    let next = at_place(&screen, history.session(), was + 1);

    let (_, editor) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'x',
    );
    let changes = submit_edit(editor, "Both already agree", history.session()).expect("valid");
    record_and_follow(&mut screen, &mut history, changes);

    assert_eq!(place(&screen, history.session()), was);
    assert_eq!(selected(&screen, history.session()).source, next.source);
    let row = pointed(&screen, history.session());
    assert!(
        !row.contains("dismissed"),
        "not down among the dismissed: {row}"
    );
    assert!(matches!(
        entry_by(history.session(), &settled.source).status,
        ConflictStatus::Dismissed { .. }
    ));
}

#[test]
fn settling_an_entered_conflict_leaves_the_selection_in_place() {
    let mut history = proceed();
    let first = add_open(&mut history, "Both claim the Nordics", Severity::Critical);
    let second = add_open(&mut history, "Both claim Iberia", Severity::Critical);
    let mut screen = ConflictsScreen::default();
    select_where(&mut screen, history.session(), |e| {
        e.source == Source::Moderator(first)
    });
    let was = place(&screen, history.session());

    let (_, editor) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'k',
    );
    let changes = submit_edit(editor, "Sam Reyes", history.session()).expect("valid");
    record_and_follow(&mut screen, &mut history, changes);

    assert_eq!(place(&screen, history.session()), was);
    assert_eq!(
        selected(&screen, history.session()).source,
        Source::Moderator(second)
    );
}

#[test]
fn editing_a_conflict_keeps_the_cursor_on_it_wherever_it_sorts() {
    let mut history = proceed();
    let id = add_open(&mut history, "Both claim the Nordics", Severity::Critical);
    add_open(&mut history, "Both claim Iberia", Severity::High);
    let mut screen = ConflictsScreen::default();
    select_where(&mut screen, history.session(), |e| {
        e.source == Source::Moderator(id)
    });
    assert_eq!(place(&screen, history.session()), 0, "the worst leads");
    // Made low, it sorts to the end of the open ones; it is still the one in hand.
    let mut edit = form(press(&mut screen, history.session(), KeyCode::Enter));
    let low = Severity::ALL
        .iter()
        .position(|s| *s == Severity::Low)
        .expect("low");
    match &mut edit.fields[2].kind {
        crate::tui::form::FieldKind::Choice { selected, .. } => *selected = low,
        _ => panic!("the severity is a choice"),
    }
    let changes = crate::tui::submit::submit_form(&edit, history.session()).expect("valid");
    record_and_follow(&mut screen, &mut history, changes);
    assert_eq!(
        selected(&screen, history.session()).source,
        Source::Moderator(id)
    );
    assert!(place(&screen, history.session()) > 0);
}

#[test]
fn undoing_a_settle_brings_the_cursor_back_to_the_conflict() {
    let mut history = proceed();
    let mut screen = ConflictsScreen::default();
    let settled = selected(&screen, history.session());
    let (_, park) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'p',
    );
    record_and_follow(&mut screen, &mut history, changes_of(park));
    assert_ne!(selected(&screen, history.session()).source, settled.source);

    record_and_follow(&mut screen, &mut history, vec![Change::Undo]);
    assert_eq!(selected(&screen, history.session()).source, settled.source);
    assert_eq!(place(&screen, history.session()), 0);
}

#[test]
fn a_conflict_the_record_adds_comes_under_the_cursor() {
    // A read-only view following the writer never pressed `a`: the record alone says
    // which conflict is new.
    let mut history = proceed();
    let mut screen = ConflictsScreen::default();
    press(&mut screen, history.session(), KeyCode::Down);
    let added = conflict(&history, "Support hours differ", Severity::Low, &[1, 2]);
    let id = added.id;
    record_and_follow(
        &mut screen,
        &mut history,
        vec![Change::ConflictAdded { conflict: added }],
    );
    assert_eq!(
        selected(&screen, history.session()).source,
        Source::Moderator(id)
    );
    assert!(pointed(&screen, history.session()).contains("· low"));
}

#[test]
fn a_removed_conflict_leaves_the_cursor_at_its_place() {
    let mut history = proceed();
    let id = add_open(&mut history, "Both claim the Nordics", Severity::High);
    let mut screen = ConflictsScreen::default();
    select_where(&mut screen, history.session(), |e| {
        e.source == Source::Moderator(id)
    });
    let was = place(&screen, history.session());
    let next = at_place(&screen, history.session(), was + 1);
    record_and_follow(
        &mut screen,
        &mut history,
        vec![Change::ConflictRemoved { id }],
    );
    assert_eq!(selected(&screen, history.session()).source, next.source);
}

#[test]
fn a_change_elsewhere_leaves_the_cursor_alone() {
    let mut history = proceed();
    let mut screen = ConflictsScreen::default();
    press(&mut screen, history.session(), KeyCode::Down);
    let before = selected(&screen, history.session()).source;
    record_and_follow(
        &mut screen,
        &mut history,
        vec![Change::TitleSet {
            title: "Renamed".to_string(),
        }],
    );
    assert_eq!(selected(&screen, history.session()).source, before);
}

//! What the role split's keys ask for.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::tui::stages::roles::Pane;

#[test]
fn tab_moves_the_marker_and_the_footer() {
    let history = proceed();
    let s = history.session();
    let mut screen = RolesScreen::default();
    assert!(
        screen
            .footer_keys(&ctx(s, &Theme::dark()))
            .contains(&("Enter", "rename"))
    );
    assert!(press(&mut screen, s, KeyCode::Tab).is_none());
    let rows = rows(&draw(&screen, s, 80, 24));
    assert!(row_with(&rows, "Holes — gaps").1.starts_with("▶ "));
    assert!(row_with(&rows, "Roles — who").1.starts_with("  "));
    // The first hole of the first partner is selected.
    let buf = draw(&screen, s, 80, 24);
    let (y, row) = row_with(&rows, "• Delivery capacity");
    let x = col_of(row, "Delivery");
    assert_eq!(
        buf[(to_u16(x), to_u16(y))].bg,
        Theme::dark().selected.bg.expect("bg")
    );
    assert!(
        screen
            .footer_keys(&ctx(s, &Theme::dark()))
            .contains(&("Space", "who fills it"))
    );
    press(&mut screen, s, KeyCode::BackTab);
    assert_eq!(screen.pane, Pane::Roles);
}

#[test]
fn enter_and_space_cycle_a_letter() {
    let history = proceed();
    let s = history.session();
    let mut screen = RolesScreen::default();
    let role = role_index(s, "Implementation and integration");
    for _ in 0..role {
        press(&mut screen, s, KeyCode::Down);
    }
    press(&mut screen, s, KeyCode::Right);
    assert!(
        screen
            .footer_keys(&ctx(s, &Theme::dark()))
            .contains(&("Enter", "cycle letter"))
    );
    // Northwind is C; the cycle goes on to I.
    let id = s.roles[role].id;
    let expected = vec![Change::RaciSet {
        role: id,
        partner: NORTHWIND,
        letter: Some(Raci::Informed),
    }];
    assert_eq!(recorded(press(&mut screen, s, KeyCode::Enter)), expected);
    assert_eq!(
        recorded(press(&mut screen, s, KeyCode::Char(' '))),
        expected
    );
    // Globex is A; the cycle goes on to C.
    press(&mut screen, s, KeyCode::Char('l'));
    assert_eq!(
        recorded(press(&mut screen, s, KeyCode::Enter)),
        vec![Change::RaciSet {
            role: id,
            partner: GLOBEX,
            letter: Some(Raci::Consulted),
        }]
    );
}

#[test]
fn letter_keys_set_and_clear_directly() {
    let mut history = proceed();
    let s = history.session().clone();
    let mut screen = RolesScreen::default();
    // Implementation and integration: Northwind is consulted there.
    let at = role_index(&s, "Implementation and integration");
    for _ in 0..at {
        press(&mut screen, &s, KeyCode::Down);
    }
    press(&mut screen, &s, KeyCode::Right);
    let role = s.roles[at].id;
    let set = |letter| {
        vec![Change::RaciSet {
            role,
            partner: NORTHWIND,
            letter,
        }]
    };
    assert_eq!(
        recorded(press(&mut screen, &s, KeyCode::Char('r'))),
        set(Some(Raci::Responsible))
    );
    assert_eq!(
        recorded(press(&mut screen, &s, KeyCode::Char('i'))),
        set(Some(Raci::Informed))
    );
    let shift_a = KeyEvent::new(KeyCode::Char('A'), KeyModifiers::SHIFT);
    let theme = Theme::dark();
    let intent = screen.handle_key(shift_a, &ctx(&s, &theme));
    assert_eq!(recorded(intent), set(Some(Raci::Accountable)));
    // Northwind is already C here: setting C again records nothing, and says so.
    let Some(Intent::Status(said)) = press(&mut screen, &s, KeyCode::Char('c')) else {
        panic!("setting the letter a cell has records nothing");
    };
    assert_eq!(
        said,
        "Northwind Analytics is already consulted for this role"
    );
    for clear in [KeyCode::Char('x'), KeyCode::Backspace, KeyCode::Delete] {
        assert_eq!(recorded(press(&mut screen, &s, clear)), set(None));
    }
    record(&mut history, set(None));
    let rows = rows(&draw(&screen, history.session(), 80, 24));
    assert!(
        row_with(&rows, "Implementation and integration")
            .1
            .contains('·')
    );
    // On the name column a letter key explains itself instead of doing nothing.
    press(&mut screen, &s, KeyCode::Left);
    assert!(matches!(
        press(&mut screen, &s, KeyCode::Char('r')),
        Some(Intent::Status(_))
    ));
    // Ctrl chords are not this screen's.
    let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert!(screen.handle_key(ctrl_r, &ctx(&s, &theme)).is_none());
}

#[test]
fn enter_on_a_name_renames_the_role() {
    let mut history = proceed();
    let s = history.session().clone();
    let mut screen = RolesScreen::default();
    press(&mut screen, &s, KeyCode::Down);
    let id = s.roles[1].id;
    let (initial, result) = submit_text(
        press(&mut screen, &s, KeyCode::Enter),
        "  Integration work ",
        &s,
    );
    assert_eq!(initial, s.roles[1].name);
    let changes = result.expect("accepted");
    assert_eq!(
        changes,
        vec![Change::RoleRenamed {
            id,
            name: "Integration work".into()
        }]
    );
    record(&mut history, changes);
    assert_eq!(history.session().roles[1].name, "Integration work");
    // Empty and duplicate names are refused with a reason.
    let (_, result) = submit_text(press(&mut screen, &s, KeyCode::Enter), "  ", &s);
    assert!(result.is_err());
    let (_, result) = submit_text(
        press(&mut screen, &s, KeyCode::Enter),
        "project MANAGEMENT",
        &s,
    );
    assert!(result.expect_err("duplicate").contains("already"));
}

#[test]
fn a_adds_a_role_with_a_fresh_id() {
    let mut history = proceed();
    let s = history.session().clone();
    let mut screen = RolesScreen::default();
    let (initial, result) = submit_text(
        press(&mut screen, &s, KeyCode::Char('a')),
        "Data ownership",
        &s,
    );
    assert!(initial.is_empty());
    let changes = result.expect("accepted");
    let [Change::RoleAdded { role }] = changes.as_slice() else {
        panic!("expected RoleAdded, got {changes:?}");
    };
    assert_eq!(role.id, s.fresh_id());
    assert!(role.raci.is_empty());
    record(&mut history, changes);
    let rows = rows(&draw(&screen, history.session(), 80, 24));
    // Nobody answers for the new role: that is the conflict named, and the question of
    // who does the work waits until somebody does.
    let (_, row) = row_with(&rows, "Data ownership");
    assert!(row.contains("no A") && !row.contains("no R"), "{row:?}");
}

#[test]
fn d_asks_before_deleting_a_role() {
    let mut history = proceed();
    let s = history.session().clone();
    let mut screen = RolesScreen::default();
    press(&mut screen, &s, KeyCode::End);
    let last = s.roles.last().expect("roles");
    let (question, changes) = confirm_yes(press(&mut screen, &s, KeyCode::Char('d')));
    assert!(question.contains(&last.name), "{question}");
    assert_eq!(changes, vec![Change::RoleRemoved { id: last.id }]);
    record(&mut history, changes);
    // The cursor was on the removed row: it lands on the new last row.
    let rows = rows(&draw(&screen, history.session(), 80, 24));
    let name = &history.session().roles.last().expect("roles").name;
    assert!(row_with(&rows, name).1.starts_with('▸'));
}

#[test]
fn a_in_the_holes_pane_opens_a_form_for_the_focused_partner() {
    let mut history = proceed();
    let s = history.session().clone();
    let mut screen = RolesScreen::default();
    press(&mut screen, &s, KeyCode::Tab);
    press(&mut screen, &s, KeyCode::Right);
    let Some(Intent::Form(mut form)) = press(&mut screen, &s, KeyCode::Char('a')) else {
        panic!("expected a form");
    };
    assert!(form.title.contains("Globex Integration"), "{}", form.title);
    let FieldKind::Choice { options, .. } = &form.fields[1].kind else {
        panic!("second field chooses who fills it");
    };
    assert_eq!(
        options,
        &[
            "itself",
            "Northwind Analytics",
            "a third party",
            "nobody yet"
        ]
    );
    // Nothing typed yet: refused, the form stays open.
    assert!(crate::tui::submit::submit_form(&form, &s).is_err());
    for c in "Plant-floor data science".chars() {
        form.handle_key(key(KeyCode::Char(c)));
    }
    form.handle_key(key(KeyCode::Tab));
    form.handle_key(key(KeyCode::Right));
    let changes = crate::tui::submit::submit_form(&form, &s).expect("accepted");
    assert_eq!(
        changes,
        vec![Change::HoleAdded {
            hole: Hole {
                id: s.fresh_id(),
                owner: GLOBEX,
                text: "Plant-floor data science".into(),
                filled_by: HoleFiller::Partner(NORTHWIND),
            }
        }]
    );
    record(&mut history, changes);
    let rows = rows(&draw(&screen, history.session(), 80, 24));
    assert!(
        row_with(&rows, "Holes — gaps")
            .1
            .contains("⚠ 2 holes expect another partner")
    );
}

#[test]
fn space_cycles_who_fills_a_hole_skipping_the_owner() {
    let history = proceed();
    let s = history.session();
    let mut screen = RolesScreen::default();
    press(&mut screen, s, KeyCode::Tab);
    let first = s.holes_of(NORTHWIND).next().expect("a hole");
    assert_eq!(first.filled_by, HoleFiller::Partner(GLOBEX));
    assert_eq!(
        recorded(press(&mut screen, s, KeyCode::Char(' '))),
        vec![Change::HoleFillerSet {
            id: first.id,
            filled_by: HoleFiller::ThirdParty,
        }]
    );
    // Itself is followed by the other partner, never by the owner.
    assert_eq!(
        next_filler(s, NORTHWIND, HoleFiller::Itself),
        HoleFiller::Partner(GLOBEX)
    );
    assert_eq!(
        next_filler(s, GLOBEX, HoleFiller::Itself),
        HoleFiller::Partner(NORTHWIND)
    );
    assert_eq!(
        next_filler(s, GLOBEX, HoleFiller::Unresolved),
        HoleFiller::Itself
    );
    assert_eq!(
        next_filler(s, GLOBEX, HoleFiller::Partner(GLOBEX)),
        HoleFiller::Itself
    );
}

#[test]
fn enter_rewords_and_d_deletes_a_hole() {
    let mut history = proceed();
    let s = history.session().clone();
    let mut screen = RolesScreen::default();
    press(&mut screen, &s, KeyCode::Tab);
    press(&mut screen, &s, KeyCode::Down);
    let hole = s.holes_of(NORTHWIND).nth(1).expect("two holes").clone();
    let (initial, result) = submit_text(
        press(&mut screen, &s, KeyCode::Enter),
        "Sales in the Nordics",
        &s,
    );
    assert_eq!(initial, hole.text);
    let changes = result.expect("accepted");
    assert_eq!(
        changes,
        vec![Change::HoleEdited {
            id: hole.id,
            text: "Sales in the Nordics".into()
        }]
    );
    record(&mut history, changes);
    let s = history.session().clone();
    let (question, changes) = confirm_yes(press(&mut screen, &s, KeyCode::Char('d')));
    assert!(
        question.contains("Sales in the Nordics") && question.contains("Northwind"),
        "{question}"
    );
    assert_eq!(changes, vec![Change::HoleRemoved { id: hole.id }]);
    record(&mut history, changes);
    assert_eq!(history.session().holes_of(NORTHWIND).count(), 1);
}

#[test]
fn the_cursor_survives_the_session_shrinking() {
    let mut history = proceed();
    let mut screen = RolesScreen::default();
    let s = history.session().clone();
    press(&mut screen, &s, KeyCode::End);
    press(&mut screen, &s, KeyCode::Right);
    press(&mut screen, &s, KeyCode::Right);
    let ids: Vec<ItemId> = s.roles.iter().map(|r| r.id).collect();
    record(
        &mut history,
        ids.into_iter()
            .map(|id| Change::RoleRemoved { id })
            .collect(),
    );
    let s = history.session();
    let rows = rows(&draw(&screen, s, 80, 24));
    row_with(&rows, "No roles yet — press a to add one");
    assert!(press(&mut screen, s, KeyCode::Char('d')).is_none());
    assert!(press(&mut screen, s, KeyCode::Enter).is_none());
    assert!(matches!(
        press(&mut screen, s, KeyCode::Char('a')),
        Some(Intent::Edit { .. })
    ));
}

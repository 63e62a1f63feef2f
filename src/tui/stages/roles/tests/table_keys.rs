//! The key table of the role split: what the footer offers does something, a read-only
//! view offers and lists nothing that changes the session, and the cursor follows what
//! the record says just changed.

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::domain::sample;
use crate::tui::stages::testing::{
    assert_offered_keys_act, assert_read_only_changes_nothing, screens_after,
};
use crate::tui::stages::testing::{fresh, proceed, recorded, rows};

/// Cursor positions worth checking: the name column, a letter, the last role, and the
/// holes pane on each partner.
fn positions(session: &Session) -> Vec<RolesScreen> {
    let paths: &[&[KeyCode]] = &[
        &[],
        &[KeyCode::Right],
        &[KeyCode::Down, KeyCode::Right, KeyCode::Right],
        &[KeyCode::End],
        &[KeyCode::Tab],
        &[KeyCode::Tab, KeyCode::Down],
        &[KeyCode::Tab, KeyCode::Right],
    ];
    screens_after(session, paths)
}

#[test]
fn every_key_the_footer_offers_does_something_live_and_read_only() {
    for history in [proceed(), fresh(2), sample::example_pass().expect("builds")] {
        let s = history.session();
        assert_offered_keys_act(s, &positions(s));
    }
}

#[test]
fn a_read_only_view_offers_lists_and_does_nothing_that_changes_the_session() {
    let history = proceed();
    let s = history.session();
    assert_read_only_changes_nothing(s, &positions(s));
    let help = Screen::help(&RolesScreen::default(), true);
    let keys: Vec<&str> = help.iter().map(|h| h.keys).collect();
    assert_eq!(
        keys,
        ["Tab / Shift-Tab", "↑ ↓ ← → or h j k l", "Home / End"]
    );
}

#[test]
fn the_footer_reads_as_before_in_each_pane_and_column() {
    let theme = Theme::dark();
    let history = proceed();
    let s = history.session();
    let footer = |screen: &RolesScreen| -> Vec<String> {
        Screen::footer_keys(screen, &ctx(s, &theme))
            .into_iter()
            .map(|(k, w)| format!("{k} {w}"))
            .collect()
    };
    let mut screen = RolesScreen::default();
    assert_eq!(
        footer(&screen),
        [
            "Enter rename",
            "a add role",
            "d delete role",
            "→ letters",
            "Tab holes"
        ]
    );
    // Implementation and integration: Northwind is consulted there.
    for _ in 0..role_index(s, "Implementation and integration") {
        press(&mut screen, s, KeyCode::Down);
    }
    press(&mut screen, s, KeyCode::Right);
    assert_eq!(
        footer(&screen),
        [
            "Enter cycle letter",
            "r A c i set letter",
            "x clear",
            "a add role",
            "d delete role",
            "Tab holes"
        ]
    );
    press(&mut screen, s, KeyCode::Tab);
    assert_eq!(
        footer(&screen),
        [
            "a add hole",
            "Enter reword",
            "Space who fills it",
            "d delete hole",
            "Tab roles"
        ]
    );
}

#[test]
fn an_empty_cell_offers_no_clearing() {
    let theme = Theme::dark();
    let mut history = fresh(2);
    let role = Role {
        id: history.session().fresh_id(),
        name: "Data ownership".into(),
        raci: Default::default(),
    };
    record(&mut history, vec![Change::RoleAdded { role }]);
    let s = history.session();
    let mut screen = RolesScreen::default();
    press(&mut screen, s, KeyCode::Right);
    let footer = Screen::footer_keys(&screen, &ctx(s, &theme));
    assert!(!footer.contains(&("x", "clear")), "{footer:?}");
    assert!(footer.contains(&("r A c i", "set letter")), "{footer:?}");
}

#[test]
fn a_read_only_view_does_not_invite_adding_roles_or_holes() {
    let history = fresh(2);
    let s = history.session();
    let theme = Theme::dark();
    let ctx = crate::tui::stages::testing::looking(s, &theme);
    let buf = crate::tui::widgets::testing::draw_buffer(80, 24, |f| {
        Screen::render(&RolesScreen::default(), f, f.area(), &ctx)
    });
    let text = rows(&buf).join("\n");
    assert!(text.contains("No roles yet"), "{text}");
    assert!(text.contains("No holes named for Northwind"), "{text}");
    assert!(!text.contains("press"), "{text}");
    // The live view still says how.
    let live = rows(&draw(&RolesScreen::default(), s, 80, 24)).join("\n");
    assert!(live.contains("No roles yet — press a to add one"), "{live}");
}

/// Records what the editor a key opened makes of `text`, and lets the screen follow
/// the record as the wall does after every change.
fn add_through_the_editor(
    screen: &mut RolesScreen,
    history: &mut History,
    intent: Option<Intent>,
    text: &str,
) {
    let s = history.session().clone();
    let (_, result) = submit_text(intent, text, &s);
    record(history, result.expect("accepted"));
    let changed = history
        .last_changed()
        .expect("the change touched something");
    let theme = Theme::dark();
    Screen::follow(screen, &changed, &ctx(history.session(), &theme));
}

#[test]
fn after_a_adds_a_role_the_next_letter_key_sets_the_new_role() {
    let mut history = proceed();
    let mut screen = RolesScreen::default();
    let s = history.session().clone();
    // The cursor on Northwind's letter of the second role, as the room left it.
    press(&mut screen, &s, KeyCode::Down);
    press(&mut screen, &s, KeyCode::Right);
    let intent = press(&mut screen, &s, KeyCode::Char('a'));
    add_through_the_editor(&mut screen, &mut history, intent, "Data ownership");
    let s = history.session();
    let new = role_id(s, "Data ownership");
    assert_eq!(
        recorded(press(&mut screen, s, KeyCode::Char('r'))),
        vec![Change::RaciSet {
            role: new,
            partner: NORTHWIND,
            letter: Some(Raci::Responsible),
        }]
    );
    // The row is marked where the room looks.
    let rows = rows(&draw(&screen, s, 120, 40));
    let (_, row) = row_with(&rows, "Data ownership");
    assert!(row.starts_with('▸'), "{row:?}");
}

#[test]
fn after_a_adds_a_hole_the_cursor_is_on_it_in_its_owners_column() {
    let mut history = proceed();
    let mut screen = RolesScreen::default();
    let s = history.session().clone();
    press(&mut screen, &s, KeyCode::Tab);
    press(&mut screen, &s, KeyCode::Right);
    let Some(Intent::Form(mut form)) = press(&mut screen, &s, KeyCode::Char('a')) else {
        panic!("expected a form");
    };
    for c in "Plant-floor data science".chars() {
        form.handle_key(key(KeyCode::Char(c)));
    }
    // Meanwhile the cursor went back to Northwind's first hole.
    press(&mut screen, &s, KeyCode::Left);
    record(
        &mut history,
        crate::tui::submit::submit_form(&form, &s).expect("accepted"),
    );
    let changed = history.last_changed().expect("a hole changed");
    let theme = Theme::dark();
    Screen::follow(&mut screen, &changed, &ctx(history.session(), &theme));
    let s = history.session();
    let hole = s
        .holes
        .iter()
        .find(|h| h.text == "Plant-floor data science")
        .expect("added");
    let Change::HoleFillerSet { id, .. } = recorded(press(&mut screen, s, KeyCode::Char(' ')))[0]
    else {
        panic!("Space sets who fills the hole");
    };
    assert_eq!(id, hole.id);
}

#[test]
fn undoing_a_letter_puts_the_cursor_on_that_cell() {
    let mut history = proceed();
    let s = history.session().clone();
    let role = role_id(&s, "Executive sponsorship");
    record(
        &mut history,
        vec![Change::RaciSet {
            role,
            partner: GLOBEX,
            letter: Some(Raci::Accountable),
        }],
    );
    record(&mut history, vec![Change::Undo]);
    let mut screen = RolesScreen::default();
    let theme = Theme::dark();
    let changed = history.last_changed().expect("the undone letter");
    Screen::follow(&mut screen, &changed, &ctx(history.session(), &theme));
    let s = history.session();
    let Change::RaciSet {
        role: on, partner, ..
    } = recorded(press(&mut screen, s, KeyCode::Char('i')))[0]
    else {
        panic!("a letter key sets a letter");
    };
    assert_eq!((on, partner), (role, GLOBEX));
}

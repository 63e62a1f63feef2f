//! The key table of the partners panel: what the footer offers does something, a
//! read-only view offers and lists nothing that changes the session, the way back is
//! the wall's, and the cursor follows what the record says just changed.

use super::*;
use crate::tui::stages::testing::{
    assert_offered_keys_act, assert_read_only_changes_nothing, screens_after,
};
use crate::tui::wall::Wall;

/// The panel with the cursor on a partner's name, what it brings, a representative,
/// and the second partner's last row.
fn positions(session: &Session) -> Vec<PartnersScreen> {
    let paths: &[&[KeyCode]] = &[
        &[],
        &[KeyCode::Down],
        &[KeyCode::Down, KeyCode::Down],
        &[KeyCode::Right, KeyCode::Down, KeyCode::Down, KeyCode::Down],
    ];
    screens_after(session, paths)
}

#[test]
fn every_key_the_footer_offers_does_something_live_and_read_only() {
    for history in [proceed(), fresh(2), fresh(8)] {
        let s = history.session();
        assert_offered_keys_act(s, &positions(s));
    }
}

#[test]
fn a_read_only_view_offers_lists_and_does_nothing_that_changes_the_session() {
    let history = proceed();
    let s = history.session();
    assert_read_only_changes_nothing(s, &positions(s));
    let help = Screen::help(&PartnersScreen::default(), true);
    let keys: Vec<&str> = help.iter().map(|h| h.keys).collect();
    assert_eq!(keys, ["← →  h l", "↑ ↓  j k"]);
}

#[test]
fn the_footer_offers_what_applies_on_each_row_and_no_way_back_of_its_own() {
    let theme = Theme::dark();
    let history = proceed();
    let s = history.session();
    let footer = |screen: &PartnersScreen| -> Vec<String> {
        Screen::footer_keys(screen, &ctx(s, &theme))
            .into_iter()
            .map(|(k, w)| format!("{k} {w}"))
            .collect()
    };
    let positions = positions(s);
    let [name, brings, person, ..] = positions.as_slice() else {
        panic!("four positions");
    };
    assert_eq!(
        footer(name),
        [
            "Enter rename",
            "a add representative",
            "A add partner",
            "D remove partner"
        ]
    );
    assert_eq!(
        footer(brings),
        [
            "Enter edit what it brings",
            "a add representative",
            "A add partner",
            "D remove partner"
        ]
    );
    assert_eq!(
        footer(person),
        [
            "Enter edit",
            "d remove",
            "a add representative",
            "A add partner",
            "D remove partner"
        ]
    );
    // Esc belongs to the wall, which closes the panel with it.
    assert!(
        super::super::BINDINGS
            .iter()
            .all(|b| b.chords.iter().all(|c| c.code != KeyCode::Esc))
    );
    let mut screen = PartnersScreen::default();
    assert!(press(&mut screen, s, KeyCode::Esc).is_none());
    assert!(!Screen::help(&screen, false).iter().any(|h| h.keys == "Esc"));
}

#[test]
fn esc_on_the_wall_closes_the_panel_back_to_the_stage() {
    let history = proceed();
    let s = history.session();
    let theme = Theme::dark();
    let mut wall = Wall::default();
    wall.set_partners(true);
    let used = wall.own_key(s.current, &key(KeyCode::Esc), &ctx(s, &theme));
    assert!(matches!(used, crate::tui::wall::WallKey::Used(None)));
    assert!(!wall.shows_partners());
}

#[test]
fn a_read_only_view_does_not_invite_adding_or_editing() {
    let history = fresh(2);
    let s = history.session();
    let theme = Theme::dark();
    // The cursor on what the first partner brings, which is not said yet.
    let mut screen = PartnersScreen::default();
    press(&mut screen, s, KeyCode::Down);
    let ctx = crate::tui::stages::testing::looking(s, &theme);
    let buf = crate::tui::widgets::testing::draw_buffer(80, 24, |f| {
        Screen::render(&screen, f, f.area(), &ctx)
    });
    let text = rows(&buf).join("\n");
    assert!(text.contains("No representatives yet"), "{text}");
    assert!(text.contains("not said yet"), "{text}");
    assert!(!text.contains("press"), "{text}");
    let card = Screen::focus_card(&screen, &ctx).expect("a card");
    let lines: Vec<String> = card.details.iter().map(|l| l.to_string()).collect();
    assert!(lines.contains(&"  None yet".to_string()), "{lines:?}");
    // The live view still says how.
    let (live, _) = draw(&screen, s, 80, 24);
    let live = live.join("\n");
    assert!(live.contains("not said yet — press Enter"), "{live}");
    assert!(
        live.contains("No representatives yet — press a to"),
        "{live}"
    );
}

/// Records `changes` and lets the screen follow the record, as the wall does after
/// every change.
fn record_and_follow(screen: &mut PartnersScreen, history: &mut History, changes: Vec<Change>) {
    record(history, changes).expect("the change applies");
    let changed = history
        .last_changed()
        .expect("the change touched something");
    let theme = Theme::dark();
    Screen::follow(screen, &changed, &ctx(history.session(), &theme));
}

#[test]
fn a_new_representative_gets_the_cursor_so_d_removes_them() {
    let mut history = proceed();
    let s = history.session().clone();
    let mut screen = PartnersScreen::default();
    press(&mut screen, &s, KeyCode::Right);
    let mut form = form(press(&mut screen, &s, KeyCode::Char('a')));
    type_into(&mut form, "Ana Costa");
    let changes = crate::tui::submit::submit_form(&form, &s).expect("accepted");
    record_and_follow(&mut screen, &mut history, changes);
    let (confirm, _) = confirm_yes(press(&mut screen, history.session(), KeyCode::Char('d')));
    assert!(
        confirm.lines[0].contains("Ana Costa"),
        "{:?}",
        confirm.lines
    );
}

#[test]
fn a_new_partner_gets_the_cursor_so_a_adds_a_representative_to_it() {
    let mut history = proceed();
    let s = history.session().clone();
    let mut screen = PartnersScreen::default();
    press(&mut screen, &s, KeyCode::Down);
    let mut added = form(press(&mut screen, &s, KeyCode::Char('A')));
    type_into(&mut added, "Initech");
    let changes = crate::tui::submit::submit_form(&added, &s).expect("accepted");
    record_and_follow(&mut screen, &mut history, changes);
    let form = form(press(&mut screen, history.session(), KeyCode::Char('a')));
    assert!(form.title.contains("Initech"), "{}", form.title);
    // On its name: Enter renames the new partner.
    let Some(Intent::Edit { initial, .. }) = press(&mut screen, history.session(), KeyCode::Enter)
    else {
        panic!("expected an editor");
    };
    assert_eq!(initial, "Initech");
}

#[test]
fn editing_what_a_partner_brings_keeps_the_cursor_on_that_row() {
    let mut history = proceed();
    let mut screen = PartnersScreen::default();
    press(&mut screen, history.session(), KeyCode::Down);
    record_and_follow(
        &mut screen,
        &mut history,
        vec![Change::BringsSet {
            partner: NORTHWIND,
            text: "Analytics for lines".into(),
        }],
    );
    let Some(Intent::Edit { initial, .. }) = press(&mut screen, history.session(), KeyCode::Enter)
    else {
        panic!("expected an editor");
    };
    assert_eq!(initial, "Analytics for lines");
}

//! What the partners panel's keys ask for.

use super::*;

#[test]
fn enter_renames_and_refuses_a_taken_name() {
    let history = proceed();
    let session = history.session();
    let mut screen = PartnersScreen::default();
    moves(&mut screen, session, &[KeyCode::Right]);
    let Some(Intent::Edit {
        initial, purpose, ..
    }) = press(&mut screen, session, KeyCode::Enter)
    else {
        panic!("expected an editor")
    };
    assert_eq!(initial, "Globex Integration");
    assert!(
        crate::tui::submit::submit_text(&purpose, "northwind analytics".into(), session).is_err()
    );
    let Some(Intent::Edit { purpose, .. }) = press(&mut screen, session, KeyCode::Enter) else {
        panic!("expected an editor")
    };
    assert_eq!(
        crate::tui::submit::submit_text(&purpose, " Globex ".into(), session).unwrap(),
        vec![Change::PartnerRenamed {
            partner: GLOBEX,
            name: "Globex".into()
        }]
    );
}

#[test]
fn enter_on_brings_edits_it() {
    let history = proceed();
    let session = history.session();
    let mut screen = PartnersScreen::default();
    moves(&mut screen, session, &[KeyCode::Down]);
    let Some(Intent::Edit {
        initial, purpose, ..
    }) = press(&mut screen, session, KeyCode::Enter)
    else {
        panic!("expected an editor")
    };
    assert!(initial.starts_with("Real-time analytics"));
    assert_eq!(
        crate::tui::submit::submit_text(&purpose, "Analytics for lines".into(), session).unwrap(),
        vec![Change::BringsSet {
            partner: NORTHWIND,
            text: "Analytics for lines".into()
        }]
    );
}

#[test]
fn editing_a_representative_replaces_it_in_one_step() {
    let mut history = proceed();
    let session = history.session().clone();
    let mut screen = PartnersScreen::default();
    moves(
        &mut screen,
        &session,
        &[KeyCode::Down, KeyCode::Down, KeyCode::Down],
    );
    let mut form = form(press(&mut screen, &session, KeyCode::Enter));
    assert_eq!(form.value(0), "Tom Okafor");
    assert_eq!(function_at(form.selected(1)), Function::Sales);
    // Unchanged: nothing to record.
    assert!(
        crate::tui::submit::submit_form(&form, &session)
            .unwrap()
            .is_empty()
    );
    form.handle_key(key(KeyCode::Tab));
    form.handle_key(key(KeyCode::Right));
    let changes = crate::tui::submit::submit_form(&form, &session).unwrap();
    let id = session.partners[0].representatives[1].id;
    assert_eq!(
        changes,
        vec![Change::RepresentativeEdited {
            partner: NORTHWIND,
            representative: Representative {
                id,
                name: "Tom Okafor".into(),
                function: Function::Marketing
            }
        }]
    );
    record(&mut history, changes).unwrap();
    // The corrected person keeps their id and their place in the list.
    let reps = &history.session().partners[0].representatives;
    assert_eq!(reps[1].id, id);
    assert_eq!(reps[1].function, Function::Marketing);
}

#[test]
fn a_adds_a_representative_with_a_fresh_id() {
    let mut history = proceed();
    let session = history.session().clone();
    let mut screen = PartnersScreen::default();
    moves(&mut screen, &session, &[KeyCode::Right]);
    let mut form = form(press(&mut screen, &session, KeyCode::Char('a')));
    assert!(form.title.contains("Globex Integration"));
    assert!(crate::tui::submit::submit_form(&form, &session).is_err());
    type_into(&mut form, "Ana Costa");
    form.handle_key(key(KeyCode::Tab));
    type_into(&mut form, "c");
    let changes = crate::tui::submit::submit_form(&form, &session).unwrap();
    assert_eq!(
        changes,
        vec![Change::RepresentativeAdded {
            partner: GLOBEX,
            representative: Representative {
                id: session.fresh_id(),
                name: "Ana Costa".into(),
                function: Function::Channel
            }
        }]
    );
    record(&mut history, changes).unwrap();
    let (screen_rows, _) = draw(&screen, history.session(), 80, 24);
    assert!(screen_rows.join("\n").contains("Ana Costa — channel"));
}

#[test]
fn d_asks_before_removing_the_named_representative() {
    let mut history = proceed();
    let session = history.session().clone();
    let mut screen = PartnersScreen::default();
    assert!(matches!(
        press(&mut screen, &session, KeyCode::Char('d')),
        Some(Intent::Status(_))
    ));
    moves(
        &mut screen,
        &session,
        &[KeyCode::Char('l'), KeyCode::Char('j'), KeyCode::Char('j')],
    );
    let (confirm, changes) = confirm_yes(press(&mut screen, &session, KeyCode::Char('d')));
    assert!(
        confirm.lines[0].contains("Helen Marsh"),
        "{:?}",
        confirm.lines
    );
    assert!(confirm.lines[0].contains("Globex Integration"));
    let helen = session.partners[1].representatives[0].id;
    assert_eq!(
        changes,
        vec![Change::RepresentativeRemoved {
            partner: GLOBEX,
            id: helen
        }]
    );
    record(&mut history, changes).unwrap();
    assert_eq!(history.session().partners[1].representatives.len(), 3);
}

#[test]
fn shift_a_adds_a_partner_up_to_eight() {
    let mut history = proceed();
    let session = history.session().clone();
    let mut screen = PartnersScreen::default();
    let mut form = form(press(&mut screen, &session, KeyCode::Char('A')));
    type_into(&mut form, "globex integration");
    assert!(
        crate::tui::submit::submit_form(&form, &session)
            .unwrap_err()
            .contains("already")
    );
    let mut form = self::form(press(&mut screen, &session, KeyCode::Char('A')));
    type_into(&mut form, "Initech");
    form.handle_key(key(KeyCode::Tab));
    type_into(&mut form, "Funding");
    let changes = crate::tui::submit::submit_form(&form, &session).unwrap();
    assert_eq!(
        changes,
        vec![Change::PartnerAdded {
            partner: PartnerId(3),
            name: "Initech".into(),
            brings: "Funding".into()
        }]
    );
    record(&mut history, changes).unwrap();
    assert_eq!(history.session().partners.len(), 3);

    let full = fresh(8);
    let refused = press(&mut screen, full.session(), KeyCode::Char('A'));
    let Some(Intent::Status(message)) = refused else {
        panic!("expected a refusal")
    };
    assert!(message.contains("at most 8"), "{message}");
}

#[test]
fn shift_d_removes_only_an_unused_partner() {
    let history = proceed();
    let session = history.session().clone();
    let mut screen = PartnersScreen::default();
    let (confirm, changes) = confirm_yes(press(&mut screen, &session, KeyCode::Char('D')));
    assert!(confirm.lines[0].contains("Northwind Analytics"));
    let mut used = history.clone();
    assert!(matches!(
        record(&mut used, changes),
        Err(ApplyError::PartnerInUse(_))
    ));

    let mut three = fresh(3);
    let mut screen = PartnersScreen::default();
    moves(
        &mut screen,
        three.session(),
        &[KeyCode::Right, KeyCode::Right],
    );
    let (_, changes) = confirm_yes(press(
        &mut screen,
        &three.session().clone(),
        KeyCode::Char('D'),
    ));
    assert_eq!(
        changes,
        vec![Change::PartnerRemoved {
            partner: PartnerId(3)
        }]
    );
    record(&mut three, changes).unwrap();
    assert_eq!(three.session().partners.len(), 2);
    // The cursor follows the session: it now sits on the last partner left.
    let (rows, _) = draw(&screen, three.session(), 80, 24);
    assert!(rows.join("\n").contains("▸ Globex Integration"));
}

#[test]
fn footer_follows_the_cursor() {
    let history = proceed();
    let mut screen = PartnersScreen::default();
    let footer =
        |screen: &PartnersScreen| screen.footer_keys(&ctx(history.session(), &Theme::dark()));
    assert_eq!(footer(&screen)[0], ("Enter", "rename"));
    moves(
        &mut screen,
        history.session(),
        &[KeyCode::Down, KeyCode::Down],
    );
    assert!(footer(&screen).contains(&("d", "remove")));
    assert!(screen.help(false).iter().any(|k| k.keys == "D"));
}

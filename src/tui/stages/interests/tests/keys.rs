//! What the self-interest screen's keys do: moving, the forms, weights, deleting.

use super::*;

#[test]
fn columns_show_each_partner_with_interests_sorted_by_weight() {
    let history = proceed();
    let (rows, _) = draw(&InterestsScreen::default(), history.session(), 80, 19);
    let (title_row, northwind_x) = at(&rows, "Northwind Analytics");
    let (globex_row, globex_x) = at(&rows, "Globex Integration");
    assert_eq!(title_row, 0);
    assert_eq!(globex_row, 0);
    assert!(northwind_x < 5 && globex_x > 40, "{northwind_x} {globex_x}");
    assert!(rows[0].contains("4 interests"), "{}", rows[0]);

    // Non-negotiable first, each interest with its mark, in the order they were said.
    let heading = at(&rows, "■ Non-negotiable · 2");
    let first = at(&rows, "■ Keep the direct relationship");
    let second = at(&rows, "■ Connectors built in the project");
    let important = at(&rows, "▲ Important · 2");
    assert!(heading.0 < first.0 && first.0 < second.0 && second.0 < important.0);
    assert!(first.1 < 40);
    // The detail line names category and function.
    let detail = at(&rows, "account leadership · by sales");
    assert_eq!(detail.0, first.0 + 2, "{}", rows.join("\n"));
    // Globex's column has its own, in its own place.
    let (own, x) = at(&rows, "■ Own EMEA enterprise accounts");
    assert!(x > 40 && own == first.0, "{}", rows.join("\n"));
}

#[test]
fn focused_interest_is_highlighted_and_follows_the_arrow_keys() {
    let history = proceed();
    let session = history.session();
    let theme = Theme::dark();
    let mut screen = InterestsScreen::default();
    let (rows, buf) = draw(&screen, session, 80, 19);
    let (y, x) = at(&rows, "Keep the direct");
    assert_eq!(buf[(x as u16, y as u16)].style().bg, theme.selected.bg);

    press(&mut screen, session, KeyCode::Down);
    let (rows, buf) = draw(&screen, session, 80, 19);
    let (y, x) = at(&rows, "Keep the direct");
    assert_ne!(buf[(x as u16, y as u16)].style().bg, theme.selected.bg);
    let (y, x) = at(&rows, "Connectors built");
    assert_eq!(buf[(x as u16, y as u16)].style().bg, theme.selected.bg);

    // Enter now edits the second interest of the sorted column.
    let (form, _) = submit(press(&mut screen, session, KeyCode::Enter), session);
    assert!(form.value(0).starts_with("Connectors built"));
}

#[test]
fn enter_opens_a_prefilled_form_and_saving_keeps_id_and_partner() {
    let mut history = proceed();
    let original = interest(history.session(), "Own EMEA");
    let mut screen = InterestsScreen::default();
    press(&mut screen, history.session(), KeyCode::Right);
    let Some(Intent::Form(mut form)) = press(&mut screen, history.session(), KeyCode::Enter) else {
        panic!("Enter should open a form");
    };
    assert!(form.title.contains("Globex Integration"), "{}", form.title);
    assert_eq!(form.value(0), original.statement);
    assert_eq!(
        form.selected(1),
        position_of(InterestCategory::ALL, &original.category)
    );
    assert_eq!(form.selected(2), position_of(Weight::ALL, &original.weight));
    assert_eq!(
        form.selected(3),
        position_of(Function::ALL, &original.function)
    );

    set_text(
        &mut form,
        0,
        "Own EMEA enterprise accounts for all delivery work",
    );
    let changes = crate::tui::submit::submit_form(&form, history.session()).expect("accepted");
    let expected = Interest {
        statement: "Own EMEA enterprise accounts for all delivery work".to_string(),
        ..original.clone()
    };
    assert_eq!(
        changes,
        vec![Change::InterestEdited {
            interest: expected.clone()
        }]
    );
    record(&mut history, changes);
    assert_eq!(history.session().interest(original.id), Some(&expected));

    // Saving an unchanged form records nothing; an emptied statement is refused.
    let (_, unchanged) = submit(
        press(&mut screen, history.session(), KeyCode::Enter),
        history.session(),
    );
    assert!(unchanged.is_empty());
    let Some(Intent::Form(mut form)) = press(&mut screen, history.session(), KeyCode::Enter) else {
        panic!("Enter should open a form");
    };
    set_text(&mut form, 0, "   ");
    assert!(crate::tui::submit::submit_form(&form, history.session()).is_err());
}

#[test]
fn a_adds_an_interest_stated_by_the_first_representative_and_selects_it() {
    let mut history = proceed();
    // Northwind's first representative is now its sales lead.
    let first = history
        .session()
        .partner(NORTHWIND)
        .expect("Northwind")
        .representatives[0]
        .id;
    record(
        &mut history,
        vec![Change::RepresentativeRemoved {
            partner: NORTHWIND,
            id: first,
        }],
    );
    let mut screen = InterestsScreen::default();
    let Some(Intent::Form(mut form)) = press(&mut screen, history.session(), KeyCode::Char('a'))
    else {
        panic!("a should open a form");
    };
    assert!(form.title.contains("Northwind Analytics"));
    assert_eq!(form.value(0), "");
    assert_eq!(
        form.selected(3),
        position_of(Function::ALL, &Function::Sales)
    );
    assert!(
        crate::tui::submit::submit_form(&form, history.session()).is_err(),
        "an empty statement is refused"
    );

    set_text(&mut form, 0, "Renewals stay on our paper");
    let fresh = history.session().fresh_id();
    let changes = crate::tui::submit::submit_form(&form, history.session()).expect("accepted");
    let [Change::InterestAdded { interest }] = changes.as_slice() else {
        panic!("expected one InterestAdded, got {changes:?}");
    };
    assert_eq!((interest.id, interest.partner), (fresh, NORTHWIND));
    assert_eq!(interest.function, Function::Sales);
    assert_eq!(interest.weight, Weight::Important);
    record(&mut history, changes);

    // The record says what was added, and the cursor lands on it, among the important
    // interests.
    let theme = Theme::dark();
    let changed = history
        .last_changed()
        .expect("the change touched an interest");
    Screen::follow(&mut screen, &changed, &ctx(history.session(), &theme));
    let (rows, buf) = draw(&screen, history.session(), 80, 19);
    let (y, x) = at(&rows, "Renewals stay on our paper");
    assert_eq!(buf[(x as u16, y as u16)].style().bg, theme.selected.bg);
    let (form, _) = submit(
        press(&mut screen, history.session(), KeyCode::Enter),
        history.session(),
    );
    assert_eq!(form.value(0), "Renewals stay on our paper");
}

#[test]
fn d_asks_before_deleting_and_names_the_interest() {
    let mut history = proceed();
    let target = interest(history.session(), "Keep the direct relationship");
    let mut screen = InterestsScreen::default();
    let Some(Intent::Confirm(confirm)) = press(&mut screen, history.session(), KeyCode::Char('d'))
    else {
        panic!("d should ask first");
    };
    assert!(
        confirm
            .lines
            .join(" ")
            .contains("Keep the direct relationship"),
        "{:?}",
        confirm.lines
    );
    assert!(confirm.lines.join(" ").contains("Northwind Analytics"));
    let yes = confirm
        .options
        .into_iter()
        .find(|o| o.key == 'y')
        .expect("a yes option");
    let Intent::Record(changes) = yes.then else {
        panic!("yes should record");
    };
    assert_eq!(changes, vec![Change::InterestRemoved { id: target.id }]);
    record(&mut history, changes);
    assert!(history.session().interest(target.id).is_none());

    // The cursor stays at the same height, on the next interest.
    let (form, _) = submit(
        press(&mut screen, history.session(), KeyCode::Enter),
        history.session(),
    );
    assert!(form.value(0).starts_with("Connectors built"));
}

#[test]
fn space_cycles_the_weight_and_the_cursor_follows_the_interest() {
    let mut history = proceed();
    let target = interest(history.session(), "Keep the direct relationship");
    let mut screen = InterestsScreen::default();
    let Some(Intent::Record(changes)) = press(&mut screen, history.session(), KeyCode::Char(' '))
    else {
        panic!("Space should record a change");
    };
    let expected = Interest {
        weight: Weight::Important,
        ..target.clone()
    };
    assert_eq!(changes, vec![Change::InterestEdited { interest: expected }]);
    record(&mut history, changes);

    // It moved under "Important", and the cursor went with it.
    let (rows, _) = draw(&screen, history.session(), 80, 19);
    assert!(at(&rows, "▲ Keep the direct").0 > at(&rows, "▲ Important").0);
    let (form, _) = submit(
        press(&mut screen, history.session(), KeyCode::Enter),
        history.session(),
    );
    assert!(form.value(0).starts_with("Keep the direct relationship"));
}

#[test]
fn chords_and_unknown_keys_are_left_to_the_app() {
    let history = proceed();
    let session = history.session();
    let mut screen = InterestsScreen::default();
    let theme = Theme::dark();
    let ctx = StageCtx::new(session, &[], &theme, false, None);
    let ctrl_a = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::CONTROL);
    assert!(screen.handle_key(ctrl_a, &ctx).is_none());
    assert!(press(&mut screen, session, KeyCode::Char('z')).is_none());
    assert_eq!(screen.footer_keys(&ctx)[0], ("a", "add interest"));
}

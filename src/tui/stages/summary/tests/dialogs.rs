//! The verdict dialog and the action item form, opened by keys and submitted.

use super::*;

#[test]
fn a_detected_deal_breaker_is_named_and_blocks_plain_proceed() {
    let mut history = proceed();
    let finding = crate::domain::board::board(history.session())
        .into_iter()
        .find(|e| e.is_detected() && e.status == ConflictStatus::Open)
        .expect("an open detected conflict");
    let crate::domain::board::Source::Detected { key, .. } = finding.source.clone() else {
        panic!("detected");
    };
    record(
        &mut history,
        vec![Change::FindingSettled {
            key,
            status: ConflictStatus::DealBreaker,
            owner: String::new(),
        }],
    );
    let buf = draw(&SummaryScreen::default(), history.session(), 80, 24);
    let all = rows(&buf).join("\n");
    assert!(all.contains("✖ 1 deal-breaker"), "{all}");
    let (dy, _) = find(&buf, "✖ deal-breaker").expect(&all);
    assert!(
        rows(&buf)[usize::from(dy)].contains("Northwind Analytics and Globex"),
        "{all}"
    );

    let mut screen = SummaryScreen::default();
    let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('v')));
    // The whole sentence, so the room reads what the two sides collide on; the dialog
    // wraps it.
    let sentence = format!("✖ Deal-breaker: '{}'", finding.description);
    assert!(
        dialog.lines.contains(&sentence),
        "{sentence:?} not in {:?}",
        dialog.lines
    );
    assert!(
        dialog.lines.iter().any(|l| l
            == "Not available (proceed): a deal-breaker is on the table: proceed with \
                conditions or take a pass."),
        "{:?}",
        dialog.lines
    );
    match option(dialog, 'p').1 {
        Intent::Status(text) => assert!(text.contains("deal-breaker"), "{text}"),
        _ => panic!("expected a status message"),
    }
    let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('v')));
    assert!(matches!(option(dialog, 'c').1, Intent::Edit { .. }));
}

#[test]
fn a_deal_breaker_blocks_plain_proceed_and_says_why() {
    let mut history = proceed();
    add_conflict(
        &mut history,
        "Exclusivity in Germany",
        Severity::High,
        ConflictStatus::DealBreaker,
    );
    let mut screen = SummaryScreen::default();
    let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('v')));
    let keys: String = dialog.options.iter().map(|o| o.key).collect();
    assert_eq!(keys, "pcx");
    assert!(
        dialog.lines.iter().any(|l| l.contains("deal-breaker")),
        "{:?}",
        dialog.lines
    );
    let (label, then) = option(dialog, 'p');
    assert_eq!(label, "proceed (not available)");
    match then {
        Intent::Status(text) => {
            assert!(text.contains("deal-breaker"), "{text}");
            assert!(
                text.contains("proceed with conditions or take a pass"),
                "{text}"
            );
        }
        _ => panic!("expected a status message"),
    }
    // With conditions is still possible, and asks for them.
    let dialog = confirm(press(&mut screen, history.session(), KeyCode::Enter));
    let (label, editor) = option(dialog, 'c');
    assert_eq!(label, "proceed with conditions");
    let dialog = confirm(press(&mut screen, history.session(), KeyCode::Enter));
    let (_, again) = option(dialog, 'c');
    assert_eq!(
        submit_edit(again, " ", history.session()),
        Err("name the conditions the partners set".to_string())
    );
    let changes =
        submit_edit(editor, "Germany stays open to both", history.session()).expect("valid");
    assert_eq!(
        changes,
        vec![Change::VerdictSet {
            verdict: Some(Verdict::ProceedWithConditions),
            note: "Germany stays open to both".to_string()
        }]
    );
    record(&mut history, changes);
    assert_eq!(history.session().verdict_note, "Germany stays open to both");
}

#[test]
fn proceed_and_pass_are_recorded_from_the_dialog() {
    let mut history = proceed();
    let mut screen = SummaryScreen::default();
    let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('v')));
    assert!(
        dialog
            .lines
            .iter()
            .any(|l| l.contains("proceed with conditions"))
    );
    match option(dialog, 'p').1 {
        Intent::Record(changes) => {
            assert_eq!(
                changes,
                vec![Change::VerdictSet {
                    verdict: Some(Verdict::Proceed),
                    note: String::new()
                }]
            );
            record(&mut history, changes);
        }
        _ => panic!("expected a record"),
    }
    let buf = draw(&screen, history.session(), 80, 24);
    assert!(words(&buf).contains("Proceed"));
    assert!(!words(&buf).contains("Proceed with conditions"));

    let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('v')));
    let (_, editor) = option(dialog, 'x');
    assert!(matches!(&editor, Intent::Edit { initial, .. } if initial.is_empty()));
    let changes = submit_edit(editor, "Margins do not work", history.session()).expect("valid");
    record(&mut history, changes);
    assert_eq!(history.session().verdict, Some(Verdict::TakeAPass));
    let buf = draw(&screen, history.session(), 80, 24);
    assert!(
        words(&buf).contains("Reason: Margins do not work"),
        "{}",
        words(&buf)
    );
}

#[test]
fn after_a_pass_at_the_gate_only_the_pass_can_be_chosen() {
    let history = pass();
    let mut screen = SummaryScreen::default();
    let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('v')));
    match option(dialog, 'c').1 {
        Intent::Status(text) => assert!(text.contains("reopen the gate"), "{text}"),
        _ => panic!("expected a status message"),
    }
    let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('v')));
    // The reason already recorded is offered for rewording.
    let (_, editor) = option(dialog, 'x');
    assert!(matches!(&editor, Intent::Edit { initial, .. } if initial.starts_with("Acme wants")));
}

#[test]
fn adding_an_action_item_checks_the_due_date() {
    let mut history = proceed();
    let mut screen = SummaryScreen::default();
    let mut form = form(press(&mut screen, history.session(), KeyCode::Char('a')));
    assert_eq!(form.title, "New action item");
    set_text(&mut form, 0, "Send the pilot price model");
    set_text(&mut form, 1, "Sam Reyes");
    set_text(&mut form, 2, "3 December");
    assert_eq!(
        crate::tui::submit::submit_form(&form, history.session()),
        Err("due date must look like 2026-12-01".to_string())
    );
    set_text(&mut form, 2, "2026-12-01");
    let fresh = history.session().fresh_id();
    let changes = crate::tui::submit::submit_form(&form, history.session()).expect("valid");
    let expected = ActionItem {
        id: fresh,
        text: "Send the pilot price model".to_string(),
        owner: "Sam Reyes".to_string(),
        due: NaiveDate::from_ymd_opt(2026, 12, 1),
    };
    assert_eq!(
        changes,
        vec![Change::ActionAdded {
            action: expected.clone()
        }]
    );
    record(&mut history, changes);
    assert_eq!(history.session().action(fresh), Some(&expected));
    // No date is fine too.
    set_text(&mut form, 2, "");
    match &crate::tui::submit::submit_form(&form, history.session()).expect("valid")[..] {
        [Change::ActionAdded { action }] => assert_eq!(action.due, None),
        other => panic!("unexpected {other:?}"),
    }
    set_text(&mut form, 0, "");
    assert!(crate::tui::submit::submit_form(&form, history.session()).is_err());
}

#[test]
fn enter_edits_the_selected_action_item() {
    let mut history = proceed();
    let mut screen = SummaryScreen::default();
    for _ in 0..3 {
        press(&mut screen, history.session(), KeyCode::Down);
    }
    let mut form = form(press(&mut screen, history.session(), KeyCode::Enter));
    assert_eq!(form.title, "Edit action item");
    assert_eq!(form.value(0), "Pick two pilot customers");
    assert_eq!(form.value(1), "Helen Marsh");
    assert_eq!(form.value(2), "2026-12-10");
    let id = history.session().actions[2].id;
    set_text(&mut form, 2, "2026-12-17");
    let changes = crate::tui::submit::submit_form(&form, history.session()).expect("valid");
    assert_eq!(
        changes,
        vec![Change::ActionEdited {
            action: ActionItem {
                id,
                text: "Pick two pilot customers".to_string(),
                owner: "Helen Marsh".to_string(),
                due: NaiveDate::from_ymd_opt(2026, 12, 17),
            }
        }]
    );
    record(&mut history, changes);
    let buf = draw(&screen, history.session(), 80, 24);
    assert!(rows(&buf).join("\n").contains("2026-12-17"));
}

#[test]
fn delete_asks_first_and_names_the_action_item() {
    let mut history = proceed();
    let mut screen = SummaryScreen::default();
    press(&mut screen, history.session(), KeyCode::Down);
    press(&mut screen, history.session(), KeyCode::Down);
    let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('d')));
    assert!(
        dialog.lines[0].contains("'Propose a pilot price model"),
        "{:?}",
        dialog.lines
    );
    let id = history.session().actions[1].id;
    match option(dialog, 'y').1 {
        Intent::Record(changes) => {
            assert_eq!(changes, vec![Change::ActionRemoved { id }]);
            record(&mut history, changes);
        }
        _ => panic!("expected a record"),
    }
    assert_eq!(history.session().actions.len(), 2);
    // The cursor stays in range after the list shrank.
    press(&mut screen, history.session(), KeyCode::Down);
    press(&mut screen, history.session(), KeyCode::Down);
    let buf = draw(&screen, history.session(), 80, 24);
    assert!(find(&buf, "▶ Pick two pilot customers").is_some());
}

#[test]
fn three_long_deal_breakers_leave_the_verdict_keys_on_an_80_by_24_screen() {
    use crate::tui::widgets::render_dialog;
    use crate::tui::widgets::testing::{draw_buffer, text_rows};
    use ratatui::text::Line;

    let mut history = proceed();
    // Long words wrap early: two to a row of the dialog, so the length alone does not
    // say how many rows a sentence takes.
    let long = ["Rahmenvertragsverhandlung"; 12].join(" ");
    for n in 0..4 {
        let description = format!("{long} ({n})");
        add_conflict(
            &mut history,
            &description,
            Severity::High,
            ConflictStatus::DealBreaker,
        );
    }
    let mut screen = SummaryScreen::default();
    let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('v')));
    let mut lines: Vec<Line> = dialog.lines.iter().map(|l| Line::from(l.clone())).collect();
    lines.push(Line::default());
    for option in &dialog.options {
        lines.push(Line::from(format!("  {}  {}", option.key, option.label)));
    }
    lines.push(Line::from("  Esc  cancel, change nothing"));
    let buf = draw_buffer(80, 24, |f| {
        render_dialog(f, f.area(), &dialog.title, &lines, Default::default())
    });
    let all = text_rows(&buf).join("\n");
    assert!(all.contains("Esc  cancel, change nothing"), "{all}");
    assert!(
        all.contains("… and 1 more") || all.contains("1 more"),
        "{all}"
    );
    assert_eq!(
        all.matches("✖ Deal-breaker: 'Rahmenvertragsverhandlung")
            .count(),
        3,
        "{all}"
    );
}

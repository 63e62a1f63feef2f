//! Settling, editing and deleting conflicts through their dialogs.

use super::*;

#[test]
fn a_detected_conflict_is_resolved_with_the_agreement_typed() {
    let mut history = proceed();
    let before = Readiness::of(&board(history.session()));
    let mut screen = ConflictsScreen::default();
    let entry = select_where(&mut screen, history.session(), detected_open);
    let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('s')));
    assert_eq!(dialog.title, "Settle detected conflict");
    if let Some(prompt) = &entry.prompt {
        assert!(
            dialog
                .lines
                .contains(&format!("Question for the room: {prompt}")),
            "{:?}",
            dialog.lines
        );
    }
    let rule = entry.rule().expect("detected").label();
    assert!(
        dialog
            .lines
            .contains(&format!("Found by the rule '{rule}'."))
    );
    // Reopening an open conflict would change nothing, so it is not offered.
    let keys: String = dialog.options.iter().map(|o| o.key).collect();
    assert_eq!(keys, "rkbpx");

    let (_, editor) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'r',
    );
    assert_eq!(
        submit_edit(editor, "  ", history.session()),
        Err("write down what the partners agreed".to_string())
    );
    let (_, editor) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'r',
    );
    let changes = submit_edit(
        editor,
        "Globex proposes, Northwind decides",
        history.session(),
    )
    .expect("valid");
    let resolved = ConflictStatus::Resolved {
        agreement: "Globex proposes, Northwind decides".to_string(),
    };
    assert_eq!(
        changes,
        vec![Change::FindingSettled {
            key: key_of(&entry),
            status: resolved.clone(),
            owner: String::new(),
        }]
    );
    record(&mut history, changes);
    assert_eq!(entry_by(history.session(), &entry.source).status, resolved);
    let after = Readiness::of(&board(history.session()));
    assert_eq!(after.settled, before.settled + 1);
    assert_eq!(after.open_total() + 1, before.open_total());
    let buf = draw(&screen, history.session(), 80, 24);
    assert!(rows(&buf)[0].contains(&format!("{} settled", after.settled)));
    // Until the record says what changed (`follow`), the cursor stays on its conflict.
    let (y, _) = find(&buf, "▶ ").expect("pointer");
    assert!(
        rows(&buf)[usize::from(y)].contains("resolved: Glob"),
        "{}",
        text(&buf)
    );
}

#[test]
fn accepting_a_risk_asks_who_owns_it() {
    let mut history = proceed();
    let mut screen = ConflictsScreen::default();
    let entry = select_where(&mut screen, history.session(), detected_open);
    let (label, ask) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'k',
    );
    assert_eq!(label, "accepted risk — name who owns it");
    assert!(matches!(&ask, Intent::Edit { title, .. } if title.starts_with("Who owns this risk?")));
    assert_eq!(
        submit_edit(ask, "", history.session()),
        Err("name who keeps an eye on this risk".to_string())
    );
    let (_, ask) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'k',
    );
    let changes = submit_edit(ask, "Lena Brandt", history.session()).expect("valid");
    assert_eq!(
        changes,
        vec![Change::FindingSettled {
            key: key_of(&entry),
            status: ConflictStatus::AcceptedRisk,
            owner: "Lena Brandt".to_string(),
        }]
    );
    record(&mut history, changes);
    let now = entry_by(history.session(), &entry.source);
    assert_eq!(
        (now.status, now.owner.as_str()),
        (ConflictStatus::AcceptedRisk, "Lena Brandt")
    );

    // Asked again, the editor starts from the owner named.
    let (_, ask) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'k',
    );
    assert!(matches!(&ask, Intent::Edit { initial, .. } if initial == "Lena Brandt"));
}

#[test]
fn parking_keeps_the_owner_and_reopening_forgets_the_outcome() {
    let mut history = proceed();
    let mut screen = ConflictsScreen::default();
    // The conflict the sample parked, owned by the moderator.
    let entry = select_where(&mut screen, history.session(), |e| {
        e.status == ConflictStatus::Parked
    });
    assert_eq!(entry.owner, "Dana Whitfield");
    let keys = option_keys(press(&mut screen, history.session(), KeyCode::Char('s')));
    assert_eq!(keys, "rkbxo", "no 'park' for a parked one, and a reopen");
    let (_, reopen) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'o',
    );
    let changes = changes_of(reopen);
    assert_eq!(
        changes,
        vec![Change::FindingSettled {
            key: key_of(&entry),
            status: ConflictStatus::Open,
            owner: String::new(),
        }]
    );
    record(&mut history, changes);
    assert!(!history.session().outcomes.contains_key(&key_of(&entry)));
    assert_eq!(selected(&screen, history.session()).source, entry.source);

    let (_, park) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'p',
    );
    record(&mut history, changes_of(park));
    assert_eq!(
        entry_by(history.session(), &entry.source).status,
        ConflictStatus::Parked
    );
    // Undo puts the room back where it was.
    record(&mut history, vec![Change::Undo]);
    assert_eq!(
        entry_by(history.session(), &entry.source).status,
        ConflictStatus::Open
    );
}

#[test]
fn dismissing_asks_why_and_is_only_for_detected_conflicts() {
    let mut history = proceed();
    let dismissed_before = Readiness::of(&board(history.session())).dismissed;
    let mut screen = ConflictsScreen::default();
    let entry = select_where(&mut screen, history.session(), detected_open);
    let (label, ask) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'x',
    );
    assert_eq!(label, "dismiss as not a conflict — say why");
    assert!(
        matches!(&ask, Intent::Edit { title, .. } if title.starts_with("Why is this not a conflict?"))
    );
    assert!(submit_edit(ask, " ", history.session()).is_err());
    let (_, ask) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'x',
    );
    let changes = submit_edit(
        ask,
        "Roadmap input is advice, not a claim",
        history.session(),
    )
    .expect("valid");
    record(&mut history, changes);
    let dismissed = ConflictStatus::Dismissed {
        reason: "Roadmap input is advice, not a claim".to_string(),
    };
    assert_eq!(entry_by(history.session(), &entry.source).status, dismissed);
    let buf = draw(&screen, history.session(), 160, 45);
    let all = text(&buf);
    let dismissed_now = Readiness::of(&board(history.session())).dismissed;
    assert_eq!(dismissed_now, dismissed_before + 1);
    assert!(
        rows(&buf)[0].contains(&format!("{dismissed_now} dismissed")),
        "{all}"
    );
    let (y, x) = find(&buf, "▶ · low").expect(&all);
    assert!(
        rows(&buf)[usize::from(y)].contains("dismissed: Roadmap"),
        "{all}"
    );
    assert_eq!(buf[(x + 2, y)].style().bg, Theme::dark().selected.bg);
    assert!(all.contains("Reason"), "the panel keeps the reason: {all}");

    // An entered conflict: the choice is listed, marked, and says what to do instead.
    let id = add_open(&mut history, "Both claim the Nordics", Severity::High);
    let entered = select_where(&mut screen, history.session(), |e| {
        e.source == Source::Moderator(id)
    });
    assert!(!entered.is_detected());
    let (label, then) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'x',
    );
    assert_eq!(label, "dismiss (not available)");
    match then {
        Intent::Status(s) => assert!(s.contains("deleted with d"), "{s}"),
        _ => panic!("expected a status message"),
    }
}

#[test]
fn an_entered_conflict_settles_through_its_own_record() {
    let mut history = proceed();
    let id = add_open(&mut history, "Both claim the Nordics", Severity::High);
    let agreements_before = crate::domain::board::agreements(&board(history.session())).count();
    let mut screen = ConflictsScreen::default();
    select_where(&mut screen, history.session(), |e| {
        e.source == Source::Moderator(id)
    });
    let dialog = confirm(press(&mut screen, history.session(), KeyCode::Char('s')));
    assert_eq!(dialog.title, "Settle conflict");
    assert!(
        dialog
            .lines
            .contains(&"Entered by the moderator.".to_string())
    );
    let (_, editor) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'r',
    );
    let changes = submit_edit(
        editor,
        "Globex leads in the Nordics until 2028",
        history.session(),
    )
    .expect("valid");
    let before = history.session().conflict(id).cloned().expect("conflict");
    let agreed = ConflictStatus::Resolved {
        agreement: "Globex leads in the Nordics until 2028".to_string(),
    };
    assert_eq!(
        changes,
        vec![Change::ConflictEdited {
            conflict: Conflict {
                status: agreed.clone(),
                ..before
            }
        }]
    );
    record(&mut history, changes);
    assert_eq!(
        history.session().conflict(id).map(|c| &c.status),
        Some(&agreed)
    );
    assert_eq!(
        crate::domain::board::agreements(&board(history.session())).count(),
        agreements_before + 1
    );

    let (_, ask) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'k',
    );
    let changes = submit_edit(ask, "Sam Reyes", history.session()).expect("valid");
    record(&mut history, changes);
    let c = history.session().conflict(id).expect("conflict");
    assert_eq!(
        (&c.status, c.owner.as_str()),
        (&ConflictStatus::AcceptedRisk, "Sam Reyes")
    );
}

#[test]
fn a_deal_breaker_is_refused_under_a_plain_proceed_and_shown_when_allowed() {
    let mut history = proceed();
    let mut screen = ConflictsScreen::default();
    let entry = select_where(&mut screen, history.session(), detected_open);
    // Under "proceed with conditions" it is recorded at once.
    let (label, then) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'b',
    );
    assert_eq!(label, "deal-breaker — blocks a plain proceed");
    record(&mut history, changes_of(then));
    assert!(history.session().has_deal_breaker());
    let buf = draw(&screen, history.session(), 80, 24);
    assert!(rows(&buf)[0].contains("✖ 1 deal-breaker"), "{}", text(&buf));
    let (y, x) = find(&buf, "✖ deal-breaker").expect("marked in the list");
    assert_eq!(
        buf[(x, y)].style().bg,
        Theme::dark().selected.bg,
        "and selected"
    );
    // Reopen it, then make the verdict a plain proceed: no deal-breaker any more.
    let (_, reopen) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'o',
    );
    record(&mut history, changes_of(reopen));
    record(
        &mut history,
        vec![Change::VerdictSet {
            verdict: Some(Verdict::Proceed),
            note: String::new(),
        }],
    );
    let (label, then) = option(
        press(&mut screen, history.session(), KeyCode::Char('s')),
        'b',
    );
    assert_eq!(label, "deal-breaker (not available)");
    match then {
        Intent::Status(s) => assert!(s.contains("plain proceed"), "{s}"),
        _ => panic!("expected a status message"),
    }
    assert_eq!(selected(&screen, history.session()).source, entry.source);
}

#[test]
fn enter_edits_an_entered_conflict_and_settles_a_detected_one() {
    let mut history = proceed();
    let id = add_open(&mut history, "Both claim the Nordics", Severity::High);
    let mut screen = ConflictsScreen::default();
    select_where(&mut screen, history.session(), |e| {
        e.source == Source::Moderator(id)
    });
    let mut edit = form(press(&mut screen, history.session(), KeyCode::Enter));
    assert_eq!(edit.title, "Edit conflict");
    assert_eq!(edit.value(0), "Both claim the Nordics");
    crate::tui::stages::testing::set_text(&mut edit, 4, "Helen Marsh");
    let changes = crate::tui::submit::submit_form(&edit, history.session()).expect("valid");
    record(&mut history, changes);
    assert_eq!(
        history.session().conflict(id).map(|c| c.owner.as_str()),
        Some("Helen Marsh")
    );

    select_where(&mut screen, history.session(), detected_open);
    assert_eq!(
        confirm(press(&mut screen, history.session(), KeyCode::Enter)).title,
        "Settle detected conflict"
    );
    // Adding works from anywhere in the list and makes an open, entered conflict.
    let mut added = form(press(&mut screen, history.session(), KeyCode::Char('a')));
    assert_eq!(added.title, "New conflict");
    crate::tui::stages::testing::set_text(&mut added, 0, "Support hours differ");
    let changes = crate::tui::submit::submit_form(&added, history.session()).expect("valid");
    let id = match &changes[..] {
        [Change::ConflictAdded { conflict }] => {
            assert_eq!(conflict.status, ConflictStatus::Open);
            assert_eq!(conflict.origin, ConflictOrigin::Moderator);
            conflict.id
        }
        other => panic!("unexpected {other:?}"),
    };
    // Once recorded, the new conflict is the selected one, ready to settle.
    record_and_follow(&mut screen, &mut history, changes);
    assert_eq!(
        selected(&screen, history.session()).source,
        Source::Moderator(id)
    );
    // A form cancelled leaves the cursor where it was.
    let before = selected(&screen, history.session()).source;
    press(&mut screen, history.session(), KeyCode::Char('a'));
    assert_eq!(selected(&screen, history.session()).source, before);
}

#[test]
fn delete_removes_an_entered_conflict_and_explains_for_a_detected_one() {
    let mut history = proceed();
    let mut screen = ConflictsScreen::default();
    select_where(&mut screen, history.session(), |e| e.is_detected());
    let said = status_of(press(&mut screen, history.session(), KeyCode::Char('d')));
    assert!(
        said.contains("dismissed, not deleted — press s then x"),
        "{said}"
    );

    let id = add_open(&mut history, "Both claim the Nordics", Severity::Critical);
    select_where(&mut screen, history.session(), |e| {
        e.source == Source::Moderator(id)
    });
    let dialog = press(&mut screen, history.session(), KeyCode::Char('d'));
    let (_, then) = option(dialog, 'y');
    assert_eq!(changes_of(then), vec![Change::ConflictRemoved { id }]);
    record(&mut history, vec![Change::ConflictRemoved { id }]);
    // The entry is gone: the cursor keeps its place, on what is there now.
    let now = selected(&screen, history.session());
    assert_eq!(now.status, ConflictStatus::Open);
    let buf = draw(&screen, history.session(), 80, 24);
    assert!(find(&buf, "▶ · low").is_some(), "{}", text(&buf));
}

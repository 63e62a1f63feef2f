//! What the summary draws: the verdict first, the lists under it, the time at the bottom.

use super::*;

#[test]
fn the_sample_summary_reads_top_to_bottom_in_an_80x24_terminal() {
    let history = proceed();
    // An 80×24 terminal leaves the stage body about 80×19.
    let buf = draw(&SummaryScreen::default(), history.session(), 80, 19);
    let all = rows(&buf).join("\n");
    let text = words(&buf);
    let row = |needle: &str| {
        find(&buf, needle)
            .unwrap_or_else(|| panic!("{needle}\n{all}"))
            .0
    };
    assert!(row("VERDICT") < row("Proceed with conditions"));
    assert!(text.contains(
        "Conditions: Pilot with two customers before any wider roll-out; revisit margins after the pilot."
    ), "{text}");
    // Under the verdict, how far the room came with its conflicts.
    let entries = board::board(history.session());
    let ready = readiness_line(&entries, &Theme::dark()).to_string();
    assert!(row("Proceed with conditions") < row("Readiness "));
    assert_eq!(rows(&buf)[usize::from(row("Readiness "))].trim_end(), ready);
    // Agreements come from the board: the detected conflicts the room resolved too.
    let agreements: Vec<&str> = board::agreements(&entries).map(|(_, a)| a).collect();
    let first_agreement: String = agreements[0].chars().take(20).collect();
    let open = unsettled(&entries);
    let agreed_heading = format!("AGREEMENTS  {}", agreements.len());
    let open_heading = format!("OPEN CONFLICTS  {}", open_count(&entries));
    let first_open = severity_marker(open[0].severity);
    assert!(row("Readiness ") < row(&agreed_heading));
    assert!(row(&agreed_heading) < row(&first_agreement));
    assert!(row(&first_agreement) < row(&open_heading));
    assert!(row(&open_heading) < row(first_open));
    assert!(row(first_open) < row("ACTION ITEMS  3"));
    let (y, x) = find(&buf, "Tom Okafor").expect(&all);
    assert!(rows(&buf)[usize::from(y)].contains("Draft the named-account list"));
    assert!(rows(&buf)[usize::from(y)].ends_with("2026-11-26"), "{all}");
    assert!(x > 40, "owner in its own column");
    assert!(row("Tom Okafor") < row("TIME"));
    // Vision took 26 minutes against a 25-minute timebox.
    assert!(text.contains("Vision 25/26 · Roles 20/25"), "{text}");
    // The verdict is centred in its box.
    let (_, x) = find(&buf, "Proceed with conditions").expect("verdict");
    assert!(x > 20, "centred, not at the left edge");
}

#[test]
fn wide_screens_put_action_items_beside_agreements_and_spell_out_time() {
    let history = proceed();
    let buf = draw(&SummaryScreen::default(), history.session(), 160, 45);
    let (ay, ax) = find(&buf, "AGREEMENTS").expect("agreements");
    let (iy, ix) = find(&buf, "ACTION ITEMS").expect("actions");
    assert_eq!(ay, iy);
    assert!(ix > ax + 60);
    let (ty, _) = find(&buf, "TIME").expect("time");
    assert_eq!(ty, 44);
    // With room to spare, agreements are shown in full, wrapped in their column.
    let text = words(&buf);
    assert!(
        text.contains(
            "Generic connectors go into Northwind's product with Globex credited; \
             customer-specific code stays with Globex."
        ),
        "{text}"
    );
    assert!(
        words(&buf).contains("Vision 25 / 26 min · Roles 20 / 25 min"),
        "{}",
        words(&buf)
    );
}

#[test]
fn a_pass_at_the_gate_is_shown_calmly_with_its_reason() {
    let history = pass();
    let buf = draw(&SummaryScreen::default(), history.session(), 80, 24);
    let text = words(&buf);
    assert!(text.contains("Take a pass"), "{text}");
    assert!(
        text.contains(
            "The partners took a pass at the vision gate: Acme wants an exclusive embedded \
             feature; Initech's strategy is to stay brand-neutral. Better to learn this now. \
             Learning early that the vision is not shared is a good outcome."
        ),
        "{text}"
    );
    // A pass is not an error: no alarm colour on it.
    let (y, x) = find(&buf, "Take a pass").expect("verdict");
    let theme = Theme::dark();
    assert_eq!(buf[(x, y)].style().fg, theme.accent.fg);
    assert_ne!(buf[(x, y)].style().fg, theme.bad.fg);
    assert!(text.contains("Revisit in a year"));
}

#[test]
fn without_a_verdict_the_screen_says_how_to_record_one() {
    let mut history = proceed();
    record(
        &mut history,
        vec![Change::VerdictSet {
            verdict: None,
            note: String::new(),
        }],
    );
    let buf = draw(&SummaryScreen::default(), history.session(), 80, 24);
    let text = words(&buf);
    assert!(text.contains("No verdict yet"), "{text}");
    assert!(
        text.contains("Press v to record the room's verdict"),
        "{text}"
    );
}

#[test]
fn open_conflicts_and_deal_breakers_are_listed_and_marked() {
    let mut history = proceed();
    add_conflict(
        &mut history,
        "Roadmap say for MES connectors",
        Severity::High,
        ConflictStatus::Open,
    );
    add_conflict(
        &mut history,
        "Exclusivity in Germany",
        Severity::Low,
        ConflictStatus::DealBreaker,
    );
    let buf = draw(&SummaryScreen::default(), history.session(), 80, 24);
    let all = rows(&buf).join("\n");
    // The heading counts the open ones apart from the deal-breaker and the parked one.
    assert!(
        all.contains(&format!(
            "OPEN CONFLICTS  {}",
            open_count(&board::board(history.session()))
        )),
        "{all}"
    );
    let (dy, dx) = find(&buf, "✖ deal-breaker").expect(&all);
    let (hy, _) = find(&buf, "!! high").expect(&all);
    assert!(dy < hy, "deal-breakers lead");
    assert!(rows(&buf)[usize::from(dy)].contains("Exclusivity in Germany"));
    assert!(rows(&buf)[usize::from(hy)].contains("Roadmap say for MES connectors"));
    assert_eq!(buf[(dx, dy)].style().fg, Theme::dark().bad.fg);
}

#[test]
fn parked_conflicts_are_listed_as_parked_after_the_open_ones() {
    let history = proceed();
    let buf = draw(&SummaryScreen::default(), history.session(), 160, 45);
    let all = rows(&buf).join("\n");
    let (py, px) = find(&buf, "  parked   ").expect(&all);
    assert!(
        rows(&buf)[usize::from(py)].contains("Nobody is accountable for"),
        "{all}"
    );
    assert_eq!(buf[(px + 2, py)].style().fg, Theme::dark().muted.fg);
    let (ly, _) = find(&buf, "· low").expect(&all);
    assert!(ly < py, "open ones first");
    let ready = readiness_line(&board::board(history.session()), &Theme::dark()).to_string();
    assert!(all.contains(&ready), "{all}");
}

#[test]
fn with_nothing_on_the_board_the_lists_say_so() {
    let history = crate::tui::stages::testing::fresh(2);
    let buf = draw(&SummaryScreen::default(), history.session(), 80, 24);
    let text = words(&buf);
    assert!(
        text.contains("Readiness 100% · open: none · 0 settled"),
        "{text}"
    );
    assert!(
        text.contains("OPEN CONFLICTS 0 None found or entered."),
        "{text}"
    );
}

#[test]
fn long_action_lists_scroll_to_the_cursor() {
    let mut history = proceed();
    let first = history.session().fresh_id().0;
    let changes = (0..200)
        .map(|n| Change::ActionAdded {
            action: ActionItem {
                id: ItemId(first + n),
                text: format!("Follow-up number {n:03}"),
                owner: String::new(),
                due: None,
            },
        })
        .collect();
    record(&mut history, changes);
    let mut screen = SummaryScreen::default();
    press(&mut screen, history.session(), KeyCode::End);
    let buf = draw(&screen, history.session(), 80, 24);
    let all = rows(&buf).join("\n");
    assert!(find(&buf, "▶ Follow-up number 199").is_some(), "{all}");
    assert!(all.contains("no owner") && all.contains("no date"));
}

#[test]
fn tiny_and_odd_sizes_never_panic() {
    let mut busy = proceed();
    add_conflict(
        &mut busy,
        "世界 wide 👨‍👩‍👧 text",
        Severity::Critical,
        ConflictStatus::DealBreaker,
    );
    let mut screen = SummaryScreen::default();
    press(&mut screen, busy.session(), KeyCode::End);
    let passed = pass();
    crate::tui::stages::testing::draw_at_every_size(
        &[screen, SummaryScreen::default()],
        &[busy.session(), passed.session()],
    );
}

#[test]
fn a_large_session_renders_its_lists_cut_to_fit() {
    let mut history = proceed();
    let first = history.session().fresh_id().0;
    let mut changes: Vec<Change> = (0..1000)
        .map(|n| Change::ActionAdded {
            action: ActionItem {
                id: ItemId(first + n),
                text: format!("Follow-up number {n}"),
                owner: "Someone".to_string(),
                due: None,
            },
        })
        .collect();
    for n in 0..1000 {
        changes.push(Change::ConflictAdded {
            conflict: Conflict {
                id: ItemId(first + 1000 + n),
                origin: ConflictOrigin::Moderator,
                category: ConflictCategory::Pricing,
                partners: Vec::new(),
                items: Vec::new(),
                description: format!("Conflict {n}"),
                severity: Severity::ALL[(n % 4) as usize],
                status: if n % 2 == 0 {
                    ConflictStatus::Open
                } else {
                    ConflictStatus::Resolved {
                        agreement: format!("Agreement {n}"),
                    }
                },
                owner: String::new(),
            },
        });
    }
    record(&mut history, changes);
    let screen = SummaryScreen {
        focus: Focus::Actions,
        cursor: 500,
        ..SummaryScreen::default()
    };
    let unsettled_now = unsettled(&board::board(history.session())).len();
    assert!(unsettled_now > 500);
    // No timing here (the benches measure); only that the big lists are cut to fit
    // and the selected action item is in view.
    for (w, h) in [(80, 24), (200, 50)] {
        let buf = draw(&screen, history.session(), w, h);
        let all = rows(&buf).join("\n");
        assert!(find(&buf, "▶ Follow-up number 497").is_some(), "{all}");
        assert!(
            all.contains(&format!(
                "OPEN CONFLICTS  {}",
                open_count(&board::board(history.session()))
            )),
            "{all}"
        );
        assert!(all.contains("more (see the conflict check)"), "{all}");
    }
}

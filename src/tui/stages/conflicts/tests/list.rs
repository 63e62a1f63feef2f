//! The list: its order and groups, the readiness line, empty and odd screens.

use super::*;

#[test]
fn the_sample_board_shows_readiness_and_open_conflicts_first() {
    let history = proceed();
    let session = history.session();
    let entries = board(session);
    let buf = draw(&ConflictsScreen::default(), session, 80, 24);
    let all = text(&buf);
    let theme = Theme::dark();
    assert_eq!(
        rows(&buf)[0].trim_end(),
        readiness_line(&entries, &theme).to_string()
    );
    assert!(rows(&buf)[0].starts_with("Readiness "), "{all}");
    let title = title_row(&buf);
    assert!(
        title.starts_with(&format!("CONFLICTS  {}   m matrix", entries.len())),
        "{all}"
    );
    assert!(title.contains("↓ "), "more below: {all}");
    // The first row is the worst open conflict, selected, its rule named under it.
    let first = selected(&ConflictsScreen::default(), session);
    assert_eq!(first.status, ConflictStatus::Open);
    let worst = entries
        .iter()
        .filter(|e| e.status == ConflictStatus::Open)
        .map(|e| e.severity)
        .max();
    assert_eq!(Some(first.severity), worst);
    let (y, x) = find(&buf, &format!("▶ {}", severity_marker(first.severity))).expect(&all);
    assert_eq!(buf[(x, y)].style().bg, theme.selected.bg);
    assert!(rows(&buf)[usize::from(y)].contains("open"), "{all}");
    let tag = format!("[{}]", source_tag(&first));
    assert!(rows(&buf)[usize::from(y) + 1].contains(&tag), "{all}");
    // The panel under the list names the rule and asks the room its question.
    assert!(all.contains(&format!(
        "── {} · {} · {} ──",
        severity_marker(first.severity),
        first.category,
        source_tag(&first)
    )));
    if let Some(prompt) = &first.prompt {
        let start: String = prompt.chars().take(20).collect();
        assert!(all.contains(&format!("? {start}")), "{all}");
    }
}

#[test]
fn groups_run_open_parked_deal_breakers_settled_dismissed() {
    let mut history = proceed();
    add_open(&mut history, "Exclusivity in Germany", Severity::Critical);
    let mut c = conflict(&history, "Who sets the list price", Severity::High, &[1, 2]);
    c.status = ConflictStatus::DealBreaker;
    add(&mut history, c);
    let theme = Theme::dark();
    let ctx = ctx(history.session(), &theme);
    let order = display_order(&ctx, None);
    let groups: Vec<u8> = order.iter().map(|&i| group(&ctx.board[i].status)).collect();
    assert!(groups.is_sorted(), "{groups:?}");
    assert_eq!(groups.first(), Some(&0));
    assert_eq!(groups.last(), Some(&4));
    // Worst first among the open ones: the new critical one leads.
    assert_eq!(ctx.board[order[0]].description, "Exclusivity in Germany");

    // A tall screen names each group where it starts; settled rows step back.
    let mut screen = ConflictsScreen::default();
    select_where(&mut screen, history.session(), |e| {
        e.status == ConflictStatus::DealBreaker
    });
    let buf = draw(&screen, history.session(), 160, 45);
    let all = text(&buf);
    let (parked, _) = find(&buf, "PARKED — for a later meeting").expect(&all);
    let (breakers, _) = find(&buf, "DEAL-BREAKERS").expect(&all);
    let (settled, _) = find(&buf, "  SETTLED").expect(&all);
    assert!(parked < breakers && breakers < settled, "{all}");
    let (y, x) = find(&buf, "resolved: ").expect(&all);
    assert_eq!(buf[(x, y)].style().fg, theme.muted.fg);
    // A deal-breaker keeps its warning.
    let (y, x) = find(&buf, "✖ 1 deal-breaker").expect(&all);
    assert_eq!((y, buf[(x, y)].style().fg), (0, theme.bad.fg));
}

#[test]
fn the_cursor_follows_its_entry_when_the_board_changes() {
    let mut history = proceed();
    let mut screen = ConflictsScreen::default();
    for _ in 0..3 {
        press(&mut screen, history.session(), KeyCode::Down);
    }
    let entry = selected(&screen, history.session());
    // A new, worse conflict arrives at the top of the list; the cursor stays put on
    // the same conflict, now one row lower.
    add_open(&mut history, "Exclusivity in Germany", Severity::Critical);
    assert_eq!(selected(&screen, history.session()).source, entry.source);
    press(&mut screen, history.session(), KeyCode::Up);
    press(&mut screen, history.session(), KeyCode::Down);
    assert_eq!(selected(&screen, history.session()).source, entry.source);
    // Far past the end (a list that shrank elsewhere), it is clamped.
    let far = ConflictsScreen {
        cursor: 500,
        ..ConflictsScreen::default()
    };
    draw(&far, history.session(), 80, 24);
    let last = selected(&far, history.session());
    assert!(matches!(last.status, ConflictStatus::Dismissed { .. }));
}

#[test]
fn an_empty_board_says_so_calmly() {
    let history = fresh(2);
    assert!(board(history.session()).is_empty());
    let mut screen = ConflictsScreen::default();
    let buf = draw(&screen, history.session(), 80, 24);
    let all = text(&buf);
    assert!(
        rows(&buf)[0].starts_with("Readiness 100% · open: none · 0 settled"),
        "{all}"
    );
    assert!(all.contains("No conflicts found or entered — "), "{all}");
    assert!(all.contains("press a to add it"), "{all}");
    for code in [
        KeyCode::Char('s'),
        KeyCode::Enter,
        KeyCode::Char('d'),
        KeyCode::Down,
    ] {
        assert!(press(&mut screen, history.session(), code).is_none());
    }
    assert!(matches!(
        press(&mut screen, history.session(), KeyCode::Char('a')),
        Some(Intent::Form(_))
    ));
    press(&mut screen, history.session(), KeyCode::Char('m'));
    let buf = draw(&screen, history.session(), 80, 24);
    assert!(text(&buf).contains("No conflicts yet: nothing to lay out."));
    assert!(press(&mut screen, history.session(), KeyCode::Enter).is_some());
}

#[test]
fn wide_screens_show_why_the_items_and_the_question() {
    let history = proceed();
    let mut screen = ConflictsScreen::default();
    select_where(&mut screen, history.session(), |e| {
        e.rule() == Some(crate::domain::detect::Rule::ClashingInterests)
            && !e.shared_terms.is_empty()
            && e.status == ConflictStatus::Open
    });
    let buf = draw(&screen, history.session(), 160, 45);
    let all = text(&buf);
    let (panel_y, panel_x) = find(&buf, "Selected conflict").expect(&all);
    assert!(panel_x >= 90, "panel at column {panel_x}");
    for label in [
        "Question for the room",
        "Shared terms",
        "Items involved",
        "Status",
        "Owner",
        "Found by",
    ] {
        let (y, x) = find(&buf, label).unwrap_or_else(|| panic!("{label}\n{all}"));
        assert!(x >= panel_x && y > panel_y, "{label}");
    }
    assert!(
        all.contains("Who sells there, and what does the other get for staying"),
        "{all}"
    );
    assert!(
        all.contains("clashing interests: two partners' interests of one kind"),
        "{all}"
    );
    assert!(
        all.contains("• Northwind Analytics: '") || all.contains("• Globex Integration: '"),
        "{all}"
    );
}

#[test]
fn tiny_and_odd_sizes_never_panic() {
    let mut history = proceed();
    add_open(
        &mut history,
        "世界 wide text 👨‍👩‍👧 and a very long description that wraps",
        Severity::High,
    );
    let empty = fresh(2);
    let mut list = ConflictsScreen::default();
    press(&mut list, history.session(), KeyCode::End);
    let mut matrix = ConflictsScreen::default();
    press(&mut matrix, history.session(), KeyCode::Char('m'));
    press(&mut matrix, history.session(), KeyCode::End);
    press(&mut matrix, history.session(), KeyCode::Down);
    let mut filtered = ConflictsScreen::default();
    press(&mut filtered, history.session(), KeyCode::Char('m'));
    press(&mut filtered, history.session(), KeyCode::Enter);
    crate::tui::stages::testing::draw_at_every_size(
        &[list, matrix, filtered],
        &[history.session(), empty.session()],
    );
}

#[test]
fn a_thousand_item_session_renders_in_every_view() {
    let mut history = sample::large(4, 1_000, 1_200).expect("a large session");
    for stage in [Stage::Roles, Stage::Interests, Stage::Conflicts] {
        record(&mut history, vec![Change::MovedTo { stage }]);
    }
    let session = history.session();
    let entries = board(session).len();
    assert!(entries > 50, "{entries} conflicts");
    let mut screen = ConflictsScreen::default();
    press(&mut screen, session, KeyCode::End);
    for (w, h) in [(80, 24), (200, 50)] {
        let buf = draw(&screen, session, w, h);
        assert!(find(&buf, "▶ ").is_some(), "{}", text(&buf));
    }
    press(&mut screen, session, KeyCode::Char('m'));
    let buf = draw(&screen, session, 80, 24);
    assert!(text(&buf).contains("MATRIX"));
    press(&mut screen, session, KeyCode::Enter);
    draw(&screen, session, 200, 50);
}

#[test]
fn readiness_counts_every_outcome() {
    let history = proceed();
    let template = board(history.session())
        .into_iter()
        .find(BoardEntry::is_detected)
        .expect("a detected conflict");
    let with = |severity, status: ConflictStatus| BoardEntry {
        severity,
        status,
        ..template.clone()
    };
    let agreed = || ConflictStatus::Resolved {
        agreement: "yes".to_string(),
    };
    let dismissed = || ConflictStatus::Dismissed {
        reason: "no".to_string(),
    };
    let mut entries = vec![
        with(Severity::High, ConflictStatus::Open),
        with(Severity::Critical, ConflictStatus::Open),
        with(Severity::High, ConflictStatus::Open),
        with(Severity::Low, agreed()),
        with(Severity::Low, ConflictStatus::AcceptedRisk),
        with(Severity::Medium, agreed()),
        with(Severity::Medium, ConflictStatus::Parked),
        with(Severity::Low, dismissed()),
        with(Severity::Low, dismissed()),
    ];
    let theme = Theme::dark();
    assert_eq!(
        readiness_line(&entries, &theme).to_string(),
        "Readiness 42% · open: 1 critical, 2 high · 3 settled · 1 parked · 2 dismissed"
    );
    entries.push(with(Severity::Low, ConflictStatus::DealBreaker));
    assert_eq!(
        readiness_line(&entries, &theme).to_string(),
        "Readiness 50% · open: 1 critical, 2 high · ✖ 1 deal-breaker · 3 settled · 1 parked \
         · 2 dismissed"
    );
    // Narrow, it breaks between parts, never inside one.
    let rows: Vec<String> = readiness_rows(&entries, &theme, 40)
        .iter()
        .map(|l| l.to_string())
        .collect();
    assert_eq!(
        rows,
        vec![
            "Readiness 50% · open: 1 critical, 2 high",
            "✖ 1 deal-breaker · 3 settled · 1 parked",
            "2 dismissed",
        ]
    );
    assert_eq!(
        readiness_line(&[], &theme).to_string(),
        "Readiness 100% · open: none · 0 settled"
    );
}

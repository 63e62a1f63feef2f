//! The partners panel as the room sees it: columns, highlights, what did not fit,
//! and focus cards.

use super::*;

#[test]
fn shows_partners_side_by_side_with_their_people() {
    let history = proceed();
    let (screen, buf) = draw(&PartnersScreen::default(), history.session(), 80, 24);
    let text = screen.join("\n");
    assert!(screen[0].starts_with(HINT), "{text}");
    assert!(screen[0].contains("2 partners · at most 8"), "{text}");
    let (ny, nx) = find(&screen, "Northwind Analytics").unwrap();
    let (gy, gx) = find(&screen, "Globex Integration").unwrap();
    assert_eq!(ny, gy);
    assert!(gx > nx + 20);
    // The focused name is marked and highlighted; the other is in its colour.
    assert!(screen[ny].contains("▸ Northwind Analytics"), "{text}");
    let theme = Theme::dark();
    assert_eq!(
        buf[(u16::try_from(gx).unwrap(), u16::try_from(gy).unwrap())].fg,
        theme.partner(1).fg.unwrap()
    );
    for needle in [
        "What it brings",
        "Real-time analytics platform",
        "Representatives (4)",
        "Priya Raman — executive",
        "Sam Reyes — finance",
    ] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
    let (py, px) = find(&screen, "Jorge Vidal").unwrap();
    assert!(py > ny && px >= gx, "{text}");
}

#[test]
fn empty_partner_says_what_to_do() {
    let history = fresh(2);
    let (screen, _) = draw(&PartnersScreen::default(), history.session(), 80, 24);
    let text = screen.join("\n");
    assert!(text.contains("not said yet"), "{text}");
    assert!(text.contains("No representatives yet"), "{text}");
    assert!(text.contains("add one"), "{text}");
}

#[test]
fn a_long_list_scrolls_to_keep_the_cursor_visible() {
    let mut history = fresh(2);
    let changes: Vec<Change> = (0..40)
        .map(|i| Change::RepresentativeAdded {
            partner: NORTHWIND,
            representative: Representative {
                id: crate::domain::ItemId(100 + i),
                name: format!("Person {i}"),
                function: Function::Sales,
            },
        })
        .collect();
    record(&mut history, changes).unwrap();
    let mut screen = PartnersScreen::default();
    for _ in 0..32 {
        moves(&mut screen, history.session(), &[KeyCode::Down]);
    }
    let (rows, _) = draw(&screen, history.session(), 80, 24);
    let text = rows.join("\n");
    assert!(text.contains("▸ Person 30 — sales"), "{text}");
    assert!(!text.contains("Person 0 "), "{text}");
    assert!(text.contains("of 40"), "{text}");
}

#[test]
fn eight_partners_keep_the_focused_one_in_view() {
    let history = fresh(8);
    let mut screen = PartnersScreen::default();
    for _ in 0..10 {
        moves(&mut screen, history.session(), &[KeyCode::Right]);
    }
    let (rows, _) = draw(&screen, history.session(), 80, 24);
    let text = rows.join("\n");
    assert!(text.contains("▸ Cyberdyne Systems"), "{text}");
    assert!(text.contains("◀ 5 more"), "{text}");
    assert!(!text.contains("Northwind"), "{text}");
}

#[test]
fn renders_at_any_size_without_panicking() {
    let history = proceed();
    let eight = fresh(8);
    let mut screen = PartnersScreen::default();
    moves(
        &mut screen,
        history.session(),
        &[KeyCode::Right, KeyCode::Down, KeyCode::Down],
    );
    crate::tui::stages::testing::draw_at_every_size(
        &[screen],
        &[history.session(), eight.session()],
    );
}

fn marked(changed: &Changed) -> Vec<String> {
    crate::tui::stages::testing::marked_on::<PartnersScreen>(changed, 120, 30)
}

#[test]
fn the_partner_or_representative_a_replayed_event_changed_is_marked() {
    let history = proceed();
    let globex = &history.session().partners[1];
    let rows = marked(&Changed::Partner(globex.id));
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains(&format!("● {}", globex.name)), "{rows:?}");

    let rep = &globex.representatives[0];
    let rows = marked(&Changed::Representative {
        partner: globex.id,
        id: rep.id,
    });
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains(&format!("● {}", rep.name)), "{rows:?}");
    assert!(marked(&Changed::Verdict).is_empty());
}

fn draw_fit(
    screen: &PartnersScreen,
    session: &Session,
    w: u16,
    h: u16,
) -> (Vec<String>, Vec<Hidden>) {
    crate::tui::stages::testing::fit_of(screen, session, w, h)
}

/// Screen rows that show `needle` followed by a number.
fn shown(rows: &[String], needle: &str) -> usize {
    rows.iter()
        .filter(|r| {
            r.split(needle)
                .nth(1)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        })
        .count()
}

/// Forty people for Northwind, and five lines of what Globex brings.
fn crowded() -> History {
    let mut history = fresh(2);
    let mut changes: Vec<Change> = (0..40)
        .map(|i| Change::RepresentativeAdded {
            partner: NORTHWIND,
            representative: Representative {
                id: ItemId(100 + i),
                name: format!("Person {i}"),
                function: Function::Sales,
            },
        })
        .collect();
    changes.push(Change::BringsSet {
        partner: GLOBEX,
        text: (1..=5)
            .map(|i| format!("Brings {i}"))
            .collect::<Vec<_>>()
            .join("\n"),
    });
    for change in changes {
        history.record(at(), change).unwrap();
    }
    history
}

#[test]
fn a_small_screen_reports_representatives_and_what_partners_bring() {
    let history = crowded();
    let session = history.session();
    let mut screen = PartnersScreen::default();
    let (rows, hidden) = draw_fit(&screen, session, 80, 19);
    let text = rows.join("\n");
    let people = shown(&rows, "Person ");
    assert!(people > 0 && people < 40, "{text}");
    assert_eq!(
        reported(&hidden, "representatives"),
        Some((40 - people, "↑↓"))
    );
    assert!(
        text.contains(&format!("Representatives 1–{people} of 40")),
        "{text}"
    );
    let brings = shown(&rows, "Brings ");
    assert_eq!(brings, MAX_BRINGS_ROWS, "{text}");
    // Globex is not under the cursor: move there, then focus mode shows it whole.
    assert_eq!(
        reported(&hidden, "lines of what partners bring"),
        Some((5 - brings, "←→ z"))
    );
    assert_eq!(reported(&hidden, "partners"), None);

    // At the end of the list the hidden people are above, not below: as many.
    for _ in 0..45 {
        press(&mut screen, session, KeyCode::Down);
    }
    let (rows, hidden) = draw_fit(&screen, session, 80, 19);
    let text = rows.join("\n");
    assert!(text.contains("▸ Person 39 — sales"), "{text}");
    assert!(
        text.contains(&format!("Representatives {}–40 of 40", 41 - people)),
        "{text}"
    );
    assert_eq!(
        reported(&hidden, "representatives"),
        Some((40 - people, "↑↓"))
    );

    // From Globex's column Northwind's list is back at its top, one move away.
    press(&mut screen, session, KeyCode::Right);
    let (_, hidden) = draw_fit(&screen, session, 80, 19);
    assert_eq!(
        reported(&hidden, "representatives"),
        Some((40 - people, "↑↓ ←→"))
    );
    assert_eq!(
        reported(&hidden, "lines of what partners bring"),
        Some((5 - brings, "z"))
    );
}

#[test]
fn partners_beyond_the_edges_are_reported() {
    let history = fresh(8);
    let session = history.session();
    let (rows, hidden) = draw_fit(&PartnersScreen::default(), session, 80, 19);
    let text = rows.join("\n");
    let names = session
        .partners
        .iter()
        .filter(|p| text.contains(&p.name))
        .count();
    assert_eq!(reported(&hidden, "partners"), Some((8 - names, "←→")));
    assert!(text.contains(&format!("{} more ▶", 8 - names)), "{text}");
}

#[test]
fn names_cut_at_the_column_edge_are_reported() {
    let mut history = fresh(3);
    let long = "Bartholomew Featherstonehaugh-Cholmondeley";
    history
        .record(
            at(),
            Change::RepresentativeAdded {
                partner: GLOBEX,
                representative: Representative {
                    id: ItemId(100),
                    name: long.into(),
                    function: Function::Legal,
                },
            },
        )
        .unwrap();
    let (rows, hidden) = draw_fit(&PartnersScreen::default(), history.session(), 80, 19);
    let text = rows.join("\n");
    assert!(text.contains("Bartholomew"), "{text}");
    assert!(!text.contains(long), "{text}");
    assert_eq!(reported(&hidden, "names cut short"), Some((1, "↑↓ ←→ z")));
}

#[test]
fn nothing_is_reported_when_everything_fits() {
    let history = proceed();
    let (_, hidden) = draw_fit(&PartnersScreen::default(), history.session(), 160, 45);
    assert!(hidden.is_empty(), "{hidden:?}");
}

fn card(screen: &PartnersScreen, session: &Session) -> Option<FocusCard> {
    screen.focus_card(&ctx(session, &Theme::dark()))
}

fn details(card: &FocusCard) -> Vec<String> {
    card.details.iter().map(|l| l.to_string()).collect()
}

#[test]
fn the_card_is_the_partner_or_the_representative_under_the_cursor() {
    let history = proceed();
    let session = history.session();
    let theme = Theme::dark();
    let mut screen = PartnersScreen::default();
    let north = card(&screen, session).expect("a card");
    assert_eq!(north.title, "Northwind Analytics");
    assert_eq!(north.kicker, "Partner 1 of 2");
    assert_eq!(north.kicker_style, theme.partner(0));
    let lines = details(&north);
    assert_eq!(lines[0], "  What it brings");
    assert_eq!(
        lines[1],
        "  Real-time analytics platform for manufacturing lines"
    );
    assert!(lines.contains(&"  Representatives (4)".to_string()));
    assert!(lines.contains(&"  Priya Raman — executive".to_string()));
    assert!(lines.contains(&"  Marco Silva — legal".to_string()));

    press(&mut screen, session, KeyCode::Down);
    let brings = card(&screen, session).expect("a card");
    assert_eq!(details(&brings)[0], "▸ What it brings");

    press(&mut screen, session, KeyCode::Down);
    let priya = card(&screen, session).expect("a card");
    assert_eq!(priya.title, "Priya Raman");
    assert_eq!(priya.kicker, "Representative · Northwind Analytics");
    let lines = details(&priya);
    assert_eq!(lines[0], "Function: executive");
    assert_eq!(
        lines[1],
        "Represents Northwind Analytics, one of 4 representatives"
    );

    press(&mut screen, session, KeyCode::Right);
    let helen = card(&screen, session).expect("a card");
    assert_eq!(helen.title, "Helen Marsh");
    assert_eq!(helen.kicker_style, theme.partner(1));
    assert!(
        details(&helen)
            .iter()
            .any(|l| l.contains("MES and shop-floor"))
    );
}

#[test]
fn a_partner_with_nobody_yet_still_has_a_card_and_no_partners_none() {
    let history = fresh(2);
    let mut session = history.session().clone();
    let lines = details(&card(&PartnersScreen::default(), &session).expect("a card"));
    assert!(lines.contains(&"  not said yet".to_string()), "{lines:?}");
    assert!(lines.contains(&"  Representatives (0)".to_string()));
    session.partners.clear();
    assert!(card(&PartnersScreen::default(), &session).is_none());
}

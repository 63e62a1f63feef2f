//! Highlights of a replayed change, what did not fit, and the focus cards.

use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

use super::*;

fn marked(changed: &Changed) -> Vec<String> {
    crate::tui::stages::testing::marked_on::<RolesScreen>(changed, 120, 30)
}

#[test]
fn the_role_cell_or_hole_a_replayed_event_changed_is_marked() {
    let history = proceed();
    let s = history.session();
    let role = &s.roles[1];
    let start: String = role.name.chars().take(8).collect();
    for changed in [
        Changed::Role(role.id),
        Changed::Raci {
            role: role.id,
            partner: s.partners[0].id,
        },
    ] {
        let rows = marked(&changed);
        assert_eq!(rows.len(), 1, "{changed:?} {rows:?}");
        assert!(rows[0].starts_with('●'), "{rows:?}");
        assert!(rows[0].contains(&start), "{rows:?}");
    }
    let hole = &s.holes[0];
    let rows = marked(&Changed::Hole(hole.id));
    assert_eq!(rows.len(), 1, "{rows:?}");
    let start: String = hole.text.chars().take(8).collect();
    assert!(rows[0].contains(&format!("● {start}")), "{rows:?}");
    assert!(marked(&Changed::Statement).is_empty());
}

const NORTHWIND: PartnerId = PartnerId(1);

/// Draws the screen into the body an 80 × 24 terminal leaves (two header rows,
/// three footer rows) and returns the body's rows with what it reported.
fn draw_fit(screen: &RolesScreen, session: &Session, w: u16, h: u16) -> (Vec<String>, Vec<Hidden>) {
    let theme = Theme::dark();
    let ctx = ctx(session, &theme);
    let buf = draw_buffer(w, h, |f| {
        let full = f.area();
        let body = Rect::new(0, 2, full.width, full.height.saturating_sub(5)).intersection(full);
        screen.render(f, body, &ctx);
    });
    (rows(&buf), ctx.fit.hidden())
}

fn press(screen: &mut RolesScreen, session: &Session, code: KeyCode) {
    screen.handle_key(key(code), &ctx(session, &Theme::dark()));
}

fn record(history: &mut History, changes: Vec<Change>) {
    for change in changes {
        history.record(at(), change).expect("change applies");
    }
}

/// The example session with thirty more roles: a table far longer than the wall.
fn long_table() -> History {
    let mut history = proceed();
    let first = history.session().fresh_id().0;
    let changes = (0..30u32)
        .map(|i| Change::RoleAdded {
            role: Role {
                id: ItemId(first + i),
                name: format!("Extra role {i:02}"),
                raci: Default::default(),
            },
        })
        .collect();
    record(&mut history, changes);
    history
}

/// Cut texts (ending in `…`) on the rows below the one containing `title`, up to
/// the next blank row.
fn ellipses_below(rows: &[String], title: &str) -> usize {
    rows.iter()
        .skip_while(|r| !r.contains(title))
        .skip(1)
        .take_while(|r| !r.trim().is_empty())
        .map(|r| r.matches('…').count())
        .sum()
}

/// Roles whose names are on the screen.
fn roles_on_screen(rows: &[String], s: &Session) -> usize {
    let text = rows.join("\n");
    s.roles.iter().filter(|r| text.contains(&r.name)).count()
}

#[test]
fn a_long_table_reports_the_roles_out_of_view() {
    let history = long_table();
    let s = history.session();
    let total = s.roles.len();
    let mut screen = RolesScreen::default();
    let (rows, hidden) = draw_fit(&screen, s, 80, 24);
    let on_screen = roles_on_screen(&rows, s);
    assert!(on_screen > 0 && on_screen < total, "{}", rows.join("\n"));
    assert_eq!(reported(&hidden, "roles"), Some((total - on_screen, "↑↓")));
    // Both partners' letters, every hole and every role name fit; one hole's words
    // do not (the example's "A repeatable analytics offer to sell").
    assert_eq!(reported(&hidden, "partners"), None);
    assert_eq!(reported(&hidden, "holes"), None);
    assert_eq!(reported(&hidden, "role names cut short"), None);
    assert_eq!(
        reported(&hidden, "holes cut short").map(|h| h.0),
        Some(ellipses_below(&rows, "Holes — gaps"))
    );

    // At the last role the same number is hidden, now above it.
    press(&mut screen, s, KeyCode::End);
    let (rows, hidden) = draw_fit(&screen, s, 80, 24);
    let text = rows.join("\n");
    assert!(text.contains("Extra role 29"), "{text}");
    assert!(!text.contains("Solution architecture"), "{text}");
    assert!(
        text.contains(&format!("{}–{total} of {total}", total - on_screen + 1)),
        "{text}"
    );
    assert_eq!(roles_on_screen(&rows, s), on_screen);
    assert_eq!(reported(&hidden, "roles"), Some((total - on_screen, "↑↓")));

    // From the holes pane the arrows move holes: Tab first.
    press(&mut screen, s, KeyCode::Tab);
    let (_, hidden) = draw_fit(&screen, s, 80, 24);
    assert_eq!(
        reported(&hidden, "roles"),
        Some((total - on_screen, "Tab ↑↓"))
    );
}

/// Partner names (first words) in the table's header row.
fn letters_on_screen(rows: &[String], s: &Session) -> usize {
    let (y, _) = rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.contains("Roles — who"))
        .expect("the roles title");
    let header = &rows[y + 1];
    s.partners
        .iter()
        .filter(|p| {
            let first = p.name.split_whitespace().next().unwrap_or("");
            header.contains(first)
        })
        .count()
}

#[test]
fn eight_partners_report_hidden_letters_and_holes() {
    let history = eight_partners();
    let s = history.session();
    let mut screen = RolesScreen::default();
    let (rows, hidden) = draw_fit(&screen, s, 80, 24);
    let text = rows.join("\n");
    let letters = letters_on_screen(&rows, s);
    assert!(letters > 0 && letters < 8, "{text}");
    assert_eq!(reported(&hidden, "partners"), Some((8 - letters, "←→")));
    // One hole each: those not on the screen are hidden with their partners.
    let holes = text.matches("Gap number").count();
    assert!(holes > 0 && holes < 8, "{text}");
    assert_eq!(reported(&hidden, "holes"), Some((8 - holes, "Tab ↑↓ ←→")));

    // At the last partner in both panes the letters and holes slid to the left;
    // as many are hidden, and the holes are the arrows' now.
    for _ in 0..8 {
        press(&mut screen, s, KeyCode::Right);
    }
    press(&mut screen, s, KeyCode::Tab);
    for _ in 0..8 {
        press(&mut screen, s, KeyCode::Right);
    }
    let (rows, hidden) = draw_fit(&screen, s, 80, 24);
    let text = rows.join("\n");
    assert!(text.contains("Gap number 8"), "{text}");
    assert!(!text.contains("Gap number 1"), "{text}");
    assert_eq!(
        reported(&hidden, "partners"),
        Some((8 - letters_on_screen(&rows, s), "Tab ←→"))
    );
    assert_eq!(
        reported(&hidden, "holes"),
        Some((8 - text.matches("Gap number").count(), "↑↓ ←→"))
    );
}

#[test]
fn names_and_holes_cut_at_the_edge_are_reported() {
    let mut history = proceed();
    let s = history.session().clone();
    let long = "A role name far too long for any column this table gives it";
    let text = "A hole described in far more words than its column has room for";
    let nordics = s.holes_of(NORTHWIND).nth(1).expect("two holes").id;
    record(
        &mut history,
        vec![
            Change::RoleAdded {
                role: Role {
                    id: s.fresh_id(),
                    name: long.into(),
                    raci: Default::default(),
                },
            },
            Change::HoleEdited {
                id: nordics,
                text: text.into(),
            },
        ],
    );
    let s = history.session();
    let mut screen = RolesScreen::default();
    press(&mut screen, s, KeyCode::End);
    let (rows, hidden) = draw_fit(&screen, s, 80, 24);
    let screen_text = rows.join("\n");
    assert!(screen_text.contains("A role name far"), "{screen_text}");
    assert!(!screen_text.contains(long), "{screen_text}");
    assert_eq!(
        reported(&hidden, "role names cut short"),
        Some((ellipses_below(&rows, "Role  "), "↑↓ z"))
    );
    assert!(screen_text.contains("A hole described"), "{screen_text}");
    assert!(!screen_text.contains(text), "{screen_text}");
    // The new words and the example's own long hole.
    assert_eq!(
        reported(&hidden, "holes cut short"),
        Some((ellipses_below(&rows, "Holes — gaps"), "Tab ↑↓ ←→ z"))
    );
    assert_eq!(ellipses_below(&rows, "Holes — gaps"), 2);
}

#[test]
fn nothing_is_reported_when_everything_fits() {
    for history in [proceed(), sample::example_pass().expect("sample builds")] {
        let (_, hidden) = draw_fit(&RolesScreen::default(), history.session(), 160, 50);
        assert!(hidden.is_empty(), "{hidden:?}");
    }
}

fn card(screen: &RolesScreen, session: &Session) -> Option<FocusCard> {
    screen.focus_card(&ctx(session, &Theme::dark()))
}

fn details(card: &FocusCard) -> Vec<String> {
    card.details.iter().map(|l| l.to_string()).collect()
}

#[test]
fn the_role_card_spells_out_each_letter_and_the_check() {
    let history = proceed();
    let s = history.session();
    let mut screen = RolesScreen::default();
    let at = s
        .roles
        .iter()
        .position(|r| r.name == "Implementation and integration")
        .expect("role exists");
    for _ in 0..at {
        press(&mut screen, s, KeyCode::Down);
    }
    let role = card(&screen, s).expect("a card");
    assert_eq!(role.title, "Implementation and integration");
    assert_eq!(role.kicker, format!("Role {} of 9 · RACI", at + 1));
    assert_eq!(
        details(&role),
        vec![
            "  C  Northwind Analytics — consulted",
            "  A  Globex Integration — accountable",
            "",
            "? no one marked R",
            "Globex Integration answers for 'Implementation and integration'; is Globex Integration also doing it? If another partner does the work, mark that partner R.",
        ]
    );
    // The partner under the cursor is marked; the next role is another card.
    press(&mut screen, s, KeyCode::Right);
    assert_eq!(
        details(&card(&screen, s).expect("a card"))[0],
        "▸ C  Northwind Analytics — consulted"
    );
    press(&mut screen, s, KeyCode::Up);
    let previous = card(&screen, s).expect("a card");
    assert_eq!(previous.title, s.roles[at - 1].name);
    assert!(
        details(&previous)
            .last()
            .is_some_and(|l| l.starts_with('✔'))
    );
}

#[test]
fn the_hole_card_says_who_fills_it_and_warns_in_words() {
    let history = proceed();
    let s = history.session();
    let theme = Theme::dark();
    let mut screen = RolesScreen::default();
    press(&mut screen, s, KeyCode::Tab);
    let hole = card(&screen, s).expect("a card");
    assert_eq!(hole.title, "Delivery capacity outside Germany");
    assert_eq!(hole.kicker, "Hole 1 of 2 in Northwind Analytics's business");
    assert_eq!(hole.kicker_style, theme.partner(0));
    let lines = details(&hole);
    assert_eq!(lines[0], "⚠ expects Globex Integration to fill this");
    assert_eq!(hole.details[0].style, theme.warn);
    assert!(lines[2].contains("mistaken belief"), "{lines:?}");

    press(&mut screen, s, KeyCode::Down);
    let own = card(&screen, s).expect("a card");
    assert_eq!(own.title, "Sales coverage in the Nordics");
    assert_eq!(details(&own), vec!["✔ filled by itself"]);

    press(&mut screen, s, KeyCode::Right);
    let globex = card(&screen, s).expect("a card");
    assert_eq!(globex.kicker_style, theme.partner(1));
    assert!(globex.kicker.contains("Globex Integration"));
}

#[test]
fn an_empty_pane_has_no_card() {
    let passed = sample::example_pass().expect("sample builds");
    let s = passed.session();
    let mut screen = RolesScreen::default();
    press(&mut screen, s, KeyCode::Tab);
    // Acme, the first partner, has named no holes.
    assert!(card(&screen, s).is_none());

    let mut history = proceed();
    let ids: Vec<ItemId> = history.session().roles.iter().map(|r| r.id).collect();
    record(
        &mut history,
        ids.into_iter()
            .map(|id| Change::RoleRemoved { id })
            .collect(),
    );
    assert!(card(&RolesScreen::default(), history.session()).is_none());
}

//! The roles table and the holes as the room sees them.

use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

use super::*;

#[test]
fn table_shows_each_partners_letter_under_its_name_and_the_check_in_words() {
    let history = proceed();
    let s = history.session();
    let rows = rows(&draw(&RolesScreen::default(), s, 80, 24));
    let (title_y, title) = row_with(&rows, "Roles — who is Responsible");
    assert!(
        title.starts_with("▶ "),
        "the focused pane is marked: {title:?}"
    );
    let header = &rows[title_y + 1];
    assert!(
        header.contains("Role") && header.contains("Check"),
        "{header:?}"
    );
    let north = col_of(header, "Northwind");
    let globex = col_of(header, "Globex");
    assert!(north < globex);

    // Implementation: Northwind consulted, Globex accountable, nobody responsible.
    let (_, row) = row_with(&rows, "Implementation and integration");
    let cells: Vec<char> = row.chars().collect();
    let letter_near = |start: usize| {
        cells[start.saturating_sub(2)..start + 10]
            .iter()
            .copied()
            .find(|c| "RACI·".contains(*c))
    };
    assert_eq!(letter_near(north), Some('C'), "{row:?}\n{header:?}");
    assert_eq!(letter_near(globex), Some('A'), "{row:?}\n{header:?}");
    // One partner answers for it and nobody is marked responsible: a question, not a
    // problem.
    assert!(row.contains("? no R"), "{row:?}");
    // Solution architecture is settled: Globex answers for it, Northwind does it.
    assert!(
        row_with(&rows, "Solution architecture")
            .1
            .trim_end()
            .ends_with('✔')
    );
    assert!(row_with(&rows, "Executive sponsorship").1.contains("no A"));
    // The longest role name is not cut at 80 columns.
    row_with(&rows, "Escalation to product engineering");
    // The count of open rows joins the title where the width allows.
    let wide = super::rows(&draw(&RolesScreen::default(), s, 120, 30));
    assert!(
        row_with(&wide, "Roles — who")
            .1
            .contains("1 role to settle")
    );
}

#[test]
fn a_settled_role_gets_a_tick() {
    let mut history = proceed();
    let role = role_id(history.session(), "Solution architecture");
    record(
        &mut history,
        vec![Change::RaciSet {
            role,
            partner: NORTHWIND,
            letter: Some(Raci::Responsible),
        }],
    );
    let s = history.session();
    let narrow = rows(&draw(&RolesScreen::default(), s, 80, 24));
    assert!(
        row_with(&narrow, "Solution architecture")
            .1
            .trim_end()
            .ends_with('✔')
    );
    // With room to spare the check column speaks in full words.
    let wide = rows(&draw(&RolesScreen::default(), s, 160, 45));
    assert!(
        row_with(&wide, "Solution architecture")
            .1
            .trim_end()
            .ends_with("✔ ok")
    );
    assert!(
        row_with(&wide, "Executive sponsorship")
            .1
            .contains("nobody accountable")
    );
    assert!(
        row_with(&wide, "Roles — who")
            .1
            .contains("1 role to settle")
    );
}

#[test]
fn holes_show_who_fills_them_and_flag_the_mistaken_belief() {
    let history = proceed();
    let rows = rows(&draw(&RolesScreen::default(), history.session(), 80, 24));
    let (title_y, title) = row_with(&rows, "Holes — gaps each partner must own");
    assert!(
        title.starts_with("  "),
        "unfocused pane carries no marker: {title:?}"
    );
    assert!(
        title.contains("⚠ 1 hole expects another partner"),
        "{title:?}"
    );
    let names = &rows[title_y + 1];
    assert!(
        col_of(names, "Northwind") < col_of(names, "Globex"),
        "{names:?}"
    );
    assert!(names.contains("2 holes"), "{names:?}");

    let (y, _) = row_with(&rows, "• Delivery capacity outside Germany");
    // Too long for the column with the full name, so the first word stands in.
    assert!(
        rows[y + 1].contains("⚠ expects Globex to fill this"),
        "{}",
        rows[y + 1]
    );
    let (y, _) = row_with(&rows, "• Sales coverage in the Nordics");
    assert!(rows[y + 1].contains("✔ filled by itself"));
    let (y, _) = row_with(&rows, "• Certified analytics engineers");
    assert!(rows[y + 1].contains("→ filled by a third party"));
    let (y, _) = row_with(&rows, "• A repeatable analytics offer");
    assert!(rows[y + 1].contains("? filled by nobody yet"));
}

#[test]
fn the_warning_is_drawn_in_the_warning_style() {
    let history = proceed();
    let buf = draw(&RolesScreen::default(), history.session(), 80, 24);
    let rows = rows(&buf);
    let (y, row) = row_with(&rows, "⚠ expects Globex");
    let x = col_of(row, "⚠ expects");
    let theme = Theme::dark();
    assert_eq!(
        buf[(to_u16(x + 3), to_u16(y))].fg,
        theme.warn.fg.expect("warn colour")
    );
}

#[test]
fn an_empty_partner_says_how_to_add_a_hole() {
    let history = sample::example_pass().expect("sample builds");
    let rows = rows(&draw(&RolesScreen::default(), history.session(), 80, 24));
    row_with(&rows, "No holes named for Acme");
    row_with(&rows, "press a to add one");
}

#[test]
fn eight_partners_slide_to_keep_the_focused_one_in_view() {
    let history = eight_partners();
    let s = history.session();
    let mut screen = RolesScreen::default();
    let rows0 = rows(&draw(&screen, s, 80, 24));
    let (y, _) = row_with(&rows0, "Roles — who");
    assert!(rows0[y + 1].contains("Acme"), "{}", rows0[y + 1]);
    assert!(rows0[y + 1].contains(" ▶"), "{}", rows0[y + 1]);
    for _ in 0..8 {
        press(&mut screen, s, KeyCode::Right);
    }
    let rows1 = rows(&draw(&screen, s, 80, 24));
    let header = &rows1[y + 1];
    assert!(header.contains("Tyrell"), "{header:?}");
    assert!(header.contains("◀ "), "{header:?}");
    assert!(!header.contains("Acme"), "{header:?}");
    assert!(rows1[y + 2].contains('I'), "{}", rows1[y + 2]);

    press(&mut screen, s, KeyCode::Tab);
    for _ in 0..8 {
        press(&mut screen, s, KeyCode::Right);
    }
    let rows2 = rows(&draw(&screen, s, 80, 24));
    let title = row_with(&rows2, "Holes — gaps").1;
    assert!(title.contains("◀ ") && title.contains(" more"), "{title:?}");
    assert!(
        !title.contains("more ▶"),
        "nothing is hidden to the right: {title:?}"
    );
    row_with(&rows2, "▶ Tyrell Corp");
    row_with(&rows2, "Gap number 8");
}

#[test]
fn wide_screens_show_full_partner_names() {
    let history = proceed();
    let rows = rows(&draw(&RolesScreen::default(), history.session(), 160, 45));
    let (y, _) = row_with(&rows, "Roles — who");
    assert!(
        rows[y + 1].contains("Northwind Analytics"),
        "{}",
        rows[y + 1]
    );
    row_with(&rows, "⚠ expects Globex Integration to fill this");
}

#[test]
fn never_panics_at_any_size() {
    let history = proceed();
    let s = history.session();
    let mut screens = vec![RolesScreen::default()];
    let mut holes = RolesScreen::default();
    press(&mut holes, s, KeyCode::Tab);
    press(&mut holes, s, KeyCode::Right);
    screens.push(holes);
    let eight = eight_partners();
    crate::tui::stages::testing::draw_at_every_size(&screens, &[s, eight.session()]);
    // Drawing straight into tiny and offset areas, not only through the body rectangle.
    let theme = Theme::dark();
    let mut terminal = test_terminal(10, 3);
    terminal
        .draw(|f| {
            let c = ctx(s, &theme);
            screens[0].render(f, Rect::new(0, 0, 0, 0), &c);
            screens[0].render(f, Rect::new(1, 1, 1, 1), &c);
            screens[1].render(f, Rect::new(5, 2, 500, 500), &c);
        })
        .expect("draw");
}

#[test]
fn a_thousand_items_render_quickly() {
    let mut history = proceed();
    let mut changes = Vec::new();
    let first = history.session().fresh_id().0;
    for i in 0..1000u32 {
        changes.push(Change::RoleAdded {
            role: Role {
                id: ItemId(first + 2 * i),
                name: format!("Role number {i} with a reasonably long name"),
                raci: [(NORTHWIND, Raci::Accountable)].into_iter().collect(),
            },
        });
        changes.push(Change::HoleAdded {
            hole: Hole {
                id: ItemId(first + 2 * i + 1),
                owner: if i % 2 == 0 { NORTHWIND } else { GLOBEX },
                text: format!("Hole number {i}"),
                filled_by: HoleFiller::Unresolved,
            },
        });
    }
    record(&mut history, changes);
    let s = history.session();
    let mut screen = RolesScreen::default();
    for _ in 0..500 {
        press(&mut screen, s, KeyCode::Down);
    }
    let last = draw_stage(200, 50, s, |f, ctx| screen.render(f, f.area(), ctx));
    let rows = rows(&last);
    row_with(&rows, "Role number 500 with");
    // The header says which part of the long table is in view.
    row_with(&rows, "of 1009");
    // How fast this draws is measured by `cargo bench --bench render`, not here.
}

//! The matrix of categories × partners and the filter it sets on the list.

use super::*;

#[test]
fn the_matrix_shows_counts_per_category_and_pair() {
    let mut history = fresh(2);
    let mut add_with = |what: &str, category, severity, status| {
        let mut c = conflict(&history, what, severity, &[1, 2]);
        c.category = category;
        c.status = status;
        add(&mut history, c);
    };
    use ConflictCategory::{Pricing, Roles, Territory};
    add_with(
        "Both claim Spain",
        Territory,
        Severity::High,
        ConflictStatus::Open,
    );
    add_with(
        "Both claim Italy",
        Territory,
        Severity::Low,
        ConflictStatus::Open,
    );
    add_with(
        "Both claim France",
        Territory,
        Severity::Critical,
        ConflictStatus::Parked,
    );
    add_with("List price", Pricing, Severity::Low, ConflictStatus::Open);
    add_with(
        "Who runs support",
        Roles,
        Severity::Medium,
        ConflictStatus::DealBreaker,
    );
    add_with(
        "Who runs training",
        Roles,
        Severity::Medium,
        ConflictStatus::Resolved {
            agreement: "Globex".to_string(),
        },
    );
    let session = history.session();
    let matrix = Matrix::of(session, &board(session));
    assert_eq!(matrix.rows, vec![Territory, Pricing, Roles]);
    assert_eq!(
        matrix.columns,
        vec![Column::Pair(PartnerId(1), PartnerId(2))]
    );
    let tally = matrix.tally(0, 0);
    assert_eq!(
        (tally.open, tally.worst, tally.rest),
        (2, Some(Severity::High), 1)
    );

    let mut screen = ConflictsScreen::default();
    assert!(press(&mut screen, session, KeyCode::Char('m')).is_none());
    let buf = draw(&screen, session, 80, 24);
    let all = text(&buf);
    assert!(all.contains("MATRIX  categories × partner pairs"), "{all}");
    let (y, x) = find(&buf, "Northwind").expect(&all);
    assert!(rows(&buf)[usize::from(y) + 1].contains("& Globex"), "{all}");
    assert_eq!(buf[(x, y)].style().fg, Theme::dark().partner(0).fg);
    // A cell says how many are open and how bad the worst is, not by colour alone;
    // the cursor's cell is in brackets and in the selected style.
    let row = |start: &str| {
        rows(&buf)
            .into_iter()
            .find(|r| r.starts_with(start))
            .unwrap_or_else(|| panic!("{start}\n{all}"))
    };
    assert!(row("▶ territory").contains("[2!! +1]"), "{all}");
    assert!(row("  pricing").contains(" 1· "), "{all}");
    assert!(row("  roles").contains(" 1✖ +1 "), "{all}");
    let (y, x) = find(&buf, "[2!!").expect(&all);
    assert_eq!(buf[(x, y)].style().bg, Theme::dark().selected.bg);
    // Rows with nothing open step back.
    let (y, x) = find(&buf, "roles").expect(&all);
    assert_eq!(buf[(x, y)].style().fg, Theme::dark().muted.fg);
    assert!(all.contains("2!! 2 open, worst high"), "the legend: {all}");
    // Under the grid, what the cell holds, worst first.
    assert!(
        all.contains("territory × Northwind & Globex  3 — Enter lists them"),
        "{all}"
    );
    let (spain, _) = find(&buf, "Both claim Spain").expect(&all);
    let (italy, _) = find(&buf, "Both claim Italy").expect(&all);
    let (france, _) = find(&buf, "Both claim France").expect(&all);
    assert!(spain < italy && italy < france, "{all}");
    let theme = Theme::dark();
    let keys = screen.footer_keys(&ctx(session, &theme));
    assert_eq!(keys[1], ("Enter", "list it"));
}

#[test]
fn enter_on_a_cell_filters_the_list_and_f_or_esc_clears_it() {
    let history = proceed();
    let session = history.session();
    let entries = board(session);
    let mut screen = ConflictsScreen::default();
    press(&mut screen, session, KeyCode::Char('m'));
    // Down to the roles row.
    let matrix = Matrix::of(session, &entries);
    let roles = matrix
        .rows
        .iter()
        .position(|c| *c == ConflictCategory::Roles)
        .expect("roles");
    for _ in 0..roles {
        press(&mut screen, session, KeyCode::Down);
    }
    assert!(press(&mut screen, session, KeyCode::Enter).is_none());
    assert_eq!(screen.focus, Focus::List);
    let in_cell = matrix.tally(roles, 0).total();
    let buf = draw(&screen, session, 80, 24);
    let all = text(&buf);
    assert!(
        title_row(&buf).starts_with(&format!(
            "CONFLICTS IN roles × Northwind & Globex  {in_cell} of {}   f show all",
            entries.len()
        )),
        "{all}"
    );
    let theme = Theme::dark();
    let ctx = ctx(session, &theme);
    let order = display_order(&ctx, screen.filter.as_ref());
    assert_eq!(order.len(), in_cell);
    assert!(
        order
            .iter()
            .all(|&i| ctx.board[i].category == ConflictCategory::Roles)
    );
    assert_eq!(screen.footer_keys(&ctx)[2], ("f", "show all"));
    // The list starts at the top of the cell.
    assert_eq!(
        selected(&screen, session).source,
        ctx.board[order[0]].source
    );
    press(&mut screen, session, KeyCode::Char('f'));
    assert!(screen.filter.is_none());
    let buf = draw(&screen, session, 80, 24);
    assert!(
        title_row(&buf).starts_with(&format!("CONFLICTS  {}", entries.len())),
        "{}",
        text(&buf)
    );

    // Esc clears it too, and back in the matrix the cursor is on the filtered cell.
    press(&mut screen, session, KeyCode::Char('m'));
    press(&mut screen, session, KeyCode::Enter);
    assert!(screen.filter.is_some());
    press(&mut screen, session, KeyCode::Char('m'));
    assert_eq!(screen.cell, (roles, 0));
    press(&mut screen, session, KeyCode::Esc);
    assert_eq!(screen.focus, Focus::List);
    assert!(screen.filter.is_some(), "Esc in the matrix only goes back");
    press(&mut screen, session, KeyCode::Esc);
    assert!(screen.filter.is_none());
}

#[test]
fn large_screens_keep_the_matrix_above_the_list() {
    let history = proceed();
    let session = history.session();
    let entries = board(session);
    let mut screen = ConflictsScreen::default();
    let buf = draw(&screen, session, 160, 40);
    let all = text(&buf);
    let (matrix_y, _) = find(&buf, "MATRIX").expect(&all);
    let list_title = format!("CONFLICTS  {}", entries.len());
    let (list_y, _) = find(&buf, &list_title).expect(&all);
    assert!(matrix_y < list_y);
    assert!(all.contains("m pick a cell"), "{all}");
    // `m` gives the keys to the matrix; the list stays in view.
    press(&mut screen, session, KeyCode::Char('m'));
    let buf = draw(&screen, session, 160, 40);
    assert!(find(&buf, &list_title).is_some());
    assert!(find(&buf, "Enter list it").is_some());
    press(&mut screen, session, KeyCode::Enter);
    let matrix = Matrix::of(session, &entries);
    let first = matrix.rows[0];
    let buf = draw(&screen, session, 160, 40);
    let all = text(&buf);
    assert!(
        all.contains(&format!(
            "CONFLICTS IN {first} × Northwind & Globex  {} of {}",
            matrix.tally(0, 0).total(),
            entries.len()
        )),
        "{all}"
    );
    // The filtered cell stays marked in the matrix.
    let row = rows(&buf)
        .into_iter()
        .find(|r| r.starts_with(&format!("  {first}")))
        .expect(&all);
    assert!(row.contains('[') && row.contains(']'), "{row}");
}

#[test]
fn many_partners_get_a_column_each_and_the_matrix_scrolls_sideways() {
    let mut history = eight_partners();
    let c = conflict(
        &history,
        "Soylent and Wonka both own the cold chain",
        Severity::Critical,
        &[7, 8],
    );
    add(&mut history, c);
    let mut c = conflict(
        &history,
        "Acme and Globex both sell robots",
        Severity::High,
        &[1, 2],
    );
    c.category = ConflictCategory::ProductDirection;
    add(&mut history, c);
    let c = conflict(&history, "Nobody named", Severity::Low, &[]);
    add(&mut history, c);
    let session = history.session();
    let matrix = Matrix::of(session, &board(session));
    assert_eq!(matrix.columns.len(), 10, "eight partners, 'other', 'all'");
    assert_eq!(matrix.columns[8], Column::Fewer(1));
    let territory = matrix
        .rows
        .iter()
        .position(|c| *c == ConflictCategory::Territory)
        .expect("territory");
    assert_eq!(matrix.tally(territory, 6).worst, Some(Severity::Critical));
    assert_eq!(matrix.tally(territory, 0).total(), 0);
    assert_eq!(matrix.tally(territory, 9).total(), 2);

    let mut screen = ConflictsScreen::default();
    press(&mut screen, session, KeyCode::Char('m'));
    let buf = draw(&screen, session, 80, 24);
    let all = text(&buf);
    assert!(all.contains("categories × partners"), "{all}");
    assert!(
        rows(&buf).iter().any(|r| r.trim_end().ends_with('▶')),
        "more to the right: {all}"
    );
    press(&mut screen, session, KeyCode::End);
    let buf = draw(&screen, session, 80, 24);
    let all = text(&buf);
    assert!(all.contains("all"), "{all}");
    assert!(
        rows(&buf).iter().any(|r| r.trim_end().ends_with('◀')),
        "{all}"
    );
    // The list names the partners in their colours.
    press(&mut screen, session, KeyCode::Esc);
    let buf = draw(&screen, session, 160, 45);
    let all = text(&buf);
    let (y, x) = find(&buf, "Soylent Foods & Wonka Industries").expect(&all);
    assert_eq!(buf[(x, y)].style().fg, Theme::dark().partner(6).fg);
}

#[test]
fn three_partners_get_a_column_per_pair() {
    let mut history = fresh(3);
    let c = conflict(
        &history,
        "Northwind and Initech both want Spain",
        Severity::High,
        &[1, 3],
    );
    add(&mut history, c);
    let c = conflict(
        &history,
        "Everyone wants Italy",
        Severity::Medium,
        &[1, 2, 3],
    );
    add(&mut history, c);
    let session = history.session();
    let matrix = Matrix::of(session, &board(session));
    let pair = |a, b| Column::Pair(PartnerId(a), PartnerId(b));
    assert_eq!(
        matrix.columns,
        vec![pair(1, 2), pair(1, 3), pair(2, 3), Column::All]
    );
    let counts: Vec<(usize, Option<Severity>)> = (0..4)
        .map(|c| (matrix.tally(0, c).open, matrix.tally(0, c).worst))
        .collect();
    assert_eq!(
        counts,
        vec![
            (1, Some(Severity::Medium)),
            (2, Some(Severity::High)),
            (1, Some(Severity::Medium)),
            (2, Some(Severity::High)),
        ]
    );
    let mut screen = ConflictsScreen::default();
    press(&mut screen, session, KeyCode::Char('m'));
    press(&mut screen, session, KeyCode::Right);
    press(&mut screen, session, KeyCode::Enter);
    let theme = Theme::dark();
    let ctx = ctx(session, &theme);
    assert_eq!(display_order(&ctx, screen.filter.as_ref()).len(), 2);
    let buf = draw(&screen, session, 80, 24);
    assert!(
        title_row(&buf).starts_with("CONFLICTS IN territory × Northwind & Initech  2 of 2"),
        "{}",
        text(&buf)
    );
}

#[test]
fn an_empty_cell_is_not_filtered_to() {
    let mut history = fresh(3);
    let c = conflict(
        &history,
        "Northwind and Initech both want Spain",
        Severity::High,
        &[1, 3],
    );
    add(&mut history, c);
    let session = history.session();
    let mut screen = ConflictsScreen::default();
    press(&mut screen, session, KeyCode::Char('m'));
    let said = status_of(press(&mut screen, session, KeyCode::Enter));
    assert!(
        said.contains("No conflicts in territory × Northwind & Globex"),
        "{said}"
    );
    assert_eq!(screen.focus, Focus::Matrix);
    assert!(screen.filter.is_none());
}

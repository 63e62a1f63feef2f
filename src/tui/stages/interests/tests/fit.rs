//! What the self-interest screen reports as not shown, and its focus cards.

use crate::tui::stages::Hidden;
use crate::tui::stages::testing::{fresh, reported};

use super::*;

/// Draws the screen; returns its rows and what it reported as not shown.
fn draw_fit(
    screen: &InterestsScreen,
    session: &Session,
    w: u16,
    h: u16,
) -> (Vec<String>, Vec<Hidden>) {
    crate::tui::stages::testing::fit_of(screen, session, w, h)
}

fn press(screen: &mut InterestsScreen, session: &Session, code: KeyCode) {
    screen.handle_key(key(code), &ctx(session, &Theme::dark()));
}

/// Statements here begin "Interest 17: …": the numbers on screen are the interests
/// drawn, whatever the layout did to get there.
fn statements_on_screen(rows: &[String]) -> usize {
    rows.iter()
        .map(|row| {
            row.match_indices("Interest ")
                .filter(|(at, word)| {
                    let rest = &row[at + word.len()..];
                    let digits = rest.chars().take_while(char::is_ascii_digit).count();
                    digits > 0 && rest[digits..].starts_with(':')
                })
                .count()
        })
        .sum()
}

fn interests_of(session: &Session, partners: &[usize]) -> usize {
    partners
        .iter()
        .map(|&i| session.interests_of(session.partners[i].id).count())
        .sum()
}

/// `partners` partners sharing 90 interests: the non-negotiable ones short enough
/// for one row, the others two rows long, so how many fit depends on where the
/// cursor is.
fn crowded(partners: usize) -> History {
    let mut history = fresh(partners);
    let ids: Vec<PartnerId> = history.session().partners.iter().map(|p| p.id).collect();
    for n in 0..90 {
        let weight = Weight::ALL[(n / 3) % 30 / 10];
        let statement = match weight {
            Weight::NonNegotiable => format!("Interest {n}: short"),
            _ => format!("Interest {n}: long enough to need a second row in a column"),
        };
        let interest = Interest {
            id: history.session().fresh_id(),
            partner: ids[n % partners],
            statement,
            category: InterestCategory::Pricing,
            weight,
            function: Function::Sales,
        };
        history
            .record(
                crate::tui::stages::testing::at(),
                Change::InterestAdded { interest },
            )
            .expect("the interest is added");
    }
    history
}

#[test]
fn a_crowded_screen_reports_the_interests_and_partners_it_leaves_out() {
    let history = crowded(3);
    let session = history.session();
    let mut screen = InterestsScreen::default();

    // 80 columns hold two partner columns of at least 30 cells: the first two show.
    let (rows, hidden) = draw_fit(&screen, session, 80, 19);
    let before = interests_of(session, &[0, 1]) - statements_on_screen(&rows);
    assert!(before > 30, "{before}");
    assert_eq!(reported(&hidden, "interests"), Some((before, "↑↓")));
    assert_eq!(reported(&hidden, "partners"), Some((1, "←→")));
    // No room for the grid of who has spoken under either column.
    assert_eq!(reported(&hidden, "coverage grids"), Some((2, "c")));

    // To the long statements at the end of the first column: fewer fit.
    press(&mut screen, session, KeyCode::End);
    let (rows, hidden) = draw_fit(&screen, session, 80, 19);
    let after = interests_of(session, &[0, 1]) - statements_on_screen(&rows);
    assert!(after > before, "{after} {before}");
    assert_eq!(reported(&hidden, "interests"), Some((after, "↑↓")));

    // To the third partner: the first is the hidden one now.
    press(&mut screen, session, KeyCode::Right);
    press(&mut screen, session, KeyCode::Right);
    let (rows, hidden) = draw_fit(&screen, session, 80, 19);
    assert!(!rows[0].contains("Northwind"), "{}", rows[0]);
    let third = interests_of(session, &[1, 2]) - statements_on_screen(&rows);
    assert_eq!(reported(&hidden, "interests"), Some((third, "↑↓")));
    assert_eq!(reported(&hidden, "partners"), Some((1, "←→")));
}

#[test]
fn interests_hidden_only_in_another_column_name_the_keys_to_get_there() {
    // Two partners, both in view; the focused first one has no interests left.
    let mut history = crowded(2);
    let removals: Vec<Change> = history
        .session()
        .interests
        .iter()
        .filter(|i| i.partner == history.session().partners[0].id)
        .map(|i| Change::InterestRemoved { id: i.id })
        .collect();
    for change in removals {
        history
            .record(crate::tui::stages::testing::at(), change)
            .expect("the interest is removed");
    }
    let session = history.session();
    let (rows, hidden) = draw_fit(&InterestsScreen::default(), session, 80, 19);
    let count = interests_of(session, &[0, 1]) - statements_on_screen(&rows);
    assert!(count > 0);
    assert_eq!(reported(&hidden, "interests"), Some((count, "←→ ↑↓")));
    assert_eq!(reported(&hidden, "partners"), None);
}

#[test]
fn long_statements_cut_at_two_rows_are_counted() {
    let mut history = proceed();
    let interest = Interest {
        id: history.session().fresh_id(),
        partner: history.session().partners[0].id,
        statement: "word ".repeat(40),
        category: InterestCategory::Pricing,
        weight: Weight::NonNegotiable,
        function: Function::Sales,
    };
    history
        .record(
            crate::tui::stages::testing::at(),
            Change::InterestAdded { interest },
        )
        .expect("the interest is added");
    let (_, hidden) = draw_fit(&InterestsScreen::default(), history.session(), 160, 40);
    // 40 words of 5 cells in rows of 74 (a 79-cell column less its frame, padding
    // and weight mark) wrap to 3 rows: one is cut after the two shown.
    assert_eq!(reported(&hidden, "lines of detail"), Some((1, "z")));
}

#[test]
fn nothing_is_reported_when_everything_fits() {
    let history = proceed();
    let mut screen = InterestsScreen::default();
    let (_, hidden) = draw_fit(&screen, history.session(), 160, 40);
    assert_eq!(hidden, Vec::new());
    press(&mut screen, history.session(), KeyCode::Char('c'));
    let (_, hidden) = draw_fit(&screen, history.session(), 160, 40);
    assert_eq!(hidden, Vec::new());
}

#[test]
fn a_short_coverage_view_reports_the_functions_without_a_row() {
    let history = proceed();
    let mut screen = InterestsScreen::default();
    press(&mut screen, history.session(), KeyCode::Char('c'));
    // Each column: 6 rows under which the legend goes, 2 of them frame, 2 for the
    // verdict ("All 4 functions…" wraps in 35 cells) and a blank: one row of grid,
    // 4 functions at 35 cells, so 6 of the 10 have no row, in both columns.
    let (_, hidden) = draw_fit(&screen, history.session(), 80, 7);
    assert_eq!(reported(&hidden, "functions"), Some((12, "z")));
}

#[test]
fn the_focus_card_is_the_selected_interest() {
    let history = proceed();
    let session = history.session();
    let theme = Theme::dark();
    let mut screen = InterestsScreen::default();
    let card = screen
        .focus_card(&ctx(session, &theme))
        .expect("an interest is selected");
    assert_eq!(card.kicker, "Interest · Northwind Analytics");
    assert_eq!(card.kicker_style, theme.partner(0));
    assert_eq!(
        card.title,
        "Keep the direct relationship with our top 20 accounts"
    );
    let details: Vec<String> = card.details.iter().map(|l| l.to_string()).collect();
    assert_eq!(
        details,
        [
            "Weight: ■ Non-negotiable",
            "Category: account leadership",
            "Stated by: sales",
            "1 of 4 interests of Northwind Analytics",
        ]
    );

    press(&mut screen, session, KeyCode::Down);
    let card = screen.focus_card(&ctx(session, &theme)).expect("selected");
    assert!(card.title.starts_with("Connectors built"), "{}", card.title);
    assert_eq!(card.details[1].to_string(), "Category: IP ownership");

    press(&mut screen, session, KeyCode::Right);
    let card = screen.focus_card(&ctx(session, &theme)).expect("selected");
    assert_eq!(card.kicker, "Interest · Globex Integration");
    assert_eq!(card.kicker_style, theme.partner(1));
}

#[test]
fn the_coverage_view_focuses_on_who_has_spoken() {
    let history = proceed();
    let session = history.session();
    let theme = Theme::dark();
    let mut screen = InterestsScreen::default();
    press(&mut screen, session, KeyCode::Char('c'));
    let card = screen.focus_card(&ctx(session, &theme)).expect("a partner");
    assert_eq!(card.kicker, "Who has spoken · Northwind Analytics");
    assert_eq!(card.title, "All 4 functions in the room have spoken");
    let details: Vec<String> = card.details.iter().map(|l| l.to_string()).collect();
    assert!(
        details.contains(&"· marketing — not in the room".to_string()),
        "{details:?}"
    );
    assert_eq!(details.len(), 2 + Function::ALL.len(), "{details:?}");
}

#[test]
fn nothing_to_focus_on_gives_no_card() {
    let theme = Theme::dark();
    let screen = InterestsScreen::default();
    let history = fresh(2);
    assert!(screen.focus_card(&ctx(history.session(), &theme)).is_none());
}

//! Advice in the roles table: a role one partner answers for and nobody is marked
//! responsible for carries a calm question mark, counted apart from the conflicts, and
//! goes away when the room marks an R, all driven by the keys the room presses.

use ratatui::crossterm::event::KeyCode;

use super::*;

/// The cursor on `name`'s row, moved there by keys.
fn on_role(screen: &mut RolesScreen, s: &Session, name: &str) {
    press(screen, s, KeyCode::Home);
    for _ in 0..role_index(s, name) {
        press(screen, s, KeyCode::Down);
    }
}

/// Presses `code` and records what it asks for.
fn press_and_record(history: &mut History, screen: &mut RolesScreen, code: KeyCode) {
    let s = history.session().clone();
    let changes = recorded(press(screen, &s, code));
    record(history, changes);
}

fn title(rows: &[String]) -> String {
    row_with(rows, "Roles — who").1.clone()
}

#[test]
fn a_role_nobody_is_marked_responsible_for_shows_a_muted_question_not_a_warning() {
    let history = proceed();
    let s = history.session();
    let theme = Theme::dark();
    for (width, height, words) in [(80, 24, "? no R"), (160, 45, "? no one marked R")] {
        let buf = draw(&RolesScreen::default(), s, width, height);
        let rows = rows(&buf);
        let (y, row) = row_with(&rows, "Implementation and integration");
        assert!(row.trim_end().ends_with(words), "{width}×{height}: {row:?}");
        let x = col_of(row, words);
        let fg = buf[(to_u16(x), to_u16(y))].fg;
        assert_eq!(Some(fg), theme.muted.fg, "{width}×{height}");
        assert_ne!(Some(fg), theme.warn.fg, "not in a conflict's colour");
        assert!(
            theme.severities.iter().all(|sev| sev.fg != Some(fg)),
            "no severity colour: {fg:?}"
        );
        // The conflict on the same screen keeps its warning colour.
        let (y, row) = row_with(&rows, "Executive sponsorship");
        let x = col_of(row, "no");
        assert_eq!(Some(buf[(to_u16(x), to_u16(y))].fg), theme.warn.fg);
    }
}

#[test]
fn the_title_counts_the_roles_without_an_r_apart_from_those_to_settle() {
    let history = proceed();
    let buf = draw(&RolesScreen::default(), history.session(), 160, 45);
    let rows = rows(&buf);
    let title = title(&rows);
    assert!(
        title.contains("3 roles without anyone marked R"),
        "{title:?}"
    );
    assert!(title.contains("1 role to settle"), "{title:?}");
    // The count is calm: muted, like the marks it counts.
    let y = rows.iter().position(|r| *r == title).expect("title row");
    let x = col_of(&title, "3 roles without");
    assert_eq!(Some(buf[(to_u16(x), to_u16(y))].fg), Theme::dark().muted.fg);
}

#[test]
fn marking_r_by_keys_takes_the_question_away_and_the_count_goes_down() {
    let mut history = proceed();
    let mut screen = RolesScreen::default();
    on_role(
        &mut screen,
        history.session(),
        "Implementation and integration",
    );
    // Onto Northwind's letter, and mark it responsible.
    press(&mut screen, history.session(), KeyCode::Right);
    press_and_record(&mut history, &mut screen, KeyCode::Char('r'));
    let rows = rows(&draw(&screen, history.session(), 160, 45));
    let (_, row) = row_with(&rows, "Implementation and integration");
    assert!(row.trim_end().ends_with("✔ ok"), "{row:?}");
    assert!(
        title(&rows).contains("2 roles without anyone marked R"),
        "{}",
        title(&rows)
    );
    // Clearing the R brings the question back.
    press_and_record(&mut history, &mut screen, KeyCode::Char('x'));
    let rows = super::rows(&draw(&screen, history.session(), 160, 45));
    assert!(title(&rows).contains("3 roles without anyone marked R"));
}

#[test]
fn clearing_the_only_a_turns_the_question_into_a_conflict() {
    let mut history = proceed();
    let mut screen = RolesScreen::default();
    on_role(&mut screen, history.session(), "Project management");
    // Globex answers for it: two steps right is its letter.
    press(&mut screen, history.session(), KeyCode::Right);
    press(&mut screen, history.session(), KeyCode::Right);
    press_and_record(&mut history, &mut screen, KeyCode::Char('x'));
    let rows = rows(&draw(&screen, history.session(), 160, 45));
    let (_, row) = row_with(&rows, "Project management");
    assert!(row.trim_end().ends_with("nobody accountable"), "{row:?}");
    let title = title(&rows);
    assert!(
        title.contains("2 roles without anyone marked R"),
        "{title:?}"
    );
    assert!(title.contains("2 roles to settle"), "{title:?}");
}

#[test]
fn with_every_role_answered_for_the_tick_does_not_claim_an_r_everywhere() {
    let mut history = proceed();
    let mut screen = RolesScreen::default();
    // Executive sponsorship has two R and no A: Northwind answers for it.
    on_role(&mut screen, history.session(), "Executive sponsorship");
    press(&mut screen, history.session(), KeyCode::Right);
    press_and_record(&mut history, &mut screen, KeyCode::Char('A'));
    let title = title(&rows(&draw(&screen, history.session(), 160, 45)));
    assert!(title.contains("✔ every role has one A"), "{title:?}");
    assert!(!title.contains("and an R"), "{title:?}");
    assert!(
        title.contains("3 roles without anyone marked R"),
        "{title:?}"
    );
}

#[test]
fn the_role_card_puts_the_question_in_the_rooms_words_without_a_warning() {
    let history = proceed();
    let s = history.session();
    let theme = Theme::dark();
    let mut screen = RolesScreen::default();
    on_role(&mut screen, s, "Pricing and commercial terms");
    let card = screen
        .focus_card(&ctx(s, &theme))
        .expect("a card for the role");
    let lines = crate::tui::stages::testing::card_lines(&card);
    assert!(!lines.iter().any(|l| l.contains('⚠')), "{lines:?}");
    assert_eq!(
        lines.last().map(String::as_str),
        Some(
            "Northwind Analytics answers for 'Pricing and commercial terms'; is Northwind Analytics also doing it? If another partner does the work, mark that partner R."
        )
    );
    let styles: Vec<_> = card.details.iter().map(|l| l.style).collect();
    assert!(
        styles.iter().all(|st| st.fg != theme.warn.fg),
        "no warning colour on the card: {styles:?}"
    );
}

//! What does not fit is reported, and focus mode shows the selected conflict whole.

use super::*;
use crate::domain::History;
use crate::domain::board::board;
use crate::tui::stages::Hidden;
use crate::tui::stages::testing::{at, card_lines, ctx, fresh, key, proceed, reported};

/// Draws the screen; returns its rows and what it reported as not shown.
fn draw_fit(
    screen: &ConflictsScreen,
    session: &Session,
    w: u16,
    h: u16,
) -> (Vec<String>, Vec<Hidden>) {
    crate::tui::stages::testing::fit_of(screen, session, w, h)
}

fn press(screen: &mut ConflictsScreen, session: &Session, code: KeyCode) {
    Screen::handle_key(screen, key(code), &ctx(session, &Theme::dark()));
}

fn card_of(screen: &ConflictsScreen, session: &Session) -> Option<FocusCard> {
    StageScreen::focus_card(screen, &ctx(session, &Theme::dark()))
}

/// Open conflicts between the first two partners of `history`, every other one with
/// a description long enough to wrap in the list.
fn add_many(history: &mut History, count: usize) {
    for n in 0..count {
        let description = if n % 2 == 0 {
            format!("Clash {n}")
        } else {
            format!(
                "Clash {n}: both partners want to lead the same accounts in the same \
                 region, and neither will hand over the relationship it built"
            )
        };
        let ids: Vec<PartnerId> = history.session().partners.iter().map(|p| p.id).collect();
        let conflict = Conflict {
            id: history.session().fresh_id(),
            origin: ConflictOrigin::Moderator,
            category: ConflictCategory::Territory,
            partners: ids[..2].to_vec(),
            items: Vec::new(),
            description,
            severity: Severity::Medium,
            status: ConflictStatus::Open,
            owner: String::new(),
        };
        history
            .record(at(), Change::ConflictAdded { conflict })
            .expect("the conflict is added");
    }
}

/// Conflicts whose table row is on the screen: the row begins with the gutter (or
/// the pointer) and a severity marker.
fn rows_on_screen(rows: &[String]) -> usize {
    rows.iter()
        .filter(|row| {
            let rest: String = row.chars().skip(GUTTER).collect();
            Severity::ALL
                .iter()
                .any(|s| rest.starts_with(severity_marker(*s)))
        })
        .count()
}

#[test]
fn a_crowded_list_reports_the_conflicts_out_of_view() {
    let mut history = proceed();
    add_many(&mut history, 30);
    let session = history.session();
    // More than a screenful is open, so the low ones are left out and reported apart.
    let low = board(session)
        .iter()
        .filter(|e| e.severity == Severity::Low)
        .count();
    let total = board(session).len() - low;
    let mut screen = ConflictsScreen::default();
    let (rows, hidden) = draw_fit(&screen, session, 80, 19);
    assert_eq!(reported(&hidden, "low conflicts"), Some((low, "V")));
    let shown = rows_on_screen(&rows);
    assert!(shown > 2, "{}", rows.join("\n"));
    assert_eq!(
        reported(&hidden, "conflicts"),
        Some((total - shown, "↑↓")),
        "{}",
        rows.join("\n")
    );
    // Long descriptions are cut to one row each in the list.
    let cut = reported(&hidden, "lines of detail");
    assert!(matches!(cut, Some((n, "z")) if n > 0), "{cut:?}");

    // A step down selects a long one: its description goes whole into the panel
    // under the list, so fewer rows are cut.
    press(&mut screen, session, KeyCode::Down);
    let (rows, hidden) = draw_fit(&screen, session, 80, 19);
    assert_eq!(
        reported(&hidden, "conflicts"),
        Some((total - rows_on_screen(&rows), "↑↓"))
    );
    let fewer = reported(&hidden, "lines of detail");
    assert!(fewer < cut, "{fewer:?} {cut:?}\n{}", rows.join("\n"));
}

#[test]
fn a_short_board_on_a_large_screen_reports_nothing() {
    let mut history = fresh(2);
    add_many(&mut history, 2);
    let session = history.session();
    let mut screen = ConflictsScreen::default();
    for (w, h) in [(120, 40), (200, 50)] {
        let (rows, hidden) = draw_fit(&screen, session, w, h);
        assert_eq!(hidden, Vec::new(), "{w}×{h}\n{}", rows.join("\n"));
    }
    press(&mut screen, session, KeyCode::Char('m'));
    let (_, hidden) = draw_fit(&screen, session, 120, 40);
    assert_eq!(hidden, Vec::new());
}

/// Eight partners: 15 conflicts between the first two, one between the last two.
fn eight_way() -> History {
    let mut history = fresh(8);
    add_many(&mut history, 15);
    let ids: Vec<PartnerId> = history.session().partners.iter().map(|p| p.id).collect();
    let conflict = Conflict {
        id: history.session().fresh_id(),
        origin: ConflictOrigin::Moderator,
        category: ConflictCategory::Territory,
        partners: ids[6..].to_vec(),
        items: Vec::new(),
        description: "Wayne and Cyberdyne both claim the defence sector".to_string(),
        severity: Severity::High,
        status: ConflictStatus::Open,
        owner: String::new(),
    };
    history
        .record(at(), Change::ConflictAdded { conflict })
        .expect("the conflict is added");
    history
}

#[test]
fn the_matrix_reports_columns_and_the_conflicts_its_preview_leaves_out() {
    let history = eight_way();
    let session = history.session();
    let mut screen = ConflictsScreen::default();
    press(&mut screen, session, KeyCode::Char('m'));
    let (rows, hidden) = draw_fit(&screen, session, 80, 19);
    let text = rows.join("\n");
    // Eight partners and "all": every cell of the territory row is one word.
    let row = rows
        .iter()
        .find(|r| r.contains("territory") && !r.contains('×'))
        .unwrap_or_else(|| panic!("no territory row\n{text}"));
    let cells = row
        .split_whitespace()
        .filter(|w| !["▶", "territory"].contains(w))
        .count();
    assert_eq!(
        reported(&hidden, "matrix columns"),
        Some((9 - cells, "←→")),
        "{text}"
    );
    // The first cell holds the 15: the preview lists what fits and counts the rest.
    let previewed = rows.iter().filter(|r| r.contains("Clash ")).count();
    assert_eq!(
        reported(&hidden, "conflicts"),
        Some((15 - previewed, "Enter")),
        "{text}"
    );
    assert_eq!(reported(&hidden, "matrix rows"), None);

    // The last partner's cell holds one conflict: all of it is in the preview.
    press(&mut screen, session, KeyCode::End);
    press(&mut screen, session, KeyCode::Left);
    let (rows, hidden) = draw_fit(&screen, session, 80, 19);
    assert!(rows.join("\n").contains("Wayne and Cyberdyne"));
    assert_eq!(reported(&hidden, "conflicts"), None);
    assert_eq!(reported(&hidden, "matrix columns"), Some((9 - cells, "←→")));
}

#[test]
fn the_focus_card_is_the_selected_conflict() {
    let history = proceed();
    let session = history.session();
    let theme = Theme::dark();
    let mut screen = ConflictsScreen::default();
    press(&mut screen, session, KeyCode::Home);
    let first = card_of(&screen, session).expect("a conflict is selected");
    for _ in 0..board(session).len() {
        let card = card_of(&screen, session).expect("selected");
        if card.title.starts_with("Both sales teams") {
            break;
        }
        press(&mut screen, session, KeyCode::Down);
    }
    let card = card_of(&screen, session).expect("selected");
    assert_ne!(card.title, first.title);
    assert_eq!(
        card.title,
        "Both sales teams will approach the same mid-size prospects in the DACH region"
    );
    assert_eq!(
        card.kicker,
        "Conflict · Northwind Analytics & Globex Integration"
    );
    assert_eq!(card.kicker_style, theme.heading);
    let details = card_lines(&card);
    let total = board(session).len();
    assert_eq!(
        details[..7],
        [
            "Severity: ! medium",
            "Category: territory",
            "Partners: Northwind Analytics & Globex Integration",
            "Status: resolved",
            "Agreement: Deal registration: whoever registers a prospect first leads it \
             for 90 days.",
            "Owner: Tom Okafor",
            "Found by: entered by the moderator",
        ],
        "{details:?}"
    );
    assert!(
        details[7].ends_with(&format!(" of {total} conflicts")),
        "{details:?}"
    );
}

#[test]
fn a_detected_conflict_brings_its_question_to_the_card() {
    let history = proceed();
    let session = history.session();
    let mut screen = ConflictsScreen::default();
    press(&mut screen, session, KeyCode::Home);
    let entry = {
        let theme = Theme::dark();
        let ctx = ctx(session, &theme);
        let order = display_order(&ctx, None);
        ctx.board[order[0]].clone()
    };
    let card = card_of(&screen, session).expect("selected");
    assert_eq!(card.title, one_line(&entry.description));
    let details = card_lines(&card);
    if let Some(prompt) = &entry.prompt {
        assert!(
            details.contains(&format!("Question for the room: {}", one_line(prompt))),
            "{details:?}"
        );
    }
    assert!(
        details.contains(&format!("Found by: {}", source_sentence(&entry))),
        "{details:?}"
    );
}

#[test]
fn in_the_matrix_the_card_describes_the_cell() {
    let history = eight_way();
    let session = history.session();
    let mut screen = ConflictsScreen::default();
    press(&mut screen, session, KeyCode::Char('m'));
    let card = card_of(&screen, session).expect("a cell");
    assert_eq!(card.kicker, "Matrix cell · 15 conflicts");
    assert_eq!(card.title, "territory × Northwind Analytics");
    let details = card_lines(&card);
    assert_eq!(details[0], "15 open, the worst ! medium");
    // Every conflict of the cell, the ones the preview had no room for too.
    assert_eq!(
        details.iter().filter(|d| d.contains("Clash ")).count(),
        15,
        "{details:?}"
    );

    press(&mut screen, session, KeyCode::Right);
    let card = card_of(&screen, session).expect("a cell");
    assert_eq!(card.title, "territory × Globex Integration");
    press(&mut screen, session, KeyCode::Right);
    let card = card_of(&screen, session).expect("a cell");
    assert_eq!(card.kicker, "Matrix cell · 0 conflicts");
    assert_eq!(card_lines(&card), ["No conflicts here"]);
}

#[test]
fn an_empty_board_has_no_card() {
    let history = fresh(2);
    let mut screen = ConflictsScreen::default();
    assert!(card_of(&screen, history.session()).is_none());
    press(&mut screen, history.session(), KeyCode::Char('m'));
    assert!(card_of(&screen, history.session()).is_none());
}

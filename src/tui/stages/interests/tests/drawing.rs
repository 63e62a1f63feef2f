//! Drawing many partners, long lists and tiny areas, and what a replayed event changed.

use crate::domain::timeline::Changed;
use crate::tui::stages::testing::{draw_highlighted, marked_rows};

use super::coverage::globex_exec_only;
use super::*;

fn eight_partners() -> History {
    let partners = (1..=8)
        .map(|n| NewPartner {
            id: PartnerId(n),
            name: format!("Partner {n}"),
            brings: String::new(),
        })
        .collect();
    let created = Change::Created {
        title: "Eight".to_string(),
        moderator: String::new(),
        kind: crate::domain::PartnershipType::AllianceMember,
        partners,
        roles: Vec::new(),
    };
    let at = Utc
        .with_ymd_and_hms(2026, 12, 1, 9, 0, 0)
        .single()
        .expect("a valid time");
    History::create(at, created).expect("eight partners are allowed")
}

#[test]
fn with_eight_partners_the_focused_one_is_always_shown() {
    let history = eight_partners();
    let session = history.session();
    let mut screen = InterestsScreen::default();
    for _ in 0..6 {
        press(&mut screen, session, KeyCode::Right);
    }
    let (rows, _) = draw(&screen, session, 80, 19);
    let text = rows.join("\n");
    assert!(text.contains("Partner 7"), "{text}");
    assert!(!text.contains("Partner 1 "), "{text}");
    assert!(
        text.contains("◀ 5 more") && text.contains("1 more ▶"),
        "{text}"
    );
    // Tab wraps around from the last partner to the first.
    press(&mut screen, session, KeyCode::Right);
    press(&mut screen, session, KeyCode::Tab);
    let (rows, _) = draw(&screen, session, 80, 19);
    assert!(rows[0].contains("Partner 1 "), "{}", rows.join("\n"));
    let Some(Intent::Form(form)) = press(&mut screen, session, KeyCode::Char('a')) else {
        panic!("a should open a form");
    };
    assert!(form.title.ends_with("Partner 1"));
}

#[test]
fn long_lists_scroll_to_keep_the_cursor_visible() {
    let mut history = proceed();
    let mut changes = Vec::new();
    let first_id = history.session().fresh_id().0;
    for (id, n) in (first_id..).zip(0..1000) {
        changes.push(Change::InterestAdded {
            interest: Interest {
                id: ItemId(id),
                partner: if n % 2 == 0 { NORTHWIND } else { GLOBEX },
                statement: format!(
                    "Interest number {n} with enough words to wrap onto a second row"
                ),
                category: InterestCategory::Pricing,
                weight: Weight::ALL[n % 3],
                function: Function::ALL[n % 10],
            },
        });
    }
    record(&mut history, changes);
    let session = history.session();
    let mut screen = InterestsScreen::default();
    press(&mut screen, session, KeyCode::End);
    let (rows, _) = draw(&screen, session, 80, 19);
    let text = rows.join("\n");
    assert!(text.contains("Interest number 998"), "{text}");
    assert!(text.contains("◇ Negotiable"), "{text}");
    assert!(text.contains("↑ ") && text.contains("more"), "{text}");
    for _ in 0..3 {
        press(&mut screen, session, KeyCode::Up);
    }
    let (rows, _) = draw(&screen, session, 200, 50);
    assert!(rows.join("\n").contains("Interest number 992"));
    // How fast this draws is measured by `cargo bench --bench render`, not here.
}

#[test]
fn tiny_areas_never_panic() {
    let history = globex_exec_only();
    let eight = eight_partners();
    let screens = [false, true].map(|coverage| InterestsScreen {
        coverage,
        ..InterestsScreen::default()
    });
    crate::tui::stages::testing::draw_at_every_size(
        &screens,
        &[history.session(), eight.session()],
    );
}

#[test]
fn the_interest_a_replayed_event_changed_is_marked() {
    let history = proceed();
    let s = history.session();
    // An interest of the second partner: its column is not the cursor's.
    let interest = s
        .interests
        .iter()
        .find(|i| i.partner == s.partners[1].id)
        .expect("the sample has one");
    let screen = InterestsScreen::default();
    let buf = draw_highlighted(120, 30, s, &Changed::Interest(interest.id), |f, ctx| {
        screen.render(f, f.area(), ctx)
    });
    let rows = marked_rows(&buf);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let start: String = interest.statement.chars().take(8).collect();
    assert!(rows[0].contains(&format!("● {start}")), "{rows:?}");
    let buf = draw_highlighted(120, 30, s, &Changed::Verdict, |f, ctx| {
        screen.render(f, f.area(), ctx)
    });
    assert!(marked_rows(&buf).is_empty());
}

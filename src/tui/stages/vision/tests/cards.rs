//! The vision screen's focus cards.

use ratatui::crossterm::event::KeyCode;

use crate::domain::Session;
use crate::tui::stages::FocusCard;
use crate::tui::stages::screen::Screen;
use crate::tui::stages::testing::{ctx, fresh, key, proceed};
use crate::tui::theme::Theme;

use super::super::VisionScreen;
use super::super::cards::first_sentence;

fn card(screen: &VisionScreen, session: &Session) -> FocusCard {
    screen
        .focus_card(&ctx(session, &Theme::dark()))
        .expect("the vision screen always has a card")
}

fn details(card: &FocusCard) -> Vec<String> {
    card.details.iter().map(|l| l.to_string()).collect()
}

#[test]
fn the_statement_card_leads_with_its_first_sentence_and_says_who_agrees() {
    let history = proceed();
    let card = card(&VisionScreen::default(), history.session());
    assert_eq!(
        card.title,
        "Mid-size discrete manufacturers in Europe want line-level analytics that go live in weeks, not quarters."
    );
    assert_eq!(card.kicker, "Shared opportunity · 2 of 2 agree");
    let details = details(&card);
    assert_eq!(
        details[0],
        "Together we can sell and deliver that as one offer."
    );
    assert!(details.contains(&"✔ Northwind Analytics agrees".to_string()));
    assert!(details.contains(&"✔ Globex Integration agrees".to_string()));
}

#[test]
fn a_partner_card_follows_the_cursor_and_marks_the_answer_under_it() {
    let history = proceed();
    let session = history.session();
    let theme = Theme::dark();
    let mut screen = VisionScreen::default();
    screen.handle_key(key(KeyCode::Down), &ctx(session, &theme));
    let north = card(&screen, session);
    assert_eq!(north.title, "Northwind Analytics");
    assert_eq!(north.kicker, "Market vision · partner 1 of 2");
    assert_eq!(north.kicker_style, theme.partner(0));
    let lines = details(&north);
    assert_eq!(lines[0], "▸ View of the opportunity");
    assert!(lines[1].contains("Our platform wins pilots"), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("no MES practice")));
    assert!(lines.contains(&"  Alignment with the statement: ●●●●○ 4/5".to_string()));
    assert!(lines.contains(&"  Stance: collaborator".to_string()));
    assert!(lines.contains(&"  Agreement: ✔ agrees to the statement".to_string()));

    screen.handle_key(key(KeyCode::Right), &ctx(session, &theme));
    screen.handle_key(key(KeyCode::Down), &ctx(session, &theme));
    let globex = card(&screen, session);
    assert_eq!(globex.title, "Globex Integration");
    assert_eq!(globex.kicker_style, theme.partner(1));
    let lines = details(&globex);
    assert!(lines.iter().any(|l| l.contains("Our customers ask")));
    assert!(lines.contains(&"▸ Why it could not do this as well alone".to_string()));
}

#[test]
fn an_unwritten_statement_and_unsaid_answers_still_make_a_card() {
    let history = fresh(2);
    let session = history.session();
    let mut screen = VisionScreen::default();
    let statement = card(&screen, session);
    assert_eq!(statement.title, "No shared statement yet");
    assert_eq!(statement.kicker, "Shared opportunity · 0 of 2 agree");
    screen.handle_key(key(KeyCode::Down), &ctx(session, &Theme::dark()));
    let partner = details(&card(&screen, session));
    assert_eq!(partner[1], "  not said yet");
    assert!(partner.contains(&"  Alignment with the statement: not scored".to_string()));
}

#[test]
fn first_sentence_ends_at_a_stop_or_a_line_break() {
    assert_eq!(first_sentence("One. Two."), ("One.", "Two."));
    assert_eq!(
        first_sentence("Ends 1.5 later? Yes"),
        ("Ends 1.5 later?", "Yes")
    );
    assert_eq!(first_sentence("Title\nBody"), ("Title", "Body"));
    assert_eq!(first_sentence("No stop at all"), ("No stop at all", ""));
}

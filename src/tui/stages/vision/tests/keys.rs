//! What the vision screen's keys ask for: editors, scores, stances, agreement.

use ratatui::crossterm::event::KeyCode;

use crate::domain::{Change, Stance};
use crate::tui::editor::EditorMode;
use crate::tui::intent::Intent;
use crate::tui::stages::testing::{fresh, proceed, recorded};

use super::super::VisionScreen;
use super::{GLOBEX, NORTHWIND, draw, keys, press, record, submit};

#[test]
fn enter_on_statement_edits_it_and_keeps_agreements_if_unchanged() {
    let mut history = proceed();
    record(&mut history, vec![Change::GateReopened]);
    let session = history.session().clone();
    let mut screen = VisionScreen::default();
    let intent = press(&mut screen, &session, KeyCode::Enter);
    match &intent {
        Some(Intent::Edit {
            initial,
            mode,
            title,
            ..
        }) => {
            assert_eq!(initial, &session.statement);
            assert_eq!(*mode, EditorMode::MultiLine);
            assert!(title.contains("withdraws"), "{title}");
        }
        _ => panic!("expected an editor"),
    }
    let unchanged = submit(intent, &format!("{}\n", session.statement), &session).unwrap();
    assert!(unchanged.is_empty());
    let changed = submit(
        press(&mut screen, &session, KeyCode::Enter),
        " New words ",
        &session,
    )
    .unwrap();
    assert_eq!(
        changed,
        vec![Change::StatementSet {
            text: "New words".into()
        }]
    );
    record(&mut history, changed);
    assert_eq!(history.session().statement, "New words");
    assert!(history.session().partners.iter().all(|p| !p.vision.agreed));
}

#[test]
fn enter_on_a_partner_text_opens_it_prefilled() {
    let history = proceed();
    let session = history.session();
    let mut screen = VisionScreen::default();
    keys(
        &mut screen,
        session,
        &[KeyCode::Char('j'), KeyCode::Char('l')],
    );
    let intent = press(&mut screen, session, KeyCode::Enter);
    match &intent {
        Some(Intent::Edit { initial, title, .. }) => {
            assert!(initial.starts_with("Our customers ask for analytics"));
            assert!(title.starts_with("Globex Integration"));
        }
        _ => panic!("expected an editor"),
    }
    let changes = submit(intent, "Analytics sells MES projects", session).unwrap();
    assert_eq!(
        changes,
        vec![Change::ViewSet {
            partner: GLOBEX,
            text: "Analytics sells MES projects".into()
        }]
    );
    keys(&mut screen, session, &[KeyCode::Down, KeyCode::Char('h')]);
    let changes = submit(
        press(&mut screen, session, KeyCode::Enter),
        "No MES practice",
        session,
    )
    .unwrap();
    assert_eq!(
        changes,
        vec![Change::WhyNotAloneSet {
            partner: NORTHWIND,
            text: "No MES practice".into()
        }]
    );
}

#[test]
fn score_by_digit_by_zero_and_by_typing() {
    let mut history = fresh(2);
    let mut screen = VisionScreen::default();
    keys(
        &mut screen,
        history.session(),
        &[KeyCode::Down, KeyCode::Down, KeyCode::Down],
    );
    let set = recorded(press(&mut screen, history.session(), KeyCode::Char('3')));
    assert_eq!(
        set,
        vec![Change::AlignmentSet {
            partner: NORTHWIND,
            score: Some(3)
        }]
    );
    record(&mut history, set);
    let (rows, _) = draw(&screen, history.session(), 80, 24);
    assert!(rows.join("\n").contains("●●●○○ 3/5"));
    let cleared = recorded(press(&mut screen, history.session(), KeyCode::Char('0')));
    assert_eq!(
        cleared,
        vec![Change::AlignmentSet {
            partner: NORTHWIND,
            score: None
        }]
    );

    let session = history.session();
    let typed = |text: &str, screen: &mut VisionScreen| {
        submit(press(screen, session, KeyCode::Enter), text, session)
    };
    assert!(typed("7", &mut screen).unwrap_err().contains("1 to 5"));
    assert!(typed("two", &mut screen).is_err());
    assert_eq!(
        typed(" 5 ", &mut screen).unwrap(),
        vec![Change::AlignmentSet {
            partner: NORTHWIND,
            score: Some(5)
        }]
    );
    assert_eq!(
        typed("", &mut screen).unwrap(),
        vec![Change::AlignmentSet {
            partner: NORTHWIND,
            score: None
        }]
    );
    // Digits mean nothing on other cells.
    keys(&mut screen, session, &[KeyCode::Up]);
    assert!(press(&mut screen, session, KeyCode::Char('3')).is_none());
}

#[test]
fn stance_cycles_through_not_said() {
    let mut history = fresh(2);
    let mut screen = VisionScreen::default();
    keys(
        &mut screen,
        history.session(),
        &[KeyCode::Down, KeyCode::Down, KeyCode::Down, KeyCode::Down],
    );
    let mut seen = Vec::new();
    for key in [
        KeyCode::Char(' '),
        KeyCode::Enter,
        KeyCode::Char(' '),
        KeyCode::Char(' '),
    ] {
        let changes = recorded(press(&mut screen, history.session(), key));
        record(&mut history, changes);
        seen.push(history.session().partners[0].vision.stance);
    }
    assert_eq!(
        seen,
        vec![
            Some(Stance::Collaborator),
            Some(Stance::Coopetitor),
            Some(Stance::Competitor),
            None
        ]
    );
}

#[test]
fn agreement_toggles_by_enter_space_and_y() {
    let mut history = fresh(2);
    let mut screen = VisionScreen::default();
    keys(&mut screen, history.session(), &[KeyCode::Down]);
    // Nothing to agree to yet.
    assert!(matches!(
        press(&mut screen, history.session(), KeyCode::Char('y')),
        Some(Intent::Status(_))
    ));
    record(
        &mut history,
        vec![Change::StatementSet {
            text: "One offer".into(),
        }],
    );
    let agree = recorded(press(&mut screen, history.session(), KeyCode::Char('y')));
    assert_eq!(
        agree,
        vec![Change::AgreementSet {
            partner: NORTHWIND,
            agreed: true
        }]
    );
    record(&mut history, agree);
    keys(
        &mut screen,
        history.session(),
        &[
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Down,
        ],
    );
    let withdraw = recorded(press(&mut screen, history.session(), KeyCode::Enter));
    assert_eq!(
        withdraw,
        vec![Change::AgreementSet {
            partner: NORTHWIND,
            agreed: false
        }]
    );
    keys(&mut screen, history.session(), &[KeyCode::Right]);
    let other = recorded(press(&mut screen, history.session(), KeyCode::Char(' ')));
    assert_eq!(
        other,
        vec![Change::AgreementSet {
            partner: GLOBEX,
            agreed: true
        }]
    );
    // On the statement, y has no partner to speak for.
    keys(&mut screen, history.session(), &[KeyCode::Tab]);
    assert!(matches!(
        press(&mut screen, history.session(), KeyCode::Char('y')),
        Some(Intent::Status(_))
    ));
}

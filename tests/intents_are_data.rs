//! What a key asks for is plain data: it can be compared, copied and printed, and what
//! an editor or form will change is named by its purpose, not hidden in a function.
//! The one function of each stage then turns what was typed into changes.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use sameside::domain::board::board;
use sameside::domain::sample::example_proceed;
use sameside::domain::{Change, Stage};
use sameside::tui::editor::EditorMode;
use sameside::tui::intent::Intent;
use sameside::tui::purpose::{FieldId, FieldValue, Purpose, SummaryPurpose, Values, VisionPurpose};
use sameside::tui::stages::StageCtx;
use sameside::tui::submit::{submit, submit_form};
use sameside::tui::theme::Theme;
use sameside::tui::wall::Wall;

fn press(stage: Stage, codes: &[KeyCode]) -> Option<Intent> {
    let history = example_proceed().expect("the sample session builds");
    let session = history.session();
    let entries = board(session);
    let theme = Theme::dark();
    let ctx = StageCtx::new(session, &entries, &theme, false, None);
    let mut wall = Wall::default();
    let mut last = None;
    for code in codes {
        last = wall.screen_key(stage, KeyEvent::new(*code, KeyModifiers::NONE), &ctx);
    }
    last
}

#[test]
fn enter_on_the_statement_asks_for_the_statement_editor_by_name() {
    let history = example_proceed().expect("the sample session builds");
    let intent = press(Stage::Vision, &[KeyCode::Enter]).expect("Enter opens an editor");
    let Intent::Edit {
        purpose,
        initial,
        mode,
        ..
    } = &intent
    else {
        panic!("expected an editor, got {intent:?}");
    };
    assert_eq!(*purpose, Purpose::Vision(VisionPurpose::Statement));
    assert_eq!(*initial, history.session().statement);
    assert_eq!(*mode, EditorMode::MultiLine);
    // Plain data: a copy is the same intent, and it prints without running anything.
    assert_eq!(intent.clone(), intent);
    assert!(format!("{intent:?}").contains("Statement"));
}

#[test]
fn the_same_key_twice_asks_for_the_same_thing() {
    assert_eq!(
        press(Stage::Summary, &[KeyCode::Char('a')]),
        press(Stage::Summary, &[KeyCode::Char('a')])
    );
}

#[test]
fn a_form_is_read_by_field_name_and_turned_into_changes_by_its_purpose() {
    let history = example_proceed().expect("the sample session builds");
    let Some(Intent::Form(form)) = press(Stage::Summary, &[KeyCode::Char('a')]) else {
        panic!("a opens the action item form");
    };
    assert_eq!(form.purpose, Purpose::Summary(SummaryPurpose::NewAction));
    let ids: Vec<FieldId> = form.fields.iter().map(|f| f.id).collect();
    assert_eq!(ids, [FieldId::Text, FieldId::Owner, FieldId::Due]);
    // Nothing typed: the purpose's function refuses, with a reason for the moderator.
    assert!(submit_form(&form, history.session()).is_err());
    // Values given in another order than the fields: they are read by name.
    let values = Values::default()
        .with(FieldId::Due, FieldValue::Text("2026-12-24".into()))
        .with(
            FieldId::Text,
            FieldValue::Text("Send the draft contract".into()),
        )
        .with(FieldId::Owner, FieldValue::Text("Dana".into()));
    let changes = submit(&form.purpose, &values, history.session()).expect("valid");
    match &changes[..] {
        [Change::ActionAdded { action }] => {
            assert_eq!(action.text, "Send the draft contract");
            assert_eq!(action.owner, "Dana");
            assert_eq!(
                action.due.map(|d| d.to_string()).as_deref(),
                Some("2026-12-24")
            );
        }
        other => panic!("expected one action added, got {other:?}"),
    }
}

#[test]
fn the_timebox_editor_names_its_stage_and_refuses_what_is_not_minutes() {
    let history = example_proceed().expect("the sample session builds");
    let purpose = Purpose::Timebox(Stage::Roles);
    assert_eq!(
        submit(&purpose, &Values::single(" 25 "), history.session()),
        Ok(vec![Change::TimeboxSet {
            stage: Stage::Roles,
            minutes: 25
        }])
    );
    let refused = submit(&purpose, &Values::single("soon"), history.session());
    assert_eq!(
        refused,
        Err("'soon' is not a number of minutes".to_string())
    );
}
